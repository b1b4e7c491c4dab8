package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// The plan index (schema 9) lets the annual report of one year decode
// only the measures and risk items the year needs
// (model.MeasureSelection, model.AnnualRiskAssessmentIDs), not the whole
// action plan and every hazard of the unit's history.
//
// Bucket plan_index holds, for a measure ('m') or a risk item ('r'):
//
//	'm' 'o' year(4) id(8)   open, created in year (0: undated, or the record no longer decodes)
//	'm' 'y' year(4) id(8)   created or closed in year (model.MeasureClosedOn)
//	'm' 'p' round(8) id(8)  made from a finding of safety round `round`
//	'r' 'a' asmt(8) id(8)   a hazard of assessment asmt (0: no longer decodes)
//	'm'/'r' 'i' id(8)       → the record's keys above, each after its length, for updates
//
// Like the year index it is derived data, written in the same
// transaction as the record by every write path (putRecord, deleteRecord,
// Undo's restoreState, the migration), and Check compares it with the
// records.
const bucketPlanIndex = "plan_index"

// planIndexSince is the schema version whose migration builds the index.
const planIndexSince = 9

// planIndexed are the indexed buckets and their tag byte.
var planIndexed = map[string]byte{bucketMeasures: 'm', bucketRiskItems: 'r'}

// planIndexOrder is planIndexed's buckets in a fixed order.
var planIndexOrder = []string{bucketMeasures, bucketRiskItems}

func planKey(tag, kind byte, field []byte, id uint64) []byte {
	k := append([]byte{tag, kind}, field...)
	return binary.BigEndian.AppendUint64(k, id)
}

func u32Year(d model.Date) []byte {
	y := 0
	if !d.IsZero() {
		y = min(max(d.Year(), 0), 0xFFFFFFFF)
	}
	return binary.BigEndian.AppendUint32(nil, uint32(y))
}

// measureKeys are the index keys of measure id (m nil: it does not decode).
func measureKeys(id uint64, m *model.Measure) [][]byte {
	if m == nil {
		return [][]byte{planKey('m', 'o', u32Year(model.Date{}), id)}
	}
	var keys [][]byte
	if m.Open() {
		keys = append(keys, planKey('m', 'o', u32Year(m.Created), id))
	}
	if !m.Created.IsZero() {
		keys = append(keys, planKey('m', 'y', u32Year(m.Created), id))
	}
	if c := model.MeasureClosedOn(m); !c.IsZero() && (m.Created.IsZero() || c.Year() != m.Created.Year()) {
		keys = append(keys, planKey('m', 'y', u32Year(c), id))
	}
	if r := model.MeasureRoundID(m); r != 0 {
		keys = append(keys, planKey('m', 'p', itob(r), id))
	}
	return keys
}

// riskItemKeys are the index keys of risk item id (it nil: it does not decode).
func riskItemKeys(id uint64, it *model.RiskItem) [][]byte {
	var asmt uint64
	if it != nil {
		asmt = it.AssessmentID
	}
	return [][]byte{planKey('r', 'a', itob(asmt), id)}
}

// planKeysOf are the keys of the record raw stored in bucket under id.
func planKeysOf(bucket string, id uint64, raw []byte) [][]byte {
	switch bucket {
	case bucketMeasures:
		m, err := decodeRecord[model.Measure]("", nil, raw)
		if err != nil {
			return measureKeys(id, nil)
		}
		return measureKeys(id, &m)
	case bucketRiskItems:
		it, err := decodeRecord[model.RiskItem]("", nil, raw)
		if err != nil {
			return riskItemKeys(id, nil)
		}
		return riskItemKeys(id, &it)
	}
	return nil
}

// planKeysOfValue are the keys of v, about to be stored under id
// (putRecord has it decoded already).
func planKeysOfValue(bucket string, id uint64, v any) ([][]byte, error) {
	switch r := v.(type) {
	case model.Measure:
		return measureKeys(id, &r), nil
	case model.RiskItem:
		return riskItemKeys(id, &r), nil
	}
	return nil, fmt.Errorf("intern feil: «%s» kan ikke legges i tiltaksindeksen", bucket)
}

// replanIndex is reindex's part for the plan index: key's entries follow
// raw (nil: deleted).
func replanIndex(tx *bbolt.Tx, bucket string, key, raw []byte) error {
	if _, ok := planIndexed[bucket]; !ok || len(key) != 8 {
		return nil
	}
	var keys [][]byte
	if raw != nil {
		keys = planKeysOf(bucket, binary.BigEndian.Uint64(key), raw)
	}
	return replanAt(tx, bucket, key, keys, raw == nil)
}

// replanIndexValue is reindexValue's part for the plan index.
func replanIndexValue(tx *bbolt.Tx, bucket string, key []byte, v any) error {
	if _, ok := planIndexed[bucket]; !ok || len(key) != 8 {
		return nil
	}
	keys, err := planKeysOfValue(bucket, binary.BigEndian.Uint64(key), v)
	if err != nil {
		return err
	}
	return replanAt(tx, bucket, key, keys, false)
}

// replanAt replaces key's entries by keys, or removes them when deleted.
// Files before the index's migration have no bucket and are left alone.
func replanAt(tx *bbolt.Tx, bucket string, key []byte, keys [][]byte, deleted bool) error {
	idx := tx.Bucket([]byte(bucketPlanIndex))
	if idx == nil {
		return nil
	}
	rev := planKey(planIndexed[bucket], 'i', nil, binary.BigEndian.Uint64(key))
	for _, old := range splitPlanKeys(idx.Get(rev)) {
		if err := idx.Delete(old); err != nil {
			return err
		}
	}
	if deleted {
		return idx.Delete(rev)
	}
	for _, k := range keys {
		if err := idx.Put(k, []byte{1}); err != nil {
			return err
		}
	}
	return idx.Put(rev, joinPlanKeys(keys))
}

// joinPlanKeys writes keys after their lengths; splitPlanKeys reads them.
func joinPlanKeys(keys [][]byte) []byte {
	var out []byte
	for _, k := range keys {
		out = append(append(out, byte(len(k))), k...)
	}
	return out
}

func splitPlanKeys(v []byte) [][]byte {
	var keys [][]byte
	for len(v) > 0 && int(v[0]) < len(v) {
		n := int(v[0])
		keys = append(keys, slices.Clone(v[1:1+n]))
		v = v[1+n:]
	}
	return keys
}

// buildPlanIndex (re)writes the whole index from the records.
func buildPlanIndex(tx *bbolt.Tx) error {
	return rebuildIndex(tx, bucketPlanIndex, planIndexOrder, replanIndex)
}

// planIDs appends the IDs of the entries under prefix (the last 8 bytes
// of each key of length len(prefix)+8) to ids.
func planIDs(idx *bbolt.Bucket, prefix []byte, ids []uint64) []uint64 {
	c := idx.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == len(prefix)+8 {
			ids = append(ids, binary.BigEndian.Uint64(k[len(prefix):]))
		}
	}
	return ids
}

// planIDsUpTo appends the IDs of 'm' 'o' entries of the years 0..year.
func planIDsUpTo(idx *bbolt.Bucket, year int, ids []uint64) []uint64 {
	prefix := []byte{'m', 'o'}
	c := idx.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 2+4+8 && int64(binary.BigEndian.Uint32(k[2:6])) <= int64(year) {
			ids = append(ids, binary.BigEndian.Uint64(k[6:]))
		} else if len(k) == 2+4+8 {
			break // years are in order
		}
	}
	return ids
}

// selectedMeasureIDs are the IDs the index gives for sel, sorted: a
// superset of the measures sel.Wants that exist.
func selectedMeasureIDs(idx *bbolt.Bucket, sel model.MeasureSelection) []uint64 {
	ids := planIDsUpTo(idx, int(sel.Year), nil)
	if sel.Year >= 0 {
		ids = planIDs(idx, append([]byte{'m', 'y'}, binary.BigEndian.AppendUint32(nil, uint32(sel.Year))...), ids)
	}
	for _, r := range sel.Rounds {
		ids = planIDs(idx, append([]byte{'m', 'p'}, itob(r)...), ids)
	}
	ids = append(ids, sel.IDs...)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// MeasuresSelected returns the measures the annual report of sel.Year
// may use (sel.Wants; possibly a few more), in ID order as Measures gives
// them. A file without the index gives every measure.
func (s *Store) MeasuresSelected(sel model.MeasureSelection) ([]model.Measure, error) {
	return readIndexed(s, measures, func(idx *bbolt.Bucket) []uint64 { return selectedMeasureIDs(idx, sel) })
}

// RiskItemsOfAssessments returns the risk items of the assessments ids
// (and those that no longer decode), in ID order as AllRiskItems gives
// them. A file without the index gives every item.
func (s *Store) RiskItemsOfAssessments(assessmentIDs []uint64) ([]model.RiskItem, error) {
	return readIndexed(s, riskItems, func(idx *bbolt.Bucket) []uint64 {
		ids := planIDs(idx, planKey('r', 'a', nil, 0), nil)
		for _, a := range assessmentIDs {
			if a != 0 {
				ids = planIDs(idx, planKey('r', 'a', nil, a), ids)
			}
		}
		slices.Sort(ids)
		return slices.Compact(ids)
	})
}

// readIndexed decodes e's records with the IDs pick gives from the plan
// index, or all of them when the file has no index.
func readIndexed[T any](s *Store, e entity[T], pick func(idx *bbolt.Bucket) []uint64) ([]T, error) {
	var out []T
	all := false
	err := s.view(func(tx *bbolt.Tx) error {
		idx := tx.Bucket([]byte(bucketPlanIndex))
		if idx == nil {
			all = true
			return nil
		}
		var err error
		out, err = readIDs(s, tx, e, pick(idx))
		return err
	})
	if all {
		return listEntities(s, e)
	}
	return out, err
}

// checkPlanIndex compares the index with the records: every record has
// exactly its entries, and nothing else is there.
func checkPlanIndex(tx *bbolt.Tx) []string {
	idx := tx.Bucket([]byte(bucketPlanIndex))
	if idx == nil {
		return []string{fmt.Sprintf("Bøtten «%s» mangler", bucketPlanIndex)}
	}
	want := map[string]string{}
	forEachIndexedRecord(tx, planIndexOrder, func(name string, id uint64, raw []byte) {
		keys := planKeysOf(name, id, raw)
		for _, pk := range keys {
			want[string(pk)] = "\x01"
		}
		want[string(planKey(planIndexed[name], 'i', nil, id))] = string(joinPlanKeys(keys))
	})
	if wrong, missing := compareIndex(idx, want); wrong > 0 || missing > 0 {
		return []string{fmt.Sprintf("Tiltaksindeksen («%s») stemmer ikke med postene: %d oppføringer for mye eller feil, %d mangler eller er feil", bucketPlanIndex, wrong, missing)}
	}
	return nil
}
