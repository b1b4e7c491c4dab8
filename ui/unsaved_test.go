package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/unsaved"
)

// startApp opens the demo unit in the app window and records whether the
// window was closed.
func startApp(t *testing.T) (*App, *bool) {
	t.Helper()
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	t.Cleanup(u.Close)
	closed := new(bool)
	u.Window().SetOnClosed(func() { *closed = true })
	return u, closed
}

// press sends a key to the focused object, as the keyboard would.
func press(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has focus to receive %s", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// shortcut sends a window shortcut (Ctrl+Q, Ctrl+M) to the canvas's
// handlers, as the driver does when no text field has focus. The test
// canvas wraps the software canvas that holds them.
func shortcut(w fyne.Window, s fyne.Shortcut) {
	c := reflect.ValueOf(w.Canvas()).Elem().FieldByName("WindowlessCanvas").Interface()
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// prompt is the «Lagre endringene?» question on screen, or fails.
func prompt(t *testing.T, env *appctx.Env) *unsaved.Prompt {
	t.Helper()
	p := env.Guard.Prompt()
	if p == nil {
		t.Fatal("left the form with unsaved changes without asking")
	}
	if !uitest.HasText(env.Window.Canvas().Overlays().Top(), "Lagre endringene?") {
		t.Error("the question is not on screen")
	}
	if env.Window.Canvas().Focused() != p.Save {
		t.Error("Lagre is not the default (focused) button")
	}
	return p
}

// openDeviation opens deviation id in the register and types into every
// field of its form.
func openDeviation(t *testing.T, env *appctx.Env, id uint64, tag string) *avvik.Editor {
	t.Helper()
	env.Open(avvik.PageID, appctx.Focus{ID: id})
	s, ok := env.Guard.Form().(*avvik.Screen)
	if !ok || s.Editor == nil || s.Editor.Deviation().ID != id {
		t.Fatalf("deviation %d is not open", id)
	}
	e := s.Editor
	e.Place.SetText("")
	test.Type(e.Place, "Sted "+tag)
	e.Severity.SetSelected(model.SeverityMinor.Label())
	for _, f := range []*widget.Entry{&e.WhatHappened.Entry, &e.ImmediateAction.Entry, &e.Cause.Entry} {
		f.SetText("")
	}
	test.Type(e.WhatHappened, "Hva "+tag)
	test.Type(e.ImmediateAction, "Straks "+tag)
	test.Type(e.Cause, "Årsak "+tag)
	if !e.Reported.Checked {
		test.Tap(e.Reported)
	}
	e.MunicipalRef.SetText("")
	test.Type(e.MunicipalRef, "REF-"+tag)
	return e
}

func openDeviationID(t *testing.T, env *appctx.Env) (uint64, uint64) {
	t.Helper()
	devs, _ := env.Store.Deviations()
	var ids []uint64
	for _, d := range devs {
		if d.Open() && d.Category != model.DevViolence && !d.NeedsAuthorityNotice() {
			ids = append(ids, d.ID)
		}
	}
	if len(ids) < 2 {
		t.Fatal("the demo unit has too few open deviations")
	}
	return ids[0], ids[1]
}

// TestNoInputLostDeviation leaves an edited deviation every way the app
// offers and checks that the text is saved or the user was asked, and that
// Lagre saves, Forkast discards and Avbryt stays with the text intact.
func TestNoInputLostDeviation(t *testing.T) {
	u, closed := startApp(t)
	env, w := u.Env(), u.Window()
	id, other := openDeviationID(t, env)
	stored, _ := env.Store.Deviation(id)

	// Sidebar, Avbryt (Escape): still here, nothing lost, nothing saved.
	e := openDeviation(t, env, id, "en")
	env.Navigate(oversikt.PageID)
	prompt(t, env)
	press(t, w, fyne.KeyEscape)
	if env.Guard.Prompt() != nil || env.Guard.Form() == nil {
		t.Fatal("Avbryt left the page")
	}
	if e.Place.Text != "Sted en" || e.Cause.Text != "Årsak en" || e.MunicipalRef.Text != "REF-en" {
		t.Errorf("Avbryt lost text: %q %q %q", e.Place.Text, e.Cause.Text, e.MunicipalRef.Text)
	}
	if d, _ := env.Store.Deviation(id); d.Place != stored.Place {
		t.Error("Avbryt saved")
	}

	// Sidebar, Forkast: the page changes and the file keeps the stored text.
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Discard)
	if _, still := env.Guard.Form().(*avvik.Screen); still {
		t.Error("Forkast did not leave the register")
	}
	if d, _ := env.Store.Deviation(id); d.Place != stored.Place || d.Cause != stored.Cause {
		t.Errorf("Forkast saved: %+v", d)
	}

	// Another item in the list, Lagre (Enter): saved in bbolt, the other opens.
	openDeviation(t, env, id, "to")
	s := env.Guard.Form().(*avvik.Screen)
	for i, d := range s.Shown() {
		if d.ID == other {
			s.List.Select(i)
		}
	}
	prompt(t, env)
	press(t, w, fyne.KeyReturn)
	assertDeviationSaved(t, env, id, "to")
	if s.Editor.Deviation().ID != other {
		t.Errorf("after Lagre the register shows %d, want %d", s.Editor.Deviation().ID, other)
	}

	// Nytt avvik, Lagre.
	openDeviation(t, env, id, "tre")
	test.Tap(env.Guard.Form().(*avvik.Screen).NewButton)
	test.Tap(prompt(t, env).Save)
	assertDeviationSaved(t, env, id, "tre")

	// Møtemodus (Ctrl+M) with a measure typed but not added: Lagre saves
	// both, then the mode changes.
	e = openDeviation(t, env, id, "fire")
	test.Type(e.MeasureTitle, "Tiltak fire")
	test.Type(e.MeasureResp, "Leder")
	before := len(mustDev(t, env, id).MeasureIDs)
	shortcut(w, meetingShortcut)
	if env.MeetingMode() {
		t.Fatal("Møtemodus switched before the question was answered")
	}
	test.Tap(prompt(t, env).Save)
	assertDeviationSaved(t, env, id, "fire")
	if n := len(mustDev(t, env, id).MeasureIDs); n != before+1 {
		t.Errorf("the typed measure was not added: %d measures, want %d", n, before+1)
	}
	if !env.MeetingMode() {
		t.Error("Møtemodus did not switch after Lagre")
	}
	env.SetMeetingMode(false)

	// A dialog is open: Ctrl+Q does not quit past it.
	e = openDeviation(t, env, id, "fem")
	test.Tap(e.Delete)
	shortcut(w, quitShortcut)
	if *closed {
		t.Fatal("Ctrl+Q quit while a dialog was open")
	}
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}

	// Closing the window asks; Avbryt keeps it open.
	u.Quit()
	test.Tap(prompt(t, env).Cancel)
	if *closed || e.Place.Text != "Sted fem" {
		t.Fatalf("Avbryt on closing: closed %v, place %q", *closed, e.Place.Text)
	}
	// Ctrl+Q asks too; Lagre saves and closes.
	shortcut(w, quitShortcut)
	press(t, w, fyne.KeyEnter)
	assertDeviationSaved(t, env, id, "fem")
	if !*closed {
		t.Error("the window did not close after Lagre")
	}
}

func assertDeviationSaved(t *testing.T, env *appctx.Env, id uint64, tag string) {
	t.Helper()
	d, err := env.Store.Deviation(id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Place != "Sted "+tag || d.WhatHappened != "Hva "+tag || d.ImmediateAction != "Straks "+tag ||
		d.Cause != "Årsak "+tag || d.MunicipalRef != "REF-"+tag || !d.ReportedToMunicipal {
		t.Errorf("not saved (%s): %+v", tag, d)
	}
}

func mustDev(t *testing.T, env *appctx.Env, id uint64) model.Deviation {
	t.Helper()
	d, err := env.Store.Deviation(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestUnsavedPromptScreenshot renders «Lagre endringene?» over the deviation
// register at 1024×768 (written with -screenshots DIR, to look at).
func TestUnsavedPromptScreenshot(t *testing.T) {
	u, _ := startApp(t)
	env, w := u.Env(), u.Window()
	w.Resize(fyne.NewSize(1024, 768))
	id, _ := openDeviationID(t, env)
	openDeviation(t, env, id, "skjermbilde")
	env.Navigate(oversikt.PageID)
	prompt(t, env)
	img := w.Canvas().Capture()
	if *screenshotDir == "" {
		return
	}
	f, err := os.Create(filepath.Join(*screenshotDir, "lagre-endringene.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestNoInputLostRisk: an edited assessment and risk item ask before the
// page or the item is left; Lagre stores both, Forkast neither.
func TestNoInputLostRisk(t *testing.T) {
	u, _ := startApp(t)
	env := u.Env()
	as, _ := env.Store.Assessments()
	var a model.RiskAssessment
	var items []model.RiskItem
	for _, x := range as {
		if its, _ := env.Store.RiskItems(x.ID); len(its) >= 2 {
			a, items = x, its
			break
		}
	}
	if a.ID == 0 {
		t.Fatal("no assessment with two items in the demo unit")
	}
	open := func(tag string) *risiko.Detail {
		env.Open(risiko.PageID, appctx.Focus{ParentID: a.ID, ID: items[0].ID})
		s, ok := env.Guard.Form().(*risiko.Screen)
		if !ok || s.Detail == nil || s.Detail.Item == nil {
			t.Fatal("the assessment and its item are not open")
		}
		d := s.Detail
		for _, e := range []*widget.Entry{&d.Title.Entry, &d.Area.Entry, &d.Participants.Entry, &d.Notes.Entry, &d.Item.Hazard.Entry, &d.Item.Event.Entry, &d.Item.Exposed.Entry, &d.Item.Existing.Entry} {
			e.SetText("")
		}
		test.Type(d.Title, "Vurdering "+tag)
		test.Type(d.Area, "Område "+tag)
		test.Type(d.Participants, "Deltaker "+tag)
		test.Type(d.Notes, "Notat "+tag)
		test.Type(d.Item.Hazard, "Fare "+tag)
		test.Type(d.Item.Event, "Hendelse "+tag)
		test.Type(d.Item.Exposed, "Gruppe "+tag)
		test.Type(d.Item.Existing, "Tiltak "+tag)
		return d
	}
	saved := func(tag string) bool {
		x, _ := env.Store.Assessment(a.ID)
		it, _ := env.Store.RiskItem(items[0].ID)
		return x.Title == "Vurdering "+tag && x.Area == "Område "+tag && x.Notes == "Notat "+tag &&
			it.Hazard == "Fare "+tag && it.Event == "Hendelse "+tag && it.Exposed == "Gruppe "+tag && it.ExistingMeasures == "Tiltak "+tag
	}

	// Another item: Forkast stores nothing and opens it.
	d := open("en")
	d.SelectItem(items[1].ID)
	test.Tap(prompt(t, env).Discard)
	if saved("en") || d.Item.Item().ID != items[1].ID {
		t.Fatalf("Forkast saved or did not open the other item (%d)", d.Item.Item().ID)
	}

	// Sidebar: Avbryt stays, Lagre stores the assessment and the item.
	d = open("to")
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Cancel)
	if d.Notes.Text != "Notat to" || d.Item.Hazard.Text != "Fare to" || saved("to") {
		t.Fatal("Avbryt lost the text or saved")
	}
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Save)
	if !saved("to") {
		t.Error("Lagre did not store the assessment and the item")
	}
	if _, still := env.Guard.Form().(*risiko.Screen); still {
		t.Error("Lagre did not go on to the page chosen")
	}
}
