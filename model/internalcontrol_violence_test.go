package model

import (
	"slices"
	"strings"
	"testing"
)

// Vold og trusler documents § 5 point 2 by its training and point 6 by a
// mapping in order, not both by either: a unit with training and no
// mapping (summary «Mangler») does not have point 6 documented there.
func TestViolencePointEvidence(t *testing.T) {
	vold := ModuleStatus{Module: Module{ID: ModuleVold, Title: "Vold og trusler", Points: []int{2, 6}}, InUse: true, HasData: true}
	mapped := []ViolenceDutyStatus{{Duty: DutyMapping, State: DutyOK}}
	overdue := []ViolenceDutyStatus{{Duty: DutyMapping, State: DutyOverdue}}
	cases := []struct {
		name      string
		f         AnnualFigures
		point     int
		documents bool
		none      string
	}{
		{"training documents point 2", AnnualFigures{Year: 2025, ViolenceTrainings: 2, Violence: overdue}, 2, true, ""},
		{"no training", AnnualFigures{Year: 2025, Violence: mapped}, 2, false, "ingen opplæring eller øvelse i 2025"},
		{"mapping in order documents point 6", AnnualFigures{Year: 2025, Violence: mapped}, 6, true, ""},
		{"training alone does not map a risk", AnnualFigures{Year: 2025, ViolenceTrainings: 3, Violence: []ViolenceDutyStatus{{Duty: DutyMapping, State: DutyMissing}}}, 6, false, "kartleggingen mangler eller er forfalt for 2025"},
		{"an overdue mapping does not either", AnnualFigures{Year: 2025, ViolenceTrainings: 3, Violence: overdue}, 6, false, "kartleggingen mangler eller er forfalt for 2025"},
	}
	for _, c := range cases {
		got, none := pointEvidence(vold, c.point, c.f)
		if got != c.documents || (!got && none != c.none) {
			t.Errorf("%s: %v %q, want %v %q", c.name, got, none, c.documents, c.none)
		}
	}
	// Another module is judged by its data alone.
	other := ModuleStatus{Module: Module{ID: ModuleRisiko, Title: "Risikovurdering", Points: []int{6}}, InUse: true}
	if got, none := pointEvidence(other, 6, AnnualFigures{Year: 2025}); got || !strings.Contains(none, "ingen data for 2025") {
		t.Errorf("risk without data: %v %q", got, none)
	}
	// In the checklist: point 6 does not name Vold og trusler.
	f := AnnualFigures{Year: 2025, ViolenceTrainings: 3, Violence: overdue, Modules: []ModuleStatus{vold}}
	cl := InternalControlChecklist(f)
	if slices.Contains(cl[5].Where, "Vold og trusler") || !slices.Contains(cl[1].Where, "Vold og trusler") {
		t.Errorf("point 2 %v, point 6 %v", cl[1].Where, cl[5].Where)
	}
}
