package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// The action plan: measures (tiltak) in "measures". Measures made from a
// risk item are linked both ways: the measure's Source names the item, and
// the item's MeasureIDs lists the measure. Deleting a measure removes it
// from the items; deleting an item or assessment leaves its measures in
// the plan, where their Source label still says where they came from.

// measures reads measures; writes use measureEntity with the day's date.
var measures = measureEntity(model.Date{})

// measureEntity is the measure entity for a save on day today: a new
// measure gets Created (if not given) and Updated = today, an edited one
// keeps its Created if left out and gets Updated = today only if anything
// else changed, and the result is validated as of today.
func measureEntity(today model.Date) entity[model.Measure] {
	return entity[model.Measure]{
		bucket: bucketMeasures,
		name:   EntityMeasure,
		id:     func(m model.Measure) uint64 { return m.ID },
		setID:  func(m *model.Measure, id uint64) { m.ID = id },
		label:  func(m model.Measure) string { return "«" + m.Title + "»" },
		norm:   model.Measure.Normalized,
		fill: func(old model.Measure, created bool, m model.Measure) model.Measure {
			if created {
				if m.Created.IsZero() {
					m.Created = today
				}
				m.Updated = today
				return m
			}
			if m.Created.IsZero() {
				m.Created = old.Created
			}
			m.Updated = old.Updated
			if m != old {
				m.Updated = today
			}
			return m
		},
		check: func(m model.Measure) error { return m.Validate(today) },
	}
}

var _ = registerBucket(recordSpec(bucketMeasures, "tiltak", 2, func(id uint64, m model.Measure) error {
	if m.ID != id {
		return fmt.Errorf("posten har ID %d", m.ID)
	}
	if m.Updated.IsZero() {
		return errors.New("mangler dato for sist endret")
	}
	// A measure was valid on the day it was last saved; later days can
	// only make a completion date more plausible, never less.
	return m.Validate(m.Updated)
}))

// Measures returns all measures in ID order.
func (s *Store) Measures() ([]model.Measure, error) {
	return listEntities(s, measures)
}

// Measure returns one measure.
func (s *Store) Measure(id uint64) (model.Measure, error) {
	return getEntity(s, measures, id)
}

// SaveMeasure creates (ID 0) or updates a measure. A new measure gets
// Created = today if it has none; Updated becomes today whenever anything
// changes. The normalised measure is validated as of today and returned as
// stored, with its ID.
func (s *Store) SaveMeasure(m model.Measure, today model.Date) (model.Measure, error) {
	return inBatch(s, func(b *Batch) (model.Measure, error) { return b.SaveMeasure(m, today) })
}

// SaveMeasure is Store.SaveMeasure inside the batch.
func (b *Batch) SaveMeasure(m model.Measure, today model.Date) (model.Measure, error) {
	e := measureEntity(b.today(today))
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var c Change
		var err error
		m, c, err = e.save(tx, m)
		return single(c, err)
	})
	return m, err
}

// TransitionMeasure moves measure id to status to by the model's status
// flow (model.Measure.Transition), reading and writing in one
// transaction. A refused change returns the model's ValidationError and
// leaves the database as it was.
func (s *Store) TransitionMeasure(id uint64, to model.Status, in model.TransitionInput, today model.Date) (model.Measure, error) {
	return inBatch(s, func(b *Batch) (model.Measure, error) { return b.TransitionMeasure(id, to, in, today) })
}

// TransitionMeasure is Store.TransitionMeasure inside the batch.
func (b *Batch) TransitionMeasure(id uint64, to model.Status, in model.TransitionInput, today model.Date) (model.Measure, error) {
	today = b.today(today)
	var out model.Measure
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, err := measures.get(tx, id)
		if err != nil {
			return nil, err
		}
		out = old
		n, err := old.Transition(to, in, today)
		if err != nil {
			return nil, err
		}
		n, c, err := measureEntity(today).save(tx, n)
		if err != nil {
			return nil, err
		}
		out = n
		c.Summary = fmt.Sprintf("Endret status for tiltak «%s» fra %s til %s", n.Title, statusWord(old.Status), statusWord(to))
		switch to {
		case model.StatusUtsatt:
			c.Summary += fmt.Sprintf(" (ny frist %s)", n.Deadline)
		case model.StatusUtfort:
			c.Summary += fmt.Sprintf(" (utført %s)", n.CompletedOn)
		}
		return []Change{c}, nil
	})
	return out, err
}

// statusWord is a status as it reads inside a sentence: "pågår".
func statusWord(s model.Status) string {
	if l := s.Label(); l != "" {
		return strings.ToLower(l)
	}
	return string(s)
}

// DeleteMeasure removes a measure and, in the same transaction, its ID
// from every risk item (and record of another module, see
// measureUnlinkers) that links to it.
func (s *Store) DeleteMeasure(id uint64) error {
	return s.Batch(func(b *Batch) error { return b.DeleteMeasure(id) })
}

// DeleteMeasure is Store.DeleteMeasure inside the batch.
func (b *Batch) DeleteMeasure(id uint64) error {
	return b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, c, err := measures.remove(tx, id)
		if err != nil {
			return nil, err
		}
		changes := []Change{c}
		what := fmt.Sprintf("det slettede tiltaket «%s»", old.Title)
		if old.ID == 0 {
			what = fmt.Sprintf("det slettede tiltaket med ID %d", id)
		}
		var linked []model.RiskItem
		err = forEachDecodable(tx, bucketRiskItems, func(itemID uint64, it model.RiskItem) error {
			if slices.Contains(it.MeasureIDs, id) {
				it.ID = itemID
				linked = append(linked, it)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, it := range linked {
			it.MeasureIDs = withoutID(it.MeasureIDs, id)
			if err := riskItems.put(tx, it); err != nil {
				return nil, err
			}
			changes = append(changes, Change{Entity: EntityRiskItem, EntityID: it.ID, Kind: ChangeUpdated,
				Summary: fmt.Sprintf("Fjernet koblingen fra risikoforhold «%s» til %s", it.Hazard, what)})
		}
		for _, unlink := range measureUnlinkers {
			cs, err := unlink(tx, id, what)
			if err != nil {
				return nil, err
			}
			changes = append(changes, cs...)
		}
		return changes, nil
	})
}

// measureUnlinkers remove a deleted measure's ID from the records of other
// modules that link to it (deviations …), in DeleteMeasure's transaction.
// what describes the measure for the change log ("det slettede tiltaket
// «…»"). Modules add theirs with registerMeasureUnlinker.
var measureUnlinkers []func(tx *bbolt.Tx, id uint64, what string) ([]Change, error)

// registerMeasureUnlinker adds fn to measureUnlinkers; call it from a
// package-level var in the module's file.
func registerMeasureUnlinker(fn func(tx *bbolt.Tx, id uint64, what string) ([]Change, error)) bool {
	measureUnlinkers = append(measureUnlinkers, fn)
	return true
}

// withoutID returns ids without id, nil when nothing is left.
func withoutID(ids []uint64, id uint64) []uint64 {
	var out []uint64
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}
