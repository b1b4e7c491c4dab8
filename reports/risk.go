package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// RiskInput is one risk assessment with what its report needs.
type RiskInput struct {
	Unit       model.Unit
	Assessment model.RiskAssessment
	// Items are the assessment's hazards, in the order they are numbered.
	// Items that belong to another assessment (AssessmentID set and not
	// the assessment's ID) are left out.
	Items []model.RiskItem
	// Measures are all measures of the action plan; the report prints
	// those linked to the items, by RiskItem.MeasureIDs or by their
	// source.
	Measures []model.Measure
	Today    model.Date
}

// RiskSectionInput is what the annual report's risk section covers.
type RiskSectionInput struct {
	Assessments []model.RiskAssessment
	Items       []model.RiskItem // items of any assessment; linked by AssessmentID
	Year        model.HMSYear
	Today       model.Date
	Matrix      model.RiskMatrix // the unit's matrix; zero = model.DefaultRiskMatrix()
}

// effectiveMatrix is the matrix Heatmap draws for m: the default for the
// zero value, the default boundaries for its size when m is invalid.
func effectiveMatrix(m model.RiskMatrix) model.RiskMatrix {
	if m == (model.RiskMatrix{}) {
		return model.DefaultRiskMatrix()
	}
	if m.Validate() != nil {
		return model.DefaultRiskMatrixFor(m.Size)
	}
	return m
}

// RiskAssessmentReport returns one risk assessment as a printout in A4
// landscape: the assessment's details and the matrix boundaries used, the
// heat maps before and after measures, the hazards with their scores, the
// linked measures, and signature lines.
//
// The assessment's own matrix is used (zero = model.DefaultRiskMatrix()).
// Options.Landscape is always set; an empty Title, Subject, Keywords,
// Unit or Author gets a default from the input.
func RiskAssessmentReport(in RiskInput, opts Options) *Document {
	a := in.Assessment
	m := effectiveMatrix(a.Matrix)
	name := strings.TrimSpace(a.Title)
	if name == "" {
		name = "(uten tittel)"
	}
	opts.Landscape = true
	opts = withDefaults(opts, "Risikovurdering: "+name, "Risikovurdering", "HMS, risikovurdering", in.Unit)
	d := New(opts)
	draft := riskDraft(a)
	remark := ""
	if draft {
		d.SetMark(draftMark)
		remark = "UTKAST: risikovurderingen er ikke ferdig. Utskriften er til arbeid i utvalget og skal ikke signeres."
	}
	d.titleBlock("Risikovurdering: "+name, []string{unitLine(in.Unit)}, remark)

	var items []model.RiskItem
	for _, it := range in.Items {
		if a.ID == 0 || it.AssessmentID == 0 || it.AssessmentID == a.ID {
			items = append(items, it)
		}
	}

	kind := a.Kind.Label()
	if kind == "" {
		kind = string(a.Kind)
	}
	status := a.Status.Label()
	if status == "" {
		status = string(a.Status)
	}
	if !a.Current() {
		status += " (erstattet av en nyere vurdering)"
	}
	review := orDash(a.NextReview.String())
	if a.ReviewDue(in.Today) {
		review += " – revisjon forfalt"
	}
	var people []string
	for _, p := range a.Participants {
		if p = strings.TrimSpace(p); p != "" {
			people = append(people, p)
		}
	}
	participants := strings.Join(people, ", ")
	if participants == "" {
		participants = "Ikke registrert"
	}
	d.sideBySide(10, func() {
		d.KeyValues([][2]string{
			{model.FieldArea, orDash(a.Area)},
			{model.FieldAssessmentKind, orDash(kind)},
			{model.FieldAssessmentDate, orDash(a.Date.String())},
		})
	}, func() {
		d.KeyValues([][2]string{
			{model.FieldStatus, orDash(status)},
			{model.FieldNextReview, review},
			{model.FieldParticipants, participants},
		})
	})
	kv := [][2]string{{"Risikomatrise", m.Describe() + ". Risiko = sannsynlighet (S) × konsekvens (K)."}}
	if s := strings.TrimSpace(a.Notes); s != "" {
		kv = append(kv, [2]string{model.FieldNotes, s})
	}
	d.KeyValues(kv)

	if len(items) == 0 {
		d.Note("Ingen farer registrert i denne risikovurderingen.")
	} else {
		d.riskHeatmaps(items, m)
		d.Heading(2, "Farer")
		d.riskItemTable(items, m)
		d.Heading(2, "Tiltak")
		d.riskMeasureTable(items, in.Measures, in.Today)
	}

	if draft {
		return d // a draft is not signed
	}
	d.Heading(2, "Underskrifter")
	d.signatures([]string{"Leder", "Verneombud", "Deltaker"})
	return d
}

// draftMark marks every page of a risk assessment that is not done.
const draftMark = "UTKAST"

// riskDraft reports whether a is a draft or in progress: not done, so
// printed as UTKAST on every page and without signature lines.
func riskDraft(a model.RiskAssessment) bool { return a.Status != model.AssessmentDone }

// riskHeatmaps draws the matrix before and after measures. The second
// title says how many hazards are assessed after measures, as the others
// are not in it.
func (d *Document) riskHeatmaps(items []model.RiskItem, m model.RiskMatrix) {
	n := len(items)
	assessed := n - len(model.NotAssessedAfter(items, m))
	d.heatmapPair(
		Heatmap{Title: fmt.Sprintf("Før tiltak (%d %s)", n, plural(n, "fare", "farer")), Matrix: m,
			Counts: model.MatrixCounts(items, m, false)},
		Heatmap{Title: fmt.Sprintf("Etter tiltak (%d av %d vurdert)", assessed, n), Matrix: m,
			Counts: model.MatrixCounts(items, m, true)})
}

// heatmapPair draws two heat maps side by side when half the text width
// gives cells of at least 12 mm, else one after the other.
func (d *Document) heatmapPair(a, b Heatmap) {
	if !d.begin() {
		return
	}
	defer d.recover()
	const (
		gap     = 8.0
		minCell = 12.0
		fixedW  = 16 + 42 + 6 // Heatmap's axis, legend and spacing
	)
	n := max(effectiveMatrix(a.Matrix).Size, effectiveMatrix(b.Matrix).Size)
	half := (d.width() - gap) / 2
	if half < fixedW+minCell*float64(n) {
		d.Heatmap(a)
		d.Heatmap(b)
		return
	}
	cell := min(20, (half-fixedW)/float64(n))
	titleH := 0.0
	if a.Title != "" || b.Title != "" {
		titleH = lineHeight(chartTitleSize) + 2
	}
	// As Heatmap: 2 mm space, title, grid, axis labels.
	d.ensure(2 + titleH + cell*float64(n) + 14)
	left, right := d.left, d.right
	defer func() {
		d.left, d.right = left, right
		d.setY(d.y())
	}()
	y0 := d.y()
	d.left, d.right = left, left+half
	d.Heatmap(a)
	y1 := d.y()
	d.left, d.right = left+half+gap, right
	d.setY(y0)
	d.Heatmap(b)
	d.left, d.right = left, right
	d.setY(max(y1, d.y()))
}

// riskColumns are the columns of the hazard table.
var riskColumns = []Column{
	{Title: "Nr", Width: 8, Align: AlignCenter},
	{Title: model.FieldHazard, Width: 32},
	{Title: model.FieldEvent, Width: 38},
	{Title: model.FieldCategory, Width: 27},
	{Title: model.FieldExposed, Width: 26},
	{Title: model.FieldExistingMeasures, Width: 44},
	{Title: "S", Width: 7, Align: AlignCenter},
	{Title: "K", Width: 7, Align: AlignCenter},
	{Title: "Risiko", Width: 21, Align: AlignCenter},
	{Title: "Etter tiltak", Width: 22, Align: AlignCenter},
}

// riskItemTable writes one row per hazard, numbered from 1, with the
// level's word beside its colour.
func (d *Document) riskItemTable(items []model.RiskItem, m model.RiskMatrix) {
	rows := make([][]string, len(items))
	styles := make([]RowStyle, len(items))
	value := func(n int) string {
		if m.InRange(n) {
			return strconv.Itoa(n)
		}
		return "–"
	}
	for i, it := range items {
		fills := make([]Color, len(riskColumns))
		risk := "Ikke vurdert"
		if lv := it.Level(m); lv != "" {
			risk = fmt.Sprintf("%d %s", it.Score(m), lv.Label())
			fills[8] = RiskColor(lv)
		}
		after := "ikke vurdert"
		if lv, ok := it.ResidualLevel(m); ok {
			after = fmt.Sprintf("%d %s", m.Score(it.ResidualProbability, it.ResidualConsequence), lv.Label())
			fills[9] = RiskColor(lv)
		}
		cat := it.Category.Label()
		if cat == "" {
			cat = string(it.Category)
		}
		rows[i] = []string{strconv.Itoa(i + 1), it.Hazard, it.Event, cat, it.Exposed, it.ExistingMeasures,
			value(it.Probability), value(it.Consequence), risk, after}
		styles[i] = RowStyle{CellFills: fills}
	}
	d.Table(Table{Columns: riskColumns, Rows: rows, Styles: styles})
}

// linkedMeasure is a measure with the numbers of the items it belongs to.
type linkedMeasure struct {
	m     *model.Measure // nil: linked but no longer in the plan
	items []int          // item numbers, from 1
}

// linkedMeasures returns the measures linked to items, by the items'
// MeasureIDs or by the measures' source, each once, in the order of the
// first item they belong to.
func linkedMeasures(items []model.RiskItem, ms []model.Measure) []linkedMeasure {
	byID := make(map[uint64]int, len(ms))
	for i := range ms {
		if ms[i].ID != 0 {
			byID[ms[i].ID] = i
		}
	}
	var out []linkedMeasure
	seen := map[uint64]int{} // measure ID (or index+1<<63 for ID-less) → index in out
	add := func(key uint64, m *model.Measure, nr int) {
		if k, ok := seen[key]; ok {
			if !slices.Contains(out[k].items, nr) {
				out[k].items = append(out[k].items, nr)
			}
			return
		}
		seen[key] = len(out)
		out = append(out, linkedMeasure{m: m, items: []int{nr}})
	}
	for i, it := range items {
		nr := i + 1
		for _, id := range it.MeasureIDs {
			if j, ok := byID[id]; ok {
				add(id, &ms[j], nr)
			} else {
				add(id, nil, nr)
			}
		}
		if it.ID == 0 {
			continue
		}
		for j := range ms {
			src := ms[j].Source
			if src.Kind == model.SourceRiskAssessment && src.RefID == it.ID {
				key := ms[j].ID
				if key == 0 {
					key = uint64(j) | 1<<63
				}
				add(key, &ms[j], nr)
			}
		}
	}
	return out
}

// riskMeasureTable writes the measures linked to the items.
func (d *Document) riskMeasureTable(items []model.RiskItem, ms []model.Measure, today model.Date) {
	linked := linkedMeasures(items, ms)
	if len(linked) == 0 {
		d.Note("Ingen tiltak er knyttet til farene i denne risikovurderingen.")
		return
	}
	plan := planColumns(d.width())
	cols := []Column{{Title: "Nr", Width: 14, Align: AlignCenter}, plan[0]}
	cols[1].Width += plan[1].Width - cols[0].Width // Nr takes Kilde's place
	cols = append(cols, plan[2:]...)
	t := richTable{columns: cols, caption: "Tiltak", rows: make([][][]cellPart, len(linked)), styles: make([]RowStyle, len(linked))}
	for i, lm := range linked {
		nrs := make([]string, len(lm.items))
		for k, n := range lm.items {
			nrs[k] = strconv.Itoa(n)
		}
		nr := []cellPart{{text: strings.Join(nrs, ", ")}}
		if lm.m == nil {
			t.rows[i] = [][]cellPart{nr, {{text: "(tiltaket finnes ikke lenger i handlingsplanen)", small: true}}}
			continue
		}
		cells, st := planRow(lm.m, today)
		t.rows[i] = append([][]cellPart{nr, cells[0]}, cells[2:]...)
		t.styles[i] = st
	}
	d.richTable(t)
}

// RiskSection writes the risk part of the annual internal-control report:
// the heading "Risikovurdering", the assessments carried out in the year
// or current in it, the combined heat maps of the current assessments'
// hazards before and after measures, the counts per level and the
// boundaries used. With no assessments it says so in one line.
func (d *Document) RiskSection(in RiskSectionInput) {
	if !d.begin() {
		return
	}
	d.Heading(1, "Risikovurdering")
	m := effectiveMatrix(in.Matrix)
	// Which assessments belong to the year, and which hazards make up the
	// combined picture, are the model's rules (the summary uses them too).
	as := model.AssessmentsForYear(in.Assessments, in.Year, in.Today)
	state := in.Year.StateDate(in.Today)
	unfinished := unfinishedAssessments(in.Assessments, in.Year, in.Today)
	if len(as) == 0 {
		d.Note(fmt.Sprintf("Ingen ferdige risikovurderinger for %s.", in.Year) + unfinished)
		return
	}
	d.Lead(fmt.Sprintf("Ferdige risikovurderinger gjennomført i %s eller gjeldende per %s.", in.Year, state) + unfinished)
	d.riskAssessmentTable(as, state, model.AssessmentsInForce(in.Assessments, state))

	items, otherSize := model.CurrentRiskPicture(in.Assessments, in.Items, m, state)
	d.Heading(2, "Samlet risikobilde")
	if otherSize > 0 {
		d.Paragraph(fmt.Sprintf("%d %s med en annen matrisestørrelse enn %d×%d er ikke med i det samlede risikobildet.",
			otherSize, plural(otherSize, "vurdering", "vurderinger"), m.Size, m.Size))
	}
	if len(items) == 0 {
		d.Note("Ingen farer registrert i gjeldende risikovurderinger.")
		d.Paragraph("Grenser brukt: " + m.Describe() + ".")
		return
	}
	d.Lead(fmt.Sprintf("Farer i gjeldende risikovurderinger: %d.", len(items)))
	d.riskHeatmaps(items, m)
	d.riskLevelTable(items, m)
	d.Paragraph("Grenser brukt: " + m.Describe() + ". Risiko = sannsynlighet × konsekvens.")
}

// riskAssessmentTable lists assessments with title and area, kind, date,
// status and next review; an overdue review is said in words.
// inForce marks the assessments in force on today; the others are
// printed as replaced.
func (d *Document) riskAssessmentTable(as []model.RiskAssessment, today model.Date, inForce map[uint64]bool) {
	var cols []Column
	if d.width() < 200 {
		cols = []Column{{Title: "Risikovurdering", Width: 62}, {Title: "Type", Width: 36}, {Title: "Dato", Width: 22},
			{Title: "Status", Width: 24}, {Title: "Neste revisjon", Width: 30}}
	} else {
		cols = []Column{{Title: "Risikovurdering", Width: 110}, {Title: "Type", Width: 55}, {Title: "Dato", Width: 26},
			{Title: "Status", Width: 32}, {Title: "Neste revisjon", Width: 38}}
	}
	t := richTable{columns: cols, caption: "Risikovurderinger", rows: make([][][]cellPart, len(as)), styles: make([]RowStyle, len(as))}
	for i, a := range as {
		title := []cellPart{{text: orDash(a.Title), bold: true}}
		if s := strings.TrimSpace(a.Area); s != "" {
			title = append(title, cellPart{text: s, small: true})
		}
		status := []cellPart{{text: orDash(a.Status.Label())}}
		if !inForce[a.ID] {
			status = append(status, cellPart{text: "erstattet", small: true})
		}
		review := []cellPart{{text: orDash(a.NextReview.String())}}
		if inForce[a.ID] && !a.NextReview.IsZero() && a.NextReview.Before(today) {
			review = append(review, cellPart{text: "Revisjon forfalt", bold: true})
			t.styles[i].CellFills = []Color{4: overdueFill}
		}
		t.rows[i] = [][]cellPart{title, {{text: orDash(a.Kind.Label())}}, {{text: orDash(a.Date.String())}}, status, review}
	}
	d.richTable(t)
}

// unfinishedAssessments says, after a space, how many drafts or
// assessments in progress dated in the year were left out; "" for none.
func unfinishedAssessments(as []model.RiskAssessment, y model.HMSYear, today model.Date) string {
	n := 0
	for _, a := range as {
		if a.Status != model.AssessmentDone && y.DoneIn(a.Date, today) {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" %d %s som er utkast eller pågår, er ikke med.", n, plural(n, "vurdering", "vurderinger"))
}

// riskLevelTable writes the number of hazards per level, before and after
// measures.
func (d *Document) riskLevelTable(items []model.RiskItem, m model.RiskMatrix) {
	before := model.LevelCounts(items, m, false)
	after := model.LevelCounts(items, m, true)
	var rows [][]string
	var styles []RowStyle
	levels := model.RiskLevels()
	sumB, sumA := 0, 0
	for i := len(levels) - 1; i >= 0; i-- {
		lv := levels[i]
		lo, hi := m.Range(lv)
		rows = append(rows, []string{fmt.Sprintf("%s (%d–%d)", lv.Label(), lo, hi), strconv.Itoa(before[lv]), strconv.Itoa(after[lv])})
		styles = append(styles, RowStyle{CellFills: []Color{RiskColor(lv)}})
		sumB += before[lv]
		sumA += after[lv]
	}
	rows = append(rows,
		[]string{"Ikke vurdert", strconv.Itoa(len(items) - sumB), strconv.Itoa(len(items) - sumA)},
		[]string{"I alt", strconv.Itoa(len(items)), strconv.Itoa(len(items))})
	styles = append(styles, RowStyle{}, RowStyle{Bold: true})
	d.narrow(120, func() {
		d.Table(Table{
			Columns: []Column{{Title: "Risikonivå", Width: 50}, {Title: "Før tiltak", Width: 35, Align: AlignRight},
				{Title: "Etter tiltak", Width: 35, Align: AlignRight}},
			Rows: rows, Styles: styles,
		})
	})
}
