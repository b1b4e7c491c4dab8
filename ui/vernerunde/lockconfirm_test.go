package vernerunde

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// overlayButton returns the button with text under o (the dialog), walking
// the widgets' render trees.
func overlayButton(o fyne.CanvasObject, text string) *widget.Button {
	return uitest.Button(o, text)
}

// TestLockAsksAboutFindingsWithoutFollowUp: locking a round whose findings
// have neither a measure nor a deviation names them first; cancelling
// leaves the round open, confirming locks it.
func TestLockAsksAboutFindingsWithoutFollowUp(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	var texts []string
	for i, row := range v.Check.Questions {
		a := model.AnswerOK
		if i == 1 || i == 2 {
			a = model.AnswerImprove
			row.Comment.SetText("Må ordnes")
			texts = append(texts, v.RoundData().Questions()[i].Text)
		}
		row.Picker.Pick(a)
	}
	test.Tap(v.Pre.AddCommittee)
	test.Tap(v.Pre.Save)
	test.Tap(v.Complete)
	dlg := f.w.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("no question before locking")
	}
	all := strings.Join(uitest.Texts(dlg), "\n")
	if !strings.Contains(all, "verken tiltak eller avvik") {
		t.Errorf("dialog does not say why it asks: %q", all)
	}
	for i, q := range texts {
		if want := itoa(i+2) + ". " + q; !strings.Contains(all, want) {
			t.Errorf("dialog does not name finding %q: %q", want, all)
		}
	}
	test.Tap(overlayButton(dlg, "Avbryt"))
	if r, _ := f.st.SafetyRound(v.RoundData().ID); r.Locked() {
		t.Fatal("locked although cancelled")
	}
	test.Tap(v.Complete)
	test.Tap(overlayButton(f.w.Canvas().Overlays().Top(), "Fullfør og lås"))
	if r, _ := f.st.SafetyRound(v.RoundData().ID); !r.Locked() {
		t.Fatalf("not locked after confirming: %s", v.Closing.Err.Label.Text)
	}
}

func TestCompleteQuestionWithoutFindings(t *testing.T) {
	q := completeQuestion(model.SafetyRound{})
	if strings.Contains(q, "verken tiltak") || !strings.Contains(q, "Fullføre nå?") {
		t.Errorf("question %q", q)
	}
}

// TestCompleteQuestionShortensLongList: past eight findings the rest are
// counted, so the dialog fits the screen.
func TestCompleteQuestionShortensLongList(t *testing.T) {
	var qs []model.ChecklistQuestion
	for range 11 {
		qs = append(qs, model.ChecklistQuestion{Text: "Spørsmål"})
	}
	r := model.NewSafetyRound(model.ChecklistTemplate{Name: "T", Sections: []model.ChecklistSection{{Title: "A", Questions: qs}}}, uitest.Today)
	for n := 1; n <= 11; n++ {
		var err error
		if r, err = r.SetAnswer(n, model.AnswerImprove, "funn", uitest.Today); err != nil {
			t.Fatal(err)
		}
	}
	q := completeQuestion(r)
	if !strings.Contains(q, "• 8. Spørsmål") || strings.Contains(q, "• 9.") || !strings.Contains(q, "… og 3 til (se Avslutning)") {
		t.Errorf("question %q", q)
	}
}
