package storage

import (
	"encoding/json"
	"sort"
	"testing"

	"hmsutvalg/model"
)

// FuzzDecodeRecord feeds arbitrary bytes as a stored value to every
// registered bucket's check (decode plus per-record rules, what Check runs
// on each value of a file) and to decodeRecord of the main types. A value
// that does not decode must come back as an error, never a panic.
func FuzzDecodeRecord(f *testing.F) {
	names := make([]string, 0, len(bucketSpecs))
	for n := range bucketSpecs {
		names = append(names, n)
	}
	sort.Strings(names)
	settings := make([]string, 0, len(settingSpecs))
	for n := range settingSpecs {
		settings = append(settings, n)
	}
	sort.Strings(settings)

	seeds := []any{model.Measure{ID: 1, Title: "Tiltak", Status: model.StatusPlanlagt},
		model.RiskAssessment{ID: 1}, model.RiskItem{ID: 1}, model.Deviation{ID: 1}, model.Meeting{ID: 1},
		model.SafetyRound{ID: 1}, model.SickLeaveQuarter{ID: 1}, model.SurveyRound{ID: 1},
		model.Unit{Name: "Enhet"}, model.CommitteeMember{ID: 1}, model.WheelEntry{ID: 1}, Change{}}
	for i, s := range seeds {
		raw, err := encodeRecord(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), uint64(1), raw)
	}
	for i, s := range []string{``, `null`, `{}`, `{"v":1}`, `{"v":1,"data":null}`, `{"v":99,"data":{}}`,
		`{"v":1,"data":[]}`, `{"v":1,"data":{"id":"x"}}`, `{"v":-1,"data":{}}`, `[1,2]`, `{"v":1,"data":{"deadline":"31.02.2025"}}`,
		`{"v":1,"data":{"items":[{"n":-1}]}}`, `{"v":1,"data":{"answers":[{}],"template":{"items":null}}}`} {
		f.Add(uint8(i), uint64(i), []byte(s))
	}

	f.Fuzz(func(t *testing.T, which uint8, id uint64, raw []byte) {
		spec := bucketSpecs[names[int(which)%len(names)]]
		key := itob(id)
		if spec.named && len(settings) > 0 {
			key = []byte(settings[int(id%uint64(len(settings)))])
		}
		if spec.check != nil {
			err := spec.check(key, raw)
			if err == nil && !json.Valid(raw) {
				t.Errorf("«%s»: invalid JSON %q accepted", spec.name, raw)
			}
		}
		decodeAll(t, key, raw)
	})
}

// decodeAll decodes raw as each main type; garbage must be an error.
func decodeAll(t *testing.T, key, raw []byte) {
	valid := json.Valid(raw)
	try := func(name string, err error) {
		if err == nil && !valid {
			t.Errorf("%s: invalid JSON %q accepted", name, raw)
		}
		if err != nil {
			if _, ok := err.(*DecodeError); !ok {
				t.Errorf("%s: error %T is not a *DecodeError: %v", name, err, err)
			}
			_ = err.Error()
		}
	}
	_, err := decodeRecord[model.Measure]("b", key, raw)
	try("Measure", err)
	_, err = decodeRecord[model.RiskAssessment]("b", key, raw)
	try("RiskAssessment", err)
	_, err = decodeRecord[model.RiskItem]("b", key, raw)
	try("RiskItem", err)
	_, err = decodeRecord[model.Deviation]("b", key, raw)
	try("Deviation", err)
	_, err = decodeRecord[model.Meeting]("b", key, raw)
	try("Meeting", err)
	_, err = decodeRecord[model.SafetyRound]("b", key, raw)
	try("SafetyRound", err)
	_, err = decodeRecord[model.SickLeaveQuarter]("b", key, raw)
	try("SickLeaveQuarter", err)
	_, err = decodeRecord[model.SurveyRound]("b", key, raw)
	try("SurveyRound", err)
	_, err = decodeRecord[model.ViolenceMapping]("b", key, raw)
	try("ViolenceMapping", err)
	_, err = decodeRecord[model.ViolenceTraining]("b", key, raw)
	try("ViolenceTraining", err)
	_, err = decodeRecord[model.Unit]("b", key, raw)
	try("Unit", err)
	_, err = decodeRecord[model.CommitteeMember]("b", key, raw)
	try("CommitteeMember", err)
	_, err = decodeRecord[model.WheelEntry]("b", key, raw)
	try("WheelEntry", err)
	_, err = decodeRecord[Change]("b", key, raw)
	try("Change", err)
	_, err = decodeRecord[model.RiskMatrix]("b", key, raw)
	try("RiskMatrix", err)
}
