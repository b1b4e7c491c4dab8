package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

func TestInitCreatesEmptyUnit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "enhet.db")
	code, out, errs := runCLI("init", "--db", db, "--unit", "Lia barnehage", "--municipality", "Hamar kommune",
		"--sector", "barnehage", "--employees", "24", "--start", "01.09.2026")
	if code != exitOK || !strings.Contains(out, "«Lia barnehage»") || !strings.Contains(out, "01.09.2026") {
		t.Fatalf("init: %d %q %q", code, out, errs)
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := st.Unit()
	ms, _ := st.Members()
	st.Close()
	want := model.Unit{Name: "Lia barnehage", Municipality: "Hamar kommune", Sector: model.SectorBarnehage, Employees: 24, Start: model.NewDate(2026, 9, 1)}
	if u.Name != want.Name || u.Municipality != want.Municipality || u.Sector != want.Sector || u.Employees != want.Employees || u.Start != want.Start || len(ms) != 0 {
		t.Errorf("unit %+v, %d members", u, len(ms))
	}
	if code, _, _ := runCLI("check", "--db", db); code != exitOK {
		t.Error("the new file does not pass check")
	}
	// An existing file is refused and left as it was.
	before, _ := os.ReadFile(db)
	code, _, errs = runCLI("init", "--db", db, "--unit", "Annen", "--municipality", "K", "--sector", "skole", "--employees", "5")
	if code != exitError || !strings.Contains(errs, "finnes allerede") {
		t.Errorf("init over a file: %d %q", code, errs)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("init changed an existing file")
	}
}

// TestInitValidatesAsTheWizard: the messages are the wizard's
// (model.UnitInput), every problem at once, and nothing is created.
func TestInitValidatesAsTheWizard(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "enhet.db")
	args := []string{"init", "--db", db, "--unit", " ", "--municipality", "Hamar kommune", "--sector", "sjukehus", "--employees", "20001", "--start", "31.02.2026"}
	code, _, errs := runCLI(args...)
	_, werr := model.UnitInput{Name: " ", Municipality: "Hamar kommune", Sector: "sjukehus", Employees: "20001", Start: "31.02.2026"}.Unit()
	if code != exitUsage || werr == nil || !strings.HasPrefix(errs, werr.Error()+"\n") {
		t.Errorf("init: %d %q, want the wizard's %q", code, errs, werr)
	}
	if !strings.Contains(errs, "teknisk_drift") {
		t.Errorf("no list of sectors: %q", errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a file was made from bad input")
	}
	for _, bad := range [][]string{{"init"}, {"init", "--db", db, "--ukjent", "x"}, {"status"}, {"status", "--db", db, "--today", "i går"}} {
		if code, _, _ := runCLI(bad...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, _, errs := runCLI("status", "--db", db); code != exitError || !strings.Contains(errs, "Fant ikke") {
		t.Errorf("status of a missing file: %d %q", code, errs)
	}
}

func TestStatusNewUnitAndDemo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ny.db")
	if code, _, errs := runCLI("init", "--db", db, "--unit", "Ny", "--municipality", "K", "--sector", "kontor", "--employees", "4", "--start", "24.11.2026"); code != exitOK {
		t.Fatal(errs)
	}
	code, out, errs := runCLI("status", "--db", db, "--today", "24.11.2026")
	if code != exitOK || strings.Contains(out, "FORFALT") || !strings.Contains(out, "0 forfalt") || !strings.Contains(out, "Åpne alvorlige avvik: 0") {
		t.Errorf("new unit: %d %q %q", code, out, errs)
	}
	// A unit made by init has no members yet: every required role is
	// named, as on Oversikt, and a vacancy is not overdue (exit 0).
	if !strings.Contains(out, "Utvalget mangler: leder, verneombud og tillitsvalgt.") {
		t.Errorf("new unit's status does not name the missing roles:\n%s", out)
	}
	demo := filepath.Join(dir, "demo.db")
	if err := demoCreate(demo, model.NewDate(2026, 11, 24)); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCLI("status", "--db", demo, "--today", "24.11.2026")
	if code != exitOverdue {
		t.Errorf("demo: exit %d, want 3; %q", code, errs)
	}
	if strings.Contains(out, "Utvalget mangler") {
		t.Errorf("the demo unit has every role, status says otherwise:\n%s", out)
	}
	for _, want := range []string{
		"HMS-utvalg – status for ", "per 24.11.2026",
		"FORFALT        frist 31.10.2026  Vernerunde (høst)",
		"Utføres når en vernerunde mellom 01.07.2026 og 31.12.2026 fullføres og låses.",
		"UTFØRT         frist 30.11.2026  Møte 4 i HMS-utvalget\n                 Møtet 13.11.2026 hadde nærvær og sykefravær på sakslisten",
		"merket utført for hånd",
		"Handlingsplanen:", "FORFALT  frist", "Åpne alvorlige avvik:", "Avvik nr.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo status lacks %q:\n%s", want, out)
		}
	}
	// A duty due this month is called what the count above it and
	// Oversikt call it.
	_, out, _ = runCLI("status", "--db", demo, "--today", "01.12.2026")
	if !strings.Contains(out, "1 denne måneden") || !strings.Contains(out, "  DENNE MÅNEDEN  frist 31.12.2026  ") {
		t.Errorf("a duty due this month, 01.12.2026:\n%s", out)
	}
	// Never the deviations' descriptions.
	st, err := storage.Open(demo, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	devs, _ := st.Deviations()
	st.Close()
	for _, d := range devs {
		if d.WhatHappened != "" && strings.Contains(out, d.WhatHappened) {
			t.Fatalf("status shows a description: %q", d.WhatHappened)
		}
	}
}

func demoCreate(path string, today model.Date) error {
	return demo.Create(path, demo.Options{Seed: 1, Scale: 1, Today: today, User: "test"})
}
