package registers

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"hmsutvalg/model"
)

// A deviation register refers to measures by the action plan's «Nr.», and
// a number is only the same measure where the plan kept the numbers of the
// file: a plan imported into a plan that had measures, or into another
// unit, got new numbers, and nr. 3 in the file may be another measure's
// number here. So a link is followed by the measure, not the number:
//
//   - With the plan of the same export (the workbook's sheet
//     «Handlingsplan», or handlingsplan.csv beside avvik.csv), the file's
//     nr. 3 is a title and a deadline, and the link goes to the unit's
//     measure that is that measure (as the plan's own import tells a
//     measure already there), whatever its number here; a measure not in
//     the unit yet is left out, with a note to import the plan first.
//   - Without it, only a link to a measure made from the deviation itself
//     (its source names the deviation) is kept; any other is left out with
//     a note, instead of perhaps pointing at the wrong measure.

// PlanFileName is the action plan's file in a CSV export: a deviation
// file's links are read with it when it lies beside the deviation file.
const PlanFileName = string(RegMeasures) + ".csv"

// measureLinks resolves a deviation file's «Tiltak nr.».
type measureLinks struct {
	unit     map[uint64]model.Measure
	existing []model.Measure
	// file is the plan of the same export by its «Nr.»; nil: none given.
	file map[uint64]model.Measure
}

func newMeasureLinks(measures []model.Measure, file map[uint64]model.Measure) measureLinks {
	l := measureLinks{unit: map[uint64]model.Measure{}, existing: measures, file: file}
	for _, m := range measures {
		l.unit[m.ID] = m
	}
	return l
}

// resolve is the unit's measure file nr. n of deviation d links to, and
// the row's note about it: 0 and why when the link is left out.
func (l measureLinks) resolve(n uint64, d model.Deviation) (uint64, string) {
	if l.file == nil {
		return l.byNumber(n, d)
	}
	fm, ok := l.file[n]
	if !ok {
		return 0, fmt.Sprintf("Tiltak nr. %d står ikke i handlingsplanen i filen; koblingen tas ikke med", n)
	}
	id := measureDuplicate(fm, l.existing)
	switch {
	case id == 0:
		return 0, fmt.Sprintf("Tiltak nr. %d («%s») er ikke i handlingsplanen ennå; koblingen tas ikke med – importer handlingsplanen fra samme eksport først", n, fm.Title)
	case id != n:
		return id, fmt.Sprintf("Tiltak nr. %d i filen («%s») er nr. %d i handlingsplanen; koblingen følger tiltaket", n, fm.Title, id)
	}
	return id, ""
}

// byNumber keeps a link to nr. n only when the unit's measure n was made
// from d: without the file's plan, nothing else tells that nr. n here is
// the measure the file meant.
func (l measureLinks) byNumber(n uint64, d model.Deviation) (uint64, string) {
	m, ok := l.unit[n]
	switch {
	case !ok:
		return 0, fmt.Sprintf("Tiltak nr. %d finnes ikke i handlingsplanen; koblingen tas ikke med", n)
	case !m.MadeFrom(d):
		return 0, fmt.Sprintf("Tiltak nr. %d er «%s» i handlingsplanen, men filen har ikke handlingsplanen med, så det kan ikke sjekkes at det er samme tiltak; koblingen tas ikke med – importer arbeidsboken med begge arkene (eller handlingsplan.csv fra samme eksport)", n, m.Title)
	}
	return n, ""
}

// filePlan reads the plan of the same export, leniently: only the
// measures' numbers, titles and dates are needed to know them again, and
// a row that would not import still names its measure. raw is the file
// being imported (a workbook's own sheet «Handlingsplan» is used), plan
// the plan given apart (nil: none). It returns nil when there is none.
func filePlan(raw []byte, plan io.Reader, today model.Date) map[uint64]model.Measure {
	var g Grid
	var errs []model.CSVLineError
	switch {
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")):
		if !hasSheet(raw, RegMeasures.Sheet()) {
			return nil
		}
		g, errs = ReadXLSX(raw, RegMeasures.Sheet())
	case plan != nil:
		g, errs = ReadGrid(plan, RegMeasures.Sheet())
	default:
		return nil
	}
	if errs != nil {
		return nil
	}
	c, errs := readHeader(g, RegMeasures, []string{"Nr.", "Tiltak"}, nil)
	if errs != nil {
		return nil
	}
	out := map[uint64]model.Measure{}
	for _, row := range g.Rows {
		r, _ := measureRow(c, row, nil, today)
		if r.FileNr != 0 && r.Value.Title != "" {
			out[r.FileNr] = r.Value
		}
	}
	return out
}

// hasSheet reports whether the workbook raw has a sheet called name.
func hasSheet(raw []byte, name string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(raw), xlsxOptions)
	if err != nil {
		return false
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return true
		}
	}
	return false
}
