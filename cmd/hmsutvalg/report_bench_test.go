package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"hmsutvalg/internal/ytelse"
	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// heavyBenchDB returns the heavy demo unit (demo --scale 50, seed 1) for a
// benchmark and the date it was made on: the file named by
// HMSUTVALG_BENCH_DB if set (made today by `hmsutvalg demo --scale 50 --db
// FILE`, to skip the 10–30 s it takes to make one when profiling again and
// again), else a new one in dir made on reportToday.
func heavyBenchDB(b *testing.B, dir string) (string, model.Date) {
	b.Helper()
	if db := os.Getenv("HMSUTVALG_BENCH_DB"); db != "" {
		return db, model.DateOf(time.Now())
	}
	db := filepath.Join(dir, "stor.db")
	if err := demo.Create(db, demo.Options{Seed: 1, Scale: 50, Today: reportToday, User: "bench"}); err != nil {
		b.Fatal(err)
	}
	return db, reportToday
}

// BenchmarkAnnualReportLayoutScale50 lays out and writes the heavy unit's
// annual report in memory from data read once: the PDF side of
// `hmsutvalg report` without the file's loading (issue 18). Profile it
// with -cpuprofile to see where the layout goes.
func BenchmarkAnnualReportLayoutScale50(b *testing.B) {
	db, today := heavyBenchDB(b, b.TempDir())
	data, err := loadAnnualYear(annualJob{db: db, year: model.ReportYear(today), today: today})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	pages := 0
	cpu := ytelse.ProcessCPU()
	for b.Loop() {
		d := reports.AnnualReport(data, reports.Options{})
		out, err := d.Bytes()
		if err != nil {
			b.Fatal(err)
		}
		pages = d.PageCount()
		b.SetBytes(int64(len(out)))
	}
	// CPU time on all threads (the garbage collector's too) is steadier
	// than ns/op on a shared machine.
	b.ReportMetric(float64((ytelse.ProcessCPU()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkOpenAndLoadScale50 opens the heavy unit and reads the year the
// report needs, the page walk first (Open, as before) or beside the read
// (storage.ReadOnce, as the commands do now; issue 18). Run with -count:
// the two alternate.
func BenchmarkOpenAndLoadScale50(b *testing.B) {
	db, today := heavyBenchDB(b, b.TempDir())
	year := model.ReportYear(today)
	walkFirst := func() error {
		st, err := storage.Open(db, storage.Options{ReadOnly: true, NoListCache: true})
		if err != nil {
			return err
		}
		defer st.Close()
		_, err = model.LoadAnnualYear(st, year, today)
		return err
	}
	beside := func() error {
		_, err := storage.ReadOnce(db, func(st *storage.Store) (model.AnnualData, error) {
			return model.LoadAnnualYear(st, year, today)
		})
		return err
	}
	for _, c := range []struct {
		name string
		open func() error
	}{{"walk-first", walkFirst}, {"beside", beside}} {
		b.Run(c.name, func(b *testing.B) {
			cpu := ytelse.ProcessCPU()
			for b.Loop() {
				if err := c.open(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((ytelse.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
