package storage

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"hmsutvalg/model"
)

const fullHelperEnv = "HMSUTVALG_TEST_DISKFULL" // database path; set only in the helper

// fullLimit is how far the helper's file may grow (RLIMIT_FSIZE) beyond
// its size at the start.
const fullLimit = 256 << 10

// TestDiskFullHelper writes measures with long descriptions under a file
// size limit until a write fails, acknowledging each one, then tries one
// more and closes the store.
func TestDiskFullHelper(t *testing.T) {
	path := os.Getenv(fullHelperEnv)
	if path == "" {
		t.Skip("runs only as a helper process")
	}
	info, err := os.Stat(path)
	if err != nil {
		fmt.Println("RESULT:", err)
		return
	}
	signal.Ignore(syscall.SIGXFSZ) // a write beyond the limit then fails with EFBIG
	lim := syscall.Rlimit{Cur: uint64(info.Size() + fullLimit), Max: uint64(info.Size() + fullLimit)}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		fmt.Println("RESULT:", err)
		return
	}
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("RESULT:", err)
		return
	}
	day := date(2026, time.March, 2)
	for i := 0; i < 10000; i++ {
		m := testMeasure(fmt.Sprintf("Tiltak %d", i))
		m.Description = strings.Repeat("Lang beskrivelse. ", 200)
		saved, err := s.SaveMeasure(m, day)
		if err != nil {
			fmt.Printf("FAIL %d %s\n", i, strings.ReplaceAll(err.Error(), "\n", " "))
			break
		}
		fmt.Printf("ack %d\n", saved.ID)
	}
	_, err = s.SaveMeasure(testMeasure("Lite tiltak etterpå"), day)
	fmt.Printf("AFTER %v\n", err)
	fmt.Printf("CLOSE %v\n", s.Close())
}

// Disk full: a child process writes under a file size limit
// (RLIMIT_FSIZE, the same EFBIG/ENOSPC path as a full disk) until a write
// fails. The failure says that the disk is full and that earlier changes
// are safe; afterwards the file passes Check and holds every acknowledged
// write. (A real full file system, e.g. a small tmpfs, needs mount rights
// the tests do not assume.)
func TestDiskFullKeepsAcknowledgedWrites(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("RLIMIT_FSIZE is Unix")
	}
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), fullHelperEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	var acked []uint64
	var fail, after string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "ack "):
			id, _ := strconv.ParseUint(strings.TrimPrefix(line, "ack "), 10, 64)
			acked = append(acked, id)
		case strings.HasPrefix(line, "FAIL "):
			fail = line
		case strings.HasPrefix(line, "AFTER "):
			after = line
		}
	}
	if fail == "" || len(acked) == 0 {
		t.Fatalf("the helper never hit the limit, or never wrote:\n%.2000s", out)
	}
	if !strings.Contains(fail, "mer plass på disken") || !strings.Contains(fail, "Tidligere endringer er trygge") {
		t.Errorf("the message does not say what happened: %s", fail)
	}
	t.Logf("%d writes acknowledged before the limit; %s; %s", len(acked), fail, after)
	rep := mustCheckOK(t, path)
	s, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range acked {
		if _, err := s.Measure(id); err != nil {
			t.Fatalf("acknowledged measure %d is missing after the disk ran full: %v", id, err)
		}
	}
	if rep.Counts[bucketMeasures] < len(acked) {
		t.Errorf("check counts %d measures, %d were acknowledged", rep.Counts[bucketMeasures], len(acked))
	}
	// With room again, writing works.
	if _, err := s.SaveMeasure(testMeasure("Etter opprydding"), date(2026, time.March, 3)); err != nil {
		t.Fatalf("write after the disk has room again: %v", err)
	}
}

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
