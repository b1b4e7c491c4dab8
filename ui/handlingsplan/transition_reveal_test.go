package handlingsplan

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// editorScroll is the scroll container around the measure's detail.
func editorScroll(o fyne.CanvasObject, content fyne.CanvasObject) *container.Scroll {
	switch x := o.(type) {
	case *container.Scroll:
		if x.Content == content {
			return x
		}
		return editorScroll(x.Content, content)
	case *container.Split:
		if s := editorScroll(x.Leading, content); s != nil {
			return s
		}
		return editorScroll(x.Trailing, content)
	case *fyne.Container:
		for _, c := range x.Objects {
			if s := editorScroll(c, content); s != nil {
				return s
			}
		}
	}
	return nil
}

// TestStatusButtonShowsItsRow: pressing «Utført» on a planned measure at
// 1024×768 opens the «Sett status til …» row below the visible part of
// the detail; it must be scrolled into view and its date field get the
// keyboard, or the button looks dead.
func TestStatusButtonShowsItsRow(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		t.Run(map[bool]string{false: "normal", true: "Møtemodus"}[meeting], func(t *testing.T) {
			env, win, _ := uitest.NewEnv(t, meeting)
			s := New(env)
			win.SetContent(s.Content())
			statusRowShown(t, s, win)
		})
	}
}

// statusRowShown presses «Utført» on a planned measure and checks the row.
func statusRowShown(t *testing.T, s *Screen, win fyne.Window) {
	win.Resize(fyne.NewSize(1024, 768))
	m := firstWithStatus(t, s, model.StatusPlanlagt)
	s.Select(m.ID)
	e := s.Editor
	sc := editorScroll(win.Content(), e.Content())
	if sc == nil {
		t.Fatal("no scroll around the detail")
	}
	var utfort *widget.Button
	for _, o := range e.Transitions.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == model.StatusUtfort.Label() {
			utfort = b
		}
	}
	if utfort == nil {
		t.Fatal("no «Utført» button")
	}
	test.Tap(utfort)
	if got := win.Canvas().Focused(); got != fyne.Focusable(e.CompletedOn) {
		t.Errorf("focus on %T, want the completion date", got)
	}
	uitest.LayoutAll(win.Content()) // the test driver lays out lazily
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(e.Confirm).Y - d.AbsolutePositionForObject(sc.Content).Y
	bottom := top + e.Confirm.MinSize().Height
	if top < sc.Offset.Y || bottom > sc.Offset.Y+sc.Size().Height {
		t.Errorf("«%s» at %v–%v of the detail, view shows %v–%v", e.Confirm.Text, top, bottom, sc.Offset.Y, sc.Offset.Y+sc.Size().Height)
	}
}
