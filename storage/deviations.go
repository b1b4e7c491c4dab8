package storage

import (
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// The deviation register (avvik) in "deviations". Measures made from a
// deviation are linked both ways, as for risk items: the measure's Source
// names the deviation, and the deviation's MeasureIDs lists the measure.
// Deleting a measure removes it from the deviation; deleting a deviation
// leaves its measures in the plan, where their Source label still says
// where they came from.
//
// The status changes only through TransitionDeviation, so a form holding
// an old copy of a deviation cannot undo a closing by saving.

// EntityDeviation is the deviation's name in the change log.
const EntityDeviation = "avvik"

// deviations reads deviations; writes use deviationEntity.
var deviations = deviationEntity(model.Date{}, nil)

// deviationEntity is the deviation entity for a save on day today. fill
// (optional) completes the record from the stored one before it is
// validated.
func deviationEntity(today model.Date, fill func(old model.Deviation, created bool, d model.Deviation) model.Deviation) entity[model.Deviation] {
	return entity[model.Deviation]{
		bucket: bucketDeviations,
		name:   EntityDeviation,
		id:     func(d model.Deviation) uint64 { return d.ID },
		setID:  func(d *model.Deviation, id uint64) { d.ID = id },
		label:  func(d model.Deviation) string { return "«" + d.Label() + "»" },
		norm:   model.Deviation.Normalized,
		fill:   fill,
		check:  func(d model.Deviation) error { return d.Validate(today) },
	}
}

// deviationLatestDate is the last date a record mentions: it was valid on
// the day it was saved, which is no earlier than that.
func deviationLatestDate(d model.Deviation) model.Date {
	l := d.Date
	for _, x := range []model.Date{d.ClosedOn, d.AuthoritiesNotifiedOn} {
		if x.After(l) {
			l = x
		}
	}
	return l
}

var (
	_ = registerBucket(recordSpec(bucketDeviations, "avvik", 3, func(id uint64, d model.Deviation) error {
		if d.ID != id {
			return fmt.Errorf("posten har ID %d", d.ID)
		}
		// When it was saved is not recorded; the rules that depend on the
		// day (no date in the future) are checked as of its latest date.
		return d.Validate(deviationLatestDate(d))
	}))
	_ = registerInvariant(checkDeviationInvariants)
	_ = registerMeasureUnlinker(unlinkMeasureFromDeviations)
)

// checkDeviationInvariants: every measure a deviation links to exists.
func checkDeviationInvariants(tx *bbolt.Tx) []string {
	var problems []string
	mb := tx.Bucket([]byte(bucketMeasures))
	_ = forEachDecodable(tx, bucketDeviations, func(id uint64, d model.Deviation) error {
		for _, mid := range d.MeasureIDs {
			if mb == nil || mb.Get(itob(mid)) == nil {
				problems = append(problems, fmt.Sprintf("Avvik %d («%s») er koblet til tiltak %d, som ikke finnes", id, d.Label(), mid))
			}
		}
		return nil
	})
	return problems
}

// unlinkMeasureFromDeviations removes a deleted measure from the
// deviations that link to it, inside DeleteMeasure's transaction.
func unlinkMeasureFromDeviations(tx *bbolt.Tx, id uint64, what string) ([]Change, error) {
	var linked []model.Deviation
	err := forEachDecodable(tx, bucketDeviations, func(devID uint64, d model.Deviation) error {
		if slices.Contains(d.MeasureIDs, id) {
			d.ID = devID
			linked = append(linked, d)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var changes []Change
	for _, d := range linked {
		d.MeasureIDs = withoutID(d.MeasureIDs, id)
		if err := deviations.put(tx, d); err != nil {
			return nil, err
		}
		changes = append(changes, Change{Entity: EntityDeviation, EntityID: d.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Fjernet koblingen fra avvik «%s» til %s", d.Label(), what)})
	}
	return changes, nil
}

// Deviations returns all deviations in ID order.
func (s *Store) Deviations() ([]model.Deviation, error) {
	return listEntities(s, deviations)
}

// Deviation returns one deviation.
func (s *Store) Deviation(id uint64) (model.Deviation, error) {
	return getEntity(s, deviations, id)
}

// SaveDeviation creates (ID 0) or updates a deviation, normalised and
// validated as of today, and returns it as stored.
//
// A new deviation without a status is registrert; a new one may be saved
// with any status the model accepts (imports, the demo). An edit keeps the
// stored status, who closed it and when, and the measure links: those
// change through TransitionDeviation and AddMeasureForDeviation. A new
// deviation's MeasureIDs are kept only for measures that exist.
func (s *Store) SaveDeviation(d model.Deviation, today model.Date) (model.Deviation, error) {
	return inBatch(s, func(b *Batch) (model.Deviation, error) { return b.SaveDeviation(d, today) })
}

// SaveDeviation is Store.SaveDeviation inside the batch.
func (b *Batch) SaveDeviation(d model.Deviation, today model.Date) (model.Deviation, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		mb, err := bucketOf(tx, bucketMeasures)
		if err != nil {
			return nil, err
		}
		e := deviationEntity(today, func(old model.Deviation, created bool, d model.Deviation) model.Deviation {
			if created {
				if d.Status == "" {
					d.Status = model.DevRegistered
				}
				d.MeasureIDs = slices.DeleteFunc(d.MeasureIDs, func(id uint64) bool { return mb.Get(itob(id)) == nil })
				if len(d.MeasureIDs) == 0 {
					d.MeasureIDs = nil
				}
				return d
			}
			d.Status, d.ClosedBy, d.ClosedOn = old.Status, old.ClosedBy, old.ClosedOn
			d.MeasureIDs = old.MeasureIDs
			if d.SafetyRoundID == 0 {
				d.SafetyRoundID = old.SafetyRoundID
			}
			return d
		})
		var c Change
		d, c, err = e.save(tx, d)
		if err != nil {
			return nil, err
		}
		changes := []Change{c}
		return changes, relabelMeasures(tx, d, today, &changes)
	})
	return d, err
}

// relabelMeasures makes the source label of d's measures follow d's date,
// category and place (model.RelabelFromDeviation) in the transaction that
// saves d, so the plan names the deviation as the register does; «Angre»
// of the save puts the labels back with it.
func relabelMeasures(tx *bbolt.Tx, d model.Deviation, today model.Date, changes *[]Change) error {
	return relabel(tx, d.MeasureIDs, today, changes, func(m model.Measure) (model.Measure, bool) {
		return model.RelabelFromDeviation(m, d)
	})
}

// relabel stores, for each measure of ids, what «to» makes of it when it
// says so (a new source label), with a change-log entry each. A measure
// deleted from the plan, or one that no longer decodes, is skipped.
func relabel(tx *bbolt.Tx, ids []uint64, today model.Date, changes *[]Change, to func(model.Measure) (model.Measure, bool)) error {
	me := measureEntity(today)
	for _, id := range ids {
		m, err := me.get(tx, id)
		if err != nil {
			continue
		}
		n, ok := to(m)
		if !ok {
			continue
		}
		if err := me.put(tx, n); err != nil {
			return err
		}
		*changes = append(*changes, Change{Entity: EntityMeasure, EntityID: n.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Endret kilden til tiltak «%s»: %s", n.Title, n.Source.RefLabel)})
	}
	return nil
}

// TransitionDeviation moves deviation id to status to by the model's flow
// (model.Deviation.Transition): closing needs who closed it and the date;
// reopening clears them. A refused change returns the model's
// ValidationError and leaves the database as it was.
func (s *Store) TransitionDeviation(id uint64, to model.DeviationStatus, closedBy string, closedOn, today model.Date) (model.Deviation, error) {
	return inBatch(s, func(b *Batch) (model.Deviation, error) {
		return b.TransitionDeviation(id, to, closedBy, closedOn, today)
	})
}

// TransitionDeviation is Store.TransitionDeviation inside the batch.
func (b *Batch) TransitionDeviation(id uint64, to model.DeviationStatus, closedBy string, closedOn, today model.Date) (model.Deviation, error) {
	today = b.today(today)
	var out model.Deviation
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, err := deviations.get(tx, id)
		if err != nil {
			return nil, err
		}
		out = old
		n, err := old.Transition(to, closedBy, closedOn, today)
		if err != nil {
			return nil, err
		}
		n, c, err := deviationEntity(today, nil).save(tx, n)
		if err != nil {
			return nil, err
		}
		out = n
		c.Summary = fmt.Sprintf("Endret status for avvik «%s» fra %s til %s", n.Label(), devStatusWord(old.Status), devStatusWord(to))
		if to == model.DevClosed {
			c.Summary += fmt.Sprintf(" (lukket %s av %s)", n.ClosedOn, n.ClosedBy)
		}
		return []Change{c}, nil
	})
	return out, err
}

// devStatusWord is a status as it reads inside a sentence: "under behandling".
func devStatusWord(s model.DeviationStatus) string {
	if l := s.Label(); l != "" {
		return strings.ToLower(l)
	}
	return string(s)
}

// DeleteDeviation removes a deviation. Its measures stay in the action
// plan, where their Source still names the deviation.
func (s *Store) DeleteDeviation(id uint64) error {
	return s.Batch(func(b *Batch) error { return b.DeleteDeviation(id) })
}

// DeleteDeviation is Store.DeleteDeviation inside the batch.
func (b *Batch) DeleteDeviation(id uint64) error {
	return b.do(func(tx *bbolt.Tx) ([]Change, error) {
		_, c, err := deviations.remove(tx, id)
		return single(c, err)
	})
}

// AddMeasureForDeviation saves m and links it to deviation devID in ONE
// transaction, with a change-log entry for each: both are stored or
// neither. If m.Source.Kind is empty the measure gets the deviation as
// source by the model's rules (model.NewMeasureFromDeviation), and an
// empty title, priority area, topic or status is taken from there too. It
// returns the stored measure and deviation.
func (s *Store) AddMeasureForDeviation(devID uint64, m model.Measure, today model.Date) (model.Measure, model.Deviation, error) {
	return inBatch2(s, func(b *Batch) (model.Measure, model.Deviation, error) {
		return b.AddMeasureForDeviation(devID, m, today)
	})
}

// AddMeasureForDeviation is Store.AddMeasureForDeviation inside the batch.
func (b *Batch) AddMeasureForDeviation(devID uint64, m model.Measure, today model.Date) (model.Measure, model.Deviation, error) {
	today = b.today(today)
	var dev model.Deviation
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if dev, err = deviations.get(tx, devID); err != nil {
			return nil, err
		}
		tmpl := model.NewMeasureFromDeviation(dev, m.Title, m.Responsible, m.Deadline, today)
		m = m.FillFrom(tmpl)
		var changes []Change
		var c Change
		m, c, err = measureEntity(today).save(tx, m)
		if err := collect(&changes, c, err); err != nil {
			return nil, err
		}
		linked := dev.LinkMeasure(m.ID)
		if len(linked.MeasureIDs) != len(dev.MeasureIDs) {
			if err := deviations.put(tx, linked); err != nil {
				return nil, err
			}
			changes = append(changes, Change{Entity: EntityDeviation, EntityID: dev.ID, Kind: ChangeUpdated,
				Summary: fmt.Sprintf("Koblet tiltak «%s» til avvik «%s»", m.Title, dev.Label())})
			dev = linked
		}
		if len(changes) == 0 {
			return nil, errNoChange
		}
		return changes, nil
	})
	return m, dev, err
}
