package handlingsplan

import (
	"testing"

	"hmsutvalg/ui/uitest"
)

// BenchmarkFilterHeavy types a search into the heavy unit's plan (demo
// --scale 50, 4 200 measures) and clears it again. One op is both.
func BenchmarkFilterHeavy(b *testing.B) {
	env, w, _ := uitest.NewHeavyEnv(b)
	s := New(env)
	uitest.BenchmarkSearch(b, w, s.Content(), s.Search, "leder")
}
