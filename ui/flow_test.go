package ui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/uitest"
)

// TestRiskToActionPlanAndBack: create an assessment, add an item, rate it,
// add a measure, see it in the action plan, and follow its source link back
// to the item.
func TestRiskToActionPlanAndBack(t *testing.T) {
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: uitest.DemoFile(t), Today: func() model.Date { return uitest.Today }})
	defer u.Close()
	env := u.Env()

	rs := risiko.New(env)
	env.Window.SetContent(rs.Content())
	test.Tap(rs.NewButton)
	d := rs.Detail
	test.Type(d.Title, "Nattevakt alene på avdeling 2")
	test.Type(d.Area, "Avdeling 2, natt")
	test.Tap(d.Save)
	if d.Err.Label.Text != "" {
		t.Fatalf("assessment refused: %s", d.Err.Label.Text)
	}
	test.Tap(d.NewItem)
	it := d.Item
	test.Type(it.Hazard, "Alenearbeid med urolig beboer")
	it.Category.SetSelected(model.CategoryViolence.Label())
	test.Type(it.Exposed, "Nattevakter")
	it.P.SetSelectedIndex(3) // 4 – sannsynlig
	it.C.SetSelectedIndex(2) // 3 – alvorlig
	if got := it.Risk.Text; got == "" || !strings.Contains(got, "12") || !strings.Contains(got, "Høy") {
		t.Errorf("risk shown as %q, want 4 × 3 = 12 Høy", got)
	}
	test.Tap(it.Save)
	if it.Err.Label.Text != "" {
		t.Fatalf("item refused: %s", it.Err.Label.Text)
	}
	if d.Before.Count(4, 3) != 1 {
		t.Errorf("matrix cell (4,3) counts %d, want 1", d.Before.Count(4, 3))
	}
	test.Type(it.MeasureTitle, "Trygghetsalarm for nattevakter")
	test.Type(it.MeasureResp, "Leder")
	test.Tap(it.AddMeasure)
	if it.MeasureErr.Label.Text != "" {
		t.Fatalf("measure refused: %s", it.MeasureErr.Label.Text)
	}
	itemID := it.Item().ID
	if len(it.Item().MeasureIDs) != 1 {
		t.Fatalf("item links %d measures", len(it.Item().MeasureIDs))
	}

	// The assessment report lists the hazard and the measure.
	in, err := d.PDFInput()
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "risiko.pdf")
	if err := pdfexport.Write(pdf, func() *reports.Document { return reports.RiskAssessmentReport(in, reports.Options{}) }); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftotext", pdf, "-").Output(); err == nil {
		for _, want := range []string{"Alenearbeid med", "Trygghetsalarm", "Høy"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("assessment PDF lacks %q", want)
			}
		}
	}

	// The measure is in the action plan, with its source.
	hp := handlingsplan.New(env)
	hp.Filter(model.MeasureFilter{Text: "Trygghetsalarm"})
	if len(hp.Shown()) != 1 {
		t.Fatalf("action plan shows %d measures for the search", len(hp.Shown()))
	}
	m := hp.Shown()[0]
	if m.Source.Kind != model.SourceRiskAssessment || m.Source.RefID != itemID {
		t.Errorf("source %+v, want the risk item %d", m.Source, itemID)
	}
	hp.Select(m.ID)
	if hp.Editor.SourceLink.Hidden || hp.Editor.SourceLink.Disabled() {
		t.Fatal("no usable link back to the source")
	}
	// Following the link opens the risk page with the item.
	test.Tap(hp.Editor.SourceLink)
	if f, ok := env.TakeFocus(risiko.PageID); ok {
		t.Errorf("focus request %+v not taken by the risk page", f)
	}
}
