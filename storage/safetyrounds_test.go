package storage

import (
	"errors"
	"strings"
	"testing"

	"hmsutvalg/model"
)

var roundDayTest = date(2026, 3, 10)

func testChecklist() model.ChecklistTemplate {
	return model.ChecklistTemplate{Key: "test", Name: "Testliste", Sections: []model.ChecklistSection{
		{Title: "Brannvern", Questions: []model.ChecklistQuestion{{Text: "Er rømningsveiene frie?"}, {Text: "Er slukkeutstyret kontrollert?"}}},
		{Title: "Ergonomi", Questions: []model.ChecklistQuestion{{Text: "Kan arbeidshøyden tilpasses?"}}},
	}}
}

// seedRound stores a round with all three questions answered and a
// finding on question 2, ready to complete.
func seedRound(t *testing.T, s *Store) model.SafetyRound {
	t.Helper()
	r := model.NewSafetyRound(testChecklist(), roundDayTest)
	r.Participants = []model.RoundParticipant{{Name: "Kari Nordmann", Role: model.RoundRoleVerneombud}, {Name: "Per Berg", Role: model.RoundRoleLeder}}
	r.Areas = []string{" Kjøkken ", "", "Avdeling 1"}
	r, err := s.SaveSafetyRound(r, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	for n, a := range []model.Answer{model.AnswerOK, model.AnswerImprove, model.AnswerNotRelevant} {
		comment := ""
		if a == model.AnswerImprove {
			comment = "Slukkeapparat på kjøkkenet sist kontrollert 2023"
		}
		if r, err = s.AnswerSafetyRound(r.ID, n+1, a, comment, roundDayTest); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestSafetyRoundRoundTripAndAnswers(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	if r.ID != 1 || len(r.Areas) != 2 || r.Areas[0] != "Kjøkken" {
		t.Fatalf("round %+v", r)
	}
	got, err := s.SafetyRound(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ProgressText() != "3 av 3 besvart" || len(got.Findings()) != 1 || got.Sections[0].Questions[1].Text != "Er slukkeutstyret kontrollert?" {
		t.Errorf("stored %+v", got)
	}
	changes, _ := s.Changes(1)
	if !strings.Contains(changes[0].Summary, "nr. 3") || !strings.Contains(changes[0].Summary, "ikke relevant") {
		t.Errorf("change log %q", changes[0].Summary)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestSafetyRoundRefusalsLeaveFileUnchanged(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	before := readFile(t, path)
	n := changeCount(t, s)
	nid := "15068512345"
	if !model.ValidNationalID(nid) {
		nid = validTestNID(t)
	}
	bad := []struct {
		name string
		do   func() error
		want string
	}{
		{"unknown question", func() error {
			_, err := s.AnswerSafetyRound(r.ID, 9, model.AnswerOK, "", roundDayTest)
			return err
		}, "finnes ikke"},
		{"national ID in comment", func() error {
			_, err := s.AnswerSafetyRound(r.ID, 1, model.AnswerImprove, "Gjelder "+nid, roundDayTest)
			return err
		}, "fødselsnummer"},
		{"changed questions", func() error {
			x := r
			x.Sections = []model.ChecklistSection{{Title: "Ny", Questions: []model.ChecklistQuestion{{Text: "Annet"}}}}
			_, err := s.SaveSafetyRound(x, roundDayTest)
			return err
		}, "kan ikke endres"},
		{"blank title", func() error {
			x := r
			x.Title = " "
			_, err := s.SaveSafetyRound(x, roundDayTest)
			return err
		}, "Tittel må fylles ut"},
		{"missing round", func() error {
			_, err := s.AnswerSafetyRound(99, 1, model.AnswerOK, "", roundDayTest)
			return err
		}, "finnes ikke"},
	}
	for _, b := range bad {
		err := b.do()
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: %v", b.name, err)
		}
	}
	if changeCount(t, s) != n {
		t.Error("a refused write was logged")
	}
	assertUnchanged(t, path, before)
}

// validTestNID finds a national ID number that passes the check digits.
func validTestNID(t *testing.T) string {
	t.Helper()
	for ind := 100; ind < 500; ind++ {
		base := []int{1, 5, 0, 6, 8, 5, ind / 100, ind / 10 % 10, ind % 10}
		w1 := []int{3, 7, 6, 1, 8, 9, 4, 5, 2}
		sum := 0
		for i := range w1 {
			sum += base[i] * w1[i]
		}
		k1 := (11 - sum%11) % 11
		if k1 == 10 {
			continue
		}
		base = append(base, k1)
		w2 := []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
		sum = 0
		for i := range w2 {
			sum += base[i] * w2[i]
		}
		k2 := (11 - sum%11) % 11
		if k2 == 10 {
			continue
		}
		base = append(base, k2)
		out := ""
		for _, d := range base {
			out += string(rune('0' + d))
		}
		if model.ValidNationalID(out) {
			return out
		}
	}
	t.Fatal("no valid test number found")
	return ""
}

func TestCompletedRoundIsLocked(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	// Missing a leader: refused, nothing written.
	x := r
	x.Participants = x.Participants[:1]
	if _, err := s.SaveSafetyRound(x, roundDayTest); err != nil {
		t.Fatal(err)
	}
	n := changeCount(t, s)
	if _, err := s.CompleteSafetyRound(r.ID, roundDayTest); err == nil || !strings.Contains(err.Error(), "både leder og verneombud") {
		t.Fatalf("complete without leader: %v", err)
	}
	if changeCount(t, s) != n {
		t.Error("refused completion logged a change")
	}
	if _, err := s.SaveSafetyRound(r, roundDayTest); err != nil { // leader back
		t.Fatal(err)
	}
	done, err := s.CompleteSafetyRound(r.ID, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	if !done.Locked() || done.CompletedOn != roundDayTest {
		t.Fatalf("completed %+v", done)
	}
	before := readFile(t, path)
	edit := done
	edit.ClosingNotes = "Lagt til etterpå"
	if _, err := s.SaveSafetyRound(edit, roundDayTest.AddDays(1)); err == nil || !strings.Contains(err.Error(), "fullført og låst") {
		t.Errorf("edit of locked round: %v", err)
	}
	if _, err := s.AnswerSafetyRound(done.ID, 1, model.AnswerImprove, "x", roundDayTest); err == nil || !strings.Contains(err.Error(), "låst") {
		t.Errorf("answer on locked round: %v", err)
	}
	if _, _, err := s.AddMeasureForFinding(done.ID, 2, model.Measure{Title: "x", Responsible: "Leder", Deadline: roundDayTest.AddDays(30)}, roundDayTest); err == nil {
		t.Error("measure on locked round accepted")
	}
	if err := s.DeleteSafetyRound(done.ID); err == nil || !strings.Contains(err.Error(), "slettes") {
		t.Errorf("delete of locked round: %v", err)
	}
	if _, err := s.CompleteSafetyRound(done.ID, roundDayTest); err == nil {
		t.Error("completed twice")
	}
	// Saving the identical round is no change and is accepted.
	if _, err := s.SaveSafetyRound(done, roundDayTest); err != nil {
		t.Errorf("identical save refused: %v", err)
	}
	assertUnchanged(t, path, before)
}

func TestTemplateEditLeavesRoundsAlone(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	own, err := s.SaveChecklistTemplate(model.CopyTemplate(testChecklist(), "Vår liste"))
	if err != nil {
		t.Fatal(err)
	}
	if own.ID == 0 || own.Key != "" || own.BasedOn != "Testliste" {
		t.Fatalf("template %+v", own)
	}
	r, err := s.SaveSafetyRound(model.NewSafetyRound(own, roundDayTest), roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	own.Sections[0].Questions[0].Text = "Er nødutgangene merket?"
	own.Sections = append(own.Sections, model.ChecklistSection{Title: "Støy", Questions: []model.ChecklistQuestion{{Text: "Er støyen akseptabel?"}}})
	if _, err := s.SaveChecklistTemplate(own); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteChecklistTemplate(own.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.SafetyRound(r.ID)
	if got.QuestionCount() != 3 || got.Sections[0].Questions[0].Text != "Er rømningsveiene frie?" || got.TemplateName != "Vår liste" {
		t.Errorf("round changed with its template: %+v", got)
	}
	if _, err := s.SaveChecklistTemplate(model.ChecklistTemplate{Name: "Tom"}); err == nil || !strings.Contains(err.Error(), "minst ett spørsmål") {
		t.Errorf("empty template: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestAddMeasureForFindingLinksBothWays(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	n := changeCount(t, s)
	m, r2, err := s.AddMeasureForFinding(r.ID, 2, model.Measure{Responsible: "Vaktmester", Deadline: roundDayTest.AddDays(14)}, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.Source.Kind != model.SourceSafetyRound || m.Source.ParentID != r.ID || m.Source.RefID != 2 || m.Title != "Slukkeapparat på kjøkkenet sist kontrollert 2023" {
		t.Errorf("measure %+v", m)
	}
	if ids := r2.AnswerFor(2).MeasureIDs; len(ids) != 1 || ids[0] != m.ID {
		t.Errorf("answer links %v", ids)
	}
	if changeCount(t, s) != n+2 {
		t.Errorf("%d change-log entries, want 2", changeCount(t, s)-n)
	}
	// A form holding the round from before the link cannot drop it.
	stale := r
	stale.ClosingNotes = "Gjennomgått"
	saved, err := s.SaveSafetyRound(stale, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	if ids := saved.AnswerFor(2).MeasureIDs; len(ids) != 1 {
		t.Errorf("stale save dropped the link: %v", ids)
	}
	// Not a finding, or a bad measure: nothing written.
	n = changeCount(t, s)
	if _, _, err := s.AddMeasureForFinding(r.ID, 1, model.Measure{Responsible: "Leder", Deadline: roundDayTest.AddDays(1)}, roundDayTest); err == nil || !strings.Contains(err.Error(), "Må forbedres") {
		t.Errorf("measure from an OK answer: %v", err)
	}
	if _, _, err := s.AddMeasureForFinding(r.ID, 2, model.Measure{Deadline: roundDayTest.AddDays(-1)}, roundDayTest); err == nil || !strings.Contains(err.Error(), "Ansvarlig") {
		t.Errorf("measure without responsible: %v", err)
	}
	if changeCount(t, s) != n {
		t.Error("refused measure logged changes")
	}
	ms, _ := s.Measures()
	if got := model.RoundMeasures(ms, r.ID); len(got) != 1 {
		t.Errorf("%d measures for the round", len(got))
	}
	if _, err := s.LinkDeviationToFinding(r.ID, 2, 42); err != nil {
		t.Fatal(err)
	}
	got, _ := s.SafetyRound(r.ID)
	if ids := got.AnswerFor(2).DeviationIDs; len(ids) != 1 || ids[0] != 42 {
		t.Errorf("deviation links %v", ids)
	}
	if _, err := s.CompleteSafetyRound(r.ID, roundDayTest); err != nil {
		t.Fatal(err)
	}
	// Deleting the measure afterwards leaves the locked round readable and
	// the file valid.
	if err := s.DeleteMeasure(m.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestDeleteRoundInProgress(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	if err := s.DeleteSafetyRound(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SafetyRound(r.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if err := s.DeleteSafetyRound(r.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestAddDeviationForFinding(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	n := changeCount(t, s)
	bad := model.Deviation{Place: "Kjøkken", Category: model.DevFire, Severity: model.SeverityMinor} // no description
	if _, _, err := s.AddDeviationForFinding(r.ID, 2, bad, roundDayTest); err == nil {
		t.Fatal("deviation without description accepted")
	}
	if _, _, err := s.AddDeviationForFinding(r.ID, 1, model.Deviation{}, roundDayTest); err == nil || !strings.Contains(err.Error(), "Må forbedres") {
		t.Errorf("deviation from an OK answer: %v", err)
	}
	if changeCount(t, s) != n {
		t.Error("refused deviation logged changes")
	}
	good := bad
	good.WhatHappened = "Slukkeapparat ikke kontrollert"
	d, r2, err := s.AddDeviationForFinding(r.ID, 2, good, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID == 0 || d.SafetyRoundID != r.ID || d.Date != roundDayTest || d.Type != model.TypeDeviation {
		t.Errorf("deviation %+v", d)
	}
	if ids := r2.AnswerFor(2).DeviationIDs; len(ids) != 1 || ids[0] != d.ID {
		t.Errorf("links %v", ids)
	}
	s.Close()
	mustCheckOK(t, path)
}

// The summary typed just before locking is stored with the lock, in one
// transaction; a refused lock writes neither.
func TestSaveAndCompleteSafetyRoundIsOneTransaction(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	missing := r
	missing.Participants = missing.Participants[:1]
	missing.ClosingNotes = "Oppsummering skrevet rett før låsing"
	before := readFile(t, path)
	n := changeCount(t, s)
	if _, err := s.SaveAndCompleteSafetyRound(missing, roundDayTest); err == nil || !strings.Contains(err.Error(), "både leder og verneombud") {
		t.Fatalf("complete without leader: %v", err)
	}
	if got, _ := s.SafetyRound(r.ID); got.ClosingNotes != r.ClosingNotes || got.Locked() || changeCount(t, s) != n {
		t.Fatalf("a refused lock wrote the summary (%q) or locked (%v)", got.ClosingNotes, got.Locked())
	}
	assertUnchanged(t, path, before)

	r.ClosingNotes = "Oppsummering skrevet rett før låsing"
	done, err := s.SaveAndCompleteSafetyRound(r, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.SafetyRound(r.ID)
	if !got.Locked() || got.ClosingNotes != "Oppsummering skrevet rett før låsing" || done.ClosingNotes != got.ClosingNotes {
		t.Errorf("stored %+v", got)
	}
	if changeCount(t, s) != n+2 {
		t.Errorf("%d changes logged, want the save and the lock", changeCount(t, s)-n)
	}
	if _, err := s.SaveAndCompleteSafetyRound(done, roundDayTest); err == nil {
		t.Error("completed twice")
	}
}
