package handlingsplan

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
)

// TestSourceTextEnglish: a measure from a deviation names its source in
// English (the stored label is bokmål), keeping date and place.
func TestSourceTextEnglish(t *testing.T) {
	d := model.Deviation{ID: 3, Date: model.NewDate(2023, time.December, 21), Category: model.DevViolence, Place: "Avdeling 2"}
	m := model.NewMeasureFromDeviation(d, "", "", model.Date{}, d.Date)
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	if got, want := SourceText(m.Source), "Deviation 21.12.2023 Violence and threats, Avdeling 2"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	i18n.Setup(i18n.Bokmal)
	if got, want := SourceText(m.Source), "Avvik 21.12.2023 Vold og trusler, Avdeling 2"; got != want {
		t.Errorf("bokmål: %q, want %q", got, want)
	}
}

// TestEditorStatusEnglish: the editor says the status, the buttons and the
// confirmation in English, as the table does («Status: In progress», not
// «Status: Pågår»).
func TestEditorStatusEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	s, _ := newScreen(t)
	var m model.Measure
	for _, x := range s.all {
		if x.Status == model.StatusPagar {
			m = x
			break
		}
	}
	s.Select(m.ID)
	e := s.Editor
	if got := e.StatusLabel.Text; got != "Status: In progress" {
		t.Errorf("status %q", got)
	}
	var buttons []string
	for _, o := range e.Transitions.Objects {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b.Text)
		}
	}
	if got := strings.Join(buttons, " | "); !strings.Contains(got, "→ Done") || !strings.Contains(got, "→ Postponed") || strings.Contains(got, "Utført") {
		t.Errorf("buttons %q", got)
	}
	e.StartTransition(model.StatusUtfort)
	if got := e.Confirm.Text; got != "Set status to Done" {
		t.Errorf("confirm %q", got)
	}
}

// TestViolenceSourceEnglish: a measure from the violence mapping names its
// source in English («Violence and threats: 5. Staffing»), every factor.
func TestViolenceSourceEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	for _, f := range model.ViolenceFactors() {
		src := model.Source{Kind: model.SourceViolenceThreats, RefLabel: model.ViolenceRefLabel(f)}
		got := SourceText(src)
		if !strings.HasPrefix(got, "Violence and threats: ") || strings.ContainsAny(got, "æøå") {
			t.Errorf("%v: %q", f, got)
		}
	}
}
