package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
	"hmsutvalg/reports"
	"hmsutvalg/storage/demo"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/reports/demo-*.golden.txt")

// reportToday is the fixed date of the golden tests: January, when the
// report for last year is written.
var reportToday = model.NewDate(2027, time.January, 15)

func demoDB(t testing.TB, dir string, seed int64) string {
	t.Helper()
	db := filepath.Join(dir, fmt.Sprintf("enhet-%d.db", seed))
	if err := demo.Create(db, demo.Options{Seed: seed, Scale: 1, Today: reportToday, User: "test"}); err != nil {
		t.Fatal(err)
	}
	return db
}

func deterministic() reports.Options {
	return reports.Options{Deterministic: true, Created: time.Date(2027, time.January, 15, 9, 0, 0, 0, time.UTC)}
}

func needTools(t *testing.T) {
	for _, tool := range []string{"pdftotext", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

var blanks = regexp.MustCompile(`[ \t]+`)

// pdfText is pdftotext -layout with runs of spaces and blank lines
// removed and a marker per page, as the reports package's golden tests.
func pdfText(t *testing.T, path string) string {
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, page := range strings.Split(strings.TrimRight(string(out), "\f\n"), "\f") {
		fmt.Fprintf(&b, "=== side %d ===\n", i+1)
		for _, line := range strings.Split(page, "\n") {
			if line = strings.TrimSpace(blanks.ReplaceAllString(line, " ")); line != "" {
				b.WriteString(line + "\n")
			}
		}
	}
	return b.String()
}

func qpdfCheck(t *testing.T, path string) {
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "reports", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s line %d:\n got %q\nwant %q\n(run with -update if intended)", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", name, len(gl), len(wl))
	}
}

func TestReportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"report"}, {"report", "--db", "x.db"}, {"report", "--db", "x.db", "--out", "r.pdf", "--year", "20x6"},
		{"report", "--db", "x.db", "--out", "r.pdf", "--today", "i går"},
		{"export", "--db", "x.db"}, {"aggregate"}, {"aggregate", "--out", "s.pdf"}, {"aggregate", "a.json"},
		{"aggregate", "--out", "s.pdf", "--year", "1999", "a.json"}, {"aggregate", "--ukjent", "a.json"},
	} {
		if code, _, errs := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errs)
		}
	}
	if code, _, errs := runCLI("report", "--db", filepath.Join(t.TempDir(), "mangler.db"), "--out", "r.pdf"); code != exitError ||
		!strings.Contains(errs, "Fant ikke filen «") {
		t.Errorf("missing db: %d %q", code, errs)
	}
	_, out, _ := runCLI("help")
	for _, c := range []string{"hmsutvalg report", "hmsutvalg export", "hmsutvalg aggregate"} {
		if !strings.Contains(out, c) {
			t.Errorf("usage lacks %s", c)
		}
	}
}

// TestGoldenDemoReport writes the annual report of the demo unit through
// the command line's own path and compares its text.
func TestGoldenDemoReport(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	out := filepath.Join(dir, "arsrapport.pdf")
	var so, se bytes.Buffer
	job := annualJob{db: db, out: out, year: 2026, today: reportToday, opts: deterministic()}
	if code := runReport(job, &so, &se); code != exitOK {
		t.Fatalf("%d %s", code, se.String())
	}
	qpdfCheck(t, out)
	text := pdfText(t, out)
	for _, want := range []string{"Årsrapport for HMS-arbeidet 2026", "Bjørkeli", "Sjekkliste for internkontroll", "Side 1 av"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	golden(t, "demo-arsrapport.golden.txt", text)

	// The same bytes from a second run.
	a, _ := os.ReadFile(out)
	if code := runReport(job, &so, &se); code != exitOK {
		t.Fatal(se.String())
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(a, b) {
		t.Error("deterministic report differs between runs")
	}
	// And through the command line itself.
	if code, _, errs := runCLI("report", "--db", db, "--year", "2026", "--out", filepath.Join(dir, "cli.pdf"), "--today", "15.01.2027"); code != exitOK {
		t.Errorf("cli: %d %s", code, errs)
	}
}

// TestExportAndAggregate exports three demo units and one bad file, and
// aggregates them.
func TestExportAndAggregate(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	var files []string
	for _, seed := range []int64{1, 2, 3} {
		db := demoDB(t, dir, seed)
		out := filepath.Join(dir, fmt.Sprintf("innsending-%d.json", seed))
		var so, se bytes.Buffer
		if code := runExport(annualJob{db: db, out: out, year: 2026, today: reportToday}, &so, &se); code != exitOK {
			t.Fatalf("export %d: %s", seed, se.String())
		}
		b, _ := os.ReadFile(out)
		if _, err := submissionfile.Read(b); err != nil {
			t.Fatalf("export %d does not validate: %v", seed, err)
		}
		files = append(files, out)
	}
	bad := filepath.Join(dir, "feil.json")
	os.WriteFile(bad, []byte(`{"schema":"hmsutvalg-innsending","schema_version":7}`), 0o644)
	units := filepath.Join(dir, "enheter.txt")
	os.WriteFile(units, []byte("Bjørkeli bo- og behandlingssenter\nFinnes ikke skole\n"), 0o644)

	pdf, csvPath := filepath.Join(dir, "samlet.pdf"), filepath.Join(dir, "samlet.csv")
	var so, se bytes.Buffer
	job := aggregateJob{out: pdf, csv: csvPath, units: units, files: append(files, bad), opts: deterministic()}
	code := runAggregate(job, &so, &se)
	if code != exitError || !strings.Contains(se.String(), "feil.json: filen har en versjon som ikke støttes") {
		t.Errorf("exit %d, stderr %q", code, se.String())
	}
	if !strings.Contains(so.String(), "3 enheter") || !strings.Contains(so.String(), "Finnes ikke skole") {
		t.Errorf("stdout %q", so.String())
	}
	qpdfCheck(t, pdf)
	text := pdfText(t, pdf)
	text = strings.ReplaceAll(text, dir+string(filepath.Separator), "")
	golden(t, "demo-samlet.golden.txt", text)
	b, _ := os.ReadFile(csvPath)
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || bytes.Count(b, []byte("\r\n")) != 4 {
		t.Errorf("csv:\n%s", b)
	}

	// Only good files: exit 0; flags after the files work too.
	if code, _, errs := runCLI(append([]string{"aggregate"}, append(files, "--out", pdf)...)...); code != exitOK {
		t.Errorf("good files: %d %s", code, errs)
	}
	// Only bad files: no report, exit 1.
	if code, _, _ := runCLI("aggregate", "--out", filepath.Join(dir, "ingen.pdf"), bad); code != exitError {
		t.Errorf("bad only: %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "ingen.pdf")); err == nil {
		t.Error("a report was written from no valid files")
	}
}

// BenchmarkAnnualReportScale50 reads the heavy demo unit (demo --scale
// 50) and writes its annual report, as `hmsutvalg report` does.
func BenchmarkAnnualReportScale50(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "stor.db")
	if err := demo.Create(db, demo.Options{Seed: 1, Scale: 50, Today: reportToday, User: "bench"}); err != nil {
		b.Fatal(err)
	}
	job := annualJob{db: db, out: filepath.Join(dir, "r.pdf"), year: 2026, today: reportToday}
	b.ResetTimer()
	for range b.N {
		var so, se bytes.Buffer
		if code := runReport(job, &so, &se); code != exitOK {
			b.Fatal(se.String())
		}
	}
}

// BenchmarkAggregate100 aggregates 100 submission files into the PDF and
// the CSV, as `hmsutvalg aggregate` does. Target: under 1 s.
func BenchmarkAggregate100(b *testing.B) { benchmarkAggregate(b, 100) }

// BenchmarkAggregate1000 is the same with 1 000 files. Target: under 5 s.
func BenchmarkAggregate1000(b *testing.B) { benchmarkAggregate(b, 1000) }

func benchmarkAggregate(b *testing.B, n int) {
	dir := b.TempDir()
	db := demoDB(b, dir, 1)
	data, err := loadAnnual(annualJob{db: db, year: 2026, today: reportToday})
	if err != nil {
		b.Fatal(err)
	}
	var files []string
	for i := range n {
		data.Unit.Name = fmt.Sprintf("Enhet %04d", i)
		js, err := reports.SubmissionJSON(data, "bench")
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("e%04d.json", i))
		if err := os.WriteFile(p, js, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	job := aggregateJob{out: filepath.Join(dir, "s.pdf"), csv: filepath.Join(dir, "s.csv"), files: files}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		var so, se bytes.Buffer
		if code := runAggregate(job, &so, &se); code != exitOK {
			b.Fatal(se.String())
		}
	}
}
