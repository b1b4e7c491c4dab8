package reports

import (
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

// testReview is a complete review of 2026 as of testToday (15.03.2026).
func testReview() *model.AnnualReview {
	inj, wb := 1, 0
	return &model.AnnualReview{Year: 2026,
		Regulations:          []model.Regulation{{Name: "Arbeidsmiljøloven", Where: "Lovdata"}, {Name: "Internkontrollforskriften", Where: "HMS-permen"}},
		RegulationsConfirmed: date(2026, time.February, 10),
		Goals: []model.HMSGoal{{Kind: model.GoalSickLeave, Target: 520, Comment: "Følges hvert kvartal"},
			{Goal: "Ingen stikkskader", Measure: "Avvik i kategorien personskade", Result: model.GoalPartly, Comment: "To i januar"}},
		Evaluation: "Et år med godt samarbeid.", LeaderComment: "Enig.", SafetyRepComment: "Mer om støy.",
		TreatedOn: date(2026, time.March, 10), CaseNumber: "7/26",
		Trainings: []model.HMSCourse{{Course: "Forflytningsteknikk", Date: date(2026, time.February, 2), Participants: 1234},
			{Course: "Kurs etter statusdatoen", Date: date(2026, time.March, 20), Participants: 5}},
		OccupationalInjuries: &inj, Whistleblowing: &wb,
	}
}

// reviewReportText writes the report and returns its text with all
// white space as single spaces, and the checklist's rows as recorded.
func reviewReportText(t *testing.T, in model.AnnualData) (string, [][]string) {
	t.Helper()
	opts := testOpts()
	opts.RecordTables = true
	d := AnnualReport(in, opts)
	path := writePDF(t, d, "gjennomgang.pdf")
	qpdfCheck(t, path)
	var checklist [][]string
	for _, tb := range d.Tables() {
		if tb.Caption == "Sjekkliste for internkontroll" {
			checklist = tb.Rows
		}
	}
	return strings.Join(strings.Fields(pdfText(t, path)), " "), checklist
}

// The review's parts are in the report: the treated line on the cover,
// the laws with their confirmation, each goal with its result, the
// courses held by the status date, the counts, the evaluation, and the
// checklist documenting points 1, 2 and 4 with letters f and g on rows of
// their own.
func TestAnnualReportWithReview(t *testing.T) {
	in := testAnnualData()
	in.Review = testReview()
	in.InUse = map[string]bool{model.ModuleSykefravar: true}
	in.SickLeave = []model.SickLeaveQuarter{{Quarter: model.Quarter{Year: 2026, Q: 1}, Total: 610}}
	text, checklist := reviewReportText(t, in)
	cover := strings.SplitN(text, "Side 1 av", 2)[0]
	if !strings.Contains(cover, "Behandlet i HMS-utvalget 10.03.2026, sak 7/26.") {
		t.Errorf("cover lacks the treated line: %q", cover)
	}
	for _, want := range []string{
		"Lover og forskrifter", "Internkontrollforskriften HMS-permen", "Listen er bekreftet av HMS-utvalget 10.02.2026 for 2026.",
		"0 nådd, 1 delvis nådd, 0 ikke nådd, 1 ikke vurdert",
		"Sykefraværet er høyst 5,2 %", "Ikke vurdert Året er ikke over: foreløpig snitt", "6,1 % av 1 kvartal, mål 5,2 %.", "Følges hvert kvartal",
		"Ingen stikkskader", "Delvis nådd",
		"1 kurs med til sammen 1 234 deltakere", "Forflytningsteknikk 02.02.2026 1 234",
		"Yrkesskader meldt i 2026 1", "Varslingssaker i 2026 0",
		"Utvalgets evaluering av året Et år med godt samarbeid.", "Kommentar fra leder Enig.", "Kommentar fra verneombud Mer om støy.",
		"Internkontrollforskriften § 5: 7 av 8 punkter",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	wantRows := map[string][2]string{ // point → AML letters, where documented
		"1":     {"–", "Lover og forskrifter (2, bekreftet 10.02.2026)"},
		"2":     {"–", "Opplæring, yrkesskader og varsling (1 kurs)"},
		"4":     {"a", "Mål for HMS-arbeidet (2 mål)"},
		"7":     {"e", "Mangler"},
		"AML f": {"f", "Sykefravær; Mål for HMS-arbeidet (sykefraværsmål)"},
		"AML g": {"g", "Mangler: ingen vernerunder i året."},
	}
	if len(checklist) != 10 {
		t.Fatalf("checklist has %d rows, want 8 points and 2 letters", len(checklist))
	}
	for _, row := range checklist {
		if w, ok := wantRows[row[0]]; ok && (row[3] != w[0] || !strings.HasPrefix(row[4], w[1])) {
			t.Errorf("checklist row %s: AML %q, %q; want %q, %q…", row[0], row[3], row[4], w[0], w[1])
		}
	}
	if strings.Contains(text, "Kurs etter statusdatoen") {
		t.Error("a course after the status date is in the report")
	}
	if strings.Contains(text, "e, f, g") {
		t.Error("point 7 still carries letters f and g")
	}
}

// Without a review the report says what is missing, and the cover marks
// the report as a draft.
func TestAnnualReportWithoutReview(t *testing.T) {
	text, checklist := reviewReportText(t, testAnnualData())
	if got := checklist[0][4]; got != "Mangler: ingen lover og forskrifter registrert for 2026. Legg dem inn under Årlig gjennomgang." {
		t.Errorf("point 1: %q", got)
	}
	for _, want := range []string{
		"Behandlet i HMS-utvalget: ikke ennå – dette er et utkast.",
		"Ingen lover og forskrifter registrert for 2026",
		"Ingen mål for HMS-arbeidet registrert for 2026",
		"Ingen opplæring i HMS registrert for 2026.",
		"Yrkesskader meldt i 2026 ikke registrert",
		"Utvalget har ikke skrevet noen evaluering av 2026.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// A list that is not confirmed is printed, but does not document point 1.
	in := testAnnualData()
	in.Review = testReview()
	in.Review.RegulationsConfirmed = model.Date{}
	in.Review.TreatedOn, in.Review.CaseNumber = date(2026, time.March, 16), "8/26" // after the status date
	text, checklist = reviewReportText(t, in)
	if got := checklist[0][4]; got != "Mangler: listen over lover og forskrifter er ikke bekreftet av utvalget for 2026." {
		t.Errorf("point 1 unconfirmed: %q", got)
	}
	for _, want := range []string{"Listen er ikke bekreftet av HMS-utvalget for 2026.", "Behandlet i HMS-utvalget: ikke ennå"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
