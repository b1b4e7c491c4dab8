package risiko

import (
	"testing"

	"hmsutvalg/ui/uitest"
)

// TestSearchFiltersAssessments: Ctrl+F focuses the search, an item's
// hazard finds its assessment, and an open assessment the search hides
// leaves the detail pane.
func TestSearchFiltersAssessments(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	if !env.Search() || w.Canvas().Focused() != s.Search {
		t.Fatal("Ctrl+F did not focus the search field")
	}
	items, err := st.AllRiskItems()
	if err != nil || len(items) == 0 {
		t.Fatalf("no risk items in the demo unit (%v)", err)
	}
	item := items[0]
	all := len(s.Assessments())
	s.Open(item.AssessmentID, 0)
	if s.Detail == nil {
		t.Fatal("assessment not opened")
	}
	s.Search.SetText(item.Hazard)
	found := false
	for _, a := range s.Assessments() {
		found = found || a.ID == item.AssessmentID
	}
	if !found || len(s.Assessments()) > all {
		t.Fatalf("search for the hazard %q lists %d, without its assessment", item.Hazard, len(s.Assessments()))
	}
	if s.Detail == nil || s.Detail.a.ID != item.AssessmentID {
		t.Fatal("a listed assessment left the pane")
	}
	s.Search.SetText("zzz finnes ikke")
	if len(s.Assessments()) != 0 || s.Detail != nil {
		t.Fatalf("%d listed, detail open %v after a search without hits", len(s.Assessments()), s.Detail != nil)
	}
	// Opening from elsewhere clears a search that hides the assessment.
	s.Open(item.AssessmentID, item.ID)
	if s.Detail == nil || s.Search.Text != "" {
		t.Fatal("Open did not show an assessment the search hid")
	}
}
