package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// fastAgrees decodes raw both ways as T. Whatever the fast path accepts,
// the careful encoding/json path must accept and read to the same value;
// whatever the fast path refuses must still come out of decodeRecord the
// way the careful path gives it.
func fastAgrees[T any](bucket string, key, raw []byte) error {
	fast, ok := decodeFast[T](raw)
	careful, cerr := decodeCareful[T](bucket, key, raw)
	if !ok {
		got, err := decodeRecord[T](bucket, key, raw)
		if (err == nil) != (cerr == nil) || (err == nil && !reflect.DeepEqual(got, careful)) {
			return fmt.Errorf("decodeRecord differs from the careful path: %v / %v", err, cerr)
		}
		return nil
	}
	if cerr != nil {
		return fmt.Errorf("fast path accepted what encoding/json refuses (%v): %q", cerr, raw)
	}
	if !reflect.DeepEqual(fast, careful) {
		return fmt.Errorf("fast path read\n%+v\nencoding/json read\n%+v\nfrom %q", fast, careful, raw)
	}
	return nil
}

// fastAgreesInBucket checks a stored value of bucket as the type the
// bucket holds. It reports false for buckets of mixed or raw values.
func fastAgreesInBucket(bucket string, key, raw []byte) (bool, error) {
	switch bucket {
	case bucketMeasures:
		return true, fastAgrees[model.Measure](bucket, key, raw)
	case bucketRiskAssessments:
		return true, fastAgrees[model.RiskAssessment](bucket, key, raw)
	case bucketRiskItems:
		return true, fastAgrees[model.RiskItem](bucket, key, raw)
	case bucketDeviations:
		return true, fastAgrees[model.Deviation](bucket, key, raw)
	case bucketMeetings:
		return true, fastAgrees[model.Meeting](bucket, key, raw)
	case bucketSafetyRounds:
		return true, fastAgrees[model.SafetyRound](bucket, key, raw)
	case bucketSickLeave:
		return true, fastAgrees[model.SickLeaveQuarter](bucket, key, raw)
	case bucketSurveyRounds:
		return true, fastAgrees[model.SurveyRound](bucket, key, raw)
	case bucketViolenceTrainings:
		return true, fastAgrees[model.ViolenceTraining](bucket, key, raw)
	case bucketUnit:
		return true, fastAgrees[model.Unit](bucket, key, raw)
	case bucketMembers:
		return true, fastAgrees[model.CommitteeMember](bucket, key, raw)
	case bucketAnnualWheel:
		return true, fastAgrees[model.WheelEntry](bucket, key, raw)
	case bucketChangelog:
		return true, fastAgrees[Change](bucket, key, raw)
	}
	return false, nil
}

func TestFastDecodeEdges(t *testing.T) {
	for _, raw := range []string{
		`{"v":3,"data":{"id":7,"title":"Ny rutine","deadline":"2026-03-01"}}`,
		`{"v":3,"data":{"ID":7,"TITLE":"Store bokstaver"}}`,  // encoding/json ignores case
		`{"v":3,"data":{"id":7,"title":"a","title":"b"}}`,    // duplicate name: careful path
		"{\"v\":3,\"data\":{\"id\":7,\"title\":\"\xff\"}}",   // invalid UTF-8: careful path
		`{"v":3,"data":{"id":"sju"}}`,                        // type mismatch: an error
		`{"v":4,"data":{"id":7}}`, `{"v":0,"data":{"id":7}}`, // versions outside the schema
		`{"v":3,"data":null}`, `{"v":3}`, `{"data":{"id":7}}`, `[]`, ``, // no data, no envelope
		`{"v":3,"data":{"id":7,"deadline":"31.02.2025"}}`, // a date that is not a date
		`{"v":3,"data":{"id":7,"unknown":{"x":[1,2]}}}`,   // unknown fields are ignored by both
	} {
		if err := fastAgrees[model.Measure](bucketMeasures, itob(7), []byte(raw)); err != nil {
			t.Errorf("%s: %v", raw, err)
		}
	}
	// The usual record must take the fast path, or the speed is gone
	// without any test failing.
	raw, err := encodeRecord(model.Measure{ID: 1, Title: "Tiltak", Status: model.StatusPlanlagt, Deadline: model.NewDate(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := decodeFast[model.Measure](raw); !ok {
		t.Errorf("a record written by encodeRecord did not take the fast path: %s", raw)
	}
}

// FuzzDecodeFastMatchesCareful checks that the two decoders agree on any
// input, as a measure and as a deviation.
func FuzzDecodeFastMatchesCareful(f *testing.F) {
	for _, s := range []any{model.Measure{ID: 1, Title: "Tiltak", Status: model.StatusPlanlagt},
		model.Deviation{ID: 2, WhatHappened: "Fall i trapp"}} {
		raw, err := encodeRecord(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`{"v":3,"data":{"ID":7,"Title":"x"}}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if err := fastAgrees[model.Measure](bucketMeasures, itob(1), raw); err != nil {
			t.Error(err)
		}
		if err := fastAgrees[model.Deviation](bucketDeviations, itob(1), raw); err != nil {
			t.Error(err)
		}
	})
}

// decodeRecords splits the work over the cores; it must give what the
// one-by-one forEachRecord gives, and on damage the same (first) error.
func TestDecodeRecordsMatchesForEach(t *testing.T) {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "x.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const n = 3*parallelDecodeMin + 7
	put := func(damaged ...uint64) {
		t.Helper()
		err := db.Update(func(tx *bbolt.Tx) error {
			_ = tx.DeleteBucket([]byte(bucketMeasures))
			b, err := tx.CreateBucket([]byte(bucketMeasures))
			if err != nil {
				return err
			}
			for id := uint64(1); id <= n; id++ {
				raw, err := encodeRecord(model.Measure{Title: fmt.Sprintf("Tiltak %d", id), Status: model.StatusPlanlagt})
				if err != nil {
					return err
				}
				if slices.Contains(damaged, id) {
					raw = []byte(`{"v":3,"data":{"title":17}}`)
				}
				if err := b.Put(itob(id), raw); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	both := func() (ids []uint64, got []model.Measure, err error, wantIDs []uint64, want []model.Measure, wantErr error) {
		_ = db.View(func(tx *bbolt.Tx) error {
			ids, got, err = decodeRecords[model.Measure](tx, bucketMeasures)
			wantErr = forEachRecord(tx, bucketMeasures, func(id uint64, m model.Measure) error {
				wantIDs, want = append(wantIDs, id), append(want, m)
				return nil
			})
			return nil
		})
		return
	}

	put()
	ids, got, err, wantIDs, want, wantErr := both()
	if err != nil || wantErr != nil || len(got) != n || !reflect.DeepEqual(ids, wantIDs) || !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeRecords differs from forEachRecord: %d records, %v / %v", len(got), err, wantErr)
	}

	// Two damaged records in different workers' runs: the first one is
	// reported, as one by one.
	put(n-3, 40)
	_, _, err, _, _, wantErr = both()
	var de *DecodeError
	if !errors.As(err, &de) || de.Error() != wantErr.Error() || !strings.Contains(de.Error(), "40") {
		t.Errorf("error %v, want %v", err, wantErr)
	}
}
