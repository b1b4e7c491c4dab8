package reports

import (
	"slices"
	"strings"
)

// RecordedTable is the text of a table a Document drew, kept when
// Options.RecordTables is set: for comparing the report with other tools
// and for tests, without reading the PDF back.
type RecordedTable struct {
	// Caption is the table's own caption if it has one, else the text of
	// the last heading before the table ("" if none).
	Caption string
	// Header holds the column titles; nil for a list of label/value pairs
	// (KeyValues), which has no header row.
	Header []string
	// Rows hold one cell per column, as given to the table: not wrapped,
	// not sanitized. A cell of several parts (a measure's title and its
	// description) has one part per line.
	Rows [][]string
}

// Tables returns the tables drawn so far, in order, if Options.RecordTables
// is set; nil otherwise.
func (d *Document) Tables() []RecordedTable { return slices.Clone(d.tables) }

// recordTable keeps the text of a Table.
func (d *Document) recordTable(t Table) {
	if !d.opts.RecordTables {
		return
	}
	rec := RecordedTable{Caption: d.lastHeading, Header: columnTitles(t.Columns), Rows: make([][]string, len(t.Rows))}
	for i, r := range t.Rows {
		row := make([]string, len(t.Columns))
		copy(row, r) // missing cells stay empty, extra ones are dropped, as drawn
		rec.Rows[i] = row
	}
	d.tables = append(d.tables, rec)
}

// recordRichTable keeps the text of a richTable.
func (d *Document) recordRichTable(t richTable) {
	if !d.opts.RecordTables {
		return
	}
	rec := RecordedTable{Caption: t.caption, Header: columnTitles(t.columns), Rows: make([][]string, len(t.rows))}
	if rec.Caption == "" {
		rec.Caption = d.lastHeading
	}
	texts := make([]string, 0, 4)
	for i, r := range t.rows {
		row := make([]string, len(t.columns))
		for c := range min(len(r), len(row)) {
			texts = texts[:0]
			for _, p := range r[c] {
				texts = append(texts, p.text)
			}
			row[c] = strings.Join(texts, "\n")
		}
		rec.Rows[i] = row
	}
	d.tables = append(d.tables, rec)
}

// recordKeyValues keeps the text of a KeyValues list.
func (d *Document) recordKeyValues(pairs [][2]string) {
	if !d.opts.RecordTables {
		return
	}
	rec := RecordedTable{Caption: d.lastHeading, Rows: make([][]string, len(pairs))}
	for i, p := range pairs {
		rec.Rows[i] = []string{p[0], p[1]}
	}
	d.tables = append(d.tables, rec)
}

func columnTitles(cols []Column) []string {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	return titles
}
