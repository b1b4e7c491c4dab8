package reports

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"hmsutvalg/model"
)

// qpdfJSON returns qpdf's JSON view of a PDF (version 2).
func qpdfJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	needTool(t, "qpdf", "qpdf")
	var j map[string]any
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json=2", path)), &j); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	return j
}

// outlineTree flattens the outline into "title@page" lines, indented two
// spaces per level.
func outlineTree(entries []any, indent string, out *[]string) {
	for _, e := range entries {
		m := e.(map[string]any)
		*out = append(*out, fmt.Sprintf("%s%s@%v", indent, m["title"], m["destpageposfrom1"]))
		outlineTree(m["kids"].([]any), indent+"  ", out)
	}
}

// catalogLang returns the document catalog's /Lang as qpdf shows it.
func catalogLang(t *testing.T, j map[string]any) any {
	t.Helper()
	objs := j["qpdf"].([]any)[1].(map[string]any)
	root := objs["trailer"].(map[string]any)["value"].(map[string]any)["/Root"].(string)
	return objs["obj:"+root].(map[string]any)["value"].(map[string]any)["/Lang"]
}

// TestBookmarksAndLanguage: one outline entry per heading of level 1 and
// 2, nested, on the page the heading is on; the catalog says nb-NO; the
// metadata are as before; qpdf accepts the file.
func TestBookmarksAndLanguage(t *testing.T) {
	d := testDoc("Navigasjon")
	d.Cover("Årsrapport", "Undertittel", nil)
	d.Heading(1, "Sammendrag")
	d.Paragraph("Tekst.")
	d.Heading(1, "Handlingsplan")
	d.Heading(2, "Ledelse (2 tiltak)")
	d.Paragraph(strings.Repeat("Lang tekst. ", 600))
	d.Heading(3, "Ikke i innholdet")
	d.Paragraph("Tekst.")
	d.Heading(2, "Helsefremmende arbeid")
	d.Paragraph("Tekst.")
	d.Heading(1, "Avvik")
	d.Paragraph("Tekst.")
	path := writePDF(t, d, "navigasjon.pdf")
	qpdfCheck(t, path)
	j := qpdfJSON(t, path)
	var got []string
	outlineTree(j["outlines"].([]any), "", &got)
	want := []string{"Sammendrag@2", "Handlingsplan@2", "  Ledelse (2 tiltak)@2", "  Helsefremmende arbeid@3", "Avvik@3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if lang := catalogLang(t, j); lang != "u:nb-NO" {
		t.Errorf("/Lang = %v, want u:nb-NO", lang)
	}
	if info := pdfInfo(t, path); info["Title"] != "Navigasjon" || info["Author"] != "HMS-utvalget" {
		t.Errorf("metadata changed: %v", info)
	}
}

// TestBookmarksStartAtTop: a printout whose first heading is level 2
// has its level 2 entries at the top of the outline.
func TestBookmarksStartAtTop(t *testing.T) {
	path := writePDF(t, ActionPlanReport(ActionPlanInput{Unit: testUnit, Measures: testMeasures(), Today: testToday}, testOpts()), "plan-navigasjon.pdf")
	qpdfCheck(t, path)
	var got []string
	outlineTree(qpdfJSON(t, path)["outlines"].([]any), "", &got)
	want := "Oversikt@1 Ledelse (2 tiltak)@1 Helsefremmende arbeid (2 tiltak)@1 Forebyggende sykefraværsarbeid (3 tiltak)@2 " +
		"Oppfølgende sykefraværsarbeid (1 tiltak)@2 Underskrifter@2"
	if strings.Join(got, " ") != want {
		t.Errorf("outline: %q", got)
	}
}

// TestMarkOnEveryPage: a mark set for a part spanning pages is on each of
// them, and not on the pages before or after.
func TestMarkOnEveryPage(t *testing.T) {
	const mark = "Bare for utvalget"
	d := testDoc("Merket")
	d.Heading(1, "Først")
	d.Paragraph("Umerket.")
	d.PageBreak()
	d.SetMark(mark)
	d.Heading(1, "Register")
	rows := make([][]string, 150)
	for i := range rows {
		rows[i] = []string{fmt.Sprint(i), "Beskrivelse av hendelsen " + fmt.Sprint(i)}
	}
	d.Table(Table{Columns: []Column{{Title: "Nr"}, {Title: "Tekst", Width: 5}}, Rows: rows})
	d.ClearMark()
	d.PageBreak()
	d.Heading(1, "Etterpå")
	d.Paragraph("Umerket.")
	path := writePDF(t, d, "merket.pdf")
	n := pageCount(t, path)
	if n < 5 {
		t.Fatalf("%d pages, want the register over at least 3", n)
	}
	for p := 1; p <= n; p++ {
		text := pageText(t, path, p)
		marked := p > 1 && p < n
		if got := strings.Count(text, mark); marked && got != 2 || !marked && got != 0 {
			t.Errorf("page %d: mark %d times, want it twice (header and footer) on pages 2–%d only", p, got, n-1)
		}
	}
}

// TestDraftRiskAssessment: a draft or an assessment in progress is
// UTKAST on every page and has no signature lines; a done one neither.
func TestDraftRiskAssessment(t *testing.T) {
	for _, st := range []model.AssessmentStatus{model.AssessmentDraft, model.AssessmentInProgress, model.AssessmentDone} {
		in := testRiskInput()
		in.Assessment.Status = st
		base := in.Items[0]
		for i := range 30 { // enough hazards for several pages
			it := base
			it.ID = uint64(1000 + i)
			it.Hazard = fmt.Sprintf("Fare nummer %d med en lengre beskrivelse", i)
			in.Items = append(in.Items, it)
		}
		path := writePDF(t, RiskAssessmentReport(in, testOpts()), "risiko-"+string(st)+".pdf")
		qpdfCheck(t, path)
		n := pageCount(t, path)
		if n < 3 {
			t.Fatalf("%s: %d pages, want several", st, n)
		}
		draft := st != model.AssessmentDone
		for p := 1; p <= n; p++ {
			if has := strings.Contains(pageText(t, path, p), "UTKAST"); has != draft {
				t.Errorf("%s: page %d has UTKAST: %v", st, p, has)
			}
		}
		text := pdfText(t, path)
		if signs := strings.Contains(text, "Underskrifter"); signs == draft {
			t.Errorf("%s: signature lines: %v", st, signs)
		}
	}
}

// TestSensitiveRegisterMarked: the deviation register with descriptions
// is marked on every page; without descriptions on none.
func TestSensitiveRegisterMarked(t *testing.T) {
	for _, desc := range []bool{true, false} {
		in := DeviationInput{Unit: testUnit, Deviations: testDeviations(), Year: 2026, Today: devReportToday, Descriptions: desc}
		for i := range 60 {
			x := in.Deviations[2]
			x.ID = uint64(500 + i)
			in.Deviations = append(in.Deviations, x)
		}
		path := writePDF(t, DeviationReport(in, testOpts()), fmt.Sprintf("avvik-%v.pdf", desc))
		n := pageCount(t, path)
		if n < 3 {
			t.Fatalf("%d pages, want several", n)
		}
		for p := 1; p <= n; p++ {
			if has := strings.Contains(pageText(t, path, p), sensitiveMark); has != desc {
				t.Errorf("descriptions %v: page %d marked: %v", desc, p, has)
			}
		}
	}
}
