package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"hmsutvalg/model"
)

// testSickLeave has both rules firing: 2025-K4 and 2026-K1 above 7 %
// (across the year boundary) and 2025-K2 above 10 %, a quarter missing
// (2024-K4), and quarters with and without parts.
func testSickLeave() []model.SickLeaveQuarter {
	p := model.PercentPtr
	return []model.SickLeaveQuarter{
		{Quarter: model.Quarter{Year: 2026, Q: 1}, Total: 810, SelfCertified: p(150), DoctorShort: p(240), DoctorLong: p(420), Employees: 86, AgreedDays: 5090},
		{Quarter: model.Quarter{Year: 2025, Q: 4}, Total: 740, SelfCertified: p(130), DoctorShort: p(200), DoctorLong: p(410), Employees: 87, AgreedDays: 5180},
		{Quarter: model.Quarter{Year: 2025, Q: 3}, Total: 610, Employees: 88, AgreedDays: 4610},
		{Quarter: model.Quarter{Year: 2025, Q: 2}, Total: 1040, SelfCertified: p(110), Employees: 84},
		{Quarter: model.Quarter{Year: 2025, Q: 1}, Total: 690, Employees: 86, AgreedDays: 5120},
		{Quarter: model.Quarter{Year: 2024, Q: 3}, Total: 545},
	}
}

func TestSickLeaveReport(t *testing.T) {
	measures := []model.Measure{{Title: "Kartlegging ved BHT", Source: model.Source{Kind: model.SourceSickLeave,
		RefLabel: "Sykefravær over BHT-grensen i ett kvartal: 2025-K2"}}}
	build := func() *Document {
		return SickLeaveReport(SickLeaveInput{Unit: testUnit, Quarters: testSickLeave(), Measures: measures, Today: testToday}, testOpts())
	}
	a, err := build().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := build().Bytes(); !bytes.Equal(a, b) {
		t.Error("two deterministic builds differ")
	}
	path := writePDF(t, build(), "sykefravar.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	// No settings saved: the 5,2 % is the defaults' example, said so.
	mustContain(t, flat(text), "Sykefravær", "Eksempelmål 5,2 %", "Eksempelmål 5,2 % (fylkets eget mål i IA-planen; enheten har ikke satt eget mål)",
		"Grense 7,0 %", "BHT 10,0 %", "Nærvær",
		"Siste kvartal", "2026-K1: 8,1 % (nærvær 91,9 %), 2,9 prosentpoeng over eksempelmålet",
		"Over 7,0 % to kvartaler på rad (2025-K4: 7,4 %, 2026-K1: 8,1 %)",
		"Over 10,0 % i 2025-K2 (10,4 %)", "bedriftshelsetjenesten (BHT)",
		"Tiltak for varselet er lagt inn i handlingsplanen",
		"Ingen tiltak er laget for akkurat dette varselet, men handlingsplanen har 1 tiltak for sykefravær og nærvær",
		"Over 10,0 %", "(BHT)", "93,9 %", "5 090", "sykefraværsdagsverk × 100 / avtalte dagsverk")
	if strings.Contains(text, "Over målet") {
		t.Error("a quarter is «Over målet» of the example target nobody set")
	}
	// Oldest first in the table.
	if i, j := strings.Index(text, "2024-K3"), strings.LastIndex(text, "2026-K1"); i < 0 || j < i {
		t.Error("table not oldest first")
	}
	checkGolden(t, "sykefravar.golden.txt", normalizeText(text))
}

func TestSickLeaveReportEmpty(t *testing.T) {
	d := SickLeaveReport(SickLeaveInput{Unit: testUnit, Today: testToday}, testOpts())
	text := pdfText(t, writePDF(t, d, "sykefravar-tom.pdf"))
	mustContain(t, text, "Ingen sykefraværstall registrert.", "Eksempelmål", "5,2 %")
	if strings.Contains(text, "nasjonal") {
		t.Error("the target is called national")
	}
}

func TestSickLeaveSection(t *testing.T) {
	d := testDoc("Årsrapport 2025")
	d.SickLeaveSection(SickLeaveSectionInput{Quarters: testSickLeave(), Year: 2025,
		Settings: model.SickLeaveSettings{Target: 740, TargetSetBy: model.TargetByMunicipality, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}})
	path := writePDF(t, d, "seksjon-sykefravar.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	// Plain mean, as 2025-K2 lacks agreed days: (690+1040+610+740)/4 = 770.
	mustContain(t, flat(text), "Sykefravær", "Sykefravær 2025: 7,7 % (gjennomsnitt av kvartalene; 4 av 4 kvartaler registrert). Nærvær 92,3 %. Kommunens mål 7,4 %, 0,3 prosentpoeng over",
		"Kommunens mål 7,4 %", "Grense 7,0 %", "BHT 10,0 %", "2025", "2024", "Nærvær",
		"Over 10,0 % i 2025-K2")
	// The run 2025-K4 → 2026-K1 is met in 2026: quarters after the year
	// never decide the year's alerts (model.SickLeaveAlertsForYear).
	if strings.Contains(flat(text), "2026-K1: 8,1 %") {
		t.Error("an alert met in 2026 is in the 2025 section")
	}
	if strings.Contains(text, "2026-K1 ") && regexp.MustCompile(`(?m)^\s*2026-K1\s`).MatchString(text) {
		t.Error("2026 quarters belong to next year's table")
	}

	d = testDoc("Årsrapport 2023")
	d.SickLeaveSection(SickLeaveSectionInput{Quarters: testSickLeave(), Year: 2023})
	d.Paragraph("Neste kapittel")
	text = pdfText(t, writePDF(t, d, "seksjon-sykefravar-tom.pdf"))
	mustContain(t, text, "Sykefravær", "Ingen sykefraværstall registrert for 2023.", "Neste kapittel")
	if strings.Contains(text, "Nærvær") {
		t.Error("an empty year should have no table")
	}
}

// flat joins the text's words with single spaces, so checks do not depend
// on where lines wrap.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
