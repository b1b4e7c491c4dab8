package avvik

import (
	"testing"

	"hmsutvalg/ui/uitest"
)

// BenchmarkFilterHeavy types a search into the heavy unit's deviation
// register (demo --scale 50) and clears it again. One op is both.
func BenchmarkFilterHeavy(b *testing.B) {
	env, w, _ := uitest.NewHeavyEnv(b)
	s := New(env)
	uitest.BenchmarkSearch(b, w, s.Content(), s.Search, "vask")
}
