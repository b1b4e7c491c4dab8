package rapporter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"hmsutvalg/ui/uitest"
)

// The button opens a dialog where ticking «Ta med beskrivelser» shows the
// warning before anything is saved.
func TestRegisterExportDialogWarns(t *testing.T) {
	s := newScreen(t)
	test.Tap(s.RegBtn)
	over := s.env.Window.Canvas().Overlays().Top()
	if over == nil || !uitest.HasText(over, "Ta med beskrivelser") {
		t.Fatal("no export dialog")
	}
	if uitest.HasText(over, "sensitive opplysninger") {
		t.Error("warning shown before the box is ticked")
	}
	check := findCheck(t, over)
	test.Tap(check)
	if !uitest.HasText(over, "sensitive opplysninger") {
		t.Error("no warning after ticking «Ta med beskrivelser»")
	}
}

func findCheck(t *testing.T, o fyne.CanvasObject) *widget.Check {
	t.Helper()
	var found *widget.Check
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Check:
			found = w
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatal("no check box")
	}
	return found
}

// What the dialog's choices write: the chosen year's registers as a
// workbook or CSV files, descriptions only when asked.
func TestWriteRegisters(t *testing.T) {
	s := newScreen(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "r.xlsx")
	if err := s.WriteRegisters(book, RegisterExport{XLSX: true}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := len(f.GetSheetList()); n != 7 {
		t.Errorf("%d sheets, want 7", n)
	}
	csvDir := filepath.Join(dir, "csv")
	if err := s.WriteRegisters(csvDir, RegisterExport{Descriptions: true}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(csvDir, "avvik.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.SplitN(string(b), "\r\n", 2)[0], "Hva skjedde") {
		t.Error("descriptions asked for but not in avvik.csv")
	}
}

// TestRegisterExportDialogKeys: «Eksporter registre» answers the keyboard
// as every dialog does: Escape cancels and saves nothing, Enter presses
// «Lagre …» (the default, focused when the dialog opens), which asks
// where to save.
func TestRegisterExportDialogKeys(t *testing.T) {
	s := newScreen(t)
	c := s.env.Window.Canvas()
	test.Tap(s.RegBtn)
	d := s.regDialog
	if d == nil || !d.Open() {
		t.Fatal("no export dialog")
	}
	if f, ok := c.Focused().(fyne.Widget); !ok || f != d.Default {
		t.Fatalf("«Lagre …» has no focus: %T", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Open() || c.Overlays().Top() != nil {
		t.Fatal("Escape did not cancel the export")
	}
	test.Tap(s.RegBtn)
	d = s.regDialog
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.Open() {
		t.Fatal("Enter did not press «Lagre …»")
	}
	if top := c.Overlays().Top(); top == nil || uitest.HasText(top, "Ta med beskrivelser") {
		t.Error("Enter did not go on to ask where to save")
	}
}
