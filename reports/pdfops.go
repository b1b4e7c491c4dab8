package reports

import (
	"math"
	"strconv"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// Text, rules and filled boxes, the bulk of a long report's content, are
// written here as PDF operators through gofpdf's RawWriteStr instead of
// through CellFormat, Line and Rect: those format every operator with
// fmt.Sprintf, and CellFormat converts each line to UTF-16 and escapes it
// in four passes of strings.Replace, and adds every one of its runes to a
// map for the font subset. That was most of the layout's time (issue 18).
//
// The bytes written are exactly those gofpdf v1.16 writes for the same
// call (see CellFormat, Line and Rect in fpdf.go) in the way this package
// calls it: no cell margin, no border or fill, no word spacing, no
// automatic page break, no underline, no link, and vertical alignment
// "middle". TestFastOpsMatchGofpdf compares the two for every alignment,
// colour case and awkward text.
//
// gofpdf embeds only the glyphs of the runes its text functions have
// written. Runes written here are noted in Document.used and handed to
// gofpdf once at the end by registerRunes.

// styleIndex numbers the four font styles for Document.used.
func styleIndex(style string) int {
	switch style {
	case styleBold:
		return 1
	case styleItalic:
		return 2
	case styleBoldItalic:
		return 3
	}
	return 0
}

var styleOfIndex = [4]string{styleRegular, styleBold, styleItalic, styleBoldItalic}

// fastText writes one line of text in the box (x, y, w, h) as CellFormat
// would, with the cursor at (x, y) afterwards moved past the box as
// CellFormat leaves it. It reports false, and writes nothing, when it
// cannot know the font (then the caller uses CellFormat).
func (d *Document) fastText(x, y, w, h float64, s string, align Align) bool {
	if d.gofpdfOps || !d.fontKnown || !d.pdf.Ok() {
		return false
	}
	pdf := d.pdf
	pdf.SetXY(x, y)
	k := d.k
	_, fontSize := pdf.GetFontSize()
	var dx float64
	switch align {
	case AlignRight:
		dx = w - 0 - d.textWidth(s) // CellFormat: w - cMargin - width
	case AlignCenter:
		dx = (w - d.textWidth(s)) / 2
	}
	dy := 0.0
	b := d.ops[:0]
	colored := d.textDiffersFromFill()
	if colored {
		b = append(b, "q "...)
		b = append(b, d.textColorOp()...)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = appendNum(b, (x+dx)*k)
	b = append(b, ' ')
	b = appendNum(b, (d.pageH-(y+dy+.5*h+.3*fontSize))*k)
	b = append(b, " Td ("...)
	used := &d.used[styleIndex(d.fontStyle)]
	for _, r := range s {
		used.add(r)
		b = appendUTF16Escaped(b, r)
	}
	b = append(b, ")Tj ET"...)
	if colored {
		b = append(b, " Q"...)
	}
	d.rawWrite(b)
	pdf.SetX(x + w)
	return true
}

// fastLine is gofpdf's Line.
func (d *Document) fastLine(x1, y1, x2, y2 float64) {
	if d.gofpdfOps {
		d.pdf.Line(x1, y1, x2, y2)
		return
	}
	k, h := d.k, d.pageH
	b := appendNum(d.ops[:0], x1*k)
	b = append(b, ' ')
	b = appendNum(b, (h-y1)*k)
	b = append(b, " m "...)
	b = appendNum(b, x2*k)
	b = append(b, ' ')
	b = appendNum(b, (h-y2)*k)
	b = append(b, " l S"...)
	d.rawWrite(b)
}

// fastFillRect is gofpdf's Rect with style "F".
func (d *Document) fastFillRect(x, y, w, h float64) {
	if d.gofpdfOps {
		d.pdf.Rect(x, y, w, h, "F")
		return
	}
	k := d.k
	b := appendNum(d.ops[:0], x*k)
	b = append(b, ' ')
	b = appendNum(b, (d.pageH-y)*k)
	b = append(b, ' ')
	b = appendNum(b, w*k)
	b = append(b, ' ')
	b = appendNum(b, -h*k)
	b = append(b, " re f"...)
	d.rawWrite(b)
}

// rawWrite adds the operators in b, fastText's scratch, as a line of the
// page and keeps b for the next call. gofpdf copies the string into the
// page's buffer and keeps nothing, so it is not copied to a string first.
func (d *Document) rawWrite(b []byte) {
	d.ops = b
	if len(b) == 0 {
		return
	}
	d.pdf.RawWriteStr(unsafe.String(&b[0], len(b)))
}

// appendNum formats v as gofpdf's "%.2f" (strconv's correctly rounded
// fixed-point form) without strconv's general algorithm when it can: v
// times 100 is rounded to an integer when that is unambiguous, that is
// when the product is not within rounding error of a half. Anything else
// (halves, huge or odd values) goes to strconv.
func appendNum(b []byte, v float64) []byte {
	a := math.Abs(v)
	if !(a < 1e6) { // NaN, infinities, and where the error of a*100 could reach 1e-6
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	c := a * 100
	n := math.Floor(c)
	frac := c - n
	if math.Abs(frac-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	if frac > 0.5 {
		n++
	}
	if math.Signbit(v) {
		b = append(b, '-')
	}
	cents := int64(n)
	b = appendWhole(b, cents/100)
	return append(b, '.', byte('0'+cents/10%10), byte('0'+cents%10))
}

// appendWhole appends n (not negative) in decimal: the whole part of a
// page's coordinates (under 1 000) by hand, a quarter faster than
// strconv's call and copy for each of the heavy report's some 400 000
// numbers; larger ones by strconv.
func appendWhole(b []byte, n int64) []byte {
	switch {
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case n < 1000:
		return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	}
	return strconv.AppendInt(b, n, 10)
}

// textDiffersFromFill is gofpdf's colorFlag, under which it wraps text in
// q/Q with the text colour: set when the text and fill colours' operator
// strings differ, which they do exactly when the colours do (both are
// made from the RGB values the same way).
func (d *Document) textDiffersFromFill() bool {
	tr, tg, tb := d.pdf.GetTextColor()
	fr, fg, fb := d.pdf.GetFillColor()
	return tr != fr || tg != fg || tb != fb
}

// textColorOp returns appendColor's operator for the text colour, made
// once for each colour in a row.
func (d *Document) textColorOp() []byte {
	r, g, bl := d.pdf.GetTextColor()
	if c := [3]int{r, g, bl}; c != d.textOpRGB || d.textOp == nil {
		d.textOp = appendColor(d.textOp[:0], r, g, bl)
		d.textOpRGB = c
	}
	return d.textOp
}

// appendColor appends gofpdf's text colour operator for r, g, b (0–255):
// "%.3f g" for a grey, else "%.3f %.3f %.3f rg".
func appendColor(b []byte, r, g, bl int) []byte {
	if r == g && r == bl {
		b = strconv.AppendFloat(b, float64(r)/255.0, 'f', 3, 64)
		return append(b, " g"...)
	}
	for _, c := range []int{r, g, bl} {
		b = strconv.AppendFloat(b, float64(c)/255.0, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, "rg"...)
}

// appendUTF16Escaped appends r as gofpdf's utf8toutf16 and escape do: two
// bytes, big-endian, with '\\', '(', ')' and '\r' bytes escaped. The
// text is sanitized, so r is in the Basic Multilingual Plane.
func appendUTF16Escaped(b []byte, r rune) []byte {
	for _, c := range [2]byte{byte(r >> 8), byte(r)} {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}

// registerRunes hands the runes written by fastText to gofpdf for the font
// subsets. gofpdf has no call for it; its text functions add the runes
// they write to the font's map, which a template shares with the
// document. So each style's runes are written once in a template that is
// never placed: nothing is added to the pages.
func (d *Document) registerRunes() {
	var texts [4][]rune
	some := false
	for i := range d.used {
		texts[i] = d.used[i].runes()
		some = some || len(texts[i]) > 0
	}
	if !some {
		return
	}
	d.pdf.CreateTemplate(func(t *gofpdf.Tpl) {
		for i, rs := range texts {
			if len(rs) == 0 {
				continue
			}
			t.SetFont(fontFamily, styleOfIndex[i], 10)
			t.CellFormat(0, 0, string(rs), "", 0, "L", false, 0, "")
		}
	})
}

// runes returns the runes in s, in order.
func (s *runeSet) runes() []rune {
	var out []rune
	for i, word := range s {
		for word != 0 {
			bit := 0
			for word&(1<<bit) == 0 {
				bit++
			}
			out = append(out, rune(i*64+bit))
			word &^= 1 << bit
		}
	}
	return out
}
