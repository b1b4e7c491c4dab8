package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"
)

func TestCalendarCommand(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	out := filepath.Join(dir, "hms.ics")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"calendar", "--db", db, "--out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range cal.Events() {
		uid, _ := e.Props.Text(ical.PropUID)
		kinds[strings.SplitN(uid, "-", 2)[0]]++
	}
	for _, k := range []string{"mote", "arshjul", "tiltak"} {
		if kinds[k] == 0 {
			t.Errorf("no %s events in the demo unit's calendar (%v)", k, kinds)
		}
	}
	if code := run([]string{"calendar", "--db", db}, &stdout, &stderr); code != exitUsage {
		t.Errorf("without --out: exit %d, want %d", code, exitUsage)
	}
}
