package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/uitest"
)

// TestKeyboardOnlyNewMeetingThenNext: a new meeting made and saved with
// the keyboard (Ctrl+N, Ctrl+S) leaves the focus on «Nytt møte», ready for
// the next, as on the other register pages.
func TestKeyboardOnlyNewMeetingThenNext(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	before, _ := env.Store.Meetings()
	openPage(t, u, moter.PageID)
	uitest.Shortcut(w, newShortcut)
	s, ok := env.Guard.Form().(*moter.Screen)
	if !ok || s.Editor == nil {
		t.Fatal("Ctrl+N opened no meeting")
	}
	if w.Canvas().Focused() != s.Editor.Date {
		t.Fatalf("the new meeting does not open in its first field: %T", w.Canvas().Focused())
	}
	tabTo(t, w, s.Editor.Place)
	uitest.Type(w, "Møterom 2")
	uitest.Shortcut(w, saveShortcut)
	after, _ := env.Store.Meetings()
	if len(after) != len(before)+1 {
		t.Fatalf("Ctrl+S did not save the new meeting: %d meetings, want %d", len(after), len(before)+1)
	}
	if w.Canvas().Focused() != s.NewButton {
		t.Errorf("after saving a new meeting the focus is on %T, not «Nytt møte»", w.Canvas().Focused())
	}
	// Saving it again is no new meeting: the focus stays in the form.
	tabTo(t, w, s.Editor.Place)
	uitest.Type(w, ", 2. etasje")
	uitest.Shortcut(w, saveShortcut)
	if w.Canvas().Focused() != s.Editor.Place {
		t.Errorf("saving an existing meeting moved the focus to %T", w.Canvas().Focused())
	}
	// Space on «Nytt møte» starts the next one in its first field.
	tabTo(t, w, s.NewButton)
	uitest.Key(w, fyne.KeySpace)
	if s.Editor == nil || s.Editor.Meeting().ID != 0 || w.Canvas().Focused() != s.Editor.Date {
		t.Errorf("«Nytt møte» did not open a new meeting in its first field (%T)", w.Canvas().Focused())
	}
}

// TestKeyboardOnlyNewSurveyRoundThenNext: a new 10-FAKTOR round typed and
// saved with the keyboard leaves the focus on «Ny runde».
func TestKeyboardOnlyNewSurveyRoundThenNext(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	before, _ := env.Store.SurveyRounds()
	openPage(t, u, tifaktor.PageID)
	uitest.Shortcut(w, newShortcut)
	s, ok := env.Guard.Form().(*tifaktor.Screen)
	if !ok || s.Editor == nil {
		t.Fatal("Ctrl+N opened no round")
	}
	e := s.Editor
	if w.Canvas().Focused() != e.Year {
		t.Fatalf("the new round does not open in its first field: %T", w.Canvas().Focused())
	}
	uitest.Keys(w, fyne.KeyEnd)
	for range 4 {
		uitest.Key(w, fyne.KeyBackspace)
	}
	uitest.Type(w, "2020") // a year the demo has no round for
	tabTo(t, w, e.Invited)
	uitest.Type(w, "20")
	tabTo(t, w, e.Respondents)
	uitest.Type(w, "2") // fewer than 3: no report, no scores
	uitest.Shortcut(w, saveShortcut)
	after, _ := env.Store.SurveyRounds()
	if len(after) != len(before)+1 {
		t.Fatalf("Ctrl+S did not save the new round: %d rounds, want %d (%s)", len(after), len(before)+1, e.Err.Label.Text)
	}
	next, ok := env.Guard.Form().(*tifaktor.Screen)
	if !ok {
		t.Fatal("the 10-FAKTOR page is gone after the save")
	}
	if w.Canvas().Focused() != next.NewButton {
		t.Errorf("after saving a new round the focus is on %T, not «Ny runde»", w.Canvas().Focused())
	}
	uitest.Key(w, fyne.KeySpace)
	next, _ = env.Guard.Form().(*tifaktor.Screen)
	if next.Editor == nil || next.Editor.Round().ID != 0 || w.Canvas().Focused() != next.Editor.Year {
		t.Errorf("«Ny runde» did not open a new round in its first field (%T)", w.Canvas().Focused())
	}
}
