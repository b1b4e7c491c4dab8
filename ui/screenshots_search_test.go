package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/globalsearch"
	"hmsutvalg/ui/uitest"
)

// TestScreenshotsSearch renders the search across all registers and the
// deviation register filtered by its search field, normal and in
// Møtemodus (go test ./ui -run ScreenshotsSearch -args -screenshots DIR).
func TestScreenshotsSearch(t *testing.T) {
	path := uitest.DemoFile(t)
	for _, meeting := range []bool{false, true} {
		a := test.NewTempApp(t)
		a.Preferences().SetBool("motemodus", meeting)
		u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
		w := u.Window()
		env := u.Env()
		for _, size := range shotSizes {
			w.Resize(size)
			v := globalsearch.Show(env, "forflytning")
			if len(v.Hits) == 0 {
				t.Fatal("«forflytning» finds nothing in the demo unit")
			}
			save(t, w, "sok-i-alt-"+sizeName(size), meeting)
			v.Dialog().Hide()
		}
		w.Resize(fyne.NewSize(1024, 768))
		env.Open(avvik.PageID, appctx.Focus{})
		scr := env.Guard.Form().(*avvik.Screen)
		scr.Search.SetText("kjøkken")
		save(t, w, "avvik-sok", meeting)
		u.Close()
	}
}
