package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// emptyDB makes a unit with nothing in it, through the init command.
func emptyDB(t *testing.T, dir, name string) string {
	t.Helper()
	db := filepath.Join(dir, name)
	if code, _, errs := runCLI("init", "--db", db, "--unit", "Tom enhet", "--municipality", "Nordby", "--sector", "barnehage", "--employees", "12"); code != exitOK {
		t.Fatalf("init: %s", errs)
	}
	return db
}

func readCSV(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// export → import into an empty unit → export again gives the same files,
// from CSV and from the workbook; a second import finds every row there
// already and adds nothing; the file checks clean.
func TestImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := demoDB(t, dir, 1)
	first, xlsx := filepath.Join(dir, "first"), filepath.Join(dir, "first.xlsx")
	if code, _, errs := runCLI("registers", "--db", src, "--out", first, "--xlsx", xlsx, "--descriptions"); code != exitOK {
		t.Fatal(errs)
	}
	for _, from := range []string{"csv", "xlsx"} {
		db := emptyDB(t, dir, from+".db")
		for _, reg := range []string{"handlingsplan", "avvik"} {
			in := filepath.Join(first, reg+".csv")
			if from == "xlsx" {
				in = xlsx
			}
			code, out, errs := runCLI("import", "--db", db, "--register", reg, "--in", in, "--today", reportToday.String())
			if code != exitOK || !strings.Contains(out, "Importerte") {
				t.Fatalf("%s %s: exit %d\n%s%s", from, reg, code, out, errs)
			}
		}
		again := filepath.Join(dir, from+"-again")
		if code, _, errs := runCLI("registers", "--db", db, "--out", again, "--descriptions"); code != exitOK {
			t.Fatal(errs)
		}
		for _, reg := range []string{"handlingsplan", "avvik"} {
			a, b := readCSV(t, first, reg), readCSV(t, again, reg)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: %s.csv differs after export → import → export (%d vs %d bytes)", from, reg, len(a), len(b))
			}
			if bytes.Count(a, []byte("\r\n")) < 20 {
				t.Errorf("%s.csv has too few rows to prove anything", reg)
			}
		}
		if code, out, _ := runCLI("check", "--db", db); code != exitOK {
			t.Errorf("%s: check after import: %s", from, out)
		}
		code, out, _ := runCLI("import", "--db", db, "--register", "avvik", "--in", filepath.Join(first, "avvik.csv"), "--today", reportToday.String())
		if code != exitOK || !strings.Contains(out, "finnes allerede") || strings.Contains(out, "Importerte") {
			t.Errorf("%s: second import: exit %d\n%s", from, code, out)
		}
	}
}

// plainExport writes the demo unit's registers without descriptions (the
// default) and returns the folder.
func plainExport(t *testing.T, dir string) string {
	t.Helper()
	plain := filepath.Join(dir, "plain")
	if code, _, errs := runCLI("registers", "--db", demoDB(t, dir, 1), "--out", plain); code != exitOK {
		t.Fatal(errs)
	}
	return plain
}

// Deviations imported before the action plan lose their links to
// measures, and the command says so and says to import the plan first
// (handlingsplan.csv lies beside avvik.csv, so it names the measures).
func TestImportDeviationsBeforePlanSaysLinksDropped(t *testing.T) {
	dir := t.TempDir()
	plain := plainExport(t, dir)
	db := emptyDB(t, dir, "avvik-forst.db")
	code, out, errs := runCLI("import", "--db", db, "--register", "avvik", "--in", filepath.Join(plain, "avvik.csv"), "--today", reportToday.String(), "--dry-run")
	for _, want := range []string{
		"Tiltakene avvikene viser til, kjennes igjen fra handlingsplan.csv i samme mappe.",
		"koblinger til tiltak tas ikke med",
		"importer handlingsplanen fra samme eksport først",
		"er ikke i handlingsplanen ennå; koblingen tas ikke med",
	} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("avvik before the plan lacks %q: exit %d\n%s%s", want, code, out, errs)
		}
	}
}

// The default export (without descriptions) imports into an empty unit,
// the plan first: every row, links kept, the required texts marked as
// missing, and the summary says so; exported again it is the same file.
func TestImportDefaultExportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	plain := plainExport(t, dir)
	db := emptyDB(t, dir, "plan-forst.db")
	for _, reg := range []string{"handlingsplan", "avvik"} {
		code, out, errs := runCLI("import", "--db", db, "--register", reg, "--in", filepath.Join(plain, reg+".csv"), "--today", reportToday.String())
		if code != exitOK || !strings.Contains(out, "Importerte") || !strings.Contains(out, "Filen er uten beskrivelser") || strings.Contains(out, "tas ikke med –") {
			t.Fatalf("%s: exit %d\n%s%s", reg, code, out, errs)
		}
	}
	again := filepath.Join(dir, "again")
	if code, _, errs := runCLI("registers", "--db", db, "--out", again); code != exitOK {
		t.Fatal(errs)
	}
	for _, reg := range []string{"handlingsplan", "avvik"} {
		if a, b := readCSV(t, plain, reg), readCSV(t, again, reg); !bytes.Equal(a, b) {
			t.Errorf("%s.csv differs after export → import → export without descriptions", reg)
		}
	}
	full := filepath.Join(dir, "full")
	if code, _, errs := runCLI("registers", "--db", db, "--out", full, "--descriptions"); code != exitOK {
		t.Fatal(errs)
	}
	if n := bytes.Count(readCSV(t, full, "avvik"), []byte("Ikke med i importfilen")); n < 20 {
		t.Errorf("%d deviations marked as imported without their text", n)
	}
	if code, out, _ := runCLI("check", "--db", db); code != exitOK {
		t.Errorf("check after import: %s", out)
	}
}

// The command's messages speak of the command line, and name files in
// «».
func TestImportCommandWording(t *testing.T) {
	dir := t.TempDir()
	db := emptyDB(t, dir, "tom.db")
	bad := filepath.Join(dir, "plan.csv")
	if err := os.WriteFile(bad, []byte("Tiltak;Ansvarlig;Frist;Prioritert område\nNy plan;Leder;i morgen;Ledelse\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, errs := runCLI("import", "--db", db, "--register", "handlingsplan", "--in", bad)
	if !strings.Contains(errs, "kjør kommandoen på nytt") || strings.Contains(errs, "velg den") || strings.Contains(errs, "Frist: ") {
		t.Errorf("bad file: %q", errs)
	}
	missing := filepath.Join(dir, "new.db")
	if _, _, errs := runCLI("import", "--db", missing, "--register", "avvik", "--in", bad); !strings.Contains(errs, "Fant ikke filen «"+missing+"»") {
		t.Errorf("missing database: %q", errs)
	}
}

// A bad row imports nothing and names the line; --dry-run saves nothing.
func TestImportCommandRefusesAndDryRuns(t *testing.T) {
	dir := t.TempDir()
	db := emptyDB(t, dir, "tom.db")
	bad := filepath.Join(dir, "plan.csv")
	content := "Tiltak;Ansvarlig;Frist;Prioritert område\nRydde lager;Leder;31.03.2026;Ledelse\nNy plan;Leder;i morgen;Ledelse\n"
	if err := os.WriteFile(bad, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI("import", "--db", db, "--register", "handlingsplan", "--in", bad)
	if code != exitError || !strings.Contains(errs, "Linje 3, kolonne «Frist»") {
		t.Errorf("bad file: exit %d %q", code, errs)
	}
	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(good, []byte(strings.Replace(content, "i morgen", "01.04.2026", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI("import", "--db", db, "--register", "handlingsplan", "--in", good, "--dry-run")
	if code != exitOK || !strings.Contains(out, "2 tiltak er klare") || !strings.Contains(out, "ingenting er lagret") {
		t.Errorf("dry run: exit %d %q", code, out)
	}
	if code, out, _ := runCLI("import", "--db", db, "--register", "handlingsplan", "--in", good); code != exitOK || !strings.Contains(out, "Importerte 2") {
		t.Errorf("after the dry run the import found %q (exit %d)", out, code)
	}
	for _, args := range [][]string{
		{"import", "--db", db, "--in", good},
		{"import", "--db", db, "--register", "risiko", "--in", good},
		{"import", "--db", db, "--register", "avvik"},
	} {
		if code, _, _ := runCLI(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// The README's command list and the usage text name the same commands.
func TestReadmeListsEveryCommand(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, usage, _ := runCLI("help")
	cmds := regexp.MustCompile(`(?m)^\s*hmsutvalg ([a-z]+)\b`)
	names := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, m := range cmds.FindAllStringSubmatch(s, -1) {
			out[m[1]] = true
		}
		return out
	}
	inReadme, inUsage := names(string(readme)), names(usage)
	for c := range inUsage {
		if !inReadme[c] {
			t.Errorf("README lacks «hmsutvalg %s»", c)
		}
	}
	for c := range inReadme {
		if !inUsage[c] {
			t.Errorf("README lists «hmsutvalg %s», which the usage text does not", c)
		}
		if code, _, errs := runCLI(c, "--ukjent-flagg"); strings.Contains(errs, "Ukjent kommando") {
			t.Errorf("README lists «hmsutvalg %s», which is no command (exit %d)", c, code)
		}
	}
	if !inUsage["import"] || len(inUsage) < 10 {
		t.Errorf("usage names %v", inUsage)
	}
}
