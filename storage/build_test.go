package storage_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

const buildHelperEnv = "HMSUTVALG_BUILD_HELPER" // path to build; set only in the helper

// TestBuildHelper is the child side of TestKilledBuildLeavesNoFile: it
// builds a database with CreateFilled, says so after some records, and
// waits to be killed in the middle of the fill.
func TestBuildHelper(t *testing.T) {
	path := os.Getenv(buildHelperEnv)
	if path == "" {
		t.Skip("runs only as a helper process")
	}
	err := storage.CreateFilled(path, crashUnit(), storage.Options{User: crashUser}, func(s *storage.Store) error {
		for i := 1; i <= 5; i++ {
			if _, err := s.SaveMember(model.CommitteeMember{Name: fmt.Sprintf("Bygg %d", i), Role: model.RoleLeder, From: model.NewDate(2020+i, 1, 1), To: model.NewDate(2020+i, 12, 31)}); err != nil {
				return err
			}
		}
		fmt.Println("filling")
		time.Sleep(time.Minute)
		return errors.New("not killed")
	})
	fmt.Println("RESULT:", err)
}

func crashUnit() model.Unit {
	return model.Unit{Name: "Krasjtest sykehjem", Municipality: "Eksempel kommune", Sector: model.SectorSykehjem,
		Employees: 40, Departments: []string{"Avdeling A"}}
}

// A bulk build (demo, import) killed half-way leaves no file at its path;
// its temporary file is kept while the builder lives (it holds bbolt's
// lock), and removed at the next open of a database in that folder once
// the builder is gone. Files that are not ours are never touched.
func TestKilledBuildLeavesNoFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL and flock")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	other := filepath.Join(dir, "annen.db")
	s, err := storage.Create(other, crashUnit(), storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	foreign := []string{".notes.db.1.tmp.bak", "rapport.tmp", ".annen.db.x1.tmp", "demo.db.123.tmp"}
	for _, f := range foreign {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)

	cmd := exec.Command(os.Args[0], "-test.run=^TestBuildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), buildHelperEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "filling" {
		t.Fatalf("helper: %q", sc.Text())
	}
	temps := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, ".demo.db.*.tmp"))
		return m
	}
	if len(temps()) != 1 {
		t.Fatalf("temporary files while building: %v", temps())
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the half-built database is visible at its path: %v", err)
	}
	// Old but locked by the live builder: kept.
	for _, f := range temps() {
		_ = os.Chtimes(f, old, old)
	}
	reopen := func() {
		s, err := storage.Open(other, storage.Options{NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	reopen()
	if len(temps()) != 1 {
		t.Fatal("the temporary file of a running build was removed")
	}

	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a killed build left a file at its path: %v", err)
	}
	if len(temps()) != 1 {
		t.Fatalf("after the kill: %v", temps())
	}
	// Fresh (just written): kept for a while, the builder might still be
	// about to link it into place.
	for _, f := range temps() {
		_ = os.Chtimes(f, time.Now(), time.Now())
	}
	reopen()
	if len(temps()) != 1 {
		t.Fatal("a fresh temporary file was removed")
	}
	for _, f := range temps() {
		_ = os.Chtimes(f, old, old)
	}
	reopen()
	if len(temps()) != 0 {
		t.Fatalf("the killed build's temporary file is still there: %v", temps())
	}
	for _, f := range foreign {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("a file that is not ours was removed: %s", f)
		}
	}
	// The path is free: a new build completes.
	if err := storage.CreateFilled(path, crashUnit(), storage.Options{}, func(*storage.Store) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if rep, err := storage.Check(path); err != nil || !rep.OK() {
		t.Fatalf("%v\n%s", err, rep.Summary())
	}
}

// A fill that fails leaves neither the file nor a temporary file.
func TestFailedFillLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	err := storage.CreateFilled(path, crashUnit(), storage.Options{}, func(s *storage.Store) error {
		if _, err := s.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: model.NewDate(2025, 1, 1)}); err != nil {
			return err
		}
		return errors.New("importen stoppet")
	})
	if err == nil || !strings.Contains(err.Error(), "importen stoppet") {
		t.Fatalf("error: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
}
