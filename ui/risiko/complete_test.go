package risiko

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// TestCompleteSavesOpenItemInOneTransaction: marking an assessment
// «Ferdig» with its Lagre stores what is typed in the open risk item in
// the same transaction; when the item is refused, nothing is stored (the
// assessment stays as it was in the file), both forms keep what was typed,
// and the item's message is next to its field with a line under Lagre
// saying where.
func TestCompleteSavesOpenItemInOneTransaction(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	var a model.RiskAssessment
	as, _ := st.Assessments()
	for _, x := range as {
		if x.Status != model.AssessmentDone {
			if items, _ := st.RiskItems(x.ID); len(items) > 0 {
				a = x
				break
			}
		}
	}
	if a.ID == 0 {
		t.Fatal("no assessment in progress with items in the demo")
	}
	items, _ := st.RiskItems(a.ID)
	s.Open(a.ID, items[0].ID)
	d := s.Detail
	complete := func() {
		widgets.SetEnum(d.Status, model.AssessmentDone.Label())
		d.Date.SetDate(uitest.Today)
		d.NextReview.SetDate(uitest.Today.AddMonths(12))
		if d.Participants.Text == "" {
			d.Participants.SetText("Verneombud\nLeder")
		}
		test.Tap(d.Save)
	}

	// Refused: the item's hazard emptied. Nothing is stored.
	d.Item.Hazard.SetText("")
	d.Item.Event.SetText("Skrevet i risikoforholdet før vurderingen ble ferdig")
	complete()
	if got, _ := st.Assessment(a.ID); got.Status == model.AssessmentDone {
		t.Fatal("the assessment was stored «Ferdig» although its open item was refused")
	}
	if got, _ := st.RiskItem(items[0].ID); strings.Contains(got.Event, "Skrevet i risikoforholdet") {
		t.Fatal("half the save is in the file")
	}
	if d.Item.Err.Messages() == "" || !strings.Contains(d.Err.Messages(), "Risikoforhold") {
		t.Errorf("the refusal is not shown by the field and under Lagre: item %q, assessment %q", d.Item.Err.Messages(), d.Err.Messages())
	}
	if d.Item.Event.Text == "" || d.Status.Selected != model.AssessmentDone.Label() {
		t.Error("the forms lost what was typed")
	}

	// Fixed: one Lagre stores both.
	d.Item.Hazard.SetText(items[0].Hazard)
	complete()
	if got, _ := st.Assessment(a.ID); got.Status != model.AssessmentDone {
		t.Fatalf("the assessment was not stored «Ferdig»: %v", d.Err.Messages())
	}
	if got, _ := st.RiskItem(items[0].ID); got.Event != "Skrevet i risikoforholdet før vurderingen ble ferdig" {
		t.Errorf("the open item's text was not stored with the assessment: %q", got.Event)
	}
	if s.Dirty() {
		t.Error("the page still counts as changed")
	}
}
