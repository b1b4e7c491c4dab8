package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage/demo"
)

// TestReportByYearIsTheSame: the report and the submission read by year
// (the store's year index, model.LoadAnnualYear) are byte for byte the
// ones read from every record (model.LoadAnnualData), for every year of
// several demo units, before, during and after their history, and with
// today inside the year (the violence follow-up window then reaches two
// years back).
func TestReportByYearIsTheSame(t *testing.T) {
	dir := t.TempDir()
	fewer := 0
	for _, seed := range []int64{1, 2, 3} {
		db := filepath.Join(dir, fmt.Sprintf("e%d.db", seed))
		if err := demo.Create(db, demo.Options{Seed: seed, Scale: 1, Today: reportToday, User: "test"}); err != nil {
			t.Fatal(err)
		}
		for year := model.HMSYear(reportToday.Year() - 5); year <= model.HMSYear(reportToday.Year()+1); year++ {
			for _, today := range []model.Date{reportToday, year.Start().AddDays(40)} {
				job := annualJob{db: db, year: year, today: today, opts: deterministic()}
				all, err := loadAnnual(job)
				if err != nil {
					t.Fatal(err)
				}
				part, err := loadAnnualYear(job)
				if err != nil {
					t.Fatal(err)
				}
				if len(part.Deviations) > len(all.Deviations) || len(part.Meetings) > len(all.Meetings) {
					t.Fatalf("the year read more than all: %d/%d deviations", len(part.Deviations), len(all.Deviations))
				}
				if len(part.Deviations) < len(all.Deviations) && len(part.Meetings) < len(all.Meetings) && len(part.SafetyRounds) < len(all.SafetyRounds) {
					fewer++
				}
				name := fmt.Sprintf("seed %d, %d per %s", seed, year, today)
				if !bytes.Equal(reportBytes(t, all), reportBytes(t, part)) {
					t.Errorf("%s: the report read by year differs", name)
				}
				a, _ := reports.SubmissionJSON(all, "test")
				b, _ := reports.SubmissionJSON(part, "test")
				if !bytes.Equal(a, b) {
					t.Errorf("%s: the submission read by year differs", name)
				}
			}
		}
	}
	if fewer == 0 {
		t.Error("no year was read with fewer records than the whole file")
	}
}

func reportBytes(t *testing.T, d model.AnnualData) []byte {
	t.Helper()
	b, err := reports.AnnualReport(d, deterministic()).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
