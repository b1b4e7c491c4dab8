package model

import (
	"fmt"
	"slices"
	"sync"
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
	d := AnnualData{Year: year, Today: today, InUse: map[string]bool{}}
	type step struct {
		what string
		fn   func() error
	}
	steps := []step{
		{"enheten", func() (e error) { d.Unit, e = src.Unit(); return }},
		{"utvalget", func() (e error) { d.Members, e = src.Members(); return }},
		{"risikomatrisen", func() (e error) { d.Matrix, e = src.RiskMatrix(); return }},
		{"handlingsplanen", func() (e error) { d.Measures, e = src.Measures(); return }},
		{"risikovurderingene", func() (e error) { d.Assessments, e = src.Assessments(); return }},
		{"risikoforholdene", func() (e error) { d.RiskItems, e = src.AllRiskItems(); return }},
	}
	if x, ok := src.(deviationSource); ok {
		d.InUse[ModuleAvvik] = true
		steps = append(steps, step{"avvikene", func() (e error) { d.Deviations, e = x.Deviations(); return }})
	}
	if x, ok := src.(sickLeaveSource); ok {
		d.InUse[ModuleSykefravar] = true
		steps = append(steps,
			step{"sykefraværet", func() (e error) { d.SickLeave, e = x.SickLeaveQuarters(); return }},
			step{"sykefraværsinnstillingene", func() (e error) { d.SickLeaveSettings, e = x.SickLeaveSettings(); return }})
	}
	if x, ok := src.(violenceSource); ok {
		d.InUse[ModuleVold] = true
		steps = append(steps,
			step{"kartleggingen av vold og trusler", func() error {
				m, has, e := x.ViolenceMapping()
				if has {
					d.Violence.Mapping = &m
				}
				return e
			}},
			step{"rutinene for vold og trusler", func() (e error) { d.Violence.Routines, e = x.ViolenceRoutines(); return }},
			step{"opplæringen i vold og trusler", func() (e error) { d.Violence.Trainings, e = x.ViolenceTrainings(); return }})
	}
	if x, ok := src.(surveySource); ok {
		d.InUse[ModuleTiFaktor] = true
		steps = append(steps, step{"10-FAKTOR", func() (e error) { d.SurveyRounds, e = x.SurveyRounds(); return }})
	}
	if x, ok := src.(safetyRoundSource); ok {
		d.InUse[ModuleVernerunder] = true
		steps = append(steps, step{"vernerundene", func() (e error) { d.SafetyRounds, e = x.SafetyRounds(); return }})
	}
	if x, ok := src.(meetingSource); ok {
		d.InUse[ModuleMoter] = true
		steps = append(steps, step{"møtene", func() (e error) { d.Meetings, e = x.Meetings(); return }})
	}
	if x, ok := src.(annualReviewSource); ok {
		steps = append(steps, step{"den årlige gjennomgangen", func() error { return d.loadReview(x) }})
	}
	// Each step writes its own fields of d; errs[i] is step i's.
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, s := range steps {
		wg.Go(func() { errs[i] = s.fn() })
	}
	wg.Wait()
	for i, e := range errs {
		if e != nil {
			return d, fmt.Errorf("årsrapporten: kunne ikke lese %s: %w", steps[i].what, e)
		}
	}
	d.Violence.Measures, d.Violence.Incidents = d.Measures, d.Deviations
	return d, nil
}

// ViolenceInput returns the violence module's status input with the
// action plan and the deviation register filled in.
func (d AnnualData) ViolenceInput() ViolenceStatusInput {
	in := d.Violence
	in.Measures, in.Incidents = d.Measures, d.Deviations
	return in
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

// MeasuresForYear picks the measures that belong to year: created in it,
// closed in it (done by completion date, rejected by last update), or
// still open. Nothing created after the year counts. This is the rule of
// the annual report's action-plan section.
func MeasuresForYear(ms []Measure, year HMSYear) []Measure {
	var out []Measure
	end := year.End()
	for i := range ms {
		m := &ms[i]
		if !m.Created.IsZero() && m.Created.After(end) {
			continue
		}
		if year.Contains(m.Created) || MeasureClosedIn(m, year) || m.Open() {
			out = append(out, *m)
		}
	}
	return out
}

// MeasureClosedIn reports whether m was done (by its completion date) or
// rejected (by its last update) in year.
func MeasureClosedIn(m *Measure, year HMSYear) bool {
	switch m.Status {
	case StatusUtfort, StatusEvaluert:
		return year.Contains(m.CompletedOn)
	case StatusAvvist:
		return year.Contains(m.Updated)
	}
	return false
}

// AssessmentsForYear returns the assessments carried out in year, or
// current in it (not superseded, dated no later than the year's end),
// sorted by date and title: the rule of the annual report's risk section.
func AssessmentsForYear(as []RiskAssessment, year HMSYear) []RiskAssessment {
	end := year.End()
	var out []RiskAssessment
	for _, a := range as {
		current := a.Current() && (a.Date.IsZero() || !a.Date.After(end))
		if year.Contains(a.Date) || current {
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

// CurrentRiskPicture returns the hazards of the current assessments among
// as that are scored on a matrix of m's size (the combined risk picture),
// and how many current assessments were left out for another size.
func CurrentRiskPicture(as []RiskAssessment, items []RiskItem, m RiskMatrix) (picked []RiskItem, otherSize int) {
	m = EffectiveMatrix(m)
	current := map[uint64]bool{}
	for _, a := range as {
		if !a.Current() {
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
	// Evaluated is the number done in the year whose effect has been
	// evaluated (status evaluert).
	Evaluated int
}

// RiskFigures are the risk assessment's key figures for a year.
type RiskFigures struct {
	Assessments   int // carried out in the year or current in it
	CarriedOut    int // dated in the year
	ReviewOverdue int // current assessments past their next review, as of Today
	Items         int // hazards in the combined risk picture
	Before        map[RiskLevel]int
	After         map[RiskLevel]int
	NotAssessed   int // hazards without a valid score before measures
	Matrix        RiskMatrix
}

// CommitteeFigures say which roles were filled during the year.
type CommitteeFigures struct {
	Roles []Role // roles held by someone active at some time in the year, in Roles() order
}

// Has reports whether r was filled.
func (c CommitteeFigures) Has(r Role) bool { return slices.Contains(c.Roles, r) }

// AnnualFigures are the key figures of the annual report's summary page
// and of the submission file.
type AnnualFigures struct {
	Year      HMSYear
	Today     Date
	Committee CommitteeFigures
	Plan      PlanFigures
	Risk      RiskFigures
	// Deviations are the register's figures for the year (model.DeviationStats);
	// nil when the module is not in use.
	Deviations *DeviationStatistics
	// SickLeave are the year's quarters, average and follow-up alerts; nil
	// when the module is not in use.
	SickLeave *SickLeaveFigures
	// Violence is the status per duty (model.ViolenceStatus); nil when the
	// module is not in use.
	Violence []ViolenceDutyStatus
	// ViolenceTrainings counts training sessions and drills dated in the year.
	ViolenceTrainings int
	// Survey is the latest 10-FAKTOR round up to the year; nil when none.
	Survey *SurveyRound
	// SafetyRoundsHeld and MeetingsHeld count those dated in the year (and
	// held by Today).
	SafetyRoundsHeld, MeetingsHeld int
	// Modules says, per module of AnnualModules, whether it is in use
	// and holds data for the year.
	Modules []ModuleStatus
	// Review are the committee's annual review's figures (ReviewFiguresFor).
	Review ReviewFigures
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

	for _, m := range MembersInYear(d.Members, d.Year) {
		if m.Role.Valid() && !f.Committee.Has(m.Role) {
			f.Committee.Roles = append(f.Committee.Roles, m.Role)
		}
	}
	slices.SortFunc(f.Committee.Roles, func(a, b Role) int { return cmpInt(roleIndex(a), roleIndex(b)) })

	ms := MeasuresForYear(d.Measures, d.Year)
	f.Plan.Summary = PlanSummary(ms, d.Today)
	for i := range ms {
		if d.Year.Contains(ms[i].Created) {
			f.Plan.Created++
		}
		if MeasureClosedIn(&ms[i], d.Year) {
			f.Plan.Closed++
			if ms[i].Status == StatusEvaluert {
				f.Plan.Evaluated++
			}
		}
	}

	m := EffectiveMatrix(d.Matrix)
	as := AssessmentsForYear(d.Assessments, d.Year)
	f.Risk.Matrix = m
	f.Risk.Assessments = len(as)
	for _, a := range as {
		if d.Year.Contains(a.Date) {
			f.Risk.CarriedOut++
		}
		if a.Current() && a.ReviewDue(d.Today) {
			f.Risk.ReviewOverdue++
		}
	}
	items, _ := CurrentRiskPicture(as, d.RiskItems, m)
	f.Risk.Items = len(items)
	f.Risk.Before = LevelCounts(items, m, false)
	f.Risk.After = LevelCounts(items, m, true)
	scored := 0
	for _, n := range f.Risk.Before {
		scored += n
	}
	f.Risk.NotAssessed = len(items) - scored

	if d.InUse[ModuleAvvik] {
		st := DeviationStats(d.Deviations, d.Year, d.Today)
		f.Deviations = &st
	}
	if d.InUse[ModuleSykefravar] {
		sl := &SickLeaveFigures{Settings: d.SickLeaveSettings.OrDefault(), Quarters: SickLeaveYear(d.SickLeave, d.Year)}
		sl.Average, _, sl.HasAverage = SickLeaveAverage(sl.Quarters)
		for _, a := range FollowUpAlerts(d.SickLeave, sl.Settings) {
			if int(a.Last().Year) == int(d.Year) {
				sl.Alerts = append(sl.Alerts, a)
			}
		}
		f.SickLeave = sl
	}
	if d.InUse[ModuleVold] {
		f.Violence = ViolenceStatus(d.ViolenceInput(), d.Today)
		for _, t := range d.Violence.Trainings {
			if d.Year.Contains(t.Date) {
				f.ViolenceTrainings++
			}
		}
	}
	for i := range d.SurveyRounds {
		r := d.SurveyRounds[i]
		if r.Year <= d.Year && (f.Survey == nil || r.Year > f.Survey.Year) {
			f.Survey = &r
		}
	}
	for _, r := range d.SafetyRounds {
		if d.Year.Contains(r.Date) && !r.Date.After(d.Today) {
			f.SafetyRoundsHeld++
		}
	}
	for _, m := range d.Meetings {
		if d.Year.Contains(m.Date) && m.Held(d.Today) {
			f.MeetingsHeld++
		}
	}
	f.Review = ReviewFiguresFor(d)
	f.Modules = moduleStatuses(d, f)
	return f
}

// SickLeaveFigures are the sick-leave module's figures for a year.
type SickLeaveFigures struct {
	Settings   SickLeaveSettings
	Quarters   []SickLeaveQuarter // the year's, in order
	Average    Percent            // SickLeaveAverage of Quarters
	HasAverage bool
	Alerts     []FollowUpAlert // follow-up rules met, ending in the year
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
