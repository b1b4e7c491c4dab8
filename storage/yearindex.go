package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// The year index lets the annual report of one year decode only the
// records dated in the years it needs, not the unit's whole history: a
// year with little data then costs little whatever the other years hold.
//
// Bucket year_index holds, per indexed bucket (name + 0x00 as prefix):
//
//	'y' year(2 bytes) id(8 bytes) → 1   the record id is dated in year
//	'i' id(8 bytes)              → year(2 bytes), the entry above, for updates
//
// Year 0 is "undated": a record without a date, or one that no longer
// decodes. Every year's query includes year 0, so such a record is read
// (and a damaged one fails the read) as before. The index is derived data,
// written in the same transaction as the record by every write path
// (putRecord, deleteRecord, Undo's restoreState, the migration); it is not
// part of the change log's undo states, Undo rebuilds it from what it puts
// back. Check verifies it against the records.
const bucketYearIndex = "year_index"

// yearIndexed are the indexed buckets and the date a record is indexed
// by. These are the large registers whose annual-report use is by date
// (model.AnnualRecordYears says which years a report needs).
var yearIndexed = map[string]func(raw []byte) int{
	bucketDeviations:   yearOfRecord(func(d model.Deviation) model.Date { return d.Date }),
	bucketMeetings:     yearOfRecord(func(m model.Meeting) model.Date { return m.Date }),
	bucketSafetyRounds: yearOfRecord(func(r model.SafetyRound) model.Date { return r.Date }),
}

// yearIndexOrder is yearIndexed's buckets in a fixed order (migration, Check).
var yearIndexOrder = []string{bucketDeviations, bucketMeetings, bucketSafetyRounds}

// maxIndexYear is the largest year the two-byte key holds; later (absurd)
// dates are indexed as undated, so they are read for every year.
const maxIndexYear = 0xFFFF

func yearOfRecord[T any](date func(T) model.Date) func(raw []byte) int {
	return func(raw []byte) int {
		v, err := decodeRecord[T]("", nil, raw)
		if err != nil {
			return 0
		}
		return indexYear(date(v))
	}
}

// indexYear is the year d is indexed under (0: undated).
func indexYear(d model.Date) int {
	if d.IsZero() || d.Year() < 1 || d.Year() > maxIndexYear {
		return 0
	}
	return d.Year()
}

func yearKey(bucket string, year int, id uint64) []byte {
	k := make([]byte, 0, len(bucket)+12)
	k = append(append(k, bucket...), 0, 'y')
	k = binary.BigEndian.AppendUint16(k, uint16(year))
	return binary.BigEndian.AppendUint64(k, id)
}

func idKey(bucket string, id uint64) []byte {
	k := make([]byte, 0, len(bucket)+10)
	k = append(append(k, bucket...), 0, 'i')
	return binary.BigEndian.AppendUint64(k, id)
}

// yearOfValue is the year a record about to be stored is indexed under,
// taken from the value itself (putRecord has it decoded already).
func yearOfValue(v any) (int, bool) {
	switch r := v.(type) {
	case model.Deviation:
		return indexYear(r.Date), true
	case model.Meeting:
		return indexYear(r.Date), true
	case model.SafetyRound:
		return indexYear(r.Date), true
	}
	return 0, false
}

// reindex brings bucket/key's index entries in line with raw, the value
// now stored there (nil: deleted). Buckets without an index, and files
// without the index bucket (before its migration), are left alone.
func reindex(tx *bbolt.Tx, bucket string, key, raw []byte) error {
	if err := replanIndex(tx, bucket, key, raw); err != nil {
		return err
	}
	yearOf, ok := yearIndexed[bucket]
	if !ok || raw == nil {
		return reindexAt(tx, bucket, key, 0, raw == nil)
	}
	return reindexAt(tx, bucket, key, yearOf(raw), false)
}

// reindexValue is putRecord's reindex: v is the value stored under key.
func reindexValue(tx *bbolt.Tx, bucket string, key []byte, v any) error {
	if err := replanIndexValue(tx, bucket, key, v); err != nil {
		return err
	}
	if _, ok := yearIndexed[bucket]; !ok {
		return nil
	}
	year, ok := yearOfValue(v)
	if !ok {
		return fmt.Errorf("intern feil: «%s» har ikke dato for årsindeksen", bucket)
	}
	return reindexAt(tx, bucket, key, year, false)
}

// reindexAt writes key's entry under year, or removes it when deleted.
func reindexAt(tx *bbolt.Tx, bucket string, key []byte, year int, deleted bool) error {
	if _, ok := yearIndexed[bucket]; !ok || len(key) != 8 {
		return nil
	}
	idx := tx.Bucket([]byte(bucketYearIndex))
	if idx == nil {
		return nil
	}
	id := binary.BigEndian.Uint64(key)
	ik := idKey(bucket, id)
	if old := idx.Get(ik); len(old) == 2 {
		if err := idx.Delete(yearKey(bucket, int(binary.BigEndian.Uint16(old)), id)); err != nil {
			return err
		}
	}
	if deleted {
		return idx.Delete(ik)
	}
	if err := idx.Put(yearKey(bucket, year, id), []byte{1}); err != nil {
		return err
	}
	return idx.Put(ik, binary.BigEndian.AppendUint16(nil, uint16(year)))
}

// buildYearIndex (re)writes the whole index from the records.
func buildYearIndex(tx *bbolt.Tx) error {
	return rebuildIndex(tx, bucketYearIndex, yearIndexOrder, reindex)
}

// rebuildIndex empties the index bucket and indexes every record of the
// buckets in order with add (the year and plan indexes).
func rebuildIndex(tx *bbolt.Tx, index string, order []string, add func(tx *bbolt.Tx, bucket string, key, raw []byte) error) error {
	if tx.Bucket([]byte(index)) != nil {
		if err := tx.DeleteBucket([]byte(index)); err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucket([]byte(index)); err != nil {
		return err
	}
	for _, name := range order {
		b := tx.Bucket([]byte(name))
		if b == nil {
			continue
		}
		c := b.Cursor()
		for k, raw := c.First(); k != nil; k, raw = c.Next() {
			if raw == nil {
				continue // a sub-bucket is no record; Check reports it
			}
			if err := add(tx, name, k, raw); err != nil {
				return err
			}
		}
	}
	return nil
}

// idsInYears returns the IDs of bucket's records indexed under the years
// from..to or as undated, in ID order.
func idsInYears(tx *bbolt.Tx, bucket string, from, to int) ([]uint64, error) {
	idx, err := bucketOf(tx, bucketYearIndex)
	if err != nil {
		return nil, err
	}
	var ids []uint64
	scan := func(year int) {
		prefix := yearKey(bucket, year, 0)[:len(bucket)+4]
		c := idx.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) == len(prefix)+8 {
				ids = append(ids, binary.BigEndian.Uint64(k[len(prefix):]))
			}
		}
	}
	scan(0)
	for y := max(from, 1); y <= to && y <= maxIndexYear; y++ {
		scan(y)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// listInYears decodes e's records dated in from..to (or undated), in ID
// order, as e.list would give them with the others left out.
func listInYears[T any](s *Store, e entity[T], from, to int) ([]T, error) {
	var out []T
	err := s.view(func(tx *bbolt.Tx) error {
		ids, err := idsInYears(tx, e.bucket, from, to)
		if err != nil {
			return err
		}
		out, err = readIDs(s, tx, e, ids)
		return err
	})
	return out, err
}

// readIDs decodes e's records with the given IDs (sorted; missing ones
// are skipped), in runs, releasing the file's pages after each run.
func readIDs[T any](s *Store, tx *bbolt.Tx, e entity[T], ids []uint64) ([]T, error) {
	b, err := bucketOf(tx, e.bucket)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	seq := newSeqReader(b)
	n := min(len(ids), oneShotChunk)
	keys, raws, got := make([][]byte, 0, n), make([][]byte, 0, n), make([]uint64, 0, n)
	for len(ids) > 0 {
		n := min(len(ids), oneShotChunk)
		keys, raws = keys[:0], raws[:0]
		for _, id := range ids[:n] {
			k := itob(id)
			if raw := seq.get(k); raw != nil {
				keys, raws = append(keys, k), append(raws, raw)
			}
		}
		ids = ids[n:]
		if out, got, err = appendDecoded(e.bucket, keys, raws, out, got, e.setID); err != nil {
			return nil, err
		}
		s.releaseRead(raws)
	}
	if len(out) == 0 {
		out = nil // as the full list of an empty bucket
	}
	return out, nil
}

// DeviationsDatedIn returns the deviations dated in the years from..to,
// and those without a date, in ID order (a part of Deviations).
func (s *Store) DeviationsDatedIn(from, to model.HMSYear) ([]model.Deviation, error) {
	return listInYears(s, deviations, int(from), int(to))
}

// MeetingsDatedIn returns the meetings dated in the years from..to, and
// those without a date, by date as Meetings gives them.
func (s *Store) MeetingsDatedIn(from, to model.HMSYear) ([]model.Meeting, error) {
	ms, err := listInYears(s, meetings, int(from), int(to))
	slices.SortStableFunc(ms, func(a, b model.Meeting) int { return a.Date.Compare(b.Date) })
	return ms, err
}

// SafetyRoundsDatedIn returns the safety rounds dated in the years
// from..to, and those without a date, in ID order.
func (s *Store) SafetyRoundsDatedIn(from, to model.HMSYear) ([]model.SafetyRound, error) {
	return listInYears(s, safetyRounds, int(from), int(to))
}

// checkYearIndex compares the index with the records: every record has
// exactly its entry, under the year its date gives, and nothing else.
func checkYearIndex(tx *bbolt.Tx) []string {
	idx := tx.Bucket([]byte(bucketYearIndex))
	if idx == nil {
		return []string{fmt.Sprintf("Bøtten «%s» mangler", bucketYearIndex)}
	}
	want := map[string]string{}
	forEachIndexedRecord(tx, yearIndexOrder, func(name string, id uint64, raw []byte) {
		year := yearIndexed[name](raw)
		want[string(yearKey(name, year, id))] = "\x01"
		want[string(idKey(name, id))] = string(binary.BigEndian.AppendUint16(nil, uint16(year)))
	})
	if wrong, missing := compareIndex(idx, want); wrong > 0 || missing > 0 {
		return []string{fmt.Sprintf("Årsindeksen («%s») stemmer ikke med postene: %d oppføringer for mye, %d mangler", bucketYearIndex, wrong, missing)}
	}
	return nil
}

// forEachIndexedRecord calls fn for every record (an 8-byte ID key with a value)
// of the named buckets, in order; a missing bucket is skipped. The index
// checks build what their index should hold from it.
func forEachIndexedRecord(tx *bbolt.Tx, buckets []string, fn func(name string, id uint64, raw []byte)) {
	for _, name := range buckets {
		b := tx.Bucket([]byte(name))
		if b == nil {
			continue
		}
		_ = b.ForEach(func(k, raw []byte) error {
			if raw != nil && len(k) == 8 {
				fn(name, binary.BigEndian.Uint64(k), raw)
			}
			return nil
		})
	}
}

// compareIndex compares an index bucket with the entries the records call
// for (key → value): wrong counts entries that are not called for or have
// another value, missing those called for and absent (or wrong).
func compareIndex(idx *bbolt.Bucket, want map[string]string) (wrong, missing int) {
	_ = idx.ForEach(func(k, v []byte) error {
		if w, ok := want[string(k)]; ok && w == string(v) {
			delete(want, string(k))
		} else {
			wrong++
		}
		return nil
	})
	return wrong, len(want)
}
