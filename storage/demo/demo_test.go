package demo

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

var today = model.NewDate(2026, 11, 24)

func TestDefaultIsNursingHomeWithFullCommittee(t *testing.T) {
	ds := Generate(Options{Seed: 1, Scale: 1, Today: today})
	if ds.Unit.Sector != model.SectorSykehjem {
		t.Errorf("default demo sector %q, want sykehjem", ds.Unit.Sector)
	}
	if err := ds.Unit.Validate(); err != nil {
		t.Fatalf("demo unit invalid: %v", err)
	}
	if err := model.ValidateCommittee(ds.Members); err != nil {
		t.Fatalf("demo committee invalid: %v", err)
	}
	active := model.ActiveMembers(ds.Members, today)
	roles := map[model.Role]bool{}
	for _, m := range active {
		roles[m.Role] = true
	}
	for _, r := range model.Roles() {
		if !roles[r] {
			t.Errorf("no active %s on %s", r, today)
		}
	}
}

func TestDeterministicPerSeed(t *testing.T) {
	a := Generate(Options{Seed: 7, Scale: 1, Today: today})
	b := Generate(Options{Seed: 7, Scale: 1, Today: today})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different data")
	}
	names := map[string]bool{}
	for seed := int64(1); seed <= 20; seed++ {
		n := Generate(Options{Seed: seed, Scale: 1, Today: today}).Unit.Name
		if names[n] {
			t.Errorf("seed %d repeats unit name %q", seed, n)
		}
		names[n] = true
	}
}

func TestScaleMultipliesVolume(t *testing.T) {
	one := Generate(Options{Seed: 3, Scale: 1, Today: today})
	fifty := Generate(Options{Seed: 3, Scale: 50, Today: today})
	if fifty.Unit.Employees != one.Unit.Employees*50 {
		t.Errorf("employees %d at scale 50, want %d", fifty.Unit.Employees, one.Unit.Employees*50)
	}
}

func TestCreateWritesFileAndRefusesOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, Options{Seed: 1, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := st.Unit()
	ms, _ := st.Members()
	st.Close()
	want := Generate(Options{Seed: 1, Scale: 1, Today: today})
	if u.Name != want.Unit.Name || len(ms) != len(want.Members) {
		t.Errorf("stored %q with %d members, want %q with %d", u.Name, len(ms), want.Unit.Name, len(want.Members))
	}
	before, _ := os.ReadFile(path)
	if err := Create(path, Options{Seed: 2, Scale: 1, Today: today}); err == nil {
		t.Fatal("Create overwrote an existing file")
	} else if !errors.Is(err, storage.ErrExists) {
		t.Errorf("error %v, want ErrExists", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("existing file changed")
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
}
