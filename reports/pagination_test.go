package reports

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

var rowMark = regexp.MustCompile(`RAD\d+`)

// tableAt draws a heading and a table of n rows starting y mm below the
// top of the second page, and returns the PDF's path.
func tableAt(t *testing.T, y float64, n int, name string) string {
	d := testDoc("Sideskift")
	d.Paragraph("Første side.")
	d.PageBreak()
	d.Paragraph("Andre side.")
	d.setY(d.top + y)
	d.Heading(1, "OVERSKRIFT")
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("RAD%d", i), strings.Repeat("tekst ", 1+i%3*12)}
	}
	d.Table(Table{Columns: []Column{{Title: "Nr"}, {Title: "KOLONNE", Width: 5}}, Rows: rows})
	return writePDF(t, d, name)
}

// TestTablePagination: wherever a table starts, its heading keeps with
// the header and two rows, no page holds a single row of a table that
// has more, and the header is on every page the table is on.
func TestTablePagination(t *testing.T) {
	for _, n := range []int{2, 3, 12} {
		for y := 170.0; y < 250; y += 5 {
			path := tableAt(t, y, n, fmt.Sprintf("sideskift-%d-%v.pdf", n, y))
			for p := 2; p <= pageCount(t, path); p++ {
				text := pageText(t, path, p)
				rows := len(rowMark.FindAllString(text, -1))
				if strings.Contains(text, "OVERSKRIFT") && rows < 2 {
					t.Errorf("n=%d y=%v: page %d: heading with %d rows", n, y, p, rows)
				}
				if rows == 1 {
					t.Errorf("n=%d y=%v: page %d: a single row of the table", n, y, p)
				}
				if rows > 0 && !strings.Contains(text, "KOLONNE") {
					t.Errorf("n=%d y=%v: page %d: rows without the header", n, y, p)
				}
			}
		}
	}
}

// TestPageBreakIfLessThan: breaks only when less room is left than asked.
func TestPageBreakIfLessThan(t *testing.T) {
	for _, c := range []struct {
		left, need float64
		pages      int
	}{{100, 80, 1}, {100, 120, 2}, {20, 19, 1}, {20, 21, 2}} {
		d := testDoc("Betinget sideskift")
		d.Paragraph("Start.")
		d.setY(d.bottom - c.left)
		d.PageBreakIfLessThan(c.need)
		d.Paragraph("Neste del.")
		if got := pageCount(t, writePDF(t, d, "betinget.pdf")); got != c.pages {
			t.Errorf("%v mm left, %v needed: %d pages, want %d", c.left, c.need, got, c.pages)
		}
	}
}

// TestLeadKeptWithNextBlock: a heading and its lead move to the next page
// with the block they introduce when it does not fit; a plain paragraph
// stays behind.
func TestLeadKeptWithNextBlock(t *testing.T) {
	for _, lead := range []bool{true, false} {
		d := testDoc("Ingress")
		d.Paragraph("Start.")
		d.setY(d.bottom - 40)
		d.Heading(2, "SAMLET")
		if lead {
			d.Lead("INGRESS til kartet.")
		} else {
			d.Paragraph("INGRESS til kartet.")
		}
		d.Heatmap(Heatmap{Title: "KART"})
		path := writePDF(t, d, "ingress.pdf")
		p1, p2 := pageText(t, path, 1), pageText(t, path, 2)
		if !strings.Contains(p2, "KART") {
			t.Fatal("the heat map should not fit on page 1")
		}
		if got := strings.Contains(p2, "SAMLET") && strings.Contains(p2, "INGRESS"); got != lead {
			t.Errorf("lead %v: heading and lead on the chart's page: %v\npage 1:\n%s", lead, got, p1)
		}
	}
}

// TestKeyValuesKeptTogether: a short list of pairs is not split; a long
// one never leaves a single pair on a page.
func TestKeyValuesKeptTogether(t *testing.T) {
	pairs := func(n int) [][2]string {
		out := make([][2]string, n)
		for i := range out {
			out[i] = [2]string{fmt.Sprintf("PAR%d", i), "verdi"}
		}
		return out
	}
	pairMark := regexp.MustCompile(`PAR\d+`)
	for _, n := range []int{3, 7, 40} {
		for y := 150.0; y < 255; y += 10 {
			d := testDoc("Par")
			d.Paragraph("Start.")
			d.setY(d.top + y)
			d.KeyValues(pairs(n))
			path := writePDF(t, d, "par.pdf")
			pc := pageCount(t, path)
			for p := 1; p <= pc; p++ {
				k := len(pairMark.FindAllString(pageText(t, path, p), -1))
				if k > 0 && k < n && (n < 10 || k < 2) {
					t.Errorf("n=%d y=%v: page %d has %d pairs", n, y, p, k)
				}
			}
		}
	}
}
