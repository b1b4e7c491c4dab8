package widgets

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
)

// TestEnumSelectInEnglish: a select of a model enum shows English, and
// the chosen option maps back to the enum value; in bokmål it shows the
// model's own labels.
func TestEnumSelectInEnglish(t *testing.T) {
	test.NewTempApp(t)
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	labels := model.SeverityLabels()
	s := NewSelect(EnumOptions(labels), nil)
	for _, o := range s.Options {
		if o == model.SeveritySerious.Label() {
			t.Errorf("option %q is still bokmål", o)
		}
	}
	SetEnum(s, model.SeveritySerious.Label())
	if s.Selected != "Serious" {
		t.Errorf("selected %q, want Serious", s.Selected)
	}
	got, ok := model.SeverityFromLabel(EnumLabel(s.Selected, labels))
	if !ok || got != model.SeveritySerious {
		t.Errorf("back to the model: %v %v, want %v", got, ok, model.SeveritySerious)
	}
	if EnumLabel("Alle", labels) != "Alle" {
		t.Error("an option outside the enum must come back unchanged")
	}

	i18n.Setup(i18n.Bokmal)
	if o := EnumOptions(labels); o[0] != labels[0] {
		t.Errorf("bokmål option %q, want %q", o[0], labels[0])
	}
}

// TestErrorTextTranslatesModelMessages: validation messages from the
// model show in English, also those with a date filled in.
func TestErrorTextTranslatesModelMessages(t *testing.T) {
	test.NewTempApp(t)
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	var v model.ValidationError
	v.Add(model.FieldDeadline, "Frist må fylles ut")
	v.Add(model.FieldStatus, "Velg status")
	e := NewErrorText()
	e.Show(v.Err())
	if want := "Deadline is required\nChoose a status"; e.Label.Text != want {
		t.Errorf("shown %q, want %q", e.Label.Text, want)
	}
	if got := FieldMessage(v.Err(), model.FieldStatus); got != "Choose a status" {
		t.Errorf("field message %q", got)
	}
}
