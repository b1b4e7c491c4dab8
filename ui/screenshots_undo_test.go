package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
)

// TestScreenshotsUndoAndDrafts renders the «Angre» bar after a delete and
// the offer of text left unsaved by a crash (with -screenshots DIR).
func TestScreenshotsUndoAndDrafts(t *testing.T) {
	path := uitest.DemoFile(t)
	today := func() model.Date { return uitest.Today }
	for _, meeting := range []bool{false, true} {
		a := test.NewTempApp(t)
		a.Preferences().SetBool("motemodus", meeting)
		u := Start(a, Options{DBPath: path, Today: today})
		w := u.Window()
		w.Resize(fyne.NewSize(1024, 768))
		env := u.Env()
		devs, _ := env.Store.Deviations()
		env.Open(avvik.PageID, appctx.Focus{ID: devs[0].ID})
		scr := env.Guard.Form().(*avvik.Screen)
		if err := env.Store.DeleteDeviation(devs[0].ID); err != nil {
			t.Fatal(err)
		}
		scr.Editor = nil
		env.DataChanged()
		if !uitest.HasText(w.Content(), "Angre") {
			t.Fatal("no Angre bar")
		}
		save(t, w, "angre", meeting)
		env.Undo()
		save(t, w, "angret", meeting)

		env.Open(avvik.PageID, appctx.Focus{ID: devs[1].ID})
		env.Guard.Form().(*avvik.Screen).Editor.WhatHappened.SetText(devs[1].WhatHappened + " Og så skrev noen litt til før strømmen gikk.")
		env.Guard.SyncDrafts()
		u.Close()

		a2 := test.NewTempApp(t)
		a2.Preferences().SetBool("motemodus", meeting)
		u2 := Start(a2, Options{DBPath: path, Today: today})
		u2.Window().Resize(fyne.NewSize(1024, 768))
		if u2.Window().Canvas().Overlays().Top() == nil {
			t.Fatal("no draft offer")
		}
		save(t, u2.Window(), "kladd-tilbud", meeting)
		test.Tap(dialogButton(t, u2.Window().Canvas().Overlays().Top(), "Forkast"))
		u2.Close()
	}
}
