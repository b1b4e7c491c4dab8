package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// TestRefusedSaveShowsWhy: Ctrl+S on a new deviation the model refuses
// (violence without its type) keeps the text and scrolls the reason into
// view; before, it sat a screen below and the save seemed to do nothing.
func TestRefusedSaveShowsWhy(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	env.Navigate(avvik.PageID)
	if !env.NewItem() {
		t.Fatal("no new deviation")
	}
	e := env.Guard.Form().(*avvik.Screen).Editor
	test.Type(e.WhatHappened, "Beboer slo etter ansatt ved stell")
	widgets.SetEnum(e.Category, model.DevViolence.Label())
	uitest.Shortcut(w, saveShortcut)
	if !e.Err.Label.Visible() || e.Err.Label.Text == "" {
		t.Fatal("the refused save says nothing")
	}
	uitest.LayoutAll(w.Content()) // the test driver lays out lazily
	// The reason stands at the first field to put right, which has the
	// keyboard; that field and its message are scrolled into view.
	shown := 0
	for _, f := range e.Err.Bound() {
		l := e.Err.FieldLabel(f)
		if !l.Visible() {
			continue
		}
		line := uitest.Parent(w.Content(), l)     // icon and message
		field := uitest.Parent(w.Content(), line) // the input with its line
		if focused, _ := w.Canvas().Focused().(fyne.CanvasObject); focused == nil || !uitest.Under(field, focused) {
			continue
		}
		shown++
		y := fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Y
		if y < 0 || y+l.MinSize().Height > w.Canvas().Size().Height {
			t.Errorf("the reason %q is at y=%.0f, outside the window (height %.0f)", l.Text, y, w.Canvas().Size().Height)
		}
	}
	if shown != 1 {
		t.Errorf("%d marked fields hold the keyboard, want 1", shown)
	}
	if e.WhatHappened.Text != "Beboer slo etter ansatt ved stell" {
		t.Errorf("the text was lost: %q", e.WhatHappened.Text)
	}
}
