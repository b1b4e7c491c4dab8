package reports

import (
	"fmt"
	"strings"

	"hmsutvalg/model"
)

// The committee's annual review in the annual report (model.AnnualReview):
// the laws and regulations that apply (internkontrollforskriften § 5
// point 1), the year's goals with their results (point 4), HMS training
// with the counts of occupational injuries and whistle-blowing cases, the
// committee's evaluation, and the cover line saying when the committee
// treated the report.

// TreatedLine is the cover's line on the committee's treatment of the
// report: date and case number, or that it is not yet treated, so a draft
// is recognisable.
func TreatedLine(f *model.AnnualFigures) string {
	r := f.Review
	if !r.Treated() {
		return "Behandlet i HMS-utvalget: ikke ennå – dette er et utkast."
	}
	line := fmt.Sprintf("Behandlet i HMS-utvalget %s, sak %s.", r.TreatedOn, r.CaseNumber)
	if f.Today.After(r.TreatedOn) {
		line += " " + laterEdition(f)
	}
	return line
}

// laterEdition warns that a report made after the committee treated it is
// not the edition it treated: the statuses are of a later date.
func laterEdition(f *model.AnnualFigures) string {
	return fmt.Sprintf("Denne utgaven er laget %s, etter behandlingen: status for tiltak og avvik er per %s "+
		"og kan avvike fra utgaven utvalget behandlet.", f.Today, f.Today)
}

// reviewFrontSections writes the laws and regulations and the year's
// goals, before the modules.
func (d *Document) reviewFrontSections(in *model.AnnualData, f *model.AnnualFigures) {
	d.regulationsSection(in, f)
	d.goalsSection(in, f)
}

func (d *Document) regulationsSection(in *model.AnnualData, f *model.AnnualFigures) {
	d.Heading(1, model.SectionRegulations)
	r := in.YearReview()
	if r == nil || len(r.Regulations) == 0 {
		d.Note(fmt.Sprintf("Ingen lover og forskrifter registrert for %s (internkontrollforskriften § 5 punkt 1).", in.Year))
		return
	}
	d.Lead("HMS-lover og -forskrifter som gjelder for enheten, og hvor de ansatte finner dem (internkontrollforskriften § 5 punkt 1).")
	t := Table{Columns: []Column{{Title: "Lov eller forskrift", Width: 110}, {Title: "Hvor de ansatte finner den", Width: 65}}}
	for _, g := range r.Regulations {
		t.Rows = append(t.Rows, []string{g.Name, orDash(g.Where)})
	}
	d.Table(t)
	if c := f.Review.RegulationsConfirmed; !c.IsZero() {
		d.Paragraph(fmt.Sprintf("Listen er bekreftet av HMS-utvalget %s for %s.", c, in.Year))
	} else {
		d.Note(fmt.Sprintf("Listen er ikke bekreftet av HMS-utvalget for %s.", in.Year))
	}
}

func (d *Document) goalsSection(in *model.AnnualData, f *model.AnnualFigures) {
	d.Heading(1, model.SectionGoals)
	goals := f.Review.Goals
	if len(goals) == 0 {
		d.Note(fmt.Sprintf("Ingen mål for HMS-arbeidet registrert for %s (internkontrollforskriften § 5 punkt 4, arbeidsmiljøloven § 3-1 (2) a).", in.Year))
		return
	}
	n := f.Review.Results()
	d.Lead(fmt.Sprintf("Mål for HMS-arbeidet i %s (internkontrollforskriften § 5 punkt 4, arbeidsmiljøloven § 3-1 (2) a): "+
		"%d nådd, %d delvis nådd, %d ikke nådd, %d ikke vurdert.", in.Year,
		n[model.GoalReached], n[model.GoalPartly], n[model.GoalNotReached], n[model.GoalNotAssessed]))
	t := Table{Columns: []Column{{Title: "Mål", Width: 50}, {Title: "Hvordan det måles", Width: 45},
		{Title: "Resultat", Width: 24}, {Title: "Kommentar", Width: 56}}}
	for _, g := range goals {
		comment := g.Comment
		if g.Basis != "" {
			comment = strings.TrimSpace(upperFirst(g.Basis) + ". " + comment)
		}
		t.Rows = append(t.Rows, []string{g.Text, orDash(g.MeasuredBy), g.Result.Label(), orDash(comment)})
		t.Styles = append(t.Styles, RowStyle{CellFills: []Color{2: goalFill(g.Result)}})
	}
	d.Table(t)
}

// goalFill colours the result cell; the word is always in it.
func goalFill(r model.GoalResult) Color {
	switch r {
	case model.GoalReached:
		return ColorGreenFill
	case model.GoalPartly:
		return ColorYellowFill
	case model.GoalNotReached:
		return ColorRedFill
	}
	return Color{}
}

// trainingSection writes the HMS courses held in the year and the year's
// counts of occupational injuries and whistle-blowing cases.
func (d *Document) trainingSection(in *model.AnnualData, f *model.AnnualFigures) {
	d.Heading(1, model.SectionTraining)
	rf := f.Review
	d.Paragraph("Yrkesskader er skader meldt til NAV som yrkesskade; varslingssaker er varsler om kritikkverdige forhold " +
		"etter arbeidsmiljøloven kapittel 2 A. Bare antall, uten navn eller helseopplysninger.")
	injuries := countOrUnknown(rf.OccupationalInjuries)
	if note := f.InjuryReportNote(); note != "" {
		injuries += "\n" + note // in the cell, so a page break cannot part them
	}
	d.KeyValues([][2]string{
		{"Yrkesskader meldt i " + in.Year.String(), injuries},
		{"Varslingssaker i " + in.Year.String(), countOrUnknown(rf.Whistleblowing)},
	})
	courses := in.ReviewCourses()
	if len(courses) == 0 {
		d.Note(fmt.Sprintf("Ingen opplæring i HMS registrert for %s.", in.Year))
	} else {
		d.Lead(fmt.Sprintf("Opplæring i HMS holdt i %s: %d kurs med til sammen %s deltakere (antall, ikke navn).",
			in.Year, rf.Courses, model.FormatInt(rf.Participants)))
		t := Table{Columns: []Column{{Title: "Kurs", Width: 120}, {Title: "Dato", Width: 25, Align: AlignCenter},
			{Title: "Deltakere", Width: 30, Align: AlignRight}}}
		for _, c := range courses {
			t.Rows = append(t.Rows, []string{c.Course, c.Date.String(), model.FormatInt(c.Participants)})
		}
		d.Table(t)
	}
	if f.Violence != nil {
		d.Paragraph(violenceTrainingPointer(f, in.Year))
	}
}

// violenceTrainingPointer says where the training about violence and
// threats is counted, and that the courses above about it
// (HMSCourse.AboutViolence) are among those counted there.
func violenceTrainingPointer(f *model.AnnualFigures, year model.HMSYear) string {
	total := fmt.Sprintf("%d %s i %s", f.ViolenceTrainings, plural(f.ViolenceTrainings, "opplæring eller øvelse", "opplæringer og øvelser"), year)
	n := f.Review.ViolenceCourses
	if n == 0 {
		return "Opplæring og øvelser om vold og trusler står under Vold og trusler (" + total + ")."
	}
	return fmt.Sprintf("%d av kursene over er om vold og trusler og telles også under Vold og trusler, som opplæring etter %s. "+
		"Der står %s i alt.", n, model.DutyTraining.Paragraphs(), total)
}

// countOrUnknown prints a recorded count, or that it is not recorded.
func countOrUnknown(n *int) string {
	if n == nil {
		return "ikke registrert"
	}
	return model.FormatInt(*n)
}

// evaluationSection writes the committee's evaluation of the year and the
// leader's and the verneombud's comments.
func (d *Document) evaluationSection(in *model.AnnualData, _ *model.AnnualFigures) {
	d.Heading(1, model.SectionEvaluation)
	r := in.YearReview()
	if r == nil || (r.Evaluation == "" && r.LeaderComment == "" && r.SafetyRepComment == "") {
		d.Note(fmt.Sprintf("Utvalget har ikke skrevet noen evaluering av %s.", in.Year))
		return
	}
	if r.Evaluation != "" {
		d.Paragraph(r.Evaluation)
	} else {
		d.Note("Utvalget har ikke skrevet noen felles evaluering.")
	}
	var kv [][2]string
	if r.LeaderComment != "" {
		kv = append(kv, [2]string{"Kommentar fra leder", r.LeaderComment})
	}
	if r.SafetyRepComment != "" {
		kv = append(kv, [2]string{"Kommentar fra verneombud", r.SafetyRepComment})
	}
	d.KeyValues(kv)
}

// upperFirst capitalises the first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
