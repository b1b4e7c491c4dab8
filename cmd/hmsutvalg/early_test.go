package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/internal/oneshot"
)

// asProgram, set in a child's environment, makes this test binary run as
// the program itself with the child's arguments (TestMain), so that its
// package initialisation sees the command line as the program's would.
const asProgram = "HMSUTVALG_TEST_AS_PROGRAM"

func TestMain(m *testing.M) {
	if os.Getenv(asProgram) == "1" {
		code := run(os.Args[1:], os.Stdout, os.Stderr)
		fmt.Fprintf(os.Stderr, "lest under oppstarten: %v\n", oneshot.Started())
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// runAsProgram runs args as the program in a new process.
func runAsProgram(t *testing.T, args ...string) (code int, output string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asProgram+"=1")
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil {
		t.Fatalf("%v: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), string(out)
}

// TestReportReadWhileProgramStarts: `report` and `export` read the year
// while the program initialises (internal/oneshot), and the results are
// those of the same commands read after it (in this process, where
// nothing was read early): the same report text, the same submission,
// the same message for a missing file.
func TestReportReadWhileProgramStarts(t *testing.T) {
	needTools(t)
	dir := t.TempDir()
	db := demoDB(t, dir, 3)
	common := []string{"--db", db, "--year", "2026", "--today", "15.01.2027"}
	for _, c := range []struct{ cmd, ext string }{{"report", ".pdf"}, {"export", ".json"}} {
		early, late := filepath.Join(dir, "tidlig"+c.ext), filepath.Join(dir, "sent"+c.ext)
		code, out := runAsProgram(t, append([]string{c.cmd, "--out", early}, common...)...)
		if code != 0 || !strings.Contains(out, "lest under oppstarten: true") {
			t.Fatalf("%s in its own process: exit %d\n%s", c.cmd, code, out)
		}
		if code, _, stderr := runCLI(append([]string{c.cmd, "--out", late}, common...)...); code != 0 || oneshot.Started() {
			t.Fatalf("%s in this process: exit %d, read early %v: %s", c.cmd, code, oneshot.Started(), stderr)
		}
		if c.ext == ".pdf" {
			if a, b := pdfText(t, early), pdfText(t, late); a != b {
				t.Errorf("the report read early differs from the one read after start-up:\n%s\n---\n%s", a, b)
			}
			continue
		}
		a, errA := os.ReadFile(early)
		b, errB := os.ReadFile(late)
		if errA != nil || errB != nil || string(a) != string(b) {
			t.Errorf("the submission read early differs (%v, %v):\n%s\n---\n%s", errA, errB, a, b)
		}
	}
	missing := filepath.Join(dir, "finnes-ikke.db")
	code, out := runAsProgram(t, "report", "--db", missing, "--out", filepath.Join(dir, "x.pdf"))
	if code != 1 || !strings.Contains(out, "Fant ikke filen «"+missing+"».") || !strings.Contains(out, "lest under oppstarten: true") {
		t.Errorf("a missing file read early: exit %d\n%s", code, out)
	}
	// Arguments the early start does not take as a report (here the
	// help text): nothing is read early, and the command runs as always.
	if code, out := runAsProgram(t, "help"); code != 0 || !strings.Contains(out, "lest under oppstarten: false") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}
