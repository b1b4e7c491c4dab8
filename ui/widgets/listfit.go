package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowFit is what a TwoLineList knows of its rows' heights at one width
// and text size (Møtemodus scales the text).
type rowFit struct {
	width, textSize float32
	// heights are the rows given a height of their own (taller than the
	// template's), as set on the widget.List.
	heights map[widget.ListItemID]float32
	lines   lineHeights
	// leadLines measures the lines of rows with a leading picture, at the
	// width the picture leaves (SetLeading).
	leadLines lineHeights
}

// fitRows gives each row of a TwoLineList the height its lines need at
// width: a row whose lines fit on one line each keeps the template's
// height; a longer one wraps between words and grows. It runs when the
// width or the text size changes and when the list is refreshed (its
// data changed); a line's height is measured once per width and text
// size, and only lines that do not fit on one line are laid out.
func (l *List) fitRows(width float32) {
	if l.rows == nil || l.Length == nil || width <= 0 {
		return
	}
	size := l.Theme().Size(theme.SizeNameText)
	if width != l.fit.width || size != l.fit.textSize {
		l.fit.width, l.fit.textSize = width, size
		l.fit.lines.reset(width, size)
		l.fit.leadLines.reset(width-leadIndent(), size)
	}
	base := l.templateHeight()
	overlap := twoLines{}.overlap()
	n := l.Length()
	heights := make(map[widget.ListItemID]float32)
	for i := 0; i < n; i++ {
		first, second, _ := l.rows(i)
		m, least := &l.fit.lines, float32(0)
		if l.lead != nil && l.lead.has(i) {
			m, least = &l.fit.leadLines, leadSide()
		}
		h := max(m.height(first, true)+m.height(second, false)-overlap, least)
		if h > base+0.5 {
			heights[i] = h
		}
	}
	l.setHeights(heights, base, n)
}

// setHeights sets the rows' heights on the widget.List, and puts rows no
// longer in heights back to the template's height, with one refresh at
// the end instead of one per row. A row past the list's end (n rows) is
// left as it is until the list is that long again: widget.List updates
// a row whose height changes, and until it is laid out again it may
// still show rows the data no longer has.
func (l *List) setHeights(heights map[widget.ListItemID]float32, base float32, n int) {
	changed := false
	l.batch = true
	for i, h := range l.fit.heights {
		if _, ok := heights[i]; !ok && i >= n {
			heights[i] = h
		} else if !ok {
			l.SetItemHeight(i, base)
			changed = true
		}
	}
	for i, h := range heights {
		if l.fit.heights[i] != h {
			l.SetItemHeight(i, h)
			changed = true
		}
	}
	l.batch = false
	l.fit.heights = heights
	if changed {
		l.List.Refresh()
	}
}

// lineHeights measures the height of a row's line (a label) at one
// width, as Fyne wraps it: a line whose text fits is one line high; a
// longer one is laid out by a widget.RichText styled as the row's label.
// Widths on one line are kept across widths (a window resized lays out
// only the texts that wrap again); [0] is the regular style, [1] the
// bold.
type lineHeights struct {
	textSize float32
	natural  [2]map[string]float32 // a text's width on one line, when measured
	estimate [2]map[string]float32 // the sum of its letters' widths
	advance  [2]map[rune]float32   // a letter's width
	width    float32
	wrapped  [2]map[string]float32 // a wrapping text's height at width
	single   [2]float32            // one line's height; 0: not measured
	text     [2]*widget.RichText
}

// reset starts measuring at another width or text size.
func (m *lineHeights) reset(width, textSize float32) {
	if textSize != m.textSize {
		*m = lineHeights{textSize: textSize, natural: [2]map[string]float32{{}, {}},
			estimate: [2]map[string]float32{{}, {}}, advance: [2]map[rune]float32{{}, {}}}
	}
	m.width, m.wrapped, m.text = width, [2]map[string]float32{{}, {}}, [2]*widget.RichText{}
}

func (m *lineHeights) height(text string, bold bool) float32 {
	k := 0
	if bold {
		k = 1
	}
	if m.fits(text, k) {
		if m.single[k] == 0 {
			m.single[k] = m.layout("", k)
		}
		return m.single[k]
	}
	h, ok := m.wrapped[k][text]
	if !ok {
		h = m.layout(text, k)
		m.wrapped[k][text] = h
	}
	return h
}

// fits reports whether text fits on one line at the width. The sum of
// its letters' widths decides when it is clearly above or below the room
// (shaping whole texts is slow: the heavy unit's deviation list alone
// has some 20 000 line texts); near the edge the text is measured as
// Fyne draws it. Kerning makes a line narrower than its letters' sum by
// a few pixels (at most 2 px over the heavy unit's rows in Møtemodus),
// never wider.
func (m *lineHeights) fits(text string, k int) bool {
	room := m.width - 2*theme.Size(theme.SizeNameInnerPadding) - 1
	if w, ok := m.natural[k][text]; ok {
		return w < room
	}
	est, ok := m.estimate[k][text]
	if !ok {
		for _, r := range text {
			a, ok := m.advance[k][r]
			if !ok {
				a = fyne.MeasureText(string(r), m.textSize, fyne.TextStyle{Bold: k == 1}).Width
				m.advance[k][r] = a
			}
			est += a
		}
		m.estimate[k][text] = est
	}
	if margin := room*0.01 + m.textSize/2; est < room || est > room+margin {
		return est < room
	}
	w := fyne.MeasureText(text, m.textSize, fyne.TextStyle{Bold: k == 1}).Width
	m.natural[k][text] = w
	return w < room
}

// layout measures text as a wrapped label of the row's width shows it.
func (m *lineHeights) layout(text string, k int) float32 {
	rt := m.text[k]
	if rt == nil {
		rt = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: k == 1}, SizeName: theme.SizeNameText}})
		rt.Wrapping = fyne.TextWrapWord
		rt.Resize(fyne.NewSize(m.width, 1))
		m.text[k] = rt
	}
	rt.Segments[0].(*widget.TextSegment).Text = text
	rt.Refresh()
	return rt.MinSize().Height
}
