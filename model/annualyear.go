package model

// What "done in the year" means for the annual report and the submission.
// A report for year Y describes what happened in Y and the state at the
// end of Y. Two dates are used, and the report says so once:
//
//   - Whether something was done (an assessment carried out, a round or a
//     meeting held, a training given, a measure closed or evaluated, a
//     mapping made, a 10-FAKTOR round received) is judged by the date the
//     record carries: it must fall in Y, and nothing dated after 31.12.Y
//     (or after the report date) counts. Whether the documentation was up
//     to date (a review overdue) is judged on the year's state date,
//     HMSYear.StateDate: 31.12.Y, or the report date while Y is running.
//   - The status of follow-up items (is a measure open or overdue, is a
//     deviation open) is given per the report date, since that is what the
//     committee acts on when it signs.
//
// Where a record has no date that tells, the assumption is written here
// and listed by YearAssumptions, which the report prints.

import (
	"fmt"
	"slices"
)

// StateDate is the date the year's state is judged on: the last day of
// the year, or today while the year is still running.
func (y HMSYear) StateDate(today Date) Date {
	end := y.End()
	if !today.IsZero() && today.Before(end) {
		return today
	}
	return end
}

// Over reports whether the year has ended on today (a zero today counts
// as after it, as StateDate does): a report made before it is a draft of
// a year in progress.
func (y HMSYear) Over(today Date) bool { return y.StateDate(today) == y.End() }

// InProgressNote says, for a year still running on today, that it is not
// over and up to which date the report counts; "" for a year that has
// ended. The cover and the Rapporter screen print it.
func (y HMSYear) InProgressNote(today Date) string {
	if y.Over(today) {
		return ""
	}
	return fmt.Sprintf("Året er ikke over: rapporten gjelder %s til og med %s, og tallene er foreløpige.",
		y.Start(), today)
}

// DoneIn reports whether a record dated d counts as done in y as of
// today: dated in the year and not after today.
func (y HMSYear) DoneIn(d Date, today Date) bool {
	return y.Contains(d) && (today.IsZero() || !d.After(today))
}

// AssessmentCarriedOutIn reports whether a was carried out in y: finished
// (status ferdig) and dated in the year. The assessment has no separate
// completion date; its date is taken as the day it was carried out.
// Drafts and assessments in progress are never counted.
func AssessmentCarriedOutIn(a RiskAssessment, y HMSYear, today Date) bool {
	return a.Status == AssessmentDone && y.DoneIn(a.Date, today)
}

// AssessmentsInForce returns the IDs of the assessments among as that were
// in force at the end of day on: finished, dated no later than on, and not
// replaced by a finished assessment dated no later than on. A revision
// started after on (or still a draft) does not retire its predecessor.
// as must be the unit's whole list, so successors can be looked up.
func AssessmentsInForce(as []RiskAssessment, on Date) map[uint64]bool {
	byID := make(map[uint64]RiskAssessment, len(as))
	for _, a := range as {
		byID[a.ID] = a
	}
	finishedBy := func(a RiskAssessment) bool {
		return a.Status == AssessmentDone && !a.Date.IsZero() && !a.Date.After(on)
	}
	out := map[uint64]bool{}
	for _, a := range as {
		if !finishedBy(a) {
			continue
		}
		if a.SupersededBy != 0 {
			// A successor missing from the file is taken at its word: the
			// record says it was replaced.
			next, ok := byID[a.SupersededBy]
			if !ok || next.ID == a.ID || finishedBy(next) {
				continue
			}
		}
		out[a.ID] = true
	}
	return out
}

// SafetyRoundHeldIn reports whether r counts as held in y: completed
// (locked) and dated in the year, no later than today. The round's date
// is the day of the inspection; a round still being filled in is not
// counted, however it is dated.
func SafetyRoundHeldIn(r SafetyRound, y HMSYear, today Date) bool {
	return r.Status == RoundCompleted && y.DoneIn(r.Date, today)
}

// SafetyRoundUnfinishedIn reports whether r is dated in y but not
// completed: started, not counted as held.
func SafetyRoundUnfinishedIn(r SafetyRound, y HMSYear, today Date) bool {
	return r.Status != RoundCompleted && y.DoneIn(r.Date, today)
}

// MeetingHeldIn reports whether m was held in y: dated in the year and
// no later than today. A meeting has no status; its date having come is
// taken as it being held.
func MeetingHeldIn(m Meeting, y HMSYear, today Date) bool {
	return y.DoneIn(m.Date, today) && m.Held(today)
}

// Serious reports whether s is alvorlig or svært alvorlig: a deviation
// the committee must see followed up before the year is signed.
func (s Severity) Serious() bool { return s == SeveritySerious || s == SeverityVerySerious }

// MeasureEvaluatedOn is the date a measure's effect was evaluated: its
// EvaluatedOn, or, for records made before that field existed, its last
// update (evaluert is final, so the last update is the evaluation or a
// later edit; a later edit moves the date later, never earlier).
func MeasureEvaluatedOn(m *Measure) Date {
	if m.Status != StatusEvaluert {
		return Date{}
	}
	if !m.EvaluatedOn.IsZero() {
		return m.EvaluatedOn
	}
	return m.Updated
}

// MeasureEvaluatedIn reports whether m was completed in y and its effect
// evaluated by the end of y (no later than today).
func MeasureEvaluatedIn(m *Measure, y HMSYear, today Date) bool {
	if m.Status != StatusEvaluert || !y.Contains(m.CompletedOn) {
		return false
	}
	on := MeasureEvaluatedOn(m)
	return !on.IsZero() && !on.After(y.StateDate(today))
}

// SurveyRoundFor returns the 10-FAKTOR round that is the unit's latest
// result in y: the newest round of year y or earlier whose results were
// received by the end of y (a round without a results date counts by its
// year). 10-FAKTOR is usually run every second year, so the round of the
// year before is still the unit's latest in a year without one. nil when
// there is none.
func SurveyRoundFor(rounds []SurveyRound, y HMSYear, today Date) *SurveyRound {
	var best *SurveyRound
	state := y.StateDate(today)
	for i := range rounds {
		r := &rounds[i]
		if r.Year > y || (!r.ResultsOn.IsZero() && r.ResultsOn.After(state)) {
			continue
		}
		if best == nil || r.Year > best.Year || (r.Year == best.Year && r.ResultsOn.After(best.ResultsOn)) {
			best = r
		}
	}
	if best == nil {
		return nil
	}
	c := *best
	return &c
}

// ViolenceInputFor returns the violence module's input as it can document
// year y: records dated after the year's state date are left out. The
// mapping is one record holding its last review; when that review is
// dated after the year, there is nothing in the file that documents the
// mapping for y, and note says so. The measures and incidents are in's
// own (clipped) when none is left out: read them, do not change them.
func ViolenceInputFor(in ViolenceStatusInput, y HMSYear, today Date) (out ViolenceStatusInput, note string) {
	state := y.StateDate(today)
	out = in
	if m := in.Mapping; m != nil && !m.Date.IsZero() && m.Date.After(state) {
		out.Mapping = nil
		note = "Kartleggingen av vold og trusler er sist gjennomgått " + m.Date.String() + ", etter " + state.String() +
			". Filen har ikke den tidligere kartleggingen, så den kan ikke dokumentere " + y.String() + "."
	}
	out.Trainings = keepOnly(in.Trainings, func(t *ViolenceTraining) bool { return !t.Date.After(state) })
	out.Routines = in.Routines.asOf(state)
	out.Measures = keepShared(in.Measures, func(m *Measure) bool { return m.Created.IsZero() || !m.Created.After(state) })
	out.Incidents = keepShared(in.Incidents, func(d *Deviation) bool { return !d.Date.After(state) })
	return out, note
}

// keepOnly returns a new slice of the elements of in that keep accepts, in
// order, or nil if none. It counts them first: for a register of 10 000
// deviations, growing the slice by appending copied the large records
// again and again, and made most of the annual report's garbage.
func keepOnly[T any](in []T, keep func(*T) bool) []T {
	n := 0
	for i := range in {
		if keep(&in[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]T, 0, n)
	for i := range in {
		if keep(&in[i]) {
			out = append(out, in[i])
		}
	}
	return out
}

// keepShared is keepOnly, except that when keep accepts every element it
// returns in itself (clipped, so appending to it never writes into in's
// array) instead of a copy. For read-only use: ViolenceInputFor's
// measures and incidents, which for a past year are usually all of them
// (4 200 measures and 2 500 deviations copied twice per annual report).
func keepShared[T any](in []T, keep func(*T) bool) []T {
	for i := range in {
		if !keep(&in[i]) {
			return keepOnly(in, keep)
		}
	}
	if len(in) == 0 {
		return nil
	}
	return slices.Clip(in)
}

// ViolenceStatusForYear is the status per duty as the annual report and
// the submission give it for y: each duty judged on the records of the
// year (ViolenceInputFor) as of the year's state date, except the
// measures' deadlines, which are follow-up status and judged per today,
// and the follow-up after incidents, judged on the incidents of the year
// (ViolenceFollowUpYear) rather than the status page's last 12 months.
func ViolenceStatusForYear(in ViolenceStatusInput, y HMSYear, today Date) (st []ViolenceDutyStatus, note string) {
	_, st, note = ViolenceYear(in, y, today)
	return st, note
}

// ViolenceYear is ViolenceInputFor and ViolenceStatusForYear in one, for a
// caller that needs both: the year's input is made once (it copies the
// deviation register).
func ViolenceYear(in ViolenceStatusInput, y HMSYear, today Date) (yin ViolenceStatusInput, st []ViolenceDutyStatus, note string) {
	yin, note = ViolenceInputFor(in, y, today)
	st = ViolenceStatus(yin, y.StateDate(today))
	now := ViolenceStatus(yin, today)
	for i := range st {
		switch {
		case st[i].Duty == DutyMeasures:
			for _, n := range now {
				if n.Duty == DutyMeasures {
					st[i] = n
				}
			}
		case st[i].Duty == DutyFollowUp:
			// The year's incidents, as the section's figures count them
			// (ViolenceYearIncidents), not the screen's last 12 months.
			from, to, period := ViolenceFollowUpYear(y, today)
			st[i] = followUpStatus(yin.Incidents, from, to, period)
		case st[i].Duty == DutyMapping && note != "":
			st[i].Notes = []string{"Kartleggingen i filen er datert " + in.Mapping.Date.String() + ", etter " + y.String() +
				"; ingen kartlegging dokumenterer " + y.String()}
		}
	}
	return yin, st, note
}

// Chapter3AFrom is the first year of forskrift om utførelse av arbeid
// kap. 3A (before it, kap. 23A): § 3A-1, the general duty, has no
// counterpart before it.
const Chapter3AFrom HMSYear = 2026

// YearAssumptions are the rules above that rest on an assumption, in the
// words the annual report prints.
func YearAssumptions(y HMSYear, today Date) []string {
	return []string{
		"Det som er gjennomført, regnes etter datoen på registreringen: den må ligge i " + y.String() +
			", og ingenting datert etter " + y.StateDate(today).String() + " teller.",
		"Status for tiltak og avvik (åpen, forfalt, lukket) er per " + today.String() + ", statusdatoen på forsiden.",
		"En risikovurdering regnes som gjennomført på datoen den har, når den er ferdig. Utkast og vurderinger som pågår, telles ikke.",
		"En vernerunde regnes som holdt på datoen den har, når den er fullført og låst.",
		"Et møte regnes som holdt når møtedatoen er passert.",
		"Et tiltak regnes som evaluert på datoen det fikk status evaluert (for eldre tiltak: datoen det sist ble endret).",
	}
}

// SafetyRoundInYear reports whether r belongs to y's safety-round table:
// held in y, or dated in y and not completed.
func SafetyRoundInYear(r SafetyRound, y HMSYear, today Date) bool {
	return SafetyRoundHeldIn(r, y, today) || SafetyRoundUnfinishedIn(r, y, today)
}

// MeasuresOverdue splits a summary line's «tiltak over fristen»
// (PlanFigures.OverdueBySource for one source) by where the measures came
// from: records the module's section shows (FromYear: the year's rounds,
// deviations, assessments or meetings), earlier years' records (the
// measure was made before the year began), or other records not in the
// section (deleted, or none named). The section needs the split because
// it shows only the year's records, so the two figures would otherwise
// seem to disagree.
type MeasuresOverdue struct {
	FromYear, FromEarlier, FromOther int
}

// Total is the summary's figure.
func (o MeasuresOverdue) Total() int { return o.FromYear + o.FromEarlier + o.FromOther }

// overdueFrom counts, as planFigures does, the overdue measures of kind
// k in y's action plan; shown says whether the section shows the record a
// measure came from.
func overdueFrom(k SourceKind, measures []Measure, y HMSYear, today Date, shown func(Source) bool) MeasuresOverdue {
	var o MeasuresOverdue
	for i := range measures {
		m := &measures[i]
		if m.Source.Kind != k || !MeasureInYear(m, y) || !m.Overdue(today) {
			continue
		}
		switch {
		case shown(m.Source):
			o.FromYear++
		case m.Created.Before(y.Start()):
			o.FromEarlier++
		default:
			o.FromOther++
		}
	}
	return o
}

// SafetyRoundOverdueIn splits the safety-round line's overdue measures by
// the rounds of y's section (SafetyRoundInYear). Only the year's rounds
// are needed: the report loads no others.
func SafetyRoundOverdueIn(rounds []SafetyRound, measures []Measure, y HMSYear, today Date) MeasuresOverdue {
	inYear := map[uint64]bool{}
	for _, r := range rounds {
		inYear[r.ID] = SafetyRoundInYear(r, y, today)
	}
	return overdueFrom(SourceSafetyRound, measures, y, today, func(s Source) bool { return s.ParentID != 0 && inYear[s.ParentID] })
}

// DeviationOverdueIn splits the deviation line's overdue measures by the
// deviations registered in y (DeviationInYear), those the section counts.
func DeviationOverdueIn(devs []Deviation, measures []Measure, y HMSYear, today Date) MeasuresOverdue {
	inYear := map[uint64]bool{}
	for _, d := range devs {
		inYear[d.ID] = DeviationInYear(d, y, today)
	}
	return overdueFrom(SourceDeviation, measures, y, today, func(s Source) bool { return inYear[s.RefID] })
}

// RiskOverdueIn splits the risk line's overdue measures by the
// assessments in y's section (AssessmentsForYear).
func RiskOverdueIn(as []RiskAssessment, measures []Measure, y HMSYear, today Date) MeasuresOverdue {
	inYear := map[uint64]bool{}
	for _, a := range AssessmentsForYear(as, y, today) {
		inYear[a.ID] = true
	}
	return overdueFrom(SourceRiskAssessment, measures, y, today, func(s Source) bool { return inYear[s.ParentID] })
}

// MeetingOverdueIn splits the meeting line's overdue measures by the
// meetings held in y (MeetingHeldIn), those the section's table lists.
func MeetingOverdueIn(meetings []Meeting, measures []Measure, y HMSYear, today Date) MeasuresOverdue {
	inYear := map[uint64]bool{}
	for _, m := range meetings {
		inYear[m.ID] = MeetingHeldIn(m, y, today)
	}
	return overdueFrom(SourceMeetingDecision, measures, y, today, func(s Source) bool { return inYear[s.ParentID] })
}

// DeviationInYear reports whether a deviation is one of y's: registered
// (dated) in the year and not after today. The annual report's deviation
// section and its overdue split count these.
func DeviationInYear(d Deviation, y HMSYear, today Date) bool {
	return y.Contains(d.Date) && (today.IsZero() || !d.Date.After(today))
}
