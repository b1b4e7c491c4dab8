package model

// The committee's own record of one HMS year (årlig gjennomgang): what the
// modules cannot tell. It documents internkontrollforskriften § 5 point 1
// (the HMS laws and regulations that apply, where staff find them,
// confirmed for the year), point 4 (the year's HMS goals and whether they
// were reached) and point 2 (HMS training held), and carries the
// committee's written evaluation of the year, when it treated the report
// (meeting date and case number, printed on the cover), and the year's
// counts of occupational injuries reported and whistle-blowing cases.
// Counts and groups only: no names, no health data.

import (
	"fmt"
	"strings"
	"unicode"
)

// AnnualReview is the committee's record of one HMS year. There is at
// most one per year.
type AnnualReview struct {
	ID   uint64  `json:"id"`
	Year HMSYear `json:"year"`

	// Regulations are the HMS laws and regulations that apply to the unit,
	// with where staff find them (point 1).
	Regulations []Regulation `json:"regulations,omitempty"`
	// RegulationsConfirmed is the day the committee confirmed the list for
	// the year; zero when not confirmed.
	RegulationsConfirmed Date `json:"regulations_confirmed"`

	// Goals are the year's HMS goals (point 4, arbeidsmiljøloven § 3-1 (2) a).
	Goals []HMSGoal `json:"goals,omitempty"`

	// Evaluation is the committee's written evaluation of the year; the
	// leader and the verneombud may each add a comment.
	Evaluation       string `json:"evaluation,omitempty"`
	LeaderComment    string `json:"leader_comment,omitempty"`
	SafetyRepComment string `json:"safety_rep_comment,omitempty"`

	// TreatedOn and CaseNumber: the meeting where the committee treated
	// the annual report, and the case's number (saksnummer). Both or none.
	TreatedOn  Date   `json:"treated_on"`
	CaseNumber string `json:"case_number,omitempty"`

	// Trainings are the HMS courses held in the year, with counts of
	// participants (no names).
	Trainings []HMSCourse `json:"trainings,omitempty"`
	// OccupationalInjuries (yrkesskader reported) and Whistleblowing
	// (varslingssaker) are counts for the year; nil when not recorded.
	OccupationalInjuries *int `json:"occupational_injuries,omitempty"`
	Whistleblowing       *int `json:"whistleblowing,omitempty"`
}

// Regulation is one law or regulation that applies to the unit.
type Regulation struct {
	Name  string `json:"name"`  // e.g. "Arbeidsmiljøloven"
	Where string `json:"where"` // where staff find it, e.g. "Lovdata (lovdata.no)"
}

// GoalKind says whether a goal is the sick-leave target or a free goal.
type GoalKind string

// Goal kinds.
const (
	GoalFree      GoalKind = ""           // a goal the committee words itself
	GoalSickLeave GoalKind = "sykefravar" // the unit's sick-leave target, from the sick-leave settings
)

// GoalResult is whether a goal was reached.
type GoalResult string

// Goal results; the zero value is "not assessed".
const (
	GoalNotAssessed GoalResult = ""
	GoalReached     GoalResult = "naadd"
	GoalPartly      GoalResult = "delvis"
	GoalNotReached  GoalResult = "ikke_naadd"
)

var goalResultLabels = map[GoalResult]string{
	GoalNotAssessed: "Ikke vurdert",
	GoalReached:     "Nådd",
	GoalPartly:      "Delvis nådd",
	GoalNotReached:  "Ikke nådd",
}

// GoalResults returns the results in display order.
func GoalResults() []GoalResult {
	return []GoalResult{GoalNotAssessed, GoalReached, GoalPartly, GoalNotReached}
}

// Label returns the display text, or "" for an unknown result.
func (r GoalResult) Label() string { return goalResultLabels[r] }

// Valid reports whether r is one of the results.
func (r GoalResult) Valid() bool { _, ok := goalResultLabels[r]; return ok }

// GoalResultLabels returns the labels of GoalResults().
func GoalResultLabels() []string { return enumLabels(GoalResults(), GoalResult.Label) }

// GoalResultFromLabel maps a label or code back to a result.
func GoalResultFromLabel(s string) (GoalResult, bool) {
	return enumFromLabel(s, GoalResults(), GoalResult.Label)
}

// HMSGoal is one HMS goal for the year. A free goal has its own wording
// and says how reaching it is measured, and the committee assesses the
// result. The sick-leave goal is the unit's target from the sick-leave
// settings; its text and result follow from the target and the year's
// quarters (SickLeaveGoalResult).
type HMSGoal struct {
	Kind    GoalKind `json:"kind,omitempty"`
	Goal    string   `json:"goal,omitempty"`
	Measure string   `json:"measure,omitempty"` // how reaching it is measured
	Target  Percent  `json:"target,omitempty"`  // sick-leave goal only
	// TargetSetBy says whose target it is (sick-leave goal only); ""
	// (goals saved before the field existed) is resolved by WithOwnerFrom.
	TargetSetBy TargetOwner `json:"target_set_by,omitempty"`
	Result      GoalResult  `json:"result,omitempty"` // free goals; ignored for the sick-leave goal
	Comment     string      `json:"comment,omitempty"`
}

// Text is the goal as printed.
func (g HMSGoal) Text() string {
	if g.Kind == GoalSickLeave {
		return "Sykefraværet er høyst " + pctShort(g.Target) + " (" + SickLeaveSettings{TargetSetBy: g.TargetSetBy}.TargetName() + ")"
	}
	return g.Goal
}

// MeasuredBy says how reaching the goal is measured.
func (g HMSGoal) MeasuredBy() string {
	if g.Kind == GoalSickLeave {
		return "Gjennomsnittet av årets kvartalstall for sykefravær"
	}
	return g.Measure
}

// HMSCourse is one HMS course or training held in the year.
type HMSCourse struct {
	Course       string `json:"course"`       // e.g. "Grunnkurs i HMS for verneombud"
	Date         Date   `json:"date"`         // when it was held (the last day)
	Participants int    `json:"participants"` // a number, never names
}

// AboutViolence reports whether the course is about violence and threats,
// by its name: a word beginning with «vold» or «trus», or the word
// «truende» (vold, voldsrisiko, trusler, trussel, truende situasjoner). Such a course is training under
// forskrift om utførelse av arbeid § 3A-5 (tidligere § 23A-2), and the
// annual report counts it there too (AnnualData.ViolenceInput), so the
// course list and the violence section agree.
func (c HMSCourse) AboutViolence() bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(c.Course), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if strings.HasPrefix(w, "vold") || strings.HasPrefix(w, "trus") || w == "truende" {
			return true
		}
	}
	return false
}

// Field names of the annual review, as in the form; messages name them.
const (
	FieldReviewYear         = "HMS-år"
	FieldRegulations        = "Lover og forskrifter"
	FieldRegulationName     = "Lov eller forskrift"
	FieldRegulationWhere    = "Hvor de ansatte finner den"
	FieldRegulationsConfirm = "Bekreftet av utvalget"
	FieldGoals              = "Mål for HMS-arbeidet"
	FieldGoal               = "Mål"
	FieldGoalMeasure        = "Hvordan måles det"
	FieldGoalResult         = "Resultat"
	FieldGoalComment        = "Kommentar til målet"
	FieldSickLeaveGoal      = "Sykefraværsmål"
	FieldEvaluation         = "Utvalgets evaluering av året"
	FieldLeaderComment      = "Kommentar fra leder"
	FieldSafetyRepComment   = "Kommentar fra verneombud"
	FieldTreatedOn          = "Behandlet i HMS-utvalget (dato)"
	FieldCaseNumber         = "Saksnummer"
	FieldTrainings          = "Opplæring i HMS"
	FieldCourse             = "Kurs"
	FieldCourseDate         = "Dato for kurset"
	FieldCourseCount        = "Antall deltakere"
	FieldInjuries           = "Yrkesskader meldt"
	FieldWhistleblowing     = "Varslingssaker"
)

// Limits of the annual review.
const (
	MaxEvaluationLen  = 6000
	MaxCaseNumberLen  = 30
	MaxReviewListLen  = 50 // regulations, goals, courses each
	MaxAnnualCount    = 10000
	maxRegulationName = MaxTitleLen
)

// Normalized trims text, drops empty rows of the lists and gives the
// sick-leave goal its canonical form; storage saves this form.
func (r AnnualReview) Normalized() AnnualReview {
	r.Regulations = normRegulations(r.Regulations)
	r.Goals = normGoals(r.Goals)
	r.Trainings = normCourses(r.Trainings)
	r.Evaluation = strings.TrimSpace(r.Evaluation)
	r.LeaderComment = strings.TrimSpace(r.LeaderComment)
	r.SafetyRepComment = strings.TrimSpace(r.SafetyRepComment)
	r.CaseNumber = normalizeName(r.CaseNumber)
	return r
}

func normRegulations(in []Regulation) []Regulation {
	var out []Regulation
	for _, g := range in {
		g.Name, g.Where = normalizeName(g.Name), normalizeName(g.Where)
		if g.Name != "" || g.Where != "" {
			out = append(out, g)
		}
	}
	return out
}

func normGoals(in []HMSGoal) []HMSGoal {
	var out []HMSGoal
	for _, g := range in {
		g.Goal, g.Measure, g.Comment = normalizeName(g.Goal), normalizeName(g.Measure), strings.TrimSpace(g.Comment)
		if g.Kind == GoalSickLeave {
			g.Goal, g.Measure, g.Result = "", "", GoalNotAssessed
		} else if g == (HMSGoal{}) {
			continue
		}
		out = append(out, g)
	}
	return out
}

func normCourses(in []HMSCourse) []HMSCourse {
	var out []HMSCourse
	for _, c := range in {
		c.Course = normalizeName(c.Course)
		if c != (HMSCourse{}) {
			out = append(out, c)
		}
	}
	return out
}

// Validate checks the review as of today. Messages name the field and,
// in the lists, the row.
func (r AnnualReview) Validate(today Date) error {
	var v ValidationError
	if r.Year < MinHMSYear || r.Year > MaxHMSYear {
		v.Add(FieldReviewYear, "HMS-år må være et årstall fra 2000 til 2100")
	}
	r.validateRegulations(&v, today)
	r.validateGoals(&v)
	checkText(&v, FieldEvaluation, r.Evaluation, false, MaxEvaluationLen)
	checkText(&v, FieldLeaderComment, r.LeaderComment, false, MaxNoteLen)
	checkText(&v, FieldSafetyRepComment, r.SafetyRepComment, false, MaxNoteLen)
	r.validateTreated(&v, today)
	r.validateCourses(&v, today)
	checkCount(&v, FieldInjuries, r.OccupationalInjuries)
	checkCount(&v, FieldWhistleblowing, r.Whistleblowing)
	return v.Err()
}

// checkCount accepts nil (not recorded) or 0 to MaxAnnualCount.
func checkCount(v *ValidationError, field string, n *int) {
	if n != nil && (*n < 0 || *n > MaxAnnualCount) {
		v.Add(field, fmt.Sprintf("%s må være et helt tall fra 0 til %s", field, FormatInt(MaxAnnualCount)))
	}
}

// checkDateInYear checks a date that must lie in the year and not after
// today; what says what the date is, for the message.
func (r AnnualReview) checkDateInYear(v *ValidationError, field string, d, today Date) {
	switch {
	case !r.Year.Contains(d):
		v.Add(field, fmt.Sprintf("%s må være i %s", field, r.Year))
	case d.After(today):
		v.Add(field, field+" kan ikke være frem i tid")
	}
}

func (r AnnualReview) validateRegulations(v *ValidationError, today Date) {
	if len(r.Regulations) > MaxReviewListLen {
		v.Add(FieldRegulations, fmt.Sprintf("%s kan ha høyst %d rader", FieldRegulations, MaxReviewListLen))
	}
	seen := map[string]int{}
	for i, g := range r.Regulations {
		row := fmt.Sprintf("%s, rad %d: ", FieldRegulations, i+1)
		checkText(v, row+FieldRegulationName, g.Name, true, maxRegulationName)
		checkText(v, row+FieldRegulationWhere, g.Where, true, MaxTitleLen)
		key := strings.ToLower(normalizeName(g.Name))
		if j, dup := seen[key]; dup && key != "" {
			v.Add(FieldRegulations, fmt.Sprintf("%s: «%s» står både i rad %d og %d", FieldRegulations, g.Name, j+1, i+1))
		}
		seen[key] = i
	}
	if r.RegulationsConfirmed.IsZero() {
		return
	}
	if len(r.Regulations) == 0 {
		v.Add(FieldRegulationsConfirm, "Listen over lover og forskrifter er tom – legg dem inn før utvalget bekrefter den")
	}
	r.checkDateInYear(v, FieldRegulationsConfirm, r.RegulationsConfirmed, today)
}

func (r AnnualReview) validateGoals(v *ValidationError) {
	if len(r.Goals) > MaxReviewListLen {
		v.Add(FieldGoals, fmt.Sprintf("%s kan ha høyst %d mål", FieldGoals, MaxReviewListLen))
	}
	sick := 0
	for i, g := range r.Goals {
		row := fmt.Sprintf("%s, mål %d: ", FieldGoals, i+1)
		checkText(v, row+FieldGoalComment, g.Comment, false, MaxNoteLen)
		switch g.Kind {
		case GoalSickLeave:
			if sick++; sick > 1 {
				v.Add(FieldSickLeaveGoal, "Sykefraværsmålet kan bare stå én gang")
			}
			if g.Target <= 0 || g.Target > 100*100 {
				v.Add(FieldSickLeaveGoal, FieldSickLeaveGoal+" må være over 0 og høyst 100 %")
			}
		case GoalFree:
			checkText(v, row+FieldGoal, g.Goal, true, MaxTitleLen)
			checkText(v, row+FieldGoalMeasure, g.Measure, true, MaxTitleLen)
			if !g.Result.Valid() {
				v.Add(row+FieldGoalResult, row+"velg resultat: nådd, delvis nådd, ikke nådd eller ikke vurdert")
			}
		default:
			v.Add(FieldGoals, fmt.Sprintf("%sukjent type mål %q", row, string(g.Kind)))
		}
	}
}

func (r AnnualReview) validateTreated(v *ValidationError, today Date) {
	checkText(v, FieldCaseNumber, r.CaseNumber, false, MaxCaseNumberLen)
	hasCase := strings.TrimSpace(r.CaseNumber) != ""
	switch {
	case r.TreatedOn.IsZero() && hasCase:
		v.Add(FieldTreatedOn, FieldTreatedOn+" må fylles ut når saksnummer er fylt ut")
	case r.TreatedOn.IsZero():
	case !hasCase:
		v.Add(FieldCaseNumber, FieldCaseNumber+" må fylles ut når rapporten er behandlet i HMS-utvalget")
		fallthrough
	default:
		if r.TreatedOn.Before(r.Year.Start()) {
			v.Add(FieldTreatedOn, fmt.Sprintf("%s kan ikke være før HMS-året %s begynte", FieldTreatedOn, r.Year))
		} else if r.TreatedOn.After(today) {
			v.Add(FieldTreatedOn, FieldTreatedOn+" kan ikke være frem i tid")
		}
	}
}

func (r AnnualReview) validateCourses(v *ValidationError, today Date) {
	if len(r.Trainings) > MaxReviewListLen {
		v.Add(FieldTrainings, fmt.Sprintf("%s kan ha høyst %d kurs", FieldTrainings, MaxReviewListLen))
	}
	for i, c := range r.Trainings {
		row := fmt.Sprintf("%s, rad %d: ", FieldTrainings, i+1)
		checkText(v, row+FieldCourse, c.Course, true, MaxTitleLen)
		if c.Date.IsZero() {
			v.Add(row+FieldCourseDate, row+FieldCourseDate+" må fylles ut")
		} else {
			r.checkDateInYear(v, row+FieldCourseDate, c.Date, today)
		}
		if c.Participants < 1 || c.Participants > MaxParticipantsCount {
			v.Add(row+FieldCourseCount, fmt.Sprintf("%s%s må være et helt tall fra 1 til %s", row, FieldCourseCount, FormatInt(MaxParticipantsCount)))
		}
	}
}

// SickLeaveGoal is the year's goal made from the sick-leave settings'
// target (the default target for zero settings).
func SickLeaveGoal(s SickLeaveSettings) HMSGoal {
	d := s.OrDefault()
	return HMSGoal{Kind: GoalSickLeave, Target: d.Target, TargetSetBy: d.TargetSetBy.orUnit()}
}

// WithOwnerFrom fills in whose target a sick-leave goal saved without
// one is: the settings' owner when the goal's target is the settings'
// target (the goal was made from them), else the unit's. Other goals are
// returned as they are.
func (g HMSGoal) WithOwnerFrom(s SickLeaveSettings) HMSGoal {
	if g.Kind != GoalSickLeave || g.TargetSetBy != "" {
		return g
	}
	if d := s.OrDefault(); g.Target == d.Target {
		g.TargetSetBy = d.TargetSetBy.orUnit()
	} else {
		g.TargetSetBy = TargetByUnit
	}
	return g
}

// SickLeaveTarget is the settings the year's sick leave is judged by: the
// unit's saved settings, or, for a unit that never saved them, the
// defaults with their example target (TargetByExample) — unless the
// committee's review of the year set a sick-leave goal, which is then the
// year's target and says whose it is. So the summary, the section, the
// goals and the submission never call the example the unit's target, and
// never say «no target» beside a goal the committee set.
func (d AnnualData) SickLeaveTarget() SickLeaveSettings {
	s := d.SickLeaveSettings.OrDefault()
	if s.TargetIsSet() {
		return s
	}
	if r := d.YearReview(); r != nil {
		if g, ok := r.SickLeaveGoal(); ok && g.Target != 0 {
			g = g.WithOwnerFrom(s)
			s.Target, s.TargetSetBy = g.Target, g.TargetSetBy.orUnit()
		}
	}
	return s
}

// SickLeaveGoal returns the review's sick-leave goal, and false if it has
// none.
func (r AnnualReview) SickLeaveGoal() (HMSGoal, bool) {
	for _, g := range r.Goals {
		if g.Kind == GoalSickLeave {
			return g, true
		}
	}
	return HMSGoal{}, false
}

// SickLeaveGoalResult is the rule for the sick-leave goal, a target for
// the year's average: reached when the average is at or below the
// target, not reached when above. It is judged only on the whole year:
// while the year is running (over is false), or while quarters the year
// asks for have no figures (missing, SickLeaveQuartersMissing), the
// result is «Ikke vurdert» and the basis gives the average so far, so a
// draft never says «Nådd» of a year that may still end above the target.
// The basis says what it rests on ("snitt 6,1 % av 4 kvartaler, mål
// 5,2 %").
func SickLeaveGoalResult(target Percent, quarters []SickLeaveQuarter, missing int, over bool) (GoalResult, string) {
	avg, _, ok := SickLeaveAverage(quarters)
	if !ok || len(quarters) == 0 {
		return GoalNotAssessed, "ingen kvartalstall for året"
	}
	basis := fmt.Sprintf("snitt %s av %d %s, mål %s", pctShort(avg), len(quarters), pluralWord(len(quarters), "kvartal", "kvartaler"), pctShort(target))
	switch {
	case !over:
		return GoalNotAssessed, "året er ikke over: foreløpig " + basis
	case missing > 0:
		return GoalNotAssessed, fmt.Sprintf("tall mangler for %d %s: %s", missing, pluralWord(missing, "kvartal", "kvartaler"), basis)
	case (SickLeaveSettings{Target: target}).AverageAboveTarget(avg):
		return GoalNotReached, basis
	}
	return GoalReached, basis
}

// DefaultRegulations returns the HMS laws and regulations that apply to
// every unit, and those the sector adds, each with where staff usually
// find it. The committee adjusts the list and confirms it for the year.
// Chapter 3A of forskrift om utførelse av arbeid is cited with its old
// number, as everywhere in the program.
func DefaultRegulations(s Sector) []Regulation {
	const lovdata = "Lovdata (lovdata.no)"
	out := []Regulation{
		{"Arbeidsmiljøloven", lovdata},
		{"Internkontrollforskriften", lovdata},
		{"Forskrift om utførelse av arbeid, med kap. 3A om vold og trusler (tidligere kap. 23A)", lovdata},
		{"Arbeidsplassforskriften", lovdata},
		{"Forskrift om organisering, ledelse og medvirkning", lovdata},
	}
	switch s {
	case SectorBarnehage:
		out = append(out, Regulation{"Barnehageloven", lovdata},
			Regulation{"Forskrift om miljørettet helsevern i barnehager og skoler", lovdata})
	case SectorSkole:
		out = append(out, Regulation{"Opplæringslova", lovdata},
			Regulation{"Forskrift om miljørettet helsevern i barnehager og skoler", lovdata})
	case SectorSykehjem, SectorHjemmetjeneste, SectorHelseOmsorgAnnet:
		out = append(out, Regulation{"Helse- og omsorgstjenesteloven", lovdata},
			Regulation{"Forskrift om kvalitet i pleie- og omsorgstjenestene (kvalitetsforskriften)", lovdata})
	case SectorTekniskDrift:
		out = append(out, Regulation{"Forskrift om sikkerhet ved arbeid i og drift av elektriske anlegg (FSE)", lovdata},
			Regulation{"Forskrift om brannforebygging", lovdata},
			Regulation{"Forskrift om tiltaks- og grenseverdier (kjemikalier)", lovdata})
	}
	return out
}

// ReviewFigures are the annual review's figures for a year: what the
// report, the internal-control checklist and the submission print.
type ReviewFigures struct {
	Recorded bool // a review is recorded for the year
	// Regulations is the number of laws and regulations listed;
	// RegulationsConfirmed the day the committee confirmed the list, zero
	// unless it lies in the year and not after Today.
	Regulations          int
	RegulationsConfirmed Date
	Goals                []GoalOutcome
	// Courses and Participants count the HMS courses held in the year
	// and their participants; ViolenceCourses those of the courses about
	// violence and threats (HMSCourse.AboutViolence), which the violence
	// section counts as training too.
	Courses, Participants, ViolenceCourses int
	// OccupationalInjuries and Whistleblowing are the year's counts; nil
	// when not recorded.
	OccupationalInjuries, Whistleblowing *int
	// TreatedOn and CaseNumber: when the committee treated the report;
	// zero and "" when not yet.
	TreatedOn     Date
	CaseNumber    string
	HasEvaluation bool
}

// GoalOutcome is one goal with its result for the year.
type GoalOutcome struct {
	Kind       GoalKind
	Text       string
	MeasuredBy string
	Result     GoalResult
	// Basis says what a computed result rests on (the sick-leave goal);
	// "" for free goals.
	Basis   string
	Comment string
}

// RegulationsDocumented reports whether point 1 is documented: a list of
// regulations confirmed by the committee for the year.
func (f ReviewFigures) RegulationsDocumented() bool {
	return f.Regulations > 0 && !f.RegulationsConfirmed.IsZero()
}

// GoalsSet reports whether point 4 is documented: goals set for the year.
func (f ReviewFigures) GoalsSet() bool { return len(f.Goals) > 0 }

// Treated reports whether the committee has treated the report.
func (f ReviewFigures) Treated() bool { return !f.TreatedOn.IsZero() }

// Results counts the goals per result.
func (f ReviewFigures) Results() map[GoalResult]int {
	out := map[GoalResult]int{}
	for _, g := range f.Goals {
		out[g.Result]++
	}
	return out
}

// ReviewFiguresFor computes the review's figures for d.Year from
// d.Review (nil: nothing recorded). Only what is dated in the year and
// not after d.Today counts; the sick-leave goal's result follows from
// the year's quarters (SickLeaveGoalResult).
func ReviewFiguresFor(d AnnualData) ReviewFigures {
	r := d.YearReview()
	if r == nil {
		return ReviewFigures{}
	}
	f := ReviewFigures{Recorded: true, Regulations: len(r.Regulations),
		OccupationalInjuries: r.OccupationalInjuries, Whistleblowing: r.Whistleblowing,
		HasEvaluation: strings.TrimSpace(r.Evaluation) != ""}
	if c := r.RegulationsConfirmed; d.Year.Contains(c) && !c.After(d.Today) {
		f.RegulationsConfirmed = c
	}
	if !r.TreatedOn.IsZero() && !r.TreatedOn.After(d.Today) {
		f.TreatedOn, f.CaseNumber = r.TreatedOn, r.CaseNumber
	}
	for _, c := range d.ReviewCourses() {
		f.Courses++
		f.Participants += c.Participants
		if c.AboutViolence() {
			f.ViolenceCourses++
		}
	}
	quarters := SickLeaveYear(d.SickLeave, d.Year)
	missing := SickLeaveQuartersMissing(quarters, d.Year, d.Unit.Start)
	for _, g := range r.Goals {
		g = g.WithOwnerFrom(d.SickLeaveSettings)
		o := GoalOutcome{Kind: g.Kind, Text: g.Text(), MeasuredBy: g.MeasuredBy(), Result: g.Result, Comment: g.Comment}
		if g.Kind == GoalSickLeave {
			o.Result, o.Basis = SickLeaveGoalResult(g.Target, quarters, missing, d.Year.Over(d.Today))
		}
		f.Goals = append(f.Goals, o)
	}
	return f
}

// YearReview returns d.Review if it is the review of d.Year, else nil.
func (d AnnualData) YearReview() *AnnualReview {
	if d.Review == nil || d.Review.Year != d.Year {
		return nil
	}
	return d.Review
}

// ReviewCourses returns the review's HMS courses held in the year, by
// Today.
func (d AnnualData) ReviewCourses() []HMSCourse {
	r := d.YearReview()
	if r == nil {
		return nil
	}
	var out []HMSCourse
	for _, c := range r.Trainings {
		if d.Year.Contains(c.Date) && !c.Date.After(d.Today) {
			out = append(out, c)
		}
	}
	return out
}

// annualReviewSource is the annual review's read API; a source without it
// (a test fake, an older file layer) has no review.
type annualReviewSource interface {
	AnnualReview(year HMSYear) (AnnualReview, bool, error)
}

// loadReview reads d.Year's review into d.Review.
func (d *AnnualData) loadReview(src annualReviewSource) error {
	r, ok, err := src.AnnualReview(d.Year)
	if ok && err == nil {
		d.Review = &r
	}
	return err
}

// pctShort is a percentage with one decimal, or two when the second is
// not zero (7,45 %).
func pctShort(p Percent) string {
	if p%10 != 0 {
		return p.Format(2)
	}
	return p.String()
}
