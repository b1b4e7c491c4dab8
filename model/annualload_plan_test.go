package model

import (
	"testing"
	"time"
)

// TestMeasureSelectionWants: the year rule (MeasuresForYear) and the
// links; every measure MeasuresForYear picks is wanted.
func TestMeasureSelectionWants(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	open := Measure{ID: 1, Status: StatusPlanlagt, Created: d(2023, 5, 1)}
	undatedOpen := Measure{ID: 2, Status: StatusPagar}
	doneLater := Measure{ID: 3, Status: StatusUtfort, Created: d(2023, 2, 1), CompletedOn: d(2025, 3, 1)}
	rejected := Measure{ID: 4, Status: StatusAvvist, Created: d(2022, 2, 1), Updated: d(2024, 6, 1)}
	round := Measure{ID: 5, Status: StatusUtfort, Created: d(2026, 1, 10), CompletedOn: d(2026, 2, 1),
		Source: Source{Kind: SourceSafetyRound, ParentID: 77}}
	linked := Measure{ID: 6, Status: StatusEvaluert, Created: d(2020, 1, 1), CompletedOn: d(2020, 3, 1)}
	tests := []struct {
		name string
		m    Measure
		sel  MeasureSelection
		want bool
	}{
		{"open, created before the year", open, MeasureSelection{Year: 2024}, true},
		{"open, created after the year", open, MeasureSelection{Year: 2022}, false},
		{"open, undated", undatedOpen, MeasureSelection{Year: 2000}, true},
		{"created in the year, done later", doneLater, MeasureSelection{Year: 2023}, true},
		{"done in the year", doneLater, MeasureSelection{Year: 2025}, true},
		{"between creation and completion", doneLater, MeasureSelection{Year: 2024}, false},
		{"rejected in the year (last update)", rejected, MeasureSelection{Year: 2024}, true},
		{"rejected, the year before", rejected, MeasureSelection{Year: 2023}, false},
		{"from a round of the selection", round, MeasureSelection{Year: 2025, Rounds: []uint64{3, 77}}, true},
		{"from another round", round, MeasureSelection{Year: 2025, Rounds: []uint64{3}}, false},
		{"linked by ID", linked, MeasureSelection{Year: 2025, IDs: []uint64{2, 6}}, true},
		{"not linked, closed long ago", linked, MeasureSelection{Year: 2025, IDs: []uint64{2}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.sel.Wants(&tt.m); got != tt.want {
				t.Errorf("Wants = %v, want %v", got, tt.want)
			}
		})
	}
	all := []Measure{open, undatedOpen, doneLater, rejected, round, linked}
	for y := HMSYear(2019); y <= 2027; y++ {
		for _, m := range MeasuresForYear(all, y) {
			if !(MeasureSelection{Year: y}).Wants(&m) {
				t.Errorf("%d: MeasuresForYear picks measure %d, the selection does not want it", y, m.ID)
			}
		}
	}
}

// TestAnnualMeasureSelection: the rounds, the 10-FAKTOR focus and the
// violence mapping's links give the selection, sorted and without repeats.
func TestAnnualMeasureSelection(t *testing.T) {
	d := AnnualData{Year: 2025,
		SafetyRounds: []SafetyRound{{ID: 9}, {ID: 4}},
		SurveyRounds: []SurveyRound{{Focus: []SurveyFocusArea{{MeasureIDs: []uint64{30, 10}}}}},
	}
	d.Violence.Mapping = &ViolenceMapping{Measures: []ViolenceMeasureLink{{MeasureID: 10}, {MeasureID: 20}}}
	s := AnnualMeasureSelection(&d)
	if s.Year != 2025 || !equalIDs(s.Rounds, []uint64{4, 9}) || !equalIDs(s.IDs, []uint64{10, 20, 30}) {
		t.Errorf("selection %+v", s)
	}
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMeasureInYear: the action-plan section's year rule at its edges:
// created on the last day or the day after, closed on the first day or
// the day before, open, rejected (by its last update), undated.
func TestMeasureInYear(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	tests := []struct {
		name string
		m    Measure
		want bool
	}{
		{"created on the year's last day", Measure{Status: StatusUtfort, Created: d(2025, 12, 31), CompletedOn: d(2026, 1, 5)}, true},
		{"open, created the day after", Measure{Status: StatusPlanlagt, Created: d(2026, 1, 1)}, false},
		{"open, created years before", Measure{Status: StatusPagar, Created: d(2019, 6, 1)}, true},
		{"open, undated", Measure{Status: StatusPlanlagt}, true},
		{"done on the year's first day", Measure{Status: StatusUtfort, Created: d(2024, 3, 1), CompletedOn: d(2025, 1, 1)}, true},
		{"done the day before the year", Measure{Status: StatusEvaluert, Created: d(2024, 3, 1), CompletedOn: d(2024, 12, 31)}, false},
		{"done after the year, created before", Measure{Status: StatusUtfort, Created: d(2024, 3, 1), CompletedOn: d(2026, 1, 2)}, false},
		{"rejected in the year", Measure{Status: StatusAvvist, Created: d(2023, 1, 1), Updated: d(2025, 7, 1)}, true},
		{"rejected before the year", Measure{Status: StatusAvvist, Created: d(2023, 1, 1), Updated: d(2024, 7, 1)}, false},
		{"done, undated", Measure{Status: StatusUtfort}, false},
	}
	for _, tt := range tests {
		if got := MeasureInYear(&tt.m, 2025); got != tt.want {
			t.Errorf("%s: MeasureInYear = %v, want %v", tt.name, got, tt.want)
		}
		if got := len(MeasuresForYear([]Measure{tt.m}, 2025)) == 1; got != tt.want {
			t.Errorf("%s: MeasuresForYear picks it = %v, want %v", tt.name, got, tt.want)
		}
	}
}
