package widgets_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

func window(t *testing.T, content fyne.CanvasObject) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(800, 600))
	t.Cleanup(w.Close)
	return w
}

// TestTabLeavesMultiLineEntry: Tab and Shift+Tab move out of a multi-line
// field (Fyne's own types a tab and keeps the keyboard); Enter still makes
// a new line.
func TestTabLeavesMultiLineEntry(t *testing.T) {
	before, after := widget.NewEntry(), widget.NewEntry()
	multi := widgets.NewMultiLineEntry()
	w := window(t, container.NewVBox(before, multi, after))
	w.Canvas().Focus(multi)
	uitest.Type(w, "første")
	uitest.Key(w, fyne.KeyReturn)
	uitest.Type(w, "andre")
	if multi.Text != "første\nandre" {
		t.Fatalf("Enter did not make a new line: %q", multi.Text)
	}
	uitest.Key(w, fyne.KeyTab)
	if w.Canvas().Focused() != after {
		t.Fatalf("Tab did not leave the multi-line field: focus on %T", w.Canvas().Focused())
	}
	if multi.Text != "første\nandre" {
		t.Errorf("Tab typed into the field: %q", multi.Text)
	}
	uitest.ShiftTab(w)
	uitest.ShiftTab(w)
	if w.Canvas().Focused() != before {
		t.Errorf("Shift+Tab did not go back past the multi-line field: focus on %T", w.Canvas().Focused())
	}
	// Fyne's own multi-line entry, for contrast: Tab stays and types.
	plain := widget.NewMultiLineEntry()
	w.SetContent(container.NewVBox(plain, widget.NewEntry()))
	w.Canvas().Focus(plain)
	uitest.Key(w, fyne.KeyTab)
	if w.Canvas().Focused() != plain {
		t.Error("the contrast case no longer traps Tab: widgets.Entry may be unneeded")
	}
}

// TestDialogEnterEscapeFromField: in a dialog, Enter in a single-line
// field presses the default button and Escape cancels, from a multi-line
// field too; with nothing focused the window's handler does the same, and
// closing gives the window its own key handler back.
func TestDialogEnterEscapeFromField(t *testing.T) {
	w := window(t, widget.NewLabel("side"))
	var pageKeys []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { pageKeys = append(pageKeys, ev.Name) })

	open := func() (*widgets.KeyDialog, *widgets.Entry, *widgets.Entry, *string) {
		got := new(string)
		name, note := widgets.NewEntry(), widgets.NewMultiLineEntry()
		d := widgets.NewKeyDialog(w, "Navn", container.NewVBox(name, note))
		d.SetCancel("Avbryt", func() { *got = "avbrutt" })
		d.Default = d.AddButton("Lagre", nil, widget.HighImportance, func() { *got = "lagret " + name.Text })
		d.First = name
		d.Show()
		return d, name, note, got
	}

	d, name, _, got := open()
	if w.Canvas().Focused() != name {
		t.Fatalf("the dialog's first field has no focus: %T", w.Canvas().Focused())
	}
	uitest.Type(w, "Kari")
	uitest.Key(w, fyne.KeyReturn)
	if *got != "lagret Kari" || d.Open() {
		t.Fatalf("Enter in the field: %q, dialog open %v", *got, d.Open())
	}

	d, _, note, got := open()
	w.Canvas().Focus(note)
	uitest.Type(w, "tekst")
	uitest.Key(w, fyne.KeyEscape)
	if *got != "avbrutt" || d.Open() {
		t.Fatalf("Escape in the multi-line field: %q, dialog open %v", *got, d.Open())
	}

	d, _, _, got = open()
	w.Canvas().Unfocus()
	uitest.Key(w, fyne.KeyEscape)
	if *got != "avbrutt" || d.Open() {
		t.Fatalf("Escape with nothing focused: %q", *got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog is still on screen")
	}
	uitest.Key(w, fyne.KeyF5)
	if len(pageKeys) != 1 || pageKeys[0] != fyne.KeyF5 {
		t.Errorf("the window's key handler was not given back: %v", pageKeys)
	}
}

// TestConfirmDangerDefaultsToSafe: Enter right after a destructive
// question cancels; the red button is reached with Tab and pressed with
// Enter or Space.
func TestConfirmDangerDefaultsToSafe(t *testing.T) {
	w := window(t, widget.NewLabel("side"))
	deleted := 0
	d := widgets.ConfirmDanger(w, "Slett avvik", "Slette avviket?", "Slett", func() { deleted++ })
	if d.Default != d.Cancel || w.Canvas().Focused() != d.Cancel {
		t.Fatal("Avbryt is not the default, focused button")
	}
	danger := d.Buttons[len(d.Buttons)-1]
	if danger.Importance != widget.DangerImportance || danger.Text != "Slett" {
		t.Errorf("destructive button %q has importance %v", danger.Text, danger.Importance)
	}
	uitest.Key(w, fyne.KeyReturn)
	if deleted != 0 || d.Open() {
		t.Fatalf("Enter deleted (%d) or left the dialog open (%v)", deleted, d.Open())
	}
	d = widgets.ConfirmDanger(w, "Slett avvik", "Slette avviket?", "Slett", func() { deleted++ })
	uitest.Key(w, fyne.KeyTab)
	if w.Canvas().Focused() != danger && w.Canvas().Focused() != d.Buttons[len(d.Buttons)-1] {
		t.Fatalf("Tab did not reach the red button: %T", w.Canvas().Focused())
	}
	uitest.Key(w, fyne.KeyReturn)
	if deleted != 1 {
		t.Errorf("Enter on the red button: deleted %d times", deleted)
	}
}

// TestConfirmDefaultsToYes: a harmless question's default is its yes.
func TestConfirmDefaultsToYes(t *testing.T) {
	w := window(t, widget.NewLabel("side"))
	opened := false
	widgets.Confirm(w, "PDF lagret", "Åpne den?", "Åpne", "Lukk", func() { opened = true })
	uitest.Key(w, fyne.KeyEnter)
	if !opened {
		t.Error("Enter did not answer yes")
	}
}

func TestRestoreQuestionNamesDateAndFile(t *testing.T) {
	taken := time.Date(2026, 11, 20, 14, 5, 0, 0, time.Local)
	q := widgets.RestoreQuestion(taken, "/home/kari/bjorkeli.db")
	for _, want := range []string{"20.11.2026 kl. 14:05", "bjorkeli.db", "erstattes", "egen sikkerhetskopi"} {
		if !contains(q, want) {
			t.Errorf("restore question lacks %q: %s", want, q)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestMessageClosesWithEnterOrEscape: an error or information message
// closes with Enter and with Escape.
func TestMessageClosesWithEnterOrEscape(t *testing.T) {
	w := window(t, widget.NewLabel("side"))
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		d := widgets.ShowError(errTest("Disken er full"), w)
		if !uitest.HasText(w.Canvas().Overlays().Top(), "Disken er full") {
			t.Fatal("the message is not shown")
		}
		uitest.Key(w, k)
		if d.Open() || w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s did not close the message", k)
		}
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }
