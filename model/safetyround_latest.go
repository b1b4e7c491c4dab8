package model

// LatestSafetyRound is the round with the latest date (the later-created
// one on the same date); false when there is none. The meeting view shows
// it under the agenda item «Vernerunde».
func LatestSafetyRound(rs []SafetyRound) (SafetyRound, bool) {
	var best SafetyRound
	found := false
	for _, r := range rs {
		if !found || r.Date.After(best.Date) || (r.Date == best.Date && r.ID > best.ID) {
			best, found = r, true
		}
	}
	return best, found
}

// OpenRoundMeasures are the open measures linked to r's findings, in
// deadline order, each once.
func OpenRoundMeasures(r SafetyRound, ms []Measure) []Measure {
	linked := map[uint64]bool{}
	for _, f := range r.Findings() {
		for _, id := range f.Answer.MeasureIDs {
			linked[id] = true
		}
	}
	var out []Measure
	for _, m := range ms {
		if linked[m.ID] && m.Open() {
			out = append(out, m)
		}
	}
	SortMeasures(out, SortByDeadline, false)
	return out
}
