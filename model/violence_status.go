package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Status per duty for vold og trusler: for each of the five duties,
// whether it is documented, when it was last done, and what is missing or
// overdue. The status page and the PDFs use ViolenceStatus; the rules are
// here, once.

// DutyState is the overall state of one duty.
type DutyState string

// Duty states, best first.
const (
	DutyOK      DutyState = "ok"
	DutyMissing DutyState = "mangler"
	DutyOverdue DutyState = "forfalt"
)

var dutyStateLabels = map[DutyState]string{
	DutyOK:      "I orden",
	DutyMissing: "Mangler",
	DutyOverdue: "Forfalt",
}

// Label returns the display text ("I orden", "Mangler", "Forfalt").
func (s DutyState) Label() string { return dutyStateLabels[s] }

// Valid reports whether s is one of the states.
func (s DutyState) Valid() bool { _, ok := dutyStateLabels[s]; return ok }

// ViolenceDutyStatus is the status of one duty.
type ViolenceDutyStatus struct {
	Duty       ViolenceDuty
	Documented bool
	LastDone   Date // zero: never
	State      DutyState
	// Notes says what is missing or overdue, one item each; empty when
	// the duty is in order.
	Notes []string
}

// ViolenceStatusInput is what the status needs.
type ViolenceStatusInput struct {
	Mapping   *ViolenceMapping // nil: no mapping yet
	Routines  ViolenceRoutines
	Trainings []ViolenceTraining
	Measures  []Measure   // the action plan; the mapping's links pick its measures
	Incidents []Deviation // the deviation register; category vold og trusler is used
}

// Intervals of the status rules, in days. The mapping is reviewed at
// least yearly; information is repeated at least yearly (our choice: the
// rules say "regularly"); follow-up is judged on the last year's incidents.
const (
	ViolenceReviewDays      = 365
	ViolenceInformationDays = 365
	ViolenceFollowUpDays    = 365
)

// ViolenceNotifyReminder is shown when an incident needs the § 5-2
// notice (Deviation.NeedsAuthorityNotice): a death or a serious injury.
const ViolenceNotifyReminder = "Ved dødsfall eller alvorlig personskade skal arbeidsgiveren straks varsle Arbeidstilsynet og nærmeste politi " +
	"(arbeidsmiljøloven § 5-2), og deretter sende skriftlig melding med kopi til verneombudet. Alvorlig skade omfatter også psykisk skade " +
	"som gir varig eller langvarig arbeidsuførhet."

// GeneralDutyStatus is the status of § 3A-1 (organise, plan and carry out
// the work so employees are protected as far as possible). No record of
// its own documents it: it is met through the other duties together, so
// its state is the worst of theirs (overdue over missing), it is
// documented when they all are, it has no date of its own, and its notes
// name the duties not in order. rest is ViolenceStatus's result.
func GeneralDutyStatus(rest []ViolenceDutyStatus) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyGeneral, Documented: len(rest) > 0}
	overdue := false
	var bad []string
	for _, r := range rest {
		s.Documented = s.Documented && r.Documented
		overdue = overdue || r.State == DutyOverdue
		if r.State != DutyOK {
			bad = append(bad, fmt.Sprintf("%s (§ %s, %s)", strings.ToLower(r.Duty.Label()), r.Duty.Paragraph().Current,
				strings.ToLower(r.StateLabel())))
		}
	}
	if len(bad) > 0 {
		s.Notes = append(s.Notes, "Følg opp det som ikke er i orden: "+strings.Join(bad, ", "))
	}
	return s.finish(overdue)
}

// GeneralDutyFollowUp is the state text of § 3A-1 when a duty under it is
// not in order (GeneralDutyStatus): it has no date of its own, so it is
// never «Forfalt» alone; its note names the duties to follow up.
const GeneralDutyFollowUp = "Følg opp"

// StateLabel is the state as the report and the status page print it:
// the state's label, except where «Forfalt» or «Mangler» would stand
// without a date or a reason. § 3A-1 (GeneralDutyStatus) has no record
// or date of its own, so when a duty under it is not in order it reads
// GeneralDutyFollowUp; a duty overdue without ever having been done
// (no date) reads the same, its notes saying why.
func (s ViolenceDutyStatus) StateLabel() string {
	if s.State != DutyOK && (s.Duty == DutyGeneral || (s.State == DutyOverdue && s.LastDone.IsZero())) {
		return GeneralDutyFollowUp
	}
	return s.State.Label()
}

// GeneralDutyBasis says how § 3A-1 is documented: "Dokumenteres samlet
// gjennom pliktene i § 3A-2 til § 3A-6".
func GeneralDutyBasis() string {
	ds := StatusDuties()
	return fmt.Sprintf("Dokumenteres samlet gjennom pliktene i § %s til § %s",
		ds[0].Paragraph().Current, ds[len(ds)-1].Paragraph().Current)
}

// ViolenceStatusTable is the status in the chapter's order, as the report
// and the status page show it: § 3A-1 (GeneralDutyStatus) first, then
// ViolenceStatus. Counts of duties in order use ViolenceStatus, so the
// general duty does not count a missing duty twice.
func ViolenceStatusTable(in ViolenceStatusInput, today Date) []ViolenceDutyStatus {
	rest := ViolenceStatus(in, today)
	return append([]ViolenceDutyStatus{GeneralDutyStatus(rest)}, rest...)
}

// ViolenceStatus returns the status of StatusDuties() in order.
func ViolenceStatus(in ViolenceStatusInput, today Date) []ViolenceDutyStatus {
	from, to, period := ViolenceFollowUpWindow(today)
	return []ViolenceDutyStatus{
		mappingStatus(in.Mapping, today),
		measuresStatus(in.Mapping, in.Measures, today),
		informationStatus(in.Routines, today),
		trainingStatus(in.Trainings, today),
		followUpStatus(in.Incidents, from, to, period),
	}
}

// finish sets the state from the notes: overdue wins over missing.
func (s ViolenceDutyStatus) finish(overdue bool) ViolenceDutyStatus {
	switch {
	case overdue:
		s.State = DutyOverdue
	case len(s.Notes) > 0 || !s.Documented:
		s.State = DutyMissing
	default:
		s.State = DutyOK
	}
	return s
}

func mappingStatus(m *ViolenceMapping, today Date) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyMapping}
	if m == nil || m.Date.IsZero() {
		s.Notes = append(s.Notes, "Ingen kartlegging registrert")
		return s.finish(false)
	}
	s.Documented, s.LastDone = true, m.Date
	var unanswered, unrated []string
	for _, f := range ViolenceFactors() {
		a, _ := m.Factor(f)
		if !a.Answered() {
			unanswered = append(unanswered, fmt.Sprint(int(f)))
		}
		if !a.Rated() {
			unrated = append(unrated, fmt.Sprint(int(f)))
		}
	}
	if len(unanswered) > 0 {
		s.Notes = append(s.Notes, "Faktor uten svar: "+strings.Join(unanswered, ", "))
	}
	if len(unrated) > 0 {
		s.Notes = append(s.Notes, "Faktor uten risikovurdering: "+strings.Join(unrated, ", "))
	}
	if strings.TrimSpace(m.Combined.Assessment) == "" || !m.Combined.Rated() {
		s.Notes = append(s.Notes, "Samlet vurdering mangler")
	}
	due := m.ReviewDue()
	overdue := due.Before(today)
	if overdue {
		s.Notes = append(s.Notes, "Revisjon forfalt "+due.String())
	}
	return s.finish(overdue)
}

// linkedMeasures returns the plan's measures linked from the mapping.
func linkedViolenceMeasures(m *ViolenceMapping, ms []Measure) []Measure {
	if m == nil {
		return nil
	}
	ids := map[uint64]bool{}
	for _, l := range m.Measures {
		ids[l.MeasureID] = true
	}
	var out []Measure
	for _, x := range ms {
		if ids[x.ID] {
			out = append(out, x)
		}
	}
	return out
}

func measuresStatus(m *ViolenceMapping, ms []Measure, today Date) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyMeasures}
	linked := linkedViolenceMeasures(m, ms)
	if len(linked) == 0 {
		s.Notes = append(s.Notes, "Ingen tiltak fra kartleggingen i handlingsplanen")
	} else {
		s.Documented = true
	}
	for _, x := range linked {
		d := x.Created
		if !x.CompletedOn.IsZero() {
			d = x.CompletedOn
		}
		if d.After(s.LastDone) {
			s.LastDone = d
		}
	}
	// A high risk without any measure: the product's levels say measures
	// must be put in place at once (medium risk "should" be reduced, which
	// the combined assessment's measures may do).
	if m != nil {
		var bare []string
		for _, f := range append([]ViolenceFactor{FactorCombined}, ViolenceFactors()...) {
			if m.Level(f) == RiskHigh && len(m.MeasureLinks(f)) == 0 {
				if f == FactorCombined {
					bare = append(bare, "samlet vurdering")
				} else {
					bare = append(bare, fmt.Sprintf("faktor %d", int(f)))
				}
			}
		}
		if len(bare) > 0 {
			s.Notes = append(s.Notes, "Høy risiko uten tiltak: "+strings.Join(bare, ", "))
		}
	}
	overdue := 0
	for _, x := range linked {
		if x.Overdue(today) {
			overdue++
		}
	}
	if overdue > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%d %s over fristen", overdue, violencePlural(overdue, "tiltak", "tiltak")))
	}
	return s.finish(overdue > 0)
}

func informationStatus(r ViolenceRoutines, today Date) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyInformation}
	var missing []string
	for _, k := range RoutineKinds() {
		x := r.Routine(k)
		if !x.Exists {
			missing = append(missing, strings.ToLower(k.Label()))
			continue
		}
		if x.Updated.After(s.LastDone) {
			s.LastDone = x.Updated
		}
	}
	if len(missing) > 0 {
		s.Notes = append(s.Notes, "Rutine mangler: "+strings.Join(missing, ", "))
	}
	overdue := false
	for _, who := range []struct {
		reps bool
		name string
	}{{false, "Ansatte"}, {true, "Verneombud og tillitsvalgte"}} {
		last := r.LastInformed(who.reps)
		switch {
		case last.IsZero():
			s.Notes = append(s.Notes, who.name+" er ikke registrert som informert")
		case last.AddDays(ViolenceInformationDays).Before(today):
			overdue = true
			s.Notes = append(s.Notes, fmt.Sprintf("%s sist informert %s – mer enn ett år siden", who.name, last))
		}
		if last.After(s.LastDone) {
			s.LastDone = last
		}
	}
	s.Documented = len(missing) < len(RoutineKinds()) || len(r.Informed) > 0
	return s.finish(overdue)
}

// topicKey groups trainings by topic, ignoring case and extra spaces.
func topicKey(t string) string { return strings.ToLower(normalizeName(t)) }

// LatestTrainings returns the latest training of each topic (the one that
// decides when the topic is due), ordered by due date, those without a
// fixed repetition last.
func LatestTrainings(ts []ViolenceTraining) []ViolenceTraining {
	latest := map[string]ViolenceTraining{}
	var order []string
	for _, t := range ts {
		k := topicKey(t.Topic)
		old, ok := latest[k]
		if !ok {
			order = append(order, k)
		}
		if !ok || t.Date.After(old.Date) || (t.Date == old.Date && t.ID > old.ID) {
			latest[k] = t
		}
	}
	out := make([]ViolenceTraining, 0, len(order))
	for _, k := range order {
		out = append(out, latest[k])
	}
	slices.SortStableFunc(out, func(a, b ViolenceTraining) int {
		da, db := a.DueDate(), b.DueDate()
		switch {
		case da.IsZero() && db.IsZero():
			return 0
		case da.IsZero():
			return 1
		case db.IsZero():
			return -1
		}
		return da.Compare(db)
	})
	return out
}

// OverdueTrainings returns the topics whose latest training is past its
// repetition date, by due date.
func OverdueTrainings(ts []ViolenceTraining, today Date) []ViolenceTraining {
	var out []ViolenceTraining
	for _, t := range LatestTrainings(ts) {
		if t.Overdue(today) {
			out = append(out, t)
		}
	}
	return out
}

func trainingStatus(ts []ViolenceTraining, today Date) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyTraining}
	drill := false
	for _, t := range ts {
		s.Documented = true
		if t.Date.After(s.LastDone) {
			s.LastDone = t.Date
		}
		drill = drill || t.Kind == TrainingDrill
	}
	if !s.Documented {
		s.Notes = append(s.Notes, "Ingen opplæring eller øvelse registrert")
		return s.finish(false)
	}
	if !drill {
		s.Notes = append(s.Notes, "Ingen øvelse registrert – opplæringen skal også omfatte øvelser")
	}
	over := OverdueTrainings(ts, today)
	for _, t := range over {
		s.Notes = append(s.Notes, fmt.Sprintf("Gjentakelse forfalt: %s (frist %s)", t.Topic, t.DueDate()))
	}
	return s.finish(len(over) > 0)
}

// IsViolenceIncident reports whether a deviation belongs to the violence
// module's figures.
func IsViolenceIncident(d Deviation) bool { return d.Category == DevViolence }

// ViolenceFollowUpWindow is the period the status page judges follow-up
// on: the ViolenceFollowUpDays up to today, «siste 12 måneder». The
// annual report judges it on the report's year instead
// (ViolenceFollowUpYear), as its incident figures are.
func ViolenceFollowUpWindow(today Date) (from, to Date, period string) {
	return today.AddDays(-ViolenceFollowUpDays), today, "siste 12 måneder"
}

// ViolenceFollowUpYear is the period the annual report for y judges
// follow-up on, the same as its incident figures (ViolenceYearIncidents):
// the incidents dated in y, up to the year's state date.
func ViolenceFollowUpYear(y HMSYear, today Date) (from, to Date, period string) {
	return y.Start(), y.StateDate(today), "i " + y.String()
}

// ViolenceYearIncidents are the incident figures of the annual report for
// y: the incidents dated in y, up to the year's state date, the same
// period as the follow-up status (ViolenceFollowUpYear), so «N av M uten
// tilbud» and «Minst ett tilbud K av M» add up.
func ViolenceYearIncidents(devs []Deviation, y HMSYear, today Date) ViolenceIncidentFigures {
	from, to, _ := ViolenceFollowUpYear(y, today)
	f := ViolenceIncidents(devs, from, to)
	for _, q := range y.Quarters() { // every quarter of the year, as the chart shows it
		if _, ok := f.ByQuarter[q]; !ok {
			f.ByQuarter[q] = 0
		}
	}
	return f
}

// followUpStatus judges the follow-up of the incidents dated from from to
// to; period names that span in the note («siste 12 måneder», «i 2026»).
// The counts are ViolenceIncidents' over the same span.
func followUpStatus(devs []Deviation, from, to Date, period string) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyFollowUp, Documented: true}
	f := ViolenceIncidents(devs, from, to)
	unnotified := 0
	for _, d := range devs {
		if !IsViolenceIncident(d) || d.Date.IsZero() || d.Date.Before(from) || d.Date.After(to) {
			continue
		}
		if len(d.FollowUpOffered) > 0 && d.Date.After(s.LastDone) {
			s.LastDone = d.Date
		}
		if d.NoticeOutstanding() {
			unnotified++
		}
	}
	if without := f.Total - f.FollowUpOffered; without > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%d av %d %s %s uten registrert tilbud om oppfølging",
			without, f.Total, violencePlural(f.Total, "hendelse", "hendelser"), period))
	}
	if unnotified > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%d %s med dødsfall eller alvorlig personskade uten registrert varsling til Arbeidstilsynet og politiet",
			unnotified, violencePlural(unnotified, "hendelse", "hendelser")))
	}
	return s.finish(unnotified > 0)
}

// violencePlural picks the singular for n == 1.
func violencePlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// JoinNotes joins a status's notes into one sentence, as a table cell
// prints them: separated by semicolons, each after the first starting
// with a small letter («Ansatte er ikke registrert som informert;
// verneombud og tillitsvalgte …»). A note starting with an abbreviation
// (two capitals) keeps it.
func JoinNotes(notes []string) string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n
		if i > 0 {
			out[i] = lowerFirstWord(n)
		}
	}
	return strings.Join(out, "; ")
}

// lowerFirstWord puts the first letter of s in lower case, unless the
// second is a capital too (an abbreviation such as BHT).
func lowerFirstWord(s string) string {
	r := []rune(s)
	if len(r) == 0 || !unicode.IsUpper(r[0]) || (len(r) > 1 && unicode.IsUpper(r[1])) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
