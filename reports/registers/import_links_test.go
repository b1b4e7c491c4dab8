package registers

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hmsutvalg/model"
)

// Issue 20: a deviation register's «Tiltak nr.» must not silently point
// at the wrong measure when the action plan got other numbers here (it
// was imported into a plan that had measures, or never imported). The
// export's plan has nr. 3 «Ny rømningsplan; oppslag» and nr. 4; the
// deviation (nr. 7) links nr. 3.
func TestImportDeviationLinksFollowTheMeasure(t *testing.T) {
	data := importable()
	ts := Build(data, Options{Descriptions: true})
	book, err := XLSX(ts)
	if err != nil {
		t.Fatal(err)
	}
	devCSV, planCSV := CSV(table(t, ts, "avvik")), CSV(table(t, ts, "handlingsplan"))
	fileM3 := data.Measures[0] // nr. 3 in the file
	// The plan imported into a unit whose plan had measures: the file's
	// nr. 3 is nr. 12 here, and nr. 3 here is another measure.
	renumbered := []model.Measure{
		{ID: 3, Title: "Et helt annet tiltak", Deadline: d(2026, time.March, 1)},
		{ID: 12, Title: fileM3.Title, Deadline: fileM3.Deadline, Created: fileM3.Created},
	}
	// The plan imported into an empty unit: the numbers kept.
	kept := []model.Measure{{ID: 3, Title: fileM3.Title, Deadline: fileM3.Deadline}}
	// Made from the deviation itself (its source names the deviation).
	dev := model.Deviation{Date: d(2025, time.May, 2), Category: model.DevInjury, Place: "Avdeling A"}
	own := []model.Measure{{ID: 3, Title: "Oppfølging", Source: model.Source{Kind: model.SourceDeviation, RefLabel: dev.SourceLabel()}}}
	bookNoPlan := workbookWithout(t, book, "Handlingsplan")

	tests := []struct {
		name     string
		file     []byte
		plan     []byte // handlingsplan.csv beside it
		measures []model.Measure
		want     []uint64
		note     string // in the row's notes ("" = none)
	}{
		{"workbook, plan renumbered", book, nil, renumbered, []uint64{12}, "Tiltak nr. 3 i filen («Ny rømningsplan; oppslag») er nr. 12 i handlingsplanen; koblingen følger tiltaket"},
		{"workbook, numbers kept", book, nil, kept, []uint64{3}, ""},
		{"workbook, plan not imported", book, nil, renumbered[:1], nil, "Tiltak nr. 3 («Ny rømningsplan; oppslag») er ikke i handlingsplanen ennå; koblingen tas ikke med – importer handlingsplanen fra samme eksport først"},
		{"csv with handlingsplan.csv, renumbered", devCSV, planCSV, renumbered, []uint64{12}, "er nr. 12 i handlingsplanen"},
		{"csv alone, another measure has the number", devCSV, nil, renumbered, nil, "Tiltak nr. 3 er «Et helt annet tiltak» i handlingsplanen, men filen har ikke handlingsplanen med"},
		{"csv alone, numbers kept but not provable", devCSV, nil, kept, nil, "kan ikke sjekkes at det er samme tiltak"},
		{"csv alone, measure made from the deviation", devCSV, nil, own, []uint64{3}, ""},
		{"csv alone, no such measure", devCSV, nil, nil, nil, "Tiltak nr. 3 finnes ikke i handlingsplanen; koblingen tas ikke med"},
		{"workbook without the plan sheet", bookNoPlan, nil, renumbered, nil, "filen har ikke handlingsplanen med"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var plan *bytes.Reader
			p := Preview{}
			if tt.plan != nil {
				plan = bytes.NewReader(tt.plan)
				p = ReadImportWithPlan(bytes.NewReader(tt.file), plan, RegDeviations, Existing{Measures: tt.measures}, importToday)
			} else {
				p = ReadImport(bytes.NewReader(tt.file), RegDeviations, Existing{Measures: tt.measures}, importToday)
			}
			if errs := p.Errs(); len(errs) > 0 || len(p.Deviations.Rows) != 1 {
				t.Fatalf("%v", errs)
			}
			r := p.Deviations.Rows[0]
			if !slices.Equal(r.Value.MeasureIDs, tt.want) {
				t.Errorf("links %v, want %v (notes %q)", r.Value.MeasureIDs, tt.want, r.Notes)
			}
			notes := strings.Join(r.Notes, "\n")
			if tt.note == "" && strings.Contains(notes, "Tiltak") || tt.note != "" && !strings.Contains(notes, tt.note) {
				t.Errorf("notes %q, want %q", notes, tt.note)
			}
			if shown := strings.Join(p.Rows()[0].Notes, "\n"); shown != notes {
				t.Errorf("the preview shows %q", shown)
			}
			dropped := len(tt.want) == 0
			if s := p.Summary("fil"); strings.Contains(s, "1 kobling til tiltak tas ikke med") != dropped {
				t.Errorf("summary %q", s)
			}
		})
	}
}

// workbookWithout is the workbook with one sheet removed.
func workbookWithout(t *testing.T, book []byte, sheet string) []byte {
	t.Helper()
	f, err := excelizeOpen(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.DeleteSheet(sheet); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func excelizeOpen(b []byte) (*excelize.File, error) {
	return excelize.OpenReader(bytes.NewReader(b), xlsxOptions)
}
