package model

import (
	"errors"
	"testing"
	"time"
)

// TestRunStepsWaitsOnlyForWhatAStepReads: a step with steps to wait for
// sees what they wrote, and runs while an unrelated step is still
// running (here the unrelated step cannot end before it has run: with
// the old rule, late steps after all others, this never ends).
func TestRunStepsWaitsOnlyForWhatAStepReads(t *testing.T) {
	var rounds, measures []int
	lateRan := make(chan struct{})
	steps := []loadStep{
		{what: "avvikene", fn: func() error {
			select {
			case <-lateRan:
				return nil
			case <-time.After(time.Minute):
				return errors.New("the measures waited for the deviations")
			}
		}},
		{what: stepSafetyRounds, fn: func() error { rounds = []int{1, 2}; return nil }},
		{what: stepMeasures, after: []string{stepSafetyRounds, "ikke et steg"}, fn: func() error {
			measures = append([]int(nil), rounds...)
			close(lateRan)
			return nil
		}},
	}
	if err := runSteps(steps); err != nil {
		t.Fatal(err)
	}
	if len(measures) != 2 {
		t.Fatalf("the measures' step saw %v of the rounds, want both", measures)
	}
}

// TestRunStepsReportsTheFirstErrorInOrder: errors are reported in the
// steps' order whatever order they happen in, and a failed step does not
// stop the steps that wait for it.
func TestRunStepsReportsTheFirstErrorInOrder(t *testing.T) {
	ran := false
	steps := []loadStep{
		{what: "enheten", fn: func() error { return nil }},
		{what: stepAssessments, fn: func() error { return errors.New("første") }},
		{what: stepRiskItems, after: []string{stepAssessments}, fn: func() error { ran = true; return errors.New("andre") }},
	}
	err := runSteps(steps)
	if err == nil || err.Error() != "årsrapporten: kunne ikke lese risikovurderingene: første" {
		t.Fatalf("error %v", err)
	}
	if !ran {
		t.Error("the step after a failed one did not run")
	}
}
