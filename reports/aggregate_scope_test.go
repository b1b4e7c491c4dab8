package reports

import (
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

// The aggregate says the scope of every figure: the comparison with the
// year before covers the units in both years, on the same quarters; a
// year not ended is not "ved årets slutt"; 10-FAKTOR names its round's
// year; hazards not assessed after measures are counted; several
// municipalities are named; targets say whose they are. Each test builds
// the submission files where the situation holds, aggregates them and
// reads the PDF's text.

// scopeUnit is one unit's file for a year.
type scopeUnit struct {
	name, muni string
	year       int
	produced   model.Date
	quarters   map[int]float64 // quarter → percent
	target     *float64
	targetBy   model.TargetOwner
	round      int // 10-FAKTOR round year; 0 = no 10-FAKTOR figures
	devs       int
	sector     model.Sector // "" = sykehjem
}

// scopeSubmission builds the unit's submission from the program's own
// export, with the unit's figures.
func scopeSubmission(t *testing.T, u scopeUnit) model.Submission {
	s := testSubmission(t)
	s.Year, s.Produced = u.year, u.produced
	s.Unit = model.SubmissionUnit{Name: u.name, Municipality: u.muni, Sector: cmp.Or(u.sector, model.SectorSykehjem), Employees: 40}
	sl := &model.SubmissionSickLeave{Target: u.target, TargetSetBy: u.targetBy, Quarters: []model.SubmissionQuarter{}, Rules: []model.SubmissionRuleFlag{}}
	var sum float64
	for q := 1; q <= 4; q++ {
		if p, ok := u.quarters[q]; ok {
			sl.Quarters = append(sl.Quarters, model.SubmissionQuarter{Quarter: model.Quarter{Year: u.year, Q: q}, Percent: p, AgreedDays: 1000})
			sum += p
		}
	}
	if len(sl.Quarters) > 0 {
		y := sum / float64(len(sl.Quarters))
		sl.Year = &y
	}
	s.SickLeave = sl
	s.Deviations = &model.SubmissionDeviation{Total: u.devs, ByCategory: map[model.DeviationCategory]int{model.DevInjury: u.devs},
		BySeverity: map[model.Severity]int{}}
	for _, c := range model.DeviationCategories() {
		s.Deviations.ByCategory[c] += 0
	}
	for _, v := range model.Severities() {
		s.Deviations.BySeverity[v] = 0
	}
	s.TenFactor = nil
	if u.round != 0 {
		s.TenFactor = &model.SubmissionTenFactor{RoundYear: u.round, Respondents: 20, Factors: []model.SubmissionFactor{{Factor: 1, Mean: 4}},
			Keep: []int{}, Improve: []int{}, FocusWithoutMeasure: []int{}}
	}
	return s
}

// scopeReport writes the units' files, aggregates them for year and
// returns the report's text with all white space as single spaces.
func scopeReport(t *testing.T, year model.HMSYear, units []scopeUnit, edit func(name string, b []byte) []byte) (Aggregation, string) {
	t.Helper()
	dir := t.TempDir()
	for i, u := range units {
		b, err := scopeSubmission(t, u).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			b = edit(u.name, b)
		}
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a := AggregateFilesWith([]string{dir}, model.AggregateOptions{Year: year}, nil)
	if a.Failed() != 0 {
		t.Fatalf("files not used: %+v", a.Problems)
	}
	path := writePDF(t, AggregateReport(a, testOpts()), "samlet.pdf")
	// Running text reads whole in reading order; table rows read whole
	// with the layout kept.
	flat := strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	return a, flat + "\n" + normalizeText(pdfText(t, path))
}

func wantIn(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("the report lacks %q", w)
		}
	}
}

func wantNotIn(t *testing.T, text string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(text, w) {
			t.Errorf("the report says %q", w)
		}
	}
}

func pct(p float64) *float64 { return &p }

var (
	fullYear  = map[int]float64{1: 6, 2: 6, 3: 6, 4: 6}
	jan2026   = model.NewDate(2026, time.January, 20)
	jan2025   = model.NewDate(2025, time.January, 20)
	dec2026   = model.NewDate(2026, time.December, 4)
	stange    = "Stange kommune"
	threeBoth = []string{"Bjørkeli", "Solsiden", "Haugen"}
)

// TestAggregateComparesLikeForLike: 3 units in 2024 and 5 in 2025, the 3
// with the same sick leave both years. The change is 0 for the 3, the 2
// new units are named apart, and no "+2 units" or "+39 deviations" from
// counting different units appears.
func TestAggregateComparesLikeForLike(t *testing.T) {
	var units []scopeUnit
	for _, n := range threeBoth {
		units = append(units, scopeUnit{name: n, muni: stange, year: 2024, produced: jan2025, quarters: fullYear, devs: 10},
			scopeUnit{name: n, muni: stange, year: 2025, produced: jan2026, quarters: fullYear, devs: 10})
	}
	units = append(units, scopeUnit{name: "Nyheim", muni: stange, year: 2025, produced: jan2026, quarters: map[int]float64{1: 3, 2: 3, 3: 3, 4: 3}, devs: 30},
		scopeUnit{name: "Nybygget", muni: stange, year: 2025, produced: jan2026, quarters: map[int]float64{1: 3, 2: 3, 3: 3, 4: 3}, devs: 9})
	a, text := scopeReport(t, 2025, units, nil)
	if a.Compare.Both != 3 || len(a.Compare.OnlyCur) != 2 {
		t.Fatalf("compare %+v", a.Compare)
	}
	wantIn(t, text,
		"Nøkkeltall for de 3 enhetene som sendte inn begge år",
		"Enheter med innsending 3 3 0",
		"Avvik (enheter med avviksmodulen) 30 (3) 30 (3) 0",
		"Sykefravær, vektet 6,0 % 6,0 % uendret",
		"Endring fra 2024 for 3 enheter med tall for begge år: 6,0 % mot 6,0 %, uendret",
		"Bare for 2025 (2 enheter): Nybygget og Nyheim.",
		"Sammenlignet med 2024 for de 3 enhetene som sendte inn begge år.")
	wantNotIn(t, text, "+39", "+2 ", "-0,", "Nøkkeltall for enhetene som sendte inn hvert år")
}

// TestAggregatePartYear: 2026 has K1–K3 only and the files are from
// 04.12.2026. The figure says its quarters, the change compares K1–K3
// with K1–K3, and open deviations are "per 04.12.2026", not "ved årets
// slutt".
func TestAggregatePartYear(t *testing.T) {
	var units []scopeUnit
	for _, n := range threeBoth {
		units = append(units, scopeUnit{name: n, muni: stange, year: 2025, produced: jan2026, quarters: map[int]float64{1: 7, 2: 6, 3: 5, 4: 2}},
			scopeUnit{name: n, muni: stange, year: 2026, produced: dec2026, quarters: map[int]float64{1: 8, 2: 7, 3: 6}})
	}
	_, text := scopeReport(t, 2026, units, nil)
	wantIn(t, text,
		"7,0 % (3 enheter, vektet med avtalte dagsverk). Bygger bare på kvartalene K1–K3 2026, ikke hele året.",
		"Endring fra 2025 for 3 enheter med tall for begge år, bare K1–K3: 6,0 % mot 7,0 %, +1,0 prosentpoeng",
		"Sykefravær, vektet (bare K1–K3) 6,0 % 7,0 % +1,0 prosentpoeng",
		"Åpne alvorlige avvik (2025 ved årets slutt, 2026 per 04.12.2026)",
		"0 åpne alvorlige per 04.12.2026.",
		"7,0 % (K1–K3; 2025 samme kvartaler: 6,0 %)")
	wantNotIn(t, text, "5,0 %", "Åpne alvorlige avvik ved årets slutt") // 2025's whole year
}

// TestAggregateTenFactorYear: every unit's round is from 2024 in the 2025
// report, and in a mixed set each year is named with its units.
func TestAggregateTenFactorYear(t *testing.T) {
	var units []scopeUnit
	for _, n := range threeBoth {
		units = append(units, scopeUnit{name: n, muni: stange, year: 2025, produced: jan2026, quarters: fullYear, round: 2024})
	}
	_, text := scopeReport(t, 2025, units, nil)
	wantIn(t, text, "10-FAKTOR, vektet snitt per faktor, kartlegging 2024", "Tallene er fra kartlegging 2024 (alle 3 enheter).")
	units[2].round = 2025
	_, text = scopeReport(t, 2025, units, nil)
	wantIn(t, text, "kartlegginger 2024 og 2025",
		"Tallene er fra kartlegginger i ulike år, snittet blander dem: kartlegging 2024: 2 enheter (Bjørkeli og Solsiden); kartlegging 2025: 1 enhet (Haugen).")
}

// TestAggregateRiskNotAssessedAfter: one hazard has no score after
// measures; the table's «Ikke vurdert» row says so and both columns add
// up to all hazards.
func TestAggregateRiskNotAssessedAfter(t *testing.T) {
	units := []scopeUnit{{name: "Bjørkeli", muni: stange, year: 2026, produced: jan2026, quarters: fullYear}}
	before := regexp.MustCompile(`"before": \{[^}]*\}`)
	after := regexp.MustCompile(`"after": \{[^}]*\}`)
	risk := func(_ string, b []byte) []byte {
		b = regexp.MustCompile(`"items": \d+`).ReplaceAll(b, []byte(`"items": 4`))
		b = regexp.MustCompile(`"not_assessed": \d+`).ReplaceAll(b, []byte(`"not_assessed": 0`))
		b = before.ReplaceAll(b, []byte(`"before": {"hoy": 3, "lav": 0, "middels": 1}`))
		return after.ReplaceAll(b, []byte(`"after": {"hoy": 0, "lav": 2, "middels": 1}`))
	}
	a, text := scopeReport(t, 2026, units, risk)
	if a.Risk.NotAssessedAfter != 1 {
		t.Fatalf("risk %+v", a.Risk)
	}
	wantIn(t, text, "Høy (H) 3 0", "Ikke vurdert 0 1", "Farer i alt 4 4")
}

// TestAggregateSeveralMunicipalities: files from two municipalities are
// named at the top; nothing claims they are one municipality.
func TestAggregateSeveralMunicipalities(t *testing.T) {
	units := []scopeUnit{{name: "Bjørkeli", muni: stange, year: 2026, produced: jan2026, quarters: fullYear},
		{name: "Solsiden", muni: "Hamar kommune", year: 2026, produced: jan2026, quarters: fullYear}}
	_, text := scopeReport(t, 2026, units, nil)
	wantIn(t, text, "Merk: innsendingene kommer fra 2 kommuner (Hamar kommune og Stange kommune). Tallene er summert på tvers av kommunene",
		"Sammendrag for alle enhetene", "Alle enhetene samlet:")
	wantNotIn(t, text, "Sammendrag for kommunen", "Kommunen samlet", "Kommunens mål", "hele kommunen")
	if strings.Index(text, "Merk: innsendingene kommer fra 2 kommuner") > strings.Index(text, "har sendt inn for 2026") {
		t.Error("the warning is not at the top of the cover")
	}
}

// TestAggregateTargetOwner: units report the municipality's 7,4 % and
// one its own 5,2 %; an older file does not say whose its target is.
func TestAggregateTargetOwner(t *testing.T) {
	units := []scopeUnit{
		{name: "Bjørkeli", muni: stange, year: 2026, produced: jan2026, quarters: fullYear, target: pct(7.4), targetBy: model.TargetByMunicipality},
		{name: "Solsiden", muni: stange, year: 2026, produced: jan2026, quarters: fullYear, target: pct(7.4), targetBy: model.TargetByMunicipality},
		{name: "Haugen", muni: stange, year: 2026, produced: jan2026, quarters: fullYear, target: pct(5.2), targetBy: model.TargetByUnit},
		{name: "Gamle", muni: stange, year: 2026, produced: jan2026, quarters: fullYear, target: pct(6.5), sector: model.SectorSkole},
	}
	old := func(name string, b []byte) []byte { // a file from before target_set_by
		if name != "Gamle" {
			return b
		}
		return regexp.MustCompile(`\s*"target_set_by": "[a-z]+",`).ReplaceAll(b, nil)
	}
	a, text := scopeReport(t, 2026, units, old)
	if len(a.ReportedTargets) != 1 {
		t.Fatalf("targets %+v", a.ReportedTargets)
	}
	wantIn(t, text, "Kommunens mål 7,4 %, slik 2 enheter oppgir det: 1,4 prosentpoeng under målet",
		"6,0 % (kommunens mål 7,4 %)", "6,0 % (enhetens mål 5,2 %)", "6,0 % (mål 6,5 %)", "Sykefravær (mål)", "Sum skole 1 enhet")
	wantNotIn(t, text, "Kommunens mål er ikke oppgitt", "Sykefravær (enhetens mål)", "1 enheter")
	csv := string(AggregateCSV(a))
	for _, want := range []string{";Mål sykefravær %;Målet er;", ";7,4;kommunens mål;", ";5,2;enhetens mål;", ";6,5;mål;"} {
		if !strings.Contains(csv, want) {
			t.Errorf("csv lacks %q:\n%s", want, csv)
		}
	}
}

// TestAggregateMinusSign: a fall is written with a minus the font can
// draw (the en dash stands in for U+2212), never a hyphen, in the
// running text and in the table's integer differences.
func TestAggregateMinusSign(t *testing.T) {
	units := []scopeUnit{
		{name: "Bjørkeli", muni: stange, year: 2025, produced: jan2026, quarters: map[int]float64{1: 7, 2: 7, 3: 7, 4: 7}, devs: 12},
		{name: "Bjørkeli", muni: stange, year: 2026, produced: jan2026, quarters: fullYear, devs: 10},
	}
	_, text := scopeReport(t, 2026, units, nil)
	wantIn(t, text, "7,0 % mot 6,0 %, –1,0 prosentpoeng", "Avvik (enheter med avviksmodulen) 12 (1) 10 (1) –2")
	wantNotIn(t, text, "-1,0", " -2")
}
