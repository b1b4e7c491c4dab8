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
type entity[T any] struct {
	bucket string             // bbolt bucket
	name   string             // Norwegian, for the change log ("utvalgsmedlem")
	id     func(T) uint64     // reads the record's ID
	setID  func(*T, uint64)   // stores an assigned ID into the record
	label  func(T) string     // short description for summaries, e.g. «Kari Nordmann» (Verneombud)
	norm   func(T) T          // optional: the form that is stored (trimmed etc.)
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
	var out []T
	err := forEachRecord(tx, e.bucket, func(id uint64, v T) error {
		e.setID(&v, id)
		out = append(out, v)
		return nil
	})
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
	var out []T
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		out, err = e.list(tx)
		return err
	})
	return out, err
}

// saveEntity creates v (ID 0: the bucket's next sequence ID) or replaces
// the record with v's ID, and logs it in the same transaction. A refused
// validation changes nothing; saving an unchanged record writes and logs
// nothing. It returns the value as stored, with its ID.
func saveEntity[T any](s *Store, e entity[T], v T) (T, error) {
	if e.norm != nil {
		v = e.norm(v)
	}
	if e.check != nil {
		if err := e.check(v); err != nil {
			return v, err
		}
	}
	saved := v
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		id, kind := e.id(v), ChangeUpdated
		var old T
		if id == 0 {
			var err error
			if id, err = nextID(tx, e.bucket); err != nil {
				return nil, err
			}
			e.setID(&v, id)
			kind = ChangeCreated
		} else {
			var err error
			if old, err = e.get(tx, id); err != nil {
				return nil, err
			}
		}
		if e.across != nil {
			all, err := e.list(tx)
			if err != nil {
				return nil, err
			}
			others := all[:0]
			for _, o := range all {
				if e.id(o) != id {
					others = append(others, o)
				}
			}
			if err := e.across(others, v); err != nil {
				return nil, err
			}
		}
		saved = v
		summary := fmt.Sprintf("La til %s %s", e.name, e.label(v))
		if kind == ChangeUpdated {
			newRaw, err := encodeRecord(v)
			if err != nil {
				return nil, err
			}
			oldRaw, _ := encodeRecord(old)
			if bytes.Equal(newRaw, oldRaw) {
				return nil, errNoChange
			}
			summary = fmt.Sprintf("Endret %s %s", e.name, e.label(v))
			if was := e.label(old); was != e.label(v) {
				summary += ", før: " + was
			}
		}
		if err := putRecord(tx, e.bucket, id, v); err != nil {
			return nil, err
		}
		return []Change{{Entity: e.name, EntityID: id, Kind: kind, Summary: summary}}, nil
	})
	return saved, err
}

// deleteEntity removes record id and logs it in the same transaction. A
// record that no longer decodes can still be deleted, so a damaged entry
// reported by Check can be removed from the program.
func deleteEntity[T any](s *Store, e entity[T], id uint64) error {
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		label := "(skadet post)"
		if old, err := e.get(tx, id); err == nil {
			label = e.label(old)
		} else if found, herr := hasRecord(tx, e.bucket, id); herr != nil {
			return nil, herr
		} else if !found {
			return nil, e.notFound(id)
		}
		if _, err := deleteRecord(tx, e.bucket, id); err != nil {
			return nil, err
		}
		return []Change{{Entity: e.name, EntityID: id, Kind: ChangeDeleted,
			Summary: fmt.Sprintf("Slettet %s %s", e.name, label)}}, nil
	})
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
