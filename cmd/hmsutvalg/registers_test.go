package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestRegistersCommandWritesCSVAndWorkbook(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	out := filepath.Join(dir, "registre")
	xlsx := filepath.Join(dir, "registre.xlsx")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"registers", "--db", db, "--out", out, "--xlsx", xlsx, "--year", "2026"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "Advarsel") {
		t.Error("warning printed without --descriptions")
	}
	for _, name := range []string{"handlingsplan", "avvik", "risikoforhold", "vernerundefunn", "opplaering", "moter-og-vedtak", "sykefravaer"} {
		b, err := os.ReadFile(filepath.Join(out, name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if lines := bytes.Count(b, []byte("\r\n")); lines < 2 {
			t.Errorf("%s.csv has %d lines; the demo unit has records in 2026", name, lines)
		}
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := len(f.GetSheetList()); n != 7 {
		t.Errorf("%d sheets, want 7", n)
	}
	rows, _ := f.GetRows("Avvik")
	if len(rows) < 2 {
		t.Errorf("no deviations in the workbook")
	}
}

func TestRegistersDescriptionsWarn(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	var stdout, stderr bytes.Buffer
	code := run([]string{"registers", "--db", db, "--out", dir, "--descriptions"}, &stdout, &stderr)
	if code != exitOK || !strings.Contains(stderr.String(), "Advarsel") {
		t.Errorf("exit %d, stderr %q: want a warning", code, stderr.String())
	}
	var e bytes.Buffer
	if code := run([]string{"registers", "--db", db}, &stdout, &e); code != exitUsage {
		t.Errorf("without --out and --xlsx: exit %d, want %d", code, exitUsage)
	}
}
