package ui

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
)

var screenshotDir = flag.String("screenshots", "", "write a PNG of every page at 1024×768, normal and Møtemodus, into this folder")

// TestScreenshots renders every page the way a projector at 1024×768 shows
// it, for a person to look at (go test ./ui -run Screenshots -screenshots DIR).
// Without the flag it still builds every page in both modes, so a page that
// panics when rendered fails here.
func TestScreenshots(t *testing.T) {
	path := uitest.DemoFile(t)
	for _, meeting := range []bool{false, true} {
		a := test.NewTempApp(t)
		// Preset as after a restart in Møtemodus: the first layout is already scaled.
		a.Preferences().SetBool("motemodus", meeting)
		u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
		w := u.Window()
		w.Resize(fyne.NewSize(1024, 768))
		env := u.Env()
		for _, p := range Pages() {
			env.Navigate(p.ID)
			img := w.Canvas().Capture()
			if img.Bounds().Dx() == 0 {
				t.Fatalf("%s: empty capture", p.ID)
			}
			if min := w.Content().MinSize(); min.Width > 1024 {
				t.Errorf("%s (Møtemodus %v): content needs %.0f px wide, more than a 1024×768 projector", p.ID, meeting, min.Width)
			}
			if *screenshotDir == "" {
				continue
			}
			name := p.ID
			if meeting {
				name += "-motemodus"
			}
			f, err := os.Create(filepath.Join(*screenshotDir, name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		// The risk page with an assessment open (heat maps and items).
		if as, _ := env.Store.Assessments(); len(as) > 0 {
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[len(as)-1].ID})
			save(t, w, "risiko-detalj", meeting)
		}
		// A deviation whose § 5-2 notice is outstanding, in the editor.
		devs, _ := env.Store.Deviations()
		if d := model.FilterDeviations(devs, model.DeviationFilter{NoticeOutstanding: true}); len(d) > 0 {
			env.Open(avvik.PageID, appctx.Focus{ID: d[0].ID})
			save(t, w, "avvik-detalj", meeting)
		}
		keyboardShots(t, u, meeting)
		u.Close()
	}
}

func save(t *testing.T, w fyne.Window, name string, meeting bool) {
	t.Helper()
	img := w.Canvas().Capture()
	if min := w.Content().MinSize(); min.Width > 1024 {
		t.Errorf("%s (Møtemodus %v): content needs %.0f px wide", name, meeting, min.Width)
	}
	if *screenshotDir == "" {
		return
	}
	if meeting {
		name += "-motemodus"
	}
	f, err := os.Create(filepath.Join(*screenshotDir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
