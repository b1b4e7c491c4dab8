package registers

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"hmsutvalg/model"
)

// Reading a register back: a CSV file or a workbook with the columns the
// export writes becomes a Grid of text cells, each row with the line (CSV)
// or row number (workbook) the user sees, so every message can say where.

// Limits for a file to import.
const (
	MaxImportBytes = 20 << 20 // a workbook of a few thousand rows is far below
	MaxImportRows  = 5000
)

// Grid is a register as text: the header and the rows with something in
// them. Dates are dd.mm.åååå whether the file had them as text or, in a
// workbook, as date cells.
type Grid struct {
	Header     []string
	HeaderLine int
	Rows       []GridRow
}

// GridRow is one data row and its line or row number (1-based; the header
// is usually 1).
type GridRow struct {
	Line  int
	Cells []string
}

// ReadGrid reads a CSV file or a workbook (told apart by content, not by
// name); a workbook's sheet is the one named sheet, or its only sheet.
func ReadGrid(r io.Reader, sheet string) (Grid, []model.CSVLineError) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return Grid{}, fileErr("Filen kunne ikke leses: " + err.Error())
	}
	if len(raw) > MaxImportBytes {
		return Grid{}, fileErr(fmt.Sprintf("Filen er større enn %s byte; er det riktig fil?", model.FormatInt(MaxImportBytes)))
	}
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return ReadXLSX(raw, sheet)
	}
	return ReadCSV(raw)
}

func fileErr(msg string) []model.CSVLineError { return []model.CSVLineError{{Message: msg}} }

// ReadCSV reads a semicolon-separated file as the export writes it (UTF-8
// with or without a byte order mark; other bytes are read as Windows-1252,
// as Excel saves «CSV (semikolondelt)»). Quoted cells may hold semicolons
// and line breaks.
func ReadCSV(raw []byte) (Grid, []model.CSVLineError) {
	r := csv.NewReader(strings.NewReader(model.DecodeCSVText(raw)))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	var g Grid
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return Grid{}, []model.CSVLineError{{Line: line, Message: "Linjen kan ikke leses som semikolondelt tekst (sjekk anførselstegnene)"}}
		}
		line, _ := r.FieldPos(0)
		if errs := g.add(line, rec); errs != nil {
			return Grid{}, errs
		}
	}
	return g.done()
}

// add puts a record into g: the first one with text is the header, blank
// ones are skipped.
func (g *Grid) add(line int, rec []string) []model.CSVLineError {
	if blank(rec) {
		return nil
	}
	if g.Header == nil {
		for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
			rec = rec[:len(rec)-1]
		}
		g.Header, g.HeaderLine = rec, line
		return nil
	}
	if len(g.Rows) >= MaxImportRows {
		return fileErr(fmt.Sprintf("Filen har mer enn %s rader; er det riktig fil?", model.FormatInt(MaxImportRows)))
	}
	g.Rows = append(g.Rows, GridRow{Line: line, Cells: rec})
	return nil
}

func (g Grid) done() (Grid, []model.CSVLineError) {
	if g.Header == nil {
		return Grid{}, fileErr("Filen er tom. Første linje skal være overskriftene, som i en eksport fra programmet")
	}
	return g, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// xlsxOptions keep a hostile workbook (a zip bomb) from filling memory.
var xlsxOptions = excelize.Options{UnzipSizeLimit: 200 << 20, UnzipXMLSizeLimit: 50 << 20}

// ReadXLSX reads one sheet of a workbook. Cells are read unformatted, so a
// date cell becomes dd.mm.åååå from its serial number whatever format the
// sheet shows it in, and a number is never rounded by its display format.
func ReadXLSX(raw []byte, sheet string) (g Grid, errs []model.CSVLineError) {
	defer func() {
		// A malformed workbook must give a message, never take the
		// program down.
		if r := recover(); r != nil {
			g, errs = Grid{}, fileErr("Arbeidsboken er skadet og kan ikke leses")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(raw), xlsxOptions)
	if err != nil {
		return Grid{}, fileErr("Filen er ikke en arbeidsbok som kan leses (xlsx): " + err.Error())
	}
	defer f.Close()
	name, errs := pickSheet(f, sheet)
	if errs != nil {
		return Grid{}, errs
	}
	rows, err := f.Rows(name)
	if err != nil {
		return Grid{}, fileErr("Arket «" + name + "» kan ikke leses: " + err.Error())
	}
	defer rows.Close()
	var dates map[int]bool
	for n := 1; rows.Next(); n++ {
		rec, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return Grid{}, []model.CSVLineError{{Line: n, Message: "Raden kan ikke leses: " + err.Error()}}
		}
		if g.Header != nil {
			rec = withDates(rec, dates)
		}
		if errs := g.add(n, rec); errs != nil {
			return Grid{}, errs
		}
		if g.Header != nil && dates == nil {
			dates = dateColumns(g.Header)
		}
	}
	if err := rows.Error(); err != nil {
		return Grid{}, fileErr("Arket «" + name + "» kan ikke leses: " + err.Error())
	}
	return g.done()
}

// pickSheet is the register's sheet, or the only sheet of the workbook.
func pickSheet(f *excelize.File, sheet string) (string, []model.CSVLineError) {
	list := f.GetSheetList()
	for _, s := range list {
		if strings.EqualFold(strings.TrimSpace(s), sheet) {
			return s, nil
		}
	}
	if len(list) == 1 {
		return list[0], nil
	}
	return "", fileErr(fmt.Sprintf("Arbeidsboken har ikke arket «%s». Arkene er: %s", sheet, strings.Join(list, ", ")))
}

// dateColumns are the columns whose header names a date column of any
// register the export writes.
func dateColumns(header []string) map[int]bool {
	out := map[int]bool{}
	for i, h := range header {
		if dateHeaders[strings.ToLower(strings.TrimSpace(h))] {
			out[i] = true
		}
	}
	return out
}

var dateHeaders = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range Build(model.AnnualData{}, Options{Descriptions: true}) {
		for _, c := range t.Columns {
			if c.Kind == Date {
				m[strings.ToLower(c.Name)] = true
			}
		}
	}
	return m
}()

// withDates turns date serial numbers in date columns into dd.mm.åååå;
// text there (a date typed as text) is left for the parser.
func withDates(rec []string, dates map[int]bool) []string {
	for i, c := range rec {
		if !dates[i] {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(c), 64)
		if err != nil || v < 1 || v > 2958465 { // 31.12.9999
			continue
		}
		t, err := excelize.ExcelDateToTime(v, false)
		if err == nil {
			rec[i] = model.DateOf(t).String()
		}
	}
	return rec
}
