package risiko

import (
	"fmt"
	"strings"
	"testing"

	"hmsutvalg/ui/uitest"
)

// TestAfterMapSaysWhoIsLeftOut: the «Etter tiltak» map leaves out the
// hazards without a rating after measures; its title says how many it
// holds, as the PDF's does, and a line names those left out. Before, the
// two maps added up to different numbers with no word on screen.
func TestAfterMapSaysWhoIsLeftOut(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	all, _ := st.AllRiskItems()
	aid := all[0].AssessmentID
	items, _ := st.RiskItems(aid)
	if len(items) < 2 {
		t.Fatalf("assessment %d has %d hazards", aid, len(items))
	}
	for i, it := range items {
		it.ResidualProbability, it.ResidualConsequence = 1, 2
		if i == 0 {
			it.ResidualProbability, it.ResidualConsequence = 0, 0
		}
		if _, err := st.SaveRiskItem(it); err != nil {
			t.Fatal(err)
		}
	}
	s := New(env)
	w.SetContent(s.Content())
	s.Open(aid, 0)
	d := s.Detail
	n := len(items)
	if want := fmt.Sprintf("Etter tiltak (%d av %d vurdert)", n-1, n); d.AfterTitle.Text != want {
		t.Errorf("title %q, want %q", d.AfterTitle.Text, want)
	}
	if !d.NotAfter.Visible() || !strings.Contains(d.NotAfter.Text, "«"+items[0].Hazard+"»") ||
		strings.Contains(d.NotAfter.Text, "«"+items[1].Hazard+"»") {
		t.Errorf("line under the maps %q (shown %v), want it to name only %q", d.NotAfter.Text, d.NotAfter.Visible(), items[0].Hazard)
	}
	if !uitest.HasText(w.Content(), d.AfterTitle.Text) {
		t.Error("the title is not on screen")
	}
}
