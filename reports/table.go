package reports

import "math"

// Column is one table column.
type Column struct {
	Title string
	// Width is a relative weight: the columns share the text width in
	// proportion to their weights (so weights that add up to the text
	// width are millimetres). Zero or negative counts as 1.
	Width float64
	Align Align
}

// RowStyle styles one table row. The zero value is a plain row; plain rows
// are striped for readability.
type RowStyle struct {
	Fill Color // background of the whole row; zero = none
	Bold bool
	// CellFills colours single cells by column index, e.g. only the
	// risk-level column. Put the level's word in the cell as well:
	// colour must never be the only signal.
	CellFills []Color
}

// Table is a table with a header row. Cells wrap; the header is repeated
// on every page; a row is never split across pages unless it is taller
// than a whole page, in which case it is split between lines.
type Table struct {
	Columns []Column
	Rows    [][]string // missing cells are empty, extra cells are ignored
	Styles  []RowStyle // Styles[i] styles Rows[i]; may be shorter than Rows
}

// Table layout in mm and points.
const (
	tableSize    = 9.0
	tableHeadSz  = 8.5
	tablePadX    = 1.6
	tablePadY    = 1.3
	tableMinPart = 3 // lines: a split row leaves at least this many per page
)

// tableLayout is a table prepared for drawing.
type tableLayout struct {
	t      Table
	x      []float64 // left edge of each column
	w      []float64 // width of each column
	head   [][]string
	headH  float64
	lh     float64
	headLH float64
}

// Table draws t. A table without columns draws nothing.
func (d *Document) Table(t Table) {
	if !d.begin() || len(t.Columns) == 0 {
		return
	}
	defer d.recover()
	d.recordTable(t)
	l := d.layoutTable(t)
	d.space(1)
	cells := make([][]string, len(t.Columns))
	first := 0.0
	if len(t.Rows) > 0 {
		cells = d.wrapRow(l, 0, cells)
		first = d.rowHeight(l, cells)
	}
	// Keep the header with the first row.
	d.ensure(math.Min(l.headH+first, d.bodyHeight()))
	d.tableHeader(l)
	for i := range t.Rows {
		if i > 0 { // the first row is wrapped already
			cells = d.wrapRow(l, i, cells)
		}
		h := d.rowHeight(l, cells)
		if d.y()+h > d.bottom {
			if l.headH+h <= d.bodyHeight() {
				d.newPage()
				d.tableHeader(l)
			} else {
				d.tallRow(l, i, cells)
				continue
			}
		}
		d.tableRow(l, i, cells, 0, math.MaxInt)
	}
	d.space(4)
}

func (d *Document) layoutTable(t Table) *tableLayout {
	l := &tableLayout{t: t, lh: lineHeight(tableSize), headLH: lineHeight(tableHeadSz)}
	total := 0.0
	for _, c := range t.Columns {
		total += colWeight(c)
	}
	x := d.left
	for _, c := range t.Columns {
		w := d.width() * colWeight(c) / total
		l.x = append(l.x, x)
		l.w = append(l.w, w)
		x += w
	}
	d.setFont(styleBold, tableHeadSz)
	n := 1
	for i, c := range t.Columns {
		lines := d.split(c.Title, l.w[i]-2*tablePadX)
		l.head = append(l.head, lines)
		n = max(n, len(lines))
	}
	l.headH = float64(n)*l.headLH + 2*tablePadY
	return l
}

func colWeight(c Column) float64 {
	if c.Width > 0 && !math.IsInf(c.Width, 0) {
		return c.Width
	}
	return 1
}

func (l *tableLayout) style(row int) RowStyle {
	if row < len(l.t.Styles) {
		return l.t.Styles[row]
	}
	return RowStyle{}
}

// wrapRow wraps the cells of one row into cells, one per column.
func (d *Document) wrapRow(l *tableLayout, row int, cells [][]string) [][]string {
	style := styleRegular
	if l.style(row).Bold {
		style = styleBold
	}
	d.setFont(style, tableSize)
	r := l.t.Rows[row]
	for c := range l.w {
		text := ""
		if c < len(r) {
			text = r[c]
		}
		cells[c] = d.split(text, l.w[c]-2*tablePadX)
	}
	return cells
}

func (d *Document) rowHeight(l *tableLayout, cells [][]string) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return float64(n)*l.lh + 2*tablePadY
}

func (d *Document) tableHeader(l *tableLayout) {
	y := d.y()
	d.setFill(colorAccent)
	d.pdf.Rect(d.left, y, d.width(), l.headH, "F")
	d.setFont(styleBold, tableHeadSz)
	d.setText(colorWhite)
	for c, lines := range l.head {
		for i, s := range lines {
			d.cellLine(l.x[c]+tablePadX, y+tablePadY+float64(i)*l.headLH, l.w[c]-2*tablePadX, l.headLH, s, l.t.Columns[c].Align)
		}
	}
	d.setY(y + l.headH)
}

// tableRow draws lines [from, to) of every cell of a row at the cursor and
// moves the cursor below it.
func (d *Document) tableRow(l *tableLayout, row int, cells [][]string, from, to int) {
	n := 0
	for _, c := range cells {
		n = max(n, min(len(c), to)-from)
	}
	n = max(n, 1)
	h := float64(n)*l.lh + 2*tablePadY
	y := d.y()
	st := l.style(row)
	rowFill := st.Fill
	if rowFill.IsZero() && row%2 == 1 {
		rowFill = colorZebra
	}
	d.setLineWidth(0.15)
	d.setDraw(colorRule)
	for c := range cells {
		fill := rowFill
		if c < len(st.CellFills) && !st.CellFills[c].IsZero() {
			fill = st.CellFills[c]
		}
		if !fill.IsZero() {
			d.setFill(fill)
			d.pdf.Rect(l.x[c], y, l.w[c], h, "F")
		}
	}
	d.pdf.Line(d.left, y+h, d.right, y+h)
	for c := 1; c < len(cells); c++ {
		d.pdf.Line(l.x[c], y, l.x[c], y+h)
	}
	style := styleRegular
	if st.Bold {
		style = styleBold
	}
	d.setFont(style, tableSize)
	d.setText(colorText)
	for c, lines := range cells {
		for i := from; i < min(len(lines), to); i++ {
			d.cellLine(l.x[c]+tablePadX, y+tablePadY+float64(i-from)*l.lh, l.w[c]-2*tablePadX, l.lh, lines[i], l.t.Columns[c].Align)
		}
	}
	d.setY(y + h)
}

// tallRow draws a row taller than a page in parts, breaking between lines,
// with the header on every page.
func (d *Document) tallRow(l *tableLayout, row int, cells [][]string) {
	n := 0
	for _, c := range cells {
		n = max(n, len(c))
	}
	fresh := false // just broke the page: draw whatever fits, to make progress
	for from := 0; from < n; {
		fit := int((d.bottom - d.y() - 2*tablePadY) / l.lh)
		if fit < min(tableMinPart, n-from) && !fresh {
			d.newPage()
			d.tableHeader(l)
			fresh = true
			continue
		}
		fresh = false
		to := min(from+max(fit, 1), n)
		d.tableRow(l, row, cells, from, to)
		from = to
	}
}
