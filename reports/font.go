package reports

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"unicode"

	"fyne.io/fyne/v2/theme"
)

// fontFamily is the name the embedded Noto Sans faces are registered under.
const fontFamily = "noto"

// Font styles as gofpdf spells them.
const (
	styleRegular    = ""
	styleBold       = "B"
	styleItalic     = "I"
	styleBoldItalic = "BI"
)

// fontFace is one embedded TrueType face.
type fontFace struct {
	style string
	data  []byte
}

// fontFaces returns Fyne's bundled Noto Sans faces. The Default* functions
// return static resources, so they work without a running Fyne app and are
// not affected by a custom theme or the FYNE_FONT environment variable.
func fontFaces() []fontFace {
	return []fontFace{
		{styleRegular, theme.DefaultTextFont().Content()},
		{styleBold, theme.DefaultTextBoldFont().Content()},
		{styleItalic, theme.DefaultTextItalicFont().Content()},
		{styleBoldItalic, theme.DefaultTextBoldItalicFont().Content()},
	}
}

// faceData returns the data of the face of style.
func faceData(style string) []byte {
	for _, f := range fontFaces() {
		if f.style == style {
			return f.data
		}
	}
	return fontFaces()[0].data
}

// runeSet is a bitset over the Basic Multilingual Plane. gofpdf reads only
// the format 4 (BMP) cmap, so nothing above U+FFFF can ever be drawn.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r>>6] |= 1 << (uint(r) & 63) }

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && s[r>>6]&(1<<(uint(r)&63)) != 0
}

var (
	drawableOnce sync.Once
	drawableSet  *runeSet
)

// drawable returns the runes that all four faces draw with a non-zero
// advance, so text can switch between regular, bold and italic freely.
// The set is computed once from the font files.
func drawable() *runeSet {
	drawableOnce.Do(func() {
		var all *runeSet
		for _, f := range fontFaces() {
			s, err := parseDrawable(f.data)
			if err != nil {
				// The fonts are compiled into Fyne; this cannot happen
				// short of a broken build.
				panic(fmt.Sprintf("reports: font %q: %v", f.style, err))
			}
			if all == nil {
				all = s
				continue
			}
			for i := range all {
				all[i] &= s[i]
			}
		}
		// Never "draw" control and format characters, even where the
		// font has a glyph for them: CR, U+2028 and soft hyphen have
		// glyphs in Noto Sans, but sanitize must turn them into line
		// breaks or drop them.
		for r := rune(0); r <= 0xFFFF; r++ {
			if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
				all[r>>6] &^= 1 << (uint(r) & 63)
			}
		}
		drawableSet = all
	})
	return drawableSet
}

var errFont = errors.New("malformed TrueType font")

// parseDrawable reads the cmap the way gofpdf does (the first Unicode
// format 4 subtable: platform 0, or platform 3 encoding 1) and keeps the
// runes whose glyph has a non-zero advance in hmtx. Zero-width glyphs
// (combining marks, joiners) are left out: gofpdf stores their width as
// 65535, which breaks its SplitText line wrapping.
func parseDrawable(font []byte) (*runeSet, error) {
	f := ttf(font)
	tables, err := f.tables()
	if err != nil {
		return nil, err
	}
	cmap, okC := tables["cmap"]
	hhea, okH := tables["hhea"]
	hmtx, okM := tables["hmtx"]
	if !okC || !okH || !okM {
		return nil, fmt.Errorf("%w: missing cmap, hhea or hmtx", errFont)
	}
	numHMetrics, ok := f.u16(hhea + 34)
	if !ok || numHMetrics == 0 {
		return nil, errFont
	}
	sub, err := f.unicodeCmap(cmap)
	if err != nil {
		return nil, err
	}
	set := new(runeSet)
	err = f.eachMapped(sub, func(c, glyph int) {
		if f.advance(hmtx, numHMetrics, glyph) > 0 {
			set.add(rune(c))
		}
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// ttf is a TrueType file read with bounds checks: a damaged font gives
// errFont, never a panic.
type ttf []byte

func (f ttf) u16(off int) (int, bool) {
	if off < 0 || off+2 > len(f) {
		return 0, false
	}
	return int(binary.BigEndian.Uint16(f[off:])), true
}

func (f ttf) u32(off int) (int, bool) {
	if off < 0 || off+4 > len(f) {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(f[off:])), true
}

// tables maps each table's tag to its offset.
func (f ttf) tables() (map[string]int, error) {
	numTables, ok := f.u16(4)
	if !ok {
		return nil, errFont
	}
	tables := map[string]int{}
	for i := range numTables {
		rec := 12 + 16*i
		if rec+16 > len(f) {
			return nil, errFont
		}
		off, _ := f.u32(rec + 8)
		tables[string(f[rec:rec+4])] = off
	}
	return tables, nil
}

// advance is a glyph's advance width from hmtx, 0 where gofpdf would
// store it as 65535.
func (f ttf) advance(hmtx, numHMetrics, glyph int) int {
	if glyph >= numHMetrics {
		glyph = numHMetrics - 1
	}
	w, _ := f.u16(hmtx + 4*glyph)
	if w >= 1<<15 { // as gofpdf
		return 0
	}
	return w
}

// unicodeCmap finds the offset of the first Unicode format 4 subtable.
func (f ttf) unicodeCmap(cmap int) (int, error) {
	nSub, ok := f.u16(cmap + 2)
	if !ok {
		return 0, errFont
	}
	for i := range nSub {
		rec := cmap + 4 + 8*i
		platform, ok1 := f.u16(rec)
		encoding, ok2 := f.u16(rec + 2)
		off, ok3 := f.u32(rec + 4)
		if !ok1 || !ok2 || !ok3 {
			return 0, errFont
		}
		if platform == 0 || (platform == 3 && encoding == 1) {
			if format, _ := f.u16(cmap + off); format == 4 {
				return cmap + off, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: no Unicode format 4 cmap", errFont)
}

// format4 is the four parallel arrays of a format 4 subtable.
type format4 struct {
	segs                            int
	ends, starts, deltas, rangeOffs int
}

// eachMapped calls fn for every character of format 4 subtable sub that
// maps to a glyph other than 0.
func (f ttf) eachMapped(sub int, fn func(c, glyph int)) error {
	segX2, ok := f.u16(sub + 6)
	if !ok {
		return errFont
	}
	t := format4{segs: segX2 / 2, ends: sub + 14}
	t.starts = t.ends + segX2 + 2
	t.deltas = t.starts + segX2
	t.rangeOffs = t.deltas + segX2
	for seg := 0; seg < t.segs; seg++ {
		if err := f.eachInSegment(t, seg, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachInSegment is eachMapped for one segment.
func (f ttf) eachInSegment(t format4, seg int, fn func(c, glyph int)) error {
	end, ok1 := f.u16(t.ends + 2*seg)
	start, ok2 := f.u16(t.starts + 2*seg)
	delta, ok3 := f.u16(t.deltas + 2*seg)
	ro, ok4 := f.u16(t.rangeOffs + 2*seg)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return errFont
	}
	for c := start; c <= end && c < 0xFFFF; c++ {
		if g := f.glyphOf(t, seg, c, start, delta, ro); g != 0 {
			fn(c, g)
		}
	}
	return nil
}

// glyphOf is character c's glyph in segment seg (0: none).
func (f ttf) glyphOf(t format4, seg, c, start, delta, ro int) int {
	if ro == 0 {
		return (c + delta) & 0xFFFF
	}
	v, ok := f.u16(t.rangeOffs + 2*seg + ro + 2*(c-start))
	if !ok || v == 0 {
		return 0
	}
	return (v + delta) & 0xFFFF
}
