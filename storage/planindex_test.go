package storage

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// assertPlanIndex checks the plan index against the records with Check,
// and that the indexed reads give every measure the model's selection
// wants (and nothing that is not in the plan, in the plan's order) and
// exactly the items of the assessments asked for.
func assertPlanIndex(t *testing.T, path string, s *Store, step string) {
	t.Helper()
	if rep, err := Check(path); err != nil || !rep.OK() {
		t.Fatalf("%s: check: %v %v", step, err, rep.Problems)
	}
	all, err := s.Measures()
	if err != nil {
		t.Fatal(err)
	}
	var ids, rounds []uint64
	for _, m := range all {
		ids = append(ids, m.ID)
		if r := model.MeasureRoundID(&m); r != 0 {
			rounds = append(rounds, r)
		}
	}
	slices.Sort(rounds)
	for y := model.HMSYear(2020); y <= 2028; y++ {
		for _, sel := range []model.MeasureSelection{{Year: y}, {Year: y, Rounds: slices.Compact(rounds)}, {Year: y, IDs: ids[:min(1, len(ids))]}} {
			got, err := s.MeasuresSelected(sel)
			if err != nil {
				t.Fatal(err)
			}
			if !isSubsequence(got, all) {
				t.Errorf("%s: %+v: %d measures not a part of the plan in its order", step, sel, len(got))
			}
			for i := range all {
				if sel.Wants(&all[i]) && !slices.ContainsFunc(got, func(m model.Measure) bool { return m.ID == all[i].ID }) {
					t.Errorf("%s: %+v: measure %d (%q) is wanted and not read", step, sel, all[i].ID, all[i].Title)
				}
			}
		}
	}
	items, err := s.AllRiskItems()
	if err != nil {
		t.Fatal(err)
	}
	as, _ := s.Assessments()
	for _, a := range as {
		got, err := s.RiskItemsOfAssessments([]uint64{a.ID})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.DeleteFunc(slices.Clone(items), func(it model.RiskItem) bool { return it.AssessmentID != a.ID })
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: items of assessment %d: got %d, want %d", step, a.ID, len(got), len(want))
		}
	}
}

// isSubsequence reports whether part is all's elements in all's order,
// some left out.
func isSubsequence(part, all []model.Measure) bool {
	i := 0
	for _, m := range all {
		if i < len(part) && reflect.DeepEqual(part[i], m) {
			i++
		}
	}
	return i == len(part)
}

// TestPlanIndexFollowsEveryWrite: measures created in several years,
// completed, rejected, from a safety round, imported, edited, deleted,
// and undone; risk items added, deleted and undone: the index follows.
func TestPlanIndexFollowsEveryWrite(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	old := mustSaveMeasure(t, s, testMeasure("Gammelt tiltak"), date(2023, 5, 1))
	done := testMeasure("Utført i 2024")
	done = mustSaveMeasure(t, s, done, date(2023, 9, 1))
	done.Status, done.CompletedOn = model.StatusUtfort, date(2024, 2, 1)
	done = mustSaveMeasure(t, s, done, date(2024, 2, 1))
	rejected := mustSaveMeasure(t, s, testMeasure("Avvist"), date(2025, 1, 10))
	rejected.Status, rejected.RejectReason = model.StatusAvvist, "Ikke aktuelt"
	mustSaveMeasure(t, s, rejected, date(2025, 3, 1))
	r := seedRound(t, s)
	fromRound := testMeasure("Fra vernerunden")
	fromRound.Source = model.Source{Kind: model.SourceSafetyRound, ParentID: r.ID, RefID: 2}
	mustSaveMeasure(t, s, fromRound, date(2027, 1, 5))
	if _, err := s.ImportMeasures([]model.Measure{testMeasure("Importert")}, "test.csv", date(2026, 6, 1)); err != nil {
		t.Fatal(err)
	}
	_, _ = seedAssessment(t, s)
	assertPlanIndex(t, path, s, "created")
	if got, _ := s.MeasuresSelected(model.MeasureSelection{Year: 2022}); len(got) != 0 {
		t.Errorf("2022, before every measure: %d measures read", len(got))
	}
	if got, _ := s.MeasuresSelected(model.MeasureSelection{Year: 2024}); len(got) != 2 {
		t.Errorf("2024: %d measures read, want the open one from 2023 and the one done in 2024", len(got))
	}

	old.Status, old.CompletedOn = model.StatusUtfort, date(2026, 1, 2)
	mustSaveMeasure(t, s, old, date(2026, 1, 2))
	assertPlanIndex(t, path, s, "completed")
	if err := s.DeleteMeasure(done.ID); err != nil {
		t.Fatal(err)
	}
	assertPlanIndex(t, path, s, "deleted")
	items, _ := s.AllRiskItems()
	if err := s.DeleteRiskItem(items[0].ID); err != nil {
		t.Fatal(err)
	}
	assertPlanIndex(t, path, s, "item deleted")
	for i := range 3 {
		if _, err := s.UndoLast(); err != nil {
			t.Fatal(err)
		}
		assertPlanIndex(t, path, s, "undone "+string(rune('1'+i)))
	}
	if got, _ := s.MeasuresSelected(model.MeasureSelection{Year: 2024}); len(got) != 2 {
		t.Errorf("2024 after the undos: %d measures read, want 2", len(got))
	}
}

// TestPlanIndexMigration: the schema-8 fixture, given measures and risk
// items by the schema-8 program (no plan index), gets its index on the
// upgrade, and a damaged measure is indexed as always read, so every
// year's read still fails on it, as before.
func TestPlanIndexMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v8.db")
	copyFile(t, filepath.Join(fixtureDir, "schema-v8.db"), path)
	s, err := openWith(path, testOpts(newClock()), migrations[:planIndexSince-1])
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion() != planIndexSince-1 {
		t.Fatalf("fixture schema %d", s.SchemaVersion())
	}
	mustSaveMeasure(t, s, testMeasure("Før indeksen"), date(2024, 4, 4))
	seedAssessment(t, s)
	s.Close()
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte(bucketPlanIndex)) != nil {
			t.Error("a schema-8 file has a plan index")
		}
		b := tx.Bucket([]byte(bucketMeasures))
		if err := b.SetSequence(99); err != nil {
			return err
		}
		return b.Put(itob(99), []byte(`{"v":1,"data":{"created":17}}`))
	})

	s, err = Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	for _, y := range []model.HMSYear{2020, 2025, 2030} {
		if _, err := s.MeasuresSelected(model.MeasureSelection{Year: y}); err == nil {
			t.Errorf("%d: the damaged measure must fail every year's read", y)
		}
	}
	if err := s.DeleteMeasure(99); err != nil {
		t.Fatal(err)
	}
	assertPlanIndex(t, path, s, "migrated")
	if got, _ := s.MeasuresSelected(model.MeasureSelection{Year: 2025}); len(got) == 0 {
		t.Error("2025: the open measure from 2024 was not read")
	}
}

// TestCheckFindsPlanIndexOff: an entry removed, added or changed behind
// the program's back is a problem Check names.
func TestCheckFindsPlanIndexOff(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	m := mustSaveMeasure(t, s, testMeasure("Tiltak"), date(2026, 2, 2))
	s.Close()
	for _, tt := range []struct {
		name string
		fn   func(b *bbolt.Bucket) error
	}{
		{"missing", func(b *bbolt.Bucket) error { return b.Delete(planKey('m', 'y', u32Year(date(2026, 1, 1)), m.ID)) }},
		{"extra", func(b *bbolt.Bucket) error { return b.Put(planKey('m', 'o', u32Year(date(2020, 1, 1)), 9), []byte{1}) }},
		{"reverse changed", func(b *bbolt.Bucket) error { return b.Put(planKey('m', 'i', nil, m.ID), nil) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.db")
			copyFile(t, path, p)
			rawWrite(t, p, func(tx *bbolt.Tx) error { return tt.fn(tx.Bucket([]byte(bucketPlanIndex))) })
			rep, err := Check(p)
			if err != nil || rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), "Tiltaksindeksen") {
				t.Errorf("check: %v %q", err, rep.Problems)
			}
		})
	}
}
