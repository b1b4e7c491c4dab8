package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/model/submitdemo"
	"hmsutvalg/reports"
)

// writeDemoSubmissions writes n generated units' files for 2025 and 2026
// into dir and returns the paths of the 2026 files.
func writeDemoSubmissions(t testing.TB, dir string, n int) []string {
	t.Helper()
	units := submitdemo.Units(n, 3)
	var cur []string
	for _, year := range []int{2025, 2026} {
		for i, s := range submitdemo.Year(units, year, 9, true, 0) {
			b, err := s.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, fmt.Sprintf("%d-%04d.json", year, i))
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			if year == 2026 {
				cur = append(cur, p)
			}
		}
	}
	return cur
}

// TestAggregateFolderAndOptions runs the command on a folder of two
// years with a target, a minimum size and a bad file: the report, the
// CSV and the attention CSV are written, the bad file is named and the
// exit code says so.
func TestAggregateFolderAndOptions(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "innsendinger")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	writeDemoSubmissions(t, in, 12)
	os.WriteFile(filepath.Join(in, "tom.json"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "les-meg.txt"), []byte("ikke en innsending"), 0o644)
	pdf, csvPath := filepath.Join(dir, "amu.pdf"), filepath.Join(dir, "amu.csv")
	code, so, se := runCLI("aggregate", in, "--out", pdf, "--csv", csvPath, "--year", "2026", "--target", "7,4", "--min-employees", "10")
	if code != exitError || !strings.Contains(se, "tom.json: filen er tom") || strings.Contains(se, "les-meg.txt") {
		t.Errorf("exit %d, stderr %q", code, se)
	}
	if !strings.Contains(so, "med 12 enheter") || !strings.Contains(so, "amu-oppmerksomhet.csv") {
		t.Errorf("stdout %q", so)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"Kommunens mål 7,4 %", "Endring fra 2025", "færre enn 10 ansatte", "Trenger AMUs oppmerksomhet"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	att, err := os.ReadFile(filepath.Join(dir, "amu-oppmerksomhet.csv"))
	if err != nil || !bytes.HasPrefix(att, []byte("\xEF\xBB\xBFÅr;Liste;Enhet;Kommune;Sektor;Hva\r\n")) {
		t.Errorf("attention csv %v:\n%s", err, att)
	}
	// --year 2025 reports on the older files, with nothing to compare.
	if code, _, se := runCLI("aggregate", in, "--out", pdf, "--year", "2025"); code != exitError || !strings.Contains(se, "gjelder 2026") {
		t.Errorf("2025: %d %q", code, se)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "HMS-internkontroll 2025") || !strings.Contains(text, "ingen sammenligning") {
		t.Error("the 2025 report is not for 2025")
	}
}

func TestAggregateBadOptions(t *testing.T) {
	for _, args := range [][]string{
		{"aggregate", "--out", "x.pdf", "--target", "mye", "a.json"},
		{"aggregate", "--out", "x.pdf", "--target", "0", "a.json"},
		{"aggregate", "--out", "x.pdf", "--min-employees", "0", "a.json"},
		{"aggregate", "--out", "x.pdf", "--min-employees", "fem", "a.json"},
	} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

// benchmarkUnits aggregates n files of one year, as the command does but
// without writing the PDF: reading, validating and the figures, with or
// without a list of the expected units (--units).
func benchmarkUnits(b *testing.B, n int, withList bool) {
	dir := b.TempDir()
	units := submitdemo.Units(n, 1)
	var files []string
	var list strings.Builder
	for i, s := range submitdemo.Year(units, 2026, 1, true, 0) {
		js, _ := s.Marshal()
		p := filepath.Join(dir, fmt.Sprintf("e%05d.json", i))
		if err := os.WriteFile(p, js, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
		list.WriteString(s.Unit.Name + ";" + s.Unit.Municipality + "\n")
	}
	var expected []model.ExpectedUnit
	if withList {
		expected = model.ParseExpectedUnits(list.String())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		subs, problems := reports.ReadSubmissionFiles(files, nil)
		a := model.Aggregate(subs, problems, model.AggregateOptions{Year: 2026, Expected: expected})
		if len(a.Units) != n || len(a.Missing) != 0 {
			b.Fatalf("%d units, %d missing", len(a.Units), len(a.Missing))
		}
	}
}

// BenchmarkAggregateUnits reads and aggregates 100, 1 000 and 5 000
// files, with and without --units. With the list it must take about the
// time without (matching is linear). Results: docs/ytelse.md.
func BenchmarkAggregateUnits(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		for _, list := range []bool{false, true} {
			name := fmt.Sprintf("%d/uten-units", n)
			if list {
				name = fmt.Sprintf("%d/med-units", n)
			}
			b.Run(name, func(b *testing.B) { benchmarkUnits(b, n, list) })
		}
	}
}
