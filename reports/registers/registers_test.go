package registers

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hmsutvalg/model"
)

func d(y int, m time.Month, day int) model.Date { return model.NewDate(y, m, day) }

func sample() model.AnnualData {
	total := model.PercentFromFloat(7.4)
	self := model.PercentFromFloat(1.25)
	return model.AnnualData{
		Measures: []model.Measure{
			{ID: 3, Title: "Ny rømningsplan; oppslag", Description: "Gangen var sperret", Status: model.StatusPlanlagt,
				Deadline: d(2025, time.March, 31), Created: d(2025, time.January, 10)},
			{ID: 4, Title: "Gammelt tiltak", Status: model.StatusPlanlagt, Deadline: d(2023, time.June, 1), Created: d(2023, time.January, 2)},
		},
		Deviations: []model.Deviation{
			{ID: 7, Date: d(2025, time.May, 2), Place: "Avdeling A", WhatHappened: "Sensitiv tekst", Cause: "Årsak"},
		},
		SickLeave: []model.SickLeaveQuarter{
			{Quarter: model.Quarter{Year: 2025, Q: 1}, Total: total, SelfCertified: &self, Employees: 40},
		},
		Meetings: []model.Meeting{{Date: d(2025, time.February, 3), Start: "14:00", Agenda: []model.AgendaItem{
			{Title: "Sykefravær", Decisions: []model.Decision{{Text: "Tas til orientering"}}},
			{Title: "Konflikt i avdeling B", Closed: true, Decisions: []model.Decision{{Text: "Hemmelig vedtak"}}},
		}}},
	}
}

func table(t testing.TB, ts []Table, name string) Table {
	t.Helper()
	for _, x := range ts {
		if x.Name == name {
			return x
		}
	}
	t.Fatalf("no table %s", name)
	return Table{}
}

func TestBuildLeavesSensitiveTextOutByDefault(t *testing.T) {
	for _, desc := range []bool{false, true} {
		ts := Build(sample(), Options{Year: 2025, Descriptions: desc})
		if len(ts) != 7 {
			t.Fatalf("got %d tables, want 7", len(ts))
		}
		all := ""
		for _, x := range ts {
			all += string(CSV(x))
		}
		for _, s := range []string{"Sensitiv tekst", "Gangen var sperret", "Hemmelig vedtak"} {
			if strings.Contains(all, s) != desc {
				t.Errorf("descriptions=%v: %q present=%v", desc, s, !desc)
			}
		}
		if strings.Contains(all, "Konflikt i avdeling B") {
			t.Errorf("descriptions=%v: a closed item's title is exported", desc)
		}
		if !strings.Contains(all, "Tas til orientering") {
			t.Error("an open item's decision is missing")
		}
	}
}

func TestBuildYearFilter(t *testing.T) {
	if n := len(table(t, Build(sample(), Options{Year: 2025}), "handlingsplan").Rows); n != 1 {
		t.Errorf("2025: %d measures, want 1", n)
	}
	if n := len(table(t, Build(sample(), Options{}), "handlingsplan").Rows); n != 2 {
		t.Errorf("all years: %d measures, want 2", n)
	}
	if n := len(table(t, Build(sample(), Options{Year: 2024}), "sykefravaer").Rows); n != 0 {
		t.Errorf("2024: %d quarters, want 0", n)
	}
}

func TestCSVParsesBack(t *testing.T) {
	ts := Build(sample(), Options{Year: 2025})
	b := CSV(table(t, ts, "handlingsplan"))
	if !bytes.HasPrefix(b, []byte("\uFEFF")) {
		t.Fatal("no byte order mark")
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Error("no CRLF line ends")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0][0] != "Nr." || recs[1][1] != "Ny rømningsplan; oppslag" || recs[1][6] != "31.03.2025" {
		t.Errorf("records %q", recs)
	}
	sick := csvRecords(t, CSV(table(t, ts, "sykefravaer")))
	if got := sick[1][1:3]; got[0] != "7,4" || got[1] != "1,3" {
		t.Errorf("sick leave %q, want 7,4 and 1,3", got)
	}
}

func csvRecords(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestXLSXReadBack(t *testing.T) {
	b, err := XLSX(Build(sample(), Options{Year: 2025}))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Handlingsplan", "Avvik", "Risikoforhold", "Vernerundefunn", "Opplæring", "Møter og vedtak", "Sykefravær"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q", got)
	}
	// The deadline is a date: a number cell shown as dd.mm.yyyy.
	raw, _ := f.GetCellValue("Handlingsplan", "G2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("Handlingsplan", "G2")
	if raw != "45747" || shown != "31.03.2025" {
		t.Errorf("deadline raw %q shown %q, want serial 45747 shown 31.03.2025", raw, shown)
	}
	if typ, _ := f.GetCellType("Handlingsplan", "A2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("number stored as text (%v)", typ)
	}
	pct, _ := f.GetCellValue("Sykefravær", "B2", excelize.Options{RawCellValue: true})
	if pct != "7.4" {
		t.Errorf("sick leave raw %q, want 7.4", pct)
	}
	panes, err := f.GetPanes("Avvik")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	if w, _ := f.GetColWidth("Handlingsplan", "B"); w != 40 {
		t.Errorf("title column width %v, want 40", w)
	}
}

// The trainings are listed by date, as the other registers, not in the
// order they were added.
func TestTrainingsByDate(t *testing.T) {
	data := sample()
	data.Violence.Trainings = []model.ViolenceTraining{
		{Date: d(2025, time.October, 2), Topic: "Høst"},
		{Date: d(2025, time.March, 4), Topic: "Vår"},
		{Date: d(2025, time.June, 9), Topic: "Sommer"},
	}
	got := table(t, Build(data, Options{}), "opplaering")
	var topics []string
	for _, r := range got.Rows {
		topics = append(topics, r[1].Text)
	}
	if strings.Join(topics, ",") != "Vår,Sommer,Høst" {
		t.Errorf("order %v, want by date", topics)
	}
	if data.Violence.Trainings[0].Topic != "Høst" {
		t.Error("Build reordered the caller's slice")
	}
}
