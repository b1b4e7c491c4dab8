package storage

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"
)

// A deleted measure is removed from the answers of safety rounds still in
// progress, in DeleteMeasure's transaction. A completed round is locked
// history: it keeps the link, and the screen and the PDF say that the
// measure has been deleted from the action plan.
var _ = registerMeasureUnlinker(unlinkMeasureFromSafetyRounds)

func unlinkMeasureFromSafetyRounds(tx *bbolt.Tx, id uint64, what string) ([]Change, error) {
	rounds, err := safetyRounds.list(tx)
	if err != nil {
		return nil, err
	}
	var changes []Change
	for _, r := range rounds {
		if r.Locked() {
			continue
		}
		changed := false
		for i, a := range r.Answers {
			if slices.Contains(a.MeasureIDs, id) {
				r.Answers[i].MeasureIDs = withoutID(a.MeasureIDs, id)
				changed = true
			}
		}
		if !changed {
			continue
		}
		if err := safetyRounds.put(tx, r); err != nil {
			return nil, err
		}
		changes = append(changes, Change{Entity: EntitySafetyRound, EntityID: r.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Fjernet koblingen fra vernerunden %s til %s", r.Date, what)})
	}
	return changes, nil
}
