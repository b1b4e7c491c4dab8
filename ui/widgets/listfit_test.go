package widgets_test

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/widgets"
)

// drawnLines are the lines label l draws.
func drawnLines(l *widget.Label) []string {
	var lines []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text != "" {
				lines = append(lines, x.Text)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(l)
	return lines
}

// risk is a register of risk assessments whose titles differ only at
// their ends, as the demo's two for «Korttid og rehabilitering» did.
var risk = []string{
	"Sammenslåing av avdeling 1 og 2",
	"Risikovurdering – Korttid og rehabilitering, dagtid",
	"Risikovurdering – Korttid og rehabilitering, natt og helg",
	"Kort",
}

// TestTwoLineListWrapsLongRows: in a narrow list a title too long for one
// line wraps between words, whole, and its row is as high as its lines
// need (the row after it starts below its text); short rows keep the
// template's height. Wider, the long rows are one line again; changed
// data is fitted at the next Refresh.
func TestTwoLineListWrapsLongRows(t *testing.T) {
	test.NewTempApp(t)
	titles := append([]string(nil), risk...)
	l := widgets.NewTwoLineList(func() int { return len(titles) }, func(i widget.ListItemID) (string, string, widget.Importance) {
		return titles[i], fmt.Sprintf("0%d.11.2026 · Ferdig", i+1), widget.MediumImportance
	})
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 700))
	short := rowOf(t, l, risk[0])
	for _, title := range risk[1:3] {
		lbl := labelAt(l, title)
		if lbl == nil {
			t.Fatalf("%q is not rendered", title)
		}
		lines := drawnLines(lbl)
		if len(lines) < 2 || strings.Contains(strings.Join(lines, ""), "…") {
			t.Errorf("%q is drawn as %q, want it wrapped whole", title, lines)
		}
		// Broken between words only: the lines joined by spaces are
		// the title (a word broken in two would read «rehabilite ring»).
		var trimmed []string
		for _, line := range lines {
			trimmed = append(trimmed, strings.TrimSpace(line))
		}
		if strings.Join(trimmed, " ") != title {
			t.Errorf("%q is drawn as %q: not broken between words", title, lines)
		}
		if h := rowOf(t, l, title).Size().Height; h <= short.Size().Height {
			t.Errorf("%q's row is %.0f high, no higher than a one-line row (%.0f)", title, h, short.Size().Height)
		}
	}
	// Each row starts below the previous row's text.
	for i := 1; i < len(risk); i++ {
		prev, next := labelAt(l, risk[i-1]), labelAt(l, risk[i])
		bottom := abs(prev).Y + prev.MinSize().Height
		if abs(next).Y < bottom-1 {
			t.Errorf("row %q starts at %.0f, above the end of %q (%.0f)", risk[i], abs(next).Y, risk[i-1], bottom)
		}
	}
	if h := rowOf(t, l, risk[3]).Size().Height; h != short.Size().Height {
		t.Errorf("a short row is %.0f high, want %.0f", h, short.Size().Height)
	}

	w.Resize(fyne.NewSize(900, 700))
	if h := rowOf(t, l, risk[2]).Size().Height; h != short.Size().Height {
		t.Errorf("wide, the long row is %.0f high, want one line (%.0f)", h, short.Size().Height)
	}
	w.Resize(fyne.NewSize(300, 700))
	// Rows are reused: the row that showed «Kort» now shows a title too
	// long for one line, and has the room for it after Refresh.
	titles[3] = "Kort tittel som nå er blitt altfor lang for én linje i lista"
	l.Refresh()
	if h := rowOf(t, l, titles[3]).Size().Height; h <= short.Size().Height {
		t.Errorf("a title made long is %.0f high after Refresh, want more than %.0f", h, short.Size().Height)
	}
	for _, title := range titles {
		if lbl := labelAt(l, title); lbl == nil || lbl.MinSize().Height > lbl.Size().Height+0.5 {
			t.Errorf("%q has no room for its lines after Refresh", title)
		}
	}
}

func abs(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// rowOf is the list row (the list item widget) that shows title.
func rowOf(t *testing.T, l *widgets.List, title string) fyne.CanvasObject {
	t.Helper()
	lbl := labelAt(l, title)
	if lbl == nil {
		t.Fatalf("%q is not rendered", title)
	}
	var found fyne.CanvasObject
	var walk func(o, parent fyne.CanvasObject) bool
	walk = func(o, parent fyne.CanvasObject) bool {
		if o == fyne.CanvasObject(lbl) {
			return true
		}
		var kids []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			kids = x.Objects
		case fyne.Widget:
			kids = test.WidgetRenderer(x).Objects()
		}
		for _, k := range kids {
			if walk(k, o) {
				if found == nil {
					if _, ok := o.(*fyne.Container); ok {
						found = o // the row's own container
					}
				}
				return true
			}
		}
		return false
	}
	walk(l, nil)
	if found == nil {
		t.Fatalf("no row holds %q", title)
	}
	return found
}

// TestTwoLineListSelectTallRow: a wrapped row selected by code is brought
// wholly into view, its last line too, also when its first line already
// showed at the bottom of the list (widget.List.ScrollTo judged the row
// by the template's height there, and left it half out).
func TestTwoLineListSelectTallRow(t *testing.T) {
	test.NewTempApp(t)
	l := widgets.NewTwoLineList(func() int { return 60 }, func(i widget.ListItemID) (string, string, widget.Importance) {
		if i%3 == 0 {
			return fmt.Sprintf("Rad %02d med en tittel som er altfor lang til å stå på én linje", i), "andre linje", widget.MediumImportance
		}
		return fmt.Sprintf("Rad %02d", i), "andre linje", widget.MediumImportance
	})
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 400))
	title := "Rad 57 med en tittel som er altfor lang til å stå på én linje"
	l.ScrollToBottom()
	base := rowOf(t, l, "Rad 58").Size().Height
	top, view := abs(l).Y, l.Size().Height
	// Row 57's top a little more than a short row above the list's end.
	y := abs(rowOf(t, l, title)).Y - top + l.GetScrollOffset()
	l.ScrollToOffset(y - (view - base - 2))
	l.Select(57)
	row := rowOf(t, l, title)
	if !wholeInView(row, top, top+view) {
		t.Errorf("row 57 at %.0f (height %.0f) is not wholly in the view %.0f–%.0f", abs(row).Y, row.Size().Height, top, top+view)
	}
	// Scrolled back through the list, rows reused for other records
	// (a long title in a row that showed a short one) have room for
	// their lines.
	for off := l.GetScrollOffset(); off > 0; off -= 97 {
		l.ScrollToOffset(off)
		checkRoom(t, l)
	}
}

// checkRoom fails for a label in l that has less room than its lines need.
func checkRoom(t *testing.T, o fyne.CanvasObject) {
	t.Helper()
	switch x := o.(type) {
	case *widget.Label:
		if x.Visible() && x.Text != "" && x.MinSize().Height > x.Size().Height+0.5 {
			t.Errorf("%q needs %.0f px, has %.0f", x.Text, x.MinSize().Height, x.Size().Height)
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			checkRoom(t, c)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			checkRoom(t, c)
		}
	}
}

// TestUserScrollEndsPendingScroll: a row selected by code is brought into
// view at layout; once the user scrolls the list elsewhere, resizing the
// window keeps the user's place instead of jumping back to the row.
func TestUserScrollEndsPendingScroll(t *testing.T) {
	test.NewTempApp(t)
	l := widgets.NewList(func() int { return 100 }, func() fyne.CanvasObject { return widget.NewLabel("rad 000") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprintf("rad %03d", i)) })
	l.Select(50)
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	if labelAt(l, "rad 050") == nil {
		t.Fatal("row 50 is not in view after the first layout")
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, 2000) // towards the top
	kept := l.GetScrollOffset()
	if labelAt(l, "rad 050") != nil {
		t.Fatalf("the scroll did not move row 50 out of view (offset %.0f)", kept)
	}
	w.Resize(fyne.NewSize(420, 320))
	if got := l.GetScrollOffset(); got != kept {
		t.Errorf("after a resize the list is at %.0f, want the user's %.0f", got, kept)
	}
	// Selected by code again: in view again.
	l.Select(70)
	if labelAt(l, "rad 070") == nil {
		t.Error("row 70 selected by code is not in view")
	}
}

// TestUserScrollEndsPendingTableScroll: the same for a table.
func TestUserScrollEndsPendingTableScroll(t *testing.T) {
	test.NewTempApp(t)
	tb := widgets.NewTableWithHeaders(func() (int, int) { return 100, 2 },
		func() fyne.CanvasObject { return widget.NewLabel("rad 000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("rad %03d", id.Row))
		})
	tb.ShowHeaderColumn = false
	tb.Select(widget.TableCellID{Row: 50, Col: 0})
	w := test.NewWindow(tb)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	if labelAt(tb, "rad 050") == nil {
		t.Fatal("row 50 is not in view after the first layout")
	}
	test.Scroll(w.Canvas(), fyne.NewPos(100, 150), 0, 2000)
	if labelAt(tb, "rad 050") != nil {
		t.Fatal("the scroll did not move row 50 out of view")
	}
	if labelAt(tb, "rad 001") == nil {
		t.Fatal("the scroll did not reach the top")
	}
	w.Resize(fyne.NewSize(420, 320))
	if labelAt(tb, "rad 050") != nil || labelAt(tb, "rad 001") == nil {
		t.Error("after a resize the table jumped back to the row selected by code")
	}
}
