package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// testNID is a national ID number that passes the check digits.
func testNID() string {
	if n := buildNID(15, 6, 85, 123); n != "" {
		return n
	}
	return buildNID(15, 6, 85, 124)
}

func testTemplate() ChecklistTemplate {
	return ChecklistTemplate{Key: "test", Name: "Testliste", Sections: []ChecklistSection{
		{Title: "Brannvern", Questions: []ChecklistQuestion{{Text: "Er rømningsveiene frie?"}, {Text: "Er slukkeutstyret kontrollert?"}}},
		{Title: "Ergonomi", Questions: []ChecklistQuestion{{Text: "Kan arbeidshøyden tilpasses?"}}},
	}}
}

// completeRound is a round that can be completed on 10.03.2026.
func completeRound(t *testing.T) SafetyRound {
	t.Helper()
	r := NewSafetyRound(testTemplate(), NewDate(2026, 3, 10))
	r.ID = 7
	r.Participants = []RoundParticipant{{Name: "Kari Nordmann", Role: RoundRoleVerneombud}, {Name: "Per Berg", Role: RoundRoleLeder}}
	var err error
	for n, a := range []Answer{AnswerOK, AnswerImprove, AnswerNotRelevant} {
		comment := ""
		if a == AnswerImprove {
			comment = "Slukkeapparat sist kontrollert 2023"
		}
		if r, err = r.SetAnswer(n+1, a, comment, NewDate(2026, 3, 10)); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestNewSafetyRoundCopiesQuestions(t *testing.T) {
	tmpl := testTemplate()
	r := NewSafetyRound(tmpl, NewDate(2026, 3, 10))
	tmpl.Sections[0].Questions[0].Text = "Endret etterpå"
	tmpl.Sections[1].Title = "Ny tittel"
	if got := r.Sections[0].Questions[0].Text; got != "Er rømningsveiene frie?" {
		t.Errorf("template edit changed the round: %q", got)
	}
	if r.Sections[1].Title != "Ergonomi" || r.TemplateKey != "test" || r.TemplateName != "Testliste" {
		t.Errorf("round %+v", r)
	}
	if r.Status != RoundInProgress || r.Date != NewDate(2026, 3, 10) {
		t.Errorf("status %q date %s", r.Status, r.Date)
	}
	qs := r.Questions()
	if len(qs) != 3 || qs[2].Number != 3 || qs[2].Section != "Ergonomi" {
		t.Errorf("questions %+v", qs)
	}
}

func TestProgressAndFindings(t *testing.T) {
	r := NewSafetyRound(testTemplate(), NewDate(2026, 3, 10))
	if got := r.ProgressText(); got != "0 av 3 besvart" {
		t.Errorf("progress %q", got)
	}
	r, _ = r.SetAnswer(3, AnswerImprove, " for lav benk ", NewDate(2026, 3, 10))
	r, _ = r.SetAnswer(1, AnswerOK, "", NewDate(2026, 3, 10))
	if got := r.ProgressText(); got != "2 av 3 besvart" {
		t.Errorf("progress %q", got)
	}
	if r.Answers[0].Number != 1 || r.Answers[1].Number != 3 {
		t.Errorf("answers not in number order: %+v", r.Answers)
	}
	f := r.Findings()
	if len(f) != 1 || f[0].Question.Number != 3 || f[0].Answer.Comment != "for lav benk" {
		t.Errorf("findings %+v", f)
	}
	// Clearing an answer without comment removes it.
	r, _ = r.SetAnswer(1, "", "", NewDate(2026, 3, 10))
	if a, _ := r.Progress(); a != 1 || len(r.Answers) != 1 {
		t.Errorf("after clearing: %d answered, %+v", a, r.Answers)
	}
}

func TestSetAnswerRefusals(t *testing.T) {
	r := NewSafetyRound(testTemplate(), NewDate(2026, 3, 10))
	day := NewDate(2026, 3, 10)
	cases := []struct {
		name    string
		n       int
		a       Answer
		comment string
		want    string
	}{
		{"question 0", 0, AnswerOK, "", "finnes ikke"},
		{"question after last", 4, AnswerOK, "", "finnes ikke"},
		{"unknown answer", 1, Answer("kanskje"), "", "OK, Må forbedres eller Ikke relevant"},
		{"national ID in comment", 1, AnswerImprove, "Gjelder " + testNID(), "fødselsnummer"},
		{"too long comment", 1, AnswerImprove, strings.Repeat("x", MaxNoteLen+1), "Kommentar kan ha høyst"},
	}
	for _, c := range cases {
		got, err := r.SetAnswer(c.n, c.a, c.comment, day)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
		if len(got.Answers) != 0 {
			t.Errorf("%s: round changed", c.name)
		}
	}
	// Edges that are fine: last question, comment at the limit.
	if _, err := r.SetAnswer(3, AnswerImprove, strings.Repeat("x", MaxNoteLen), day); err != nil {
		t.Errorf("edge refused: %v", err)
	}
}

func TestCompleteNeedsEverything(t *testing.T) {
	day := NewDate(2026, 3, 10)
	cases := []struct {
		name   string
		change func(r *SafetyRound)
		field  string
		want   string
	}{
		{"no leader", func(r *SafetyRound) { r.Participants = r.Participants[:1] }, FieldRoundPeople, "både leder og verneombud"},
		{"no verneombud", func(r *SafetyRound) { r.Participants = r.Participants[1:] }, FieldRoundPeople, "både leder og verneombud"},
		{"unanswered", func(r *SafetyRound) { r.Answers = r.Answers[:2] }, FieldRoundAnswers, "2 av 3 besvart"},
		{"finding without comment", func(r *SafetyRound) { r.Answers[1].Comment = " " }, FieldRoundComment, "nr. 2"},
		{"round in the future", func(r *SafetyRound) { r.Date = day.AddDays(1) }, FieldRoundDate, "før datoen"},
		{"blank participant", func(r *SafetyRound) { r.Participants[0].Name = "" }, FieldRoundPeople, "Deltaker nr. 1 mangler navn"},
		{"participant without role", func(r *SafetyRound) { r.Participants = append(r.Participants, RoundParticipant{Name: "Ola"}) }, FieldRoundPeople, "Velg rolle for deltaker nr. 3"},
		{"area with national ID", func(r *SafetyRound) { r.Areas = []string{"Rom " + testNID()} }, FieldRoundAreas, "fødselsnummer"},
		{"no title", func(r *SafetyRound) { r.Title = "" }, FieldRoundTitle, "Tittel må fylles ut"},
	}
	for _, c := range cases {
		r := completeRound(t)
		c.change(&r)
		got, err := r.Complete(day)
		var v ValidationError
		if !errors.As(err, &v) || !strings.Contains(v.For(c.field), c.want) {
			t.Errorf("%s: err %v, want %q on %s", c.name, err, c.want, c.field)
		}
		if got.Locked() {
			t.Errorf("%s: refused round got locked", c.name)
		}
	}
	r := completeRound(t)
	done, err := r.Complete(day)
	if err != nil {
		t.Fatal(err)
	}
	if !done.Locked() || done.CompletedOn != day || r.Locked() {
		t.Errorf("completed %+v (original locked %v)", done, r.Locked())
	}
	if _, err := done.Complete(day); err == nil || !strings.Contains(err.Error(), "allerede fullført") {
		t.Errorf("second completion: %v", err)
	}
}

// TestLockedRoundRefusesEdits is the lock: every kind of change to a
// completed round is refused with a Norwegian message, and an identical
// copy (as read back from storage) is not a change.
func TestLockedRoundRefusesEdits(t *testing.T) {
	day := NewDate(2026, 3, 10)
	done, err := completeRound(t).Complete(day)
	if err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name   string
		change func(r *SafetyRound)
	}{
		{"answer", func(r *SafetyRound) { r.Answers[0].Answer = AnswerImprove }},
		{"comment", func(r *SafetyRound) { r.Answers[1].Comment = "annet" }},
		{"question text", func(r *SafetyRound) { r.Sections[0].Questions[0].Text = "Nytt spørsmål" }},
		{"section removed", func(r *SafetyRound) { r.Sections = r.Sections[:1] }},
		{"date", func(r *SafetyRound) { r.Date = day.AddDays(-1) }},
		{"participants", func(r *SafetyRound) {
			r.Participants = append(r.Participants, RoundParticipant{Name: "Ny", Role: RoundRoleAnsatt})
		}},
		{"areas", func(r *SafetyRound) { r.Areas = []string{"Kjøkken"} }},
		{"closing notes", func(r *SafetyRound) { r.ClosingNotes = "tillegg" }},
		{"reopen", func(r *SafetyRound) { r.Status = RoundInProgress; r.CompletedOn = Date{} }},
		{"measure link", func(r *SafetyRound) { r.Answers[1].MeasureIDs = []uint64{9} }},
	}
	for _, e := range edits {
		changed := done
		changed.Sections = copySections(done.Sections)
		changed.Answers = append([]RoundAnswer(nil), done.Answers...)
		changed.Participants = append([]RoundParticipant(nil), done.Participants...)
		e.change(&changed)
		err := CheckRoundChange(done, changed)
		if err == nil || !strings.Contains(err.Error(), "fullført og låst") {
			t.Errorf("%s: err %v", e.name, err)
		}
	}
	// The same round, with empty slices instead of nil and untrimmed text.
	same := done
	same.Areas = []string{}
	same.Title = " " + done.Title + " "
	if err := CheckRoundChange(done, same); err != nil {
		t.Errorf("identical copy refused: %v", err)
	}
	// A round in progress can change freely.
	open := completeRound(t)
	changed := open
	changed.Title = "Ny tittel"
	if err := CheckRoundChange(open, changed); err != nil {
		t.Errorf("round in progress refused: %v", err)
	}
	// The model's own editing methods refuse too.
	if _, err := done.SetAnswer(1, AnswerImprove, "x", day); err == nil || !strings.Contains(err.Error(), "låst") {
		t.Errorf("SetAnswer on locked: %v", err)
	}
	if _, err := done.LinkMeasure(2, 5); err == nil {
		t.Error("LinkMeasure on locked accepted")
	}
	if _, err := done.LinkDeviation(2, 5); err == nil {
		t.Error("LinkDeviation on locked accepted")
	}
	if err := CheckRoundDelete(done); err == nil {
		t.Error("delete of locked round accepted")
	}
	if err := CheckRoundDelete(open); err != nil {
		t.Errorf("delete of open round refused: %v", err)
	}
}

func TestValidateStatusDates(t *testing.T) {
	day := NewDate(2026, 3, 10)
	r := completeRound(t)
	r.CompletedOn = day
	if err := r.Validate(day); err == nil || !strings.Contains(err.Error(), "fullført-dato") {
		t.Errorf("in progress with completion date: %v", err)
	}
	done, _ := completeRound(t).Complete(day)
	if err := done.Validate(day.AddDays(-1)); err == nil || !strings.Contains(err.Error(), "frem i tid") {
		t.Errorf("completed in the future: %v", err)
	}
	if err := done.Validate(day); err != nil {
		t.Errorf("valid completed round: %v", err)
	}
	dup := completeRound(t)
	dup.Answers = append(dup.Answers, RoundAnswer{Number: 1, Answer: AnswerOK})
	if err := dup.Validate(day); err == nil || !strings.Contains(err.Error(), "to ganger") {
		t.Errorf("duplicate answer: %v", err)
	}
}

func TestLinksOnceAndMeasureFromFinding(t *testing.T) {
	r := completeRound(t)
	r, _ = r.LinkMeasure(2, 11)
	r, _ = r.LinkMeasure(2, 11)
	r, _ = r.LinkDeviation(2, 4)
	a := r.AnswerFor(2)
	if len(a.MeasureIDs) != 1 || a.MeasureIDs[0] != 11 || len(a.DeviationIDs) != 1 || a.Answer != AnswerImprove {
		t.Errorf("answer %+v", a)
	}
	if _, err := r.LinkMeasure(9, 1); err == nil {
		t.Error("link to a missing question accepted")
	}
	m := NewMeasureFromFinding(r, 2, "", "Leder", NewDate(2026, 4, 1), NewDate(2026, 3, 10))
	if m.Title != "Slukkeapparat sist kontrollert 2023" || m.Source.Kind != SourceSafetyRound || m.Source.ParentID != 7 || m.Source.RefID != 2 {
		t.Errorf("measure %+v", m)
	}
	if !strings.HasPrefix(m.Source.RefLabel, "Vernerunde 10.03.2026, nr. 2: Er slukkeutstyret") {
		t.Errorf("ref label %q", m.Source.RefLabel)
	}
	if err := m.Validate(NewDate(2026, 3, 10)); err != nil {
		t.Errorf("measure invalid: %v", err)
	}
	ms := []Measure{m, {Source: Source{Kind: SourceSafetyRound, ParentID: 8}}, {Source: Source{Kind: SourceRiskAssessment, ParentID: 7}}}
	if got := RoundMeasures(ms, 7); len(got) != 1 {
		t.Errorf("RoundMeasures %d", len(got))
	}
	// Round 0 is no round; by-round grouping follows the same rule.
	ms = append(ms, Measure{Source: Source{Kind: SourceSafetyRound}})
	if got := RoundMeasures(ms, 0); len(got) != 0 {
		t.Errorf("RoundMeasures(0) %d", len(got))
	}
	by := MeasuresByRound(ms)
	if len(by) != 2 || len(by[7]) != 1 || len(by[8]) != 1 || len(by[0]) != 0 {
		t.Errorf("MeasuresByRound %v", by)
	}
	for id, got := range by {
		if want := RoundMeasures(ms, id); !reflect.DeepEqual(got, want) {
			t.Errorf("round %d: by round %v, RoundMeasures %v", id, got, want)
		}
	}
}

func TestPreviousRound(t *testing.T) {
	mk := func(id uint64, d Date, done bool) SafetyRound {
		r := SafetyRound{ID: id, Date: d, Status: RoundInProgress}
		if done {
			r.Status = RoundCompleted
		}
		return r
	}
	rounds := []SafetyRound{
		mk(1, NewDate(2025, 3, 1), true),
		mk(2, NewDate(2025, 9, 1), true),
		mk(3, NewDate(2025, 10, 1), false), // not completed: skipped
		mk(4, NewDate(2026, 3, 1), false),
		mk(5, NewDate(2026, 9, 1), true), // later: skipped
	}
	p, ok := PreviousRound(rounds, rounds[3])
	if !ok || p.ID != 2 {
		t.Errorf("previous of 4 = %d, %v", p.ID, ok)
	}
	if _, ok := PreviousRound(rounds, rounds[0]); ok {
		t.Error("first round has a previous one")
	}
	// A new round (ID 0) on the same day as a completed one follows it.
	p, ok = PreviousRound(rounds, SafetyRound{Date: NewDate(2026, 9, 1)})
	if !ok || p.ID != 5 {
		t.Errorf("previous of new = %d, %v", p.ID, ok)
	}
}

func TestTemplateValidateCopyAndText(t *testing.T) {
	tmpl := testTemplate()
	if err := tmpl.Validate(); err != nil {
		t.Fatalf("valid template: %v", err)
	}
	c := CopyTemplate(tmpl, "")
	if c.Name != "Testliste (kopi)" || c.BasedOn != "Testliste" || c.Key != "" || c.Builtin() {
		t.Errorf("copy %+v", c)
	}
	c.Sections[0].Questions[0].Text = "endret"
	if tmpl.Sections[0].Questions[0].Text == "endret" {
		t.Error("copy shares questions with the original")
	}
	text := ChecklistText(tmpl.Sections)
	back, err := ParseChecklistText(text)
	if err != nil || ChecklistText(back) != text {
		t.Errorf("round trip: %v\n%s", err, ChecklistText(back))
	}
	if _, err := ParseChecklistText("Spørsmål uten overskrift\n## Del"); err == nil || !strings.Contains(err.Error(), "Linje 1") {
		t.Errorf("question before heading: %v", err)
	}
	ss, _ := ParseChecklistText("## Del\n- Første\n\n* Andre\n")
	if len(ss) != 1 || len(ss[0].Questions) != 2 || ss[0].Questions[1].Text != "Andre" {
		t.Errorf("parsed %+v", ss)
	}
	bad := []struct {
		name string
		t    ChecklistTemplate
		want string
	}{
		{"no name", ChecklistTemplate{Sections: tmpl.Sections}, "Navn på sjekklisten må fylles ut"},
		{"no questions", ChecklistTemplate{Name: "X"}, "minst ett spørsmål"},
		{"empty section", ChecklistTemplate{Name: "X", Sections: []ChecklistSection{{Title: "Tom"}, tmpl.Sections[0]}}, "«Tom» har ingen spørsmål"},
		{"untitled section", ChecklistTemplate{Name: "X", Sections: []ChecklistSection{{Questions: []ChecklistQuestion{{Text: "a"}}}}}, "mangler overskrift"},
		{"national ID", ChecklistTemplate{Name: "X", Sections: []ChecklistSection{{Title: "A", Questions: []ChecklistQuestion{{Text: testNID()}}}}}, "fødselsnummer"},
		{"unknown sector", ChecklistTemplate{Name: "X", Sectors: []Sector{"fabrikk"}, Sections: tmpl.Sections}, "Ukjent sektor"},
	}
	for _, b := range bad {
		if err := b.t.Validate(); err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: %v", b.name, err)
		}
	}
	if !tmpl.ForSector(SectorSkole) {
		t.Error("template without sectors should suit all")
	}
	tmpl.Sectors = []Sector{SectorBarnehage}
	if tmpl.ForSector(SectorSkole) || !tmpl.ForSector(SectorBarnehage) {
		t.Error("ForSector")
	}
}

func TestAnswerKeys(t *testing.T) {
	for r, want := range map[rune]Answer{'1': AnswerOK, 'o': AnswerOK, 'M': AnswerImprove, '2': AnswerImprove, '3': AnswerNotRelevant, 'i': AnswerNotRelevant} {
		if got, ok := AnswerForKey(r); !ok || got != want {
			t.Errorf("%q → %q", r, got)
		}
	}
	if _, ok := AnswerForKey('4'); ok {
		t.Error("4 accepted")
	}
	if a, ok := AnswerFromLabel("må forbedres"); !ok || a != AnswerImprove {
		t.Error("AnswerFromLabel")
	}
}

func TestFindingsWithoutFollowUp(t *testing.T) {
	r := completeRound(t) // question 2 is a finding, nothing linked
	if got := r.FindingsWithoutFollowUp(); len(got) != 1 || got[0].Question.Number != 2 {
		t.Fatalf("without follow-up: %+v", got)
	}
	var err error
	if r, err = r.SetAnswer(3, AnswerImprove, "Bordet kan ikke heves", NewDate(2026, 3, 10)); err != nil {
		t.Fatal(err)
	}
	if got := r.FindingsWithoutFollowUp(); len(got) != 2 || got[1].Question.Number != 3 {
		t.Fatalf("two findings: %+v", got)
	}
	for i := range r.Answers {
		switch r.Answers[i].Number {
		case 2:
			r.Answers[i].MeasureIDs = []uint64{5} // a measure
		case 3:
			r.Answers[i].DeviationIDs = []uint64{9} // a deviation
		}
	}
	if got := r.FindingsWithoutFollowUp(); len(got) != 0 {
		t.Errorf("all followed up, got %+v", got)
	}
	if f := (Finding{Answer: RoundAnswer{MeasureIDs: []uint64{}}}); f.FollowedUp() {
		t.Error("an empty measure list counts as followed up")
	}
}
