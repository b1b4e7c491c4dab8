package model

// The per-page search (Ctrl+F) of the pages whose records the search
// across all registers does not look in: the violence module's training
// log and incidents, the sick-leave quarters and the 10-FAKTOR rounds.
// FoldSearch decides what is equal, as everywhere.

// MatchTraining reports whether training t has the words: in its topic,
// kind, the groups that took part, its notes or its date.
func (q SearchQuery) MatchTraining(t ViolenceTraining) bool {
	return q.Match(t.Topic, t.Kind.Label(), t.Groups, t.Notes, t.Date.String())
}

// MatchSickLeave reports whether quarter s has the words: the quarter as
// the table writes it («2026-K3») or in full («3. kvartal 2026»). A
// quarter holds figures only, so a search finds quarters and years.
func (q SearchQuery) MatchSickLeave(s SickLeaveQuarter) bool {
	return q.Match(s.Quarter.String(), s.Quarter.Long())
}

// MatchSurveyRound reports whether round r has the words: in its name
// («10-FAKTOR 2026»), notes, the focus areas' factors and texts, or the
// follow-up meetings' notes.
func (q SearchQuery) MatchSurveyRound(r SurveyRound) bool {
	fields := []string{"10-FAKTOR " + r.Year.String(), r.Notes}
	for _, f := range r.Focus {
		fields = append(fields, f.Factor.Label(), f.Factor.AltName(), f.WhatWorks, f.ToImprove)
	}
	for _, m := range r.Meetings {
		fields = append(fields, m.Notes)
	}
	return q.Match(fields...)
}

// MatchIncident reports whether violence incident d (a deviation in the
// register) has the words: where MatchDeviation looks, or in the type of
// violence, the severity, the harm to the person and the follow-up
// offered, as the violence module's incident tab shows them. Shared (in
// Møtemodus), what happened is not looked in, as the tab hides it.
func (q SearchQuery) MatchIncident(d Deviation, shared bool) bool {
	fields := append(deviationFields(d, shared), d.ViolenceType.Label(), d.Severity.Label(), d.PersonHarm.Label())
	for _, f := range d.FollowUpOffered {
		fields = append(fields, f.Label())
	}
	return q.Match(fields...)
}
