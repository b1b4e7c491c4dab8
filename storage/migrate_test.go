package storage

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
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

// TestMigrateListThumbs: a schema-9 file with a photo and a PDF
// (testdata/attachments-v9.db, written by the schema-9 program) gets the
// photo's list thumbnail on open, made from its stored thumbnail; the PDF
// gets none, and the file checks clean.
func TestMigrateListThumbs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	copyFile(t, filepath.Join(fixtureDir, "attachments-v9.db"), path)
	if rep := mustCheckOK(t, path); rep.SchemaVersion != 9 || rep.Counts[bucketAttachments] != 2 {
		t.Fatalf("fixture: schema %d, counts %v", rep.SchemaVersion, rep.Counts)
	}
	s, err := Open(path, Options{NoBackup: true, Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	changes, _ := s.Changes(0)
	if !strings.Contains(changes[0].Summary, "miniatyrbilder av bildevedleggene") {
		t.Errorf("migration entry %q", changes[0].Summary)
	}
	all, _ := s.AllAttachments()
	checkListThumb(t, s, all[0].ID)
	small, _ := s.AttachmentListThumb(all[0].ID)
	img, err := jpeg.Decode(bytes.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, _ := img.At(5, 5).RGBA(); r < 0xC000 || g > 0x5000 || b > 0x5000 {
		t.Errorf("the list thumbnail is not the photo: top-left %x %x %x", r, g, b)
	}
	if _, err := s.AttachmentListThumb(all[1].ID); err == nil {
		t.Error("the PDF got a list thumbnail")
	}
	s.Close()
	if rep := mustCheckOK(t, path); rep.Counts[bucketListThumbs] != 1 {
		t.Errorf("counts after migration %v", rep.Counts)
	}
}

// A stored photo that does not decode (its thumbnail and file both
// damaged) fails the migration, which leaves the file as it was; the
// message names the attachment.
func TestMigrateListThumbsDamagedPhoto(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	copyFile(t, filepath.Join(fixtureDir, "attachments-v9.db"), path)
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(bucketAttachmentData))
		for _, part := range []byte{partFile, partThumb} {
			if err := b.Put(partKey(1, part), []byte{0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3}); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	_, err = Open(path, Options{NoBackup: true})
	if err == nil || !strings.Contains(err.Error(), "vedlegg 1 («Trappen»)") || !strings.Contains(err.Error(), "ikke endret") {
		t.Fatalf("open: %v", err)
	}
	assertUnchanged(t, path, before)
}

// Deleting a photo removes its list thumbnail, and Angre brings it back.
func TestListThumbDeletedAndUndone(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	dev := mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	a, file, thumb := testPhoto(model.OwnerDeviation, dev.ID, 0, "Bilde")
	saved := mustAddAttachment(t, s, a, file, thumb)
	if got, err := s.AttachmentListThumb(saved.ID); err != nil || len(got) != 100 {
		t.Fatalf("list thumbnail %d B, %v", len(got), err)
	}
	if err := s.DeleteDeviation(dev.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AttachmentListThumb(saved.ID); err == nil {
		t.Error("list thumbnail left after the deviation was deleted")
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AttachmentListThumb(saved.ID); err != nil || len(got) != 100 {
		t.Errorf("after Angre: %d B, %v", len(got), err)
	}
	s.Close()
	mustCheckOK(t, path)
}
