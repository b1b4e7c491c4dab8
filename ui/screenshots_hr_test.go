package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/model/submitdemo"
	"hmsutvalg/ui/rapporter"
	"hmsutvalg/ui/uitest"
)

// hrShot is one situation of the HR part to render.
type hrShot struct {
	name   string
	target string
	other  int // every other-th unit is in another municipality; 0 = none
}

// TestHRScreenshots renders Rapporter's HR part with a folder of 40
// generated submissions for 2025, most units' files for 2024 (so the
// year is compared like for like), one bad file and a list of expected
// units with one missing, at 1024×768 and whole, normal and Møtemodus
// (go test ./ui -run HRScreenshots -screenshots DIR). Three situations:
// HR's own target; no target, so the units' report of the
// municipality's; and files from two municipalities.
func TestHRScreenshots(t *testing.T) {
	for _, shot := range []hrShot{{"rapporter-hr", "6,5", 0}, {"rapporter-hr-enhetsmal", "", 0}, {"rapporter-hr-flere-kommuner", "6,5", 3}} {
		dir, expected := hrFolder(t, shot.other)
		for _, meeting := range []bool{false, true} {
			a := test.NewTempApp(t)
			a.Preferences().SetBool("motemodus", meeting)
			u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
			w := u.Window()
			// The page alone, without the sidebar; SetFiles is not reachable
			// through the shell.
			s := rapporter.New(u.Env())
			s.Expected.SetText(strings.Join(expected, "\n"))
			s.Target.SetText(shot.target)
			s.SetFiles([]string{dir})
			s.WaitJobs()
			w.SetContent(s.Content())
			if !uitest.HasText(w.Content(), "kaputt.json") || !uitest.HasText(w.Content(), "Fjellheim skole") {
				t.Errorf("bad file or missing unit not shown: %q", s.Files.Text)
			}
			if all := map[bool]string{false: "Hele kommunen", true: "Alle enhetene"}[shot.other > 0]; !uitest.HasText(s.Preview, all) {
				t.Errorf("%s: no bar %q", shot.name, all)
			}
			for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1024, Height: 3800}} {
				w.Resize(size)
				save(t, w, shot.name+"-"+sizeName(size), meeting)
			}
			// At 1024×768, scrolled to the summary and the sick-leave
			// chart, as HR sees them on a projector.
			w.Resize(fyne.NewSize(1024, 768))
			scrollTo(w, s.Preview)
			save(t, w, shot.name+"-1024-sammendrag", meeting)
			u.Close()
		}
	}
}

// hrFolder writes 40 units' files for 2025 (every other-th unit in
// another municipality when other > 0), files for 2024 for all but every
// fifth unit, a bad file, and returns the folder and the expected units
// (one of which has not sent).
func hrFolder(t *testing.T, other int) (string, []string) {
	dir := t.TempDir()
	units := submitdemo.Units(40, 3)
	var expected []string
	write := func(sub model.Submission, i int) {
		if other > 0 && i%other == 0 {
			sub.Unit.Municipality = "Løten kommune"
		}
		b, err := sub.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		name := strings.ReplaceAll(sub.Unit.Name, " ", "-") + "-" + model.HMSYear(sub.Year).String() + ".json"
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, sub := range submitdemo.Year(units, 2025, 3, true, 0) {
		write(sub, i)
		expected = append(expected, sub.Unit.Name)
	}
	for i, u := range units {
		if i%5 != 4 {
			write(submitdemo.Submission(u, 2024, 4, true), i)
		}
	}
	os.WriteFile(filepath.Join(dir, "kaputt.json"), []byte(`{"schema":`), 0o644)
	return dir, append(expected, "Fjellheim skole")
}

// scrollTo scrolls the window's outer scroll so that o is at its top.
func scrollTo(w fyne.Window, o fyne.CanvasObject) {
	sc, ok := w.Content().(*container.Scroll)
	if !ok {
		return
	}
	d := fyne.CurrentApp().Driver()
	sc.Offset.Y += d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y
	sc.Refresh()
}
