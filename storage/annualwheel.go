package storage

import (
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// The annual wheel in "annual_wheel": only the duties the unit has
// adjusted (moved deadline, marked done, a note) are stored, one record per
// year, kind and number; model.MergeWheel lays them over the defaults.

var wheelEntries = entity[model.WheelEntry]{
	bucket: bucketAnnualWheel,
	name:   EntityWheelEntry,
	id:     func(e model.WheelEntry) uint64 { return e.ID },
	setID:  func(e *model.WheelEntry, id uint64) { e.ID = id },
	label:  func(e model.WheelEntry) string { return fmt.Sprintf("«%s» (%s)", e.Title, e.Year) },
	norm:   model.WheelEntry.Normalized,
	across: func(others []model.WheelEntry, e model.WheelEntry) error {
		for _, o := range others {
			if o.Key() == e.Key() {
				return fmt.Errorf("«%s» for %s finnes allerede i årshjulet", e.Title, e.Year)
			}
		}
		return nil
	},
}

var _ = registerBucket(recordSpec(bucketAnnualWheel, "årshjul", 3, func(id uint64, e model.WheelEntry) error {
	if e.ID != id {
		return fmt.Errorf("posten har ID %d", e.ID)
	}
	// A done date was not in the future when it was saved.
	day := e.Done
	if day.IsZero() {
		day = e.Due
	}
	return e.Validate(day)
}))

// WheelEntries returns the stored (adjusted) entries of year, in ID order.
func (s *Store) WheelEntries(year model.HMSYear) ([]model.WheelEntry, error) {
	all, err := listEntities(s, wheelEntries)
	var out []model.WheelEntry
	for _, e := range all {
		if e.Year == year {
			out = append(out, e)
		}
	}
	return out, err
}

// AnnualWheel returns the year's duties: the defaults with the unit's
// adjustments laid over them, sorted by deadline. tenFactorYear says
// whether the 10-FAKTOR survey is held this year (model.TenFactorYear).
func (s *Store) AnnualWheel(year model.HMSYear, tenFactorYear bool) ([]model.WheelEntry, error) {
	stored, err := s.WheelEntries(year)
	if err != nil {
		return nil, err
	}
	return model.MergeWheel(model.DefaultWheel(year, tenFactorYear), stored), nil
}

// SaveWheelEntry stores an adjusted duty, validated as of today. An entry
// without ID replaces the stored one with the same year, kind and number,
// if any, so adjusting a default twice never makes two records.
func (s *Store) SaveWheelEntry(e model.WheelEntry, today model.Date) (model.WheelEntry, error) {
	return inBatch(s, func(b *Batch) (model.WheelEntry, error) { return b.SaveWheelEntry(e, today) })
}

// SaveWheelEntry is Store.SaveWheelEntry inside the batch.
func (b *Batch) SaveWheelEntry(e model.WheelEntry, today model.Date) (model.WheelEntry, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		if e.ID == 0 {
			all, err := wheelEntries.list(tx)
			if err != nil {
				return nil, err
			}
			for _, o := range all {
				if o.Key() == e.Key() {
					e.ID = o.ID
				}
			}
		}
		w := wheelEntries
		w.check = func(e model.WheelEntry) error { return e.Validate(today) }
		var c Change
		var err error
		e, c, err = w.save(tx, e)
		return single(c, err)
	})
	return e, err
}

// ResetWheelEntry deletes an adjustment, so the duty is back to its
// default deadline and not done.
func (s *Store) ResetWheelEntry(id uint64) error {
	err := deleteEntity(s, wheelEntries, id)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}
