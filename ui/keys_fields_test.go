package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// TestF1FromSingleLineField: F1 opens the shortcut overview also from a
// one-line text field and from a page's search field (Fyne's own entry
// swallows F1; the app's pass it on).
func TestF1FromSingleLineField(t *testing.T) {
	u, _ := startKeys(t)
	w := u.Window()
	openPage(t, u, avvik.PageID)
	s := deviationScreen(t, u)
	uitest.Shortcut(w, newShortcut)
	for _, f := range []fyne.Focusable{s.Editor.MunicipalRef, s.Editor.Place, s.Search} {
		w.Canvas().Focus(f)
		uitest.Key(w, fyne.KeyF1)
		top := w.Canvas().Overlays().Top()
		if top == nil || !uitest.HasText(top, "Hurtigtaster") {
			t.Fatalf("F1 in a one-line %T showed no overview", f)
		}
		uitest.Key(w, fyne.KeyEscape)
		if w.Canvas().Overlays().Top() != nil {
			t.Fatalf("Escape did not close the overview opened from %T", f)
		}
	}
}

// TestSearchEscape: on every page with a search field, Escape in the
// field clears a search that holds text, and in an empty field gives
// the keyboard to the list (or table) beside it.
func TestSearchEscape(t *testing.T) {
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	n := 0
	for _, p := range Pages() {
		env.Navigate(p.ID)
		if !env.Search() {
			continue
		}
		s, ok := w.Canvas().Focused().(*widgets.SearchEntry)
		if !ok {
			t.Errorf("%s: Ctrl+F put the focus on %T, not the search field", p.ID, w.Canvas().Focused())
			continue
		}
		n++
		uitest.Type(w, "zzqx")
		if s.Text != "zzqx" {
			t.Fatalf("%s: typed %q", p.ID, s.Text)
		}
		uitest.Key(w, fyne.KeyEscape)
		if s.Text != "" || w.Canvas().Focused() != s {
			t.Errorf("%s: Escape with text: text %q, focus %T (want cleared, still in the field)", p.ID, s.Text, w.Canvas().Focused())
		}
		uitest.Key(w, fyne.KeyEscape)
		switch w.Canvas().Focused().(type) {
		case *widgets.List, *widgets.Table:
		default:
			t.Errorf("%s: Escape in the empty search went to %T, not the list", p.ID, w.Canvas().Focused())
		}
		if w.Canvas().Focused() != s.List {
			t.Errorf("%s: the focus is not on the search's own list", p.ID)
		}
	}
	if n != 8 {
		t.Errorf("%d pages have a search field, want 8 (Møter, Handlingsplan, Avvik, Risiko, Vernerunder, Sykefravær, 10-FAKTOR, Vold og trusler)", n)
	}
}

// TestNoPlainEntryOnAnyPage: every text field the pages show, with a new
// item open (Ctrl+N) and every tab shown, is one of the app's entries
// (widgets.Entry and the types built on it), which pass Escape, F1 and
// the window's keys on; Fyne's own entry swallows them.
func TestNoPlainEntryOnAnyPage(t *testing.T) {
	if n := len(plainEntries(container.NewVBox(widget.NewEntry(), widget.NewSelectEntry(nil), widgets.NewEntry()))); n != 2 {
		t.Fatalf("the walk finds %d plain entries of 2", n)
	}
	u, _ := startKeys(t)
	w, env := u.Window(), u.Env()
	for _, p := range Pages() {
		env.Navigate(p.ID)
		env.NewItem()
		if env.Guard.Prompt() != nil {
			t.Fatalf("%s: Ctrl+N asked about unsaved changes", p.ID)
		}
		for _, e := range plainEntries(w.Canvas().Content()) {
			t.Errorf("%s: a plain widget.Entry (placeholder %q, text %q)", p.ID, e.PlaceHolder, e.Text)
		}
	}
}

// plainEntries are the *widget.Entry objects under o that are not
// embedded in an app type, showing every tab of each AppTabs on the way.
func plainEntries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case nil:
			return
		case *widget.Entry:
			out = append(out, x)
			return
		case *widget.SelectEntry:
			out = append(out, &x.Entry)
			return
		case *container.AppTabs:
			for _, it := range x.Items {
				x.Select(it)
				walk(it.Content)
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}
