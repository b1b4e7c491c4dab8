package reports

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestFastOpsMatchGofpdf: text, rules and filled boxes written by
// fastText, fastLine and fastFillRect give the same PDF, byte for byte, as
// gofpdf's CellFormat, Line and Rect: every alignment, text in the fill
// colour and in another, the characters PDF strings escape, letters
// outside Latin-1 (whose UTF-16 bytes are '(' or ')' or '\\'), all four
// styles, positions off the page's edge, and the font subsets.
func TestFastOpsMatchGofpdf(t *testing.T) {
	texts := []string{
		"Tiltak for å redusere sykefraværet",
		`Skift (lås) \ nøkler`,
		"– «hjem» § 4-3 · 7,4 % € ≤",
		"Ĩ ĩ ܀ ℅ ⅜ \u0128\u0129\u0229\u025c", // U+0128/U+0129: a 0x28/0x29 byte
		"Ž",
	}
	draw := func(gofpdfOps bool) []byte {
		d := testDoc("Ops")
		d.gofpdfOps = gofpdfOps
		d.ensure(0)
		y := d.top
		for i, s := range texts {
			for _, style := range []string{styleRegular, styleBold, styleItalic, styleBoldItalic} {
				d.setFont(style, 9+float64(i))
				for _, a := range []Align{AlignLeft, AlignCenter, AlignRight} {
					d.setFill(colorZebra)
					d.setText(colorText)
					if a == AlignCenter {
						d.setText(colorZebra) // the same as the fill: no q/Q
					}
					d.fastFillRect(d.left, y, d.width(), 5)
					d.cellLine(d.left, y, d.width(), 5, s, a)
					d.fastLine(d.left, y+5, d.right, y+5)
					y += 5.5
					if y > d.bottom {
						d.newPage()
						y = d.top
					}
				}
			}
		}
		d.cell(-3, -2, 40, 5, "Utenfor kanten", AlignLeft)
		out, err := d.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	fast, slow := draw(false), draw(true)
	if !bytes.Equal(fast, slow) {
		t.Errorf("fast ops give %d bytes, gofpdf's %d; they differ", len(fast), len(slow))
	}
	if bytes.Equal(draw(false), testDocBytes(t)) {
		t.Error("the comparison compares nothing")
	}
}

// testDocBytes is an empty test document's PDF.
func testDocBytes(t *testing.T) []byte {
	out, err := testDoc("Ops").Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAppendNum: the fast "%.2f" gives strconv's result for values of
// every kind a page has, halves and their neighbours, signs, zeros and
// what it leaves to strconv.
func TestAppendNum(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 0.004, -0.004, 0.005, 0.015, 0.125, 0.375, 1.005, 2.675,
		-2.675, 841.89, 595.28, 1e9, -1e12, math.Inf(1), math.NaN(), 123456.785, 0.0049999999, 99.995}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		vals = append(vals, (r.Float64()-0.1)*900, float64(r.IntN(90000))/100, float64(r.IntN(180000))/200)
	}
	for _, v := range vals {
		want := strconv.FormatFloat(v, 'f', 2, 64)
		if got := string(appendNum(nil, v)); got != want {
			t.Fatalf("%v: %q, want %q", v, got, want)
		}
	}
}
