package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

// Versions of the two test steps appended to the real migrations.
const (
	testV1 = CurrentSchemaVersion + 1
	testV2 = CurrentSchemaVersion + 2
)

// testMigrations extends the real list with testV1 and testV2; fail makes
// testV2 fail after testV1 has already changed the file inside the
// transaction.
func testMigrations(fail bool) []migration {
	migs := append([]migration(nil), migrations...)
	migs = append(migs,
		migration{version: testV1, name: "testbøtte", up: func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucket([]byte("extra"))
			if err != nil {
				return err
			}
			return b.Put([]byte("k"), []byte("v2"))
		}},
		migration{version: testV2, name: "testverdi", up: func(tx *bbolt.Tx) error {
			if fail {
				return errors.New("bevisst feil")
			}
			return tx.Bucket([]byte("extra")).Put([]byte("k"), []byte("v3"))
		}},
	)
	return migs
}

func lastTxID(t *testing.T, s *Store) int {
	t.Helper()
	var id int
	if err := s.DB().View(func(tx *bbolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMigrateOlderFileInOneTransaction(t *testing.T) {
	clock := newClock()
	path, s := newDB(t, testOpts(clock))
	txBefore := lastTxID(t, s)
	changesBefore, _ := s.Changes(0)
	s.Close()

	opts := testOpts(clock)
	opts.NoBackup = false
	s, err := openWith(path, opts, testMigrations(false))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != testV2 {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	if got := lastTxID(t, s); got != txBefore+1 {
		t.Fatalf("migration used %d transactions, want 1", got-txBefore)
	}
	changes, _ := s.Changes(0)
	if len(changes) != len(changesBefore)+1 {
		t.Fatalf("want one new change-log entry, got %d", len(changes)-len(changesBefore))
	}
	c := changes[0]
	if c.Kind != ChangeMigrated || c.Entity != EntityDatabase || c.User != "Kari Tester" ||
		!strings.Contains(c.Summary, fmt.Sprintf("fra versjon %d til %d", CurrentSchemaVersion, testV2)) || !strings.Contains(c.Summary, "testbøtte; testverdi") {
		t.Fatalf("migration entry %+v", c)
	}
	err = s.DB().View(func(tx *bbolt.Tx) error {
		if v := string(tx.Bucket([]byte("extra")).Get([]byte("k"))); v != "v3" {
			t.Errorf("extra/k = %q", v)
		}
		if v := string(tx.Bucket([]byte(bucketMeta)).Get(keySchemaVersion)); v != strconv.Itoa(testV2) {
			t.Errorf("schema_version = %q", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// The backup was taken before migrating.
	list, _ := ListBackups(path)
	if len(list) != 1 {
		t.Fatalf("backups: %+v", list)
	}
	b, err := Open(list[0].Path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("backup schema %d", b.SchemaVersion())
	}
}

func TestFailingMigrationLeavesFileUnchanged(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	before := readFile(t, path)
	_, err := openWith(path, Options{NoBackup: true}, testMigrations(true))
	if err == nil || !strings.Contains(err.Error(), "bevisst feil") || !strings.Contains(err.Error(), "ikke endret") {
		t.Fatalf("failing migration: %v", err)
	}
	assertUnchanged(t, path, before)
	s, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	s.DB().View(func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("extra")) != nil {
			t.Error("half-applied migration left its bucket")
		}
		return nil
	})
}

func TestNewerSchemaRefused(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	s, err := openWith(path, Options{NoBackup: true}, testMigrations(false))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := readFile(t, path)
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		_, err := Open(path, opts)
		var ne *NewerSchemaError
		if !errors.As(err, &ne) || ne.Version != testV2 || ne.Path != path {
			t.Fatalf("Open(%+v): %v", opts, err)
		}
	}
	assertUnchanged(t, path, before)
	if _, err := Open(path, Options{}); err != nil {
		if list, _ := ListBackups(path); len(list) != 0 {
			t.Fatal("a refused newer file was backed up")
		}
	}
	rep, err := Check(path)
	if err != nil || rep.OK() || rep.SchemaVersion != testV2 || !strings.Contains(rep.Summary(), "nyere") {
		t.Fatalf("Check of newer file: %v\n%s", err, rep.Summary())
	}
	if err := Restore(filepath.Join(t.TempDir(), "ny.db"), path); !isType[*NewerSchemaError](err) {
		t.Fatalf("Restore of newer backup: %v", err)
	}
}

func TestReadOnlyOpenOfOlderSchemaRefused(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	before := readFile(t, path)
	_, err := openWith(path, Options{ReadOnly: true}, testMigrations(false))
	if !isType[*OldSchemaError](err) || !strings.Contains(err.Error(), "må oppgraderes") || strings.Contains(err.Error(), "vanlig") {
		t.Fatalf("read-only open of older schema: %v", err)
	}
	assertUnchanged(t, path, before)
}

func TestCreateWithTestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ny.db")
	s, err := createWith(path, testUnit(), Options{NoBackup: true}, testMigrations(false))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	changes, _ := s.Changes(0)
	if s.SchemaVersion() != testV2 || len(changes) != 2 || !strings.Contains(changes[1].Summary, fmt.Sprintf("skjemaversjon %d", testV2)) {
		t.Fatalf("schema %d, changes %+v", s.SchemaVersion(), changes)
	}
}
