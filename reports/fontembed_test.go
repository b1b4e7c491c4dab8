package reports

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The annual report draws the same pages, pixel for pixel, and has the
// same text, whether its fonts are written here (fontembed.go) or by
// gofpdf; and the fonts are written here.
func TestTakenFontsDrawAsGofpdfs(t *testing.T) {
	needTool(t, "pdftoppm", "poppler-utils")
	newDocumentsKeepFonts = true
	want := writePDF(t, testAnnualReport(), "gofpdf.pdf")
	newDocumentsKeepFonts = false
	got := writePDF(t, testAnnualReport(), "taken.pdf")
	qpdfCheck(t, got)
	if a, b := pdfText(t, want), pdfText(t, got); a != b {
		t.Fatal("the text differs")
	}
	if fonts := run(t, "pdffonts", got); strings.Count(fonts, "CID TrueType      Identity-H       yes") < 3 {
		t.Errorf("the fonts are not all embedded CID TrueType fonts:\n%s", fonts)
	}
	wantPages, gotPages := renderPages(t, want), renderPages(t, got)
	if len(gotPages) != len(wantPages) || len(gotPages) < 5 {
		t.Fatalf("%d pages, want %d (at least 5)", len(gotPages), len(wantPages))
	}
	for i := range gotPages {
		if !samePixels(t, wantPages[i], gotPages[i]) {
			t.Errorf("page %d is drawn differently", i+1)
		}
	}
}

// renderPages renders every page of the PDF at path and returns the
// images' files, in page order.
func renderPages(t *testing.T, path string) []string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if err != nil {
		t.Fatal(err)
	}
	return files // pdftoppm pads the numbers, so the names sort as the pages
}

// samePixels reports whether two PNG files hold the same image.
func samePixels(t *testing.T, a, b string) bool {
	t.Helper()
	ia, ib := readPNG(t, a), readPNG(t, b)
	if ia.Bounds() != ib.Bounds() {
		return false
	}
	for y := ia.Bounds().Min.Y; y < ia.Bounds().Max.Y; y++ {
		for x := ia.Bounds().Min.X; x < ia.Bounds().Max.X; x++ {
			if ia.At(x, y) != ib.At(x, y) {
				return false
			}
		}
	}
	return true
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// A finished document's faces are taken from gofpdf: gofpdf wrote them as
// core fonts, without parsing the font files again.
func TestRenderTakesTheFaces(t *testing.T) {
	d := testAnnualReport()
	raw, _, fonts := d.render()
	if raw == nil || fonts == nil {
		t.Fatalf("no fonts taken (%v)", d.Err())
	}
	var keys []string
	for _, f := range fonts.fonts {
		keys = append(keys, f.key)
	}
	if strings.Join(keys, " ") != "noto notoB notoI" {
		t.Errorf("faces taken: %q, want the regular, bold and italic ones the report uses", keys)
	}
	if bytes.Contains(raw, []byte("/FontFile2")) || !bytes.Contains(raw, []byte("/BaseFont /notoB\n/Subtype /Type1")) {
		t.Error("gofpdf wrote a font file: the faces were not taken")
	}
}

// TestCIDWidths: runs of consecutive CIDs share one list; a rune outside
// the widths or without one (0) is left out, for /DW; gofpdf's 65535 (no
// advance) is written 0.
func TestCIDWidths(t *testing.T) {
	cw := make([]int, 300)
	for i := range cw {
		cw[i] = 500 + i
	}
	cw[40] = 65535
	cw[50] = 0 // a rune the face lacks
	for _, c := range []struct {
		runes []rune
		want  string
	}{
		{nil, "[]"},
		{[]rune{32}, "[32 [532]]"},
		{[]rune{32, 33, 34}, "[32 [532 533 534]]"},
		{[]rune{32, 34}, "[32 [532] 34 [534]]"},
		{[]rune{39, 40, 41}, "[39 [539 0 541]]"},
		{[]rune{298, 299, 300, 301}, "[298 [798 799]]"},
		{[]rune{299, 400, 401}, "[299 [799]]"},
		{[]rune{49, 50, 51}, "[49 [549] 51 [551]]"},
	} {
		if got := string(cidWidths(c.runes, cw)); got != c.want {
			t.Errorf("cidWidths(%v) = %s, want %s", c.runes, got, c.want)
		}
	}
}
