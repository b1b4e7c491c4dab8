package model

import (
	"testing"
	"time"
)

// SafetyRoundOverdueIn splits the summary's figure and always adds up to
// it: the action plan's overdue measures from safety rounds.
func TestSafetyRoundOverdueIn(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	today := d(2026, time.December, 4)
	// The report loads only the year's rounds, but an earlier one may be
	// there (the GUI's data): it is not in the year's table either.
	rounds := []SafetyRound{
		{ID: 1, Date: d(2024, time.October, 1), Status: RoundCompleted},
		{ID: 2, Date: d(2025, time.May, 6), Status: RoundCompleted},
		{ID: 3, Date: d(2025, time.November, 2)}, // started, not completed
	}
	fromRound := func(id, round uint64, deadline Date, st Status) Measure {
		return Measure{ID: id, Source: Source{Kind: SourceSafetyRound, ParentID: round, RefID: 1}, Deadline: deadline,
			Status: st, Created: d(2024, time.October, 2), Title: "Tiltak", Responsible: "Leder", PriorityArea: AreaLeadership}
	}
	madeIn2025 := func(m Measure) Measure { m.Created = d(2025, time.January, 10); return m }
	overdue, later := d(2025, time.March, 1), d(2027, time.January, 1)
	tests := []struct {
		name string
		ms   []Measure
		want MeasuresOverdue
	}{
		{"none", nil, MeasuresOverdue{}},
		{"one from the year's round", []Measure{fromRound(1, 2, overdue, StatusPlanlagt)}, MeasuresOverdue{FromYear: 1}},
		{"an unfinished round of the year counts as the year's", []Measure{fromRound(1, 3, overdue, StatusPagar)}, MeasuresOverdue{FromYear: 1}},
		{"one from a 2024 round", []Measure{fromRound(1, 1, overdue, StatusPlanlagt)}, MeasuresOverdue{FromEarlier: 1}},
		{"earlier round not loaded", []Measure{fromRound(1, 99, overdue, StatusPlanlagt)}, MeasuresOverdue{FromEarlier: 1}},
		{"round deleted, made in the year", []Measure{madeIn2025(fromRound(1, 99, overdue, StatusPlanlagt))}, MeasuresOverdue{FromOther: 1}},
		{"no round named, made in the year", []Measure{madeIn2025(fromRound(1, 0, overdue, StatusPlanlagt))}, MeasuresOverdue{FromOther: 1}},
		{"not yet due", []Measure{fromRound(1, 2, later, StatusPlanlagt)}, MeasuresOverdue{}},
		{"done is not overdue", []Measure{fromRound(1, 2, overdue, StatusUtfort)}, MeasuresOverdue{}},
		{"other source", []Measure{{ID: 1, Source: Source{Kind: SourceDeviation}, Deadline: overdue, Status: StatusPlanlagt,
			Created: d(2025, time.January, 2)}}, MeasuresOverdue{}},
		{"mixed", []Measure{fromRound(1, 1, overdue, StatusPlanlagt), fromRound(2, 2, overdue, StatusPagar),
			fromRound(3, 2, overdue, StatusPlanlagt), fromRound(4, 2, overdue, StatusUtfort)}, MeasuresOverdue{FromYear: 2, FromEarlier: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafetyRoundOverdueIn(rounds, tt.ms, 2025, today)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			f := ComputeAnnualFigures(AnnualData{Year: 2025, Today: today, SafetyRounds: rounds, Measures: tt.ms})
			if n := f.Plan.OverdueBySource[SourceSafetyRound]; got.Total() != n {
				t.Errorf("total %d, summary's figure %d", got.Total(), n)
			}
		})
	}
}
