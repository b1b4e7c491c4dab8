package storage_test

import (
	"slices"
	"testing"
	"time"

	"hmsutvalg/storage"
)

// Shared set-up of the benchmarks on the heavy unit (heavyDemo).

// openHeavy writes the heavy unit and opens it with opts; the store is
// closed when b ends.
func openHeavy(b *testing.B, opts storage.Options) *storage.Store {
	b.Helper()
	return openBench(b, heavyDemo(b), opts)
}

// openBench opens the unit at path with opts; the store is closed when b
// ends.
func openBench(b *testing.B, path string, opts storage.Options) *storage.Store {
	b.Helper()
	st, err := storage.Open(path, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// guiOptions open a unit writable, as the GUI does.
var guiOptions = storage.Options{NoBackup: true, User: "bench"}

// benchSaves runs one saved edit per iteration: edit(i) makes the i-th
// change (i = 1, 2 …), untimed, and save stores it. Besides ns/op it
// reports the median and the 90th percentile of the individual saves,
// which is what the save targets (< 20 ms median) are about.
func benchSaves(b *testing.B, edit func(i int), save func() error) {
	b.Helper()
	var times []time.Duration
	i := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		i++
		edit(i)
		t0 := time.Now()
		err := save()
		times = append(times, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "ms-p90")
}
