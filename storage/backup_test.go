package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

func TestBackupRotation(t *testing.T) {
	clock := newClock()
	path, s := newDB(t, testOpts(clock))
	s.Close()
	start := clock.Now()
	var opened []time.Time
	for i := 0; i < 13; i++ {
		opts := testOpts(clock)
		opts.NoBackup = false
		s, err := Open(path, opts)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		s.Close()
		opened = append(opened, start.Add(time.Duration(i+1)*time.Second))
	}
	list, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != KeepBackups {
		t.Fatalf("got %d backups, want %d", len(list), KeepBackups)
	}
	for i, b := range list {
		want := opened[len(opened)-1-i]
		if !b.Time.Equal(want) || b.BeforeRestore || b.Size == 0 {
			t.Errorf("backup %d: %+v, want time %v", i, b, want)
		}
		if filepath.Dir(b.Path) != BackupDir(path) || !strings.HasPrefix(filepath.Base(b.Path), "hmsutvalg-2026") {
			t.Errorf("backup %d path %q", i, b.Path)
		}
		mustCheckOK(t, b.Path)
	}
	if want := "hmsutvalg-20261124-021006.000.db"; filepath.Base(list[len(list)-1].Path) != want {
		t.Errorf("oldest kept backup %q, want %q", filepath.Base(list[len(list)-1].Path), want)
	}
	entries, _ := os.ReadDir(BackupDir(path))
	if len(entries) != KeepBackups {
		t.Errorf("backup dir holds %d files (temp files left?)", len(entries))
	}
}

// Two opens within the same millisecond (a fixed clock) must not
// overwrite each other's backup.
func TestBackupSameTimestamp(t *testing.T) {
	fixed := time.Date(2026, 11, 24, 2, 10, 0, 0, time.UTC)
	path, s := newDB(t, Options{NoBackup: true, Now: func() time.Time { return fixed }})
	s.Close()
	for i := 0; i < 3; i++ {
		s, err := Open(path, Options{Now: func() time.Time { return fixed }})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	list, _ := ListBackups(path)
	if len(list) != 3 {
		t.Fatalf("got %d backups", len(list))
	}
	if got := filepath.Base(list[0].Path); got != "hmsutvalg-20261124-021000.000-3.db" {
		t.Errorf("newest backup %q", got)
	}
}

func TestBackupFailureStopsOpen(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	// A file where the backup folder should be makes the backup impossible.
	if err := os.WriteFile(BackupDir(path), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	_, err := Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "sikkerhetskopi") {
		t.Fatalf("Open without possible backup: %v", err)
	}
	assertUnchanged(t, path, before)
	if s, err := Open(path, Options{NoBackup: true}); err != nil {
		t.Fatalf("NoBackup open: %v", err)
	} else {
		s.Close()
	}
}

func TestBackupTo(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ny mappe", "kopi.db")
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(out); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(out); !errors.Is(err, ErrExists) {
		t.Fatalf("second BackupTo: %v", err)
	}
	rep := mustCheckOK(t, out)
	if rep.Counts[bucketMembers] != 1 {
		t.Fatalf("copy counts %v", rep.Counts)
	}
	// The copy is a normal database.
	c, err := Open(out, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if m, _ := c.Members(); len(m) != 1 || m[0].Name != "Kari" {
		t.Fatalf("copy members %+v", m)
	}
	_ = path
}

func TestRestore(t *testing.T) {
	clock := newClock()
	path, s := newDB(t, testOpts(clock))
	if _, err := s.SaveMember(model.CommitteeMember{Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveMember(model.CommitteeMember{Name: "Ola", Role: model.RoleVerneombud, From: date(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}

	// Refused while the database is open.
	if err := Restore(path, backup); !isType[*LockedError](err) {
		t.Fatalf("Restore on open database: %v", err)
	}
	s.Close()

	// Refused for a damaged backup; nothing changes.
	bad := filepath.Join(t.TempDir(), "skadet.db")
	os.WriteFile(bad, []byte("tull"), 0o600)
	before := readFile(t, path)
	if err := Restore(path, bad); err == nil {
		t.Fatal("restored garbage")
	}
	assertUnchanged(t, path, before)
	if list, _ := ListBackups(path); len(list) != 0 {
		t.Fatalf("refused restore left backups: %+v", list)
	}

	if err := RestoreWith(path, backup, Options{User: "Gjenoppretter", Now: clock.Now}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m, _ := s.Members(); len(m) != 1 || m[0].Name != "Kari" {
		t.Fatalf("members after restore: %+v", m)
	}
	changes, _ := s.Changes(1)
	if len(changes) != 1 || changes[0].Kind != ChangeRestored || changes[0].User != "Gjenoppretter" ||
		!strings.Contains(changes[0].Summary, "kopi.db") || !strings.Contains(changes[0].Summary, beforeRestoreMark) {
		t.Fatalf("restore log entry: %+v", changes)
	}

	// The replaced content was saved and holds Ola.
	list, _ := ListBackups(path)
	if len(list) != 1 || !list[0].BeforeRestore || !strings.Contains(filepath.Base(list[0].Path), "før-gjenoppretting") {
		t.Fatalf("backups after restore: %+v", list)
	}
	old, err := Open(list[0].Path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if m, _ := old.Members(); len(m) != 2 {
		t.Fatalf("pre-restore copy members: %+v", m)
	}
	mustCheckOK(t, path)
}

// Restoring is how a user recovers a damaged file; the damaged bytes are
// kept as they were.
func TestRestoreOverDamagedFile(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	backup := filepath.Join(t.TempDir(), "kopi.db")
	if err := s.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	full := readFile(t, path)
	damaged := full[:len(full)/2]
	os.WriteFile(path, damaged, 0o600)
	if err := Restore(path, backup); err != nil {
		t.Fatal(err)
	}
	mustCheckOK(t, path)
	list, _ := ListBackups(path)
	if len(list) != 1 || !list[0].BeforeRestore {
		t.Fatalf("backups: %+v", list)
	}
	assertUnchanged(t, list[0].Path, damaged)
}

// Pre-restore copies are never rotated away.
func TestRotationKeepsPreRestoreCopies(t *testing.T) {
	clock := newClock()
	path, s := newDB(t, testOpts(clock))
	backup := filepath.Join(t.TempDir(), "kopi.db")
	s.BackupTo(backup)
	s.Close()
	if err := RestoreWith(path, backup, Options{Now: clock.Now}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < KeepBackups+2; i++ {
		s, err := Open(path, Options{Now: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	list, _ := ListBackups(path)
	pre := 0
	for _, b := range list {
		if b.BeforeRestore {
			pre++
		}
	}
	if len(list) != KeepBackups+1 || pre != 1 {
		t.Fatalf("got %d backups, %d pre-restore", len(list), pre)
	}
}

func TestListBackupsIgnoresOtherFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hms.db")
	bdir := BackupDir(path)
	os.MkdirAll(bdir, 0o700)
	for _, name := range []string{
		"hms-20261124-021000.000.db",
		"hms-20261124-021001.000-2.db",
		"hms-20261124-021002.000-før-gjenoppretting.db",
		"hms-annen-20261124-021000.000.db", // another database
		"hms-20261124-021000.db",           // wrong format
		".hms.db.123.tmp",                  // unfinished
		"notater.txt",
	} {
		os.WriteFile(filepath.Join(bdir, name), []byte("x"), 0o600)
	}
	list, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, filepath.Base(b.Path))
	}
	want := "hms-20261124-021002.000-før-gjenoppretting.db hms-20261124-021001.000-2.db hms-20261124-021000.000.db"
	if strings.Join(got, " ") != want {
		t.Fatalf("got %v", got)
	}
	if list, err := ListBackups(filepath.Join(t.TempDir(), "x.db")); err != nil || list != nil {
		t.Fatalf("no backup dir: %v %v", list, err)
	}
}

func TestStaleBackupTempsRemovedOnOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "enhet.db")
	s, err := Create(path, model.Unit{Name: "Lia barnehage", Municipality: "Hamar kommune", Sector: model.SectorBarnehage, Employees: 20}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.MkdirAll(BackupDir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(BackupDir(path), ".enhet.123456.tmp")
	other := filepath.Join(BackupDir(path), ".annen.123456.tmp") // another database's: not ours to delete
	for _, f := range []string{stale, other} {
		if err := os.WriteFile(f, []byte("halvferdig"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a half-written backup of this database was left behind")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another database's temporary file was removed")
	}
}
