package storage

import (
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
