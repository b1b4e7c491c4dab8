package model_test

// The tests of reading submission files (model/submissionfile) live
// beside model's own, for the annual data they start from
// (export_test.go): model writes the file, submissionfile reads it.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
)

func validSubmission(t testing.TB) []byte {
	d := model.TestAnnual()
	b, err := model.NewSubmission(d, model.ComputeAnnualFigures(d), "1.0.0").Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSubmissionRoundTrip(t *testing.T) {
	b := validSubmission(t)
	s, err := submissionfile.Read(append([]byte("\xEF\xBB\xBF"), b...))
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
	if _, err := submissionfile.Read(short); err != nil {
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
		{"tom", "", model.ErrSubmissionEmpty, "tom"},
		{"mellomrom", " \n", model.ErrSubmissionEmpty, "tom"},
		{"avkortet", good[:len(good)/2], model.ErrSubmissionSyntax, "slutter midt i"},
		{"søppel", "\x00\x01PK", model.ErrSubmissionSyntax, "ikke gyldig JSON"},
		{"ikke utf8", "{\"a\":\"\xff\"}", model.ErrSubmissionSyntax, "UTF-8"},
		{"to dokumenter", good + good, model.ErrSubmissionSyntax, "mer innhold"},
		{"liste", "[1,2]", model.ErrSubmissionForeign, "ikke et JSON-objekt"},
		{"fremmed", `{"navn":"x"}`, model.ErrSubmissionForeign, "mangler «schema»"},
		{"annet skjema", `{"schema":"noe-annet","schema_version":1}`, model.ErrSubmissionForeign, "noe-annet"},
		{"ny versjon", strings.Replace(good, `"schema_version": 2`, `"schema_version": 3`, 1), model.ErrSubmissionVersion, "versjon 3"},
		{"gammel versjon", strings.Replace(good, `"schema_version": 2`, `"schema_version": 0`, 1), model.ErrSubmissionVersion, "versjon 0"},
		{"uten versjon", strings.Replace(good, `"schema_version": 2,`, ``, 1), model.ErrSubmissionVersion, "versjon ingen"},
		{"v2-felt mangler", withoutKey(t, good, "risk", "last_carried_out"), model.ErrSubmissionInvalid, "«risk.last_carried_out» mangler"},
		{"sammendrag", strings.Replace(good, `"status": "folg_opp"`, `"status": "bra"`, 1), model.ErrSubmissionInvalid, "summary"},
		{"ukjent felt", strings.Replace(good, `"year":`, `"navn": "Kari", "year":`, 1), model.ErrSubmissionInvalid, "ukjent felt «navn»"},
		{"mangler felt", strings.Replace(good, `"employees": 22`, `"x": 1`, 1), model.ErrSubmissionInvalid, "«unit.employees» mangler (og 1 andre feil)"},
		{"mangler felt 2", strings.Replace(good, `"app_version": "1.0.0",`, ``, 1), model.ErrSubmissionInvalid, "«app_version» mangler"},
		{"feil type", strings.Replace(good, `"year": 2026`, `"year": "2026"`, 1), model.ErrSubmissionInvalid, "feil type"},
		{"år", strings.Replace(good, `"year": 2026`, `"year": 1999`, 1), model.ErrSubmissionInvalid, "«year» må være minst 2000"},
		{"sektor", strings.Replace(good, `"sector": "barnehage"`, `"sector": "bank"`, 1), model.ErrSubmissionInvalid, "«unit.sector» har en ukjent verdi «bank»"},
		{"negativt", strings.Replace(good, `"overdue": 1`, `"overdue": -1`, 1), model.ErrSubmissionInvalid, "«action_plan.overdue» må være minst 0"},
		{"dato", strings.Replace(good, `"produced": "2027-01-10"`, `"produced": "10.01.2027"`, 1), model.ErrSubmissionInvalid, "«produced» er ikke en dato"},
		{"sjekkliste", strings.Replace(good, `"point": 8`, `"point": 9`, 1), model.ErrSubmissionInvalid, "«checklist[7].point» kan være høyst 8"},
		{"rolle", strings.Replace(good, `"leder"`, `"sjef"`, 1), model.ErrSubmissionInvalid, "sjef"},
		{"fødselsnummer", strings.Replace(good, `Lia barnehage`, `Lia `+model.GenNID(t, 15, 6, 85, 123), 1), model.ErrSubmissionInvalid, "fødselsnummer"},
		{"rekkefølge", strings.Replace(good, `"point": 8`, `"point": 1`, 1), model.ErrSubmissionInvalid, "punktene 1–8 i rekkefølge"},
		{"ugyldig dato", strings.Replace(good, `"produced": "2027-01-10"`, `"produced": "2027-13-40"`, 1), model.ErrSubmissionInvalid, "ugyldig dato"},
		{"kvartal", strings.Replace(good, `"sick_leave": null`, fmt.Sprintf(`"sick_leave": {"target_percent": null, "year_percent": 5, "quarters": [{"quarter": "%s", "percent": 5}], "rules_triggered": [], "measures": 0, "measures_overdue": 0}`, "2025-K4"), 1), model.ErrSubmissionInvalid, "hører ikke til 2026"},
		{"kvartalsform", strings.Replace(good, `"sick_leave": null`, fmt.Sprintf(`"sick_leave": {"target_percent": null, "year_percent": 5, "quarters": [{"quarter": "%s", "percent": 5}], "rules_triggered": [], "measures": 0, "measures_overdue": 0}`, "2026-Q1"), 1), model.ErrSubmissionInvalid, "ikke et kvartal"},
		{"sum", strings.Replace(good, `"planlagt": 1`, `"planlagt": 2`, 1), model.ErrSubmissionInvalid, "by_status må ha alle statuser"},
		{"kode mangler", strings.Replace(good, `"planlagt": 1,`, ``, 1), model.ErrSubmissionInvalid, "by_status må ha alle statuser"},
		{"ukjent kode", strings.Replace(good, `"planlagt": 1`, `"ferdig": 1`, 1), model.ErrSubmissionInvalid, "ukjent kode «ferdig»"},
		{"varsler", strings.Replace(good, `"deviations": null`, `"deviations": {"total": 1, "open": 1, "by_category": {"personskade": 1}, "by_severity": {"alvorlig": 1}, "open_serious": 1, "notices_needed": 1, "notices_sent": 0, "notices_sent_after_year": 0, "notices_outstanding": 0}`, 1), model.ErrSubmissionInvalid, "notices"},
		{"stor", good + strings.Repeat(" ", model.MaxSubmissionSize), model.ErrSubmissionTooLarge, "for stor"},
	}
	for _, c := range cases {
		_, err := submissionfile.Read([]byte(c.data))
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

func FuzzRead(f *testing.F) {
	good := validSubmission(f)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte(`{"schema":"hmsutvalg-innsending","schema_version":1}`))
	f.Add([]byte(`{"schema":"hmsutvalg-innsending","schema_version":1,"risk":{"before":{"x":-1}}}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := submissionfile.Read(b)
		if err != nil {
			return
		}
		// What reads must write and read back the same.
		out, err := s.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := submissionfile.Read(out); err != nil {
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
	s, err := submissionfile.Read(b)
	if err != nil {
		t.Fatalf("version 1: %v", err)
	}
	if s.SchemaVersion != 1 || s.HasV2() || s.Year != 2025 || s.Summary != nil || s.ActionPlan.OverdueBySource != nil {
		t.Errorf("version 1 read as %+v", s)
	}
	// A version 1 file must not carry version 2 fields.
	bad := bytes.Replace(b, []byte(`"schema_version": 1,`), []byte(`"schema_version": 1, "summary": [],`), 1)
	if _, err := submissionfile.Read(bad); err == nil || !strings.Contains(err.Error(), "summary") {
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

// BenchmarkRead reads and validates one submission file
// (schema and cross-field rules).
func BenchmarkRead(b *testing.B) {
	good := validSubmission(b)
	b.ReportAllocs()
	for range b.N {
		if _, err := submissionfile.Read(good); err != nil {
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
		target model.Percent
		by     model.TargetOwner
		want   string // in the file; "" = the field left out
	}{
		{74, model.TargetByMunicipality, `"target_set_by": "kommune"`},
		{52, model.TargetByUnit, `"target_set_by": "enhet"`},
		{52, "", `"target_set_by": "enhet"`},
		{0, model.TargetByMunicipality, ""},
	} {
		d := model.TestAnnual()
		d.InUse = map[string]bool{model.ModuleSykefravar: true}
		d.SickLeaveSettings = model.SickLeaveSettings{Target: c.target, TargetSetBy: c.by}
		b, err := model.NewSubmission(d, model.ComputeAnnualFigures(d), "1.0.0").Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b, []byte(`"target_set_by"`)); got != (c.want != "") || (c.want != "" && !bytes.Contains(b, []byte(c.want))) {
			t.Errorf("%v %q: file has target_set_by %v, want %q", c.target, c.by, got, c.want)
		}
		s, err := submissionfile.Read(b)
		if err != nil {
			t.Fatalf("%v %q: %v", c.target, c.by, err)
		}
		if c.want != "" && s.SickLeave.TargetSetBy != c.by && !(c.by == "" && s.SickLeave.TargetSetBy == model.TargetByUnit) {
			t.Errorf("%v %q: read back %q", c.target, c.by, s.SickLeave.TargetSetBy)
		}
	}
}

func TestSubmissionTargetSetByUnknown(t *testing.T) {
	d := model.TestAnnual()
	d.InUse = map[string]bool{model.ModuleSykefravar: true}
	d.SickLeaveSettings = model.SickLeaveSettings{Target: 74, TargetSetBy: model.TargetByMunicipality}
	b, _ := model.NewSubmission(d, model.ComputeAnnualFigures(d), "1.0.0").Marshal()
	old := bytes.Replace(b, []byte(`"target_set_by": "kommune",`), nil, 1)
	if bytes.Equal(old, b) {
		t.Fatal("no target_set_by to remove")
	}
	if s, err := submissionfile.Read(old); err != nil || s.SickLeave.TargetSetBy != "" || model.TargetOwnerName(s.SickLeave) != "mål" {
		t.Errorf("file without target_set_by: %v, %+v", err, s.SickLeave)
	}
	bad := bytes.Replace(b, []byte(`"target_set_by": "kommune"`), []byte(`"target_set_by": "fylke"`), 1)
	if _, err := submissionfile.Read(bad); err == nil || !strings.Contains(err.Error(), "target_set_by") {
		t.Errorf("unknown owner: %v", err)
	}
}

// Issue 20: the submission carries only the count of the annual report's
// photos (serious deviations, findings), never a photo, caption or file
// name; the file validates against the schema and reads back.
func TestSubmissionCarriesOnlyPhotoCount(t *testing.T) {
	d := model.TestAnnual()
	d.InUse = map[string]bool{model.ModuleVernerunder: true, model.ModuleMoter: true, model.ModuleAvvik: true}
	photo := func(owner model.AttachmentOwner, caption string) model.ReportPhoto {
		return model.ReportPhoto{Attachment: model.Attachment{OwnerKind: owner, Kind: model.AttachPhoto, Caption: caption, Filename: "IMG_4711.jpg"},
			JPEG: []byte("\xFF\xD8\xFFJPEGDATA")}
	}
	d.Photos = []model.ReportPhoto{photo(model.OwnerDeviation, "Rømningsveien er sperret"), photo(model.OwnerDeviation, "Branndøren er kilt opp"),
		photo(model.OwnerFinding, "Slukkeapparatet mangler kontrollmerke")}
	s := model.NewSubmission(d, model.ComputeAnnualFigures(d), "1.0.0")
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
	back, err := submissionfile.Read(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if back.Deviations.Photos != 2 || back.SafetyRounds.Photos != 1 {
		t.Errorf("read back %+v %+v", back.Deviations, back.SafetyRounds)
	}
	// Without photos the fields are left out, as in files of earlier versions.
	d.Photos = nil
	b, _ = model.NewSubmission(d, model.ComputeAnnualFigures(d), "1.0.0").Marshal()
	if bytes.Contains(b, []byte(`"photos"`)) {
		t.Error("photos: 0 written")
	}
}
