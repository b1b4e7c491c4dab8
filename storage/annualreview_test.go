package storage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// A review is stored, read back after reopening, replaced by a second
// save for the same year (whatever ID the caller holds), and every write
// is in the change log.
func TestAnnualReviewRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r := fixtureReview()
	r.ID = 0
	saved, err := s.SaveAnnualReview(r, fixtureDay)
	if err != nil || saved.ID == 0 {
		t.Fatalf("save: %+v %v", saved, err)
	}
	other := model.AnnualReview{Year: 2026, Goals: []model.HMSGoal{{Goal: "Færre fall", Measure: "Avvik", Result: model.GoalNotAssessed}}}
	if _, err := s.SaveAnnualReview(other, fixtureDay); err != nil {
		t.Fatal(err)
	}
	// The form saves the year again with ID 0: the year's review is replaced.
	again := fixtureReview()
	again.ID = 0
	again.Evaluation = "Endret evaluering."
	again.LeaderComment = "Leder er enig."
	if _, err := s.SaveAnnualReview(again, fixtureDay); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.AnnualReviews()
	if err != nil || len(all) != 2 {
		t.Fatalf("%d reviews, %v", len(all), err)
	}
	got, ok, err := s.AnnualReview(2025)
	want := fixtureReview()
	want.Evaluation, want.LeaderComment = "Endret evaluering.", "Leder er enig."
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("2025: %v %v\ngot  %+v\nwant %+v", ok, err, got, want)
	}
	if _, ok, err := s.AnnualReview(2024); ok || err != nil {
		t.Errorf("2024: %v %v", ok, err)
	}
	changes, _ := s.Changes(0)
	var log []string
	for _, c := range changes {
		if c.Entity == EntityAnnualReview {
			log = append(log, c.Summary)
		}
	}
	if len(log) != 3 || log[0] != "Endret årlig gjennomgang for 2025" || log[2] != "La til årlig gjennomgang for 2025" {
		t.Errorf("change log %q", log)
	}
	if rep := mustCheckOK(t, path); rep.Counts[bucketAnnualReviews] != 2 {
		t.Errorf("check counts %v", rep.Counts)
	}
}

// A refused review leaves the file byte for byte as it was; the message
// names the field.
func TestAnnualReviewRefusedLeavesFile(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveAnnualReview(fixtureReview(), fixtureDay); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := os.ReadFile(path)
	bad := fixtureReview()
	bad.CaseNumber = ""
	bad.Evaluation = "Saken gjelder 150685 12333" // a valid fødselsnummer
	_, err = s.SaveAnnualReview(bad, fixtureDay)
	if err == nil || !strings.Contains(err.Error(), "Saksnummer må fylles ut") || !strings.Contains(err.Error(), "fødselsnummer") {
		t.Fatalf("error %v", err)
	}
	if after, _ := os.ReadFile(path); !reflect.DeepEqual(before, after) {
		t.Error("a refused review changed the file")
	}
	if got, _, _ := s.AnnualReview(2025); got.CaseNumber != "1/26" {
		t.Errorf("stored review changed: %+v", got)
	}
}

// The annual report's loader reads the year's review from the store.
func TestAnnualReviewInAnnualData(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveAnnualReview(fixtureReview(), fixtureDay); err != nil {
		t.Fatal(err)
	}
	d, err := model.LoadAnnualData(s, 2025, fixtureDay)
	if err != nil || d.Review == nil || d.Review.CaseNumber != "1/26" {
		t.Fatalf("%+v %v", d.Review, err)
	}
	f := model.ComputeAnnualFigures(d)
	if !f.Review.RegulationsDocumented() || !model.InternalControlChecklist(f)[0].Documented() {
		t.Errorf("point 1 not documented: %+v", f.Review)
	}
	d, err = model.LoadAnnualData(s, 2026, fixtureDay)
	if err != nil || d.Review != nil {
		t.Errorf("2026 has a review: %+v %v", d.Review, err)
	}
}

// Delete removes a review with a change-log entry; Check reports two
// reviews of one year and a stored review that breaks the model's rules.
func TestAnnualReviewDeleteAndCheck(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	saved, err := s.SaveAnnualReview(fixtureReview(), fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAnnualReview(saved.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.AnnualReview(2025); ok {
		t.Error("deleted review still there")
	}
	if cs, _ := s.Changes(0); cs[0].Kind != ChangeDeleted || cs[0].Summary != "Slettet årlig gjennomgang for 2025" {
		t.Errorf("change %+v", cs[0])
	}
	if err := s.DeleteAnnualReview(saved.ID); err == nil {
		t.Error("deleting twice succeeded")
	}
	if _, err := s.SaveAnnualReview(fixtureReview(), fixtureDay); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustCheckOK(t, path)

	cases := map[string]struct {
		edit func(r *model.AnnualReview)
		want string
	}{
		"two of one year": {func(r *model.AnnualReview) {}, "flere årlige gjennomganger for 2025"},
		"invalid":         {func(r *model.AnnualReview) { r.CaseNumber = "" }, "Saksnummer må fylles ut"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.db")
			copyFile(t, path, p)
			// Key 1 is free again (deleted above) and within the sequence.
			r := fixtureReview()
			c.edit(&r)
			rawWrite(t, p, func(tx *bbolt.Tx) error { return putRecord(tx, bucketAnnualReviews, 1, r) })
			rep, err := Check(p)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), c.want) {
				t.Errorf("want a problem with %q, got %q", c.want, rep.Problems)
			}
		})
	}
}
