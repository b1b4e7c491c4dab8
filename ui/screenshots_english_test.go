package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vold"
)

// TestScreenshotsEnglish renders, in English, the pages a review once
// found Norwegian on: the deviation list, the violence status, sick leave
// and the action plan (go test ./ui -run ScreenshotsEnglish -screenshots
// DIR writes en-*.png).
func TestScreenshotsEnglish(t *testing.T) {
	path := uitest.DemoFile(t)
	a := test.NewTempApp(t)
	a.Preferences().SetString("sprak", i18n.English)
	defer i18n.Setup(i18n.Bokmal)
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	w := u.Window()
	w.Resize(fyne.NewSize(1024, 768))
	for _, id := range []string{avvik.PageID, vold.PageID, sykefravar.PageID, handlingsplan.PageID} {
		u.Env().Navigate(id)
		save(t, w, "en-"+id, false)
	}
}
