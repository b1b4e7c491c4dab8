package model

import (
	"testing"
	"time"
)

func TestLatestSafetyRound(t *testing.T) {
	d := func(day int) Date { return NewDate(2026, time.March, day) }
	cases := []struct {
		name   string
		rounds []SafetyRound
		wantID uint64
		ok     bool
	}{
		{"none", nil, 0, false},
		{"one", []SafetyRound{{ID: 4, Date: d(1)}}, 4, true},
		{"latest date wins over higher ID", []SafetyRound{{ID: 1, Date: d(9)}, {ID: 2, Date: d(8)}}, 1, true},
		{"same date: the later created", []SafetyRound{{ID: 3, Date: d(5)}, {ID: 7, Date: d(5)}, {ID: 5, Date: d(5)}}, 7, true},
	}
	for _, c := range cases {
		got, ok := LatestSafetyRound(c.rounds)
		if ok != c.ok || got.ID != c.wantID {
			t.Errorf("%s: got %d %v, want %d %v", c.name, got.ID, ok, c.wantID, c.ok)
		}
	}
}

func TestOpenRoundMeasures(t *testing.T) {
	r := SafetyRound{
		Sections: []ChecklistSection{{Title: "Brannvern", Questions: []ChecklistQuestion{{Text: "a"}, {Text: "b"}, {Text: "c"}}}},
		Answers: []RoundAnswer{
			{Number: 1, Answer: AnswerImprove, MeasureIDs: []uint64{10, 11}},
			{Number: 2, Answer: AnswerImprove, MeasureIDs: []uint64{12, 10}},
			{Number: 3, Answer: AnswerOK, MeasureIDs: []uint64{13}}, // not a finding
		},
	}
	ms := []Measure{
		{ID: 10, Status: StatusPagar, Deadline: NewDate(2026, time.May, 1)},
		{ID: 11, Status: StatusUtfort, Deadline: NewDate(2026, time.April, 1)}, // done
		{ID: 12, Status: StatusPlanlagt, Deadline: NewDate(2026, time.April, 1)},
		{ID: 13, Status: StatusPlanlagt},
		{ID: 14, Status: StatusPlanlagt}, // not linked
	}
	got := OpenRoundMeasures(r, ms)
	var ids []uint64
	for _, m := range got {
		ids = append(ids, m.ID)
	}
	if len(ids) != 2 || ids[0] != 12 || ids[1] != 10 {
		t.Errorf("open measures %v, want [12 10] (deadline order, each once, no done or unlinked)", ids)
	}
	if got := OpenRoundMeasures(SafetyRound{}, ms); len(got) != 0 {
		t.Errorf("round without findings gave %d measures", len(got))
	}
}
