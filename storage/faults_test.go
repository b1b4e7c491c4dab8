package storage

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

// makeReadOnly makes path unwritable, also for root (who ignores file
// modes): chattr +i where it works. It skips the test if neither works.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(path, 0o600) })
		return
	}
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("running as root and chattr +i failed (%v: %s): cannot make a file read-only", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("chattr", "-i", path).Run() })
}

// A read-only file: opening it for changes is refused with the reason,
// the file is not changed, and the read-only commands still read it.
func TestReadOnlyFileRefusedWithReason(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes and chattr are Unix")
	}
	path, s := newDB(t, testOpts(newClock()))
	mustSaveMeasure(t, s, testMeasure("Før"), date(2026, time.March, 2))
	s.Close()
	before := readFile(t, path)
	makeReadOnly(t, path)
	_, err := Open(path, Options{NoBackup: true})
	if err == nil || !strings.Contains(err.Error(), "skrivebeskyttet") || !strings.Contains(err.Error(), "Filen er ikke endret") {
		t.Fatalf("writable open of a read-only file: %v", err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a read-only file: %v", err)
	}
	if ms, err := ro.Measures(); err != nil || len(ms) != 1 {
		t.Errorf("measures: %v %v", ms, err)
	}
	ro.Close()
	mustCheckOK(t, path)
	assertUnchanged(t, path, before)
}

// The file moved, deleted or replaced while the store has it open: every
// write is refused with the reason (bbolt would write into the old file
// that nobody sees again), and both files pass Check.
func TestFileReplacedUnderOpenStore(t *testing.T) {
	for _, how := range []string{"moved", "deleted", "replaced"} {
		t.Run(how, func(t *testing.T) {
			path, s := newDB(t, testOpts(newClock()))
			day := date(2026, time.March, 2)
			kept := mustSaveMeasure(t, s, testMeasure("Før"), day)
			moved := path + ".flyttet"
			switch how {
			case "moved":
				if err := os.Rename(path, moved); err != nil {
					t.Fatal(err)
				}
			case "deleted":
				// Keep a hard link so the old file can be checked afterwards.
				if err := os.Link(path, moved); err != nil {
					t.Fatal(err)
				}
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
			case "replaced":
				if err := os.Rename(path, moved); err != nil {
					t.Fatal(err)
				}
				other, o := newDB(t, testOpts(newClock()))
				o.Close()
				if err := os.Rename(other, path); err != nil {
					t.Fatal(err)
				}
			}
			var replacement []byte
			if how == "replaced" {
				replacement = readFile(t, path)
			}
			_, err := s.SaveMeasure(testMeasure("Etter"), day)
			if !errors.Is(err, ErrFileReplaced) || !strings.Contains(err.Error(), "flyttet, slettet eller erstattet") {
				t.Fatalf("write after the file was %s: %v", how, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			mustCheckOK(t, moved)
			o, err := Open(moved, Options{NoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			if ms, _ := o.Measures(); len(ms) != 1 || ms[0].ID != kept.ID {
				t.Errorf("the old file holds %v, want only the measure saved before", ms)
			}
			o.Close()
			if how == "replaced" {
				assertUnchanged(t, path, replacement)
			}
		})
	}
}

// The backup folder cannot be written (here: a file stands where the
// folder should be, which stops root too): the open is refused with the
// reason before anything is changed, and the file passes Check.
func TestBackupFolderNotWritable(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	if err := os.WriteFile(BackupDir(path), []byte("ikke en mappe"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "ble ikke åpnet fordi det ikke gikk å lage en sikkerhetskopi") {
		t.Fatalf("open without a writable backup folder: %v", err)
	}
	assertUnchanged(t, path, before)
	mustCheckOK(t, path)
}

// The clock set back a year: the backup made then still sorts as the
// newest, so rotation removes old backups, not the new one; the change
// log keeps its order by sequence number; the file passes Check.
func TestClockSetBackAYear(t *testing.T) {
	clock := newClock()
	path, s := newDB(t, testOpts(clock))
	s.Close()
	for i := 0; i < KeepBackups; i++ {
		s, err := Open(path, Options{Now: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	clock.mu.Lock()
	clock.t = clock.t.AddDate(-1, 0, 0)
	clock.mu.Unlock()
	s, err := Open(path, Options{Now: clock.Now, User: "Bakover"})
	if err != nil {
		t.Fatal(err)
	}
	m := mustSaveMeasure(t, s, testMeasure("Lagret med feil klokke"), model.DateOf(clock.Now()))
	s.Close()
	// One more open: its backup holds the measure and must survive rotation.
	s, err = Open(path, Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	list, err := ListBackups(path)
	if err != nil || len(list) != KeepBackups {
		t.Fatalf("%d backups (%v), want %d", len(list), err, KeepBackups)
	}
	b, err := Open(list[0].Path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Measure(m.ID); err != nil {
		t.Errorf("the newest backup does not hold the last write: %v", err)
	}
	changes, err := b.Changes(0)
	if err != nil || changes[0].Entity != EntityMeasure || changes[0].User != "Bakover" {
		t.Errorf("change log, newest first: %+v %v", changes[:1], err)
	}
	mustCheckOK(t, path)
}
