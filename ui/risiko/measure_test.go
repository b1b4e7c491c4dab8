package risiko

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/ui/uitest"
)

// «Legg tiltaket i handlingsplanen» stores the measure only; a hazard
// typed into the item but not saved stays unsaved (it was marked saved:
// no question on leaving, and the screen showed a hazard the file did
// not hold).
func TestAddMeasureKeepsItemEditUnsaved(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	item := items[0]
	s.Open(item.AssessmentID, item.ID)
	ed := s.Detail.Item
	ed.Hazard.SetText(item.Hazard + " (endret)")
	test.Type(ed.MeasureTitle, "Nye sklisikre matter")
	test.Type(ed.MeasureResp, "Leder")
	test.Tap(ed.AddMeasure)
	if msg := ed.MeasureErr.Messages(); msg != "" {
		t.Fatalf("measure refused: %s", msg)
	}
	stored, err := st.RiskItem(item.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.MeasureIDs) != len(item.MeasureIDs)+1 {
		t.Fatalf("measure not linked: %v", stored.MeasureIDs)
	}
	if stored.Hazard != item.Hazard {
		t.Fatalf("hazard stored as %q by adding a measure", stored.Hazard)
	}
	if ed.Hazard.Text != item.Hazard+" (endret)" {
		t.Fatalf("typed hazard gone: %q", ed.Hazard.Text)
	}
	if !ed.Dirty() || !s.Dirty() {
		t.Error("the typed hazard counts as saved; leaving would lose it without asking")
	}
	ed.Discard()
	if ed.Hazard.Text != item.Hazard || ed.Dirty() {
		t.Errorf("discard shows %q dirty %v", ed.Hazard.Text, ed.Dirty())
	}
}
