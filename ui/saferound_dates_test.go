package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// roundUnit is an empty unit started 01.01.2026 with two safety rounds:
// the spring round, inspected 12.05.2026 but completed only 20.08.2026
// (after the spring duty's deadline), and an autumn round still in
// progress, so the autumn duty is late on uitest.Today.
func roundUnit(t *testing.T) (path string, spring, autumn model.SafetyRound) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "runder.db")
	st, err := storage.Create(path, model.Unit{Name: "Lia sykehjem", Municipality: "Eksempel kommune",
		Sector: model.SectorSykehjem, Employees: 40, Start: model.NewDate(2026, time.January, 1)},
		storage.Options{NoBackup: true, User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tmpl := model.ChecklistTemplate{Name: "Kort liste", Sections: []model.ChecklistSection{
		{Title: "Brannvern", Questions: []model.ChecklistQuestion{{Text: "Er rømningsveiene frie?"}}}}}
	save := func(title string, on model.Date) model.SafetyRound {
		r := model.NewSafetyRound(tmpl, on)
		r.Title = title
		r.Participants = []model.RoundParticipant{{Name: "Leder", Role: model.RoundRoleLeder}, {Name: "Verneombud", Role: model.RoundRoleVerneombud}}
		r, err := r.SetAnswer(1, model.AnswerOK, "", on)
		if err != nil {
			t.Fatal(err)
		}
		saved, err := st.SaveSafetyRound(r, on)
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	spring = save("Vernerunde våren", model.NewDate(2026, time.May, 12))
	if spring, err = st.CompleteSafetyRound(spring.ID, model.NewDate(2026, time.August, 20)); err != nil {
		t.Fatal(err)
	}
	autumn = save("Vernerunde høsten", model.NewDate(2026, time.September, 10))
	return path, spring, autumn
}

// TestRoundCompletedDateAgrees: Oversikt (the annual wheel and the
// safety-round card), the Vernerunde list and the annual report's
// section give a round's completed date alike: the day it was completed
// and locked, not the day of the inspection.
func TestRoundCompletedDateAgrees(t *testing.T) {
	path, spring, _ := roundUnit(t)
	want := "20.08.2026"
	if got := spring.CompletedDate().String(); got != want {
		t.Fatalf("the round was completed %s, want %s", got, want)
	}
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env, w := u.Env(), u.Window()
	w.Resize(fyne.NewSize(1024, 768))

	env.Navigate(oversiktPageID)
	if !shows(w.Content(), "Vernerunden «Vernerunde våren» ble fullført "+want) {
		t.Errorf("the annual wheel on Oversikt does not say %s: %q", want, uitest.Texts(w.Content()))
	}
	if !shows(w.Content(), "Siste fullførte: "+want+" (befaring "+spring.Date.String()+")") {
		t.Errorf("the safety-round card on Oversikt does not say %s with the inspection day %s", want, spring.Date)
	}
	if shows(w.Content(), "fullført "+spring.Date.String()) || shows(w.Content(), "fullførte: "+spring.Date.String()) {
		t.Errorf("Oversikt gives the inspection day %s as the completed date", spring.Date)
	}

	env.Navigate(vernerunde.PageID)
	if !shows(w.Content(), "Fullført "+want) {
		t.Errorf("the Vernerunde list does not say «Fullført %s»: %q", want, uitest.Texts(w.Content()))
	}

	st := env.Store
	data, err := model.LoadAnnualData(st, 2026, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "arsrapport.pdf")
	if err := reports.AnnualReport(data, reports.Options{}).WriteFile(pdf); err != nil {
		t.Fatal(err)
	}
	text := uitest.PDFText(t, pdf)
	_, section, ok := strings.Cut(text, "Vernerunder")
	if !ok || !strings.Contains(strings.Join(strings.Fields(section), " "), "Fullført "+want) {
		t.Errorf("the annual report's safety-round section does not say «Fullført %s»:\n%s", want, section)
	}
}

// TestLateRoundOpensTheRound: on Oversikt, «Åpne» beside the late autumn
// safety round opens the round in progress that completes it, not the
// list of rounds.
func TestLateRoundOpensTheRound(t *testing.T) {
	path, _, autumn := roundUnit(t)
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env, w := u.Env(), u.Window()
	w.Resize(fyne.NewSize(1024, 768))
	env.Navigate(oversiktPageID)
	row := deepest(w.Content(), func(o fyne.CanvasObject) bool {
		return shows(o, "! Forfalt: Vernerunde (høst)") && uitest.Button(o, "Åpne") != nil
	})
	if row == nil {
		t.Fatalf("no late autumn round with «Åpne» on Oversikt: %q", uitest.Texts(w.Content()))
	}
	test.Tap(uitest.Button(row, "Åpne"))
	s, ok := env.Guard.Form().(*vernerunde.Screen)
	if !ok {
		t.Fatal("«Åpne» did not open Vernerunde")
	}
	if s.Round == nil || s.Round.RoundData().ID != autumn.ID {
		t.Fatalf("«Åpne» opened %v, want the round in progress %q", s.Round, autumn.Title)
	}
}

// deepest is the innermost visible object under o that match accepts.
func deepest(o fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil || !o.Visible() || !match(o) {
		return nil
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case *widget.Button, *widget.Label:
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if d := deepest(k, match); d != nil {
			return d
		}
	}
	return o
}
