package storage

import (
	"errors"
	"strings"
	"testing"

	"hmsutvalg/model"
)

// testRound is a valid 10-FAKTOR round with all ten scores.
func testRound(year model.HMSYear) model.SurveyRound {
	r := model.NewSurveyRound(year, date(int(year), 10, 20))
	r.OpensOn, r.ClosesOn = date(int(year), 9, 1), date(int(year), 9, 30)
	r.Invited, r.Respondents = 40, 31
	for i, f := range model.TenFactors() {
		r = r.SetScore(model.SurveyFactorScore{Factor: f, Unit: model.SurveyScore(360 + 10*i), Municipality: 405})
	}
	return r
}

func TestSurveyRoundRoundTripAndLog(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r, err := s.SaveSurveyRound(testRound(2026), planDay)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || len(r.Scores) != 10 {
		t.Fatalf("saved %+v", r)
	}
	got, err := s.SurveyRound(r.ID)
	if err != nil || got.Score(model.TenFactorRoleClarity).Unit != 410 || got.Invited != 40 {
		t.Fatalf("read back %+v %v", got, err)
	}
	changes, _ := s.Changes(1)
	if len(changes) != 1 || changes[0].Entity != EntitySurveyRound || !strings.Contains(changes[0].Summary, "10-FAKTOR 2026") {
		t.Errorf("change log %+v", changes)
	}
	// Same year twice is refused, naming the field.
	if _, err := s.SaveSurveyRound(testRound(2026), planDay); err == nil || !strings.Contains(err.Error(), "finnes allerede") {
		t.Errorf("second 2026 round: %v", err)
	}
	if _, err := s.SaveSurveyRound(testRound(2024), planDay); err != nil {
		t.Fatal(err)
	}
	rs, _ := s.SurveyRounds()
	if len(rs) != 2 || rs[0].Year != 2024 {
		t.Errorf("rounds not oldest first: %+v", rs)
	}
	latest, err := s.LatestSurveyRound()
	if err != nil || latest.Year != 2026 {
		t.Errorf("latest %v %v", latest.Year, err)
	}
	s.Close()
	mustCheckOK(t, path)
}

// TestBadSurveyRoundLeavesFileUntouched: score 5,5, more answers than
// invited and scores with fewer than 3 answers are refused with the
// model's message, and nothing is written.
func TestBadSurveyRoundLeavesFileUntouched(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	stored, err := s.SaveSurveyRound(testRound(2024), planDay)
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	n := changeCount(t, s)
	for _, tc := range []struct {
		name  string
		edit  func(r *model.SurveyRound)
		field string
	}{
		{"score 5,5", func(r *model.SurveyRound) {
			*r = r.SetScore(model.SurveyFactorScore{Factor: model.TenFactorAutonomy, Unit: 550})
		}, "Selvstendighet"},
		{"more answers than invited", func(r *model.SurveyRound) { r.Respondents = 41 }, model.FieldSurveyRespondents},
		{"two answers with scores", func(r *model.SurveyRound) { r.Respondents = 2 }, model.FieldSurveyScores},
		{"edit to a refused value", func(r *model.SurveyRound) { *r = stored; r.Invited = 0 }, model.FieldSurveyInvited},
	} {
		r := testRound(2026)
		tc.edit(&r)
		_, err := s.SaveSurveyRound(r, planDay)
		var v model.ValidationError
		if !errors.As(err, &v) || v.For(tc.field) == "" {
			t.Errorf("%s: %v, want a message for %q", tc.name, err, tc.field)
		}
	}
	if changeCount(t, s) != n {
		t.Error("a refused round was logged")
	}
	assertUnchanged(t, path, before)
}

func TestAddMeasureForFocus(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r, err := s.SaveSurveyRound(testRound(2026), planDay)
	if err != nil {
		t.Fatal(err)
	}
	m := model.Measure{Responsible: "Enhetsleder", Deadline: date(2027, 2, 1), Title: "Tydelige forventninger i medarbeidersamtalen"}
	// Not yet a focus area: refused, nothing stored.
	if _, _, err := s.AddMeasureForFocus(r.ID, model.TenFactorRoleClarity, m, planDay); err == nil || !strings.Contains(err.Error(), "Rolleklarhet") {
		t.Fatalf("measure for an unchosen factor: %v", err)
	}
	if ms, _ := s.Measures(); len(ms) != 0 {
		t.Fatal("measure stored although refused")
	}
	r = r.SetFocus(model.SurveyFocusArea{Factor: model.TenFactorRoleClarity, Kind: model.SurveyFocusImprove, ToImprove: "Uklart hvem som gjør hva på kveld"})
	r = r.SetFocus(model.SurveyFocusArea{Factor: model.TenFactorMasteryClimate, Kind: model.SurveyFocusKeep, WhatWorks: "Vi hjelper hverandre"})
	if r, err = s.SaveSurveyRound(r, planDay); err != nil {
		t.Fatal(err)
	}
	stale := r // a form holding the round from before the measure
	sm, sr, err := s.AddMeasureForFocus(r.ID, model.TenFactorRoleClarity, m, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if sm.Source.Kind != model.SourceTenFactor || sm.Source.ParentID != r.ID || sm.Source.RefID != uint64(model.TenFactorRoleClarity.Number()) ||
		sm.PriorityArea != model.AreaLeadership || sm.Status != model.StatusPlanlagt {
		t.Errorf("measure %+v", sm)
	}
	if a, _ := sr.FocusFor(model.TenFactorRoleClarity); len(a.MeasureIDs) != 1 || a.MeasureIDs[0] != sm.ID {
		t.Errorf("round links %+v", sr.Focus)
	}
	changes, _ := s.Changes(2)
	if len(changes) != 2 || changes[0].Entity != EntitySurveyRound || changes[1].Entity != EntityMeasure {
		t.Errorf("change log %+v", changes)
	}
	if got := sr.FollowUpStatus([]model.Measure{sm}); got != model.SurveyFollowUpInProgress {
		t.Errorf("status %s", got)
	}
	// Saving the stale copy keeps the link.
	stale.Notes = "Gjennomgått i personalmøtet"
	saved, err := s.SaveSurveyRound(stale, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.MeasureIDs()) != 1 {
		t.Errorf("stale save dropped the link: %+v", saved.Focus)
	}

	// Deleting the measure: the round still holds the ID, which is
	// ignored, Check stays OK, and the next save drops it.
	if err := s.DeleteMeasure(sm.ID); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Measures()
	got, _ := s.SurveyRound(r.ID)
	if st := got.FollowUpStatus(ms); st != model.SurveyFollowUpInProgress {
		t.Errorf("status after delete %s", st)
	}
	s.Close()
	mustCheckOK(t, path) // the dangling ID is not a problem
	s, err = Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got.Notes = "Endret"
	if got, err = s.SaveSurveyRound(got, planDay); err != nil || len(got.MeasureIDs()) != 0 {
		t.Errorf("deleted measure still linked: %+v %v", got.Focus, err)
	}
}

func TestDeleteSurveyRoundKeepsMeasures(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	r, _ := s.SaveSurveyRound(testRound(2026).SetFocus(model.SurveyFocusArea{Factor: model.TenFactorAutonomy, Kind: model.SurveyFocusImprove}), planDay)
	if _, _, err := s.AddMeasureForFocus(r.ID, model.TenFactorAutonomy, model.Measure{Responsible: "Leder", Deadline: date(2027, 1, 1)}, planDay); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSurveyRound(r.ID); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Measures()
	if len(ms) != 1 || ms[0].Title != "Følge opp selvstendighet" {
		t.Errorf("measures %+v", ms)
	}
	if _, err := s.SurveyRound(r.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted round: %v", err)
	}
	if _, err := s.LatestSurveyRound(); !errors.Is(err, ErrNotFound) {
		t.Errorf("latest of none: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}
