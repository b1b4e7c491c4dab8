package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"hmsutvalg/model"
)

// oneShot is what the one-shot commands read: the unit, the members and
// the change log.
type oneShot struct {
	unit    model.Unit
	members []model.CommitteeMember
	changes []Change
}

// readOneShot reads a oneShot from s; running counts reads under way.
func readOneShot(running *atomic.Int32) func(s *Store) (oneShot, error) {
	return func(s *Store) (o oneShot, err error) {
		running.Add(1)
		defer running.Add(-1)
		if o.unit, err = s.Unit(); err != nil {
			return o, err
		}
		if o.members, err = s.Members(); err != nil {
			return o, err
		}
		o.changes, err = s.Changes(0)
		return o, err
	}
}

// openThenRead is how the one-shot commands read before ReadOnce: Open
// (the page walk first), then the reads, then Close.
func openThenRead(path string) (oneShot, error) {
	s, err := Open(path, Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		return oneShot{}, err
	}
	defer s.Close()
	var running atomic.Int32
	return readOneShot(&running)(s)
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// ReadOnce reads what Open and the same reads do, and lets go of the
// file: a writable open right after gets it at once.
func TestReadOnceGoodFile(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	fillMembers(t, s, 500)
	s.Close()
	before := readFile(t, path)
	want, err := openThenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	var running atomic.Int32
	got, err := ReadOnce(path, readOneShot(&running))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.members) != 500 || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadOnce read %d members, %d changes; Open and read: %d, %d (or they differ)",
			len(got.members), len(got.changes), len(want.members), len(want.changes))
	}
	assertUnchanged(t, path, before)
	w, err := Open(path, Options{NoBackup: true, LockTimeout: time.Nanosecond})
	if err != nil {
		t.Fatalf("writable Open after ReadOnce: %v", err)
	}
	w.Close()
}

// While a window has the file open, ReadOnce reads a snapshot, as Open
// does.
func TestReadOnceWhileFileIsOpen(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	fillMembers(t, s, 50)
	var running atomic.Int32
	got, err := ReadOnce(path, readOneShot(&running))
	if err != nil || len(got.members) != 50 {
		t.Fatalf("ReadOnce while open: %d members, %v", len(got.members), err)
	}
	if _, err := ReadOnce(filepath.Join(t.TempDir(), "mangler.db"), readOneShot(&running)); !errors.Is(err, ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// damage returns good damaged the way seed says (every page after the
// meta pages: random content keeping the page id, random pages, or
// random bytes flipped).
func damage(good []byte, seed int64) []byte {
	b := bytes.Clone(good)
	ps := os.Getpagesize()
	rng := rand.New(rand.NewSource(seed))
	for off := 2 * ps; off+ps <= len(b); off += ps {
		switch seed % 3 {
		case 0:
			rng.Read(b[off+8 : off+ps]) // keep the page id
		case 1:
			rng.Read(b[off : off+ps])
		case 2:
			if rng.Intn(3) == 0 {
				b[off+rng.Intn(ps)] ^= byte(1 + rng.Intn(255))
			}
		}
	}
	return b
}

// The damaged files of TestDamagedPagesDoNotCrash get the same verdict,
// word for word, through ReadOnce (the read beside the page walk) as
// through Open (the walk first), and the reads ReadOnce left behind end.
func TestDamagedPagesReadOnceSameVerdict(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	fillMembers(t, s, 100)
	s.Close()
	good := readFile(t, path)
	var running atomic.Int32
	damaged := 0
	for seed := int64(0); seed < 300; seed++ {
		p := filepath.Join(t.TempDir(), "skadet.db")
		if err := os.WriteFile(p, damage(good, seed), 0o600); err != nil {
			t.Fatal(err)
		}
		want, wantErr := openThenRead(p)
		got, err := ReadOnce(p, readOneShot(&running))
		if errText(err) != errText(wantErr) {
			t.Errorf("seed %d: ReadOnce: %v\nOpen and read: %v", seed, err, wantErr)
		} else if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("seed %d: ReadOnce read other data than Open and read", seed)
		}
		if err != nil {
			damaged++
		}
	}
	if damaged < 250 {
		t.Errorf("only %d of 300 damaged files gave an error", damaged)
	}
	// Guard only (no timing asserted): the reads left running end.
	for end := time.Now().Add(time.Minute); running.Load() != 0 && time.Now().Before(end); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := running.Load(); n != 0 {
		t.Errorf("%d reads never ended", n)
	}
}

// A damaged page that only the walk looks at (bbolt does not read the
// free list of a read-only file): the read goes through, and ReadOnce
// returns the walk's verdict without waiting for the read to end.
func TestReadOnceWalkVerdictWithoutWaitingForRead(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	fillMembers(t, s, 200)
	s.Close()
	b := readFile(t, path)
	ps := os.Getpagesize()
	meta, err := parseMeta(b)
	if err != nil || meta.freelist == noFreelist {
		t.Fatalf("no free list page: %v", err)
	}
	off := int(meta.freelist) * ps
	binary.NativeEndian.PutUint16(b[off+8:], leafPageFlag) // not a free list page any more
	p := filepath.Join(t.TempDir(), "skadet.db")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, wantErr := Open(p, Options{ReadOnly: true, NoListCache: true})
	if !isType[*CorruptError](wantErr) {
		t.Fatalf("Open: %v, want the walk's *CorruptError", wantErr)
	}
	release, read := make(chan struct{}), make(chan error, 1)
	_, err = ReadOnce(p, func(s *Store) (int, error) {
		_, err := s.Members()
		<-release // the read would go on until the test ends
		read <- err
		return 0, err
	})
	if errText(err) != errText(wantErr) {
		t.Errorf("ReadOnce: %v\nOpen: %v", err, wantErr)
	}
	close(release)
	select {
	case err := <-read:
		if err != nil {
			t.Errorf("the read beside the walk failed: %v", err)
		}
	case <-time.After(time.Minute): // guard only
		t.Fatal("the read never started")
	}
}

// An older file cannot be read in place (openedKeep refuses its schema):
// ReadOnce reads its snapshot as Open does, with the same result, and the
// file is let go of afterwards. The in-place handle stays open, its lock
// held, until the walk beside it has ended (ReadOnce closes it after).
func TestReadOnceOlderSchemaAsOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, fixtureDir+"/schema-v9.db", path)
	want, wantErr := openThenRead(path)
	var running atomic.Int32
	got, err := ReadOnce(path, readOneShot(&running))
	if errText(err) != errText(wantErr) || !reflect.DeepEqual(got, want) {
		t.Fatalf("ReadOnce: %+v, %v; Open: %+v, %v", got.unit, err, want.unit, wantErr)
	}
	if wantErr == nil && got.unit.Name == "" {
		t.Fatal("nothing read from the older file")
	}
	s, err := Open(path, Options{NoBackup: true, User: "test"}) // writable: upgrades it
	if err != nil {
		t.Fatalf("the file is still held after ReadOnce: %v", err)
	}
	s.Close()
}
