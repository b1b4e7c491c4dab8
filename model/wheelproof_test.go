package model

import (
	"strings"
	"testing"
)

// entry is the default duty of kind and seq in year.
func entry(t *testing.T, year HMSYear, tenFactor bool, k WheelKind, seq int) WheelEntry {
	t.Helper()
	for _, e := range DefaultWheel(year, tenFactor) {
		if e.Kind == k && e.Seq == seq {
			return e
		}
	}
	t.Fatalf("no %s %d in %d", k, seq, year)
	return WheelEntry{}
}

func withNaervaer(id uint64, d Date) Meeting {
	return Meeting{ID: id, Date: d, Agenda: []AgendaItem{{ID: 1, Kind: AgendaApproval}, {ID: 2, Kind: AgendaAttendance}}}
}

func TestProofFor(t *testing.T) {
	today := NewDate(2026, 12, 4)
	d := NewDate
	sick := func(q Quarter) []SickLeaveQuarter { return []SickLeaveQuarter{{ID: 7, Quarter: q, Total: 640}} }
	round := func(day Date, st RoundStatus) []SafetyRound {
		return []SafetyRound{{ID: 3, Title: "Vår", Date: day, Status: st}}
	}
	assess := func(day Date, st AssessmentStatus) []RiskAssessment {
		return []RiskAssessment{{ID: 4, Title: "Kjøkken", Date: day, Status: st}}
	}
	mapping := func(day Date) *ViolenceMapping { return &ViolenceMapping{ID: 1, Date: day} }
	survey := func(y HMSYear, focus int) []SurveyRound {
		return []SurveyRound{{ID: 9, Year: y, ResultsOn: NewDate(int(y), 10, 20), Focus: make([]SurveyFocusArea, focus)}}
	}
	export := func(y HMSYear, on Date) []ExportRecord {
		return []ExportRecord{{Kind: ExportAnnualReport, Year: y, On: on}}
	}
	course := func(y HMSYear, on Date) []AnnualReview {
		return []AnnualReview{{ID: 2, Year: y, Trainings: []HMSCourse{{Course: "Grunnkurs", Date: on, Participants: 4}}}}
	}
	tests := []struct {
		name string
		k    WheelKind
		seq  int
		recs WheelRecords
		want WheelRecord // "" = not proven
	}{
		{"Q4 of last year entered: February figures done", WheelSickLeave, 1, WheelRecords{SickLeave: sick(Quarter{2025, 4})}, RecordSickLeave},
		{"Q4 of this year does not do February's duty", WheelSickLeave, 1, WheelRecords{SickLeave: sick(Quarter{2026, 4})}, ""},
		{"Q1 entered: May figures done", WheelSickLeave, 2, WheelRecords{SickLeave: sick(Quarter{2026, 1})}, RecordSickLeave},
		{"Q3 entered: November figures done", WheelSickLeave, 4, WheelRecords{SickLeave: sick(Quarter{2026, 3})}, RecordSickLeave},
		{"Q2 does not do the Q3 duty", WheelSickLeave, 4, WheelRecords{SickLeave: sick(Quarter{2026, 2})}, ""},
		{"meeting 31.03 with nærvær: meeting 1", WheelMeeting, 1, WheelRecords{Meetings: []Meeting{withNaervaer(1, d(2026, 3, 31))}}, RecordMeeting},
		{"meeting 01.04 is not meeting 1", WheelMeeting, 1, WheelRecords{Meetings: []Meeting{withNaervaer(1, d(2026, 4, 1))}}, ""},
		{"meeting 01.04 is meeting 2", WheelMeeting, 2, WheelRecords{Meetings: []Meeting{withNaervaer(1, d(2026, 4, 1))}}, RecordMeeting},
		{"meeting without nærvær on the agenda does not count", WheelMeeting, 1, WheelRecords{Meetings: []Meeting{{ID: 1, Date: d(2026, 2, 10), Agenda: []AgendaItem{{Kind: AgendaDeviations}}}}}, ""},
		{"meeting planned after today is not held", WheelMeeting, 4, WheelRecords{Meetings: []Meeting{withNaervaer(1, d(2026, 12, 5))}}, ""},
		{"meeting today is held", WheelMeeting, 4, WheelRecords{Meetings: []Meeting{withNaervaer(1, today)}}, RecordMeeting},
		{"meeting last year does not count", WheelMeeting, 4, WheelRecords{Meetings: []Meeting{withNaervaer(1, d(2025, 11, 10))}}, ""},
		{"round locked 30.06: spring round", WheelSafetyRound, 1, WheelRecords{Rounds: round(d(2026, 6, 30), RoundCompleted)}, RecordSafetyRound},
		{"round locked 01.07: not spring", WheelSafetyRound, 1, WheelRecords{Rounds: round(d(2026, 7, 1), RoundCompleted)}, ""},
		{"round locked 01.07: autumn", WheelSafetyRound, 2, WheelRecords{Rounds: round(d(2026, 7, 1), RoundCompleted)}, RecordSafetyRound},
		{"round in progress does not count", WheelSafetyRound, 1, WheelRecords{Rounds: round(d(2026, 5, 2), RoundInProgress)}, ""},
		{"assessment done in the year", WheelRiskReview, 1, WheelRecords{Assessments: assess(d(2026, 1, 1), AssessmentDone)}, RecordAssessment},
		{"assessment done last year", WheelRiskReview, 1, WheelRecords{Assessments: assess(d(2025, 12, 31), AssessmentDone)}, ""},
		{"assessment still a draft", WheelRiskReview, 1, WheelRecords{Assessments: assess(d(2026, 3, 1), AssessmentDraft)}, ""},
		{"assessment dated after today", WheelRiskReview, 1, WheelRecords{Assessments: assess(d(2026, 12, 5), AssessmentDone)}, ""},
		{"mapping reviewed in the year", WheelViolenceMapping, 1, WheelRecords{Mapping: mapping(d(2026, 2, 1))}, RecordViolenceMapping},
		{"mapping reviewed last year", WheelViolenceMapping, 1, WheelRecords{Mapping: mapping(d(2025, 9, 1))}, ""},
		{"mapping reviewed 31.12", WheelViolenceMapping, 1, WheelRecords{Mapping: mapping(d(2026, 12, 31))}, ""}, // after today
		{"mapping dated tomorrow", WheelViolenceMapping, 1, WheelRecords{Mapping: mapping(today.AddDays(1))}, ""},
		{"no mapping", WheelViolenceMapping, 1, WheelRecords{}, ""},
		{"10-FAKTOR round of the year", WheelTenFactor, 1, WheelRecords{Surveys: survey(2026, 0)}, RecordSurvey},
		{"last year's round is not this year's survey", WheelTenFactor, 1, WheelRecords{Surveys: survey(2025, 2)}, ""},
		{"focus areas chosen", WheelTenFactorFollow, 1, WheelRecords{Surveys: survey(2026, 2)}, RecordSurvey},
		{"round without focus areas: follow-up not done", WheelTenFactorFollow, 1, WheelRecords{Surveys: survey(2026, 0)}, ""},
		{"report for 2025 exported 02.01.2026", WheelInternalControl, 1, WheelRecords{Exports: export(2025, d(2026, 1, 2))}, RecordExport},
		{"report for 2025 exported 31.12.2025 is a draft", WheelInternalControl, 1, WheelRecords{Exports: export(2025, d(2025, 12, 31))}, ""},
		{"report for 2026 does not deliver 2025", WheelInternalControl, 1, WheelRecords{Exports: export(2026, d(2026, 2, 1))}, ""},
		{"HMS course in the review", WheelTraining, 1, WheelRecords{Reviews: course(2026, d(2026, 3, 1))}, RecordCourse},
		{"HMS course dated last year", WheelTraining, 1, WheelRecords{Reviews: course(2026, d(2025, 3, 1))}, ""},
		{"violence training counts as HMS training", WheelTraining, 1, WheelRecords{Trainings: []ViolenceTraining{{ID: 5, Topic: "Øvelse", Date: d(2026, 4, 1)}}}, RecordViolenceTraining},
		{"AMU: only by hand", WheelAMU, 1, WheelRecords{Exports: export(2025, d(2026, 1, 2))}, ""},
		{"action plan review: only by hand", WheelActionPlan, 1, WheelRecords{Meetings: []Meeting{withNaervaer(1, d(2026, 11, 1))}}, ""},
	}
	for _, tt := range tests {
		e := entry(t, 2026, true, tt.k, tt.seq)
		p := ProofFor(e, tt.recs, today)
		if p.Record != tt.want {
			t.Errorf("%s: proof %q (%s), want %q", tt.name, p.Record, p.Text, tt.want)
		}
		if p.Proven() && p.Text == "" {
			t.Errorf("%s: proof without text", tt.name)
		}
	}
}

func TestMappingReviewedLaterCoversEarlierYear(t *testing.T) {
	e := entry(t, 2025, false, WheelViolenceMapping, 1)
	m := &ViolenceMapping{ID: 1, Date: NewDate(2026, 1, 1)}
	p := ProofFor(e, WheelRecords{Mapping: m}, NewDate(2026, 1, 1))
	if !p.Proven() || !strings.Contains(p.Text, "senere") {
		t.Errorf("2025 duty with the mapping reviewed 01.01.2026: %+v", p)
	}
	if p := ProofFor(e, WheelRecords{Mapping: m}, NewDate(2025, 12, 31)); p.Proven() {
		t.Errorf("a review dated after today proves nothing: %+v", p)
	}
}

func TestProveWheelDropsFollowUpOfSurveyBeforeStart(t *testing.T) {
	es := DefaultWheel(2026, true)
	for _, tt := range []struct {
		start Date
		want  bool
	}{{NewDate(2026, 10, 31), true}, {NewDate(2026, 11, 1), false}} {
		got := false
		for _, e := range ProveWheel(es, WheelRecords{Start: tt.start}, NewDate(2026, 12, 1)) {
			got = got || e.Kind == WheelTenFactorFollow
		}
		if got != tt.want {
			t.Errorf("start %s: follow-up kept %v", tt.start, got)
		}
	}
}

func TestProofForOffYearEvaluationIsByHand(t *testing.T) {
	e := entry(t, 2027, false, WheelTenFactorFollow, 1)
	recs := WheelRecords{Surveys: []SurveyRound{{ID: 1, Year: 2027, Focus: make([]SurveyFocusArea, 2)}}}
	if p := ProofFor(e, recs, NewDate(2027, 12, 1)); p.Proven() {
		t.Errorf("June evaluation proven by %s", p.Text)
	}
	for _, tt := range []struct {
		e    WheelEntry
		want bool
	}{
		{e, false},
		{entry(t, 2026, true, WheelTenFactorFollow, 1), true},
		{entry(t, 2026, true, WheelAMU, 1), false},
		{entry(t, 2026, true, WheelActionPlan, 1), false},
		{entry(t, 2026, true, WheelSickLeave, 1), true},
		{WheelEntry{Kind: "x"}, false},
	} {
		if got := ProvableByRecord(tt.e); got != tt.want {
			t.Errorf("ProvableByRecord(%s %s) = %v", tt.e.Kind, tt.e.Due, got)
		}
	}
}

func TestProofTexts(t *testing.T) {
	e := entry(t, 2026, true, WheelSickLeave, 2)
	p := ProofFor(e, WheelRecords{SickLeave: []SickLeaveQuarter{{ID: 7, Quarter: Quarter{2026, 1}, Total: 640}}}, NewDate(2026, 6, 1))
	if p.ID != 7 || !strings.Contains(p.Text, "1. kvartal 2026") || !strings.Contains(p.Text, "6,4") {
		t.Errorf("proof %+v", p)
	}
	m := entry(t, 2026, true, WheelMeeting, 1)
	ms := []Meeting{withNaervaer(2, NewDate(2026, 3, 1)), withNaervaer(1, NewDate(2026, 2, 1))}
	if p := ProofFor(m, WheelRecords{Meetings: ms}, NewDate(2026, 6, 1)); p.ID != 1 || p.Date != NewDate(2026, 2, 1) {
		t.Errorf("the first meeting in the window should prove it: %+v", p)
	}
}

func TestProveWheelStartAndState(t *testing.T) {
	es := DefaultWheel(2026, true)
	today := NewDate(2026, 12, 4)
	start := NewDate(2026, 12, 4)
	got := ProveWheel(es, WheelRecords{Start: start}, today)
	for _, e := range got {
		if e.Due.Before(start) {
			t.Errorf("%s due %s before the start %s", e.Title, e.Due, start)
		}
		if e.State(today) == WheelLate {
			t.Errorf("%s late for a unit started today", e.Title)
		}
	}
	if len(got) == 0 || len(got) >= len(es) {
		t.Fatalf("%d of %d duties kept", len(got), len(es))
	}
	// A duty due on the start day is kept.
	edge := ProveWheel(es, WheelRecords{Start: NewDate(2026, 11, 30)}, today)
	found := false
	for _, e := range edge {
		found = found || (e.Kind == WheelMeeting && e.Seq == 4)
	}
	if !found {
		t.Error("meeting 4 due 30.11 dropped for a unit started 30.11")
	}
	// No start: every duty kept.
	if all := ProveWheel(es, WheelRecords{}, today); len(all) != len(es) {
		t.Errorf("%d of %d without a start", len(all), len(es))
	}
	// A proven duty is done although never ticked; a ticked one stays done.
	recs := WheelRecords{SickLeave: []SickLeaveQuarter{{Quarter: Quarter{2025, 4}}}}
	c := CountWheel(ProveWheel(es, recs, today), today)
	if c.Done != 1 || c.Late != len(es)-4 || c.DueNow != 3 || c.Upcoming != 0 {
		t.Errorf("counts %+v of %d", c, len(es))
	}
	ticked := es[0]
	ticked.Done = NewDate(2026, 1, 20)
	if ProveWheel([]WheelEntry{ticked}, WheelRecords{}, today)[0].State(today) != WheelDone {
		t.Error("a duty ticked by hand is no longer done")
	}
}

func TestExportRecordValidate(t *testing.T) {
	today := NewDate(2026, 2, 1)
	for _, tt := range []struct {
		r  ExportRecord
		ok bool
	}{
		{ExportRecord{ExportAnnualReport, 2025, today}, true},
		{ExportRecord{ExportSubmission, 2025, today.AddDays(1)}, false},
		{ExportRecord{"x", 2025, today}, false},
		{ExportRecord{ExportSubmission, 1999, today}, false},
		{ExportRecord{ExportSubmission, 2025, Date{}}, false},
	} {
		if err := tt.r.Validate(today); (err == nil) != tt.ok {
			t.Errorf("%+v: %v", tt.r, err)
		}
	}
}

func TestWheelQuarter(t *testing.T) {
	for seq, want := range map[int]Quarter{0: {2025, 4}, 1: {2025, 4}, 2: {2026, 1}, 3: {2026, 2}, 4: {2026, 3}, 9: {2026, 4}} {
		if got := WheelQuarter(2026, seq); got != want {
			t.Errorf("seq %d: %v, want %v", seq, got, want)
		}
	}
}

func TestUnitStartValidate(t *testing.T) {
	u := Unit{Name: "A", Municipality: "B", Sector: SectorKontor, Employees: 3}
	for _, tt := range []struct {
		start Date
		ok    bool
	}{{Date{}, true}, {NewDate(2026, 12, 4), true}, {NewDate(1999, 12, 31), false}, {NewDate(2101, 1, 1), false}} {
		u.Start = tt.start
		if err := u.Validate(); (err == nil) != tt.ok {
			t.Errorf("start %s: %v", tt.start, err)
		}
	}
	if u.Normalized().Start != u.Start {
		t.Error("Normalized drops the start")
	}
}

func TestWheelProofHint(t *testing.T) {
	for _, tt := range []struct {
		e    WheelEntry
		want string
	}{
		{WheelEntry{Year: 2026, Kind: WheelSickLeave, Seq: 1}, "4. kvartal 2025"},
		{WheelEntry{Year: 2026, Kind: WheelMeeting, Seq: 4}, "01.10.2026 og 31.12.2026"},
		{WheelEntry{Year: 2026, Kind: WheelSafetyRound, Seq: 1}, "01.01.2026 og 30.06.2026"},
		{WheelEntry{Year: 2026, Kind: WheelInternalControl, Seq: 1}, "for 2025"},
		{entry(t, 2026, true, WheelTenFactorFollow, 1), "bevaringsområde"},
		{entry(t, 2027, false, WheelTenFactorFollow, 1), "Merk punktet"},
		{WheelEntry{Year: 2026, Kind: WheelAMU, Seq: 1}, "Merk punktet"},
	} {
		if got := WheelProofHint(tt.e); !strings.Contains(got, tt.want) {
			t.Errorf("%s %d: %q lacks %q", tt.e.Kind, tt.e.Seq, got, tt.want)
		}
	}
}
