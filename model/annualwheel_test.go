package model

import (
	"strings"
	"testing"
	"time"
)

func TestWheelStateAtMonthEdges(t *testing.T) {
	jan := WheelEntry{Year: 2026, Kind: WheelInternalControl, Seq: 1, Title: "x", Due: NewDate(2026, 1, 31)}
	dec := WheelEntry{Year: 2026, Kind: WheelActionPlan, Seq: 1, Title: "x", Due: NewDate(2026, 12, 31)}
	mid := WheelEntry{Year: 2026, Kind: WheelMeeting, Seq: 1, Title: "x", Due: NewDate(2026, 2, 15)}
	tests := []struct {
		name  string
		e     WheelEntry
		today Date
		want  WheelState
	}{
		{"31.01 on 01.01: due this month", jan, NewDate(2026, 1, 1), WheelDueNow},
		{"31.01 on 31.01: still due, not late", jan, NewDate(2026, 1, 31), WheelDueNow},
		{"31.01 on 01.02: late", jan, NewDate(2026, 2, 1), WheelLate},
		{"31.01 on 31.12 the year before: upcoming", jan, NewDate(2025, 12, 31), WheelUpcoming},
		{"31.12 on 31.12: due", dec, NewDate(2026, 12, 31), WheelDueNow},
		{"31.12 on 01.01 next year: late", dec, NewDate(2027, 1, 1), WheelLate},
		{"31.12 on 30.11: upcoming", dec, NewDate(2026, 11, 30), WheelUpcoming},
		{"moved to 15.02, on 15.02: due", mid, NewDate(2026, 2, 15), WheelDueNow},
		{"moved to 15.02, on 16.02: late within the month", mid, NewDate(2026, 2, 16), WheelLate},
		{"moved to 15.02, on 31.01: upcoming", mid, NewDate(2026, 1, 31), WheelUpcoming},
		{"same month a year later is not due now", WheelEntry{Due: NewDate(2027, 1, 31)}, NewDate(2026, 1, 5), WheelUpcoming},
		{"done beats late", WheelEntry{Due: NewDate(2026, 1, 31), Done: NewDate(2026, 2, 3)}, NewDate(2026, 3, 1), WheelDone},
		{"no deadline: upcoming", WheelEntry{}, NewDate(2026, 3, 1), WheelUpcoming},
	}
	for _, tt := range tests {
		if got := tt.e.State(tt.today); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestDefaultWheel(t *testing.T) {
	w := DefaultWheel(2026, true)
	month := map[WheelKind][]time.Month{}
	for i, e := range w {
		if err := e.Validate(NewDate(2026, 1, 1)); err != nil {
			t.Errorf("%s invalid: %v", e.Title, err)
		}
		if i > 0 && e.Due.Before(w[i-1].Due) {
			t.Errorf("not sorted at %s", e.Title)
		}
		if e.Due != NewDate(2026, e.Due.Month()+1, 0) {
			t.Errorf("%s: due %s, not the end of the month", e.Title, e.Due)
		}
		month[e.Kind] = append(month[e.Kind], e.Due.Month())
	}
	want := map[WheelKind][]time.Month{
		WheelInternalControl: {time.January},
		WheelAMU:             {time.March},
		WheelSafetyRound:     {time.May, time.October},
		WheelSickLeave:       {time.February, time.May, time.August, time.November},
		WheelMeeting:         {time.February, time.May, time.September, time.November},
		WheelTenFactor:       {time.October},
		WheelTenFactorFollow: {time.December},
		WheelRiskReview:      {time.April},
		WheelViolenceMapping: {time.September},
		WheelActionPlan:      {time.December},
		WheelTraining:        {time.December},
	}
	for k, ms := range want {
		if got := month[k]; len(got) != len(ms) || strings.Join(monthNamesOf(got), ",") != strings.Join(monthNamesOf(ms), ",") {
			t.Errorf("%s in %v, want %v", k, monthNamesOf(got), monthNamesOf(ms))
		}
	}
	if !strings.Contains(w[0].Title, "2025") {
		t.Errorf("January's report is for the year before: %q", w[0].Title)
	}
	// The sick-leave figures in February are for Q4 of the year before.
	for _, e := range w {
		if e.Kind == WheelSickLeave && e.Seq == 1 && !strings.Contains(e.Title, "2025") {
			t.Errorf("February figures: %q", e.Title)
		}
	}
	// In the year between surveys: no survey, an evaluation in June.
	off := DefaultWheel(2027, false)
	for _, e := range off {
		if e.Kind == WheelTenFactor {
			t.Error("survey in an off year")
		}
		if e.Kind == WheelTenFactorFollow && e.Due.Month() != time.June {
			t.Errorf("off-year follow-up in %s", e.Due.Month())
		}
	}
}

func monthNamesOf(ms []time.Month) []string {
	var out []string
	for _, m := range ms {
		out = append(out, MonthName(m))
	}
	return out
}

func TestTenFactorYear(t *testing.T) {
	for _, tt := range []struct {
		year, last HMSYear
		want       bool
	}{{2026, 0, true}, {2027, 0, false}, {2027, 2025, true}, {2026, 2025, false}, {2025, 2025, true}, {2023, 2025, true}} {
		if got := TenFactorYear(tt.year, tt.last); got != tt.want {
			t.Errorf("TenFactorYear(%d, %d) = %v", tt.year, tt.last, got)
		}
	}
}

func TestMergeWheel(t *testing.T) {
	defs := DefaultWheel(2026, false)
	moved := WheelEntry{ID: 7, Year: 2026, Kind: WheelAMU, Seq: 1, Due: NewDate(2026, 4, 15)} // title blank
	stale := WheelEntry{ID: 8, Year: 2026, Kind: WheelTenFactor, Seq: 1, Title: "Undersøkelse", Due: NewDate(2026, 10, 31)}
	otherYear := WheelEntry{ID: 9, Year: 2025, Kind: WheelAMU, Seq: 1, Title: "x", Due: NewDate(2025, 3, 31)}
	got := MergeWheel(defs, []WheelEntry{moved, stale, otherYear})
	if len(got) != len(defs)+1 {
		t.Fatalf("%d entries, want %d", len(got), len(defs)+1)
	}
	var amu WheelEntry
	for _, e := range got {
		if e.Kind == WheelAMU {
			amu = e
		}
		if e.ID == 9 {
			t.Error("entry from another year merged in")
		}
	}
	if amu.ID != 7 || amu.Due != NewDate(2026, 4, 15) || amu.Title == "" {
		t.Errorf("AMU entry %+v", amu)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Due.Before(got[i-1].Due) {
			t.Error("merged wheel not sorted")
		}
	}
}

func TestWheelValidate(t *testing.T) {
	base := DefaultWheel(2026, true)[0]
	today := NewDate(2026, 3, 1)
	tests := []struct {
		name   string
		change func(*WheelEntry)
		field  string
	}{
		{"deadline in another year", func(e *WheelEntry) { e.Due = NewDate(2027, 1, 1) }, FieldWheelDue},
		{"deadline missing", func(e *WheelEntry) { e.Due = Date{} }, FieldWheelDue},
		{"done tomorrow", func(e *WheelEntry) { e.Done = today.AddDays(1) }, FieldWheelDone},
		{"title blank", func(e *WheelEntry) { e.Title = " " }, FieldTitle},
		{"national ID in note", func(e *WheelEntry) { e.Note = genNID(t, 15, 6, 85, 123) }, FieldWheelNote},
		{"unknown kind", func(e *WheelEntry) { e.Kind = "x" }, FieldWheelKind},
		{"no number", func(e *WheelEntry) { e.Seq = 0 }, FieldWheelSeq},
		{"year 1999", func(e *WheelEntry) { e.Year = MinHMSYear - 1 }, FieldWheelYear},
		{"year 2101", func(e *WheelEntry) { e.Year = MaxHMSYear + 1 }, FieldWheelYear},
	}
	for _, tt := range tests {
		e := base
		tt.change(&e)
		err := e.Validate(today)
		if err == nil || err.(ValidationError).For(tt.field) == "" {
			t.Errorf("%s: %v", tt.name, err)
		}
		// Each problem is named after its own field only, so the screen
		// puts it at the right input.
		for _, fe := range err.(ValidationError) {
			if fe.Field != tt.field && tt.name != "deadline in another year" && !strings.Contains(tt.name, "year") {
				t.Errorf("%s: also a message for %q: %s", tt.name, fe.Field, fe.Message)
			}
		}
	}
	e := base
	e.Done = today
	e.Due = NewDate(2026, 12, 31)
	if err := e.Validate(today); err != nil {
		t.Errorf("done today, deadline 31.12: %v", err)
	}
}

func TestWheelAttention(t *testing.T) {
	w := DefaultWheel(2026, true)
	w[0].Done = NewDate(2026, 1, 20) // the January report is done
	due, late := WheelAttention(w, NewDate(2026, 3, 1))
	// Due in March: the AMU. Late: February's meeting and sick-leave figures.
	if len(due) != 1 || due[0].Kind != WheelAMU {
		t.Errorf("due %+v", due)
	}
	if len(late) != 2 {
		t.Errorf("late %+v", late)
	}
}
