package ui

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/uitest"
)

// TestProofTargetsArePages: every kind of record that can do a duty in the
// annual wheel opens a page of the sidebar, and in the demo each proven
// duty's page builds with the focus on its record.
func TestProofTargetsArePages(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Pages() {
		ids[p.ID] = true
	}
	for _, r := range []model.WheelRecord{model.RecordSickLeave, model.RecordSurvey, model.RecordSafetyRound, model.RecordAssessment,
		model.RecordViolenceMapping, model.RecordMeeting, model.RecordExport, model.RecordCourse, model.RecordViolenceTraining} {
		if page, _ := moter.ProofTarget(model.WheelProof{Record: r, ID: 1}, 2026); !ids[page] || page == moter.WheelPageID {
			t.Errorf("%s opens %q", r, page)
		}
	}
	u, _ := start(t, uitest.DemoFile(t))
	env := u.Env()
	es, err := env.Store.ProvenWheel(2026, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[model.WheelRecord]bool{}
	for _, e := range es {
		if !e.Proof.Proven() || seen[e.Proof.Record] {
			continue
		}
		seen[e.Proof.Record] = true
		page, f := moter.ProofTarget(e.Proof, e.Year)
		env.Open(page, f)
		if _, left := env.TakeFocus(page); left {
			t.Errorf("%s: page %s did not take its focus", e.Proof.Record, page)
		}
	}
	if len(seen) < 6 {
		t.Errorf("only %d kinds of record prove the demo's duties: %v", len(seen), seen)
	}
}
