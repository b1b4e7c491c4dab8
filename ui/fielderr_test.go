package ui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// fileBytes is the unit file as it is on disk.
func fileBytes(t *testing.T, u *App) []byte {
	t.Helper()
	b, err := os.ReadFile(u.Env().Store.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantAtField asserts that a refused save shows a message containing want
// directly under the input w of field (in the same container as w), and
// that the keyboard is in w when focus is true.
func wantAtField(t *testing.T, win fyne.Window, et *widgets.ErrorText, field string, w fyne.CanvasObject, want string, focus bool) {
	t.Helper()
	l := et.FieldLabel(field)
	if l == nil {
		t.Fatalf("%s is not bound", field)
	}
	if !strings.Contains(l.Text, want) || !shownOnScreen(win, l) {
		t.Errorf("%s: message %q (shown %v), want one with %q", field, l.Text, shownOnScreen(win, l), want)
	}
	box, _ := uitest.Parent(win.Canvas().Content(), w).(*fyne.Container)
	if box == nil || !uitest.Under(box, l) {
		t.Errorf("%s: the message is not in the field's own container", field)
	}
	if f, _ := win.Canvas().Focused().(fyne.CanvasObject); focus && f != w {
		t.Errorf("focus on %T, want the field %s", win.Canvas().Focused(), field)
	}
}

// shownOnScreen reports whether o and everything above it is visible.
func shownOnScreen(win fyne.Window, o fyne.CanvasObject) bool {
	root := win.Canvas().Content()
	for p := o; p != root; {
		if !p.Visible() {
			return false
		}
		c := uitest.Parent(root, p)
		if c == nil {
			return false
		}
		p = c
	}
	return root.Visible()
}

// wantCleared asserts that no message is left at any field or under Lagre.
func wantCleared(t *testing.T, et *widgets.ErrorText) {
	t.Helper()
	if m := et.Messages(); m != "" {
		t.Errorf("messages left after a good save: %q", m)
	}
}

// TestFieldErrorsMeasure: a measure without a title and with a deadline
// before its creation, saved with Ctrl+S, says so at the two fields, puts
// the keyboard in the title, keeps what was typed and leaves the file as
// it was; filled in right, the next Ctrl+S saves and the messages go.
func TestFieldErrorsMeasure(t *testing.T) {
	u, _ := startKeys(t)
	win := u.Window()
	openPage(t, u, handlingsplan.PageID)
	s, ok := u.Env().Guard.Form().(*handlingsplan.Screen)
	if !ok {
		t.Fatalf("Handlingsplan not on screen (%T)", u.Env().Guard.Form())
	}
	test.Tap(s.NewButton)
	e := s.Editor
	win.Canvas().Focus(e.Responsible)
	uitest.Type(win, "Verneombud")
	e.Deadline.SetText("")
	win.Canvas().Focus(e.Deadline)
	uitest.Type(win, "01.01.2020")
	before := fileBytes(t, u)
	uitest.Shortcut(win, saveShortcut)

	wantAtField(t, win, e.Err, model.FieldTitle, e.Title, "Tittel må fylles ut", true)
	wantAtField(t, win, e.Err, model.FieldDeadline, e.Deadline, "Frist kan ikke være før opprettet-dato", false)
	if strings.Contains(e.Err.Label.Text, "Tittel") || !strings.Contains(e.Err.Label.Text, "Ikke lagret") {
		t.Errorf("under Lagre: %q, want only that it was not saved", e.Err.Label.Text)
	}
	if e.Responsible.Text != "Verneombud" || e.Deadline.Text != "01.01.2020" {
		t.Error("typed text lost")
	}
	if !bytes.Equal(before, fileBytes(t, u)) {
		t.Error("the refused save changed the file")
	}

	uitest.Type(win, "Kurs i forflytning") // the focus is in the title
	if e.Title.Text != "Kurs i forflytning" {
		t.Fatalf("typed into the wrong field: title %q", e.Title.Text)
	}
	if l := e.Err.FieldLabel(model.FieldTitle); l.Visible() {
		t.Error("the title's message stayed after typing in it")
	}
	if l := e.Err.FieldLabel(model.FieldDeadline); !l.Visible() {
		t.Error("the deadline's message went when the title changed")
	}
	e.Deadline.SetText(uitest.Today.AddMonths(2).String())
	e.Area.SetSelected(e.Area.Options[0])
	uitest.Shortcut(win, saveShortcut)
	wantCleared(t, e.Err)
	if e.Measure().ID == 0 || e.Measure().Title != "Kurs i forflytning" {
		t.Errorf("not saved after the fix: %+v", e.Measure())
	}
}

// TestFieldErrorsDeviation: a new deviation with nothing chosen and a date
// ahead marks each field, the date first (with the keyboard), keeps the
// text and the file; chosen and dated right, Lagre stores it.
func TestFieldErrorsDeviation(t *testing.T) {
	u, _ := startKeys(t)
	win := u.Window()
	openPage(t, u, avvik.PageID)
	s := deviationScreen(t, u)
	test.Tap(s.NewButton)
	e := s.Editor
	e.Date.SetText("")
	win.Canvas().Focus(e.Date)
	uitest.Type(win, uitest.Today.AddDays(3).String())
	win.Canvas().Focus(e.Cause)
	uitest.Type(win, "Glatt gulv etter vask")
	before := fileBytes(t, u)
	test.Tap(e.Save)

	wantAtField(t, win, e.Err, model.FieldDevDate, e.Date, "frem i tid", true)
	wantAtField(t, win, e.Err, model.FieldCategory, e.Category, "Velg kategori", false)
	wantAtField(t, win, e.Err, model.FieldDevSeverity, e.Severity, "Velg alvorlighetsgrad", false)
	wantAtField(t, win, e.Err, model.FieldDevWhatHappened, e.WhatHappened, "Hva skjedde må fylles ut", false)
	if e.Cause.Text != "Glatt gulv etter vask" || e.Date.Text != uitest.Today.AddDays(3).String() {
		t.Error("typed text lost")
	}
	if !bytes.Equal(before, fileBytes(t, u)) {
		t.Error("the refused save changed the file")
	}

	e.Date.SetText(uitest.Today.String())
	e.Category.SetSelected(e.Category.Options[0])
	e.Type.SetSelected(e.Type.Options[0])
	e.Severity.SetSelected(e.Severity.Options[0])
	e.PersonHarm.SetSelected(e.PersonHarm.Options[0])
	if e.Place.Text == "" {
		e.Place.SetText("Kjøkken")
	}
	win.Canvas().Focus(e.WhatHappened)
	uitest.Type(win, "En ansatt skled")
	for _, f := range []string{model.FieldDevDate, model.FieldCategory, model.FieldDevSeverity, model.FieldDevWhatHappened} {
		if e.Err.FieldLabel(f).Visible() {
			t.Errorf("%s: the message stayed after the field was changed", f)
		}
	}
	uitest.Shortcut(win, saveShortcut)
	wantCleared(t, e.Err)
	if e.Deviation().ID == 0 {
		t.Error("not saved after the fix")
	}
}

// TestFieldErrorsMeeting: a meeting whose end is before its start and
// whose start does not read marks both time fields, with the keyboard in
// the start; put right, Ctrl+S saves and the marks go.
func TestFieldErrorsMeeting(t *testing.T) {
	u, _ := startKeys(t)
	win := u.Window()
	openPage(t, u, moter.PageID)
	s, ok := u.Env().Guard.Form().(*moter.Screen)
	if !ok {
		t.Fatalf("Møter not on screen (%T)", u.Env().Guard.Form())
	}
	test.Tap(s.NewButton)
	e := s.Editor
	e.Start.SetText("")
	win.Canvas().Focus(e.Start)
	uitest.Type(win, "25:00")
	e.End.SetText("")
	win.Canvas().Focus(e.End)
	uitest.Type(win, "09:00")
	win.Canvas().Focus(e.Place)
	uitest.Type(win, "Møterom 2")
	before := fileBytes(t, u)
	uitest.Shortcut(win, saveShortcut)

	wantAtField(t, win, e.Err, model.FieldMeetingStart, e.Start, "Starttid må skrives som tt:mm", true)
	// The line under «Lagre møtet» is laid out below the button, not over it.
	d := fyne.CurrentApp().Driver()
	if d.AbsolutePositionForObject(e.Err.Label).Y < d.AbsolutePositionForObject(e.Save).Y+e.Save.Size().Height {
		t.Error("the message under Lagre overlaps the button")
	}
	if e.Start.Text != "25:00" || e.End.Text != "09:00" || e.Place.Text != "Møterom 2" {
		t.Error("typed text lost")
	}
	if !bytes.Equal(before, fileBytes(t, u)) {
		t.Error("the refused save changed the file")
	}

	e.Start.SetText("10:00")
	uitest.Shortcut(win, saveShortcut)
	wantAtField(t, win, e.Err, model.FieldMeetingEnd, e.End, "Sluttid må være senere enn starttid", true)
	e.End.SetText("11:30")
	if e.Err.FieldLabel(model.FieldMeetingEnd).Visible() {
		t.Error("the end's message stayed after the end was changed")
	}
	uitest.Shortcut(win, saveShortcut)
	wantCleared(t, e.Err)
	if e.Meeting().ID == 0 || e.Meeting().Place != "Møterom 2" {
		t.Errorf("not saved after the fix: %+v", e.Meeting())
	}
}
