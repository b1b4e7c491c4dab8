package storage

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"testing"
	"time"

	"hmsutvalg/model"
)

// Fixtures are databases written by each released schema version and kept
// in the repository, so every later program version is tested against
// real old files:
//
//	go test ./storage -run TestWriteFixtures -update-fixtures
//
// writes testdata/schema-v<CurrentSchemaVersion>.db. Files of older
// versions are history and must never be regenerated.
var updateFixtures = flag.Bool("update-fixtures", false, "skriv testdata/schema-v<N>.db for gjeldende skjemaversjon")

const fixtureDir = "../testdata"

const fixtureUser = "Testbruker"

func fixtureClock() *testClock {
	return &testClock{t: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)}
}

// Expected fixture contents; fixture files of every version hold these.
var (
	fixtureKari = model.CommitteeMember{ID: 1, Name: "Kari Nordmann", Role: model.RoleLeder, From: model.NewDate(2026, 1, 1)}
	fixtureOla  = model.CommitteeMember{ID: 2, Name: "Ola Nordmann", Role: model.RoleVerneombud, From: model.NewDate(2026, 1, 1), To: model.NewDate(2027, 6, 30)}
)

// fixtureChanges is the fixture's change log, oldest first.
var fixtureChanges = []struct {
	kind   ChangeKind
	entity string
	id     uint64
}{
	{ChangeMigrated, EntityDatabase, 0},
	{ChangeCreated, EntityUnit, 1},
	{ChangeCreated, EntityMember, 1},
	{ChangeCreated, EntityMember, 2},
	{ChangeCreated, EntityMember, 3},
	{ChangeUpdated, EntityMember, 2},
	{ChangeDeleted, EntityMember, 3},
	{ChangeUpdated, EntityUnit, 1},
}

func fixtureUnit() model.Unit {
	u := testUnit()
	u.Departments = []string{"Blåbær", "Tyttebær", "Multebær"}
	return u
}

func writeFixture(path string) error {
	clock := fixtureClock()
	u := fixtureUnit()
	u.Employees = 20
	s, err := Create(path, u, Options{User: fixtureUser, Now: clock.Now, NoBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	ola := fixtureOla
	ola.ID, ola.To = 0, model.Date{}
	for _, m := range []model.CommitteeMember{{Name: fixtureKari.Name, Role: fixtureKari.Role, From: fixtureKari.From}, ola,
		{Name: "Per Hansen", Role: model.RoleTillitsvalgt, From: model.NewDate(2026, 1, 1)}} {
		if _, err := s.SaveMember(m); err != nil {
			return err
		}
	}
	if _, err := s.SaveMember(fixtureOla); err != nil {
		return err
	}
	if err := s.DeleteMember(3); err != nil {
		return err
	}
	if err := s.SaveUnit(fixtureUnit()); err != nil {
		return err
	}
	return s.Close()
}

func TestWriteFixtures(t *testing.T) {
	if !*updateFixtures {
		t.Skip("kjør med -update-fixtures for å skrive testdata")
	}
	path := filepath.Join(fixtureDir, fmt.Sprintf("schema-v%d.db", CurrentSchemaVersion))
	tmp := filepath.Join(t.TempDir(), "fixture.db")
	if err := writeFixture(tmp); err != nil {
		t.Fatal(err)
	}
	mustCheckOK(t, tmp)
	if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, readFile(t, tmp), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("skrev %s", path)
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "schema-v*.db"))
	if err != nil {
		t.Fatal(err)
	}
	current := filepath.Join(fixtureDir, fmt.Sprintf("schema-v%d.db", CurrentSchemaVersion))
	if _, err := os.Stat(current); err != nil {
		t.Fatalf("mangler %s; kjør go test ./storage -run TestWriteFixtures -update-fixtures: %v", current, err)
	}
	re := regexp.MustCompile(`schema-v(\d+)\.db$`)
	for _, src := range files {
		version, _ := strconv.Atoi(re.FindStringSubmatch(src)[1])
		t.Run(filepath.Base(src), func(t *testing.T) {
			fixtureBefore := readFile(t, src)
			// Work on a copy: a writable open backs up and migrates, and the
			// committed fixture must stay as it is.
			path := filepath.Join(t.TempDir(), "hmsutvalg.db")
			copyFile(t, src, path)

			if rep := mustCheckOK(t, path); rep.SchemaVersion != version {
				t.Fatalf("fixture has schema %d, name says %d", rep.SchemaVersion, version)
			}
			clock := newClock()
			s, err := Open(path, Options{User: "Migrator", Now: clock.Now})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if s.SchemaVersion() != CurrentSchemaVersion {
				t.Fatalf("schema after open: %d", s.SchemaVersion())
			}
			u, err := s.Unit()
			if err != nil {
				t.Fatal(err)
			}
			if want := fixtureUnit().Normalized(); !reflect.DeepEqual(u, want) {
				t.Errorf("unit: got %+v want %+v", u, want)
			}
			members, err := s.Members()
			if err != nil {
				t.Fatal(err)
			}
			if want := []model.CommitteeMember{fixtureKari, fixtureOla}; !reflect.DeepEqual(members, want) {
				t.Errorf("members: got %+v want %+v", members, want)
			}

			changes, err := s.Changes(0)
			if err != nil {
				t.Fatal(err)
			}
			migrated := CurrentSchemaVersion - version
			if migrated > 0 {
				migrated = 1 // all steps in one entry
			}
			if len(changes) != len(fixtureChanges)+migrated {
				t.Fatalf("got %d change-log entries, want %d", len(changes), len(fixtureChanges)+migrated)
			}
			if migrated == 1 && (changes[0].Kind != ChangeMigrated || changes[0].User != "Migrator") {
				t.Errorf("migration entry %+v", changes[0])
			}
			start := fixtureClock().t
			for i, want := range fixtureChanges {
				c := changes[len(changes)-1-i]
				if c.Kind != want.kind || c.Entity != want.entity || c.EntityID != want.id ||
					c.User != fixtureUser || c.Seq != uint64(i+1) || !c.Time.Equal(start.Add(time.Duration(i)*time.Second)) || c.Summary == "" {
					t.Errorf("change %d: got %+v want %+v", i+1, c, want)
				}
			}
			if list, _ := ListBackups(path); len(list) != 1 {
				t.Errorf("open made %d backups", len(list))
			}
			s.Close()
			mustCheckOK(t, path)
			assertUnchanged(t, src, fixtureBefore)
		})
	}
}
