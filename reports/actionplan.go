package reports

import (
	"fmt"
	"slices"
	"strings"

	"hmsutvalg/model"
)

// ActionPlanInput is what the action-plan report and section print.
type ActionPlanInput struct {
	Unit     model.Unit
	Measures []model.Measure // the measures to print, in any order
	Today    model.Date      // for overdue, due soon and "per <date>"
	// Filter, when set, is a human description of a filter applied to
	// Measures, e.g. "Status: planlagt eller pågår". It is printed under
	// the title, so nobody takes a filtered printout for the whole plan.
	Filter string
}

// Fills for rows that need attention. Lighter than the risk fills, as
// they cover whole rows; the words "Forfalt" and "Snart" say the same.
var (
	overdueFill = Color{0xFB, 0xD9, 0xD5}
	dueSoonFill = Color{0xFF, 0xF0, 0xBF}
)

// ActionPlanReport returns the HMS action plan as a standalone printout in
// A4 landscape: a title with the unit and date, a status summary, the
// measures grouped by the four priority areas, and signature lines for
// the leader, the safety representative and the union representative.
//
// Options.Landscape is always set; an empty Title, Subject, Keywords,
// Unit or Author gets a sensible default from the input.
func ActionPlanReport(in ActionPlanInput, opts Options) *Document {
	opts.Landscape = true
	opts = withDefaults(opts, "HMS-handlingsplan", "HMS-handlingsplan per "+in.Today.String(),
		"HMS, handlingsplan, tiltak", in.Unit)
	d := New(opts)
	remark := ""
	if f := strings.TrimSpace(in.Filter); f != "" {
		remark = "Filter: " + f + ". Oversikten og tabellene viser bare tiltakene som passer filteret."
	}
	d.titleBlock("HMS-handlingsplan", []string{unitLine(in.Unit), "per " + in.Today.String()}, remark)

	if len(in.Measures) == 0 {
		if remark != "" {
			d.Note("Ingen tiltak passer filteret.")
		} else {
			d.Note("Ingen tiltak registrert i handlingsplanen.")
		}
	} else {
		d.Heading(2, "Oversikt")
		d.planSummaryTable(model.PlanSummary(in.Measures, in.Today))
		d.planByArea(in.Measures, in.Today, 2)
	}

	d.Heading(2, "Underskrifter")
	d.signatures([]string{"Leder", "Verneombud", "Tillitsvalgt"})
	return d
}

// ActionPlanSection writes the action plan's part of the annual
// internal-control report: the heading "Handlingsplan", a summary, and the
// measures created or closed in year or still open, grouped by priority
// area. Measures created after the year are left out.
func (d *Document) ActionPlanSection(in ActionPlanInput, year model.HMSYear) {
	d.planYearSection(planForYear(measureNow(d), in, year))
}

// planYear is the action-plan section of a year worked out from the
// measures, its tables measured, before anything is drawn (the annual
// report works it out ahead, annual.go).
type planYear struct {
	in                         ActionPlanInput
	year                       model.HMSYear
	summary                    model.ActionPlanSummary
	created, closed, evaluated int
	open                       []planArea // by priority area
	nOpen                      int
	closedIn, closedAfter      closedList
	nClosedIn, nClosedAfter    int
}

// planForYear picks the measures of in that belong to year, counts them
// and has their tables measured by q.
func planForYear(q *measurer, in ActionPlanInput, year model.HMSYear) planYear {
	ms := model.MeasuresForYear(in.Measures, year)
	p := planYear{in: in, year: year, summary: model.PlanSummary(ms, in.Today)}
	for i := range ms {
		if year.Contains(ms[i].Created) {
			p.created++
		}
		if model.MeasureClosedIn(&ms[i], year) {
			p.closed++
		}
		if model.MeasureEvaluatedIn(&ms[i], year, in.Today) {
			p.evaluated++
		}
	}
	// Closed in the year, and closed after it (open at the year's end):
	// the same rule as the figures, so the counts here are the summary's.
	open, closedIn, closedAfter := splitPlan(ms, year)
	p.nOpen, p.nClosedIn, p.nClosedAfter = len(open), len(closedIn), len(closedAfter)
	p.open = preparePlanAreas(q, open, in.Today, true)
	if len(closedIn) > 0 {
		p.closedIn = prepareClosed(q, closedIn, year.StateDate(in.Today))
	}
	if len(closedAfter) > 0 {
		p.closedAfter = prepareClosed(q, closedAfter, model.Date{})
	}
	return p
}

// planYearSection draws the action-plan section p.
func (d *Document) planYearSection(p planYear) {
	if !d.begin() {
		return
	}
	in, year, s := p.in, p.year, p.summary
	d.Heading(1, "Handlingsplan")
	if s.Total == 0 {
		d.Note(fmt.Sprintf("Ingen tiltak registrert for %s.", year))
		return
	}
	if f := strings.TrimSpace(in.Filter); f != "" {
		d.Paragraph("Filter: " + f + ".")
	}
	var byStatus []string
	for _, st := range model.Statuses() {
		label := st.Label()
		if len(byStatus) > 0 {
			label = strings.ToLower(label)
		}
		byStatus = append(byStatus, fmt.Sprintf("%s %d", label, s.ByStatus[st]))
	}
	d.Paragraph(fmt.Sprintf("Tiltak opprettet eller lukket i %s, og tiltak som fortsatt er åpne. "+
		"De åpne tiltakene vises i sin helhet, de andre med én linje hver.", year))
	d.KeyValues([][2]string{
		{"Tiltak i alt", fmt.Sprint(s.Total)},
		{"Opprettet i " + year.String(), fmt.Sprint(p.created)},
		{"Lukket i " + year.String(), fmt.Sprint(p.closed)},
		{"Av dem evaluert innen " + year.StateDate(in.Today).String(), fmt.Sprint(p.evaluated)},
		{"Åpne per " + in.Today.String(), fmt.Sprint(s.Open)},
		{"Forfalt", fmt.Sprint(s.Overdue)},
		{fmt.Sprintf("Frist innen %d dager", model.DueSoonDays), fmt.Sprint(s.DueSoon)},
		{"Status", strings.Join(byStatus, ", ")},
	})
	d.planYearTables(p)
}

// planYearTables draws the open measures by priority area and the closed
// ones one line each.
func (d *Document) planYearTables(p planYear) {
	in, year := p.in, p.year
	d.Heading(2, fmt.Sprintf("Åpne tiltak per %s (%d)", in.Today, p.nOpen))
	if p.nOpen == 0 {
		d.Note("Ingen åpne tiltak.")
	} else {
		d.drawPlanAreas(p.open, 3)
	}
	d.Heading(2, fmt.Sprintf("Utført eller avvist i %s (%d)", year, p.nClosedIn))
	if p.nClosedIn == 0 {
		d.Note(fmt.Sprintf("Ingen tiltak ble utført eller avvist i %s.", year))
	} else {
		d.drawTable(p.closedIn.table(d))
		if late := p.closedIn.late; late > 0 {
			d.Paragraph(fmt.Sprintf("* Evaluert etter %s: %d %s telles ikke som evaluert i %s (se «Av dem evaluert innen %s» over).",
				year.StateDate(in.Today), late, plural(late, "tiltak", "tiltak"), year, year.StateDate(in.Today)))
		}
	}
	if p.nClosedAfter > 0 {
		d.Heading(2, fmt.Sprintf("Åpne ved årets slutt, lukket senere (%d)", p.nClosedAfter))
		d.drawTable(p.closedAfter.table(d))
	}
}

// splitPlan splits the year's measures into the open ones, those closed
// in year and those closed after it, each in its own slice of exactly its
// size (the heavy unit's year has 1 800 measures of some 400 bytes).
func splitPlan(ms []model.Measure, year model.HMSYear) (open, closedIn, closedAfter []model.Measure) {
	kind := func(m *model.Measure) int {
		switch {
		case m.Open():
			return 0
		case model.MeasureClosedIn(m, year):
			return 1
		}
		return 2
	}
	var n [3]int
	for i := range ms {
		n[kind(&ms[i])]++
	}
	parts := [3][]model.Measure{make([]model.Measure, 0, n[0]), make([]model.Measure, 0, n[1]), make([]model.Measure, 0, n[2])}
	for i := range ms {
		k := kind(&ms[i])
		parts[k] = append(parts[k], ms[i])
	}
	return parts[0], parts[1], parts[2]
}

// closedList is the table of measures that are no longer open, one line
// each: the measure, its source, its status and the date it got it,
// oldest first; and how many of its evaluations are marked with «*»,
// dated after the state date (when not zero), as they do not count as
// evaluated in the year.
type closedList struct {
	table func(d *Document) preparedTable
	late  int
}

// prepareClosed builds the closedList of ms and has q measure its table.
func prepareClosed(q *measurer, ms []model.Measure, stateDate model.Date) closedList {
	byDate := sortedRefs(ms, nil, func(a, b *model.Measure) int { return closedOn(a).Compare(closedOn(b)) })
	t := Table{Columns: []Column{{Title: "Tiltak", Width: 70}, {Title: "Kilde", Width: 56},
		{Title: "Status", Width: 18}, {Title: "Utført/avvist", Width: 20}, {Title: "Evaluert", Width: 20}}, Compact: true}
	late := 0
	for _, m := range byDate {
		label := m.Status.Label()
		if label == "" {
			label = string(m.Status)
		}
		evaluated := model.MeasureEvaluatedOn(m)
		ev := orDash(evaluated.String())
		if !stateDate.IsZero() && evaluated.After(stateDate) {
			ev += "*"
			late++
		}
		t.Rows = append(t.Rows, []string{orDash(strings.TrimSpace(m.Title)), m.Source.ShortLabel(), label,
			orDash(closedOn(m).String()), ev})
	}
	return closedList{table: q.table(t), late: late}
}

// closedOn is the date a measure that is no longer open got its status:
// the completion date of a done one, the last change of a rejected one.
func closedOn(m *model.Measure) model.Date {
	if m.Status == model.StatusAvvist {
		return m.Updated
	}
	return m.CompletedOn
}

// planSummaryTable writes the counts per status and the deadline counts as
// a one-row table.
func (d *Document) planSummaryTable(s model.ActionPlanSummary) {
	var cols []Column
	var row []string
	for _, st := range model.Statuses() {
		cols = append(cols, Column{Title: st.Label(), Align: AlignCenter})
		row = append(row, fmt.Sprint(s.ByStatus[st]))
	}
	cols = append(cols,
		Column{Title: "I alt", Align: AlignCenter},
		Column{Title: "Åpne", Align: AlignCenter},
		Column{Title: "Forfalt", Align: AlignCenter},
		Column{Title: fmt.Sprintf("Frist innen %d dager", model.DueSoonDays), Width: 1.6, Align: AlignCenter})
	row = append(row, fmt.Sprint(s.Total), fmt.Sprint(s.Open), fmt.Sprint(s.Overdue), fmt.Sprint(s.DueSoon))
	fills := make([]Color, len(cols))
	if s.Overdue > 0 {
		fills[len(cols)-2] = overdueFill
	}
	if s.DueSoon > 0 {
		fills[len(cols)-1] = dueSoonFill
	}
	d.Table(Table{Columns: cols, Rows: [][]string{row}, Styles: []RowStyle{{Bold: true, CellFills: fills}}})
}

// planGroup is the measures of one priority area.
type planGroup struct {
	title    string
	measures []model.Measure
}

// groupByArea sorts ms into the four priority areas, in the strategy's
// order, and a last group for measures without a valid area (only if
// there are any). Every group is sorted by sortPlan.
func groupByArea(ms []model.Measure) []planGroup {
	areas := model.PriorityAreas()
	groups := make([]planGroup, len(areas)+1)
	for i, a := range areas {
		groups[i].title = a.Label()
	}
	groups[len(areas)].title = "Uten prioritert område"
	for i := range ms {
		g := slices.Index(areas, ms[i].PriorityArea)
		if g < 0 {
			g = len(areas)
		}
		groups[g].measures = append(groups[g].measures, ms[i])
	}
	if len(groups[len(areas)].measures) == 0 {
		groups = groups[:len(areas)]
	}
	for i := range groups {
		sortPlan(groups[i].measures)
	}
	return groups
}

// planRank orders statuses in the printout: open measures first, then
// done ones, then rejected ones, then anything unknown.
func planRank(s model.Status) int {
	switch {
	case s.Open():
		return 0
	case s == model.StatusUtfort || s == model.StatusEvaluert:
		return 1
	case s == model.StatusAvvist:
		return 2
	}
	return 3
}

// sortPlan puts open measures first by deadline (so the overdue ones lead),
// then done measures by completion date, then rejected ones.
func sortPlan(ms []model.Measure) {
	model.SortMeasures(ms, model.SortByDeadline, false)
	slices.SortStableFunc(ms, func(a, b model.Measure) int {
		ra, rb := planRank(a.Status), planRank(b.Status)
		if ra != rb {
			return ra - rb
		}
		if ra == 1 {
			return a.CompletedOn.Compare(b.CompletedOn)
		}
		return 0
	})
}

// planByArea writes one heading and table per priority area.
func (d *Document) planByArea(ms []model.Measure, today model.Date, level int) {
	d.planAreas(ms, today, level, false)
}

func (d *Document) planAreas(ms []model.Measure, today model.Date, level int, skipEmpty bool) {
	d.drawPlanAreas(preparePlanAreas(measureNow(d), ms, today, skipEmpty), level)
}

// planArea is one priority area of the plan with its table measured.
type planArea struct {
	title string
	n     int // measures in the area
	table func(d *Document) preparedRich
}

// preparePlanAreas groups ms by priority area, leaving out the empty
// areas when skipEmpty, and has q measure their tables.
func preparePlanAreas(q *measurer, ms []model.Measure, today model.Date, skipEmpty bool) []planArea {
	cols := planColumns(q.doc.width())
	var out []planArea
	for _, g := range groupByArea(ms) {
		n := len(g.measures)
		if n == 0 && skipEmpty {
			continue
		}
		a := planArea{title: g.title, n: n}
		if n > 0 {
			t := richTable{columns: cols, caption: g.title,
				rows: make([][][]cellPart, n), styles: make([]RowStyle, n)}
			for i := range g.measures {
				t.rows[i], t.styles[i] = planRow(&g.measures[i], today)
			}
			a.table = q.rich(t)
		}
		out = append(out, a)
	}
	return out
}

// drawPlanAreas draws each area under a heading of level.
func (d *Document) drawPlanAreas(areas []planArea, level int) {
	for _, a := range areas {
		d.Heading(level, fmt.Sprintf("%s (%d tiltak)", a.title, a.n))
		if a.n == 0 {
			d.Note("Ingen tiltak i dette området.")
			continue
		}
		d.drawRich(a.table(d))
	}
}

// planColumns gives the plan's columns in millimetres for a text width:
// dates and short words get what they need, the measure gets the rest.
func planColumns(w float64) []Column {
	src, resp := 42.0, 38.0
	date, status, due := 24.0, 26.0, 30.0
	if w < 200 { // portrait
		src, resp, date, status, due = 30, 28, 21, 21, 21
	}
	return []Column{
		{Title: "Tiltak", Width: w - src - resp - date - status - due},
		{Title: "Kilde", Width: src},
		{Title: "Ansvarlig", Width: resp},
		{Title: "Frist", Width: date},
		{Title: "Status", Width: status},
		{Title: "Forfall", Width: due},
	}
}

// planRow returns the cells and style of one measure.
func planRow(m *model.Measure, today model.Date) ([][]cellPart, RowStyle) {
	due, st := planDueCell(m, today)
	return [][]cellPart{
		planWhatCell(m),
		{{text: m.Source.ShortLabel()}},
		{{text: m.Responsible}},
		planDeadlineCell(m),
		planStatusCell(m),
		due,
	}, st
}

// planWhatCell is the title, the description and the note the measure's
// status has (its effect, why it was rejected or postponed).
func planWhatCell(m *model.Measure) []cellPart {
	title := strings.TrimSpace(m.Title)
	if title == "" {
		title = "(uten tittel)"
	}
	what := []cellPart{{text: title, bold: true}}
	if s := strings.TrimSpace(m.Description); s != "" {
		what = append(what, cellPart{text: s, small: true})
	}
	var prefix, note string
	switch m.Status {
	case model.StatusEvaluert:
		prefix, note = "Effekt: ", m.EvaluationNote
	case model.StatusAvvist:
		prefix, note = "Avvist fordi: ", m.RejectReason
	case model.StatusUtsatt:
		prefix, note = "Utsatt fordi: ", m.PostponeReason
	}
	if s := strings.TrimSpace(note); s != "" {
		what = append(what, cellPart{text: prefix + s, small: true})
	}
	return what
}

// planDeadlineCell is the deadline, and the original one when it moved.
func planDeadlineCell(m *model.Measure) []cellPart {
	deadline := []cellPart{{text: orDash(m.Deadline.String())}}
	if o := m.OriginalDeadline; !o.IsZero() && o != m.Deadline {
		deadline = append(deadline, cellPart{text: "opprinnelig " + o.String(), small: true})
	}
	return deadline
}

// planStatusCell is the status, and when a done measure was carried out.
func planStatusCell(m *model.Measure) []cellPart {
	label := m.Status.Label()
	if label == "" {
		label = string(m.Status)
	}
	status := []cellPart{{text: label}}
	if (m.Status == model.StatusUtfort || m.Status == model.StatusEvaluert) && !m.CompletedOn.IsZero() {
		status = append(status, cellPart{text: "utført " + m.CompletedOn.String(), small: true})
	}
	return status
}

// planDueCell says whether the measure is overdue or due soon, and the
// row's fill for it.
func planDueCell(m *model.Measure, today model.Date) ([]cellPart, RowStyle) {
	var st RowStyle
	switch {
	case m.Overdue(today):
		st.Fill = overdueFill
		return []cellPart{{text: "Forfalt", bold: true}, {text: days(m.Deadline.DaysUntil(today)) + " over fristen", small: true}}, st
	case m.DueSoon(today):
		n := today.DaysUntil(m.Deadline)
		when := "i dag"
		if n > 0 {
			when = "om " + days(n)
		}
		st.Fill = dueSoonFill
		return []cellPart{{text: "Snart", bold: true}, {text: when, small: true}}, st
	}
	return nil, st
}

// plural returns one for n == 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
