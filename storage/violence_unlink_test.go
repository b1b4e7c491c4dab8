package storage

import (
	"testing"

	"hmsutvalg/model"
)

func TestDeleteMeasureUnlinksViolenceMapping(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveViolenceMapping(testMapping(), violenceDay); err != nil {
		t.Fatal(err)
	}
	m, _, err := s.AddViolenceMeasure(3, model.PointCallHelp, model.Measure{Title: "Personalarm til alle på kveld", Responsible: "Leder", Deadline: date(2027, 2, 1)}, violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeasure(m.ID); err != nil {
		t.Fatal(err)
	}
	mp, _, err := s.ViolenceMapping()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range mp.Measures {
		if l.MeasureID == m.ID {
			t.Fatalf("mapping still links deleted measure %d", m.ID)
		}
	}
}
