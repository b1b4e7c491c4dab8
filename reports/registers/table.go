// Package registers turns the unit's registers into plain tables, one per
// register, and writes them as CSV files or one Excel workbook. The
// command line (hmsutvalg registers) and the screens share it, so the
// columns of a register are defined once, here.
package registers

import (
	"hmsutvalg/model"
)

// Kind is what a column holds; the workbook stores numbers and dates as
// such, the CSV writes them the Norwegian way.
type Kind int

// The column kinds.
const (
	Text Kind = iota
	Int
	Decimal // one decimal, e.g. a percentage
	Date
)

// Column is one column of a register.
type Column struct {
	Name  string
	Kind  Kind
	Width float64 // in the workbook, in characters
}

// Cell is one value; Empty for a missing number or date.
type Cell struct {
	Text  string
	Num   float64
	Date  model.Date
	Empty bool
}

// Table is one register.
type Table struct {
	Name    string // file name without extension, e.g. "avvik"
	Sheet   string // sheet name in the workbook (at most 31 characters)
	Columns []Column
	Rows    [][]Cell
}

func txt(s string) Cell { return Cell{Text: s} }

func num(v int) Cell { return Cell{Num: float64(v)} }

// optNum is a count where 0 means "not given".
func optNum(v int) Cell {
	if v == 0 {
		return Cell{Empty: true}
	}
	return num(v)
}

func pct(p *model.Percent) Cell {
	if p == nil {
		return Cell{Empty: true}
	}
	return Cell{Num: p.Float()}
}

func date(d model.Date) Cell {
	if d.IsZero() {
		return Cell{Empty: true}
	}
	return Cell{Date: d}
}

func yesNo(b bool) Cell {
	if b {
		return txt("ja")
	}
	return txt("nei")
}
