package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"hmsutvalg/model"
)

// testAnnualDocument is a portrait annual report with the action-plan and
// risk sections, as the internal-control report will use them.
func testAnnualDocument() *Document {
	d := New(Options{Title: "Årsrapport internkontroll 2026", Unit: testUnit.Name, Deterministic: true, Created: fixedCreated})
	a, items := testAssessment()
	old := model.RiskAssessment{ID: 3, Title: "Vold og trusler i demensavdelingen", Area: "Avdeling A", Kind: model.KindOrdinary,
		Date: date(2025, time.March, 3), Status: model.AssessmentDone, NextReview: date(2026, time.March, 1)}
	items = append(items, model.RiskItem{ID: 31, AssessmentID: 3, Hazard: "Utagering", Category: model.CategoryViolence,
		Probability: 4, Consequence: 3})
	in := ActionPlanInput{Unit: testUnit, Measures: testMeasures(), Today: testToday}
	d.ActionPlanSection(in, 2026)
	d.RiskSection(RiskSectionInput{Assessments: []model.RiskAssessment{a, old}, Items: items, Year: 2026, Today: testToday})
	return d
}

// TestPlanRiskRender renders the first two pages of the action plan, the
// risk assessment and the annual sections to PNG. With REPORTS_PNG_DIR
// set, the pages are kept there to look at.
func TestPlanRiskRender(t *testing.T) {
	needTool(t, "pdftoppm", "poppler-utils")
	dir := os.Getenv("REPORTS_PNG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	big := ActionPlanInput{Unit: testUnit, Measures: append(testMeasures(), bigPlan(40)...), Today: testToday,
		Filter: "alle statuser"}
	for name, d := range map[string]*Document{
		"handlingsplan":      ActionPlanReport(ActionPlanInput{Unit: testUnit, Measures: testMeasures(), Today: testToday}, testOpts()),
		"handlingsplan-stor": ActionPlanReport(big, testOpts()),
		"risikovurdering":    RiskAssessmentReport(testRiskInput(), testOpts()),
		"arsrapport":         testAnnualDocument(),
	} {
		path := writePDF(t, d, name+".pdf")
		qpdfCheck(t, path)
		out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", path, filepath.Join(dir, name)).CombinedOutput()
		if err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", name, err, out)
		}
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(pngs) < 4 {
		t.Fatalf("%d PNG pages, want at least 4", len(pngs))
	}
}
