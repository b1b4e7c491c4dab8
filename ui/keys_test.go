package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
	"hmsutvalg/ui/widgets"
)

// The test driver has no key dispatch; uitest.Shortcut and uitest.Key
// deliver keys in the desktop driver's order (main menu first, then the
// focused widget, then the canvas), so these tests go through the same
// main-menu items a real Ctrl+S reaches. That the glfw driver runs a menu
// item's shortcut while an Entry has focus is Fyne's (window.go,
// triggersShortcut; issue #2627) and not exercised here.

// startKeys opens the demo unit in the app window; closed reports whether
// the window was closed.
func startKeys(t *testing.T) (*App, *bool) {
	t.Helper()
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	t.Cleanup(u.Close)
	u.Window().Resize(fyne.NewSize(1024, 768))
	closed := new(bool)
	u.Window().SetOnClosed(func() { *closed = true })
	return u, closed
}

// openPage goes to the sidebar page with ID id with Ctrl+1…9.
func openPage(t *testing.T, u *App, id string) {
	t.Helper()
	for i, p := range Pages() {
		if p.ID == id && i < 9 {
			uitest.Shortcut(u.Window(), pageShortcut(i))
			return
		}
	}
	t.Fatalf("page %s has no Ctrl+digit", id)
}

func deviationScreen(t *testing.T, u *App) *avvik.Screen {
	t.Helper()
	s, ok := u.Env().Guard.Form().(*avvik.Screen)
	if !ok {
		t.Fatalf("the deviation register is not on screen (%T)", u.Env().Guard.Form())
	}
	return s
}

// TestMenuHasEveryShortcut: the commands are menu items with their
// shortcuts (what makes them work from a text field), and the pages.
func TestMenuHasEveryShortcut(t *testing.T) {
	u, _ := startKeys(t)
	m := u.Window().MainMenu()
	if m == nil {
		t.Fatal("no main menu")
	}
	names := map[string]bool{}
	for _, menu := range m.Items {
		for _, it := range menu.Items {
			if it.Shortcut != nil {
				names[it.Shortcut.ShortcutName()] = true
			}
		}
	}
	for _, s := range []fyne.Shortcut{saveShortcut, newShortcut, searchShortcut, meetingShortcut, quitShortcut,
		undoShortcut, helpShortcut, nextTabShortcut, prevTabShortcut, pageShortcut(0), pageShortcut(8)} {
		if !names[s.ShortcutName()] {
			t.Errorf("no menu item for %s", s.ShortcutName())
		}
	}
}

// TestShortcutsWorkFromTextField: Ctrl+S, Ctrl+M and Ctrl+Q act while the
// cursor is in a text field; Ctrl+Q still asks about unsaved text.
func TestShortcutsWorkFromTextField(t *testing.T) {
	u, closed := startKeys(t)
	w, env := u.Window(), u.Env()
	openPage(t, u, avvik.PageID)
	s := deviationScreen(t, u)
	id := s.Shown()[0].ID
	s.Open(id)
	e := s.Editor
	w.Canvas().Focus(e.Cause)
	uitest.Type(w, "Ny årsak. ")
	uitest.Shortcut(w, saveShortcut)
	if d, _ := env.Store.Deviation(id); !strings.Contains(d.Cause, "Ny årsak. ") {
		t.Fatalf("Ctrl+S in a text field did not save: cause %q (%s)", d.Cause, e.Err.Label.Text)
	}
	if w.Canvas().Focused() != e.Cause {
		t.Error("Ctrl+S took the cursor out of the field")
	}

	uitest.Shortcut(w, meetingShortcut)
	if !env.MeetingMode() {
		t.Fatal("Ctrl+M in a text field did not switch Møtemodus")
	}
	uitest.Shortcut(w, meetingShortcut)

	s = deviationScreen(t, u)
	s.Open(id)
	w.Canvas().Focus(s.Editor.Cause)
	uitest.Type(w, "Mer. ")
	uitest.Shortcut(w, quitShortcut)
	if *closed {
		t.Fatal("Ctrl+Q quit past unsaved text")
	}
	if env.Guard.Prompt() == nil {
		t.Fatal("Ctrl+Q in a text field did nothing")
	}
	uitest.Key(w, fyne.KeyEscape) // Avbryt: back to the form
	uitest.Shortcut(w, quitShortcut)
	uitest.Key(w, fyne.KeyReturn) // Lagre
	if !*closed {
		t.Error("Ctrl+Q and Enter (Lagre) did not close the window")
	}
	if d, _ := env.Store.Deviation(id); !strings.Contains(d.Cause, "Mer. ") {
		t.Errorf("the text was not saved before quitting: %q", d.Cause)
	}
}

// TestShortcutsWaitForDialog: with a question open, the window's commands
// do nothing behind it.
func TestShortcutsWaitForDialog(t *testing.T) {
	u, closed := startKeys(t)
	w, env := u.Window(), u.Env()
	before := env.Guard.Form() // Oversikt's name card, while no name is set
	widgets.ConfirmDanger(w, "Slett", "Slette?", "Slett", func() {})
	for _, s := range []fyne.Shortcut{quitShortcut, meetingShortcut, pageShortcut(3), newShortcut} {
		uitest.Shortcut(w, s)
	}
	if *closed || env.MeetingMode() || env.Guard.Form() != before {
		t.Errorf("a shortcut acted behind a dialog: closed %v, Møtemodus %v, form %T", *closed, env.MeetingMode(), env.Guard.Form())
	}
}

// TestPageShortcutsNewAndSearch: Ctrl+4 opens the fourth page, Ctrl+N
// starts a new item there with the cursor in its first field, Ctrl+F puts
// the cursor in the action plan's search field.
func TestPageShortcutsNewAndSearch(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	if Pages()[3].ID != avvik.PageID {
		t.Fatalf("page 4 is %s", Pages()[3].ID)
	}
	uitest.Shortcut(w, pageShortcut(3))
	s := deviationScreen(t, u)
	uitest.Shortcut(w, newShortcut)
	if s.Editor == nil || s.Editor.Deviation().ID != 0 {
		t.Fatal("Ctrl+N did not start a new deviation")
	}
	if w.Canvas().Focused() != s.Editor.Date {
		t.Errorf("the new deviation's first field has no focus: %T", w.Canvas().Focused())
	}

	openPage(t, u, handlingsplan.PageID)
	hp, ok := env.Guard.Form().(*handlingsplan.Screen)
	if !ok {
		t.Fatalf("the action plan is not on screen (%T)", env.Guard.Form())
	}
	uitest.Shortcut(w, searchShortcut)
	if w.Canvas().Focused() != hp.Search {
		t.Fatalf("Ctrl+F did not focus the search field: %T", w.Canvas().Focused())
	}
	uitest.Type(w, "zzz-ingen-treff")
	if n := len(hp.Shown()); n != 0 {
		t.Errorf("typing after Ctrl+F did not search: %d measures shown", n)
	}
}

// TestUndoShortcut: Ctrl+Z in a text field undoes the typing there (the
// menu item does not take it away); elsewhere it runs Env.Undo.
func TestUndoShortcut(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	undone := 0
	env.Undo = func() { undone++ }
	openPage(t, u, avvik.PageID)
	s := deviationScreen(t, u)
	uitest.Shortcut(w, newShortcut)
	w.Canvas().Focus(s.Editor.WhatHappened)
	uitest.Type(w, "abc")
	uitest.Shortcut(w, undoShortcut)
	if s.Editor.WhatHappened.Text == "abc" || undone != 0 {
		t.Errorf("Ctrl+Z in a field: text %q, app undo ran %d times", s.Editor.WhatHappened.Text, undone)
	}
	w.Canvas().Unfocus()
	uitest.Shortcut(w, undoShortcut)
	if undone != 1 {
		t.Errorf("Ctrl+Z outside a field ran the app's undo %d times", undone)
	}
	env.Undo = nil
	uitest.Shortcut(w, undoShortcut) // nil-safe
}

// TestHelpOverview: F1 (also from inside a multi-line field) and Ctrl+H
// show every shortcut; Escape closes the overview.
func TestHelpOverview(t *testing.T) {
	u, _ := startKeys(t)
	w := u.Window()
	openPage(t, u, avvik.PageID)
	s := deviationScreen(t, u)
	uitest.Shortcut(w, newShortcut)
	w.Canvas().Focus(s.Editor.WhatHappened)
	uitest.Key(w, fyne.KeyF1)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("F1 in a multi-line field showed nothing")
	}
	for _, want := range []string{"Hurtigtaster", "Ctrl+S", "Ctrl+N", "Ctrl+F", "Ctrl+M", "Ctrl+Q", "Ctrl+Z", "Ctrl+1 … Ctrl+9", "Tab / Shift+Tab", "Ctrl+Tab", "Escape"} {
		if !uitest.HasText(top, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
	uitest.Key(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the overview")
	}
	uitest.Shortcut(w, helpShortcut)
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+H showed nothing")
	}
}

// TestReadmeListsEveryShortcut: the README's «Tastatur» table is the
// overview's table, line by line.
func TestReadmeListsEveryShortcut(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	i := strings.Index(readme, "### Tastatur")
	if i < 0 {
		t.Fatal("README has no «Tastatur» section")
	}
	section := readme[i:]
	if j := strings.Index(section[1:], "\n### "); j > 0 {
		section = section[:j+1]
	}
	sh := &shell{}
	for _, r := range sh.keyHelp() {
		if row := "| " + r.Keys + " | " + r.Text + " |"; !strings.Contains(section, row) {
			t.Errorf("README «Tastatur» lacks the row %s", row)
		}
	}
}

// TestNewItemOpensInField: on every page with a «Ny …» button, Ctrl+N
// opens the new item with the cursor in a text field of its form.
func TestNewItemOpensInField(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	n := 0
	for i, p := range Pages() {
		env.Navigate(p.ID)
		if !env.NewItem() {
			continue // no «Ny …» on this page
		}
		n++
		// With a safety round in progress, Ctrl+N first asks whether to
		// open it or start a new one: start a new one by the keyboard.
		if s, ok := env.Guard.Form().(*vernerunde.Screen); ok && s.Ask != nil && s.Ask.Open() {
			pressKey(t, w, s.Ask.Buttons[len(s.Ask.Buttons)-1])
		}
		switch f := w.Canvas().Focused().(type) {
		case *widget.Entry, *widgets.Entry, *widgets.DateEntry:
		default:
			t.Errorf("page %d (%s): after Ctrl+N the focus is on %T, not a field", i+1, p.ID, f)
		}
		if env.Guard.Prompt() != nil {
			t.Fatalf("page %s: a new item asked about unsaved changes", p.ID)
		}
	}
	if n != 9 {
		t.Errorf("Ctrl+N works on %d pages, want the 9 with a «Ny …» button", n)
	}
}

// TestFormPagesOpenInFirstField: the pages that are one form (the annual
// review, Innstillinger) open with the keyboard in their first field.
func TestFormPagesOpenInFirstField(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	for _, c := range []struct {
		page string
		ok   func(fyne.Focusable) bool
	}{
		{arsgjennomgang.PageID, func(f fyne.Focusable) bool { _, ok := f.(*widget.Select); return ok }},
		{innstillinger.PageID, func(f fyne.Focusable) bool { e, ok := f.(*widgets.Entry); return ok && e.PlaceHolder != "" }},
	} {
		env.Navigate(c.page)
		if f := w.Canvas().Focused(); f == nil || !c.ok(f) {
			t.Errorf("%s opens with the focus on %T", c.page, f)
		}
	}
}
