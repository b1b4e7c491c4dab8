package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// 10-FAKTOR: one record per survey round in "survey_rounds", with its
// scores, focus areas, follow-up meetings and the IDs of the action-plan
// measures made for each focus factor. The measures' Source names the
// round (ParentID) and the factor (RefID = factor number), so the link
// goes both ways, as for risk items.
//
// DeleteMeasure removes a deleted measure's ID from the round in the same
// transaction (tenfactor_unlink.go). Files from before that may still hold
// such IDs: they are ignored when reading (model rules look measures up by
// ID) and dropped the next time the round is saved; Check does not report
// them.

// surveyRounds reads survey rounds; writes use surveyRoundEntity.
var surveyRounds = entity[model.SurveyRound]{
	bucket: bucketSurveyRounds,
	name:   EntitySurveyRound,
	id:     func(r model.SurveyRound) uint64 { return r.ID },
	setID:  func(r *model.SurveyRound, id uint64) { r.ID = id },
	label:  func(r model.SurveyRound) string { return "«" + r.Label() + "»" },
	norm:   model.SurveyRound.Normalized,
}

var _ = registerBucket(recordSpec(bucketSurveyRounds, "10-FAKTOR", 3, func(id uint64, r model.SurveyRound) error {
	if r.ID != id {
		return fmt.Errorf("posten har ID %d", r.ID)
	}
	// The rules that depend on the day (nothing in the future) are
	// checked as of the latest date in the round, the earliest day it can
	// have been saved.
	return r.Validate(r.LatestDate())
}))

// surveyRoundEntity is the entity for a save on today. Links to measures
// are kept from the stored round (a form holding an old copy cannot drop
// a link made since) and IDs of measures no longer in the plan are
// dropped. Two rounds cannot have the same year.
func surveyRoundEntity(tx *bbolt.Tx, today model.Date) (entity[model.SurveyRound], error) {
	mb, err := bucketOf(tx, bucketMeasures)
	if err != nil {
		return entity[model.SurveyRound]{}, err
	}
	e := surveyRounds
	e.fill = func(old model.SurveyRound, created bool, r model.SurveyRound) model.SurveyRound {
		focus := make([]model.SurveyFocusArea, len(r.Focus))
		for i, a := range r.Focus {
			if !created {
				prev, _ := old.FocusFor(a.Factor)
				a.MeasureIDs = prev.MeasureIDs
			}
			ids := slices.DeleteFunc(slices.Clone(a.MeasureIDs), func(id uint64) bool { return mb.Get(itob(id)) == nil })
			if len(ids) == 0 {
				ids = nil
			}
			a.MeasureIDs = ids
			focus[i] = a
		}
		if len(focus) == 0 {
			focus = nil
		}
		r.Focus = focus
		return r
	}
	e.check = func(r model.SurveyRound) error { return r.Validate(today) }
	e.across = func(others []model.SurveyRound, r model.SurveyRound) error {
		for _, o := range others {
			if o.Year == r.Year {
				var v model.ValidationError
				v.Add(model.FieldSurveyYear, fmt.Sprintf("Det finnes allerede en 10-FAKTOR-runde for %s – åpne den i stedet", r.Year))
				return v.Err()
			}
		}
		return nil
	}
	return e, nil
}

// SurveyRounds returns all 10-FAKTOR rounds, oldest year first.
func (s *Store) SurveyRounds() ([]model.SurveyRound, error) {
	rs, err := listEntities(s, surveyRounds)
	model.SortSurveyRounds(rs)
	return rs, err
}

// SurveyRound returns one round.
func (s *Store) SurveyRound(id uint64) (model.SurveyRound, error) {
	return getEntity(s, surveyRounds, id)
}

// SaveSurveyRound creates (ID 0) or updates a round, validated as of today
// (model.SurveyRound.Validate). The focus areas' measure links are kept
// from the stored round: they change only through AddMeasureForFocus.
// A refused round leaves the database as it was.
func (s *Store) SaveSurveyRound(r model.SurveyRound, today model.Date) (model.SurveyRound, error) {
	return inBatch(s, func(b *Batch) (model.SurveyRound, error) { return b.SaveSurveyRound(r, today) })
}

// SaveSurveyRound is Store.SaveSurveyRound inside the batch. A new round
// may bring measure IDs (an import or the demo); those that exist are
// kept.
func (b *Batch) SaveSurveyRound(r model.SurveyRound, today model.Date) (model.SurveyRound, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		e, err := surveyRoundEntity(tx, today)
		if err != nil {
			return nil, err
		}
		var c Change
		r, c, err = e.save(tx, r)
		return single(c, err)
	})
	return r, err
}

// DeleteSurveyRound removes a round. Its measures stay in the action plan,
// where their source label still names the round and factor.
func (s *Store) DeleteSurveyRound(id uint64) error {
	return deleteEntity(s, surveyRounds, id)
}

// AddMeasureForFocus saves m and links it to focus factor f of round
// roundID in ONE transaction, with a change-log entry for each. The factor
// must be chosen as a focus area of the round. If m.Source.Kind is empty,
// the measure gets the round and factor as source by the model's rules
// (model.NewMeasureFromFocus), and an empty title, priority area, topic or
// status is taken from there too. It returns the stored measure and round.
func (s *Store) AddMeasureForFocus(roundID uint64, f model.TenFactor, m model.Measure, today model.Date) (model.Measure, model.SurveyRound, error) {
	return inBatch2(s, func(b *Batch) (model.Measure, model.SurveyRound, error) {
		return b.AddMeasureForFocus(roundID, f, m, today)
	})
}

// AddMeasureForFocus is Store.AddMeasureForFocus inside the batch.
func (b *Batch) AddMeasureForFocus(roundID uint64, f model.TenFactor, m model.Measure, today model.Date) (model.Measure, model.SurveyRound, error) {
	today = b.today(today)
	var round model.SurveyRound
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if round, err = surveyRounds.get(tx, roundID); err != nil {
			return nil, err
		}
		if _, ok := round.FocusFor(f); !ok {
			name := f.Label()
			if name == "" {
				name = string(f)
			}
			var v model.ValidationError
			v.Add(model.FieldSurveyFocus, fmt.Sprintf("Velg «%s» som bevarings- eller innsatsområde før du lager tiltak for den", name))
			return nil, v.Err()
		}
		tmpl := model.NewMeasureFromFocus(round, f, m.Title, m.Responsible, m.Deadline, today)
		m = m.FillFrom(tmpl)
		var changes []Change
		var c Change
		m, c, err = measureEntity(today).save(tx, m)
		if err := collect(&changes, c, err); err != nil {
			return nil, err
		}
		linked, _ := round.LinkMeasure(f, m.ID)
		if len(linked.MeasureIDs()) != len(round.MeasureIDs()) {
			// The round was valid when saved; check it again as of its
			// own dates, so a link never fails on a rule about today.
			if err := linked.Validate(linked.LatestDate()); err != nil {
				return nil, fmt.Errorf("10-FAKTOR-runden %s kan ikke lagres: %w", round.Year, err)
			}
			if err := surveyRounds.put(tx, linked); err != nil {
				return nil, err
			}
			changes = append(changes, Change{Entity: EntitySurveyRound, EntityID: round.ID, Kind: ChangeUpdated,
				Summary: fmt.Sprintf("Koblet tiltak «%s» til %s i «%s»", m.Title, strings.ToLower(f.Label()), round.Label())})
			round = linked
		}
		if len(changes) == 0 {
			return nil, errNoChange
		}
		return changes, nil
	})
	return m, round, err
}

// errNoRound is returned by LatestSurveyRound's callers' helpers when no
// round is stored.
var errNoRound = errors.New("ingen 10-FAKTOR-runder registrert")

// LatestSurveyRound returns the round with the highest year; ErrNotFound
// (wrapped) when none is stored.
func (s *Store) LatestSurveyRound() (model.SurveyRound, error) {
	rs, err := s.SurveyRounds()
	if err != nil {
		return model.SurveyRound{}, err
	}
	if r := model.LatestSurveyRound(rs); r != nil {
		return *r, nil
	}
	return model.SurveyRound{}, fmt.Errorf("%w: %w", errNoRound, ErrNotFound)
}
