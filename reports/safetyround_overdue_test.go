package reports

import (
	"fmt"
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

// The Avvik, Risikovurdering and Møter sections name their summary line's
// «N tiltak over fristen» with the same N, and say which came from
// records the section shows.
func TestSectionsNameSummaryOverdue(t *testing.T) {
	today := date(2026, time.December, 4)
	m := func(id uint64, src model.Source, created model.Date) model.Measure {
		return model.Measure{ID: id, Title: "Tiltak", Source: src, PriorityArea: model.AreaLeadership, Responsible: "Leder",
			Deadline: date(2025, time.August, 1), Status: model.StatusPlanlagt, Created: created}
	}
	made2025 := date(2025, time.June, 3)
	in := testAnnualData()
	in.Year, in.Today = 2025, today
	in.InUse = map[string]bool{model.ModuleAvvik: true, model.ModuleMoter: true, model.ModuleRisiko: true}
	in.Deviations = []model.Deviation{{ID: 7, Date: date(2025, time.May, 2), Category: model.DevFire, Type: model.TypeNearMiss,
		Severity: model.SeverityMinor, Status: model.DevClosed, ClosedOn: date(2025, time.May, 9)}}
	in.Meetings = []model.Meeting{{ID: 4, Date: date(2025, time.March, 4)}}
	in.Measures = []model.Measure{
		m(1, model.Source{Kind: model.SourceDeviation, RefID: 7}, made2025),
		m(2, model.Source{Kind: model.SourceDeviation, RefID: 99}, date(2024, time.November, 1)),
		m(3, model.Source{Kind: model.SourceMeetingDecision, RefID: 1, ParentID: 4}, made2025),
		m(4, model.Source{Kind: model.SourceRiskAssessment, RefID: 31, ParentID: 3}, made2025),
	}
	f := model.ComputeAnnualFigures(in)
	text := strings.Join(strings.Fields(pdfText(t, writePDF(t, AnnualReport(in, testOpts()), "kilder.pdf"))), " ")
	for _, c := range []struct {
		module, want string
		kind         model.SourceKind
	}{
		{model.ModuleAvvik, "Per 04.12.2026 er 2 tiltak fra avvik over fristen i handlingsplanen (se sammendraget): 1 fra avvik registrert i 2025 og 1 fra avvik før 2025.", model.SourceDeviation},
		{model.ModuleMoter, "Per 04.12.2026 er 1 tiltak fra møtevedtak over fristen i handlingsplanen (se sammendraget), alle fra møtene i tabellen.", model.SourceMeetingDecision},
		{model.ModuleRisiko, "Per 04.12.2026 er 1 tiltak fra risikovurderinger over fristen i handlingsplanen (se sammendraget), alle fra vurderingene i tabellen.", model.SourceRiskAssessment},
	} {
		n := f.Plan.OverdueBySource[c.kind]
		var line model.SummaryLine
		for _, l := range model.AnnualSummary(f) {
			if l.Module == c.module {
				line = l
			}
		}
		if !strings.Contains(line.Comment(), fmt.Sprintf("%d tiltak over fristen", n)) {
			t.Errorf("%s: summary comment %q lacks %d", c.module, line.Comment(), n)
		}
		if !strings.Contains(text, c.want) {
			t.Errorf("%s: section lacks %q", c.module, c.want)
		}
	}
}
