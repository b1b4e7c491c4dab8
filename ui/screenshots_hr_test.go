package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/model/submitdemo"
	"hmsutvalg/ui/rapporter"
	"hmsutvalg/ui/uitest"
)

// TestHRScreenshots renders Rapporter's HR part with a folder of 40
// generated submissions, one bad file and a list of expected units with
// one missing, at 1024×768 and whole (go test ./ui -run HRScreenshots
// -screenshots DIR).
func TestHRScreenshots(t *testing.T) {
	dir := t.TempDir()
	units := submitdemo.Units(40, 3)
	var expected []string
	for _, sub := range submitdemo.Year(units, 2025, 3, true, 0) {
		b, err := sub.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, strings.ReplaceAll(sub.Unit.Name, " ", "-")+".json"), b, 0o644)
		expected = append(expected, sub.Unit.Name)
	}
	os.WriteFile(filepath.Join(dir, "kaputt.json"), []byte(`{"schema":`), 0o644)
	expected = append(expected, "Fjellheim skole")

	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	w := u.Window()
	// The page alone, without the sidebar; SetFiles is not reachable
	// through the shell.
	s := rapporter.New(u.Env())
	s.Expected.SetText(strings.Join(expected, "\n"))
	s.Target.SetText("6,5")
	s.SetFiles([]string{dir})
	s.WaitJobs()
	w.SetContent(s.Content())
	if !uitest.HasText(w.Content(), "kaputt.json") || !uitest.HasText(w.Content(), "Fjellheim skole") {
		t.Errorf("bad file or missing unit not shown: %q", s.Files.Text)
	}
	for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1024, Height: 3600}} {
		w.Resize(size)
		save(t, w, "rapporter-hr-"+sizeName(size), false)
	}
}
