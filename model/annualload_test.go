package model

import (
	"errors"
	"strings"
	"testing"
)

// fakeAnnualSource serves fixed lists; failing names the methods that
// return an error.
type fakeAnnualSource struct{ failing map[string]bool }

func (f fakeAnnualSource) err(name string) error {
	if f.failing[name] {
		return errors.New(name + " feilet")
	}
	return nil
}

func (f fakeAnnualSource) Unit() (Unit, error) { return Unit{Name: "Enhet"}, f.err("Unit") }
func (f fakeAnnualSource) Members() ([]CommitteeMember, error) {
	return []CommitteeMember{{ID: 1}}, f.err("Members")
}
func (f fakeAnnualSource) Measures() ([]Measure, error) { return []Measure{{ID: 1}}, f.err("Measures") }
func (f fakeAnnualSource) Assessments() ([]RiskAssessment, error) {
	return []RiskAssessment{{ID: 1}}, f.err("Assessments")
}
func (f fakeAnnualSource) AllRiskItems() ([]RiskItem, error) { return nil, f.err("AllRiskItems") }
func (f fakeAnnualSource) RiskMatrix() (RiskMatrix, error) {
	return DefaultRiskMatrix(), f.err("RiskMatrix")
}
func (f fakeAnnualSource) Deviations() ([]Deviation, error) {
	return []Deviation{{ID: 1}, {ID: 2}}, f.err("Deviations")
}
func (f fakeAnnualSource) Meetings() ([]Meeting, error) { return []Meeting{{ID: 1}}, f.err("Meetings") }

func TestLoadAnnualData(t *testing.T) {
	d, err := LoadAnnualData(fakeAnnualSource{}, 2025, NewDate(2026, 1, 15))
	if err != nil {
		t.Fatal(err)
	}
	if d.Unit.Name != "Enhet" || len(d.Measures) != 1 || len(d.Deviations) != 2 || len(d.Meetings) != 1 {
		t.Errorf("lists not read: %+v", d)
	}
	if len(d.Violence.Measures) != 1 || len(d.Violence.Incidents) != 2 {
		t.Error("the violence input must get the action plan and the register")
	}
	if !d.InUse[ModuleAvvik] || !d.InUse[ModuleMoter] || d.InUse[ModuleVold] || d.InUse[ModuleSykefravar] {
		t.Errorf("modules in use follow the source's methods: %v", d.InUse)
	}

	// Read concurrently, but the error is the first failing list in the
	// report's order, whichever finished first.
	for _, tt := range []struct {
		failing []string
		want    string
	}{
		{[]string{"Meetings"}, "kunne ikke lese møtene"},
		{[]string{"Meetings", "Measures"}, "kunne ikke lese handlingsplanen"},
		{[]string{"Deviations", "Unit"}, "kunne ikke lese enheten"},
	} {
		f := fakeAnnualSource{failing: map[string]bool{}}
		for _, n := range tt.failing {
			f.failing[n] = true
		}
		_, err := LoadAnnualData(f, 2025, NewDate(2026, 1, 15))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got %v, want %q", tt.failing, err, tt.want)
		}
	}
}
