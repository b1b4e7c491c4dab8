package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// List is the register pages' list: a widget.List whose Select always
// brings the row into view. widget.List scrolls only when it is already
// laid out, and a page that opens on a record (from another page, a search
// hit, «Angre» or Oversikt) selects it while the page is built, before the
// list has a size: the row was selected, and the detail pane showed it,
// but the list stayed at the top. Here the scroll waits for the first
// layout.
type List struct {
	widget.List
	// pending is the row last selected by code, kept in view at each
	// layout (ScrollTo moves only when it is not); -1: none.
	pending widget.ListItemID
}

// NewList is widget.NewList for a List.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{List: widget.List{Length: length, CreateItem: create, UpdateItem: update}, pending: -1}
	l.ExtendBaseWidget(l)
	return l
}

// Select selects row id (OnSelected shows it in the detail pane, as a
// tap does) and scrolls it into view: now, or when the list is laid out.
// A row already selected is scrolled to as well.
func (l *List) Select(id widget.ListItemID) {
	if l.Length == nil || id < 0 || id >= l.Length() {
		return
	}
	l.List.Select(id)
	l.pending = id
	if l.Size().Height > 0 {
		l.List.ScrollTo(id)
	}
}

// Unselect drops the selection of row id and a scroll still waiting for it.
func (l *List) Unselect(id widget.ListItemID) {
	if l.pending == id {
		l.pending = -1
	}
	l.List.Unselect(id)
}

// UnselectAll drops the selection and a scroll still waiting.
func (l *List) UnselectAll() {
	l.pending = -1
	l.List.UnselectAll()
}

// Resize lays the list out, then brings the row selected by code into
// view: a page is laid out more than once while it opens (the first time
// before the panes around the list have their final sizes), so the row
// is kept in view at each layout until the selection changes by code.
func (l *List) Resize(s fyne.Size) {
	l.List.Resize(s)
	if l.pending >= 0 && s.Height > 0 && l.Length != nil && l.pending < l.Length() {
		l.List.ScrollTo(l.pending)
	}
}

// Table is List's twin for the pages that list records in a table (the
// action plan, the sick-leave quarters): Select brings the row into view,
// also when it is called before the table is laid out. It scrolls the row
// to the top of the view itself: widget.Table.ScrollTo (Fyne 2.8) adds the
// header row's height once too often, so with a header the chosen row
// ended up half above the view.
type Table struct {
	widget.Table
	pending *widget.TableCellID
	heights map[int]float32 // rows given their own height (SetRowHeight)
}

// NewTableWithHeaders is widget.NewTableWithHeaders for a Table.
func NewTableWithHeaders(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *Table {
	t := &Table{Table: widget.Table{Length: length, CreateCell: create, UpdateCell: update, ShowHeaderRow: true, ShowHeaderColumn: true}}
	t.ExtendBaseWidget(t)
	return t
}

// SetRowHeight sets a row's height, as widget.Table does, and notes it
// for scrolling.
func (t *Table) SetRowHeight(id int, height float32) {
	if t.heights == nil {
		t.heights = map[int]float32{}
	}
	t.heights[id] = height
	t.Table.SetRowHeight(id, height)
}

// Select selects cell id (OnSelected shows its record) and scrolls its row
// to the top of the view, now or when the table is laid out.
func (t *Table) Select(id widget.TableCellID) {
	if t.Length == nil {
		return
	}
	if rows, cols := t.Length(); id.Row < 0 || id.Row >= rows || id.Col < 0 || id.Col >= cols {
		return
	}
	t.Table.Select(id)
	t.pending = &id
	t.scroll()
}

// UnselectAll drops the selection and a scroll still waiting.
func (t *Table) UnselectAll() {
	t.pending = nil
	t.Table.UnselectAll()
}

// Resize lays the table out, then brings the row selected by code into
// view again (as List.Resize).
func (t *Table) Resize(s fyne.Size) {
	t.Table.Resize(s)
	t.scroll()
}

// scroll puts the row selected by code at the top of the view (or as
// near as the table's end allows), once the table has a size.
func (t *Table) scroll() {
	if t.pending == nil || t.Size().Height <= 0 || t.Length == nil {
		return
	}
	if rows, _ := t.Length(); t.pending.Row >= rows {
		return
	}
	t.ScrollToOffset(fyne.NewPos(0, t.rowY(t.pending.Row)))
}

// rowY is the top of row id in the table's content, as widget.Table lays
// rows out: each its own height or the template's, padding between.
func (t *Table) rowY(id int) float32 {
	base := float32(0)
	if t.CreateCell != nil {
		base = t.CreateCell().MinSize().Height
	}
	if t.CreateHeader != nil {
		base = max(base, t.CreateHeader().MinSize().Height)
	}
	pad := t.Theme().Size(theme.SizeNamePadding)
	y := float32(0)
	for i := 0; i < id; i++ {
		h, ok := t.heights[i]
		if !ok {
			h = base
		}
		y += h + pad
	}
	return y
}
