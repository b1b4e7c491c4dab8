package storage

import (
	"slices"
	"testing"

	"hmsutvalg/model"
)

func TestDeleteMeasureUnlinksOpenSafetyRound(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	r := seedRound(t, s)
	m, _, err := s.AddMeasureForFinding(r.ID, 2, model.Measure{Responsible: "Vaktmester", Deadline: roundDayTest.AddDays(14)}, roundDayTest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeasure(m.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.SafetyRound(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got.Answers {
		if slices.Contains(a.MeasureIDs, m.ID) {
			t.Fatalf("round still links deleted measure %d", m.ID)
		}
	}
}
