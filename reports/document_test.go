package reports

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// lorem returns n words of Norwegian filler text.
func lorem(n int) string {
	words := strings.Fields("arbeidsmiljø verneombud tiltak risiko oppfølging ansvarlig frist avvik " +
		"sykefravær opplæring rutine kartlegging møte handlingsplan evaluering bedriftshelsetjeneste")
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[(i*7+3)%len(words)])
	}
	return b.String()
}

func TestNorwegianRoundTrip(t *testing.T) {
	const text = "æ ø å Æ Ø Å – « » § ½ … Blåbærsyltetøy på Ærøy, 7,4 %"
	d := testDoc("Prøve æøå")
	d.Heading(1, "Overskrift "+text)
	d.Paragraph(text)
	d.KeyValues([][2]string{{"Ærend", text}})
	d.Table(Table{Columns: []Column{{Title: "Kolonne ÆØÅ"}}, Rows: [][]string{{text}}})
	path := writePDF(t, d, "norsk.pdf")
	qpdfCheck(t, path)
	got := pdfText(t, path)
	for _, want := range []string{"Overskrift " + text, "Kolonne ÆØÅ", "Ærend", "Prøve æøå"} {
		if !strings.Contains(got, want) {
			t.Errorf("text %q not found in PDF:\n%s", want, got)
		}
	}
	if n := strings.Count(got, text); n < 4 {
		t.Errorf("%q found %d times, want 4 (heading, paragraph, key/value, table)", text, n)
	}
}

// TestPageNumbers checks "Side i av N" and the date on every page, and the
// header everywhere but on the cover. 12 pages, so the total has a digit
// that appears nowhere else in the text ("av 12"), and page 9 has a 9.
func TestPageNumbers(t *testing.T) {
	d := testDoc("Sidetall")
	d.Cover("Forside", "Undertittel", nil)
	for i := range 11 {
		d.Heading(1, fmt.Sprintf("Kapittel %c", 'A'+i))
		d.Paragraph(lorem(40))
		d.PageBreak()
	}
	path := writePDF(t, d, "sider.pdf")
	qpdfCheck(t, path)
	n := pageCount(t, path)
	if n != 12 {
		t.Fatalf("%d pages, want 12", n)
	}
	for i := 1; i <= n; i++ {
		text := pageText(t, path, i)
		if want := fmt.Sprintf("Side %d av %d", i, n); !strings.Contains(text, want) {
			t.Errorf("page %d: %q not found:\n%s", i, want, text)
		}
		if !strings.Contains(text, "Laget 24.11.2026") {
			t.Errorf("page %d: production date not found", i)
		}
		header := strings.Contains(text, "Sidetall") && strings.Contains(text, "Solbakken sykehjem")
		if header == (i == 1) {
			t.Errorf("page %d: header shown = %v, want it on every page but the cover", i, header)
		}
	}
}

func TestMetadata(t *testing.T) {
	d := New(Options{Title: "Handlingsplan 2026 – Ærøy", Subject: "HMS-handlingsplan", Author: "HMS-utvalget ved Ås skole",
		Keywords: "HMS, handlingsplan", Unit: "Ås skole", Deterministic: true, Created: fixedCreated})
	d.Paragraph("Innhold")
	path := writePDF(t, d, "meta.pdf")
	info := pdfInfo(t, path)
	for k, want := range map[string]string{
		"Title": "Handlingsplan 2026 – Ærøy", "Subject": "HMS-handlingsplan", "Author": "HMS-utvalget ved Ås skole",
		"Keywords": "HMS, handlingsplan", "Creator": "HMS-utvalg", "Pages": "1",
	} {
		if info[k] != want {
			t.Errorf("%s = %q, want %q", k, info[k], want)
		}
	}
	if !strings.Contains(info["Page size"], "595.") || !strings.Contains(info["Page size"], "841.") {
		t.Errorf("page size %q, want A4", info["Page size"])
	}
	if !strings.Contains(info["CreationDate"], "2000") {
		t.Errorf("CreationDate %q, want the fixed date in 2000", info["CreationDate"])
	}
}

// TestUndrawableText puts emoji, CJK, control characters and broken UTF-8
// into every kind of text: nothing crashes, and the characters come out
// replaced.
func TestUndrawableText(t *testing.T) {
	bad := "Glad 😀 漢 \x07 slutt \xff 👨‍👩‍👧"
	d := New(Options{Title: "Tittel " + bad, Unit: "Enhet " + bad, Author: bad, Keywords: bad + "\xe2",
		Deterministic: true, Created: fixedCreated})
	d.Cover(bad, bad, []string{bad})
	d.Heading(1, bad)
	d.Paragraph(bad)
	d.Note(bad)
	d.KeyValues([][2]string{{bad, bad}})
	d.Table(Table{Columns: []Column{{Title: bad}, {Title: "B"}}, Rows: [][]string{{bad, bad}}})
	d.BarChart(BarChart{Title: bad, Bars: []Bar{{Label: bad, Value: 1, Text: bad}}, Unit: bad, Lines: []RefLine{{Value: 1, Label: bad}}})
	d.ColumnChart(SeriesChart{Title: bad, Categories: []string{bad}, Series: []Series{{Name: bad, Values: []float64{1}}}, Lines: []RefLine{{Value: 1, Label: bad}}})
	d.Heatmap(Heatmap{Title: bad, RowTitle: bad, ColTitle: bad, RowLabels: []string{bad}})
	d.SignatureLines([]string{bad})
	path := writePDF(t, d, "emoji.pdf")
	qpdfCheck(t, path)
	got := pdfText(t, path)
	if want := "Glad ? ? ? slutt ? ?"; !strings.Contains(got, want) {
		t.Errorf("%q not found:\n%s", want, got)
	}
	for _, r := range []string{"😀", "漢", "\x07"} {
		if strings.Contains(got, r) {
			t.Errorf("%q should have been replaced", r)
		}
	}
	if info := pdfInfo(t, path); !strings.HasPrefix(info["Title"], "Tittel Glad ? ") {
		t.Errorf("Title = %q", info["Title"])
	}
}

func TestDeterministic(t *testing.T) {
	a, err := sampleDocument().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	b, err := sampleDocument().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two deterministic runs differ (%d and %d bytes)", len(a), len(b))
	}
	if bytes.Contains(a, []byte(time.Now().Format("20060102"))) {
		t.Error("deterministic PDF contains today's date")
	}
}

func TestBytesAndWriteFile(t *testing.T) {
	d := testDoc("To ganger")
	d.Paragraph("Tekst")
	a, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", a[:min(len(a), 8)])
	}
	path := filepath.Join(t.TempDir(), "ut.pdf")
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !bytes.Equal(a, b) {
		t.Error("WriteFile after Bytes wrote different bytes")
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".hmsutvalg-*"))
	if len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}

	d.Paragraph("For sent")
	if _, err := d.Bytes(); !errors.Is(err, ErrWritten) {
		t.Errorf("block after Bytes: err = %v, want ErrWritten", err)
	}
	if err := testDoc("x").WriteFile(filepath.Join(t.TempDir(), "mangler", "ut.pdf")); err == nil {
		t.Error("WriteFile into a missing directory: no error")
	}
}

func TestEmptyAndLandscape(t *testing.T) {
	path := writePDF(t, New(Options{}), "tom.pdf")
	qpdfCheck(t, path)
	if n := pageCount(t, path); n != 1 {
		t.Errorf("empty document: %d pages, want 1", n)
	}
	if !strings.Contains(pageText(t, path, 1), "Side 1 av 1") {
		t.Error("empty document: no page number")
	}

	d := New(Options{Title: "Liggende", Landscape: true, Deterministic: true})
	d.Heading(1, "Bred tabell")
	d.Paragraph("Tekst")
	path = writePDF(t, d, "liggende.pdf")
	if size := pdfInfo(t, path)["Page size"]; !strings.HasPrefix(size, "841.") {
		t.Errorf("landscape page size %q", size)
	}
	if !strings.Contains(pageText(t, path, 1), "Laget 01.01.2000") {
		t.Error("deterministic document without Created should say Laget 01.01.2000")
	}
}

// TestHeadingKeptWithNext: a heading near the bottom of a page moves to
// the next page together with the block after it, when that block does
// not fit; with a short block it stays.
func TestHeadingKeptWithNext(t *testing.T) {
	build := func(chart bool) string {
		d := testDoc("Overskrifter")
		for i := 0; d.PageCount() == 0 || d.y() < d.bottom-38; i++ {
			d.Paragraph(fmt.Sprintf("Fyll %d", i))
		}
		d.Heading(1, "Flyttet overskrift")
		if chart {
			d.BarChart(BarChart{Bars: []Bar{{Label: "a", Value: 1}, {Label: "b", Value: 2}, {Label: "c", Value: 3}, {Label: "d", Value: 4}, {Label: "e", Value: 5}}})
		} else {
			d.Paragraph("Kort avsnitt.")
		}
		return writePDF(t, d, "overskrift.pdf")
	}
	path := build(true)
	if n := pageCount(t, path); n != 2 {
		t.Fatalf("%d pages, want 2", n)
	}
	if p1 := pageText(t, path, 1); strings.Contains(p1, "Flyttet overskrift") {
		t.Errorf("heading left alone at the bottom of page 1:\n%s", p1)
	}
	if p2 := pageText(t, path, 2); !strings.Contains(p2, "Flyttet overskrift") {
		t.Errorf("heading should be on page 2 with the chart:\n%s", p2)
	}
	path = build(false)
	if n := pageCount(t, path); n != 1 {
		t.Errorf("heading and a short paragraph fit on page 1, got %d pages", n)
	}
}

// TestGofpdfErrorSurfaces: an error inside gofpdf comes out of Bytes and
// WriteFile, and later blocks are skipped.
func TestGofpdfErrorSurfaces(t *testing.T) {
	d := testDoc("Feil")
	d.Paragraph("Før feilen")
	d.pdf.SetFont("finnesikke", "", 10) // gofpdf: undefined font
	d.Paragraph("Etter feilen")
	if _, err := d.Bytes(); err == nil || !strings.Contains(err.Error(), "undefined font") {
		t.Errorf("Bytes: err = %v, want gofpdf's undefined font", err)
	}
	if err := d.WriteFile(filepath.Join(t.TempDir(), "feil.pdf")); err == nil {
		t.Error("WriteFile: no error")
	}
}
