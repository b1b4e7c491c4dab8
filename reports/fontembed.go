package reports

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// The embedded fonts are written here instead of by gofpdf. When gofpdf
// writes a document, it parses each UTF-8 face's whole file again to cut
// its subset, and compresses the subset and the CID map with a new zlib
// writer each: for the heavy annual report 10 ms of CPU time and 12 MB of
// garbage at its very end, a third of everything the report allocates
// (docs/ytelse.md, «Åttende runde»). takeFonts hands gofpdf each of our
// faces as a core font just before it writes the document, so it writes
// one small object for it, and makes the subsets (fontsubset.go) on other
// goroutines meanwhile; placeFonts then replaces that object with the
// font gofpdf would have written (a Type0 font with Identity-H encoding,
// its CIDFontType2 with the widths gofpdf measured the text with, the
// descriptor, the CID-to-glyph map, the font file and the ToUnicode map)
// and adds the objects it refers to at the end.
//
// gofpdf has no call for any of this: its font table, Fpdf.fonts (a map
// of the unexported fontDefType, v1.16.2 pinned in go.mod) is reached
// through reflect and unsafe, and if it is not there with the fields
// read, the fonts are left to gofpdf as before.

// newDocumentsKeepFonts makes New's documents leave the fonts to gofpdf
// (Document.gofpdfFonts), for the test that compares the two ways.
var newDocumentsKeepFonts = false

// fontTableField is gofpdf.Fpdf's field fonts, if it has the expected
// type: a map from font key to a struct with the fields fontTableOK checks.
var fontTableField, fontTableOK = findFontTable()

func findFontTable() (reflect.StructField, bool) {
	f, ok := reflect.TypeFor[gofpdf.Fpdf]().FieldByName("fonts")
	if !ok || f.Type.Kind() != reflect.Map || f.Type.Key().Kind() != reflect.String ||
		f.Type.Elem().Kind() != reflect.Struct {
		return f, false
	}
	want := map[string]reflect.Type{
		"Tp":        reflect.TypeFor[string](),
		"Name":      reflect.TypeFor[string](),
		"Desc":      reflect.TypeFor[gofpdf.FontDescType](),
		"Cw":        reflect.TypeFor[[]int](),
		"N":         reflect.TypeFor[int](),
		"usedRunes": reflect.TypeFor[map[int]int](),
	}
	for name, typ := range want {
		if sf, ok := f.Type.Elem().FieldByName(name); !ok || sf.Type != typ {
			return f, false
		}
	}
	return f, true
}

// fontTable is pdf's font table, as a map value that can be changed.
func fontTable(pdf *gofpdf.Fpdf) reflect.Value {
	return reflect.NewAt(fontTableField.Type, unsafe.Add(unsafe.Pointer(pdf), fontTableField.Offset)).Elem()
}

// gofpdf's font type names.
const (
	gofpdfUTF8 = "UTF8"
	gofpdfCore = "Core"
)

// takenFonts are the faces taken from gofpdf, their files being made.
type takenFonts struct {
	pdf   *gofpdf.Fpdf
	fonts []*takenFont
	wg    sync.WaitGroup
}

// takenFont is one face: what gofpdf knew of it, and what build made.
type takenFont struct {
	key  string // gofpdf's font key and name, "noto" + style
	desc gofpdf.FontDescType

	widths   []byte // the CIDFontType2's /W array
	cidToGID []byte // the CID-to-glyph map, uncompressed (2 bytes per CID)
	file     []byte // the subset font file, compressed
	length1  int    // its size uncompressed
	err      error
}

// takeFonts takes the document's faces from gofpdf (see above) and starts
// making their files; nil if there are none or gofpdf's font table is not
// as expected. With gofpdfFonts it takes only the faces gofpdf was given
// without their file (fontmetrics.go), which it could not write. Called
// after the last text is drawn.
func (d *Document) takeFonts() *takenFonts {
	if !fontTableOK {
		return nil
	}
	table := fontTable(d.pdf)
	keys := make([]string, 0, table.Len())
	for it := table.MapRange(); it.Next(); {
		keys = append(keys, it.Key().String())
	}
	slices.Sort(keys)
	t := &takenFonts{pdf: d.pdf}
	for _, key := range keys {
		def := table.MapIndex(reflect.ValueOf(key))
		style, ours := strings.CutPrefix(key, fontFamily)
		if def.FieldByName("Tp").String() != gofpdfUTF8 || !ours || !slices.Contains(styleOfIndex[:], style) ||
			(d.gofpdfFonts && !d.facePut[styleIndex(style)]) {
			continue
		}
		f := &takenFont{key: key, desc: def.FieldByName("Desc").Interface().(gofpdf.FontDescType)}
		runes := usedRunes(def.FieldByName("usedRunes"))
		widths := def.FieldByName("Cw").Interface().([]int)
		core := reflect.New(def.Type()).Elem()
		core.Set(def)
		core.FieldByName("Tp").SetString(gofpdfCore)
		table.SetMapIndex(reflect.ValueOf(key), core)
		t.fonts = append(t.fonts, f)
		t.wg.Go(func() { f.build(faceData(style), runes, widths) })
	}
	if len(t.fonts) == 0 {
		return nil
	}
	return t
}

// usedRunes returns the runes in gofpdf's map of a face's runes, sorted,
// without 0 (as gofpdf leaves it out).
func usedRunes(m reflect.Value) []rune {
	out := make([]rune, 0, m.Len())
	for it := m.MapRange(); it.Next(); {
		if r := it.Key().Int(); r > 0 && r <= 0xFFFF {
			out = append(out, rune(r))
		}
	}
	slices.Sort(out)
	return out
}

// build makes the face's subset for runes, its CID map and its widths
// (gofpdf's, which the text was measured with).
func (f *takenFont) build(font []byte, runes []rune, cw []int) {
	file, gids, err := subsetTrueType(font, runes)
	if err != nil {
		f.err = err
		return
	}
	f.length1 = len(file)
	zw := zlibWriters.get()
	f.file = deflate(zw, file)
	zlibWriters.put(zw)
	f.cidToGID = make([]byte, 2*0x10000)
	for i, r := range runes {
		f.cidToGID[2*r], f.cidToGID[2*r+1] = byte(gids[i]>>8), byte(gids[i])
	}
	f.widths = cidWidths(runes, cw)
}

// cidWidths writes the /W array: each run of consecutive CIDs as the
// first and its widths, «[32 [260 267] 44 [250]]». gofpdf stores 65535
// for a glyph without advance; such a glyph is written 0 wide, as gofpdf
// does. A rune the face has no width for is left out, as gofpdf leaves
// it, so that readers give it /DW, the missing width the text was
// measured with.
func cidWidths(runes []rune, cw []int) []byte {
	has := func(r rune) bool { return int(r) < len(cw) && cw[r] != 0 }
	b := []byte{'['}
	for i, r := range runes {
		if !has(r) {
			continue
		}
		if i == 0 || runes[i-1] != r-1 || !has(runes[i-1]) {
			if len(b) > 1 {
				b = append(b, "] "...)
			}
			b = strconv.AppendInt(b, int64(r), 10)
			b = append(b, " ["...)
		} else {
			b = append(b, ' ')
		}
		w := cw[r]
		if w == 65535 {
			w = 0
		}
		b = strconv.AppendInt(b, int64(w), 10)
	}
	if len(b) > 1 {
		b = append(b, ']')
	}
	return append(b, ']')
}

// wait waits for the files, and returns each face's object number in the
// PDF gofpdf has written since, by key.
func (t *takenFonts) wait() (map[string]int, error) {
	t.wg.Wait()
	table := fontTable(t.pdf)
	nums := make(map[string]int, len(t.fonts))
	for _, f := range t.fonts {
		if f.err != nil {
			return nil, fmt.Errorf("reports: font %s: %w", f.key, f.err)
		}
		nums[f.key] = int(table.MapIndex(reflect.ValueOf(f.key)).FieldByName("N").Int())
	}
	return nums, nil
}

// toUnicodeCMap maps each two-byte code to the same UTF-16 value, as
// gofpdf's: the text is written in UTF-16, one code per rune.
const toUnicodeCMap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
	"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
	"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
	"1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n" +
	"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// placeFonts puts the taken faces into f, the PDF gofpdf wrote with them
// as core fonts: each face's object becomes its Type0 font, and the
// objects that one refers to are added (plain streams, compressed with
// the others'; the font file compressed already).
func placeFonts(f *pdfFile, t *takenFonts) error {
	nums, err := t.wait()
	if err != nil {
		return err
	}
	byNum := make(map[int]int, len(f.objs))
	for i, o := range f.objs {
		byNum[o.num] = i
	}
	next := f.count
	toUnicode := next
	next++
	f.objs = append(f.objs, plainStream(toUnicode, []byte(toUnicodeCMap)))
	for _, font := range t.fonts {
		n := nums[font.key]
		i, ok := byNum[n]
		want := fmt.Sprintf("%d 0 obj\n<</Type /Font\n/BaseFont /%s\n/Subtype /Type1\n/Encoding /WinAnsiEncoding\n>>\nendobj\n", n, font.key)
		if !ok || string(f.objs[i].seg) != want {
			return fmt.Errorf("%w: font %s is not object %d", errNotGofpdf, font.key, n)
		}
		cid, desc, cidMap, file := next, next+1, next+2, next+3
		next += 4
		name := "utf8" + font.key
		f.objs[i].seg = fmt.Appendf(nil, "%d 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont /%s\n/Encoding /Identity-H\n"+
			"/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>\nendobj\n", n, name, cid, toUnicode)
		f.objs = append(f.objs,
			pdfObject{num: cid, seg: cidFontObject(cid, name, font, desc, cidMap)},
			pdfObject{num: desc, seg: descriptorObject(desc, name, font.desc, file)},
			plainStream(cidMap, font.cidToGID),
			pdfObject{num: file, seg: fmt.Appendf(nil, "%d 0 obj\n<</Length %d\n/Filter /FlateDecode\n/Length1 %d\n>>\nstream\n%s\nendstream\nendobj\n",
				file, len(font.file), font.length1, font.file)},
		)
	}
	return f.resize(next)
}

// plainStream is object n, a stream of data in gofpdf's plain form, which
// compressStreams compresses.
func plainStream(n int, data []byte) pdfObject {
	head := strconv.Itoa(n) + " 0 obj\n"
	seg := fmt.Appendf(nil, "%s%s%d%s%s%s", head, plainDictPrefix, len(data), plainDictSuffix, data, streamEnd)
	dataAt := len(seg) - len(streamEnd) - len(data)
	return pdfObject{num: n, seg: seg, head: len(head), data: seg[dataAt : dataAt+len(data)]}
}

// cidFontObject is the face's CIDFontType2 dictionary, as gofpdf writes it.
func cidFontObject(n int, name string, font *takenFont, desc, cidMap int) []byte {
	b := fmt.Appendf(nil, "%d 0 obj\n<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /%s\n"+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>>\n/FontDescriptor %d 0 R\n", n, name, desc)
	if font.desc.MissingWidth != 0 {
		b = fmt.Appendf(b, "/DW %d\n", font.desc.MissingWidth)
	}
	b = append(append(append(b, "/W "...), font.widths...), '\n')
	return fmt.Appendf(b, "/CIDToGIDMap %d 0 R>>\nendobj\n", cidMap)
}

// descriptorObject is the face's font descriptor, with gofpdf's flags
// (symbolic, not non-symbolic).
func descriptorObject(n int, name string, d gofpdf.FontDescType, file int) []byte {
	return fmt.Appendf(nil, "%d 0 obj\n<</Type /FontDescriptor /FontName /%s\n /Ascent %d /Descent %d /CapHeight %d /Flags %d"+
		" /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>\nendobj\n",
		n, name, d.Ascent, d.Descent, d.CapHeight, (d.Flags|4)&^32,
		d.FontBBox.Xmin, d.FontBBox.Ymin, d.FontBBox.Xmax, d.FontBBox.Ymax, d.ItalicAngle, d.StemV, d.MissingWidth, file)
}

// resize makes the cross-reference table and the trailer's /Size count
// objects 0 to count-1.
func (f *pdfFile) resize(count int) error {
	old := []byte("trailer\n<<\n/Size " + strconv.Itoa(f.count) + "\n")
	if !bytes.HasPrefix(f.trailer, old) {
		return notGofpdf("trailer")
	}
	f.trailer = append([]byte("trailer\n<<\n/Size "+strconv.Itoa(count)+"\n"), f.trailer[len(old):]...)
	f.count = count
	return nil
}
