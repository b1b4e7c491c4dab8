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
	m := firstWithStatus(t, s, model.StatusPagar)
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
	if got := strings.Join(buttons, " | "); !strings.Contains(got, "Done") || !strings.Contains(got, "Postponed") || strings.Contains(got, "Utført") {
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

// TestEverySourceEnglish: every demo measure's source reads in English up
// to the record's own text («Meeting 11.05.2026, item 6: …», «Risk
// assessment: …», «10-FAKTOR 2026: Role clarity, area to improve»); the
// plan's Source column said «sak 6», «Risikovurdering:», «innsatsområde».
func TestEverySourceEnglish(t *testing.T) {
	_, st := newScreen(t)
	ms, err := st.Measures()
	if err != nil {
		t.Fatal(err)
	}
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	kinds := map[model.SourceKind]bool{}
	for _, m := range ms {
		got := SourceText(m.Source)
		kinds[m.Source.Kind] = true
		for _, p := range []string{"Møte ", "Vernerunde ", "Risikovurdering:", "Vold og trusler:", "Avvik ", "Manuell"} {
			if strings.HasPrefix(got, p) {
				t.Errorf("%q begins in bokmål", got)
			}
		}
		for _, w := range []string{", sak ", ", nr. ", "innsatsområde", "bevaringsområde"} {
			if strings.Contains(got, w) {
				t.Errorf("%q says %q", got, w)
			}
		}
	}
	if len(kinds) < 6 {
		t.Errorf("the demo has measures from only %d kinds of source", len(kinds))
	}
}
