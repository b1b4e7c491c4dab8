package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// The walkthroughs below use the keyboard only: Tab, Shift+Tab, typing,
// Space, Enter, the arrow keys and the window's shortcuts, delivered as
// the desktop driver delivers them (see uitest.Key). Nothing is tapped
// and no widget is set from code; the result is read back from the bbolt
// file.

// tabTo presses Tab until target has the focus, and fails when it is not
// reached within a full round of the window's fields.
func tabTo(t *testing.T, w fyne.Window, target fyne.Focusable) {
	t.Helper()
	for range 400 {
		if w.Canvas().Focused() == target {
			return
		}
		uitest.Key(w, fyne.KeyTab)
	}
	t.Fatalf("Tab never reached the %T", target)
}

// choose picks label in the focused select with the arrow keys.
func choose(t *testing.T, w fyne.Window, s *widget.Select, label string) {
	t.Helper()
	tabTo(t, w, s)
	for range len(s.Options) + 1 {
		if s.Selected == label {
			return
		}
		uitest.Key(w, fyne.KeyRight)
	}
	t.Fatalf("the arrow keys never chose %q (have %q)", label, s.Selected)
}

// pressKey moves to a button with Tab and presses it with the space bar.
func pressKey(t *testing.T, w fyne.Window, b fyne.Focusable) {
	t.Helper()
	tabTo(t, w, b)
	uitest.Key(w, fyne.KeySpace)
}

// TestKeyboardOnlyDeviation registers a deviation, classifies it, takes
// it into handling and closes it without the mouse.
func TestKeyboardOnlyDeviation(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	before, _ := env.Store.Deviations()
	registerDeviationByKeys(t, u)
	after, _ := env.Store.Deviations()
	if len(after) != len(before)+1 {
		t.Fatalf("Ctrl+S did not register the deviation (%s)", deviationScreen(t, u).Editor.Err.Label.Text)
	}
	d := newest(after)
	type fields struct {
		place, what, action, cause string
		cat                        model.DeviationCategory
		typ                        model.DeviationType
		sev                        model.Severity
		status                     model.DeviationStatus
	}
	got := fields{d.Place, d.WhatHappened, d.ImmediateAction, d.Cause, d.Category, d.Type, d.Severity, d.Status}
	want := fields{"Kjøkkenet", "Komfyrvakten var koblet fra.\nOppdaget ved kveldsvakt.", "Koblet til igjen.", "Kontakten sitter løst.",
		model.DevNonCompliance, model.TypeDeviation, model.SeverityMinor, model.DevRegistered}
	if got != want {
		t.Fatalf("stored %+v, want %+v", got, want)
	}
	if w.Canvas().Focused() != deviationScreen(t, u).NewButton {
		t.Errorf("after saving a new deviation the focus is on %T, not «Nytt avvik»", w.Canvas().Focused())
	}
	closeDeviationByKeys(t, u, d.ID)
}

// registerDeviationByKeys fills in a new deviation (Ctrl+N) and saves it
// (Ctrl+S): place, classification and the three texts.
func registerDeviationByKeys(t *testing.T, u *App) {
	t.Helper()
	w := u.Window()
	openPage(t, u, avvik.PageID)
	uitest.Shortcut(w, newShortcut)
	e := deviationScreen(t, u).Editor
	if w.Canvas().Focused() != e.Date {
		t.Fatalf("the new deviation does not open in its first field: %T", w.Canvas().Focused())
	}
	tabTo(t, w, e.Place) // the date is today already
	uitest.Type(w, "Kjøkkenet")
	choose(t, w, e.Category, model.DevNonCompliance.Label())
	choose(t, w, e.Type, model.TypeDeviation.Label())
	choose(t, w, e.Severity, model.SeverityMinor.Label())
	tabTo(t, w, e.WhatHappened)
	uitest.Type(w, "Komfyrvakten var koblet fra.")
	uitest.Key(w, fyne.KeyReturn)
	uitest.Type(w, "Oppdaget ved kveldsvakt.")
	uitest.Key(w, fyne.KeyTab) // out of the multi-line field
	if w.Canvas().Focused() != e.ImmediateAction {
		t.Fatalf("Tab from «Hva skjedde» went to %T, not the next field", w.Canvas().Focused())
	}
	uitest.Type(w, "Koblet til igjen.")
	uitest.Key(w, fyne.KeyTab)
	uitest.Type(w, "Kontakten sitter løst.")
	uitest.Shortcut(w, saveShortcut)
}

// closeDeviationByKeys takes deviation id into handling and closes it in
// the name of a role.
func closeDeviationByKeys(t *testing.T, u *App, id uint64) {
	t.Helper()
	w, env := u.Window(), u.Env()
	e := deviationScreen(t, u).Editor
	pressKey(t, w, e.ToInProgress)
	if d, _ := env.Store.Deviation(id); d.Status != model.DevInProgress {
		t.Fatalf("«Til behandling» with Space: status %s (%s)", d.Status, e.TransErr.Label.Text)
	}
	pressKey(t, w, e.Close)
	tabTo(t, w, e.ClosedBy)
	uitest.Shortcut(w, &fyne.ShortcutSelectAll{}) // Ctrl+A: type over what is there
	uitest.Type(w, "Enhetsleder")
	pressKey(t, w, e.ConfirmClose)
	d, _ := env.Store.Deviation(id)
	if d.Status != model.DevClosed || d.ClosedBy != "Enhetsleder" || d.ClosedOn != uitest.Today {
		t.Fatalf("not closed from the keyboard: status %s by %q on %s (%s)", d.Status, d.ClosedBy, d.ClosedOn, e.TransErr.Label.Text)
	}
}

func newest(ds []model.Deviation) model.Deviation {
	var n model.Deviation
	for _, d := range ds {
		if d.ID > n.ID {
			n = d
		}
	}
	return n
}

// TestKeyboardOnlySafetyRound starts a safety round, answers every
// checklist item, makes a finding a measure in the action plan, writes the
// summary and locks the round without the mouse.
func TestKeyboardOnlySafetyRound(t *testing.T) {
	u, _ := startKeys(t)
	env := u.Env()
	v := startRoundByKeys(t, u)
	id := v.RoundData().ID
	finding := answerChecklistByKeys(t, u, v)
	measureByKeys(t, u, v, finding)
	lockByKeys(t, u, v)

	r, _ := env.Store.SafetyRound(id)
	if !r.Locked() {
		t.Fatalf("the round is not locked: %s", v.Closing.Err.Label.Text)
	}
	if r.ClosingNotes != "Ett funn, tiltak avtalt." || r.PreMeetingNotes != "Kjøkken og lager." || len(r.Participants) == 0 {
		t.Errorf("stored summary %q, pre-meeting %q, %d participants", r.ClosingNotes, r.PreMeetingNotes, len(r.Participants))
	}
	f := r.AnswerFor(finding)
	if f.Answer != model.AnswerImprove || f.Comment != "Nødlyset i trappen virker ikke" || len(f.MeasureIDs) != 1 {
		t.Fatalf("finding stored as %+v", f)
	}
	m, err := env.Store.Measure(f.MeasureIDs[0])
	got := [3]string{m.Title, m.Responsible, string(m.Source.Kind)}
	if want := [3]string{"Bytte batteri i nødlyset", "Vaktmester", string(model.SourceSafetyRound)}; err != nil || got != want {
		t.Errorf("measure %v, want %v (%v)", got, want, err)
	}
}

// startRoundByKeys opens the safety rounds (Ctrl+8), starts a round
// (Ctrl+N), adds the committee and a note to the pre-meeting and saves
// (Ctrl+S).
func startRoundByKeys(t *testing.T, u *App) *vernerunde.RoundView {
	t.Helper()
	w, env := u.Window(), u.Env()
	openPage(t, u, vernerunde.PageID)
	s, ok := env.Guard.Form().(*vernerunde.Screen)
	if !ok {
		t.Fatalf("the safety rounds are not on screen (%T)", env.Guard.Form())
	}
	uitest.Shortcut(w, newShortcut)
	if s.Ask != nil && s.Ask.Open() { // a round is in progress: Tab to «Start en ny likevel»
		pressKey(t, w, s.Ask.Buttons[len(s.Ask.Buttons)-1])
	}
	v := s.Round
	if v == nil {
		t.Fatal("Ctrl+N did not start a round")
	}
	if w.Canvas().Focused() != v.Pre.Title {
		t.Fatalf("the round does not open in its first field: %T", w.Canvas().Focused())
	}
	pressKey(t, w, v.Pre.AddCommittee)
	tabTo(t, w, v.Pre.Notes)
	uitest.Type(w, "Kjøkken og lager.")
	uitest.Shortcut(w, saveShortcut)
	return v
}

// answerChecklistByKeys opens «2 Befaring» (Ctrl+Tab) and answers every
// question: 1 is OK, question 2 gets 2 («Må forbedres») and a comment;
// Enter moves on. It returns the finding's question number.
func answerChecklistByKeys(t *testing.T, u *App, v *vernerunde.RoundView) int {
	t.Helper()
	w := u.Window()
	uitest.Shortcut(w, nextTabShortcut)
	if v.Tabs.SelectedIndex() != 1 {
		t.Fatalf("Ctrl+Tab did not open «2 Befaring» (tab %d)", v.Tabs.SelectedIndex())
	}
	qs := v.Check.Questions
	tabTo(t, w, qs[0].Picker)
	for i, row := range qs {
		if w.Canvas().Focused() != row.Picker {
			t.Fatalf("question %d: focus on %T", row.Number, w.Canvas().Focused())
		}
		if i != 1 {
			uitest.Type(w, "1")
			uitest.Key(w, fyne.KeyReturn)
			continue
		}
		uitest.Type(w, "2")
		uitest.Key(w, fyne.KeyTab)
		if w.Canvas().Focused() != row.Comment {
			t.Fatalf("Tab from the answer went to %T, not the comment", w.Canvas().Focused())
		}
		uitest.Type(w, "Nødlyset i trappen virker ikke")
		uitest.Key(w, fyne.KeyReturn) // saves the comment, next question
	}
	r, _ := u.Env().Store.SafetyRound(v.RoundData().ID)
	if a, tot := r.Progress(); a != tot {
		t.Fatalf("%d of %d answered from the keyboard", a, tot)
	}
	return qs[1].Number
}

// measureByKeys opens «3 Avslutning» and makes finding n a measure.
func measureByKeys(t *testing.T, u *App, v *vernerunde.RoundView, n int) {
	t.Helper()
	w := u.Window()
	uitest.Shortcut(w, nextTabShortcut)
	if v.Tabs.SelectedIndex() != 2 {
		t.Fatalf("Ctrl+Tab did not open «3 Avslutning» (tab %d)", v.Tabs.SelectedIndex())
	}
	row := v.Closing.Finding(n)
	if row == nil {
		t.Fatal("the finding is not in the closing meeting")
	}
	pressKey(t, w, row.AddMeasure)
	if w.Canvas().Focused() != row.Title {
		t.Fatalf("«Nytt tiltak» did not put the cursor in the title: %T", w.Canvas().Focused())
	}
	uitest.Shortcut(w, &fyne.ShortcutSelectAll{}) // the finding is proposed as the title
	uitest.Type(w, "Bytte batteri i nødlyset")
	uitest.Key(w, fyne.KeyTab)
	uitest.Type(w, "Vaktmester")
	pressKey(t, w, row.Save)
}

// lockByKeys writes the summary and locks the round; the question's
// default is «Fullfør og lås», so Enter confirms.
func lockByKeys(t *testing.T, u *App, v *vernerunde.RoundView) {
	t.Helper()
	w := u.Window()
	tabTo(t, w, v.Closing.Notes)
	uitest.Type(w, "Ett funn, tiltak avtalt.")
	pressKey(t, w, v.Complete)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no question before locking")
	}
	uitest.Key(w, fyne.KeyReturn)
}
