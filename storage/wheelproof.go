package storage

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// The records the annual wheel is proven by (model.ProveWheel), and the
// exports of the annual report and the submission, which leave no other
// trace in the file: they are listed in the setting "exports".

const keyExports = "exports"

// maxExports keeps the list of exports short: the wheel only needs the
// first export of each year after it ended.
const maxExports = 200

var _ = func() bool {
	settingSpecs[keyExports] = func(key, raw []byte) error {
		xs, err := decodeRecord[[]model.ExportRecord](bucketSettings, key, raw)
		if err != nil {
			return err
		}
		for _, x := range xs {
			if err := x.Validate(model.Date{}); err != nil {
				return fmt.Errorf("«%s» %s: %s", bucketSettings, formatKey(key), oneLine(err))
			}
		}
		return nil
	}
	return true
}()

// Exports returns the recorded exports, oldest first.
func (s *Store) Exports() ([]model.ExportRecord, error) {
	var xs []model.ExportRecord
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		xs, _, err = getSetting[[]model.ExportRecord](tx, keyExports)
		return err
	})
	return xs, err
}

// RecordExport notes that the annual report or the submission for a year
// was written today. The same kind, year and day is noted once.
func (s *Store) RecordExport(x model.ExportRecord, today model.Date) error {
	return s.Batch(func(b *Batch) error { return b.RecordExport(x, today) })
}

// RecordExport is Store.RecordExport inside the batch.
func (b *Batch) RecordExport(x model.ExportRecord, today model.Date) error {
	if err := x.Validate(b.today(today)); err != nil {
		return b.fail(err)
	}
	return b.do(func(tx *bbolt.Tx) ([]Change, error) {
		xs, _, err := getSetting[[]model.ExportRecord](tx, keyExports)
		if err != nil {
			return nil, err
		}
		if slices.Contains(xs, x) {
			return nil, errNoChange
		}
		xs = append(xs, x)
		if len(xs) > maxExports {
			xs = xs[len(xs)-maxExports:]
		}
		if err := putSetting(tx, keyExports, xs); err != nil {
			return nil, err
		}
		return []Change{{Entity: EntitySettings, Kind: ChangeCreated,
			Summary: fmt.Sprintf("%s for %s laget", x.Kind.Label(), x.Year)}}, nil
	})
}

// UnitStart is the day the unit's duties start: the start date it was
// given, or for files made before there was one, the day the file was
// created (its first change-log entry). Zero when neither is known.
func (s *Store) UnitStart() (model.Date, error) {
	u, err := s.Unit()
	if err != nil || !u.Start.IsZero() {
		return u.Start, err
	}
	var d model.Date
	err = s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketChangelog)
		if err != nil {
			return err
		}
		k, raw := b.Cursor().First()
		if k == nil {
			return nil
		}
		c, err := decodeRecord[Change](bucketChangelog, k, raw)
		if err == nil {
			d = model.DateOf(c.Time.Local())
		}
		return err
	})
	return d, err
}

// WheelRecords reads the records the annual wheel is proven by.
func (s *Store) WheelRecords() (model.WheelRecords, error) {
	var r model.WheelRecords
	var err error
	steps := []func() error{
		func() (e error) { r.Start, e = s.UnitStart(); return },
		func() (e error) { r.SickLeave, e = s.SickLeaveQuarters(); return },
		func() (e error) { r.Surveys, e = s.SurveyRounds(); return },
		func() (e error) { r.Rounds, e = s.SafetyRounds(); return },
		func() (e error) { r.Assessments, e = s.Assessments(); return },
		func() (e error) { r.Meetings, e = s.Meetings(); return },
		func() (e error) { r.Reviews, e = s.AnnualReviews(); return },
		func() (e error) { r.Trainings, e = s.ViolenceTrainings(); return },
		func() (e error) { r.Exports, e = s.Exports(); return },
		func() error {
			m, found, e := s.ViolenceMapping()
			if found {
				r.Mapping = &m
			}
			return e
		},
	}
	for _, step := range steps {
		if err = step(); err != nil {
			return r, err
		}
	}
	return r, nil
}

// ProvenWheel returns the year's duties that are the unit's (from its
// start), each with the record that fulfils it as of today. Whether the
// year is a 10-FAKTOR survey year follows from the latest round.
func (s *Store) ProvenWheel(year model.HMSYear, today model.Date) ([]model.WheelEntry, error) {
	recs, err := s.WheelRecords()
	if err != nil {
		return nil, err
	}
	return s.provenWheel(year, recs, today)
}

func (s *Store) provenWheel(year model.HMSYear, recs model.WheelRecords, today model.Date) ([]model.WheelEntry, error) {
	var last model.HMSYear
	if r := model.LatestSurveyRound(recs.Surveys); r != nil {
		last = r.Year
	}
	es, err := s.AnnualWheel(year, model.TenFactorYear(year, last))
	if err != nil {
		return nil, err
	}
	return model.ProveWheel(es, recs, today), nil
}

// ProvenWheels is ProvenWheel for several years, reading the records once.
func (s *Store) ProvenWheels(years []model.HMSYear, today model.Date) ([]model.WheelEntry, error) {
	recs, err := s.WheelRecords()
	if err != nil {
		return nil, err
	}
	var out []model.WheelEntry
	for _, y := range years {
		es, err := s.provenWheel(y, recs, today)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// Dashboard reads what the overview and `hmsutvalg status` show on today.
func (s *Store) Dashboard(today model.Date) (model.Dashboard, error) {
	recs, err := s.WheelRecords()
	if err != nil {
		return model.Dashboard{}, err
	}
	year := model.HMSYear(today.Year())
	last, err := s.provenWheel(year-1, recs, today)
	if err != nil {
		return model.Dashboard{}, err
	}
	this, err := s.provenWheel(year, recs, today)
	if err != nil {
		return model.Dashboard{}, err
	}
	ms, err := s.Measures()
	if err != nil {
		return model.Dashboard{}, err
	}
	devs, err := s.Deviations()
	if err != nil {
		return model.Dashboard{}, err
	}
	members, err := s.Members()
	if err != nil {
		return model.Dashboard{}, err
	}
	d := model.NewDashboard(last, this, ms, devs, today)
	d.MissingRoles = model.MissingRoles(members, today)
	return d, nil
}
