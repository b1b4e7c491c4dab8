package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

// report and export refuse a --today before something the file records
// as done: the file holds only its present state, so the report would
// show as done what was not done on that date. On or after the latest
// record they work.
func TestReportRefusesStatusDateBeforeRecords(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	made := model.NewDate(2026, time.December, 4)
	if err := demoCreate(db, made); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"report", "export"} {
		out := filepath.Join(dir, cmd+".out")
		code, _, errs := runCLI(cmd, "--db", db, "--year", "2025", "--today", "20.01.2026", "--out", out)
		if code != exitError || !strings.Contains(errs, "--today 20.01.2026: filen har registreringer etter den datoen") ||
			!strings.Contains(errs, "sikkerhetskopien") {
			t.Errorf("%s: code %d, %q", cmd, code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: wrote %s", cmd, out)
		}
		if code, _, errs := runCLI(cmd, "--db", db, "--year", "2025", "--today", "31.12.2026", "--out", out); code != exitOK {
			t.Errorf("%s after every record: code %d, %q", cmd, code, errs)
		}
	}
}
