package demo

import (
	"path/filepath"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func TestDemoSafetyRounds(t *testing.T) {
	ds := Generate(Options{Seed: 1, Scale: 1, Today: today})
	perYear := map[int]int{}
	findings, measures := 0, 0
	for _, r := range ds.SafetyRounds {
		perYear[r.Date.Year()]++
		findings += len(r.Findings())
		for _, ms := range r.Measures {
			measures += len(ms)
		}
	}
	for y := today.Year() - 2; y <= today.Year(); y++ {
		if perYear[y] != 2 {
			t.Errorf("%d rounds in %d, want 2", perYear[y], y)
		}
	}
	if findings == 0 || measures == 0 {
		t.Errorf("%d findings, %d measures", findings, measures)
	}
	if n := len(Generate(Options{Seed: 1, Scale: 3, Today: today}).SafetyRounds); n != 3*len(ds.SafetyRounds) {
		t.Errorf("scale 3 gives %d rounds, want %d", n, 3*len(ds.SafetyRounds))
	}

	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, Options{Seed: 1, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := st.SafetyRounds()
	ms, _ := st.Measures()
	st.Close()
	locked, open := 0, 0
	for _, r := range rs {
		if r.Locked() {
			locked++
			if len(model.RoundMeasures(ms, r.ID)) == 0 && len(r.Findings()) > 1 {
				t.Errorf("round %s has findings but no measures", r.Date)
			}
		} else {
			open++
		}
	}
	if len(rs) != len(ds.SafetyRounds) || open != 1 || locked != len(rs)-1 {
		t.Errorf("%d rounds stored (%d locked, %d in progress), generated %d", len(rs), locked, open, len(ds.SafetyRounds))
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v\n%s", err, rep.Summary())
	}
}

func TestDemoSafetyRoundsOtherSectors(t *testing.T) {
	for seed := int64(2); seed <= 8; seed++ {
		path := filepath.Join(t.TempDir(), "demo.db")
		if err := Create(path, Options{Seed: seed, Scale: 1, Today: today, User: "test"}); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}
