package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/storage"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExit2(t *testing.T) {
	cases := [][]string{
		{"ukjent"},
		{"demo"},
		{"demo", "--db"},
		{"demo", "--db", "x.db", "--scale", "0"},
		{"demo", "--db", "x.db", "--seed", "tre"},
		{"check"},
		{"backup", "--db", "x.db"},
		{"--finnesikke"},
		{"check", "--db", "a.db", "ekstra"},
	}
	for _, args := range cases {
		code, _, stderr := runCLI(args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "Bruk:") && !strings.Contains(stderr, "--") {
			t.Errorf("%v: stderr %q lacks usage", args, stderr)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := runCLI("version")
	if code != exitOK || !strings.HasPrefix(out, "HMS-utvalg ") {
		t.Errorf("version: %d %q", code, out)
	}
	code, out, _ = runCLI("help")
	if code != exitOK || !strings.Contains(out, "hmsutvalg demo --db FIL") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestDemoCheckBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	code, out, errs := runCLI("demo", "--db", db, "--seed", "3")
	if code != exitOK {
		t.Fatalf("demo: %d %s", code, errs)
	}
	if !strings.Contains(out, "Demoenheten") {
		t.Errorf("demo output %q", out)
	}
	before, _ := os.ReadFile(db)
	if code, _, errs := runCLI("demo", "--db", db); code != exitError || !strings.Contains(errs, "finnes allerede") {
		t.Errorf("demo over existing file: %d %q", code, errs)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("demo changed an existing file")
	}
	code, out, _ = runCLI("check", "--db", db)
	if code != exitOK || !strings.Contains(out, "OK") {
		t.Errorf("check: %d %q", code, out)
	}
	bak := filepath.Join(dir, "kopi.db")
	if code, _, errs := runCLI("backup", "--db", db, "--out", bak); code != exitOK {
		t.Fatalf("backup: %d %s", code, errs)
	}
	if code, _, _ := runCLI("check", "--db", bak); code != exitOK {
		t.Error("backup does not pass check")
	}
	if code, _, _ := runCLI("backup", "--db", db, "--out", bak); code != exitError {
		t.Error("backup overwrote an existing file")
	}
}

func TestCheckFailsOnBadFiles(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "rot.db")
	os.WriteFile(garbage, bytes.Repeat([]byte{0xAB}, 8192), 0o600)
	if code, _, errs := runCLI("check", "--db", garbage); code != exitError || !strings.Contains(errs, "ikke en gyldig") {
		t.Errorf("garbage: %d %q", code, errs)
	}
	if code, _, _ := runCLI("check", "--db", filepath.Join(dir, "mangler.db")); code != exitError {
		t.Errorf("missing file: exit %d", code)
	}
	// A damaged page: check says what is wrong, exits 1 and prints no
	// value it could not read (no "Skjemaversjon: 0").
	damaged := filepath.Join(dir, "skadet.db")
	if code, _, errs := runCLI("demo", "--db", damaged); code != exitOK {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(damaged)
	ps := os.Getpagesize()
	for off := 2 * ps; off+ps <= len(b); off += ps {
		if b[off+8] == 0x02 { // every leaf page gets a wrong page id
			b[off] ^= 0x55
		}
	}
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI("check", "--db", damaged)
	if code != exitError || !strings.Contains(out, "skadet") || strings.Contains(out, "Skjemaversjon: 0") || strings.Contains(out, "OK") {
		t.Errorf("damaged: %d\n%s%s", code, out, errs)
	}
}

// While the program has the file open for writing, the read-only commands
// work on a snapshot and leave the file as it was; demo still refuses.
func TestReadOnlyCommandsWhileFileIsOpen(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errs := runCLI("demo", "--db", db); code != exitOK {
		t.Fatal(errs)
	}
	st, err := storage.Open(db, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", "--db", db},
		{"backup", "--db", db, "--out", filepath.Join(dir, "k.db")},
		{"report", "--db", db, "--out", filepath.Join(dir, "r.pdf")},
		{"export", "--db", db, "--out", filepath.Join(dir, "e.json")},
	} {
		if code, _, errs := runCLI(args...); code != exitOK {
			t.Errorf("%s while the file is open: %d %q", args[0], code, errs)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a read-only command changed the file")
	}
	if code, _, errs := runCLI("demo", "--db", db); code != exitError || !strings.Contains(errs, "finnes allerede") {
		t.Errorf("demo into the open file: %d %q", code, errs)
	}
}
