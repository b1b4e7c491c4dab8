package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"hmsutvalg/model"
)

// testClock is a deterministic clock that advances one second per call, so
// every change-log entry and backup has its own time.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *testClock {
	return &testClock{t: time.Date(2026, 11, 24, 2, 10, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.t
	c.t = c.t.Add(time.Second)
	return t
}

func testUnit() model.Unit {
	return model.Unit{
		Name:         "Solsikken barnehage",
		Municipality: "Eksempel kommune",
		Sector:       model.SectorBarnehage,
		Employees:    24,
		Departments:  []string{"Blåbær", "Tyttebær"},
	}
}

func testOpts(c *testClock) Options {
	return Options{User: "Kari Tester", Now: c.Now, NoBackup: true}
}

// newDB creates a database in a fresh temp dir and returns its path and
// the open store (closed automatically at the end of the test).
func newDB(t *testing.T, opts Options) (string, *Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	s, err := Create(path, testUnit(), opts)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return path, s
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func assertUnchanged(t *testing.T, path string, before []byte) {
	t.Helper()
	if after := readFile(t, path); !bytes.Equal(before, after) {
		t.Fatalf("%s was changed (%d → %d bytes)", filepath.Base(path), len(before), len(after))
	}
}

func mustCheckOK(t *testing.T, path string) CheckReport {
	t.Helper()
	rep, err := Check(path)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if !rep.OK() {
		t.Fatalf("Check found problems:\n%s", rep.Summary())
	}
	return rep
}

func date(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

func isType[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}
