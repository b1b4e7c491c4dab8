package model

import (
	"strings"
	"testing"
)

// summaryBase is a year where every module is in order.
func summaryBase() AnnualFigures {
	f := AnnualFigures{Year: 2025, Today: ymd(2026, 1, 15)}
	f.Committee.Roles = []Role{RoleLeder, RoleVerneombud, RoleTillitsvalgt}
	f.Plan.Summary = ActionPlanSummary{Total: 5, Open: 2}
	f.Plan.OverdueBySource = map[SourceKind]int{}
	f.Risk = RiskFigures{Assessments: 1, CarriedOut: 1, Items: 2, Before: map[RiskLevel]int{RiskHigh: 1}, After: map[RiskLevel]int{RiskLow: 1}}
	f.Deviations = &DeviationStatistics{Total: 4, Open: 1, ByCategory: map[DeviationCategory]int{}}
	f.SickLeave = &SickLeaveFigures{Settings: SickLeaveSettings{Target: 600}.OrDefault(), Average: 520, HasAverage: true,
		Quarters: []SickLeaveQuarter{{Quarter: Quarter{Year: 2025, Q: 1}}, {Quarter: Quarter{Year: 2025, Q: 2}},
			{Quarter: Quarter{Year: 2025, Q: 3}}, {Quarter: Quarter{Year: 2025, Q: 4}}}, Measures: 2}
	f.Violence = []ViolenceDutyStatus{{Duty: DutyMapping, State: DutyOK}, {Duty: DutyMeasures, State: DutyOK}}
	f.Survey = &SurveyRound{Year: 2024, Respondents: 30, Focus: []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusKeep}}}
	f.SafetyRoundsHeld, f.MeetingsHeld = 2, 4
	for _, m := range AnnualModules() {
		f.Modules = append(f.Modules, ModuleStatus{Module: m, InUse: true, HasData: true})
	}
	return f
}

func TestAnnualSummaryRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(f *AnnualFigures)
		module string
		want   SummaryStatus
		reason string
	}{
		{"all in order", func(*AnnualFigures) {}, ModuleAvvik, SummaryOK, ""},
		{"no verneombud", func(f *AnnualFigures) { f.Committee.Roles = []Role{RoleLeder, RoleTillitsvalgt} }, ModuleUtvalg, SummaryMissing, "Mangler verneombud"},
		{"plan overdue", func(f *AnnualFigures) { f.Plan.Summary.Overdue = 1 }, ModuleHandlingsplan, SummaryAttend, "1 tiltak over fristen"},
		{"plan empty", func(f *AnnualFigures) { f.Plan.Summary = ActionPlanSummary{} }, ModuleHandlingsplan, SummaryNoData, "Ingen tiltak"},
		{"no assessment", func(f *AnnualFigures) { f.Risk.Assessments = 0 }, ModuleRisiko, SummaryMissing, "Ingen ferdig risikovurdering"},
		{"review overdue", func(f *AnnualFigures) { f.Risk.ReviewOverdue = 1 }, ModuleRisiko, SummaryAttend, "Revisjon forfalt for 1 risikovurdering."},
		{"two reviews overdue", func(f *AnnualFigures) { f.Risk.ReviewOverdue = 2 }, ModuleRisiko, SummaryAttend, "Revisjon forfalt for 2 risikovurderinger."},
		{"high after measures", func(f *AnnualFigures) { f.Risk.After[RiskHigh] = 2 }, ModuleRisiko, SummaryAttend, "2 farer har høy risiko"},
		{"risk measure overdue", func(f *AnnualFigures) { f.Plan.OverdueBySource[SourceRiskAssessment] = 1 }, ModuleRisiko, SummaryAttend, "over fristen"},
		{"open serious deviation", func(f *AnnualFigures) { f.OpenSeriousDeviations = 1 }, ModuleAvvik, SummaryAttend, "1 alvorlig avvik er åpent"},
		{"§ 5-2 not notified", func(f *AnnualFigures) { f.Deviations.NoticeOutstanding = 1 }, ModuleAvvik, SummaryAttend, "aml. § 5-2) ikke registrert for 1 avvik."},
		{"deviation measure overdue", func(f *AnnualFigures) { f.Plan.OverdueBySource[SourceDeviation] = 3 }, ModuleAvvik, SummaryAttend, "3 tiltak over fristen"},
		{"sick leave no quarters", func(f *AnnualFigures) { f.Modules[6].HasData = false }, ModuleSykefravar, SummaryNoData, "Ingen tall"},
		{"sick leave above target", func(f *AnnualFigures) { f.SickLeave.Average = 601 }, ModuleSykefravar, SummaryAttend, "Over målet"},
		{"sick leave at target", func(f *AnnualFigures) { f.SickLeave.Average = 600 }, ModuleSykefravar, SummaryOK, ""},
		{"sick leave above target while the year runs", func(f *AnnualFigures) {
			f.SickLeave.Average, f.Today = 601, ymd(2025, 11, 1)
		}, ModuleSykefravar, SummaryAttend, "Over målet så langt i året."},
		{"sick leave rule met", func(f *AnnualFigures) {
			f.SickLeave.Alerts = []FollowUpAlert{{Rule: FollowUpRules()[0]}}
		}, ModuleSykefravar, SummaryAttend, FollowUpRules()[0].Label()},
		{"sick leave quarter missing", func(f *AnnualFigures) { f.SickLeave.Quarters = f.SickLeave.Quarters[:3] }, ModuleSykefravar, SummaryAttend, "Tall mangler for 1 kvartal"},
		{"quarter missing while the year runs", func(f *AnnualFigures) {
			f.SickLeave.Quarters, f.Today = f.SickLeave.Quarters[:3], ymd(2025, 11, 1)
		}, ModuleSykefravar, SummaryOK, ""},
		// The year the unit started asks for figures only for the whole
		// quarters after the start (as meetings): none are missing.
		{"started 01.07, two quarters", func(f *AnnualFigures) {
			f.SickLeave.Quarters, f.Started = f.SickLeave.Quarters[2:], ymd(2025, 7, 1)
		}, ModuleSykefravar, SummaryOK, ""},
		{"started 01.07, Q4 missing", func(f *AnnualFigures) {
			f.SickLeave.Quarters, f.Started = f.SickLeave.Quarters[2:3], ymd(2025, 7, 1)
		}, ModuleSykefravar, SummaryAttend, "Tall mangler for 1 kvartal."},
		{"sick-leave measure overdue", func(f *AnnualFigures) { f.SickLeave.Measures, f.SickLeave.MeasuresOverdue = 3, 1 }, ModuleSykefravar, SummaryAttend, "1 av de 3 sykefraværstiltakene over fristen"},
		{"mapping missing", func(f *AnnualFigures) { f.Violence[0].State = DutyMissing }, ModuleVold, SummaryMissing, "Kartlegging og risikovurdering: mangler"},
		{"mapping overdue", func(f *AnnualFigures) { f.Violence[0].State, f.Violence[0].LastDone = DutyOverdue, ymd(2024, 3, 1) }, ModuleVold, SummaryMissing, "forfalt"},
		{"violence measure overdue", func(f *AnnualFigures) { f.Violence[1].State, f.Violence[1].LastDone = DutyOverdue, ymd(2024, 3, 1) }, ModuleVold, SummaryAttend, "Tiltak: forfalt"},
		// Overdue but never done has no date to be overdue from: the
		// section's «Følg opp», not a bare «forfalt».
		{"violence measure never done", func(f *AnnualFigures) { f.Violence[1].State = DutyOverdue }, ModuleVold, SummaryAttend, "Tiltak: følg opp"},
		{"mapping after the year", func(f *AnnualFigures) {
			f.Violence[0].State, f.ViolenceNote = DutyMissing, "Kartleggingen er datert 13.08.2026, etter 2025"
		}, ModuleVold, SummaryMissing, "etter 2025"},
		{"no 10-FAKTOR round", func(f *AnnualFigures) { f.Survey = nil }, ModuleTiFaktor, SummaryNoData, "Ingen 10-FAKTOR-runde"},
		{"no focus chosen", func(f *AnnualFigures) { f.Survey.Focus = nil }, ModuleTiFaktor, SummaryAttend, "Ingen fokusområder"},
		{"innsatsområde without measure", func(f *AnnualFigures) {
			f.SurveyFocusWithoutMeasure = []TenFactor{TenFactorRoleClarity}
		}, ModuleTiFaktor, SummaryAttend, "Rolleklarhet har ingen tiltak"},
		{"10-FAKTOR measure overdue", func(f *AnnualFigures) { f.SurveyMeasuresOverdue = 2 }, ModuleTiFaktor, SummaryAttend, "2 tiltak over fristen"},
		{"no safety round", func(f *AnnualFigures) { f.SafetyRoundsHeld = 0 }, ModuleVernerunder, SummaryMissing, "Ingen fullført vernerunde"},
		{"unfinished round", func(f *AnnualFigures) { f.SafetyRoundsUnfinished = 1 }, ModuleVernerunder, SummaryAttend, "1 vernerunde ikke fullført"},
		{"three meetings", func(f *AnnualFigures) { f.MeetingsHeld = MinMeetingsPerYear - 1 }, ModuleMoter, SummaryAttend, "Færre enn"},
		{"four meetings", func(f *AnnualFigures) { f.MeetingsHeld = MinMeetingsPerYear }, ModuleMoter, SummaryOK, ""},
		// The year the unit started: meetings and a round only for the whole
		// quarters after the start.
		{"started in December, no meeting", func(f *AnnualFigures) {
			f.Started, f.MeetingsHeld = ymd(int(f.Year), 12, 4), 0
		}, ModuleMoter, SummaryOK, ""},
		{"started in December, no round", func(f *AnnualFigures) {
			f.Started, f.SafetyRoundsHeld = ymd(int(f.Year), 12, 4), 0
		}, ModuleVernerunder, SummaryOK, ""},
		{"started in September, no meeting", func(f *AnnualFigures) {
			f.Started, f.MeetingsHeld = ymd(int(f.Year), 9, 15), 0
		}, ModuleMoter, SummaryAttend, "Færre enn 1 møte"},
		{"started in April, two meetings", func(f *AnnualFigures) {
			f.Started, f.MeetingsHeld = ymd(int(f.Year), 4, 1), 2
		}, ModuleMoter, SummaryAttend, "Færre enn 3 møter"},
		{"decision overdue", func(f *AnnualFigures) { f.Plan.OverdueBySource[SourceMeetingDecision] = 1 }, ModuleMoter, SummaryAttend, "1 tiltak over fristen"},
		{"module not in use", func(f *AnnualFigures) { f.Modules[5].InUse = false }, ModuleAvvik, SummaryNoData, "ikke tatt i bruk"},
	}
	for _, c := range cases {
		f := summaryBase()
		c.change(&f)
		line := summaryLineOf(f, c.module)
		if line.Status != c.want || !strings.Contains(line.Comment(), c.reason) {
			t.Errorf("%s: %s %q, want %s with %q", c.name, line.Status, line.Comment(), c.want, c.reason)
		}
	}
}

// TestAnnualSummaryAllOK: the base year is in order everywhere, so each
// case above changes exactly one thing.
func TestAnnualSummaryAllOK(t *testing.T) {
	for _, l := range AnnualSummary(summaryBase()) {
		if l.Status != SummaryOK {
			t.Errorf("%s: %s %v", l.Module, l.Status, l.Reasons)
		}
	}
}

// The summary names the focus factors by kind, with both names where a
// factor has two (the corrections table: one name, the other in brackets).
func TestFocusByKind(t *testing.T) {
	keep := func(f TenFactor) SurveyFocusArea { return SurveyFocusArea{Factor: f, Kind: SurveyFocusKeep} }
	improve := func(f TenFactor) SurveyFocusArea { return SurveyFocusArea{Factor: f, Kind: SurveyFocusImprove} }
	tests := []struct {
		name  string
		focus []SurveyFocusArea
		want  string
	}{
		{"none", nil, ""},
		{"one kept", []SurveyFocusArea{keep(TenFactorFlexibility)}, "Bevaringsområde: Fleksibilitetsvilje"},
		{"two improved, both names", []SurveyFocusArea{improve(TenFactorRoleClarity), improve(TenFactorProsocialMotivation)},
			"Innsatsområder: Rolleklarhet, Nytteorientert motivasjon (nyttemotivasjon)"},
		{"both kinds, kept first", []SurveyFocusArea{improve(TenFactorRoleClarity), keep(TenFactorTaskMotivation)},
			"Bevaringsområde: Indre motivasjon (oppgavemotivasjon). Innsatsområde: Rolleklarhet"},
	}
	for _, tt := range tests {
		if got := focusByKind(tt.focus); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestAnnualSummaryFiguresAddUp: the summary's figures say the hazards not
// assessed, so the levels add up to the hazards, and say the open
// deviations in words that agree with the numbers.
func TestAnnualSummaryFiguresAddUp(t *testing.T) {
	cases := []struct {
		name   string
		change func(f *AnnualFigures)
		module string
		want   string
		not    string
	}{
		{"one hazard not assessed after measures", func(*AnnualFigures) {}, ModuleRisiko, "Før tiltak: høy 1, middels 0, lav 0. Etter tiltak: høy 0, middels 0, lav 1, ikke vurdert 1", ""},
		{"one hazard not assessed at all", func(f *AnnualFigures) { f.Risk.NotAssessed = 1 }, ModuleRisiko, "Før tiltak: høy 1, middels 0, lav 0, ikke vurdert 1. Etter tiltak: høy 0, middels 0, lav 1, ikke vurdert 1", ""},
		{"every hazard scored", func(f *AnnualFigures) {
			f.Risk.Before[RiskLow], f.Risk.After[RiskMedium] = 1, 1
		}, ModuleRisiko, "Før tiltak: høy 1, middels 0, lav 1. Etter tiltak: høy 0, middels 1, lav 1", "ikke vurdert"},
		{"one open, not serious", func(*AnnualFigures) {}, ModuleAvvik, "4 avvik, 1 åpent, ikke alvorlig", "0 av dem"},
		{"none open", func(f *AnnualFigures) { f.Deviations.Open = 0 }, ModuleAvvik, "4 avvik, ingen åpne", "0 åpne"},
		{"one open, serious", func(f *AnnualFigures) { f.OpenSeriousDeviations = 1 }, ModuleAvvik, "1 åpent, alvorlig", ""},
		{"three open, one serious", func(f *AnnualFigures) { f.Deviations.Open, f.OpenSeriousDeviations = 3, 1 }, ModuleAvvik, "3 åpne (1 av dem alvorlig)", ""},
		{"three open, two serious", func(f *AnnualFigures) { f.Deviations.Open, f.OpenSeriousDeviations = 3, 2 }, ModuleAvvik, "3 åpne (2 av dem alvorlige)", ""},
		{"two open, none serious", func(f *AnnualFigures) { f.Deviations.Open = 2 }, ModuleAvvik, "2 åpne, ingen av dem alvorlige", ""},
		{"two open, both serious", func(f *AnnualFigures) { f.Deviations.Open, f.OpenSeriousDeviations = 2, 2 }, ModuleAvvik, "2 åpne, begge alvorlige", ""},
		{"four open, all serious", func(f *AnnualFigures) { f.Deviations.Open, f.OpenSeriousDeviations = 4, 4 }, ModuleAvvik, "4 åpne, alle alvorlige", ""},
		{"violence training and drills", func(f *AnnualFigures) { f.ViolenceTrainings = 2 }, ModuleVold, "Opplæring og øvelser i året: 2", "Opplæringer"},
	}
	for _, c := range cases {
		f := summaryBase()
		c.change(&f)
		line := summaryLineOf(f, c.module)
		if !strings.Contains(line.Figures, c.want) || (c.not != "" && strings.Contains(line.Figures, c.not)) {
			t.Errorf("%s: %q, want %q without %q", c.name, line.Figures, c.want, c.not)
		}
	}
}

// summaryLineOf is the summary line of module in AnnualSummary(f), or
// the zero line.
func summaryLineOf(f AnnualFigures, module string) SummaryLine {
	var line SummaryLine
	for _, l := range AnnualSummary(f) {
		if l.Module == module {
			line = l
		}
	}
	return line
}
