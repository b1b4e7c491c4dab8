package storage

import (
	"fmt"

	"go.etcd.io/bbolt"
)

// A deleted measure is also removed from the 10-FAKTOR round that links it,
// in DeleteMeasure's transaction, so no round keeps a dead link.
var _ = registerMeasureUnlinker(unlinkMeasureFromSurveyRounds)

func unlinkMeasureFromSurveyRounds(tx *bbolt.Tx, id uint64, what string) ([]Change, error) {
	rounds, err := surveyRounds.list(tx)
	if err != nil {
		return nil, err
	}
	var changes []Change
	for _, r := range rounds {
		r2, changed := r.UnlinkMeasure(id)
		if !changed {
			continue
		}
		if err := surveyRounds.put(tx, r2); err != nil {
			return nil, err
		}
		changes = append(changes, Change{Entity: EntitySurveyRound, EntityID: r.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Fjernet koblingen fra 10-FAKTOR-runden «%s» til %s", r.Label(), what)})
	}
	return changes, nil
}
