package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/globalsearch"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vold"
)

// TestScreenshotsNavigation renders where a jump lands, at 1024×768,
// normal and in Møtemodus: a measure far down the action plan opened by
// the search, a meeting opened at the agenda item a search hit is in, and
// the per-page searches of Vold, Sykefravær and 10-FAKTOR
// (go test ./ui -run ScreenshotsNavigation -args -screenshots DIR).
func TestScreenshotsNavigation(t *testing.T) {
	path := uitest.DemoFile(t)
	for _, meeting := range []bool{false, true} {
		a := test.NewTempApp(t)
		a.Preferences().SetBool("motemodus", meeting)
		u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
		w, env := u.Window(), u.Env()
		w.Resize(fyne.NewSize(1024, 768))

		env.Navigate(handlingsplan.PageID)
		ms := env.Guard.Form().(*handlingsplan.Screen).Shown()
		env.Open(handlingsplan.PageID, appctx.Focus{ID: ms[len(ms)/2].ID})
		save(t, w, "nav-tiltak-midt-i-listen", meeting)

		if m, it, ok := meetingWithDecision(env); ok {
			v := globalsearch.Show(env, firstWords(it.Decisions[0].Text, 6))
			if j := slices.IndexFunc(v.Hits, func(h model.SearchHit) bool { return h.Kind == model.SearchMeeting && h.ID == m.ID }); j >= 0 {
				v.Open(j)
				save(t, w, "nav-mote-vedtak", meeting)
			} else {
				v.Dialog().Hide()
				t.Errorf("the search for a decision does not find meeting %s", m.Date)
			}
		}

		env.Navigate(vold.PageID)
		env.Search()
		env.Guard.Form().(*vold.Screen).Training.Search.SetText("øvelse")
		save(t, w, "nav-vold-sok", meeting)

		env.Navigate(sykefravar.PageID)
		env.Search()
		env.Guard.Form().(*sykefravar.Screen).Search.SetText("2025")
		save(t, w, "nav-sykefravar-sok", meeting)

		env.Navigate(tifaktor.PageID)
		env.Search()
		env.Guard.Form().(*tifaktor.Screen).Search.SetText("2026")
		save(t, w, "nav-tifaktor-sok", meeting)
		u.Close()
	}
}

// meetingWithDecision is the newest meeting with a decision past its
// first agenda item, and that item.
func meetingWithDecision(env *appctx.Env) (model.Meeting, model.AgendaItem, bool) {
	ms, _ := env.Store.Meetings()
	for i := len(ms) - 1; i >= 0; i-- {
		for _, it := range ms[i].Agenda[min(1, len(ms[i].Agenda)):] {
			if len(it.Decisions) > 0 {
				return ms[i], it, true
			}
		}
	}
	return model.Meeting{}, model.AgendaItem{}, false
}
