package model

import (
	"fmt"
	"slices"
	"strings"
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
			bad = append(bad, strings.ToLower(r.Duty.Label()))
		}
	}
	if len(bad) > 0 {
		s.Notes = append(s.Notes, "Ikke i orden: "+strings.Join(bad, ", "))
	}
	return s.finish(overdue)
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
	return []ViolenceDutyStatus{
		mappingStatus(in.Mapping, today),
		measuresStatus(in.Mapping, in.Measures, today),
		informationStatus(in.Routines, today),
		trainingStatus(in.Trainings, today),
		followUpStatus(in.Incidents, today),
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

func followUpStatus(devs []Deviation, today Date) ViolenceDutyStatus {
	s := ViolenceDutyStatus{Duty: DutyFollowUp, Documented: true}
	from := today.AddDays(-ViolenceFollowUpDays)
	without, unnotified, n := 0, 0, 0
	for _, d := range devs {
		if !IsViolenceIncident(d) || d.Date.Before(from) || d.Date.After(today) {
			continue
		}
		n++
		if len(d.FollowUpOffered) == 0 {
			without++
		} else if d.Date.After(s.LastDone) {
			s.LastDone = d.Date
		}
		if d.NoticeOutstanding() {
			unnotified++
		}
	}
	if without > 0 {
		s.Notes = append(s.Notes, fmt.Sprintf("%d av %d %s siste 12 måneder uten registrert tilbud om oppfølging", without, n, violencePlural(n, "hendelse", "hendelser")))
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
