package storage

import (
	"errors"
	"strings"
	"testing"

	"hmsutvalg/model"
)

func TestRiskMatrixSetting(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if m, err := s.RiskMatrix(); err != nil || m != model.DefaultRiskMatrix() {
		t.Fatalf("unset matrix: %+v %v", m, err)
	}
	before := readFile(t, path)
	for _, bad := range []model.RiskMatrix{{}, {Size: 3, LowMax: 2, MediumMax: 5}, {Size: 5, LowMax: 9, MediumMax: 9}, {Size: 4, LowMax: 3, MediumMax: 16}} {
		err := s.SaveRiskMatrix(bad)
		var ve model.ValidationError
		if !errors.As(err, &ve) || err.Error() != bad.Validate().Error() {
			t.Errorf("%+v: %v, want the model's %v", bad, err, bad.Validate())
		}
	}
	assertUnchanged(t, path, before)

	custom := model.RiskMatrix{Size: 5, LowMax: 5, MediumMax: 12}
	if err := s.SaveRiskMatrix(custom); err != nil {
		t.Fatal(err)
	}
	n := changeCount(t, s)
	if err := s.SaveRiskMatrix(custom); err != nil || changeCount(t, s) != n {
		t.Fatalf("saving the same matrix again: %v, %d entries", err, changeCount(t, s)-n)
	}
	four := model.DefaultRiskMatrixFor(4)
	if err := s.SaveRiskMatrix(four); err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Changes(2)
	if c := cs[1]; c.Entity != EntitySettings || c.Kind != ChangeCreated || !strings.Contains(c.Summary, "Lav 1–5, middels 6–12, høy 13–25 (5×5)") {
		t.Errorf("first entry %+v", c)
	}
	if c := cs[0]; c.Kind != ChangeUpdated || !strings.Contains(c.Summary, "(4×4), før: Lav 1–5") {
		t.Errorf("second entry %+v", c)
	}
	s.Close()

	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m, err := s.RiskMatrix(); err != nil || m != four {
		t.Fatalf("after reopen: %+v %v", m, err)
	}
	if err := s.SaveRiskMatrix(custom); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only: %v", err)
	}
	rep := mustCheckOK(t, path)
	if rep.Counts[bucketSettings] != 1 {
		t.Fatalf("settings count %d", rep.Counts[bucketSettings])
	}
}
