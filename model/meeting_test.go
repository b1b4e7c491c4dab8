package model

import (
	"slices"
	"strings"
	"testing"
)

func kinds(items []AgendaItem) []AgendaKind {
	var out []AgendaKind
	for _, it := range items {
		out = append(out, it.Kind)
	}
	return out
}

func TestProposeAgenda(t *testing.T) {
	always := []AgendaKind{AgendaApproval, AgendaAttendance, AgendaAOB}
	tests := []struct {
		name  string
		facts AgendaFacts
		want  []AgendaKind
	}{
		{"nothing to take up: only the items every meeting has", AgendaFacts{}, always},
		{"one deviation since last", AgendaFacts{DeviationsSinceLast: 1},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaDeviations, AgendaAOB}},
		{"open measures", AgendaFacts{OpenMeasures: 3},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaActionPlan, AgendaAOB}},
		{"overdue alone is enough", AgendaFacts{OverdueMeasures: 1},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaActionPlan, AgendaAOB}},
		{"risk review due", AgendaFacts{RiskReviewsDue: 1},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaRisk, AgendaAOB}},
		{"risk assessment changed", AgendaFacts{RiskChangedSinceLast: 2},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaRisk, AgendaAOB}},
		{"violence mapping", AgendaFacts{ViolenceMapping: true},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaViolence, AgendaAOB}},
		{"violence incident without mapping", AgendaFacts{ViolenceSinceLast: 1},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaViolence, AgendaAOB}},
		{"safety round", AgendaFacts{SafetyRoundSinceLast: true},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaSafetyRound, AgendaAOB}},
		{"10-FAKTOR follow-up", AgendaFacts{TenFactorFollowUp: true},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaTenFactor, AgendaAOB}},
		{"everything, in the fixed order", AgendaFacts{DeviationsSinceLast: 4, OpenMeasures: 9, OverdueMeasures: 2,
			RiskReviewsDue: 1, ViolenceMapping: true, SafetyRoundSinceLast: true, TenFactorFollowUp: true},
			[]AgendaKind{AgendaApproval, AgendaAttendance, AgendaDeviations, AgendaActionPlan, AgendaRisk,
				AgendaViolence, AgendaSafetyRound, AgendaTenFactor, AgendaAOB}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ProposeAgenda(tt.facts)
			if !slices.Equal(kinds(got), tt.want) {
				t.Errorf("got %v, want %v", kinds(got), tt.want)
			}
			for _, it := range got {
				if it.Title != it.Kind.Label() || it.Title == "" {
					t.Errorf("%s has title %q", it.Kind, it.Title)
				}
			}
		})
	}
}

var mtgDay = NewDate(2026, 11, 24)

func validMeeting() Meeting {
	members := []CommitteeMember{
		{ID: 1, Name: "Kari  Nordmann", Role: RoleLeder, From: NewDate(2024, 1, 1)},
		{ID: 2, Name: "Ola Hansen", Role: RoleVerneombud, From: NewDate(2024, 1, 1)},
		{ID: 3, Name: "Gammel Leder", Role: RoleLeder, From: NewDate(2020, 1, 1), To: NewDate(2023, 12, 31)},
	}
	return NewMeeting(mtgDay, members, ProposeAgenda(AgendaFacts{}), mtgDay)
}

func TestNewMeetingInvitesActiveMembersAndNumbersItems(t *testing.T) {
	m := validMeeting()
	if len(m.Participants) != 2 || m.Participants[0].Name != "Kari Nordmann" || m.Participants[1].Role != RoleVerneombud {
		t.Errorf("participants %+v", m.Participants)
	}
	if len(m.Agenda) != 3 || m.Agenda[0].ID == 0 || m.Agenda[1].ID == m.Agenda[0].ID {
		t.Errorf("agenda %+v", m.Agenda)
	}
	if err := m.Validate(mtgDay); err != nil {
		t.Errorf("valid meeting refused: %v", err)
	}
	if m.Title() != "Møte 24.11.2026" {
		t.Errorf("title %q", m.Title())
	}
}

func TestAgendaEditing(t *testing.T) {
	m := validMeeting()
	aob := m.Agenda[2].ID
	m = m.AddItem(AgendaItem{Kind: AgendaCustom, Title: "Ny garderobe"})
	if got := kinds(m.Agenda); !slices.Equal(got, []AgendaKind{AgendaApproval, AgendaAttendance, AgendaCustom, AgendaAOB}) {
		t.Fatalf("custom item not before Eventuelt: %v", got)
	}
	custom := m.Agenda[2].ID
	m = m.MoveItem(custom, -10) // clamped to the top
	if m.Agenda[0].ID != custom {
		t.Errorf("move to top: %v", kinds(m.Agenda))
	}
	m = m.MoveItem(custom, 1)
	if m.Agenda[1].ID != custom {
		t.Errorf("move down one: %v", kinds(m.Agenda))
	}
	m = m.MoveItem(aob, 1) // already last: unchanged
	if m.Agenda[3].ID != aob {
		t.Error("last item moved past the end")
	}
	m = m.RemoveItem(custom)
	if len(m.Agenda) != 3 || m.ItemIndex(custom) != -1 {
		t.Errorf("remove: %v", kinds(m.Agenda))
	}
	// IDs are not reused after a removal.
	m = m.AddItem(AgendaItem{Kind: AgendaCustom, Title: "Enda en"})
	if m.Agenda[2].ID == custom {
		t.Error("ID reused")
	}
	m, did := m.AddDecision(m.Agenda[1].ID, "  Leder følger opp  ")
	d, it, ok := m.Decision(did)
	if !ok || d.Text != "Leder følger opp" || it.Kind != AgendaAttendance {
		t.Errorf("decision %+v in %+v", d, it)
	}
	if _, none := m.AddDecision(999, "x"); none != 0 {
		t.Error("decision added to a missing item")
	}
	m = m.LinkMeasure(did, 77)
	if d, _, _ := m.Decision(did); d.MeasureID != 77 {
		t.Error("measure not linked")
	}
}

func TestMeetingValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Meeting)
		field  string
		msg    string
	}{
		{"no date", func(m *Meeting) { m.Date = Date{} }, FieldMeetingDate, "Møtedato må fylles ut"},
		{"no start", func(m *Meeting) { m.Start = " " }, FieldMeetingStart, "Starttid må fylles ut"},
		{"bad start", func(m *Meeting) { m.Start = "25:00" }, FieldMeetingStart, "tt:mm"},
		{"end before start", func(m *Meeting) { m.End = "13:59" }, FieldMeetingEnd, "senere enn starttid"},
		{"end equal to start", func(m *Meeting) { m.End = "14:00" }, FieldMeetingEnd, "senere enn starttid"},
		{"attended a future meeting", func(m *Meeting) { m.Date = mtgDay.AddDays(1); m.Participants[0].Attended = true },
			FieldParticipants, "før møtedagen"},
		{"empty agenda", func(m *Meeting) { m.Agenda = nil }, FieldAgenda, "minst én sak"},
		{"blank item title", func(m *Meeting) { m.Agenda[1].Title = "" }, FieldItemTitle, "Sakstittel i sak 2 må fylles ut"},
		{"national ID in notes", func(m *Meeting) { m.Agenda[0].Notes = "Gjelder " + genNID(t, 15, 6, 85, 123) }, FieldItemNotes, "Sak 1:"},
		{"blank decision", func(m *Meeting) { m.Agenda[2].Decisions = []Decision{{ID: 90}} }, FieldDecision, "Vedtak i sak 3 må fylles ut"},
		{"duplicate item IDs", func(m *Meeting) { m.Agenda[1].ID = m.Agenda[0].ID }, FieldAgenda, "entydig"},
		{"unknown kind", func(m *Meeting) { m.Agenda[0].Kind = "x" }, FieldAgenda, "ukjent type"},
		{"place too long", func(m *Meeting) { m.Place = strings.Repeat("x", MaxTitleLen+1) }, FieldPlace, "høyst"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMeeting()
			tt.change(&m)
			err := m.Validate(mtgDay)
			var v ValidationError
			if err == nil {
				t.Fatal("accepted")
			}
			v = err.(ValidationError)
			if msg := v.For(tt.field); !strings.Contains(msg, tt.msg) {
				t.Errorf("%s: %q, want %q (all: %v)", tt.field, msg, tt.msg, err)
			}
		})
	}
	// Attendance on the day itself is fine; an end after the start too.
	m := validMeeting()
	m.Participants[0].Attended = true
	m.End = "14:01"
	if err := m.Validate(mtgDay); err != nil {
		t.Errorf("refused: %v", err)
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{"14:00": "14:00", "9.30": "09:30", "1400": "14:00", "8": "08:00", " 23:59 ": "23:59", "0:00": "00:00"} {
		if got, err := ParseClock("Tid", in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "24:00", "12:60", "12:5", "kl 12", "12:00:00", "123"} {
		if _, err := ParseClock("Tid", in); err == nil || !strings.Contains(err.Error(), "Tid") {
			t.Errorf("%q accepted or message without field: %v", in, err)
		}
	}
}

func TestNormalizedMeeting(t *testing.T) {
	m := validMeeting()
	m.Start, m.End, m.Place = "9.5", " ", "  Møterom 2 "
	n := m.Normalized()
	if n.Start != "9.5" || n.End != "" || n.Place != "Møterom 2" {
		// 9.5 does not parse: kept so the message can show it.
		t.Errorf("%q %q %q", n.Start, n.End, n.Place)
	}
	m.Start = "9.05"
	if n := m.Normalized(); n.Start != "09:05" {
		t.Errorf("start %q", n.Start)
	}
}

func TestMeasureFromDecision(t *testing.T) {
	m := validMeeting()
	m.ID = 5
	m, did := m.AddDecision(m.Agenda[1].ID, "Bestille ergonomisk kartlegging")
	ms := NewMeasureFromDecision(m, did, "", " Kari  Nordmann ", mtgDay.AddDays(30), mtgDay)
	if ms.Title != "Bestille ergonomisk kartlegging" || ms.Responsible != "Kari Nordmann" {
		t.Errorf("%+v", ms)
	}
	if ms.Source.Kind != SourceMeetingDecision || ms.Source.ParentID != 5 || ms.Source.RefID != did {
		t.Errorf("source %+v", ms.Source)
	}
	if !strings.HasPrefix(ms.Source.RefLabel, "Møte 24.11.2026, sak 2: Bestille") {
		t.Errorf("label %q", ms.Source.RefLabel)
	}
	if err := ms.Validate(mtgDay); err != nil {
		t.Errorf("measure invalid: %v", err)
	}
	other := Measure{Source: Source{Kind: SourceRiskAssessment, ParentID: 5}}
	if got := MeasuresFromMeeting([]Measure{other, ms}, 5); len(got) != 1 || got[0].Title != ms.Title {
		t.Errorf("MeasuresFromMeeting %+v", got)
	}
}

func TestLastAndNextMeeting(t *testing.T) {
	ms := []Meeting{{ID: 1, Date: NewDate(2026, 2, 10)}, {ID: 2, Date: NewDate(2026, 11, 24)}, {ID: 3, Date: NewDate(2026, 5, 5)}}
	if m, ok := LastMeetingBefore(ms, NewDate(2026, 11, 24)); !ok || m.ID != 3 {
		t.Errorf("last before 24.11: %v %v", m.ID, ok)
	}
	if _, ok := LastMeetingBefore(ms, NewDate(2026, 2, 10)); ok {
		t.Error("a meeting on the day itself is not before it")
	}
	if m, ok := NextMeeting(ms, NewDate(2026, 11, 24)); !ok || m.ID != 2 {
		t.Errorf("next from 24.11 (same day counts): %v %v", m.ID, ok)
	}
	if _, ok := NextMeeting(ms, NewDate(2026, 11, 25)); ok {
		t.Error("no meeting after 25.11")
	}
}

func TestInviteAndUninvite(t *testing.T) {
	day := NewDate(2026, 3, 10)
	members := []CommitteeMember{
		{ID: 1, Name: "Kari Leder", Role: RoleLeder, From: NewDate(2024, 1, 1)},
		{ID: 2, Name: "Ola Verneombud", Role: RoleVerneombud, From: NewDate(2024, 1, 1)},
		{ID: 3, Name: "Per Vara", Role: RoleAnsattrepresentant, From: NewDate(2024, 1, 1), To: NewDate(2025, 12, 31)},
		{ID: 4, Name: "Nina Ny", Role: RoleTillitsvalgt, From: NewDate(2026, 4, 1)},
	}
	m := NewMeeting(day, members, []AgendaItem{{Kind: AgendaApproval}}, day)
	if len(m.Participants) != 2 {
		t.Fatalf("invited %+v", m.Participants)
	}
	ids := func(cms []CommitteeMember) (out []uint64) {
		for _, c := range cms {
			out = append(out, c.ID)
		}
		return out
	}
	// Not invited: none active on the day, so the two others, in order.
	if got := ids(m.NotInvited(members)); !slices.Equal(got, []uint64{3, 4}) {
		t.Errorf("not invited %v", got)
	}
	before := m
	m = m.Uninvite(0)
	if len(m.Participants) != 1 || m.Participants[0].MemberID != 2 || len(before.Participants) != 2 {
		t.Errorf("uninvite: %+v (before %+v)", m.Participants, before.Participants)
	}
	if got := ids(m.NotInvited(members)); !slices.Equal(got, []uint64{1, 3, 4}) {
		t.Errorf("not invited after uninvite %v: the active member first", got)
	}
	for _, i := range []int{-1, 1, 5} {
		if got := m.Uninvite(i); len(got.Participants) != 1 {
			t.Errorf("Uninvite(%d) changed %+v", i, got.Participants)
		}
	}
	m = m.Invite(members[3]).Invite(members[3])
	if len(m.Participants) != 2 || m.Participants[1].Name != "Nina Ny" || m.Participants[1].Role != RoleTillitsvalgt {
		t.Errorf("invite once: %+v", m.Participants)
	}
	m = m.InviteGuest("  Hanne  HR-rådgiver ")
	g := m.Participants[2]
	if g.MemberID != 0 || g.Role != "" || g.Name != "Hanne HR-rådgiver" {
		t.Errorf("guest %+v", g)
	}
	if err := m.Validate(day); err != nil {
		t.Errorf("meeting with a guest invalid: %v", err)
	}
	// A national ID typed as a guest's name is refused when the meeting
	// is saved, and so is a guest without a name.
	if err := m.InviteGuest("Gjest " + genNID(t, 3, 11, 72, 456)).Validate(day); err == nil {
		t.Error("a guest named by a fødselsnummer was accepted")
	}
	if err := m.InviteGuest("").Validate(day); err == nil {
		t.Error("a guest without a name was accepted")
	}
}

func TestAttendanceRefused(t *testing.T) {
	today := NewDate(2026, 11, 24)
	cases := []struct {
		name string
		date Date
		want string
	}{
		{"no date yet", Date{}, ""},
		{"yesterday", NewDate(2026, 11, 23), ""},
		{"the meeting day", today, ""},
		{"tomorrow", NewDate(2026, 11, 25), "Oppmøte kan ikke registreres før møtedagen (25.11.2026)"},
		{"next year", NewDate(2027, 1, 5), "Oppmøte kan ikke registreres før møtedagen (05.01.2027)"},
	}
	for _, c := range cases {
		m := Meeting{Date: c.date}
		if got := m.AttendanceRefused(today); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		// Validate refuses a tick with the same text, and only then.
		m.Participants = []Participant{{Name: "Kari Nordmann", Attended: true}}
		err := m.Validate(today)
		if has := err != nil && strings.Contains(err.Error(), "Oppmøte kan ikke registreres"); has != (c.want != "") {
			t.Errorf("%s: Validate %v", c.name, err)
		}
	}
}
