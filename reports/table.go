package reports

import (
	"math"
	"slices"
)

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
	// Compact sets the rows in a smaller font with less padding, for a
	// long list of one-line entries. The header is as usual.
	Compact bool
	// Caption is printed as "<caption> (forts.)" above the repeated
	// header on continuation pages, as rich tables do; empty: the text of
	// the heading the table follows.
	Caption string
}

// Table layout in mm and points.
const (
	tableSize    = 9.0
	tableHeadSz  = 8.5
	tablePadX    = 1.6
	tablePadY    = 1.3
	tableMinPart = 3 // lines: a split row leaves at least this many per page

	compactSize = 7.5 // Table.Compact's rows
	compactPadY = 0.7
)

// tableLayout is a table prepared for drawing.
type tableLayout struct {
	t        Table
	size     float64   // the rows' font size
	padY     float64   // the rows' padding above and below
	x        []float64 // left edge of each column
	w        []float64 // width of each column
	need     []float64 // the width each column's widest word needs, padding included
	head     [][]string
	headSize []float64 // font size of each column's header
	headH    float64
	capH     float64 // the continuation caption's height; 0 without one
	lh       float64
	headLH   float64
}

// rowCells is one wrapped row: the lines of each cell and the font size
// each cell is drawn in (smaller than tableSize where a word would not
// fit otherwise).
type rowCells struct {
	lines [][]string
	sizes []float64
}

// Table draws t. A table without columns draws nothing.
func (d *Document) Table(t Table) {
	if !d.begin() || len(t.Columns) == 0 {
		return
	}
	defer d.recover()
	d.drawTable(d.prepareTable(t))
}

// preparedTable is a Table with its columns placed and every row
// wrapped: the measuring, which needs only the page's width and the
// fonts, so a section worked out ahead (annual.go) does it on a measuring
// document of its own (newMeasuring) while the pages are drawn.
type preparedTable struct {
	l     *tableLayout
	rows  []rowCells
	fault error // a panic while measuring, for the drawing to report
}

// prepareTable measures t on d for a document of d's width.
func (d *Document) prepareTable(t Table) (p preparedTable) {
	defer func() { p.fault = measuringFault(recover(), p.fault) }()
	l := d.layoutTable(t.Columns, d.tableMinWidths(t))
	l.t = t
	if t.Compact {
		l.size, l.padY, l.lh = compactSize, compactPadY, lineHeight(compactSize)
	}
	p = preparedTable{l: l, rows: make([]rowCells, len(t.Rows))}
	for i := range t.Rows {
		p.rows[i] = d.wrapRow(l, i)
	}
	return p
}

// drawTable draws a prepared table at the cursor. A table without
// columns draws nothing.
func (d *Document) drawTable(p preparedTable) {
	l := p.l
	if !d.begin() || d.tookFault(p.fault) || len(l.t.Columns) == 0 {
		return
	}
	defer d.recover()
	d.recordTable(l.t)
	// The caption is the heading drawn last before the table, which
	// only the drawing knows.
	if l.t.Caption == "" {
		l.t.Caption = d.lastHeading
	}
	l.capH = 0
	if l.t.Caption != "" {
		l.capH = lineHeight(tableHeadSz) + 1.5
	}
	d.space(1)
	height := func(i int) float64 { return d.rowHeight(l, p.rows[i]) }
	d.ensure(d.startHeight(l.headH, len(p.rows), height))
	d.tableHeader(l)
	onPage := 0 // rows of this table on the current page
	for i, cells := range p.rows {
		h := d.rowHeight(l, cells)
		if d.y()+h > d.bottom || d.widowBreak(l.capH+l.headH, h, i, len(p.rows), onPage, height) {
			if l.capH+l.headH+h <= d.bodyHeight() {
				d.richContinue(l, l.t.Caption, l.capH)
				onPage = 0
			} else {
				d.tallRow(l, i, cells)
				onPage = 1
				continue
			}
		}
		d.tableRow(l, i, cells, 0, math.MaxInt)
		onPage++
	}
	d.space(4)
}

// startHeight is the height a table of n rows needs at its start: the
// header of height headH with its first two rows (all three of a table
// of three, which no break could split without leaving one alone), as
// many of them as fit on a page, and at least the first. height gives a
// row's height.
func (d *Document) startHeight(headH float64, n int, height func(int) float64) float64 {
	keep := 2
	if n == 3 {
		keep = 3
	}
	h := headH
	for i := range min(keep, n) {
		r := height(i)
		if i > 0 && h+r > d.bodyHeight() {
			break
		}
		h += r
	}
	return math.Min(h, d.bodyHeight())
}

// widowBreak reports whether the page should break before row i, of n,
// although it fits: when i is the last but one row, the last one would
// be alone on the next page, this page keeps at least two rows, and the
// two fit on a new page under the header of height headH. height gives a
// row's height.
func (d *Document) widowBreak(headH, h float64, i, n, onPage int, height func(int) float64) bool {
	if i != n-2 || onPage < 2 {
		return false
	}
	both := h + height(i+1)
	return d.y()+both > d.bottom && headH+both <= d.bodyHeight()
}

// tableMinWidths returns the width each column needs for its widest word,
// the header's words included, with the cell padding.
func (d *Document) tableMinWidths(t Table) []float64 {
	minW := d.headerMinWidths(t.Columns)
	for _, bold := range []bool{false, true} {
		set := false
		for i, r := range t.Rows {
			if (i < len(t.Styles) && t.Styles[i].Bold) != bold {
				continue
			}
			if !set {
				d.setFont(boldStyle(bold), rowSize(t))
				set = true
			}
			for c := range min(len(r), len(minW)) {
				minW[c] = d.needFor(r[c], minW[c])
			}
		}
	}
	return minW
}

// needFor returns need, or more if the widest word of text needs more
// with the cell padding.
func (d *Document) needFor(text string, need float64) float64 {
	// Nothing in a text narrower than need can need more: skip
	// splitting it into words.
	if isDrawable(text, drawable()) && d.textWidth(text)+2*tablePadX <= need {
		return need
	}
	return math.Max(need, d.widestWord(text)+2*tablePadX)
}

// headerMinWidths returns the width each column's header needs for its
// widest word, with the cell padding.
func (d *Document) headerMinWidths(cols []Column) []float64 {
	d.setFont(styleBold, tableHeadSz)
	minW := make([]float64, len(cols))
	for c, col := range cols {
		minW[c] = d.widestWord(col.Title) + 2*tablePadX
	}
	return minW
}

// rowSize is the font size of t's rows.
func rowSize(t Table) float64 {
	if t.Compact {
		return compactSize
	}
	return tableSize
}

func boldStyle(bold bool) string {
	if bold {
		return styleBold
	}
	return styleRegular
}

// maxColShare is the largest share of the text width a column is widened
// to for one long word; a longer word is drawn smaller.
const maxColShare = 0.5

// columnWidths shares total between the columns by their weights, but
// gives every column at least need[c] (capped at maxColShare of total),
// taking the difference from the other columns in proportion to their
// weights. If the needs add up to more than total, the widest needs are
// cut down to one level, so that the columns with short words keep what
// they need and only the longest words are drawn smaller.
func columnWidths(total float64, cols []Column, need []float64) []float64 {
	n := len(cols)
	want := make([]float64, n)
	sum := 0.0
	for c := range cols {
		want[c] = math.Min(need[c], total*maxColShare)
		sum += want[c]
	}
	if sum > total {
		level := capLevel(want, total)
		for c := range want {
			want[c] = math.Min(want[c], level)
		}
	}
	w := make([]float64, n)
	fixed := make([]bool, n)
	for {
		rest, weights := total, 0.0
		for c := range cols {
			if fixed[c] {
				rest -= want[c]
			} else {
				weights += colWeight(cols[c])
			}
		}
		if weights == 0 { // every column at its need: share what is left
			for c := range cols {
				w[c] = want[c] + rest*colWeight(cols[c])/totalWeight(cols)
			}
			return w
		}
		changed := false
		for c := range cols {
			if fixed[c] {
				w[c] = want[c]
				continue
			}
			w[c] = rest * colWeight(cols[c]) / weights
			if w[c] < want[c] {
				fixed[c], changed = true, true
			}
		}
		if !changed {
			return w
		}
	}
}

// capLevel returns the level c at which the widths min(want[i], c) add
// up to total; sum(want) must be more than total.
func capLevel(want []float64, total float64) float64 {
	sorted := slices.Clone(want)
	slices.Sort(sorted)
	below := 0.0 // the sum of the widths under the level
	for k, w := range sorted {
		rest := float64(len(sorted) - k)
		if below+w*rest >= total {
			return (total - below) / rest
		}
		below += w
	}
	return sorted[len(sorted)-1]
}

func totalWeight(cols []Column) float64 {
	t := 0.0
	for _, c := range cols {
		t += colWeight(c)
	}
	return t
}

// layoutTable places the columns, each at least need[c] wide where the
// width allows, and wraps the header.
func (d *Document) layoutTable(cols []Column, need []float64) *tableLayout {
	l := &tableLayout{t: Table{Columns: cols}, size: tableSize, padY: tablePadY, lh: lineHeight(tableSize), headLH: lineHeight(tableHeadSz)}
	l.w = columnWidths(d.width(), cols, need)
	l.need = need
	x := d.left
	for _, w := range l.w {
		l.x = append(l.x, x)
		x += w
	}
	d.setFont(styleBold, tableHeadSz)
	n := 1
	for i, c := range cols {
		inner := l.w[i] - 2*tablePadX
		size := d.fitSize(c.Title, inner, tableHeadSz)
		if size != tableHeadSz {
			d.setFont(styleBold, size)
		}
		lines := d.wrap(c.Title, inner, false)
		d.setFont(styleBold, tableHeadSz)
		l.head = append(l.head, lines)
		l.headSize = append(l.headSize, size)
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

// wrapRow wraps the cells of one row, one per column. A cell whose widest
// word is wider than its column gets a smaller font.
func (d *Document) wrapRow(l *tableLayout, row int) rowCells {
	style := boldStyle(l.style(row).Bold)
	d.setFont(style, l.size)
	r := l.t.Rows[row]
	out := rowCells{lines: make([][]string, len(l.w)), sizes: make([]float64, len(l.w))}
	for c := range l.w {
		text := ""
		if c < len(r) {
			text = r[c]
		}
		out.lines[c], out.sizes[c] = d.wrapCell(text, l.w[c]-2*tablePadX, style, l.size, l.fits(c))
	}
	return out
}

// fits reports whether every word of column c fits in it.
func (l *tableLayout) fits(c int) bool { return c < len(l.need) && l.need[c] <= l.w[c] }

// wrapCell wraps one cell's text to width w, in style at size or smaller
// if its widest word needs it (known not to when fits), and returns the
// lines and the size. The font is style at size afterwards.
func (d *Document) wrapCell(text string, w float64, style string, size float64, fits bool) ([]string, float64) {
	if fits {
		return d.wrap(text, w, false), size
	}
	fs := d.fitSize(text, w, size)
	if fs == size {
		return d.wrap(text, w, false), size
	}
	d.setFont(style, fs)
	lines := d.wrap(text, w, false)
	d.setFont(style, size)
	return lines, fs
}

func (d *Document) rowHeight(l *tableLayout, cells rowCells) float64 {
	n := 1
	for _, c := range cells.lines {
		n = max(n, len(c))
	}
	return float64(n)*l.lh + 2*l.padY
}

func (d *Document) tableHeader(l *tableLayout) {
	y := d.y()
	d.setFill(colorAccent)
	d.fastFillRect(d.left, y, d.width(), l.headH)
	d.setText(colorWhite)
	for c, lines := range l.head {
		d.setFont(styleBold, l.headSize[c])
		for i, s := range lines {
			d.cellLine(l.x[c]+tablePadX, y+tablePadY+float64(i)*l.headLH, l.w[c]-2*tablePadX, l.headLH, s, l.t.Columns[c].Align)
		}
	}
	d.setY(y + l.headH)
}

// tableRow draws lines [from, to) of every cell of a row at the cursor and
// moves the cursor below it.
func (d *Document) tableRow(l *tableLayout, row int, cells rowCells, from, to int) {
	n := 0
	for _, c := range cells.lines {
		n = max(n, min(len(c), to)-from)
	}
	n = max(n, 1)
	h := float64(n)*l.lh + 2*l.padY
	y := d.y()
	st := l.style(row)
	rowFill := st.Fill
	if rowFill.IsZero() && row%2 == 1 {
		rowFill = colorZebra
	}
	d.setLineWidth(0.15)
	d.setDraw(colorRule)
	for c := range cells.lines {
		fill := rowFill
		if c < len(st.CellFills) && !st.CellFills[c].IsZero() {
			fill = st.CellFills[c]
		}
		if !fill.IsZero() {
			d.setFill(fill)
			d.fastFillRect(l.x[c], y, l.w[c], h)
		}
	}
	d.fastLine(d.left, y+h, d.right, y+h)
	for c := 1; c < len(cells.lines); c++ {
		d.fastLine(l.x[c], y, l.x[c], y+h)
	}
	style := boldStyle(st.Bold)
	d.setText(colorText)
	for c, lines := range cells.lines {
		d.setFont(style, cells.sizes[c])
		for i := from; i < min(len(lines), to); i++ {
			d.cellLine(l.x[c]+tablePadX, y+l.padY+float64(i-from)*l.lh, l.w[c]-2*tablePadX, l.lh, lines[i], l.t.Columns[c].Align)
		}
	}
	d.setY(y + h)
}

// tallRow draws a row taller than a page in parts, breaking between lines,
// with the header on every page.
func (d *Document) tallRow(l *tableLayout, row int, cells rowCells) {
	n := 0
	for _, c := range cells.lines {
		n = max(n, len(c))
	}
	fresh := false // just broke the page: draw whatever fits, to make progress
	for from := 0; from < n; {
		fit := int((d.bottom - d.y() - 2*l.padY) / l.lh)
		if fit < min(tableMinPart, n-from) && !fresh {
			d.richContinue(l, l.t.Caption, l.capH)
			fresh = true
			continue
		}
		fresh = false
		to := min(from+max(fit, 1), n)
		d.tableRow(l, row, cells, from, to)
		from = to
	}
}
