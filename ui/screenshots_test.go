package ui

import (
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/apptheme"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
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
		fieldErrorShots(t, u, meeting)
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

// shotSizes are a projector and a full-HD screen.
var shotSizes = []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}}

// TestScreenshotMatrix renders Oversikt, Handlingsplan, the meeting view
// (its first item and «Vernerunde») and a safety round at 1024×768 and
// 1920×1080, light and dark, normal and Møtemodus (the meeting view is
// always in Møtemodus). Every shot must fit the window's width; with
// -screenshots DIR they are written for a person to look at. `make smoke`
// writes them to bin/screenshots, CI's artefacts (and `make unit` leaves
// the matrix to it).
func TestScreenshotMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 40 screens")
	}
	if os.Getenv("HMSUTVALG_SCREENSHOT_MATRIX") == "smoke" && *screenshotDir == "" {
		t.Skip("make smoke renders the matrix into bin/screenshots")
	}
	path := uitest.DemoFile(t)
	for _, variant := range []string{apptheme.VariantLight, apptheme.VariantDark} {
		for _, meeting := range []bool{false, true} {
			a := test.NewTempApp(t)
			a.Preferences().SetBool("motemodus", meeting)
			a.Preferences().SetString("tema", variant)
			u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
			for _, size := range shotSizes {
				shootViews(t, u, size, variant, meeting)
			}
			u.Close()
		}
	}
}

func shootViews(t *testing.T, u *App, size fyne.Size, variant string, meeting bool) {
	t.Helper()
	w, env := u.Window(), u.Env()
	w.Resize(size)
	name := func(view string) string {
		n := fmt.Sprintf("%s-%.0fx%.0f-%s", view, size.Width, size.Height, variant)
		if meeting {
			n += "-motemodus"
		}
		return n
	}
	env.Navigate(oversikt.PageID)
	shot(t, w, size, name("oversikt"))
	env.Navigate(handlingsplan.PageID)
	shot(t, w, size, name("handlingsplan"))
	if rs, _ := env.Store.SafetyRounds(); len(rs) > 0 {
		r, _ := model.LatestSafetyRound(rs)
		env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID})
		shot(t, w, size, name("vernerunde"))
		// The inspection tab: the checklist with its answers.
		if tabs, ok := find(w.Content(), func(o fyne.CanvasObject) bool { _, ok := o.(*container.AppTabs); return ok }).(*container.AppTabs); ok && len(tabs.Items) > 1 {
			tabs.SelectIndex(1)
			shot(t, w, size, name("vernerunde-befaring"))
		}
	}
	if !meeting {
		return
	}
	env.Open(moter.PageID, appctx.Focus{Filter: moter.FilterView})
	if w.Content() == nil || !uitest.HasText(w.Content(), "Sak 1 av") {
		t.Errorf("%s: the meeting view did not open", name("motevisning"))
		return
	}
	shot(t, w, size, name("motevisning"))
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	// The latest meeting with a «Vernerunde» item, at that item.
	id, n := meetingWithSafetyRound(t, env)
	env.Open(moter.PageID, appctx.Focus{Filter: moter.FilterView, ID: id})
	key := w.Canvas().OnTypedKey()
	for range n {
		key(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if !uitest.HasText(w.Content(), "Siste vernerunde") {
		t.Errorf("%s: the «Vernerunde» item does not show the latest round", name("motevisning"))
	}
	shot(t, w, size, name("motevisning-vernerunde"))
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// meetingWithSafetyRound is the latest meeting with a «Vernerunde» item
// and the item's position.
func meetingWithSafetyRound(t *testing.T, env *appctx.Env) (uint64, int) {
	t.Helper()
	ms, err := env.Store.Meetings()
	if err != nil {
		t.Fatal(err)
	}
	var id uint64
	var at int
	var date model.Date
	for _, m := range ms {
		for i, it := range m.Agenda {
			if it.Kind == model.AgendaSafetyRound && (id == 0 || m.Date.After(date)) {
				id, at, date = m.ID, i, m.Date
			}
		}
	}
	if id == 0 {
		t.Fatal("no meeting in the demo has a «Vernerunde» item")
	}
	return id, at
}

// shot checks that the window's content fits its width and, with
// -screenshots, writes it.
func shot(t *testing.T, w fyne.Window, size fyne.Size, name string) {
	t.Helper()
	img := w.Canvas().Capture()
	if min := w.Content().MinSize(); min.Width > size.Width {
		t.Errorf("%s: content needs %.0f px wide, the screen has %.0f", name, min.Width, size.Width)
	}
	if *screenshotDir == "" {
		return
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
