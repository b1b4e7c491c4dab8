package storage

import (
	"testing"

	"hmsutvalg/model"
)

// A deviation corrected after a measure was made for it: the measure's
// source label follows its place and category in the same save, a
// measure made by hand is left alone, and «Angre» of the save puts the
// label back with the deviation.
func TestSaveDeviationRelabelsItsMeasures(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	d := mustSaveDeviation(t, s, testDeviation("Avdeling 1"))
	m, d, err := s.AddMeasureForDeviation(d.ID, model.Measure{Title: "Sklisikre matter", Responsible: "Leder", Deadline: date(2027, 1, 31)}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	was := m.Source.RefLabel
	manual, err := s.SaveMeasure(model.Measure{Title: "Egen rutine", Responsible: "Leder", Deadline: date(2027, 1, 31), Status: model.StatusPlanlagt, PriorityArea: model.PriorityAreas()[0],
		Source: model.Source{Kind: model.SourceManual}}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	fixed := d
	fixed.Place = "Inngangsparti"
	fixed.Category = model.DevViolence
	fixed.ViolenceType = model.ViolenceTypes()[0]
	saved, err := s.SaveDeviation(fixed, devDay)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Measure(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := saved.SourceLabel(); got.Source.RefLabel != want || want == was {
		t.Fatalf("source %q, want %q (was %q)", got.Source.RefLabel, want, was)
	}
	if got.Title != m.Title || got.Status != m.Status || got.Deadline != m.Deadline {
		t.Errorf("more than the label changed: %+v", got)
	}
	if other, _ := s.Measure(manual.ID); other.Source != manual.Source {
		t.Errorf("manual measure's source changed: %+v", other.Source)
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Measure(m.ID)
	dev, _ := s.Deviation(d.ID)
	if back.Source.RefLabel != was || dev.Place != "Avdeling 1" {
		t.Errorf("after Angre: source %q, place %q", back.Source.RefLabel, dev.Place)
	}
	// A save that changes no label writes no measure.
	d2 := dev
	d2.Cause = "Våt gulv etter vask."
	n0, _ := s.Changes(0)
	if _, err := s.SaveDeviation(d2, devDay); err != nil {
		t.Fatal(err)
	}
	n1, _ := s.Changes(0)
	if len(n1) != len(n0)+1 {
		t.Errorf("%d change-log entries for an edit that keeps the label, want 1", len(n1)-len(n0))
	}
}

// A hazard or an assessment renamed after a measure was made for the
// hazard: the measure's source follows both, and «Angre» puts it back.
func TestSaveRiskRelabelsItsMeasures(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	a, err := s.SaveAssessment(model.RiskAssessment{Title: "Kjøkkenet", Date: devDay, Status: model.AssessmentStatuses()[0], Kind: model.AssessmentKinds()[0]}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	it, err := s.SaveRiskItem(model.RiskItem{AssessmentID: a.ID, Hazard: "Varmt fett", Category: model.CategoryAccidentsFire, Probability: 2, Consequence: 3})
	if err != nil {
		t.Fatal(err)
	}
	m, it, err := s.AddMeasureForRiskItem(it.ID, model.Measure{Title: "Lokk ved komfyren", Responsible: "Leder", Deadline: date(2027, 1, 31)}, devDay)
	if err != nil {
		t.Fatal(err)
	}
	it.Hazard = "Brann i frityrgryte"
	if _, err := s.SaveRiskItem(it); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Measure(m.ID)
	if got.Source.RefLabel != "Risikovurdering: Kjøkkenet – Brann i frityrgryte" {
		t.Errorf("after the hazard: %q", got.Source.RefLabel)
	}
	a.Title = "Storkjøkkenet"
	if _, err := s.SaveAssessment(a, devDay); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Measure(m.ID)
	if got.Source.RefLabel != "Risikovurdering: Storkjøkkenet – Brann i frityrgryte" {
		t.Errorf("after the title: %q", got.Source.RefLabel)
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Measure(m.ID); got.Source.RefLabel != "Risikovurdering: Kjøkkenet – Brann i frityrgryte" {
		t.Errorf("after Angre: %q", got.Source.RefLabel)
	}
}
