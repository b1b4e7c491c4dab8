package model

// CompletedDate is the day r was completed and locked: the date the
// round list, the dashboard and the annual report all give as «fullført».
// Zero while the round is in progress. The round's Date is the day of the
// inspection, which may be weeks earlier; a completed round stored
// without its completion day (not accepted since CompletedOn is required)
// gives its Date.
func (r SafetyRound) CompletedDate() Date {
	if !r.Locked() {
		return Date{}
	}
	if r.CompletedOn.IsZero() {
		return r.Date
	}
	return r.CompletedOn
}

// LatestCompletedRound is the round completed last, by CompletedDate (the
// later-created one on the same day); false when none is completed.
func LatestCompletedRound(rs []SafetyRound) (SafetyRound, bool) {
	var best SafetyRound
	found := false
	for _, r := range rs {
		if !r.Locked() {
			continue
		}
		d, b := r.CompletedDate(), best.CompletedDate()
		if !found || d.After(b) || (d == b && r.ID > best.ID) {
			best, found = r, true
		}
	}
	return best, found
}

// RoundToFinish is the round in progress that, once completed, fulfils
// the safety-round duty e (ProofFor): the latest one dated in the duty's
// half-year, no later than today. False when there is none, or e is not a
// safety-round duty; the dashboard then opens the list of rounds.
func RoundToFinish(e WheelEntry, rs []SafetyRound, today Date) (SafetyRound, bool) {
	if e.Kind != WheelSafetyRound {
		return SafetyRound{}, false
	}
	w := wheelWindow(e.Year, e.Seq, 2)
	var best SafetyRound
	found := false
	for _, r := range rs {
		if !SafetyRoundUnfinishedIn(r, e.Year, today) || !w.contains(r.Date) {
			continue
		}
		if !found || r.Date.After(best.Date) || (r.Date == best.Date && r.ID > best.ID) {
			best, found = r, true
		}
	}
	return best, found
}
