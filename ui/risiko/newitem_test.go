package risiko

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

// TestNewItemRefusedThenSaved: a new item refused for want of a category
// says «Ikke lagret. Rett det …»; choosing the category takes that away
// with the mark (it stayed), and after the save the heading names the
// item instead of «Nytt risikoforhold».
func TestNewItemRefusedThenSaved(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	s.Open(items[0].AssessmentID, 0)
	test.Tap(s.Detail.NewItem)
	e := s.Detail.Item
	if e.Heading.Text != "Nytt risikoforhold" {
		t.Errorf("heading of a new item %q", e.Heading.Text)
	}
	test.Type(e.Hazard, "Glatte gulv i gangen")
	test.Type(e.Event, "Fall ved vask")
	e.P.SetSelectedIndex(2)
	e.C.SetSelectedIndex(2)
	test.Tap(e.Save)
	if !e.Err.Label.Visible() || !strings.Contains(e.Err.Label.Text, "Ikke lagret") {
		t.Fatalf("refused save says %q", e.Err.Messages())
	}
	if !e.Err.FieldLabel(model.FieldCategory).Visible() {
		t.Fatalf("the category is not marked: %q", e.Err.Messages())
	}
	widgets.SetEnum(e.Category, model.HMSCategoryLabels()[0])
	if e.Err.Label.Visible() {
		t.Errorf("«%s» stayed after the marked field was put right", e.Err.Label.Text)
	}
	test.Tap(e.Save)
	if e.Err.Messages() != "" {
		t.Fatalf("refused: %s", e.Err.Messages())
	}
	if e.Item().ID == 0 {
		t.Fatal("not stored")
	}
	if want := "Risikoforhold: Glatte gulv i gangen"; e.Heading.Text != want {
		t.Errorf("heading after the save %q, want %q", e.Heading.Text, want)
	}
}
