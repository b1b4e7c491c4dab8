package registers

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// Import of the action plan and the deviation register from a file with
// the columns the export writes, so an export reads back. As the
// sick-leave import: every row is checked with the model's Validate, and a
// file with any bad row imports nothing; rows already in the unit are
// shown and skipped.

// Register names a register that can be imported.
type Register string

// The registers that can be imported; the names are the export's file
// names (handlingsplan.csv, avvik.csv).
const (
	RegMeasures   Register = "handlingsplan"
	RegDeviations Register = "avvik"
)

// Registers are the registers that can be imported.
func Registers() []Register { return []Register{RegMeasures, RegDeviations} }

// table is the export's table of the register, with every column.
func (r Register) table() (Table, bool) {
	for _, t := range Build(model.AnnualData{}, Options{Descriptions: true}) {
		if t.Name == string(r) {
			return t, true
		}
	}
	return Table{}, false
}

// Valid reports whether r can be imported.
func (r Register) Valid() bool {
	_, ok := r.table()
	return ok && (r == RegMeasures || r == RegDeviations)
}

// Sheet is the register's sheet in the exported workbook.
func (r Register) Sheet() string { t, _ := r.table(); return t.Sheet }

// Label is the register as it reads in a sentence.
func (r Register) Label() string {
	if r == RegDeviations {
		return "avviksregisteret"
	}
	return "handlingsplanen"
}

// ImportRow is one row of a file to import.
type ImportRow[T any] struct {
	Line   int
	FileNr uint64 // the file's «Nr.»; 0 when not given
	// Value is the record as it will be saved; its ID is FileNr, which
	// storage keeps only when importing into an empty register.
	Value T
	// DuplicateOf is the record already in the unit that this row is; the
	// row is not imported. 0 for a new record.
	DuplicateOf uint64
	// Notes are what the preview says about the row besides new or
	// duplicate, e.g. a link to a measure that is not in the unit.
	Notes []string
	// Filled counts the texts that got MissingText; Dropped are the
	// measure numbers whose links are left out (not in the unit).
	Filled  int
	Dropped []uint64
}

// Import is a file read for import: the rows, or every problem.
type Import[T any] struct {
	Rows []ImportRow[T]
	Errs []model.CSVLineError
}

// New returns the rows' records that are not in the unit already.
func (im Import[T]) New() []T {
	var out []T
	for _, r := range im.Rows {
		if r.DuplicateOf == 0 {
			out = append(out, r.Value)
		}
	}
	return out
}

// Duplicates counts the rows that are in the unit already.
func (im Import[T]) Duplicates() int { return len(im.Rows) - len(im.New()) }

// columns maps the file's header to the register's columns: cols[i] is
// the export's name for cell i.
type columns struct {
	reg   Register
	cols  []string
	index map[string]int
}

func (c columns) has(name string) bool { _, ok := c.index[name]; return ok }

// get returns the trimmed cell of column name in row, "" if the file has
// no such column or the row is short.
func (c columns) get(row []string, name string) string {
	i, ok := c.index[name]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// readHeader checks the header against the register's columns: every
// cell must name one, once, and the required ones must be there.
func readHeader(g Grid, reg Register, required []string, hint map[string]string) (columns, []model.CSVLineError) {
	t, _ := reg.table()
	known := map[string]string{}
	var names []string
	for _, col := range t.Columns {
		known[strings.ToLower(col.Name)] = col.Name
		names = append(names, col.Name)
	}
	c := columns{reg: reg, index: map[string]int{}}
	var errs []model.CSVLineError
	line := max(g.HeaderLine, 1)
	if len(g.Header) == 1 && strings.ContainsAny(g.Header[0], ",\t") {
		return c, []model.CSVLineError{{Line: line, Message: "Kolonnene skal skilles med semikolon (;). Lagre filen som «CSV (semikolondelt)»"}}
	}
	for i, h := range g.Header {
		name, ok := known[strings.ToLower(strings.TrimSpace(h))]
		switch {
		case strings.TrimSpace(h) == "":
			errs = append(errs, model.CSVLineError{Line: line, Message: fmt.Sprintf("Kolonne %d mangler overskrift", i+1)})
		case !ok:
			errs = append(errs, model.CSVLineError{Line: line, Column: h, Message: fmt.Sprintf("Ukjent kolonne i %s. Kolonnene i en eksport av registeret er: %s",
				reg.Label(), strings.Join(names, "; "))})
		case c.has(name):
			errs = append(errs, model.CSVLineError{Line: line, Column: h, Message: "Kolonnen står to ganger"})
		default:
			c.index[name] = i
		}
		c.cols = append(c.cols, name)
	}
	if len(errs) > 0 {
		return c, errs
	}
	for _, r := range required {
		if !c.has(r) {
			errs = append(errs, model.CSVLineError{Line: line, Column: r, Message: "Kolonnen mangler. " + hint[r]})
		}
	}
	return c, errs
}

// rowErrs collects the problems of one row.
type rowErrs struct {
	line  int
	field map[string]string // the model's field name → the column
	errs  []model.CSVLineError
}

func (e *rowErrs) add(col, msg string) {
	e.errs = append(e.errs, model.CSVLineError{Line: e.line, Column: col, Message: msg})
}

// validation adds the model's messages, each under its column.
func (e *rowErrs) validation(err error) {
	var v model.ValidationError
	if !errors.As(err, &v) {
		if err != nil {
			e.add("", err.Error())
		}
		return
	}
	for _, fe := range v {
		e.add(e.field[fe.Field], fe.Message)
	}
}

func (e *rowErrs) date(c columns, row []string, col string) model.Date {
	s := c.get(row, col)
	if s == "" {
		return model.Date{}
	}
	d, err := model.ParseDateField(col, s)
	if err != nil {
		e.add(col, dateMessage(err, col, s))
	}
	return d
}

// dateMessage is the model's message about a date without the column's
// name in front, which the line's «kolonne …» already says.
func dateMessage(err error, col, s string) string {
	msg := err.Error()
	var fe *model.FieldError
	if errors.As(err, &fe) {
		msg = fe.Message
	}
	if strings.HasPrefix(msg, col+" må") {
		return fmt.Sprintf("«%s» er ikke en dato; skriv den som dd.mm.åååå", s)
	}
	return strings.TrimPrefix(msg, col+": ")
}

func (e *rowErrs) nr(c columns, row []string) uint64 {
	s := c.get(row, "Nr.")
	if s == "" {
		return 0
	}
	n, err := strconv.ParseUint(wholeNumber(s), 10, 64)
	if err != nil || n == 0 || n > 1<<40 {
		e.add("Nr.", "Nr. må være et helt tall større enn 0, eller tomt")
		return 0
	}
	return n
}

// wholeNumber drops a zero decimal part a spreadsheet adds ("12,0").
func wholeNumber(s string) string {
	for _, sep := range []string{",", "."} {
		if whole, frac, ok := strings.Cut(s, sep); ok && frac != "" && strings.Trim(frac, "0") == "" {
			return whole
		}
	}
	return s
}

// enum parses a label (or the stored code) of column col; "" gives the
// zero value, left for Validate.
func enum[T ~string](e *rowErrs, c columns, row []string, col string, from func(string) (T, bool), labels []string) T {
	s := c.get(row, col)
	if s == "" {
		return ""
	}
	v, ok := from(s)
	if !ok {
		e.add(col, fmt.Sprintf("«%s» er ikke en av: %s", s, strings.Join(labels, "; ")))
	}
	return v
}

// idList reads "3, 7" (the export's «Tiltak nr.»).
func (e *rowErrs) idList(c columns, row []string, col string) []uint64 {
	var out []uint64
	for _, f := range strings.FieldsFunc(c.get(row, col), func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		n, err := strconv.ParseUint(wholeNumber(f), 10, 64)
		if err != nil || n == 0 {
			e.add(col, fmt.Sprintf("«%s» er ikke et tiltaksnummer; skriv numrene med komma mellom, f.eks. 3, 7", f))
			continue
		}
		out = append(out, n)
	}
	return out
}

// parseRows runs one row parser over the grid, checks that a «Nr.» is
// not given twice and gathers the problems. A file whose rows all fail is
// reported row by row; a file with no rows at all once.
func parseRows[T any](g Grid, c columns, parse func(row GridRow) (ImportRow[T], []model.CSVLineError)) Import[T] {
	var im Import[T]
	seen := map[uint64]int{}
	for _, row := range g.Rows {
		r, errs := parse(row)
		if r.FileNr != 0 {
			if first, dup := seen[r.FileNr]; dup {
				errs = append(errs, model.CSVLineError{Line: row.Line, Column: "Nr.",
					Message: fmt.Sprintf("Nr. %d står også på linje %d; hvert nummer kan bare stå én gang", r.FileNr, first)})
			} else {
				seen[r.FileNr] = row.Line
			}
		}
		if extra := extraCells(row.Cells, len(c.cols)); extra {
			errs = append(errs, model.CSVLineError{Line: row.Line, Message: fmt.Sprintf("Linjen har flere celler enn overskriften har kolonner (%d)", len(c.cols))})
		}
		im.Errs = append(im.Errs, errs...)
		im.Rows = append(im.Rows, r)
	}
	if len(g.Rows) == 0 {
		im.Errs = fileErr("Filen har overskrifter, men ingen rader")
	}
	if len(im.Errs) > 0 {
		im.Rows = nil
	}
	return im
}

func extraCells(cells []string, n int) bool {
	for i := n; i < len(cells); i++ {
		if strings.TrimSpace(cells[i]) != "" {
			return true
		}
	}
	return false
}

// MissingText is what a required text gets when the file has no column
// for it: a register exported without «Ta med beskrivelser» leaves the
// free text out, and the model requires what happened for a deviation,
// the evaluation of an evaluated measure and the reason for a rejected
// one. It says plainly that the text is not the record's own, and the
// preview says which rows get it.
const MissingText = "(Ikke med i importfilen – registeret var eksportert uten beskrivelser)"

// fillMissing gives *field MissingText when the record needs the text and
// the file has no column col; it returns the row's note about it, or "".
func fillMissing(c columns, col string, needed bool, field *string) string {
	if !needed || c.has(col) || *field != "" {
		return ""
	}
	*field = MissingText
	return fmt.Sprintf("Filen har ikke kolonnen «%s»; feltet får en merknad om at teksten mangler", col)
}

func same(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
