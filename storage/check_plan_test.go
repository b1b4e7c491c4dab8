package storage

import (
	"fmt"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// planDB is a checked database with an assessment with two items (on the
// default matrix; the unit has changed to 4×4 since), a measure linked to the first item and a manual measure.
func planDB(t *testing.T) string {
	t.Helper()
	path, s := newDB(t, testOpts(newClock()))
	_, items := seedAssessment(t, s) // assessment 1 (5×5), items 1 and 2
	if err := s.SaveRiskMatrix(model.DefaultRiskMatrixFor(4)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Takheis", Responsible: "Leder", Deadline: date(2027, 2, 1)}, planDay); err != nil {
		t.Fatal(err) // measure 1
	}
	mustSaveMeasure(t, s, testMeasure("Manuelt tiltak"), planDay) // measure 2
	s.Close()
	mustCheckOK(t, path)
	return path
}

func TestCheckPlanInvariants(t *testing.T) {
	measure := func(tx *bbolt.Tx, id uint64, fn func(*model.Measure)) error {
		m, _, err := getRecord[model.Measure](tx, bucketMeasures, id)
		if err != nil {
			return err
		}
		fn(&m)
		return putRecord(tx, bucketMeasures, id, m)
	}
	item := func(tx *bbolt.Tx, id uint64, fn func(*model.RiskItem)) error {
		it, _, err := getRecord[model.RiskItem](tx, bucketRiskItems, id)
		if err != nil {
			return err
		}
		fn(&it)
		return putRecord(tx, bucketRiskItems, id, it)
	}
	cases := map[string]struct {
		fn   func(tx *bbolt.Tx) error
		want string
	}{
		"invalid measure": {func(tx *bbolt.Tx) error {
			return measure(tx, 2, func(m *model.Measure) { m.Title = "" })
		}, "«measures» nøkkel 2: Tittel må fylles ut"},
		"measure completed after its last save": {func(tx *bbolt.Tx) error {
			return measure(tx, 2, func(m *model.Measure) {
				m.Status, m.CompletedOn = model.StatusUtfort, m.Updated.AddDays(1)
			})
		}, "«measures» nøkkel 2: Dato utført kan ikke være frem i tid"},
		"measure without updated date": {func(tx *bbolt.Tx) error {
			return measure(tx, 2, func(m *model.Measure) { m.Updated = model.Date{} })
		}, "mangler dato for sist endret"},
		"measure under the wrong key": {func(tx *bbolt.Tx) error {
			return measure(tx, 2, func(m *model.Measure) { m.ID = 5 })
		}, "«measures» nøkkel 2: posten har ID 5"},
		"undecodable measure": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketMeasures)).Put(itob(2), []byte(`{"v":1,"data":{"deadline":"31.02.2027"}}`))
		}, "«measures» med nøkkel 2"},
		"item of a missing assessment": {func(tx *bbolt.Tx) error {
			return item(tx, 2, func(it *model.RiskItem) { it.AssessmentID = 7 })
		}, "Risikoforhold 2 («Tunge løft i vaskeriet») hører til risikovurdering 7, som ikke finnes"},
		"item linked to a missing measure": {func(tx *bbolt.Tx) error {
			return item(tx, 1, func(it *model.RiskItem) { it.MeasureIDs = append(it.MeasureIDs, 9) })
		}, "Risikoforhold 1 («Forflytning av beboere») er koblet til tiltak 9, som ikke finnes"},
		"item outside its assessment's matrix": {func(tx *bbolt.Tx) error {
			// The assessment was scored 5×5 (the unit changed to 4×4
			// afterwards, which does not matter); 6 is outside.
			return item(tx, 2, func(it *model.RiskItem) { it.Consequence = 6 })
		}, "«risk_items» nøkkel 2: Konsekvens må være et tall fra 1 til 5"},
		"item under the wrong key": {func(tx *bbolt.Tx) error {
			return item(tx, 2, func(it *model.RiskItem) { it.ID = 1 })
		}, "«risk_items» nøkkel 2: posten har ID 1"},
		"invalid assessment": {func(tx *bbolt.Tx) error {
			a, _, _ := getRecord[model.RiskAssessment](tx, bucketRiskAssessments, 1)
			a.NextReview = model.Date{}
			return putRecord(tx, bucketRiskAssessments, 1, a)
		}, "«risk_assessments» nøkkel 1: Neste revisjon må fylles ut"},
		"assessment replaced by a missing one": {func(tx *bbolt.Tx) error {
			a, _, _ := getRecord[model.RiskAssessment](tx, bucketRiskAssessments, 1)
			a.SupersededBy = 42
			return putRecord(tx, bucketRiskAssessments, 1, a)
		}, "er oppgitt som erstattet av risikovurdering 42, som ikke finnes"},
		"assessment replaced by itself": {func(tx *bbolt.Tx) error {
			a, _, _ := getRecord[model.RiskAssessment](tx, bucketRiskAssessments, 1)
			a.SupersededBy = 1
			return putRecord(tx, bucketRiskAssessments, 1, a)
		}, "erstattet av seg selv"},
		"invalid matrix setting": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketSettings)).Put([]byte(keyRiskMatrix), mustEncodeRaw(model.RiskMatrix{Size: 6, LowMax: 4, MediumMax: 9}))
		}, `«settings» "risk_matrix": Matrisestørrelse må være 4`},
		"unknown setting": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketSettings)).Put([]byte("farge"), mustEncodeRaw("blå"))
		}, `Ukjent innstilling "farge"`},
		"measure key beyond sequence": {func(tx *bbolt.Tx) error {
			m := testMeasure("Utenfor")
			m.ID, m.Created, m.Updated = 50, planDay, planDay
			return tx.Bucket([]byte(bucketMeasures)).Put(itob(50), mustEncodeRaw(m))
		}, "«measures» nøkkel 50 ligger utenfor sekvensen"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := planDB(t)
			rawWrite(t, path, c.fn)
			rep, err := Check(path)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), c.want) {
				t.Fatalf("want a problem with %q, got %q", c.want, rep.Problems)
			}
		})
	}
}

func mustEncodeRaw[T any](v T) []byte {
	b, err := encodeRecord(v)
	if err != nil {
		panic(err)
	}
	return b
}

// History is not a problem: measures outlive the item, the assessment and
// the unit's matrix they came from.
func TestCheckAllowsHistory(t *testing.T) {
	path := planDB(t)
	s, err := Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRiskItem(1); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Measures()
	if ms[0].Source.Kind != model.SourceRiskAssessment || ms[0].Source.RefID != 1 {
		t.Fatalf("measure %+v", ms[0])
	}
	// An old measure completed long ago, saved today, is fine.
	m := testMeasure("Gammelt tiltak")
	m.Created, m.Deadline, m.Status, m.CompletedOn = date(2023, 2, 1), date(2023, 6, 1), model.StatusUtfort, date(2023, 5, 20)
	mustSaveMeasure(t, s, m, planDay)
	if err := s.DeleteAssessment(1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rep := mustCheckOK(t, path)
	want := map[string]int{bucketMeasures: 3, bucketRiskAssessments: 0, bucketRiskItems: 0, bucketSettings: 1}
	for b, n := range want {
		if rep.Counts[b] != n {
			t.Errorf("%s: %d, want %d", b, rep.Counts[b], n)
		}
	}
	if !strings.Contains(rep.Summary(), fmt.Sprintf("Skjemaversjon: %d", CurrentSchemaVersion)) {
		t.Error(rep.Summary())
	}
}

// A schema-1 file migrates to 2 and can then hold the new modules; the
// automatic backup keeps the old schema.
func TestMigrateV1ToV2(t *testing.T) {
	path := t.TempDir() + "/hmsutvalg.db"
	copyFile(t, fixtureDir+"/schema-v1.db", path)
	rep := mustCheckOK(t, path)
	if rep.SchemaVersion != 1 {
		t.Fatalf("fixture schema %d", rep.SchemaVersion)
	}
	if _, ok := rep.Counts[bucketMeasures]; ok {
		t.Fatal("a schema-1 file has a measures bucket")
	}
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "må oppgraderes") {
		t.Fatalf("read-only open of schema 1: %v", err)
	}
	s, err := Open(path, Options{User: "Migrator", Now: newClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	cs, _ := s.Changes(1)
	if c := cs[0]; c.Kind != ChangeMigrated || !strings.Contains(c.Summary, "handlingsplan, risikovurdering og innstillinger") {
		t.Fatalf("migration entry %+v", c)
	}
	if m, err := s.RiskMatrix(); err != nil || m != model.DefaultRiskMatrix() {
		t.Fatalf("matrix after migration: %+v %v", m, err)
	}
	for _, fn := range []func() (int, error){
		func() (int, error) { ms, err := s.Measures(); return len(ms), err },
		func() (int, error) { as, err := s.Assessments(); return len(as), err },
		func() (int, error) { is, err := s.AllRiskItems(); return len(is), err },
	} {
		if n, err := fn(); n != 0 || err != nil {
			t.Fatalf("new module after migration: %d %v", n, err)
		}
	}
	mustSaveMeasure(t, s, testMeasure("Første tiltak etter oppgradering"), planDay)
	seedAssessment(t, s)
	s.Close()
	rep = mustCheckOK(t, path)
	if rep.SchemaVersion != CurrentSchemaVersion || rep.Counts[bucketMeasures] != 1 || rep.Counts[bucketRiskItems] != 2 || rep.Counts[bucketMembers] != 2 {
		t.Fatalf("after migration:\n%s", rep.Summary())
	}
	list, _ := ListBackups(path)
	if len(list) != 1 {
		t.Fatalf("backups %+v", list)
	}
	if brep := mustCheckOK(t, list[0].Path); brep.SchemaVersion != 1 {
		t.Fatalf("backup schema %d", brep.SchemaVersion)
	}
}
