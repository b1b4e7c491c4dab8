package avvik

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/ui/uitest"
)

// TestPlaceChosenByKeysKeepsFocus: choosing «Sted» from its list with the
// keyboard (Tab to the arrow, Space, Down, Enter) puts the place in the
// field and leaves the keyboard there, as a plain select does; it went to
// the top of the window, and the next Tab to «Nytt avvik».
func TestPlaceChosenByKeysKeepsFocus(t *testing.T) {
	s, _, env := newScreen(t)
	w := env.Window
	w.Resize(fyne.NewSize(1024, 768))
	test.Tap(s.NewButton)
	e := s.Editor
	w.Canvas().Focus(e.Place)
	uitest.Key(w, fyne.KeyTab)
	if f, _ := w.Canvas().Focused().(fyne.CanvasObject); f != e.Place.ActionItem {
		t.Fatalf("Tab from «Sted» went to %T, not its list button", w.Canvas().Focused())
	}
	uitest.Key(w, fyne.KeySpace)
	uitest.Key(w, fyne.KeyDown)
	uitest.Key(w, fyne.KeyReturn)
	if e.Place.Text == "" {
		t.Fatal("Enter chose no place")
	}
	if got := w.Canvas().Focused(); got != fyne.Focusable(e.Place) {
		t.Errorf("after choosing a place the focus is on %T, not «Sted»", got)
	}
	uitest.Key(w, fyne.KeyTab)
	if got := w.Canvas().Focused(); got == fyne.Focusable(s.NewButton) || got == nil {
		t.Errorf("Tab after choosing a place went to %T", got)
	}
}

// TestTabIntoCauseScrollsItIntoView: at 1024×768 «Årsak» is below the
// visible part of a new deviation's form; Tab into it must scroll it into
// view, or the user types into a field no one sees.
func TestTabIntoCauseScrollsItIntoView(t *testing.T) {
	s, _, env := newScreen(t)
	w := env.Window
	// The page alone, without the app's menu, title bar, tabs and status
	// line (about 150 px): the form's view is as tall as in the window.
	w.Resize(fyne.NewSize(1024, 768-150))
	test.Tap(s.NewButton)
	e := s.Editor
	sc := scrollAround(w.Content(), e.root)
	if sc == nil {
		t.Fatal("no scroll around the form")
	}
	w.Canvas().Focus(e.ImmediateAction)
	uitest.Key(w, fyne.KeyTab)
	if w.Canvas().Focused() != fyne.Focusable(e.Cause) {
		t.Fatalf("Tab from «Strakstiltak» went to %T", w.Canvas().Focused())
	}
	uitest.LayoutAll(w.Content())
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(e.Cause).Y - d.AbsolutePositionForObject(sc.Content).Y
	bottom := top + e.Cause.Size().Height
	if top < sc.Offset.Y || bottom > sc.Offset.Y+sc.Size().Height {
		t.Errorf("«Årsak» at %v–%v of the form, view shows %v–%v", top, bottom, sc.Offset.Y, sc.Offset.Y+sc.Size().Height)
	}
}

// scrollAround is the scroll container whose content is content.
func scrollAround(o, content fyne.CanvasObject) *container.Scroll {
	switch x := o.(type) {
	case *container.Scroll:
		if x.Content == content {
			return x
		}
		return scrollAround(x.Content, content)
	case *container.Split:
		if s := scrollAround(x.Leading, content); s != nil {
			return s
		}
		return scrollAround(x.Trailing, content)
	case *container.AppTabs:
		for _, it := range x.Items {
			if s := scrollAround(it.Content, content); s != nil {
				return s
			}
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if s := scrollAround(c, content); s != nil {
				return s
			}
		}
	}
	return nil
}
