package reports

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hmsutvalg/model"
)

func TestRecordTables(t *testing.T) {
	build := func(record bool) *Document {
		d := New(Options{Title: "Tabeller", Deterministic: true, Created: fixedCreated, RecordTables: record})
		d.Paragraph("Ingen overskrift ennå.")
		d.Table(Table{Columns: []Column{{Title: "Nr."}, {Title: "Navn"}}, Rows: [][]string{{"1", "Kari"}, {"2"}, {"3", "Ola", "ekstra"}}})
		d.Heading(1, "Handlingsplan")
		d.richTable(richTable{columns: []Column{{Title: "Tiltak"}, {Title: "Frist"}, {Title: "Forfall"}}, caption: "Forebygge fravær",
			rows: [][][]cellPart{
				{{{text: "Alarm", bold: true}, {text: "Personalalarm på natt.", small: true}}, {{text: "31.03.2026"}}, {{text: "Forfalt", bold: true}, {text: "14 dager", small: true}}},
				{{{text: "Kurs"}}},
			}})
		d.Heading(2, "Nøkkeltall")
		d.KeyValues([][2]string{{"Enhet", "Solbakken"}, {"Ansatte", "84"}})
		d.richTable(richTable{columns: []Column{{Title: "A"}}, rows: [][][]cellPart{{{{text: "a"}}}}})
		d.Table(Table{}) // no columns: not drawn, not recorded
		return d
	}
	d := build(true)
	want := []RecordedTable{
		{Caption: "", Header: []string{"Nr.", "Navn"}, Rows: [][]string{{"1", "Kari"}, {"2", ""}, {"3", "Ola"}}},
		{Caption: "Forebygge fravær", Header: []string{"Tiltak", "Frist", "Forfall"}, Rows: [][]string{
			{"Alarm\nPersonalalarm på natt.", "31.03.2026", "Forfalt\n14 dager"},
			{"Kurs", "", ""},
		}},
		{Caption: "Nøkkeltall", Rows: [][]string{{"Enhet", "Solbakken"}, {"Ansatte", "84"}}},
		{Caption: "Nøkkeltall", Header: []string{"A"}, Rows: [][]string{{"a"}}},
	}
	if got := d.Tables(); !reflect.DeepEqual(got, want) {
		t.Errorf("Tables() =\n%#v\nwant\n%#v", got, want)
	}

	// Recording changes nothing in the PDF, and is off by default.
	a, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	plain := build(false)
	if b, _ := plain.Bytes(); !bytes.Equal(a, b) {
		t.Error("the PDF differs with RecordTables")
	}
	if got := plain.Tables(); got != nil {
		t.Errorf("without RecordTables: %d tables, want none", len(got))
	}
}

// TestRecordAnnualReport checks the recorded tables of the annual report:
// every column title is in the PDF, every row has a cell per column, and
// the action plan has a row for each of the year's measures.
func TestRecordAnnualReport(t *testing.T) {
	opts := testOpts()
	opts.RecordTables = true
	in := testAnnualData()
	d := AnnualReport(in, opts)
	tables := d.Tables()
	path := writePDF(t, d, "arsrapport-tabeller.pdf")
	words := map[string]bool{}
	for _, w := range strings.Fields(pdfText(t, path)) {
		words[w] = true
	}
	if len(tables) < 5 {
		t.Fatalf("%d tables recorded, want the report's many", len(tables))
	}
	var plan []string // the titles in the action plan's tables
	for _, tb := range tables {
		for _, h := range tb.Header {
			for _, w := range strings.Fields(h) { // titles may wrap: word by word
				if !words[w] {
					t.Errorf("table %q: %q of column %q not in the PDF", tb.Caption, w, h)
				}
			}
		}
		for _, r := range tb.Rows {
			if tb.Header != nil && len(r) != len(tb.Header) {
				t.Errorf("table %q: row of %d cells, %d columns", tb.Caption, len(r), len(tb.Header))
			}
		}
		full := len(tb.Header) == 6 && tb.Header[0] == "Tiltak" && tb.Header[5] == "Forfall"
		brief := len(tb.Header) == 5 && tb.Header[0] == "Tiltak" && tb.Header[4] == "Evaluert"
		if full || brief {
			for _, r := range tb.Rows {
				title, _, _ := strings.Cut(r[0], "\n")
				plan = append(plan, title)
			}
		}
	}
	var want []string
	for _, m := range model.MeasuresForYear(in.Measures, in.Year) {
		want = append(want, m.Title)
	}
	slices.Sort(plan)
	slices.Sort(want)
	if len(want) == 0 || !slices.Equal(plan, want) {
		t.Errorf("action plan rows %q, want the year's measures %q", plan, want)
	}
}

// A Bold row is wrapped in the bold font it is drawn in.
func TestRichRowPartsBold(t *testing.T) {
	tbl := richTable{
		rows: [][][]cellPart{
			{{{text: "Tittel"}, {text: "beskrivelse", small: true}}},
			{{{text: "Sum"}}},
		},
		styles: []RowStyle{{}, {Bold: true}},
	}
	if p := tbl.rowParts(0); p[0][0].bold || p[0][1].bold {
		t.Errorf("plain row made bold: %+v", p)
	}
	if p := tbl.rowParts(1); !p[0][0].bold {
		t.Errorf("bold row not bold: %+v", p)
	}
	if tbl.rows[1][0][0].bold {
		t.Error("rowParts changed the table's own rows")
	}
	tbl.styles[0].Bold = true
	if p := tbl.rowParts(0); !p[0][0].bold || p[0][1].bold {
		t.Errorf("bold row: the title must be bold and the small text not: %+v", p)
	}
}
