package ui

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// box is an object's place on the window.
type box struct{ x0, y0, x1, y1 float32 }

func (b box) cut(c box) box {
	return box{max(b.x0, c.x0), max(b.y0, c.y0), min(b.x1, c.x1), min(b.y1, c.y1)}
}

// visit walks the visible objects under o with their place on the window
// and the part of the window they can be seen in (scroll containers clip).
// visit returns false to skip an object's children.
func visit(o fyne.CanvasObject, at fyne.Position, clip box, f func(o fyne.CanvasObject, b, clip box) bool) {
	if o == nil || !o.Visible() {
		return
	}
	p := at.Add(o.Position())
	s := o.Size()
	b := box{p.X, p.Y, p.X + s.Width, p.Y + s.Height}
	if !f(o, b, clip) {
		return
	}
	if _, ok := o.(*container.Scroll); ok {
		clip = clip.cut(b)
	}
	var kids []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		kids = w.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		visit(k, p, clip, f)
	}
}

// textFaults lists the texts on the window that cannot be read whole: a
// label cut with an ellipsis or by the edge of what shows it, a word
// broken over two lines, a text drawn wider than its box. A list row's
// lines are judged as any label's: a title cut with «…» made two rows
// look alike (widgets.TwoLineList wraps them instead).
func textFaults(w fyne.Window) []string {
	var faults []string
	size := w.Canvas().Size()
	win := box{0, 0, size.Width, size.Height}
	visit(w.Content(), fyne.Position{}, win, func(o fyne.CanvasObject, b, clip box) bool {
		switch x := o.(type) {
		case *widget.Label:
			if x.Text == "" || x.Size().Width <= 0 {
				return false
			}
			if b.y1 <= clip.y0 || b.y0 >= clip.y1 || b.x1 <= clip.x0 || b.x0 >= clip.x1 {
				// Out of sight until scrolled to: judged as if in sight.
				b.y0, b.y1 = clip.y0, clip.y0+(b.y1-b.y0)
			}
			faults = append(faults, labelFaults(x, b, clip)...)
			return false
		case *widget.Select:
			// A choice cannot wrap: cut with «…» it may say the opposite.
			var shown []string
			visit(x, fyne.Position{}, box{-1e9, -1e9, 1e9, 1e9}, func(o fyne.CanvasObject, _, _ box) bool {
				if t, ok := o.(*canvas.Text); ok {
					shown = append(shown, t.Text)
				}
				return true
			})
			if joined := strings.Join(shown, ""); x.Selected != "" && strings.Contains(joined, "…") && !strings.Contains(x.Selected, "…") {
				faults = append(faults, fmt.Sprintf("choice %q is cut to %q", x.Selected, joined))
			}
			return false
		case *canvas.Text:
			if x.Text != "" && x.Size().Width > 0 && x.MinSize().Width > x.Size().Width+1 && b.y0 < clip.y1 {
				faults = append(faults, fmt.Sprintf("%q is %.0f px wide in a box of %.0f", x.Text, x.MinSize().Width, x.Size().Width))
			}
		}
		return true
	})
	return faults
}

// labelFaults checks one label seen on screen.
func labelFaults(l *widget.Label, b, clip box) []string {
	var faults []string
	if b.x0 < clip.x0-1 || b.x1 > clip.x1+1 {
		faults = append(faults, fmt.Sprintf("%q is cut by the edge of what shows it (%.0f–%.0f of %.0f–%.0f)", l.Text, b.x0, b.x1, clip.x0, clip.x1))
	}
	if l.Wrapping == fyne.TextWrapOff && l.Truncation == fyne.TextTruncateOff && l.MinSize().Width > b.x1-b.x0+1 {
		faults = append(faults, fmt.Sprintf("%q is drawn %.0f px wide in a box of %.0f", l.Text, l.MinSize().Width, b.x1-b.x0))
	}
	lines, bottom := renderedLines(l)
	if bottom > b.y1-b.y0+1 {
		faults = append(faults, fmt.Sprintf("%q is drawn %.0f px high in a box of %.0f: its lines overlap what follows", l.Text, bottom, b.y1-b.y0))
	}
	joined := strings.Join(lines, "")
	if strings.Contains(joined, "…") && !strings.Contains(l.Text, "…") {
		faults = append(faults, fmt.Sprintf("%q is cut to %q", l.Text, joined))
	}
	if l.Wrapping != fyne.TextWrapOff {
		if bad := brokenWord(l.Text, lines); bad != "" {
			faults = append(faults, fmt.Sprintf("%q breaks a word over two lines at %q", l.Text, bad))
		}
	}
	return faults
}

// renderedLines are the lines a label draws and how far down they reach
// from its top.
func renderedLines(l *widget.Label) (lines []string, bottom float32) {
	top := l.Position()
	visit(l, fyne.Position{}, box{-1e9, -1e9, 1e9, 1e9}, func(o fyne.CanvasObject, b, _ box) bool {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			lines = append(lines, t.Text)
			// The glyphs' height, not the line's box: a line's box
			// includes the spacing below it.
			bottom = max(bottom, b.y0-top.Y+fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Height)
		}
		return true
	})
	return lines, bottom
}

// brokenWord returns the place where the lines split text inside a word,
// or "".
func brokenWord(text string, lines []string) string {
	rest := text
	for i, line := range lines {
		line = strings.TrimSpace(line)
		rest = strings.TrimLeft(rest, " \n\t")
		if !strings.HasPrefix(rest, line) {
			return "" // not drawn as the text (cut, or styled): not judged here
		}
		rest = rest[len(line):]
		if i < len(lines)-1 && rest != "" && !strings.ContainsAny(rest[:1], " \n\t") {
			return line + "|" + strings.Fields(rest)[0]
		}
	}
	return ""
}

var dateText = regexp.MustCompile(`^\d\d\.\d\d\.\d{4}$`)

// visibleTableRows counts the rows of the first table on the window whose
// deadline cell is seen whole.
func visibleTableRows(w fyne.Window) int {
	n := 0
	size := w.Canvas().Size()
	visit(w.Content(), fyne.Position{}, box{0, 0, size.Width, size.Height}, func(o fyne.CanvasObject, b, clip box) bool {
		if l, ok := o.(*widget.Label); ok && dateText.MatchString(l.Text) && b.y0 >= clip.y0-1 && b.y1 <= clip.y1+1 && b.x1 <= clip.x1 {
			n++
		}
		return true
	})
	return n
}

// TestHandlingsplanOnProjector: in Møtemodus at 1024×768 with the sidebar
// folded (Ctrl+B) the action plan shows at least six measures, and no cell
// or heading is cut or breaks a word.
func TestHandlingsplanOnProjector(t *testing.T) {
	u := startAt(t, true, fyne.NewSize(1024, 768))
	w := u.Window()
	u.Env().Navigate("handlingsplan")
	w.Canvas().Capture()
	if navVisible(u) {
		t.Fatal("sidebar shown")
	}
	if n := visibleTableRows(w); n < 6 {
		t.Errorf("%d measures seen whole, want at least 6", n)
	}
	for _, f := range textFaults(w) {
		t.Error(f)
	}
	if *screenshotDir != "" {
		save(t, w, "layout-handlingsplan-1024", true)
	}
}

// december is a date the committee's last duty of the year (the review
// of the action plan, a long word) is due soon and on the dashboard.
var december = model.NewDate(2026, 12, 4)

// TestPagesOnSharedScreen walks every page in Møtemodus at 1024×768 (the
// sidebar folded) and 1920×1080, and the views a meeting opens (a measure,
// a deviation, a risk assessment, a safety round, the meeting view), and
// fails on any text on screen that is cut or breaks a word.
func TestPagesOnSharedScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 40 screens")
	}
	path := uitest.DemoFile(t)
	for _, size := range shotSizes {
		a := test.NewTempApp(t)
		a.Preferences().SetBool("motemodus", true)
		u := Start(a, Options{DBPath: path, Today: func() model.Date { return december }})
		w, env := u.Window(), u.Env()
		w.Resize(size)
		check := func(name string) {
			t.Helper()
			// The capture lays out what is on screen (the table's cells).
			shot(t, w, size, fmt.Sprintf("layout-%s-%.0f-motemodus", name, size.Width))
			for _, f := range textFaults(w) {
				t.Errorf("%s %.0fx%.0f: %s", name, size.Width, size.Height, f)
			}
			// A real window grows to its content's MinSize: past the
			// screen, the edge of the page is off it.
			if m := w.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
				t.Errorf("%s %.0fx%.0f: the content needs %.0fx%.0f, the window would grow past the screen", name, size.Width, size.Height, m.Width, m.Height)
			}
		}
		for _, p := range Pages() {
			if only := os.Getenv("LAYOUT_PAGES"); only != "" && !strings.Contains(only, p.ID) {
				continue
			}
			env.Navigate(p.ID)
			check(p.ID)
		}
		for name, open := range openViews(t, env) {
			if only := os.Getenv("LAYOUT_PAGES"); only != "" && !strings.Contains(only, name) {
				continue
			}
			open()
			check(name)
			if name == "motevisning" {
				w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			}
		}
		u.Close()
	}
}

// openViews are the records a meeting opens, by name.
func openViews(t *testing.T, env *appctx.Env) map[string]func() {
	t.Helper()
	views := map[string]func(){
		"motevisning": func() { env.Open(moter.PageID, appctx.Focus{Filter: moter.FilterView}) },
	}
	if ms, _ := env.Store.Measures(); len(ms) > 1 {
		views["handlingsplan-tiltak"] = func() { env.Open(handlingsplan.PageID, appctx.Focus{ID: ms[1].ID}) }
	}
	if ds, _ := env.Store.Deviations(); len(ds) > 0 {
		d := ds[0]
		for _, x := range ds {
			if x.PersonHarm == model.HarmInjury { // the longest choice: «Personskade, ikke alvorlig»
				d = x
				break
			}
		}
		views["avvik-detalj"] = func() { env.Open(avvik.PageID, appctx.Focus{ID: d.ID}) }
	}
	if as, _ := env.Store.Assessments(); len(as) > 0 {
		views["risiko-detalj"] = func() { env.Open(risiko.PageID, appctx.Focus{ParentID: as[len(as)-1].ID}) }
	}
	if rs, _ := env.Store.SafetyRounds(); len(rs) > 0 {
		r, _ := model.LatestSafetyRound(rs)
		views["vernerunde-runde"] = func() { env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID}) }
	}
	if len(views) < 5 {
		t.Fatalf("the demo lacks records to open: %d views", len(views))
	}
	return views
}

var agendaRowText = regexp.MustCompile(`^\d+\. `)

// visibleAgendaRows counts the agenda rows («1. …») seen whole.
func visibleAgendaRows(w fyne.Window) int {
	n := 0
	size := w.Canvas().Size()
	visit(w.Content(), fyne.Position{}, box{0, 0, size.Width, size.Height}, func(o fyne.CanvasObject, b, clip box) bool {
		if l, ok := o.(*widget.Label); ok && agendaRowText.MatchString(l.Text) && b.y0 >= clip.y0-1 && b.y1 <= clip.y1+1 {
			n++
		}
		return true
	})
	return n
}

// TestAgendaOnSmallScreen: on a 1024×768 screen (the window 1024×690
// after the title bar and the menu bar, the sidebar shown) the Sakliste
// tab of a meeting shows at least five agenda items whole: the leader sees
// the agenda while preparing it, not one item and a half.
func TestAgendaOnSmallScreen(t *testing.T) {
	u := startAt(t, false, fyne.NewSize(1024, 690))
	w, env := u.Window(), u.Env()
	ms, err := env.Store.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	var m model.Meeting
	for _, x := range ms {
		if len(x.Agenda) >= 6 {
			m = x
			break
		}
	}
	if m.ID == 0 {
		t.Fatal("the demo has no meeting with six agenda items")
	}
	env.Open(moter.PageID, appctx.Focus{ParentID: m.ID, ID: m.Agenda[0].ID})
	w.Canvas().Capture()
	if n := visibleAgendaRows(w); n < 5 {
		t.Errorf("%d agenda items seen whole, want at least 5", n)
	}
	for _, f := range textFaults(w) {
		t.Error(f)
	}
	if *screenshotDir != "" {
		save(t, w, "layout-sakliste-1024", false)
	}
}

// tooWide names the objects under o whose MinSize is wider than width
// whose children are all narrower: where the width comes from.
func tooWide(o fyne.CanvasObject, width float32) []string {
	var out []string
	var walk func(o fyne.CanvasObject, path string)
	walk = func(o fyne.CanvasObject, path string) {
		if o == nil || !o.Visible() || o.MinSize().Width <= width {
			return
		}
		var kids []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			kids = x.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(x).Objects()
		}
		n := len(out)
		for _, k := range kids {
			walk(k, fmt.Sprintf("%s/%T", path, k))
		}
		if len(out) == n {
			out = append(out, fmt.Sprintf("%s (%.0f)", path, o.MinSize().Width))
		}
	}
	walk(o, fmt.Sprintf("%T", o))
	return out
}

// fitsWidth fails when the window's content needs more than its width:
// a real window grows to its content's MinSize, past a 1024 screen.
func fitsWidth(t *testing.T, w fyne.Window, width float32, state string) {
	t.Helper()
	if m := w.Content().MinSize(); m.Width > width {
		t.Errorf("%s: the content needs %.0f px, the window is %.0f: it would grow past the screen; from %v", state, m.Width, width, tooWide(w.Content(), width))
	}
	if got := w.Canvas().Size().Width; got > width {
		t.Errorf("%s: the window grew to %.0f px", state, got)
	}
}

// TestMenuOpenOnProjector: in Møtemodus at 1024×768, the folded sidebar
// brought out by Meny (Ctrl+B) on Møter with a meeting open and on Årshjul
// lies over the page as a drawer rather than beside it: the window does
// not grow past the screen (seen under Xvfb: 1135 and 1205 px), the page
// keeps the whole width, and choosing a page in the drawer closes it.
func TestMenuOpenOnProjector(t *testing.T) {
	u := startAt(t, true, fyne.NewSize(1024, 768))
	w, env := u.Window(), u.Env()
	ms, err := env.Store.Meetings()
	if err != nil || len(ms) == 0 {
		t.Fatalf("demo meetings: %v", err)
	}
	open := map[string]func(){
		moter.PageID:      func() { env.Open(moter.PageID, appctx.Focus{ParentID: ms[0].ID}) },
		moter.WheelPageID: func() { env.Navigate(moter.WheelPageID) },
	}
	for _, id := range []string{moter.PageID, moter.WheelPageID} {
		open[id]()
		w.Canvas().Capture()
		fitsWidth(t, w, 1024, id+", Meny closed")
		pageWidth := pageArea(w).Size().Width
		test.Tap(button(w.Content(), "Meny"))
		if !navVisible(u) {
			t.Fatalf("%s: Meny did not show the sidebar", id)
		}
		w.Canvas().Capture()
		fitsWidth(t, w, 1024, id+", Meny open")
		if got := pageArea(w).Size().Width; got != pageWidth {
			t.Errorf("%s: the page is %.0f px wide under the drawer, %.0f without it", id, got, pageWidth)
		}
		if *screenshotDir != "" {
			save(t, w, "layout-meny-"+id+"-1024", true)
		}
		test.Tap(button(w.Content(), "Meny"))
		if navVisible(u) {
			t.Fatalf("%s: Meny did not fold the sidebar", id)
		}
		fitsWidth(t, w, 1024, id+", Meny closed again")
	}
	test.Tap(button(w.Content(), "Meny"))
	env.Navigate(handlingsplan.PageID)
	w.Canvas().Capture()
	if navVisible(u) {
		t.Error("the drawer stayed open after a page was chosen in it")
	}
	fitsWidth(t, w, 1024, "Handlingsplan after the drawer")
}

// pageArea is the part of the window the page is shown in, beside or
// under the sidebar.
func pageArea(w fyne.Window) fyne.CanvasObject {
	body := find(w.Content(), func(x fyne.CanvasObject) bool {
		c, ok := x.(*fyne.Container)
		if !ok {
			return false
		}
		_, ok = c.Layout.(*sideLayout)
		return ok
	})
	return body.(*fyne.Container).Layout.(*sideLayout).s.content
}

// TestMeetingEditorAfterView: in normal mode at 1024×768, leaving the
// meeting view after typing a note gives back a meeting editor that fits
// the window (seen under Xvfb: 1087 px, the editor kept sizes measured at
// Møtemodus' larger text while the view was on screen).
func TestMeetingEditorAfterView(t *testing.T) {
	u := startAt(t, false, fyne.NewSize(1024, 768))
	w, env := u.Window(), u.Env()
	ms, err := env.Store.Meetings()
	if err != nil || len(ms) == 0 {
		t.Fatalf("demo meetings: %v", err)
	}
	m := ms[0]
	env.Open(moter.PageID, appctx.Focus{ParentID: m.ID, ID: m.Agenda[0].ID})
	w.Canvas().Capture()
	fitsWidth(t, w, 1024, "editor before the view")
	for round := range 2 {
		test.Tap(button(w.Content(), "Start møtevisning"))
		if !uitest.HasText(w.Content(), "Avslutt visning") {
			t.Fatal("the meeting view did not open")
		}
		notes := find(w.Content(), func(x fyne.CanvasObject) bool {
			v := reflect.ValueOf(x)
			return fmt.Sprintf("%T", x) == "*moter.escEntry" && v.Elem().FieldByName("MultiLine").Bool()
		})
		if notes == nil {
			t.Fatal("no notes field in the meeting view")
		}
		test.Type(notes.(fyne.Focusable), fmt.Sprintf(" Notat %d.", round))

		test.Tap(button(w.Content(), "Avslutt visning"))
		if uitest.HasText(w.Content(), "Avslutt visning") {
			t.Fatal("the meeting view did not close")
		}
		w.Canvas().Capture()
		fitsWidth(t, w, 1024, fmt.Sprintf("editor after the view (%d)", round+1))
	}
	if *screenshotDir != "" {
		save(t, w, "layout-moter-after-view-1024", false)
	}
}
