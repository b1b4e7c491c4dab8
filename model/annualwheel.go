package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The annual wheel (årshjul) is the year's HMS duties with the month each
// is due. DefaultWheel generates a year's duties; the unit can move a
// duty's deadline and mark it done, and only such adjusted entries are
// stored. MergeWheel lays them over the defaults.

// WheelKind is one kind of duty in the annual wheel.
type WheelKind string

// Wheel kinds, in display order within a month.
const (
	WheelInternalControl WheelKind = "internkontrollrapport"
	WheelAMU             WheelKind = "amu"
	WheelMeeting         WheelKind = "mote"
	WheelSickLeave       WheelKind = "sykefravaer"
	WheelSafetyRound     WheelKind = "vernerunde"
	WheelRiskReview      WheelKind = "risikovurdering"
	WheelViolenceMapping WheelKind = "vold_kartlegging"
	WheelTenFactor       WheelKind = "tifaktor"
	WheelTenFactorFollow WheelKind = "tifaktor_oppfolging"
	WheelActionPlan      WheelKind = "handlingsplan"
	WheelTraining        WheelKind = "opplaering"
)

var wheelKindLabels = map[WheelKind]string{
	WheelInternalControl: "Internkontrollrapport",
	WheelAMU:             "Rapport til AMU",
	WheelMeeting:         "Møte i HMS-utvalget",
	WheelSickLeave:       "Sykefraværstall",
	WheelSafetyRound:     "Vernerunde",
	WheelRiskReview:      "Gjennomgang av risikovurderinger",
	WheelViolenceMapping: "Kartlegging av vold og trusler",
	WheelTenFactor:       "10-FAKTOR-undersøkelse",
	WheelTenFactorFollow: "10-FAKTOR – oppfølging",
	WheelActionPlan:      "Årlig gjennomgang av handlingsplanen",
	WheelTraining:        "Opplæring i HMS",
}

// WheelKinds returns all kinds in display order.
func WheelKinds() []WheelKind {
	return []WheelKind{WheelInternalControl, WheelAMU, WheelMeeting, WheelSickLeave, WheelSafetyRound,
		WheelRiskReview, WheelViolenceMapping, WheelTenFactor, WheelTenFactorFollow, WheelActionPlan, WheelTraining}
}

// Label returns the display name, or "" for an unknown kind.
func (k WheelKind) Label() string { return wheelKindLabels[k] }

// Valid reports whether k is one of the defined kinds.
func (k WheelKind) Valid() bool { _, ok := wheelKindLabels[k]; return ok }

// WheelEntry is one duty in one year. Year, Kind and Seq identify it (Seq
// numbers duties of a kind that recur within the year: the quarter of
// sick-leave figures, the meeting, spring or autumn round). ID is the
// stored record's, 0 for a default never adjusted.
type WheelEntry struct {
	ID    uint64    `json:"id"`
	Year  HMSYear   `json:"year"`
	Kind  WheelKind `json:"kind"`
	Seq   int       `json:"seq"`
	Title string    `json:"title"`
	Due   Date      `json:"due"`  // the deadline; by default the last day of the month
	Done  Date      `json:"done"` // zero = not done
	Note  string    `json:"note"`
	// Proof is the record that fulfils the duty (ProveWheel); never
	// stored, it is read from the unit's records each time.
	Proof WheelProof `json:"-"`
}

// WheelKey identifies a duty within the years.
type WheelKey struct {
	Year HMSYear
	Kind WheelKind
	Seq  int
}

// Key returns the entry's identity.
func (e WheelEntry) Key() WheelKey { return WheelKey{e.Year, e.Kind, e.Seq} }

// Field names for annual-wheel entries.
const (
	FieldWheelYear = "HMS-år"
	FieldWheelKind = "Type"
	FieldWheelSeq  = "Nummer i årshjulet"
	FieldWheelDue  = "Frist"
	FieldWheelDone = "Utført"
	FieldWheelNote = "Merknad"
)

// WheelState is where a duty stands on a given day.
type WheelState string

// Wheel states.
const (
	WheelDone     WheelState = "utfort"
	WheelLate     WheelState = "forfalt"
	WheelDueNow   WheelState = "denne_maneden"
	WheelUpcoming WheelState = "kommende"
)

var wheelStateLabels = map[WheelState]string{
	WheelDone:     "Utført",
	WheelLate:     "Forfalt",
	WheelDueNow:   "Denne måneden",
	WheelUpcoming: "Kommer",
}

// Label returns the state in words.
func (s WheelState) Label() string { return wheelStateLabels[s] }

// State returns where the duty stands today:
//   - done once a record proves it (Proof) or it is marked done;
//   - late when the deadline is before today (a deadline of 31.01 is late
//     on 01.02, and 31.12 is late on 01.01 the year after);
//   - due this month when the deadline is today or later in today's month;
//   - upcoming otherwise.
func (e WheelEntry) State(today Date) WheelState {
	switch {
	case !e.Done.IsZero() || e.Proof.Proven():
		return WheelDone
	case e.Due.IsZero():
		return WheelUpcoming
	case e.Due.Before(today):
		return WheelLate
	case e.Due.Year() == today.Year() && e.Due.Month() == today.Month():
		return WheelDueNow
	}
	return WheelUpcoming
}

// Validate checks an entry as it would be saved: a known kind, a title, a
// deadline within the entry's year, and a done date that is not in the
// future.
func (e WheelEntry) Validate(today Date) error {
	var v ValidationError
	if e.Year < MinHMSYear || e.Year > MaxHMSYear {
		v.Add(FieldWheelYear, fmt.Sprintf("HMS-år må være fra %d til %d", MinHMSYear, MaxHMSYear))
	}
	if !e.Kind.Valid() {
		v.Add(FieldWheelKind, "Ukjent type i årshjulet")
	}
	if e.Seq < 1 {
		v.Add(FieldWheelSeq, "Punktet i årshjulet mangler nummer")
	}
	checkText(&v, FieldTitle, e.Title, true, MaxTitleLen)
	switch {
	case e.Due.IsZero():
		v.Add(FieldWheelDue, FieldWheelDue+" må fylles ut")
	case !e.Year.Contains(e.Due):
		v.Add(FieldWheelDue, fmt.Sprintf("%s må være i %s", FieldWheelDue, e.Year))
	}
	if !e.Done.IsZero() && e.Done.After(today) {
		v.Add(FieldWheelDone, FieldWheelDone+" kan ikke være frem i tid")
	}
	checkText(&v, FieldWheelNote, e.Note, false, MaxNoteLen)
	return v.Err()
}

// Normalized trims the text fields.
func (e WheelEntry) Normalized() WheelEntry {
	e.Title = strings.TrimSpace(e.Title)
	e.Note = strings.TrimSpace(e.Note)
	return e
}

// TenFactorYear reports whether year is a 10-FAKTOR survey year: every
// second year counted from lastSurvey, or even years when the unit has no
// survey yet.
func TenFactorYear(year, lastSurvey HMSYear) bool {
	if lastSurvey == 0 {
		return year%2 == 0
	}
	d := int(year - lastSurvey)
	return d%2 == 0
}

// DefaultWheel returns the year's duties with their default deadlines (the
// last day of the month), sorted by deadline:
//   - January: the internal-control report for the year before.
//   - March: the report is presented to the AMU.
//   - Four committee meetings (February, May, September, November), each
//     with the sick-leave figures of the quarter before.
//   - Safety rounds in spring (May) and autumn (October).
//   - Review of the risk assessments (April) and of the violence and
//     threats mapping (September).
//   - 10-FAKTOR every second year: the survey in October and the choice of
//     areas in December; in the year between, the effect of the measures
//     is evaluated in June.
//   - The annual review of the action plan in December.
//   - HMS training held in the year, by December.
func DefaultWheel(year HMSYear, tenFactorYear bool) []WheelEntry {
	y := int(year)
	at := func(k WheelKind, seq int, month time.Month, title string) WheelEntry {
		return WheelEntry{Year: year, Kind: k, Seq: seq, Title: title, Due: monthEnd(y, month)}
	}
	prev := fmt.Sprint(y - 1)
	out := []WheelEntry{
		at(WheelInternalControl, 1, time.January, "Internkontrollrapport for "+prev+" leveres"),
		at(WheelAMU, 1, time.March, "Internkontrollrapporten legges fram for AMU"),
		at(WheelRiskReview, 1, time.April, "Gjennomgang av risikovurderingene"),
		at(WheelSafetyRound, 1, time.May, "Vernerunde (vår)"),
		at(WheelViolenceMapping, 1, time.September, "Kartlegging av vold og trusler gjennomgås (kap. 3A, tidligere 23A)"),
		at(WheelSafetyRound, 2, time.October, "Vernerunde (høst)"),
		at(WheelActionPlan, 1, time.December, "Årlig gjennomgang av HMS-handlingsplanen"),
		at(WheelTraining, 1, time.December, "Opplæring i HMS gjennomført i "+fmt.Sprint(y)),
	}
	meetings := []time.Month{time.February, time.May, time.September, time.November}
	for i, mo := range meetings {
		out = append(out, at(WheelMeeting, i+1, mo, fmt.Sprintf("Møte %d i HMS-utvalget", i+1)))
	}
	// The figures of a quarter are ready in the month after it ends.
	quarters := []struct {
		q  Quarter
		mo time.Month
	}{
		{Quarter{Year: y - 1, Q: 4}, time.February},
		{Quarter{Year: y, Q: 1}, time.May},
		{Quarter{Year: y, Q: 2}, time.August},
		{Quarter{Year: y, Q: 3}, time.November},
	}
	for i, q := range quarters {
		out = append(out, at(WheelSickLeave, i+1, q.mo, "Sykefraværstall for "+q.q.Long()))
	}
	if tenFactorYear {
		out = append(out,
			at(WheelTenFactor, 1, time.October, "10-FAKTOR-undersøkelsen gjennomføres"),
			at(WheelTenFactorFollow, 1, time.December, "10-FAKTOR: velg bevaringsområde og innsatsområde, med tiltak"))
	} else {
		out = append(out, at(WheelTenFactorFollow, 1, time.June, "10-FAKTOR: evaluer effekten av tiltakene"))
	}
	SortWheel(out)
	return out
}

// monthEnd returns the last day of the month.
func monthEnd(y int, m time.Month) Date { return NewDate(y, m+1, 0) }

// SortWheel sorts entries by deadline, then kind and number.
func SortWheel(es []WheelEntry) {
	slices.SortStableFunc(es, func(a, b WheelEntry) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		if c := cmpInt(enumIndex(WheelKinds(), a.Kind), enumIndex(WheelKinds(), b.Kind)); c != 0 {
			return c
		}
		return cmpInt(a.Seq, b.Seq)
	})
}

// MergeWheel lays the stored (adjusted) entries over the defaults: a
// stored entry replaces the default with the same key, keeping the
// default's title if its own is blank. Stored entries of the year without
// a default (e.g. a 10-FAKTOR duty from before the survey year changed)
// are kept. The result is sorted by deadline.
func MergeWheel(defaults, stored []WheelEntry) []WheelEntry {
	byKey := map[WheelKey]WheelEntry{}
	for _, s := range stored {
		byKey[s.Key()] = s
	}
	out := make([]WheelEntry, 0, len(defaults)+len(stored))
	used := map[WheelKey]bool{}
	for _, d := range defaults {
		if s, ok := byKey[d.Key()]; ok {
			if strings.TrimSpace(s.Title) == "" {
				s.Title = d.Title
			}
			d = s
		}
		used[d.Key()] = true
		out = append(out, d)
	}
	year := HMSYear(0)
	if len(defaults) > 0 {
		year = defaults[0].Year
	}
	for _, s := range stored {
		if !used[s.Key()] && (year == 0 || s.Year == year) {
			out = append(out, s)
		}
	}
	SortWheel(out)
	return out
}

// WheelAttention returns the duties due this month and the late ones, each
// sorted by deadline.
func WheelAttention(es []WheelEntry, today Date) (dueNow, late []WheelEntry) {
	for _, e := range es {
		switch e.State(today) {
		case WheelDueNow:
			dueNow = append(dueNow, e)
		case WheelLate:
			late = append(late, e)
		}
	}
	return dueNow, late
}
