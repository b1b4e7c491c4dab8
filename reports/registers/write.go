package registers

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/xuri/excelize/v2"

	"hmsutvalg/reports"
)

// CSV returns the table as the aggregate CSV is written: semicolons,
// decimal comma, dd.mm.åååå, UTF-8 with a byte order mark.
func CSV(t Table) []byte {
	var buf bytes.Buffer
	w := reports.NewCSVWriter(&buf)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Name
	}
	_ = w.Write(head)
	for _, r := range t.Rows {
		rec := make([]string, len(r))
		for i, c := range r {
			rec[i] = cellText(t.Columns[i].Kind, c)
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

func cellText(k Kind, c Cell) string {
	switch {
	case c.Empty:
		return ""
	case k == Int:
		return strconv.FormatFloat(c.Num, 'f', 0, 64)
	case k == Decimal:
		return reports.FormatNumber(c.Num, 1)
	case k == Date:
		return c.Date.String()
	}
	return c.Text
}

// WriteCSVs writes one file per table into dir (made if missing) and
// returns the paths written.
func WriteCSVs(dir string, ts []Table) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, t := range ts {
		p := filepath.Join(dir, t.Name+".csv")
		if err := reports.WriteFileAtomic(p, CSV(t)); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Number formats in the workbook: Norwegian Excel shows them with its own
// separators; the built-in date format 14 follows the reader's locale, so
// an explicit one keeps dd.mm.yyyy.
const (
	dateFormat    = "dd.mm.yyyy"
	decimalFormat = "0.0"
)

// XLSX returns one workbook with a sheet per table: dates as dates,
// numbers as numbers, the header row bold and frozen, widths set.
func XLSX(ts []Table) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	for i, t := range ts {
		if err := addSheet(f, i, t, st); err != nil {
			return nil, fmt.Errorf("arket %s: %w", t.Sheet, err)
		}
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type styles struct{ head, date, decimal int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	if s.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return s, err
	}
	df := dateFormat
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &df}); err != nil {
		return s, err
	}
	nf := decimalFormat
	s.decimal, err = f.NewStyle(&excelize.Style{CustomNumFmt: &nf})
	return s, err
}

func addSheet(f *excelize.File, i int, t Table, st styles) error {
	name := t.Sheet
	if i == 0 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := writeHeader(f, name, t, st); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for c, cell := range row {
			if err := writeCell(f, name, c+1, r+2, t.Columns[c].Kind, cell); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func writeHeader(f *excelize.File, sheet string, t Table, st styles) error {
	for c, col := range t.Columns {
		ref, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(sheet, ref, col.Name); err != nil {
			return err
		}
		letter, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, letter, letter, col.Width); err != nil {
			return err
		}
		if err := columnStyle(f, sheet, letter, col.Kind, st); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(max(len(t.Columns), 1), 1)
	return f.SetCellStyle(sheet, "A1", last, st.head)
}

func columnStyle(f *excelize.File, sheet, letter string, k Kind, st styles) error {
	switch k {
	case Date:
		return f.SetColStyle(sheet, letter, st.date)
	case Decimal:
		return f.SetColStyle(sheet, letter, st.decimal)
	}
	return nil
}

func writeCell(f *excelize.File, sheet string, col, row int, k Kind, c Cell) error {
	if c.Empty {
		return nil
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch k {
	case Int, Decimal:
		return f.SetCellFloat(sheet, ref, c.Num, -1, 64)
	case Date:
		return f.SetCellValue(sheet, ref, c.Date.Time())
	}
	return f.SetCellStr(sheet, ref, c.Text)
}
