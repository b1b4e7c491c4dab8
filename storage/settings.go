package storage

import (
	"bytes"
	"fmt"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Unit settings live in "settings", one envelope-encoded value per named
// key. A key that was never written means the program default.
const keyRiskMatrix = "risk_matrix"

// settingSpecs are the known keys and how Check verifies their values.
var settingSpecs = map[string]func(key, raw []byte) error{
	keyRiskMatrix: func(key, raw []byte) error {
		m, err := decodeRecord[model.RiskMatrix](bucketSettings, key, raw)
		if err != nil {
			return err
		}
		if err := m.Validate(); err != nil {
			return fmt.Errorf("«%s» %s: %s", bucketSettings, formatKey(key), oneLine(err))
		}
		return nil
	},
}

var _ = registerBucket(bucketSpec{name: bucketSettings, label: "innstillinger", since: 2, named: true,
	check: func(key, raw []byte) error {
		check, ok := settingSpecs[string(key)]
		if !ok {
			return fmt.Errorf("Ukjent innstilling %s i «%s»", formatKey(key), bucketSettings)
		}
		return check(key, raw)
	}})

// getSetting reads a setting; found is false if it was never saved.
func getSetting[T any](tx *bbolt.Tx, key string) (v T, found bool, err error) {
	b, err := bucketOf(tx, bucketSettings)
	if err != nil {
		return v, false, err
	}
	raw := b.Get([]byte(key))
	if raw == nil {
		return v, false, nil
	}
	v, err = decodeRecord[T](bucketSettings, []byte(key), raw)
	return v, err == nil, err
}

// putSetting stores v under key; errNoChange if it is stored already.
func putSetting[T any](tx *bbolt.Tx, key string, v T) error {
	b, err := bucketOf(tx, bucketSettings)
	if err != nil {
		return err
	}
	raw, err := encodeRecord(v)
	if err != nil {
		return err
	}
	if bytes.Equal(b.Get([]byte(key)), raw) {
		return errNoChange
	}
	noteBefore(tx, b, bucketSettings, []byte(key))
	return b.Put([]byte(key), raw)
}

// readRiskMatrix returns the unit's matrix, or the default if never set.
func readRiskMatrix(tx *bbolt.Tx) (model.RiskMatrix, error) {
	m, found, err := getSetting[model.RiskMatrix](tx, keyRiskMatrix)
	if err != nil {
		return model.RiskMatrix{}, err
	}
	if !found {
		return model.DefaultRiskMatrix(), nil
	}
	return m, nil
}

// RiskMatrix returns the unit's risk matrix setting, or
// model.DefaultRiskMatrix() if it was never set. New risk assessments copy
// it; existing ones keep the matrix they were scored on.
func (s *Store) RiskMatrix() (model.RiskMatrix, error) {
	var m model.RiskMatrix
	err := s.view(func(tx *bbolt.Tx) error {
		var err error
		m, err = readRiskMatrix(tx)
		return err
	})
	return m, err
}

// SaveRiskMatrix validates m and stores it as the unit's matrix. Saving
// the matrix already in force writes nothing.
func (s *Store) SaveRiskMatrix(m model.RiskMatrix) error {
	return s.Batch(func(b *Batch) error { return b.SaveRiskMatrix(m) })
}

// SaveRiskMatrix is Store.SaveRiskMatrix inside the batch.
func (b *Batch) SaveRiskMatrix(m model.RiskMatrix) error {
	if err := m.Validate(); err != nil {
		return b.fail(err)
	}
	return b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, found, err := getSetting[model.RiskMatrix](tx, keyRiskMatrix)
		if err != nil {
			return nil, err
		}
		if err := putSetting(tx, keyRiskMatrix, m); err != nil {
			return nil, err
		}
		kind, summary := ChangeCreated, "Satte enhetens risikomatrise til "+m.Describe()
		if found {
			kind = ChangeUpdated
			summary = fmt.Sprintf("Endret enhetens risikomatrise til %s, før: %s", m.Describe(), old.Describe())
		}
		return []Change{{Entity: EntitySettings, Kind: kind, Summary: summary}}, nil
	})
}
