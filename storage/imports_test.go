package storage

import (
	"strings"
	"testing"

	"hmsutvalg/model"
)

func numbered(id uint64, title string) model.Measure {
	m := testMeasure(title)
	m.ID = id
	return m
}

// Into an empty plan the file's numbers are kept (a row without one gets
// the next after them); one entry names the import and Angre removes it
// all; into a plan with measures every row gets a new number.
func TestImportMeasuresKeepsNumbersOnlyWhenEmpty(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	got, err := s.ImportMeasures([]model.Measure{numbered(7, "Sju"), numbered(0, "Uten nummer"), numbered(3, "Tre")}, "plan.csv", planDay)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].ID != 7 || got[1].ID != 8 || got[2].ID != 3 || got[1].Created != planDay {
		t.Errorf("IDs %d %d %d, created %s", got[0].ID, got[1].ID, got[2].ID, got[1].Created)
	}
	last, ok := s.LastUndoable()
	if !ok || last.Summary != "Importerte 3 tiltak fra plan.csv" {
		t.Fatalf("last undoable %+v", last)
	}
	again, err := s.ImportMeasures([]model.Measure{numbered(7, "Sju igjen")}, "plan2.csv", planDay)
	if err != nil || again[0].ID != 9 {
		t.Errorf("into a plan with measures: %+v %v", again, err)
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Measures(); len(ms) != 0 {
		t.Errorf("after undoing both imports: %d measures", len(ms))
	}
	// The preview's next number is the one an import gives, also when
	// the plan is empty after the undo.
	nextM, nextD, err := s.NextImportIDs()
	if err != nil || nextM != 10 || nextD != 1 {
		t.Errorf("next numbers %d, %d (%v), want 10, 1", nextM, nextD, err)
	}
	// A measure still gets a fresh number after the undo.
	if m, err := s.SaveMeasure(testMeasure("Etterpå"), planDay); err != nil || m.ID != nextM {
		t.Errorf("after undo: %+v %v", m, err)
	}
}

// One bad record stops the import: nothing is saved, nothing logged.
func TestImportIsAllOrNothing(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	before := changeCount(t, s)
	bad := testMeasure("")
	if _, err := s.ImportMeasures([]model.Measure{testMeasure("God"), bad}, "plan.csv", planDay); err == nil || !strings.Contains(err.Error(), "Rad 2 av 2") {
		t.Errorf("err %v", err)
	}
	if _, err := s.ImportMeasures([]model.Measure{numbered(2, "A"), numbered(2, "B")}, "plan.csv", planDay); err == nil {
		t.Error("the same number twice imported")
	}
	if ms, _ := s.Measures(); len(ms) != 0 || changeCount(t, s) != before {
		t.Errorf("%d measures, %d new log entries", len(ms), changeCount(t, s)-before)
	}
}

// Imported deviations keep links to measures that exist and drop others.
func TestImportDeviationsLinks(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	m := mustSaveMeasure(t, s, testMeasure("Tørke gulv"), planDay)
	d := testDeviation("Kjøkken")
	d.ID = 5
	d.MeasureIDs = []uint64{m.ID, 99}
	got, err := s.ImportDeviations([]model.Deviation{d}, "avvik.xlsx", devDay)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].ID != 5 || len(got[0].MeasureIDs) != 1 || got[0].MeasureIDs[0] != m.ID || got[0].Status != model.DevRegistered {
		t.Errorf("deviation %+v", got[0])
	}
	if ds, _ := s.Deviations(); len(ds) != 1 || ds[0].ID != 5 {
		t.Errorf("stored %+v", ds)
	}
}
