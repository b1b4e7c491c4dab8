package reports

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// AggregateTitle is the title of the municipal report.
func AggregateTitle(year model.HMSYear) string {
	return "HMS-internkontroll " + year.String() + " – samlet for enhetene"
}

// AggregateReport returns the municipality's report to the working
// environment committee (AMU) in A4 landscape: cover, a one-page
// summary, charts (sick leave per unit, deviations, risk picture,
// 10-FAKTOR), what needs the AMU's attention, the sectors, every unit in
// an appendix, and the files not used.
func AggregateReport(a Aggregation, opts Options) *Document {
	opts.Landscape = true
	opts.Title = cmp.Or(strings.TrimSpace(opts.Title), AggregateTitle(a.Year))
	opts.Subject = cmp.Or(strings.TrimSpace(opts.Subject), "Enhetenes innsendte nøkkeltall for "+a.Year.String()+", til arbeidsmiljøutvalget (AMU)")
	opts.Keywords = cmp.Or(strings.TrimSpace(opts.Keywords), "HMS, internkontroll, AMU, "+a.Year.String())
	opts.Author = cmp.Or(strings.TrimSpace(opts.Author), "HMS-utvalg")
	d := New(opts)
	d.aggregateCover(a)
	d.aggregateSummary(a)
	d.aggregateSickLeave(a)
	d.aggregateDeviations(a)
	d.aggregateRisk(a)
	d.aggregateTenFactor(a)
	d.aggregateAttention(a)
	d.aggregateSectors(a)
	d.aggregateAppendix(a)
	d.aggregateFiles(a)
	return d
}

// pctF is a percentage with one decimal: "6,8 %".
func pctF(v float64) string { return FormatNumber(v, 1) + " %" }

// shownDiff is the difference of two percentages as the report shows them
// (one decimal), so a reader who subtracts the printed figures gets the
// printed difference: 6,6 % against 7,6 % is −1,0, not −1,1.
func shownDiff(a, b float64) float64 {
	return math.Round(a*10)/10 - math.Round(b*10)/10
}

// pointsF is a signed difference in percentage points.
func pointsF(v float64) string {
	s := FormatNumber(math.Abs(v), 1) + " prosentpoeng"
	switch r := math.Round(v * 10); {
	case r > 0:
		return "+" + s
	case r < 0:
		return "−" + s
	}
	return "uendret"
}

// severalWarning warns that the files come from more than one
// municipality and names them; "" for one.
func severalWarning(a Aggregation) string {
	if !a.Several() {
		return ""
	}
	return fmt.Sprintf("Merk: innsendingene kommer fra %d kommuner (%s). Tallene er summert på tvers av kommunene; de er ikke tall for én kommune.",
		len(a.Municipalities), model.JoinAnd(a.Municipalities))
}

// scopeName is what the report's totals are for: "kommunen", or "alle
// enhetene" when they come from several municipalities.
func scopeName(a Aggregation) string {
	if a.Several() {
		return "alle enhetene"
	}
	return "kommunen"
}

// scopeTotals is "kommunens tall", or "totalen for alle enhetene" when
// the files come from several municipalities.
func scopeTotals(a Aggregation) string {
	if a.Several() {
		return "totalen for alle enhetene"
	}
	return "kommunens tall"
}

// capital gives s a capital first letter.
func capital(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// submittedLine is "40 enheter har sendt inn. 5 av 45 forventede
// enheter mangler."
func submittedLine(a Aggregation) string {
	n := len(a.Units)
	s := fmt.Sprintf("%d %s har sendt inn for %s.", n, plural(n, "enhet", "enheter"), a.Year)
	if a.Expected == 0 {
		return s + " Ingen liste over enheter som skal levere er gitt."
	}
	s += fmt.Sprintf(" %d av %d forventede enheter mangler.", len(a.Missing), a.Expected)
	if a.Unlisted > 0 {
		s += fmt.Sprintf(" %d %s ikke på listen.", a.Unlisted, plural(a.Unlisted, "enhet som har sendt inn, står", "enheter som har sendt inn, står"))
	}
	return s
}

func (d *Document) aggregateCover(a Aggregation) {
	first := "Ingen enheter"
	if len(a.Municipalities) > 0 {
		first = a.Municipalities[0]
	}
	if w := severalWarning(a); w != "" {
		first = w
	}
	lines := []string{first, submittedLine(a),
		fmt.Sprintf("%s ansatte i enhetene som har sendt inn.", model.FormatInt(a.Employees))}
	if a.Previous != 0 {
		if a.Compare.Both == 0 {
			lines = append(lines, fmt.Sprintf("Ingen enhet sendte inn for både %s og %s, så årene sammenlignes ikke.", a.Previous, a.Year))
		} else {
			lines = append(lines, fmt.Sprintf("Sammenlignet med %s for %s.", a.Previous, bothWords(a.Compare.Both)))
		}
	}
	lines = append(lines, "", "Til arbeidsmiljøutvalget (AMU). Bygger på enhetenes innsendingsfiler: bare tall, ingen navn på personer.")
	d.Cover(AggregateTitle(a.Year), "Samlet rapport til arbeidsmiljøutvalget", lines)
}

// sickLeaveSummary is the municipal sick leave against the target and
// last year.
func sickLeaveSummary(a Aggregation) string {
	t := a.SickLeave
	if t.Units == 0 {
		return "Ingen enheter har sykefraværstall for året."
	}
	s := fmt.Sprintf("%s (%d %s, %s)", pctF(t.Percent), t.Units, plural(t.Units, "enhet", "enheter"), sickWeighting(t))
	if q := t.QuarterScope(); q != "" {
		s += fmt.Sprintf(". Bygger bare på kvartalene %s %s, ikke hele året", q, a.Year)
	}
	s += ". " + targetSentence(a, t)
	if a.Previous != 0 {
		s += ". " + sickChange(a)
	}
	return s + "."
}

// targetSentence measures the figure against the target (SickTarget) and
// says whose target it is and where it comes from.
func targetSentence(a Aggregation, t model.SickLeaveTotal) string {
	pct, fromUnits, ok := a.SickTarget()
	switch {
	case ok && fromUnits:
		n := a.ReportedTargets[0].Units
		return fmt.Sprintf("Kommunens mål %s, slik %d %s oppgir det: %s", pctF(pct), n, plural(n, "enhet", "enheter"), targetWords(shownDiff(t.Percent, pct)))
	case ok && a.Several():
		return fmt.Sprintf("Målet som er oppgitt for rapporten, %s: %s", pctF(pct), targetWords(shownDiff(t.Percent, pct)))
	case ok:
		return fmt.Sprintf("Kommunens mål %s: %s", pctF(pct), targetWords(shownDiff(t.Percent, pct)))
	case len(a.ReportedTargets) > 0:
		parts := make([]string, len(a.ReportedTargets))
		for i, r := range a.ReportedTargets {
			parts[i] = fmt.Sprintf("%s %s (%d %s)", r.Municipality, pctF(r.Percent), r.Units, plural(r.Units, "enhet", "enheter"))
		}
		return "Tallet måles ikke mot ett mål; enhetene oppgir disse målene som kommunens: " + model.JoinAnd(parts)
	case a.Several():
		return "Det er ikke oppgitt noe felles mål for enhetene"
	}
	return "Kommunens mål er ikke oppgitt"
}

// bothWords is "de 3 enhetene som sendte inn begge år".
func bothWords(n int) string {
	switch n {
	case 1:
		return "den ene enheten som sendte inn begge år"
	}
	return fmt.Sprintf("de %d enhetene som sendte inn begge år", n)
}

// sickChange is the change from the year before, like for like: the
// units in both years, on the quarters each registered in both.
func sickChange(a Aggregation) string {
	c, p := a.Compare.Cur.SickLeave, a.Compare.Prev.SickLeave
	if c.Units == 0 {
		return fmt.Sprintf("Ingen endring fra %s kan regnes: ingen enhet har sykefravær for de samme kvartalene begge år", a.Previous)
	}
	scope := fmt.Sprintf("%d %s med tall for begge år", c.Units, plural(c.Units, "enhet", "enheter"))
	if q := c.QuarterScope(); q != "" {
		scope += ", bare " + q
	}
	s := fmt.Sprintf("Endring fra %s for %s: %s mot %s, %s", a.Previous, scope, pctF(p.Percent), pctF(c.Percent), pointsF(shownDiff(c.Percent, p.Percent)))
	if sickWeighting(p) != sickWeighting(c) {
		s += fmt.Sprintf(" (%s er %s)", a.Previous, sickWeighting(p))
	}
	return s
}

// sickWeighting says how the municipal figure is weighted.
func sickWeighting(t model.SickLeaveTotal) string {
	if t.ByDays {
		return "vektet med avtalte dagsverk"
	}
	if t.NoDays == t.Units {
		return "vektet med antall ansatte, fordi ingen enhet har avtalte dagsverk"
	}
	return fmt.Sprintf("vektet med avtalte dagsverk; %d %s uten dagsverk er vektet med antall ansatte", t.NoDays, plural(t.NoDays, "enhet", "enheter"))
}

func targetWords(diff float64) string {
	switch r := math.Round(diff * 10); {
	case r > 0:
		return FormatNumber(diff, 1) + " prosentpoeng over målet"
	case r < 0:
		return FormatNumber(-diff, 1) + " prosentpoeng under målet"
	}
	return "som målet"
}

func (d *Document) aggregateSummary(a Aggregation) {
	d.Heading(1, "Sammendrag for "+scopeName(a))
	if w := severalWarning(a); w != "" {
		d.Note(w)
	}
	d.KeyValues(AggregateSummary(a))
	d.yearComparison(a)
}

// AggregateSummary is the summary page's key figures, as label and text;
// the HR screen previews them.
func AggregateSummary(a Aggregation) [][2]string {
	dv := a.Deviations
	return [][2]string{
		{"Innsendinger", submittedLine(a) + failedWords(a)},
		{"Sykefravær " + a.Year.String(), sickLeaveSummary(a)},
		{"Avvik", fmt.Sprintf("%d i %d %s som bruker avviksmodulen; %d åpne alvorlige %s. Tilfeller der noen døde eller ble alvorlig skadet (aml. § 5-2): %d.",
			dv.Total, dv.Units, plural(dv.Units, "enhet", "enheter"), dv.OpenSerious, model.StatusWhen(a.Units, a.Year), noticesTotal(a))},
		{"Vold og trusler (kap. 3A, tidligere 23A)", violenceSummary(a)},
		{"Trenger AMUs oppmerksomhet", attentionSummary(a)},
	}
}

// yearComparison is the key figures of the year beside the year before,
// like for like: the units that submitted both years (model.YearComparison).
// Units with a file for one year only are named below the table.
func (d *Document) yearComparison(a Aggregation) {
	if a.Previous == 0 {
		d.Heading(2, "Nøkkeltall (ingen innsendinger for året før er gitt, så det er ingen sammenligning)")
		rows := comparisonRows(a, a.Cur(), model.YearFigures{}, false)
		for i, r := range rows {
			rows[i] = []string{r[0], r[2]}
		}
		cols := []Column{{Title: "Nøkkeltall", Width: 95}, {Title: a.Year.String(), Width: 30, Align: AlignRight}}
		d.narrow(200, func() { d.Table(Table{Columns: cols, Rows: rows, Compact: true}) })
		return
	}
	c := a.Compare
	if c.Both == 0 {
		d.Heading(2, fmt.Sprintf("Nøkkeltall (ingen enhet sendte inn for både %s og %s, så det er ingen sammenligning)", a.Previous, a.Year))
	} else {
		d.Heading(2, fmt.Sprintf("Nøkkeltall for %s", bothWords(c.Both)))
		cols := []Column{{Title: "Nøkkeltall", Width: 95}, {Title: a.Previous.String(), Width: 30, Align: AlignRight},
			{Title: a.Year.String(), Width: 30, Align: AlignRight}, {Title: "Endring", Width: 45, Align: AlignRight}}
		rows := comparisonRows(a, c.Cur, c.Prev, true)
		d.narrow(200, func() { d.Table(Table{Columns: cols, Rows: rows, Compact: true}) })
		if q := c.Cur.SickLeave.QuarterScope(); q != "" {
			d.Paragraph(fmt.Sprintf("Sykefraværet sammenlignes på de samme kvartalene begge år for hver enhet (%s), ikke på hele året.", q))
		}
	}
	if only := onlyOneYear(a); only != "" {
		d.Paragraph(only)
	}
}

// comparisonRows are the comparison table's rows: label, the year
// before, the year, the change (the last two only with has).
func comparisonRows(a Aggregation, c, p model.YearFigures, has bool) [][]string {
	num := func(v int) string { return model.FormatInt(v) }
	diff := func(x, y int) string {
		if !has {
			return ""
		}
		switch {
		case x > y:
			return "+" + model.FormatInt(x-y)
		case x < y:
			return "−" + model.FormatInt(y-x)
		}
		return "0"
	}
	sick := func(t model.SickLeaveTotal) string {
		if t.Units == 0 {
			return "–"
		}
		return pctF(t.Percent)
	}
	sickDiff := ""
	if has && c.SickLeave.Units > 0 && p.SickLeave.Units > 0 {
		sickDiff = pointsF(shownDiff(c.SickLeave.Percent, p.SickLeave.Percent))
	}
	sickLabel := "Sykefravær, vektet"
	if q := c.SickLeave.QuarterScope(); q != "" {
		sickLabel += " (bare " + q + ")"
	}
	return [][]string{
		{"Enheter med innsending", num(p.Units), num(c.Units), diff(c.Units, p.Units)},
		{"Ansatte i dem", num(p.Employees), num(c.Employees), diff(c.Employees, p.Employees)},
		{sickLabel, sick(p.SickLeave), sick(c.SickLeave), sickDiff},
		{"Avvik (enheter med avviksmodulen)", fmt.Sprintf("%s (%d)", num(p.Deviations), p.DevUnits), fmt.Sprintf("%s (%d)", num(c.Deviations), c.DevUnits), diff(c.Deviations, p.Deviations)},
		{openSeriousLabel(a, has), num(p.OpenSerious), num(c.OpenSerious), diff(c.OpenSerious, p.OpenSerious)},
		{"Tiltak over fristen", num(p.Overdue), num(c.Overdue), diff(c.Overdue, p.Overdue)},
		{"Enheter med høy risiko etter tiltak", num(p.HighRisk), num(c.HighRisk), diff(c.HighRisk, p.HighRisk)},
		{"Enheter med gjeldende kartlegging av vold og trusler", num(p.Mapped), num(c.Mapped), diff(c.Mapped, p.Mapped)},
		{"Enheter med alle åtte punkter i § 5 dokumentert", num(p.AllPoints), num(c.AllPoints), diff(c.AllPoints, p.AllPoints)},
	}
}

// openSeriousLabel says when the open serious deviations are counted:
// "ved årets slutt" only for a year that had ended by the files' status
// date (model.StatusWhen).
func openSeriousLabel(a Aggregation, has bool) string {
	cur := model.StatusWhen(a.Units, a.Year)
	if !has {
		return "Åpne alvorlige avvik " + cur
	}
	prev := model.StatusWhen(a.PrevUnits, a.Previous)
	if cur == prev {
		return "Åpne alvorlige avvik " + cur
	}
	return fmt.Sprintf("Åpne alvorlige avvik (%s %s, %s %s)", a.Previous, prev, a.Year, cur)
}

// onlyOneYear names the units with a file for one of the years only,
// which the comparison leaves out.
func onlyOneYear(a Aggregation) string {
	c := a.Compare
	names := func(us []model.SubmissionFile) string {
		out := make([]string, len(us))
		for i, s := range us {
			out[i] = s.Unit.Name
		}
		return model.JoinAnd(out)
	}
	var parts []string
	if n := len(c.OnlyCur); n > 0 {
		parts = append(parts, fmt.Sprintf("Bare for %s (%d %s): %s.", a.Year, n, plural(n, "enhet", "enheter"), names(c.OnlyCur)))
	}
	if n := len(c.OnlyPrev); n > 0 {
		parts = append(parts, fmt.Sprintf("Bare for %s (%d %s): %s.", a.Previous, n, plural(n, "enhet", "enheter"), names(c.OnlyPrev)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Ikke med i sammenligningen, fordi de bare sendte inn for det ene året: " + strings.Join(parts, " ")
}

func failedWords(a Aggregation) string {
	if n := a.Failed(); n > 0 {
		return fmt.Sprintf(" %d %s kunne ikke brukes (se «Innsendingsfilene»).", n, plural(n, "fil", "filer"))
	}
	return ""
}

func prevDeviations(a Aggregation) string {
	if a.Previous == 0 || a.PrevDevs.Units == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s: %d i %d %s)", a.Previous, a.PrevDevs.Total, a.PrevDevs.Units, plural(a.PrevDevs.Units, "enhet", "enheter"))
}

func noticesTotal(a Aggregation) int {
	n := 0
	for _, s := range a.Units {
		if s.Deviations != nil {
			n += s.Deviations.NoticesNeeded
		}
	}
	return n
}

func violenceSummary(a Aggregation) string {
	mapped, using := 0, 0
	for _, s := range a.Units {
		if v := s.Violence; v != nil {
			using++
			if v.Mapped {
				mapped++
			}
		}
	}
	s := fmt.Sprintf("%d av %d enheter som bruker modulen har gjeldende kartlegging og risikovurdering.", mapped, using)
	if n := a.NotInUse[model.ModuleVold]; n > 0 {
		s += fmt.Sprintf(" Modulen er ikke i bruk hos %d.", n)
	}
	return s
}

func attentionSummary(a Aggregation) string {
	units := map[string]bool{}
	var parts []string
	for _, l := range attentionLists(a.Attention) {
		for _, r := range l.rows {
			units[r.Unit.File] = true
		}
		parts = append(parts, fmt.Sprintf("%s: %d", l.short, len(l.rows)))
	}
	if len(units) == 0 {
		return "Ingen enheter."
	}
	return fmt.Sprintf("%d %s i minst én liste. Enheter per liste: %s.", len(units), plural(len(units), "enhet", "enheter"), strings.Join(parts, ", "))
}

// documented counts a submission's documented checklist points.
func documented(s model.Submission) int {
	n := 0
	for _, p := range s.Checklist {
		if p.Documented {
			n++
		}
	}
	return n
}

// sickColor colours a unit's bar by the follow-up limits; the value is
// printed too, and the limits are drawn as lines.
func sickColor(v float64) Color {
	switch {
	case v > 10:
		return ColorRed
	case v > 7:
		return ColorOrange
	}
	return ColorBlue
}

func (d *Document) aggregateSickLeave(a Aggregation) {
	d.Heading(1, "Sykefravær per enhet")
	d.Lead(capital(scopeName(a)) + " samlet: " + sickLeaveSummary(a))
	prev := map[string]model.SubmissionFile{}
	for _, s := range a.PrevUnits {
		prev[unitKeyOf(s)] = s
	}
	var bars []Bar
	small := 0
	for _, s := range a.Units {
		sl := s.SickLeave
		if sl == nil || sl.Year == nil {
			continue
		}
		if model.SmallUnit(s, a.MinEmployees) {
			small++
			continue
		}
		b := Bar{Label: s.Unit.Name, Value: *sl.Year, Color: sickColor(*sl.Year)}
		b.Text = pctF(*sl.Year)
		b.Marker, b.HasMarker, b.Text = unitSickMarker(a, s, prev)
		bars = append(bars, b)
	}
	slices.SortStableFunc(bars, func(x, y Bar) int { return cmp.Compare(y.Value, x.Value) })
	var lines []RefLine
	if pct, _, ok := a.SickTarget(); ok {
		label := "Kommunens mål "
		if a.Several() {
			label = "Oppgitt mål "
		}
		lines = append(lines, RefLine{Value: pct, Label: label + pctF(pct), Color: sickTargetColor})
	}
	lines = append(lines, RefLine{Value: 7, Label: "Grense 7,0 %", Color: sickTwoColor}, RefLine{Value: 10, Label: "BHT 10,0 %", Color: sickOneColor})
	marker := ""
	if a.Previous != 0 {
		marker = "Rute = enhetens sykefravær i " + a.Previous.String() + " på de samme kvartalene"
	}
	d.BarChart(BarChart{Title: "Sykefravær " + a.Year.String() + " per enhet, høyest først", Bars: bars, Decimals: 1, Unit: " %",
		Lines: lines, MarkerLabel: marker})
	d.Paragraph(fmt.Sprintf("Grensene for oppfølging er fylkets IA-plan: over 7 %% to kvartaler på rad, over 10 %% i ett kvartal (med BHT). Søylene er blå til og med 7 %%, oransje over 7 %% og røde over 10 %%; tallet står ved hver søyle."))
	if small > 0 {
		d.Note(fmt.Sprintf("%d %s med færre enn %d ansatte vises ikke alene, av hensyn til personvernet. De er med i %s og i sektortallene (se «Sektorene»).",
			small, plural(small, "enhet", "enheter"), a.MinEmployees, scopeTotals(a)))
	}
}

// unitSickMarker is a unit's bar text and its marker for the year
// before, like for like (model.UnitSickChange): "6,9 % (2025: 6,0 %)",
// or "6,9 % (K1–K3; 2025 samme kvartaler: 6,0 %)".
func unitSickMarker(a Aggregation, s model.SubmissionFile, prev map[string]model.SubmissionFile) (float64, bool, string) {
	text := pctF(*s.SickLeave.Year)
	ps, ok := prev[unitKeyOf(s)]
	if !ok {
		return 0, false, text
	}
	_, p, quarters, ok := model.UnitSickChange(s, ps)
	switch {
	case !ok:
		return 0, false, text
	case quarters == "":
		return p, true, text + " (" + a.Previous.String() + ": " + pctF(p) + ")"
	}
	return p, true, text + " (" + quarters + "; " + a.Previous.String() + " samme kvartaler: " + pctF(p) + ")"
}

// unitKeyOf matches a unit across years: name and municipality,
// ignoring case and spaces.
func unitKeyOf(s model.SubmissionFile) string {
	return strings.ToLower(strings.Join(strings.Fields(s.Unit.Name), " ")) + "\x00" +
		strings.ToLower(strings.Join(strings.Fields(s.Unit.Municipality), " "))
}

func (d *Document) aggregateDeviations(a Aggregation) {
	d.Heading(1, "Avvik")
	dv := a.Deviations
	if dv.Units == 0 {
		d.Note("Ingen enheter bruker avviksmodulen.")
		return
	}
	d.Lead(fmt.Sprintf("%d avvik i %s i %d %s som bruker avviksmodulen%s.", dv.Total, a.Year, dv.Units, plural(dv.Units, "enhet", "enheter"), prevDeviations(a)))
	var bars []Bar
	for _, c := range model.DeviationCategories() {
		bars = append(bars, Bar{Label: chartCategory(c), Value: float64(dv.ByCategory[c])})
	}
	d.BarChart(BarChart{Title: "Avvik etter kategori, " + map[bool]string{false: "hele kommunen", true: "alle enhetene"}[a.Several()], Bars: bars})
	secs := deviationSectors(a)
	var series []Series
	for i, sv := range model.Severities() {
		vals := make([]float64, len(secs))
		for j, sec := range secs {
			vals[j] = float64(dv.BySector[sec].BySeverity[sv])
		}
		series = append(series, Series{Name: sv.Label(), Values: vals, Color: severityColors[i]})
	}
	var cats []string
	for _, sec := range secs {
		cats = append(cats, sec.Label())
	}
	d.ColumnChart(SeriesChart{Title: "Avvik etter alvorlighetsgrad og sektor", Categories: cats, Series: series, Height: 55})
	d.deviationTable(a, secs)
}

// chartCategory is a category's name short enough for a chart's label
// column; the table below the chart has the full names.
func chartCategory(c model.DeviationCategory) string {
	if c == model.DevHazardous {
		return "Kjemikalier, gass, biologiske faktorer, stråling"
	}
	return c.Label()
}

// severityColors go from light to dark so the order shows in grey too;
// the legend names each.
var severityColors = []Color{{0xB7, 0xC9, 0xE2}, {0x6F, 0x93, 0xC4}, {0x2F, 0x5D, 0x9B}, {0x1E, 0x23, 0x2B}}

func deviationSectors(a Aggregation) []model.Sector {
	var out []model.Sector
	for _, sec := range model.Sectors() {
		if a.Deviations.BySector[sec].Units > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// deviationTable is category and severity × sector, with totals.
func (d *Document) deviationTable(a Aggregation, secs []model.Sector) {
	cols := []Column{{Title: "Kategori / alvorlighetsgrad", Width: 60}}
	for _, sec := range secs {
		cols = append(cols, Column{Title: sec.Label(), Width: 22, Align: AlignRight})
	}
	cols = append(cols, Column{Title: "I alt", Width: 18, Align: AlignRight})
	t := Table{Columns: cols}
	row := func(label string, get func(model.DeviationSector) int, total int, bold bool) {
		r := []string{label}
		for _, sec := range secs {
			r = append(r, strconv.Itoa(get(a.Deviations.BySector[sec])))
		}
		t.Rows = append(t.Rows, append(r, strconv.Itoa(total)))
		t.Styles = append(t.Styles, RowStyle{Bold: bold})
	}
	for _, c := range model.DeviationCategories() {
		row(c.Label(), func(s model.DeviationSector) int { return s.ByCategory[c] }, a.Deviations.ByCategory[c], false)
	}
	row("I alt", func(s model.DeviationSector) int { return s.Total }, a.Deviations.Total, true)
	for _, sv := range model.Severities() {
		row("Alvorlighetsgrad: "+sv.Label(), func(s model.DeviationSector) int { return s.BySeverity[sv] }, a.Deviations.BySeverity[sv], false)
	}
	row("Enheter med avviksmodulen", func(s model.DeviationSector) int { return s.Units }, a.Deviations.Units, false)
	d.Heading(2, "Avvik per sektor")
	d.Table(t)
}

func (d *Document) aggregateRisk(a Aggregation) {
	d.Heading(1, "Risikobildet")
	r := a.Risk
	d.Lead(fmt.Sprintf("Enhetene etter høyeste risiko som er igjen etter tiltak. Nivåene lav, middels og høy er satt på hver enhets egen matrise (%d med 4×4, %d med 5×5); poengsummer fra ulike matriser blandes ikke.",
		r.Matrix4, r.Matrix5))
	bars := []Bar{
		{Label: "Høy (H)", Value: float64(r.Units[model.RiskHigh]), Color: ColorRed},
		{Label: "Middels (M)", Value: float64(r.Units[model.RiskMedium]), Color: ColorOrange},
		{Label: "Lav (L)", Value: float64(r.Units[model.RiskLow]), Color: ColorTeal},
		{Label: "Ingen vurderte farer", Value: float64(r.NoneAssessed), Color: ColorGrey},
	}
	for i := range bars {
		bars[i].Text = fmt.Sprintf("%d %s", int(bars[i].Value), plural(int(bars[i].Value), "enhet", "enheter"))
	}
	d.BarChart(BarChart{Title: "Enheter etter høyeste gjenværende risiko", Bars: bars})
	rows := [][]string{}
	for _, l := range []model.RiskLevel{model.RiskHigh, model.RiskMedium, model.RiskLow} {
		rows = append(rows, []string{l.Label() + " (" + l.Letter() + ")", strconv.Itoa(r.Before[l]), strconv.Itoa(r.After[l])})
	}
	d.PageBreakIfLessThan(60) // the table and its note on one page
	rows = append(rows, []string{"Ikke vurdert", strconv.Itoa(r.NotAssessed), strconv.Itoa(r.NotAssessedAfter)},
		[]string{"Farer i alt", strconv.Itoa(r.Items), strconv.Itoa(r.Items)})
	d.narrow(150, func() {
		d.Table(Table{Columns: []Column{{Title: "Nivå", Width: 60}, {Title: "Farer før tiltak", Width: 45, Align: AlignRight},
			{Title: "Farer etter tiltak", Width: 45, Align: AlignRight}}, Rows: rows,
			Styles: []RowStyle{{CellFills: []Color{RiskColor(model.RiskHigh)}}, {CellFills: []Color{RiskColor(model.RiskMedium)}},
				{CellFills: []Color{RiskColor(model.RiskLow)}}, {}, {Bold: true}}})
	})
	d.Paragraph("Ikke vurdert: farer uten gyldig sannsynlighet og konsekvens før eller etter tiltak. Hver kolonne summerer til alle farene.")
	if r.NotInUse > 0 {
		d.Paragraph(fmt.Sprintf("Risikomodulen er ikke i bruk hos %d %s.", r.NotInUse, plural(r.NotInUse, "enhet", "enheter")))
	}
}

func (d *Document) aggregateTenFactor(a Aggregation) {
	d.Heading(1, "10-FAKTOR")
	if len(a.TenFactor) == 0 {
		d.Note("Ingen enheter har rapportert 10-FAKTOR med minst 3 svar.")
		return
	}
	d.Lead("Snitt per faktor (1–5), vektet med antall svar i hver enhet. Enheter med færre enn 3 svar er ikke med. Målet er 4. " + roundYearsText(a.TenFactorRounds))
	factors := model.TenFactors()
	var bars []Bar
	hasPrev := false
	for _, f := range a.TenFactor {
		b := Bar{Label: fmt.Sprintf("%d %s", f.Factor, factors[f.Factor-1].FullLabel()), Value: f.Mean,
			Text: FormatNumber(f.Mean, 2) + fmt.Sprintf(" (%d enh., %d svar)", f.Units, f.Respondents)}
		if f.PrevUnits > 0 {
			b.Marker, b.HasMarker, hasPrev = f.Prev, true, true
			b.Text = FormatNumber(f.Mean, 2) + " (forrige " + FormatNumber(f.Prev, 2) + ")"
		}
		bars = append(bars, b)
	}
	marker := ""
	if hasPrev {
		marker = "Rute = forrige runde, fra innsendingene for " + a.Previous.String() + " (bare enheter med en eldre runde der)"
	}
	d.BarChart(BarChart{Title: "10-FAKTOR, vektet snitt per faktor, " + roundYearsTitle(a.TenFactorRounds), Bars: bars, Max: 5, Decimals: 2,
		Lines: []RefLine{{Label: "Mål 4", Value: 4}}, MarkerLabel: marker})
}

// roundYearsTitle is "kartlegging 2024", or "kartlegging 2024 og 2025"
// when the units' rounds are from several years.
func roundYearsTitle(rounds []model.RoundYears) string {
	if len(rounds) == 1 {
		return rounds[0].Label()
	}
	var years []string
	for _, r := range rounds {
		if r.Year == 0 {
			years = append(years, "ukjent år")
		} else {
			years = append(years, strconv.Itoa(r.Year))
		}
	}
	return "kartlegginger " + model.JoinAnd(years)
}

// roundYearsText says which year's round the figures come from; when the
// units' rounds are from several years, which units have which (names up
// to 12 per year, otherwise the count).
func roundYearsText(rounds []model.RoundYears) string {
	if len(rounds) == 1 {
		n := len(rounds[0].Units)
		return fmt.Sprintf("Tallene er fra %s (alle %d %s).", rounds[0].Label(), n, plural(n, "enhet", "enheter"))
	}
	parts := make([]string, len(rounds))
	for i, r := range rounds {
		n := len(r.Units)
		parts[i] = fmt.Sprintf("%s: %d %s", r.Label(), n, plural(n, "enhet", "enheter"))
		if n <= 12 {
			names := make([]string, n)
			for j, s := range r.Units {
				names[j] = s.Unit.Name
			}
			parts[i] += " (" + model.JoinAnd(names) + ")"
		}
	}
	return "Tallene er fra kartlegginger i ulike år, snittet blander dem: " + strings.Join(parts, "; ") + "."
}

// attentionList is one list of the attention chapter.
type attentionList struct {
	title, short, empty string
	rows                []model.AttentionRow
}

func attentionLists(at model.Attention) []attentionList {
	return []attentionList{
		{title: "Over oppfølgingsreglene for sykefravær", short: "sykefravær", empty: "Ingen enheter.", rows: at.SickLeave},
		{title: "Åpne alvorlige avvik", short: "alvorlige avvik", empty: "Ingen enheter.", rows: at.Serious},
		{title: "Varsel etter arbeidsmiljøloven § 5-2 (død eller alvorlig skade)", short: "§ 5-2", empty: "Ingen tilfeller i året.", rows: at.Notices},
		{title: "Tiltak over fristen", short: "tiltak over fristen", empty: "Ingen enheter.", rows: at.Overdue},
		{title: "Risikovurdering mangler eller er utdatert", short: "risikovurdering", empty: "Ingen enheter.", rows: at.Risk},
		{title: "Kartlegging av vold og trusler (kap. 3A, tidligere 23A) mangler eller er utdatert", short: "vold og trusler", empty: "Ingen enheter.", rows: at.Violence},
		{title: "Punkter i internkontrollen (§ 5) som ikke er dokumentert", short: "internkontroll", empty: "Ingen enheter.", rows: at.Checklist},
	}
}

func (d *Document) aggregateAttention(a Aggregation) {
	d.Heading(1, "Trenger AMUs oppmerksomhet")
	d.Lead("Hver liste nevner enheten og hva som mangler eller må følges opp. Tallene er fra enhetenes egne innsendinger.")
	for i, l := range attentionLists(a.Attention) {
		d.Heading(2, l.title)
		if i == 0 && a.Attention.SmallHidden > 0 {
			d.Note(fmt.Sprintf("%d %s med færre enn %d ansatte er over en regel, men nevnes ikke av hensyn til personvernet.",
				a.Attention.SmallHidden, plural(a.Attention.SmallHidden, "enhet", "enheter"), a.MinEmployees))
		}
		if (i == 1 || i == 2) && a.Attention.V1Units > 0 {
			d.Note(fmt.Sprintf("%d %s sendte en fil i versjon 1, som ikke har dette tallet.", a.Attention.V1Units, plural(a.Attention.V1Units, "enhet", "enheter")))
		}
		if len(l.rows) == 0 {
			d.Paragraph(l.empty)
			continue
		}
		t := Table{Columns: []Column{{Title: "Enhet", Width: 80}, {Title: "Sektor", Width: 40}, {Title: "Hva", Width: 140}}}
		for _, r := range l.rows {
			t.Rows = append(t.Rows, []string{r.Unit.Unit.Name, r.Unit.Unit.Sector.Label(), r.Detail})
		}
		d.Table(t)
		if l.short == "internkontroll" {
			d.Paragraph(checklistLegend())
		}
	}
}

// checklistLegend names the eight points of internkontrollforskriften § 5.
func checklistLegend() string {
	parts := make([]string, 8)
	for i := range parts {
		parts[i] = fmt.Sprintf("%d %s", i+1, model.ChecklistPointText(i+1))
	}
	return "Punktene i internkontrollforskriften § 5: " + strings.Join(parts, ". ") + "."
}

// sickCell is a unit's sick leave for a table, hidden for a small unit.
func sickCell(s model.SubmissionFile, min int) string {
	sl := s.SickLeave
	switch {
	case sl == nil:
		return "–"
	case sl.Year == nil:
		return "ingen tall"
	case model.SmallUnit(s, min):
		return "skjult*"
	}
	return pctF(*sl.Year)
}

func (d *Document) aggregateSectors(a Aggregation) {
	d.Heading(1, "Sektorene")
	d.Lead("Summert per sektor. Sykefraværet i sektoren er vektet som " + map[bool]string{false: "kommunens", true: "totalen"}[a.Several()] + " og tar med de små enhetene.")
	t := Table{Columns: []Column{{Title: "Sektor", Width: 44}, {Title: "Enheter", Width: 18, Align: AlignRight},
		{Title: "Ansatte", Width: 18, Align: AlignRight}, {Title: "Små enheter slått sammen", Width: 26, Align: AlignRight},
		{Title: "Sykefravær", Width: 22, Align: AlignRight}, {Title: "Avvik", Width: 16, Align: AlignRight},
		{Title: "Åpne alvorlige avvik", Width: 22, Align: AlignRight}, {Title: "Tiltak over fristen", Width: 22, Align: AlignRight},
		{Title: "Enheter med høy risiko etter tiltak", Width: 30, Align: AlignRight}, {Title: "3A kartlagt", Width: 22, Align: AlignRight}}}
	for _, s := range a.Sectors {
		t.Rows = append(t.Rows, sectorRow(s))
	}
	d.Table(t)
	d.Paragraph("3A kartlagt: enheter med gjeldende kartlegging av vold og trusler av dem som bruker modulen (kap. 3A, tidligere 23A).")
	for _, s := range a.Sectors {
		d.Heading(2, s.Sector.Label())
		d.unitTable(s.Submitted, a.MinEmployees, &s)
	}
	d.Paragraph(fmt.Sprintf("* skjult: enheten har færre enn %d ansatte; sykefraværet er med i sektorens tall.", a.MinEmployees))
}

func sectorRow(s model.SectorTotal) []string {
	sick := "–"
	if s.SickLeave.Units > 0 {
		sick = pctF(s.SickLeave.Percent)
	}
	return []string{s.Sector.Label(), strconv.Itoa(s.Units), model.FormatInt(s.Employees), strconv.Itoa(s.Small), sick,
		strconv.Itoa(s.Deviations), strconv.Itoa(s.OpenSerious), strconv.Itoa(s.Overdue), strconv.Itoa(s.HighAfter),
		fmt.Sprintf("%d av %d", s.Mapped, s.Violence)}
}

// unitTable is one row per unit; with total, a bold sum row at the end.
func (d *Document) unitTable(units []model.SubmissionFile, min int, total *model.SectorTotal) {
	t := Table{Compact: true, Columns: []Column{{Title: "Enhet", Width: 56}, {Title: "Sektor", Width: 28}, {Title: "Ansatte", Width: 15, Align: AlignRight},
		{Title: "Sykefravær (mål)", Width: 44, Align: AlignRight}, {Title: "Avvik (åpne alvorlige)", Width: 22, Align: AlignRight},
		{Title: "Tiltak over fristen", Width: 17, Align: AlignRight}, {Title: "Høyeste risiko etter tiltak", Width: 22, Align: AlignCenter},
		{Title: "3A kartlagt", Width: 15, Align: AlignCenter}, {Title: "10-FAKTOR svar", Width: 16, Align: AlignRight},
		{Title: "IK-punkter", Width: 16, Align: AlignRight}}}
	for _, s := range units {
		row, st := unitRow(s, min)
		t.Rows = append(t.Rows, row)
		t.Styles = append(t.Styles, st)
	}
	if total != nil {
		sick := "–"
		if total.SickLeave.Units > 0 {
			sick = pctF(total.SickLeave.Percent)
		}
		t.Rows = append(t.Rows, []string{"Sum " + strings.ToLower(total.Sector.Label()), fmt.Sprintf("%d %s", total.Units, plural(total.Units, "enhet", "enheter")),
			model.FormatInt(total.Employees), sick, strconv.Itoa(total.Deviations) + " (" + strconv.Itoa(total.OpenSerious) + ")",
			strconv.Itoa(total.Overdue), fmt.Sprintf("høy: %d", total.HighAfter), fmt.Sprintf("%d av %d", total.Mapped, total.Violence), "", ""})
		t.Styles = append(t.Styles, RowStyle{Bold: true})
	}
	d.Table(t)
}

func unitRow(s model.SubmissionFile, min int) ([]string, RowStyle) {
	st := RowStyle{CellFills: make([]Color, 10)}
	sick := sickCell(s, min)
	if sl := s.SickLeave; sl != nil && sl.Target != nil && sick != "skjult*" && sl.Year != nil {
		sick += " (" + model.TargetOwnerName(sl) + " " + pctF(*sl.Target) + ")"
	}
	dev := "–"
	if dv := s.Deviations; dv != nil {
		dev = fmt.Sprintf("%d (%d)", dv.Total, dv.OpenSerious)
	}
	overdue := optCount(s.ActionPlan, func(p *model.SubmissionPlan) int { return p.Overdue })
	if p := s.ActionPlan; p != nil && p.Overdue > 0 {
		st.CellFills[5] = overdueFill
	}
	risk := "–"
	if s.Risk != nil {
		risk = "ingen"
		if l := model.HighestRemainingRisk(s.Risk); l != "" {
			risk = l.Label() + " (" + l.Letter() + ")"
			st.CellFills[6] = RiskColor(l)
		}
	}
	mapped := "–"
	if v := s.Violence; v != nil {
		mapped = map[bool]string{true: "ja", false: "nei"}[v.Mapped]
		if !v.Mapped {
			st.CellFills[7] = ColorRedFill
		}
	}
	tf := optCount(s.TenFactor, func(t *model.SubmissionTenFactor) int { return t.Respondents })
	return []string{s.Unit.Name, s.Unit.Sector.Label(), model.FormatInt(s.Unit.Employees), sick, dev, overdue, risk, mapped, tf,
		fmt.Sprintf("%d av 8", documented(s.Submission))}, st
}

// optCount formats a module count that may be absent.
func optCount[T any](p *T, n func(*T) int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(n(p))
}

func (d *Document) aggregateAppendix(a Aggregation) {
	d.Heading(1, "Vedlegg: alle enheter")
	d.Lead(fmt.Sprintf("Alle %d enheter med innsending for %s, etter kommune og navn. – betyr at modulen ikke er i bruk hos enheten.", len(a.Units), a.Year))
	d.unitTable(a.Units, a.MinEmployees, nil)
	d.Paragraph(fmt.Sprintf("* skjult: enheten har færre enn %d ansatte; sykefraværet er med i sektorens tall og %s. Avvik (åpne alvorlige): alle avvik i året, i parentes åpne med alvorlighet alvorlig eller svært alvorlig. Mål: kommunens mål eller enhetens eget mål, slik enheten oppgir det; «mål» alene når filen ikke sier hvem som satte det.", a.MinEmployees, scopeTotals(a)))
}

func (d *Document) aggregateFiles(a Aggregation) {
	d.Heading(1, "Innsendingsfilene")
	if len(a.Missing) > 0 {
		names := make([]string, len(a.Missing))
		for i, m := range a.Missing {
			names[i] = m.String()
		}
		d.Heading(2, fmt.Sprintf("Mangler innsending for %s (%d)", a.Year, len(a.Missing)))
		d.Paragraph(strings.Join(names, ", ") + ".")
	}
	if len(a.Problems) == 0 {
		d.Paragraph("Alle filene er lest og brukt.")
		return
	}
	d.Heading(2, "Filer som ikke er brukt")
	t := Table{Columns: []Column{{Title: "Fil", Width: 80}, {Title: "Hvorfor den ikke er med", Width: 180}}}
	for _, p := range a.Problems {
		t.Rows = append(t.Rows, []string{filepath.Base(p.File), p.Reason})
	}
	d.Table(t)
}
