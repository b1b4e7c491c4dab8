package storage_test

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// BenchmarkDeviationRegister times what the deviation page does on
// opening the heavy unit: read the register, filter it (open ones, newest
// first) and compute a year's statistics.
func BenchmarkDeviationRegister(b *testing.B) {
	path := heavyDemo(b)
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	devs, err := st.Deviations()
	if err != nil || len(devs) < 5000 {
		b.Fatalf("%d deviations, %v", len(devs), err)
	}
	today := model.NewDate(2026, 11, 24)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		all, err := st.Deviations()
		if err != nil {
			b.Fatal(err)
		}
		_ = model.FilterDeviations(all, model.DeviationFilter{OpenOnly: true})
		_ = model.DeviationStats(all, 2025, today)
	}
	b.ReportMetric(float64(len(devs)), "avvik")
}
