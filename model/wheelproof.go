package model

import (
	"fmt"
	"time"
)

// The annual wheel is driven by the unit's records: a duty is done when
// the record that fulfils it exists in the duty's period (ProveWheel). The
// year rules of annualyear.go say when a record counts as done. Duties no
// record can prove (the report to the AMU, the review of the action plan,
// the evaluation of 10-FAKTOR measures in the year between surveys) are
// still ticked by hand, with a note.

// WheelRecord is the kind of record that can fulfil a duty.
type WheelRecord string

// Records that fulfil duties.
const (
	RecordSickLeave        WheelRecord = "sykefravaer"
	RecordSurvey           WheelRecord = "tifaktor"
	RecordSafetyRound      WheelRecord = "vernerunde"
	RecordAssessment       WheelRecord = "risikovurdering"
	RecordViolenceMapping  WheelRecord = "vold_kartlegging"
	RecordMeeting          WheelRecord = "mote"
	RecordExport           WheelRecord = "eksport"
	RecordCourse           WheelRecord = "hms_kurs"
	RecordViolenceTraining WheelRecord = "vold_opplaering"
)

// WheelProof is the record that fulfils a duty: its kind, ID (0 when the
// record has none, as an export) and date (zero when it has none, as a
// sick-leave quarter), and the record in words.
type WheelProof struct {
	Record WheelRecord
	ID     uint64
	Date   Date
	Text   string
}

// Proven reports whether a record was found.
func (p WheelProof) Proven() bool { return p.Record != "" }

// ExportKind is what was exported.
type ExportKind string

// Export kinds.
const (
	ExportAnnualReport ExportKind = "arsrapport"
	ExportSubmission   ExportKind = "innsending"
)

var exportKindLabels = map[ExportKind]string{
	ExportAnnualReport: "Årsrapport (PDF)",
	ExportSubmission:   "Innsendingsfil (JSON)",
}

// Label returns the kind in words, "" when unknown.
func (k ExportKind) Label() string { return exportKindLabels[k] }

// Valid reports whether k is a known kind.
func (k ExportKind) Valid() bool { _, ok := exportKindLabels[k]; return ok }

// ExportRecord says that the annual report or the submission file for
// Year was written on On. The file itself is not kept.
type ExportRecord struct {
	Kind ExportKind `json:"kind"`
	Year HMSYear    `json:"year"`
	On   Date       `json:"on"`
}

// Validate checks a record as it would be saved on today.
func (r ExportRecord) Validate(today Date) error {
	var v ValidationError
	if !r.Kind.Valid() {
		v.Add("Type", "Ukjent type eksport")
	}
	if r.Year < MinHMSYear || r.Year > MaxHMSYear {
		v.Add("HMS-år", fmt.Sprintf("HMS-år må være fra %d til %d", MinHMSYear, MaxHMSYear))
	}
	switch {
	case r.On.IsZero():
		v.Add("Dato", "Datoen for eksporten mangler")
	case !today.IsZero() && r.On.After(today):
		v.Add("Dato", "Datoen for eksporten kan ikke være frem i tid")
	}
	return v.Err()
}

// WheelRecords are the unit's records the annual wheel is judged on.
// Start is the day the unit began using the program: duties with a
// deadline before it are not the unit's (ProveWheel leaves them out).
type WheelRecords struct {
	Start       Date
	SickLeave   []SickLeaveQuarter
	Surveys     []SurveyRound
	Rounds      []SafetyRound
	Assessments []RiskAssessment
	Mapping     *ViolenceMapping
	Meetings    []Meeting
	Reviews     []AnnualReview
	Trainings   []ViolenceTraining
	Exports     []ExportRecord
}

// ProveWheel returns the duties of es that are the unit's (deadline on or
// after recs.Start), each with the record that fulfils it as of today, if
// any. A duty ticked by hand stays done.
func ProveWheel(es []WheelEntry, recs WheelRecords, today Date) []WheelEntry {
	out := make([]WheelEntry, 0, len(es))
	before := func(e WheelEntry) bool { return !recs.Start.IsZero() && e.Due.Before(recs.Start) }
	// The choice of focus areas follows the year's survey: without the
	// survey (before the start) there is nothing to choose from.
	surveyBefore := false
	for _, e := range es {
		surveyBefore = surveyBefore || (e.Kind == WheelTenFactor && before(e))
	}
	for _, e := range es {
		if before(e) || (surveyBefore && e.Kind == WheelTenFactorFollow) {
			continue
		}
		e.Proof = ProofFor(e, recs, today)
		out = append(out, e)
	}
	return out
}

// ProofFor returns the record that fulfils e as of today; a zero proof
// when there is none or the duty is one no record can prove.
func ProofFor(e WheelEntry, recs WheelRecords, today Date) WheelProof {
	switch e.Kind {
	case WheelSickLeave:
		return sickLeaveProof(WheelQuarter(e.Year, e.Seq), recs.SickLeave)
	case WheelMeeting:
		return meetingProof(wheelWindow(e.Year, e.Seq, 4), recs.Meetings, e.Year, today)
	case WheelSafetyRound:
		return roundProof(wheelWindow(e.Year, e.Seq, 2), recs.Rounds, e.Year, today)
	case WheelRiskReview:
		return assessmentProof(recs.Assessments, e.Year, today)
	case WheelViolenceMapping:
		return mappingProof(recs.Mapping, e.Year, today)
	case WheelTenFactor:
		return surveyProof(recs.Surveys, e.Year, today, false)
	case WheelTenFactorFollow:
		if !ProvableByRecord(e) {
			return WheelProof{} // the evaluation in the year between surveys: by hand
		}
		return surveyProof(recs.Surveys, e.Year, today, true)
	case WheelInternalControl:
		return exportProof(recs.Exports, e.Year-1, today)
	case WheelTraining:
		return trainingProof(recs.Reviews, recs.Trainings, e.Year, today)
	}
	return WheelProof{}
}

// ProvableByRecord reports whether a record can fulfil e; the others are
// ticked by hand.
func ProvableByRecord(e WheelEntry) bool {
	switch e.Kind {
	case WheelAMU, WheelActionPlan:
		return false
	case WheelTenFactorFollow:
		return e.Due.Month() == time.December
	}
	return e.Kind.Valid()
}

// WheelQuarter is the quarter whose sick-leave figures the year's seq-th
// sick-leave duty asks for: the fourth quarter of the year before, then
// the year's first three.
func WheelQuarter(y HMSYear, seq int) Quarter {
	if seq <= 1 {
		return Quarter{Year: int(y) - 1, Q: 4}
	}
	return Quarter{Year: int(y), Q: min(seq-1, 4)}
}

// window is a period of days, both ends included.
type window struct{ from, to Date }

func (w window) contains(d Date) bool { return !d.Before(w.from) && !d.After(w.to) }

// wheelWindow is the seq-th of parts equal parts of year y, by months:
// with 4 parts the quarters, with 2 the halves. A seq out of range gives
// the last part.
func wheelWindow(y HMSYear, seq, parts int) window {
	seq = max(1, min(seq, parts))
	months := 12 / parts
	first := time.Month((seq-1)*months + 1)
	return window{NewDate(int(y), first, 1), monthEnd(int(y), first+time.Month(months)-1)}
}

func sickLeaveProof(q Quarter, qs []SickLeaveQuarter) WheelProof {
	for _, s := range qs {
		if s.Quarter == q {
			return WheelProof{Record: RecordSickLeave, ID: s.ID,
				Text: fmt.Sprintf("Sykefravær for %s er registrert (%s)", q.Long(), pct(s.Total))}
		}
	}
	return WheelProof{}
}

// HasAttendanceItem reports whether m has nærvær and sykefravær on its
// agenda.
func (m Meeting) HasAttendanceItem() bool {
	for _, it := range m.Agenda {
		if it.Kind == AgendaAttendance {
			return true
		}
	}
	return false
}

// meetingProof is the first meeting held in the window with nærvær on
// its agenda.
func meetingProof(w window, ms []Meeting, y HMSYear, today Date) WheelProof {
	var best *Meeting
	for i := range ms {
		m := &ms[i]
		if !MeetingHeldIn(*m, y, today) || !w.contains(m.Date) || !m.HasAttendanceItem() {
			continue
		}
		if best == nil || m.Date.Before(best.Date) {
			best = m
		}
	}
	if best == nil {
		return WheelProof{}
	}
	return WheelProof{Record: RecordMeeting, ID: best.ID, Date: best.Date,
		Text: fmt.Sprintf("Møtet %s hadde nærvær og sykefravær på sakslisten", best.Date)}
}

// roundProof is the first safety round held (completed) in the window.
func roundProof(w window, rs []SafetyRound, y HMSYear, today Date) WheelProof {
	var best *SafetyRound
	for i := range rs {
		r := &rs[i]
		if !SafetyRoundHeldIn(*r, y, today) || !w.contains(r.Date) {
			continue
		}
		if best == nil || r.Date.Before(best.Date) {
			best = r
		}
	}
	if best == nil {
		return WheelProof{}
	}
	done := best.CompletedDate()
	return WheelProof{Record: RecordSafetyRound, ID: best.ID, Date: done,
		Text: fmt.Sprintf("Vernerunden «%s» ble fullført %s", Shorten(best.Title, 60), done)}
}

// assessmentProof is the latest risk assessment carried out (or revised:
// a revision is a new assessment) in the year.
func assessmentProof(as []RiskAssessment, y HMSYear, today Date) WheelProof {
	var best *RiskAssessment
	for i := range as {
		a := &as[i]
		if !AssessmentCarriedOutIn(*a, y, today) {
			continue
		}
		if best == nil || a.Date.After(best.Date) {
			best = a
		}
	}
	if best == nil {
		return WheelProof{}
	}
	return WheelProof{Record: RecordAssessment, ID: best.ID, Date: best.Date,
		Text: fmt.Sprintf("Risikovurderingen «%s» er gjennomført %s", Shorten(best.Title, 60), best.Date)}
}

// mappingProof: the mapping reviewed in the year. The mapping is one
// record revised in place, holding only its last review; a review after
// the year has replaced the year's, so the year's duty is no longer
// something to do, and the proof says so.
func mappingProof(m *ViolenceMapping, y HMSYear, today Date) WheelProof {
	switch {
	case m == nil || m.Date.IsZero() || (!today.IsZero() && m.Date.After(today)):
		return WheelProof{}
	case y.Contains(m.Date):
		return WheelProof{Record: RecordViolenceMapping, ID: m.ID, Date: m.Date,
			Text: "Kartleggingen av vold og trusler er gjennomgått " + m.Date.String()}
	case m.Date.After(y.End()):
		return WheelProof{Record: RecordViolenceMapping, ID: m.ID, Date: m.Date,
			Text: "Kartleggingen av vold og trusler er gjennomgått senere, " + m.Date.String() + " (filen har bare siste gjennomgang)"}
	}
	return WheelProof{}
}

// surveyProof is the year's own 10-FAKTOR round (SurveyRoundFor, limited
// to rounds of y); with focus, only when its focus areas are chosen.
func surveyProof(rs []SurveyRound, y HMSYear, today Date, focus bool) WheelProof {
	r := SurveyRoundFor(rs, y, today)
	if r == nil || r.Year != y || (focus && len(r.Focus) == 0) {
		return WheelProof{}
	}
	text := fmt.Sprintf("10-FAKTOR-runden for %s er registrert", y)
	if focus {
		text = fmt.Sprintf("10-FAKTOR %s: %d fokusområder valgt", y, len(r.Focus))
	}
	return WheelProof{Record: RecordSurvey, ID: r.ID, Date: r.ResultsOn, Text: text}
}

// exportProof is the first export of the report or submission for year
// made after the year ended (a draft written while the year ran does not
// deliver it), no later than today.
func exportProof(es []ExportRecord, year HMSYear, today Date) WheelProof {
	var best *ExportRecord
	for i := range es {
		x := &es[i]
		if x.Year != year || !x.On.After(year.End()) || (!today.IsZero() && x.On.After(today)) {
			continue
		}
		if best == nil || x.On.Before(best.On) {
			best = x
		}
	}
	if best == nil {
		return WheelProof{}
	}
	return WheelProof{Record: RecordExport, Date: best.On,
		Text: fmt.Sprintf("%s for %s laget %s", best.Kind.Label(), year, best.On)}
}

// trainingProof is the latest HMS course of the year's annual review, or
// else the latest training in violence and threats, held in y.
func trainingProof(rs []AnnualReview, ts []ViolenceTraining, y HMSYear, today Date) WheelProof {
	var p WheelProof
	for _, r := range rs {
		if r.Year != y {
			continue
		}
		for _, c := range r.Trainings {
			if y.DoneIn(c.Date, today) && (!p.Proven() || c.Date.After(p.Date)) {
				p = WheelProof{Record: RecordCourse, ID: r.ID, Date: c.Date,
					Text: fmt.Sprintf("Kurset «%s» %s", Shorten(c.Course, 60), c.Date)}
			}
		}
	}
	if p.Proven() {
		return p
	}
	for _, t := range ts {
		if y.DoneIn(t.Date, today) && (!p.Proven() || t.Date.After(p.Date)) {
			p = WheelProof{Record: RecordViolenceTraining, ID: t.ID, Date: t.Date,
				Text: fmt.Sprintf("Opplæring i vold og trusler «%s» %s", Shorten(t.Topic, 60), t.Date)}
		}
	}
	return p
}

// WheelCounts are the duties of a wheel by state.
type WheelCounts struct{ Done, DueNow, Late, Upcoming int }

// CountWheel counts es by their state on today.
func CountWheel(es []WheelEntry, today Date) WheelCounts {
	var c WheelCounts
	for _, e := range es {
		switch e.State(today) {
		case WheelDone:
			c.Done++
		case WheelDueNow:
			c.DueNow++
		case WheelLate:
			c.Late++
		default:
			c.Upcoming++
		}
	}
	return c
}

// WheelProofHint says in words which record fulfils e, and where it is
// entered; for a duty no record can prove, that it is ticked by hand.
func WheelProofHint(e WheelEntry) string {
	y := e.Year.String()
	switch e.Kind {
	case WheelSickLeave:
		return "Utføres når sykefraværet for " + WheelQuarter(e.Year, e.Seq).Long() + " registreres under Sykefravær."
	case WheelMeeting:
		w := wheelWindow(e.Year, e.Seq, 4)
		return fmt.Sprintf("Utføres når et møte mellom %s og %s holdes med «%s» på sakslisten.", w.from, w.to, AgendaAttendance.Label())
	case WheelSafetyRound:
		w := wheelWindow(e.Year, e.Seq, 2)
		return fmt.Sprintf("Utføres når en vernerunde mellom %s og %s fullføres og låses.", w.from, w.to)
	case WheelRiskReview:
		return "Utføres når en risikovurdering gjennomføres eller revideres og settes til ferdig i " + y + "."
	case WheelViolenceMapping:
		return "Utføres når kartleggingen av vold og trusler gjennomgås og dateres i " + y + "."
	case WheelTenFactor:
		return "Utføres når 10-FAKTOR-runden for " + y + " registreres."
	case WheelInternalControl:
		return "Utføres når årsrapporten eller innsendingsfilen for " + (e.Year - 1).String() + " lages under Rapporter, etter årsskiftet."
	case WheelTraining:
		return "Utføres når et HMS-kurs i " + y + " føres i årlig gjennomgang, eller en opplæring i vold og trusler registreres."
	}
	if e.Kind == WheelTenFactorFollow && ProvableByRecord(e) {
		return "Utføres når bevaringsområde og innsatsområde velges i 10-FAKTOR-runden for " + y + "."
	}
	return "Ingen registrering viser dette. Merk punktet som utført, med en merknad, når det er gjort."
}
