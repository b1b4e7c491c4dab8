package storage

import (
	"path/filepath"
	"testing"

	"hmsutvalg/model"
)

func TestProvenWheelFromRecords(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	today := date(2026, 12, 4)
	// The clock made the file on 24.11.2026: duties due before are not the unit's.
	start, err := s.UnitStart()
	if err != nil || start != date(2026, 11, 24) {
		t.Fatalf("start %s %v", start, err)
	}
	es, err := s.ProvenWheel(2026, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Due.Before(start) {
			t.Errorf("%s due %s before the start", e.Title, e.Due)
		}
	}
	// With a start date in January, entering Q3 proves November's figures.
	u, _ := s.Unit()
	u.Start = date(2026, 1, 1)
	if err := s.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSickLeaveQuarter(model.SickLeaveQuarter{Quarter: model.Quarter{Year: 2026, Q: 3}, Total: 610}, today); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordExport(model.ExportRecord{Kind: model.ExportAnnualReport, Year: 2025, On: date(2026, 1, 20)}, today); err != nil {
		t.Fatal(err)
	}
	// The same export twice is noted once.
	if err := s.RecordExport(model.ExportRecord{Kind: model.ExportAnnualReport, Year: 2025, On: date(2026, 1, 20)}, today); err != nil {
		t.Fatal(err)
	}
	if xs, _ := s.Exports(); len(xs) != 1 {
		t.Errorf("exports %v", xs)
	}
	if err := s.RecordExport(model.ExportRecord{Kind: model.ExportAnnualReport, Year: 2025, On: today.AddDays(1)}, today); err == nil {
		t.Error("an export dated tomorrow was recorded")
	}
	es, err = s.ProvenWheel(2026, today)
	if err != nil {
		t.Fatal(err)
	}
	proven := map[model.WheelKind]int{}
	for _, e := range es {
		if e.Proof.Proven() {
			proven[e.Kind]++
		}
	}
	if proven[model.WheelSickLeave] != 1 || proven[model.WheelInternalControl] != 1 || len(proven) != 2 {
		t.Errorf("proven %v", proven)
	}
	c := model.CountWheel(es, today)
	if c.Done != 2 || c.Late == 0 {
		t.Errorf("counts %+v", c)
	}
	s.Close()
	// The file with the exports setting passes the integrity check.
	rep, err := Check(path)
	if err != nil || !rep.OK() {
		t.Errorf("check: %+v %v", rep, err)
	}
	// The start date is kept in the file.
	s2, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got, _ := s2.UnitStart(); got != date(2026, 1, 1) {
		t.Errorf("start after reopening %s", got)
	}
}

// TestUnitStartOfOldFiles: files made before the unit had a start date
// (every schema's fixture) start on the day the file was created, their
// first change-log entry, and their wheel is proven without error.
func TestUnitStartOfOldFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "schema-v*.db"))
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for _, src := range files {
		path := filepath.Join(t.TempDir(), "hmsutvalg.db")
		copyFile(t, src, path)
		s, err := Open(path, Options{NoBackup: true}) // older schemas are migrated first
		if err != nil {
			t.Fatal(err)
		}
		u, _ := s.Unit()
		start, err := s.UnitStart()
		changes, _ := s.Changes(0)
		if err != nil || !u.Start.IsZero() || len(changes) == 0 {
			t.Fatalf("%s: start %s %v, unit %+v", src, start, err, u)
		}
		first := model.DateOf(changes[len(changes)-1].Time.Local())
		if start != first {
			t.Errorf("%s: start %s, want the first change %s", filepath.Base(src), start, first)
		}
		if _, err := s.ProvenWheel(model.HMSYear(start.Year()), start.AddDays(400)); err != nil {
			t.Errorf("%s: %v", filepath.Base(src), err)
		}
		s.Close()
	}
}
