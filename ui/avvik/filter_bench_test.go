package avvik

import (
	"testing"

	"fyne.io/fyne/v2"

	"hmsutvalg/ui/uitest"
)

// BenchmarkFilterHeavy types a search into the heavy unit's deviation
// register (demo --scale 50) and clears it again: issue 18 keeps a filter
// under 100 ms. One op is both.
func BenchmarkFilterHeavy(b *testing.B) {
	env, w, _ := uitest.NewHeavyEnv(b)
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	b.ReportAllocs()
	for b.Loop() {
		s.Search.SetText("vask")
		s.Search.SetText("")
	}
}
