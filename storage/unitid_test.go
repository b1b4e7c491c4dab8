package storage

import (
	"path/filepath"
	"testing"
)

// The unit's ID is fixed when the file is made: a rename keeps it, a
// read-only store gives the same, and another file of the same name made
// at another time has another.
func TestUnitIDSurvivesRenameAndDiffersPerFile(t *testing.T) {
	path, s := newDB(t, Options{NoBackup: true})
	id, err := s.UnitID()
	if err != nil || len(id) != 16 {
		t.Fatalf("id %q, %v", id, err)
	}
	u, _ := s.Unit()
	u.Name, u.Municipality = "Solsiden", "Sørby"
	if err := s.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.UnitID(); again != id {
		t.Errorf("rename changed the ID: %s → %s", id, again)
	}
	_ = s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ro.UnitID(); got != id {
		t.Errorf("read-only ID %s, want %s", got, id)
	}
	_ = ro.Close()
	o, err := Create(filepath.Join(t.TempDir(), "b.db"), testUnit(), Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	if other, _ := o.UnitID(); other == id {
		t.Errorf("two files of the same name share the ID %s", id)
	}
}
