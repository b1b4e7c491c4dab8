package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/uitest"
)

// BenchmarkScreen builds every page of the main window on the heavy unit
// (demo --scale 50) with Fyne's test app, as a click in the sidebar does:
// read the page's data, compute what it shows and create its widgets.
// "oversikt" is the dashboard with every module's card. Target (docs/
// ytelse.md): every screen's data ready in under 100 ms.
func BenchmarkScreen(b *testing.B) {
	path := uitest.HeavyDemoFile(b)
	a := test.NewTempApp(b)
	u := Start(a, Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()
	if env == nil {
		b.Fatal("the heavy unit did not open")
	}
	for _, p := range Pages() {
		b.Run(p.ID, func(b *testing.B) {
			env.Navigate(p.ID) // the first visit selects the page
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				env.Navigate(p.ID) // already shown: rebuilds it
			}
		})
	}
}
