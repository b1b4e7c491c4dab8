package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/model/submitdemo"
)

// demoFolder writes the made-up municipality's files for 2025 and 2026
// into one folder: 44 units in four sectors (some with fewer than 5
// employees), four units without a file for 2026, the 2025 files and one
// 2026 file without agreed working days, and six files that cannot be
// used. It returns the
// folder and the list of expected units.
func demoFolder(t testing.TB) (dir string, expected []model.ExpectedUnit) {
	dir = t.TempDir()
	units := submitdemo.Units(44, 11)
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var first []byte
	for _, y := range []struct {
		year int
		days bool
		skip int
	}{{2025, false, 0}, {2026, true, 11}} {
		for i, s := range submitdemo.Year(units, y.year, 5, y.days, y.skip) {
			b, err := s.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if y.year == 2026 && i == 3 { // a file from an older program: no agreed days
				b = regexp.MustCompile(`,\s*"agreed_days": \d+`).ReplaceAll(b, nil)
			}
			write(fmt.Sprintf("%d-%02d.json", y.year, i), b)
			if y.year == 2026 && i == 0 {
				first = b
			}
		}
	}
	for _, u := range units {
		expected = append(expected, model.ExpectedUnit{Name: u.Name, Municipality: submitdemo.Municipality})
	}
	expected = append(expected, model.ExpectedUnit{Name: "Rådhuset"})
	// Files that cannot be used.
	older := bytes.Replace(first, []byte(`"produced": "2027-01-`), []byte(`"produced": "2026-12-`), 1)
	write("kopi-eldre.json", older)
	write("avkortet.json", first[:len(first)/3])
	write("fremmed.json", []byte(`{"type": "regneark", "rader": []}`))
	write("ny-versjon.json", bytes.Replace(first, []byte(`"schema_version": 2`), []byte(`"schema_version": 3`), 1))
	write("stor.json", append(append([]byte(`{"schema": "hmsutvalg-innsending", "x": "`), bytes.Repeat([]byte("A"), model.MaxSubmissionSize)...), `"}`...))
	write("feil-sektor.json", bytes.Replace(first, []byte(`"sector": "sykehjem"`), []byte(`"sector": "bank"`), 1))
	write("notater.txt", []byte("ikke med: ikke .json"))
	return dir, expected
}

func demoAggregate(t testing.TB) Aggregation {
	dir, expected := demoFolder(t)
	target := 7.4
	a := AggregateFilesWith([]string{dir}, model.AggregateOptions{Year: 2026, Expected: expected, Target: &target}, nil)
	for i := range a.Problems {
		a.Problems[i].File = filepath.Base(a.Problems[i].File)
	}
	return a
}

// TestDemoAggregate checks the generated municipality's aggregate: the
// years, the units, the files named with their reason.
func TestDemoAggregate(t *testing.T) {
	a := demoAggregate(t)
	if a.Year != 2026 || a.Previous != 2025 || len(a.Units) != 40 || len(a.PrevUnits) != 44 || len(a.Sectors) != 4 {
		t.Fatalf("year %v/%v, %d units, %d before, %d sectors", a.Year, a.Previous, len(a.Units), len(a.PrevUnits), len(a.Sectors))
	}
	if len(a.Missing) != 5 || a.Failed() != 6 {
		t.Errorf("missing %v, failed %d: %+v", a.Missing, a.Failed(), a.Problems)
	}
	reasons := map[string]string{}
	for _, p := range a.Problems {
		reasons[p.File] = p.Reason
	}
	for file, want := range map[string]string{
		"kopi-eldre.json":  "erstattet av den nyere filen 2026-00.json",
		"avkortet.json":    "avkortet",
		"fremmed.json":     "ikke en innsendingsfil",
		"ny-versjon.json":  "versjon 3",
		"stor.json":        "for stor",
		"feil-sektor.json": "«unit.sector» har en ukjent verdi «bank»",
	} {
		if !strings.Contains(reasons[file], want) {
			t.Errorf("%s: %q, want %q", file, reasons[file], want)
		}
	}
	if a.SickLeave.ByDays || a.SickLeave.NoDays != 1 || a.PrevSick.ByDays || a.PrevSick.NoDays != 44 {
		t.Errorf("weighting %+v / %+v", a.SickLeave, a.PrevSick)
	}
	small := 0
	for _, s := range a.Sectors {
		small += s.Small
	}
	if small == 0 {
		t.Error("no small units")
	}
}

// TestGoldenDemoAggregate renders the generated municipality's report
// and compares its text; the small units' sick leave must not be in it.
func TestGoldenDemoAggregate(t *testing.T) {
	a := demoAggregate(t)
	d := AggregateReport(a, testOpts())
	path := writePDF(t, d, "samlet-demo.pdf")
	qpdfCheck(t, path)
	if dir := os.Getenv("HMSUTVALG_KEEP_PDF"); dir != "" {
		b, _ := os.ReadFile(path)
		_ = os.WriteFile(filepath.Join(dir, "samlet-demo.pdf"), b, 0o644)
	}
	text := normalizeText(pdfText(t, path))
	checkGolden(t, "samlet-demo.golden.txt", text)
	j := qpdfJSON(t, path)
	var outline []string
	outlineTree(j["outlines"].([]any), "", &outline)
	joined := strings.Join(outline, "\n")
	for _, want := range []string{"Sammendrag for kommunen@2", "Sykefravær per enhet@", "Avvik@", "Risikobildet@", "10-FAKTOR@",
		"Trenger AMUs oppmerksomhet@", "  Kartlegging av vold og trusler (kap. 3A, tidligere 23A)", "Sektorene@", "  Hjemmetjeneste@",
		"Vedlegg: alle enheter@", "Innsendingsfilene@"} {
		if !strings.Contains(joined, want) {
			t.Errorf("outline lacks %q:\n%s", want, joined)
		}
	}
	if lang := catalogLang(t, j); lang != "u:nb-NO" {
		t.Errorf("/Lang = %v", lang)
	}
	if strings.Contains(strings.ReplaceAll(text, "tidligere 23A", ""), "23A") {
		t.Error("23A without «kap. 3A (tidligere 23A)»")
	}
	for _, s := range a.Units {
		if !model.SmallUnit(s, a.MinEmployees) || s.SickLeave == nil || s.SickLeave.Year == nil {
			continue
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, s.Unit.Name) && strings.Contains(line, pctF(*s.SickLeave.Year)) {
				t.Errorf("small unit's sick leave shown: %q", line)
			}
		}
	}
	csv := string(AttentionCSV(a))
	if !strings.HasPrefix(csv, "\uFEFFÅr;Liste;Enhet") || strings.Count(csv, "\r\n") != a.Attention.Count()+1 {
		t.Errorf("attention csv:\n%s", csv)
	}
}

// FuzzAggregateFile writes any bytes as a submission file and aggregates
// it with a good one: the reader never panics, the file is either a unit
// or a problem with a reason, and the good file always counts.
func FuzzAggregateFile(f *testing.F) {
	units := submitdemo.Units(2, 1)
	good, _ := submitdemo.Submission(units[0], 2026, 1, true).Marshal()
	other, _ := submitdemo.Submission(units[1], 2026, 1, false).Marshal()
	f.Add(other)
	f.Add(other[:len(other)/2])
	f.Add(bytes.Replace(other, []byte(`"schema_version": 2`), []byte(`"schema_version": 1`), 1))
	f.Add(bytes.Replace(other, []byte(`"year": 2026`), []byte(`"year": 2025`), 1))
	f.Add(good) // the same unit twice
	f.Add([]byte(`{"schema": "hmsutvalg-innsending", "schema_version": 2, "unit": {"name": 5}}`))
	dir := f.TempDir()
	goodPath := filepath.Join(dir, "god.json")
	if err := os.WriteFile(goodPath, good, 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "x.json")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		a := AggregateFilesWith([]string{goodPath, p}, model.AggregateOptions{Year: 2026}, nil)
		used := 0
		for _, u := range append(a.Units, a.PrevUnits...) {
			if u.File == p {
				used++
			}
		}
		named := 0
		for _, pr := range a.Problems {
			if pr.File == p && pr.Reason != "" {
				named++
			}
		}
		if used+named != 1 {
			t.Fatalf("the file is used %d times and named %d times: %+v", used, named, a.Problems)
		}
		if len(a.Units) == 0 {
			t.Fatal("the good file does not count")
		}
	})
}

// TestReadRefusesHugeFileUnread: a 50 MB file (sparse, so the test is
// cheap) is refused from its size, and a folder's other files still
// count; files that are not .json in a folder are left alone.
func TestReadRefusesHugeFileUnread(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "enorm.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	good, _ := submitdemo.Submission(submitdemo.Units(1, 1)[0], 2026, 1, true).Marshal()
	os.WriteFile(filepath.Join(dir, "god.json"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "bilde.png"), []byte("PNG"), 0o644)
	os.Mkdir(filepath.Join(dir, "undermappe.json"), 0o755)
	var done []int
	subs, problems := ReadSubmissionFiles([]string{dir}, func(n int) { done = append(done, n) })
	if fmt.Sprint(done) != "[1 2]" {
		t.Errorf("progress %v", done)
	}
	if len(subs) != 1 || len(problems) != 1 || problems[0].File != huge ||
		!strings.Contains(problems[0].Reason, "for stor (52 428 800 byte") {
		t.Errorf("subs %d, problems %+v", len(subs), problems)
	}
	// A path that does not exist is named too.
	_, problems = ReadSubmissionFiles([]string{filepath.Join(dir, "borte.json")}, nil)
	if len(problems) != 1 || problems[0].Reason != "filen finnes ikke" {
		t.Errorf("%+v", problems)
	}
}
