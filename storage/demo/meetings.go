package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Meetings and the annual wheel of a demo unit: four meetings a year from
// the start of the plan period, one planned a little ahead of today, and
// the wheel's duties marked done as a committee would have (a few left
// late). They have their own random stream, so adding them does not change
// the other modules' demo data.

// Meeting is a generated meeting with the measures its decisions became.
// Participants' MemberID is the index in Dataset.Members plus one, which
// is the ID the member gets, as write stores the members first and in
// order in a new file.
type Meeting struct {
	model.Meeting
	Measures []DecisionMeasure
}

// DecisionMeasure is a measure made from decision DecisionID, and the
// day it was done (zero if still open).
type DecisionMeasure struct {
	DecisionID uint64
	Measure    model.Measure
	DoneOn     model.Date
}

var itemNotes = map[model.AgendaKind][]string{
	model.AgendaApproval:    {"Innkalling og referat fra forrige møte ble godkjent uten merknader.", "Referatet ble godkjent med en rettelse i sak 4."},
	model.AgendaAttendance:  {"Fraværet er litt høyere enn målet. Langtidsfraværet står for det meste.", "Nærværet har bedret seg siden forrige kvartal.", "Korttidsfraværet har økt i vintermånedene, som vanlig."},
	model.AgendaDeviations:  {"Gjennomgang av avvik siden sist. Flest meldinger om organisatoriske forhold.", "Avvikene er behandlet og lukket, med ett unntak."},
	model.AgendaActionPlan:  {"Status for tiltakene ble gjennomgått. Noen tiltak har passert fristen.", "De fleste tiltakene er i rute."},
	model.AgendaRisk:        {riskNoteMark, "Ny risikovurdering etter ombyggingen ble gjennomgått."},
	model.AgendaViolence:    {"Kartleggingen er oppdatert. Alarmene ble testet i forrige måned.", "Rutinen for oppfølging etter hendelser ble gjennomgått."},
	model.AgendaSafetyRound: {"Funnene fra vernerunden ble gjennomgått og lagt inn som tiltak.", "Vernerunden er planlagt med verneombud og leder."},
	model.AgendaTenFactor:   {"Innsatsområdet ble drøftet på personalmøtet.", "Tiltakene fra 10-FAKTOR evalueres neste kvartal."},
	model.AgendaAOB:         {"Ingen saker.", "Spørsmål om sommerferieavviklingen."},
}

var demoDecisions = []string{
	trainingDecisionMark,
	"Verneombudet og leder går gjennom rutinen for alenearbeid",
	"Det bestilles en ergonomisk kartlegging fra bedriftshelsetjenesten",
	"Rutinen for avviksmelding tas opp på neste personalmøte",
	"Alarmene testes hver måned og resultatet føres i loggen",
}

// riskNoteMark and trainingDecisionMark stand for the texts whose topic
// depends on the sector (sectorTopic).
const (
	riskNoteMark         = "{risk}"
	trainingDecisionMark = "{training}"
)

func riskNote(t [2]string) string { return "Risikovurderingen for " + t[0] + " skal revideres." }

func trainingDecision(t [2]string) string {
	return "Leder lager en plan for opplæring i " + t[1] + " innen neste møte"
}

// forSector puts the sector's topic into a marked text.
func forSector(text string, topic [2]string) string {
	switch text {
	case riskNoteMark:
		return riskNote(topic)
	case trainingDecisionMark:
		return trainingDecision(topic)
	}
	return text
}

var customItems = []string{"Ny garderobe", "Inneklima i fellesarealet", "Ombygging av kjøkkenet", "Opplæringsplan for nyansatte"}

// Meetings is the module's part of a Dataset.
type Meetings struct {
	Meetings []Meeting
	Wheel    []model.WheelEntry // the duties marked done or moved
	Today    model.Date         // the day the wheel was marked on
}

// genMeetings generates the meetings of every replica and the wheel.
func genMeetings(o Options, sector model.Sector, members []model.CommitteeMember) Meetings {
	out := Meetings{Wheel: wheel(o.Seed, o.Today), Today: o.Today}
	for replica := range o.Scale {
		out.Meetings = append(out.Meetings, meetings(o.Seed, replica, o, topicOf(sector), members)...)
	}
	return out
}

// maxMeetingMeasures limits the measures from decisions per replica.
const maxMeetingMeasures = 5

// meetings generates the meetings of one replica.
func meetings(seed int64, replica int, o Options, topic [2]string, members []model.CommitteeMember) []Meeting {
	r := rand.New(rand.NewPCG(uint64(seed)+uint64(replica)*7919, 0x6d6f7465))
	start := model.NewDate(o.Today.Year()-3, 1, 1)
	var out []Meeting
	months := []time.Month{time.February, time.May, time.September, time.November}
	last := model.Date{}
	for y := start.Year(); y <= o.Today.Year(); y++ {
		for _, mo := range months {
			day := workday(model.NewDate(y, mo, 8+r.IntN(14)).AddDays(replica))
			if day.After(o.Today.AddDays(21)) {
				continue
			}
			out = append(out, meeting(r, day, last, o.Today, topic, members))
			last = day
		}
	}
	// At most maxMeetingMeasures measures from decisions, the most recent:
	// most of the plan is registered directly.
	kept := 0
	for i := len(out) - 1; i >= 0; i-- {
		n := min(len(out[i].Measures), maxMeetingMeasures-kept)
		out[i].Measures = out[i].Measures[len(out[i].Measures)-n:]
		kept += n
	}
	// Always one planned meeting ahead, so the dashboard has a next one.
	if len(out) == 0 || !out[len(out)-1].Date.After(o.Today) {
		out = append(out, meeting(r, workday(o.Today.AddDays(14+replica)), last, o.Today, topic, members))
	}
	return out
}

func meeting(r *rand.Rand, day, last, today model.Date, topic [2]string, members []model.CommitteeMember) Meeting {
	facts := model.AgendaFacts{
		DeviationsSinceLast:  r.IntN(5),
		OpenMeasures:         1 + r.IntN(10),
		RiskReviewsDue:       r.IntN(3) / 2,
		ViolenceMapping:      r.IntN(3) > 0,
		SafetyRoundSinceLast: day.Month() == time.May || day.Month() == time.November,
		TenFactorFollowUp:    day.Year()%2 == 1,
	}
	_ = last
	var indexed []model.CommitteeMember
	for i, cm := range members {
		cm.ID = uint64(i + 1)
		indexed = append(indexed, cm)
	}
	m := model.NewMeeting(day, indexed, nil, minDate(day, today))
	m.Start = pick(r, []string{"09:00", "12:30", "13:00", "14:00"})
	m.End = map[string]string{"09:00": "10:30", "12:30": "14:00", "13:00": "14:30", "14:00": "15:30"}[m.Start]
	m.Place = pick(r, []string{"Møterommet", "Personalrommet", "Møterom 2", "Teams"})
	held := !day.After(today)
	for i := range m.Participants {
		m.Participants[i].Attended = held && r.IntN(8) > 0
	}
	for _, it := range model.ProposeAgenda(facts) {
		m = m.AddItem(it)
	}
	if r.IntN(3) == 0 {
		m = m.AddItem(model.AgendaItem{Kind: model.AgendaCustom, Title: pick(r, customItems)})
	}
	if held && r.IntN(4) == 0 {
		m = m.AddItem(model.AgendaItem{Kind: model.AgendaCustom, Title: "Arbeidsmiljøet i en avdeling", Closed: true,
			Notes: "Saken ble drøftet. Leder følger opp med samtaler i avdelingen."})
	}
	out := Meeting{}
	if !held {
		out.Meeting = m
		return out
	}
	for i := range m.Agenda {
		it := &m.Agenda[i]
		if it.Notes == "" {
			if ns, ok := itemNotes[it.Kind]; ok {
				it.Notes = forSector(pick(r, ns), topic)
			} else {
				it.Notes = "Saken ble drøftet."
			}
		}
	}
	// One or two decisions per meeting; some become measures.
	for range 1 + r.IntN(2) {
		it := m.Agenda[1+r.IntN(len(m.Agenda)-1)]
		if it.Closed {
			continue
		}
		text := forSector(pick(r, demoDecisions), topic)
		var did uint64
		m, did = m.AddDecision(it.ID, text)
		if r.IntN(3) == 0 {
			continue
		}
		ms := model.NewMeasureFromDecision(m, did, "", pick(r, []string{"Leder", "Verneombud", "Leder og verneombud"}), day.AddDays(30+r.IntN(120)), day)
		ms.Source = model.Source{} // storage links it to the stored meeting
		dm := DecisionMeasure{DecisionID: did, Measure: ms}
		if done := ms.Deadline.AddDays(-r.IntN(30)); r.IntN(3) > 0 && !done.After(today) && !done.Before(day) {
			dm.DoneOn = done
		}
		out.Measures = append(out.Measures, dm)
	}
	out.Meeting = m
	return out
}

// wheel ticks the duties no record can prove, of last year and this year,
// as a committee would have: past ones done around their deadline.
func wheel(seed int64, today model.Date) []model.WheelEntry {
	r := rand.New(rand.NewPCG(uint64(seed), 0x61727368))
	var out []model.WheelEntry
	for _, y := range []model.HMSYear{model.HMSYear(today.Year() - 1), model.HMSYear(today.Year())} {
		for _, e := range model.DefaultWheel(y, model.TenFactorYear(y, 0)) {
			// The records prove the other duties (model.ProveWheel).
			if !e.Due.Before(today) || model.ProvableByRecord(e) {
				continue
			}
			e.Done = workdayWithin(minDate(e.Due.AddDays(-r.IntN(20)), today), model.Date{}, today)
			e.Note = "Avkrysset i utvalget"
			if e.Kind == model.WheelAMU && r.IntN(2) == 0 {
				e.Due = e.Due.AddDays(-10) // the AMU met earlier this year
				e.Done = workdayWithin(minDate(e.Due, today), model.Date{}, today)
				e.Note = "AMU-møtet var tidligere i år"
			}
			out = append(out, e)
		}
	}
	return out
}

// writeMeetings stores the meetings, the measures from their decisions and
// the wheel in the batch.
func writeMeetings(b *storage.Batch, ds Meetings) error {
	today := ds.Today
	for _, dm := range ds.Meetings {
		m := dm.Meeting
		saved, err := b.SaveMeeting(m, minDate(m.Date, today))
		if err != nil {
			return fmt.Errorf("%s: %w", m.Title(), err)
		}
		for _, x := range dm.Measures {
			ms, _, err := b.AddMeasureForDecision(saved.ID, x.DecisionID, x.Measure, m.Date)
			if err != nil {
				return fmt.Errorf("tiltaket «%s»: %w", x.Measure.Title, err)
			}
			if !x.DoneOn.IsZero() {
				if _, err := b.TransitionMeasure(ms.ID, model.StatusUtfort, model.TransitionInput{CompletedOn: x.DoneOn}, x.DoneOn); err != nil {
					return fmt.Errorf("tiltaket «%s»: %w", ms.Title, err)
				}
			}
		}
	}
	for _, e := range ds.Wheel {
		if _, err := b.SaveWheelEntry(e, today); err != nil {
			return fmt.Errorf("årshjulet «%s»: %w", e.Title, err)
		}
	}
	return nil
}
