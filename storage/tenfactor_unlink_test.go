package storage

import (
	"testing"

	"hmsutvalg/model"
)

func TestDeleteMeasureUnlinksSurveyRound(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	r, err := s.SaveSurveyRound(testRound(2026), planDay)
	if err != nil {
		t.Fatal(err)
	}
	r = r.SetFocus(model.SurveyFocusArea{Factor: model.TenFactorRoleClarity, Kind: model.SurveyFocusImprove, ToImprove: "Uklare roller på kveld"})
	if r, err = s.SaveSurveyRound(r, planDay); err != nil {
		t.Fatal(err)
	}
	m, _, err := s.AddMeasureForFocus(r.ID, model.TenFactorRoleClarity, model.Measure{Title: "Rollebeskrivelser", Responsible: "Leder", Deadline: date(2027, 2, 1)}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeasure(m.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.SurveyRound(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ids := got.MeasureIDs(); len(ids) != 0 {
		t.Errorf("round still links %v after the measure was deleted", ids)
	}
	changes, _ := s.Changes(3)
	found := false
	for _, c := range changes {
		found = found || (c.Entity == EntitySurveyRound && c.Kind == ChangeUpdated)
	}
	if !found {
		t.Errorf("no change-log entry for the unlinked round: %+v", changes)
	}
}
