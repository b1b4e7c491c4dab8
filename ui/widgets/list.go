package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// List is the register pages' list: a widget.List whose Select always
// brings the row into view. widget.List scrolls only when it is already
// laid out, and a page that opens on a record (from another page, a search
// hit, «Angre» or Oversikt) selects it while the page is built, before the
// list has a size: the row was selected, and the detail pane showed it,
// but the list stayed at the top. Here the scroll waits for the first
// layout, and is given up once the user scrolls.
//
// A TwoLineList's rows wrap their lines and are as high as their text
// needs at the list's width (fitRows).
type List struct {
	widget.List
	// pending is the row last selected by code, kept in view at each
	// layout (scrollToRow moves only when it is not); -1: none.
	pending widget.ListItemID
	// scrolledTo is the offset the list had after the code last scrolled
	// it: another offset at the next layout is the user's scrolling, which
	// ends the wait for pending.
	scrolledTo float32
	// rows gives a TwoLineList's lines; nil for other lists.
	rows func(widget.ListItemID) (first, second string, imp widget.Importance)
	fit  rowFit
	// batch holds back the refresh widget.List.SetItemHeight does for
	// each row, while fitRows sets many.
	batch bool
	// lead gives a TwoLineList's rows a picture at their start (SetLeading).
	lead *leading
}

// leading is a TwoLineList's pictures: has tells from what the page holds
// (no file read) whether row i has one, fill puts it into the row's image
// when the row is on screen.
type leading struct {
	has  func(widget.ListItemID) bool
	fill func(widget.ListItemID, *canvas.Image)
}

// SetLeading gives a TwoLineList's rows a small picture at their start
// (the registers' attachment thumbnails). widget.List updates only the
// rows on screen, and only those call fill, so a list of thousands of
// records reads the pictures of the dozen it shows. A row without a
// picture keeps the whole width for its lines: most records have none,
// and their lines are measured at the list's width as before.
func (l *List) SetLeading(has func(widget.ListItemID) bool, fill func(widget.ListItemID, *canvas.Image)) {
	l.lead = &leading{has: has, fill: fill}
	l.Refresh()
}

// updateLead fills row i's picture, or hides it for a row without one.
func (l *List) updateLead(i widget.ListItemID, o fyne.CanvasObject) {
	if l.lead == nil {
		return
	}
	if !l.lead.has(i) {
		setLead(o, nil)
		return
	}
	setLead(o, func(img *canvas.Image) { l.lead.fill(i, img) })
}

// NewList is widget.NewList for a List.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{List: widget.List{Length: length, CreateItem: create, UpdateItem: update}, pending: -1}
	l.ExtendBaseWidget(l)
	return l
}

// NewTwoLineList is a List whose rows show two lines from row: a bold
// title and a second line coloured by imp (an overdue mark, say, which
// also says it in words). A line that does not fit the list's width wraps
// between words and its row grows to show it whole.
func NewTwoLineList(length func() int, row func(widget.ListItemID) (first, second string, imp widget.Importance)) *List {
	var l *List
	l = NewList(length, twoLineRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		first, second, imp := row(i)
		l.updateLead(i, o)
		setTwoLines(o, first, second, imp)
	})
	l.rows = row
	return l
}

// CreateRenderer is widget.List's, with its refreshes held back while
// fitRows sets the rows' heights.
func (l *List) CreateRenderer() fyne.WidgetRenderer {
	return &listRenderer{WidgetRenderer: l.List.CreateRenderer(), l: l}
}

type listRenderer struct {
	fyne.WidgetRenderer
	l *List
}

func (r *listRenderer) Refresh() {
	if !r.l.batch {
		r.WidgetRenderer.Refresh()
	}
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
	l.scrollToRow(id)
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

// Resize fits the rows to the new width and lays the list out, then
// brings the row selected by code into view: a page is laid out more than
// once while it opens (the first time before the panes around the list
// have their final sizes), so the row is kept in view at each layout
// until the selection changes by code or the user scrolls the list.
func (l *List) Resize(s fyne.Size) {
	if l.pending >= 0 && l.GetScrollOffset() != l.scrolledTo {
		l.pending = -1 // the user scrolled away from it
	}
	if s.Width != l.fit.width || l.Theme().Size(theme.SizeNameText) != l.fit.textSize {
		l.fitRows(s.Width)
	}
	l.List.Resize(s)
	if l.pending >= 0 && l.Length != nil && l.pending < l.Length() {
		l.scrollToRow(l.pending)
	}
}

// Refresh fits the rows to what they now show, and redraws the list.
func (l *List) Refresh() {
	l.fitRows(l.Size().Width)
	l.List.Refresh()
}

// scrollToRow scrolls the list as little as brings row id wholly into
// view (its top, when it is higher than the view), once the list has a
// size, and notes the offset. widget.List.ScrollTo judges a row's bottom
// by the template's height, so a row grown by wrapping stayed half out.
func (l *List) scrollToRow(id widget.ListItemID) {
	if l.Size().Height <= 0 {
		l.scrolledTo = l.GetScrollOffset()
		return
	}
	y, h := l.rowSpan(id)
	off, view := l.GetScrollOffset(), l.Size().Height
	switch {
	case y < off || h > view:
		off = y
	case y+h > off+view:
		off = y + h - view
	}
	if off != l.GetScrollOffset() {
		l.ScrollToOffset(off)
	}
	l.scrolledTo = l.GetScrollOffset()
}

// rowSpan is row id's top in the list's content and its height, as
// widget.List lays rows out: each its own height or the template's, a
// separator's padding between.
func (l *List) rowSpan(id widget.ListItemID) (y, h float32) {
	base := l.templateHeight()
	pad := l.Theme().Size(theme.SizeNamePadding)
	if len(l.fit.heights) == 0 {
		return float32(id) * (base + pad), base
	}
	for i := 0; i < id; i++ {
		y += l.rowHeight(i, base) + pad
	}
	return y, l.rowHeight(id, base)
}

func (l *List) rowHeight(id widget.ListItemID, base float32) float32 {
	if h, ok := l.fit.heights[id]; ok {
		return h
	}
	return base
}

// templateHeight is the height of a row as CreateItem makes it, which
// widget.List gives every row not given its own.
func (l *List) templateHeight() float32 {
	if l.CreateItem == nil {
		return 0
	}
	return l.CreateItem().MinSize().Height
}

// Table is List's twin for the pages that list records in a table (the
// action plan, the sick-leave quarters): Select brings the row into view,
// also when it is called before the table is laid out. It scrolls the row
// to the top of the view itself: widget.Table.ScrollTo (Fyne 2.8) adds the
// header row's height once too often, so with a header the chosen row
// ended up half above the view. A scroll by the user ends the wait for
// the row (as in List).
type Table struct {
	widget.Table
	pending *widget.TableCellID
	heights map[int]float32 // rows given their own height (SetRowHeight)
	// batch holds back the refresh widget.Table.SetRowHeight does for
	// each row, while SetRowHeights sets many.
	batch bool
	// scroller is the table's scroll container (widget.Table has no
	// getter for its offset); scrolledTo its offset after the code last
	// scrolled.
	scroller   *container.Scroll
	scrolledTo fyne.Position
}

// NewTableWithHeaders is widget.NewTableWithHeaders for a Table.
func NewTableWithHeaders(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *Table {
	t := &Table{Table: widget.Table{Length: length, CreateCell: create, UpdateCell: update, ShowHeaderRow: true, ShowHeaderColumn: true}}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is widget.Table's, with its refreshes held back while
// SetRowHeights sets the rows' heights; it notes the table's scroll
// container, whose offset tells whether the user scrolled.
func (t *Table) CreateRenderer() fyne.WidgetRenderer {
	r := t.Table.CreateRenderer()
	for _, o := range r.Objects() {
		if s, ok := o.(*container.Scroll); ok {
			t.scroller = s
		}
	}
	return &heldRenderer{WidgetRenderer: r, held: &t.batch}
}

// heldRenderer is a widget's renderer whose Refresh does nothing while
// *held is set.
type heldRenderer struct {
	fyne.WidgetRenderer
	held *bool
}

func (r *heldRenderer) Refresh() {
	if !*r.held {
		r.WidgetRenderer.Refresh()
	}
}

// offset is where the table is scrolled to (zero before it is drawn).
func (t *Table) offset() fyne.Position {
	if t.scroller == nil {
		return fyne.Position{}
	}
	return t.scroller.Offset
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

// SetRowHeights gives rows 0 to len(hs)-1 the heights hs, as SetRowHeight
// does row by row, with one refresh at the end instead of one for each
// row whose height changes: widget.Table lays out its visible cells
// again on each, which made the heavy unit's action plan (1 800 rows)
// take half a second to show.
func (t *Table) SetRowHeights(hs []float32) {
	changed := false
	t.batch = true
	for i, h := range hs {
		if old, ok := t.heights[i]; !ok || old != h {
			t.SetRowHeight(i, h)
			changed = true
		}
	}
	t.batch = false
	if changed {
		t.Refresh()
	}
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
// view again, unless the user scrolled since (as List.Resize).
func (t *Table) Resize(s fyne.Size) {
	if t.pending != nil && t.offset() != t.scrolledTo {
		t.pending = nil
	}
	t.Table.Resize(s)
	t.scroll()
}

// scroll puts the row selected by code at the top of the view (or as
// near as the table's end allows), once the table has a size.
func (t *Table) scroll() {
	defer func() { t.scrolledTo = t.offset() }()
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
