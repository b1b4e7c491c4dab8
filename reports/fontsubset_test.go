package reports

import (
	"errors"
	"slices"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// subsetRunes is text a report draws: Norwegian letters (å is a composite
// glyph in Noto Sans), punctuation, digits, and the symbols the report
// uses.
var subsetRunes = []rune("ÆØÅæøåÉéüÜ §«»–—•…·%‰≤≥→✓ abcXYZ019.,:;()[]/-_'\"")

// TestSubsetDrawsEveryRuneAsTheFont parses each face's subset with
// golang.org/x/image's sfnt reader and checks, rune by rune, that the
// glyph the subset maps it to has the original's outline and advance,
// and that the subset is far smaller than the font.
func TestSubsetDrawsEveryRuneAsTheFont(t *testing.T) {
	runes := slices.Clone(subsetRunes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	for _, face := range fontFaces() {
		file, gids, err := subsetTrueType(face.data, runes)
		if err != nil {
			t.Fatalf("%q: %v", face.style, err)
		}
		if len(file) > len(face.data)/10 {
			t.Errorf("%q: subset %d bytes of a %d-byte font", face.style, len(file), len(face.data))
		}
		orig, err := sfnt.Parse(face.data)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := sfnt.Parse(file)
		if err != nil {
			t.Fatalf("%q: the subset does not parse: %v", face.style, err)
		}
		for i, r := range runes {
			compareGlyph(t, face.style, r, orig, sub, gids[i])
		}
	}
}

// compareGlyph checks that glyph gid of sub draws r as orig does.
func compareGlyph(t *testing.T, style string, r rune, orig, sub *sfnt.Font, gid uint16) {
	t.Helper()
	var b sfnt.Buffer
	og, err := orig.GlyphIndex(&b, r)
	if err != nil || og == 0 {
		if gid != 0 {
			t.Errorf("%q %q: no glyph in the font, glyph %d in the subset", style, r, gid)
		}
		return
	}
	if sg, err := sub.GlyphIndex(&b, r); err != nil || uint16(sg) != gid {
		t.Errorf("%q %q: the subset's cmap gives glyph %d (%v), CIDToGIDMap %d", style, r, sg, err, gid)
	}
	ppem := fixed.I(1000)
	want, err1 := orig.LoadGlyph(&b, og, ppem, nil)
	want = slices.Clone(want)
	got, err2 := sub.LoadGlyph(&b, sfnt.GlyphIndex(gid), ppem, nil)
	if err1 != nil || err2 != nil || !slices.Equal(want, got) {
		t.Errorf("%q %q: outline differs (%v, %v)", style, r, err1, err2)
	}
	wa, _ := orig.GlyphAdvance(&b, og, ppem, font.HintingNone)
	ga, _ := sub.GlyphAdvance(&b, sfnt.GlyphIndex(gid), ppem, font.HintingNone)
	if wa != ga {
		t.Errorf("%q %q: advance %v, want %v", style, r, ga, wa)
	}
}

// TestSubsetOfNothingHasNotdef: no runes still gives a valid font with
// the .notdef glyph only.
func TestSubsetOfNothingHasNotdef(t *testing.T) {
	file, gids, err := subsetTrueType(fontFaces()[0].data, nil)
	if err != nil || len(gids) != 0 {
		t.Fatal(err, gids)
	}
	f, err := sfnt.Parse(file)
	if err != nil {
		t.Fatal(err)
	}
	if f.NumGlyphs() != 1 {
		t.Errorf("%d glyphs, want 1", f.NumGlyphs())
	}
}

// TestSubsetOfDamagedFontFails: a cut or garbled font gives errFont, never
// a panic.
func TestSubsetOfDamagedFontFails(t *testing.T) {
	data := fontFaces()[0].data
	for _, cut := range []int{0, 11, 100, 1000, len(data) / 2} {
		if _, _, err := subsetTrueType(data[:cut], []rune("aå")); !errors.Is(err, errFont) {
			t.Errorf("cut at %d: %v, want errFont", cut, err)
		}
		if _, err := readFaceMetrics(data[:cut]); !errors.Is(err, errFont) {
			t.Errorf("metrics, cut at %d: %v, want errFont", cut, err)
		}
	}
}

// FuzzSubsetTrueType: whatever the bytes, subsetTrueType and
// readFaceMetrics return an error or a result, and do not panic.
func FuzzSubsetTrueType(f *testing.F) {
	f.Add(fontFaces()[0].data[:4096], "aå")
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"), "a")
	f.Fuzz(func(t *testing.T, data []byte, s string) {
		runes := []rune(s)
		slices.Sort(runes)
		runes = slices.Compact(runes)
		_, _, _ = subsetTrueType(data, runes)
		_, _ = readFaceMetrics(data)
	})
}
