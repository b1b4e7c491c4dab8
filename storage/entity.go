package storage

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"go.etcd.io/bbolt"
)

// entity describes a record type stored one per ID in its own bucket.
// A new module (action plan, deviations …) declares one, adds a migration
// creating the bucket, registers it for Check with registerBucket, and then
// gets create/update/delete with change log from saveEntity/deleteEntity.
// Writes that change several records at once (a measure and the risk item
// it is linked to) use save/remove inside one Batch step instead.
type entity[T any] struct {
	bucket string           // bbolt bucket
	name   string           // Norwegian, for the change log ("utvalgsmedlem")
	id     func(T) uint64   // reads the record's ID
	setID  func(*T, uint64) // stores an assigned ID into the record
	label  func(T) string   // short description for summaries, e.g. «Kari Nordmann» (Verneombud)
	norm   func(T) T        // optional: the form that is stored (trimmed etc.)
	// fill (optional) completes v from the stored record before it is
	// checked, e.g. keeps a creation date the caller left out; old is the
	// zero value when created is true.
	fill   func(old T, created bool, v T) T
	check  func(T) error      // optional: per-record validation (model's Validate)
	across func([]T, T) error // optional: rules across all records; gets the others and the new value
}

// get loads one record; ErrNotFound (wrapped) if it does not exist.
func (e entity[T]) get(tx *bbolt.Tx, id uint64) (T, error) {
	v, found, err := getRecord[T](tx, e.bucket, id)
	if err == nil && !found {
		err = e.notFound(id)
	}
	if err == nil {
		e.setID(&v, id)
	}
	return v, err
}

// list returns all records in ID order, with IDs taken from the keys.
func (e entity[T]) list(tx *bbolt.Tx) ([]T, error) {
	ids, out, err := decodeRecords[T](tx, e.bucket)
	for i := range out {
		e.setID(&out[i], ids[i])
	}
	return out, err
}

func (e entity[T]) notFound(id uint64) error {
	return fmt.Errorf("%s med ID %d %w", upperFirst(e.name), id, ErrNotFound)
}

// getEntity reads one record in its own transaction.
func getEntity[T any](s *Store, e entity[T], id uint64) (T, error) {
	var v T
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		v, err = e.get(tx, id)
		return err
	})
	return v, err
}

// listEntities reads all records of e in ID order.
func listEntities[T any](s *Store, e entity[T]) ([]T, error) {
	// The bucket names the list; the type is part of the key because two
	// entities could share a bucket with different record types.
	key := e.bucket + "\x00" + fmt.Sprintf("%T", *new(T))
	if out, ok := cachedList[T](&s.lists, key); ok {
		return out, nil
	}
	gen := s.lists.begin()
	var out []T
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		if s.oneShot() {
			out, err = listChunked(tx, e, s.releaseRead)
		} else {
			out, err = e.list(tx)
		}
		return err
	})
	if err == nil && !s.opts.NoListCache {
		storeList(&s.lists, key, gen, out)
	}
	return out, err
}

// saveEntity creates v (ID 0: the bucket's next sequence ID) or replaces
// the record with v's ID, and logs it in the same transaction. A refused
// validation changes nothing; saving an unchanged record writes and logs
// nothing. It returns the value as stored, with its ID.
func saveEntity[T any](s *Store, e entity[T], v T) (T, error) {
	saved := v
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		var c Change
		var err error
		saved, c, err = e.save(tx, v)
		if err != nil {
			return nil, err
		}
		return []Change{c}, nil
	})
	return saved, err
}

// save is saveEntity inside a caller's transaction, so several records can
// change together. It returns the stored value and its change-log entry,
// or errNoChange (with the value) when the stored record is identical.
// Nothing is written when it returns another error.
func (e entity[T]) save(tx *bbolt.Tx, v T) (T, Change, error) {
	if e.norm != nil {
		v = e.norm(v)
	}
	id := e.id(v)
	old, kind, err := e.previous(tx, id)
	if err != nil {
		return v, Change{}, err
	}
	if e.fill != nil {
		v = e.fill(old, kind == ChangeCreated, v)
	}
	if e.check != nil {
		if err := e.check(v); err != nil {
			return v, Change{}, err
		}
	}
	if id == 0 {
		if id, err = nextID(tx, e.bucket); err != nil {
			return v, Change{}, err
		}
		e.setID(&v, id)
	}
	if err := e.checkAcross(tx, id, v); err != nil {
		return v, Change{}, err
	}
	summary, err := e.changeSummary(kind, old, v)
	if err != nil {
		return v, Change{}, err
	}
	if err := putRecord(tx, e.bucket, id, v); err != nil {
		return v, Change{}, err
	}
	return v, Change{Entity: e.name, EntityID: id, Kind: kind, Summary: summary}, nil
}

// previous is the stored record a save with this ID replaces and whether
// the save creates or updates; ID 0 creates (old is the zero value).
func (e entity[T]) previous(tx *bbolt.Tx, id uint64) (old T, kind ChangeKind, err error) {
	if id == 0 {
		return old, ChangeCreated, nil
	}
	old, err = e.get(tx, id)
	return old, ChangeUpdated, err
}

// checkAcross applies the rules across all records (if e has any) to v,
// stored under id, against the other records.
func (e entity[T]) checkAcross(tx *bbolt.Tx, id uint64, v T) error {
	if e.across == nil {
		return nil
	}
	all, err := e.list(tx)
	if err != nil {
		return err
	}
	others := all[:0]
	for _, o := range all {
		if e.id(o) != id {
			others = append(others, o)
		}
	}
	return e.across(others, v)
}

// changeSummary is the change log's line for saving v over old: «La til …»
// or «Endret …, før: …»; errNoChange when an update stores the same bytes.
func (e entity[T]) changeSummary(kind ChangeKind, old, v T) (string, error) {
	if kind != ChangeUpdated {
		return fmt.Sprintf("La til %s %s", e.name, e.label(v)), nil
	}
	newRaw, err := encodeRecord(v)
	if err != nil {
		return "", err
	}
	oldRaw, _ := encodeRecord(old)
	if bytes.Equal(newRaw, oldRaw) {
		return "", errNoChange
	}
	summary := fmt.Sprintf("Endret %s %s", e.name, e.label(v))
	if was := e.label(old); was != e.label(v) {
		summary += ", før: " + was
	}
	return summary, nil
}

// put stores v under its (non-zero) ID without validation or change-log
// entry; for callers that have already checked v and write their own
// entry, such as a link update.
func (e entity[T]) put(tx *bbolt.Tx, v T) error {
	return putRecord(tx, e.bucket, e.id(v), v)
}

// deleteEntity removes record id and logs it in the same transaction. A
// record that no longer decodes can still be deleted, so a damaged entry
// reported by Check can be removed from the program.
func deleteEntity[T any](s *Store, e entity[T], id uint64) error {
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		_, c, err := e.remove(tx, id)
		if err != nil {
			return nil, err
		}
		return []Change{c}, nil
	})
}

// remove is deleteEntity inside a caller's transaction. It returns the
// deleted record (the zero value if it no longer decoded) and the
// change-log entry.
func (e entity[T]) remove(tx *bbolt.Tx, id uint64) (old T, c Change, err error) {
	label := "(skadet post)"
	if v, err := e.get(tx, id); err == nil {
		old, label = v, e.label(v)
	} else if found, herr := hasRecord(tx, e.bucket, id); herr != nil {
		return old, c, herr
	} else if !found {
		return old, c, e.notFound(id)
	}
	if _, err := deleteRecord(tx, e.bucket, id); err != nil {
		return old, c, err
	}
	summary := fmt.Sprintf("Slettet %s %s", e.name, label)
	// A deviation, risk item, meeting or round takes its attachments along.
	if n, err := removeAttachmentsOf(tx, e.bucket, id); err != nil {
		return old, c, err
	} else if n > 0 {
		summary += fmt.Sprintf(" med %d vedlegg", n)
	}
	return old, Change{Entity: e.name, EntityID: id, Kind: ChangeDeleted, Summary: summary}, nil
}

// upperFirst capitalises the first letter, for messages starting with an
// entity name.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
