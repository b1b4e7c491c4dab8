package demo

import (
	"path/filepath"
	"slices"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

func TestGeneratedDeviationsAreValid(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		for _, day := range []model.Date{today, model.NewDate(2027, 1, 1), model.NewDate(2026, 12, 31), model.NewDate(2028, 2, 29)} {
			ds := Generate(Options{Seed: seed, Scale: 2, Today: day})
			if len(ds.Deviations) == 0 {
				t.Fatalf("seed %d: no deviations", seed)
			}
			for i, d := range ds.Deviations {
				if i > 0 && d.Date.Before(ds.Deviations[i-1].Date) {
					t.Fatalf("seed %d: deviations not in date order", seed)
				}
				if err := d.Normalized().Validate(day); err != nil {
					t.Fatalf("seed %d on %s: %s: %v", seed, day, d.Label(), err)
				}
				for _, m := range d.Measures {
					if m.Created.Before(d.Date) || m.Created.After(day) {
						t.Fatalf("seed %d: measure «%s» created %s for a deviation of %s", seed, m.Title, m.Created, d.Date)
					}
				}
			}
		}
	}
}

func TestDemoDeviationsNursingHome(t *testing.T) {
	ds := Generate(Options{Seed: 1, Scale: 1, Today: today})
	perYear := map[int]int{}
	cats := map[model.DeviationCategory]int{}
	var devs []model.Deviation
	withMeasures, oldClosed, old, open, registered, serious, offered, violence := 0, 0, 0, 0, 0, 0, 0, 0
	places := map[string]bool{}
	noticeCats := map[model.DeviationCategory]bool{}
	outstanding := 0
	for _, x := range ds.Deviations {
		d := x.Deviation
		devs = append(devs, d)
		perYear[d.Date.Year()]++
		cats[d.Category]++
		places[d.Place] = true
		if len(x.Measures) > 0 {
			withMeasures++
		}
		if d.Date.DaysUntil(today) > 90 {
			old++
			if d.Status == model.DevClosed {
				oldClosed++
			}
		}
		if d.Open() {
			open++
		}
		if d.Status == model.DevRegistered {
			registered++
		}
		if !d.PersonHarm.Valid() {
			t.Errorf("harm to a person not recorded: %s", d.Label())
		}
		if d.NeedsAuthorityNotice() {
			serious++
			noticeCats[d.Category] = true
			switch {
			case d.PersonHarm != model.HarmSerious:
				t.Errorf("§ 5-2 case without a serious injury: %+v", d)
			case d.Date.Year() == today.Year() && !d.AuthoritiesNotified:
				outstanding++
			case d.AuthoritiesNotifiedOn != d.Date:
				t.Errorf("§ 5-2 case of last year without the notice recorded the same day: %+v", d)
			}
		}
		if d.Category == model.DevViolence {
			violence++
			if !d.ViolenceType.Valid() {
				t.Errorf("violence without type: %+v", d)
			}
			if len(d.FollowUpOffered) > 0 {
				offered++
			}
		}
	}
	for y := today.Year() - 3; y < today.Year(); y++ {
		if n := perYear[y]; n < 40 || n > 61 {
			t.Errorf("%d deviations in %d, want 40–60 (+1)", n, y)
		}
	}
	if perYear[today.Year()] < 30 {
		t.Errorf("only %d deviations this year so far", perYear[today.Year()])
	}
	// Violence and personal injury are the most frequent in a nursing home.
	ranked := model.DeviationCategories()
	slices.SortStableFunc(ranked, func(a, b model.DeviationCategory) int { return cats[b] - cats[a] })
	if !(ranked[0] == model.DevViolence && ranked[1] == model.DevInjury || ranked[0] == model.DevInjury && ranked[1] == model.DevViolence) {
		t.Errorf("most frequent %v (%v)", ranked[:2], cats)
	}
	// The § 5-2 cases: four last year in four categories, at alvorlig as
	// well as svært alvorlig, and one this year not yet notified.
	if serious != 5 || outstanding != 1 || len(noticeCats) != 4 {
		t.Errorf("%d § 5-2 cases in %v, %d outstanding; want 5 in 4 categories, 1 outstanding", serious, noticeCats, outstanding)
	}
	last := model.DeviationStats(devs, model.HMSYear(today.Year()-1), today)
	if last.NoticeNeeded != 4 || last.NoticeSent != 4 || last.NoticeOutstanding != 0 ||
		last.BySeverity[model.SeverityVerySerious] != 2 {
		t.Errorf("notices last year: needed %d, sent %d, outstanding %d; %d svært alvorlig",
			last.NoticeNeeded, last.NoticeSent, last.NoticeOutstanding, last.BySeverity[model.SeverityVerySerious])
	}
	if oldClosed*10 < old*9 {
		t.Errorf("only %d of %d older deviations closed", oldClosed, old)
	}
	if open < 3 || registered < 2 {
		t.Errorf("%d open, %d registrert", open, registered)
	}
	if withMeasures < 3 {
		t.Errorf("%d deviations with measures", withMeasures)
	}
	if offered*2 < violence {
		t.Errorf("follow-up offered after %d of %d violence incidents", offered, violence)
	}
	for _, dep := range ds.Unit.Departments {
		if !places[dep] {
			t.Errorf("no deviation in %s", dep)
		}
	}
	// The violence module counts these from the same register.
	f := model.ViolenceIncidents(devs, model.NewDate(today.Year()-1, 1, 1), model.NewDate(today.Year()-1, 12, 31))
	if f.Total < 10 || f.FollowUpOffered == 0 || len(f.ByQuarter) != 4 {
		t.Errorf("violence figures last year %+v", f)
	}
	if s := model.DeviationStats(devs, model.HMSYear(today.Year()-1), today); s.AvgDaysToClose <= 0 || s.Closed == 0 {
		t.Errorf("statistics last year %+v", s)
	}
}

func TestDemoDeviationsStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	o := Options{Seed: 1, Scale: 1, Today: today, User: "demo"}
	if err := Create(path, o); err != nil {
		t.Fatal(err)
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v\n%s", err, rep.Summary())
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	devs, err := st.Deviations()
	if err != nil {
		t.Fatal(err)
	}
	ds := Generate(o)
	if len(devs) != len(ds.Deviations) {
		t.Fatalf("%d stored, %d generated", len(devs), len(ds.Deviations))
	}
	ms, _ := st.Measures()
	fromDev := 0
	for _, m := range ms {
		if m.Source.Kind == model.SourceDeviation {
			fromDev++
			d, err := st.Deviation(m.Source.RefID)
			if err != nil || !slices.Contains(d.MeasureIDs, m.ID) {
				t.Errorf("measure «%s» not linked back: %v", m.Title, err)
			}
		}
	}
	want := 0
	for _, d := range ds.Deviations {
		want += len(d.Measures)
	}
	if fromDev != want || want == 0 {
		t.Errorf("%d measures from deviations stored, %d generated", fromDev, want)
	}
	// IDs follow the history.
	for i := 1; i < len(devs); i++ {
		if devs[i].Date.Before(devs[i-1].Date) {
			t.Fatalf("deviation %d dated before %d", devs[i].ID, devs[i-1].ID)
		}
	}
}

func TestDemoDeviationsScale(t *testing.T) {
	one := Generate(Options{Seed: 3, Scale: 1, Today: today})
	five := Generate(Options{Seed: 3, Scale: 5, Today: today})
	if n, m := len(one.Deviations), len(five.Deviations); m < 4*n {
		t.Errorf("%d deviations at scale 5, %d at scale 1", m, n)
	}
}
