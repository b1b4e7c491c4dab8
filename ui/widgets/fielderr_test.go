package widgets_test

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

func verr(pairs ...string) error {
	var v model.ValidationError
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v.Err()
}

// TestFieldErrorsPlaced: each message goes to its bound field; a message
// for a field not bound, hidden or on another tab goes under Lagre; other
// errors (a full disk) stay whole under Lagre.
func TestFieldErrorsPlaced(t *testing.T) {
	test.NewTempApp(t)
	et := widgets.NewErrorText()
	title, place, hidden, other := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	hiddenBox := container.NewVBox(et.Bind("Skjult", hidden))
	hiddenBox.Hide()
	tabs := container.NewAppTabs(
		container.NewTabItem("A", et.Bind("Tittel", title)),
		container.NewTabItem("B", et.Bind("Annen", other)))
	w := test.NewWindow(container.NewVBox(tabs, et.Bind("Sted", place), hiddenBox, et.Label))
	defer w.Close()

	et.Show(verr("Sted", "Sted må fylles ut", "Tittel", "Tittel må fylles ut", "Tittel", "Tittel er for lang",
		"Skjult", "Skjult er feil", "Annen", "Annen er feil", "", "Noe uten felt"))
	if got := et.FieldLabel("Tittel").Text; got != "Tittel må fylles ut\nTittel er for lang" {
		t.Errorf("title: %q", got)
	}
	if got := et.FieldLabel("Sted").Text; got != "Sted må fylles ut" || !et.FieldLabel("Sted").Visible() {
		t.Errorf("place: %q", got)
	}
	sum := et.Label.Text
	for _, want := range []string{"Ikke lagret", "ved feltene", "Skjult er feil", "Annen er feil", "Noe uten felt"} {
		if !strings.Contains(sum, want) {
			t.Errorf("under Lagre %q lacks %q", sum, want)
		}
	}
	if strings.Contains(sum, "Sted må") || et.FieldLabel("Skjult").Visible() || et.FieldLabel("Annen").Visible() {
		t.Errorf("a message in two places, or at a field no one sees: %q", sum)
	}
	if f, _ := w.Canvas().Focused().(*widget.Entry); f != title {
		t.Error("the keyboard is not in the first marked field")
	}

	et.Show(errors.New("Filen er skrivebeskyttet"))
	if et.Label.Text != "Filen er skrivebeskyttet" || et.FieldLabel("Tittel").Visible() {
		t.Errorf("a plain error: %q, title marked %v", et.Label.Text, et.FieldLabel("Tittel").Visible())
	}
	et.Show(&model.FieldError{Field: "Sted", Message: "Sted: ugyldig"})
	if et.FieldLabel("Sted").Text != "Sted: ugyldig" {
		t.Error("a single field error was not put at its field")
	}
	et.Show(nil)
	if et.Messages() != "" || et.Label.Visible() {
		t.Errorf("Show(nil) left %q", et.Messages())
	}
}

// TestFieldErrorsClearOnChange: a mark goes when its own input changes,
// whatever kind of input, and the form's own reaction to the change still
// runs, once however many times the save was refused.
func TestFieldErrorsClearOnChange(t *testing.T) {
	test.NewTempApp(t)
	et := widgets.NewErrorText()
	entry := widgets.NewMultiLineEntry()
	calls := 0
	entry.OnChanged = func(string) { calls++ }
	sel := widget.NewSelect([]string{"a", "b"}, nil)
	check := widget.NewCheck("ja", nil)
	group := widget.NewCheckGroup([]string{"x", "y"}, nil)
	w := test.NewWindow(container.NewVBox(et.Bind("E", entry), et.Bind("S", sel), et.Bind("C", check),
		et.Bind("G", container.NewVBox(widget.NewLabel("gruppe"), group)), et.Label))
	defer w.Close()
	bad := verr("E", "E feil", "S", "S feil", "C", "C feil", "G", "G feil")
	for range 3 {
		et.Show(bad)
	}
	test.Type(entry, "x")
	if calls != 1 {
		t.Errorf("the form's OnChanged ran %d times for one key, want 1", calls)
	}
	sel.SetSelected("b")
	check.SetChecked(true)
	group.SetSelected([]string{"y"})
	for _, f := range []string{"E", "S", "C", "G"} {
		if et.FieldLabel(f).Visible() {
			t.Errorf("%s: the mark stayed after the input changed", f)
		}
	}
}

// TestFieldErrorsFocusTopmost: the keyboard goes to the marked field
// highest on the screen, not the one bound first.
func TestFieldErrorsFocusTopmost(t *testing.T) {
	test.NewTempApp(t)
	et := widgets.NewErrorText()
	low, high := widget.NewEntry(), widget.NewEntry()
	lowBox := et.Bind("Lav", low)
	highBox := et.Bind("Høy", high)
	w := test.NewWindow(container.NewVBox(highBox, widget.NewLabel("mellom"), lowBox, et.Label))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 300))
	et.Show(verr("Lav", "Lav feil", "Høy", "Høy feil"))
	if f, _ := w.Canvas().Focused().(*widget.Entry); f != high {
		t.Error("the keyboard went to a lower field first")
	}
	if !et.Names(verr("Lav", "x")) || et.Names(verr("Ukjent", "x")) || et.Names(errors.New("x")) {
		t.Error("Names does not tell bound fields from others")
	}
}

// TestDateCheckAtField: a date field's own check speaks on the field's
// line when the user leaves the field.
func TestDateCheckAtField(t *testing.T) {
	test.NewTempApp(t)
	et := widgets.NewErrorText()
	d := widgets.NewDateEntry("Dato", false)
	next := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(et.Bind("Dato", d), next))
	defer w.Close()
	w.Canvas().Focus(d)
	test.Type(d, "31.02.2026")
	w.Canvas().Focus(next)
	if l := et.FieldLabel("Dato"); !l.Visible() || !strings.Contains(l.Text, "finnes ikke") {
		t.Errorf("date check at the field: %q (shown %v)", l.Text, l.Visible())
	}
	d.SetText("28.02.2026")
	if et.FieldLabel("Dato").Visible() {
		t.Error("the date's mark stayed after a good date")
	}
}

// TestSummaryGoesWithLastMark: «Ikke lagret. Rett det som er merket …»
// goes when the last marked field is changed; a message for no field
// stays, as the save was refused for it too.
func TestSummaryGoesWithLastMark(t *testing.T) {
	test.NewTempApp(t)
	et := widgets.NewErrorText()
	a, b := widget.NewEntry(), widget.NewEntry()
	w := test.NewWindow(container.NewVBox(et.Bind("A", a), et.Bind("B", b), et.Label))
	defer w.Close()
	et.Show(verr("A", "A feil", "B", "B feil"))
	test.Type(a, "x")
	if !strings.Contains(et.Label.Text, "Ikke lagret") || !et.Label.Visible() {
		t.Errorf("summary went while B is still marked: %q", et.Label.Text)
	}
	test.Type(b, "y")
	if et.Label.Visible() {
		t.Errorf("summary %q stayed with no mark left", et.Label.Text)
	}
	et.Show(verr("A", "A feil", "", "Noe uten felt"))
	test.Type(a, "z")
	if et.Label.Text != "Noe uten felt" || !et.Label.Visible() {
		t.Errorf("summary %q, want only the message for no field", et.Label.Text)
	}
}
