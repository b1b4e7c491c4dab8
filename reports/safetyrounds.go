package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// SafetyRoundInput is one safety round with what its report needs.
type SafetyRoundInput struct {
	Unit  model.Unit
	Round model.SafetyRound
	// Previous is the previous completed round, whose measures the
	// pre-meeting followed up; nil if there is none.
	Previous *model.SafetyRound
	// Measures are all measures of the action plan; the report prints
	// those made from this round's findings and the previous round's.
	Measures []model.Measure
	Today    model.Date
	// Photos are the findings' photos, captioned (FindingPhotoCaption).
	Photos []Photo
}

// SafetyRoundSectionInput is what the annual report's safety-round section
// covers.
type SafetyRoundSectionInput struct {
	Rounds   []model.SafetyRound
	Measures []model.Measure
	Year     model.HMSYear
	Today    model.Date
	Photos   []Photo // of the year's findings
	// Overdue is the summary's «tiltak over fristen» for the module,
	// split by whether the measures came from the table's rounds.
	Overdue model.MeasuresOverdue
}

// answerFill marks a finding's answer cell; the word is always printed.
var answerFill = Color{0xfb, 0xe3, 0xb8}

// SafetyRoundReport returns one round as a printout in A4 portrait: the
// round's details and participants, the status of the previous round's
// measures, a summary, every answer by section, the findings with their
// measures, the closing meeting's summary and signature lines. A round in
// progress is marked as such.
func SafetyRoundReport(in SafetyRoundInput, opts Options) *Document {
	r := in.Round
	title := "Vernerunde " + r.Date.String()
	if t := strings.TrimSpace(r.Title); t != "" {
		title = t
	}
	opts = withDefaults(opts, title, "Vernerunde", "HMS, vernerunde", in.Unit)
	d := New(opts)
	remark := ""
	if !r.Locked() {
		remark = "Utkast: vernerunden er ikke fullført. " + r.ProgressText() + "."
	}
	d.titleBlock(title, []string{unitLine(in.Unit)}, remark)
	d.roundDetails(r)
	d.roundPreMeeting(in)
	d.roundInspection(r)
	d.roundFindings(in)
	if len(in.Photos) > 0 {
		d.Heading(3, "Bilder fra funnene")
		d.Photos(in.Photos)
	}

	d.Heading(2, "Avslutningsmøte")
	if s := strings.TrimSpace(r.ClosingNotes); s != "" {
		d.Paragraph(s)
	} else {
		d.Note("Ingen oppsummering registrert.")
	}
	d.Heading(2, "Underskrifter")
	d.signatures([]string{"Leder", "Verneombud"})
	return d
}

// roundDetails: date, checklist, status, areas and participants.
func (d *Document) roundDetails(r model.SafetyRound) {
	status := r.Status.Label()
	if r.Locked() {
		status += " og låst " + r.CompletedDate().String()
	}
	var people []string
	for _, p := range r.Participants {
		people = append(people, p.String())
	}
	d.KeyValues([][2]string{
		{"Dato", orDash(r.Date.String())},
		{"Sjekkliste", orDash(r.TemplateName)},
		{"Status", orDash(status)},
		{"Områder", orDash(strings.Join(r.Areas, ", "))},
		{"Deltakere", orDash(strings.Join(people, ", "))},
	})
}

// roundPreMeeting: the status of the previous round's measures and the
// pre-meeting's notes.
func (d *Document) roundPreMeeting(in SafetyRoundInput) {
	d.Heading(2, "Formøte")
	if in.Previous == nil {
		d.Paragraph("Ingen tidligere fullført vernerunde.")
	} else {
		prev := model.RoundMeasures(in.Measures, in.Previous.ID)
		d.Paragraph(fmt.Sprintf("Status på tiltak fra forrige vernerunde (%s) per %s: %d tiltak.", in.Previous.Date, in.Today, len(prev)))
		if len(prev) > 0 {
			d.roundMeasureTable(prev, in.Today)
		}
	}
	if s := strings.TrimSpace(in.Round.PreMeetingNotes); s != "" {
		d.KeyValues([][2]string{{"Notater", s}})
	}
}

// roundInspection: the count of answers, then every answer by section,
// a finding's answer marked.
func (d *Document) roundInspection(r model.SafetyRound) {
	d.Heading(2, "Befaring")
	answered, total := r.Progress()
	counts := map[model.Answer]int{}
	for _, a := range r.Answers {
		counts[a.Answer]++
	}
	d.KeyValues([][2]string{
		{"Besvart", fmt.Sprintf("%d av %d", answered, total)},
		{"OK", strconv.Itoa(counts[model.AnswerOK])},
		{"Må forbedres", strconv.Itoa(counts[model.AnswerImprove])},
		{"Ikke relevant", strconv.Itoa(counts[model.AnswerNotRelevant])},
	})
	n := 0
	for _, sec := range r.Sections {
		var rows [][]string
		var styles []RowStyle
		for _, q := range sec.Questions {
			n++
			a := r.AnswerFor(n)
			word := a.Answer.Label()
			if word == "" {
				word = "Ikke besvart"
			}
			rows = append(rows, []string{strconv.Itoa(n), q.Text, word, a.Comment})
			st := RowStyle{}
			if a.Answer == model.AnswerImprove {
				st.CellFills = []Color{2: answerFill}
				st.Bold = true
			}
			styles = append(styles, st)
		}
		d.Heading(3, sec.Title)
		d.Table(Table{Columns: []Column{{Title: "Nr.", Width: 10, Align: AlignRight}, {Title: "Spørsmål", Width: 80},
			{Title: "Svar", Width: 28}, {Title: "Kommentar", Width: 62}}, Rows: rows, Styles: styles})
	}
}

// roundFindings: each finding with the measures and deviations made from
// it.
func (d *Document) roundFindings(in SafetyRoundInput) {
	d.Heading(2, "Funn og tiltak")
	fs := in.Round.Findings()
	if len(fs) == 0 {
		d.Note("Ingen funn: ingen spørsmål er besvart «Må forbedres».")
		return
	}
	byID := map[uint64]model.Measure{}
	for _, m := range in.Measures {
		byID[m.ID] = m
	}
	var rows [][]string
	for _, f := range fs {
		rows = append(rows, []string{strconv.Itoa(f.Question.Number), f.Question.Text + "\n" + f.Answer.Comment,
			strings.Join(findingFollowUp(f.Answer, byID, in.Today), "\n")})
	}
	d.Table(Table{Columns: []Column{{Title: "Nr.", Width: 10, Align: AlignRight}, {Title: "Funn", Width: 85}, {Title: "Tiltak", Width: 85}}, Rows: rows})
}

// findingFollowUp is a line for each measure (byID: the action plan's) and
// deviation made from a finding's answer, or that there is none.
func findingFollowUp(a model.RoundAnswer, byID map[uint64]model.Measure, today model.Date) []string {
	var lines []string
	for _, id := range a.MeasureIDs {
		m, ok := byID[id]
		if !ok {
			lines = append(lines, fmt.Sprintf("Tiltak %d (slettet fra handlingsplanen)", id))
			continue
		}
		line := fmt.Sprintf("%s – %s, %s, frist %s", m.Title, strings.ToLower(m.Status.Label()), m.Responsible, m.Deadline)
		if m.Overdue(today) {
			line += " (forfalt)"
		}
		lines = append(lines, line)
	}
	for _, id := range a.DeviationIDs {
		lines = append(lines, fmt.Sprintf("Registrert som avvik nr. %d", id))
	}
	if len(lines) == 0 {
		lines = []string{"Ingen tiltak registrert"}
	}
	return lines
}

// roundMeasureTable lists measures with status, responsible and deadline;
// an overdue deadline is said in words.
func (d *Document) roundMeasureTable(ms []model.Measure, today model.Date) {
	var rows [][]string
	var styles []RowStyle
	for _, m := range ms {
		deadline := orDash(m.Deadline.String())
		st := RowStyle{}
		if m.Overdue(today) {
			deadline += "\nForfalt"
			st.CellFills = []Color{3: overdueFill}
		}
		rows = append(rows, []string{m.Title, orDash(m.Status.Label()), orDash(m.Responsible), deadline})
		styles = append(styles, st)
	}
	d.Table(Table{Columns: []Column{{Title: "Tiltak", Width: 80}, {Title: "Status", Width: 28}, {Title: "Ansvarlig", Width: 42}, {Title: "Frist", Width: 30}},
		Rows: rows, Styles: styles})
}

// roundOverdueNote ties the section to the summary's «tiltak over
// fristen»: the summary counts every overdue measure from safety rounds in
// the year's action plan, the table only the year's rounds.
func (d *Document) roundOverdueNote(in SafetyRoundSectionInput) {
	d.overdueNote(in.Today, in.Year, in.Overdue, overdueWords{
		from: "fra vernerunder", shown: "fra rundene i tabellen",
		earlier: "fra vernerunder før %s", other: "fra andre vernerunder som ikke er med i tabellen"})
}

// SafetyRoundSection writes the safety-round part of the annual
// internal-control report: the heading "Vernerunder", the rounds held in
// the year with findings and measures, and how many of those measures
// are still open. With no rounds in the year it says so in one line.
func (d *Document) SafetyRoundSection(in SafetyRoundSectionInput) {
	d.roundYearSection(roundsForYear(measureNow(d), in))
}

// roundYear is the safety-round section of a year worked out from the
// rounds and the measures, its table measured, before anything is drawn
// (the annual report works it out ahead, annual.go).
type roundYear struct {
	in    SafetyRoundSectionInput
	n     int    // rounds in the table
	lead  string // what the table sums up
	table func(d *Document) preparedTable
}

// roundsForYear picks the rounds of the year, held and unfinished by the
// model's rules as the summary counts them, sums them up and has q
// measure their table.
func roundsForYear(q *measurer, in SafetyRoundSectionInput) roundYear {
	var rs []model.SafetyRound
	held := 0
	for _, r := range in.Rounds {
		if model.SafetyRoundInYear(r, in.Year, in.Today) {
			rs = append(rs, r)
		}
		if model.SafetyRoundHeldIn(r, in.Year, in.Today) {
			held++
		}
	}
	y := roundYear{in: in, n: len(rs)}
	if y.n == 0 {
		return y
	}
	slices.SortStableFunc(rs, func(a, b model.SafetyRound) int { return a.Date.Compare(b.Date) })
	rows, all, unf := roundRows(rs, in)
	text := fmt.Sprintf("%d %s holdt og fullført i %s", held, plural(held, "vernerunde", "vernerunder"), in.Year)
	if n := len(rs) - held; n > 0 {
		text += fmt.Sprintf(", %d påbegynt og ikke fullført (telles ikke som holdt)", n)
	}
	y.lead = fmt.Sprintf("%s, med %s og %s.", text, unf.share(all.findings, unf.findings, "funn"),
		unf.share(all.measures, unf.measures, "tiltak")+stillOpen(all.measures, all.open, in.Today))
	y.table = q.table(Table{Columns: []Column{{Title: "Dato", Width: 22}, {Title: "Områder", Width: 62}, {Title: "Status", Width: 40},
		{Title: "Funn", Width: 16, Align: AlignRight}, {Title: "Tiltak", Width: 18, Align: AlignRight}, {Title: "Åpne", Width: 16, Align: AlignRight}},
		Rows: rows})
	return y
}

// roundRows is the table's row of each round, with the totals of all
// rounds and of those not completed (which the totals include).
func roundRows(rs []model.SafetyRound, in SafetyRoundSectionInput) (rows [][]string, all, unf roundCounts) {
	byRound := model.MeasuresByRound(in.Measures) // one pass, not one per round
	for _, r := range rs {
		ms := byRound[r.ID]
		o := 0
		for _, m := range ms {
			if m.Open() {
				o++
			}
		}
		f := len(r.Findings())
		all.findings += f
		all.measures += len(ms)
		all.open += o
		if !model.SafetyRoundHeldIn(r, in.Year, in.Today) {
			unf.rounds++
			unf.findings += f
			unf.measures += len(ms)
		}
		status := r.Status.Label()
		if r.Locked() {
			status += " " + r.CompletedDate().String()
		} else {
			status += " (" + r.ProgressText() + ")"
		}
		rows = append(rows, []string{r.Date.String(), orDash(strings.Join(r.Areas, ", ")), status, strconv.Itoa(f), strconv.Itoa(len(ms)), strconv.Itoa(o)})
	}
	return rows, all, unf
}

// roundYearSection draws the safety-round section y.
func (d *Document) roundYearSection(y roundYear) {
	if !d.begin() {
		return
	}
	in := y.in
	d.Heading(1, "Vernerunder")
	if y.n == 0 {
		d.Note(fmt.Sprintf("Ingen vernerunder registrert for %s.", in.Year))
		d.roundOverdueNote(in)
		return
	}
	d.Lead(y.lead)
	d.drawTable(y.table(d))
	d.roundOverdueNote(in)
	if len(in.Photos) > 0 {
		d.Heading(2, "Bilder fra funnene")
		d.Photos(in.Photos)
	}
}

// stillOpen says how many of the measures are open on today, after «og
// M tiltak»: «; 2 av dem er fortsatt åpne per 05.12.2026», «; ingen av
// dem er åpne per …», nothing when there are no measures.
func stillOpen(measures, open int, today model.Date) string {
	switch {
	case measures == 0:
		return ""
	case measures == 1 && open == 1:
		return "; det er fortsatt åpent per " + today.String()
	case measures == 1:
		return "; det er lukket per " + today.String()
	case open == 0:
		return "; ingen av dem er åpne per " + today.String()
	}
	return fmt.Sprintf("; %d av dem er fortsatt %s per %s", open, plural(open, "åpent", "åpne"), today)
}

// roundCounts are rounds in the safety-round table (all, or those not
// completed), their findings and measures, and how many of those are
// open (counted for all only).
type roundCounts struct{ rounds, findings, measures, open int }

// share is «6 funn», or «6 funn (3 av dem fra runden som ikke er
// fullført)» when part of the total comes from rounds not completed, so
// the lead does not seem to count them as held.
func (u roundCounts) share(total, part int, noun string) string {
	s := fmt.Sprintf("%d %s", total, noun)
	if total == 0 {
		return "ingen " + noun
	}
	if part == 0 {
		return s
	}
	from := "fra runden som ikke er fullført"
	if u.rounds > 1 {
		from = "fra rundene som ikke er fullført"
	}
	switch {
	case total == 1:
		return fmt.Sprintf("%s (%s)", s, from)
	case part == total:
		return fmt.Sprintf("%s (alle %s)", s, from)
	}
	return fmt.Sprintf("%s (%d av dem %s)", s, part, from)
}
