package storage

import (
	"time"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// migrateMeasureCreated (schema 5) gives every measure without a creation
// date one: the day of its first change-log entry, or, for a measure the
// log does not mention, the day it was last changed. A measure without a
// creation date cannot take a deadline (model.Measure.Validate), so old
// files would otherwise refuse every edit of such a measure.
//
// Kept in its own file and function: another branch may add a migration
// with the same number, and the merge renumbers one of them.
func migrateMeasureCreated(tx *bbolt.Tx) error {
	if tx.Bucket([]byte(bucketMeasures)) == nil || tx.Bucket([]byte(bucketChangelog)) == nil {
		return nil
	}
	first := map[uint64]time.Time{}
	err := forEachRecord(tx, bucketChangelog, func(_ uint64, c Change) error {
		if c.Entity == EntityMeasure && c.EntityID != 0 {
			if t, ok := first[c.EntityID]; !ok || c.Time.Before(t) {
				first[c.EntityID] = c.Time
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var fix []model.Measure
	err = forEachRecord(tx, bucketMeasures, func(_ uint64, m model.Measure) error {
		if !m.Created.IsZero() {
			return nil
		}
		if t, ok := first[m.ID]; ok {
			m.Created = model.DateOf(t.Local())
		} else {
			m.Created = m.Updated
		}
		if !m.Created.IsZero() {
			fix = append(fix, m)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range fix {
		if err := putRecord(tx, bucketMeasures, m.ID, m); err != nil {
			return err
		}
	}
	return nil
}
