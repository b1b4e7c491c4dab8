package storage_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// TestSnapshotWhileAnotherProcessWrites: a second process (the crash
// helper, started again from this test binary) holds the file open for
// writing and commits one write after another, acknowledging each on
// stdout. Meanwhile this process runs Check and a read-only Open many
// times. Every one must succeed without waiting for the writer, see a file
// that passes Check, and hold exactly the first k writes for some k at
// least the number acknowledged before it started (a prefix: never a
// write without the ones before it, never a half write).
func TestSnapshotWhileAnotherProcessWrites(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the helper is ended with SIGKILL; Windows is not covered")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	base := newCrashFile(t, path)

	cmd := exec.Command(exe, "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+path, crashStartEnv+"=1", crashWritesEnv+"=1000000",
		// A commit every few milliseconds is still hundreds of times the
		// app's pace. Without any pause, on a loaded machine a commit can
		// land during every copy attempt and the reader gives up (ErrBusy,
		// said in plain words), which is the documented limit.
		crashPauseEnv+"=3ms")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	var acks atomic.Int64
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "ack ") {
				acks.Add(1)
			}
		}
	}()
	waitFor(t, func() bool { return acks.Load() >= 5 }, "the writer's first acknowledgements\n"+stderr.String())

	rounds := 100
	if testing.Short() {
		rounds = 20
	}
	first := acks.Load()
	for i := 0; i < rounds; i++ {
		before := acks.Load()
		rep, err := storage.Check(path)
		if err != nil || !rep.OK() {
			t.Fatalf("round %d: Check while the other process writes: %v\n%s", i, err, rep.Summary())
		}
		// Every other round as a one-shot reader (the report commands),
		// which reads in place when it can: here it cannot, the writer
		// holds the lock, so it must take a snapshot all the same.
		st, err := readCrashState(path, storage.Options{ReadOnly: true, NoListCache: i%2 == 1})
		if err != nil {
			t.Fatalf("round %d: read-only open while the other process writes: %v", i, err)
		}
		k := len(st.changes) - len(base.changes)
		if int64(k) < before {
			t.Fatalf("round %d: snapshot holds %d writes, %d were acknowledged before it was taken", i, k, before)
		}
		if d := replayCrash(base, k).diff(st); d != "" {
			t.Fatalf("round %d: snapshot is not the first %d writes: %s", i, k, d)
		}
		if i%8 == 0 {
			checkBackupWhileWriting(t, path, i)
		}
	}
	last := acks.Load()
	if last <= first {
		t.Fatalf("the writer made no progress during %d snapshots (%d acknowledgements)", rounds, last)
	}
	if cmd.ProcessState != nil || stderr.Len() > 0 {
		t.Fatalf("the writer stopped: %s", stderr.String())
	}
	t.Logf("%d snapshots while the other process acknowledged %d writes", rounds, last-first)
}

// checkBackupWhileWriting makes a backup through a read-only store (as
// `hmsutvalg backup` does) and checks it.
func checkBackupWhileWriting(t *testing.T, path string, round int) {
	t.Helper()
	s, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	if s.Path() != path {
		t.Errorf("read-only store reports path %q, want %q", s.Path(), path)
	}
	out := filepath.Join(t.TempDir(), "kopi-"+strconv.Itoa(round)+".db")
	err = s.BackupTo(out)
	s.Close()
	if err != nil {
		t.Fatalf("round %d: backup: %v", round, err)
	}
	if rep, err := storage.Check(out); err != nil || !rep.OK() {
		t.Fatalf("round %d: backup made while writing: %v\n%s", round, err, rep.Summary())
	}
}

// newCrashFile creates the crash helper's database and returns its state.
func newCrashFile(t *testing.T, path string) crashModel {
	t.Helper()
	s, err := storage.Create(path, model.Unit{
		Name:         "Krasjtest sykehjem",
		Municipality: "Eksempel kommune",
		Sector:       model.SectorSykehjem,
		Employees:    crashStartEmployees,
		Departments:  []string{"Avdeling A", "Avdeling B"},
	}, storage.Options{User: crashUser, NoBackup: true})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := readCrashState(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	m := crashModel{unit: st.unit, nextID: 1, names: map[uint64]string{}}
	for _, c := range st.changes {
		m.changes = append(m.changes, changeKey{c.Entity, c.EntityID, c.Kind})
	}
	return m
}

// replayCrash is base after the helper's writes 1..k.
func replayCrash(base crashModel, k int) crashModel {
	m := base.clone()
	for n := 1; n <= k; n++ {
		m.apply(planCrashWrite(n, m.members))
	}
	return m
}

// waitFor polls cond; the limit only guards against a hung test.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
