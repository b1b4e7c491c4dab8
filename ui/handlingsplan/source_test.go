package handlingsplan

import (
	"testing"
	"time"

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
