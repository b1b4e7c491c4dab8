package handlingsplan

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"hmsutvalg/model"
)

// Titles wrap over up to maxTitleLines lines (maxTitleLinesMeeting in
// Møtemodus, where a line is taller), so measures whose titles start alike
// ("Følge opp: …") do not look identical when cut; a longer title ends in
// an ellipsis on its last line. The other free-text columns wrap over up
// to maxOtherLines.
const (
	maxTitleLines        = 3
	maxTitleLinesMeeting = 2
	maxOtherLines        = 2
)

// titleCol is the column of the measure's title.
const titleCol = 2

// Column kinds: what sets a column's width.
const (
	colFixed = iota // as wide as its header and its widest value
	colWrap         // its header, its longest word, at least its units
	colTitle        // what the others leave, at least minTitle units
)

// minTitle is the title column's least width, in units of the text size;
// columns at the right are left out (the editor shows them) rather than
// the title narrower than this.
const minTitle = 16

// fixedValues are the texts a fixed column can show.
func fixedValues(col int) []string {
	switch col {
	case 0:
		return []string{lang.L("! Forfalt"), lang.L("Snart"), lang.L("✓ Utført")}
	case 1:
		return []string{"28.08.2028"}
	case 4:
		var out []string
		for _, st := range model.Statuses() {
			out = append(out, lang.L(st.Label()))
		}
		return out
	}
	return nil
}

// cellWords are the words of a wrapped column's cells.
func (s *Screen) cellWords(col int) []string {
	var words []string
	for _, m := range s.all {
		t, _ := s.cellOf(m, col)
		words = append(words, strings.Fields(t)...)
	}
	return words
}

// measureText is the width of text at the table's text size.
func (s *Screen) measureText(text string, bold bool) float32 {
	size := s.env.App.Settings().Theme().Size(theme.SizeNameText)
	return fyne.MeasureText(text, size, fyne.TextStyle{Bold: bold}).Width
}

// natural is a non-title column's width: its header and its values fit
// whole, a wrapped one at least at its units.
func (s *Screen) natural(col int) float32 {
	// fitColumns asks for each column at every layout, and a wrapped
	// column's natural width measures every word of the whole plan.
	key := naturalKey{col: col, size: s.cellTheme().Size(theme.SizeNameText), unit: s.unit(), pad: s.cellPad()}
	if w, ok := s.naturals[key]; ok {
		return w
	}
	w := s.measureNatural(col)
	if s.naturals == nil {
		s.naturals = map[naturalKey]float32{}
	}
	s.naturals[key] = w
	return w
}

// naturalKey is what a column's natural width depends on besides the
// plan: the column, the text size, the unit and the cell padding.
type naturalKey struct {
	col             int
	size, unit, pad float32
}

// measureNatural is natural, measured.
func (s *Screen) measureNatural(col int) float32 {
	pad := 2 * s.cellPad()
	w := s.measureText(lang.L(columns[col].title), true)
	texts := fixedValues(col)
	if columns[col].kind == colWrap {
		texts = s.cellWords(col)
		w = max(w, columns[col].width*s.unit()-pad)
	}
	for _, t := range texts {
		w = max(w, s.measureText(t, col == 0))
	}
	// A little slack: Fyne cuts a text that fits to the pixel.
	return w + pad + s.sep()
}

// sep is the space the table puts between two columns.
func (s *Screen) sep() float32 { return s.cellTheme().Size(theme.SizeNamePadding) }

// unit is the text size on screen (Møtemodus scales it).
func (s *Screen) unit() float32 { return theme.TextSize() * s.scale() }

// fitColumns sets the columns to a table width: every column at its
// natural width, the title taking the rest; columns at the right are left
// out while the title would be narrower than minTitle units.
func (s *Screen) fitColumns(width float32) {
	n := len(columns)
	var widths []float32
	for ; n > titleCol+1; n-- {
		if widths = s.widthsFor(n, width); widths[titleCol] >= minTitle*s.unit() {
			break
		}
	}
	widths = s.widthsFor(n, width)
	widths[titleCol] = max(widths[titleCol], minTitle*s.unit())
	s.ncols, s.widths = n, widths
	for i, w := range widths {
		s.Table.SetColumnWidth(i, w)
	}
	s.fitRows()
	s.Table.Refresh()
}

// widthsFor are the widths of the first n columns in a table width.
func (s *Screen) widthsFor(n int, width float32) []float32 {
	widths := make([]float32, n)
	rest := width - float32(n)*s.sep()
	for i := range n {
		if columns[i].kind != colTitle {
			widths[i] = s.natural(i)
			rest -= widths[i]
		}
	}
	widths[titleCol] = rest
	return widths
}

// colWidth is a column's width as laid out (or as its units before the
// first layout).
func (s *Screen) colWidth(col int) float32 {
	if col < len(s.widths) {
		return s.widths[col]
	}
	return columns[col].width * s.unit()
}

// cellPad is the padding either side of a cell's text.
func (s *Screen) cellPad() float32 {
	return s.cellTheme().Size(theme.SizeNameInnerPadding)
}

// maxLines is how many lines a column's cell may wrap over.
func (s *Screen) maxLines(col int) int {
	switch {
	case columns[col].kind == colFixed:
		return 1
	case col != titleCol:
		return maxOtherLines
	case s.env.MeetingMode():
		return maxTitleLinesMeeting
	}
	return maxTitleLines
}

// fitRows gives each row the height its wrapped cells need at their
// columns' widths.
func (s *Screen) fitRows() {
	th := s.cellTheme()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	lineH := fyne.MeasureText("Åg", size, fyne.TextStyle{}).Height
	step := lineH + th.Size(theme.SizeNameLineSpacing)
	base := lineH + 2*pad
	if s.env.MeetingMode() {
		// The separator below a row adds space enough: a projector
		// shows a row more.
		base -= pad / 2
	}
	heights := make([]float32, len(s.shown))
	words := newWordWidths(size)
	for i, m := range s.shown {
		lines := 1
		for col := range s.columnCount() {
			if columns[col].kind == colFixed {
				continue
			}
			t, _ := s.cellOf(m, col)
			_, n := words.wrap(t, s.colWidth(col)-2*pad, s.maxLines(col))
			lines = max(lines, n)
		}
		heights[i] = base + float32(lines-1)*step
	}
	s.Table.SetRowHeights(heights)
}

// columnCount is the number of columns shown.
func (s *Screen) columnCount() int {
	if s.ncols == 0 {
		return len(columns)
	}
	return s.ncols
}

// shownText is a wrapped cell's text as the cell shows it: whole, or cut
// after its column's lines with an ellipsis.
func (s *Screen) shownText(text string, col int) string {
	pad := s.cellPad()
	size := s.cellTheme().Size(theme.SizeNameText)
	t, _ := wrapWords(text, s.colWidth(col)-2*pad, size, s.maxLines(col))
	return t
}

// wrapWords wraps text at words to width and returns the text that fits
// in maxLines (with "…" when cut, on the last line) and the number of
// lines it takes.
func wrapWords(text string, width, size float32, maxLines int) (string, int) {
	return newWordWidths(size).wrap(text, width, maxLines)
}

// wordWidths measures the words of cells at one text size, each word
// once. Whether a word still fits on a line is decided by the sum of the
// line's words and spaces, and only where that sum comes within
// nearWidth of the width is the joined line measured as Fyne lays it out:
// measuring every joined line made the heavy unit's action plan (1 800
// rows, each wrapped at every layout) take a tenth of a second.
type wordWidths struct {
	size, space float32
	words       map[string]float32
}

// nearWidth is how close, in text sizes, a line's sum of word widths
// must come to the width to be measured whole (kerning across a space is
// a small fraction of that).
const nearWidth = 0.15

func newWordWidths(size float32) *wordWidths {
	return &wordWidths{size: size, space: measureText(" ", size), words: map[string]float32{}}
}

func measureText(s string, size float32) float32 {
	return fyne.MeasureText(s, size, fyne.TextStyle{}).Width
}

func (m *wordWidths) word(w string) float32 {
	x, ok := m.words[w]
	if !ok {
		x = measureText(w, m.size)
		m.words[w] = x
	}
	return x
}

// fits reports whether line (of width lineW) and w joined by a space fit
// in width, and the joined line's width.
func (m *wordWidths) fits(line string, lineW float32, w string, width float32) (bool, float32) {
	sum := lineW + m.space + m.word(w)
	if d := sum - width; d > nearWidth*m.size || d < -nearWidth*m.size {
		return sum <= width, sum
	}
	exact := measureText(line+" "+w, m.size)
	return exact <= width, exact
}

// wrap is wrapWords with m's widths.
func (m *wordWidths) wrap(text string, width float32, maxLines int) (string, int) {
	var lines []string
	var lineW float32 // the last line's width
	for _, w := range strings.Fields(text) {
		n := len(lines)
		if n > 0 {
			if ok, joined := m.fits(lines[n-1], lineW, w, width); ok {
				lines[n-1] += " " + w
				lineW = joined
				continue
			}
		}
		if n == maxLines {
			return cutLast(lines, width, func(s string) float32 { return measureText(s, m.size) }), n
		}
		lines = append(lines, w)
		lineW = m.word(w)
	}
	return text, max(1, len(lines))
}

// cutLast joins lines with an ellipsis at the end of the last, dropping
// its last words until the ellipsis fits.
func cutLast(lines []string, width float32, measure func(string) float32) string {
	last := lines[len(lines)-1]
	for measure(last+" …") > width {
		i := strings.LastIndex(last, " ")
		if i < 0 {
			break
		}
		last = last[:i]
	}
	lines[len(lines)-1] = last + " …"
	return strings.Join(lines, " ")
}

// wideEditor is the width the editor needs beside the table, in units of
// the text size.
const wideEditor = 34

// wide reports whether the window has room for the editor beside every
// column of the table.
func (s *Screen) wide() bool {
	var cols float32
	for _, c := range columns {
		cols += c.width
	}
	return s.env.Window.Canvas().Size().Width >= (cols+wideEditor)*s.unit()
}

// tableFit lays the table out at its whole size and fits its columns to
// the width it gets (fitColumns), so no column is cut at the window's edge.
type tableFit struct {
	s     *Screen
	width float32
}

func (l *tableFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width > 0 && size.Width != l.width {
		l.width = size.Width
		l.s.fitColumns(size.Width)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *tableFit) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

// cellTheme is the theme of the table's cells.
func (s *Screen) cellTheme() fyne.Theme { return s.env.App.Settings().Theme() }
