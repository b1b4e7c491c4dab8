package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/uitest"
)

// fieldErrorShots: refused saves with each message at its field (a new
// measure, a new deviation, a meeting with a bad time). Each form is put
// back afterwards so the next page opens without a question.
func fieldErrorShots(t *testing.T, u *App, meeting bool) {
	t.Helper()
	w, env := u.Window(), u.Env()

	env.Navigate(handlingsplan.PageID)
	hp, ok := env.Guard.Form().(*handlingsplan.Screen)
	if !ok {
		t.Fatalf("Handlingsplan not on screen (%T)", env.Guard.Form())
	}
	test.Tap(hp.NewButton)
	hp.Editor.Responsible.SetText("Verneombud")
	hp.Editor.Deadline.SetText("01.01.2020")
	uitest.Shortcut(w, saveShortcut)
	save(t, w, "feltfeil-tiltak", meeting)
	hp.Discard()

	env.Navigate(avvik.PageID)
	s := deviationScreen(t, u)
	test.Tap(s.NewButton)
	s.Editor.Date.SetText(uitest.Today.AddDays(3).String())
	s.Editor.Cause.SetText("Glatt gulv etter vask")
	test.Tap(s.Editor.Save)
	save(t, w, "feltfeil-avvik", meeting)
	s.Discard()

	env.Navigate(moter.PageID)
	ms, ok := env.Guard.Form().(*moter.Screen)
	if !ok {
		t.Fatalf("Møter not on screen (%T)", env.Guard.Form())
	}
	test.Tap(ms.NewButton)
	ms.Editor.Start.SetText("25:00")
	ms.Editor.End.SetText("09:00")
	uitest.Shortcut(w, saveShortcut)
	save(t, w, "feltfeil-mote", meeting)
	ms.Discard()
}
