package storage_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"hmsutvalg/storage"
)

// inPlaceHelperEnv names the file the in-place helper process reads; set
// only in the helper.
const inPlaceHelperEnv = "HMSUTVALG_INPLACE_HELPER"

// TestInPlaceHelper is the other process of TestWriterWaitsForInPlaceReader:
// it opens the file as the report commands do, says whether it reads it
// in place, and keeps the store open until its stdin gets a line.
func TestInPlaceHelper(t *testing.T) {
	path := os.Getenv(inPlaceHelperEnv)
	if path == "" {
		t.Skip("runs only as the helper process of TestWriterWaitsForInPlaceReader")
	}
	s, err := storage.Open(path, storage.Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	if _, err := s.Members(); err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	fmt.Printf("open inplace=%v\n", s.DB().Path() == path)
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	if err := s.Close(); err != nil {
		fmt.Printf("error %v\n", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// A one-shot reader reads a file no window has open in place (no copy),
// sees what is in it, and leaves it unchanged; any other read-only open
// still takes a snapshot.
func TestOneShotReaderReadsInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	base := newCrashFile(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := storage.Open(path, storage.Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.DB().Path() != path || s.Path() != path {
		t.Errorf("one-shot reader of a file nobody has open: bbolt has %q, want %q itself", s.DB().Path(), path)
	}
	u, err := s.Unit()
	if err != nil || u.Name != base.unit.Name {
		t.Errorf("unit read in place: %q, %v; want %q", u.Name, err, base.unit.Name)
	}
	if err := s.SaveUnit(u); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("a write through the in-place reader: %v, want ErrReadOnly", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("reading in place changed the file")
	}

	s, err = storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.DB().Path() == path {
		t.Error("a read-only store with a list cache reads in place; it must work on a snapshot")
	}
}

// While a one-shot reader in another process reads the file in place, a
// writable open (the program's window) cannot have the lock at once, and
// waits for it instead of failing: when the reader closes, the open
// succeeds. The writer's lock timeout here is generous, a guard against a
// hung test on a loaded machine; the window uses DefaultLockTimeout.
func TestWriterWaitsForInPlaceReader(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the helper protocol uses stdin/stdout pipes; Windows is not covered")
	}
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	newCrashFile(t, path)
	cmd, stdin := startInPlaceReader(t, path)

	// One try at the exclusive lock, as a window's open makes first:
	// held by the reader.
	if db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Nanosecond}); !errors.Is(err, berrors.ErrTimeout) {
		if err == nil {
			db.Close()
		}
		t.Fatalf("exclusive lock while a reader reads in place: %v, want bbolt's timeout", err)
	}

	writerWaitsForReader(t, path, cmd, stdin, 60*time.Second)
}

// A writable open with a lock timeout shorter than the reader's read
// still opens: it finds only readers holding the file and waits for them
// (readersWait) instead of saying that another window has it.
func TestWriterOutwaitsASlowInPlaceReader(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the helper protocol uses stdin/stdout pipes; Windows is not covered")
	}
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	newCrashFile(t, path)
	cmd, stdin := startInPlaceReader(t, path)
	// One try: the reader holds the lock until told to let go, so without
	// waiting for readers this fails at once.
	writerWaitsForReader(t, path, cmd, stdin, time.Nanosecond)
}

// writerWaitsForReader opens path writable with lockTimeout while the
// in-place reader cmd holds it: the open must still be waiting after a
// moment, and succeed once the reader is told to close.
func writerWaitsForReader(t *testing.T, path string, cmd *exec.Cmd, stdin io.Writer, lockTimeout time.Duration) {
	t.Helper()
	opened := make(chan error, 1)
	go func() {
		s, err := storage.Open(path, storage.Options{NoBackup: true, LockTimeout: lockTimeout})
		if err == nil {
			err = s.Close()
		}
		opened <- err
	}()
	select {
	case err := <-opened:
		t.Fatalf("the writable open did not wait for the reader: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := io.WriteString(stdin, "close\n"); err != nil {
		t.Fatal(err)
	}
	if err := <-opened; err != nil {
		t.Fatalf("writable open once the reader let go: %v", err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
}

// startInPlaceReader starts TestInPlaceHelper on path and waits until it
// reads the file in place; a line on stdin makes it close.
func startInPlaceReader(t *testing.T, path string) (*exec.Cmd, io.Writer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestInPlaceHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), inPlaceHelperEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "open inplace=true" {
		t.Fatalf("helper: %q, %v (want it to read the file in place)", line, err)
	}
	return cmd, stdin
}
