package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// find returns the first visible object under o that match accepts.
func find(o fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	if match(o) {
		return o
	}
	var kids []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		kids = w.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		if f := find(k, match); f != nil {
			return f
		}
	}
	return nil
}

func button(o fyne.CanvasObject, text string) *widget.Button {
	b, _ := find(o, func(x fyne.CanvasObject) bool {
		b, ok := x.(*widget.Button)
		return ok && b.Text == text
	}).(*widget.Button)
	return b
}

func startAt(t *testing.T, meeting bool, size fyne.Size) *App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool("motemodus", meeting)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	t.Cleanup(u.Close)
	u.Window().Resize(size)
	return u
}

func navVisible(u *App) bool {
	return find(u.Window().Content(), func(x fyne.CanvasObject) bool { _, ok := x.(*widget.List); return ok }) != nil
}

// TestMeetingModeRelaysOutPageInView: switching Møtemodus rebuilds the
// page on screen at the new scale, with the same measure open, and folds
// the sidebar away on a 1024×768 projector; Meny brings it back.
func TestMeetingModeRelaysOutPageInView(t *testing.T) {
	u := startAt(t, false, fyne.NewSize(1024, 768))
	env := u.Env()
	ms, err := env.Store.Measures()
	if err != nil || len(ms) == 0 {
		t.Fatalf("demo measures: %v", err)
	}
	m := ms[0]
	env.Open(handlingsplan.PageID, appctx.Focus{ID: m.ID})
	w := u.Window()
	if !navVisible(u) {
		t.Fatal("sidebar hidden in normal mode")
	}
	before := find(w.Content(), func(x fyne.CanvasObject) bool { _, ok := x.(*widgets.Table); return ok })

	test.Tap(button(w.Content(), "Møtemodus"))
	if !env.MeetingMode() {
		t.Fatal("toolbar button did not switch Møtemodus on")
	}
	after := find(w.Content(), func(x fyne.CanvasObject) bool { _, ok := x.(*widgets.Table); return ok })
	if after == nil || after == before {
		t.Error("the action plan was not rebuilt for Møtemodus")
	}
	if !uitest.HasText(w.Content(), m.Title) {
		t.Errorf("measure %q no longer open after the switch", m.Title)
	}
	if navVisible(u) {
		t.Error("sidebar still shown in Møtemodus at 1024×768")
	}
	if min := w.Content().MinSize(); min.Width > 1024 {
		t.Errorf("content needs %.0f px in Møtemodus", min.Width)
	}
	test.Tap(button(w.Content(), "Meny"))
	if !navVisible(u) {
		t.Error("Meny did not show the sidebar")
	}
	test.Tap(button(w.Content(), "Meny"))
	if navVisible(u) {
		t.Error("Meny did not hide the sidebar again")
	}
	test.Tap(button(w.Content(), "Avslutt møtemodus"))
	if env.MeetingMode() || !navVisible(u) {
		t.Errorf("after leaving Møtemodus: on=%v, sidebar shown=%v", env.MeetingMode(), navVisible(u))
	}
}

// TestMeetingModeWideKeepsSidebar: at 1920×1080 Møtemodus keeps the sidebar.
func TestMeetingModeWideKeepsSidebar(t *testing.T) {
	u := startAt(t, true, fyne.NewSize(1920, 1080))
	if !navVisible(u) {
		t.Error("sidebar hidden in Møtemodus at 1920×1080")
	}
}

// TestMeetingModeCheckAndButtonAgree: the Innstillinger box and the
// toolbar button show the same state whichever of them is used.
func TestMeetingModeCheckAndButtonAgree(t *testing.T) {
	u := startAt(t, false, fyne.NewSize(1920, 1080))
	env := u.Env()
	w := u.Window()
	env.Navigate(innstillinger.PageID)
	check := func() *widget.Check {
		c, _ := find(w.Content(), func(x fyne.CanvasObject) bool {
			c, ok := x.(*widget.Check)
			return ok && c.Text == "Møtemodus (Ctrl+M)"
		}).(*widget.Check)
		if c == nil {
			t.Fatal("no Møtemodus box in Innstillinger")
		}
		return c
	}
	// Toolbar → box.
	test.Tap(button(w.Content(), "Møtemodus"))
	if !env.MeetingMode() || !check().Checked {
		t.Errorf("toolbar on: mode %v, box %v", env.MeetingMode(), check().Checked)
	}
	// Box → toolbar.
	test.Tap(check())
	if env.MeetingMode() || check().Checked {
		t.Errorf("box off: mode %v, box %v", env.MeetingMode(), check().Checked)
	}
	if button(w.Content(), "Møtemodus") == nil {
		t.Error("toolbar button does not say Møtemodus after the box switched it off")
	}
	test.Tap(check())
	if !env.MeetingMode() || button(w.Content(), "Avslutt møtemodus") == nil {
		t.Error("box on: toolbar button does not say Avslutt møtemodus")
	}
	// Toolbar off → box.
	test.Tap(button(w.Content(), "Avslutt møtemodus"))
	if check().Checked {
		t.Error("box still checked after the toolbar switched Møtemodus off")
	}
}

// TestMeetingModeInMeetingView: switching Møtemodus while the meeting
// view has the window re-lays out the view and keeps its item; leaving
// the view brings back the meeting's page, not a rebuilt blank one.
func TestMeetingModeInMeetingView(t *testing.T) {
	u := startAt(t, false, fyne.NewSize(1024, 768))
	env, w := u.Env(), u.Window()
	env.Open(moter.PageID, appctx.Focus{Filter: moter.FilterView})
	if !env.MeetingMode() || !uitest.HasText(w.Content(), "Sak 1 av") {
		t.Fatal("the meeting view did not open in Møtemodus")
	}
	view := w.Content()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	env.SetMeetingMode(false)
	if w.Content() != view || !uitest.HasText(w.Content(), "Sak 2 av") {
		t.Error("switching Møtemodus in the meeting view left the view or its item")
	}
	env.SetMeetingMode(true)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Content() == view {
		t.Fatal("Escape did not leave the meeting view")
	}
	if !uitest.HasText(w.Content(), "Start møtevisning") {
		t.Error("after the view the meeting's page is not open")
	}
}
