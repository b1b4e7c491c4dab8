package model

import (
	"fmt"
	"strings"
)

// The annual report's summary: one line per module with its key figures
// and a status. The status rules are here, once; the report's summary
// page, the submission file and the screens read them from AnnualSummary.
// They are written down in docs/arsrapport.md. The rules are strict:
// nothing that needs follow-up (an open serious deviation, an overdue
// measure from the module, a sick-leave rule met, a missing or outdated
// risk assessment or mapping, an innsatsområde without a measure) may
// sit under «I orden».

// SummaryStatus is a summary line's verdict.
type SummaryStatus string

// Summary statuses, best first.
const (
	SummaryOK      SummaryStatus = "i_orden"
	SummaryAttend  SummaryStatus = "folg_opp"
	SummaryMissing SummaryStatus = "mangler"
	SummaryNoData  SummaryStatus = "ingen_data"
)

var summaryStatusLabels = map[SummaryStatus]string{
	SummaryOK:      "I orden",
	SummaryAttend:  "Følg opp",
	SummaryMissing: "Mangler",
	SummaryNoData:  "Ingen data",
}

// SummaryStatuses returns the statuses, best first.
func SummaryStatuses() []SummaryStatus {
	return []SummaryStatus{SummaryOK, SummaryAttend, SummaryMissing, SummaryNoData}
}

// Label returns the word the report prints, e.g. "Følg opp".
func (s SummaryStatus) Label() string { return summaryStatusLabels[s] }

// Valid reports whether s is one of the statuses.
func (s SummaryStatus) Valid() bool { _, ok := summaryStatusLabels[s]; return ok }

// SummaryLine is one module's line in the summary.
type SummaryLine struct {
	Module  string // module ID (AnnualModules)
	Area    string // the module's title
	Figures string
	Status  SummaryStatus
	// Reasons says why the status is not «I orden», one item each.
	Reasons []string
}

// Comment joins the reasons for printing, as sentences.
func (l SummaryLine) Comment() string {
	var out []string
	for _, r := range l.Reasons {
		if r = strings.TrimSuffix(strings.TrimSpace(r), "."); r != "" {
			out = append(out, upperFirst(r)+".")
		}
	}
	return strings.Join(out, " ")
}

func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

// attend adds a reason for «Følg opp» (a «Mangler» stays).
func (l *SummaryLine) attend(reason string) {
	l.Reasons = append(l.Reasons, reason)
	if l.Status == SummaryOK {
		l.Status = SummaryAttend
	}
}

// missing adds a reason for «Mangler».
func (l *SummaryLine) missing(reason string) {
	l.Reasons = append(l.Reasons, reason)
	l.Status = SummaryMissing
}

// overdue adds «n tiltak over fristen» when n > 0.
func (l *SummaryLine) overdue(n int) {
	if n > 0 {
		l.attend(fmt.Sprintf("%d %s over fristen", n, pluralWord(n, "tiltak", "tiltak")))
	}
}

// summaryRules gives each module's line; a module without a rule (or not
// in use) gets the «Ingen data» line.
var summaryRules = map[string]func(f *AnnualFigures, st ModuleStatus, l *SummaryLine){
	ModuleUtvalg:        committeeSummary,
	ModuleHandlingsplan: planSummary,
	ModuleRisiko:        riskSummary,
	ModuleAvvik:         deviationSummary,
	ModuleSykefravar:    sickLeaveSummary,
	ModuleVold:          violenceSummary,
	ModuleTiFaktor:      surveySummary,
	ModuleVernerunder:   safetyRoundSummary,
	ModuleMoter:         meetingSummary,
}

// AnnualSummary returns the summary's lines, one per module of
// AnnualModules, in report order.
func AnnualSummary(f AnnualFigures) []SummaryLine {
	var out []SummaryLine
	for _, st := range f.Modules {
		l := SummaryLine{Module: st.ID, Area: st.Title, Status: SummaryOK}
		rule, ok := summaryRules[st.ID]
		if !ok || !st.InUse {
			l.Figures, l.Status, l.Reasons = "–", SummaryNoData, []string{"Modulen er ikke tatt i bruk"}
		} else {
			rule(&f, st, &l)
		}
		out = append(out, l)
	}
	return out
}

// SummaryStatusOf returns module id's status, and false for no such line.
func SummaryStatusOf(lines []SummaryLine, id string) (SummaryStatus, bool) {
	for _, l := range lines {
		if l.Module == id {
			return l.Status, true
		}
	}
	return "", false
}

func committeeSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	var roles, miss []string
	for _, r := range f.Committee.Roles {
		roles = append(roles, r.Short())
	}
	l.Figures = "Roller: " + orDashText(strings.Join(roles, ", "))
	for _, r := range RequiredRoles() {
		if !f.Committee.Has(r) {
			miss = append(miss, strings.ToLower(r.Short()))
		}
	}
	if len(miss) > 0 {
		l.missing("Mangler " + strings.Join(miss, " og "))
	}
}

func planSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	s := f.Plan.Summary
	l.Figures = planFiguresText(f.Plan)
	if s.Total == 0 {
		l.Status, l.Reasons = SummaryNoData, []string{"Ingen tiltak i året"}
		return
	}
	l.overdue(s.Overdue)
}

// planFiguresText names the year's measures in parts that add up to the
// total: closed in the year (of them evaluated), closed after it, and
// open now (of them overdue).
func planFiguresText(p PlanFigures) string {
	s := p.Summary
	closed := fmt.Sprintf("%d lukket i året", p.Closed)
	if p.Closed > 0 {
		closed += fmt.Sprintf(" (%d evaluert)", p.Evaluated)
	}
	parts := []string{closed}
	if p.ClosedLater > 0 {
		parts = append(parts, fmt.Sprintf("%d lukket etter årets slutt", p.ClosedLater))
	}
	open := fmt.Sprintf("%d %s", s.Open, pluralWord(s.Open, "åpent", "åpne"))
	if s.Overdue > 0 {
		open += fmt.Sprintf(" (%d forfalt)", s.Overdue)
	}
	return fmt.Sprintf("%d tiltak: %s", s.Total, strings.Join(append(parts, open), ", "))
}

func riskSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	rk := f.Risk
	l.Figures = fmt.Sprintf("%d %s, %d %s. Før tiltak: %s. Etter tiltak: %s",
		rk.Assessments, pluralWord(rk.Assessments, "vurdering", "vurderinger"), rk.Items, pluralWord(rk.Items, "fare", "farer"),
		levelCountsText(rk.Before, rk.NotAssessed), levelCountsText(rk.After, rk.NotAssessedAfter()))
	if rk.Assessments == 0 {
		l.missing("Ingen ferdig risikovurdering for året")
		return
	}
	if rk.ReviewOverdue > 0 {
		l.attend(fmt.Sprintf("Revisjon forfalt for %d %s", rk.ReviewOverdue, pluralWord(rk.ReviewOverdue, "risikovurdering", "risikovurderinger")))
	}
	if n := rk.After[RiskHigh]; n > 0 {
		l.attend(fmt.Sprintf("%d %s høy risiko etter tiltak", n, pluralWord(n, "fare har", "farer har")))
	}
	l.overdue(f.Plan.OverdueBySource[SourceRiskAssessment])
}

func deviationSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	dv := f.Deviations
	l.Figures = fmt.Sprintf("%d avvik, %s", dv.Total, OpenDeviationsText(dv.Open, f.OpenSeriousDeviations))
	var cats []string
	for _, c := range DeviationCategories() {
		if n := dv.ByCategory[c]; n > 0 {
			cats = append(cats, fmt.Sprintf("%s %d", c.Label(), n))
		}
	}
	if len(cats) > 0 {
		l.Figures += ". " + strings.Join(cats, ", ")
	}
	if dv.NoticeOutstanding > 0 {
		l.attend(fmt.Sprintf("Varsel til Arbeidstilsynet og politiet (aml. § 5-2) ikke registrert for %d avvik", dv.NoticeOutstanding))
	}
	if n := f.OpenSeriousDeviations; n > 0 {
		l.attend(fmt.Sprintf("%d %s", n, pluralWord(n, "alvorlig avvik er åpent", "alvorlige avvik er åpne")))
	}
	l.overdue(f.Plan.OverdueBySource[SourceDeviation])
}

func sickLeaveSummary(f *AnnualFigures, st ModuleStatus, l *SummaryLine) {
	sl := f.SickLeave
	if !st.HasData {
		l.Figures, l.Status, l.Reasons = "–", SummaryNoData, []string{"Ingen tall registrert for året"}
		return
	}
	l.Figures = "Snitt " + sl.Average.Exact()
	switch {
	case sl.Settings.TargetIsSet():
		l.Figures += ", " + sl.Settings.TargetName() + " " + sl.Settings.Target.Exact()
	case sl.Settings.Target != 0:
		l.Figures += ", ingen mål satt (" + sl.Settings.TargetName() + " " + sl.Settings.Target.Exact() + ")"
	}
	l.Figures += fmt.Sprintf(". %d %s for sykefravær og nærvær", sl.Measures, pluralWord(sl.Measures, "tiltak", "tiltak"))
	if n := SickLeaveQuartersMissing(sl.Quarters, f.Year, f.Started); n > 0 && f.Year.Over(f.Today) {
		l.attend(fmt.Sprintf("Tall mangler for %d %s", n, pluralWord(n, "kvartal", "kvartaler")))
	}
	if !sl.Settings.TargetIsSet() {
		l.attend("Enheten har ikke satt mål for sykefravær")
	}
	for _, a := range sl.Alerts {
		l.attend(a.Rule.Label())
	}
	if sl.HasAverage && sl.Settings.AverageAboveTarget(sl.Average) {
		if f.Year.Over(f.Today) {
			l.attend("Over målet")
		} else {
			// The goal is judged on the whole year (SickLeaveGoalResult):
			// while it runs, the average is so far.
			l.attend("Over målet så langt i året")
		}
	}
	// These measures are chosen by area as well as by source, so many of
	// them are other lines' too: name them as a part of this line's
	// measures, not as a figure of their own to add to the others.
	if n := sl.MeasuresOverdue; n > 0 {
		l.attend(fmt.Sprintf("%d av de %d sykefraværstiltakene over fristen", n, sl.Measures))
	}
}

func violenceSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	l.Figures = fmt.Sprintf("Opplæring og øvelser i året: %d", f.ViolenceTrainings)
	if !f.ViolenceMappingDate.IsZero() {
		l.Figures += ". Kartlagt " + f.ViolenceMappingDate.String()
	}
	for _, ds := range f.Violence {
		if ds.State == DutyOK {
			continue
		}
		reason := strings.ToLower(ds.Duty.Label()) + ": " + strings.ToLower(ds.StateLabel()) // as the section prints it
		if ds.Duty == DutyMapping {
			l.missing(reason)
		} else {
			l.attend(reason)
		}
	}
	if f.ViolenceNote != "" {
		l.Reasons = append(l.Reasons, f.ViolenceNote)
	}
}

func surveySummary(f *AnnualFigures, st ModuleStatus, l *SummaryLine) {
	r := f.Survey
	if r == nil {
		l.Figures, l.Status, l.Reasons = "–", SummaryNoData, []string{"Ingen 10-FAKTOR-runde til og med " + f.Year.String()}
		return
	}
	l.Figures = fmt.Sprintf("%s: %d svar", r.Label(), r.Respondents)
	if focus := focusByKind(r.Focus); focus == "" {
		l.attend("Ingen fokusområder valgt")
	} else {
		l.Figures += ". " + focus
	}
	for _, fa := range f.SurveyFocusWithoutMeasure {
		l.attend("Innsatsområdet " + fa.Label() + " har ingen tiltak")
	}
	l.overdue(f.SurveyMeasuresOverdue)
}

func safetyRoundSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	l.Figures = fmt.Sprintf("%d %s holdt i året", f.SafetyRoundsHeld, pluralWord(f.SafetyRoundsHeld, "vernerunde", "vernerunder"))
	if f.SafetyRoundsHeld == 0 && QuartersFrom(f.Year, f.Started) > 0 {
		l.missing("Ingen fullført vernerunde i året")
	}
	if n := f.SafetyRoundsUnfinished; n > 0 {
		l.attend(fmt.Sprintf("%d %s ikke fullført", n, pluralWord(n, "vernerunde", "vernerunder")))
	}
	l.overdue(f.Plan.OverdueBySource[SourceSafetyRound])
}

// focusByKind lists the focus factors grouped by kind, with both names
// of a factor that has two: «Bevaringsområde: Fleksibilitetsvilje.
// Innsatsområder: Rolleklarhet, Mestringsorientert ledelse».
func focusByKind(focus []SurveyFocusArea) string {
	var parts []string
	for _, k := range SurveyFocusKinds() {
		var names []string
		for _, fa := range focus {
			if fa.Kind == k {
				names = append(names, fa.Factor.FullLabel())
			}
		}
		if len(names) > 0 {
			parts = append(parts, pluralWord(len(names), k.Label(), k.Label()+"r")+": "+strings.Join(names, ", "))
		}
	}
	return strings.Join(parts, ". ")
}

func meetingSummary(f *AnnualFigures, _ ModuleStatus, l *SummaryLine) {
	l.Figures = fmt.Sprintf("%d %s holdt i året", f.MeetingsHeld, pluralWord(f.MeetingsHeld, "møte", "møter"))
	if minimum := MinMeetingsIn(f.Year, f.Started); TooFewMeetings(f.MeetingsHeld, minimum) {
		l.attend(fmt.Sprintf("Færre enn %d %s", minimum, pluralWord(minimum, "møte", "møter")))
	}
	l.overdue(f.Plan.OverdueBySource[SourceMeetingDecision])
}

// levelCountsText is a risk picture's counts per level, high first, with
// the hazards not assessed when there are any, so the parts add up to the
// hazards: «høy 0, middels 4, lav 4, ikke vurdert 1».
func levelCountsText(counts map[RiskLevel]int, notAssessed int) string {
	s := fmt.Sprintf("høy %d, middels %d, lav %d", counts[RiskHigh], counts[RiskMedium], counts[RiskLow])
	if notAssessed > 0 {
		s += fmt.Sprintf(", ikke vurdert %d", notAssessed)
	}
	return s
}

// OpenDeviationsText says how many of the year's deviations are open and
// how many of those are serious, in words that agree with the numbers:
// «ingen åpne», «1 åpent, ikke alvorlig», «2 åpne, ingen av dem
// alvorlige», «3 åpne (1 av dem alvorlig)», «2 åpne, begge alvorlige».
func OpenDeviationsText(open, serious int) string {
	switch {
	case open == 0:
		return "ingen åpne"
	case open == 1 && serious == 0:
		return "1 åpent, ikke alvorlig"
	case open == 1:
		return "1 åpent, alvorlig"
	case serious == 0:
		return fmt.Sprintf("%d åpne, ingen av dem alvorlige", open)
	case serious == open && open == 2:
		return "2 åpne, begge alvorlige"
	case serious == open:
		return fmt.Sprintf("%d åpne, alle alvorlige", open)
	}
	return fmt.Sprintf("%d åpne (%d av dem %s)", open, serious, pluralWord(serious, "alvorlig", "alvorlige"))
}

func orDashText(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}
