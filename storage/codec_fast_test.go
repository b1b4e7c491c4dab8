package storage

import (
	"fmt"
	"reflect"
	"testing"

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
