package reports

import (
	"fmt"
	"math"
	"reflect"
	"sync"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// A face is added to a document's gofpdf with the metrics gofpdf's
// AddUTF8FontFromBytes would work out (the descriptor, the underline and
// every rune's width), read here once per process from the font's head,
// hhea, OS/2, post, cmap and hmtx tables, and put into gofpdf's font
// table directly. AddUTF8FontFromBytes parses the whole file (the names,
// every cmap entry into two maps, every glyph's position) and hashes a
// JSON encoding of the 65 536 widths for the font's resource name: 8 ms
// of CPU and 4.7 MB for the three faces of the annual report, on its
// critical path (docs/ytelse.md, «Åttende runde»). The widths are the
// same numbers (TestFaceMetricsAreGofpdfs), so the text is laid out and
// drawn exactly as before.
//
// The font's file is not given to gofpdf at all: it writes a face given
// this way as a core font and fontembed.go embeds the subset. So a face
// is added this way only where the fonts are taken from gofpdf too.

// faceMetrics is what gofpdf keeps of a face besides its file.
type faceMetrics struct {
	desc   gofpdf.FontDescType
	up, ut int   // underline position and thickness, 1/1000 em
	cw     []int // width of each rune, 1/1000 em, as gofpdf: 0 none, 65535 no advance
}

var (
	faceMetricsOnce [4]sync.Once
	faceMetricsOf   [4]*faceMetrics
)

// metricsOf returns the metrics of the face of style, read once.
func metricsOf(style string) *faceMetrics {
	i := styleIndex(style)
	faceMetricsOnce[i].Do(func() {
		m, err := readFaceMetrics(faceData(style))
		if err != nil {
			// The fonts are compiled into Fyne; this cannot happen
			// short of a broken build.
			panic(fmt.Sprintf("reports: font %q: %v", style, err))
		}
		faceMetricsOf[i] = m
	})
	return faceMetricsOf[i]
}

// fontHeader is what readFaceMetrics takes from head, hhea and OS/2.
type fontHeader struct {
	scale       float64 // 1000 / unitsPerEm
	numHMetrics int
	weight      int
}

// readFaceMetrics works out a face's metrics as gofpdf v1.16.2 does
// (utf8fontfile.go: parseHEADTable, parseHHEATable, parseOS2Table,
// parsePOSTTable, parseHMTXTable), truncations and all.
func readFaceMetrics(font []byte) (*faceMetrics, error) {
	f := ttf(font)
	dir, err := f.tableDir()
	if err != nil {
		return nil, err
	}
	if err := requireTables(dir, "head", "hhea", "hmtx", "maxp", "cmap", "post"); err != nil {
		return nil, err
	}
	m := &faceMetrics{}
	h, err := m.readHeader(f, dir)
	if err != nil {
		return nil, err
	}
	if err := m.readPost(f, dir["post"], h); err != nil {
		return nil, err
	}
	if err := m.readWidths(f, dir, h); err != nil {
		return nil, err
	}
	return m, nil
}

// i16 is a signed 16-bit value of f (0 outside it).
func (f ttf) i16(off int) int {
	v, _ := f.u16(off)
	return int(int16(uint16(v)))
}

// readHeader reads the scale, the bounding box, ascent, descent, cap
// height and stem width.
func (m *faceMetrics) readHeader(f ttf, dir map[string]sfntTable) (fontHeader, error) {
	head, hhea := dir["head"], dir["hhea"]
	upem, ok := f.u16(head.off + 18)
	numHMetrics, ok2 := f.u16(hhea.off + 34)
	if !ok || !ok2 || upem == 0 || numHMetrics == 0 || head.n < 44 || hhea.n < 36 {
		return fontHeader{}, fmt.Errorf("%w: head or hhea", errFont)
	}
	h := fontHeader{scale: 1000.0 / float64(upem), numHMetrics: numHMetrics, weight: 500}
	scaled := func(off int) int { return int(float64(f.i16(off)) * h.scale) }
	box := &m.desc.FontBBox
	box.Xmin, box.Ymin, box.Xmax, box.Ymax = scaled(head.off+36), scaled(head.off+38), scaled(head.off+40), scaled(head.off+42)
	m.desc.Ascent, m.desc.Descent = scaled(hhea.off+4), scaled(hhea.off+6)
	if os2, ok := dir["OS/2"]; ok && os2.n >= 72 {
		if err := m.readOS2(f, os2, &h); err != nil {
			return h, err
		}
	} else {
		// As gofpdf: the box scaled once more.
		if m.desc.Ascent == 0 {
			m.desc.Ascent = int(float64(m.desc.FontBBox.Ymax) * h.scale)
		}
		if m.desc.Descent == 0 {
			m.desc.Descent = int(float64(m.desc.FontBBox.Ymin) * h.scale)
		}
		m.desc.CapHeight = m.desc.Ascent
	}
	m.desc.StemV = 50 + int(math.Pow(float64(h.weight)/65.0, 2))
	return h, nil
}

// readOS2 reads the weight, the cap height and, where hhea has none, the
// ascent and descent; it refuses a font whose licence forbids embedding.
func (m *faceMetrics) readOS2(f ttf, os2 sfntTable, h *fontHeader) error {
	scaled := func(off int) int { return int(float64(f.i16(off)) * h.scale) }
	version, _ := f.u16(os2.off)
	h.weight, _ = f.u16(os2.off + 4)
	if fsType, _ := f.u16(os2.off + 8); fsType == 0x0002 || fsType&0x0300 != 0 {
		return fmt.Errorf("%w: the font's licence forbids embedding", errFont)
	}
	if m.desc.Ascent == 0 {
		m.desc.Ascent = scaled(os2.off + 68)
	}
	if m.desc.Descent == 0 {
		m.desc.Descent = scaled(os2.off + 70)
	}
	m.desc.CapHeight = m.desc.Ascent
	if version > 1 && os2.n >= 90 {
		m.desc.CapHeight = scaled(os2.off + 88)
	}
	return nil
}

// readPost reads the italic angle, the underline and the fixed pitch,
// and sets the descriptor's flags.
func (m *faceMetrics) readPost(f ttf, post sfntTable, h fontHeader) error {
	if post.n < 16 {
		return fmt.Errorf("%w: post", errFont)
	}
	// gofpdf adds the angle's fraction divided by 65536 in integers: 0.
	m.desc.ItalicAngle = f.i16(post.off + 4)
	m.up = gofpdfRound(float64(f.i16(post.off+8)) * h.scale)
	m.ut = gofpdfRound(float64(f.i16(post.off+10)) * h.scale)
	fixed, _ := f.u32(post.off + 12)
	m.desc.Flags = 4
	if m.desc.ItalicAngle != 0 {
		m.desc.Flags |= 64
	}
	if h.weight >= 600 {
		m.desc.Flags |= 262144
	}
	if fixed != 0 {
		m.desc.Flags |= 1
	}
	return nil
}

// readWidths reads each mapped rune's advance, scaled and rounded, the
// missing width (glyph 0's), and in cw[0] the number of runes with a
// width, as gofpdf keeps it. An advance of 32 768 units or more counts as
// 0 (gofpdf keeps one raw for glyphs past the metrics when no rune maps
// to the last metric's glyph: 16 em wide, which no text font has).
func (m *faceMetrics) readWidths(f ttf, dir map[string]sfntTable, h fontHeader) error {
	numGlyphs, ok := f.u16(dir["maxp"].off + 4)
	hmtx := dir["hmtx"]
	if !ok || hmtx.n < 4*h.numHMetrics {
		return fmt.Errorf("%w: hmtx", errFont)
	}
	sub, err := f.unicodeCmap(dir["cmap"].off)
	if err != nil {
		return err
	}
	advance := func(g int) int { // glyphs past the metrics take the last one's
		aw, _ := f.u16(hmtx.off + 4*min(g, h.numHMetrics-1))
		if aw >= 1<<15 {
			return 0
		}
		return aw
	}
	m.desc.MissingWidth = gofpdfRound(h.scale * float64(advance(0)))
	m.cw = make([]int, 1<<16)
	count := 0
	err = f.eachMapped(sub, func(c, g int) {
		if c == 0 || g >= numGlyphs {
			return
		}
		w := int(math.Round(h.scale * float64(advance(g))))
		if w == 0 {
			w = 65535
		}
		m.cw[c] = w
		count++
	})
	m.cw[0] = count
	return err
}

// runeWidth is r's advance in 1/1000 em as gofpdf's GetStringSymbolWidth
// gives it: 0 for a glyph without advance, the missing width (or 500)
// for a rune the face does not have.
func (m *faceMetrics) runeWidth(r rune) int {
	switch {
	case r < 0 || int(r) >= len(m.cw) || m.cw[r] == 0:
		if m.desc.MissingWidth != 0 {
			return m.desc.MissingWidth
		}
		return 500
	case m.cw[r] == 65535:
		return 0
	}
	return m.cw[r]
}

// gofpdfRound is gofpdf's round: halves away from zero.
func gofpdfRound(f float64) int {
	if f < 0 {
		return -int(math.Floor(-f + 0.5))
	}
	return int(math.Floor(f + 0.5))
}

// putFace puts the face of style into pdf's font table as
// AddUTF8FontFromBytes would, without its file (see above). It reports
// false, and changes nothing, if gofpdf's font table is not as expected.
func putFace(pdf *gofpdf.Fpdf, style string) bool {
	if !fontTableOK || !fontDefOK {
		return false
	}
	m := metricsOf(style)
	table := fontTable(pdf)
	key := fontFamily + style
	def := reflect.New(table.Type().Elem()).Elem()
	def.FieldByName("Tp").SetString(gofpdfUTF8)
	def.FieldByName("Name").SetString(key)
	def.FieldByName("Desc").Set(reflect.ValueOf(m.desc))
	def.FieldByName("Up").SetInt(int64(m.up))
	def.FieldByName("Ut").SetInt(int64(m.ut))
	def.FieldByName("Cw").Set(reflect.ValueOf(m.cw)) // gofpdf only reads it
	// The resource name (gofpdf: a hash of the definition) and the runes
	// written, the first 57 to start with as gofpdf's (digits for page
	// numbers).
	unexported(def, "i").SetString(key)
	used := make(map[int]int, 64)
	for r := range 57 {
		used[r] = 0
	}
	unexported(def, "usedRunes").Set(reflect.ValueOf(used))
	table.SetMapIndex(reflect.ValueOf(key), def)
	return true
}

// unexported is field name of the addressable struct v, settable.
func unexported(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// fontDefOK says that gofpdf's font definition has the fields putFace
// sets besides those fontembed.go reads: Up and Ut, the resource name i.
var fontDefOK = func() bool {
	if !fontTableOK {
		return false
	}
	def := fontTableField.Type.Elem()
	for name, typ := range map[string]reflect.Type{"Up": reflect.TypeFor[int](), "Ut": reflect.TypeFor[int](),
		"i": reflect.TypeFor[string]()} {
		if sf, ok := def.FieldByName(name); !ok || sf.Type != typ {
			return false
		}
	}
	return true
}()
