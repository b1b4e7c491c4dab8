package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// TestBefaringAnswerKeepsPlace: at 1024×768, tapping «Må forbedres» on a
// question seen whole does not move it on screen (the photos part that
// then opens under it used to scroll the page by some 90 px, so the next
// tap landed on another question).
func TestBefaringAnswerKeepsPlace(t *testing.T) {
	u := startAt(t, false, fyne.NewSize(1024, 768))
	w, env := u.Window(), u.Env()
	var qs []model.ChecklistQuestion
	for range 12 {
		qs = append(qs, model.ChecklistQuestion{Text: "Er avdelingene i forsvarlig stand?"})
	}
	r := model.NewSafetyRound(model.ChecklistTemplate{Name: "T", Sections: []model.ChecklistSection{{Title: "A", Questions: qs}}}, uitest.Today)
	r.Title = "Befaringstest"
	r, err := env.Store.SaveSafetyRound(r, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID})
	tabs, _ := find(w.Content(), func(x fyne.CanvasObject) bool {
		tb, ok := x.(*container.AppTabs)
		return ok && len(tb.Items) == 3
	}).(*container.AppTabs)
	if tabs == nil {
		t.Fatal("no round view")
	}
	tabs.SelectIndex(1)
	w.Canvas().Capture()
	d := fyne.CurrentApp().Driver()
	// Question 1 «OK» (the left third), question 2 «Må forbedres» (the
	// middle third, which opens the photos part under it).
	for n, want := range []model.Answer{model.AnswerOK, model.AnswerImprove} {
		n++
		x := float32(1) / 6
		if want == model.AnswerImprove {
			x = 0.5
		}
		p, _ := find(w.Content(), func(x fyne.CanvasObject) bool {
			p, ok := x.(*vernerunde.AnswerPicker)
			return ok && p.Number == n
		}).(*vernerunde.AnswerPicker)
		if p == nil {
			t.Fatalf("question %d not shown", n)
		}
		before := d.AbsolutePositionForObject(p)
		if before.Y+p.Size().Height > w.Canvas().Size().Height {
			t.Fatalf("question %d not seen whole at %v", n, before)
		}
		test.TapCanvas(w.Canvas(), before.Add(fyne.NewPos(p.Size().Width*x, p.Size().Height/2)))
		w.Canvas().Capture()
		if p.Answer() != want {
			t.Fatalf("question %d answered %q", n, p.Answer())
		}
		if after := d.AbsolutePositionForObject(p); after != before {
			t.Errorf("question %d moved from %v to %v on answering", n, before, after)
		}
	}
}
