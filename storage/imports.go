package storage

import (
	"errors"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Imports of a whole register from a file (reports/registers reads and
// checks it): every record is new, all are saved in one transaction or
// none, and the first change-log entry names the import, so «Angre»
// removes all of it as one change (up to maxUndoRecords records).

// ImportMeasures saves ms as new measures. When the action plan is empty,
// a measure keeps the ID it has (the file's «Nr.»), so the numbers and the
// links from an imported deviation register are as in the file; otherwise
// every measure gets a new number. from names the file in the change log.
func (s *Store) ImportMeasures(ms []model.Measure, from string, today model.Date) ([]model.Measure, error) {
	var out []model.Measure
	err := s.Batch(func(b *Batch) error {
		today = b.today(today)
		return b.do(func(tx *bbolt.Tx) ([]Change, error) {
			var err error
			out, err = importAll(tx, measureEntity(today), ms)
			return importChanges(err, EntityMeasure, fmt.Sprintf("Importerte %d tiltak fra %s", len(out), from), out, measureEntity(today))
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ImportDeviations saves ds as new deviations, keeping their IDs when the
// register is empty (see ImportMeasures). A deviation's links to measures
// are kept for measures that exist.
func (s *Store) ImportDeviations(ds []model.Deviation, from string, today model.Date) ([]model.Deviation, error) {
	var out []model.Deviation
	err := s.Batch(func(b *Batch) error {
		today = b.today(today)
		return b.do(func(tx *bbolt.Tx) ([]Change, error) {
			mb, err := bucketOf(tx, bucketMeasures)
			if err != nil {
				return nil, err
			}
			e := deviationEntity(today, func(_ model.Deviation, _ bool, d model.Deviation) model.Deviation {
				if d.Status == "" {
					d.Status = model.DevRegistered
				}
				d.MeasureIDs = slices.DeleteFunc(d.MeasureIDs, func(id uint64) bool { return mb.Get(itob(id)) == nil })
				if len(d.MeasureIDs) == 0 {
					d.MeasureIDs = nil
				}
				return d
			})
			out, err = importAll(tx, e, ds)
			return importChanges(err, EntityDeviation, fmt.Sprintf("Importerte %d avvik fra %s", len(out), from), out, e)
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// NextImportIDs are the numbers the action plan and the deviation
// register give their next new record (a number is never used twice, so
// it may be above the highest one there), for the import preview.
func (s *Store) NextImportIDs() (measure, deviation uint64, err error) {
	err = s.view(func(tx *bbolt.Tx) error {
		for _, x := range []struct {
			bucket string
			next   *uint64
		}{{bucketMeasures, &measure}, {bucketDeviations, &deviation}} {
			b, err := bucketOf(tx, x.bucket)
			if err != nil {
				return err
			}
			*x.next = b.Sequence() + 1
		}
		return nil
	})
	return measure, deviation, err
}

// importAll inserts vs into e's bucket, keeping their IDs if the bucket
// has no records.
func importAll[T any](tx *bbolt.Tx, e entity[T], vs []T) ([]T, error) {
	if len(vs) == 0 {
		return nil, errors.New("Det er ingenting å importere")
	}
	b, err := bucketOf(tx, e.bucket)
	if err != nil {
		return nil, err
	}
	keep := func() bool { k, _ := b.Cursor().First(); return k == nil }()
	if keep {
		// Rows without a number get numbers after the kept ones.
		for _, v := range vs {
			if id := e.id(v); id > b.Sequence() {
				if err := b.SetSequence(id); err != nil {
					return nil, err
				}
			}
		}
	}
	out := make([]T, 0, len(vs))
	for i, v := range vs {
		saved, err := e.insert(tx, v, keep)
		if err != nil {
			return nil, fmt.Errorf("Rad %d av %d: %w", i+1, len(vs), err)
		}
		out = append(out, saved)
	}
	return out, nil
}

// importChanges is the import's entry followed by one per record.
func importChanges[T any](err error, name, summary string, saved []T, e entity[T]) ([]Change, error) {
	if err != nil {
		return nil, err
	}
	changes := []Change{{Entity: name, Kind: ChangeCreated, Summary: summary}}
	for _, v := range saved {
		changes = append(changes, Change{Entity: name, EntityID: e.id(v), Kind: ChangeCreated,
			Summary: fmt.Sprintf("La til %s %s (import)", e.name, e.label(v))})
	}
	return changes, nil
}

// insert stores v as a new record, normalised, filled and checked as save
// does. With keepID, v's own ID is used (it must be free); otherwise, or
// when v has none, the bucket's next one.
func (e entity[T]) insert(tx *bbolt.Tx, v T, keepID bool) (T, error) {
	if e.across != nil {
		return v, errors.New("intern feil: import av poster med regler på tvers er ikke støttet")
	}
	if e.norm != nil {
		v = e.norm(v)
	}
	id := e.id(v)
	if e.fill != nil {
		var zero T
		v = e.fill(zero, true, v)
	}
	if e.check != nil {
		if err := e.check(v); err != nil {
			return v, err
		}
	}
	if !keepID || id == 0 {
		var err error
		if id, err = nextID(tx, e.bucket); err != nil {
			return v, err
		}
	} else if _, found, err := getRecord[T](tx, e.bucket, id); err != nil || found {
		if err == nil {
			err = fmt.Errorf("%s nr. %d står to ganger i importen", upperFirst(e.name), id)
		}
		return v, err
	}
	e.setID(&v, id)
	return v, putRecord(tx, e.bucket, id, v)
}
