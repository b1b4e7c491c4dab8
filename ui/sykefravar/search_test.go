package sykefravar

import (
	"testing"

	"hmsutvalg/ui/uitest"
)

// TestSearchFiltersQuarters: Ctrl+F opens the quarters with the keyboard
// in their search; a year lists its quarters, and the quarter in the form
// leaves it when the search hides it.
func TestSearchFiltersQuarters(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	if !env.Search() || w.Canvas().Focused() != s.Search || s.Tabs.SelectedIndex() != TabQuarters {
		t.Fatal("Ctrl+F did not focus the quarters' search")
	}
	all := s.Quarters()
	oldest, newest := all[len(all)-1], all[0]
	if oldest.Quarter.Year == newest.Quarter.Year {
		t.Fatal("the demo's quarters are all in one year")
	}
	s.Open(oldest.ID)
	if s.Form.editing.ID != oldest.ID {
		t.Fatal("quarter not opened")
	}
	s.Search.SetText(oldest.Quarter.String())
	if len(s.Rows()) != 1 || s.Rows()[0].ID != oldest.ID {
		t.Fatalf("search for %s lists %d quarters", oldest.Quarter, len(s.Rows()))
	}
	if s.Form.editing.ID != oldest.ID {
		t.Fatal("a listed quarter left the form")
	}
	year := newest.Quarter.Long()[len(newest.Quarter.Long())-4:]
	s.Search.SetText(year)
	for _, q := range s.Rows() {
		if q.Quarter.Year != newest.Quarter.Year {
			t.Errorf("search for %s lists %s", year, q.Quarter)
		}
	}
	if len(s.Rows()) == 0 {
		t.Fatalf("search for %s lists nothing", year)
	}
	if s.Form.editing.ID != 0 || s.Form.Heading.Text != "Nytt kvartal" {
		t.Errorf("the quarter the search hides stayed in the form: %q", s.Form.Heading.Text)
	}
	if text, _ := s.CellText(0, 0); text != s.Rows()[0].Quarter.String() {
		t.Errorf("first row reads %q, want %s", text, s.Rows()[0].Quarter)
	}
	// Opening from elsewhere clears a search that hides the quarter.
	s.Open(oldest.ID)
	if s.Form.editing.ID != oldest.ID || s.Search.Text != "" {
		t.Fatal("Open did not show a quarter the search hid")
	}
}
