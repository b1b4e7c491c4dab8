package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/uitest"
)

// devFindButton returns the visible button under o whose text contains sub.
func devFindButton(o fyne.CanvasObject, sub string) *widget.Button {
	return uitest.ButtonContaining(o, sub)
}

// TestDeviationFlowInTheShell drives the register inside the app window:
// the dashboard card opens the open deviations, a status change keeps the
// deviation open after the page is rebuilt, and a measure's source link
// in the action plan leads back to its deviation.
func TestDeviationFlowInTheShell(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()
	w := u.Window()
	devs, _ := env.Store.Deviations()
	f := avvik.Summarize(devs, uitest.Today)

	env.Navigate("oversikt")
	open := devFindButton(w.Content(), "åpne avvik")
	if open == nil {
		t.Fatalf("no deviation card on the dashboard: %v", uitest.Texts(w.Content()))
	}
	test.Tap(open)
	if want := "Viser " + devItoa(f.Open) + " av " + devItoa(len(devs)) + " avvik"; !uitest.HasText(w.Content(), want) {
		t.Errorf("after the card: no %q", want)
	}

	var reg model.Deviation
	for _, d := range devs {
		if d.Status == model.DevRegistered {
			reg = d
		}
	}
	env.Open(avvik.PageID, appctx.Focus{ID: reg.ID})
	heading := "Avvik " + devItoa(int(reg.ID)) + ":"
	if !uitest.HasText(w.Content(), heading) {
		t.Fatalf("focus did not open deviation %d", reg.ID)
	}
	b := devFindButton(w.Content(), "Til behandling")
	if b == nil {
		t.Fatal("no Til behandling button")
	}
	test.Tap(b) // saves, and the shell rebuilds the page
	if d, _ := env.Store.Deviation(reg.ID); d.Status != model.DevInProgress {
		t.Fatalf("status %s", d.Status)
	}
	if !uitest.HasText(w.Content(), heading) || !uitest.HasText(w.Content(), "Under behandling – åpen") {
		t.Error("the deviation is not shown again after the page was rebuilt")
	}

	// A measure made from a deviation opens it from the action plan.
	ms, _ := env.Store.Measures()
	for _, m := range ms {
		if m.Source.Kind == model.SourceDeviation {
			page := appctx.SourcePages[string(m.Source.Kind)]
			env.Open(page, appctx.Focus{ParentID: m.Source.ParentID, ID: m.Source.RefID})
			if !uitest.HasText(w.Content(), "Avvik "+devItoa(int(m.Source.RefID))+":") {
				t.Errorf("the source link of «%s» does not open its deviation", m.Title)
			}
			break
		}
	}
}

func devItoa(n int) string { return model.FormatInt(n) }
