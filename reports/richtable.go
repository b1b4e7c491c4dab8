package reports

import (
	"math"
	"slices"
)

// cellPart is a run of text in a richTable cell. Parts are stacked, each
// starting on a new line, so a cell can hold a bold title with a smaller
// description under it.
type cellPart struct {
	text  string
	bold  bool
	small bool // smaller, muted text (a description, a note)
}

// richTable is a Table whose cells are made of styled parts. It is used
// where one cell needs two sizes of text, such as a measure's title with
// its description. It follows Table's rules: the header is repeated on
// every page, rows are never split across pages unless taller than a
// page, plain rows are striped.
type richTable struct {
	columns []Column
	rows    [][][]cellPart // rows[r][c] are the parts of cell c; ragged is fine
	styles  []RowStyle
	// caption, when set, is printed as "<caption> (forts.)" above the
	// repeated header on continuation pages, so a reader who opens the
	// printout in the middle knows which group the rows belong to.
	caption string
}

// Rich table text sizes in points.
const (
	richSmallSize = 7.5
	richPartGap   = 0.5 // mm between parts
)

// richLine is one wrapped line of a cell, with its offset from the top
// of the cell's text and its font size (smaller than the part's where a
// word would not fit otherwise).
type richLine struct {
	text   string
	bold   bool
	small  bool
	size   float64
	top, h float64
}

// richCell is a wrapped cell: its lines and its text height.
type richCell struct {
	lines []richLine
	h     float64
}

// richTable draws t. A table without columns draws nothing.
func (d *Document) richTable(t richTable) {
	if !d.begin() || len(t.columns) == 0 {
		return
	}
	defer d.recover()
	d.drawRich(d.prepareRich(t))
}

// preparedRich is a richTable with its columns placed and every row
// wrapped (preparedTable says why).
type preparedRich struct {
	t       richTable
	l       *tableLayout
	cells   [][]richCell
	heights []float64
	fault   error // a panic while measuring, for the drawing to report
}

// prepareRich measures t on d for a document of d's width.
func (d *Document) prepareRich(t richTable) (p preparedRich) {
	defer func() { p.fault = measuringFault(recover(), p.fault) }()
	p = preparedRich{t: t, l: d.layoutTable(t.columns, d.richMinWidths(t)),
		cells: make([][]richCell, len(t.rows)), heights: make([]float64, len(t.rows))}
	for i := range t.rows {
		p.cells[i] = make([]richCell, len(t.columns))
		p.heights[i] = d.wrapRich(p.l, t.rowParts(i), p.cells[i])
	}
	return p
}

// drawRich draws a prepared rich table at the cursor.
func (d *Document) drawRich(p preparedRich) {
	t, l := p.t, p.l
	if !d.begin() || d.tookFault(p.fault) || len(t.columns) == 0 {
		return
	}
	defer d.recover()
	d.recordRichTable(t)
	capH := 0.0
	if t.caption != "" {
		capH = lineHeight(tableHeadSz) + 1.5
	}
	d.space(1)
	height := func(i int) float64 { return p.heights[i] }
	d.ensure(d.startHeight(l.headH, len(t.rows), height))
	d.tableHeader(l)
	onPage := 0
	for i, cells := range p.cells {
		h := p.heights[i]
		style := RowStyle{}
		if i < len(t.styles) {
			style = t.styles[i]
		}
		if d.y()+h > d.bottom || d.widowBreak(capH+l.headH, h, i, len(t.rows), onPage, height) {
			if capH+l.headH+h <= d.bodyHeight() {
				d.richContinue(l, t.caption, capH)
				onPage = 0
			} else {
				d.tallRichRow(l, t.caption, capH, i, style, cells)
				onPage = 1
				continue
			}
		}
		d.richRow(l, i, style, cells, nil, h)
		onPage++
	}
	d.space(4)
}

// richMinWidths returns the width each column needs for its widest word
// in the font each part is drawn in, the header's words included, with
// the cell padding.
func (d *Document) richMinWidths(t richTable) []float64 {
	minW := d.headerMinWidths(t.columns)
	fonts := []richFont{{styleRegular, tableSize}, {styleBold, tableSize}, {styleRegular, richSmallSize}, {styleBold, richSmallSize}}
	for _, f := range fonts {
		set := false
		for i := range t.rows {
			for c, parts := range t.rowParts(i) {
				if c >= len(minW) {
					break
				}
				for _, p := range parts {
					if st, sz := p.font(); st != f.style || sz != f.size {
						continue
					}
					if !set {
						d.setFont(f.style, f.size)
						set = true
					}
					minW[c] = d.needFor(p.text, minW[c])
				}
			}
		}
	}
	return minW
}

// rowParts is row i as it is drawn: a Bold row style makes the row's
// parts bold, except the small ones, so they are wrapped in the font they
// are drawn in.
func (t richTable) rowParts(i int) [][]cellPart {
	row := t.rows[i]
	if i >= len(t.styles) || !t.styles[i].Bold {
		return row
	}
	out := make([][]cellPart, len(row))
	for c, parts := range row {
		out[c] = slices.Clone(parts)
		for k := range out[c] {
			out[c][k].bold = out[c][k].bold || !out[c][k].small
		}
	}
	return out
}

// richContinue starts a new page with the caption and the header; plain
// tables (Table) use it too.
func (d *Document) richContinue(l *tableLayout, caption string, capH float64) {
	d.newPage()
	if caption != "" {
		d.setFont(styleBold, tableHeadSz)
		d.setText(colorAccent)
		d.cell(d.left, d.y(), d.width(), capH-1.5, d.fitLine(caption+" (forts.)", d.width()), AlignLeft)
		d.setY(d.y() + capH)
	}
	d.tableHeader(l)
}

// font returns the style and size a part is measured in.
func (p cellPart) font() (style string, size float64) {
	style, size = styleRegular, tableSize
	if p.small {
		size = richSmallSize
	}
	if p.bold {
		style = styleBold
	}
	return style, size
}

// richFont is a style and size, to compare fonts.
type richFont struct {
	style string
	size  float64
}

// wrapRich wraps the parts of a row into cells and returns the row height.
func (d *Document) wrapRich(l *tableLayout, row [][]cellPart, cells []richCell) float64 {
	nc := min(len(row), len(cells))
	wrapped := d.partLines[:0] // wrapped[i]: the lines of the i-th part
	for c := range nc {
		for range row[c] {
			wrapped = append(wrapped, nil)
		}
	}
	d.partSizes = slices.Grow(d.partSizes[:0], len(wrapped))[:len(wrapped)]
	for _, f := range d.wrapOrder(row[:nc]) {
		d.setFont(f.style, f.size)
		d.wrapPartsIn(f, l, row[:nc], wrapped)
	}
	h := d.stackParts(row[:nc], cells, wrapped)
	clear(wrapped) // not to keep the row's text alive
	d.partLines = wrapped
	return h
}

// wrapOrder is the distinct fonts of a row's parts in the order wrapRich
// wraps them. Parts are wrapped font by font, not in reading order:
// gofpdf measures in the current font only, and every font change is an
// operator in the page, while a row's cells alternate between two or
// three fonts. The current font goes first and the font the row is drawn
// with first goes last, to save a change on either side.
func (d *Document) wrapOrder(row [][]cellPart) []richFont {
	var fonts [4]richFont // parts have at most 4
	nf := 0
	for _, parts := range row {
		for _, p := range parts {
			st, sz := p.font()
			if f := (richFont{st, sz}); !slices.Contains(fonts[:nf], f) {
				fonts[nf] = f
				nf++
			}
		}
	}
	current, first := richFont{d.fontStyle, d.fontSize}, fonts[0] // first: drawn first
	rank := func(f richFont) int {
		switch {
		case d.fontKnown && f == current:
			return 0
		case f == first:
			return 2
		}
		return 1
	}
	order := fonts[:nf]
	slices.SortStableFunc(order, func(a, b richFont) int { return rank(a) - rank(b) })
	return order
}

// wrapPartsIn wraps the parts of row set in font f (the current font)
// into wrapped, with their sizes in d.partSizes, both indexed by part in
// reading order.
func (d *Document) wrapPartsIn(f richFont, l *tableLayout, row [][]cellPart, wrapped [][]string) {
	i := 0
	for c, parts := range row {
		for _, p := range parts {
			if st, sz := p.font(); st == f.style && sz == f.size {
				wrapped[i], d.partSizes[i] = d.wrapCell(p.text, l.w[c]-2*tablePadX, st, sz, l.fits(c))
			}
			i++
		}
	}
}

// stackParts puts each cell's wrapped parts under one another into cells
// and returns the row's height.
func (d *Document) stackParts(row [][]cellPart, cells []richCell, wrapped [][]string) float64 {
	maxH := lineHeight(tableSize)
	i := 0
	for c := range cells {
		lines := cells[c].lines[:0]
		y := 0.0
		if c < len(row) {
			for k, p := range row[c] {
				if k > 0 {
					y += richPartGap
				}
				_, size := p.font()
				lh := lineHeight(size)
				for _, s := range wrapped[i] {
					lines = append(lines, richLine{text: s, bold: p.bold, small: p.small, size: d.partSizes[i], top: y, h: lh})
					y += lh
				}
				i++
			}
		}
		cells[c] = richCell{lines: lines, h: y}
		maxH = math.Max(maxH, y)
	}
	return maxH + 2*tablePadY
}

// richRow draws a row of height h at the cursor and moves below it. With
// parts set, cell c shows only lines parts[c][0] to parts[c][1], moved up
// to the top of the row: one page's share of a row taller than a page.
func (d *Document) richRow(l *tableLayout, row int, st RowStyle, cells []richCell, parts [][2]int, h float64) {
	y := d.y()
	d.richRowFrame(l, row, st, len(cells), y, h)
	for c, cell := range cells {
		from, to := 0, len(cell.lines)
		if parts != nil {
			from, to = parts[c][0], parts[c][1]
		}
		d.richCellLines(l, c, st, cell.lines[from:to], y)
	}
	d.setY(y + h)
}

// richRowFrame draws the fills and rules of a row of n cells at y, h
// high.
func (d *Document) richRowFrame(l *tableLayout, row int, st RowStyle, n int, y, h float64) {
	rowFill := st.Fill
	if rowFill.IsZero() && row%2 == 1 {
		rowFill = colorZebra
	}
	for c := range n {
		fill := rowFill
		if c < len(st.CellFills) && !st.CellFills[c].IsZero() {
			fill = st.CellFills[c]
		}
		if !fill.IsZero() {
			d.setFill(fill)
			d.fastFillRect(l.x[c], y, l.w[c], h)
		}
	}
	// The top rule too: the next row's fill would cover half of this
	// row's bottom rule, and two filled rows in a row would run together.
	d.setLineWidth(0.15)
	d.setDraw(colorRule)
	d.fastLine(d.left, y, d.right, y)
	d.fastLine(d.left, y+h, d.right, y+h)
	for c := 1; c < n; c++ {
		d.fastLine(l.x[c], y, l.x[c], y+h)
	}
}

// richCellLines draws lines of cell c of a row at y, moved up so the
// first of them is at the top of the row.
func (d *Document) richCellLines(l *tableLayout, c int, st RowStyle, lines []richLine, y float64) {
	shift := 0.0
	if len(lines) > 0 {
		shift = lines[0].top
	}
	for _, ln := range lines {
		size, style, col := ln.size, styleRegular, colorText
		if ln.small {
			col = colorMuted
		}
		if ln.bold || (st.Bold && !ln.small) {
			style = styleBold
		}
		d.setFont(style, size)
		d.setText(col)
		d.cellLine(l.x[c]+tablePadX, y+tablePadY+ln.top-shift, l.w[c]-2*tablePadX, ln.h, ln.text, l.t.Columns[c].Align)
	}
}

// tallRichRow draws a row taller than a page in parts, each cell breaking
// between its own lines, with the header on every page.
func (d *Document) tallRichRow(l *tableLayout, caption string, capH float64, row int, st RowStyle, cells []richCell) {
	next := make([]int, len(cells)) // first line of each cell not yet drawn
	parts := make([][2]int, len(cells))
	done := func() bool {
		for c := range cells {
			if next[c] < len(cells[c].lines) {
				return false
			}
		}
		return true
	}
	fresh := false // just broke the page: draw whatever fits, to make progress
	for !done() {
		room := d.bottom - d.y() - 2*tablePadY
		used, lines := 0.0, 0
		for c, cell := range cells {
			from, to := next[c], next[c]
			for to < len(cell.lines) {
				bottom := cell.lines[to].top + cell.lines[to].h - cell.lines[from].top
				if bottom > room && !(fresh && to == from) {
					break
				}
				used = math.Max(used, bottom)
				to++
			}
			parts[c] = [2]int{from, to}
			lines += to - from
		}
		if lines < tableMinPart && !fresh {
			d.richContinue(l, caption, capH)
			fresh = true
			continue
		}
		fresh = false
		d.richRow(l, row, st, cells, parts, math.Max(used, lineHeight(tableSize))+2*tablePadY)
		for c := range cells {
			next[c] = parts[c][1]
		}
		if !done() {
			d.richContinue(l, caption, capH)
			fresh = true
		}
	}
}
