package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
)

// oneShotCommands are the commands that read the file with
// storage.ReadOnce, with their arguments after --db.
func oneShotCommands(dir string) map[string][]string {
	return map[string][]string{
		"report":   {"--year", "2026", "--today", "15.01.2027", "--out", filepath.Join(dir, "r.pdf")},
		"export":   {"--year", "2026", "--today", "15.01.2027", "--out", filepath.Join(dir, "e.json")},
		"status":   {"--today", "15.01.2027"},
		"calendar": {"--out", filepath.Join(dir, "k.ics")},
	}
}

// damageFile rewrites the pages of path for which change returns true.
func damageFile(t *testing.T, path string, change func(page []byte, id uint64) bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ps, n := os.Getpagesize(), 0
	for off := 2 * ps; off+ps <= len(b); off += ps {
		if change(b[off:off+ps], uint64(off/ps)) {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no page to damage")
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// walkVerdict is what the one-shot commands said about path before they
// read beside the page walk: Open's error (the walk first) on a line.
func walkVerdict(t *testing.T, path string) string {
	t.Helper()
	st, err := storage.Open(path, storage.Options{ReadOnly: true, NoListCache: true})
	if err == nil {
		st.Close()
		t.Fatal("Open read the damaged file")
	}
	if !strings.Contains(err.Error(), "skadet") {
		t.Fatalf("Open: %v, want a verdict of damage", err)
	}
	return err.Error() + "\n"
}

// Every leaf page with a wrong page id (bbolt panics on the first it
// reads): each one-shot command says what the page walk says, word for
// word, exits 1 and writes nothing.
func TestOneShotCommandsDamagedFile(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	damageFile(t, db, func(p []byte, _ uint64) bool {
		if p[8] != 0x02 {
			return false
		}
		p[0] ^= 0x55
		return true
	})
	want := walkVerdict(t, db)
	for name, args := range oneShotCommands(dir) {
		code, out, errs := runCLI(append([]string{name, "--db", db}, args...)...)
		if code != exitError || out != "" || errs != want {
			t.Errorf("%s: exit %d, stdout %q\nstderr %q\nwant   %q", name, code, out, errs, want)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.*")); len(files) != 1 {
		t.Errorf("files written: %v", files)
	}
}

const cycleChildDB = "HMSUTVALG_CYCLE_DB"

// TestReportPageCycleChild is the second process of
// TestReportPageCycle: report on a file whose branch pages refer to
// themselves, and then whether a read was left running in bbolt.
func TestReportPageCycleChild(t *testing.T) {
	db := os.Getenv(cycleChildDB)
	if db == "" {
		t.Skip("started by TestReportPageCycle")
	}
	code := run([]string{"report", "--db", db, "--year", "2026", "--today", "15.01.2027",
		"--out", filepath.Join(filepath.Dir(db), "r.pdf")}, os.Stdout, os.Stderr)
	left := false
	for end := time.Now().Add(10 * time.Second); !left && time.Now().Before(end); {
		buf := make([]byte, 1<<20)
		left = strings.Contains(string(buf[:runtime.Stack(buf, true)]), "go.etcd.io/bbolt")
		time.Sleep(time.Millisecond)
	}
	fmt.Printf("lesing igjen: %v\n", left)
	os.Exit(code) // as main does, ending the read that bbolt never ends
}

// A cycle of pages makes bbolt read for ever. The report, reading beside
// the page walk, still ends at once with the walk's verdict, word for
// word as before, exit 1 and no PDF; the read it leaves behind in bbolt
// ends with the process.
func TestReportPageCycle(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	damageFile(t, db, func(p []byte, id uint64) bool {
		if p[8] != 0x01 {
			return false
		}
		binary.NativeEndian.PutUint64(p[16+8:], id) // the first element: the page itself
		return true
	})
	want := walkVerdict(t, db)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(os.Args[0], "-test.run=^TestReportPageCycleChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), cycleChildDB+"="+db)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute): // guard only
		_ = cmd.Process.Kill()
		t.Fatal("report never ended on a cycle of pages")
	}
	if code := cmd.ProcessState.ExitCode(); code != exitError || stderr.String() != want {
		t.Errorf("exit %d\nstderr %q\nwant   %q", code, stderr.String(), want)
	}
	if !strings.Contains(stdout.String(), "lesing igjen: true") {
		t.Errorf("no read was left in bbolt, so the cycle was never read: %s", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "r.pdf")); err == nil {
		t.Error("a PDF was written")
	}
}

// A sound file gives the same report and export, byte for byte, read
// beside the page walk (the commands) as read after it (Open, then the
// same reads and writers).
func TestReadOnceSameReportAndExport(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 2)
	job := annualJob{db: db, year: 2026, today: reportToday, opts: deterministic()}
	st, err := storage.Open(db, storage.Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		t.Fatal(err)
	}
	data, err := model.LoadAnnualYear(st, job.year, job.today)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	wantPDF, err := reports.AnnualReport(data, job.opts).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := reports.SubmissionJSON(data, version)
	if err != nil {
		t.Fatal(err)
	}
	var so, se bytes.Buffer
	job.out = filepath.Join(dir, "r.pdf")
	if code := runReport(job, &so, &se); code != exitOK {
		t.Fatal(se.String())
	}
	job.out = filepath.Join(dir, "e.json")
	if code := runExport(job, &so, &se); code != exitOK {
		t.Fatal(se.String())
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "r.pdf")); !bytes.Equal(got, wantPDF) {
		t.Errorf("report: %d bytes, read after the walk %d bytes", len(got), len(wantPDF))
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "e.json")); !bytes.Equal(got, wantJSON) {
		t.Error("export differs from the one read after the walk")
	}
}
