package storage

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// A deleted measure is also removed from the violence-and-threats mapping
// that links it, in DeleteMeasure's transaction, so the mapping keeps no
// dead link.
var _ = registerMeasureUnlinker(unlinkMeasureFromViolenceMapping)

func unlinkMeasureFromViolenceMapping(tx *bbolt.Tx, id uint64, what string) ([]Change, error) {
	r, found, err := findViolence(tx, violenceKindMapping)
	if err != nil || !found || r.Mapping == nil {
		return nil, err
	}
	m := *r.Mapping
	n := len(m.Measures)
	m.Measures = slices.DeleteFunc(append([]model.ViolenceMeasureLink(nil), m.Measures...), func(l model.ViolenceMeasureLink) bool { return l.MeasureID == id })
	if len(m.Measures) == n {
		return nil, nil
	}
	if len(m.Measures) == 0 {
		m.Measures = nil
	}
	if err := violenceRecords.put(tx, violenceRecord{Kind: violenceKindMapping, Mapping: &m}); err != nil {
		return nil, err
	}
	return []Change{{Entity: EntityViolenceMapping, EntityID: m.ID, Kind: ChangeUpdated,
		Summary: fmt.Sprintf("Fjernet koblingen fra kartleggingen av vold og trusler til %s", what)}}, nil
}
