package model

import (
	"testing"
	"time"
)

func TestRecordedAfter(t *testing.T) {
	d := func(m time.Month, day int) Date { return NewDate(2026, m, day) }
	today := d(time.January, 20)
	tests := []struct {
		name string
		data AnnualData
		want string // "" = nothing after today
	}{
		{"empty", AnnualData{}, ""},
		{"measure made on today", AnnualData{Measures: []Measure{{ID: 1, Created: today}}}, ""},
		{"deadline after is a plan, not a record", AnnualData{Measures: []Measure{{ID: 1, Created: today, Deadline: d(time.March, 1)}}}, ""},
		{"measure made after", AnnualData{Measures: []Measure{{ID: 1, Created: d(time.January, 21)}}}, "tiltak nr. 1 opprettet 21.01.2026"},
		{"the latest wins", AnnualData{Measures: []Measure{{ID: 1, Created: d(time.January, 1), CompletedOn: d(time.February, 1), EvaluatedOn: d(time.May, 21)},
			{ID: 2, CompletedOn: d(time.March, 1)}}}, "tiltak nr. 1 evaluert 21.05.2026"},
		{"deviation closed after", AnnualData{Deviations: []Deviation{{ID: 7, Date: d(time.January, 2), ClosedOn: d(time.February, 2)}}}, "avvik nr. 7 lukket 02.02.2026"},
		{"round completed after", AnnualData{SafetyRounds: []SafetyRound{{ID: 3, Date: d(time.January, 10), Status: RoundCompleted, CompletedOn: d(time.January, 25)}}},
			"vernerunden 10.01.2026 fullført 25.01.2026"},
		{"round in progress dated after is not done", AnnualData{SafetyRounds: []SafetyRound{{ID: 3, Date: d(time.February, 10)}}}, ""},
		{"draft assessment dated after is not done", AnnualData{Assessments: []RiskAssessment{{ID: 1, Title: "Kjøkken", Date: d(time.March, 1)}}}, ""},
		{"assessment done after", AnnualData{Assessments: []RiskAssessment{{ID: 1, Title: "Kjøkken", Date: d(time.March, 1), Status: AssessmentDone}}},
			"risikovurderingen «Kjøkken» gjennomført 01.03.2026"},
		{"mapping reviewed after", AnnualData{Violence: ViolenceStatusInput{Mapping: &ViolenceMapping{Date: d(time.August, 13)}}},
			"kartleggingen av vold og trusler gjennomgått 13.08.2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.data.RecordedAfter(today)
			if ok != (tt.want != "") || got.What != tt.want {
				t.Errorf("got %+v %v, want %q", got, ok, tt.want)
			}
		})
	}
}
