package model

import (
	"testing"
	"time"
)

// The deviation, risk and meeting lines' «tiltak over fristen» split by
// whether the section shows the record the measure came from, and always
// adding up to the summary's figure.
func TestSourceOverdueSplits(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	today := d(2026, time.December, 4)
	overdue, later := d(2025, time.March, 1), d(2027, time.January, 1)
	made2024, made2025 := d(2024, time.October, 2), d(2025, time.January, 10)
	measure := func(id uint64, k SourceKind, ref, parent uint64, deadline, created Date, st Status) Measure {
		return Measure{ID: id, Source: Source{Kind: k, RefID: ref, ParentID: parent}, Deadline: deadline, Status: st,
			Created: created, Title: "Tiltak", Responsible: "Leder", PriorityArea: AreaLeadership}
	}
	devs := []Deviation{
		{ID: 1, Date: d(2024, time.November, 3)},
		{ID: 2, Date: d(2025, time.June, 1)},
		{ID: 3, Date: d(2025, time.December, 31)}, // the year's last day counts
	}
	meetings := []Meeting{
		{ID: 1, Date: d(2024, time.November, 20)},
		{ID: 2, Date: d(2025, time.May, 20)},
	}
	assessments := []RiskAssessment{
		{ID: 1, Title: "Gammel", Date: d(2023, time.March, 1), Status: AssessmentDone, NextReview: d(2024, time.March, 1), SupersededBy: 2},
		{ID: 2, Title: "Årets", Date: d(2025, time.April, 1), Status: AssessmentDone, NextReview: d(2026, time.April, 1)},
	}
	type split func([]Measure) MeasuresOverdue
	cases := []struct {
		name string
		kind SourceKind
		fn   split
		ms   []Measure
		want MeasuresOverdue
	}{
		{"deviation of the year", SourceDeviation, func(ms []Measure) MeasuresOverdue { return DeviationOverdueIn(devs, ms, 2025, today) },
			[]Measure{measure(1, SourceDeviation, 2, 0, overdue, made2025, StatusPlanlagt), measure(2, SourceDeviation, 3, 0, overdue, made2025, StatusPagar)},
			MeasuresOverdue{FromYear: 2}},
		{"deviation of 2024, measure made then", SourceDeviation, func(ms []Measure) MeasuresOverdue { return DeviationOverdueIn(devs, ms, 2025, today) },
			[]Measure{measure(1, SourceDeviation, 1, 0, overdue, made2024, StatusPlanlagt)}, MeasuresOverdue{FromEarlier: 1}},
		{"deviation of 2024, measure made in 2025", SourceDeviation, func(ms []Measure) MeasuresOverdue { return DeviationOverdueIn(devs, ms, 2025, today) },
			[]Measure{measure(1, SourceDeviation, 1, 0, overdue, made2025, StatusPlanlagt)}, MeasuresOverdue{FromOther: 1}},
		{"deviation done or not due", SourceDeviation, func(ms []Measure) MeasuresOverdue { return DeviationOverdueIn(devs, ms, 2025, today) },
			[]Measure{measure(1, SourceDeviation, 2, 0, overdue, made2025, StatusUtfort), measure(2, SourceDeviation, 2, 0, later, made2025, StatusPlanlagt)},
			MeasuresOverdue{}},
		{"meeting of the year and of 2024", SourceMeetingDecision, func(ms []Measure) MeasuresOverdue { return MeetingOverdueIn(meetings, ms, 2025, today) },
			[]Measure{measure(1, SourceMeetingDecision, 7, 2, overdue, made2025, StatusPlanlagt), measure(2, SourceMeetingDecision, 8, 1, overdue, made2024, StatusPlanlagt)},
			MeasuresOverdue{FromYear: 1, FromEarlier: 1}},
		{"meeting deleted", SourceMeetingDecision, func(ms []Measure) MeasuresOverdue { return MeetingOverdueIn(meetings, ms, 2025, today) },
			[]Measure{measure(1, SourceMeetingDecision, 7, 99, overdue, made2025, StatusPlanlagt)}, MeasuresOverdue{FromOther: 1}},
		{"risk in the year's table and an old one", SourceRiskAssessment, func(ms []Measure) MeasuresOverdue { return RiskOverdueIn(assessments, ms, 2025, today) },
			[]Measure{measure(1, SourceRiskAssessment, 5, 2, overdue, made2025, StatusPlanlagt), measure(2, SourceRiskAssessment, 6, 1, overdue, made2024, StatusPlanlagt)},
			MeasuresOverdue{FromYear: 1, FromEarlier: 1}},
		{"another source is not counted", SourceRiskAssessment, func(ms []Measure) MeasuresOverdue { return RiskOverdueIn(assessments, ms, 2025, today) },
			[]Measure{measure(1, SourceDeviation, 2, 0, overdue, made2025, StatusPlanlagt)}, MeasuresOverdue{}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.fn(tt.ms)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			f := ComputeAnnualFigures(AnnualData{Year: 2025, Today: today, Measures: tt.ms})
			if n := f.Plan.OverdueBySource[tt.kind]; got.Total() != n {
				t.Errorf("total %d, summary's figure %d", got.Total(), n)
			}
		})
	}
}

func TestDeviationInYear(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	for _, tt := range []struct {
		date, today Date
		want        bool
	}{
		{d(2025, time.January, 1), d(2026, time.January, 20), true},
		{d(2025, time.December, 31), d(2026, time.January, 20), true},
		{d(2024, time.December, 31), d(2026, time.January, 20), false},
		{d(2026, time.January, 1), d(2026, time.January, 20), false},
		{d(2025, time.June, 2), d(2025, time.June, 1), false}, // after the state date
		{d(2025, time.June, 1), d(2025, time.June, 1), true},
		{d(2025, time.June, 2), Date{}, true}, // no state date
	} {
		if got := DeviationInYear(Deviation{Date: tt.date}, 2025, tt.today); got != tt.want {
			t.Errorf("%s per %s: %v, want %v", tt.date, tt.today, got, tt.want)
		}
	}
}
