package model

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func ymd(y int, m time.Month, d int) Date { return NewDate(y, m, d) }

func TestStateDateAndDoneIn(t *testing.T) {
	y := HMSYear(2025)
	for _, c := range []struct {
		today, want Date
	}{
		{ymd(2026, 1, 15), ymd(2025, 12, 31)}, // the usual January report
		{ymd(2025, 12, 31), ymd(2025, 12, 31)},
		{ymd(2025, 12, 30), ymd(2025, 12, 30)}, // the year is still running
		{ymd(2025, 6, 1), ymd(2025, 6, 1)},
		{Date{}, ymd(2025, 12, 31)},
	} {
		if got := y.StateDate(c.today); got != c.want {
			t.Errorf("StateDate(%s) = %s, want %s", c.today, got, c.want)
		}
	}
	for _, c := range []struct {
		d, today Date
		want     bool
	}{
		{ymd(2025, 1, 1), ymd(2026, 1, 15), true},
		{ymd(2025, 12, 31), ymd(2026, 1, 15), true},
		{ymd(2026, 1, 1), ymd(2026, 1, 15), false}, // after the year
		{ymd(2024, 12, 31), ymd(2026, 1, 15), false},
		{ymd(2025, 6, 2), ymd(2025, 6, 1), false}, // after the report date
		{ymd(2025, 6, 1), ymd(2025, 6, 1), true},
		{Date{}, ymd(2026, 1, 15), false},
	} {
		if got := y.DoneIn(c.d, c.today); got != c.want {
			t.Errorf("DoneIn(%s, %s) = %v", c.d, c.today, got)
		}
	}
}

func TestAssessmentRules(t *testing.T) {
	done := func(id uint64, d Date, next uint64) RiskAssessment {
		return RiskAssessment{ID: id, Date: d, Status: AssessmentDone, SupersededBy: next}
	}
	old := done(1, ymd(2024, 3, 1), 2)
	revised := done(2, ymd(2025, 11, 1), 0)
	draftSuccessor := RiskAssessment{ID: 4, Date: ymd(2025, 2, 1), Status: AssessmentDraft}
	keptByDraft := done(3, ymd(2024, 5, 1), 4)
	lost := done(5, ymd(2024, 6, 1), 404) // successor missing from the file
	later := done(6, ymd(2026, 2, 1), 0)
	all := []RiskAssessment{old, revised, draftSuccessor, keptByDraft, lost, later}
	for _, c := range []struct {
		on   Date
		want []uint64
	}{
		{ymd(2024, 12, 31), []uint64{1, 3}},    // before the revision
		{ymd(2025, 10, 31), []uint64{1, 3}},    // the day before
		{ymd(2025, 11, 1), []uint64{2, 3}},     // the revision's day replaces the old one
		{ymd(2026, 12, 31), []uint64{2, 3, 6}}, // a draft never replaces, nor counts
	} {
		got := AssessmentsInForce(all, c.on)
		if len(got) != len(c.want) {
			t.Errorf("in force %s: %v, want %v", c.on, got, c.want)
		}
		for _, id := range c.want {
			if !got[id] {
				t.Errorf("in force %s: %d missing (%v)", c.on, id, got)
			}
		}
	}
	for _, c := range []struct {
		a    RiskAssessment
		y    HMSYear
		want bool
	}{
		{revised, 2025, true},
		{revised, 2024, false},
		{draftSuccessor, 2025, false}, // a draft is never carried out
		{RiskAssessment{Date: ymd(2025, 5, 1), Status: AssessmentInProgress}, 2025, false},
		{later, 2025, false},
	} {
		if got := AssessmentCarriedOutIn(c.a, c.y, ymd(2026, 12, 4)); got != c.want {
			t.Errorf("carried out %d in %d: %v", c.a.ID, c.y, got)
		}
	}
	got := AssessmentsForYear(all, 2025, ymd(2026, 1, 15))
	var ids []uint64
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if len(ids) != 2 || ids[0] != 3 || ids[1] != 2 { // by date: 3 (2024-05), 2 (2025-11)
		t.Errorf("for 2025: %v, want [3 2]", ids)
	}
}

func TestRoundMeetingMeasureRules(t *testing.T) {
	today := ymd(2026, 1, 15)
	for _, c := range []struct {
		r          SafetyRound
		held, open bool
	}{
		{SafetyRound{Date: ymd(2025, 12, 31), Status: RoundCompleted}, true, false},
		{SafetyRound{Date: ymd(2025, 12, 10), Status: RoundInProgress}, false, true},
		{SafetyRound{Date: ymd(2026, 1, 2), Status: RoundCompleted}, false, false},
	} {
		if h, u := SafetyRoundHeldIn(c.r, 2025, today), SafetyRoundUnfinishedIn(c.r, 2025, today); h != c.held || u != c.open {
			t.Errorf("round %s %s: held %v unfinished %v", c.r.Date, c.r.Status, h, u)
		}
	}
	if !MeetingHeldIn(Meeting{Date: ymd(2025, 12, 31)}, 2025, today) || MeetingHeldIn(Meeting{Date: ymd(2026, 1, 10)}, 2025, today) ||
		MeetingHeldIn(Meeting{Date: ymd(2025, 12, 20)}, 2025, ymd(2025, 12, 19)) {
		t.Error("meeting rule")
	}
	ev := func(done, evaluated, updated Date) *Measure {
		return &Measure{Status: StatusEvaluert, CompletedOn: done, EvaluatedOn: evaluated, Updated: updated}
	}
	for _, c := range []struct {
		name string
		m    *Measure
		want bool
	}{
		{"evaluated in the year", ev(ymd(2025, 3, 1), ymd(2025, 12, 31), Date{}), true},
		{"evaluated after the year", ev(ymd(2025, 3, 1), ymd(2026, 1, 2), Date{}), false},
		{"done the year before", ev(ymd(2024, 3, 1), ymd(2025, 2, 1), Date{}), false},
		{"old record: last update in the year", ev(ymd(2025, 3, 1), Date{}, ymd(2025, 9, 1)), true},
		{"old record: last update after", ev(ymd(2025, 3, 1), Date{}, ymd(2026, 1, 5)), false},
		{"old record: no date at all", ev(ymd(2025, 3, 1), Date{}, Date{}), false},
		{"done, not evaluated", &Measure{Status: StatusUtfort, CompletedOn: ymd(2025, 3, 1)}, false},
	} {
		if got := MeasureEvaluatedIn(c.m, 2025, today); got != c.want {
			t.Errorf("%s: %v", c.name, got)
		}
	}
}

func TestEvaluatedOnIsSetByTheTransition(t *testing.T) {
	m := Measure{Title: "x", Status: StatusUtfort, Created: ymd(2025, 1, 1), CompletedOn: ymd(2025, 2, 1)}
	n, err := m.Transition(StatusEvaluert, TransitionInput{Note: "Virket"}, ymd(2025, 3, 3))
	if err != nil || n.EvaluatedOn != ymd(2025, 3, 3) {
		t.Errorf("EvaluatedOn %s, %v", n.EvaluatedOn, err)
	}
}

func TestSurveyRoundFor(t *testing.T) {
	rounds := []SurveyRound{
		{ID: 1, Year: 2022, ResultsOn: ymd(2022, 10, 1)},
		{ID: 2, Year: 2024, ResultsOn: ymd(2024, 10, 1)},
		{ID: 3, Year: 2026, ResultsOn: ymd(2027, 1, 5)}, // results after its year
		{ID: 4, Year: 2025}, // no results date: counts by its year
	}
	for _, c := range []struct {
		y     HMSYear
		today Date
		want  uint64
	}{
		{2021, ymd(2027, 2, 1), 0},
		{2023, ymd(2027, 2, 1), 1},
		{2024, ymd(2027, 2, 1), 2},
		{2025, ymd(2027, 2, 1), 4},
		{2026, ymd(2027, 2, 1), 4},  // the 2026 round's results came in 2027
		{2024, ymd(2024, 9, 30), 1}, // the report made before the results
	} {
		got := SurveyRoundFor(rounds, c.y, c.today)
		id := uint64(0)
		if got != nil {
			id = got.ID
		}
		if id != c.want {
			t.Errorf("SurveyRoundFor(%d, %s) = %d, want %d", c.y, c.today, id, c.want)
		}
	}
}

func TestViolenceInputFor(t *testing.T) {
	in := ViolenceStatusInput{
		Mapping:   &ViolenceMapping{Date: ymd(2026, 8, 13)},
		Trainings: []ViolenceTraining{{Date: ymd(2025, 11, 9)}, {Date: ymd(2026, 2, 1)}},
		Routines: ViolenceRoutines{Routines: []ViolenceRoutine{{Kind: RoutineKinds()[0], Exists: true, Updated: ymd(2026, 7, 14)}},
			Informed: []ViolenceInformation{{Date: ymd(2025, 5, 1), Employees: true}, {Date: ymd(2026, 5, 1), Representatives: true}}},
		Incidents: []Deviation{{Date: ymd(2025, 4, 1)}, {Date: ymd(2026, 4, 1)}},
		Measures:  []Measure{{Created: ymd(2025, 4, 1)}, {Created: ymd(2026, 4, 1)}},
	}
	out, note := ViolenceInputFor(in, 2025, ymd(2026, 12, 4))
	if out.Mapping != nil || note == "" {
		t.Errorf("a mapping dated 13.08.2026 documents 2025: %v %q", out.Mapping, note)
	}
	if len(out.Trainings) != 1 || len(out.Incidents) != 1 || len(out.Measures) != 1 || len(out.Routines.Informed) != 1 {
		t.Errorf("records after the year kept: %+v", out)
	}
	if r := out.Routines.Routines[0]; !r.Exists || !r.Updated.IsZero() {
		t.Errorf("a routine revised after the year: %+v", r)
	}
	if in.Routines.Routines[0].Updated.IsZero() {
		t.Error("ViolenceInputFor changed its input")
	}
	out, note = ViolenceInputFor(in, 2026, ymd(2026, 12, 4))
	if out.Mapping == nil || note != "" || len(out.Trainings) != 2 {
		t.Errorf("2026: mapping %v, note %q, trainings %d", out.Mapping, note, len(out.Trainings))
	}
	// ViolenceYear is the two in one.
	for _, y := range []HMSYear{2025, 2026} {
		yin, st, note := ViolenceYear(in, y, ymd(2026, 12, 4))
		wantIn, wantNote := ViolenceInputFor(in, y, ymd(2026, 12, 4))
		wantSt, _ := ViolenceStatusForYear(in, y, ymd(2026, 12, 4))
		if !reflect.DeepEqual(yin, wantIn) || !reflect.DeepEqual(st, wantSt) || note != wantNote || len(st) == 0 {
			t.Errorf("ViolenceYear(%s) differs from ViolenceInputFor and ViolenceStatusForYear", y)
		}
	}
}

func TestSickLeaveAlertsForYear(t *testing.T) {
	q := func(y, n int, p Percent) SickLeaveQuarter {
		return SickLeaveQuarter{Quarter: Quarter{Year: y, Q: n}, Total: p}
	}
	s := SickLeaveSettings{}.OrDefault()
	qs := []SickLeaveQuarter{q(2024, 4, 750), q(2025, 1, 760), q(2025, 3, 500), q(2025, 4, 720), q(2026, 1, 730)}
	// 2024-K4 → 2025-K1 ends in 2025; 2025-K4 → 2026-K1 ends in 2026 and
	// never counts for 2025, even though 2025-K4 is in 2025.
	a25 := SickLeaveAlertsForYear(qs, s, 2025)
	a26 := SickLeaveAlertsForYear(qs, s, 2026)
	if len(a25) != 1 || a25[0].Last() != (Quarter{Year: 2025, Q: 1}) {
		t.Errorf("2025: %+v", a25)
	}
	if len(a26) != 1 || a26[0].First() != (Quarter{Year: 2025, Q: 4}) {
		t.Errorf("2026: %+v", a26)
	}
}

func TestKeepShared(t *testing.T) {
	even := func(n *int) bool { return *n%2 == 0 }
	tests := []struct {
		name   string
		in     []int
		want   []int
		shared bool
	}{
		{"nil", nil, nil, false},
		{"none kept", []int{1, 3}, nil, false},
		{"some kept: a copy", []int{2, 3, 4}, []int{2, 4}, false},
		{"all kept: the input", []int{2, 4, 6}, []int{2, 4, 6}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := keepShared(tt.in, even)
			if !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
				t.Fatalf("keepShared(%v) = %v, want %v", tt.in, got, tt.want)
			}
			if len(got) > 0 && (&got[0] == &tt.in[0]) != tt.shared {
				t.Errorf("shares the input's array: %v, want %v", &got[0] == &tt.in[0], tt.shared)
			}
			if tt.shared {
				in := slices.Clone(tt.in)
				_ = append(got, 8)
				if !slices.Equal(tt.in, in) || cap(got) != len(got) {
					t.Error("appending to the result can write into the input")
				}
			}
		})
	}
}

func TestYearInProgressNote(t *testing.T) {
	cases := []struct {
		today Date
		want  string
	}{
		{ymd(2026, 12, 5), "Året er ikke over: rapporten gjelder 01.01.2026 til og med 05.12.2026, og tallene er foreløpige."},
		{ymd(2026, 12, 31), ""},
		{ymd(2027, 1, 20), ""},
		{Date{}, ""},
	}
	for _, c := range cases {
		y := HMSYear(2026)
		if got := y.InProgressNote(c.today); got != c.want {
			t.Errorf("%s: %q, want %q", c.today, got, c.want)
		}
		if y.Over(c.today) != (c.want == "") {
			t.Errorf("%s: Over %v", c.today, y.Over(c.today))
		}
	}
}
