package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/uitest"
)

// keyboardShots adds the keyboard's screens to TestScreenshots: the
// shortcut overview (F1), a destructive question with Avbryt focused, and
// the focus ring on a form's Lagre button.
func keyboardShots(t *testing.T, u *App, meeting bool) {
	t.Helper()
	w, env := u.Window(), u.Env()
	env.Navigate(enhet.PageID)
	unit, ok := env.Guard.Form().(*enhet.Screen)
	if !ok {
		t.Fatalf("the unit page is not on screen (%T)", env.Guard.Form())
	}
	w.Canvas().Focus(unit.SaveUnit)
	save(t, w, "tastatur-fokus-lagre", meeting)
	w.Canvas().Focus(unit.Municipality)
	save(t, w, "tastatur-fokus-felt", meeting)

	env.Navigate(avvik.PageID)
	s := deviationScreen(t, u)
	s.Open(s.Shown()[0].ID)
	w.Canvas().Focus(s.Editor.Delete)
	uitest.Key(w, fyne.KeySpace)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Slett did not ask")
	}
	save(t, w, "tastatur-slett-dialog", meeting)
	uitest.Key(w, fyne.KeyEscape)

	w.Canvas().Unfocus()
	uitest.Key(w, fyne.KeyF1)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("F1 showed nothing")
	}
	save(t, w, "tastatur-f1", meeting)
	uitest.Key(w, fyne.KeyEscape)
}
