package storage_test

import (
	"path/filepath"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// heavyDemo writes the scale-50 demo unit (≈1 700 measures, 200+
// assessments) once per benchmark run.
func heavyDemo(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "demo50.db")
	if err := demo.Create(path, demo.Options{Seed: 1, Scale: 50, Today: model.NewDate(2026, 11, 24), User: "bench"}); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLoadMeasures times what the action-plan page does on opening:
// read every measure.
func BenchmarkLoadMeasures(b *testing.B) {
	path := heavyDemo(b)
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ms, err := st.Measures()
	if err != nil || len(ms) < 1500 {
		b.Fatalf("%d measures, %v", len(ms), err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := st.Measures(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ms)), "tiltak")
}

// BenchmarkOpen times opening the heavy file and closing it again: read
// only (check, reports), and writable without and with the automatic
// backup the GUI makes.
func BenchmarkOpen(b *testing.B) {
	path := heavyDemo(b)
	for _, c := range []struct {
		name string
		opts storage.Options
	}{
		{"skrivebeskyttet", storage.Options{ReadOnly: true}},
		{"skrivbar", storage.Options{NoBackup: true}},
		{"skrivbar_med_sikkerhetskopi", storage.Options{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				st, err := storage.Open(path, c.opts)
				if err != nil {
					b.Fatal(err)
				}
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPrecheck times the check every open makes before bbolt gets
// the file: the meta pages and the walk over every page of the tree
// (verifyPages), on the heavy file.
func BenchmarkPrecheck(b *testing.B) {
	path := heavyDemo(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := storage.Precheck(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck times `hmsutvalg check` on the heavy file.
func BenchmarkCheck(b *testing.B) {
	path := heavyDemo(b)
	b.ReportAllocs()
	for b.Loop() {
		rep, err := storage.Check(path)
		if err != nil || !rep.OK() {
			b.Fatalf("%v %v", err, rep.Problems)
		}
	}
}

// BenchmarkCreateDemo50 times generating and writing the heavy demo.
func BenchmarkCreateDemo50(b *testing.B) {
	dir := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		path := filepath.Join(dir, "demo"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+".db")
		if err := demo.Create(path, demo.Options{Seed: 1, Scale: 50, Today: model.NewDate(2026, 11, 24)}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndFilterPlan is the action-plan page on the heavy unit: read
// every measure, filter (open, a text search) and sort as the table does.
// Target: well under 100 ms (docs/ytelse.md).
func BenchmarkLoadAndFilterPlan(b *testing.B) {
	path := heavyDemo(b)
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	today := model.NewDate(2026, 11, 24)
	f := model.MeasureFilter{Statuses: []model.Status{model.StatusPlanlagt, model.StatusPagar, model.StatusUtsatt}, Text: "leder"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ms, err := st.Measures()
		if err != nil {
			b.Fatal(err)
		}
		shown := model.FilterMeasures(ms, f, today)
		model.SortMeasures(shown, model.SortByDeadline, false)
		model.SortMeasures(shown, model.SortByStatus, false)
	}
}
