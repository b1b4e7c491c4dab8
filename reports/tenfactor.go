package reports

import (
	"fmt"
	"math"
	"strings"

	"hmsutvalg/model"
)

// TenFactorInput is one 10-FAKTOR round with what its follow-up report
// needs.
type TenFactorInput struct {
	Unit  model.Unit
	Round model.SurveyRound
	// Rounds are all the unit's rounds (the report's own included or not),
	// for the trend and the change since the previous round.
	Rounds []model.SurveyRound
	// Measures are all measures of the action plan; the report prints
	// those linked to the round's focus areas.
	Measures []model.Measure
	Today    model.Date
}

// TenFactorSectionInput is what the annual report's 10-FAKTOR section
// covers.
type TenFactorSectionInput struct {
	Rounds   []model.SurveyRound
	Measures []model.Measure
	Year     model.HMSYear
	Today    model.Date
}

// Colours of the 10-FAKTOR charts. Comparison markers differ in shape as
// well as colour (circle, square, vertical bar); the target lines are
// labelled.
var (
	tfMarkerColors = map[model.SurveyComparison]Color{
		model.SurveyCompareMunicipality: ColorOrange,
		model.SurveyCompareNational:     {0x44, 0x44, 0x44},
		model.SurveyCompareUnitType:     {0x8E, 0x44, 0xAD},
	}
	tfTrendColors = []Color{{0xB5, 0xC7, 0xE0}, {0x7C, 0x9A, 0xC6}, ColorBlue} // oldest → latest
	tfIdealColor  = ColorTeal
)

// tfRow is one factor in a 10-FAKTOR chart.
type tfRow struct {
	label   string
	bars    []tfBar
	markers []tfMarker
}

type tfBar struct {
	value model.SurveyScore
	text  string
	color Color
}

type tfMarker struct {
	value model.SurveyScore
	kind  model.SurveyComparison
}

// TenFactorReport returns the follow-up report of one round (A4
// portrait): the round's facts and follow-up status, the scores as a chart
// against KS's target with the comparison values, the table of scores and
// changes, the trend per factor, the chosen focus areas with notes and
// measures, the follow-up meetings and signature lines. A round without a
// unit report (fewer than 3 answers) says so instead of scores.
func TenFactorReport(in TenFactorInput, opts Options) *Document {
	r := in.Round.Normalized()
	title := r.Label() + ": oppfølging"
	opts = withDefaults(opts, title, "10-FAKTOR", "HMS, 10-FAKTOR, medarbeiderundersøkelse", in.Unit)
	d := New(opts)
	d.titleBlock(title, []string{unitLine(in.Unit)}, "")
	d.tfFacts(r, in.Measures, in.Today)
	if !r.HasReport() {
		d.Note(model.SurveyNoReportMessage(r.Respondents))
		d.tfMeetings(r)
		return d
	}
	if !r.HasScores() {
		d.Note("Enhetens skår er ikke registrert for alle ti faktorene.")
		d.tfMeetings(r)
		return d
	}
	rounds := withRound(in.Rounds, r)
	d.Heading(2, "Enhetens skår")
	d.tfChart(tfRoundRows(r), true, "Skår per faktor (skala 1–5)")
	d.tfLegend(r)
	d.tfScoreTable(r, model.PreviousSurveyRound(rounds, r))
	if rows, years := tfTrendRows(rounds, r); rows != nil {
		d.Heading(2, "Utvikling per faktor")
		d.tfChart(rows, false, "Enhetens skår i "+joinYears(years))
	}
	d.Heading(2, "Valgte områder og tiltak")
	d.tfFocus(r, in.Measures, in.Today)
	d.tfMeetings(r)
	d.Heading(2, "Underskrifter")
	d.signatures([]string{"Leder", "Verneombud", "Tillitsvalgt"})
	return d
}

// withRound returns rounds with r in place of the stored copy (or added).
func withRound(rounds []model.SurveyRound, r model.SurveyRound) []model.SurveyRound {
	out := make([]model.SurveyRound, 0, len(rounds)+1)
	found := false
	for _, x := range rounds {
		if r.ID != 0 && x.ID == r.ID || r.ID == 0 && x.Year == r.Year {
			x, found = r, true
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, r)
	}
	return out
}

func joinYears(ys []model.HMSYear) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = y.String()
	}
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " og " + s[len(s)-1]
}

// tfFacts writes the round's facts and its follow-up status, with the
// reminders in words.
func (d *Document) tfFacts(r model.SurveyRound, ms []model.Measure, today model.Date) {
	d.KeyValues(tfFactRows(r, ms, today))
}

// tfFactRows are tfFacts' lines.
func tfFactRows(r model.SurveyRound, ms []model.Measure, today model.Date) [][2]string {
	period := "–"
	switch {
	case !r.OpensOn.IsZero() && !r.ClosesOn.IsZero():
		period = r.OpensOn.String() + "–" + r.ClosesOn.String()
	case !r.OpensOn.IsZero():
		period = "fra " + r.OpensOn.String()
	case !r.ClosesOn.IsZero():
		period = "til " + r.ClosesOn.String()
	}
	rate := "–"
	if p, ok := r.ResponseRate(); ok {
		rate = p.String()
	}
	status := r.FollowUpStatus(ms).Label()
	if !r.HasReport() {
		status = "Ingen rapport for enheten"
	}
	kv := [][2]string{
		{"Undersøkelsen var åpen", period},
		{model.FieldSurveyResultsOn, orDash(r.ResultsOn.String())},
		{"Svar", fmt.Sprintf("%d av %d inviterte (svarprosent %s)", r.Respondents, r.Invited, rate)},
		{"Oppfølging", status},
	}
	if r.FollowUpOverdue(ms, today) {
		kv = append(kv, [2]string{"Påminnelse", "Mer enn 3 måneder siden resultatene kom, og ingen områder er valgt."})
	}
	if due, overdue, ok := r.EvaluationDue(ms, today); ok {
		text := "Neste evaluering av tiltakenes effekt: " + due.String() + " (KS anbefaler hvert kvartal)."
		if overdue {
			text = "Evaluering av tiltakenes effekt forfalt " + due.String() + " (KS anbefaler hvert kvartal)."
		}
		kv = append(kv, [2]string{"Evaluering", text})
	}
	if s := strings.TrimSpace(r.Notes); s != "" {
		kv = append(kv, [2]string{model.FieldSurveyNotes, s})
	}
	return kv
}

// tfRoundRows are the chart rows of one round.
func tfRoundRows(r model.SurveyRound) []tfRow {
	var rows []tfRow
	for _, f := range model.TenFactors() {
		fs := r.Score(f)
		text := fs.Unit.String()
		if fs.Unit < model.SurveyScoreTarget {
			text += " (under 4)"
		}
		row := tfRow{label: f.FullLabel(), bars: []tfBar{{value: fs.Unit, text: text, color: ColorBlue}}}
		for _, c := range model.SurveyComparisons() {
			if v := fs.Value(c); v.Given() {
				row.markers = append(row.markers, tfMarker{value: v, kind: c})
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// tfTrendRows are one row per factor with a bar per round with scores up
// to r (at most the three latest); nil with fewer than two.
func tfTrendRows(rounds []model.SurveyRound, r model.SurveyRound) ([]tfRow, []model.HMSYear) {
	var rs []model.SurveyRound
	for _, x := range rounds {
		if x.Year <= r.Year && x.HasReport() && x.HasScores() {
			rs = append(rs, x)
		}
	}
	model.SortSurveyRounds(rs)
	if len(rs) > 3 {
		rs = rs[len(rs)-3:]
	}
	if len(rs) < 2 {
		return nil, nil
	}
	var years []model.HMSYear
	for _, x := range rs {
		years = append(years, x.Year)
	}
	var rows []tfRow
	for _, f := range model.TenFactors() {
		row := tfRow{label: f.FullLabel()}
		for i, x := range rs {
			v := x.Score(f).Unit
			row.bars = append(row.bars, tfBar{value: v, text: fmt.Sprintf("%s (%s)", v, x.Year),
				color: tfTrendColors[len(tfTrendColors)-len(rs)+i]})
		}
		rows = append(rows, row)
	}
	return rows, years
}

// tfChart draws horizontal bars on the fixed 1–5 scale with comparison
// markers and, with lines, KS's target (4, dashed red) and ideal (4,5,
// dotted teal). The chart is kept on one page.
func (d *Document) tfChart(rows []tfRow, lines bool, title string) {
	if !d.begin() || len(rows) == 0 {
		return
	}
	defer d.recover()
	pdf := d.pdf
	nb := 1
	for _, r := range rows {
		nb = max(nb, len(r.bars))
	}
	barH := 4.2
	if nb > 1 {
		barH = 3.2
	}
	pitch := float64(nb)*barH + 2.4
	titleH := lineHeight(chartTitleSize) + 2
	topH := 0.0
	if lines {
		topH = 5
	}
	const axisH = 7.0
	plotH := float64(len(rows)) * pitch
	d.space(2)
	legendH := 0.0
	if lines { // the round's chart: its legend (tfLegend) follows and stays with it
		legendH = 8
	}
	d.ensure(titleH + topH + plotH + axisH + 2 + legendH)
	y0 := d.y()
	y0 += d.chartTitle(title, y0)

	d.setFont(styleRegular, chartSize)
	labelW := 0.0
	for _, r := range rows {
		labelW = math.Max(labelW, pdf.GetStringWidth(sanitizeLine(r.label)))
	}
	labelW = math.Min(labelW+3, d.width()*0.42) // room for «Nytteorientert motivasjon (nyttemotivasjon)»
	textW := pdf.GetStringWidth("4,44 (under 4)") + 3
	x0, x1 := d.left+labelW, d.right-textW
	pos := func(v float64) float64 {
		f := math.Max(0, math.Min(1, (v-1)/4))
		return x0 + f*(x1-x0)
	}
	plotTop := y0 + topH
	plotBottom := plotTop + plotH

	// Grid and scale 1–5.
	pdf.SetLineWidth(0.2)
	d.setFont(styleRegular, chartSmallSize)
	d.setText(colorMuted)
	for v := 1; v <= 5; v++ {
		x := pos(float64(v))
		d.setDraw(colorGrid)
		pdf.Line(x, plotTop, x, plotBottom)
		d.cell(x-6, plotBottom+1, 12, 4, fmt.Sprintf("%d", v), AlignCenter)
	}
	d.setDraw(colorRule)
	pdf.Line(x0, plotBottom, x1, plotBottom)

	for i, r := range rows {
		y := plotTop + float64(i)*pitch + 1.2
		d.setFont(styleRegular, chartSize)
		d.setText(colorText)
		d.cell(d.left, y, labelW-2, float64(len(r.bars))*barH, d.fitLine(r.label, labelW-2), AlignRight)
		for j, b := range r.bars {
			by := y + float64(j)*barH
			end := pos(b.value.Float())
			d.setFill(b.color)
			pdf.Rect(x0, by+0.3, math.Max(0.2, end-x0), barH-0.6, "F")
			d.setFont(styleRegular, chartSmallSize)
			d.setText(colorText)
			tx := end + 1
			if len(r.markers) > 0 {
				tx = x1 + 2 // a value column, clear of the markers
			}
			d.cell(tx, by, textW, barH, b.text, AlignLeft)
		}
		h := float64(len(r.bars)) * barH
		for _, m := range r.markers {
			d.tfMarker(m.kind, pos(m.value.Float()), y+h/2, h)
		}
	}
	d.setDraw(colorText)
	pdf.SetLineWidth(0.3)
	pdf.Line(x0, plotTop, x0, plotBottom)

	if lines {
		d.dashed(0, pos(4), plotTop-1, pos(4), plotBottom, ColorRed)
		d.dashed(1, pos(4.5), plotTop-1, pos(4.5), plotBottom, tfIdealColor)
		d.setFont(styleBold, chartSmallSize)
		d.setText(ColorRed)
		lw := pdf.GetStringWidth("Mål 4") + 1
		d.cell(pos(4)-lw-0.5, y0, lw, 4, "Mål 4", AlignRight)
		d.setText(tfIdealColor)
		d.cell(pos(4.5)+0.5, y0, 20, 4, "Ideelt 4,5", AlignLeft)
	}
	d.setY(plotBottom + axisH)
	d.space(1)
}

// tfMarker draws a comparison marker centred on (x, y) in a row of height
// h: a circle for the municipality, a square for all municipalities, a
// vertical bar across the row for the unit type. White outlines keep them
// visible on the bars.
func (d *Document) tfMarker(k model.SurveyComparison, x, y, h float64) {
	pdf := d.pdf
	d.setFill(tfMarkerColors[k])
	d.setDraw(colorWhite)
	pdf.SetLineWidth(0.3)
	const r = 1.3
	switch k {
	case model.SurveyCompareMunicipality:
		pdf.Circle(x, y, r, "FD")
	case model.SurveyCompareNational:
		pdf.Rect(x-r, y-r, 2*r, 2*r, "FD")
	default:
		pdf.Rect(x-0.5, y-h/2-0.6, 1, h+1.2, "FD")
	}
}

// tfLegend explains the markers that appear in the round and the lines.
func (d *Document) tfLegend(r model.SurveyRound) {
	if !d.begin() {
		return
	}
	defer d.recover()
	used := map[model.SurveyComparison]bool{}
	for _, s := range r.Scores {
		for _, c := range model.SurveyComparisons() {
			if s.Value(c).Given() {
				used[c] = true
			}
		}
	}
	d.ensure(6)
	pdf := d.pdf
	y := d.y()
	x := d.left
	d.setFont(styleRegular, chartSize)
	item := func(draw func(x float64), text string) {
		draw(x + 2)
		x += 5
		w := pdf.GetStringWidth(text) + 1
		d.setText(colorText)
		d.cell(x, y, w, 4, text, AlignLeft)
		x += w + 5
	}
	item(func(x float64) { d.setFill(ColorBlue); pdf.Rect(x-1.5, y+0.5, 3, 3, "F") }, "Enheten")
	for _, c := range model.SurveyComparisons() {
		if used[c] {
			c := c
			item(func(x float64) { d.tfMarker(c, x, y+2, 3) }, c.Label())
		}
	}
	item(func(x float64) { d.dashed(0, x, y, x, y+4, ColorRed) }, "Mål: over 4 (helst rundt 4,5)")
	d.setY(y + 6)
	d.space(2)
}

// tfScoreTable lists the scores, the change since the previous round and
// the comparison values.
func (d *Document) tfScoreTable(r model.SurveyRound, prev *model.SurveyRound) {
	change := "Endring"
	if prev != nil {
		change = "Endring fra " + prev.Year.String()
	}
	cols := []Column{{Title: "Faktor", Width: 54}, {Title: "Enheten", Width: 27, Align: AlignRight},
		{Title: change, Width: 27, Align: AlignRight}, {Title: "Hele kommunen", Width: 22, Align: AlignRight},
		{Title: "Alle kommuner", Width: 22, Align: AlignRight}, {Title: "Samme enhetstype", Width: 22, Align: AlignRight}}
	var rows [][]string
	var styles []RowStyle
	for i, f := range model.TenFactors() {
		fs := r.Score(f)
		ch := "–"
		if prev != nil {
			if p := prev.Score(f).Unit; p.Given() {
				ch = model.FormatSurveyScoreChange(fs.Unit - p)
			}
		}
		unit := fs.Unit.String()
		st := RowStyle{}
		if fs.Unit < model.SurveyScoreTarget {
			unit += " under 4"
			st.CellFills = []Color{1: ColorYellowFill}
		}
		rows = append(rows, []string{fmt.Sprintf("%d. %s", i+1, f.FullLabel()), unit, ch,
			orDash(fs.Municipality.String()), orDash(fs.National.String()), orDash(fs.UnitType.String())})
		styles = append(styles, st)
	}
	d.Table(Table{Columns: cols, Rows: rows, Styles: styles})
}

// tfFocus writes each chosen factor with the committee's notes and its
// measures.
func (d *Document) tfFocus(r model.SurveyRound, ms []model.Measure, today model.Date) {
	if len(r.Focus) == 0 {
		d.Note("Ingen områder er valgt ennå. KS anbefaler å velge ett område å ta vare på (bevaringsområde) og minst ett å forbedre (innsatsområde).")
		return
	}
	for _, a := range r.Focus {
		d.Heading(3, fmt.Sprintf("%s: %s (%s)", a.Kind.Label(), a.Factor.FullLabel(), r.Score(a.Factor).Unit))
		d.Paragraph(a.Factor.Explanation())
		d.KeyValues([][2]string{
			{model.FieldSurveyWhatWorks, orDash(a.WhatWorks)},
			{model.FieldSurveyToImprove, orDash(a.ToImprove)},
		})
		linked := r.LinkedMeasures(a.Factor, ms)
		if len(linked) == 0 {
			d.Note("Ingen tiltak i handlingsplanen for dette området.")
			continue
		}
		cols := planColumns(d.width())
		t := richTable{columns: cols, caption: "Tiltak", rows: make([][][]cellPart, len(linked)), styles: make([]RowStyle, len(linked))}
		for i := range linked {
			t.rows[i], t.styles[i] = planRow(&linked[i], today)
		}
		d.richTable(t)
	}
}

// tfMeetings lists the follow-up meetings.
func (d *Document) tfMeetings(r model.SurveyRound) {
	d.Heading(2, "Oppfølgingsmøter")
	if len(r.Meetings) == 0 {
		d.Note("Ingen oppfølgingsmøter registrert.")
		return
	}
	var rows [][]string
	for _, m := range r.Meetings {
		rows = append(rows, []string{m.Date.String(), m.Kind.Label(), orDash(m.Notes)})
	}
	d.Table(Table{Columns: []Column{{Title: "Dato", Width: 22}, {Title: "Møte", Width: 50}, {Title: "Notat", Width: 104}}, Rows: rows})
}

// TenFactorSection writes the 10-FAKTOR part of the annual report: the
// latest round up to the year (rounds are usually every second year, so
// the year between reports the follow-up of the last one) with response
// rate, chart, follow-up status and the chosen areas with their measures'
// status. With no round it says so in one line.
func (d *Document) TenFactorSection(in TenFactorSectionInput) {
	d.tenFactorYearSection(tenFactorForYear(in))
}

// tenFactorYear is the 10-FAKTOR section of a year worked out from the
// rounds and the measures, before anything is drawn (the annual report
// works it out ahead, annual.go).
type tenFactorYear struct {
	in        TenFactorSectionInput
	round     *model.SurveyRound // the latest round, normalized; nil for none
	facts     [][2]string
	focusRows [][]string
}

// tenFactorForYear picks the same round as the summary and the
// submission, and its facts and focus areas with their measures.
func tenFactorForYear(in TenFactorSectionInput) tenFactorYear {
	y := tenFactorYear{in: in}
	latest := model.SurveyRoundFor(in.Rounds, in.Year, in.Today)
	if latest == nil {
		return y
	}
	r := latest.Normalized()
	y.round = &r
	y.facts = tfFactRows(r, in.Measures, in.Today)
	for _, a := range r.Focus {
		p := model.FocusProgressOf(r.LinkedMeasures(a.Factor, in.Measures))
		y.focusRows = append(y.focusRows, []string{a.Kind.Label(), a.Factor.FullLabel(), r.Score(a.Factor).Unit.String(),
			fmt.Sprint(p.Linked), fmt.Sprint(p.Open), fmt.Sprint(p.Evaluated)})
	}
	return y
}

// tenFactorYearSection draws the 10-FAKTOR section y.
func (d *Document) tenFactorYearSection(y tenFactorYear) {
	if !d.begin() {
		return
	}
	in, r := y.in, y.round
	d.Heading(1, "10-FAKTOR")
	if r == nil {
		d.Note(fmt.Sprintf("Ingen 10-FAKTOR-runder registrert til og med %s.", in.Year))
		return
	}
	intro := fmt.Sprintf("Siste runde: %s.", r.Year)
	if r.Year != in.Year {
		intro = fmt.Sprintf("Ingen runde i %s. Siste runde var %s; her er oppfølgingen av den.", in.Year, r.Year)
	}
	d.Lead(intro)
	d.KeyValues(y.facts)
	if !r.HasReport() {
		d.Note(model.SurveyNoReportMessage(r.Respondents))
		return
	}
	if !r.HasScores() {
		d.Note("Enhetens skår er ikke registrert for alle ti faktorene.")
		return
	}
	d.tfChart(tfRoundRows(*r), true, "Skår per faktor (skala 1–5)")
	d.tfLegend(*r)
	if len(r.Focus) == 0 {
		d.Note("Ingen områder er valgt for oppfølging.")
		return
	}
	d.Table(Table{Columns: []Column{{Title: "Område", Width: 34}, {Title: "Faktor", Width: 54}, {Title: "Skår", Width: 18, Align: AlignRight},
		{Title: "Tiltak", Width: 18, Align: AlignRight}, {Title: "Åpne", Width: 18, Align: AlignRight}, {Title: "Evaluert", Width: 20, Align: AlignRight}},
		Rows: y.focusRows})
}
