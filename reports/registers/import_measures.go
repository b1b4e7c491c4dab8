package registers

import (
	"fmt"
	"strings"

	"hmsutvalg/model"
)

// measureFields puts the model's messages under the export's columns.
var measureFields = map[string]string{
	model.FieldTitle: "Tiltak", model.FieldDescription: "Beskrivelse", model.FieldSource: "Kilde",
	model.FieldPriorityArea: "Prioritert område", model.FieldTopic: "Tema", model.FieldResponsible: "Ansvarlig",
	model.FieldDeadline: "Frist", model.FieldStatus: "Status", model.FieldCompletedOn: "Fullført",
	model.FieldEvaluationNote: "Evaluering", model.FieldPostponeReason: "Grunn til utsettelse",
	model.FieldRejectReason: "Grunn til avvisning",
}

var measureHints = map[string]string{
	"Tiltak":    "Hvert tiltak må ha en tittel.",
	"Ansvarlig": "Hvert tiltak må ha en ansvarlig.",
	"Frist":     "Hvert tiltak må ha en frist (dd.mm.åååå).",
}

// ParseMeasures reads an action plan (the columns of handlingsplan.csv or
// the sheet «Handlingsplan») as of today. Only «Tiltak», «Ansvarlig» and
// «Frist» are required columns: an empty status is planlagt, an empty
// source manuell, an empty priority area the source's usual one (a manual
// measure has none and must have the column), and an empty «Opprettet»
// today or the deadline if that is earlier. A file without «Evaluering»
// or «Grunn til avvisning» (exported without descriptions) gives an
// evaluated or rejected measure MissingText there, with a note. A row is a
// duplicate of a measure in existing with the same title and the same
// number, deadline or creation date.
func ParseMeasures(g Grid, existing []model.Measure, today model.Date) Import[model.Measure] {
	c, errs := readHeader(g, RegMeasures, []string{"Tiltak", "Ansvarlig", "Frist"}, measureHints)
	if errs != nil {
		return Import[model.Measure]{Errs: errs}
	}
	return parseRows(g, c, func(row GridRow) (ImportRow[model.Measure], []model.CSVLineError) {
		return measureRow(c, row, existing, today)
	})
}

func measureRow(c columns, row GridRow, existing []model.Measure, today model.Date) (ImportRow[model.Measure], []model.CSVLineError) {
	e := &rowErrs{line: row.Line, field: measureFields}
	cells := row.Cells
	text := func(col string) string { return c.get(cells, col) }
	m := model.Measure{
		Title: text("Tiltak"), Description: text("Beskrivelse"), Responsible: text("Ansvarlig"),
		EvaluationNote: text("Evaluering"), PostponeReason: text("Grunn til utsettelse"), RejectReason: text("Grunn til avvisning"),
		Source: measureSource(text("Kilde")),
	}
	m.ID = e.nr(c, cells)
	m.PriorityArea = enum(e, c, cells, "Prioritert område", model.PriorityAreaFromLabel, model.PriorityAreaLabels())
	if text("Prioritert område") == "" {
		m.PriorityArea = model.DefaultPriorityArea(m.Source.Kind)
	}
	m.Topic = enum(e, c, cells, "Tema", model.HMSCategoryFromLabel, model.HMSCategoryLabels())
	m.Status = enum(e, c, cells, "Status", model.StatusFromLabel, model.StatusLabels())
	if text("Status") == "" {
		m.Status = model.StatusPlanlagt
	}
	m.Deadline = e.date(c, cells, "Frist")
	m.OriginalDeadline = e.date(c, cells, "Opprinnelig frist")
	m.CompletedOn = e.date(c, cells, "Fullført")
	m.EvaluatedOn = e.date(c, cells, "Evaluert")
	m.Created = e.date(c, cells, "Opprettet")
	if m.Created.IsZero() {
		m.Created = earliest(today, m.Deadline, m.OriginalDeadline, m.CompletedOn)
	}
	r := ImportRow[model.Measure]{Line: row.Line, FileNr: m.ID}
	for _, f := range []struct {
		col    string
		needed bool
		field  *string
	}{
		{"Evaluering", m.Status == model.StatusEvaluert, &m.EvaluationNote},
		{"Grunn til avvisning", m.Status == model.StatusAvvist, &m.RejectReason},
	} {
		if note := fillMissing(c, f.col, f.needed, f.field); note != "" {
			r.Notes, r.Filled = append(r.Notes, note), r.Filled+1
		}
	}
	m = m.Normalized()
	if m.PriorityArea == "" && len(e.errs) == 0 {
		e.add("Prioritert område", noPriorityArea(c, m.Source))
	}
	if len(e.errs) == 0 {
		e.validation(m.Validate(today))
	}
	r.Value = m
	r.DuplicateOf = measureDuplicate(m, existing)
	return r, e.errs
}

// noPriorityArea says why a row has no priority area: the file has no
// such column, or the cell is empty, and its source has no usual one.
func noPriorityArea(c columns, src model.Source) string {
	areas := strings.Join(model.PriorityAreaLabels(), "; ")
	kind := strings.ToLower(src.Kind.Label())
	if !c.has("Prioritert område") {
		return fmt.Sprintf("Filen har ikke kolonnen «Prioritert område», og et tiltak med kilde «%s» må ha et. Legg til kolonnen med ett av: %s", kind, areas)
	}
	return fmt.Sprintf("Tomt, men et tiltak med kilde «%s» må ha et prioritert område. Skriv ett av: %s", kind, areas)
}

// earliest is the earliest of the dates that are set.
func earliest(ds ...model.Date) model.Date {
	var out model.Date
	for _, d := range ds {
		if !d.IsZero() && (out.IsZero() || d.Before(out)) {
			out = d
		}
	}
	return out
}

// measureSource reads «Kilde»: a source kind's name, or the link text the
// export wrote (e.g. «Avvik 02.05.2025 Personskade, Avdeling A»), whose
// first words name the kind. Links to the record itself are not in the
// file, so an imported measure has no «Åpne kilden».
func measureSource(s string) model.Source {
	if s == "" {
		return model.Source{Kind: model.SourceManual}
	}
	if k, ok := model.SourceKindFromLabel(s); ok {
		return model.Source{Kind: k}
	}
	low := strings.ToLower(s)
	for _, k := range model.SourceKinds() {
		p := strings.ToLower(k.Label())
		if strings.HasPrefix(low, p) && len(low) > len(p) && strings.ContainsRune(" :,", rune(low[len(p)])) {
			return model.Source{Kind: k, RefLabel: s}
		}
	}
	if strings.HasPrefix(low, "møte ") {
		return model.Source{Kind: model.SourceMeetingDecision, RefLabel: s}
	}
	return model.Source{Kind: model.SourceManual, RefLabel: s}
}

// measureDuplicate is the measure in existing that m already is: the same
// title and the same number, deadline or creation date.
func measureDuplicate(m model.Measure, existing []model.Measure) uint64 {
	for _, x := range existing {
		if !same(x.Title, m.Title) {
			continue
		}
		if (m.ID != 0 && x.ID == m.ID) || x.Deadline == m.Deadline || x.Created == m.Created {
			return x.ID
		}
	}
	return 0
}
