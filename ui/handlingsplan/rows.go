package handlingsplan

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Titles wrap over up to maxTitleLines lines, so measures whose titles
// start alike ("Følge opp: …") do not look identical when cut; a longer
// title ends in an ellipsis on its last line.
const maxTitleLines = 3

// titleCol is the column of the measure's title.
const titleCol = 2

// titleWidth is the text width of the title column and the text size.
func (s *Screen) titleWidth() (width, size float32) {
	th := s.env.App.Settings().Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	return columns[titleCol].width*theme.TextSize()*s.scale() - 2*pad, th.Size(theme.SizeNameText)
}

// fitRows gives each row the height its title needs at the column's width.
func (s *Screen) fitRows() {
	th := s.env.App.Settings().Theme()
	width, size := s.titleWidth()
	pad := th.Size(theme.SizeNameInnerPadding)
	lineH := fyne.MeasureText("Åg", size, fyne.TextStyle{}).Height
	step := lineH + th.Size(theme.SizeNameLineSpacing)
	base := lineH + 2*pad
	for i, m := range s.shown {
		_, n := wrapWords(m.Title, width, size, maxTitleLines)
		s.Table.SetRowHeight(i, base+float32(n-1)*step)
	}
}

// shownTitle is the title as the cell shows it: whole, or cut after
// maxTitleLines lines with an ellipsis.
func (s *Screen) shownTitle(title string) string {
	width, size := s.titleWidth()
	t, _ := wrapWords(title, width, size, maxTitleLines)
	return t
}

// wrapWords wraps text at words to width and returns the text that fits
// in maxLines (with "…" when cut) and the number of lines it takes.
func wrapWords(text string, width, size float32, maxLines int) (string, int) {
	measure := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	words := strings.Fields(text)
	lines, line := 1, ""
	for i, w := range words {
		switch {
		case line == "":
			line = w
		case measure(line+" "+w) <= width:
			line += " " + w
		case lines == maxLines:
			return strings.Join(words[:i], " ") + " …", lines
		default:
			lines++
			line = w
		}
	}
	return text, lines
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
	unit := theme.TextSize() * s.scale()
	return s.env.Window.Canvas().Size().Width >= (cols+wideEditor)*unit
}
