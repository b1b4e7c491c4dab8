package model

import (
	"fmt"
	"sync"
)

// loadStep is one list LoadAnnualData reads; it writes its own fields of
// the AnnualData. A step with steps to wait for runs when those have
// finished (it reads what they read), beside the others.
type loadStep struct {
	what  string
	fn    func() error
	after []string
}

// The names of the steps (the error messages name them) that the by-year
// reads replace or wait for.
const (
	stepMeasures        = "handlingsplanen"
	stepRiskItems       = "risikoforholdene"
	stepAssessments     = "risikovurderingene"
	stepSurveys         = "10-FAKTOR"
	stepSafetyRounds    = "vernerundene"
	stepViolenceMapping = "kartleggingen av vold og trusler"
	stepDeviations      = "avvikene"
	stepAttachments     = "vedleggene"
	stepPhotos          = "bildene"
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
		{what: stepAssessments, fn: func() (e error) { d.Assessments, e = src.Assessments(); return }},
		{what: stepRiskItems, fn: func() (e error) { d.RiskItems, e = src.AllRiskItems(); return }},
	}
	add := func(what string, fn func() error) { steps = append(steps, loadStep{what: what, fn: fn}) }
	if x, ok := src.(deviationSource); ok {
		d.InUse[ModuleAvvik] = true
		add(stepDeviations, func() (e error) { d.Deviations, e = orList(devsOf, x.Deviations)(); return })
	}
	if x, ok := src.(sickLeaveSource); ok {
		d.InUse[ModuleSykefravar] = true
		add("sykefraværet", func() (e error) { d.SickLeave, e = x.SickLeaveQuarters(); return })
		add("sykefraværsinnstillingene", func() (e error) { d.SickLeaveSettings, e = x.SickLeaveSettings(); return })
	}
	if x, ok := src.(violenceSource); ok {
		d.InUse[ModuleVold] = true
		add(stepViolenceMapping, func() error {
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
		add(stepSurveys, func() (e error) { d.SurveyRounds, e = x.SurveyRounds(); return })
	}
	if x, ok := src.(safetyRoundSource); ok {
		d.InUse[ModuleVernerunder] = true
		add(stepSafetyRounds, func() (e error) { d.SafetyRounds, e = orList(roundsOf, x.SafetyRounds)(); return })
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

// lateStep makes the step named what read with read into *dst once the
// steps named in after (those it reads from) have finished; a nil read
// leaves the step as it is.
func lateStep[T any](steps []loadStep, what string, read func() ([]T, error), dst *[]T, after ...string) {
	if read == nil {
		return
	}
	for i := range steps {
		if steps[i].what == what {
			steps[i].after = after
			steps[i].fn = func() (e error) { *dst, e = read(); return }
		}
	}
}

// runSteps runs the steps concurrently, each after the steps it waits for
// (a name that is not a step is not waited for), and returns the first
// step's error in the steps' order. A step waits only for what it reads:
// the plan's measures are read beside the deviations, the largest list,
// not after them.
func runSteps(steps []loadStep) error {
	errs := make([]error, len(steps))
	done := make(map[string]chan struct{}, len(steps))
	for _, s := range steps {
		done[s.what] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for i, s := range steps {
		wg.Go(func() {
			defer close(done[s.what])
			for _, a := range s.after {
				if ch, ok := done[a]; ok {
					<-ch
				}
			}
			errs[i] = s.fn()
		})
	}
	wg.Wait()
	for i, e := range errs {
		if e != nil {
			return fmt.Errorf("årsrapporten: kunne ikke lese %s: %w", steps[i].what, e)
		}
	}
	return nil
}
