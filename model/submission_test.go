package model

import (
	"strings"
	"testing"
	"time"
)

func testAnnual() AnnualData {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	return AnnualData{
		Year: 2026, Today: d(2027, time.January, 10),
		Unit: Unit{Name: " Lia barnehage ", Municipality: "Hamar kommune", Sector: SectorBarnehage, Employees: 22},
		Members: []CommitteeMember{
			{Name: "Kari Nordmann", Role: RoleLeder, From: d(2025, 1, 1)},
			{Name: "Ola Ås", Role: RoleVerneombud, From: d(2026, 6, 1)},
			{Name: "Per Gammel", Role: RoleTillitsvalgt, From: d(2020, 1, 1), To: d(2025, 12, 31)},
		},
		Measures: []Measure{
			{ID: 1, Title: "Ny rutine", Status: StatusPlanlagt, Created: d(2026, 2, 1), Deadline: d(2026, 12, 1)},
			{ID: 2, Title: "Kurs", Status: StatusEvaluert, Created: d(2025, 5, 1), CompletedOn: d(2026, 3, 1), Updated: d(2026, 4, 1)},
			{ID: 3, Title: "Gammelt", Status: StatusUtfort, Created: d(2024, 5, 1), CompletedOn: d(2025, 3, 1)},
			{ID: 4, Title: "Senere", Status: StatusPlanlagt, Created: d(2027, 1, 2)},
		},
		Assessments: []RiskAssessment{{ID: 9, Title: "Uteområdet", Date: d(2026, 4, 1), Status: AssessmentDone, NextReview: d(2026, 12, 1)}},
		RiskItems: []RiskItem{{ID: 1, AssessmentID: 9, Probability: 5, Consequence: 4, ResidualProbability: 2, ResidualConsequence: 2},
			{ID: 2, AssessmentID: 9}},
	}
}

func TestAnnualFigures(t *testing.T) {
	f := ComputeAnnualFigures(testAnnual())
	if got := f.Committee.Roles; len(got) != 2 || got[0] != RoleLeder || got[1] != RoleVerneombud {
		t.Errorf("roles %v", got)
	}
	p := f.Plan
	if p.Summary.Total != 2 || p.Summary.Open != 1 || p.Summary.Overdue != 1 || p.Created != 1 || p.Closed != 1 || p.Evaluated != 1 {
		t.Errorf("plan %+v", p)
	}
	r := f.Risk
	if r.Assessments != 1 || r.CarriedOut != 1 || r.ReviewOverdue != 1 || r.Items != 2 || r.Before[RiskHigh] != 1 ||
		r.After[RiskLow] != 1 || r.NotAssessed != 1 {
		t.Errorf("risk %+v", r)
	}
	cl := InternalControlChecklist(f)
	if len(cl) != 8 {
		t.Fatal(len(cl))
	}
	for _, p := range cl {
		if p.Written != (p.Point >= 4) {
			t.Errorf("point %d written %v", p.Point, p.Written)
		}
		if p.Documented() == (p.Missing != "") {
			t.Errorf("point %d: documented %v, missing %q", p.Point, p.Documented(), p.Missing)
		}
		if !p.Documented() && !strings.HasPrefix(p.Missing, "Mangler") {
			t.Errorf("point %d: %q does not say «Mangler»", p.Point, p.Missing)
		}
	}
	if !cl[5].Documented() || cl[6].Documented() || !cl[7].Documented() {
		t.Errorf("points 6–8: %+v", cl[5:])
	}
}

func TestAnnualModulesCoverEveryWrittenPoint(t *testing.T) {
	for point := 2; point <= 8; point++ {
		if point == 4 {
			continue // the year's goals, recorded in the annual review (annualreview.go)
		}
		found := false
		for _, m := range AnnualModules() {
			for _, p := range m.Points {
				found = found || p == point
			}
		}
		if !found {
			t.Errorf("no module documents point %d", point)
		}
	}
}
