package storage_test

import (
	"fmt"
	"testing"

	"hmsutvalg/internal/ytelse"
	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// BenchmarkLoadAnnualYear times reading what the annual report of one
// year needs from the heavy unit (demo --scale 50, history 2023–2026),
// as `hmsutvalg report` does (read-only, no list cache): by year through
// the year and plan indexes (model.LoadAnnualYear: the year's deviations,
// meetings and rounds, and the measures and hazards the year needs) and,
// for comparison, every record
// (model.LoadAnnualData, what the report read before the index). 2022 is
// before the unit's history, 2023 its first year, 2025 the last full one.
// A year's cost should follow what the year holds, not the history.
func BenchmarkLoadAnnualYear(b *testing.B) {
	st := openHeavy(b, storage.Options{ReadOnly: true, NoListCache: true})
	today := model.NewDate(2026, 11, 24)
	for _, year := range []model.HMSYear{2022, 2023, 2025} {
		for _, c := range []struct {
			name string
			load func(model.AnnualSource, model.HMSYear, model.Date) (model.AnnualData, error)
		}{{"per_år", model.LoadAnnualYear}, {"alle_år", model.LoadAnnualData}} {
			b.Run(fmt.Sprintf("%d/%s", year, c.name), func(b *testing.B) {
				var d model.AnnualData
				var err error
				b.ReportAllocs()
				cpu := ytelse.ProcessCPU()
				for b.Loop() {
					if d, err = c.load(st, year, today); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time on all threads: steadier than ns/op on a shared machine.
				b.ReportMetric(float64((ytelse.ProcessCPU()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(len(d.Deviations)), "avvik")
				b.ReportMetric(float64(len(d.Meetings)+len(d.SafetyRounds)), "møter+runder")
				b.ReportMetric(float64(len(d.Measures)), "tiltak")
				b.ReportMetric(float64(len(d.RiskItems)), "farer")
			})
		}
	}
}

// BenchmarkSaveDeviationEdit times one saved edit of a deviation on the
// heavy unit (writable, as in the GUI), which also rewrites its year-index
// entry; see benchSaves for what it reports.
func BenchmarkSaveDeviationEdit(b *testing.B) {
	st := openHeavy(b, guiOptions)
	devs, err := st.DeviationsDatedIn(2025, 2025)
	if err != nil || len(devs) == 0 {
		b.Fatalf("%d deviations, %v", len(devs), err)
	}
	today := model.NewDate(2026, 11, 24)
	d := devs[len(devs)/2]
	base := d.WhatHappened
	benchSaves(b, func(i int) { d.WhatHappened = fmt.Sprintf("%s (endring %d)", base, i) }, func() (err error) {
		d, err = st.SaveDeviation(d, today)
		return err
	})
}
