package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
)

// TestUndoDeletedDeviation deletes a deviation the way a user does (Slett,
// confirm), presses «Angre» in the bar that confirms it, and finds the
// deviation back in the file.
func TestUndoDeletedDeviation(t *testing.T) {
	a := test.NewTempApp(t)
	path := uitest.DemoFile(t)
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()
	w := u.Window()
	devs, err := env.Store.Deviations()
	if err != nil || len(devs) == 0 {
		t.Fatalf("demo deviations: %v", err)
	}
	dev := devs[0]
	env.Open(avvik.PageID, appctx.Focus{ID: dev.ID})
	if devFindButton(w.Content(), "Angre") != nil {
		t.Fatal("Angre offered before anything was changed")
	}
	test.Tap(devFindButton(w.Content(), "Slett"))
	confirm := w.Canvas().Overlays().Top()
	if confirm == nil {
		t.Fatal("Slett did not ask")
	}
	test.Tap(devFindButton(confirm, "Slett"))
	if _, err := env.Store.Deviation(dev.ID); err == nil {
		t.Fatal("the deviation was not deleted")
	}
	if !uitest.HasText(w.Content(), "Slettet avvik") {
		t.Errorf("no notice of the delete: %v", uitest.Texts(w.Content()))
	}
	angre := devFindButton(w.Content(), "Angre")
	if angre == nil {
		t.Fatal("no Angre after the delete")
	}
	test.Tap(angre)
	if !uitest.HasText(w.Content(), "Angret: Slettet avvik") {
		t.Errorf("the bar does not say it was undone: %v", uitest.Texts(w.Content()))
	}
	if scr, ok := env.Guard.Form().(*avvik.Screen); !ok || scr.Editor == nil || scr.Editor.Deviation().ID != dev.ID {
		t.Error("the deviation put back is not opened")
	}
	u.Close()

	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	back, err := st.Deviation(dev.ID)
	if err != nil {
		t.Fatalf("deviation %d not back after Angre: %v", dev.ID, err)
	}
	if back.WhatHappened != dev.WhatHappened || !strings.EqualFold(back.Place, dev.Place) {
		t.Errorf("restored %+v, want %+v", back, dev)
	}
}

// TestCtrlZUndoesLastSave: env.Undo (Ctrl+Z outside text fields) undoes the
// session's last save; a second call with nothing left says so.
func TestEnvUndoUndoesLastSave(t *testing.T) {
	a := test.NewTempApp(t)
	path := uitest.DemoFile(t)
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()
	unit, _ := env.Store.Unit()
	renamed := unit
	renamed.Name = "Nytt navn"
	if err := env.Store.SaveUnit(renamed); err != nil {
		t.Fatal(err)
	}
	env.DataChanged()
	env.Undo()
	if got, _ := env.Store.Unit(); got.Name != unit.Name {
		t.Fatalf("unit name after undo %q, want %q", got.Name, unit.Name)
	}
	env.Undo()
	if !uitest.HasText(u.Window().Content(), "ingenting å angre") {
		t.Errorf("no word that there is nothing to undo: %v", uitest.Texts(u.Window().Content()))
	}
}
