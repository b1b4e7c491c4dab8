package vernerunde

import (
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// TestFigureLatestRoundAndOpenMeasures: the meeting view's «Vernerunde»
// item names the latest round and lists its open measures; a measure
// carried out leaves the list.
func TestFigureLatestRoundAndOpenMeasures(t *testing.T) {
	env, w, st := uitest.NewEnv(t, true)
	rs, _ := st.SafetyRounds()
	r, ok := model.LatestSafetyRound(rs)
	if !ok {
		t.Fatal("demo has no safety round")
	}
	// A finding of the latest round gets a measure of its own.
	n := 0
	for _, q := range r.Questions() {
		if r.AnswerFor(q.Number).Answer == model.AnswerImprove {
			n = q.Number
			break
		}
	}
	if n == 0 {
		var err error
		if r.Locked() {
			t.Skip("latest demo round is locked and has no finding")
		}
		if r, err = r.SetAnswer(1, model.AnswerImprove, "", uitest.Today); err != nil {
			t.Fatal(err)
		}
		if r, err = st.SaveSafetyRound(r, uitest.Today); err != nil {
			t.Fatal(err)
		}
		n = 1
	}
	m, _, err := st.AddMeasureForFinding(r.ID, n, model.Measure{Title: "Skifte lysrør i korridoren", Responsible: "Vaktmester",
		Deadline: uitest.Today.AddDays(20), Status: model.StatusPlanlagt, PriorityArea: model.AreaHealthPromotion}, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	w.SetContent(Figure(env))
	text := strings.Join(uitest.Texts(w.Content()), "\n")
	for _, want := range []string{"Siste vernerunde: " + r.Title, "Skifte lysrør i korridoren · Vaktmester", "Åpne tiltak fra runden"} {
		if !strings.Contains(text, want) {
			t.Errorf("figure lacks %q:\n%s", want, text)
		}
	}
	if _, err := st.TransitionMeasure(m.ID, model.StatusUtfort, model.TransitionInput{CompletedOn: uitest.Today}, uitest.Today); err != nil {
		t.Fatal(err)
	}
	w.SetContent(Figure(env))
	if uitest.HasText(w.Content(), "Skifte lysrør") {
		t.Error("a measure carried out is still listed as open")
	}
}
