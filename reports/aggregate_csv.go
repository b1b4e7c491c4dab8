package reports

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"hmsutvalg/model"
)

// newCSV starts a spreadsheet file: semicolons, UTF-8 with a byte order
// mark so Excel reads æøå, and CRLF line ends.
func newCSV(buf *bytes.Buffer) *csv.Writer {
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(buf)
	w.Comma = ';'
	w.UseCRLF = true
	return w
}

// sickLeaveText is a unit's sick leave for the year and its target, with
// decimal comma; "skjult" for a unit below the minimum size.
func sickLeaveText(s model.SubmissionFile, min int) (year, target string) {
	sl := s.SickLeave
	if sl == nil {
		return "", ""
	}
	if sl.Target != nil {
		target = FormatNumber(*sl.Target, 1)
	}
	switch {
	case sl.Year == nil:
	case model.SmallUnit(s, min):
		year = "skjult"
	default:
		year = FormatNumber(*sl.Year, 1)
	}
	return year, target
}

// AggregateCSV returns one row per unit for a spreadsheet. An empty cell
// means the module is not in use; "skjult" is the sick leave of a unit
// with fewer employees than the minimum.
func AggregateCSV(a Aggregation) []byte {
	var buf bytes.Buffer
	w := newCSV(&buf)
	_ = w.Write([]string{"År", "Enhet", "Kommune", "Sektor", "Ansatte", "Tiltak", "Åpne tiltak", "Forfalte tiltak",
		"Lukket i året", "Evaluert", "Risikovurderinger", "Revisjon forfalt", "Farer", "Høy før tiltak", "Høy etter tiltak",
		"Avvik", "Sykefravær %", "Mål sykefravær %", "Målet er", "Over oppfølgingsregel", "Vold og trusler kartlagt",
		"10-FAKTOR svar", "Vernerunder", "Møter", "IK-punkter dokumentert"})
	for _, s := range a.Units {
		_ = w.Write(unitCSVRow(a, s))
	}
	w.Flush()
	return buf.Bytes()
}

func unitCSVRow(a Aggregation, s model.SubmissionFile) []string {
	itoa := strconv.Itoa
	opt := func(ok bool, v string) string {
		if !ok {
			return ""
		}
		return v
	}
	yesNo := map[bool]string{true: "ja", false: "nei"}
	p, r := s.ActionPlan, s.Risk
	row := []string{a.Year.String(), s.Unit.Name, s.Unit.Municipality, s.Unit.Sector.Label(), itoa(s.Unit.Employees)}
	if p != nil {
		row = append(row, itoa(p.Total), itoa(p.Open), itoa(p.Overdue), itoa(p.Closed), itoa(p.Evaluated))
	} else {
		row = append(row, "", "", "", "", "")
	}
	if r != nil {
		row = append(row, itoa(r.Assessments), itoa(r.ReviewOverdue), itoa(r.Items), itoa(r.Before[model.RiskHigh]), itoa(r.After[model.RiskHigh]))
	} else {
		row = append(row, "", "", "", "", "")
	}
	row = append(row, opt(s.Deviations != nil, optCount(s.Deviations, func(v *model.SubmissionDeviation) int { return v.Total })))
	y, tg := sickLeaveText(s, a.MinEmployees)
	over := s.SickLeave != nil && len(s.SickLeave.Rules) > 0
	overText := opt(s.SickLeave != nil, yesNo[over])
	if model.SmallUnit(s, a.MinEmployees) && s.SickLeave != nil {
		overText = "skjult"
	}
	owner := ""
	if sl := s.SickLeave; sl != nil && sl.Target != nil {
		owner = model.TargetOwnerName(sl)
	}
	row = append(row, y, tg, owner, overText)
	row = append(row, opt(s.Violence != nil, yesNo[s.Violence != nil && s.Violence.Mapped]))
	row = append(row, opt(s.TenFactor != nil, optCount(s.TenFactor, func(t *model.SubmissionTenFactor) int { return t.Respondents })))
	row = append(row, opt(s.SafetyRounds != nil, optCount(s.SafetyRounds, func(c *model.SubmissionCount) int { return c.Held })))
	row = append(row, opt(s.Meetings != nil, optCount(s.Meetings, func(c *model.SubmissionCount) int { return c.Held })))
	return append(row, itoa(documented(s.Submission)))
}

// AttentionCSV returns the lists of "Trenger AMUs oppmerksomhet", one
// row per unit and list, in the report's order.
func AttentionCSV(a Aggregation) []byte {
	var buf bytes.Buffer
	w := newCSV(&buf)
	_ = w.Write([]string{"År", "Liste", "Enhet", "Kommune", "Sektor", "Hva"})
	for _, l := range attentionLists(a.Attention) {
		for _, r := range l.rows {
			u := r.Unit.Unit
			_ = w.Write([]string{a.Year.String(), l.title, u.Name, u.Municipality, u.Sector.Label(), r.Detail})
		}
	}
	w.Flush()
	return buf.Bytes()
}
