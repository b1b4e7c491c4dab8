package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// CSV import of quarterly sick-leave figures, as a Norwegian spreadsheet
// saves them: semicolon-separated, decimal comma, a header row naming the
// columns. Excel's "CSV (semikolondelt)" writes Windows-1252, so input that
// is not UTF-8 is read as such.

// CSVLineError is one problem in an imported file. Line is 1-based (the
// header is line 1); 0 means the file as a whole. Column is the column's
// name as written in the header, or "" when the problem is the whole line.
type CSVLineError struct {
	Line    int
	Column  string
	Message string
}

// Error returns e.g. "Linje 4, kolonne «egenmeldt»: Egenmeldt må være et
// tall …".
func (e CSVLineError) Error() string {
	where := "Filen"
	if e.Line > 0 {
		where = fmt.Sprintf("Linje %d", e.Line)
	}
	if e.Column != "" {
		where += fmt.Sprintf(", kolonne «%s»", e.Column)
	}
	return where + ": " + e.Message
}

// Limits for an imported file.
const (
	MaxSickLeaveCSVBytes = 1 << 20
	MaxSickLeaveCSVLines = 2000
)

type sickCol int

const (
	colQuarter sickCol = iota
	colTotal
	colSelf
	colDoctorShort
	colDoctorLong
	colEmployees
	colAgreedDays
	colCount
)

// sickColFields are the model's names of the columns, used for messages.
var sickColFields = [colCount]string{FieldSickQuarter, FieldSickTotal, FieldSelfCertified, FieldDoctorShort, FieldDoctorLong, FieldSickEmployees, FieldAgreedDays}

// SickLeaveCSVHeader is the header line the program writes and suggests.
const SickLeaveCSVHeader = "kvartal;sykefravær totalt;egenmeldt;legemeldt korttid;legemeldt langtid;ansatte;avtalte dagsverk"

// sickColumn recognises a header cell: case, spaces, a "%" or "(%)",
// "ae/oe/aa" for "æ/ø/å" and words like "antall" or "prosent" do not
// matter.
func sickColumn(h string) (sickCol, bool) {
	s := sickHeaderWords(h)
	switch {
	case s == "":
		return 0, false
	case headerHas(s, "kvartal", "periode", "quarter") && !headerHas(s, "fravaer"):
		return colQuarter, true
	case headerHas(s, "egenmeld"):
		return colSelf, true
	case headerHas(s, "legemeld", "sykmeld"):
		return doctorColumn(s)
	case headerHas(s, "avtalt") || s == "dagsverk":
		return colAgreedDays, true
	case headerHas(s, "ansatt", "arbeidstaker"):
		return colEmployees, true
	case isTotalHeader(s):
		return colTotal, true
	}
	return 0, false
}

// sickHeaderSpelling folds the spellings of a header cell: æ/ø/å as
// ae/o/a, punctuation as spaces.
var sickHeaderSpelling = strings.NewReplacer("æ", "ae", "ø", "o", "oe", "o", "å", "a", "aa", "a", "%", " ", "(", " ", ")", " ",
	"_", " ", "-", " ", ".", " ", ":", " ")

// sickHeaderWords is header cell h in lower case with folded spelling,
// without the words that do not name a column ("antall", "prosent" …),
// words separated by one space.
func sickHeaderWords(h string) string {
	var words []string
	for _, w := range strings.Fields(sickHeaderSpelling.Replace(strings.ToLower(h))) {
		switch w {
		case "antall", "prosent", "pst", "i", "av", "andel", "sum":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// headerHas reports whether the header words s contain any of subs.
func headerHas(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// doctorColumn tells the two doctor-certified columns apart. Legemeldt in
// total cannot be split; the caller says so.
func doctorColumn(s string) (sickCol, bool) {
	switch {
	case headerHas(s, "kort"):
		return colDoctorShort, true
	case headerHas(s, "lang"):
		return colDoctorLong, true
	}
	return 0, false
}

// isTotalHeader: the header words name the total sick leave.
func isTotalHeader(s string) bool {
	switch s {
	case "sykefravaer", "fravaer", "sykefravaersprosent", "sykefravaer totalt":
		return true
	}
	return headerHas(s, "total", "samlet")
}

// DecodeCSVText turns a raw CSV file (the sick-leave import, the register
// imports) into UTF-8 text without a byte-order mark; bytes that are not
// UTF-8 are read as Windows-1252/Latin-1, which covers æ, ø and å as
// Norwegian spreadsheets save them.
func DecodeCSVText(raw []byte) string {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if utf8.Valid(raw) {
		return string(raw)
	}
	var b strings.Builder
	for _, c := range raw {
		b.WriteRune(rune(c))
	}
	return b.String()
}

// splitCSVLine splits one line on semicolons outside double quotes; "" in
// a quoted cell is a quote. ok is false for an unterminated quote.
func splitCSVLine(line string) (cells []string, ok bool) {
	var cur strings.Builder
	inQuote := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQuote && c == '"' && i+1 < len(line) && line[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			inQuote = !inQuote
		case c == ';' && !inQuote:
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	cells = append(cells, cur.String())
	return cells, !inQuote
}

// ParseSickLeaveCSV reads quarterly figures from a semicolon-separated file
// with a header row (see SickLeaveCSVHeader; the names may vary, e.g.
// "Kvartal", "Sykefravær %", "Egenmeldt (%)"). Only "kvartal" and the total
// are required columns. Cells take a decimal comma or dot and an optional
// "%"; empty optional cells mean unknown; empty lines are skipped.
//
// Each line is validated as of today like a quarter typed in the program
// (SickLeaveQuarter.Validate), and a quarter given twice is an error. The
// quarters are returned in file order, but only when there are no errors:
// an import is all or nothing, so errs lists every problem, each with its
// line and column.
func ParseSickLeaveCSV(r io.Reader, today Date) (qs []SickLeaveQuarter, errs []CSVLineError) {
	lines, ferr := readSickCSVLines(r)
	if ferr != nil {
		return nil, []CSVLineError{*ferr}
	}
	headerLine := firstLineWithText(lines)
	if headerLine < 0 {
		return nil, []CSVLineError{{Message: "Filen er tom. Første linje skal være overskriftene: " + SickLeaveCSVHeader}}
	}
	cols, names, herrs := parseSickHeader(lines[headerLine], headerLine+1)
	if len(herrs) > 0 {
		return nil, herrs
	}

	seen := map[Quarter]int{} // the line each quarter is on
	for i := headerLine + 1; i < len(lines); i++ {
		lineNo := i + 1
		q, lineErrs, blank := readSickDataLine(lines[i], cols, names, lineNo, today)
		switch {
		case blank:
		case len(lineErrs) > 0:
			errs = append(errs, lineErrs...)
		case seen[q.Quarter] > 0:
			errs = append(errs, CSVLineError{Line: lineNo, Column: names[colQuarter],
				Message: fmt.Sprintf("Kvartal %s står også på linje %d; hvert kvartal kan bare stå én gang", q.Quarter, seen[q.Quarter])})
		default:
			seen[q.Quarter] = lineNo
			qs = append(qs, q)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(qs) == 0 {
		return nil, []CSVLineError{{Message: "Filen har overskrifter, men ingen linjer med tall"}}
	}
	return qs, nil
}

// readSickCSVLines reads the file within the limits and splits it into
// lines (any line ending); the error is about the file as a whole.
func readSickCSVLines(r io.Reader) ([]string, *CSVLineError) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxSickLeaveCSVBytes+1))
	if err != nil {
		return nil, &CSVLineError{Message: "Filen kunne ikke leses: " + err.Error()}
	}
	if len(raw) > MaxSickLeaveCSVBytes {
		return nil, &CSVLineError{Message: fmt.Sprintf("Filen er større enn %s byte; er det riktig fil?", FormatInt(MaxSickLeaveCSVBytes))}
	}
	text := strings.ReplaceAll(DecodeCSVText(raw), "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	if len(lines) > MaxSickLeaveCSVLines {
		return nil, &CSVLineError{Message: fmt.Sprintf("Filen har mer enn %s linjer; er det riktig fil?", FormatInt(MaxSickLeaveCSVLines))}
	}
	return lines, nil
}

// firstLineWithText is the index of the header: the first line with more
// than semicolons and spaces, or -1.
func firstLineWithText(lines []string) int {
	for i, l := range lines {
		if strings.TrimSpace(strings.ReplaceAll(l, ";", "")) != "" {
			return i
		}
	}
	return -1
}

// readSickDataLine reads the data line numbered lineNo. blank: the line
// has no text and is skipped. A line with text in cells beyond the
// header's columns is refused as a whole.
func readSickDataLine(line string, cols []sickCol, names [colCount]string, lineNo int, today Date) (q SickLeaveQuarter, errs []CSVLineError, blank bool) {
	cells, ok := splitCSVLine(line)
	if !ok {
		return q, []CSVLineError{{Line: lineNo, Message: "Et anførselstegn (\") er ikke avsluttet"}}, false
	}
	if blankCells(cells) {
		return q, nil, true
	}
	if !blankCells(cells[min(len(cols), len(cells)):]) {
		return q, []CSVLineError{{Line: lineNo, Message: fmt.Sprintf("Linjen har %d celler, men overskriften bare %d kolonner", len(cells), len(cols))}}, false
	}
	q, errs = parseSickLine(cells, cols, names, lineNo, today)
	return q, errs, false
}

// blankCells: no cell has text.
func blankCells(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseSickHeader maps the header's cells to columns; cols[i] is the
// column of cell i and names[c] the header text of column c.
func parseSickHeader(line string, lineNo int) (cols []sickCol, names [colCount]string, errs []CSVLineError) {
	cells, ok := splitCSVLine(line)
	if !ok {
		return nil, names, []CSVLineError{{Line: lineNo, Message: "Et anførselstegn (\") er ikke avsluttet i overskriftene"}}
	}
	// Spreadsheets often end lines with empty cells.
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 1 && strings.ContainsAny(cells[0], ",\t") {
		return nil, names, []CSVLineError{{Line: lineNo, Message: "Kolonnene skal skilles med semikolon (;). Lagre filen som «CSV (semikolondelt)»"}}
	}
	found := map[sickCol]bool{}
	for _, c := range cells {
		h := strings.TrimSpace(c)
		col, ok := sickColumn(h)
		switch {
		case h == "":
			errs = append(errs, CSVLineError{Line: lineNo, Message: "En kolonne mangler overskrift"})
		case !ok:
			errs = append(errs, CSVLineError{Line: lineNo, Column: h, Message: "Ukjent kolonne. Kjente kolonner er: " + SickLeaveCSVHeader +
				" (legemeldt fravær må deles i korttid og langtid)"})
		case found[col]:
			errs = append(errs, CSVLineError{Line: lineNo, Column: h, Message: fmt.Sprintf("Kolonnen for %s står to ganger", strings.ToLower(sickColFields[col]))})
		default:
			found[col] = true
			names[col] = h
		}
		cols = append(cols, col)
	}
	if len(errs) == 0 {
		for _, c := range []sickCol{colQuarter, colTotal} {
			if !found[c] {
				errs = append(errs, CSVLineError{Line: lineNo, Message: fmt.Sprintf("Kolonnen «%s» mangler. Første linje skal være overskriftene: %s",
					strings.ToLower(sickColFields[c]), SickLeaveCSVHeader)})
			}
		}
	}
	return cols, names, errs
}

// parseSickLine reads one data line; cells beyond the header are known to
// be empty, missing cells are empty.
func parseSickLine(cells []string, cols []sickCol, names [colCount]string, lineNo int, today Date) (SickLeaveQuarter, []CSVLineError) {
	var q SickLeaveQuarter
	var errs []CSVLineError
	for i, col := range cols {
		s := ""
		if i < len(cells) {
			s = strings.TrimSpace(cells[i])
		}
		if err := setSickCell(&q, col, s); err != nil {
			errs = append(errs, CSVLineError{Line: lineNo, Column: names[col], Message: err.Error()})
		}
	}
	if len(errs) > 0 {
		return q, errs
	}
	if err := q.Validate(today); err != nil {
		errs = sickQuarterErrors(err, names, lineNo)
	}
	return q, errs
}

// setSickCell reads cell s of column col into q. An empty cell is unknown,
// or missing when the column is required.
func setSickCell(q *SickLeaveQuarter, col sickCol, s string) error {
	field := sickColFields[col]
	switch {
	case s == "" && (col == colQuarter || col == colTotal):
		return errors.New(field + " må fylles ut")
	case s == "":
		return nil
	case col == colQuarter:
		v, err := ParseQuarter(s)
		q.Quarter = v
		return err
	case col == colEmployees || col == colAgreedDays:
		return setSickCount(q, col, field, s)
	}
	return setSickPercent(q, col, field, s)
}

// setSickPercent reads a percentage cell: the total or one of its parts.
func setSickPercent(q *SickLeaveQuarter, col sickCol, field, s string) error {
	p, err := ParsePercentField(field, s)
	if err != nil {
		return err
	}
	switch col {
	case colTotal:
		q.Total = p
	case colSelf:
		q.SelfCertified = PercentPtr(p)
	case colDoctorShort:
		q.DoctorShort = PercentPtr(p)
	case colDoctorLong:
		q.DoctorLong = PercentPtr(p)
	}
	return nil
}

// setSickCount reads a count cell: employees or agreed man-days.
func setSickCount(q *SickLeaveQuarter, col sickCol, field, s string) error {
	max := maxSickLeaveEmployees
	if col == colAgreedDays {
		max = maxSickLeaveAgreedDays
	}
	n, err := ParseInt(field, wholeNumber(s), 0, max)
	if col == colEmployees {
		q.Employees = n
	} else {
		q.AgreedDays = n
	}
	return err
}

// sickQuarterErrors places the problems SickLeaveQuarter.Validate found on
// line lineNo: each at the column of its field, the total when no column
// has that field.
func sickQuarterErrors(err error, names [colCount]string, lineNo int) []CSVLineError {
	v, ok := err.(ValidationError)
	if !ok {
		return []CSVLineError{{Line: lineNo, Message: err.Error()}}
	}
	errs := make([]CSVLineError, 0, len(v))
	for _, fe := range v {
		col := colTotal
		for c, f := range sickColFields {
			if f == fe.Field {
				col = sickCol(c)
			}
		}
		errs = append(errs, CSVLineError{Line: lineNo, Column: names[col], Message: fe.Message})
	}
	return errs
}

// wholeNumber drops a zero decimal part that spreadsheets add to counts
// ("1234,0", "1 234,00"), so they read as whole numbers.
func wholeNumber(s string) string {
	for _, sep := range []string{",", "."} {
		if whole, frac, ok := strings.Cut(s, sep); ok && frac != "" && strings.Trim(frac, "0") == "" {
			return whole
		}
	}
	return s
}
