package storage

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Sick leave: one record per quarter in "sick_leave" (unit aggregates
// only), and the unit's target and follow-up limits in "settings" under
// keySickLeaveSettings. Saving a quarter that is already registered
// updates it, so an HR report can simply be typed or imported again.

// EntitySickLeave is the change-log name of a sick-leave quarter.
const EntitySickLeave = "sykefraværskvartal"

// keySickLeaveSettings holds model.SickLeaveSettings.
const keySickLeaveSettings = "sick_leave_settings"

// sickLeave reads quarters; writes use sickLeaveEntity with the day's date.
var sickLeave = sickLeaveEntity(model.Date{})

func sickLeaveEntity(today model.Date) entity[model.SickLeaveQuarter] {
	return entity[model.SickLeaveQuarter]{
		bucket: bucketSickLeave,
		name:   EntitySickLeave,
		id:     func(q model.SickLeaveQuarter) uint64 { return q.ID },
		setID:  func(q *model.SickLeaveQuarter, id uint64) { q.ID = id },
		label:  sickLeaveLabel,
		check:  func(q model.SickLeaveQuarter) error { return q.Validate(today) },
	}
}

// sickLeaveLabel is "2025-K4 (7,4 %)".
func sickLeaveLabel(q model.SickLeaveQuarter) string {
	return fmt.Sprintf("%s (%s)", q.Quarter, q.Total)
}

var (
	_ = registerBucket(recordSpec(bucketSickLeave, "sykefravær", 3, func(id uint64, q model.SickLeaveQuarter) error {
		if q.ID != id {
			return fmt.Errorf("posten har ID %d", q.ID)
		}
		// When it was saved is not recorded; a quarter is never in the
		// future as of its own last day, so the other rules are checked
		// as of then.
		return q.Validate(q.Quarter.End())
	}))
	_ = registerInvariant(checkSickLeaveInvariants)
	_ = addSickLeaveSettingSpec(keySickLeaveSettings, func(key, raw []byte) error {
		s, err := decodeRecord[model.SickLeaveSettings](bucketSettings, key, raw)
		if err != nil {
			return err
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("«%s» %s: %s", bucketSettings, formatKey(key), oneLine(err))
		}
		return nil
	})
)

// addSickLeaveSettingSpec adds a known settings key for Check from the module's
// own file.
func addSickLeaveSettingSpec(key string, check func(key, raw []byte) error) bool {
	if _, ok := settingSpecs[key]; ok {
		panic("storage: setting " + key + " registered twice")
	}
	settingSpecs[key] = check
	return true
}

// checkSickLeaveInvariants: one record per quarter.
func checkSickLeaveInvariants(tx *bbolt.Tx) []string {
	var problems []string
	first := map[model.Quarter]uint64{}
	_ = forEachDecodable(tx, bucketSickLeave, func(id uint64, q model.SickLeaveQuarter) error {
		if other, ok := first[q.Quarter]; ok {
			problems = append(problems, fmt.Sprintf("Sykefravær for %s er registrert to ganger (nøkkel %d og %d)", q.Quarter, other, id))
		} else {
			first[q.Quarter] = id
		}
		return nil
	})
	return problems
}

// SickLeaveQuarters returns all quarters, oldest first.
func (s *Store) SickLeaveQuarters() ([]model.SickLeaveQuarter, error) {
	qs, err := listEntities(s, sickLeave)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(qs, func(a, b model.SickLeaveQuarter) int { return a.Quarter.Compare(b.Quarter) })
	return qs, nil
}

// SickLeaveQuarter returns one quarter by ID.
func (s *Store) SickLeaveQuarter(id uint64) (model.SickLeaveQuarter, error) {
	return getEntity(s, sickLeave, id)
}

// SaveSickLeaveQuarter stores the figures of one quarter, validated as of
// today. There is one record per quarter: with ID 0, a quarter already
// registered is updated (keeping its ID); with an ID, the record is
// updated and may not take a quarter another record has. It returns the
// quarter as stored, with its ID.
func (s *Store) SaveSickLeaveQuarter(q model.SickLeaveQuarter, today model.Date) (model.SickLeaveQuarter, error) {
	return inBatch(s, func(b *Batch) (model.SickLeaveQuarter, error) { return b.SaveSickLeaveQuarter(q, today) })
}

// SaveSickLeaveQuarter is Store.SaveSickLeaveQuarter inside the batch.
func (b *Batch) SaveSickLeaveQuarter(q model.SickLeaveQuarter, today model.Date) (model.SickLeaveQuarter, error) {
	e := sickLeaveEntity(b.today(today))
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		if err := q.Validate(b.today(today)); err != nil {
			return nil, err // before the lookup, so a bad quarter gets the model's message
		}
		var existing uint64
		err := forEachDecodable(tx, bucketSickLeave, func(id uint64, o model.SickLeaveQuarter) error {
			if o.Quarter == q.Quarter {
				existing = id
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		switch {
		case q.ID == 0:
			q.ID = existing
		case existing != 0 && existing != q.ID:
			var v model.ValidationError
			v.Add(model.FieldSickQuarter, fmt.Sprintf("Sykefravær for %s er allerede registrert; endre det kvartalet i stedet", q.Quarter))
			return nil, v.Err()
		}
		var c Change
		q, c, err = e.save(tx, q)
		return single(c, err)
	})
	return q, err
}

// DeleteSickLeaveQuarter removes one quarter. Measures made from an alert
// stay in the action plan; their source label names the quarters.
func (s *Store) DeleteSickLeaveQuarter(id uint64) error {
	return deleteEntity(s, sickLeave, id)
}

// ImportSickLeave saves the quarters in ONE transaction, each with its
// change-log entry: all are stored, or (on the first refused quarter)
// none. A quarter already registered is updated; a quarter given twice is
// refused. It returns the quarters as stored.
func (s *Store) ImportSickLeave(qs []model.SickLeaveQuarter, today model.Date) ([]model.SickLeaveQuarter, error) {
	var out []model.SickLeaveQuarter
	err := s.Batch(func(b *Batch) error {
		seen := map[model.Quarter]bool{}
		for _, q := range qs {
			if seen[q.Quarter] {
				var v model.ValidationError
				v.Add(model.FieldSickQuarter, fmt.Sprintf("Kvartal %s står to ganger i importen", q.Quarter))
				return b.fail(v.Err())
			}
			seen[q.Quarter] = true
			q.ID = 0 // matched by quarter, never by an ID from elsewhere
			saved, err := b.SaveSickLeaveQuarter(q, today)
			if err != nil {
				return fmt.Errorf("%s: %w", q.Quarter, err)
			}
			out = append(out, saved)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readSickLeaveSettings returns the unit's settings, or the defaults.
func readSickLeaveSettings(tx *bbolt.Tx) (model.SickLeaveSettings, error) {
	v, found, err := getSetting[model.SickLeaveSettings](tx, keySickLeaveSettings)
	if err != nil || !found {
		return model.DefaultSickLeaveSettings(), err
	}
	return v, nil
}

// SickLeaveSettings returns the unit's target and follow-up limits, or
// model.DefaultSickLeaveSettings() if they were never saved.
func (s *Store) SickLeaveSettings() (model.SickLeaveSettings, error) {
	var v model.SickLeaveSettings
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		v, err = readSickLeaveSettings(tx)
		return err
	})
	return v, err
}

// SaveSickLeaveSettings validates and stores the unit's target and
// follow-up limits. Saving the settings already in force writes nothing.
func (s *Store) SaveSickLeaveSettings(v model.SickLeaveSettings) error {
	return s.Batch(func(b *Batch) error { return b.SaveSickLeaveSettings(v) })
}

// SaveSickLeaveSettings is Store.SaveSickLeaveSettings inside the batch.
func (b *Batch) SaveSickLeaveSettings(v model.SickLeaveSettings) error {
	if err := v.Validate(); err != nil {
		return b.fail(err)
	}
	return b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, found, err := getSetting[model.SickLeaveSettings](tx, keySickLeaveSettings)
		if err != nil {
			return nil, err
		}
		if err := putSetting(tx, keySickLeaveSettings, v); err != nil {
			return nil, err
		}
		kind, summary := ChangeCreated, "Satte mål og grenser for sykefravær: "+v.Describe()
		if found {
			kind = ChangeUpdated
			summary = fmt.Sprintf("Endret mål og grenser for sykefravær: %s Før: %s", v.Describe(), old.Describe())
		}
		return []Change{{Entity: EntitySettings, Kind: kind, Summary: summary}}, nil
	})
}
