package tifaktor

import (
	"testing"

	"hmsutvalg/ui/uitest"
)

// TestSearchFiltersRounds: Ctrl+F focuses the search, a round's year finds
// it, and an open round the search hides leaves the detail pane.
func TestSearchFiltersRounds(t *testing.T) {
	env, w, _ := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	if !env.Search() || w.Canvas().Focused() != s.Search {
		t.Fatal("Ctrl+F did not focus the search field")
	}
	all := len(s.Rounds())
	if all < 2 {
		t.Fatalf("the demo has %d rounds, want two to tell apart", all)
	}
	r := s.Rounds()[all-1] // the oldest
	s.Open(r.ID, "")
	if s.Editor == nil || s.Editor.Round().ID != r.ID {
		t.Fatal("round not opened")
	}
	s.Search.SetText(r.Label())
	if len(s.Rounds()) != 1 || s.Rounds()[0].ID != r.ID {
		t.Fatalf("search for %q lists %d rounds, want only it", r.Label(), len(s.Rounds()))
	}
	if s.Editor == nil || s.Editor.Round().ID != r.ID {
		t.Fatal("a listed round left the pane")
	}
	other := s.rounds[0]
	s.Search.SetText(other.Label())
	if len(s.Rounds()) != 1 || s.Rounds()[0].ID != other.ID {
		t.Fatalf("search for %q lists %d rounds", other.Label(), len(s.Rounds()))
	}
	if s.Editor != nil {
		t.Fatal("the round the search hides stayed in the detail pane")
	}
	if !uitest.HasText(w.Content(), "Velg en 10-FAKTOR-runde") {
		t.Error("the detail pane does not say to choose a round")
	}
	// Opening from elsewhere clears a search that hides the round.
	s.Open(r.ID, "")
	if s.Editor == nil || s.Editor.Round().ID != r.ID || s.Search.Text != "" {
		t.Fatal("Open did not show a round the search hid")
	}
}
