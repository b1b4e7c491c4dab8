package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/uitest"
)

// TestOverviewScreenshots renders Oversikt for a unit created today (first
// start: the name is asked for, nothing is late) and for the demo unit, at
// 1024×768 and 1920×1080 (go test ./ui -run OverviewScreenshots -screenshots DIR).
func TestOverviewScreenshots(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "ny.db")
	st, err := storage.Create(fresh, model.Unit{Name: "Lia barnehage", Municipality: "Hamar kommune", Sector: model.SectorBarnehage,
		Employees: 24, Start: uitest.Today}, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tt := range []struct {
		name, path, user string
	}{{"oversikt-ny", fresh, ""}, {"oversikt-demo", uitest.DemoFile(t), "Kari Nordmann"}} {
		a := test.NewTempApp(t)
		a.Preferences().SetString("bruker", tt.user)
		u := Start(a, Options{DBPath: tt.path, Today: func() model.Date { return uitest.Today }})
		w := u.Window()
		u.Env().Navigate(oversikt.PageID)
		c := w.Content()
		if tt.user == "" && !uitest.HasText(c, "Lagre navnet") {
			t.Errorf("%s: the name is not asked for", tt.name)
		}
		if tt.user != "" && uitest.HasText(c, "Lagre navnet") {
			t.Errorf("%s: the name is asked for again", tt.name)
		}
		if tt.name == "oversikt-ny" && (uitest.HasText(c, "! Forfalt") || !uitest.HasText(c, "0 forfalt")) {
			t.Errorf("a unit created today shows something late: %q", uitest.Texts(c))
		}
		// The tall one shows the whole page, the charts at the end too.
		for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1920, Height: 1080}, {Width: 1024, Height: 3600}} {
			w.Resize(size)
			save(t, w, tt.name+"-"+sizeName(size), false)
		}
		u.Close()
	}
}

func sizeName(s fyne.Size) string {
	switch {
	case s.Width > 1024:
		return "1920"
	case s.Height > 1080:
		return "1024-hel"
	}
	return "1024"
}
