package demo

import (
	"path/filepath"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Every demo unit has a full review of each past year, stored and valid,
// documenting points 1 and 4; this year has goals only, and the last
// year's report is treated only once January's meeting has been held.
func TestDemoReviews(t *testing.T) {
	for _, c := range []struct {
		seed    int64
		today   model.Date
		treated bool // last year's report treated by today
	}{
		{1, today, true}, {3, today, true}, {2, model.NewDate(2027, time.January, 10), false},
	} {
		path := filepath.Join(t.TempDir(), "demo.db")
		if err := Create(path, Options{Seed: c.seed, Scale: 1, Today: c.today, User: "test"}); err != nil {
			t.Fatalf("seed %d: %v", c.seed, err)
		}
		st, err := storage.Open(path, storage.Options{NoBackup: true, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		this := model.HMSYear(c.today.Year())
		rs, err := st.AnnualReviews()
		if err != nil || len(rs) != 4 {
			t.Fatalf("seed %d: %d reviews, %v", c.seed, len(rs), err)
		}
		for y := this - 3; y < this; y++ {
			d, err := model.LoadAnnualData(st, y, c.today)
			if err != nil || d.Review == nil {
				t.Fatalf("seed %d %s: %v", c.seed, y, err)
			}
			if err := d.Review.Validate(c.today); err != nil {
				t.Errorf("seed %d %s: invalid: %v", c.seed, y, err)
			}
			f := model.ComputeAnnualFigures(d)
			cl := model.InternalControlChecklist(f)
			if !cl[0].Documented() || !cl[3].Documented() || f.Review.Courses < 3 || f.Review.OccupationalInjuries == nil || !f.Review.HasEvaluation {
				t.Errorf("seed %d %s: %+v", c.seed, y, f.Review)
			}
			if want := y < this-1 || c.treated; f.Review.Treated() != want {
				t.Errorf("seed %d %s: treated %v, want %v", c.seed, y, f.Review.Treated(), want)
			}
		}
		cur, ok, _ := st.AnnualReview(this)
		st.Close()
		if !ok || len(cur.Goals) < 3 || cur.Goals[0].Kind != model.GoalSickLeave || len(cur.Regulations) > 0 ||
			!cur.TreatedOn.IsZero() || cur.Evaluation != "" || len(cur.Trainings) > 0 {
			t.Errorf("seed %d: this year's review %+v", c.seed, cur)
		}
		for _, g := range cur.Goals {
			if g.Result != model.GoalNotAssessed {
				t.Errorf("seed %d: this year's goal assessed: %+v", c.seed, g)
			}
		}
	}
}
