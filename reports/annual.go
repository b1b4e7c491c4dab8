package reports

import (
	"fmt"
	"strings"
	"time"

	"hmsutvalg/model"
)

// annualSection prepares one module's part of the annual report from the
// data and the figures computed once for the whole report, and returns
// what draws it. Preparing draws nothing: it is the model's work
// (picking, counting, labelling) and building the section's tables, which
// it hands to q to measure. So it runs ahead on another goroutine while
// the sections before are drawn (sectionsAhead): the layout was the
// report's longest stretch on one core, with the other nearly idle
// (docs/ytelse.md, «Niende runde»).
type annualSection func(in *model.AnnualData, f *model.AnnualFigures, q *measurer) func(d *Document)

// annualSections maps each module of model.AnnualModules to the section
// that prints it. A module without an entry here (not built yet) gets its
// heading and one line saying it has no data. Adding a module's section
// is one line in this map.
var annualSections = map[string]annualSection{
	model.ModuleUtvalg: func(in *model.AnnualData, f *model.AnnualFigures, _ *measurer) func(*Document) {
		return func(d *Document) { d.committeeSection(in, f) }
	},
	model.ModuleRisiko: func(in *model.AnnualData, _ *model.AnnualFigures, _ *measurer) func(*Document) {
		overdue := model.RiskOverdueIn(in.Assessments, in.Measures, in.Year, in.Today)
		return func(d *Document) {
			d.RiskSection(RiskSectionInput{Assessments: in.Assessments, Items: in.RiskItems, Year: in.Year, Today: in.Today, Matrix: in.Matrix})
			d.overdueNote(in.Today, in.Year, overdue, overdueWords{
				from: "fra risikovurderinger", shown: "fra vurderingene i tabellen",
				earlier: "fra risikovurderinger før %s", other: "fra andre risikovurderinger som ikke er med i tabellen"})
		}
	},
	model.ModuleHandlingsplan: func(in *model.AnnualData, _ *model.AnnualFigures, q *measurer) func(*Document) {
		// The report goes to HR and the AMU: no source naming a deviation
		// about a person by date and place.
		plan := planForYear(q, ActionPlanInput{Unit: in.Unit, Measures: model.SharedMeasureLabels(in.Measures, in.Deviations), Today: in.Today}, in.Year)
		return func(d *Document) { d.planYearSection(plan) }
	},
	model.ModuleVold: func(in *model.AnnualData, _ *model.AnnualFigures, _ *measurer) func(*Document) {
		vi := in.ViolenceInput()
		v := violenceForYear(ViolenceInput{Unit: in.Unit, Mapping: vi.Mapping, Routines: vi.Routines, Trainings: vi.Trainings,
			Measures: vi.Measures, Incidents: vi.Incidents, Matrix: in.Matrix, Today: in.Today, Year: in.Year}, in.Year)
		return func(d *Document) { d.violenceYearSection(v) }
	},
	model.ModuleTiFaktor: func(in *model.AnnualData, _ *model.AnnualFigures, _ *measurer) func(*Document) {
		y := tenFactorForYear(TenFactorSectionInput{Rounds: in.SurveyRounds, Measures: in.Measures, Year: in.Year, Today: in.Today})
		return func(d *Document) { d.tenFactorYearSection(y) }
	},
	model.ModuleSykefravar: func(in *model.AnnualData, _ *model.AnnualFigures, _ *measurer) func(*Document) {
		s := sickLeaveForYear(SickLeaveSectionInput{Quarters: in.SickLeave, Settings: in.SickLeaveTarget(), Measures: in.Measures, Year: in.Year, Today: in.Today})
		return func(d *Document) { d.sickLeaveYearSection(s) }
	},
	model.ModuleVernerunder: func(in *model.AnnualData, _ *model.AnnualFigures, q *measurer) func(*Document) {
		y := roundsForYear(q, SafetyRoundSectionInput{Rounds: in.SafetyRounds, Measures: in.Measures, Year: in.Year, Today: in.Today,
			Photos:  annualPhotos(in, model.OwnerFinding),
			Overdue: model.SafetyRoundOverdueIn(in.SafetyRounds, in.Measures, in.Year, in.Today)})
		return func(d *Document) { d.roundYearSection(y) }
	},
	model.ModuleMoter: func(in *model.AnnualData, _ *model.AnnualFigures, _ *measurer) func(*Document) {
		overdue := model.MeetingOverdueIn(in.Meetings, in.Measures, in.Year, in.Today)
		return func(d *Document) {
			d.MeetingsSection(in.Meetings, in.Year, in.Today)
			d.overdueNote(in.Today, in.Year, overdue, overdueWords{
				from: "fra møtevedtak", shown: "fra møtene i tabellen",
				earlier: "fra møtevedtak før %s", other: "fra andre møter som ikke er med i tabellen"})
		}
	},
	model.ModuleAvvik: func(in *model.AnnualData, _ *model.AnnualFigures, q *measurer) func(*Document) {
		v := deviationsForYear(q, DeviationSectionInput{Deviations: in.Deviations, Year: in.Year, Today: in.Today,
			Photos: annualPhotos(in, model.OwnerDeviation)})
		overdue := model.DeviationOverdueIn(in.Deviations, in.Measures, in.Year, in.Today)
		return func(d *Document) {
			d.deviationYearSection(v)
			d.overdueNote(in.Today, in.Year, overdue, overdueWords{
				from: "fra avvik", shown: "fra avvik registrert i " + in.Year.String(),
				earlier: "fra avvik før %s", other: "fra andre avvik som ikke er registrert i " + in.Year.String()})
		}
	},
}

// sectionDraw is a prepared section, or the panic its preparing met.
type sectionDraw struct {
	draw  func(*Document)
	fault any
}

// sectionsAhead prepares the sections of f's modules in use, in order, on
// a goroutine of its own; the one of f.Modules[i] arrives on ready[i] (a
// nil draw for a module without a section or not in use). The
// preparations only read in and f, as the drawing does meanwhile, and
// measure their tables on a document of their own with the page of d
// (newMeasuring), each section's after its draw is handed over, so the
// drawing of a long section begins while its tables are measured. A
// panic while preparing is handed on and raised again where the section
// is drawn (nextSection), as when both ran on one goroutine.
func sectionsAhead(in *model.AnnualData, f *model.AnnualFigures, d *Document) []chan sectionDraw {
	landscape := d.opts.Landscape
	ready := make([]chan sectionDraw, len(f.Modules))
	for i := range ready {
		ready[i] = make(chan sectionDraw, 1)
	}
	go func() {
		q := measureLater(newMeasuring(landscape))
		for i, st := range f.Modules {
			prepare, ok := annualSections[st.ID]
			if !ok || !st.InUse {
				ready[i] <- sectionDraw{}
				continue
			}
			if !prepareSection(ready[i], prepare, in, f, q) {
				return // the sections after it are not drawn either
			}
			q.run()
		}
	}()
	return ready
}

// prepareSection sends the prepared section to out, or the panic met; it
// reports whether there was none.
func prepareSection(out chan<- sectionDraw, prepare annualSection, in *model.AnnualData, f *model.AnnualFigures, q *measurer) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			out <- sectionDraw{fault: r}
		}
	}()
	out <- sectionDraw{draw: prepare(in, f, q)}
	return true
}

// nextSection waits for a prepared section and returns its draw (nil for
// none), raising the panic its preparing met.
func nextSection(ready <-chan sectionDraw) func(*Document) {
	s := <-ready
	if s.fault != nil {
		panic(s.fault)
	}
	return s.draw
}

// AnnualReportTitle is the title of the annual report for year.
func AnnualReportTitle(year model.HMSYear) string {
	return "Årsrapport for HMS-arbeidet " + year.String()
}

// AnnualReport returns the annual internal-control report for in.Year in
// A4 portrait: a cover with the unit and the committee, a summary page
// with the key figures and their status, one section per module (a
// module without data says so in one line), the internal-control
// checklist (internkontrollforskriften § 5) and signature lines.
//
// An empty Title, Subject, Keywords, Unit or Author in opts gets a
// default.
func AnnualReport(in model.AnnualData, opts Options) *Document {
	return StartAnnualDocument().Report(in, opts)
}

// AnnualDocument is an annual report's document being made ready on
// another goroutine: gofpdf set up and the three faces every report uses
// added, which the report command does while it reads the year's
// records instead of after (docs/ytelse.md, «Femte runde»; since the
// faces' metrics are read once per process, «Åttende runde», that is
// about 1 ms).
type AnnualDocument struct {
	ready chan *Document
}

// StartAnnualDocument starts making the document of an annual report.
func StartAnnualDocument() *AnnualDocument {
	a := &AnnualDocument{ready: make(chan *Document, 1)}
	go func() {
		d := newBlank(false)
		// Every annual report sets text in these three, even an empty
		// unit's (TestAnnualReportUsesThreeFaces).
		d.addFace(styleRegular)
		d.addFace(styleBold)
		d.addFace(styleItalic)
		a.ready <- d
	}()
	return a
}

// Report lays out the annual report of in on the document; an
// AnnualDocument makes one report.
func (a *AnnualDocument) Report(in model.AnnualData, opts Options) *Document {
	opts = annualOptions(&in, opts)
	// The figures are computed while the document may still be getting
	// ready.
	f := model.ComputeAnnualFigures(in)
	d := <-a.ready
	if opts.Landscape {
		d = New(opts) // the annual report is portrait; made again if asked otherwise
	}
	d.setOptions(opts)
	return annualReport(&in, &f, d)
}

// annualOptions are opts with the annual report's defaults.
func annualOptions(in *model.AnnualData, opts Options) Options {
	return withDefaults(opts, AnnualReportTitle(in.Year),
		"Internkontroll etter internkontrollforskriften § 5 og arbeidsmiljøloven § 3-1 for "+in.Year.String(),
		"HMS, internkontroll, årsrapport, HMS-utvalg, "+in.Year.String(), in.Unit)
}

func annualReport(in *model.AnnualData, f *model.AnnualFigures, d *Document) *Document {
	ahead := sectionsAhead(in, f, d)
	d.annualCover(in, f)

	d.Heading(1, "Sammendrag")
	d.annualSummary(in, f)

	d.PageBreak()
	d.reviewFrontSections(in, f)
	for i, st := range f.Modules {
		if draw := nextSection(ahead[i]); draw != nil {
			draw(d)
			continue
		}
		d.Heading(1, st.Title)
		d.Note(fmt.Sprintf("Ingen data: modulen %s er ikke tatt i bruk for %s.", st.Title, in.Year))
	}
	d.trainingSection(in, f)

	d.PageBreakIfLessThan(80) // the heading, the intro and a few rows
	d.checklistSection(f)
	d.Heading(2, "Slik er året regnet")
	for _, a := range model.YearAssumptions(in.Year, in.Today) {
		d.Paragraph("• " + a)
	}

	d.evaluationSection(in, f)
	// The heading, two lines of text and the lines to sign on one page.
	d.PageBreakIfLessThan(30 + signaturesHeight(len(signatureRoles(in))))
	d.Heading(1, "Underskrifter")
	d.Paragraph(signatureText(in.Year, f))
	d.signatures(signatureRoles(in))
	return d
}

// signatureText says what the signatures confirm: a report the committee
// has treated, or a draft that is still to be treated (as the cover says).
// What is still to come is said in the future tense only while it is: a
// draft of a year whose January deadline has passed, or an edition made
// after the AMU's March meeting, does not say «sendes inn i januar» or
// «legges fram i mars» of a month gone by.
func signatureText(y model.HMSYear, f *model.AnnualFigures) string {
	next := int(y) + 1
	r := f.Review
	if !r.Treated() {
		if f.Today.After(model.NewDate(next, time.January, 31)) {
			return fmt.Sprintf("Utkast: rapporten er ennå ikke behandlet i HMS-utvalget. Den skulle vært sendt inn i januar %d; "+
				"etter behandlingen signeres den og sendes inn.", next)
		}
		return fmt.Sprintf("Utkast: rapporten er ennå ikke behandlet i HMS-utvalget. Etter behandlingen signeres den, "+
			"sendes inn i januar %d og legges fram for arbeidsmiljøutvalget i mars.", next)
	}
	s := "Rapporten er behandlet i HMS-utvalget " + r.TreatedOn.String()
	if r.CaseNumber != "" {
		s += " (sak " + r.CaseNumber + ")"
	}
	if f.Today.After(model.NewDate(next, time.March, 31)) {
		s += fmt.Sprintf(", for arbeidsmiljøutvalget i mars %d.", next)
	} else {
		s += fmt.Sprintf(" og legges fram for arbeidsmiljøutvalget i mars %d.", next)
	}
	if f.Today.After(r.TreatedOn) {
		s += " " + laterEdition(f)
	}
	return s
}

// annualCover draws the cover: title, unit, year, the committee members
// with their roles, and the date produced.
func (d *Document) annualCover(in *model.AnnualData, f *model.AnnualFigures) {
	u := in.Unit
	lines := []string{unitLine(u)}
	var facts []string
	if l := u.Sector.Label(); l != "" {
		facts = append(facts, l)
	}
	if u.Employees > 0 {
		facts = append(facts, model.FormatInt(u.Employees)+" ansatte")
	}
	if len(facts) > 0 {
		lines = append(lines, strings.Join(facts, ", "))
	}
	lines = append(lines, "HMS-år "+in.Year.String()+" (01.01.–31.12.)")
	if note := in.Year.InProgressNote(in.Today); note != "" {
		lines = append(lines, note)
	}
	lines = append(lines, "")
	members := model.MembersInYear(in.Members, in.Year)
	if len(members) == 0 {
		lines = append(lines, "HMS-utvalget: ingen medlemmer registrert for året.")
	} else {
		lines = append(lines, "HMS-utvalget i "+in.Year.String()+":")
		for _, m := range members {
			l := "  " + m.Role.Short() + ": " + strings.TrimSpace(m.Name)
			if !coversYear(m, in.Year) {
				l += " (" + m.Period() + ")"
			}
			lines = append(lines, l)
		}
	}
	lines = append(lines, "", TreatedLine(f))
	lines = append(lines, "", "Laget "+model.DateOf(d.created).String()+", med status per "+in.Today.String()+".")
	d.Cover(AnnualReportTitle(in.Year), "Internkontroll etter internkontrollforskriften § 5 og arbeidsmiljøloven § 3-1", lines)
}

// coversYear reports whether m served the whole year.
func coversYear(m model.CommitteeMember, y model.HMSYear) bool {
	return !m.From.After(y.Start()) && (m.To.IsZero() || !m.To.Before(y.End()))
}

// signatureRoles are the three who sign, with the name of whoever holds
// the role at the end of the year (or today, if earlier).
func signatureRoles(in *model.AnnualData) []string {
	on := in.Year.End()
	if in.Today.Before(on) {
		on = in.Today
	}
	active := model.ActiveMembers(in.Members, on)
	var out []string
	for _, r := range []model.Role{model.RoleLeder, model.RoleVerneombud, model.RoleTillitsvalgt} {
		label := r.Short()
		for _, m := range active {
			if m.Role == r {
				label += " – " + strings.TrimSpace(m.Name)
				break
			}
		}
		out = append(out, label)
	}
	return out
}

// statusFill is the summary's status cell fill; the cell also holds the
// word, so colour is never the only signal.
func statusFill(s model.SummaryStatus) Color {
	switch s {
	case model.SummaryOK:
		return ColorGreenFill
	case model.SummaryAttend:
		return ColorYellowFill
	case model.SummaryMissing:
		return ColorRedFill
	}
	return Color{}
}

// SummaryRow is one line of the summary's key figures as printed.
type SummaryRow struct {
	Area, Figures, Status, Comment string
}

// AnnualSummaryRows returns the summary page's rows: model.AnnualSummary
// in words. The status rules live in the model, so the report, the
// submission and the screen give the same verdict.
func AnnualSummaryRows(f model.AnnualFigures) []SummaryRow {
	var rows []SummaryRow
	for _, l := range model.AnnualSummary(f) {
		rows = append(rows, SummaryRow{Area: l.Area, Figures: l.Figures, Status: l.Status.Label(), Comment: l.Comment()})
	}
	return rows
}

// annualSummary writes the key figures table and the checklist in short.
func (d *Document) annualSummary(in *model.AnnualData, f *model.AnnualFigures) {
	d.Paragraph(fmt.Sprintf("Nøkkeltall for %s. Det som er gjennomført, teller når det er datert i %s (til og med %s); "+
		"status for tiltak og avvik er per %s. «%s» betyr at noe må følges opp, «%s» at kravet ikke er dokumentert.",
		in.Year, in.Year, in.Year.StateDate(in.Today), in.Today, model.SummaryAttend.Label(), model.SummaryMissing.Label()))
	if note := model.StartNote(*f); note != "" {
		d.Paragraph(note)
	}
	t := Table{Columns: []Column{{Title: "Område", Width: 30}, {Title: "Nøkkeltall", Width: 82},
		{Title: "Status", Width: 22}, {Title: "Merknad", Width: 40}}}
	for _, l := range model.AnnualSummary(*f) {
		t.Rows = append(t.Rows, []string{l.Area, l.Figures, l.Status.Label(), orDash(l.Comment())})
		t.Styles = append(t.Styles, RowStyle{CellFills: []Color{2: statusFill(l.Status)}})
	}
	d.Table(t)

	docd := 0
	var missing []string
	for _, p := range model.InternalControlChecklist(*f) {
		if p.Documented() {
			docd++
		} else {
			missing = append(missing, fmt.Sprint(p.Point))
		}
	}
	line := fmt.Sprintf("Internkontrollforskriften § 5: %d av 8 punkter er dokumentert i rapporten.", docd)
	if len(missing) > 0 {
		line += " Mangler: punkt " + strings.Join(missing, ", ") + ". Se sjekklisten bakerst."
	}
	d.Paragraph(line)
}

// committeeSection lists the committee members who served in the year.
func (d *Document) committeeSection(in *model.AnnualData, _ *model.AnnualFigures) {
	d.Heading(1, "HMS-utvalget")
	members := model.MembersInYear(in.Members, in.Year)
	if len(members) == 0 {
		d.Note(fmt.Sprintf("Ingen utvalgsmedlemmer registrert for %s.", in.Year))
		return
	}
	d.Lead("Organisering av HMS-arbeidet: utvalgets medlemmer i året med rolle og periode.")
	t := Table{Columns: []Column{{Title: "Rolle", Width: 55}, {Title: "Navn", Width: 60}, {Title: "Periode", Width: 50}}}
	for _, m := range members {
		t.Rows = append(t.Rows, []string{orDash(m.Role.Label()), orDash(m.Name), orDash(m.Period())})
	}
	d.Table(t)
}
