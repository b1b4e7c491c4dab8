package reports

import (
	"reflect"
	"slices"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// TestFaceMetricsAreGofpdfs: for every face, the metrics read here are
// those gofpdf's AddUTF8FontFromBytes works out, every rune's width
// included, so text is laid out as with gofpdf's own parse.
func TestFaceMetricsAreGofpdfs(t *testing.T) {
	for _, face := range fontFaces() {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes(fontFamily, face.style, face.data)
		def := fontTable(pdf).MapIndex(reflect.ValueOf(fontFamily + face.style))
		if !def.IsValid() {
			t.Fatalf("%q: gofpdf did not add the face", face.style)
		}
		m, err := readFaceMetrics(face.data)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := m.desc, def.FieldByName("Desc").Interface().(gofpdf.FontDescType); got != want {
			t.Errorf("%q: descriptor %+v, gofpdf %+v", face.style, got, want)
		}
		if m.up != int(def.FieldByName("Up").Int()) || m.ut != int(def.FieldByName("Ut").Int()) {
			t.Errorf("%q: underline %d %d, gofpdf %d %d", face.style, m.up, m.ut, def.FieldByName("Up").Int(), def.FieldByName("Ut").Int())
		}
		want := def.FieldByName("Cw").Interface().([]int)
		if !slices.Equal(m.cw, want) {
			for r := range want {
				if m.cw[r] != want[r] {
					t.Errorf("%q: width of U+%04X %d, gofpdf %d", face.style, r, m.cw[r], want[r])
					break
				}
			}
		}
	}
}

// A face put into gofpdf's table is used as gofpdf's own: same widths
// for text, and the document takes it to embed.
func TestPutFaceMeasuresAsGofpdf(t *testing.T) {
	own := gofpdf.New("P", "mm", "A4", "")
	own.AddUTF8FontFromBytes(fontFamily, styleBold, faceData(styleBold))
	own.SetFont(fontFamily, styleBold, 11)
	put := gofpdf.New("P", "mm", "A4", "")
	if !putFace(put, styleBold) {
		t.Fatal("gofpdf's font table not found")
	}
	put.SetFont(fontFamily, styleBold, 11)
	for _, s := range []string{"Årsrapport for HMS-arbeidet", "Øvelse «brann» – 7,4 %", "\u0301x"} {
		if a, b := own.GetStringWidth(s), put.GetStringWidth(s); a != b {
			t.Errorf("%q: %v wide, gofpdf's own %v", s, b, a)
		}
	}
	if !put.Ok() {
		t.Fatal(put.Error())
	}
}

// TestRuneWidthIsGofpdfs: for every rune of the Basic Multilingual Plane
// and every face, runeWidth (which textWidth measures with) is what
// gofpdf's GetStringSymbolWidth gives: the face's width, 0 for a glyph
// without advance, the missing width for a rune the face lacks.
func TestRuneWidthIsGofpdfs(t *testing.T) {
	for _, face := range fontFaces() {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes(fontFamily, face.style, face.data)
		pdf.SetFont(fontFamily, face.style, 10)
		m := metricsOf(face.style)
		for r := rune(0); r < 0xFFFF; r++ {
			if 0xD800 <= r && r <= 0xDFFF {
				continue // surrogates: string(r) is U+FFFD, and no string holds them
			}
			if got, want := m.runeWidth(r), pdf.GetStringSymbolWidth(string(r)); got != want {
				t.Fatalf("%q U+%04X: %d, gofpdf %d", face.style, r, got, want)
			}
		}
	}
}
