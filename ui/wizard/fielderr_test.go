package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/uitest"
)

// TestFieldErrorsWizard: Neste with the municipality missing and the
// number of employees in words marks those fields (and the sector) where
// they are, puts the keyboard in the municipality, keeps what was typed and
// creates no file; put right, Neste goes on and the marks are gone.
func TestFieldErrorsWizard(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "enhet.db")
	var opened []*storage.Store
	wz, content := NewWizard(Config{Path: path, User: "Testbruker", Today: func() model.Date { return today },
		Opened: func(st *storage.Store) { opened = append(opened, st) }, Choose: func() {}})
	win := test.NewWindow(content)
	defer win.Close()
	win.Resize(fyne.NewSize(900, 700))
	test.Tap(wz.NewUnitButton)
	name, mun, emp, _, sector := wz.Fields()
	win.Canvas().Focus(name)
	uitest.Type(win, "Haugen skole")
	win.Canvas().Focus(emp)
	uitest.Type(win, "tjue")
	test.Tap(wz.NextButton)

	unitErr, _ := wz.ErrorTexts()
	for _, c := range []struct {
		field string
		w     fyne.CanvasObject
		want  string
	}{
		{model.FieldMunicipality, mun, "Kommune må fylles ut"},
		{model.FieldSector, sector, "Velg sektor"},
		{model.FieldEmployees, emp, "Antall ansatte må være et helt tall"},
	} {
		l := unitErr.FieldLabel(c.field)
		if l == nil || !l.Visible() || !strings.Contains(l.Text, c.want) {
			t.Fatalf("%s: no message %q at the field", c.field, c.want)
		}
		box, _ := uitest.Parent(win.Canvas().Content(), c.w).(*fyne.Container)
		if box == nil || !uitest.Under(box, l) {
			t.Errorf("%s: the message is not in the field's own container", c.field)
		}
	}
	if f, _ := win.Canvas().Focused().(fyne.CanvasObject); f != mun {
		t.Errorf("focus on %T, want the municipality (the first marked field)", win.Canvas().Focused())
	}
	if name.Text != "Haugen skole" || emp.Text != "tjue" {
		t.Error("typed text lost")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a file was created from refused input")
	}

	uitest.Type(win, "Hamar kommune")
	if unitErr.FieldLabel(model.FieldMunicipality).Visible() {
		t.Error("the municipality's message stayed after typing in it")
	}
	sector.SetSelected(sector.Options[1])
	emp.SetText("20")
	test.Tap(wz.NextButton)
	if m := unitErr.Messages(); m != "" {
		t.Errorf("messages left after Neste went on: %q", m)
	}
	if mName, _, _, _ := wz.MemberFields(); mName == nil {
		t.Error("Neste did not go on to the committee")
	}
}
