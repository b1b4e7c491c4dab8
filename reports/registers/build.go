package registers

import (
	"slices"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// Options choose what Build puts in the tables.
type Options struct {
	// Year limits each register to the HMS year (by the record's date,
	// a measure by deadline, created or completed date); 0 = everything.
	Year model.HMSYear
	// Descriptions includes the free text that may be sensitive (what
	// happened, causes, notes, comments, decisions). Off by default.
	Descriptions bool
}

// Build returns the registers of d, in a fixed order: action plan,
// deviations, risk items, safety-round findings, trainings, meetings and
// decisions, sick-leave quarters. A module not in use gives an empty table.
func Build(d model.AnnualData, o Options) []Table {
	return []Table{
		measures(d.Measures, o),
		deviations(d.Deviations, o),
		riskItems(d.Assessments, d.RiskItems, o),
		findings(d.SafetyRounds, o),
		trainings(d.Violence.Trainings, o),
		meetings(d.Meetings, o),
		sickLeave(d.SickLeave, o),
	}
}

// in reports whether any of the dates is in the chosen year.
func (o Options) in(ds ...model.Date) bool {
	if o.Year == 0 {
		return true
	}
	for _, d := range ds {
		if o.Year.Contains(d) {
			return true
		}
	}
	return false
}

// withText appends the sensitive columns when descriptions are wanted.
func (o Options) withText(cols []Column, text ...Column) []Column {
	if !o.Descriptions {
		return cols
	}
	return append(cols, text...)
}

func (o Options) textCells(row []Cell, text ...string) []Cell {
	if !o.Descriptions {
		return row
	}
	for _, s := range text {
		row = append(row, txt(s))
	}
	return row
}

func ids(v []uint64) string {
	s := make([]string, len(v))
	for i, id := range v {
		s[i] = strconv.FormatUint(id, 10)
	}
	return strings.Join(s, ", ")
}

func offers(fs []model.FollowUpOffer) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = f.Label()
	}
	return strings.Join(s, ", ")
}

func measures(ms []model.Measure, o Options) Table {
	t := Table{Name: "handlingsplan", Sheet: "Handlingsplan", Columns: o.withText([]Column{
		{"Nr.", Int, 6}, {"Tiltak", Text, 40}, {"Kilde", Text, 24}, {"Prioritert område", Text, 22},
		{"Tema", Text, 18}, {"Ansvarlig", Text, 20}, {"Frist", Date, 12}, {"Opprinnelig frist", Date, 12},
		{"Status", Text, 14}, {"Fullført", Date, 12}, {"Evaluert", Date, 12}, {"Opprettet", Date, 12},
	}, Column{"Beskrivelse", Text, 50}, Column{"Evaluering", Text, 40}, Column{"Grunn til utsettelse", Text, 30},
		Column{"Grunn til avvisning", Text, 30})}
	for _, m := range ms {
		if !o.in(m.Deadline, m.Created, m.CompletedOn) {
			continue
		}
		row := []Cell{num(int(m.ID)), txt(m.Title), txt(m.Source.Label()), txt(m.PriorityArea.Label()),
			txt(m.Topic.Label()), txt(m.Responsible), date(m.Deadline), date(m.OriginalDeadline),
			txt(m.Status.Label()), date(m.CompletedOn), date(m.EvaluatedOn), date(m.Created)}
		t.Rows = append(t.Rows, o.textCells(row, m.Description, m.EvaluationNote, m.PostponeReason, m.RejectReason))
	}
	return t
}

func deviations(ds []model.Deviation, o Options) Table {
	t := Table{Name: "avvik", Sheet: "Avvik", Columns: o.withText([]Column{
		{"Nr.", Int, 6}, {"Dato", Date, 12}, {"Sted", Text, 20}, {"Kategori", Text, 26}, {"Type", Text, 18},
		{"Alvorlighet", Text, 14}, {"Personskade", Text, 18}, {"Status", Text, 14}, {"Lukket", Date, 12},
		{"Meldt i kommunens system", Text, 12}, {"Referanse", Text, 14}, {"Varslet myndighetene", Date, 12},
		{"Tiltak nr.", Text, 12}, {"Lukket av", Text, 20}, {"Type vold og trusler", Text, 16},
		{"Oppfølging tilbudt", Text, 30},
	}, Column{"Hva skjedde", Text, 50}, Column{"Strakstiltak", Text, 40}, Column{"Årsak", Text, 40})}
	for _, d := range ds {
		if !o.in(d.Date) {
			continue
		}
		row := []Cell{num(int(d.ID)), date(d.Date), txt(d.Place), txt(d.Category.Label()), txt(d.Type.Label()),
			txt(d.Severity.Label()), txt(d.PersonHarm.Label()), txt(d.Status.Label()), date(d.ClosedOn),
			yesNo(d.ReportedToMunicipal), txt(d.MunicipalRef), date(d.AuthoritiesNotifiedOn), txt(ids(d.MeasureIDs)),
			txt(d.ClosedBy), txt(d.ViolenceType.Label()), txt(offers(d.FollowUpOffered))}
		t.Rows = append(t.Rows, o.textCells(row, d.WhatHappened, d.ImmediateAction, d.Cause))
	}
	return t
}

func riskItems(as []model.RiskAssessment, items []model.RiskItem, o Options) Table {
	t := Table{Name: "risikoforhold", Sheet: "Risikoforhold", Columns: []Column{
		{"Vurdering", Text, 30}, {"Vurdert", Date, 12}, {"Farekilde", Text, 30}, {"Mulig uønsket hendelse", Text, 36},
		{"Kategori", Text, 18}, {"Hvem er utsatt", Text, 18}, {"Eksisterende tiltak", Text, 30},
		{"S", Int, 5}, {"K", Int, 5}, {"Risiko", Text, 10}, {"S etter tiltak", Int, 8}, {"K etter tiltak", Int, 8},
		{"Risiko etter tiltak", Text, 12}, {"Tiltak nr.", Text, 12},
	}}
	byID := map[uint64]model.RiskAssessment{}
	for _, a := range as {
		byID[a.ID] = a
	}
	for _, it := range items {
		a := byID[it.AssessmentID]
		if !o.in(a.Date) {
			continue
		}
		m := a.Matrix
		t.Rows = append(t.Rows, []Cell{txt(a.Title), date(a.Date), txt(it.Hazard), txt(it.Event), txt(it.Category.Label()),
			txt(it.Exposed), txt(it.ExistingMeasures), optNum(it.Probability), optNum(it.Consequence),
			txt(m.Level(it.Probability, it.Consequence).Label()), optNum(it.ResidualProbability),
			optNum(it.ResidualConsequence), txt(m.Level(it.ResidualProbability, it.ResidualConsequence).Label()),
			txt(ids(it.MeasureIDs))})
	}
	return t
}

func findings(rs []model.SafetyRound, o Options) Table {
	t := Table{Name: "vernerundefunn", Sheet: "Vernerundefunn", Columns: o.withText([]Column{
		{"Vernerunde", Text, 30}, {"Dato", Date, 12}, {"Status", Text, 12}, {"Spørsmål nr.", Int, 8},
		{"Del", Text, 24}, {"Spørsmål", Text, 50}, {"Tiltak nr.", Text, 12}, {"Avvik nr.", Text, 12},
	}, Column{"Kommentar", Text, 50})}
	for _, r := range rs {
		if !o.in(r.Date) {
			continue
		}
		for _, f := range r.Findings() {
			row := []Cell{txt(r.Title), date(r.Date), txt(r.Status.Label()), num(f.Question.Number),
				txt(f.Question.Section), txt(f.Question.Text), txt(ids(f.Answer.MeasureIDs)), txt(ids(f.Answer.DeviationIDs))}
			t.Rows = append(t.Rows, o.textCells(row, f.Answer.Comment))
		}
	}
	return t
}

func trainings(ts []model.ViolenceTraining, o Options) Table {
	t := Table{Name: "opplaering", Sheet: "Opplæring", Columns: o.withText([]Column{
		{"Dato", Date, 12}, {"Tema", Text, 36}, {"Type", Text, 20}, {"Deltakere", Int, 10},
		{"Grupper", Text, 30}, {"Gjentas", Text, 14},
	}, Column{"Notater", Text, 50})}
	// By date, as the other registers, whatever order they were added in.
	ts = slices.Clone(ts)
	slices.SortStableFunc(ts, func(a, b model.ViolenceTraining) int { return a.Date.Compare(b.Date) })
	for _, tr := range ts {
		if !o.in(tr.Date) {
			continue
		}
		row := []Cell{date(tr.Date), txt(tr.Topic), txt(tr.Kind.Label()), num(tr.Participants),
			txt(tr.Groups), txt(tr.Repeat.Label())}
		t.Rows = append(t.Rows, o.textCells(row, tr.Notes))
	}
	return t
}

// meetings has one row per decision, and one for an agenda item without
// any, so the meeting and its items are all there. A closed item (lukket
// sak) keeps its row but never its title or decision text.
func meetings(ms []model.Meeting, o Options) Table {
	t := Table{Name: "moter-og-vedtak", Sheet: "Møter og vedtak", Columns: []Column{
		{"Møtedato", Date, 12}, {"Start", Text, 7}, {"Slutt", Text, 7}, {"Sted", Text, 20},
		{"Sak", Int, 5}, {"Sakstittel", Text, 40}, {"Lukket sak", Text, 10}, {"Vedtak", Text, 60}, {"Tiltak nr.", Int, 10},
	}}
	for _, m := range ms {
		if !o.in(m.Date) {
			continue
		}
		head := []Cell{date(m.Date), txt(m.Start), txt(m.End), txt(m.Place)}
		if len(m.Agenda) == 0 {
			t.Rows = append(t.Rows, append(head, Cell{Empty: true}, txt(""), txt(""), txt(""), Cell{Empty: true}))
		}
		for i, it := range m.Agenda {
			t.Rows = append(t.Rows, agendaRows(head, i+1, it, o)...)
		}
	}
	return t
}

func agendaRows(head []Cell, n int, it model.AgendaItem, o Options) [][]Cell {
	title := it.Title
	if it.Closed {
		title = "Lukket sak"
	}
	item := append(append([]Cell{}, head...), num(n), txt(title), yesNo(it.Closed))
	if len(it.Decisions) == 0 {
		return [][]Cell{append(item, txt(""), Cell{Empty: true})}
	}
	var rows [][]Cell
	for _, d := range it.Decisions {
		text := d.Text
		if it.Closed && !o.Descriptions {
			text = ""
		}
		rows = append(rows, append(append([]Cell{}, item...), txt(text), optNum(int(d.MeasureID))))
	}
	return rows
}

func sickLeave(qs []model.SickLeaveQuarter, o Options) Table {
	t := Table{Name: "sykefravaer", Sheet: "Sykefravær", Columns: []Column{
		{"Kvartal", Text, 10}, {"Sykefravær %", Decimal, 12}, {"Egenmeldt %", Decimal, 12},
		{"Legemeldt korttid %", Decimal, 14}, {"Legemeldt langtid %", Decimal, 14},
		{"Ansatte", Int, 9}, {"Avtalte dagsverk", Int, 12},
	}}
	for _, q := range qs {
		if o.Year != 0 && q.Quarter.Year != int(o.Year) {
			continue
		}
		total := q.Total
		t.Rows = append(t.Rows, []Cell{txt(q.Quarter.String()), pct(&total), pct(q.SelfCertified), pct(q.DoctorShort),
			pct(q.DoctorLong), optNum(q.Employees), optNum(q.AgreedDays)})
	}
	return t
}
