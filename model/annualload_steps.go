package model

import (
	"fmt"
	"sync"
)

// loadStep is one list LoadAnnualData reads; it writes its own fields of
// the AnnualData. Late steps run after the others have finished (they
// read what the others read).
type loadStep struct {
	what string
	fn   func() error
	late bool
}

// The names of the steps the by-year read replaces (and the error
// messages name).
const (
	stepMeasures  = "handlingsplanen"
	stepRiskItems = "risikoforholdene"
)

// annualSteps are LoadAnnualData's reads into d, in the order their
// errors are reported; devsOf, meetingsOf and roundsOf replace the full
// reads of those registers when not nil.
func annualSteps(src AnnualSource, d *AnnualData, devsOf func() ([]Deviation, error), meetingsOf func() ([]Meeting, error), roundsOf func() ([]SafetyRound, error)) []loadStep {
	steps := []loadStep{
		{what: "enheten", fn: func() (e error) { d.Unit, e = src.Unit(); return }},
		{what: "utvalget", fn: func() (e error) { d.Members, e = src.Members(); return }},
		{what: "risikomatrisen", fn: func() (e error) { d.Matrix, e = src.RiskMatrix(); return }},
		{what: stepMeasures, fn: func() (e error) { d.Measures, e = src.Measures(); return }},
		{what: "risikovurderingene", fn: func() (e error) { d.Assessments, e = src.Assessments(); return }},
		{what: stepRiskItems, fn: func() (e error) { d.RiskItems, e = src.AllRiskItems(); return }},
	}
	add := func(what string, fn func() error) { steps = append(steps, loadStep{what: what, fn: fn}) }
	if x, ok := src.(deviationSource); ok {
		d.InUse[ModuleAvvik] = true
		add("avvikene", func() (e error) { d.Deviations, e = orList(devsOf, x.Deviations)(); return })
	}
	if x, ok := src.(sickLeaveSource); ok {
		d.InUse[ModuleSykefravar] = true
		add("sykefraværet", func() (e error) { d.SickLeave, e = x.SickLeaveQuarters(); return })
		add("sykefraværsinnstillingene", func() (e error) { d.SickLeaveSettings, e = x.SickLeaveSettings(); return })
	}
	if x, ok := src.(violenceSource); ok {
		d.InUse[ModuleVold] = true
		add("kartleggingen av vold og trusler", func() error {
			m, has, e := x.ViolenceMapping()
			if has {
				d.Violence.Mapping = &m
			}
			return e
		})
		add("rutinene for vold og trusler", func() (e error) { d.Violence.Routines, e = x.ViolenceRoutines(); return })
		add("opplæringen i vold og trusler", func() (e error) { d.Violence.Trainings, e = x.ViolenceTrainings(); return })
	}
	if x, ok := src.(surveySource); ok {
		d.InUse[ModuleTiFaktor] = true
		add("10-FAKTOR", func() (e error) { d.SurveyRounds, e = x.SurveyRounds(); return })
	}
	if x, ok := src.(safetyRoundSource); ok {
		d.InUse[ModuleVernerunder] = true
		add("vernerundene", func() (e error) { d.SafetyRounds, e = orList(roundsOf, x.SafetyRounds)(); return })
	}
	if x, ok := src.(meetingSource); ok {
		d.InUse[ModuleMoter] = true
		add("møtene", func() (e error) { d.Meetings, e = orList(meetingsOf, x.Meetings)(); return })
	}
	if x, ok := src.(annualReviewSource); ok {
		add("den årlige gjennomgangen", func() error { return d.loadReview(x) })
	}
	return steps
}

// lateStep makes the step named what read with read into *dst, after the
// other steps; a nil read leaves the step as it is.
func lateStep[T any](steps []loadStep, what string, read func() ([]T, error), dst *[]T) {
	if read == nil {
		return
	}
	for i := range steps {
		if steps[i].what == what {
			steps[i].late = true
			steps[i].fn = func() (e error) { *dst, e = read(); return }
		}
	}
}

// runSteps runs the steps concurrently, the late ones after the others,
// and returns the first step's error in the steps' order.
func runSteps(steps []loadStep) error {
	errs := make([]error, len(steps))
	for _, late := range []bool{false, true} {
		var wg sync.WaitGroup
		for i, s := range steps {
			if s.late == late {
				wg.Go(func() { errs[i] = s.fn() })
			}
		}
		wg.Wait()
	}
	for i, e := range errs {
		if e != nil {
			return fmt.Errorf("årsrapporten: kunne ikke lese %s: %w", steps[i].what, e)
		}
	}
	return nil
}
