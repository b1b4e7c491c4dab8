package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// DeviationInput is what the deviation register's printout covers.
type DeviationInput struct {
	Unit model.Unit
	// Deviations is the register; those dated in Year (and not after
	// Today) are printed, oldest first.
	Deviations []model.Deviation
	Year       model.HMSYear
	Today      model.Date // open and closed are as of this day
	// Descriptions prints what happened, the immediate action and the
	// cause. Those are sensitive (model.DeviationSensitiveFields): leave
	// it off for a copy that goes beyond the committee.
	Descriptions bool
}

// sensitiveMark marks every page of a deviation register printed with
// the descriptions of the incidents.
const sensitiveMark = "Bare for HMS-utvalget: inneholder beskrivelser"

// DeviationSectionInput is what the annual report's deviation section
// covers.
type DeviationSectionInput struct {
	Deviations []model.Deviation
	Year       model.HMSYear
	Today      model.Date
	Photos     []Photo // of the year's serious deviations
}

// DeviationReport returns the deviation register for a year in A4
// landscape: the statistics (per category as a bar chart, per quarter as
// a chart and a table, open and closed, average days to close, the § 5-2
// notices) and the register itself. Descriptions are printed only when
// in.Descriptions is set, and the title block says which kind of copy it
// is.
//
// Options.Landscape is always set; an empty Title, Subject, Keywords,
// Unit or Author gets a default from the input.
func DeviationReport(in DeviationInput, opts Options) *Document {
	year := in.Year.String()
	opts.Landscape = true
	opts = withDefaults(opts, "Avviksregister "+year, "Avviksregister "+year+" per "+in.Today.String(),
		"HMS, avvik, avviksregister", in.Unit)
	d := New(opts)
	remark := "Beskrivelsene av hendelsene er ikke med: utskriften viser kategori, type, alvorlighetsgrad, status og datoer."
	if in.Descriptions {
		remark = "Utskriften inneholder beskrivelser av hendelser. Den er bare for HMS-utvalget og skal ikke deles videre."
		d.SetMark(sensitiveMark)
	}
	d.titleBlock("Avviksregister "+year, []string{unitLine(in.Unit), "per " + in.Today.String()}, remark)

	devs := deviationsIn(in.Deviations, in.Year, in.Today)
	if len(devs) == 0 {
		d.Note(fmt.Sprintf("Ingen avvik registrert i %s.", year))
		return d
	}
	d.Heading(2, "Statistikk")
	d.deviationStatistics(model.DeviationStats(in.Deviations, in.Year, in.Today), in.Today, 3)
	d.Heading(2, "Registeret")
	d.deviationRegister(devs, in.Descriptions)
	return d
}

// DeviationSection writes the deviation part of the annual internal-control
// report: the heading "Avvik" and the year's statistics, with the serious
// deviations listed by date, category, type, severity and status. It has
// no free text and no places: the annual report is shared beyond the
// committee. With no deviations it says so in one line.
func (d *Document) DeviationSection(in DeviationSectionInput) {
	d.deviationYearSection(deviationsForYear(measureNow(d), in))
}

// deviationYear is the deviation section of a year worked out from the
// register, its table measured, before anything is drawn (the annual
// report works it out ahead, annual.go).
type deviationYear struct {
	in       DeviationSectionInput
	n        int // deviations registered in the year
	stats    model.DeviationStatistics
	nSerious int
	serious  func(d *Document) preparedRich
}

// deviationsForYear picks in's deviations of the year, counts them and
// has q measure the table of the serious ones.
func deviationsForYear(q *measurer, in DeviationSectionInput) deviationYear {
	devs := deviationsIn(in.Deviations, in.Year, in.Today)
	v := deviationYear{in: in, n: len(devs)}
	if v.n == 0 {
		return v
	}
	v.stats = model.DeviationStats(in.Deviations, in.Year, in.Today)
	var serious []model.Deviation
	for _, x := range devs {
		if x.Severity == model.SeveritySerious || x.Severity == model.SeverityVerySerious {
			serious = append(serious, x)
		}
	}
	v.nSerious = len(serious)
	if v.nSerious > 0 {
		v.serious = q.rich(deviationBriefTable(serious))
	}
	return v
}

// deviationYearSection draws the deviation section v.
func (d *Document) deviationYearSection(v deviationYear) {
	if !d.begin() {
		return
	}
	in := v.in
	d.Heading(1, "Avvik")
	if v.n == 0 {
		d.Note(fmt.Sprintf("Ingen avvik registrert i %s.", in.Year))
		return
	}
	d.Lead(fmt.Sprintf("Avvik registrert i %s, med status per %s. Beskrivelsene av hendelsene er ikke med i årsrapporten.", in.Year, in.Today))
	d.deviationStatistics(v.stats, in.Today, 2)
	d.Heading(2, "Alvorlige og svært alvorlige avvik")
	if v.nSerious == 0 {
		d.Note("Ingen avvik med alvorlighetsgrad alvorlig eller svært alvorlig.")
		return
	}
	d.drawRich(v.serious(d))
	if len(in.Photos) > 0 {
		d.Heading(2, "Bilder fra alvorlige avvik")
		d.Note("Bilder fra avvik om vold og trusler eller skade på person er ikke med.")
		d.Photos(in.Photos)
	}
}

// deviationsIn returns the deviations dated in year and not after today,
// oldest first.
func deviationsIn(all []model.Deviation, year model.HMSYear, today model.Date) []model.Deviation {
	refs := sortedRefs(all, func(x *model.Deviation) bool { return model.DeviationInYear(*x, year, today) },
		func(a, b *model.Deviation) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) })
	if len(refs) == 0 {
		return nil
	}
	out := make([]model.Deviation, len(refs))
	for i, x := range refs {
		out[i] = *x
	}
	return out
}

// sortedRefs returns pointers to the elements of xs that keep accepts
// (all if keep is nil), stably sorted by compare. The records are some
// 300–400 bytes: sorting them themselves copied two for every comparison
// (2 400 deviations, 1 000 measures in the heavy unit's year).
func sortedRefs[T any](xs []T, keep func(*T) bool, compare func(a, b *T) int) []*T {
	refs := make([]*T, 0, len(xs))
	for i := range xs {
		if keep == nil || keep(&xs[i]) {
			refs = append(refs, &xs[i])
		}
	}
	slices.SortStableFunc(refs, compare)
	return refs
}

// Colours of the open/closed series; the legend and the table say the
// same in words.
var (
	devClosedColor = ColorBlue
	devOpenColor   = ColorOrange
)

// deviationStatistics writes the figures, the charts and the tables;
// headings at level.
func (d *Document) deviationStatistics(s model.DeviationStatistics, today model.Date, level int) {
	avg := "– (ingen lukket)"
	if s.ClosedMeasured > 0 {
		avg = fmt.Sprintf("%s dager (%d lukkede avvik)", FormatNumber(s.AvgDaysToClose, 1), s.ClosedMeasured)
	}
	open := fmt.Sprint(s.Open)
	if s.OpenLong > 0 {
		open += fmt.Sprintf(", herav %d registrert for mer enn %d dager siden", s.OpenLong, model.DevOpenLongDays)
	}
	d.KeyValues([][2]string{
		{"Avvik registrert i " + s.Year.String(), fmt.Sprint(s.Total)},
		{"Åpne per " + today.String(), open},
		{"Lukket", fmt.Sprint(s.Closed)},
		{"Gjennomsnittlig tid til lukking", avg},
		{"Med tiltak i handlingsplanen", fmt.Sprint(s.WithMeasures)},
		{"Meldt i kommunens avvikssystem", fmt.Sprint(s.ReportedToMunicipal)},
		{"Dødsfall og alvorlig personskade (arbeidsmiljøloven § 5-2)", s.NoticeText()},
	})

	bars := make([]Bar, 0, len(model.DeviationCategories()))
	for _, c := range model.DeviationCategories() {
		n := s.ByCategory[c]
		bars = append(bars, Bar{Label: c.Short(), Value: float64(n), Text: fmt.Sprintf("%d avvik", n)})
	}
	d.BarChart(BarChart{Title: "Avvik per kategori, " + s.Year.String(), Bars: bars, Max: devCountMax(bars[0].Value, bars[1:]...)})

	qs := s.Year.Quarters()
	cats := make([]string, len(qs))
	closed, opened := make([]float64, len(qs)), make([]float64, len(qs))
	for i, q := range qs {
		cats[i] = fmt.Sprintf("%d. kvartal", q.Q)
		closed[i] = float64(s.ClosedByQuarter[q])
		opened[i] = float64(s.OpenByQuarter[q])
	}
	top := 0.0
	for i := range qs {
		top = max(top, closed[i], opened[i])
	}
	d.ColumnChart(SeriesChart{Title: "Avvik per kvartal, lukket og åpne", Categories: cats, Height: 45, Max: devCountMax(top),
		Series: []Series{{Name: "Lukket", Values: closed, Color: devClosedColor}, {Name: "Åpne", Values: opened, Color: devOpenColor}}})
	d.Heading(level, "Per kvartal og kategori")
	d.deviationQuarterTable(s)
	d.Heading(level, "Per type og alvorlighetsgrad")
	d.sideBySide(10, func() {
		rows := make([][]string, 0, 5)
		for _, t := range model.DeviationTypes() {
			rows = append(rows, []string{t.Label(), strconv.Itoa(s.ByType[t])})
		}
		d.Table(Table{Columns: []Column{{Title: "Type", Width: 60}, {Title: "Antall", Width: 20, Align: AlignRight}}, Rows: rows})
	}, func() {
		rows := make([][]string, 0, 5)
		for _, sev := range model.Severities() {
			rows = append(rows, []string{sev.Label(), strconv.Itoa(s.BySeverity[sev])})
		}
		d.Table(Table{Columns: []Column{{Title: "Alvorlighetsgrad", Width: 60}, {Title: "Antall", Width: 20, Align: AlignRight}}, Rows: rows})
	})
}

// devCountMax is a scale maximum for counts: at least 4 and a little above
// the largest value, so every tick is a whole number.
func devCountMax(v float64, more ...Bar) float64 {
	for _, b := range more {
		v = max(v, b.Value)
	}
	return max(4, float64(int(v*1.1+0.999)))
}

// devLowerFirst lower-cases the first letter only, so "Bedriftshelsetjenesten
// (BHT)" keeps its abbreviation inside a sentence.
func devLowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// deviationQuarterTable writes one row per category with the count per
// quarter, then the totals and the split into open and closed.
func (d *Document) deviationQuarterTable(s model.DeviationStatistics) {
	qs := s.Year.Quarters()
	cols := []Column{{Title: "Kategori", Width: 90}}
	for _, q := range qs {
		cols = append(cols, Column{Title: fmt.Sprintf("%d. kv.", q.Q), Width: 20, Align: AlignRight})
	}
	cols = append(cols, Column{Title: "I alt", Width: 20, Align: AlignRight})
	var rows [][]string
	var styles []RowStyle
	row := func(label string, count func(model.Quarter) int, total int, st RowStyle) {
		r := []string{label}
		for _, q := range qs {
			r = append(r, strconv.Itoa(count(q)))
		}
		rows = append(rows, append(r, strconv.Itoa(total)))
		styles = append(styles, st)
	}
	for _, c := range model.DeviationCategories() {
		row(c.Label(), func(q model.Quarter) int { return s.ByQuarterCategory[q][c] }, s.ByCategory[c], RowStyle{})
	}
	row("I alt", func(q model.Quarter) int { return s.ByQuarter[q] }, s.Total, RowStyle{Bold: true})
	row("herav lukket", func(q model.Quarter) int { return s.ClosedByQuarter[q] }, s.Closed, RowStyle{})
	row("herav åpne", func(q model.Quarter) int { return s.OpenByQuarter[q] }, s.Open, RowStyle{})
	d.narrow(190, func() { d.Table(Table{Columns: cols, Rows: rows, Styles: styles}) })
}

// devStatusParts is a deviation's status cell: the status in words, when
// it was closed (and by whom, with who), and the § 5-2 notice. The second
// result says the notice is missing.
func devStatusParts(x model.Deviation, who bool) ([]cellPart, bool) {
	status := x.Status.Label()
	if status == "" {
		status = string(x.Status)
	}
	if x.Open() {
		status = "Åpen – " + devLowerFirst(status)
	}
	parts := []cellPart{{text: status, bold: x.Open()}}
	if x.Status == model.DevClosed {
		closed := x.ClosedOn.String()
		if who {
			closed += " av " + orDash(x.ClosedBy)
		}
		parts = append(parts, cellPart{text: closed, small: true})
	}
	warn := false
	switch {
	case x.NoticeOutstanding():
		parts = append(parts, cellPart{text: "Mangler melding til Arbeidstilsynet og politiet (§ 5-2)", bold: true})
		warn = true
	case x.AuthoritiesNotified:
		parts = append(parts, cellPart{text: "Meldt til Arbeidstilsynet og politiet " + x.AuthoritiesNotifiedOn.String(), small: true})
	}
	return parts, warn
}

// devCategoryParts is the category cell, with the kind of violence and
// the follow-up offered for vold og trusler.
func devCategoryParts(x model.Deviation) []cellPart {
	cat := x.Category.Label()
	if cat == "" {
		cat = string(x.Category)
	}
	parts := []cellPart{{text: cat}}
	if h := x.PersonHarm; h != "" && h != model.HarmNone {
		parts = append(parts, cellPart{text: h.Label(), small: !h.Notifiable(), bold: h.Notifiable()})
	}
	if x.Category == model.DevViolence {
		var offers []string
		for _, f := range x.FollowUpOffered {
			offers = append(offers, devLowerFirst(f.Label()))
		}
		text := orDash(x.ViolenceType.Label())
		if len(offers) > 0 {
			text += "; tilbudt " + strings.Join(offers, ", ")
		} else {
			text += "; ingen oppfølging registrert"
		}
		parts = append(parts, cellPart{text: text, small: true})
	}
	return parts
}

// deviationRegister writes the register, one row per deviation, with the
// descriptions in their own column when asked for.
func (d *Document) deviationRegister(devs []model.Deviation, descriptions bool) {
	cols := []Column{
		{Title: "Nr", Width: 11, Align: AlignCenter}, {Title: "Dato", Width: 20}, {Title: "Sted", Width: 36},
		{Title: "Kategori", Width: 50}, {Title: "Type", Width: 26}, {Title: "Alvorlighet", Width: 27},
		{Title: "Status", Width: 48}, {Title: "Tiltak", Width: 13, Align: AlignCenter}, {Title: "Kommunens avvikssystem", Width: 36},
	}
	if descriptions {
		cols[2].Width, cols[3].Width, cols[8].Width = 28, 40, 26
		cols = append(cols, Column{Title: "Beskrivelse", Width: 80})
	}
	t := richTable{columns: cols, caption: "Registeret", rows: make([][][]cellPart, len(devs)), styles: make([]RowStyle, len(devs))}
	for i, x := range devs {
		status, warn := devStatusParts(x, true)
		ref := "Nei"
		if x.ReportedToMunicipal {
			ref = orDash(x.MunicipalRef)
		}
		measures := "–"
		if n := len(x.MeasureIDs); n > 0 {
			measures = strconv.Itoa(n)
		}
		t.rows[i] = [][]cellPart{
			{{text: strconv.FormatUint(x.ID, 10)}}, {{text: x.Date.String()}}, {{text: orDash(x.Place)}},
			devCategoryParts(x), {{text: orDash(x.Type.Label())}}, {{text: orDash(x.Severity.Label())}},
			status, {{text: measures}}, {{text: ref}},
		}
		if descriptions {
			var desc []cellPart
			for _, f := range [][2]string{{model.FieldDevWhatHappened, x.WhatHappened}, {model.FieldDevImmediateAction, x.ImmediateAction}, {model.FieldDevCause, x.Cause}} {
				if s := strings.TrimSpace(f[1]); s != "" {
					desc = append(desc, cellPart{text: f[0] + ":", bold: true, small: true}, cellPart{text: s, small: true})
				}
			}
			if len(desc) == 0 {
				desc = []cellPart{{text: "–"}}
			}
			t.rows[i] = append(t.rows[i], desc)
		}
		if warn {
			t.styles[i] = RowStyle{CellFills: []Color{6: overdueFill}}
		}
	}
	d.richTable(t)
}

// deviationBriefTable lists deviations without place or text: for the
// annual report. The number is the one the photo captions name.
func deviationBriefTable(devs []model.Deviation) richTable {
	cols := []Column{
		{Title: "Nr", Width: 11, Align: AlignCenter}, {Title: "Dato", Width: 22}, {Title: "Kategori", Width: 46},
		{Title: "Type", Width: 28}, {Title: "Alvorlighet", Width: 28}, {Title: "Status", Width: 47},
		{Title: "Tiltak", Width: 14, Align: AlignCenter},
	}
	t := richTable{columns: cols, caption: "Alvorlige og svært alvorlige avvik", rows: make([][][]cellPart, len(devs)), styles: make([]RowStyle, len(devs))}
	for i, x := range devs {
		status, warn := devStatusParts(x, false)
		measures := "–"
		if n := len(x.MeasureIDs); n > 0 {
			measures = strconv.Itoa(n)
		}
		cat := x.Category.Label()
		if cat == "" {
			cat = string(x.Category)
		}
		severity := []cellPart{{text: orDash(x.Severity.Label())}}
		if h := x.PersonHarm; h != "" && h != model.HarmNone {
			severity = append(severity, cellPart{text: h.Label(), small: !h.Notifiable(), bold: h.Notifiable()})
		}
		t.rows[i] = [][]cellPart{{{text: strconv.FormatUint(x.ID, 10)}}, {{text: x.Date.String()}}, {{text: cat}},
			{{text: orDash(x.Type.Label())}}, severity, status, {{text: measures}}}
		if warn {
			t.styles[i] = RowStyle{CellFills: []Color{5: overdueFill}}
		}
	}
	return t
}
