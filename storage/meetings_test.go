package storage

import (
	"strings"
	"testing"

	"hmsutvalg/model"
)

var mtgToday = date(2026, 11, 24)

func testMeeting() model.Meeting {
	members := []model.CommitteeMember{{ID: 1, Name: "Kari Nordmann", Role: model.RoleLeder, From: date(2025, 1, 1)}}
	m := model.NewMeeting(mtgToday, members, model.ProposeAgenda(model.AgendaFacts{OpenMeasures: 1}), mtgToday)
	m.Place = " Møterom 1 "
	return m
}

func TestMeetingRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	m, err := s.SaveMeeting(testMeeting(), mtgToday)
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.Place != "Møterom 1" || m.Created != mtgToday || m.Updated != mtgToday {
		t.Fatalf("saved %+v", m)
	}
	got, err := s.Meeting(m.ID)
	if err != nil || got.Title() != m.Title() || len(got.Agenda) != 4 || len(got.Participants) != 1 {
		t.Fatalf("read back %+v, %v", got, err)
	}
	// Unchanged on a later day: nothing written, Updated kept.
	n := changeCount(t, s)
	again, err := s.SaveMeeting(got, mtgToday.AddDays(3))
	if err != nil || again.Updated != mtgToday || changeCount(t, s) != n {
		t.Errorf("unchanged save: %+v %v, %d→%d changes", again.Updated, err, n, changeCount(t, s))
	}
	got.Agenda[0].Notes = "Innkallingen ble godkjent."
	again, err = s.SaveMeeting(got, mtgToday.AddDays(3))
	if err != nil || again.Updated != mtgToday.AddDays(3) || again.Created != mtgToday {
		t.Errorf("changed save: %+v %v", again, err)
	}
	checkMeetingFile(t, path, s)
}

func TestBadMeetingChangesNothing(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	m := testMeeting()
	m.Start = "25:00"
	m.Agenda[1].Title = ""
	n := changeCount(t, s)
	_, err := s.SaveMeeting(m, mtgToday)
	if err == nil || !strings.Contains(err.Error(), "Starttid") || !strings.Contains(err.Error(), "Sakstittel i sak 2") {
		t.Fatalf("err %v", err)
	}
	if ms, _ := s.Meetings(); len(ms) != 0 || changeCount(t, s) != n {
		t.Error("invalid meeting stored")
	}
}

func TestMeasureFromDecisionLinksBothWays(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	m := testMeeting()
	m, did := m.AddDecision(m.Agenda[2].ID, "Verneombudet og leder går gjennom forfalte tiltak")
	m, err := s.SaveMeeting(m, mtgToday)
	if err != nil {
		t.Fatal(err)
	}
	n := changeCount(t, s)
	ms, mtg, err := s.AddMeasureForDecision(m.ID, did, model.Measure{Responsible: "Leder", Deadline: date(2027, 1, 31)}, mtgToday)
	if err != nil {
		t.Fatal(err)
	}
	if changeCount(t, s) != n+2 {
		t.Errorf("%d change-log entries, want 2", changeCount(t, s)-n)
	}
	if ms.Source.Kind != model.SourceMeetingDecision || ms.Source.ParentID != m.ID || ms.Source.RefID != did ||
		ms.Title != "Verneombudet og leder går gjennom forfalte tiltak" || ms.Status != model.StatusPlanlagt {
		t.Errorf("measure %+v", ms)
	}
	if d, _, _ := mtg.Decision(did); d.MeasureID != ms.ID {
		t.Errorf("decision not linked: %+v", d)
	}
	stored, _ := s.Meeting(m.ID)
	if d, _, _ := stored.Decision(did); d.MeasureID != ms.ID {
		t.Error("link not stored")
	}
	// A second measure for the same decision is refused.
	if _, _, err := s.AddMeasureForDecision(m.ID, did, model.Measure{Responsible: "Leder", Deadline: date(2027, 1, 31)}, mtgToday); err == nil {
		t.Error("second measure accepted")
	}
	// A stale copy of the meeting (without the link) keeps the link.
	m.Agenda[0].Notes = "Godkjent"
	saved, err := s.SaveMeeting(m, mtgToday)
	if err != nil {
		t.Fatal(err)
	}
	if d, _, _ := saved.Decision(did); d.MeasureID != ms.ID {
		t.Error("stale form dropped the link")
	}
	// Bad measure: nothing stored, meeting unchanged.
	saved, did2 := saved.AddDecision(saved.Agenda[0].ID, "Ny rutine")
	saved, _ = s.SaveMeeting(saved, mtgToday)
	before, _ := s.Measures()
	if _, _, err := s.AddMeasureForDecision(saved.ID, did2, model.Measure{Deadline: date(2027, 1, 31)}, mtgToday); err == nil || !strings.Contains(err.Error(), "Ansvarlig") {
		t.Errorf("measure without responsible: %v", err)
	}
	after, _ := s.Measures()
	if len(after) != len(before) {
		t.Error("invalid measure stored")
	}
	if x, _ := s.Meeting(saved.ID); func() uint64 { d, _, _ := x.Decision(did2); return d.MeasureID }() != 0 {
		t.Error("decision linked to a refused measure")
	}
	if _, _, err := s.AddMeasureForDecision(saved.ID, 999, model.Measure{}, mtgToday); err == nil {
		t.Error("missing decision accepted")
	}
	// Deleting the meeting leaves the measure in the plan.
	if err := s.DeleteMeeting(saved.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Measure(ms.ID); err != nil {
		t.Errorf("measure gone with the meeting: %v", err)
	}
	checkMeetingFile(t, path, s)
}

func TestAnnualWheelAdjust(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	w, err := s.AnnualWheel(2026, true)
	if err != nil || len(w) == 0 {
		t.Fatal(w, err)
	}
	amu := w[0]
	for _, e := range w {
		if e.Kind == model.WheelAMU {
			amu = e
		}
	}
	amu.Due = date(2026, 4, 15)
	saved, err := s.SaveWheelEntry(amu, mtgToday)
	if err != nil || saved.ID == 0 {
		t.Fatal(saved, err)
	}
	// Adjusting the default again (ID 0) updates the same record.
	amu.Done = date(2026, 4, 10)
	again, err := s.SaveWheelEntry(amu, mtgToday)
	if err != nil || again.ID != saved.ID {
		t.Fatalf("second adjustment %+v %v", again, err)
	}
	if es, _ := s.WheelEntries(2026); len(es) != 1 {
		t.Errorf("%d stored entries", len(es))
	}
	w2, _ := s.AnnualWheel(2026, true)
	if len(w2) != len(w) {
		t.Errorf("merged wheel has %d entries, want %d", len(w2), len(w))
	}
	for _, e := range w2 {
		if e.Kind == model.WheelAMU && (e.Due != date(2026, 4, 15) || e.State(mtgToday) != model.WheelDone) {
			t.Errorf("AMU %+v", e)
		}
	}
	// Bad input: nothing changes.
	bad := again
	bad.Due = date(2027, 1, 5)
	if _, err := s.SaveWheelEntry(bad, mtgToday); err == nil || !strings.Contains(err.Error(), "Frist må være i 2026") {
		t.Errorf("deadline in another year: %v", err)
	}
	if e, _ := s.WheelEntries(2026); e[0].Due != date(2026, 4, 15) {
		t.Error("refused change stored")
	}
	if err := s.ResetWheelEntry(again.ID); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.WheelEntries(2026); len(es) != 0 {
		t.Error("reset left the record")
	}
	checkMeetingFile(t, path, s)
}

// checkMeetingFile closes the store and runs the integrity check on the file.
func checkMeetingFile(t *testing.T, path string, s *Store) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("check: %q", rep.Problems)
	}
}
