package reports

import (
	"fmt"
	"strings"

	"hmsutvalg/model"
)

// annualSection writes one module's part of the annual report. It gets
// the data and the figures computed once for the whole report.
type annualSection func(d *Document, in *model.AnnualData, f *model.AnnualFigures)

// annualSections maps each module of model.AnnualModules to the section
// that prints it. A module without an entry here (not built yet) gets its
// heading and one line saying it has no data. Adding a module's section
// is one line in this map.
var annualSections = map[string]annualSection{
	model.ModuleUtvalg: (*Document).committeeSection,
	model.ModuleRisiko: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.RiskSection(RiskSectionInput{Assessments: in.Assessments, Items: in.RiskItems, Year: in.Year, Today: in.Today, Matrix: in.Matrix})
	},
	model.ModuleHandlingsplan: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.ActionPlanSection(ActionPlanInput{Unit: in.Unit, Measures: in.Measures, Today: in.Today}, in.Year)
	},
	model.ModuleVold: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		v := in.ViolenceInput()
		d.ViolenceSection(ViolenceInput{Unit: in.Unit, Mapping: v.Mapping, Routines: v.Routines, Trainings: v.Trainings,
			Measures: v.Measures, Incidents: v.Incidents, Matrix: in.Matrix, Today: in.Today, Year: in.Year}, in.Year)
	},
	model.ModuleTiFaktor: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.TenFactorSection(TenFactorSectionInput{Rounds: in.SurveyRounds, Measures: in.Measures, Year: in.Year, Today: in.Today})
	},
	model.ModuleSykefravar: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.SickLeaveSection(SickLeaveSectionInput{Quarters: in.SickLeave, Settings: in.SickLeaveSettings, Measures: in.Measures, Year: in.Year})
	},
	model.ModuleVernerunder: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.SafetyRoundSection(SafetyRoundSectionInput{Rounds: in.SafetyRounds, Measures: in.Measures, Year: in.Year, Today: in.Today})
	},
	model.ModuleMoter: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.MeetingsSection(in.Meetings, in.Year, in.Today)
	},
	model.ModuleAvvik: func(d *Document, in *model.AnnualData, _ *model.AnnualFigures) {
		d.DeviationSection(DeviationSectionInput{Deviations: in.Deviations, Year: in.Year, Today: in.Today})
	},
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
	f := model.ComputeAnnualFigures(in)
	return annualReport(&in, &f, opts)
}

func annualReport(in *model.AnnualData, f *model.AnnualFigures, opts Options) *Document {
	title := AnnualReportTitle(in.Year)
	opts = withDefaults(opts, title,
		"Internkontroll etter internkontrollforskriften § 5 og arbeidsmiljøloven § 3-1 for "+in.Year.String(),
		"HMS, internkontroll, årsrapport, HMS-utvalg, "+in.Year.String(), in.Unit)
	d := New(opts)
	d.annualCover(in, f)

	d.Heading(1, "Sammendrag")
	d.annualSummary(in, f)

	d.PageBreak()
	for _, st := range f.Modules {
		if write, ok := annualSections[st.ID]; ok && st.InUse {
			write(d, in, f)
			continue
		}
		d.Heading(1, st.Title)
		d.Note(fmt.Sprintf("Ingen data: modulen %s er ikke tatt i bruk for %s.", st.Title, in.Year))
	}

	d.PageBreakIfLessThan(80) // the heading, the intro and a few rows
	d.checklistSection(f)

	// The heading, two lines of text and the lines to sign on one page.
	d.PageBreakIfLessThan(30 + signaturesHeight(len(signatureRoles(in))))
	d.Heading(1, "Underskrifter")
	d.Paragraph(fmt.Sprintf("Rapporten er gjennomgått i HMS-utvalget og sendes inn i januar %d. "+
		"Den legges fram for arbeidsmiljøutvalget i mars.", int(in.Year)+1))
	d.signatures(signatureRoles(in))
	return d
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
	lines = append(lines, "HMS-år "+in.Year.String()+" (01.01.–31.12.)", "")
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

// statusOK and friends are the words of the summary's status column; the
// fill repeats them, so colour is never the only signal.
const (
	statusOK      = "I orden"
	statusAttend  = "Følg opp"
	statusMissing = "Mangler"
	statusNoData  = "Ingen data"
)

func statusFill(s string) Color {
	switch s {
	case statusOK:
		return ColorGreenFill
	case statusAttend:
		return ColorYellowFill
	case statusMissing:
		return ColorRedFill
	}
	return Color{}
}

// SummaryRow is one line of the summary's key figures.
type SummaryRow struct {
	Area, Figures, Status, Comment string
}

// AnnualSummaryRows returns the summary page's key figures with their
// status, one row per module, from the figures.
func AnnualSummaryRows(f model.AnnualFigures) []SummaryRow {
	var rows []SummaryRow
	for _, st := range f.Modules {
		r := SummaryRow{Area: st.Title}
		switch {
		case st.ID == model.ModuleUtvalg:
			var roles []string
			for _, ro := range f.Committee.Roles {
				roles = append(roles, ro.Short())
			}
			r.Figures = "Roller: " + orDash(strings.Join(roles, ", "))
			var miss []string
			for _, ro := range []model.Role{model.RoleLeder, model.RoleVerneombud, model.RoleTillitsvalgt} {
				if !f.Committee.Has(ro) {
					miss = append(miss, strings.ToLower(ro.Short()))
				}
			}
			r.Status = statusOK
			if len(miss) > 0 {
				r.Status, r.Comment = statusMissing, "Mangler "+strings.Join(miss, " og ")
			}
		case st.ID == model.ModuleHandlingsplan && st.InUse:
			s := f.Plan.Summary
			r.Figures = fmt.Sprintf("%d tiltak: %d åpne, %d forfalt, %d lukket i året, %d evaluert",
				s.Total, s.Open, s.Overdue, f.Plan.Closed, f.Plan.Evaluated)
			switch {
			case s.Total == 0:
				r.Status = statusNoData
			case s.Overdue > 0:
				r.Status, r.Comment = statusAttend, fmt.Sprintf("%d %s over fristen", s.Overdue, plural(s.Overdue, "tiltak", "tiltak"))
			default:
				r.Status = statusOK
			}
		case st.ID == model.ModuleRisiko && st.InUse:
			rk := f.Risk
			r.Figures = fmt.Sprintf("%d %s, %d %s. Før tiltak: høy %d, middels %d, lav %d. Etter tiltak: høy %d, middels %d, lav %d",
				rk.Assessments, plural(rk.Assessments, "vurdering", "vurderinger"), rk.Items, plural(rk.Items, "fare", "farer"),
				rk.Before[model.RiskHigh], rk.Before[model.RiskMedium], rk.Before[model.RiskLow],
				rk.After[model.RiskHigh], rk.After[model.RiskMedium], rk.After[model.RiskLow])
			switch {
			case rk.Assessments == 0:
				r.Status, r.Comment = statusMissing, "Ingen risikovurdering for året"
			case rk.ReviewOverdue > 0:
				r.Status, r.Comment = statusAttend, fmt.Sprintf("Revisjon forfalt for %d", rk.ReviewOverdue)
			case rk.After[model.RiskHigh] > 0:
				r.Status, r.Comment = statusAttend, fmt.Sprintf("%d %s høy risiko etter tiltak", rk.After[model.RiskHigh], plural(rk.After[model.RiskHigh], "fare har", "farer har"))
			default:
				r.Status = statusOK
			}
		case st.ID == model.ModuleAvvik && st.InUse:
			dv := f.Deviations
			r.Figures = fmt.Sprintf("%d avvik, %d åpne", dv.Total, dv.Open)
			var cats []string
			for _, c := range model.DeviationCategories() {
				if n := dv.ByCategory[c]; n > 0 {
					cats = append(cats, fmt.Sprintf("%s %d", c.Label(), n))
				}
			}
			if len(cats) > 0 {
				r.Figures += ". " + strings.Join(cats, ", ")
			}
			r.Status = statusOK
			if dv.NoticeOutstanding > 0 {
				r.Status, r.Comment = statusAttend, fmt.Sprintf("Varsel til Arbeidstilsynet mangler for %d", dv.NoticeOutstanding)
			}
		case st.ID == model.ModuleSykefravar && st.InUse && st.HasData:
			sl := f.SickLeave
			r.Figures = "Snitt " + sl.Average.String()
			if sl.Settings.Target != 0 {
				r.Figures += ", mål " + sl.Settings.Target.String()
			}
			r.Status = statusOK
			if len(sl.Alerts) > 0 {
				var msgs []string
				for _, a := range sl.Alerts {
					msgs = append(msgs, a.Rule.Label())
				}
				r.Status, r.Comment = statusAttend, strings.Join(msgs, "; ")
			} else if sl.HasAverage && sl.Settings.AverageAboveTarget(sl.Average) {
				r.Status, r.Comment = statusAttend, "Over målet"
			}
		case st.ID == model.ModuleVold && st.InUse:
			r.Figures = fmt.Sprintf("Opplæringer i året: %d", f.ViolenceTrainings)
			r.Status = statusOK
			var miss []string
			for _, ds := range f.Violence {
				if ds.State != model.DutyOK {
					miss = append(miss, strings.ToLower(ds.Duty.Label())+": "+strings.ToLower(ds.State.Label()))
				}
			}
			if !f.ViolenceMapped() {
				r.Status = statusMissing
			} else if len(miss) > 0 {
				r.Status = statusAttend
			}
			r.Comment = strings.Join(miss, "; ")
		case st.ID == model.ModuleTiFaktor && st.InUse && st.HasData:
			r.Figures = fmt.Sprintf("%s: %d svar", f.Survey.Label(), f.Survey.Respondents)
			var focus []string
			for _, fa := range f.Survey.Focus {
				focus = append(focus, fa.Factor.Label()+" ("+strings.ToLower(fa.Kind.Label())+")")
			}
			r.Status = statusOK
			if len(focus) > 0 {
				r.Figures += ". Fokus: " + strings.Join(focus, ", ")
			} else {
				r.Status, r.Comment = statusAttend, "Ingen fokusområder valgt"
			}
		case st.ID == model.ModuleVernerunder && st.InUse:
			r.Figures = fmt.Sprintf("%d %s i året", f.SafetyRoundsHeld, plural(f.SafetyRoundsHeld, "vernerunde", "vernerunder"))
			r.Status = statusOK
			if f.SafetyRoundsHeld == 0 {
				r.Status = statusMissing
			}
		case st.ID == model.ModuleMoter && st.InUse:
			r.Figures = fmt.Sprintf("%d %s holdt i året", f.MeetingsHeld, plural(f.MeetingsHeld, "møte", "møter"))
			r.Status = statusOK
			if model.TooFewMeetings(f.MeetingsHeld) {
				r.Status, r.Comment = statusAttend, fmt.Sprintf("Færre enn %d møter", model.MinMeetingsPerYear)
			}
		default:
			r.Figures = "–"
			r.Status = statusNoData
			r.Comment = "Modulen er ikke tatt i bruk"
			if st.InUse {
				r.Comment = "Ingen registreringer i året"
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// annualSummary writes the key figures table and the checklist in short.
func (d *Document) annualSummary(in *model.AnnualData, f *model.AnnualFigures) {
	d.Paragraph(fmt.Sprintf("Nøkkeltall for %s med status per %s. Status «%s» betyr at noe bør følges opp, «%s» at kravet ikke er dokumentert.",
		in.Year, in.Today, statusAttend, statusMissing))
	rows := AnnualSummaryRows(*f)
	t := Table{Columns: []Column{{Title: "Område", Width: 30}, {Title: "Nøkkeltall", Width: 82},
		{Title: "Status", Width: 22}, {Title: "Merknad", Width: 40}}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Area, r.Figures, r.Status, orDash(r.Comment)})
		t.Styles = append(t.Styles, RowStyle{CellFills: []Color{2: statusFill(r.Status)}})
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
	d.Paragraph("Organisering av HMS-arbeidet: utvalgets medlemmer i året med rolle og periode.")
	t := Table{Columns: []Column{{Title: "Rolle", Width: 55}, {Title: "Navn", Width: 60}, {Title: "Periode", Width: 50}}}
	for _, m := range members {
		t.Rows = append(t.Rows, []string{orDash(m.Role.Label()), orDash(m.Name), orDash(m.Period())})
	}
	d.Table(t)
}
