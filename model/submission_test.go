package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

func validSubmission(t testing.TB) []byte {
	d := testAnnual()
	b, err := NewSubmission(d, ComputeAnnualFigures(d), "1.0.0").Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSubmissionRoundTrip(t *testing.T) {
	b := validSubmission(t)
	s, err := ReadSubmission(append([]byte("\xEF\xBB\xBF"), b...))
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if s.Unit.Name != "Lia barnehage" || s.Year != 2026 || s.Deviations != nil || len(s.Checklist) != 8 {
		t.Errorf("%+v", s)
	}
	for _, name := range []string{"Kari", "Ola", "Per Gammel", "Ny rutine", "Uteområdet"} {
		if bytes.Contains(b, []byte(name)) {
			t.Errorf("submission contains %q", name)
		}
	}
	// A module not in use may also be left out altogether.
	short := bytes.Replace(b, []byte(`"deviations": null,`), nil, 1)
	if _, err := ReadSubmission(short); err != nil {
		t.Errorf("absent module: %v", err)
	}
}

func TestSubmissionBadFiles(t *testing.T) {
	good := string(validSubmission(t))
	cases := []struct {
		name, data string
		kind       error
		reason     string
	}{
		{"tom", "", ErrSubmissionEmpty, "tom"},
		{"mellomrom", " \n", ErrSubmissionEmpty, "tom"},
		{"avkortet", good[:len(good)/2], ErrSubmissionSyntax, "slutter midt i"},
		{"søppel", "\x00\x01PK", ErrSubmissionSyntax, "ikke gyldig JSON"},
		{"ikke utf8", "{\"a\":\"\xff\"}", ErrSubmissionSyntax, "UTF-8"},
		{"to dokumenter", good + good, ErrSubmissionSyntax, "mer innhold"},
		{"liste", "[1,2]", ErrSubmissionForeign, "ikke et JSON-objekt"},
		{"fremmed", `{"navn":"x"}`, ErrSubmissionForeign, "mangler «schema»"},
		{"annet skjema", `{"schema":"noe-annet","schema_version":1}`, ErrSubmissionForeign, "noe-annet"},
		{"ny versjon", strings.Replace(good, `"schema_version": 2`, `"schema_version": 3`, 1), ErrSubmissionVersion, "versjon 3"},
		{"gammel versjon", strings.Replace(good, `"schema_version": 2`, `"schema_version": 0`, 1), ErrSubmissionVersion, "versjon 0"},
		{"uten versjon", strings.Replace(good, `"schema_version": 2,`, ``, 1), ErrSubmissionVersion, "versjon ingen"},
		{"v2-felt mangler", withoutKey(t, good, "risk", "last_carried_out"), ErrSubmissionInvalid, "«risk.last_carried_out» mangler"},
		{"sammendrag", strings.Replace(good, `"status": "folg_opp"`, `"status": "bra"`, 1), ErrSubmissionInvalid, "summary"},
		{"ukjent felt", strings.Replace(good, `"year":`, `"navn": "Kari", "year":`, 1), ErrSubmissionInvalid, "ukjent felt «navn»"},
		{"mangler felt", strings.Replace(good, `"employees": 22`, `"x": 1`, 1), ErrSubmissionInvalid, "«unit.employees» mangler (og 1 andre feil)"},
		{"mangler felt 2", strings.Replace(good, `"app_version": "1.0.0",`, ``, 1), ErrSubmissionInvalid, "«app_version» mangler"},
		{"feil type", strings.Replace(good, `"year": 2026`, `"year": "2026"`, 1), ErrSubmissionInvalid, "feil type"},
		{"år", strings.Replace(good, `"year": 2026`, `"year": 1999`, 1), ErrSubmissionInvalid, "«year» må være minst 2000"},
		{"sektor", strings.Replace(good, `"sector": "barnehage"`, `"sector": "bank"`, 1), ErrSubmissionInvalid, "«unit.sector» har en ukjent verdi «bank»"},
		{"negativt", strings.Replace(good, `"overdue": 1`, `"overdue": -1`, 1), ErrSubmissionInvalid, "«action_plan.overdue» må være minst 0"},
		{"dato", strings.Replace(good, `"produced": "2027-01-10"`, `"produced": "10.01.2027"`, 1), ErrSubmissionInvalid, "«produced» er ikke en dato"},
		{"sjekkliste", strings.Replace(good, `"point": 8`, `"point": 9`, 1), ErrSubmissionInvalid, "«checklist[7].point» kan være høyst 8"},
		{"rolle", strings.Replace(good, `"leder"`, `"sjef"`, 1), ErrSubmissionInvalid, "sjef"},
		{"fødselsnummer", strings.Replace(good, `Lia barnehage`, `Lia `+genNID(t, 15, 6, 85, 123), 1), ErrSubmissionInvalid, "fødselsnummer"},
		{"rekkefølge", strings.Replace(good, `"point": 8`, `"point": 1`, 1), ErrSubmissionInvalid, "punktene 1–8 i rekkefølge"},
		{"ugyldig dato", strings.Replace(good, `"produced": "2027-01-10"`, `"produced": "2027-13-40"`, 1), ErrSubmissionInvalid, "ugyldig dato"},
		{"kvartal", strings.Replace(good, `"sick_leave": null`, fmt.Sprintf(`"sick_leave": {"target_percent": null, "year_percent": 5, "quarters": [{"quarter": "%s", "percent": 5}], "rules_triggered": [], "measures": 0, "measures_overdue": 0}`, "2025-K4"), 1), ErrSubmissionInvalid, "hører ikke til 2026"},
		{"kvartalsform", strings.Replace(good, `"sick_leave": null`, fmt.Sprintf(`"sick_leave": {"target_percent": null, "year_percent": 5, "quarters": [{"quarter": "%s", "percent": 5}], "rules_triggered": [], "measures": 0, "measures_overdue": 0}`, "2026-Q1"), 1), ErrSubmissionInvalid, "ikke et kvartal"},
		{"sum", strings.Replace(good, `"planlagt": 1`, `"planlagt": 2`, 1), ErrSubmissionInvalid, "by_status må ha alle statuser"},
		{"kode mangler", strings.Replace(good, `"planlagt": 1,`, ``, 1), ErrSubmissionInvalid, "by_status må ha alle statuser"},
		{"ukjent kode", strings.Replace(good, `"planlagt": 1`, `"ferdig": 1`, 1), ErrSubmissionInvalid, "ukjent kode «ferdig»"},
		{"varsler", strings.Replace(good, `"deviations": null`, `"deviations": {"total": 1, "open": 1, "by_category": {"personskade": 1}, "by_severity": {"alvorlig": 1}, "open_serious": 1, "notices_needed": 1, "notices_sent": 0, "notices_sent_after_year": 0, "notices_outstanding": 0}`, 1), ErrSubmissionInvalid, "notices"},
		{"stor", good + strings.Repeat(" ", MaxSubmissionSize), ErrSubmissionTooLarge, "for stor"},
	}
	for _, c := range cases {
		_, err := ReadSubmission([]byte(c.data))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: %v is not %v", c.name, err, c.kind)
		}
		if !strings.Contains(err.Error(), c.reason) {
			t.Errorf("%s: %q lacks %q", c.name, err, c.reason)
		}
	}
}

func FuzzReadSubmission(f *testing.F) {
	good := validSubmission(f)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(`{"schema":"hmsutvalg-innsending","schema_version":1}`))
	f.Add([]byte(`{"schema":"hmsutvalg-innsending","schema_version":1,"risk":{"before":{"x":-1}}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ReadSubmission(b)
		if err != nil {
			return
		}
		// What reads must write and read back the same.
		out, err := s.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadSubmission(out); err != nil {
			t.Fatalf("accepted file does not round-trip: %v", err)
		}
	})
}

// TestSubmissionReadsVersion1: a file written by version 1 of the format
// (the real export of the demo unit, kept in testdata) is still read; the
// fields version 2 added are empty and HasV2 says so.
func TestSubmissionReadsVersion1(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "innsending", "v1-demo-2025.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := ReadSubmission(b)
	if err != nil {
		t.Fatalf("version 1: %v", err)
	}
	if s.SchemaVersion != 1 || s.HasV2() || s.Year != 2025 || s.Summary != nil || s.ActionPlan.OverdueBySource != nil {
		t.Errorf("version 1 read as %+v", s)
	}
	// A version 1 file must not carry version 2 fields.
	bad := bytes.Replace(b, []byte(`"schema_version": 1,`), []byte(`"schema_version": 1, "summary": [],`), 1)
	if _, err := ReadSubmission(bad); err == nil || !strings.Contains(err.Error(), "summary") {
		t.Errorf("version 1 with a version 2 field: %v", err)
	}
}

// withoutKey returns the JSON document doc without the field key of the
// object at path.
func withoutKey(t *testing.T, doc string, path ...string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	obj := v
	for _, k := range path[:len(path)-1] {
		obj = obj[k].(map[string]any)
	}
	delete(obj, path[len(path)-1])
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// BenchmarkReadSubmission reads and validates one submission file
// (schema and cross-field rules).
func BenchmarkReadSubmission(b *testing.B) {
	good := validSubmission(b)
	b.ReportAllocs()
	for range b.N {
		if _, err := ReadSubmission(good); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSubmissionTargetSetBy: the export says whose the sick-leave target
// is (settings saved before the question read as the unit's); a file
// without the field (older program) still reads, and an unknown owner
// is refused.
func TestSubmissionTargetSetBy(t *testing.T) {
	for _, c := range []struct {
		target Percent
		by     TargetOwner
		want   string // in the file; "" = the field left out
	}{
		{74, TargetByMunicipality, `"target_set_by": "kommune"`},
		{52, TargetByUnit, `"target_set_by": "enhet"`},
		{52, "", `"target_set_by": "enhet"`},
		{0, TargetByMunicipality, ""},
	} {
		d := testAnnual()
		d.InUse = map[string]bool{ModuleSykefravar: true}
		d.SickLeaveSettings = SickLeaveSettings{Target: c.target, TargetSetBy: c.by}
		b, err := NewSubmission(d, ComputeAnnualFigures(d), "1.0.0").Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b, []byte(`"target_set_by"`)); got != (c.want != "") || (c.want != "" && !bytes.Contains(b, []byte(c.want))) {
			t.Errorf("%v %q: file has target_set_by %v, want %q", c.target, c.by, got, c.want)
		}
		s, err := ReadSubmission(b)
		if err != nil {
			t.Fatalf("%v %q: %v", c.target, c.by, err)
		}
		if c.want != "" && s.SickLeave.TargetSetBy != c.by && !(c.by == "" && s.SickLeave.TargetSetBy == TargetByUnit) {
			t.Errorf("%v %q: read back %q", c.target, c.by, s.SickLeave.TargetSetBy)
		}
	}
}

func TestSubmissionTargetSetByUnknown(t *testing.T) {
	d := testAnnual()
	d.InUse = map[string]bool{ModuleSykefravar: true}
	d.SickLeaveSettings = SickLeaveSettings{Target: 74, TargetSetBy: TargetByMunicipality}
	b, _ := NewSubmission(d, ComputeAnnualFigures(d), "1.0.0").Marshal()
	old := bytes.Replace(b, []byte(`"target_set_by": "kommune",`), nil, 1)
	if bytes.Equal(old, b) {
		t.Fatal("no target_set_by to remove")
	}
	if s, err := ReadSubmission(old); err != nil || s.SickLeave.TargetSetBy != "" || TargetOwnerName(s.SickLeave) != "mål" {
		t.Errorf("file without target_set_by: %v, %+v", err, s.SickLeave)
	}
	bad := bytes.Replace(b, []byte(`"target_set_by": "kommune"`), []byte(`"target_set_by": "fylke"`), 1)
	if _, err := ReadSubmission(bad); err == nil || !strings.Contains(err.Error(), "target_set_by") {
		t.Errorf("unknown owner: %v", err)
	}
}

// Issue 20: the submission carries only the count of the annual report's
// photos (serious deviations, findings), never a photo, caption or file
// name; the file validates against the schema and reads back.
func TestSubmissionCarriesOnlyPhotoCount(t *testing.T) {
	d := testAnnual()
	d.InUse = map[string]bool{ModuleVernerunder: true, ModuleMoter: true, ModuleAvvik: true}
	photo := func(owner AttachmentOwner, caption string) ReportPhoto {
		return ReportPhoto{Attachment: Attachment{OwnerKind: owner, Kind: AttachPhoto, Caption: caption, Filename: "IMG_4711.jpg"},
			JPEG: []byte("\xFF\xD8\xFFJPEGDATA")}
	}
	d.Photos = []ReportPhoto{photo(OwnerDeviation, "Rømningsveien er sperret"), photo(OwnerDeviation, "Branndøren er kilt opp"),
		photo(OwnerFinding, "Slukkeapparatet mangler kontrollmerke")}
	s := NewSubmission(d, ComputeAnnualFigures(d), "1.0.0")
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if s.Deviations == nil || s.Deviations.Photos != 2 || s.SafetyRounds == nil || s.SafetyRounds.Photos != 1 || s.Meetings == nil || s.Meetings.Photos != 0 {
		t.Fatalf("photo counts: deviations %+v, rounds %+v, meetings %+v", s.Deviations, s.SafetyRounds, s.Meetings)
	}
	for _, leak := range []string{"Rømningsveien", "Branndøren", "Slukkeapparatet", "IMG_4711", "JPEGDATA", "/9j/"} {
		if bytes.Contains(b, []byte(leak)) {
			t.Errorf("the submission carries %q", leak)
		}
	}
	back, err := ReadSubmission(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if back.Deviations.Photos != 2 || back.SafetyRounds.Photos != 1 {
		t.Errorf("read back %+v %+v", back.Deviations, back.SafetyRounds)
	}
	// Without photos the fields are left out, as in files of earlier versions.
	d.Photos = nil
	b, _ = NewSubmission(d, ComputeAnnualFigures(d), "1.0.0").Marshal()
	if bytes.Contains(b, []byte(`"photos"`)) {
		t.Error("photos: 0 written")
	}
}
