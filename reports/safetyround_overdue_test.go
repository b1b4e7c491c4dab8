package reports

import (
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

// The summary's «3 tiltak over fristen» on the safety-round line and the
// section, whose table shows only the year's rounds, say the same thing:
// the section names the figure and where the measures came from.
func TestSafetyRoundSectionAgreesWithSummary(t *testing.T) {
	today := date(2026, time.December, 4)
	rounds := []model.SafetyRound{
		{ID: 1, Date: date(2024, time.October, 1), Status: model.RoundCompleted, Areas: []string{"Kjøkken"}},
		{ID: 2, Date: date(2025, time.May, 6), Status: model.RoundCompleted, Areas: []string{"Lager"}},
	}
	m := func(id, round uint64, created model.Date) model.Measure {
		return model.Measure{ID: id, Title: "Rydd rømningsvei", Source: model.Source{Kind: model.SourceSafetyRound, ParentID: round, RefID: 1},
			PriorityArea: model.AreaLeadership, Responsible: "Leder", Deadline: date(2025, time.August, 1), Status: model.StatusPlanlagt, Created: created}
	}
	in := testAnnualData()
	in.Year, in.Today, in.SafetyRounds = 2025, today, rounds
	in.InUse = map[string]bool{model.ModuleVernerunder: true}
	in.Measures = []model.Measure{m(1, 1, date(2024, time.October, 2)), m(2, 2, date(2025, time.May, 7)), m(3, 2, date(2025, time.May, 7))}
	f := model.ComputeAnnualFigures(in)
	if n := f.Plan.OverdueBySource[model.SourceSafetyRound]; n != 3 {
		t.Fatalf("summary figure %d, want 3", n)
	}
	var line model.SummaryLine
	for _, l := range model.AnnualSummary(f) {
		if l.Module == model.ModuleVernerunder {
			line = l
		}
	}
	if !strings.Contains(line.Comment(), "3 tiltak over fristen") {
		t.Fatalf("summary comment %q", line.Comment())
	}
	text := strings.Join(strings.Fields(pdfText(t, writePDF(t, AnnualReport(in, testOpts()), "vernerunder.pdf"))), " ")
	for _, want := range []string{
		"1 vernerunde holdt og fullført i 2025, med ingen funn og 2 tiltak; 2 av dem er fortsatt åpne per 04.12.2026.",
		"Per 04.12.2026 er 3 tiltak fra vernerunder over fristen i handlingsplanen (se sammendraget): 2 fra rundene i tabellen og 1 fra vernerunder før 2025.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("section lacks %q", want)
		}
	}
}
