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
// the safety-round duty e (ProofFor): of those dated in the duty's
// half-year, no later than today, the one nearest completion (fewest
// questions left), the latest of those equally near. A round with every
// question answered that only needs locking thus wins over a newer empty
// one. False when there is none, or e is not a safety-round duty; the
// dashboard then opens the list of rounds.
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
		if !found || nearerDone(r, best) {
			best, found = r, true
		}
	}
	return best, found
}

// nearerDone reports whether round a is nearer completion than b: fewer
// questions left, or as many and later (dated, then created).
func nearerDone(a, b SafetyRound) bool {
	aa, at := a.Progress()
	ba, bt := b.Progress()
	if la, lb := at-aa, bt-ba; la != lb {
		return la < lb
	}
	return a.Date.After(b.Date) || (a.Date == b.Date && a.ID > b.ID)
}

// UnfinishedRound is the round in progress nearest completion (see
// RoundToFinish): the one to offer before another round is started.
// False when every round is completed.
func UnfinishedRound(rs []SafetyRound) (SafetyRound, bool) {
	var best SafetyRound
	found := false
	for _, r := range rs {
		if r.Locked() {
			continue
		}
		if !found || nearerDone(r, best) {
			best, found = r, true
		}
	}
	return best, found
}
