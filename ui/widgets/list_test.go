package widgets_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/widgets"
)

// labelAt is the on-screen label reading text under o, nil when the
// object does not render it.
func labelAt(o fyne.CanvasObject, text string) *widget.Label {
	switch x := o.(type) {
	case *widget.Label:
		if x.Text == text && x.Visible() {
			return x
		}
		return nil
	case *fyne.Container:
		for _, c := range x.Objects {
			if l := labelAt(c, text); l != nil {
				return l
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if l := labelAt(c, text); l != nil {
				return l
			}
		}
	}
	return nil
}

// wholeInView reports whether o lies wholly between top and bottom (window
// coordinates).
func wholeInView(o fyne.CanvasObject, top, bottom float32) bool {
	y := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
	return y >= top-0.5 && y+o.Size().Height <= bottom+0.5
}

// TestTableSelectBeforeLayout: a row selected while the page is built,
// before the table has a size, is wholly in view below the header once
// the table is laid out; OnSelected ran for it.
func TestTableSelectBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	tb := widgets.NewTableWithHeaders(func() (int, int) { return 100, 2 },
		func() fyne.CanvasObject { return widget.NewLabel("rad 000") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("rad %03d", id.Row))
		})
	tb.ShowHeaderColumn = false
	tb.SetRowHeight(3, 90) // rows may differ in height (wrapped titles)
	got := -1
	tb.OnSelected = func(id widget.TableCellID) { got = id.Row }
	tb.Select(widget.TableCellID{Row: 50, Col: 0})
	if got != 50 {
		t.Fatalf("OnSelected ran for %d, want 50", got)
	}
	w := test.NewWindow(tb)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	l := labelAt(tb, "rad 050")
	if l == nil {
		t.Fatal("row 50 is not rendered: the table did not scroll")
	}
	header := widget.NewLabel("A").MinSize().Height
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(tb).Y + header
	if !wholeInView(l, top, top-header+tb.Size().Height) {
		t.Errorf("row 50 at y %.0f (height %.0f) is not wholly below the header (%.0f) and above %.0f",
			fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Y, l.Size().Height, top, top-header+tb.Size().Height)
	}
}

// TestListSelectBeforeLayout: the same for a list.
func TestListSelectBeforeLayout(t *testing.T) {
	test.NewTempApp(t)
	l := widgets.NewList(func() int { return 100 }, func() fyne.CanvasObject { return widget.NewLabel("rad 000") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprintf("rad %03d", i)) })
	got := -1
	l.OnSelected = func(i widget.ListItemID) { got = i }
	l.Select(50)
	if got != 50 {
		t.Fatalf("OnSelected ran for %d, want 50", got)
	}
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	row := labelAt(l, "rad 050")
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Y
	if row == nil || !wholeInView(row, top, top+l.Size().Height) {
		t.Error("row 50 is not wholly in view")
	}
	// Selected again by code after the user scrolled away: back in view.
	l.ScrollToTop()
	l.UnselectAll()
	l.Select(50)
	if row = labelAt(l, "rad 050"); row == nil || !wholeInView(row, top, top+l.Size().Height) {
		t.Error("row 50 selected again is not in view")
	}
}

// TestTableSetRowHeights: rows given their heights all at once are laid
// out as rows given them one by one: a row far down is where it would
// be, and shows whole when scrolled to.
func TestTableSetRowHeights(t *testing.T) {
	test.NewTempApp(t)
	newTable := func() *widgets.Table {
		tb := widgets.NewTableWithHeaders(func() (int, int) { return 300, 1 },
			func() fyne.CanvasObject { return widget.NewLabel("rad 000") },
			func(id widget.TableCellID, o fyne.CanvasObject) {
				o.(*widget.Label).SetText(fmt.Sprintf("rad %03d", id.Row))
			})
		tb.ShowHeaderColumn = false
		return tb
	}
	heights := make([]float32, 300)
	for i := range heights {
		heights[i] = float32(30 + 20*(i%4))
	}
	var pos [2]float32
	for k, batched := range []bool{false, true} {
		tb := newTable()
		w := test.NewWindow(tb)
		w.Resize(fyne.NewSize(300, 400))
		if batched {
			tb.SetRowHeights(heights)
		} else {
			for i, h := range heights {
				tb.SetRowHeight(i, h)
			}
		}
		// The rows on screen take their heights at once.
		if l := labelAt(tb, "rad 002"); l == nil || l.Size().Height < heights[2]-1 {
			t.Errorf("batched %v: row 2 on screen is not %.0f high after the heights were set", batched, heights[2])
		}
		tb.Select(widget.TableCellID{Row: 250, Col: 0})
		l := labelAt(tb, "rad 250")
		if l == nil {
			w.Close()
			t.Fatalf("batched %v: row 250 not rendered after scrolling to it", batched)
		}
		if l.Size().Height < heights[250]-1 {
			t.Errorf("batched %v: row 250 is %.0f high, want %.0f", batched, l.Size().Height, heights[250])
		}
		pos[k] = fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Y
		w.Close()
	}
	if pos[0] != pos[1] {
		t.Errorf("row 250 at y %.0f when set row by row, %.0f when set at once", pos[0], pos[1])
	}
}
