package storage

import (
	"errors"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Batch groups writes into one transaction: every change is stored with
// its change-log entry, or none is. The store's own write methods are
// one-step batches; imports and the demo generator use Batch directly so
// that thousands of records cost one disk sync instead of thousands.
//
// The first failing step aborts the batch: later steps return the same
// error without doing anything, and Store.Batch rolls everything back even
// if fn ignores the error. b must not be used after fn returns.
type Batch struct {
	s       *Store
	tx      *bbolt.Tx
	changes []Change
	err     error
}

// Batch runs fn with a batch in one write transaction.
func (s *Store) Batch(fn func(b *Batch) error) error {
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		b := &Batch{s: s, tx: tx}
		err := fn(b)
		b.tx = nil
		if b.err != nil {
			return nil, b.err
		}
		if err != nil {
			return nil, err
		}
		return b.changes, nil
	})
}

// inBatch runs a single Batch step as a Store method of its own: most
// writes are one step (SaveMeasure is Batch.SaveMeasure in its own
// transaction), and this is that wrapper once.
func inBatch[T any](s *Store, step func(b *Batch) (T, error)) (T, error) {
	var out T
	err := s.Batch(func(b *Batch) error {
		var err error
		out, err = step(b)
		return err
	})
	return out, err
}

// inBatch2 is inBatch for a step that returns two records (a measure and
// the record it was made from).
func inBatch2[A, B any](s *Store, step func(b *Batch) (A, B, error)) (A, B, error) {
	var a A
	var bv B
	err := s.Batch(func(b *Batch) error {
		var err error
		a, bv, err = step(b)
		return err
	})
	return a, bv, err
}

// errBatchDone guards against a batch kept beyond its function.
var errBatchDone = errors.New("intern feil: skriveoperasjonen er allerede avsluttet")

// do runs one step. A step that reports errNoChange has written nothing
// and adds no entry; any other error aborts the batch.
func (b *Batch) do(step func(tx *bbolt.Tx) ([]Change, error)) error {
	if b.err != nil {
		return b.err
	}
	if b.tx == nil {
		return errBatchDone
	}
	changes, err := step(b.tx)
	if errors.Is(err, errNoChange) {
		return nil
	}
	if err != nil {
		b.err = err
		return err
	}
	b.changes = append(b.changes, changes...)
	return nil
}

// today returns d, or the store clock's date when d is zero, so a caller
// that forgets the date still gets a sensible Created/Updated.
func (b *Batch) today(d model.Date) model.Date {
	if d.IsZero() {
		return model.DateOf(b.s.opts.Now())
	}
	return d
}

// single turns one save result into a step result.
func single(c Change, err error) ([]Change, error) {
	if err != nil {
		return nil, err
	}
	return []Change{c}, nil
}

// collect appends c to changes unless err says there was nothing to do;
// it returns any other error.
func collect(changes *[]Change, c Change, err error) error {
	if errors.Is(err, errNoChange) {
		return nil
	}
	if err == nil {
		*changes = append(*changes, c)
	}
	return err
}

// SaveMember is Store.SaveMember inside the batch.
func (b *Batch) SaveMember(m model.CommitteeMember) (model.CommitteeMember, error) {
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var c Change
		var err error
		m, c, err = memberEntity.save(tx, m)
		return single(c, err)
	})
	return m, err
}

// forEachDecodable calls fn for every record of bucket that decodes,
// skipping damaged ones (Check reports those), so a cleanup that touches
// many records is not blocked by one unrelated damaged record.
func forEachDecodable[T any](tx *bbolt.Tx, bucket string, fn func(id uint64, v T) error) error {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		id, err := btoi(k)
		if err != nil {
			continue
		}
		v, err := decodeRecord[T](bucket, k, raw)
		if err != nil {
			continue
		}
		if err := fn(id, v); err != nil {
			return err
		}
	}
	return nil
}

// fail aborts the batch with err (a check made before any step ran).
func (b *Batch) fail(err error) error {
	return b.do(func(*bbolt.Tx) ([]Change, error) { return nil, err })
}
