package model

import "fmt"

// The file keeps only its present state: a measure closed in February
// shows as closed, whatever date a report is made «per». A report with a
// status date before something the file records as done would show what
// had not yet happened on that date, so the report's status date may not
// be earlier than the latest such record (RecordedAfter). To see the
// report as it was, open the backup from that day.

// LaterRecord is something the file records as done after a date.
type LaterRecord struct {
	Date Date
	What string // «tiltak nr. 14 evaluert 20.02.2026»
}

// RecordedAfter returns the latest thing d records as done after today:
// a measure made, done or evaluated; a deviation reported or closed; a
// safety round completed; a risk assessment finished; the 3A mapping
// reviewed. Planned dates (deadlines, meetings, next reviews) are not
// records of something done and are not looked at.
func (d AnnualData) RecordedAfter(today Date) (LaterRecord, bool) {
	var latest LaterRecord
	note := func(when Date, format string, args ...any) {
		if when.After(today) && when.After(latest.Date) {
			latest = LaterRecord{Date: when, What: fmt.Sprintf(format, args...) + " " + when.String()}
		}
	}
	for _, m := range d.Measures {
		note(m.Created, "tiltak nr. %d opprettet", m.ID)
		note(m.CompletedOn, "tiltak nr. %d lukket", m.ID)
		note(m.EvaluatedOn, "tiltak nr. %d evaluert", m.ID)
	}
	for _, dv := range d.Deviations {
		note(dv.Date, "avvik nr. %d registrert", dv.ID)
		note(dv.ClosedOn, "avvik nr. %d lukket", dv.ID)
	}
	for _, r := range d.SafetyRounds {
		note(r.CompletedDate(), "vernerunden %s fullført", r.Date)
	}
	for _, a := range d.Assessments {
		if a.Status == AssessmentDone {
			note(a.Date, "risikovurderingen «%s» gjennomført", a.Title)
		}
	}
	if m := d.Violence.Mapping; m != nil {
		note(m.Date, "kartleggingen av vold og trusler gjennomgått")
	}
	return latest, !latest.Date.IsZero()
}
