package storage

import (
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Migration 5 fills a missing creation date from the measure's first
// change-log entry, or from its last change when the log does not name
// it; measures that have one are left alone.
func TestMigrateMeasureCreatedFromChangeLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	clock := newClock()
	v4 := migrations[:4]
	s, err := createWith(path, testUnit(), testOpts(clock), v4)
	if err != nil {
		t.Fatal(err)
	}
	day := date(2026, time.March, 2)
	logged := mustSaveMeasure(t, s, testMeasure("Logget uten dato"), day)
	kept := mustSaveMeasure(t, s, testMeasure("Har dato"), day)
	changes, err := s.Changes(0)
	if err != nil {
		t.Fatal(err)
	}
	var firstTime time.Time
	for _, c := range changes {
		if c.Entity == EntityMeasure && c.EntityID == logged.ID {
			firstTime = c.Time
		}
	}
	unlogged := testMeasure("Ikke i loggen")
	unlogged.Updated = date(2025, time.October, 15)
	err = s.db.Update(func(tx *bbolt.Tx) error {
		m, _, err := getRecord[model.Measure](tx, bucketMeasures, logged.ID)
		if err != nil {
			return err
		}
		m.Created = model.Date{}
		if err := putRecord(tx, bucketMeasures, m.ID, m); err != nil {
			return err
		}
		if unlogged.ID, err = nextID(tx, bucketMeasures); err != nil {
			return err
		}
		unlogged.Created = model.Date{}
		return putRecord(tx, bucketMeasures, unlogged.ID, unlogged)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path, Options{NoBackup: true, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[uint64]model.Date{
		logged.ID:   model.DateOf(firstTime.Local()),
		kept.ID:     day,
		unlogged.ID: unlogged.Updated,
	}
	for id, d := range want {
		m, err := s.Measure(id)
		if err != nil || m.Created != d {
			t.Errorf("measure %d: created %v (%v), want %v", id, m.Created, err, d)
		}
	}
	s.Close()
	mustCheckOK(t, path)
}
