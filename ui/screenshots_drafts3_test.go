package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vold"
)

// TestScreenshotsGuardedPages renders, at 1024×768, «Lagre endringene?»
// over Sykefravær's target and limits and the offer of the violence
// page's text after a crash (written with -screenshots DIR, to look at).
func TestScreenshotsGuardedPages(t *testing.T) {
	path := uitest.DemoFile(t)
	today := func() model.Date { return uitest.Today }
	u := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
	w, env := u.Window(), u.Env()
	w.Resize(fyne.NewSize(1024, 768))
	env.Navigate(sykefravar.PageID)
	s := env.Guard.Form().(*sykefravar.Screen)
	s.Tabs.SelectIndex(sykefravar.TabSettings)
	s.Limits.Target.SetText("5,5")
	env.Navigate(oversikt.PageID)
	if env.Guard.Prompt() == nil {
		t.Fatal("no question over the changed limits")
	}
	save(t, w, "sykefravar-lagre-endringene", false)
	test.Tap(env.Guard.Prompt().Cancel)

	env.Navigate(oversikt.PageID)
	test.Tap(env.Guard.Prompt().Discard)
	env.Navigate(vold.PageID)
	v := env.Guard.Form().(*vold.Screen)
	v.Tabs.Select(v.MappingTab)
	v.Mapping.Answer.SetText("Alenearbeid på kveld i hjemmetjenesten; to hendelser i fjor.")
	env.Guard.SyncDrafts()
	u.Close()

	u2 := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
	defer u2.Close()
	u2.Window().Resize(fyne.NewSize(1024, 768))
	if top := u2.Window().Canvas().Overlays().Top(); top == nil || !uitest.HasText(top, "Alenearbeid") {
		t.Fatal("no offer of the violence page's draft")
	}
	save(t, u2.Window(), "vold-kladd-tilbud", false)
}
