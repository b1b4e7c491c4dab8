package vernerunde

import (
	"testing"
)

// TestSearchFiltersRounds: Ctrl+F focuses the search on the list, a
// finding's question finds its round, and a search without hits empties
// the list.
func TestSearchFiltersRounds(t *testing.T) {
	f := newScreen(t, false)
	if !f.env.Search() || f.w.Canvas().Focused() != f.s.Search {
		t.Fatal("Ctrl+F did not focus the search field")
	}
	all := len(f.s.Rounds())
	var q string
	var id uint64
	for _, r := range f.s.Rounds() {
		if fs := r.Findings(); len(fs) > 0 {
			q, id = fs[0].Question.Text, r.ID
			break
		}
	}
	if id == 0 {
		t.Fatal("no round with findings in the demo unit")
	}
	f.s.Search.SetText(q)
	found := false
	for _, r := range f.s.Rounds() {
		found = found || r.ID == id
	}
	if !found || len(f.s.Rounds()) > all {
		t.Fatalf("search for the finding %q lists %d rounds, not its own", q, len(f.s.Rounds()))
	}
	f.s.Search.SetText("zzz finnes ikke")
	if len(f.s.Rounds()) != 0 {
		t.Fatalf("%d rounds listed for a search without hits", len(f.s.Rounds()))
	}
	// From a round, Ctrl+F goes back to the list.
	f.s.Open(id, 0)
	f.env.Search()
	if f.s.Round != nil {
		t.Fatal("Ctrl+F in a round did not go back to the list")
	}
}
