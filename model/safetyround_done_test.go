package model

import (
	"testing"
	"time"
)

func TestSafetyRoundCompletedDate(t *testing.T) {
	inspected := NewDate(2026, time.May, 12)
	locked := NewDate(2026, time.August, 20)
	cases := []struct {
		name string
		r    SafetyRound
		want Date
	}{
		{"in progress", SafetyRound{Date: inspected, Status: RoundInProgress}, Date{}},
		{"in progress, no status", SafetyRound{Date: inspected}, Date{}},
		{"completed: the day it was locked, not the inspection", SafetyRound{Date: inspected, Status: RoundCompleted, CompletedOn: locked}, locked},
		{"completed the same day", SafetyRound{Date: inspected, Status: RoundCompleted, CompletedOn: inspected}, inspected},
		{"completed without a completion day: its date", SafetyRound{Date: inspected, Status: RoundCompleted}, inspected},
	}
	for _, c := range cases {
		if got := c.r.CompletedDate(); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestLatestCompletedRound(t *testing.T) {
	d := func(m time.Month, day int) Date { return NewDate(2026, m, day) }
	done := func(id uint64, inspected, completed Date) SafetyRound {
		return SafetyRound{ID: id, Date: inspected, Status: RoundCompleted, CompletedOn: completed}
	}
	cases := []struct {
		name   string
		rounds []SafetyRound
		wantID uint64
		ok     bool
	}{
		{"none", nil, 0, false},
		{"only one in progress", []SafetyRound{{ID: 1, Date: d(time.May, 1)}}, 0, false},
		{"a later round in progress does not count", []SafetyRound{done(1, d(time.May, 1), d(time.May, 2)), {ID: 2, Date: d(time.June, 1)}}, 1, true},
		{"by completion, not inspection", []SafetyRound{done(1, d(time.May, 1), d(time.August, 20)), done(2, d(time.June, 1), d(time.June, 3))}, 1, true},
		{"same completion day: the later created", []SafetyRound{done(5, d(time.May, 1), d(time.June, 3)), done(3, d(time.May, 9), d(time.June, 3))}, 5, true},
	}
	for _, c := range cases {
		got, ok := LatestCompletedRound(c.rounds)
		if ok != c.ok || got.ID != c.wantID {
			t.Errorf("%s: got %d %v, want %d %v", c.name, got.ID, ok, c.wantID, c.ok)
		}
	}
}

func TestRoundToFinish(t *testing.T) {
	today := NewDate(2026, time.November, 24)
	spring := WheelEntry{Year: 2026, Kind: WheelSafetyRound, Seq: 1, Due: NewDate(2026, time.May, 31)}
	autumn := WheelEntry{Year: 2026, Kind: WheelSafetyRound, Seq: 2, Due: NewDate(2026, time.October, 31)}
	going := func(id uint64, d Date) SafetyRound { return SafetyRound{ID: id, Date: d, Status: RoundInProgress} }
	twoQ := []ChecklistSection{{Title: "S", Questions: []ChecklistQuestion{{Text: "a"}, {Text: "b"}}}}
	answered := func(id uint64, d Date, n int) SafetyRound {
		r := going(id, d)
		r.Sections = twoQ
		for i := 1; i <= n; i++ {
			r.Answers = append(r.Answers, RoundAnswer{Number: i, Answer: AnswerOK})
		}
		return r
	}
	cases := []struct {
		name   string
		e      WheelEntry
		rounds []SafetyRound
		wantID uint64
	}{
		{"none", autumn, nil, 0},
		{"in progress in the half-year", autumn, []SafetyRound{going(4, NewDate(2026, time.September, 2))}, 4},
		{"first day of the half-year", autumn, []SafetyRound{going(4, NewDate(2026, time.July, 1))}, 4},
		{"last day of the first half is not the second's", autumn, []SafetyRound{going(4, NewDate(2026, time.June, 30))}, 0},
		{"the spring duty takes the spring round", spring, []SafetyRound{going(4, NewDate(2026, time.June, 30)), going(5, NewDate(2026, time.September, 2))}, 4},
		{"completed rounds are not to finish", autumn, []SafetyRound{{ID: 4, Date: NewDate(2026, time.September, 2), Status: RoundCompleted, CompletedOn: today}}, 0},
		{"dated after today", autumn, []SafetyRound{going(4, today.AddDays(1))}, 0},
		{"last year's round", autumn, []SafetyRound{going(4, NewDate(2025, time.September, 2))}, 0},
		{"the latest of two", autumn, []SafetyRound{going(4, NewDate(2026, time.September, 2)), going(6, NewDate(2026, time.August, 2))}, 4},
		{"all answered wins over a newer empty one", autumn, []SafetyRound{answered(4, NewDate(2026, time.September, 2), 2), answered(7, today, 0)}, 4},
		{"fewer left wins over later", autumn, []SafetyRound{answered(7, today, 1), answered(4, NewDate(2026, time.September, 2), 0)}, 7},
		{"equally near: the latest", autumn, []SafetyRound{answered(4, NewDate(2026, time.September, 2), 1), answered(7, today, 1)}, 7},
		{"not a safety-round duty", WheelEntry{Year: 2026, Kind: WheelMeeting, Seq: 4}, []SafetyRound{going(4, NewDate(2026, time.November, 2))}, 0},
	}
	for _, c := range cases {
		got, ok := RoundToFinish(c.e, c.rounds, today)
		if ok != (c.wantID != 0) || got.ID != c.wantID {
			t.Errorf("%s: got %d %v, want %d", c.name, got.ID, ok, c.wantID)
		}
	}
}

func TestUnfinishedRound(t *testing.T) {
	twoQ := []ChecklistSection{{Title: "S", Questions: []ChecklistQuestion{{Text: "a"}, {Text: "b"}}}}
	round := func(id uint64, st RoundStatus, n int) SafetyRound {
		r := SafetyRound{ID: id, Date: NewDate(2026, time.September, int(id)), Status: st, Sections: twoQ}
		for i := 1; i <= n; i++ {
			r.Answers = append(r.Answers, RoundAnswer{Number: i, Answer: AnswerOK})
		}
		return r
	}
	cases := []struct {
		name   string
		rounds []SafetyRound
		wantID uint64
	}{
		{"none", nil, 0},
		{"only completed", []SafetyRound{round(1, RoundCompleted, 2)}, 0},
		{"the one in progress", []SafetyRound{round(1, RoundCompleted, 2), round(2, RoundInProgress, 0)}, 2},
		{"nearest completion", []SafetyRound{round(3, RoundInProgress, 2), round(5, RoundInProgress, 0)}, 3},
		{"equally near: the latest", []SafetyRound{round(3, RoundInProgress, 1), round(5, RoundInProgress, 1)}, 5},
	}
	for _, c := range cases {
		got, ok := UnfinishedRound(c.rounds)
		if ok != (c.wantID != 0) || got.ID != c.wantID {
			t.Errorf("%s: got %d %v, want %d", c.name, got.ID, ok, c.wantID)
		}
	}
}
