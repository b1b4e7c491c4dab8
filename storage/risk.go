package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Risk assessment: assessments in "risk_assessments", their hazards in
// "risk_items" (AssessmentID names the assessment), and the unit's matrix
// in "settings". Each assessment keeps the matrix it was scored on, so
// changing the unit's matrix never re-scores old assessments.

// assessments reads assessments; writes use assessmentEntity.
var assessments = entity[model.RiskAssessment]{
	bucket: bucketRiskAssessments,
	name:   EntityAssessment,
	id:     func(a model.RiskAssessment) uint64 { return a.ID },
	setID:  func(a *model.RiskAssessment, id uint64) { a.ID = id },
	label:  func(a model.RiskAssessment) string { return "«" + a.Title + "»" },
	norm:   normalizeAssessment,
}

// riskItems reads risk items; writes use riskItemEntity.
var riskItems = entity[model.RiskItem]{
	bucket: bucketRiskItems,
	name:   EntityRiskItem,
	id:     func(i model.RiskItem) uint64 { return i.ID },
	setID:  func(i *model.RiskItem, id uint64) { i.ID = id },
	label:  func(i model.RiskItem) string { return "«" + i.Hazard + "»" },
}

// normalizeAssessment trims the text fields and collapses spaces in
// participants. Blank participants are kept, so the model's message can
// point at the row to fill in or remove.
func normalizeAssessment(a model.RiskAssessment) model.RiskAssessment {
	a.Title = strings.TrimSpace(a.Title)
	a.Area = strings.TrimSpace(a.Area)
	a.Notes = strings.TrimSpace(a.Notes)
	if len(a.Participants) == 0 {
		a.Participants = nil
	} else {
		ps := make([]string, len(a.Participants))
		for i, p := range a.Participants {
			ps[i] = strings.Join(strings.Fields(p), " ")
		}
		a.Participants = ps
	}
	return a
}

// normalizeRiskItem trims the text fields and removes repeated measure IDs.
func normalizeRiskItem(i model.RiskItem) model.RiskItem {
	i.Hazard = strings.TrimSpace(i.Hazard)
	i.Event = strings.TrimSpace(i.Event)
	i.Exposed = strings.Join(strings.Fields(i.Exposed), " ")
	i.ExistingMeasures = strings.TrimSpace(i.ExistingMeasures)
	var ids []uint64
	for _, id := range i.MeasureIDs {
		if id != 0 && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	i.MeasureIDs = ids
	return i
}

// effectiveMatrix gives the zero matrix its meaning (the default).
func effectiveMatrix(m model.RiskMatrix) model.RiskMatrix {
	if m == (model.RiskMatrix{}) {
		return model.DefaultRiskMatrix()
	}
	return m
}

var (
	_ = registerBucket(recordSpec(bucketRiskAssessments, "risikovurderinger", 2, func(id uint64, a model.RiskAssessment) error {
		if a.ID != id {
			return fmt.Errorf("posten har ID %d", a.ID)
		}
		if a.SupersededBy == id {
			return errors.New("er oppgitt som erstattet av seg selv")
		}
		// When it was saved is not recorded; the only rule that depends
		// on the day (a finished assessment's date not in the future) is
		// checked as of its own date.
		return a.Validate(a.Date)
	}))
	_ = registerBucket(recordSpec(bucketRiskItems, "risikoforhold", 2, func(id uint64, i model.RiskItem) error {
		if i.ID != id {
			return fmt.Errorf("posten har ID %d", i.ID)
		}
		return nil // validated against its assessment's matrix in checkRiskInvariants
	}))
	_ = registerInvariant(checkRiskInvariants)
)

// checkRiskInvariants: every item belongs to an existing assessment and
// is valid on that assessment's matrix; every measure an item links to
// exists; a replaced assessment names an existing successor. A measure
// whose Source names a deleted item or assessment is fine: the plan keeps
// measures as history, and the source label is stored in the measure.
func checkRiskInvariants(tx *bbolt.Tx) []string {
	var problems []string
	as := map[uint64]model.RiskAssessment{}
	_ = forEachDecodable(tx, bucketRiskAssessments, func(id uint64, a model.RiskAssessment) error {
		as[id] = a
		return nil
	})
	for id, a := range sortedByID(as) {
		if a.SupersededBy != 0 && a.SupersededBy != id {
			if _, ok := as[a.SupersededBy]; !ok {
				problems = append(problems, fmt.Sprintf("Risikovurdering %d («%s») er oppgitt som erstattet av risikovurdering %d, som ikke finnes", id, a.Title, a.SupersededBy))
			}
		}
	}
	mb := tx.Bucket([]byte(bucketMeasures))
	_ = forEachDecodable(tx, bucketRiskItems, func(id uint64, it model.RiskItem) error {
		a, ok := as[it.AssessmentID]
		if !ok {
			problems = append(problems, fmt.Sprintf("Risikoforhold %d («%s») hører til risikovurdering %d, som ikke finnes", id, it.Hazard, it.AssessmentID))
		} else if err := it.Validate(a.Matrix); err != nil {
			problems = append(problems, fmt.Sprintf("«%s» nøkkel %d: %s", bucketRiskItems, id, oneLine(err)))
		}
		for _, mid := range it.MeasureIDs {
			if mb == nil || mb.Get(itob(mid)) == nil {
				problems = append(problems, fmt.Sprintf("Risikoforhold %d («%s») er koblet til tiltak %d, som ikke finnes", id, it.Hazard, mid))
			}
		}
		return nil
	})
	return problems
}

// sortedByID iterates a map in ID order, so reports are stable.
func sortedByID[T any](m map[uint64]T) func(yield func(uint64, T) bool) {
	return func(yield func(uint64, T) bool) {
		ids := make([]uint64, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			if !yield(id, m[id]) {
				return
			}
		}
	}
}

// Assessments returns all risk assessments in ID order.
func (s *Store) Assessments() ([]model.RiskAssessment, error) {
	return listEntities(s, assessments)
}

// Assessment returns one risk assessment.
func (s *Store) Assessment(id uint64) (model.RiskAssessment, error) {
	return getEntity(s, assessments, id)
}

// SaveAssessment creates (ID 0) or updates a risk assessment, validated
// as of today. A new assessment without a matrix gets the unit's current
// matrix stored into it; an edited one without a matrix keeps its own.
// Changing the matrix of an assessment is refused if one of its items
// would fall outside it. SupersededBy must name another existing
// assessment.
func (s *Store) SaveAssessment(a model.RiskAssessment, today model.Date) (model.RiskAssessment, error) {
	return inBatch(s, func(b *Batch) (model.RiskAssessment, error) { return b.SaveAssessment(a, today) })
}

// SaveAssessment is Store.SaveAssessment inside the batch.
func (b *Batch) SaveAssessment(a model.RiskAssessment, today model.Date) (model.RiskAssessment, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		unit, err := readRiskMatrix(tx)
		if err != nil {
			return nil, err
		}
		var oldMatrix model.RiskMatrix
		e := assessments
		e.fill = func(old model.RiskAssessment, created bool, a model.RiskAssessment) model.RiskAssessment {
			oldMatrix = old.Matrix
			if a.Matrix == (model.RiskMatrix{}) {
				if created {
					a.Matrix = unit
				} else {
					a.Matrix = old.Matrix
				}
			}
			return a
		}
		e.check = func(a model.RiskAssessment) error {
			if err := a.Validate(today); err != nil {
				return err
			}
			if a.SupersededBy != 0 {
				if a.SupersededBy == a.ID {
					return errors.New("En risikovurdering kan ikke erstatte seg selv")
				}
				found, err := hasRecord(tx, bucketRiskAssessments, a.SupersededBy)
				if err != nil {
					return err
				}
				if !found {
					return fmt.Errorf("Risikovurderingen som skal erstatte denne (ID %d), finnes ikke", a.SupersededBy)
				}
			}
			if a.ID != 0 && effectiveMatrix(a.Matrix) != effectiveMatrix(oldMatrix) {
				return checkItemsFit(tx, a)
			}
			return nil
		}
		var c Change
		if a, c, err = e.save(tx, a); err != nil {
			return nil, err
		}
		changes := []Change{c}
		err = forEachDecodable(tx, bucketRiskItems, func(_ uint64, it model.RiskItem) error {
			if it.AssessmentID != a.ID {
				return nil
			}
			return relabelItemMeasures(tx, a, it, &changes)
		})
		return changes, err
	})
	return a, err
}

// checkItemsFit refuses a matrix change that would leave one of the
// assessment's items outside the scale.
func checkItemsFit(tx *bbolt.Tx, a model.RiskAssessment) error {
	var bad []string
	err := forEachDecodable(tx, bucketRiskItems, func(_ uint64, it model.RiskItem) error {
		if it.AssessmentID == a.ID && it.Validate(a.Matrix) != nil {
			bad = append(bad, "«"+it.Hazard+"»")
		}
		return nil
	})
	if err != nil || len(bad) == 0 {
		return err
	}
	m := effectiveMatrix(a.Matrix)
	var v model.ValidationError
	v.Add(model.FieldMatrixSize, fmt.Sprintf("Risikomatrisen kan ikke endres til %d×%d fordi disse risikoforholdene har verdier utenfor den: %s. Endre vurderingene først.",
		m.Size, m.Size, strings.Join(bad, ", ")))
	return v.Err()
}

// DeleteAssessment removes an assessment and its items in one
// transaction. Measures made from the items stay in the action plan as
// history; their Source still names the assessment. An assessment it had
// replaced becomes the current one again.
func (s *Store) DeleteAssessment(id uint64) error {
	return s.Batch(func(b *Batch) error { return b.DeleteAssessment(id) })
}

// DeleteAssessment is Store.DeleteAssessment inside the batch.
func (b *Batch) DeleteAssessment(id uint64) error {
	return b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, c, err := assessments.remove(tx, id)
		if err != nil {
			return nil, err
		}
		var items []model.RiskItem
		var replaced []model.RiskAssessment
		err = forEachDecodable(tx, bucketRiskItems, func(itemID uint64, it model.RiskItem) error {
			if it.AssessmentID == id {
				it.ID = itemID
				items = append(items, it)
			}
			return nil
		})
		if err == nil {
			err = forEachDecodable(tx, bucketRiskAssessments, func(aid uint64, a model.RiskAssessment) error {
				if a.SupersededBy == id {
					a.ID = aid
					replaced = append(replaced, a)
				}
				return nil
			})
		}
		if err != nil {
			return nil, err
		}
		if len(items) > 0 {
			c.Summary += fmt.Sprintf(" med %d risikoforhold", len(items))
		}
		changes := []Change{c}
		for _, it := range items {
			if _, err := deleteRecord(tx, bucketRiskItems, it.ID); err != nil {
				return nil, err
			}
			changes = append(changes, Change{Entity: EntityRiskItem, EntityID: it.ID, Kind: ChangeDeleted,
				Summary: fmt.Sprintf("Slettet risikoforhold «%s» sammen med risikovurderingen «%s»", it.Hazard, old.Title)})
		}
		for _, a := range replaced {
			a.SupersededBy = 0
			if err := assessments.put(tx, a); err != nil {
				return nil, err
			}
			changes = append(changes, Change{Entity: EntityAssessment, EntityID: a.ID, Kind: ChangeUpdated,
				Summary: fmt.Sprintf("Risikovurderingen «%s» gjelder igjen fordi «%s», som erstattet den, ble slettet", a.Title, old.Title)})
		}
		return changes, nil
	})
}

// RiskItems returns the items of one assessment in ID order; ErrNotFound
// if the assessment does not exist.
func (s *Store) RiskItems(assessmentID uint64) ([]model.RiskItem, error) {
	var out []model.RiskItem
	err := s.view(func(tx *bbolt.Tx) error {
		if found, err := hasRecord(tx, bucketRiskAssessments, assessmentID); err != nil {
			return err
		} else if !found {
			return assessments.notFound(assessmentID)
		}
		return forEachRecord(tx, bucketRiskItems, func(id uint64, it model.RiskItem) error {
			if it.AssessmentID == assessmentID {
				it.ID = id
				out = append(out, it)
			}
			return nil
		})
	})
	return out, err
}

// AllRiskItems returns the items of every assessment in ID order.
func (s *Store) AllRiskItems() ([]model.RiskItem, error) {
	return listEntities(s, riskItems)
}

// RiskItem returns one risk item.
func (s *Store) RiskItem(id uint64) (model.RiskItem, error) {
	return getEntity(s, riskItems, id)
}

// SaveRiskItem creates (ID 0) or updates a risk item, validated on its
// assessment's matrix; the assessment must exist. An item cannot move to
// another assessment (AssessmentID 0 on an edit keeps the current one).
// MeasureIDs are stored without repeats and without IDs of measures that
// no longer exist, so a form holding a stale copy cannot bring back a
// deleted link.
func (s *Store) SaveRiskItem(i model.RiskItem) (model.RiskItem, error) {
	return inBatch(s, func(b *Batch) (model.RiskItem, error) { return b.SaveRiskItem(i) })
}

// SaveRiskItem is Store.SaveRiskItem inside the batch.
func (b *Batch) SaveRiskItem(i model.RiskItem) (model.RiskItem, error) {
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		if i.ID != 0 {
			old, err := riskItems.get(tx, i.ID)
			if err != nil {
				return nil, err
			}
			switch {
			case i.AssessmentID == 0:
				i.AssessmentID = old.AssessmentID
			case i.AssessmentID != old.AssessmentID:
				return nil, errors.New("Et risikoforhold kan ikke flyttes til en annen risikovurdering")
			}
		}
		a, err := assessments.get(tx, i.AssessmentID)
		if err != nil {
			return nil, err
		}
		mb, err := bucketOf(tx, bucketMeasures)
		if err != nil {
			return nil, err
		}
		e := riskItems
		e.norm = func(i model.RiskItem) model.RiskItem {
			i = normalizeRiskItem(i)
			i.MeasureIDs = slices.DeleteFunc(i.MeasureIDs, func(id uint64) bool { return mb.Get(itob(id)) == nil })
			if len(i.MeasureIDs) == 0 {
				i.MeasureIDs = nil
			}
			return i
		}
		e.check = func(i model.RiskItem) error { return i.Validate(a.Matrix) }
		var c Change
		if i, c, err = e.save(tx, i); err != nil {
			return nil, err
		}
		changes := []Change{c}
		return changes, relabelItemMeasures(tx, a, i, &changes)
	})
	return i, err
}

// relabelItemMeasures makes the source label of item i's measures follow
// its hazard and its assessment's title (model.RelabelFromRiskItem), in
// the transaction that saves either.
func relabelItemMeasures(tx *bbolt.Tx, a model.RiskAssessment, i model.RiskItem, changes *[]Change) error {
	return relabel(tx, i.MeasureIDs, model.Date{}, changes, func(m model.Measure) (model.Measure, bool) {
		return model.RelabelFromRiskItem(m, a, i)
	})
}

// DeleteRiskItem removes a risk item. Its measures stay in the action
// plan, where their Source still names the item.
func (s *Store) DeleteRiskItem(id uint64) error {
	return deleteEntity(s, riskItems, id)
}

// AddMeasureForRiskItem saves m and links it to risk item itemID in ONE
// transaction, with a change-log entry for each: both are stored or
// neither. If m.Source.Kind is empty the measure gets the item as source by
// the model's rules (model.NewMeasureFromRiskItem), and an empty title,
// priority area, topic or status is taken from there too. It returns the
// stored measure and item.
func (s *Store) AddMeasureForRiskItem(itemID uint64, m model.Measure, today model.Date) (model.Measure, model.RiskItem, error) {
	return inBatch2(s, func(b *Batch) (model.Measure, model.RiskItem, error) {
		return b.AddMeasureForRiskItem(itemID, m, today)
	})
}

// AddMeasureForRiskItem is Store.AddMeasureForRiskItem inside the batch.
func (b *Batch) AddMeasureForRiskItem(itemID uint64, m model.Measure, today model.Date) (model.Measure, model.RiskItem, error) {
	today = b.today(today)
	var item model.RiskItem
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if item, err = riskItems.get(tx, itemID); err != nil {
			return nil, err
		}
		a, err := assessments.get(tx, item.AssessmentID)
		if err != nil {
			return nil, fmt.Errorf("risikoforholdet «%s» hører til en risikovurdering som ikke finnes: %w", item.Hazard, err)
		}
		tmpl := model.NewMeasureFromRiskItem(a, item, m.Title, m.Responsible, m.Deadline, today)
		m = m.FillFrom(tmpl)
		var changes []Change
		var c Change
		m, c, err = measureEntity(today).save(tx, m)
		if err := collect(&changes, c, err); err != nil {
			return nil, err
		}
		linked := item.LinkMeasure(m.ID)
		if len(linked.MeasureIDs) != len(item.MeasureIDs) {
			if err := linked.Validate(a.Matrix); err != nil {
				return nil, fmt.Errorf("risikoforholdet «%s» kan ikke lagres: %w", item.Hazard, err)
			}
			if err := riskItems.put(tx, linked); err != nil {
				return nil, err
			}
			changes = append(changes, Change{Entity: EntityRiskItem, EntityID: item.ID, Kind: ChangeUpdated,
				Summary: fmt.Sprintf("Koblet tiltak «%s» til risikoforhold «%s»", m.Title, item.Hazard)})
			item = linked
		}
		if len(changes) == 0 {
			return nil, errNoChange
		}
		return changes, nil
	})
	return m, item, err
}
