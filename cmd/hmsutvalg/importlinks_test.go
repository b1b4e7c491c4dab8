package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// linkedTitles maps each deviation (by its label and what happened) to
// the titles of the measures it links, sorted.
func linkedTitles(t *testing.T, db string) map[string][]string {
	t.Helper()
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ms, _ := st.Measures()
	title := map[uint64]string{}
	for _, m := range ms {
		title[m.ID] = m.Title
	}
	ds, _ := st.Deviations()
	out := map[string][]string{}
	for _, d := range ds {
		var ts []string
		for _, id := range d.MeasureIDs {
			ts = append(ts, title[id])
		}
		slices.Sort(ts)
		if len(ts) > 0 {
			out[d.Label()+" "+d.WhatHappened] = ts
		}
	}
	return out
}

// Issue 20: the action plan imported into a plan that already had a
// measure gets other numbers than in the file; the deviation register
// imported after it links the same measures as in the unit it came from,
// not the measures that have those numbers here. From the CSV folder
// (handlingsplan.csv beside avvik.csv) and from the workbook alike.
func TestImportDeviationLinksFollowRenumberedPlan(t *testing.T) {
	dir := t.TempDir()
	src := demoDB(t, dir, 1)
	folder, book := filepath.Join(dir, "eksport"), filepath.Join(dir, "registre.xlsx")
	if code, _, errs := runCLI("registers", "--db", src, "--out", folder, "--descriptions"); code != exitOK {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI("registers", "--db", src, "--out", filepath.Join(dir, "x"), "--xlsx", book, "--descriptions"); code != exitOK {
		t.Fatal(errs)
	}
	want := linkedTitles(t, src)
	if len(want) < 5 {
		t.Fatalf("only %d deviations with links in the demo unit", len(want))
	}
	for _, c := range []struct{ name, plan, devs string }{
		{"csv", filepath.Join(folder, "handlingsplan.csv"), filepath.Join(folder, "avvik.csv")},
		{"xlsx", book, book},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := emptyDB(t, t.TempDir(), "enhet.db")
			st, err := storage.Open(db, storage.Options{NoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			_, err = st.SaveMeasure(model.Measure{Title: "Tiltak som var her fra før", Responsible: "Leder", Status: model.StatusPlanlagt,
				Deadline: model.NewDate(2027, 12, 31), PriorityArea: model.AreaLeadership, Source: model.Source{Kind: model.SourceManual}}, reportToday)
			st.Close()
			if err != nil {
				t.Fatal(err)
			}
			for _, reg := range []struct{ name, in string }{{"handlingsplan", c.plan}, {"avvik", c.devs}} {
				code, out, errs := runCLI("import", "--db", db, "--register", reg.name, "--in", reg.in, "--today", reportToday.String())
				if code != exitOK || !strings.Contains(out, "Importerte") {
					t.Fatalf("%s: exit %d\n%s%s", reg.name, code, out, errs)
				}
				if reg.name == "avvik" && (!strings.Contains(out, "koblingen følger tiltaket") || strings.Contains(out, "tas ikke med")) {
					t.Errorf("the preview does not say the links follow the measures:\n%s", out)
				}
			}
			got := linkedTitles(t, db)
			for k, w := range want {
				if !slices.Equal(got[k], w) {
					t.Errorf("%s links %q, want %q", k, got[k], w)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d deviations with links, want %d", len(got), len(want))
			}
		})
	}
	// avvik.csv moved away from handlingsplan.csv: a link is kept on a
	// number only to a measure made from the deviation itself, never to
	// another measure that has the number here.
	alone := filepath.Join(dir, "alene")
	if err := os.MkdirAll(alone, 0o755); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(folder, "avvik.csv"))
	if err := os.WriteFile(filepath.Join(alone, "avvik.csv"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, renumbered := range []bool{true, false} {
		kept, out := importAlone(t, folder, filepath.Join(alone, "avvik.csv"), renumbered)
		switch {
		case renumbered && (kept != 0 || !strings.Contains(out, "men filen har ikke handlingsplanen med, så det kan ikke sjekkes at det er samme tiltak")):
			t.Errorf("renumbered plan, avvik.csv alone: %d links kept\n%s", kept, out)
		case !renumbered && kept == 0:
			t.Errorf("plan kept its numbers: the links to measures made from their deviations are lost\n%s", out)
		}
	}
}

// importAlone imports the plan of folder (after a measure of the unit's
// own when renumbered) and then the deviation file devs, and returns how
// many links were kept, each checked to be to a measure made from its
// deviation, and what the import said.
func importAlone(t *testing.T, folder, devs string, renumbered bool) (int, string) {
	t.Helper()
	db := emptyDB(t, t.TempDir(), "alene.db")
	if renumbered {
		st, err := storage.Open(db, storage.Options{NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = st.SaveMeasure(model.Measure{Title: "Tiltak som var her fra før", Responsible: "Leder", Status: model.StatusPlanlagt,
			Deadline: model.NewDate(2027, 12, 31), PriorityArea: model.AreaLeadership, Source: model.Source{Kind: model.SourceManual}}, reportToday)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errs := runCLI("import", "--db", db, "--register", "handlingsplan", "--in", filepath.Join(folder, "handlingsplan.csv"), "--today", reportToday.String()); code != exitOK {
		t.Fatal(errs)
	}
	code, out, _ := runCLI("import", "--db", db, "--register", "avvik", "--in", devs, "--today", reportToday.String())
	if code != exitOK || strings.Contains(out, "kjennes igjen fra handlingsplan.csv") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ds, _ := st.Deviations()
	kept := 0
	for _, d := range ds {
		for _, id := range d.MeasureIDs {
			m, err := st.Measure(id)
			if err != nil || !m.MadeFrom(d) {
				t.Errorf("%s links nr. %d «%s», not made from it", d.Label(), id, m.Title)
			}
			kept++
		}
	}
	return kept, out
}
