package reports

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Text is wrapped here, not by gofpdf's SplitText, which breaks any word
// that does not fit between two of its letters ("13.11.202" and "6" on
// two lines) and breaks numbers at the space between thousands.
//
// A line breaks only at a space, and not at every space: a space between
// two digits ("12 345"), before a percent sign ("7,4 %"), before a dash
// ("Avvik – Alvorlig") or after a paragraph sign ("§ 3-1") binds the words
// on either side into one unbreakable word. Tables make every column at least as wide as its widest word and
// draw a word wider than any possible column in a smaller font, so a
// table never breaks a word. Running text (a paragraph, a heading) breaks
// a word between letters only when the word alone is wider than the line.

// words returns the unbreakable words of one line of text (no '\n'), in
// order, without the spaces between them. Spaces inside a word are kept.
func words(s string) []string {
	var out []string
	eachWord(s, func(w string, _ int) { out = append(out, w) })
	return out
}

// eachWord calls f with each unbreakable word of one line of text, as
// words returns them, and its offset in s.
func eachWord(s string, f func(word string, at int)) {
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
			f(s[start:i], start)
			start = -1
		}
		i = j
	}
	if start >= 0 {
		f(s[start:], start)
	}
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
	case last == '§':
		return true // "§ 3-1": a paragraph sign never ends a line
	}
	return false
}

// widestWord returns the width of the widest unbreakable word of s in the
// current font; s is sanitized first.
func (d *Document) widestWord(s string) float64 {
	w := 0.0
	measure := func(word string, _ int) { w = max(w, d.textWidth(word)) }
	for line := range strings.SplitSeq(sanitize(s), "\n") {
		eachWord(line, measure)
	}
	return w
}

// widthTable holds the advance widths, in glyph units, of the runes up to
// len(w) in one font style, from the face's metrics (fontmetrics.go); the
// embedded fonts are the same for every document, so the tables are
// shared.
type widthTable struct {
	once sync.Once
	w    [0x2100]int32 // Latin, Greek, Cyrillic, general punctuation
}

var widthTables = map[string]*widthTable{
	styleRegular: {}, styleBold: {}, styleItalic: {}, styleBoldItalic: {},
}

// textWidth is the width of s in the current font, as GetStringWidth
// gives it, without its allocation for every call.
func (d *Document) textWidth(s string) float64 {
	t := widthTables[d.fontStyle]
	if !d.fontKnown || t == nil {
		return d.pdf.GetStringWidth(s)
	}
	t.once.Do(func() {
		m := metricsOf(d.fontStyle)
		for r := range t.w {
			t.w[r] = int32(m.runeWidth(rune(r)))
		}
	})
	units := 0
	for _, r := range s {
		if int(r) < len(t.w) {
			units += int(t.w[r])
		} else {
			units += metricsOf(d.fontStyle).runeWidth(r) // rare: past the table
		}
	}
	_, size := d.pdf.GetFontSize()
	return float64(units) * size / 1000
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
	b := &lineBuilder{}
	space := d.textWidth(" ")
	for para := range strings.SplitSeq(strings.TrimRight(s, "\n"), "\n") {
		b.para = para
		b.reset()
		eachWord(para, func(word string, at int) { d.placeWord(b, word, at, w, space, breakLong) })
		b.flush() // the last line, or an empty line in the text
	}
	return b.lines
}

// placeWord puts word (at offset at in the paragraph) on the current
// line if it fits in width w, else on a new one, broken between letters
// if it is wider than w and breakLong is set.
func (d *Document) placeWord(b *lineBuilder, word string, at int, w, space float64, breakLong bool) {
	ww := d.textWidth(word)
	if b.w > 0 && b.w+space+ww <= w {
		b.put(word, at)
		b.w += space + ww
		return
	}
	if b.w > 0 {
		b.flush()
	}
	if ww > w && breakLong {
		parts := d.pdf.SplitText(word, max(w, 1))
		b.lines = append(b.lines, parts[:len(parts)-1]...)
		word, at = parts[len(parts)-1], -1
		ww = d.textWidth(word)
	}
	b.put(word, at)
	b.w = max(ww, 1e-9) // a line with a word is never empty
}

// lineBuilder collects wrapped lines. The current line is a slice of para
// from start to end while it holds words and their single spaces as in
// para; a word after more than one space is copied into line.
type lineBuilder struct {
	para       string
	lines      []string
	line       []byte
	start, end int
	w          float64 // the current line's width; 0 while it is empty
}

func (b *lineBuilder) reset() { b.line, b.start, b.end, b.w = nil, -1, -1, 0 }

// flush ends the current line (an empty one if it has no word).
func (b *lineBuilder) flush() {
	switch {
	case b.line != nil:
		b.lines = append(b.lines, string(b.line))
	case b.start >= 0:
		b.lines = append(b.lines, b.para[b.start:b.end])
	default:
		b.lines = append(b.lines, "")
	}
	b.reset()
}

// put adds word to the current line; at is its offset in para, or -1 for
// a piece of a broken word.
func (b *lineBuilder) put(word string, at int) {
	switch {
	case b.start < 0 && b.line == nil && at >= 0:
		b.start, b.end = at, at+len(word)
	case b.line == nil && at >= 0 && at == b.end+1:
		b.end = at + len(word)
	default:
		if b.line == nil && b.start >= 0 {
			b.line = []byte(b.para[b.start:b.end])
		}
		if len(b.line) > 0 {
			b.line = append(b.line, ' ')
		}
		b.line = append(b.line, word...)
	}
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
