package reports

import (
	"fmt"
	"math"
	"strings"

	"hmsutvalg/model"
)

// SickLeaveInput is what the sick-leave report prints.
type SickLeaveInput struct {
	Unit     model.Unit
	Quarters []model.SickLeaveQuarter // any order; one per quarter
	Settings model.SickLeaveSettings  // zero = model.DefaultSickLeaveSettings()
	// Measures are the action plan's measures (optional); the report says
	// for each alert whether measures have been created.
	Measures []model.Measure
	Today    model.Date
}

// SickLeaveSectionInput is what the annual report's sick-leave section
// covers.
type SickLeaveSectionInput struct {
	Quarters []model.SickLeaveQuarter // all registered quarters; the section picks the year's
	Settings model.SickLeaveSettings
	Measures []model.Measure // optional, as in SickLeaveInput
	Year     model.HMSYear
	Today    model.Date // the report date, for the measures' status
}

// Colours of the sick-leave reference lines; the labels and dash patterns
// tell them apart in greyscale.
var (
	sickTargetColor = ColorTeal
	sickTwoColor    = ColorOrange
	sickOneColor    = ColorRed
)

// sickLeaveDefinition explains the figures under every table. The minus
// in «100 % – sykefravær» is an en dash: the fonts lack the minus sign
// (U+2212), which sanitize would print as a hyphen.
const sickLeaveDefinition = "Sykefravær = sykefraværsdagsverk × 100 / avtalte dagsverk, for enheten samlet. " +
	"Korttid er 1–16 dager, langtid over 16 dager. Nærvær = 100 % – sykefravær. " +
	"Tallene gjelder hele enheten; det registreres ikke fravær for enkeltpersoner."

// SickLeaveReport returns the unit's sick leave as a printout in A4
// portrait: target and follow-up limits, the trend per quarter with the
// target and limit lines, the follow-up the IA plan's rules call for, and
// a table of every quarter with nærvær.
func SickLeaveReport(in SickLeaveInput, opts Options) *Document {
	opts = withDefaults(opts, "Sykefravær", "Sykefravær per kvartal per "+in.Today.String(), "HMS, sykefravær, nærvær, IA", in.Unit)
	d := New(opts)
	d.titleBlock("Sykefravær", []string{unitLine(in.Unit), "per " + in.Today.String()}, "")
	s := in.Settings.OrDefault()
	qs := model.SortSickLeave(in.Quarters)
	target := pct1(s.Target)
	if !s.TargetIsSet() {
		target += " (fylkets eget mål i IA-planen; enheten har ikke satt eget mål)"
	}
	kv := [][2]string{
		{s.TargetTitle(), target},
		{"Grenser for oppfølging", fmt.Sprintf("Over %s to kvartaler på rad; over %s i ett kvartal (med BHT)", pct1(s.TwoQuarterThreshold), pct1(s.OneQuarterThreshold))},
	}
	if len(qs) > 0 {
		last := qs[len(qs)-1]
		kv = append(kv, [2]string{"Siste kvartal", fmt.Sprintf("%s: %s (nærvær %s)%s", last.Quarter, pct1(last.Total), pct1(last.Presence()), vsTargetOf(last.Total, s))})
	}
	d.KeyValues(kv)
	if len(qs) == 0 {
		d.Note("Ingen sykefraværstall registrert.")
		return d
	}
	d.Heading(2, "Utvikling per kvartal")
	d.sickLeaveChart("Sykefravær per kvartal", qs, s)
	d.Heading(2, "Oppfølging etter IA-planen")
	d.sickLeaveAlerts(model.FollowUpAlerts(qs, s), in.Measures, "Ingen kvartaler er over grensene for oppfølging.")
	d.Heading(2, "Kvartaler")
	d.sickLeaveTable(qs, s)
	d.Paragraph(sickLeaveDefinition)
	return d
}

// SickLeaveSection writes the sick-leave part of the annual
// internal-control report: the heading "Sykefravær", the year's average
// against the target, a chart of the year's quarters beside the year
// before, the alerts that concern the year, and the quarters with nærvær.
// With no figures for the year it says so in one line.
func (d *Document) SickLeaveSection(in SickLeaveSectionInput) {
	d.sickLeaveYearSection(sickLeaveForYear(in))
}

// sickLeaveYear is the sick-leave section of a year worked out from the
// quarters and the measures, before anything is drawn (the annual report
// works it out ahead, annual.go).
type sickLeaveYear struct {
	in           SickLeaveSectionInput
	settings     model.SickLeaveSettings
	year, prev   []model.SickLeaveQuarter
	alerts       []string // the follow-up alerts in words
	measuresLine string
}

// sickLeaveForYear picks in's quarters of the year and the year before,
// the follow-up alerts and the year's measures.
func sickLeaveForYear(in SickLeaveSectionInput) sickLeaveYear {
	s := sickLeaveYear{in: in, settings: in.Settings.OrDefault()}
	s.year = model.SickLeaveYear(in.Quarters, in.Year)
	if len(s.year) == 0 {
		return s
	}
	s.prev = model.SickLeaveYear(in.Quarters, in.Year-1)
	yearMeasures := model.MeasuresForYear(in.Measures, in.Year)
	sick := model.SickLeaveMeasures(yearMeasures)
	s.alerts = alertTexts(model.SickLeaveAlertsForYear(in.Quarters, s.settings, in.Year), yearMeasures, len(sick))
	s.measuresLine = sickLeaveMeasuresLine(sick, in.Year, in.Today)
	return s
}

// sickLeaveYearSection draws the sick-leave section p.
func (d *Document) sickLeaveYearSection(p sickLeaveYear) {
	if !d.begin() {
		return
	}
	in, s, year := p.in, p.settings, p.year
	d.Heading(1, "Sykefravær")
	if len(year) == 0 {
		d.Note(fmt.Sprintf("Ingen sykefraværstall registrert for %s.", in.Year))
		return
	}
	avg, weighted, _ := model.SickLeaveAverage(year)
	how := "gjennomsnitt av kvartalene"
	if weighted {
		how = "vektet med avtalte dagsverk"
	}
	d.Lead(fmt.Sprintf("Sykefravær %s: %s (%s; %d av 4 kvartaler registrert). Nærvær %s. %s",
		in.Year, pct1(avg), how, len(year), pct1(model.Percent(100*100)-avg), sickTargetSentence(avg, s)))
	d.sickLeaveYearChart(in.Year, year, p.prev, s)
	d.Heading(2, "Oppfølging etter IA-planen")
	d.bullets(p.alerts, fmt.Sprintf("Ingen kvartaler i %s er over grensene for oppfølging.", in.Year))
	d.Paragraph(p.measuresLine)
	// A heading of its own, so the table is not read as part of the
	// follow-up above it and is never headless at the top of a page.
	d.Heading(2, "Kvartalstall "+in.Year.String())
	d.sickLeaveTable(year, s)
	d.Paragraph(sickLeaveDefinition)
}

// sickTargetSentence compares the average with the target, and says whose
// target it is; the defaults' example is not called anyone's target.
func sickTargetSentence(avg model.Percent, s model.SickLeaveSettings) string {
	if !s.TargetIsSet() {
		return fmt.Sprintf("Enheten har ikke satt mål for sykefravær; grafen viser %s %s (fylkets eget mål i IA-planen).",
			s.TargetName(), pct1(s.Target))
	}
	return fmt.Sprintf("%s %s%s.", s.TargetTitle(), pct1(s.Target), vsTarget(avg, s.Target))
}

// pct1 is a percentage with one decimal, or two when the second is not
// zero ("7,45 %"), matching the model's messages.
func pct1(p model.Percent) string { return p.Exact() }

// vsTarget says how a value compares to the target in words.
func vsTarget(v, target model.Percent) string {
	switch {
	case v > target:
		return fmt.Sprintf(", %s over målet", points(v-target))
	case v < target:
		return fmt.Sprintf(", %s under målet", points(target-v))
	}
	return ", som målet"
}

// vsTargetOf is vsTarget against s's target, «eksempelmålet» when it is
// the defaults' example rather than a target someone set.
func vsTargetOf(v model.Percent, s model.SickLeaveSettings) string {
	out := vsTarget(v, s.Target)
	if !s.TargetIsSet() {
		out = strings.Replace(out, "målet", "eksempelmålet", 1)
	}
	return out
}

// points is a difference in percentage points: "1,2 prosentpoeng".
func points(p model.Percent) string {
	return strings.TrimSuffix(pct1(p), " %") + " prosentpoeng"
}

// sickLeaveLines are the target and the two limits as chart lines.
func sickLeaveLines(s model.SickLeaveSettings) []RefLine {
	return []RefLine{
		{Value: s.Target.Float(), Label: s.TargetTitle() + " " + pct1(s.Target), Color: sickTargetColor},
		{Value: s.TwoQuarterThreshold.Float(), Label: "Grense " + pct1(s.TwoQuarterThreshold), Color: sickTwoColor},
		{Value: s.OneQuarterThreshold.Float(), Label: "BHT " + pct1(s.OneQuarterThreshold), Color: sickOneColor},
	}
}

// chartMax leaves room above the highest value or line.
func chartMax(qs []model.SickLeaveQuarter, s model.SickLeaveSettings) float64 {
	hi := math.Max(s.OneQuarterThreshold.Float(), s.Target.Float())
	for _, q := range qs {
		hi = math.Max(hi, q.Total.Float())
	}
	return math.Ceil(hi + 1)
}

// sickLeaveChart draws the series oldest first with the reference lines.
// Quarters without figures inside the span are gaps in the line.
func (d *Document) sickLeaveChart(title string, qs []model.SickLeaveQuarter, s model.SickLeaveSettings) {
	byQ := map[model.Quarter]model.Percent{}
	for _, q := range qs {
		byQ[q.Quarter] = q.Total
	}
	var cats []string
	var vals []float64
	for q := qs[0].Quarter; !qs[len(qs)-1].Quarter.Before(q); q = q.Next() {
		cats = append(cats, fmt.Sprintf("K%d %d", q.Q, q.Year))
		if v, ok := byQ[q]; ok {
			vals = append(vals, v.Float())
		} else {
			vals = append(vals, math.NaN())
		}
	}
	d.LineChart(SeriesChart{
		Title:      title,
		Categories: cats,
		Series:     []Series{{Name: "Sykefravær", Values: vals, Color: ColorBlue}},
		Lines:      sickLeaveLines(s),
		Max:        chartMax(qs, s),
		Decimals:   1,
		Unit:       " %",
		Height:     65,
	})
}

// sickLeaveYearChart draws the year's quarters beside the year before.
func (d *Document) sickLeaveYearChart(y model.HMSYear, year, prev []model.SickLeaveQuarter, s model.SickLeaveSettings) {
	vals := func(qs []model.SickLeaveQuarter) []float64 {
		out := []float64{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
		for _, q := range qs {
			out[q.Quarter.Q-1] = q.Total.Float()
		}
		return out
	}
	series := []Series{{Name: y.String(), Values: vals(year), Color: ColorBlue}}
	if len(prev) > 0 {
		series = append(series, Series{Name: (y - 1).String(), Values: vals(prev), Color: ColorGrey})
	}
	d.LineChart(SeriesChart{
		Title:      fmt.Sprintf("Sykefravær per kvartal %s", y),
		Categories: []string{"1. kvartal", "2. kvartal", "3. kvartal", "4. kvartal"},
		Series:     series,
		Lines:      sickLeaveLines(s),
		Max:        chartMax(append(append([]model.SickLeaveQuarter{}, year...), prev...), s),
		Decimals:   1,
		Unit:       " %",
		Height:     55,
	})
}

// sickLeaveAlerts writes each alert in words, with whether measures have
// been created for it when the plan is given.
func (d *Document) sickLeaveAlerts(alerts []model.FollowUpAlert, measures []model.Measure, none string) {
	n := 0
	if len(alerts) > 0 {
		n = len(model.SickLeaveMeasures(measures))
	}
	d.bullets(alertTexts(alerts, measures, n), none)
}

// alertTexts is each alert in words for sickLeaveAlerts, n being the
// number of measures for sick leave and attendance among measures.
func alertTexts(alerts []model.FollowUpAlert, measures []model.Measure, n int) []string {
	var out []string
	for _, a := range alerts {
		text := a.Message
		switch {
		case measures == nil:
		case a.HasMeasures(measures):
			text += " Tiltak for varselet er lagt inn i handlingsplanen."
		case n > 0:
			text += fmt.Sprintf(" Ingen tiltak er laget for akkurat dette varselet, men handlingsplanen har %d %s for sykefravær og nærvær.",
				n, plural(n, "tiltak", "tiltak"))
		default:
			text += " Handlingsplanen har ingen tiltak for sykefravær og nærvær."
		}
		out = append(out, text)
	}
	return out
}

// bullets writes each line as a paragraph with a bullet, or none when
// there are no lines.
func (d *Document) bullets(lines []string, none string) {
	if len(lines) == 0 {
		d.Paragraph(none)
		return
	}
	for _, l := range lines {
		d.Paragraph("• " + l)
	}
}

// sickLeaveMeasuresLine counts the year's measures for sick leave and
// attendance (model.SickLeaveMeasures), as the summary does.
func sickLeaveMeasuresLine(ms []model.Measure, y model.HMSYear, today model.Date) string {
	if len(ms) == 0 {
		return fmt.Sprintf("Handlingsplanen har ingen tiltak for sykefravær og nærvær i %s.", y)
	}
	open, overdue := 0, 0
	for _, m := range ms {
		if m.Open() {
			open++
		}
		if m.Overdue(today) {
			overdue++
		}
	}
	return fmt.Sprintf("Handlingsplanen har %d %s for sykefravær og nærvær i %s (kilde sykefravær eller innsatsområde forebyggende eller oppfølgende sykefraværsarbeid); per %s er %d %s og %d over fristen.",
		len(ms), plural(len(ms), "tiltak", "tiltak"), y, today, open, plural(open, "åpent", "åpne"), overdue)
}

// sickLeaveTable lists quarters oldest first: totals, parts, nærvær and
// counts, with a remark in words for quarters above a limit or the target.
func (d *Document) sickLeaveTable(qs []model.SickLeaveQuarter, s model.SickLeaveSettings) {
	opt := func(p *model.Percent) string {
		if p == nil {
			return "–"
		}
		return pct1(*p)
	}
	count := func(n int) string {
		if n <= 0 {
			return "–"
		}
		return model.FormatInt(n)
	}
	t := Table{Columns: []Column{
		{Title: "Kvartal", Width: 16},
		{Title: "Totalt", Width: 15, Align: AlignRight},
		{Title: "Egenmeldt", Width: 20, Align: AlignRight},
		{Title: "Legemeldt korttid", Width: 20, Align: AlignRight},
		{Title: "Legemeldt langtid", Width: 20, Align: AlignRight},
		{Title: "Nærvær", Width: 16, Align: AlignRight},
		{Title: "Ansatte", Width: 15, Align: AlignRight},
		{Title: "Avtalte dagsverk", Width: 20, Align: AlignRight},
		{Title: "Merknad", Width: 26},
	}}
	for _, q := range qs {
		remark, style := "", RowStyle{}
		switch {
		case q.Total > s.OneQuarterThreshold:
			remark, style = "Over "+pct1(s.OneQuarterThreshold)+" (BHT)", RowStyle{CellFills: []Color{1: ColorRedFill}}
		case q.Total > s.TwoQuarterThreshold:
			remark, style = "Over "+pct1(s.TwoQuarterThreshold), RowStyle{CellFills: []Color{1: ColorYellowFill}}
		case s.TargetIsSet() && q.Total > s.Target:
			remark = "Over målet"
		}
		t.Rows = append(t.Rows, []string{q.Quarter.String(), pct1(q.Total), opt(q.SelfCertified), opt(q.DoctorShort), opt(q.DoctorLong),
			pct1(q.Presence()), count(q.Employees), count(q.AgreedDays), remark})
		t.Styles = append(t.Styles, style)
	}
	d.Table(t)
}
