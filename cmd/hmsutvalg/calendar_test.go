package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"

	"hmsutvalg/storage"
)

func TestCalendarCommand(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	kinds := map[string]int{}
	for uid := range calendarUIDs(t, db, filepath.Join(dir, "hms.ics")) {
		kinds[strings.SplitN(uid, "-", 2)[0]]++
	}
	for _, k := range []string{"mote", "arshjul", "tiltak"} {
		if kinds[k] == 0 {
			t.Errorf("no %s events in the demo unit's calendar (%v)", k, kinds)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"calendar", "--db", db}, &stdout, &stderr); code != exitUsage {
		t.Errorf("without --out: exit %d, want %d", code, exitUsage)
	}
}

// calendarUIDs runs hmsutvalg calendar and returns the events' UIDs.
func calendarUIDs(t *testing.T, db, out string) map[string]bool {
	t.Helper()
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
	uids := map[string]bool{}
	for _, e := range cal.Events() {
		uid, _ := e.Props.Text(ical.PropUID)
		uids[uid] = true
	}
	return uids
}

// Renaming the unit (name and municipality) keeps every UID, so a
// calendar that imported the first file updates its events instead of
// getting a second copy of each.
func TestCalendarUIDsSurviveRename(t *testing.T) {
	dir := t.TempDir()
	db := demoDB(t, dir, 1)
	before := calendarUIDs(t, db, filepath.Join(dir, "a.ics"))
	st, err := storage.Open(db, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.Unit()
	if err != nil {
		t.Fatal(err)
	}
	u.Name += " omdøpt"
	u.Municipality = "Ny kommune"
	if err := st.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	after := calendarUIDs(t, db, filepath.Join(dir, "b.ics"))
	if len(before) == 0 || len(after) != len(before) {
		t.Fatalf("%d UIDs before, %d after", len(before), len(after))
	}
	for id := range before {
		if !after[id] {
			t.Errorf("UID %s changed when the unit was renamed", id)
		}
	}
}
