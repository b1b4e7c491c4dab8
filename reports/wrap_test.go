package reports

import (
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"en to", []string{"en", "to"}},
		{"  en   to  ", []string{"en", "to"}},
		{"12 345 kr", []string{"12 345", "kr"}},
		{"etter § 3-1 og §§ 4", []string{"etter", "§ 3-1", "og", "§§ 4"}},
		{"sykefravær 7,4 % i år", []string{"sykefravær", "7,4 %", "i", "år"}},
		{"Risikovurdering – Korttid", []string{"Risikovurdering –", "Korttid"}},
		{"2 av 8", []string{"2", "av", "8"}},
		{"13.11.2026", []string{"13.11.2026"}},
	}
	for _, c := range cases {
		if got := words(c.in); !slices.Equal(got, c.want) {
			t.Errorf("words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestColumnWidths: a column gets at least what it needs, the others
// give it up in proportion, and the widths always add up to the total.
func TestColumnWidths(t *testing.T) {
	cols := []Column{{Width: 1}, {Width: 1}, {Width: 2}}
	cases := []struct {
		name  string
		need  []float64
		check func([]float64) bool
	}{
		{"by weight", []float64{1, 1, 1}, func(w []float64) bool { return near(w[0], 25) && near(w[1], 25) && near(w[2], 50) }},
		{"one needs more", []float64{40, 1, 1}, func(w []float64) bool { return near(w[0], 40) && near(w[1], 20) && near(w[2], 40) }},
		{"capped at half", []float64{90, 1, 1}, func(w []float64) bool { return near(w[0], 50) && near(w[1], 50.0/3) }},
		{"needs exceed total, capped and scaled", []float64{50, 50, 100}, func(w []float64) bool { return near(w[0], 100.0/3) && near(w[2], 100.0/3) }},
		{"the widest needs cut to one level", []float64{30, 40, 60}, func(w []float64) bool { return near(w[0], 30) && near(w[1], 35) && near(w[2], 35) }},
		{"all at need", []float64{30, 30, 40}, func(w []float64) bool { return near(w[0], 30) && near(w[1], 30) && near(w[2], 40) }},
	}
	for _, c := range cases {
		w := columnWidths(100, cols, c.need)
		sum := 0.0
		for _, x := range w {
			sum += x
		}
		if !near(sum, 100) || !c.check(w) {
			t.Errorf("%s: widths %v (sum %v)", c.name, w, sum)
		}
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }

// noSplitTokens are long dates, words and numbers put in narrow columns.
var noSplitTokens = []string{"13.11.2026", "Arbeidsmiljøutvalget", "Verneombudsordningen", "01.01.2025–31.12.2025", "Tiltak", "Bedriftshelsetjenesten"}

// checkTokens fails for every token that is not a whole word of text.
func checkTokens(t *testing.T, text string, tokens []string) {
	t.Helper()
	fields := strings.Fields(text)
	for _, tok := range tokens {
		if !slices.Contains(fields, tok) {
			t.Errorf("%q is split or missing in\n%s", tok, text)
		}
	}
}

// TestTableNeverSplitsWords: long dates and words in narrow columns, and
// a word longer than any column, come out whole, header included.
func TestTableNeverSplitsWords(t *testing.T) {
	const huge = "Sikkerhetsopplæringsgjennomføringsdokumentasjonskravsoppfølgingsansvarligesperson"
	cols := []Column{{Title: "Tiltak", Width: 1}, {Title: "Beskrivelse", Width: 20}, {Title: "Frist", Width: 1}, {Title: "Ansvarlig", Width: 1}, {Title: "Beløp", Width: 1, Align: AlignRight}}
	d := testDoc("Smale kolonner")
	d.Table(Table{Columns: cols, Rows: [][]string{
		{"1", "Kort tekst", "13.11.2026", "Arbeidsmiljøutvalget", "12 345"},
		{"2", "Lang tekst " + strings.Repeat("ord ", 40), "01.01.2025–31.12.2025", "Verneombudsordningen", "7,4 %"},
		{"3", huge, "31.12.2026", "Bedriftshelsetjenesten", "1"},
	}, Styles: []RowStyle{{}, {Bold: true}}})
	d.richTable(richTable{columns: cols, rows: [][][]cellPart{
		{{{text: "Tiltak", bold: true}}, {{text: "Tittel", bold: true}, {text: "Arbeidsmiljøutvalget skal", small: true}}, {{text: "13.11.2026"}, {text: "opprinnelig 01.01.2025–31.12.2025", small: true}}, {{text: "Bedriftshelsetjenesten"}}, {{text: "12 345"}}},
	}})
	path := writePDF(t, d, "smale.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	checkTokens(t, text, append(noSplitTokens, "Beskrivelse", "Ansvarlig", "Beløp", huge))
	for _, n := range []string{"12 345", "7,4 %"} {
		if !strings.Contains(text, n) {
			t.Errorf("%q is split", n)
		}
	}
}
