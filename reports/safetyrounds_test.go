package reports

import (
	"strings"
	"testing"

	"hmsutvalg/model"
)

// testRounds returns a completed previous round with one measure, and a
// completed round with two findings, one with a measure.
func testRounds(t *testing.T) (prev, r model.SafetyRound, ms []model.Measure) {
	t.Helper()
	tmpl := model.ChecklistTemplate{Key: "test", Name: "Sykehjem og hjemmetjeneste", Sections: []model.ChecklistSection{
		{Title: "Brannvern", Questions: []model.ChecklistQuestion{{Text: "Er rømningsveiene frie?"}, {Text: "Er slukkeutstyret kontrollert?"}}},
		{Title: "Forflytning og ergonomi", Questions: []model.ChecklistQuestion{{Text: "Er det nok løftehjelpemidler?"}}},
	}}
	people := []model.RoundParticipant{{Name: "Kari Nordmann", Role: model.RoundRoleVerneombud}, {Name: "Per Berg", Role: model.RoundRoleLeder}}
	fill := func(day model.Date, id uint64, answers []model.Answer, comments []string) model.SafetyRound {
		x := model.NewSafetyRound(tmpl, day)
		x.ID = id
		x.Participants = people
		x.Areas = []string{"Avdeling 2", "Kjøkken"}
		for i, a := range answers {
			var err error
			if x, err = x.SetAnswer(i+1, a, comments[i], day); err != nil {
				t.Fatal(err)
			}
		}
		return x
	}
	prev = fill(model.NewDate(2025, 10, 1), 1, []model.Answer{model.AnswerImprove, model.AnswerOK, model.AnswerOK}, []string{"Rullestoler i rømningsvei", "", ""})
	prev, _ = prev.Complete(model.NewDate(2025, 10, 2))
	r = fill(model.NewDate(2026, 3, 10), 2, []model.Answer{model.AnswerOK, model.AnswerImprove, model.AnswerImprove}, []string{"", "Slukkeapparat ikke kontrollert siden 2023", "Mangler glidematter på bad"})
	m1 := model.NewMeasureFromFinding(prev, 1, "Fast plass for rullestoler", "Avdelingsleder", model.NewDate(2025, 11, 1), model.NewDate(2025, 10, 2))
	m1.ID = 10 // still open, overdue on testToday
	m2 := model.NewMeasureFromFinding(r, 2, "", "Vaktmester", model.NewDate(2026, 4, 10), model.NewDate(2026, 3, 12))
	m2.ID = 11
	r, _ = r.LinkMeasure(2, 11)
	r.ClosingNotes = "To funn; glidematter bestilles av leder."
	r, err := r.Complete(model.NewDate(2026, 3, 12))
	if err != nil {
		t.Fatal(err)
	}
	return prev, r, []model.Measure{m1, m2}
}

func TestSafetyRoundReport(t *testing.T) {
	prev, r, ms := testRounds(t)
	d := SafetyRoundReport(SafetyRoundInput{Unit: testUnit, Round: r, Previous: &prev, Measures: ms, Today: testToday},
		Options{Deterministic: true, Created: fixedCreated})
	path := writePDF(t, d, "vernerunde.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	for _, want := range []string{
		"Vernerunde 10.03.2026", "Solbakken sykehjem", "Fullført og låst 12.03.2026",
		"Kari Nordmann (Verneombud)", "Per Berg (Leder)", "Avdeling 2, Kjøkken",
		"Fast plass for rullestoler", "Forfalt", // previous round's measure, overdue
		"Besvart", "3 av 3", "Brannvern", "Forflytning og ergonomi", "Må forbedres",
		"Slukkeapparat ikke kontrollert", "Vaktmester", "Ingen tiltak registrert", // finding 3 has none
		"glidematter bestilles", "Underskrifter",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if info := pdfInfo(t, path); info["Title"] != "Vernerunde 10.03.2026" {
		t.Errorf("title %q", info["Title"])
	}
}

func TestSafetyRoundReportDraft(t *testing.T) {
	tmpl := model.ChecklistTemplate{Name: "Liste", Sections: []model.ChecklistSection{{Title: "A", Questions: []model.ChecklistQuestion{{Text: "Spørsmål?"}, {Text: "Neste?"}}}}}
	r := model.NewSafetyRound(tmpl, testToday)
	r, _ = r.SetAnswer(1, model.AnswerOK, "", testToday)
	d := SafetyRoundReport(SafetyRoundInput{Unit: testUnit, Round: r, Today: testToday}, Options{Deterministic: true, Created: fixedCreated})
	text := pdfText(t, writePDF(t, d, "vernerunde-utkast.pdf"))
	for _, want := range []string{"Utkast", "1 av 2 besvart", "Ikke besvart", "Ingen tidligere fullført vernerunde", "Ingen funn"} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q", want)
		}
	}
}

func TestSafetyRoundSection(t *testing.T) {
	prev, r, ms := testRounds(t)
	d := testDoc("Årsrapport")
	d.SafetyRoundSection(SafetyRoundSectionInput{Rounds: []model.SafetyRound{r, prev}, Measures: ms, Year: 2026, Today: testToday})
	d.SafetyRoundSection(SafetyRoundSectionInput{Rounds: []model.SafetyRound{r, prev}, Measures: ms, Year: 2024, Today: testToday})
	path := writePDF(t, d, "vernerunder-seksjon.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	for _, want := range []string{"Vernerunder", "1 vernerunde holdt og fullført i 2026, med 2 funn og 1 tiltak", "10.03.2026", "Ingen vernerunder registrert for 2024."} {
		if !strings.Contains(text, want) {
			t.Errorf("section lacks %q", want)
		}
	}
	if strings.Contains(text, "01.10.2025") {
		t.Error("round from another year listed")
	}
}
