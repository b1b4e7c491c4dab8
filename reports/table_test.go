package reports

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"hmsutvalg/model"
)

// TestTableRowsNeverSplit: 300 rows, some wrapping to many lines, over
// several pages. Every row starts and ends on the same page, appears once,
// and every page repeats the header.
func TestTableRowsNeverSplit(t *testing.T) {
	const n = 300
	rows := make([][]string, n)
	styles := make([]RowStyle, n)
	for i := range rows {
		words := 2 + (i*37)%60 // up to ~60 words: up to about ten lines
		rows[i] = []string{
			fmt.Sprintf("R%04d", i),
			fmt.Sprintf("BEGIN%04d %s END%04d", i, lorem(words), i),
			"Avdelingsleder",
			fmt.Sprintf("%02d.%02d.2026", i%28+1, i%12+1),
		}
		if i%10 == 0 {
			styles[i] = RowStyle{CellFills: []Color{{}, {}, {}, RiskColor(model.RiskHigh)}, Bold: true}
		}
	}
	d := testDoc("Lang tabell")
	d.Heading(1, "Tiltak")
	d.Table(Table{
		Columns: []Column{{Title: "Nr.", Width: 1.2}, {Title: "Beskrivelse", Width: 6}, {Title: "Ansvarlig", Width: 2.2}, {Title: "Frist", Width: 1.6, Align: AlignRight}},
		Rows:    rows, Styles: styles,
	})
	path := writePDF(t, d, "tabell.pdf")
	qpdfCheck(t, path)
	pages := pageCount(t, path)
	if pages < 5 {
		t.Fatalf("only %d pages: the table should span several", pages)
	}
	beginPage := map[int]int{}
	endPage := map[int]int{}
	for p := 1; p <= pages; p++ {
		text := pageText(t, path, p)
		if !strings.Contains(text, "Beskrivelse") || !strings.Contains(text, "Ansvarlig") {
			t.Errorf("page %d: table header missing", p)
		}
		for i := range n {
			if c := strings.Count(text, fmt.Sprintf("BEGIN%04d", i)); c > 0 {
				if _, dup := beginPage[i]; dup || c > 1 {
					t.Errorf("row %d appears more than once", i)
				}
				beginPage[i] = p
			}
			if strings.Contains(text, fmt.Sprintf("END%04d", i)) {
				endPage[i] = p
			}
		}
	}
	for i := range n {
		b, okB := beginPage[i]
		e, okE := endPage[i]
		if !okB || !okE {
			t.Errorf("row %d: begin found %v, end found %v", i, okB, okE)
			continue
		}
		if b != e {
			t.Errorf("row %d split: starts on page %d, ends on page %d", i, b, e)
		}
		if i > 0 && beginPage[i] < beginPage[i-1] {
			t.Errorf("row %d before row %d", i, i-1)
		}
	}
}

// TestTableTallRow: a row taller than a page is split between lines, as a
// last resort, and every line is printed exactly once, in order.
func TestTableTallRow(t *testing.T) {
	var lines []string
	for i := 1; i <= 150; i++ {
		lines = append(lines, fmt.Sprintf("linje%03d", i))
	}
	d := testDoc("Høy rad")
	d.Paragraph("Før tabellen.")
	d.Table(Table{
		Columns: []Column{{Title: "Nr.", Width: 1}, {Title: "Tekst", Width: 5}},
		Rows:    [][]string{{"1", "Kort rad"}, {"2", strings.Join(lines, "\n")}, {"3", "Rad etter ENDEMERKE"}},
	})
	path := writePDF(t, d, "hoy.pdf")
	qpdfCheck(t, path)
	pages := pageCount(t, path)
	if pages < 3 {
		t.Fatalf("%d pages, want at least 3 for 150 lines", pages)
	}
	all := ""
	for p := 1; p <= pages; p++ {
		text := pageText(t, path, p)
		if !strings.Contains(text, "Tekst") {
			t.Errorf("page %d: header missing", p)
		}
		all += text
	}
	last := -1
	for _, l := range lines {
		if c := strings.Count(all, l); c != 1 {
			t.Errorf("%s printed %d times", l, c)
		}
		i := strings.Index(all, l)
		if i < last {
			t.Errorf("%s out of order", l)
		}
		last = i
	}
	if !strings.Contains(all, "ENDEMERKE") {
		t.Error("the row after the tall row is missing")
	}
}

// TestTableOddInput: ragged rows, odd widths, styles that do not match.
// Nothing panics and the text is there.
func TestTableOddInput(t *testing.T) {
	d := testDoc("Rare tabeller")
	d.Table(Table{}) // no columns: nothing
	d.Table(Table{Columns: []Column{{Title: "Bare overskrift"}}})
	d.Table(Table{
		Columns: []Column{{Title: "A", Width: 0}, {Title: "B", Width: -3}, {Title: "C", Width: math.NaN()}, {Title: "D", Width: math.Inf(1)}},
		Rows:    [][]string{{}, {"en"}, {"1", "2", "3", "4", "5 ekstra"}, {"", "", "", "Ordmedveldigmangebokstaversomikkefårplassiencelle"}},
		Styles:  []RowStyle{{Fill: ColorYellowFill, CellFills: []Color{{}, ColorRedFill, {}, {}, {}, ColorGreenFill}}},
	})
	path := writePDF(t, d, "rare.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	for _, want := range []string{"Bare overskrift", "en", "Ordmed"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing", want)
		}
	}
	if strings.Contains(text, "5 ekstra") {
		t.Error("cells beyond the columns should be ignored")
	}
}
