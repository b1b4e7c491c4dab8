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
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(font[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(font[off:])), true
	}
	numTables, ok := u16(4)
	if !ok {
		return nil, errFont
	}
	tables := map[string]int{}
	for i := range numTables {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, errFont
		}
		off, _ := u32(rec + 8)
		tables[string(font[rec:rec+4])] = off
	}
	cmap, okC := tables["cmap"]
	hhea, okH := tables["hhea"]
	hmtx, okM := tables["hmtx"]
	if !okC || !okH || !okM {
		return nil, fmt.Errorf("%w: missing cmap, hhea or hmtx", errFont)
	}
	numHMetrics, ok := u16(hhea + 34)
	if !ok || numHMetrics == 0 {
		return nil, errFont
	}
	advance := func(glyph int) int {
		if glyph >= numHMetrics {
			glyph = numHMetrics - 1
		}
		w, _ := u16(hmtx + 4*glyph)
		if w >= 1<<15 { // as gofpdf
			return 0
		}
		return w
	}

	sub := -1
	nSub, ok := u16(cmap + 2)
	if !ok {
		return nil, errFont
	}
	for i := range nSub {
		rec := cmap + 4 + 8*i
		platform, ok1 := u16(rec)
		encoding, ok2 := u16(rec + 2)
		off, ok3 := u32(rec + 4)
		if !ok1 || !ok2 || !ok3 {
			return nil, errFont
		}
		if platform == 0 || (platform == 3 && encoding == 1) {
			if format, _ := u16(cmap + off); format == 4 {
				sub = cmap + off
				break
			}
		}
	}
	if sub < 0 {
		return nil, fmt.Errorf("%w: no Unicode format 4 cmap", errFont)
	}
	segX2, ok := u16(sub + 6)
	if !ok {
		return nil, errFont
	}
	ends := sub + 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	rangeOffs := deltas + segX2
	set := new(runeSet)
	for seg := 0; seg < segX2/2; seg++ {
		end, ok1 := u16(ends + 2*seg)
		start, ok2 := u16(starts + 2*seg)
		delta, ok3 := u16(deltas + 2*seg)
		ro, ok4 := u16(rangeOffs + 2*seg)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, errFont
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				v, ok := u16(rangeOffs + 2*seg + ro + 2*(c-start))
				if !ok {
					continue
				}
				if v != 0 {
					g = (v + delta) & 0xFFFF
				}
			}
			if g != 0 && advance(g) > 0 {
				set.add(rune(c))
			}
		}
	}
	return set, nil
}
