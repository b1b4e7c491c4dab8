package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// TestReportByYearIsTheSame: the report and the submission read by year
// (the store's year and plan indexes, model.LoadAnnualYear: the year's
// deviations, meetings and rounds, and the measures and risk items the
// year needs) are byte for byte the
// ones read from every record (model.LoadAnnualData), for every year of
// several demo units, before, during and after their history, and with
// today inside the year (the violence follow-up window then reaches two
// years back).
func TestReportByYearIsTheSame(t *testing.T) {
	dir := t.TempDir()
	fewer, fewerPlan, fewerItems := 0, 0, 0
	for _, seed := range []int64{1, 2, 3} {
		db := filepath.Join(dir, fmt.Sprintf("e%d.db", seed))
		if err := demo.Create(db, demo.Options{Seed: seed, Scale: 1, Today: reportToday, User: "test"}); err != nil {
			t.Fatal(err)
		}
		if seed == 1 {
			addLateRoundMeasures(t, db)
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
				if len(part.Measures) > len(all.Measures) || len(part.RiskItems) > len(all.RiskItems) {
					t.Fatalf("the year read more than all: %d/%d measures, %d/%d risk items", len(part.Measures), len(all.Measures), len(part.RiskItems), len(all.RiskItems))
				}
				if len(part.Measures) < len(all.Measures) {
					fewerPlan++
				}
				if len(part.RiskItems) < len(all.RiskItems) {
					fewerItems++
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
	if fewerPlan == 0 || fewerItems == 0 {
		t.Errorf("the plan index read fewer measures for %d and fewer risk items for %d of the reports, want some of each", fewerPlan, fewerItems)
	}
}

// addLateRoundMeasures gives the last completed safety round of each year
// two measures made the next January (one done in February, one still
// open): the round's year reaches them only through the round's link,
// not by the year rule.
func addLateRoundMeasures(t *testing.T, db string) {
	t.Helper()
	st, err := storage.Open(db, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rounds, err := st.SafetyRounds()
	if err != nil {
		t.Fatal(err)
	}
	last := map[int]model.SafetyRound{}
	for _, r := range rounds {
		if r.Status == model.RoundCompleted && !r.Date.IsZero() && !r.Date.Before(last[r.Date.Year()].Date) {
			last[r.Date.Year()] = r
		}
	}
	if len(last) == 0 {
		t.Fatal("the demo unit has no completed safety round")
	}
	for y, r := range last {
		jan := model.NewDate(y+1, time.January, 10)
		for i, title := range []string{"Utført etter vernerunden", "Åpent etter vernerunden"} {
			m := model.Measure{Title: title, Source: model.Source{Kind: model.SourceSafetyRound, ParentID: r.ID, RefID: 1},
				PriorityArea: model.AreaFollowUpAbsence, Responsible: "Leder", Deadline: jan.AddDays(60), Status: model.StatusPlanlagt}
			if m, err = st.SaveMeasure(m, jan); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				m.Status, m.CompletedOn = model.StatusUtfort, jan.AddDays(20)
				if _, err = st.SaveMeasure(m, jan.AddDays(20)); err != nil {
					t.Fatal(err)
				}
			}
		}
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
