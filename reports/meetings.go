package reports

import (
	"fmt"
	"strings"

	"hmsutvalg/model"
)

// MeetingInput is what the invitation and the minutes of a meeting print.
type MeetingInput struct {
	Unit     model.Unit
	Meeting  model.Meeting
	Measures []model.Measure // the action plan; the meeting's are picked out
	Today    model.Date
	// IncludeClosed prints closed items (lukket sak) in the minutes. Off by
	// default: minutes are shared, closed items are not. The minutes then
	// say how many were left out.
	IncludeClosed bool
}

// roleWord is a participant's role for a list, or "" when unknown.
func roleWord(p model.Participant) string {
	if s := p.Role.Short(); s != "" {
		return s
	}
	return ""
}

// participantList writes "Kari Nordmann (Leder), …", or "–".
func participantList(ps []model.Participant) string {
	var parts []string
	for _, p := range ps {
		s := p.Name
		if r := roleWord(p); r != "" {
			s += " (" + r + ")"
		}
		parts = append(parts, s)
	}
	return orDash(strings.Join(parts, ", "))
}

func meetingFacts(in MeetingInput) [][2]string {
	m := in.Meeting
	kv := [][2]string{
		{"Enhet", orDash(unitLine(in.Unit))},
		{"Dato", orDash(m.Date.LongString())},
		{"Tid", orDash(m.TimeText())},
		{"Sted", orDash(m.Place)},
	}
	return kv
}

// MeetingInvitation returns the invitation (innkalling) to a meeting: when
// and where, who is invited, and the agenda with item numbers. Closed
// items are listed by title as "Lukket sak" only, since the invitation is
// shared too.
func MeetingInvitation(in MeetingInput, opts Options) *Document {
	m := in.Meeting
	opts = withDefaults(opts, "Innkalling til møte i HMS-utvalget", "Innkalling "+m.Date.String(),
		"HMS-utvalg, innkalling, sakliste", in.Unit)
	d := New(opts)
	d.titleBlock("Innkalling til møte i HMS-utvalget", []string{unitLine(in.Unit), m.Date.LongString()}, "")
	d.KeyValues(append(meetingFacts(in)[1:], [2]string{"Innkalt", participantList(m.Participants)}))
	d.Heading(2, "Sakliste")
	if len(m.Agenda) == 0 {
		d.Note("Saklisten er tom.")
	} else {
		rows := make([][]string, 0, len(m.Agenda))
		for i, it := range m.Agenda {
			title := it.Title
			if it.Closed {
				title = "Lukket sak"
			}
			rows = append(rows, []string{fmt.Sprintf("%d/%s", i+1, shortYear(m.Date)), title})
		}
		d.Table(Table{Columns: []Column{{Title: "Sak", Width: 22}, {Title: "Tittel", Width: 150}}, Rows: rows})
	}
	d.Paragraph("Meld forfall til leder av utvalget så snart som mulig. Saker til eventuelt meldes før møtet.")
	return d
}

// shortYear is "26" for 2026, used in item numbers such as "3/26".
func shortYear(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d", d.Year()%100)
}

// MeetingMinutes returns the minutes (referat): who came and who did not,
// each item with notes and decisions, the measures made in the action
// plan, and signature lines. Closed items are left out unless
// IncludeClosed; the minutes then say how many were left out.
func MeetingMinutes(in MeetingInput, opts Options) *Document {
	m := in.Meeting
	opts = withDefaults(opts, "Referat fra møte i HMS-utvalget", "Referat "+m.Date.String(),
		"HMS-utvalg, referat, vedtak", in.Unit)
	d := New(opts)
	d.titleBlock("Referat fra møte i HMS-utvalget", []string{unitLine(in.Unit), m.Date.LongString()}, "")
	var came, away []model.Participant
	for _, p := range m.Participants {
		if p.Attended {
			came = append(came, p)
		} else {
			away = append(away, p)
		}
	}
	d.KeyValues(append(meetingFacts(in)[1:],
		[2]string{"Til stede", participantList(came)},
		[2]string{"Forfall", participantList(away)}))

	measures := map[uint64]model.Measure{}
	for _, x := range in.Measures {
		measures[x.ID] = x
	}
	omitted := 0
	var made []model.Measure
	for i, it := range m.Agenda {
		if it.Closed && !in.IncludeClosed {
			omitted++
			continue
		}
		title := fmt.Sprintf("Sak %d/%s %s", i+1, shortYear(m.Date), it.Title)
		if it.Closed {
			title += " (lukket sak)"
		}
		d.Heading(2, title)
		if strings.TrimSpace(it.Notes) != "" {
			d.Paragraph(it.Notes)
		}
		if len(it.Decisions) == 0 {
			if strings.TrimSpace(it.Notes) == "" {
				d.Note("Ingen merknader.")
			}
			continue
		}
		var lines []string
		for j, dec := range it.Decisions {
			line := fmt.Sprintf("Vedtak %d: %s", j+1, dec.Text)
			if ms, ok := measures[dec.MeasureID]; ok && dec.MeasureID != 0 {
				line += fmt.Sprintf(" → tiltak i handlingsplanen: «%s»", ms.Title)
				made = append(made, ms)
			}
			lines = append(lines, line)
		}
		d.Paragraph(strings.Join(lines, "\n"))
	}
	if omitted > 0 {
		word := "lukkede saker er"
		if omitted == 1 {
			word = "lukket sak er"
		}
		d.Note(fmt.Sprintf("%d %s ikke tatt med i dette referatet.", omitted, word))
	}
	d.Heading(2, "Tiltak i handlingsplanen fra dette møtet")
	if len(made) == 0 {
		d.Note("Ingen nye tiltak.")
	} else {
		rows := make([][]string, 0, len(made))
		for _, x := range made {
			rows = append(rows, []string{x.Title, x.Responsible, x.Deadline.String(), x.Status.Label()})
		}
		d.Table(Table{Columns: []Column{{Title: "Tiltak", Width: 90}, {Title: "Ansvarlig", Width: 40},
			{Title: "Frist", Width: 22}, {Title: "Status", Width: 22}}, Rows: rows})
	}
	d.Heading(2, "Godkjenning")
	d.signatures([]string{"Leder", "Verneombud", "Referent"})
	return d
}

// MeetingsSection writes the meetings' part of the annual report: the
// meetings held in year, with attendance, number of items and decisions,
// and the measures made from them. One line when there were none.
func (d *Document) MeetingsSection(meetings []model.Meeting, year model.HMSYear, today model.Date) {
	if !d.begin() {
		return
	}
	d.Heading(1, "Møter i HMS-utvalget")
	var held []model.Meeting
	for _, m := range meetings {
		if model.MeetingHeldIn(m, year, today) {
			held = append(held, m)
		}
	}
	if len(held) == 0 {
		d.Note(fmt.Sprintf("Ingen møter registrert i %s.", year))
		return
	}
	rows := make([][]string, 0, len(held))
	decisions, measures, closed := 0, 0, 0
	for _, m := range held {
		nd, nm := 0, 0
		for _, it := range m.Agenda {
			nd += len(it.Decisions)
			for _, dec := range it.Decisions {
				if dec.MeasureID != 0 {
					nm++
				}
			}
		}
		decisions += nd
		measures += nm
		closed += m.ClosedItems()
		rows = append(rows, []string{m.Date.String(), fmt.Sprintf("%d av %d", len(m.Attendees()), len(m.Participants)),
			fmt.Sprint(len(m.Agenda)), fmt.Sprint(nd), fmt.Sprint(nm)})
	}
	d.Lead(fmt.Sprintf("%s i %s, med %s og %s i handlingsplanen.", nWord(len(held), "møte", "møter"), year,
		nWord(decisions, "vedtak", "vedtak"), nWord(measures, "nytt tiltak", "nye tiltak")))
	d.Table(Table{Columns: []Column{{Title: "Dato", Width: 25}, {Title: "Til stede", Width: 25},
		{Title: "Saker", Width: 18, Align: AlignRight}, {Title: "Vedtak", Width: 18, Align: AlignRight},
		{Title: "Tiltak", Width: 18, Align: AlignRight}}, Rows: rows})
	if closed > 0 {
		d.Paragraph(fmt.Sprintf("%s ble behandlet som lukket sak og står ikke i referatene som deles.", nWord(closed, "sak", "saker")))
	}
}

// nWord is "1 møte" or "3 møter".
func nWord(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}
