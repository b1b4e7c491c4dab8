package reports

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// The fonts a PDF embeds are subsets: the glyphs of the runes the document
// draws, renumbered from 0, in a TrueType file of the tables a PDF reader
// uses (ISO 32000-1, 9.9). gofpdf makes its subsets by parsing the whole
// font again for each face when it writes the document, which cost a
// heavy annual report about a tenth of its CPU time and 12 MB of garbage
// at its end (docs/ytelse.md, «Åttende runde»); subsetTrueType reads only
// the tables' parts it copies.

// sfntTable is where a table's bytes are in a TrueType file.
type sfntTable struct{ off, n int }

// tableDir reads the table directory, with each table's extent checked.
func (f ttf) tableDir() (map[string]sfntTable, error) {
	numTables, ok := f.u16(4)
	if !ok {
		return nil, errFont
	}
	dir := make(map[string]sfntTable, numTables)
	for i := range numTables {
		rec := 12 + 16*i
		off, ok1 := f.u32(rec + 8)
		n, ok2 := f.u32(rec + 12)
		if !ok1 || !ok2 || off+n > len(f) {
			return nil, errFont
		}
		dir[string(f[rec:rec+4])] = sfntTable{off, n}
	}
	return dir, nil
}

// requireTables reports an error naming the first of tags the font lacks.
func requireTables(dir map[string]sfntTable, tags ...string) error {
	for _, tag := range tags {
		if _, ok := dir[tag]; !ok {
			return fmt.Errorf("%w: no %s table", errFont, tag)
		}
	}
	return nil
}

// glyphSource is what a subset takes its glyphs and metrics from.
type glyphSource struct {
	f           ttf
	dir         map[string]sfntTable
	loca        []int // numGlyphs+1 offsets into glyf
	numHMetrics int
}

// readGlyphSource checks the tables a subset needs and reads loca.
func readGlyphSource(font []byte) (*glyphSource, error) {
	f := ttf(font)
	dir, err := f.tableDir()
	if err != nil {
		return nil, err
	}
	if err := requireTables(dir, "head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"); err != nil {
		return nil, err
	}
	s := &glyphSource{f: f, dir: dir}
	numGlyphs, ok1 := f.u16(dir["maxp"].off + 4)
	longLoca, ok2 := f.u16(dir["head"].off + 50)
	numHMetrics, ok3 := f.u16(dir["hhea"].off + 34)
	if !ok1 || !ok2 || !ok3 || numGlyphs == 0 || numHMetrics == 0 || numHMetrics > numGlyphs ||
		dir["hmtx"].n < 4*numHMetrics+2*(numGlyphs-numHMetrics) {
		return nil, fmt.Errorf("%w: glyph counts", errFont)
	}
	s.numHMetrics = numHMetrics
	s.loca, err = f.readLoca(dir["loca"], numGlyphs, longLoca != 0, dir["glyf"].n)
	return s, err
}

// readLoca reads numGlyphs+1 glyph offsets, each inside a glyf of n bytes.
func (f ttf) readLoca(t sfntTable, numGlyphs int, long bool, n int) ([]int, error) {
	size := 2
	if long {
		size = 4
	}
	if t.n < (numGlyphs+1)*size {
		return nil, fmt.Errorf("%w: loca too short", errFont)
	}
	loca := make([]int, numGlyphs+1)
	for g := range loca {
		at := t.off + g*size
		if long {
			loca[g] = int(binary.BigEndian.Uint32(f[at:]))
		} else {
			loca[g] = 2 * int(binary.BigEndian.Uint16(f[at:]))
		}
		if loca[g] > n || (g > 0 && loca[g] < loca[g-1]) {
			return nil, fmt.Errorf("%w: loca", errFont)
		}
	}
	return loca, nil
}

// glyph returns glyph g's data in glyf.
func (s *glyphSource) glyph(g int) []byte {
	glyf := s.dir["glyf"]
	return s.f[glyf.off+s.loca[g] : glyf.off+s.loca[g+1]]
}

// metric returns glyph g's advance width and left side bearing.
func (s *glyphSource) metric(g int) (advance, lsb []byte) {
	h := s.dir["hmtx"].off
	if g < s.numHMetrics {
		return s.f[h+4*g : h+4*g+2], s.f[h+4*g+2 : h+4*g+4]
	}
	at := h + 4*s.numHMetrics + 2*(g-s.numHMetrics)
	return s.f[h+4*(s.numHMetrics-1) : h+4*s.numHMetrics-2], s.f[at : at+2]
}

// Composite glyph flags (the TrueType glyf table).
const (
	compositeArgsAreWords = 0x0001
	compositeHaveScale    = 0x0008
	compositeMore         = 0x0020
	compositeHaveXYScale  = 0x0040
	compositeHave2x2      = 0x0080
)

// components returns, for composite glyph data, the offsets in it of the
// glyph indexes of its components; none for a simple glyph.
func components(data []byte) ([]int, error) {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, nil
	}
	var at []int
	for p := 10; ; {
		if p+4 > len(data) {
			return nil, fmt.Errorf("%w: composite glyph", errFont)
		}
		flags := binary.BigEndian.Uint16(data[p:])
		at = append(at, p+2)
		p += 4 + componentArgsSize(flags)
		if flags&compositeMore == 0 {
			return at, nil
		}
	}
}

// componentArgsSize is the size of a component's arguments and transform.
func componentArgsSize(flags uint16) int {
	n := 2
	if flags&compositeArgsAreWords != 0 {
		n = 4
	}
	switch {
	case flags&compositeHaveScale != 0:
		n += 2
	case flags&compositeHaveXYScale != 0:
		n += 4
	case flags&compositeHave2x2 != 0:
		n += 8
	}
	return n
}

// closure returns the glyphs to keep, sorted: .notdef, glyphs, and the
// components of composite ones, recursively.
func (s *glyphSource) closure(glyphs []int) ([]int, error) {
	keep := map[int]bool{0: true}
	work := append([]int{0}, glyphs...)
	for len(work) > 0 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		keep[g] = true
		data := s.glyph(g)
		at, err := components(data)
		if err != nil {
			return nil, err
		}
		for _, p := range at {
			c := int(binary.BigEndian.Uint16(data[p:]))
			if c >= len(s.loca)-1 {
				return nil, fmt.Errorf("%w: component glyph %d", errFont, c)
			}
			if !keep[c] {
				keep[c] = true
				work = append(work, c)
			}
		}
	}
	out := make([]int, 0, len(keep))
	for g := range keep {
		out = append(out, g)
	}
	slices.Sort(out)
	return out, nil
}

// subsetTrueType returns a TrueType file with the glyphs of runes (sorted,
// each at most U+FFFF) and what they are made of, and each rune's glyph
// in it (0 where the font has none). Glyphs keep their original order.
func subsetTrueType(font []byte, runes []rune) (file []byte, gids []uint16, err error) {
	s, err := readGlyphSource(font)
	if err != nil {
		return nil, nil, err
	}
	sub, err := s.f.unicodeCmap(s.dir["cmap"].off)
	if err != nil {
		return nil, nil, err
	}
	old := make([]int, len(runes))
	for i, r := range runes {
		if g := s.f.lookup(sub, int(r)); g < len(s.loca)-1 {
			old[i] = g
		}
	}
	keep, err := s.closure(old)
	if err != nil {
		return nil, nil, err
	}
	newID := make(map[int]uint16, len(keep))
	for i, g := range keep {
		newID[g] = uint16(i)
	}
	gids = make([]uint16, len(runes))
	for i, g := range old {
		gids[i] = newID[g]
	}
	tables := s.subsetTables(keep, newID, runes, gids)
	return assembleSfnt(tables), gids, nil
}

// subsetTables builds the subset's tables, by tag.
func (s *glyphSource) subsetTables(keep []int, newID map[int]uint16, runes []rune, gids []uint16) map[string][]byte {
	glyf, loca, hmtx := s.subsetGlyphs(keep, newID)
	t := map[string][]byte{
		"glyf": glyf,
		"loca": loca,
		"hmtx": hmtx,
		"cmap": cmapFormat4(runes, gids),
	}
	head := slices.Clone(s.table("head"))
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set last
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	t["head"] = head
	hhea := slices.Clone(s.table("hhea"))
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(keep)))
	t["hhea"] = hhea
	maxp := slices.Clone(s.table("maxp"))
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(keep)))
	t["maxp"] = maxp
	// Hinting and the font's names and metrics as they are; post without
	// glyph names (format 3), as gofpdf's subsets.
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp", "name", "OS/2"} {
		if b := s.table(tag); b != nil {
			t[tag] = b
		}
	}
	if post := s.table("post"); len(post) >= 32 {
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		t["post"] = p
	}
	return t
}

// table returns the bytes of table tag, nil if the font has none.
func (s *glyphSource) table(tag string) []byte {
	t, ok := s.dir[tag]
	if !ok {
		return nil
	}
	return s.f[t.off : t.off+t.n]
}

// subsetGlyphs returns the glyf, loca (long offsets) and hmtx tables of
// the glyphs keep, components renumbered with newID.
func (s *glyphSource) subsetGlyphs(keep []int, newID map[int]uint16) (glyf, loca, hmtx []byte) {
	loca = make([]byte, 0, 4*(len(keep)+1))
	hmtx = make([]byte, 0, 4*len(keep))
	for _, g := range keep {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		data := s.glyph(g)
		start := len(glyf)
		glyf = append(glyf, data...)
		at, _ := components(data) // checked by closure
		for _, p := range at {
			c := binary.BigEndian.Uint16(data[p:])
			binary.BigEndian.PutUint16(glyf[start+p:], newID[int(c)])
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		advance, lsb := s.metric(g)
		hmtx = append(append(hmtx, advance...), lsb...)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	return glyf, loca, hmtx
}

// lookup is character c's glyph in format 4 subtable sub (0: none).
func (f ttf) lookup(sub, c int) int {
	segX2, ok := f.u16(sub + 6)
	if !ok {
		return 0
	}
	t := format4{segs: segX2 / 2, ends: sub + 14}
	t.starts = t.ends + segX2 + 2
	t.deltas = t.starts + segX2
	t.rangeOffs = t.deltas + segX2
	// The segments are sorted by their end: the first that ends at or
	// after c is the only one that can hold it.
	lo, hi := 0, t.segs
	for lo < hi {
		mid := (lo + hi) / 2
		if end, _ := f.u16(t.ends + 2*mid); end < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	seg := lo
	if seg >= t.segs {
		return 0
	}
	start, ok1 := f.u16(t.starts + 2*seg)
	delta, ok2 := f.u16(t.deltas + 2*seg)
	ro, ok3 := f.u16(t.rangeOffs + 2*seg)
	if !ok1 || !ok2 || !ok3 || c < start {
		return 0
	}
	return f.glyphOf(t, seg, c, start, delta, ro)
}

// cmapFormat4 is a cmap table with one Unicode (3, 1) format 4 subtable
// that maps each rune to its glyph: a segment per rune, then the closing
// one. PDF readers draw a CIDFontType2 through its CIDToGIDMap, but some
// tools want a cmap in the font file.
func cmapFormat4(runes []rune, gids []uint16) []byte {
	var segs [][2]uint16 // rune, glyph
	for i, r := range runes {
		if gids[i] != 0 && r < 0xFFFF {
			segs = append(segs, [2]uint16{uint16(r), gids[i]})
		}
	}
	segs = append(segs, [2]uint16{0xFFFF, 0}) // closing segment, maps to 0 via delta 1
	n := len(segs)
	length := 16 + 8*n
	b := make([]byte, 0, 12+length)
	b = be16s(b, 0, 1, 3, 1) // version, one subtable: Windows Unicode BMP
	b = binary.BigEndian.AppendUint32(b, 12)
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= 2*n {
		searchRange *= 2
		entrySelector++
	}
	b = be16s(b, 4, uint16(length), 0, uint16(2*n), uint16(searchRange), uint16(entrySelector), uint16(2*n-searchRange))
	for _, s := range segs {
		b = be16s(b, s[0]) // endCode
	}
	b = be16s(b, 0) // reservedPad
	for _, s := range segs {
		b = be16s(b, s[0]) // startCode
	}
	for _, s := range segs {
		b = be16s(b, s[1]-s[0]) // idDelta: glyph = rune + delta (mod 65536)
	}
	for range segs {
		b = be16s(b, 0) // idRangeOffset
	}
	return b
}

// be16s appends big-endian 16-bit values.
func be16s(b []byte, vs ...uint16) []byte {
	for _, v := range vs {
		b = binary.BigEndian.AppendUint16(b, v)
	}
	return b
}

// assembleSfnt writes a TrueType file of tables: the directory sorted by
// tag, each table 4-byte aligned with its checksum, and head's
// checkSumAdjustment over the whole file.
func assembleSfnt(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	n := len(tags)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		entrySelector++
	}
	out := make([]byte, 0, size)
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	out = be16s(out, uint16(n), uint16(16*searchRange), uint16(entrySelector), uint16(16*(n-searchRange)))
	off := 12 + 16*n
	for _, tag := range tags {
		t := tables[tag]
		out = append(out, tag...)
		out = binary.BigEndian.AppendUint32(out, sfntChecksum(t))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(t)))
		off += (len(t) + 3) &^ 3
	}
	headAt := 0
	for _, tag := range tags {
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, tables[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if _, ok := tables["head"]; ok {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-sfntChecksum(out))
	}
	return out
}

// sfntChecksum is the sum of b as big-endian 32-bit words, zero-padded.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
