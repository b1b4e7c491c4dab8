package reports

import (
	"fmt"
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
