package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

func TestSchemaVersionMatchesMigrations(t *testing.T) {
	if got := latestVersion(migrations); got != CurrentSchemaVersion {
		t.Fatalf("latest migration is %d, CurrentSchemaVersion is %d", got, CurrentSchemaVersion)
	}
	for i, m := range migrations {
		if m.version != i+1 || m.name == "" || m.up == nil {
			t.Fatalf("migration %d is malformed: %+v", i, m)
		}
	}
}

func TestCreateOpenRoundTrip(t *testing.T) {
	clock := newClock()
	path, s := newDB(t, testOpts(clock))
	if s.SchemaVersion() != CurrentSchemaVersion || s.Path() != path {
		t.Fatalf("schema %d path %q", s.SchemaVersion(), s.Path())
	}

	kari, err := s.SaveMember(model.CommitteeMember{Name: "  Kari Nordmann ", Role: model.RoleLeder, From: date(2026, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if kari.ID != 1 || kari.Name != "Kari Nordmann" {
		t.Fatalf("first member: %+v", kari)
	}
	ola, err := s.SaveMember(model.CommitteeMember{Name: "Ola Nordmann", Role: model.RoleVerneombud, From: date(2026, 1, 1), To: date(2027, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	ola.Role = model.RoleTillitsvalgt
	if _, err := s.SaveMember(ola); err != nil {
		t.Fatal(err)
	}
	u := testUnit()
	u.Employees = 30
	u.Departments = append(u.Departments, " Multebær ")
	if err := s.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	s.SetUser("Per Leder")
	if err := s.DeleteMember(kari.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(kari.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if _, err := s.SaveMember(model.CommitteeMember{ID: 99, Name: "X", Role: model.RoleBHT, From: date(2026, 1, 1)}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("update of missing member: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gotU, err := s.Unit()
	if err != nil {
		t.Fatal(err)
	}
	wantU := u.Normalized()
	if !reflect.DeepEqual(gotU, wantU) {
		t.Fatalf("unit: got %+v want %+v", gotU, wantU)
	}
	members, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 1 || !reflect.DeepEqual(members[0], ola) {
		t.Fatalf("members: %+v, want [%+v]", members, ola)
	}

	changes, err := s.Changes(0)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		kind   ChangeKind
		entity string
		id     uint64
		user   string
	}
	want := []row{ // newest first
		{ChangeDeleted, EntityMember, 1, "Per Leder"},
		{ChangeUpdated, EntityUnit, 1, "Kari Tester"},
		{ChangeUpdated, EntityMember, 2, "Kari Tester"},
		{ChangeCreated, EntityMember, 2, "Kari Tester"},
		{ChangeCreated, EntityMember, 1, "Kari Tester"},
		{ChangeCreated, EntityUnit, 1, "Kari Tester"},
		{ChangeMigrated, EntityDatabase, 0, "Kari Tester"},
	}
	if len(changes) != len(want) {
		t.Fatalf("got %d changes: %+v", len(changes), changes)
	}
	for i, w := range want {
		c := changes[i]
		if (row{c.Kind, c.Entity, c.EntityID, c.User}) != w {
			t.Errorf("change %d: got %+v want %+v", i, c, w)
		}
		if c.Seq != uint64(len(want)-i) {
			t.Errorf("change %d: seq %d", i, c.Seq)
		}
		if c.Summary == "" || c.Time.IsZero() {
			t.Errorf("change %d incomplete: %+v", i, c)
		}
		if i > 0 && !c.Time.Before(changes[i-1].Time) {
			t.Errorf("change %d not older than the one before", i)
		}
	}
	if !strings.Contains(changes[2].Summary, "før:") {
		t.Errorf("update summary should mention the old value: %q", changes[2].Summary)
	}
	if two, _ := s.Changes(2); len(two) != 2 || two[0].Seq != 7 {
		t.Errorf("Changes(2) = %+v", two)
	}
	if err := s.SaveUnit(u); !errors.Is(err, ErrReadOnly) {
		t.Errorf("write on read-only store: %v", err)
	}
}

func TestSaveUnchangedLogsNothing(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	m, err := s.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Changes(0)
	if _, err := s.SaveMember(m); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveUnit(testUnit()); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Changes(0); len(after) != len(before) {
		t.Fatalf("unchanged saves were logged: %d → %d entries", len(before), len(after))
	}
}

func TestCreateRefusesExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	if err := os.WriteFile(path, []byte("ikke en database"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	if _, err := Create(path, testUnit(), Options{NoBackup: true}); !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Create over existing file: %v", err)
	}
	assertUnchanged(t, path, before)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("Create left files behind: %v", entries)
	}
}

func TestCreateValidatesAndMakesDirs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b", "hms.db")
	bad := testUnit()
	bad.Name = ""
	_, err := Create(path, bad, Options{NoBackup: true})
	var verr model.ValidationError
	if !errors.As(err, &verr) || verr.For(model.FieldUnitName) == "" {
		t.Fatalf("invalid unit: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("invalid unit left a file: %v", err)
	}
	s, err := Create(path, testUnit(), Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("expected only the database, got %v", entries)
	}
	mustCheckOK(t, path)
}

func TestOpenRefusesMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mangler.db")
	for _, ro := range []bool{false, true} {
		if _, err := Open(path, Options{ReadOnly: ro}); !errors.Is(err, ErrNotExist) {
			t.Fatalf("Open(ReadOnly=%v) missing: %v", ro, err)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Open created the missing file")
	}
	if _, err := os.Stat(BackupDir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Open created a backup dir for a missing file")
	}
}

func TestUpdateIsAtomicWithChangeLog(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	before, _ := s.Changes(0)
	boom := errors.New("boom")
	err := s.update(EntityMember, 5, ChangeCreated, "skal ikke lagres", func(tx *bbolt.Tx) error {
		if err := putRecord(tx, bucketMembers, 5, model.CommitteeMember{ID: 5, Name: "Spøkelse", Role: model.RoleBHT, From: date(2026, 1, 1)}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("update: %v", err)
	}
	if m, _ := s.Members(); len(m) != 0 {
		t.Fatalf("record survived a failed update: %+v", m)
	}
	if after, _ := s.Changes(0); len(after) != len(before) {
		t.Fatal("change-log entry survived a failed update")
	}

	// Refused validation (per member and across the committee) must not
	// touch the file at all.
	if _, err := s.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	fileBefore := readFile(t, path)
	_, err = s.SaveMember(model.CommitteeMember{Name: "", Role: "tull"})
	if !isType[model.ValidationError](err) {
		t.Fatalf("invalid member: %v", err)
	}
	_, err = s.SaveMember(model.CommitteeMember{Name: "kari ", Role: model.RoleVerneombud, From: date(2026, 6, 1)})
	if !isType[model.ValidationError](err) || !strings.Contains(err.Error(), "én rolle") {
		t.Fatalf("overlapping role: %v", err)
	}
	bad := testUnit()
	bad.Employees = 0
	if err := s.SaveUnit(bad); !isType[model.ValidationError](err) {
		t.Fatalf("invalid unit: %v", err)
	}
	assertUnchanged(t, path, fileBefore)
	if m, _ := s.Members(); len(m) != 1 {
		t.Fatalf("members after refused writes: %+v", m)
	}
}

func TestUseAfterClose(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	s.Close()
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := s.Members(); !errors.Is(err, ErrClosed) {
		t.Fatalf("read after close: %v", err)
	}
	if err := s.SaveUnit(testUnit()); !errors.Is(err, ErrClosed) {
		t.Fatalf("write after close: %v", err)
	}
}

func TestReadOnlyWriteFails(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	before := readFile(t, path)
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write on read-only: %v", err)
	}
	if _, err := os.Stat(BackupDir(path)); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("read-only open made a backup")
	}
	assertUnchanged(t, path, before)
	mustCheckOK(t, path)
}

func TestMaxSizeWriteFails(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// Twice the new file's size: room for small writes (bbolt grows the
	// file by doubling), none for the 4 MB one. At exactly its size a
	// new file with one more bucket (schema 10) had no free page left.
	s, err = Open(path, Options{NoBackup: true, MaxSize: 2 * int(info.Size())})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := s.Changes(0)
	big := strings.Repeat("x", 4<<20)
	err = s.update(EntityUnit, unitID, ChangeUpdated, big, func(*bbolt.Tx) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "største tillatte størrelse") {
		t.Fatalf("oversized write: %v", err)
	}
	if after, _ := s.Changes(0); len(after) != len(before) {
		t.Fatal("failed write left a change-log entry")
	}
	// Small writes still work after the failure.
	if _, err := s.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}); err != nil {
		t.Fatalf("small write after disk-full: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestResolvePath(t *testing.T) {
	t.Setenv(EnvDB, "")
	def, err := DefaultPath()
	if err != nil {
		t.Skip("no user config dir:", err)
	}
	if filepath.Base(def) != "hmsutvalg.db" || filepath.Base(filepath.Dir(def)) != "hmsutvalg" {
		t.Fatalf("DefaultPath = %q", def)
	}
	if p, _ := ResolvePath("/x/flag.db"); p != "/x/flag.db" {
		t.Fatalf("flag: %q", p)
	}
	if p, _ := ResolvePath(""); p != def {
		t.Fatalf("default: %q", p)
	}
	t.Setenv(EnvDB, "/x/env.db")
	if p, _ := ResolvePath(""); p != "/x/env.db" {
		t.Fatalf("env: %q", p)
	}
	if p, _ := ResolvePath("/x/flag.db"); p != "/x/flag.db" {
		t.Fatalf("flag must win over env: %q", p)
	}
}

func TestErrorMessages(t *testing.T) {
	cases := map[string]error{
		"Databasen «/a.db» er allerede åpen i et annet vindu. Lukk det andre vinduet og prøv igjen.":                                                                                                             &LockedError{Path: "/a.db"},
		"Filen «/a.db» er ikke en gyldig HMS-utvalg-database (filen er tom). Filen er ikke endret.":                                                                                                              &NotHMSFileError{Path: "/a.db", Reason: "filen er tom"},
		"Databasen «/a.db» ble laget med en nyere versjon av HMS-utvalg (skjemaversjon 7). Oppdater programmet.":                                                                                                 &NewerSchemaError{Path: "/a.db", Version: 7},
		"Databasen «/a.db» har skjemaversjon 7 og må oppgraderes til versjon 8 før den kan leses uten å endres. Start programmet med filen én gang (hmsutvalg --db «/a.db»), så oppgraderes den, og prøv igjen.": &OldSchemaError{Path: "/a.db", Version: 7, Latest: 8},
	}
	for want, err := range cases {
		if err.Error() != want {
			t.Errorf("got %q\nwant %q", err.Error(), want)
		}
	}
}

// The generic helpers are what later modules build on.
func TestGenericRecordHelpers(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	err := s.DB().Update(func(tx *bbolt.Tx) error {
		for _, id := range []uint64{3, 1, 2} {
			if err := putRecord(tx, bucketMembers, id, model.CommitteeMember{ID: id, Name: fmt.Sprint("M", id), Role: model.RoleBHT}); err != nil {
				return err
			}
		}
		if next, _ := nextID(tx, bucketMembers); next != 4 {
			t.Errorf("nextID after explicit IDs = %d, want 4", next)
		}
		all, err := listRecords[model.CommitteeMember](tx, bucketMembers)
		if err != nil || len(all) != 3 || all[0].ID != 1 || all[2].ID != 3 {
			t.Errorf("listRecords: %+v %v", all, err)
		}
		m, found, err := getRecord[model.CommitteeMember](tx, bucketMembers, 2)
		if err != nil || !found || m.Name != "M2" {
			t.Errorf("getRecord: %+v %v %v", m, found, err)
		}
		if _, found, err := getRecord[model.CommitteeMember](tx, bucketMembers, 9); found || err != nil {
			t.Errorf("getRecord missing: %v %v", found, err)
		}
		if found, err := deleteRecord(tx, bucketMembers, 2); !found || err != nil {
			t.Errorf("deleteRecord: %v %v", found, err)
		}
		if found, _ := deleteRecord(tx, bucketMembers, 2); found {
			t.Error("deleteRecord twice")
		}
		if err := putRecord(tx, bucketMembers, 0, model.CommitteeMember{}); err == nil {
			t.Error("putRecord accepted ID 0")
		}
		if _, _, err := getRecord[model.CommitteeMember](tx, "finnes-ikke", 1); err == nil || !strings.Contains(err.Error(), "«finnes-ikke»") {
			t.Errorf("missing bucket: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
