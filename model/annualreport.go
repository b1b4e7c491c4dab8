package model

import (
	"fmt"
	"math"
	"slices"
)

// The annual internal-control report (årsrapport) and the submission file
// are built from AnnualData: everything the unit has registered, read
// once. AnnualFigures are the key figures both print, computed here with
// the same rules the module screens use, so the report's summary, its
// sections and the submission always agree.

// AnnualSource is what the annual report reads. *storage.Store satisfies
// it; tests use a plain struct.
type AnnualSource interface {
	Unit() (Unit, error)
	Members() ([]CommitteeMember, error)
	Measures() ([]Measure, error)
	Assessments() ([]RiskAssessment, error)
	AllRiskItems() ([]RiskItem, error)
	RiskMatrix() (RiskMatrix, error)
}

// AnnualData is the input of the annual report for one HMS year.
type AnnualData struct {
	Year  HMSYear
	Today Date // the date statuses are given for ("åpne per …")

	Unit        Unit
	Members     []CommitteeMember
	Matrix      RiskMatrix // the unit's matrix; zero = default
	Measures    []Measure
	Assessments []RiskAssessment
	RiskItems   []RiskItem

	// InUse says which optional modules the unit file has (by module ID);
	// their data below is only meaningful when set.
	InUse             map[string]bool
	Deviations        []Deviation
	SickLeave         []SickLeaveQuarter
	SickLeaveSettings SickLeaveSettings
	Violence          ViolenceStatusInput // Measures and Incidents are filled from the fields above
	SurveyRounds      []SurveyRound
	SafetyRounds      []SafetyRound
	Meetings          []Meeting
	// Review is the committee's annual review of the year (annualreview.go); nil when none is recorded.
	Review *AnnualReview
	// Photos are the thumbnails of the year's finding and serious-deviation
	// photos (ReportPhotos), loaded by loadPhotos.
	Photos []ReportPhoto
}

// The optional modules' read APIs. A source without one (an older file
// layer, a test fake) leaves the module not in use.
type (
	deviationSource interface{ Deviations() ([]Deviation, error) }
	sickLeaveSource interface {
		SickLeaveQuarters() ([]SickLeaveQuarter, error)
		SickLeaveSettings() (SickLeaveSettings, error)
	}
	violenceSource interface {
		ViolenceMapping() (ViolenceMapping, bool, error)
		ViolenceRoutines() (ViolenceRoutines, error)
		ViolenceTrainings() ([]ViolenceTraining, error)
	}
	surveySource      interface{ SurveyRounds() ([]SurveyRound, error) }
	safetyRoundSource interface{ SafetyRounds() ([]SafetyRound, error) }
	meetingSource     interface{ Meetings() ([]Meeting, error) }
)

// LoadAnnualData reads everything the annual report for year needs. The
// lists are read concurrently (src must allow that, as the store does):
// decoding a large unit's registers is most of the report's time, and
// each list is independent. The first failing list, in the order below,
// is the error.
func LoadAnnualData(src AnnualSource, year HMSYear, today Date) (AnnualData, error) {
	return loadAnnualData(src, year, today, false)
}

// loadAnnualData is LoadAnnualData; byYear reads the registers that can
// be read by year so (LoadAnnualYear).
func loadAnnualData(src AnnualSource, year HMSYear, today Date, byYear bool) (AnnualData, error) {
	d := AnnualData{Year: year, Today: today, InUse: map[string]bool{}}
	var devsOf func() ([]Deviation, error)
	var meetingsOf func() ([]Meeting, error)
	var roundsOf func() ([]SafetyRound, error)
	if byYear {
		devsOf, meetingsOf, roundsOf = yearLists(src, year, today)
	}
	steps := annualSteps(src, &d, devsOf, meetingsOf, roundsOf)
	if byYear {
		// The plan and the risk items are read for what the year's other
		// records link to, so after the lists they link from
		// (annualload_plan.go), beside the rest.
		measuresOf, itemsOf := planLists(src, &d)
		lateStep(steps, stepMeasures, measuresOf, &d.Measures, stepSafetyRounds, stepSurveys, stepViolenceMapping)
		lateStep(steps, stepRiskItems, itemsOf, &d.RiskItems, stepAssessments)
	}
	steps = append(steps, photoSteps(src, &d)...)
	if err := runSteps(steps); err != nil {
		return d, err
	}
	d.Violence.Measures, d.Violence.Incidents = d.Measures, d.Deviations
	return d, nil
}

// ViolenceInput returns the violence module's status input with the
// action plan and the deviation register filled in, and with the year's
// HMS courses about violence and threats (HMSCourse.AboutViolence) among
// the trainings, so the course list, the violence section, the summary
// and the submission count the same training. A course the module already
// has (same day and topic) is not added twice.
func (d AnnualData) ViolenceInput() ViolenceStatusInput {
	in := d.Violence
	in.Measures, in.Incidents = d.Measures, d.Deviations
	if cs := CoursesAsViolenceTrainings(d.ReviewCourses(), in.Trainings); len(cs) > 0 {
		in.Trainings = append(slices.Clip(in.Trainings), cs...)
	}
	return in
}

// CoursesAsViolenceTrainings returns the courses about violence and
// threats among cs as trainings of kind kurs (FromCourses set, no
// repetition), leaving out those ts already has on the same day with the
// same topic. Their IDs count down from the largest uint64, clear of the
// register's.
func CoursesAsViolenceTrainings(cs []HMSCourse, ts []ViolenceTraining) []ViolenceTraining {
	have := map[string]bool{}
	for _, t := range ts {
		have[t.Date.String()+"|"+topicKey(t.Topic)] = true
	}
	var out []ViolenceTraining
	for _, c := range cs {
		if !c.AboutViolence() || have[c.Date.String()+"|"+topicKey(c.Course)] {
			continue
		}
		out = append(out, ViolenceTraining{ID: math.MaxUint64 - uint64(len(out)), Date: c.Date, Topic: c.Course,
			Kind: TrainingCourse, Participants: c.Participants, FromCourses: true})
	}
	return out
}

// EffectiveMatrix is the matrix figures are counted on: the default for
// the zero value, the default boundaries for its size when m is invalid.
func EffectiveMatrix(m RiskMatrix) RiskMatrix {
	if m == (RiskMatrix{}) {
		return DefaultRiskMatrix()
	}
	if m.Validate() != nil {
		return DefaultRiskMatrixFor(m.Size)
	}
	return m
}

// MeasuresForYear picks the measures that belong to year
// (MeasureInYear), in a new slice.
func MeasuresForYear(ms []Measure, year HMSYear) []Measure {
	// keepOnly counts before it copies: the annual report calls this on
	// every measure of the unit (4 200 in the heavy demo unit).
	return keepOnly(ms, func(m *Measure) bool { return MeasureInYear(m, year) })
}

// MeasureInYear reports whether m belongs to year: created in it, closed
// in it (done by completion date, rejected by last update), or still
// open. Nothing created after the year counts. This is the rule of the
// annual report's action-plan section.
func MeasureInYear(m *Measure, year HMSYear) bool {
	if !m.Created.IsZero() && m.Created.After(year.End()) {
		return false
	}
	return year.Contains(m.Created) || MeasureClosedIn(m, year) || m.Open()
}

// MeasureClosedIn reports whether m was done (by its completion date) or
// rejected (by its last update) in year.
func MeasureClosedIn(m *Measure, year HMSYear) bool {
	return year.Contains(MeasureClosedOn(m))
}

// AssessmentsForYear returns the finished assessments carried out in
// year, or in force at the year's state date (see AssessmentsInForce),
// sorted by date and title: the rule of the annual report's risk section.
// Drafts and assessments in progress are left out.
func AssessmentsForYear(as []RiskAssessment, year HMSYear, today Date) []RiskAssessment {
	inForce := AssessmentsInForce(as, year.StateDate(today))
	var out []RiskAssessment
	for _, a := range as {
		if AssessmentCarriedOutIn(a, year, today) || inForce[a.ID] {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b RiskAssessment) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return CompareNorwegian(a.Title, b.Title)
	})
	return out
}

// CurrentRiskPicture returns the hazards of the assessments in force on
// the date on (AssessmentsInForce over as, the unit's whole list) that
// are scored on a matrix of m's size (the combined risk picture), and how
// many assessments in force were left out for another size.
func CurrentRiskPicture(as []RiskAssessment, items []RiskItem, m RiskMatrix, on Date) (picked []RiskItem, otherSize int) {
	m = EffectiveMatrix(m)
	inForce := AssessmentsInForce(as, on)
	current := map[uint64]bool{}
	for _, a := range as {
		if !inForce[a.ID] {
			continue
		}
		if EffectiveMatrix(a.Matrix).Size == m.Size {
			current[a.ID] = true
		} else {
			otherSize++
		}
	}
	for _, it := range items {
		if current[it.AssessmentID] {
			picked = append(picked, it)
		}
	}
	return picked, otherSize
}

// PlanFigures are the action plan's key figures for a year.
type PlanFigures struct {
	Summary ActionPlanSummary // of MeasuresForYear, as of Today
	Created int               // created in the year
	Closed  int               // done or rejected in the year
	// ClosedLater were closed after the year (open at its end), so Open,
	// Closed and ClosedLater add up to the year's measures.
	ClosedLater int
	// Evaluated is the number done in the year whose effect was evaluated
	// by the year's end (MeasureEvaluatedIn).
	Evaluated int
	// OverdueBySource counts the open measures past their deadline per
	// Today, by the module they came from (every SourceKind present).
	OverdueBySource map[SourceKind]int
}

// RiskFigures are the risk assessment's key figures for a year.
type RiskFigures struct {
	Assessments    int  // finished and carried out in the year or in force at its end
	CarriedOut     int  // finished and dated in the year
	LastCarriedOut Date // the latest of those; zero when none
	ReviewOverdue  int  // in force, past their next review on the year's state date
	Items          int  // hazards in the combined risk picture
	Before         map[RiskLevel]int
	After          map[RiskLevel]int
	NotAssessed    int // hazards without a valid score before measures
	Matrix         RiskMatrix
}

// NotAssessedAfter counts the hazards without a valid score after
// measures, as the section's «Ikke vurdert» after measures and the
// submission's SubmissionRisk.NotAssessedAfter do.
func (r RiskFigures) NotAssessedAfter() int {
	after := 0
	for _, n := range r.After {
		after += n
	}
	return max(r.Items-after, 0)
}

// CommitteeFigures say which roles were filled during the year.
type CommitteeFigures struct {
	Roles []Role // roles held by someone active at some time in the year, in Roles() order
}

// Has reports whether r was filled.
func (c CommitteeFigures) Has(r Role) bool { return slices.Contains(c.Roles, r) }

// AnnualFigures are the key figures of the annual report's summary page
// and of the submission file. The rules of what counts in the year are in
// annualyear.go.
type AnnualFigures struct {
	Year      HMSYear
	Today     Date
	Committee CommitteeFigures
	Plan      PlanFigures
	Risk      RiskFigures
	// Deviations are the register's figures for the year (model.DeviationStats);
	// nil when the module is not in use.
	Deviations *DeviationStatistics
	// OpenSeriousDeviations counts the year's deviations of severity
	// alvorlig or svært alvorlig that are open per Today.
	OpenSeriousDeviations int
	// PersonInjuries counts the year's deviations where someone was
	// injured (PersonInjuries), for InjuryReportNote.
	PersonInjuries int
	// SickLeave are the year's quarters, average and follow-up alerts; nil
	// when the module is not in use.
	SickLeave *SickLeaveFigures
	// Violence is the status per duty for the year
	// (ViolenceStatusForYear); nil when the module is not in use.
	Violence []ViolenceDutyStatus
	// ViolenceNote says, briefly, why the mapping cannot document the
	// year, or "".
	ViolenceNote string
	// ViolenceMappingDate is the mapping's date when it documents the year.
	ViolenceMappingDate Date
	// ViolenceTrainings counts training sessions and drills dated in the
	// year; LastViolenceTraining is the latest of them.
	ViolenceTrainings    int
	LastViolenceTraining Date
	// Survey is the unit's latest 10-FAKTOR round in the year
	// (SurveyRoundFor); nil when none. SurveyFocusWithoutMeasure lists
	// its innsatsområder that have no measure in the action plan.
	Survey                    *SurveyRound
	SurveyFocusWithoutMeasure []TenFactor
	// SurveyMeasuresOverdue counts the round's measures past their deadline.
	SurveyMeasuresOverdue int
	// SafetyRoundsHeld and MeetingsHeld count those held in the year
	// (SafetyRoundHeldIn, MeetingHeldIn); the Last dates are the latest.
	// SafetyRoundsUnfinished counts rounds dated in the year, not completed.
	SafetyRoundsHeld, SafetyRoundsUnfinished, MeetingsHeld int
	LastSafetyRound, LastMeeting                           Date
	// Modules says, per module of AnnualModules, whether it is in use
	// and holds data for the year.
	Modules []ModuleStatus
	// Review are the committee's annual review's figures (ReviewFiguresFor).
	Review ReviewFigures
	// Started is the unit's start (Unit.Start) when it lies in the year,
	// else zero: duties before it are not the unit's (StartNote), and the
	// year asks for meetings and a safety round only in the whole quarters
	// after it (QuartersFrom).
	Started Date
}

// StartNote says, for a year the unit started in, from when the year's
// duties count; "" for other years.
func StartNote(f AnnualFigures) string {
	if f.Started.IsZero() {
		return ""
	}
	return fmt.Sprintf("Enheten startet %s. Plikter med frist før denne datoen teller ikke, og møter og vernerunder kreves bare for hele kvartaler etter start (%d av 4).",
		f.Started, QuartersFrom(f.Year, f.Started))
}

// MembersInYear returns the committee members active at some time in
// year, sorted by role and name.
func MembersInYear(members []CommitteeMember, year HMSYear) []CommitteeMember {
	var in []CommitteeMember
	start, end := year.Start(), year.End()
	for _, m := range members {
		if m.From.IsZero() || m.From.After(end) || (!m.To.IsZero() && m.To.Before(start)) {
			continue
		}
		in = append(in, m)
	}
	slices.SortStableFunc(in, func(a, b CommitteeMember) int {
		if c := cmpInt(roleIndex(a.Role), roleIndex(b.Role)); c != 0 {
			return c
		}
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		return CompareNorwegian(normalizeName(a.Name), normalizeName(b.Name))
	})
	return in
}

// ComputeAnnualFigures computes the key figures for d.Year.
func ComputeAnnualFigures(d AnnualData) AnnualFigures {
	f := AnnualFigures{Year: d.Year, Today: d.Today}
	if d.Year.Contains(d.Unit.Start) {
		f.Started = d.Unit.Start
	}
	for _, m := range MembersInYear(d.Members, d.Year) {
		if m.Role.Valid() && !f.Committee.Has(m.Role) {
			f.Committee.Roles = append(f.Committee.Roles, m.Role)
		}
	}
	slices.SortFunc(f.Committee.Roles, func(a, b Role) int { return cmpInt(roleIndex(a), roleIndex(b)) })
	f.Plan = planFigures(d)
	f.Risk = riskFigures(d)
	if d.InUse[ModuleAvvik] {
		st := DeviationStats(d.Deviations, d.Year, d.Today)
		f.Deviations = &st
		f.OpenSeriousDeviations = OpenSeriousDeviations(d.Deviations, d.Year, d.Today)
		f.PersonInjuries = PersonInjuries(d.Deviations, d.Year, d.Today)
	}
	if d.InUse[ModuleSykefravar] {
		f.SickLeave = sickLeaveFigures(d)
	}
	if d.InUse[ModuleVold] {
		violenceFigures(d, &f)
	}
	surveyFigures(d, &f)
	for _, r := range d.SafetyRounds {
		switch {
		case SafetyRoundHeldIn(r, d.Year, d.Today):
			f.SafetyRoundsHeld++
			f.LastSafetyRound = laterOf(f.LastSafetyRound, r.Date)
		case SafetyRoundUnfinishedIn(r, d.Year, d.Today):
			f.SafetyRoundsUnfinished++
		}
	}
	for _, m := range d.Meetings {
		if MeetingHeldIn(m, d.Year, d.Today) {
			f.MeetingsHeld++
			f.LastMeeting = laterOf(f.LastMeeting, m.Date)
		}
	}
	f.Review = ReviewFiguresFor(d)
	f.Modules = moduleStatuses(d, f)
	return f
}

func laterOf(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}

func planFigures(d AnnualData) PlanFigures {
	ms := MeasuresForYear(d.Measures, d.Year)
	p := PlanFigures{Summary: PlanSummary(ms, d.Today), OverdueBySource: map[SourceKind]int{}}
	for _, k := range SourceKinds() {
		p.OverdueBySource[k] = 0
	}
	for i := range ms {
		m := &ms[i]
		if d.Year.Contains(m.Created) {
			p.Created++
		}
		if !m.Open() && !MeasureClosedIn(m, d.Year) {
			p.ClosedLater++
		}
		if MeasureClosedIn(m, d.Year) {
			p.Closed++
			if MeasureEvaluatedIn(m, d.Year, d.Today) {
				p.Evaluated++
			}
		}
		if m.Overdue(d.Today) {
			k := m.Source.Kind
			if !k.Valid() {
				k = SourceManual
			}
			p.OverdueBySource[k]++
		}
	}
	return p
}

func riskFigures(d AnnualData) RiskFigures {
	m := EffectiveMatrix(d.Matrix)
	as := AssessmentsForYear(d.Assessments, d.Year, d.Today)
	r := RiskFigures{Matrix: m, Assessments: len(as)}
	state := d.Year.StateDate(d.Today)
	inForce := AssessmentsInForce(d.Assessments, state)
	for _, a := range as {
		if AssessmentCarriedOutIn(a, d.Year, d.Today) {
			r.CarriedOut++
			r.LastCarriedOut = laterOf(r.LastCarriedOut, a.Date)
		}
		if inForce[a.ID] && !a.NextReview.IsZero() && a.NextReview.Before(state) {
			r.ReviewOverdue++
		}
	}
	items, _ := CurrentRiskPicture(d.Assessments, d.RiskItems, m, state)
	r.Items = len(items)
	r.Before = LevelCounts(items, m, false)
	r.After = LevelCounts(items, m, true)
	scored := 0
	for _, n := range r.Before {
		scored += n
	}
	r.NotAssessed = len(items) - scored
	return r
}

func sickLeaveFigures(d AnnualData) *SickLeaveFigures {
	sl := &SickLeaveFigures{Settings: d.SickLeaveTarget(), Quarters: SickLeaveYear(d.SickLeave, d.Year)}
	sl.Average, _, sl.HasAverage = SickLeaveAverage(sl.Quarters)
	sl.Alerts = SickLeaveAlertsForYear(d.SickLeave, sl.Settings, d.Year)
	for i := range d.Measures {
		if m := &d.Measures[i]; MeasureInYear(m, d.Year) && forSickLeave(m) {
			sl.Measures++
			if m.Overdue(d.Today) {
				sl.MeasuresOverdue++
			}
		}
	}
	return sl
}

func violenceFigures(d AnnualData, f *AnnualFigures) {
	in, st, _ := ViolenceYear(d.ViolenceInput(), d.Year, d.Today)
	f.Violence = st
	if in.Mapping != nil {
		f.ViolenceMappingDate = in.Mapping.Date
	} else if m := d.Violence.Mapping; m != nil && !m.Date.IsZero() {
		f.ViolenceNote = "Kartleggingen er datert " + m.Date.String() + ", etter " + d.Year.String() + ", og dokumenterer ikke året"
	}
	for _, t := range in.Trainings {
		if d.Year.DoneIn(t.Date, d.Today) {
			f.ViolenceTrainings++
			f.LastViolenceTraining = laterOf(f.LastViolenceTraining, t.Date)
		}
	}
}

func surveyFigures(d AnnualData, f *AnnualFigures) {
	f.Survey = SurveyRoundFor(d.SurveyRounds, d.Year, d.Today)
	if f.Survey == nil {
		return
	}
	byID := make(map[uint64]*Measure, len(d.Measures))
	for i := range d.Measures {
		byID[d.Measures[i].ID] = &d.Measures[i]
	}
	for _, a := range f.Survey.Focus {
		has := false
		for _, id := range a.MeasureIDs {
			if m, ok := byID[id]; ok {
				has = true
				if m.Overdue(d.Today) {
					f.SurveyMeasuresOverdue++
				}
			}
		}
		if a.Kind == SurveyFocusImprove && !has {
			f.SurveyFocusWithoutMeasure = append(f.SurveyFocusWithoutMeasure, a.Factor)
		}
	}
}

// OpenSeriousDeviations counts the deviations dated in year (no later
// than today) of severity alvorlig or svært alvorlig that are open per
// today.
func OpenSeriousDeviations(devs []Deviation, year HMSYear, today Date) int {
	n := 0
	for _, d := range devs {
		if year.DoneIn(d.Date, today) && d.Open() && d.Severity.Serious() {
			n++
		}
	}
	return n
}

// SickLeaveAlertsForYear returns the follow-up rules met in year: the
// alerts over the quarters up to the year's end whose last quarter is in
// the year. Quarters after the year never decide the year's alerts.
func SickLeaveAlertsForYear(qs []SickLeaveQuarter, s SickLeaveSettings, year HMSYear) []FollowUpAlert {
	var upTo []SickLeaveQuarter
	for _, q := range qs {
		if q.Quarter.Year <= int(year) {
			upTo = append(upTo, q)
		}
	}
	var out []FollowUpAlert
	for _, a := range FollowUpAlerts(upTo, s) {
		if a.Last().Year == int(year) {
			out = append(out, a)
		}
	}
	return out
}

// SickLeaveMeasures picks the measures that belong to sick leave and
// attendance: made from the sick-leave module, or in one of the two
// sick-leave priority areas (forebyggende and oppfølgende
// sykefraværsarbeid).
func SickLeaveMeasures(ms []Measure) []Measure { return keepOnly(ms, forSickLeave) }

// forSickLeave is SickLeaveMeasures' rule.
func forSickLeave(m *Measure) bool {
	return m.Source.Kind == SourceSickLeave || m.PriorityArea == AreaPreventiveAbsence || m.PriorityArea == AreaFollowUpAbsence
}

// SickLeaveFigures are the sick-leave module's figures for a year.
type SickLeaveFigures struct {
	Settings   SickLeaveSettings
	Quarters   []SickLeaveQuarter // the year's, in order
	Average    Percent            // SickLeaveAverage of Quarters
	HasAverage bool
	Alerts     []FollowUpAlert // follow-up rules met, ending in the year
	// Measures counts the year's measures for sick leave and attendance
	// (SickLeaveMeasures of MeasuresForYear); MeasuresOverdue those past
	// their deadline per Today.
	Measures, MeasuresOverdue int
}

// ViolenceMapped reports whether the violence module's mapping duty is
// fulfilled (status OK).
func (f AnnualFigures) ViolenceMapped() bool {
	for _, s := range f.Violence {
		if s.Duty == DutyMapping {
			return s.State == DutyOK
		}
	}
	return false
}
