package registers

import (
	"fmt"
	"io"
	"strings"

	"hmsutvalg/model"
)

// Existing is what an import is checked against: the unit's records.
type Existing struct {
	Measures   []model.Measure
	Deviations []model.Deviation
}

// Preview is a file read for import into one register, for the screens
// and the command line alike.
type Preview struct {
	Register   Register
	Measures   Import[model.Measure]
	Deviations Import[model.Deviation]
	keepIDs    bool
}

// ReadImport reads a CSV file or workbook for register reg and checks
// every row as of today.
func ReadImport(r io.Reader, reg Register, ex Existing, today model.Date) Preview {
	p := Preview{Register: reg}
	g, errs := ReadGrid(r, reg.Sheet())
	switch {
	case !reg.Valid():
		errs = fileErr(fmt.Sprintf("Registeret «%s» kan ikke importeres; velg handlingsplan eller avvik", reg))
	case errs != nil:
	case reg == RegMeasures:
		p.Measures = ParseMeasures(g, ex.Measures, today)
		p.keepIDs = len(ex.Measures) == 0
	default:
		p.Deviations = ParseDeviations(g, ex.Deviations, ex.Measures, today)
		p.keepIDs = len(ex.Deviations) == 0
	}
	if errs != nil {
		p.Measures.Errs = errs
	}
	return p
}

// Errs are every problem of the file; nothing may be imported if any.
func (p Preview) Errs() []model.CSVLineError {
	return append(append([]model.CSVLineError{}, p.Measures.Errs...), p.Deviations.Errs...)
}

// PreviewRow is one row as the preview shows it.
type PreviewRow struct {
	Line      int
	What      string // the record in a few words
	Outcome   string // new, new with its number, or already there and skipped
	Duplicate bool
	Notes     []string
}

// Rows are the file's rows as they will be imported.
func (p Preview) Rows() []PreviewRow {
	var out []PreviewRow
	for _, r := range p.Measures.Rows {
		m := r.Value
		what := fmt.Sprintf("%s (frist %s, %s)", m.Title, m.Deadline, strings.ToLower(m.Status.Label()))
		out = append(out, p.row(r.Line, what, r.FileNr, r.DuplicateOf, r.Notes))
	}
	for _, r := range p.Deviations.Rows {
		out = append(out, p.row(r.Line, r.Value.Label(), r.FileNr, r.DuplicateOf, r.Notes))
	}
	return out
}

func (p Preview) row(line int, what string, nr, dup uint64, notes []string) PreviewRow {
	r := PreviewRow{Line: line, What: what, Notes: notes, Outcome: "Ny", Duplicate: dup != 0}
	switch {
	case dup != 0:
		r.Outcome = fmt.Sprintf("Finnes allerede (nr. %d) – hoppes over", dup)
	case nr != 0 && p.keepIDs:
		r.Outcome = fmt.Sprintf("Ny, beholder nr. %d", nr)
	case nr != 0:
		r.Outcome = fmt.Sprintf("Ny, får nytt nummer (nr. %d i filen)", nr)
	}
	return r
}

// NewCount is how many rows will be imported; Duplicates how many are
// skipped as already in the unit.
func (p Preview) NewCount() int { return len(p.Measures.New()) + len(p.Deviations.New()) }

// Duplicates counts the rows already in the unit.
func (p Preview) Duplicates() int { return p.Measures.Duplicates() + p.Deviations.Duplicates() }

// Summary says in one sentence what an import of the file would do.
func (p Preview) Summary(name string) string {
	if errs := p.Errs(); len(errs) > 0 {
		return fmt.Sprintf("%s kan ikke importeres: %d feil. Ingenting importeres før alle radene er riktige – rett filen og velg den på nytt.", name, len(errs))
	}
	n, dup := p.NewCount(), p.Duplicates()
	what := "tiltak"
	if p.Register == RegDeviations {
		what = "avvik"
	}
	s := fmt.Sprintf("%s: %d %s er klare til import i %s", name, n, what, p.Register.Label())
	if dup > 0 {
		s += fmt.Sprintf("; %d finnes allerede og hoppes over", dup)
	}
	if n == 0 {
		s = fmt.Sprintf("%s: alle %d radene finnes allerede i %s; ingenting å importere", name, dup, p.Register.Label())
	}
	return s + "."
}
