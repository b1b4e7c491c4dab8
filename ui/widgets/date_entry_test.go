package widgets

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
)

func TestDateEntryShowsShortDateInFull(t *testing.T) {
	test.NewTempApp(t)
	Today = func() model.Date { return model.NewDate(2026, time.December, 4) }
	t.Cleanup(func() { Today = func() model.Date { return model.DateOf(time.Now()) } })

	e := NewDateEntry("Dato", false)
	e.SetText("1.1.26")
	e.FocusLost()
	if e.Text != "01.01.2026" {
		t.Errorf("after leaving the field: %q, want 01.01.2026", e.Text)
	}
	e.SetText("3.2.26")
	d, err := e.Date()
	if err != nil || d != model.NewDate(2026, time.February, 3) || e.Text != "03.02.2026" {
		t.Errorf("Date(): %v %v, field shows %q", d, err, e.Text)
	}
	for in, reason := range map[string]string{
		"1.1.1999":   "før år 2000",
		"1.1.0026":   "året må være mellom",
		"5.12.2031":  "mer enn 5 år fram i tid",
		"31.02.2026": "finnes ikke",
	} {
		e.SetText(in)
		if err := e.Validate(); err == nil || !strings.Contains(err.Error(), reason) {
			t.Errorf("%s: %v, want %q", in, err, reason)
		}
		if _, err := e.Date(); err == nil {
			t.Errorf("%s: Date() accepted it", in)
		}
		e.FocusLost()
		if e.Text != in {
			t.Errorf("%s: a refused date was rewritten to %q", in, e.Text)
		}
	}
}
