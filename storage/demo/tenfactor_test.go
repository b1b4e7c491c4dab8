package demo

import (
	"path/filepath"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func TestSurveyRoundsValid(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		for _, day := range []model.Date{today, model.NewDate(2027, 1, 1), model.NewDate(2026, 12, 31), model.NewDate(2028, 2, 29), model.NewDate(2026, 6, 1)} {
			for _, scale := range []int{1, 3} {
				ds := Generate(Options{Seed: seed, Scale: scale, Today: day})
				if len(ds.SurveyRounds) != 2 || ds.SurveyRounds[1].Year-ds.SurveyRounds[0].Year != 2 {
					t.Fatalf("seed %d %s: rounds %+v", seed, day, ds.SurveyRounds)
				}
				for _, sr := range ds.SurveyRounds {
					if err := sr.Validate(sr.LatestDate()); err != nil || sr.LatestDate().After(day) {
						t.Fatalf("seed %d %s: round %s: %v (latest %s)", seed, day, sr.Year, err, sr.LatestDate())
					}
					if !sr.FocusComplete() {
						t.Errorf("seed %d: round %s focus %+v", seed, sr.Year, sr.Focus)
					}
					for f, ms := range sr.Measures {
						for _, m := range ms {
							full := model.NewMeasureFromFocus(sr.SurveyRound, f, m.Title, m.Responsible, m.Deadline, m.Created)
							full.Status, full.CompletedOn, full.EvaluationNote, full.Updated = m.Status, m.CompletedOn, m.EvaluationNote, m.Updated
							if err := full.Validate(m.Updated); err != nil || m.Updated.After(day) {
								t.Fatalf("seed %d %s: measure %+v: %v", seed, day, m, err)
							}
						}
					}
				}
			}
		}
	}
}

func TestSurveyRoundsStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, Options{Seed: 1, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := st.SurveyRounds()
	ms, _ := st.Measures()
	st.Close()
	if len(rs) != 2 {
		t.Fatalf("%d rounds", len(rs))
	}
	if got := rs[0].FollowUpStatus(ms); got != model.SurveyFollowUpEvaluated {
		t.Errorf("older round %s", got)
	}
	if got := rs[1].FollowUpStatus(ms); got != model.SurveyFollowUpInProgress {
		t.Errorf("latest round %s", got)
	}
	if _, overdue, ok := rs[1].EvaluationDue(ms, today); !ok || !overdue {
		t.Error("the demo does not show the quarterly evaluation reminder")
	}
	if len(rs[1].MeasureIDs()) == 0 {
		t.Error("latest round without measures")
	}
	if len(model.SuggestSurveyFocus(rs[1], model.PreviousSurveyRound(rs, rs[1]))) == 0 {
		t.Error("no suggestions")
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
}
