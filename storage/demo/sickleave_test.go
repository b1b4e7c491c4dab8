package demo

import (
	"path/filepath"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func TestSickLeaveFiresEachRuleOnce(t *testing.T) {
	for _, day := range []model.Date{today, model.NewDate(2026, 2, 1), model.NewDate(2027, 4, 1), model.NewDate(2026, 12, 31)} {
		for seed := int64(1); seed <= 12; seed++ {
			ds := Generate(Options{Seed: seed, Scale: 1, Today: day})
			sl := ds.SickLeave
			// Saved settings validate; a unit that saves none has the
			// defaults' example target, which is nobody's.
			if sl.Settings == (model.SickLeaveSettings{}) {
				if sl.Settings.OrDefault().TargetIsSet() {
					t.Fatalf("seed %d: the example target reads as set", seed)
				}
			} else if err := sl.Settings.Validate(); err != nil {
				t.Fatalf("seed %d settings: %v", seed, err)
			}
			qs := sl.Quarters
			if len(qs) < 12 || qs[0].Quarter != (model.Quarter{Year: day.Year() - 3, Q: 1}) || qs[len(qs)-1].Quarter != model.QuarterOf(day).Prev() {
				t.Fatalf("seed %d on %s: quarters %v … %v (%d)", seed, day, qs[0].Quarter, qs[len(qs)-1].Quarter, len(qs))
			}
			for i, q := range qs {
				if err := q.Validate(day); err != nil {
					t.Fatalf("seed %d %s: %v", seed, q.Quarter, err)
				}
				if i > 0 && !qs[i-1].Quarter.Consecutive(q.Quarter) {
					t.Fatalf("gap before %s", q.Quarter)
				}
			}
			// The rules as the unit has them (the limits are the defaults
			// even when the target is the unit's own).
			alerts := model.FollowUpAlerts(qs, sl.Settings)
			count := map[model.FollowUpRule]int{}
			for _, a := range alerts {
				count[a.Rule]++
			}
			if count[model.RuleTwoQuarters] != 1 || count[model.RuleOneQuarterBHT] != 1 || len(alerts) != 2 {
				t.Errorf("seed %d on %s: alerts %+v", seed, day, alerts)
			}
			for _, a := range alerts {
				if a.Rule == model.RuleTwoQuarters && (len(a.Quarters) != 2 || a.Quarters[0].Q != 4) {
					t.Errorf("seed %d: two-quarter episode %v should cross a year boundary", seed, a.Quarters)
				}
			}
			under := 0
			for _, q := range qs {
				if q.Total <= 700 {
					under++
				}
			}
			if under < len(qs)-3 {
				t.Errorf("seed %d: only %d of %d quarters at or under 7 %%", seed, under, len(qs))
			}
		}
	}
}

func TestSickLeaveNursingHomeLevel(t *testing.T) {
	ds := Generate(Options{Seed: 1, Scale: 1, Today: today})
	high := model.Percent(0)
	for _, q := range ds.SickLeave.Quarters {
		high = max(high, q.Total)
	}
	if high < 1000 || high > 1100 {
		t.Errorf("nursing home peak %v, want 10–11 %%", high)
	}
	if ds.SickLeave.Settings != (model.SickLeaveSettings{}) {
		t.Error("the default demo uses the default target")
	}
}

func TestSickLeaveStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, Options{Seed: 1, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	qs, err := st.SickLeaveQuarters()
	want := Generate(Options{Seed: 1, Scale: 1, Today: today}).SickLeave.Quarters
	if err != nil || len(qs) != len(want) {
		t.Fatalf("%d quarters stored, want %d (%v)", len(qs), len(want), err)
	}
	for i := range qs {
		if qs[i].Quarter != want[i].Quarter || qs[i].Total != want[i].Total {
			t.Errorf("%d: %+v, want %+v", i, qs[i], want[i])
		}
	}
}
