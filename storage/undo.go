package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"go.etcd.io/bbolt"
)

// ChangeUndone marks the change-log entry of an undo («Angre»).
const ChangeUndone ChangeKind = "angret"

// maxUndoRecords is the most records one transaction may write and still
// be undoable: an import of thousands of records is not an «Angre» and
// would bloat the change log with their previous values.
const maxUndoRecords = 200

// RecordState is one record a change wrote, as it was before the change,
// so the change can be undone: Before is the stored bytes (nil: the record
// did not exist), AfterSum the SHA-256 of what the change left ("" when it
// deleted the record). Undo refuses when the record no longer matches
// AfterSum, i.e. a later change superseded this one.
type RecordState struct {
	Bucket   string `json:"bucket"`
	Key      []byte `json:"key"`
	Before   []byte `json:"before,omitempty"`
	AfterSum string `json:"after_sum,omitempty"`
}

// ErrNothingToUndo is returned by UndoLast when this session has made no
// change that can be undone.
var ErrNothingToUndo = errors.New("Det er ingenting å angre.")

// journal collects, per write transaction, the previous value of every
// record the transaction touches. Writers are serialised by bbolt, but the
// map is keyed by transaction so nothing depends on that.
type journal struct {
	states []RecordState
	seen   map[string]bool
}

var journals sync.Map // *bbolt.Tx → *journal

// noteBefore records the value of bucket/key before the first write to it
// in tx. Every put and delete in this package calls it.
func noteBefore(tx *bbolt.Tx, b *bbolt.Bucket, bucket string, key []byte) {
	v, ok := journals.Load(tx)
	if !ok {
		return
	}
	j := v.(*journal)
	id := bucket + "\x00" + string(key)
	if j.seen[id] {
		return
	}
	j.seen[id] = true
	j.states = append(j.states, RecordState{Bucket: bucket, Key: bytes.Clone(key), Before: bytes.Clone(b.Get(key))})
}

// beginJournal starts collecting for tx; finish returns what it wrote,
// with the sums of the values left behind, or nil when there is nothing
// to undo or too much.
func beginJournal(tx *bbolt.Tx) (finish func() []RecordState) {
	j := &journal{seen: map[string]bool{}}
	journals.Store(tx, j)
	return func() []RecordState {
		journals.Delete(tx)
		if len(j.states) == 0 || len(j.states) > maxUndoRecords {
			return nil
		}
		for i := range j.states {
			st := &j.states[i]
			if b := tx.Bucket([]byte(st.Bucket)); b != nil {
				st.AfterSum = sumOf(b.Get(st.Key))
			}
		}
		return j.states
	}
}

func sumOf(raw []byte) string {
	if raw == nil {
		return ""
	}
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:])
}

// LastUndoable is the newest change of this session (since the file was
// opened) that can still be undone: not an undo itself, not undone yet.
func (s *Store) LastUndoable() (Change, bool) {
	var out Change
	found := false
	_ = s.view(func(tx *bbolt.Tx) error {
		c, err := s.lastUndoable(tx)
		out, found = c, err == nil
		return nil
	})
	return out, found
}

// lastUndoable walks the log back to the session start.
func (s *Store) lastUndoable(tx *bbolt.Tx) (Change, error) {
	b, err := bucketOf(tx, bucketChangelog)
	if err != nil {
		return Change{}, err
	}
	undone := map[uint64]bool{}
	c := b.Cursor()
	for k, raw := c.Last(); k != nil; k, raw = c.Prev() {
		ch, err := decodeRecord[Change](bucketChangelog, k, raw)
		if err != nil {
			return Change{}, err
		}
		if ch.Seq <= s.sessionFrom {
			break
		}
		switch {
		case ch.Kind == ChangeUndone:
			undone[ch.UndoOf] = true
		case len(ch.Records) > 0 && !undone[ch.Seq]:
			return ch, nil
		}
	}
	return Change{}, ErrNothingToUndo
}

// UndoLast undoes the newest change of this session that is not undone
// yet (see Undo). Called again, it undoes the change before that.
func (s *Store) UndoLast() (Change, error) {
	var target Change
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		target, err = s.lastUndoable(tx)
		return err
	})
	if err != nil {
		return Change{}, err
	}
	return s.Undo(target.Seq)
}

// Undo puts back every record change seq wrote, as it was before, in one
// transaction, and logs it as «angret». It refuses, and changes nothing,
// when the change cannot be undone, is undone already, or a record it
// wrote has been changed since. It returns the undone change.
func (s *Store) Undo(seq uint64) (Change, error) {
	var target Change
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if target, err = undoTarget(tx, seq); err != nil {
			return nil, err
		}
		before := invariantProblems(tx)
		for _, st := range target.Records {
			if err := restoreState(tx, target, st); err != nil {
				return nil, err
			}
		}
		if err := newProblems(before, invariantProblems(tx)); err != nil {
			return nil, fmt.Errorf("«%s» kan ikke angres fordi det ikke lenger passer med resten av dataene: %w", target.Summary, err)
		}
		return []Change{{Entity: target.Entity, EntityID: target.EntityID, Kind: ChangeUndone, UndoOf: seq,
			Summary: "Angret: " + target.Summary}}, nil
	})
	return target, err
}

// undoTarget loads change seq and checks it may be undone.
func undoTarget(tx *bbolt.Tx, seq uint64) (Change, error) {
	target, found, err := getRecord[Change](tx, bucketChangelog, seq)
	if err != nil {
		return target, err
	}
	if !found || len(target.Records) == 0 || target.Kind == ChangeUndone {
		return target, fmt.Errorf("Endring nr. %d kan ikke angres.", seq)
	}
	b, err := bucketOf(tx, bucketChangelog)
	if err != nil {
		return target, err
	}
	c := b.Cursor()
	for k, raw := c.Seek(itob(seq + 1)); k != nil; k, raw = c.Next() {
		later, err := decodeRecord[Change](bucketChangelog, k, raw)
		if err != nil {
			return target, err
		}
		if later.Kind == ChangeUndone && later.UndoOf == seq {
			return target, fmt.Errorf("«%s» er allerede angret.", target.Summary)
		}
	}
	return target, nil
}

// restoreState writes st.Before back, after checking that the record is
// still as the change left it.
func restoreState(tx *bbolt.Tx, target Change, st RecordState) error {
	b, err := bucketOf(tx, st.Bucket)
	if err != nil {
		return err
	}
	if sumOf(b.Get(st.Key)) != st.AfterSum {
		return fmt.Errorf("«%s» kan ikke angres fordi det er endret igjen etterpå. Angre den siste endringen først, eller rett det opp for hånd.", target.Summary)
	}
	noteBefore(tx, b, st.Bucket, st.Key)
	if st.Before == nil {
		err = b.Delete(st.Key)
	} else {
		err = b.Put(st.Key, st.Before)
	}
	if err != nil {
		return err
	}
	return reindex(tx, st.Bucket, st.Key, st.Before)
}

// invariantProblems are the rules across records (Check's) that tx breaks.
func invariantProblems(tx *bbolt.Tx) map[string]bool {
	out := map[string]bool{}
	for _, inv := range invariants {
		for _, p := range inv(tx) {
			out[p] = true
		}
	}
	return out
}

// newProblems is an error naming the problems in after that were not in
// before: an undo must not break a rule a later change relies on (a
// member put back whose role another member has taken since).
func newProblems(before, after map[string]bool) error {
	var added []string
	for p := range after {
		if !before[p] {
			added = append(added, p)
		}
	}
	if len(added) == 0 {
		return nil
	}
	sort.Strings(added)
	return errors.New(strings.Join(added, "; "))
}

// pruneUndo removes the previous values kept for Undo from the change-log
// entries of earlier sessions: Undo offers only this session's changes,
// and a deleted record should not live on in the log. It writes only when
// there is something to remove, without a change-log entry of its own,
// and leaves an entry that does not decode as it is.
func (s *Store) pruneUndo() (err error) {
	var seqs []uint64
	marker := []byte(`"records":`)
	err = s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketChangelog)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, raw []byte) error {
			if bytes.Contains(raw, marker) {
				if id, err := btoi(k); err == nil && id <= s.sessionFrom {
					seqs = append(seqs, id)
				}
			}
			return nil
		})
	})
	if err != nil || len(seqs) == 0 {
		return err
	}
	defer s.guard(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return s.db.Update(func(tx *bbolt.Tx) error {
		for _, seq := range seqs {
			c, found, err := getRecord[Change](tx, bucketChangelog, seq)
			if err != nil || !found {
				continue // a damaged entry is Check's to report, not ours to rewrite
			}
			c.Records = nil
			if err := putRecord(tx, bucketChangelog, seq, c); err != nil {
				return err
			}
		}
		return nil
	})
}
