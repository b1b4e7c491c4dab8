package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

var sickDay = date(2026, 11, 24)

func sq(y, q int, total model.Percent) model.SickLeaveQuarter {
	return model.SickLeaveQuarter{Quarter: model.Quarter{Year: y, Q: q}, Total: total}
}

func TestSickLeaveRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	full := sq(2026, 1, 810)
	full.SelfCertified, full.DoctorShort, full.DoctorLong = model.PercentPtr(150), model.PercentPtr(0), model.PercentPtr(420)
	full.Employees, full.AgreedDays = 86, 5090
	a, err := s.SaveSickLeaveQuarter(full, sickDay)
	if err != nil || a.ID == 0 {
		t.Fatalf("save: %+v %v", a, err)
	}
	b, err := s.SaveSickLeaveQuarter(sq(2025, 4, 740), sickDay)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	qs, err := s.SickLeaveQuarters()
	if err != nil || !reflect.DeepEqual(qs, []model.SickLeaveQuarter{b, a}) {
		t.Fatalf("SickLeaveQuarters (oldest first): %v %+v", err, qs)
	}
	if got, err := s.SickLeaveQuarter(a.ID); err != nil || got.DoctorShort == nil || *got.DoctorShort != 0 || got.SelfCertified == nil {
		t.Errorf("zero part lost: %+v %v", got, err)
	}
	if got, _ := s.SickLeaveQuarter(b.ID); got.SelfCertified != nil {
		t.Errorf("unknown part became known: %+v", got)
	}
	mustCheckOK(t, path)
}

func TestSickLeaveOneRecordPerQuarter(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	first, err := s.SaveSickLeaveQuarter(sq(2026, 1, 740), sickDay)
	if err != nil {
		t.Fatal(err)
	}
	// The same quarter again (ID 0) updates it.
	second, err := s.SaveSickLeaveQuarter(sq(2026, 1, 760), sickDay)
	if err != nil || second.ID != first.ID || second.Total != 760 {
		t.Fatalf("second save %+v %v", second, err)
	}
	qs, _ := s.SickLeaveQuarters()
	if len(qs) != 1 {
		t.Fatalf("%d records", len(qs))
	}
	changes, _ := s.Changes(0)
	if changes[0].Kind != ChangeUpdated || !strings.Contains(changes[0].Summary, "2026-K1 (7,6 %), før: 2026-K1 (7,4 %)") {
		t.Errorf("change %+v", changes[0])
	}
	// Moving another record onto a registered quarter is refused.
	other, _ := s.SaveSickLeaveQuarter(sq(2026, 2, 500), sickDay)
	other.Quarter = model.Quarter{Year: 2026, Q: 1}
	_, err = s.SaveSickLeaveQuarter(other, sickDay)
	var v model.ValidationError
	if !errors.As(err, &v) || !strings.Contains(v.For(model.FieldSickQuarter), "allerede registrert") {
		t.Errorf("collision: %v", err)
	}
	if err := s.DeleteSickLeaveQuarter(first.ID); err != nil {
		t.Fatal(err)
	}
	if qs, _ := s.SickLeaveQuarters(); len(qs) != 1 || qs[0].ID != other.ID {
		t.Errorf("after delete %+v", qs)
	}
}

func TestSickLeaveBadInputLeavesFileUntouched(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveSickLeaveQuarter(sq(2026, 1, 740), sickDay); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	bad := []model.SickLeaveQuarter{
		sq(2027, 1, 740),   // future
		sq(2026, 2, 10001), // above 100
		{Quarter: model.Quarter{Year: 2026, Q: 2}, Total: 500, DoctorLong: model.PercentPtr(700)},
	}
	for _, q := range bad {
		if _, err := s.SaveSickLeaveQuarter(q, sickDay); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
	if err := s.SaveSickLeaveSettings(model.SickLeaveSettings{Target: 520, TwoQuarterThreshold: 1000, OneQuarterThreshold: 700}); err == nil {
		t.Error("bad settings accepted")
	}
	assertUnchanged(t, path, before)
}

func TestImportSickLeaveAllOrNothing(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveSickLeaveQuarter(sq(2025, 4, 700), sickDay); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	changesBefore, _ := s.Changes(0)
	// The third quarter is in the future: nothing is imported.
	_, err := s.ImportSickLeave([]model.SickLeaveQuarter{sq(2025, 3, 600), sq(2025, 4, 740), sq(2027, 1, 800)}, sickDay)
	if err == nil || !strings.Contains(err.Error(), "2027-K1") {
		t.Fatalf("import with a bad quarter: %v", err)
	}
	assertUnchanged(t, path, before)
	// A quarter twice is refused too.
	if _, err := s.ImportSickLeave([]model.SickLeaveQuarter{sq(2025, 3, 600), sq(2025, 3, 610)}, sickDay); err == nil {
		t.Error("duplicate accepted")
	}
	assertUnchanged(t, path, before)

	out, err := s.ImportSickLeave([]model.SickLeaveQuarter{sq(2025, 3, 600), sq(2025, 4, 740), sq(2026, 1, 810)}, sickDay)
	if err != nil || len(out) != 3 {
		t.Fatalf("import: %v %+v", err, out)
	}
	qs, _ := s.SickLeaveQuarters()
	if len(qs) != 3 || qs[1].Total != 740 || qs[1].ID != 1 {
		t.Errorf("after import %+v", qs)
	}
	changes, _ := s.Changes(0)
	if got := len(changes) - len(changesBefore); got != 3 {
		t.Errorf("%d change-log entries, want 3 (two new, one update)", got)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestSickLeaveSettingsRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if got, err := s.SickLeaveSettings(); err != nil || got != model.DefaultSickLeaveSettings() {
		t.Fatalf("default %+v %v", got, err)
	}
	own := model.SickLeaveSettings{Target: 740, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}
	if err := s.SaveSickLeaveSettings(own); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SickLeaveSettings(); got != own {
		t.Errorf("stored %+v", got)
	}
	changes, _ := s.Changes(1)
	if changes[0].Entity != EntitySettings || !strings.Contains(changes[0].Summary, "Enhetens mål 7,4 %") {
		t.Errorf("change %+v", changes[0])
	}
	// Whose target it is, stored and logged.
	municipal := own
	municipal.TargetSetBy = model.TargetByMunicipality
	if err := s.SaveSickLeaveSettings(municipal); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.SickLeaveSettings(); got != municipal {
		t.Errorf("stored %+v", got)
	}
	changes, _ = s.Changes(1)
	if !strings.Contains(changes[0].Summary, "Endret mål og grenser for sykefravær: Kommunens mål 7,4 %") {
		t.Errorf("change %+v", changes[0])
	}
	if err := s.SaveSickLeaveSettings(own); err != nil {
		t.Fatal(err)
	}
	n, _ := s.Changes(0)
	if err := s.SaveSickLeaveSettings(own); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Changes(0); len(again) != len(n) {
		t.Error("saving unchanged settings logged a change")
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestCheckFindsBadSickLeave(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveSickLeaveQuarter(sq(2026, 1, 740), sickDay); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		bad := sq(2026, 2, 12000)
		bad.ID = 100
		if err := putRecord(tx, bucketSickLeave, 100, bad); err != nil {
			return err
		}
		return putSetting(tx, keySickLeaveSettings, model.SickLeaveSettings{Target: 1, TwoQuarterThreshold: 5, OneQuarterThreshold: 5})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	assertCheckFinds(t, path, "«sick_leave» nøkkel 100: Sykefravær totalt må være mellom 0 og 100 %", "sick_leave_settings")
}

func TestCheckFindsQuarterTwice(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	a, err := s.SaveSickLeaveQuarter(sq(2026, 1, 740), sickDay)
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		dup := a
		dup.ID = 99
		return putRecord(tx, bucketSickLeave, 99, dup)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	assertCheckFinds(t, path, "Sykefravær for 2026-K1 er registrert to ganger (nøkkel 1 og 99)")
}

func assertCheckFinds(t *testing.T, path string, wants ...string) {
	t.Helper()
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := rep.Summary()
	for _, want := range wants {
		if !strings.Contains(sum, want) {
			t.Errorf("Check summary lacks %q:\n%s", want, sum)
		}
	}
}
