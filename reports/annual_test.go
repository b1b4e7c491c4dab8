package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
)

// testAnnualData is the fixed unit of the annual-report tests: the plan
// and the two assessments of the section tests, a committee with one
// member who left during the year.
func testAnnualData() model.AnnualData {
	a, items := testAssessment()
	old := model.RiskAssessment{ID: 3, Title: "Vold og trusler i demensavdelingen", Area: "Avdeling A", Kind: model.KindOrdinary,
		Date: date(2025, time.March, 3), Status: model.AssessmentDone, NextReview: date(2026, time.March, 1)}
	items = append(items, model.RiskItem{ID: 31, AssessmentID: 3, Hazard: "Utagering", Category: model.CategoryViolence,
		Probability: 4, Consequence: 3})
	return model.AnnualData{
		Year: 2026, Today: testToday, Unit: testUnit,
		Members: []model.CommitteeMember{
			{ID: 1, Name: "Kari Nordmann", Role: model.RoleLeder, From: date(2024, time.January, 1)},
			{ID: 2, Name: "Ola Ås", Role: model.RoleVerneombud, From: date(2026, time.February, 1)},
			{ID: 3, Name: "Per Haugen", Role: model.RoleVerneombud, From: date(2024, time.January, 1), To: date(2026, time.January, 31)},
			{ID: 4, Name: "Åse Ødegård", Role: model.RoleTillitsvalgt, From: date(2025, time.January, 1)},
			{ID: 5, Name: "Gammel Leder", Role: model.RoleLeder, From: date(2020, time.January, 1), To: date(2023, time.December, 31)},
		},
		Measures:    testMeasures(),
		Assessments: []model.RiskAssessment{a, old},
		RiskItems:   items,
	}
}

func testAnnualReport() *Document { return AnnualReport(testAnnualData(), testOpts()) }

// The annual report is the same PDF, byte for byte, whether the pages'
// content is kept out of gofpdf (pagestreams.go) or left to it.
func TestAnnualReportPageStreamsSameContent(t *testing.T) {
	newDocumentsKeepPages = true
	want, err := testAnnualReport().Bytes()
	newDocumentsKeepPages = false
	if err != nil {
		t.Fatal(err)
	}
	d := testAnnualReport()
	got, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if d.PageCount() < 5 {
		t.Fatalf("%d pages; want a report of several", d.PageCount())
	}
	samePDFContent(t, got, want)
}

func TestGoldenAnnualReport(t *testing.T) {
	a, err := testAnnualReport().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := testAnnualReport().Bytes(); !bytes.Equal(a, b) {
		t.Error("two deterministic builds differ")
	}
	path := writePDF(t, testAnnualReport(), "arsrapport.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	checkGolden(t, "arsrapport.golden.txt", normalizeText(text))

	n := pageCount(t, path)
	for i := 1; i <= n; i++ {
		if p := pageText(t, path, i); !strings.Contains(p, fmt.Sprintf("Side %d av %d", i, n)) {
			t.Errorf("page %d lacks its page number", i)
		}
	}
	info := pdfInfo(t, path)
	if info["Title"] != "Årsrapport for HMS-arbeidet 2026" || !strings.Contains(info["Keywords"], "internkontroll") ||
		info["Author"] == "" || info["Subject"] == "" {
		t.Errorf("metadata %v", info)
	}
	for _, want := range []string{"Åse Ødegård", "Sjekkliste for internkontroll", "Leder – Kari Nordmann",
		"Verneombud – Ola Ås", "Tillitsvalgt – Åse Ødegård", "Ingen data: modulen"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "Gammel Leder") {
		t.Error("a member who left before the year is on the report")
	}
}

// Every module of the report either has its section or says in one line
// that it has no data.
func TestAnnualReportHasEveryModule(t *testing.T) {
	path := writePDF(t, testAnnualReport(), "moduler.pdf")
	text := pdfText(t, path)
	for _, m := range model.AnnualModules() {
		if !strings.Contains(text, m.Title) {
			t.Errorf("module %s missing", m.Title)
		}
		if _, ok := annualSections[m.ID]; !ok && !strings.Contains(text, "Ingen data: modulen "+m.Title) {
			t.Errorf("module %s without a section does not say it has no data", m.Title)
		}
	}
}

// The summary's figures are the sections' figures: the model's rules for
// the year are the ones the sections apply.
func TestAnnualFiguresMatchSections(t *testing.T) {
	in := testAnnualData()
	f := model.ComputeAnnualFigures(in)
	text := pdfText(t, writePDF(t, testAnnualReport(), "tall.pdf"))
	norm := spaces.ReplaceAllString(text, " ")
	for _, want := range []string{
		fmt.Sprintf("Farer i gjeldende risikovurderinger: %d.", f.Risk.Items),
		fmt.Sprintf("Tiltak i alt %d", f.Plan.Summary.Total),
		fmt.Sprintf("Forfalt %d", f.Plan.Summary.Overdue),
		fmt.Sprintf("%d tiltak: %d lukket i året", f.Plan.Summary.Total, f.Plan.Closed),
		fmt.Sprintf("%d åpne (%d forfalt)", f.Plan.Summary.Open, f.Plan.Summary.Overdue),
	} {
		if !strings.Contains(norm, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// Text the font cannot draw is replaced, never a crash.
func TestAnnualReportUndrawableText(t *testing.T) {
	in := testAnnualData()
	in.Unit.Name = "Enhet \U0001F600 \u0000 \xff 中文"
	in.Members[0].Name = strings.Repeat("Langt navn ", 60)
	b, err := AnnualReport(in, testOpts()).Bytes()
	if err != nil || len(b) == 0 {
		t.Fatal(err)
	}
	in = model.AnnualData{Year: 2026, Today: testToday}
	if _, err := AnnualReport(in, testOpts()).Bytes(); err != nil {
		t.Fatalf("empty unit: %v", err)
	}
}

// --- submission and schema --------------------------------------------

func testSubmission(t testing.TB) model.Submission {
	b, err := SubmissionJSON(testAnnualData(), "1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	s, err := submissionfile.Read(b)
	if err != nil {
		t.Fatalf("own export does not read back: %v\n%s", err, b)
	}
	return s
}

func TestSubmissionFromReport(t *testing.T) {
	s := testSubmission(t)
	f := model.ComputeAnnualFigures(testAnnualData())
	if s.ActionPlan.Total != f.Plan.Summary.Total || s.ActionPlan.Overdue != f.Plan.Summary.Overdue ||
		s.Risk.Items != f.Risk.Items || s.Risk.Before[model.RiskHigh] != f.Risk.Before[model.RiskHigh] {
		t.Errorf("submission %+v differs from figures %+v", s, f)
	}
	b, _ := s.Marshal()
	for _, name := range []string{"Kari", "Nordmann", "Ola", "Ødegård", "Haugen", "Alenearbeid", "Medarbeidersamtaler"} {
		if bytes.Contains(b, []byte(name)) {
			t.Errorf("submission contains %q (personal data or free text)", name)
		}
	}
}

// schemaNode is the part of JSON Schema docs/innsending.schema.json uses.
type schemaNode struct {
	Type                 any                    `json:"type"`
	Properties           map[string]*schemaNode `json:"properties"`
	Required             []string               `json:"required"`
	AdditionalProperties any                    `json:"additionalProperties"`
	Items                *schemaNode            `json:"items"`
	Ref                  string                 `json:"$ref"`
	Defs                 map[string]*schemaNode `json:"$defs"`
	Const                any                    `json:"const"`
}

func loadSchema(t *testing.T) *schemaNode {
	b, err := os.ReadFile(filepath.Join("..", "docs", "innsending.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s schemaNode
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("docs/innsending.schema.json does not parse: %v", err)
	}
	return &s
}

// fullSubmission has every optional module filled in, so that its JSON
// has every field the schema must name.
func fullSubmission(t *testing.T) model.Submission {
	s := testSubmission(t)
	p := 5.2
	s.Deviations = &model.SubmissionDeviation{Total: 1, ByCategory: map[model.DeviationCategory]int{model.DevInjury: 1}, BySeverity: map[model.Severity]int{},
		Photos: 2}
	s.SickLeave = &model.SubmissionSickLeave{Target: &p, TargetSetBy: model.TargetByMunicipality, Year: &p,
		Quarters: []model.SubmissionQuarter{{Quarter: model.Quarter{Year: 2026, Q: 1}, Percent: 5.2, AgreedDays: 1200}},
		Rules:    []model.SubmissionRuleFlag{{Rule: "over 10 %", Quarter: model.Quarter{Year: 2026, Q: 1}}}}
	s.Violence = &model.SubmissionViolence{Mapped: true, Mapping: testToday}
	s.TenFactor = &model.SubmissionTenFactor{RoundYear: 2025, ResultsOn: testToday, Respondents: 10,
		Factors: []model.SubmissionFactor{{Factor: 1, Mean: 4.1}}, Keep: []int{1}, Improve: []int{2}, FocusWithoutMeasure: []int{2}}
	s.SafetyRounds = &model.SubmissionCount{Held: 2, Last: testToday, Unfinished: 1, Photos: 1}
	s.Meetings = &model.SubmissionCount{Held: 4, Last: testToday} // photos: always 0, left out
	return s
}

// TestSchemaNamesEveryField checks that the JSON Schema parses and that
// each object in it lists exactly the fields the export writes, all
// required except the modules that may be left out (not in use) and the
// optional agreed_days, target_set_by and photos (the count of the annual
// report's photos, left out when 0: meetings never write it), with no
// others allowed. submissionfile.Read validates with this schema
// (embedded by package docs).
var optionalFields = map[string]bool{"deviations": true, "sick_leave": true, "violence": true, "ten_factor": true,
	"safety_rounds": true, "meetings": true, "agreed_days": true, "target_set_by": true, "photos": true}

func TestSchemaNamesEveryField(t *testing.T) {
	schema := loadSchema(t)
	b, _ := fullSubmission(t).Marshal()
	if _, err := submissionfile.Read(b); err != nil {
		t.Fatalf("full submission invalid: %v", err)
	}
	var doc any
	_ = json.Unmarshal(b, &doc)
	var walk func(n *schemaNode, v any, path string)
	resolve := func(n *schemaNode) *schemaNode {
		for n != nil && n.Ref != "" {
			n = schema.Defs[strings.TrimPrefix(n.Ref, "#/$defs/")]
		}
		return n
	}
	walk = func(n *schemaNode, v any, path string) {
		n = resolve(n)
		if n == nil {
			t.Errorf("%s: no schema", path)
			return
		}
		switch v := v.(type) {
		case map[string]any:
			if n.Properties == nil {
				if n.AdditionalProperties == nil || n.AdditionalProperties == false {
					t.Errorf("%s: map without additionalProperties schema", path)
				}
				return // a map keyed by codes
			}
			if n.AdditionalProperties != false {
				t.Errorf("%s: additionalProperties must be false", path)
			}
			var keys []string
			for k := range v {
				keys = append(keys, k)
			}
			var props []string
			for k := range n.Properties {
				props = append(props, k)
			}
			slices.Sort(keys)
			slices.Sort(props)
			// An optional field left out (photos: 0) is the only difference allowed.
			named := slices.DeleteFunc(slices.Clone(props), func(k string) bool { return optionalFields[k] && !slices.Contains(keys, k) })
			if !slices.Equal(keys, named) {
				t.Errorf("%s: export writes %v, schema names %v", path, keys, props)
			}
			req := slices.Clone(n.Required)
			slices.Sort(req)
			keys = slices.DeleteFunc(keys, func(k string) bool { return optionalFields[k] })
			if !slices.Equal(req, keys) {
				t.Errorf("%s: required %v, want all of %v", path, req, keys)
			}
			for k, sub := range v {
				walk(n.Properties[k], sub, path+"."+k)
			}
		case []any:
			for i, e := range v {
				walk(n.Items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
	walk(schema, doc, "$")
	if c, _ := resolve(schema.Properties["schema"]).Const.(string); c != model.SubmissionSchema {
		t.Errorf("schema const %q", c)
	}
	if c, _ := resolve(schema.Properties["schema_version"]).Const.(float64); int(c) != model.SubmissionVersion {
		t.Errorf("schema_version const %v", c)
	}
}

// --- aggregation --------------------------------------------------------

func aggregateFixture(t *testing.T) (Aggregation, string) {
	dir := t.TempDir()
	a := fullSubmission(t)
	b := testSubmission(t)
	b.Unit.Name, b.Unit.Sector, b.Unit.Employees = "Haugen skole", model.SectorSkole, 40
	b.TenFactor = &model.SubmissionTenFactor{RoundYear: 2026, Respondents: 30, Factors: []model.SubmissionFactor{{Factor: 1, Mean: 3.5}}}
	b.Violence = &model.SubmissionViolence{}
	c := testSubmission(t)
	c.Year = 2025
	c.Unit.Name = "Gammel innsending"
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ja, _ := a.Marshal()
	jb, _ := b.Marshal()
	jc, _ := c.Marshal()
	files := []string{
		write("solbakken.json", ja),
		write("haugen.json", jb),
		write("annet-aar.json", jc),
		write("kopi.json", ja),
		write("avkortet.json", ja[:len(ja)/2]),
		write("fremmed.json", []byte(`{"type":"noe annet"}`)),
		write("versjon.json", bytes.Replace(ja, []byte(`"schema_version": 2`), []byte(`"schema_version": 9`), 1)),
		write("eldre-versjon.json", versionOne(t, "Eldre versjon barnehage")),
		filepath.Join(dir, "finnes-ikke.json"),
	}
	expected := ParseExpectedUnits("\uFEFF# enheter\nSolbakken sykehjem;Ringsaker kommune\nHaugen skole\n\nLia barnehage\n")
	return AggregateFiles(files, 0, expected), dir
}

func TestAggregate(t *testing.T) {
	agg, _ := aggregateFixture(t)
	if agg.Year != 2026 || len(agg.Units) != 3 {
		t.Fatalf("year %v, units %d", agg.Year, len(agg.Units))
	}
	reasons := map[string]string{}
	for _, f := range agg.Problems {
		reasons[filepath.Base(f.File)] = f.Reason
	}
	if agg.Previous != 2025 || len(agg.PrevUnits) != 1 || agg.Failed() != 5 {
		t.Errorf("previous %v with %d units; %d failed", agg.Previous, len(agg.PrevUnits), agg.Failed())
	}
	for file, want := range map[string]string{
		"solbakken.json":   "erstattet av den nyere filen kopi.json",
		"avkortet.json":    "avkortet",
		"fremmed.json":     "ikke en innsendingsfil",
		"versjon.json":     "versjon 9",
		"finnes-ikke.json": "finnes ikke",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("%s: reason %q, want %q", file, reasons[file], want)
		}
	}
	if len(agg.Missing) != 1 || agg.Missing[0].Name != "Lia barnehage" {
		t.Errorf("missing %v", agg.Missing)
	}
	// 10-FAKTOR factor 1: (4,1 × 10 + 3,5 × 30) / 40 = 3,65.
	if len(agg.TenFactor) != 1 || fmt.Sprintf("%.2f", agg.TenFactor[0].Mean) != "3.65" || agg.TenFactor[0].Respondents != 40 {
		t.Errorf("ten factor %+v", agg.TenFactor)
	}
	if v := agg.Attention.Violence; len(v) != 1 || v[0].Unit.Unit.Name != "Haugen skole" {
		t.Errorf("no 3A mapping %v", v)
	}
	if len(agg.Attention.SickLeave) != 1 || agg.Deviations.ByCategory[model.DevInjury] != 1 {
		t.Errorf("sick leave %v, deviations %v", agg.Attention.SickLeave, agg.Deviations)
	}
	if agg.Plan.Total != 3*testSubmission(t).ActionPlan.Total { // the version 1 file counts too
		t.Errorf("plan total %d", agg.Plan.Total)
	}
}

func TestGoldenAggregate(t *testing.T) {
	agg, _ := aggregateFixture(t)
	for i := range agg.Problems { // the temporary directory differs per run
		agg.Problems[i].File = filepath.Base(agg.Problems[i].File)
	}
	path := writePDF(t, AggregateReport(agg, testOpts()), "samlet.pdf")
	qpdfCheck(t, path)
	checkGolden(t, "samlet.golden.txt", normalizeText(pdfText(t, path)))
}

func TestAggregateCSV(t *testing.T) {
	agg, _ := aggregateFixture(t)
	b := AggregateCSV(agg)
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Error("no byte order mark")
	}
	lines := strings.Split(strings.TrimSuffix(string(b[3:]), "\r\n"), "\r\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), b)
	}
	head := strings.Split(lines[0], ";")
	for _, l := range lines[1:] {
		if n := len(strings.Split(l, ";")); n != len(head) {
			t.Errorf("row has %d cells, header %d: %s", n, len(head), l)
		}
	}
	if !strings.Contains(lines[0], "Sykefravær %") || !strings.Contains(string(b), "5,2") || strings.Contains(string(b), "5.2") {
		t.Errorf("decimal comma or æøå wrong:\n%s", b)
	}
}

// TestAnnualReportUsesThreeFaces: even the annual report of a unit with
// nothing registered sets text in the regular, bold and italic faces,
// which StartAnnualDocument therefore parses before the layout. Read
// from the PDF: each face's font object, its resource name, and a text
// operator using that name in a page's content.
func TestAnnualReportUsesThreeFaces(t *testing.T) {
	needTool(t, "qpdf", "qpdf")
	in := model.AnnualData{Year: 2026, Today: testToday}
	path := writePDF(t, AnnualReport(in, Options{Deterministic: true, Created: fixedCreated}), "tom.pdf")
	qdf := filepath.Join(t.TempDir(), "tom.qdf")
	if msg, err := exec.Command("qpdf", "--qdf", "--static-id", path, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --qdf: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, face := range []string{"utf8noto", "utf8notoB", "utf8notoI"} {
		// "N 0 obj\n<<\n  /BaseFont /face\n" is the font; "/Fxxx N 0 R" names it.
		at := strings.Index(text, "obj\n<<\n  /BaseFont /"+face+"\n")
		if at < 0 {
			t.Errorf("no font object for %s", face)
			continue
		}
		start := strings.LastIndex(text[:at], "\n") + 1
		ref := strings.TrimSpace(text[start:at]) + " R"
		line := regexp.MustCompile(`/(F[0-9A-Za-z]+) ` + regexp.QuoteMeta(ref) + `\n`).FindStringSubmatch(text)
		if line == nil {
			t.Errorf("%s (%s) is not among the fonts of the pages", face, ref)
			continue
		}
		if !regexp.MustCompile(`/` + line[1] + ` [0-9.]+ Tf`).MatchString(text) {
			t.Errorf("no text is set in %s", face)
		}
	}
}
