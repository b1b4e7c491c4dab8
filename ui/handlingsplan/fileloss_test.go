package handlingsplan

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

// The file moved away while the screen has it open: Lagre says what
// happened, the typed text stays in the form, and the moved file passes
// check (issue 19).
func TestSaveAfterFileMovedKeepsForm(t *testing.T) {
	a := test.NewTempApp(t)
	path := uitest.DemoFile(t)
	st, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	s := New(env)
	w.SetContent(s.Content())
	moved := path + ".flyttet"
	if err := os.Rename(path, moved); err != nil {
		t.Fatal(err)
	}
	e := s.Editor
	test.Tap(s.NewButton)
	e.Title.SetText("Tiltak etter flytting")
	e.Description.SetText("Teksten skal ikke gå tapt.")
	e.Area.SetSelectedIndex(0)
	e.Responsible.SetText("Leder")
	e.Deadline.SetText("31.12.2027")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Label.Text, "flyttet, slettet eller erstattet") {
		t.Errorf("message %q does not say the file was moved", e.Err.Label.Text)
	}
	if e.Title.Text != "Tiltak etter flytting" || e.Description.Text != "Teksten skal ikke gå tapt." {
		t.Error("typed text lost")
	}
	st.Close()
	if rep, err := storage.Check(moved); err != nil || !rep.OK() {
		t.Fatalf("moved file after the refused save: %v %v", err, rep.Problems)
	}
}
