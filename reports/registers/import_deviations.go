package registers

import (
	"fmt"
	"slices"
	"strings"

	"hmsutvalg/model"
)

// deviationFields puts the model's messages under the export's columns.
var deviationFields = map[string]string{
	model.FieldDevDate: "Dato", model.FieldDevPlace: "Sted", model.FieldCategory: "Kategori", model.FieldDevType: "Type",
	model.FieldDevSeverity: "Alvorlighet", model.FieldDevPersonHarm: "Personskade", model.FieldStatus: "Status",
	model.FieldDevClosedOn: "Lukket", model.FieldDevClosedBy: "Lukket av", model.FieldDevMunicipalRef: "Referanse",
	model.FieldDevNotifiedOn: "Varslet myndighetene", model.FieldDevViolenceType: "Type vold og trusler",
	model.FieldDevFollowUp: "Oppfølging tilbudt", model.FieldDevWhatHappened: "Hva skjedde",
	model.FieldDevImmediateAction: "Strakstiltak", model.FieldDevCause: "Årsak",
}

var deviationHints = map[string]string{
	"Dato": "Hvert avvik må ha en dato (dd.mm.åååå).", "Sted": "Hvert avvik må ha et sted.",
	"Kategori": "Hvert avvik må ha en kategori.", "Type": "Hvert avvik må ha en type.",
	"Alvorlighet": "Hvert avvik må ha en alvorlighetsgrad.",
}

// ParseDeviations reads a deviation register (the columns of avvik.csv or
// the sheet «Avvik») as of today. An empty status is registrert. A file
// without the column «Hva skjedde» (exported without descriptions) gives
// every row MissingText there, with a note; an empty cell in the column is
// an error. «Tiltak nr.» links are followed as measureLinks says, without
// the plan of the same export (ParseDeviationsWithPlan has it). A row is a
// duplicate of a deviation in existing with the same number and date, or
// the same date, place, category, type and what happened.
func ParseDeviations(g Grid, existing []model.Deviation, measures []model.Measure, today model.Date) Import[model.Deviation] {
	return ParseDeviationsWithPlan(g, existing, measures, nil, today)
}

// ParseDeviationsWithPlan is ParseDeviations with the action plan of the
// same export by its «Nr.» (plan; nil: none), so a link to nr. 3 goes to
// the unit's measure that is the file's nr. 3, whatever its number here.
func ParseDeviationsWithPlan(g Grid, existing []model.Deviation, measures []model.Measure, plan map[uint64]model.Measure, today model.Date) Import[model.Deviation] {
	c, errs := readHeader(g, RegDeviations, []string{"Dato", "Sted", "Kategori", "Type", "Alvorlighet"}, deviationHints)
	if errs != nil {
		return Import[model.Deviation]{Errs: errs}
	}
	links := newMeasureLinks(measures, plan)
	return parseRows(g, c, func(row GridRow) (ImportRow[model.Deviation], []model.CSVLineError) {
		return deviationRow(c, row, existing, links, today)
	})
}

func deviationRow(c columns, row GridRow, existing []model.Deviation, links measureLinks, today model.Date) (ImportRow[model.Deviation], []model.CSVLineError) {
	e := &rowErrs{line: row.Line, field: deviationFields}
	cells := row.Cells
	text := func(col string) string { return c.get(cells, col) }
	d := model.Deviation{
		Place: text("Sted"), MunicipalRef: text("Referanse"), ClosedBy: text("Lukket av"),
		WhatHappened: text("Hva skjedde"), ImmediateAction: text("Strakstiltak"), Cause: text("Årsak"),
	}
	d.ID = e.nr(c, cells)
	d.Date = e.date(c, cells, "Dato")
	d.ClosedOn = e.date(c, cells, "Lukket")
	d.AuthoritiesNotifiedOn = e.date(c, cells, "Varslet myndighetene")
	d.AuthoritiesNotified = !d.AuthoritiesNotifiedOn.IsZero()
	d.Category = enum(e, c, cells, "Kategori", model.DeviationCategoryFromLabel, model.DeviationCategoryLabels())
	d.Type = enum(e, c, cells, "Type", model.DeviationTypeFromLabel, model.DeviationTypeLabels())
	d.Severity = enum(e, c, cells, "Alvorlighet", model.SeverityFromLabel, model.SeverityLabels())
	d.PersonHarm = enum(e, c, cells, "Personskade", model.PersonHarmFromLabel, model.PersonHarmLabels())
	d.ViolenceType = enum(e, c, cells, "Type vold og trusler", model.ViolenceTypeFromLabel, model.ViolenceTypeLabels())
	d.Status = enum(e, c, cells, "Status", model.DeviationStatusFromLabel, model.DeviationStatusLabels())
	if text("Status") == "" {
		d.Status = model.DevRegistered
	}
	d.ReportedToMunicipal = e.yesNo(text("Meldt i kommunens system"), "Meldt i kommunens system")
	d.FollowUpOffered = followUps(e, text("Oppfølging tilbudt"))
	r := ImportRow[model.Deviation]{Line: row.Line, FileNr: d.ID}
	if note := fillMissing(c, "Hva skjedde", true, &d.WhatHappened); note != "" {
		r.Notes, r.Filled = append(r.Notes, note), 1
	}
	d = d.Normalized()
	for _, n := range e.idList(c, cells, "Tiltak nr.") {
		id, note := links.resolve(n, d)
		if note != "" {
			r.Notes = append(r.Notes, note)
		}
		if id == 0 {
			r.Dropped = append(r.Dropped, n)
		} else if !slices.Contains(d.MeasureIDs, id) {
			d.MeasureIDs = append(d.MeasureIDs, id)
		}
	}
	if len(e.errs) == 0 {
		e.validation(d.Validate(today))
	}
	r.Value = d
	r.DuplicateOf = deviationDuplicate(d, existing)
	return r, e.errs
}

// yesNo reads «ja» or «nei» (empty is nei).
func (e *rowErrs) yesNo(s, col string) bool {
	switch strings.ToLower(s) {
	case "ja", "j", "x", "yes", "sant", "true", "1":
		return true
	case "", "nei", "n", "no", "usant", "false", "0":
		return false
	}
	e.add(col, fmt.Sprintf("Skriv «ja» eller «nei», ikke «%s»", s))
	return false
}

// followUps reads the offers, separated by commas.
func followUps(e *rowErrs, s string) []model.FollowUpOffer {
	var out []model.FollowUpOffer
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		f, ok := model.FollowUpOfferFromLabel(p)
		if !ok {
			e.add("Oppfølging tilbudt", fmt.Sprintf("«%s» er ikke en av: %s", p, strings.Join(model.FollowUpOfferLabels(), "; ")))
			continue
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// deviationDuplicate is the deviation in existing that d already is.
func deviationDuplicate(d model.Deviation, existing []model.Deviation) uint64 {
	for _, x := range existing {
		if x.Date != d.Date || !same(x.Place, d.Place) {
			continue
		}
		if (d.ID != 0 && x.ID == d.ID) || (x.Category == d.Category && x.Type == d.Type && same(x.WhatHappened, d.WhatHappened)) {
			return x.ID
		}
	}
	return 0
}
