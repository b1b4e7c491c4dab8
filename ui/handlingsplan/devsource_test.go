package handlingsplan

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
)

// A deviation whose place is corrected in the register: the plan's
// Source column and the measure's «Kilde» name the new place (they kept
// the place the deviation had when the measure was made).
func TestCorrectedDeviationShowsInPlan(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	devs, _ := st.Deviations()
	var d model.Deviation
	for _, x := range devs {
		if len(x.MeasureIDs) > 0 && x.Category != model.DevViolence {
			d = x
			break
		}
	}
	if d.ID == 0 {
		t.Fatal("no deviation with a measure in the demo")
	}
	reg := avvik.New(env)
	w.SetContent(reg.Content())
	reg.Open(d.ID)
	e := reg.Editor
	e.Place.SetText("Vaskeriet, kjeller")
	test.Tap(e.Save)
	if msg := e.Err.Messages(); msg != "" {
		t.Fatalf("refused: %s", msg)
	}

	plan := New(env)
	w.SetContent(plan.Content())
	plan.Select(d.MeasureIDs[0])
	row := -1
	for i, m := range plan.Shown() {
		if m.ID == d.MeasureIDs[0] {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("measure not listed")
	}
	if text, _ := plan.CellText(row, 5); !strings.Contains(text, "Vaskeriet") {
		t.Errorf("Source column %q", text)
	}
	if got := plan.Editor.SourceText.Text; !strings.Contains(got, "Vaskeriet, kjeller") || strings.Contains(got, d.Place) {
		t.Errorf("Kilde %q, the deviation's place is now «Vaskeriet, kjeller» (was %q)", got, d.Place)
	}
}

// A hazard renamed in the risk assessment: the plan's source names the
// new hazard.
func TestRenamedHazardShowsInPlan(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	items, _ := st.AllRiskItems()
	var it model.RiskItem
	for _, x := range items {
		if len(x.MeasureIDs) > 0 {
			it = x
			break
		}
	}
	if it.ID == 0 {
		t.Fatal("no hazard with a measure in the demo")
	}
	rs := risiko.New(env)
	w.SetContent(rs.Content())
	rs.Open(it.AssessmentID, it.ID)
	ed := rs.Detail.Item
	ed.Hazard.SetText("Glatte fliser i dusjen")
	test.Tap(ed.Save)
	if msg := ed.Err.Messages(); msg != "" {
		t.Fatalf("refused: %s", msg)
	}
	plan := New(env)
	w.SetContent(plan.Content())
	plan.Select(it.MeasureIDs[0])
	if got := plan.Editor.SourceText.Text; !strings.Contains(got, "Glatte fliser i dusjen") {
		t.Errorf("Kilde %q, the hazard is now «Glatte fliser i dusjen» (was %q)", got, it.Hazard)
	}
}
