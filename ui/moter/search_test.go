package moter

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSearchFiltersMeetings: Ctrl+F focuses the search, an agenda title
// finds its meeting, a hidden meeting leaves the editor, and typed changes
// make the Guard ask first.
func TestSearchFiltersMeetings(t *testing.T) {
	s, env, w, _ := newScreen(t)
	if !env.Search() || w.Canvas().Focused() != s.Search {
		t.Fatal("Ctrl+F did not focus the search field")
	}
	var title string
	var id uint64
	for _, m := range s.Meetings() {
		if len(m.Agenda) > 0 {
			title, id = m.Agenda[0].Title, m.ID
			break
		}
	}
	s.Open(id)
	if s.Editor == nil || s.Editor.Meeting().ID != id {
		t.Fatal("meeting not opened")
	}
	s.Search.SetText(title)
	if !s.listed(id) {
		t.Fatalf("search for the agenda item %q does not list its meeting", title)
	}
	s.Search.SetText("zzz finnes ikke")
	if len(s.Meetings()) != 0 || s.Editor != nil {
		t.Fatalf("%d listed, editor open %v after a search without hits", len(s.Meetings()), s.Editor != nil)
	}
	s.Search.SetText("")
	s.Open(id)
	s.Editor.Place.SetText("")
	test.Type(s.Editor.Place, "Nytt sted")
	s.Search.SetText("zzz finnes ikke")
	p := env.Guard.Prompt()
	if p == nil {
		t.Fatal("the search dropped a changed meeting without asking")
	}
	test.Tap(p.Cancel)
	if s.Editor == nil || s.Editor.Place.Text != "Nytt sted" {
		t.Fatal("Avbryt lost the typed place")
	}
}
