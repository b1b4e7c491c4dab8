package reports

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

func TestRiskAssessmentReport(t *testing.T) {
	d := RiskAssessmentReport(testRiskInput(), testOpts())
	path := writePDF(t, d, "risiko.pdf")
	qpdfCheck(t, path)
	info := pdfInfo(t, path)
	if info["Title"] != "Risikovurdering: Nattarbeid på avdeling B" {
		t.Errorf("Title = %q", info["Title"])
	}
	if size := info["Page size"]; !strings.HasPrefix(size, "841.") {
		t.Errorf("page size %q, want A4 landscape", size)
	}
	text := pdfText(t, path)
	n := len(pages(text))
	mustContain(t, text,
		"Risikovurdering: Nattarbeid på avdeling B", "Solbakken sykehjem, Ringsaker kommune",
		"Side 1 av "+strconv.Itoa(n),
		"Område/aktivitet", "Avdeling B, nattvakt", "Type vurdering", "Ordinær", "10.02.2026", "Ferdig",
		"Neste revisjon", "10.02.2027", "Kari Nordmann (leder), Ola Ås (verneombud)", "Gjennomgått med BHT.",
		"Lav 1–4, middels 5–9, høy 10–25 (5×5)",
		"Før tiltak (4 farer)", "Etter tiltak (3 av 4 vurdert)", "Sannsynlighet", "Konsekvens",
		"Farekilde", "Mulig uønsket hendelse", "Kategori", "Hvem er utsatt", "Eksisterende tiltak", "Risiko",
		"Alenearbeid", "Vold og trusler", "Nattevakter", "Telefon, fast ringerunde kl. 02",
		"16 Høy", "8 Middels", "6 Middels", "4 Lav", "ikke vurdert", "15 Høy", "9 Middels",
		// Linked measures: by MeasureIDs, and one ID no longer in the plan.
		"Alarm for alenearbeid på natt", "Opplæring i forflytning", "Rutine for trusler fra pårørende",
		"Forfalt", "Snart", "(tiltaket finnes ikke lenger i handlingsplanen)",
		"Leder", "Verneombud", "Deltaker",
	)
	if strings.Contains(text, "Medarbeidersamtaler") {
		t.Error("a measure not linked to the assessment is printed")
	}
	if strings.Contains(text, "revisjon forfalt") {
		t.Error("the review is not due")
	}
}

// TestRiskAssessmentOwnMatrix: a 4×4 assessment is scored and described
// on its own matrix, and an overdue review is said in words.
func TestRiskAssessmentOwnMatrix(t *testing.T) {
	in := testRiskInput()
	in.Assessment.Matrix = model.DefaultRiskMatrixFor(4)
	in.Assessment.NextReview = date(2026, time.March, 1)
	in.Items[3].Probability = 4 // 5 is off a 4×4 scale
	path := writePDF(t, RiskAssessmentReport(in, testOpts()), "risiko4.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "Lav 1–3, middels 4–7, høy 8–16 (4×4)", "16 Høy", "Høy (8–16)", "12 Høy",
		"01.03.2026 – revisjon forfalt")
}

// TestRiskAssessmentOnlyOwnItems: items of another assessment are left
// out.
func TestRiskAssessmentOnlyOwnItems(t *testing.T) {
	in := testRiskInput()
	in.Items = append(in.Items, model.RiskItem{ID: 90, AssessmentID: 8, Hazard: "Fremmed fare", Probability: 5, Consequence: 5})
	text := pdfText(t, writePDF(t, RiskAssessmentReport(in, testOpts()), "risiko-egne.pdf"))
	if strings.Contains(text, "Fremmed fare") {
		t.Error("an item of another assessment is printed")
	}
	mustContain(t, text, "Før tiltak (4 farer)")
}

func TestRiskAssessmentNoItems(t *testing.T) {
	in := testRiskInput()
	in.Items = nil
	in.Assessment.Participants = nil
	path := writePDF(t, RiskAssessmentReport(in, testOpts()), "risiko-tom.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "Ingen farer registrert i denne risikovurderingen.", "Ikke registrert",
		"Lav 1–4, middels 5–9, høy 10–25 (5×5)", "Verneombud", "Side 1 av 1")
	for _, no := range []string{"Farekilde", "Før tiltak", "Ansvarlig"} {
		if strings.Contains(text, no) {
			t.Errorf("assessment without items shows %q", no)
		}
	}

	// Items, but no measures linked to them.
	in = testRiskInput()
	in.Measures = nil
	for i := range in.Items {
		in.Items[i].MeasureIDs = nil
	}
	text = pdfText(t, writePDF(t, RiskAssessmentReport(in, testOpts()), "risiko-uten-tiltak.pdf"))
	mustContain(t, text, "Ingen tiltak er knyttet til farene i denne risikovurderingen.", "Alenearbeid")
}

func TestLinkedMeasures(t *testing.T) {
	ms := []model.Measure{
		{ID: 1, Title: "A"},
		{ID: 2, Title: "B", Source: model.Source{Kind: model.SourceRiskAssessment, RefID: 12}}, // by source only
		{ID: 3, Title: "C"},
		{Title: "D", Source: model.Source{Kind: model.SourceRiskAssessment, RefID: 11}}, // no ID yet
	}
	items := []model.RiskItem{
		{ID: 11, MeasureIDs: []uint64{3, 1}},
		{ID: 12, MeasureIDs: []uint64{1, 2, 404}},
	}
	var got []string
	for _, lm := range linkedMeasures(items, ms) {
		title := "?"
		if lm.m != nil {
			title = lm.m.Title
		}
		var nrs []string
		for _, n := range lm.items {
			nrs = append(nrs, strconv.Itoa(n))
		}
		got = append(got, title+":"+strings.Join(nrs, ","))
	}
	if want := "C:1 A:1,2 D:1 B:2 ?:2"; strings.Join(got, " ") != want {
		t.Errorf("linked = %q, want %q", strings.Join(got, " "), want)
	}
}

func testRiskSection() RiskSectionInput {
	a, items := testAssessment()
	old := model.RiskAssessment{ID: 3, Title: "Vold og trusler i demensavdelingen", Area: "Avdeling A", Kind: model.KindOrdinary,
		Date: date(2025, time.March, 3), Status: model.AssessmentDone, NextReview: date(2026, time.March, 1)}
	replaced := model.RiskAssessment{ID: 2, Title: "Gammel vurdering av nattarbeid", Kind: model.KindOrdinary,
		Date: date(2024, time.March, 3), Status: model.AssessmentDone, SupersededBy: 7}
	replacedInYear := model.RiskAssessment{ID: 4, Title: "Kjøkkenet", Kind: model.KindChangeProcess,
		Date: date(2026, time.January, 5), Status: model.AssessmentDone, SupersededBy: 5}
	future := model.RiskAssessment{ID: 6, Title: "Planlagt vurdering 2027", Kind: model.KindOrdinary,
		Date: date(2027, time.February, 1), Status: model.AssessmentDraft}
	items = append(items,
		model.RiskItem{ID: 31, AssessmentID: 3, Hazard: "Utagering", Category: model.CategoryViolence, Probability: 4, Consequence: 3},
		model.RiskItem{ID: 21, AssessmentID: 2, Hazard: "Gammel fare", Probability: 5, Consequence: 5},
		model.RiskItem{ID: 41, AssessmentID: 4, Hazard: "Kniver", Probability: 5, Consequence: 5})
	return RiskSectionInput{Assessments: []model.RiskAssessment{a, old, replaced, replacedInYear, future}, Items: items,
		Year: 2026, Today: testToday}
}

func TestRiskSection(t *testing.T) {
	d := testDoc("Årsrapport 2026")
	d.RiskSection(testRiskSection())
	path := writePDF(t, d, "seksjon-risiko.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "Risikovurdering", "Ferdige risikovurderinger gjennomført i 2026 eller gjeldende per 15.03.2026.",
		"Vold og trusler i demensavdelingen", "Avdeling A", "03.03.2025", "Revisjon forfalt",
		"Nattarbeid på avdeling B", "10.02.2027", "Kjøkkenet", "erstattet", "Før endringsprosess",
		"Samlet risikobilde", "Farer i gjeldende risikovurderinger: 5.",
		"Før tiltak (5 farer)", "Etter tiltak (3 av 5 vurdert)",
		"Risikonivå", "Høy (10–25)", "Middels (5–9)", "Lav (1–4)", "Ikke vurdert", "I alt",
		"Grenser brukt: Lav 1–4, middels 5–9, høy 10–25 (5×5).")
	for _, no := range []string{"Gammel vurdering av nattarbeid", "Planlagt vurdering 2027"} {
		if strings.Contains(text, no) {
			t.Errorf("%q does not belong in 2026", no)
		}
	}
	// Per level, before and after: høy 3 → 0, middels 1 → 2, lav 1 → 1,
	// not assessed 0 → 2.
	for _, re := range []string{`Høy \(10–25\)\s+3\s+0`, `Middels \(5–9\)\s+1\s+2`, `Lav \(1–4\)\s+1\s+1`, `Ikke vurdert\s+0\s+2`, `I alt\s+5\s+5`} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("level counts: %s not found", re)
		}
	}
	// Portrait: the heat maps one after the other, each at full size.
	if i, j := strings.Index(text, "Før tiltak (5"), strings.Index(text, "Etter tiltak (3"); j < i || strings.Count(text[i:j], "Konsekvens") != 1 {
		t.Error("in portrait the heat maps should come one after the other")
	}
}

// TestRiskSectionOtherMatrix: the unit's 4×4 matrix; a current 5×5
// assessment is listed but not in the combined picture.
func TestRiskSectionOtherMatrix(t *testing.T) {
	in := testRiskSection()
	in.Matrix = model.DefaultRiskMatrixFor(4)
	in.Assessments[1].Matrix = model.DefaultRiskMatrixFor(4)
	d := testDoc("Årsrapport 2026")
	d.RiskSection(in)
	text := pdfText(t, writePDF(t, d, "seksjon-risiko4.pdf"))
	mustContain(t, text, "1 vurdering med en annen matrisestørrelse enn 4×4 er ikke med i det samlede risikobildet.",
		"Farer i gjeldende risikovurderinger: 1.", "Grenser brukt: Lav 1–3, middels 4–7, høy 8–16 (4×4).", "Høy (8–16)",
		"Nattarbeid på avdeling B")
}

func TestRiskSectionEmpty(t *testing.T) {
	d := testDoc("Årsrapport 2026")
	d.RiskSection(RiskSectionInput{Year: 2026, Today: testToday})
	in := testRiskSection()
	in.Items = nil
	d.RiskSection(in)
	text := pdfText(t, writePDF(t, d, "seksjon-risiko-tom.pdf"))
	mustContain(t, text, "Ingen ferdige risikovurderinger for 2026.", "Ingen farer registrert i gjeldende risikovurderinger.",
		"Grenser brukt: Lav 1–4, middels 5–9, høy 10–25 (5×5).")
	if strings.Contains(text, "Før tiltak") {
		t.Error("no heat map without items")
	}
}

// TestHeatmapPairSideBySide: in landscape the two maps share the rows of
// the page; the line with the top row of both grids has both "5" ticks.
func TestHeatmapPairSideBySide(t *testing.T) {
	d := New(Options{Landscape: true, Deterministic: true})
	a, items := testAssessment()
	d.riskHeatmaps(items, effectiveMatrix(a.Matrix))
	d.Paragraph("Etter kartene")
	text := pdfText(t, writePDF(t, d, "par.pdf"))
	found := false
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "Før tiltak") && strings.Contains(line, "Etter tiltak") {
			found = true
		}
	}
	if !found {
		t.Errorf("the two titles should be on one line:\n%s", text)
	}
	if strings.Count(text, "Konsekvens") != 2 || strings.Count(text, "Risikonivå") != 2 {
		t.Error("both maps should have their axis and legend")
	}
	if i := strings.Index(text, "Etter kartene"); i < strings.LastIndex(text, "Konsekvens") {
		t.Error("the next block should come below both maps")
	}
}
