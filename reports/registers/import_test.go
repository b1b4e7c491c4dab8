package registers

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hmsutvalg/model"
)

var importToday = d(2025, time.December, 1)

// importable is sample() made valid for import: a deviation needs its
// what-happened text, type, category, severity and status.
func importable() model.AnnualData {
	s := sample()
	s.Deviations[0].Category = model.DevInjury
	s.Deviations[0].Type = model.DeviationType("hendelse")
	if !s.Deviations[0].Type.Valid() {
		s.Deviations[0].Type = model.DeviationTypes()[0]
	}
	s.Deviations[0].Severity = model.Severities()[0]
	s.Deviations[0].Status = model.DevClosed
	s.Deviations[0].ClosedBy = "Verneombud"
	s.Deviations[0].ClosedOn = d(2025, time.May, 9)
	s.Deviations[0].MeasureIDs = []uint64{3}
	s.Measures[1].Status = model.StatusEvaluert
	s.Measures[1].CompletedOn = d(2023, time.May, 2)
	s.Measures[1].EvaluationNote = "Virket"
	s.Measures[0].Responsible, s.Measures[1].Responsible = "Leder", "Verneombud"
	s.Measures[0].PriorityArea, s.Measures[1].PriorityArea = model.AreaLeadership, model.AreaHealthPromotion
	s.Measures[0].Source = model.Source{Kind: model.SourceManual}
	s.Measures[1].Source = model.Source{Kind: model.SourceDeviation, RefID: 7, RefLabel: "Avvik 02.05.2025 Personskade, Avdeling A"}
	return s
}

func csvGrid(t *testing.T, b []byte) Grid {
	t.Helper()
	g, errs := ReadGrid(bytes.NewReader(b), "")
	if errs != nil {
		t.Fatalf("read: %v", errs)
	}
	return g
}

// The export read back gives the same records, in CSV and in the
// workbook, with descriptions.
func TestExportParsesBack(t *testing.T) {
	ts := Build(importable(), Options{Descriptions: true})
	b, err := XLSX(ts)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []struct {
		name         string
		plan, devs   []byte
		planS, devsS string
	}{
		{name: "csv", plan: CSV(table(t, ts, "handlingsplan")), devs: CSV(table(t, ts, "avvik"))},
		{name: "xlsx", plan: b, devs: b, planS: "Handlingsplan", devsS: "Avvik"},
	} {
		g, errs := ReadGrid(bytes.NewReader(src.plan), src.planS)
		if errs != nil {
			t.Fatalf("%s: %v", src.name, errs)
		}
		ms := ParseMeasures(g, nil, importToday)
		if ms.Errs != nil || len(ms.Rows) != 2 {
			t.Fatalf("%s measures: %v", src.name, ms.Errs)
		}
		if got := ms.Rows[1].Value; !sameMeasure(got, importable().Measures[1]) {
			t.Errorf("%s: measure %+v", src.name, got)
		}
		g, errs = ReadGrid(bytes.NewReader(src.devs), "Avvik")
		if errs != nil {
			t.Fatalf("%s: %v", src.name, errs)
		}
		// The link to measure 3 follows the plan of the same export.
		var planCSV io.Reader
		if src.name == "csv" {
			planCSV = bytes.NewReader(src.plan)
		}
		plan := filePlan(src.devs, planCSV, importToday)
		if len(plan) != 2 || plan[3].Title != "Ny rømningsplan; oppslag" {
			t.Fatalf("%s: the export's plan %+v", src.name, plan)
		}
		ds := ParseDeviationsWithPlan(g, nil, importable().Measures, plan, importToday)
		if ds.Errs != nil || len(ds.Rows) != 1 {
			t.Fatalf("%s deviations: %v", src.name, ds.Errs)
		}
		if dv := ds.Rows[0].Value; !sameDeviation(dv) {
			t.Errorf("%s: deviation %+v", src.name, dv)
		}
	}
}

// sameMeasure compares what the export carries (not Updated, nor the
// source's link to its record).
func sameMeasure(got, want model.Measure) bool {
	want.Updated = got.Updated
	want.Source.RefID = 0
	return got == want
}

func sameDeviation(d model.Deviation) bool {
	return d.ID == 7 && d.ClosedBy == "Verneombud" && d.Status == model.DevClosed && len(d.MeasureIDs) == 1 && d.WhatHappened == "Sensitiv tekst"
}

// One bad row stops the whole file, and every problem names its line and
// column in Norwegian.
func TestImportRefusesBadRows(t *testing.T) {
	file := "Nr.;Tiltak;Ansvarlig;Frist;Status;Prioritert område\r\n" +
		"1;Ny rømningsplan;Leder;31.03.2026;Planlagt;Ledelse\r\n" +
		"2;;Leder;31.13.2026;Ferdig;Ledelse\r\n" +
		"1;Dobbel;Leder;01.04.2026;;\r\n"
	im := ParseMeasures(csvGrid(t, []byte(file)), nil, importToday)
	if len(im.Rows) != 0 {
		t.Errorf("rows returned with errors: %d", len(im.Rows))
	}
	want := []string{
		"Linje 3, kolonne «Frist»: 31.13.2026 finnes ikke i kalenderen",
		"Linje 4, kolonne «Prioritert område»: Tomt, men et tiltak med kilde «manuell» må ha et prioritert område. Skriv ett av: ",
		"Linje 3, kolonne «Status»: «Ferdig» er ikke en av",
		"Linje 4, kolonne «Nr.»: Nr. 1 står også på linje 2",
	}
	all := ""
	for _, e := range im.Errs {
		all += e.Error() + "\n"
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
	if strings.Contains(all, "Linje 2") {
		t.Errorf("the good line has an error:\n%s", all)
	}
	if strings.Contains(all, "Frist: ") || strings.Contains(all, "Velg prioritert") {
		t.Errorf("a message repeats the column or speaks of the form:\n%s", all)
	}
}

// A file without the column «Prioritert område» says the column is
// missing; a bad date says what is wrong without repeating the column.
func TestImportMessagesNameTheColumn(t *testing.T) {
	file := "Tiltak;Ansvarlig;Frist\r\nNy rømningsplan;Leder;31.03.2026\r\nOpplæring;Leder;i morgen\r\n"
	im := ParseMeasures(csvGrid(t, []byte(file)), nil, importToday)
	all := ""
	for _, e := range im.Errs {
		all += e.Error() + "\n"
	}
	for _, w := range []string{
		"Linje 2, kolonne «Prioritert område»: Filen har ikke kolonnen «Prioritert område», og et tiltak med kilde «manuell» må ha et. Legg til kolonnen med ett av: ",
		"Linje 3, kolonne «Frist»: «i morgen» er ikke en dato; skriv den som dd.mm.åååå",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
}

func TestImportHeaderProblems(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"", "Filen er tom"},
		{"Tiltak,Ansvarlig,Frist\n", "semikolon"},
		{"Tiltak;Ansvarlig;Frist;Farge\n", "kolonne «Farge»: Ukjent kolonne i handlingsplanen"},
		{"Tiltak;Ansvarlig\n", "kolonne «Frist»: Kolonnen mangler"},
		{"Tiltak;Ansvarlig;Frist;tiltak\n", "Kolonnen står to ganger"},
		{"Tiltak;Ansvarlig;Frist\n", "ingen rader"},
		{"Tiltak;Ansvarlig;Frist\n\"Ny;plan\n", "anførselstegnene"},
	} {
		g, errs := ReadGrid(strings.NewReader(c.file), "")
		if errs == nil {
			errs = ParseMeasures(g, nil, importToday).Errs
		}
		if len(errs) == 0 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.file, errs, c.want)
		}
	}
}

// The default export (without descriptions) imports again: the texts the
// model requires get MissingText, each row says so and so does the
// summary.
func TestImportExportWithoutDescriptions(t *testing.T) {
	ts := Build(importable(), Options{})
	ms := ParseMeasures(csvGrid(t, CSV(table(t, ts, "handlingsplan"))), nil, importToday)
	if ms.Errs != nil || len(ms.Rows) != 2 {
		t.Fatalf("plan without descriptions: %v", ms.Errs)
	}
	if m := ms.Rows[1].Value; m.Status != model.StatusEvaluert || m.EvaluationNote != MissingText || m.Description != "" {
		t.Errorf("evaluated measure %+v", m)
	}
	if len(ms.Rows[0].Notes) != 0 || len(ms.Rows[1].Notes) != 1 || !strings.Contains(ms.Rows[1].Notes[0], "Filen har ikke kolonnen «Evaluering»") {
		t.Errorf("notes %q / %q", ms.Rows[0].Notes, ms.Rows[1].Notes)
	}
}

// Deviations of the default export get MissingText for what happened; a
// file with the column but an empty cell is still refused.
func TestImportDeviationsWithoutDescriptions(t *testing.T) {
	ts := Build(importable(), Options{})
	plan := filePlan(nil, bytes.NewReader(CSV(table(t, ts, "handlingsplan"))), importToday)
	ds := ParseDeviationsWithPlan(csvGrid(t, CSV(table(t, ts, "avvik"))), nil, importable().Measures, plan, importToday)
	if ds.Errs != nil || len(ds.Rows) != 1 {
		t.Fatalf("deviations without descriptions: %v", ds.Errs)
	}
	if dv := ds.Rows[0].Value; dv.WhatHappened != MissingText || dv.Cause != "" || dv.ID != 7 || len(dv.MeasureIDs) != 1 {
		t.Errorf("deviation %+v", dv)
	}
	p := Preview{Register: RegDeviations, Deviations: ds}
	if s := p.Summary("avvik.csv"); !strings.Contains(s, "1 avvik er klare") || !strings.Contains(s, "Filen er uten beskrivelser: 1 tekst som må være med") ||
		!strings.Contains(s, MissingText) {
		t.Errorf("summary %q", s)
	}
	// The column there, the cell empty: the row is wrong.
	file := "Dato;Sted;Kategori;Type;Alvorlighet;Hva skjedde\r\n02.05.2025;Avdeling A;Personskade;" +
		model.DeviationTypes()[0].Label() + ";" + model.Severities()[0].Label() + ";\r\n"
	ds = ParseDeviations(csvGrid(t, []byte(file)), nil, nil, importToday)
	if len(ds.Errs) != 1 || ds.Errs[0].Column != "Hva skjedde" {
		t.Errorf("empty «Hva skjedde»: %v", ds.Errs)
	}
}

// Links to measures not in the unit are dropped, and the summary says so
// and says to import the action plan first.
func TestImportSaysLinksAreDropped(t *testing.T) {
	ts := Build(importable(), Options{Descriptions: true})
	p := ReadImport(bytes.NewReader(CSV(table(t, ts, "avvik"))), RegDeviations, Existing{}, importToday)
	if len(p.Errs()) != 0 || p.NewCount() != 1 {
		t.Fatalf("%v", p.Errs())
	}
	s := p.Summary("avvik.csv")
	if !strings.Contains(s, "1 avvik er klare") || !strings.Contains(s, "1 kobling til tiltak tas ikke med") ||
		!strings.Contains(s, "importer handlingsplanen fra samme eksport først") {
		t.Errorf("summary %q", s)
	}
	p = ReadImportWithPlan(bytes.NewReader(CSV(table(t, ts, "avvik"))), bytes.NewReader(CSV(table(t, ts, "handlingsplan"))),
		RegDeviations, Existing{Measures: importable().Measures}, importToday)
	if s := p.Summary("avvik.csv"); strings.Contains(s, "kobling") {
		t.Errorf("with the plan in the unit: %q", s)
	}
}

// The preview says which number a new row gets: its own in an empty
// register, otherwise the register's next ones in file order.
func TestImportPreviewNumbers(t *testing.T) {
	file := "Nr.;Tiltak;Ansvarlig;Frist;Prioritert område\r\n2;A;Leder;31.03.2026;Ledelse\r\n;B;Leder;31.03.2026;Ledelse\r\n9;C;Leder;01.04.2026;Ledelse\r\n"
	outcomes := func(ex Existing) string {
		var out []string
		for _, r := range ReadImport(strings.NewReader(file), RegMeasures, ex, importToday).Rows() {
			out = append(out, r.Outcome)
		}
		return strings.Join(out, " | ")
	}
	for _, c := range []struct {
		ex   Existing
		want string
	}{
		{Existing{NextMeasure: 1}, "Ny – beholder nr. 2 | Ny – blir nr. 10 | Ny – beholder nr. 9"},
		{Existing{NextMeasure: 40}, "Ny – beholder nr. 2 | Ny – blir nr. 40 | Ny – beholder nr. 9"},
		{Existing{Measures: []model.Measure{{ID: 13, Title: "C", Deadline: d(2026, time.April, 1)}}, NextMeasure: 14},
			"Ny – blir nr. 14 (var nr. 2 i filen) | Ny – blir nr. 15 | Finnes allerede (nr. 13) – hoppes over"},
		{Existing{Measures: []model.Measure{{ID: 13, Title: "X"}}},
			"Ny – får et nytt nummer etter de som finnes (var nr. 2 i filen) | Ny | Ny – får et nytt nummer etter de som finnes (var nr. 9 i filen)"},
	} {
		if got := outcomes(c.ex); got != c.want {
			t.Errorf("%+v:\n got %s\nwant %s", c.ex, got, c.want)
		}
	}
}

// A row already in the unit (same title and number, deadline or creation
// date; for a deviation the same number and date, or the same date,
// place, category, type and text) is shown and skipped.
func TestImportDuplicates(t *testing.T) {
	data := importable()
	ts := Build(data, Options{Descriptions: true})
	ms := ParseMeasures(csvGrid(t, CSV(table(t, ts, "handlingsplan"))), []model.Measure{
		{ID: 40, Title: " ny RØMNINGSPLAN; oppslag", Deadline: d(2025, time.March, 31)},
		{ID: 4, Title: "Annet tiltak"},
	}, importToday)
	if ms.Errs != nil || ms.Rows[0].DuplicateOf != 40 || ms.Rows[1].DuplicateOf != 0 || len(ms.New()) != 1 || ms.Duplicates() != 1 {
		t.Errorf("measures: %+v", ms)
	}
	dev := data.Deviations[0]
	dev.ID = 99
	ds := ParseDeviations(csvGrid(t, CSV(table(t, ts, "avvik"))), []model.Deviation{dev}, nil, importToday)
	if ds.Errs != nil || ds.Rows[0].DuplicateOf != 99 {
		t.Errorf("deviations: %+v", ds)
	}
	if len(ds.Rows[0].Notes) != 1 || !strings.Contains(ds.Rows[0].Notes[0], "Tiltak nr. 3 finnes ikke") {
		t.Errorf("a link to a missing measure: notes %q", ds.Rows[0].Notes)
	}
	if rs := (Preview{Register: RegDeviations, Deviations: ds}).Rows(); len(rs[0].Notes) != 0 || !rs[0].Duplicate {
		t.Errorf("a skipped row shows notes: %+v", rs[0])
	}
	dev.WhatHappened = "Noe annet"
	ds = ParseDeviations(csvGrid(t, CSV(table(t, ts, "avvik"))), []model.Deviation{dev}, nil, importToday)
	if ds.Rows[0].DuplicateOf != 0 {
		t.Error("another incident the same day and place taken as a duplicate")
	}
	p := Preview{Register: RegMeasures, Measures: ms}
	if s := p.Summary("plan.csv"); !strings.Contains(s, "1 tiltak er klare") || !strings.Contains(s, "1 finnes allerede og hoppes over") {
		t.Errorf("summary %q", s)
	}
}

// A workbook typed by hand: dates as date cells in another display
// format, numbers as numbers, the register on its only sheet.
func TestImportHandMadeWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"Tiltak", "Ansvarlig", "Frist", "Nr.", "Prioritert område"},
		{"Ny rømningsplan", "Leder", time.Date(2026, time.March, 31, 0, 0, 0, 0, time.UTC), 12.0, "Ledelse"},
		{"Opplæring", "Verneombud", "15.04.2026", nil, "ledelse"},
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	us := "m/d/yy"
	st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &us})
	_ = f.SetCellStyle("Sheet1", "C2", "C2", st)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	g, errs := ReadGrid(bytes.NewReader(buf.Bytes()), "Handlingsplan")
	if errs != nil {
		t.Fatal(errs)
	}
	im := ParseMeasures(g, nil, importToday)
	if im.Errs != nil || len(im.Rows) != 2 {
		t.Fatalf("%v", im.Errs)
	}
	want := model.Measure{ID: 12, Title: "Ny rømningsplan", Responsible: "Leder", Deadline: d(2026, time.March, 31),
		Status: model.StatusPlanlagt, Source: model.Source{Kind: model.SourceManual}, PriorityArea: model.AreaLeadership, Created: importToday}
	if m := im.Rows[0].Value; m != want {
		t.Errorf("measure %+v, want %+v", m, want)
	}
	if im.Rows[1].Line != 3 || im.Rows[1].Value.Deadline != d(2026, time.April, 15) {
		t.Errorf("second row %+v", im.Rows[1])
	}
}

func TestImportRefusesOtherFiles(t *testing.T) {
	for _, b := range [][]byte{
		[]byte("PK\x03\x04 not a zip at all"),
		bytes.Repeat([]byte("x"), MaxImportBytes+1),
	} {
		if _, errs := ReadGrid(bytes.NewReader(b), "Avvik"); len(errs) == 0 {
			t.Errorf("%.20q read without error", b)
		}
	}
	b, _ := XLSX(Build(importable(), Options{}))
	if _, errs := ReadGrid(bytes.NewReader(b), "Finnes ikke"); len(errs) == 0 || !strings.Contains(errs[0].Message, "har ikke arket «Finnes ikke»") {
		t.Errorf("missing sheet: %v", errs)
	}
}

// The parsers never panic and never return rows together with errors.
func FuzzImportCSV(f *testing.F) {
	ts := Build(importable(), Options{Descriptions: true})
	f.Add(CSV(table(f, ts, "handlingsplan")))
	f.Add(CSV(table(f, ts, "avvik")))
	f.Add([]byte("Tiltak;Ansvarlig;Frist\n\"a\"\"b\";c;1.1.26\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, reg := range Registers() {
			p := ReadImport(bytes.NewReader(b), reg, Existing{}, importToday)
			if len(p.Errs()) > 0 && len(p.Rows()) > 0 {
				t.Fatalf("%s: rows and errors together", reg)
			}
		}
	})
}

func FuzzImportXLSX(f *testing.F) {
	b, err := XLSX(Build(importable(), Options{Descriptions: true}))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, reg := range Registers() {
			p := ReadImport(bytes.NewReader(b), reg, Existing{}, importToday)
			if len(p.Errs()) > 0 && len(p.Rows()) > 0 {
				t.Fatalf("%s: rows and errors together", reg)
			}
		}
	})
}
