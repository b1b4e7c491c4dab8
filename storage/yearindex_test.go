package storage

import (
	"encoding/binary"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// byYear is what the year index must give for year y: the records dated
// in y, and the undated ones, in the full list's order.
func byYear[T any](all []T, date func(T) model.Date, y model.HMSYear) []T {
	var out []T
	for _, v := range all {
		if d := date(v); d.IsZero() || d.Year() == int(y) {
			out = append(out, v)
		}
	}
	return out
}

// assertYearIndex checks the index against the records with Check and
// with the by-year reads of every year from 2023 to 2027.
func assertYearIndex(t *testing.T, path string, s *Store, step string) {
	t.Helper()
	if rep, err := Check(path); err != nil || !rep.OK() {
		t.Fatalf("%s: check: %v %v", step, err, rep.Problems)
	}
	devs, err := s.Deviations()
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Meetings()
	rs, _ := s.SafetyRounds()
	for y := model.HMSYear(2023); y <= 2027; y++ {
		gotD, err := s.DeviationsDatedIn(y, y)
		if err != nil {
			t.Fatal(err)
		}
		if want := byYear(devs, func(d model.Deviation) model.Date { return d.Date }, y); !reflect.DeepEqual(gotD, want) {
			t.Errorf("%s: deviations of %d: got %d, want %d", step, y, len(gotD), len(want))
		}
		gotM, _ := s.MeetingsDatedIn(y, y)
		if want := byYear(ms, func(m model.Meeting) model.Date { return m.Date }, y); !reflect.DeepEqual(gotM, want) {
			t.Errorf("%s: meetings of %d: got %d, want %d", step, y, len(gotM), len(want))
		}
		gotR, _ := s.SafetyRoundsDatedIn(y, y)
		if want := byYear(rs, func(r model.SafetyRound) model.Date { return r.Date }, y); !reflect.DeepEqual(gotR, want) {
			t.Errorf("%s: safety rounds of %d: got %d, want %d", step, y, len(gotR), len(want))
		}
	}
	span, _ := s.DeviationsDatedIn(2024, 2025)
	if want := append(byYear(devs, func(d model.Deviation) model.Date { return d.Date }, 2024), byYear(devs, func(d model.Deviation) model.Date { return d.Date }, 2025)...); len(span) != len(want)-countUndated(devs) {
		t.Errorf("%s: deviations of 2024–2025: got %d", step, len(span))
	}
}

func countUndated(devs []model.Deviation) int {
	return len(slices.DeleteFunc(slices.Clone(devs), func(d model.Deviation) bool { return !d.Date.IsZero() }))
}

// TestYearIndexFollowsEveryWrite: create, a change of date (to another
// year), delete, and undo of each keep the index equal to the records.
func TestYearIndexFollowsEveryWrite(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	var saved []model.Deviation
	for i, d := range []model.Date{date(2024, 3, 1), date(2025, 6, 1), date(2025, 12, 31), date(2026, 1, 1)} {
		x := testDeviation("Avdeling " + string(rune('A'+i)))
		x.Date = d
		saved = append(saved, mustSaveDeviation(t, s, x))
	}
	m := testMeeting()
	m.Date = date(2025, 5, 5)
	if _, err := s.SaveMeeting(m, mtgToday); err != nil {
		t.Fatal(err)
	}
	seedRound(t, s)
	assertYearIndex(t, path, s, "created")

	moved := saved[1]
	moved.Date = date(2024, 2, 2)
	if _, err := s.SaveDeviation(moved, devDay); err != nil {
		t.Fatal(err)
	}
	assertYearIndex(t, path, s, "moved to 2024")
	if got, _ := s.DeviationsDatedIn(2025, 2025); len(got) != 1 {
		t.Errorf("2025 after the move: %d deviations, want 1", len(got))
	}
	if err := s.DeleteDeviation(saved[2].ID); err != nil {
		t.Fatal(err)
	}
	assertYearIndex(t, path, s, "deleted")
	if got, _ := s.DeviationsDatedIn(2025, 2025); len(got) != 0 {
		t.Errorf("2025 after the delete: %d deviations, want 0", len(got))
	}
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	assertYearIndex(t, path, s, "delete undone")
	if _, err := s.UndoLast(); err != nil {
		t.Fatal(err)
	}
	assertYearIndex(t, path, s, "move undone")
	if got, _ := s.DeviationsDatedIn(2025, 2025); len(got) != 2 {
		t.Errorf("2025 after the undos: %d deviations, want 2", len(got))
	}
}

// TestYearIndexMigration: the schema-6 fixture, given deviations, meetings
// and rounds by the schema-6 program (no index), gets its index on the
// upgrade, and a damaged record is indexed as undated, so every year
// still reads it (and fails on it, as before).
func TestYearIndexMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v6.db")
	copyFile(t, filepath.Join(fixtureDir, "schema-v6.db"), path)
	s, err := openWith(path, testOpts(newClock()), migrations[:yearIndexSince-1])
	if err != nil {
		t.Fatal(err)
	}
	if s.SchemaVersion() != yearIndexSince-1 {
		t.Fatalf("fixture schema %d", s.SchemaVersion())
	}
	for _, d := range []model.Date{date(2024, 3, 1), date(2025, 6, 1), date(2026, 1, 1)} {
		x := testDeviation("Kjøkken")
		x.Date = d
		mustSaveDeviation(t, s, x)
	}
	if _, err := s.SaveMeeting(testMeeting(), mtgToday); err != nil {
		t.Fatal(err)
	}
	seedRound(t, s)
	s.Close()
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte(bucketYearIndex)) != nil {
			t.Error("a schema-6 file has a year index")
		}
		b := tx.Bucket([]byte(bucketDeviations))
		if err := b.SetSequence(9); err != nil {
			return err
		}
		return b.Put(itob(9), []byte(`{"v":1,"data":{"date":17}}`))
	})

	s, err = Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.SchemaVersion() != CurrentSchemaVersion {
		t.Fatalf("schema %d", s.SchemaVersion())
	}
	for _, y := range []model.HMSYear{2024, 2025, 2030} {
		if _, err := s.DeviationsDatedIn(y, y); err == nil || !strings.Contains(err.Error(), "avvik") && !strings.Contains(err.Error(), "deviations") {
			t.Errorf("%d: the damaged record must fail every year's read: %v", y, err)
		}
	}
	if err := s.DeleteDeviation(9); err != nil {
		t.Fatal(err)
	}
	assertYearIndex(t, path, s, "migrated")
	if got, _ := s.DeviationsDatedIn(2025, 2026); len(got) != 2 {
		t.Errorf("2025–2026: %d deviations, want 2", len(got))
	}
}

// TestCheckFindsYearIndexOff: an index entry removed or added behind the
// program's back is a problem Check names.
func TestCheckFindsYearIndexOff(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	mustSaveDeviation(t, s, testDeviation("Kjøkken"))
	s.Close()
	for _, tt := range []struct {
		name string
		fn   func(b *bbolt.Bucket) error
		want string
	}{
		{"missing", func(b *bbolt.Bucket) error { return b.Delete(yearKey(bucketDeviations, 2026, 1)) }, "1 mangler"},
		{"extra", func(b *bbolt.Bucket) error { return b.Put(yearKey(bucketDeviations, 2020, 9), []byte{1}) }, "1 oppføringer for mye"},
		{"id entry missing", func(b *bbolt.Bucket) error { return b.Delete(idKey(bucketDeviations, 1)) }, "1 mangler"},
		{"id entry names another year", func(b *bbolt.Bucket) error {
			return b.Put(idKey(bucketDeviations, 1), binary.BigEndian.AppendUint16(nil, 2025))
		}, "1 oppføringer for mye, 1 mangler"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.db")
			copyFile(t, path, p)
			rawWrite(t, p, func(tx *bbolt.Tx) error { return tt.fn(tx.Bucket([]byte(bucketYearIndex))) })
			rep, err := Check(p)
			if err != nil || rep.OK() || !strings.Contains(strings.Join(rep.Problems, "\n"), tt.want) {
				t.Errorf("check: %v %q", err, rep.Problems)
			}
		})
	}
}

// TestOneShotReadsInRuns: the report's read-only store without list cache
// decodes in runs (releasing the file's pages after each); over run
// boundaries it gives exactly what the ordinary reads give.
func TestOneShotReadsInRuns(t *testing.T) {
	defer func(n int) { oneShotChunk = n }(oneShotChunk)
	oneShotChunk = 2
	path, s := newDB(t, testOpts(newClock()))
	for i, d := range []model.Date{date(2024, 3, 1), date(2025, 6, 1), date(2025, 7, 1), date(2025, 8, 1), date(2026, 1, 1)} {
		x := testDeviation("Avdeling " + string(rune('A'+i)))
		x.Date = d
		mustSaveDeviation(t, s, x)
	}
	wantAll, _ := s.Deviations()
	want2025, _ := s.DeviationsDatedIn(2025, 2025)
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true, NoListCache: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.oneShot() {
		t.Fatal("not a one-shot reader")
	}
	for i := 0; i < 2; i++ { // the second read faults the released pages in again
		all, err := ro.Deviations()
		if err != nil || !reflect.DeepEqual(all, wantAll) || len(all) != 5 {
			t.Errorf("read %d: all: %d, %v", i, len(all), err)
		}
		got, err := ro.DeviationsDatedIn(2025, 2025)
		if err != nil || !reflect.DeepEqual(got, want2025) || len(got) != 3 {
			t.Errorf("read %d: 2025: %d, %v", i, len(got), err)
		}
	}
	if got, _ := ro.DeviationsDatedIn(2030, 2030); got != nil {
		t.Errorf("an empty year: %v", got)
	}
}
