package model

import "testing"

func TestDefaultPriorityArea(t *testing.T) {
	cases := []struct {
		kind SourceKind
		want PriorityArea
	}{
		{SourceManual, ""},
		{"", ""},
		{"ukjent", ""},
		{SourceRiskAssessment, AreaPreventiveAbsence},
		{SourceViolenceThreats, AreaPreventiveAbsence},
		{SourceDeviation, AreaPreventiveAbsence},
		{SourceSafetyRound, AreaHealthPromotion},
		{SourceMeetingDecision, AreaHealthPromotion},
		{SourceTenFactor, AreaLeadership},
		{SourceSickLeave, AreaFollowUpAbsence},
	}
	for _, c := range cases {
		if got := DefaultPriorityArea(c.kind); got != c.want {
			t.Errorf("DefaultPriorityArea(%q) = %q, want %q", c.kind, got, c.want)
		}
	}
}

// TestMeasureFromSourceHasItsArea: every builder of a measure from a
// record gives the area DefaultPriorityArea names for its source.
func TestMeasureFromSourceHasItsArea(t *testing.T) {
	today := NewDate(2026, 3, 1)
	round := SafetyRound{ID: 1, Sections: []ChecklistSection{{Title: "S", Questions: []ChecklistQuestion{{Text: "Q"}}}}}
	ms := []Measure{
		NewMeasureFromDeviation(Deviation{ID: 1, Date: today}, "", "", today, today),
		NewMeasureFromRiskItem(RiskAssessment{ID: 1}, RiskItem{ID: 2, Hazard: "H"}, "", "", today, today),
		NewMeasureFromFinding(round, 1, "", "", today, today),
		NewMeasureFromDecision(Meeting{ID: 1}, 0, "T", "", today, today),
		NewMeasureFromFocus(SurveyRound{ID: 1}, TenFactors()[0], "", "", today, today),
		NewViolenceMeasure(ViolenceMapping{ID: 1}, ViolenceFactor(1), "T", "", today, today),
	}
	ms = append(ms, NewMeasuresForAlert(FollowUpAlert{}, []string{"T"}, 1, "", today, today)...)
	seen := map[SourceKind]bool{}
	for _, m := range ms {
		seen[m.Source.Kind] = true
		if want := DefaultPriorityArea(m.Source.Kind); m.PriorityArea != want || want == "" {
			t.Errorf("measure from %q has area %q, want %q", m.Source.Kind, m.PriorityArea, want)
		}
	}
	if len(seen) != 7 {
		t.Errorf("builders cover %d source kinds, want the 7 record kinds", len(seen))
	}
}
