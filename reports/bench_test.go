package reports

import (
	"fmt"
	"image/color"
	"testing"

	"hmsutvalg/model"
)

// benchRows returns n rows of 6 columns, one of them wrapping to several
// lines.
func benchRows(n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{
			fmt.Sprintf("%d", i+1),
			lorem(3 + i%25),
			"Avdelingsleder på sengepost",
			fmt.Sprintf("%02d.%02d.2026", i%28+1, i%12+1),
			[]string{"Lav", "Middels", "Høy"}[i%3],
			lorem(i % 8),
		}
	}
	return rows
}

var benchColumns = []Column{
	{Title: "Nr.", Width: 0.8}, {Title: "Tiltak", Width: 5}, {Title: "Ansvarlig", Width: 2.2},
	{Title: "Frist", Width: 1.6}, {Title: "Nivå", Width: 1.3, Align: AlignCenter}, {Title: "Merknad", Width: 3},
}

// BenchmarkTable3000Rows builds and renders a document with a 3 000-row,
// 6-column table with wrapped text, fonts and all.
func BenchmarkTable3000Rows(b *testing.B) {
	rows := benchRows(3000)
	styles := make([]RowStyle, len(rows))
	for i := range styles {
		styles[i].CellFills = []Color{{}, {}, {}, {}, RiskColor(model.RiskLevels()[i%3])}
	}
	b.ReportAllocs()
	pages := 0
	for b.Loop() {
		d := testDoc("Ytelse")
		d.Table(Table{Columns: benchColumns, Rows: rows, Styles: styles})
		out, err := d.Bytes()
		if err != nil {
			b.Fatal(err)
		}
		pages = d.PageCount()
		b.SetBytes(int64(len(out)))
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkNew is the fixed cost of a document: parsing the four fonts
// and writing an empty page.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Options{}).Bytes(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSanitize(b *testing.B) {
	clean := "Tiltak for å redusere sykefraværet – «hjem» § 4-3, frist 31.01.2026."
	dirty := "Tiltak 😀 for å redusere\tsykefraværet 漢 \x07 e\u0301"
	b.Run("clean", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = sanitize(clean)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = sanitize(dirty)
		}
	})
}

// BenchmarkLayoutCells is the measuring half of a table's layout: every
// cell of 3 000 rows wrapped to its column, nothing drawn.
func BenchmarkLayoutCells(b *testing.B) {
	rows := benchRows(3000)
	d := testDoc("Ytelse")
	d.ensure(0)
	l := d.layoutTable(benchColumns, d.tableMinWidths(Table{Columns: benchColumns, Rows: rows}))
	l.t = Table{Columns: benchColumns, Rows: rows}
	b.ReportAllocs()
	lines := 0
	for b.Loop() {
		lines = 0
		for i := range rows {
			for _, c := range d.wrapRow(l, i).lines {
				lines += len(c)
			}
		}
	}
	b.ReportMetric(float64(lines), "lines")
}

// BenchmarkDrawCells is the drawing half: the same cells' lines written
// to the pages.
func BenchmarkDrawCells(b *testing.B) {
	rows := benchRows(3000)
	b.ReportAllocs()
	for b.Loop() {
		d := testDoc("Ytelse")
		d.ensure(0)
		d.setFont(styleRegular, tableSize)
		d.setText(colorText)
		for i, r := range rows {
			if i%60 == 0 {
				d.newPage()
			}
			y := d.top + float64(i%60)*4
			for c, s := range r {
				d.cellLine(d.left+float64(c)*29, y, 28, 4, s, Align(c%3))
			}
		}
	}
}

// BenchmarkPhotos draws a grid of 24 thumbnails of one width in a
// deterministic document: kept as they are, ordered by a fraction of a
// pixel (orderImage), and, as the fallback does, 23 of them scaled to
// widths of their own (uniqueWidth).
func BenchmarkPhotos(b *testing.B) {
	var ps []Photo
	for i := range MaxPhotosPerSection {
		ps = append(ps, Photo{Caption: "Bilde", JPEG: thumb(b, 400, 300, color.RGBA{uint8(10 * i), 90, 200, 255})})
	}
	for _, scaled := range []bool{false, true} {
		b.Run(fmt.Sprintf("skalert=%v", scaled), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := New(Options{Deterministic: true})
				d.photoScaled = scaled
				d.Photos(ps)
				if _, err := d.Bytes(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
