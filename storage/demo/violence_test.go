package demo

import (
	"path/filepath"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func TestDemoViolence(t *testing.T) {
	for _, seed := range []int64{1, 2, 5} {
		path := filepath.Join(t.TempDir(), "demo.db")
		if err := Create(path, Options{Seed: seed, Scale: 1, Today: today, User: "test"}); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		st, err := storage.Open(path, storage.Options{NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		d, err := st.ViolenceData()
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !d.HasMapping || len(d.Mapping.Factors) != 8 || !d.Mapping.Combined.Rated() {
			t.Fatalf("seed %d: mapping %+v", seed, d.Mapping)
		}
		for _, a := range d.Mapping.Factors {
			if !a.Answered() || !a.Rated() {
				t.Errorf("seed %d: factor %d not complete", seed, a.Factor)
			}
		}
		if len(d.Mapping.Measures) < 4 {
			t.Errorf("seed %d: %d measures", seed, len(d.Mapping.Measures))
		}
		for _, l := range d.Mapping.Measures {
			found := false
			for _, m := range d.Measures {
				found = found || (m.ID == l.MeasureID && m.Source.Kind == model.SourceViolenceThreats)
			}
			if !found {
				t.Errorf("seed %d: measure %d not in the plan", seed, l.MeasureID)
			}
		}
		drills := 0
		for _, tr := range d.Trainings {
			if tr.Kind == model.TrainingDrill {
				drills++
			}
		}
		if drills < 2 {
			t.Errorf("seed %d: %d drills", seed, drills)
		}
		st1 := model.ViolenceStatus(d.StatusInput(), today)
		if st1[0].State != model.DutyOK {
			t.Errorf("seed %d: mapping status %+v", seed, st1[0])
		}
		if seed == 1 {
			f := model.ViolenceIncidents(d.Incidents, today.AddDays(-365), today)
			if f.Total == 0 {
				t.Error("nursing home without a year of incidents")
			}
		}
		rep, err := storage.Check(path)
		if err != nil || !rep.OK() {
			t.Fatalf("seed %d: check %v %s", seed, err, rep.Summary())
		}
	}
}
