package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is wrapped here, not by gofpdf's SplitText, which breaks any word
// that does not fit between two of its letters ("13.11.202" and "6" on
// two lines) and breaks numbers at the space between thousands.
//
// A line breaks only at a space, and not at every space: a space between
// two digits ("12 345"), before a percent sign ("7,4 %") or before a dash
// ("Avvik – Alvorlig") binds the words on either side into one unbreakable
// word. Tables make every column at least as wide as its widest word and
// draw a word wider than any possible column in a smaller font, so a
// table never breaks a word. Running text (a paragraph, a heading) breaks
// a word between letters only when the word alone is wider than the line.

// words returns the unbreakable words of one line of text (no '\n'), in
// order, without the spaces between them. Spaces inside a word are kept.
func words(s string) []string {
	var out []string
	start := -1 // start of the current word, or -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != ' ' {
			if start < 0 {
				start = i
			}
			i += n
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if start >= 0 && j < len(s) && bindsAcross(s[:i], s[j:]) {
			i = j // the space belongs to the word
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		i = j
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// bindsAcross reports whether the space between before and after must not
// break the line.
func bindsAcross(before, after string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	switch {
	case unicode.IsDigit(last) && unicode.IsDigit(next):
		return true // "12 345"
	case next == '%' || next == '‰':
		return true // "7,4 %"
	case next == '–' || next == '—':
		return true // no line starts with a dash
	}
	return false
}

// widestWord returns the width of the widest unbreakable word of s in the
// current font; s is sanitized first.
func (d *Document) widestWord(s string) float64 {
	w := 0.0
	for line := range strings.SplitSeq(sanitize(s), "\n") {
		for _, word := range words(line) {
			w = max(w, d.pdf.GetStringWidth(word))
		}
	}
	return w
}

// wrap wraps s to width w in the current font, breaking lines only
// between words. A word wider than w gets a line of its own and, when
// breakLong is set, is broken between letters; otherwise it is left
// whole, wider than w. It always returns at least one line.
func (d *Document) wrap(s string, w float64, breakLong bool) []string {
	s = sanitize(s)
	if strings.TrimSpace(s) == "" {
		return []string{""}
	}
	space := d.pdf.GetStringWidth(" ")
	var lines []string
	for para := range strings.SplitSeq(strings.TrimRight(s, "\n"), "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			lines = append(lines, line.String())
			line.Reset()
			lineW = 0
		}
		ws := words(para)
		if len(ws) == 0 {
			flush() // an empty line in the text
			continue
		}
		for _, word := range ws {
			ww := d.pdf.GetStringWidth(word)
			if line.Len() > 0 && lineW+space+ww <= w {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if line.Len() > 0 {
				flush()
			}
			if ww > w && breakLong {
				parts := d.pdf.SplitText(word, max(w, 1))
				lines = append(lines, parts[:len(parts)-1]...)
				word = parts[len(parts)-1]
				ww = d.pdf.GetStringWidth(word)
			}
			line.WriteString(word)
			lineW = ww
		}
		flush()
	}
	return lines
}

// minCellFont is the smallest font size, in points, a table cell's text
// is shrunk to so that its widest word fits.
const minCellFont = 4.0

// fitSize returns the font size, at most size, at which the widest word
// of s fits in width w, for a cell set in the current font at size.
func (d *Document) fitSize(s string, w, size float64) float64 {
	ww := d.widestWord(s)
	if ww <= w || ww == 0 {
		return size
	}
	// Widths scale with the size; a little less, against rounding.
	return max(minCellFont, size*w/ww*0.995)
}
