package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// ViolenceInput is what the violence-and-threats report and the annual
// report's section print. Incident descriptions are never printed: only
// counts, types, severities and follow-up.
type ViolenceInput struct {
	Unit      model.Unit
	Mapping   *model.ViolenceMapping // nil: no mapping yet
	Routines  model.ViolenceRoutines
	Trainings []model.ViolenceTraining
	Measures  []model.Measure   // the action plan; the mapping's links pick its measures
	Incidents []model.Deviation // the deviation register; category vold og trusler is used
	Matrix    model.RiskMatrix  // the unit's matrix, used when the mapping has none
	Today     model.Date
	// Year is the year of the incident figures in the standalone report;
	// zero = the year of Today.
	Year model.HMSYear
}

func (in ViolenceInput) statusInput() model.ViolenceStatusInput {
	return model.ViolenceStatusInput{Mapping: in.Mapping, Routines: in.Routines, Trainings: in.Trainings,
		Measures: in.Measures, Incidents: in.Incidents}
}

// matrix is the mapping's matrix, else the unit's, else the default.
func (in ViolenceInput) matrix() model.RiskMatrix {
	if in.Mapping != nil && in.Mapping.Matrix != (model.RiskMatrix{}) {
		return effectiveMatrix(in.Mapping.Matrix)
	}
	return effectiveMatrix(in.Matrix)
}

// ViolenceReport returns the unit's violence-and-threats documentation in
// A4 portrait: the status per duty, the mapping with its ratings, the
// measures, routines and information, the training log, the year's
// incident figures and signature lines.
func ViolenceReport(in ViolenceInput, opts Options) *Document {
	year := in.Year
	if year == 0 {
		year = model.HMSYear(in.Today.Year())
	}
	opts = withDefaults(opts, "Vold og trusler", "Vold og trusler per "+in.Today.String(),
		"HMS, vold og trusler, kapittel 3A, kartlegging, opplæring", in.Unit)
	d := New(opts)
	d.titleBlock("Vold og trusler", []string{unitLine(in.Unit), "per " + in.Today.String()},
		"Etter "+model.ViolenceChapter+".")

	d.Heading(2, "Status per plikt")
	d.violenceStatusTable(model.ViolenceStatusTable(in.statusInput(), in.Today))

	d.Heading(2, "Kartlegging og risikovurdering")
	d.Paragraph("Hjemmel: " + model.DutyMapping.Citation() + ".")
	if in.Mapping == nil {
		d.Note("Ingen kartlegging registrert.")
	} else {
		d.violenceMapping(*in.Mapping, in.matrix())
	}

	d.Heading(2, "Tiltak")
	d.Paragraph("Hjemmel: " + model.DutyMeasures.Citation() + ".")
	d.violenceMeasures(in.Mapping, in.Measures, in.Today)

	d.Heading(2, "Rutiner og informasjon")
	d.Paragraph("Hjemmel: " + model.DutyInformation.Citation() + ".")
	d.violenceRoutines(in.Routines)

	d.Heading(2, "Opplæring og øvelser")
	d.Paragraph("Hjemmel: " + model.DutyTraining.Citation() + ".")
	d.violenceTrainings(in.Trainings, in.Today)

	d.Heading(2, "Hendelser "+year.String())
	d.Paragraph("Hjemmel: " + model.DutyFollowUp.Citation() + ". Tallene kommer fra avviksregisteret, kategori «Vold og trusler»; beskrivelsene skrives ikke ut.")
	d.violenceFigures(model.ViolenceIncidents(in.Incidents, year.Start(), year.End()), year)

	d.Heading(2, "Underskrifter")
	d.signatures([]string{"Leder", "Verneombud", "Tillitsvalgt"})
	return d
}

// ViolenceSection writes the module's part of the annual internal-control
// report: the status per duty, then the year's training and incident
// figures. With no mapping, routines, training or incidents it says so in
// one line.
func (d *Document) ViolenceSection(in ViolenceInput, year model.HMSYear) {
	d.violenceYearSection(violenceForYear(in, year))
}

// violenceYear is the violence section of a year worked out from the
// records, before anything is drawn (the annual report works it out
// ahead, annual.go).
type violenceYear struct {
	in        ViolenceInput
	year      model.HMSYear
	fig       model.ViolenceIncidentFigures
	yin       model.ViolenceStatusInput // the records that document the year
	status    []model.ViolenceDutyStatus
	note      string
	trainings []model.ViolenceTraining // done in the year
}

// violenceForYear applies the year rules of the summary and the
// submission to in: records dated after the year do not document it.
func violenceForYear(in ViolenceInput, year model.HMSYear) violenceYear {
	v := violenceYear{in: in, year: year}
	// The same period as the follow-up status in the table (the year).
	v.fig = model.ViolenceYearIncidents(in.Incidents, year, in.Today)
	v.yin, v.status, v.note = model.ViolenceYear(in.statusInput(), year, in.Today)
	for _, t := range v.yin.Trainings {
		if year.DoneIn(t.Date, in.Today) {
			v.trainings = append(v.trainings, t)
		}
	}
	if year >= model.Chapter3AFrom { // § 3A-1 is new in chapter 3A; earlier years have no such duty
		v.status = append([]model.ViolenceDutyStatus{model.GeneralDutyStatus(v.status)}, v.status...)
	}
	return v
}

// violenceYearSection draws the violence section v.
func (d *Document) violenceYearSection(v violenceYear) {
	if !d.begin() {
		return
	}
	in, year, yin, fig := v.in, v.year, v.yin, v.fig
	d.Heading(1, "Vold og trusler")
	empty := yin.Mapping == nil && len(in.Routines.Routines) == 0 && len(yin.Routines.Informed) == 0 &&
		len(yin.Trainings) == 0 && fig.Total == 0
	if empty {
		d.Note(fmt.Sprintf("Ingen kartlegging, rutiner, opplæring eller hendelser om vold og trusler registrert for %s.", year) + spaced(v.note))
		return
	}
	// One lead, so the note moves with the table it explains.
	d.Lead(fmt.Sprintf("Status per %s etter %s; frister for tiltak per %s.", year.StateDate(in.Today), model.ViolenceChapter, in.Today) + spaced(v.note))
	d.violenceStatusTable(v.status)
	if yin.Mapping != nil {
		m := in.matrix()
		mp := *yin.Mapping
		mp.Matrix = m
		combined := "ikke vurdert"
		if lv := mp.Level(model.FactorCombined); lv != "" {
			combined = fmt.Sprintf("%d – %s (%s)", mp.Score(model.FactorCombined), lv.Label(), lv.Letter())
		}
		d.KeyValues([][2]string{
			{"Kartlegging", fmt.Sprintf("datert %s, neste revisjon senest %s", mp.Date, mp.ReviewDue())},
			{"Samlet risiko", combined},
			{"Tiltak fra kartleggingen", strconv.Itoa(len(mp.Measures))},
		})
	}
	d.Heading(2, "Opplæring og øvelser i "+year.String())
	if len(v.trainings) == 0 {
		d.Note(fmt.Sprintf("Ingen opplæring eller øvelser registrert i %s.", year))
	} else {
		d.violenceTrainings(v.trainings, year.StateDate(in.Today)) // repetition due as of the year's end
	}
	d.Heading(2, "Hendelser i "+year.String())
	d.violenceFigures(fig, year)
}

// violenceStatusTable is the status per duty: what, where in the rules,
// state in words, last done, and what is missing or overdue.
func (d *Document) violenceStatusTable(st []model.ViolenceDutyStatus) {
	cols := []Column{{Title: "Plikt", Width: 40}, {Title: "Hjemmel", Width: 46}, {Title: "Status", Width: 17},
		{Title: "Sist gjort", Width: 23}, {Title: "Mangler eller forfalt", Width: 54}}
	rows := make([][]string, len(st))
	styles := make([]RowStyle, len(st))
	for i, s := range st {
		last := "ikke registrert"
		if !s.LastDone.IsZero() {
			last = s.LastDone.String()
		}
		state := s.StateLabel()
		if !s.Documented {
			state += ", ikke dokumentert"
		}
		notes := orDash(model.JoinNotes(s.Notes))
		if s.Duty == model.DutyGeneral {
			// § 3A-1 has no record of its own: say what documents it.
			last = "–"
			notes = strings.Join(append([]string{model.GeneralDutyBasis()}, s.Notes...), ". ")
		}
		rows[i] = []string{s.Duty.Label(), s.Duty.Paragraphs(), state, last, notes}
		switch s.State {
		case model.DutyOverdue:
			styles[i].CellFills = []Color{2: overdueFill}
		case model.DutyMissing:
			styles[i].CellFills = []Color{2: dueSoonFill}
		}
	}
	d.Table(Table{Columns: cols, Rows: rows, Styles: styles})
}

// riskCell is "12 Høy (H)" and its fill, or "Ikke vurdert".
func riskCell(m model.RiskMatrix, p, c int) (string, Color) {
	lv := m.Level(p, c)
	if lv == "" {
		return "Ikke vurdert", Color{}
	}
	return fmt.Sprintf("%d %s (%s)", m.Score(p, c), lv.Label(), lv.Letter()), RiskColor(lv)
}

// violenceMapping prints the mapping's details and one row per factor,
// then the combined assessment.
func (d *Document) violenceMapping(mp model.ViolenceMapping, m model.RiskMatrix) {
	mp.Matrix = m
	people := strings.Join(mp.Participants, ", ")
	d.KeyValues([][2]string{
		{model.FieldMappingDate, orDash(mp.Date.String())},
		{"Neste revisjon senest", orDash(mp.ReviewDue().String())},
		{model.FieldParticipants, orDash(people)},
		{"Risikomatrise", m.Describe() + ". Risiko = sannsynlighet (S) × konsekvens (K)."},
	})
	cols := []Column{{Title: "Faktor", Width: 36}, {Title: "Svar og merknader", Width: 58}, {Title: "Situasjoner og utsatte grupper", Width: 42},
		{Title: "S", Width: 7, Align: AlignCenter}, {Title: "K", Width: 7, Align: AlignCenter}, {Title: "Risiko", Width: 30, Align: AlignCenter}}
	value := func(n int) string {
		if m.InRange(n) {
			return strconv.Itoa(n)
		}
		return "–"
	}
	var rows [][]string
	var styles []RowStyle
	for _, f := range model.ViolenceFactors() {
		a, _ := mp.Factor(f)
		answer := a.Answer
		if a.Notes != "" {
			answer = strings.TrimSpace(answer + "\nMerknad: " + a.Notes)
		}
		exposed := a.Situations
		if a.Groups != "" {
			exposed = strings.TrimSpace(exposed + "\nGrupper: " + a.Groups)
		}
		risk, fill := riskCell(m, a.Probability, a.Consequence)
		rows = append(rows, []string{f.Numbered(), orDash(answer), orDash(exposed), value(a.Probability), value(a.Consequence), risk})
		styles = append(styles, RowStyle{CellFills: []Color{5: fill}})
	}
	risk, fill := riskCell(m, mp.Combined.Probability, mp.Combined.Consequence)
	rows = append(rows, []string{"Samlet vurdering", orDash(mp.Combined.Assessment), "", value(mp.Combined.Probability), value(mp.Combined.Consequence), risk})
	styles = append(styles, RowStyle{Bold: true, CellFills: []Color{5: fill}})
	d.Table(Table{Columns: cols, Rows: rows, Styles: styles})
	if mp.CombinedBelowFactors() {
		best, lv := mp.HighestFactor()
		d.Note(fmt.Sprintf("Den samlede risikoen er satt lavere enn den høyeste enkeltfaktoren (%d %s).", best, lv.Label()))
	}
}

// violenceMeasures prints the measures linked from the mapping, with the
// factor and the point they address.
func (d *Document) violenceMeasures(mp *model.ViolenceMapping, ms []model.Measure, today model.Date) {
	if mp == nil || len(mp.Measures) == 0 {
		d.Note("Ingen tiltak fra kartleggingen i handlingsplanen.")
		return
	}
	byID := map[uint64]*model.Measure{}
	for i := range ms {
		byID[ms[i].ID] = &ms[i]
	}
	links := slices.Clone(mp.Measures)
	slices.SortStableFunc(links, func(a, b model.ViolenceMeasureLink) int {
		// Factors 1..8 first, the combined assessment last.
		fa, fb := int(a.Factor), int(b.Factor)
		if fa == 0 {
			fa = 99
		}
		if fb == 0 {
			fb = 99
		}
		return fa - fb
	})
	cols := []Column{{Title: "Faktor", Width: 30}, {Title: "Punkt", Width: 34}, {Title: "Tiltak", Width: 52},
		{Title: "Ansvarlig", Width: 26}, {Title: "Frist", Width: 20}, {Title: "Status", Width: 20}}
	var rows [][]string
	var styles []RowStyle
	for _, l := range links {
		m, ok := byID[l.MeasureID]
		if !ok {
			continue
		}
		status := m.Status.Label()
		st := RowStyle{}
		if m.Overdue(today) {
			status += ", forfalt"
			st.CellFills = []Color{5: overdueFill}
		}
		rows = append(rows, []string{l.Factor.Numbered(), l.Point.Label(), m.Title, m.Responsible, m.Deadline.String(), status})
		styles = append(styles, st)
	}
	if len(rows) == 0 {
		d.Note("Tiltakene fra kartleggingen finnes ikke lenger i handlingsplanen.")
		return
	}
	d.Table(Table{Columns: cols, Rows: rows, Styles: styles})
	covered := map[model.MeasurePoint]bool{}
	for _, l := range links {
		covered[l.Point] = true
	}
	var missing []string
	for _, p := range model.MeasurePoints() {
		if !covered[p] {
			missing = append(missing, strings.ToLower(p.Label()))
		}
	}
	if len(missing) > 0 {
		d.Paragraph("Punkter uten tiltak: " + strings.Join(missing, "; ") + ".")
	}
}

// violenceRoutines prints which routines exist and the information log.
func (d *Document) violenceRoutines(r model.ViolenceRoutines) {
	var rows [][]string
	for _, k := range model.RoutineKinds() {
		x := r.Routine(k)
		exists := "Nei"
		if x.Exists {
			exists = "Ja"
		}
		rows = append(rows, []string{k.Label(), exists, orDash(x.Where), orDash(x.Updated.String())})
	}
	d.Table(Table{Columns: []Column{{Title: "Rutine", Width: 50}, {Title: "Finnes", Width: 18}, {Title: "Hvor", Width: 80}, {Title: "Sist revidert", Width: 32}}, Rows: rows})
	if len(r.Informed) == 0 {
		d.Note("Ingen informasjon til ansatte eller verneombud og tillitsvalgte registrert.")
		return
	}
	log := slices.Clone(r.Informed)
	slices.SortStableFunc(log, func(a, b model.ViolenceInformation) int { return b.Date.Compare(a.Date) })
	rows = nil
	for _, i := range log {
		var who []string
		if i.Employees {
			who = append(who, "ansatte")
		}
		if i.Representatives {
			who = append(who, "verneombud og tillitsvalgte")
		}
		rows = append(rows, []string{i.Date.String(), strings.Join(who, ", "), i.Method.Label(), orDash(i.Notes)})
	}
	d.Table(Table{Columns: []Column{{Title: "Dato", Width: 22}, {Title: "Informert", Width: 50}, {Title: "Hvordan", Width: 50}, {Title: "Merknad", Width: 58}}, Rows: rows})
}

// violenceTrainings prints the log, newest first, with the repetition
// date of each topic's latest training and "forfalt" in words.
func (d *Document) violenceTrainings(ts []model.ViolenceTraining, today model.Date) {
	if len(ts) == 0 {
		d.Note("Ingen opplæring eller øvelser registrert.")
		return
	}
	latest := map[uint64]bool{}
	for _, t := range model.LatestTrainings(ts) {
		latest[t.ID] = true
	}
	log := slices.Clone(ts)
	slices.SortStableFunc(log, func(a, b model.ViolenceTraining) int { return b.Date.Compare(a.Date) })
	cols := []Column{{Title: "Dato", Width: 22}, {Title: "Tema", Width: 50}, {Title: "Type", Width: 30},
		{Title: "Deltakere", Width: 20, Align: AlignRight}, {Title: "Grupper", Width: 34}, {Title: "Gjentas innen", Width: 24}}
	var rows [][]string
	var styles []RowStyle
	for _, t := range log {
		due := "–"
		st := RowStyle{}
		if latest[t.ID] && !t.DueDate().IsZero() {
			due = t.DueDate().String()
			if t.Overdue(today) {
				due += " Forfalt"
				st.CellFills = []Color{5: overdueFill}
			}
		} else if !latest[t.ID] {
			due = "gjentatt"
		}
		kind := t.Kind.Label()
		if t.FromCourses {
			kind += " (fra kurslisten)" // the annual review's HMS courses
		}
		rows = append(rows, []string{t.Date.String(), t.Topic, kind, strconv.Itoa(t.Participants), orDash(t.Groups), due})
		styles = append(styles, st)
	}
	d.Table(Table{Columns: cols, Rows: rows, Styles: styles})
}

// violenceFigures prints the incident figures of a year: per quarter in
// a column chart, and per type, severity and follow-up in a table.
func (d *Document) violenceFigures(f model.ViolenceIncidentFigures, year model.HMSYear) {
	if f.Total == 0 {
		d.Note(fmt.Sprintf("Ingen hendelser med vold eller trusler registrert i %s.", year))
		return
	}
	var cats []string
	var vals []float64
	top := 4 // whole-number ticks for small counts
	for _, q := range year.Quarters() {
		cats = append(cats, fmt.Sprintf("%d. kv.", q.Q))
		vals = append(vals, float64(f.ByQuarter[q]))
		top = max(top, f.ByQuarter[q])
	}
	d.ColumnChart(SeriesChart{Title: fmt.Sprintf("Hendelser per kvartal %s (i alt %d)", year, f.Total), Categories: cats,
		Series: []Series{{Name: "Hendelser", Values: vals}}, Height: 40, Max: float64(top)})
	var rows [][]string
	for _, t := range model.ViolenceTypes() {
		rows = append(rows, []string{"Type", t.Label(), strconv.Itoa(f.ByType[t])})
	}
	for _, s := range model.Severities() {
		rows = append(rows, []string{"Alvorlighetsgrad", s.Label(), strconv.Itoa(f.BySeverity[s])})
	}
	for _, o := range model.FollowUpOffers() {
		rows = append(rows, []string{"Oppfølging tilbudt", o.Label(), strconv.Itoa(f.ByFollowUp[o])})
	}
	rows = append(rows, []string{"Oppfølging tilbudt", "Minst ett tilbud", fmt.Sprintf("%d av %d", f.FollowUpOffered, f.Total)})
	d.narrow(150, func() {
		d.Table(Table{Columns: []Column{{Title: "Fordelt på", Width: 45}, {Title: "", Width: 75}, {Title: "Antall", Width: 30, Align: AlignRight}}, Rows: rows})
	})
}

// spaced returns " "+s, or "" for an empty s.
func spaced(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}
