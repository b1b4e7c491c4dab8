package registers

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"hmsutvalg/model"
)

// Existing is what an import is checked against: the unit's records.
type Existing struct {
	Measures   []model.Measure
	Deviations []model.Deviation
	// NextMeasure and NextDeviation are the numbers the registers give
	// their next new record (storage's NextImportIDs); 0 = not known, and
	// the preview says only that a row gets a new number.
	NextMeasure, NextDeviation uint64
}

// Preview is a file read for import into one register, for the screens
// and the command line alike.
type Preview struct {
	Register   Register
	Measures   Import[model.Measure]
	Deviations Import[model.Deviation]
	keepIDs    bool
	next       uint64 // the register's next number; 0 = not known
}

// ReadImport reads a CSV file or workbook for register reg and checks
// every row as of today.
func ReadImport(r io.Reader, reg Register, ex Existing, today model.Date) Preview {
	return ReadImportWithPlan(r, nil, reg, ex, today)
}

// ReadImportWithPlan is ReadImport with the action plan of the same export
// given apart (plan: handlingsplan.csv beside avvik.csv; nil: none), which
// a deviation file's links to measures follow (measureLinks). A
// workbook's own sheet «Handlingsplan» is used without it.
func ReadImportWithPlan(r, plan io.Reader, reg Register, ex Existing, today model.Date) Preview {
	p := Preview{Register: reg}
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		p.Measures.Errs = fileErr("Filen kunne ikke leses: " + err.Error())
		return p
	}
	g, errs := ReadGrid(bytes.NewReader(raw), reg.Sheet())
	switch {
	case !reg.Valid():
		errs = fileErr(fmt.Sprintf("Registeret «%s» kan ikke importeres; velg handlingsplan eller avvik", reg))
	case errs != nil:
	case reg == RegMeasures:
		p.Measures = ParseMeasures(g, ex.Measures, today)
		p.keepIDs, p.next = len(ex.Measures) == 0, ex.NextMeasure
	default:
		p.Deviations = ParseDeviationsWithPlan(g, ex.Deviations, ex.Measures, filePlan(raw, plan, today), today)
		p.keepIDs, p.next = len(ex.Deviations) == 0, ex.NextDeviation
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
	num := p.numbering()
	for _, r := range p.Measures.Rows {
		m := r.Value
		what := fmt.Sprintf("%s (frist %s, %s)", m.Title, m.Deadline, strings.ToLower(m.Status.Label()))
		out = append(out, p.row(r.Line, what, r.FileNr, r.DuplicateOf, num(r.FileNr, r.DuplicateOf), r.Notes))
	}
	for _, r := range p.Deviations.Rows {
		out = append(out, p.row(r.Line, r.Value.Label(), r.FileNr, r.DuplicateOf, num(r.FileNr, r.DuplicateOf), r.Notes))
	}
	return out
}

// numbering returns what number each row in turn will get, as storage
// gives them: into an empty register a row keeps the file's number and
// rows without one follow the highest; otherwise every new row gets the
// register's next number in file order. 0 = a duplicate, or not known.
func (p Preview) numbering() func(fileNr, dup uint64) uint64 {
	last := uint64(0)
	if p.next > 0 {
		last = p.next - 1
	}
	if p.keepIDs {
		for _, r := range p.Measures.Rows {
			last = max(last, r.FileNr)
		}
		for _, r := range p.Deviations.Rows {
			last = max(last, r.FileNr)
		}
	}
	return func(fileNr, dup uint64) uint64 {
		switch {
		case dup != 0:
			return 0
		case p.keepIDs && fileNr != 0:
			return fileNr
		case p.next == 0:
			return 0
		}
		last++
		return last
	}
}

// row is one row of the preview; a row skipped as already in the unit
// has no notes, since nothing of it is imported.
func (p Preview) row(line int, what string, nr, dup, gets uint64, notes []string) PreviewRow {
	if dup != 0 {
		notes = nil
	}
	r := PreviewRow{Line: line, What: what, Notes: notes, Outcome: "Ny", Duplicate: dup != 0}
	switch {
	case dup != 0:
		r.Outcome = fmt.Sprintf("Finnes allerede (nr. %d) – hoppes over", dup)
	case nr != 0 && p.keepIDs:
		r.Outcome = fmt.Sprintf("Ny – beholder nr. %d", nr)
	case gets != 0 && nr != 0:
		r.Outcome = fmt.Sprintf("Ny – blir nr. %d (var nr. %d i filen)", gets, nr)
	case gets != 0:
		r.Outcome = fmt.Sprintf("Ny – blir nr. %d", gets)
	case nr != 0:
		r.Outcome = fmt.Sprintf("Ny – får et nytt nummer etter de som finnes (var nr. %d i filen)", nr)
	}
	return r
}

// NewCount is how many rows will be imported; Duplicates how many are
// skipped as already in the unit.
func (p Preview) NewCount() int { return len(p.Measures.New()) + len(p.Deviations.New()) }

// Duplicates counts the rows already in the unit.
func (p Preview) Duplicates() int { return p.Measures.Duplicates() + p.Deviations.Duplicates() }

// Summary says what an import of the file would do: how many rows are
// new and how many already there, how many get MissingText, and how many
// links to measures are dropped. For a bad file it says that nothing is
// imported; the screen or the command line adds how to try again.
func (p Preview) Summary(name string) string {
	if errs := p.Errs(); len(errs) > 0 {
		return fmt.Sprintf("%s kan ikke importeres: %d feil. Ingenting importeres før alle radene er riktige.", name, len(errs))
	}
	n, dup := p.NewCount(), p.Duplicates()
	what := "tiltak"
	if p.Register == RegDeviations {
		what = "avvik"
	}
	if n == 0 {
		return fmt.Sprintf("%s: alle %d radene finnes allerede i %s; ingenting å importere.", name, dup, p.Register.Label())
	}
	s := fmt.Sprintf("%s: %d %s er klare til import i %s", name, n, what, p.Register.Label())
	if dup > 0 {
		s += fmt.Sprintf("; %d finnes allerede og hoppes over", dup)
	}
	s += "."
	filled, dropped := p.newRowFacts()
	if filled > 0 {
		s += fmt.Sprintf(" Filen er uten beskrivelser: %s som må være med, får teksten «%s».", count(filled, "tekst", "tekster"), MissingText)
	}
	if dropped > 0 {
		s += fmt.Sprintf(" %s til tiltak tas ikke med, fordi tiltaket ikke finnes i handlingsplanen eller ikke kan kjennes igjen (merknaden på raden sier hvilket) – importer handlingsplanen fra samme eksport først, helst arbeidsboken med begge arkene.",
			count(dropped, "kobling", "koblinger"))
	}
	return s
}

// count is "1 tekst" or "3 tekster".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// newRowFacts counts, over the rows that will be imported, the texts that
// get MissingText and the links to measures that are dropped.
func (p Preview) newRowFacts() (filled, dropped int) {
	for _, r := range p.Measures.Rows {
		if r.DuplicateOf == 0 {
			filled += r.Filled
		}
	}
	for _, r := range p.Deviations.Rows {
		if r.DuplicateOf == 0 {
			filled += r.Filled
			dropped += len(r.Dropped)
		}
	}
	return filled, dropped
}
