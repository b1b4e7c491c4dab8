package widgets

import (
	"fyne.io/fyne/v2"
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
	pending widget.ListItemID // row to scroll to once laid out; -1: none
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
	if l.Size().Height > 0 {
		l.pending = -1
		l.List.ScrollTo(id)
		return
	}
	l.pending = id
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

// Resize lays the list out, then scrolls to a row selected before.
func (l *List) Resize(s fyne.Size) {
	l.List.Resize(s)
	if l.pending >= 0 && s.Height > 0 {
		id := l.pending
		l.pending = -1
		l.List.ScrollTo(id)
	}
}

// Table is List's twin for the pages that list records in a table (the
// action plan, the sick-leave quarters): Select brings the row into view,
// also when it is called before the table is laid out.
type Table struct {
	widget.Table
	pending *widget.TableCellID
}

// NewTableWithHeaders is widget.NewTableWithHeaders for a Table.
func NewTableWithHeaders(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *Table {
	t := &Table{Table: widget.Table{Length: length, CreateCell: create, UpdateCell: update, ShowHeaderRow: true, ShowHeaderColumn: true}}
	t.ExtendBaseWidget(t)
	return t
}

// Select selects cell id (OnSelected shows its record) and scrolls it
// into view, now or when the table is laid out.
func (t *Table) Select(id widget.TableCellID) {
	if t.Length == nil {
		return
	}
	if rows, cols := t.Length(); id.Row < 0 || id.Row >= rows || id.Col < 0 || id.Col >= cols {
		return
	}
	t.Table.Select(id)
	if t.Size().Height > 0 {
		t.pending = nil
		t.Table.ScrollTo(id)
		return
	}
	t.pending = &id
}

// UnselectAll drops the selection and a scroll still waiting.
func (t *Table) UnselectAll() {
	t.pending = nil
	t.Table.UnselectAll()
}

// Resize lays the table out, then scrolls to a cell selected before.
func (t *Table) Resize(s fyne.Size) {
	t.Table.Resize(s)
	if t.pending != nil && s.Height > 0 {
		id := *t.pending
		t.pending = nil
		t.Table.ScrollTo(id)
	}
}
