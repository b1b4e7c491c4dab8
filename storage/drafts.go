package storage

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// Schema 5: drafts of long free text typed in a form and not yet saved, so
// a crash or power cut loses at most what was typed in the last seconds.
// A draft is not the unit's data: it is written without a change-log entry
// and never shows in reports, and it is removed when the form is saved or
// its changes discarded.
const bucketDrafts = "drafts"

// migrateDrafts adds the empty bucket; existing records need no conversion.
func migrateDrafts(tx *bbolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists([]byte(bucketDrafts))
	return err
}

// Draft is the free text of one form, where it belongs: the page and the
// record (ID 0: a new one) the form showed, as the page's focus request
// (appctx.Focus) that opens it again.
type Draft struct {
	Page     string       `json:"page"`
	ParentID uint64       `json:"parent_id,omitempty"`
	ID       uint64       `json:"id,omitempty"`
	Filter   string       `json:"filter,omitempty"` // how the page opens a new record, when ID is 0
	Title    string       `json:"title"`            // what the form showed, e.g. «Avvik 12: 03.02.2026 …»
	Fields   []DraftField `json:"fields"`
	Time     time.Time    `json:"time"`
}

// DraftField is one text field of a draft, by its label.
type DraftField struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

// Key names the form and record the draft belongs to; one draft per key.
func (d Draft) Key() string { return fmt.Sprintf("%s/%d/%d", d.Page, d.ParentID, d.ID) }

// Empty reports whether no field holds text.
func (d Draft) Empty() bool {
	for _, f := range d.Fields {
		if strings.TrimSpace(f.Text) != "" {
			return false
		}
	}
	return true
}

var _ = registerBucket(bucketSpec{name: bucketDrafts, label: "kladder", since: 6, named: true, typ: nil,
	check: func(key, raw []byte) error {
		d, err := decodeRecord[Draft](bucketDrafts, key, raw)
		if err != nil {
			return err
		}
		if d.Key() != string(key) {
			return fmt.Errorf("kladden under %s hører til %s", formatKey(key), d.Key())
		}
		return nil
	}})

// writeQuiet runs fn in a write transaction without a change-log entry;
// only drafts, which are not the unit's data, are written this way.
func (s *Store) writeQuiet(fn func(b *bbolt.Bucket) error) (err error) {
	if s.closed.Load() {
		return ErrClosed
	}
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	defer s.guard(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return s.db.Update(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketDrafts)
		if err != nil {
			return err
		}
		return fn(b)
	})
}

// SaveDraft stores d under its key, replacing an earlier draft of the same
// form and record. An empty draft removes it.
func (s *Store) SaveDraft(d Draft) error {
	if d.Empty() {
		return s.ClearDraft(d.Key())
	}
	if d.Time.IsZero() {
		d.Time = s.opts.Now()
	}
	raw, err := encodeRecord(d)
	if err != nil {
		return err
	}
	return s.writeQuiet(func(b *bbolt.Bucket) error { return b.Put([]byte(d.Key()), raw) })
}

// ClearDraft removes the draft under key; no draft is not an error.
func (s *Store) ClearDraft(key string) error {
	err := s.writeQuiet(func(b *bbolt.Bucket) error {
		if b.Get([]byte(key)) == nil {
			return errNoChange
		}
		return b.Delete([]byte(key))
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// Drafts returns the stored drafts, newest first.
func (s *Store) Drafts() ([]Draft, error) {
	var out []Draft
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketDrafts)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, raw []byte) error {
			d, err := decodeRecord[Draft](bucketDrafts, k, raw)
			if err != nil {
				return err
			}
			out = append(out, d)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, err
}
