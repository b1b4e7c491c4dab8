package reports

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// SubmissionJSON computes the annual figures of data and returns the
// submission file (model.Submission) as JSON.
func SubmissionJSON(data model.AnnualData, appVersion string) ([]byte, error) {
	f := model.ComputeAnnualFigures(data)
	return model.NewSubmission(data, f, appVersion).Marshal()
}

// ExpectedUnit is a unit that should have sent its submission.
type ExpectedUnit struct {
	Name         string
	Municipality string // "" = any
}

func (e ExpectedUnit) String() string {
	if e.Municipality == "" {
		return e.Name
	}
	return e.Name + " (" + e.Municipality + ")"
}

// ParseExpectedUnits reads a list of units, one a line: "Navn" or
// "Navn;Kommune". Blank lines and lines starting with # are skipped; a
// UTF-8 byte order mark is allowed.
func ParseExpectedUnits(text string) []ExpectedUnit {
	text = strings.TrimPrefix(text, "\uFEFF")
	var out []ExpectedUnit
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, muni, _ := strings.Cut(line, ";")
		name, muni = strings.Join(strings.Fields(name), " "), strings.Join(strings.Fields(muni), " ")
		if name != "" {
			out = append(out, ExpectedUnit{name, muni})
		}
	}
	return out
}

// FileSubmission is a submission read from a file.
type FileSubmission struct {
	File string
	model.Submission
}

// FailedFile is a file that could not be used, with the reason.
type FailedFile struct {
	File, Reason string
}

// FactorAverage is one 10-FAKTOR factor's mean over the units, weighted
// by each unit's respondents.
type FactorAverage struct {
	Factor      int
	Mean        float64
	Respondents int
	Units       int
}

// Aggregation is the municipality's picture for one year, built from the
// units' submissions.
type Aggregation struct {
	Year    model.HMSYear
	Units   []FileSubmission // valid, one per unit, sorted by municipality and name
	Failed  []FailedFile     // files that could not be used, in the order given
	Missing []ExpectedUnit   // expected units without a valid submission

	Employees  int
	Plan       model.SubmissionPlan            // summed, by_status too
	RiskItems  int                             // hazards, summed
	RiskBefore map[model.RiskLevel]int         // summed
	RiskAfter  map[model.RiskLevel]int         // summed
	Deviations map[model.DeviationCategory]int // summed over units with the module
	DevUnits   int                             // units reporting deviations
	TenFactor  []FactorAverage                 // factors with data, 1–10
	Checklist  [8]int                          // units documenting each point

	SickLeave []string // units that met a sick-leave follow-up rule
	Overdue   []string // units with overdue measures
	No23A     []string // units whose violence module (kap. 3A, tidligere 23A) is in use without a current mapping
	// NotInUse counts, per module ID, the units where the module is not in
	// use (its object is null in the submission).
	NotInUse map[string]int
}

// unitKey identifies a unit: name and municipality, ignoring case and
// extra spaces.
func unitKey(name, municipality string) string {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	m := strings.ToLower(strings.Join(strings.Fields(municipality), " "))
	return n + "\x00" + m
}

// unitLabel is "Navn (Kommune)".
func unitLabel(u model.SubmissionUnit) string { return u.Name + " (" + u.Municipality + ")" }

// AggregateFiles reads and validates the submission files and aggregates
// those for year (0 = the year most files are for). A file that cannot be
// read, is not valid, is for another year or repeats a unit is listed in
// Failed with the reason; the others still count.
func AggregateFiles(paths []string, year model.HMSYear, expected []ExpectedUnit) Aggregation {
	var subs []FileSubmission
	var failed []FailedFile
	for _, p := range paths {
		b, err := readLimited(p, model.MaxSubmissionSize)
		if err == nil {
			var s model.Submission
			if s, err = model.ReadSubmission(b); err == nil {
				subs = append(subs, FileSubmission{File: p, Submission: s})
				continue
			}
		}
		failed = append(failed, FailedFile{File: p, Reason: err.Error()})
	}
	return Aggregate(subs, failed, year, expected)
}

// readLimited reads a file, refusing one larger than limit without
// reading it all.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("filen finnes ikke")
		}
		return nil, fmt.Errorf("filen kan ikke leses: %v", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, fmt.Errorf("filen kan ikke leses: %v", err)
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%w (høyst %d byte)", model.ErrSubmissionTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// Aggregate aggregates valid submissions for year (0 = the most common
// year among them). Submissions for other years and repeated units are
// moved to Failed.
func Aggregate(subs []FileSubmission, failed []FailedFile, year model.HMSYear, expected []ExpectedUnit) Aggregation {
	a := Aggregation{Year: year, Failed: append([]FailedFile{}, failed...),
		RiskBefore: map[model.RiskLevel]int{}, RiskAfter: map[model.RiskLevel]int{},
		Deviations: map[model.DeviationCategory]int{}, NotInUse: map[string]int{}}
	a.Plan.ByStatus = map[model.Status]int{}
	if a.Year == 0 {
		counts := map[int]int{}
		for _, s := range subs {
			counts[s.Year]++
			if counts[s.Year] > counts[int(a.Year)] || (counts[s.Year] == counts[int(a.Year)] && s.Year > int(a.Year)) {
				a.Year = model.HMSYear(s.Year)
			}
		}
	}
	seen := map[string]string{}
	for _, s := range subs {
		switch key := unitKey(s.Unit.Name, s.Unit.Municipality); {
		case s.Year != int(a.Year):
			a.Failed = append(a.Failed, FailedFile{s.File, fmt.Sprintf("gjelder %d, ikke %s", s.Year, a.Year)})
		case seen[key] != "":
			a.Failed = append(a.Failed, FailedFile{s.File, fmt.Sprintf("%s er allerede med fra %s", unitLabel(s.Unit), filepath.Base(seen[key]))})
		default:
			seen[key] = s.File
			a.Units = append(a.Units, s)
		}
	}
	slices.SortStableFunc(a.Units, func(x, y FileSubmission) int {
		return cmp.Or(model.CompareNorwegian(x.Unit.Municipality, y.Unit.Municipality),
			model.CompareNorwegian(x.Unit.Name, y.Unit.Name))
	})

	factors := map[int]*FactorAverage{}
	sums := map[int]float64{}
	for _, s := range a.Units {
		label := unitLabel(s.Unit)
		a.Employees += s.Unit.Employees
		if p := s.ActionPlan; p != nil {
			a.Plan.Total += p.Total
			a.Plan.Open += p.Open
			a.Plan.Overdue += p.Overdue
			a.Plan.DueSoon += p.DueSoon
			a.Plan.Created += p.Created
			a.Plan.Closed += p.Closed
			a.Plan.Evaluated += p.Evaluated
			for st, n := range p.ByStatus {
				a.Plan.ByStatus[st] += n
			}
			if p.Overdue > 0 {
				a.Overdue = append(a.Overdue, fmt.Sprintf("%s: %d", label, p.Overdue))
			}
		} else {
			a.NotInUse[model.ModuleHandlingsplan]++
		}
		if r := s.Risk; r != nil {
			a.RiskItems += r.Items
			for l, n := range r.Before {
				a.RiskBefore[l] += n
			}
			for l, n := range r.After {
				a.RiskAfter[l] += n
			}
		} else {
			a.NotInUse[model.ModuleRisiko]++
		}
		if dv := s.Deviations; dv != nil {
			a.DevUnits++
			for c, n := range dv.ByCategory {
				a.Deviations[c] += n
			}
		} else {
			a.NotInUse[model.ModuleAvvik]++
		}
		if sl := s.SickLeave; sl != nil {
			if len(sl.Rules) > 0 {
				var rules []string
				for _, r := range sl.Rules {
					rules = append(rules, r.Rule+" ("+r.Quarter.String()+")")
				}
				a.SickLeave = append(a.SickLeave, label+": "+strings.Join(rules, "; "))
			}
		} else {
			a.NotInUse[model.ModuleSykefravar]++
		}
		if v := s.Violence; v != nil {
			if !v.Mapped {
				a.No23A = append(a.No23A, label)
			}
		} else {
			a.NotInUse[model.ModuleVold]++
		}
		if tf := s.TenFactor; tf != nil && tf.Respondents >= 3 {
			for _, f := range tf.Factors {
				fa := factors[f.Factor]
				if fa == nil {
					fa = &FactorAverage{Factor: f.Factor}
					factors[f.Factor] = fa
				}
				fa.Respondents += tf.Respondents
				fa.Units++
				sums[f.Factor] += f.Mean * float64(tf.Respondents)
			}
		} else if tf == nil {
			a.NotInUse[model.ModuleTiFaktor]++
		}
		if s.SafetyRounds == nil {
			a.NotInUse[model.ModuleVernerunder]++
		}
		if s.Meetings == nil {
			a.NotInUse[model.ModuleMoter]++
		}
		for _, p := range s.Checklist {
			if p.Documented && p.Point >= 1 && p.Point <= 8 {
				a.Checklist[p.Point-1]++
			}
		}
	}
	for n := 1; n <= 10; n++ {
		if fa := factors[n]; fa != nil {
			fa.Mean = sums[n] / float64(fa.Respondents)
			a.TenFactor = append(a.TenFactor, *fa)
		}
	}
	for _, e := range expected {
		found := false
		for _, s := range a.Units {
			if strings.EqualFold(strings.Join(strings.Fields(s.Unit.Name), " "), e.Name) &&
				(e.Municipality == "" || strings.EqualFold(strings.Join(strings.Fields(s.Unit.Municipality), " "), e.Municipality)) {
				found = true
				break
			}
		}
		if !found {
			a.Missing = append(a.Missing, e)
		}
	}
	return a
}

// optCount formats a module count that may be absent.
func optCount[T any](p *T, n func(*T) int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(n(p))
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

// sickLeaveText is a unit's sick leave for the year against its target.
func sickLeaveText(sl *model.SubmissionSickLeave, decimalComma bool) (year, target string) {
	if sl == nil {
		return "", ""
	}
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		if decimalComma {
			return FormatNumber(*p, 1)
		}
		return strconv.FormatFloat(*p, 'f', 1, 64)
	}
	return f(sl.Year), f(sl.Target)
}

// AggregateReport returns the municipality's report in A4 landscape: the
// totals, one row per unit, the units that need follow-up, 10-FAKTOR
// averages, deviations by category, and the files that failed and the
// units missing.
func AggregateReport(a Aggregation, opts Options) *Document {
	opts.Landscape = true
	title := "HMS-internkontroll " + a.Year.String() + " – samlet for enhetene"
	if strings.TrimSpace(opts.Title) == "" {
		opts.Title = title
	}
	if strings.TrimSpace(opts.Subject) == "" {
		opts.Subject = "Enhetenes innsendte nøkkeltall for " + a.Year.String() + ", til arbeidsmiljøutvalget"
	}
	if strings.TrimSpace(opts.Keywords) == "" {
		opts.Keywords = "HMS, internkontroll, AMU, " + a.Year.String()
	}
	if strings.TrimSpace(opts.Author) == "" {
		opts.Author = "HMS-utvalg"
	}
	d := New(opts)
	lines := []string{fmt.Sprintf("%d %s med gyldig innsending, %s ansatte i alt", len(a.Units),
		plural(len(a.Units), "enhet", "enheter"), model.FormatInt(a.Employees))}
	remark := ""
	if len(a.Failed) > 0 || len(a.Missing) > 0 {
		remark = fmt.Sprintf("%d %s kunne ikke brukes, og %d %s mangler. Se siste side.",
			len(a.Failed), plural(len(a.Failed), "fil", "filer"), len(a.Missing), plural(len(a.Missing), "enhet", "enheter"))
	}
	d.titleBlock(title, lines, remark)

	d.Heading(2, "Nøkkeltall i alt")
	d.KeyValues([][2]string{
		{"Tiltak i handlingsplanene", fmt.Sprintf("%d i alt, %d åpne, %d forfalt, %d lukket i året, %d evaluert",
			a.Plan.Total, a.Plan.Open, a.Plan.Overdue, a.Plan.Closed, a.Plan.Evaluated)},
		{"Farer i risikovurderingene", fmt.Sprintf("%d. Før tiltak: høy %d, middels %d, lav %d. Etter tiltak: høy %d, middels %d, lav %d",
			a.RiskItems, a.RiskBefore[model.RiskHigh], a.RiskBefore[model.RiskMedium], a.RiskBefore[model.RiskLow],
			a.RiskAfter[model.RiskHigh], a.RiskAfter[model.RiskMedium], a.RiskAfter[model.RiskLow])},
		{"Internkontroll § 5", checklistLine(a)},
	})

	d.Heading(2, "Enhetene")
	t := Table{Columns: []Column{{Title: "Enhet", Width: 52}, {Title: "Sektor", Width: 26}, {Title: "Ansatte", Width: 15, Align: AlignRight},
		{Title: "Tiltak", Width: 14, Align: AlignRight}, {Title: "Åpne", Width: 13, Align: AlignRight}, {Title: "Forfalt", Width: 15, Align: AlignRight},
		{Title: "Risiko-vurd.", Width: 16, Align: AlignRight}, {Title: "Høy risiko før/etter", Width: 22, Align: AlignRight},
		{Title: "Avvik", Width: 13, Align: AlignRight}, {Title: "Sykefravær (mål)", Width: 22, Align: AlignRight},
		{Title: "3A kartlagt", Width: 17, Align: AlignCenter}, {Title: "IK-punkter", Width: 16, Align: AlignRight}}}
	for _, s := range a.Units {
		row := []string{s.Unit.Name + "\n" + s.Unit.Municipality, s.Unit.Sector.Label(), model.FormatInt(s.Unit.Employees),
			optCount(s.ActionPlan, func(p *model.SubmissionPlan) int { return p.Total }),
			optCount(s.ActionPlan, func(p *model.SubmissionPlan) int { return p.Open }),
			optCount(s.ActionPlan, func(p *model.SubmissionPlan) int { return p.Overdue }),
			optCount(s.Risk, func(r *model.SubmissionRisk) int { return r.Assessments }),
			"–",
			optCount(s.Deviations, func(v *model.SubmissionDeviation) int { return v.Total }),
			"–", "–", fmt.Sprintf("%d av 8", documented(s.Submission))}
		if r := s.Risk; r != nil {
			row[7] = fmt.Sprintf("%d/%d", r.Before[model.RiskHigh], r.After[model.RiskHigh])
		}
		if y, tg := sickLeaveText(s.SickLeave, true); y != "" {
			row[9] = y + " %"
			if tg != "" {
				row[9] += " (" + tg + " %)"
			}
		}
		if v := s.Violence; v != nil {
			row[10] = map[bool]string{true: "ja", false: "nei"}[v.Mapped]
		}
		st := RowStyle{CellFills: make([]Color, 12)}
		if s.ActionPlan != nil && s.ActionPlan.Overdue > 0 {
			st.CellFills[5] = overdueFill
		}
		if s.Violence != nil && !s.Violence.Mapped {
			st.CellFills[10] = ColorRedFill
		}
		t.Rows = append(t.Rows, row)
		t.Styles = append(t.Styles, st)
	}
	d.Table(t)
	d.Paragraph("– betyr at modulen ikke er i bruk hos enheten.")

	d.Heading(2, "Enheter som må følges opp")
	d.followUp("Over oppfølgingsreglene for sykefravær", a.SickLeave, a.NotInUse[model.ModuleSykefravar], len(a.Units))
	d.followUp("Forfalte tiltak i handlingsplanen", a.Overdue, a.NotInUse[model.ModuleHandlingsplan], len(a.Units))
	d.followUp("Mangler gjeldende kartlegging av vold og trusler (kap. 3A, tidligere 23A)", a.No23A, a.NotInUse[model.ModuleVold], len(a.Units))

	d.Heading(2, "10-FAKTOR")
	if len(a.TenFactor) == 0 {
		d.Note("Ingen enheter har rapportert 10-FAKTOR for året.")
	} else {
		d.Paragraph("Snitt per faktor, vektet med antall svar i hver enhet (enheter med færre enn 3 svar er ikke med).")
		var bars []Bar
		for _, fa := range a.TenFactor {
			bars = append(bars, Bar{Label: fmt.Sprintf("Faktor %d (%d enheter, %d svar)", fa.Factor, fa.Units, fa.Respondents), Value: fa.Mean})
		}
		d.BarChart(BarChart{Title: "10-FAKTOR, vektet snitt", Bars: bars, Max: 5, Decimals: 2, Lines: []RefLine{{Label: "Mål 4", Value: 4}}})
	}

	d.Heading(2, "Avvik etter kategori")
	if a.DevUnits == 0 {
		d.Note("Ingen enheter har rapportert avvik for året (modulen er ikke i bruk).")
	} else {
		d.Paragraph(fmt.Sprintf("Summert over %d %s som rapporterer avvik.", a.DevUnits, plural(a.DevUnits, "enhet", "enheter")))
		var rows [][]string
		total := 0
		for _, c := range model.DeviationCategories() {
			rows = append(rows, []string{c.Label(), strconv.Itoa(a.Deviations[c])})
			total += a.Deviations[c]
		}
		rows = append(rows, []string{"I alt", strconv.Itoa(total)})
		d.narrow(160, func() {
			d.Table(Table{Columns: []Column{{Title: "Kategori", Width: 130}, {Title: "Antall", Width: 30, Align: AlignRight}},
				Rows: rows, Styles: append(make([]RowStyle, len(rows)-1), RowStyle{Bold: true})})
		})
	}

	d.Heading(2, "Innsendinger")
	if len(a.Missing) == 0 && len(a.Failed) == 0 {
		d.Paragraph("Alle filene er lest.")
	}
	if len(a.Missing) > 0 {
		var names []string
		for _, m := range a.Missing {
			names = append(names, m.String())
		}
		d.Paragraph(fmt.Sprintf("Mangler innsending for %s fra: %s.", a.Year, strings.Join(names, ", ")))
	}
	if len(a.Failed) > 0 {
		ft := Table{Columns: []Column{{Title: "Fil", Width: 90}, {Title: "Hvorfor den ikke er med", Width: 170}}}
		for _, f := range a.Failed {
			ft.Rows = append(ft.Rows, []string{filepath.Base(f.File), f.Reason})
		}
		d.Table(ft)
	}
	return d
}

func checklistLine(a Aggregation) string {
	var parts []string
	for i, n := range a.Checklist {
		parts = append(parts, fmt.Sprintf("punkt %d: %d", i+1, n))
	}
	return fmt.Sprintf("Enheter som dokumenterer hvert punkt (av %d): %s", len(a.Units), strings.Join(parts, ", "))
}

// followUp writes one follow-up list: the units, or that there are none,
// and how many units do not use the module.
func (d *Document) followUp(title string, units []string, notInUse, total int) {
	d.Heading(3, title)
	switch {
	case notInUse == total:
		d.Paragraph("Ingen data: modulen er ikke i bruk hos noen enhet.")
		return
	case len(units) == 0:
		d.Paragraph("Ingen.")
	default:
		d.Paragraph(strings.Join(units, "\n"))
	}
	if notInUse > 0 {
		d.Paragraph(fmt.Sprintf("Modulen er ikke i bruk hos %d av %d enheter.", notInUse, total))
	}
}

// AggregateCSV returns one row per unit for a spreadsheet: semicolons,
// decimal comma, UTF-8 with a byte order mark so Excel reads æøå, and
// CRLF line ends. An empty cell means the module is not in use.
func AggregateCSV(a Aggregation) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	_ = w.Write([]string{"År", "Enhet", "Kommune", "Sektor", "Ansatte", "Tiltak", "Åpne tiltak", "Forfalte tiltak",
		"Lukket i året", "Evaluert", "Risikovurderinger", "Revisjon forfalt", "Farer", "Høy før tiltak", "Høy etter tiltak",
		"Avvik", "Sykefravær %", "Mål sykefravær %", "Over oppfølgingsregel", "Vold og trusler kartlagt",
		"10-FAKTOR svar", "Vernerunder", "Møter", "IK-punkter dokumentert"})
	itoa := strconv.Itoa
	opt := func(ok bool, v string) string {
		if !ok {
			return ""
		}
		return v
	}
	for _, s := range a.Units {
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
		y, tg := sickLeaveText(s.SickLeave, true)
		row = append(row, y, tg, opt(s.SickLeave != nil, map[bool]string{true: "ja", false: "nei"}[s.SickLeave != nil && len(s.SickLeave.Rules) > 0]))
		row = append(row, opt(s.Violence != nil, map[bool]string{true: "ja", false: "nei"}[s.Violence != nil && s.Violence.Mapped]))
		row = append(row, opt(s.TenFactor != nil, optCount(s.TenFactor, func(t *model.SubmissionTenFactor) int { return t.Respondents })))
		row = append(row, opt(s.SafetyRounds != nil, optCount(s.SafetyRounds, func(c *model.SubmissionCount) int { return c.Held })))
		row = append(row, opt(s.Meetings != nil, optCount(s.Meetings, func(c *model.SubmissionCount) int { return c.Held })))
		row = append(row, itoa(documented(s.Submission)))
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}
