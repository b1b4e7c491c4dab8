package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// rawWrite changes a closed database directly through bbolt, bypassing
// every rule of this package.
func rawWrite(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func checkedDB(t *testing.T) string {
	t.Helper()
	path, s := newDB(t, testOpts(newClock()))
	for _, name := range []string{"Kari", "Ola"} {
		if _, err := s.SaveMember(model.CommitteeMember{Name: name, Role: model.RoleVerneombud, From: date(2026, 1, 1)}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	return path
}

func TestCheckGoodFile(t *testing.T) {
	path := checkedDB(t)
	rep := mustCheckOK(t, path)
	if rep.SchemaVersion != CurrentSchemaVersion || rep.Path != path {
		t.Fatalf("report %+v", rep)
	}
	want := map[string]int{bucketUnit: 1, bucketMembers: 2, bucketChangelog: 4}
	for k, n := range want {
		if rep.Counts[k] != n {
			t.Errorf("count %s = %d, want %d", k, rep.Counts[k], n)
		}
	}
	sum := rep.Summary()
	for _, s := range []string{path, fmt.Sprintf("Skjemaversjon: %d", CurrentSchemaVersion),
		"enhet: 1, utvalgsmedlemmer: 2, endringslogg: 4, tiltak: 0, risikovurderinger: 0, risikoforhold: 0, innstillinger: 0", "OK"} {
		if !strings.Contains(sum, s) {
			t.Errorf("summary lacks %q:\n%s", s, sum)
		}
	}
}

func TestCheckFindsUndecodableValue(t *testing.T) {
	path := checkedDB(t)
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(bucketMembers))
		if err := b.SetSequence(7); err != nil {
			return err
		}
		return b.Put(itob(7), []byte("\x00søppel{"))
	})
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || len(rep.Problems) != 1 {
		t.Fatalf("problems: %q", rep.Problems)
	}
	if p := rep.Problems[0]; !strings.Contains(p, "«members»") || !strings.Contains(p, "nøkkel 7") {
		t.Fatalf("problem does not name bucket and key: %q", p)
	}
	if !strings.Contains(rep.Summary(), "1 problem funnet") {
		t.Fatalf("summary:\n%s", rep.Summary())
	}

	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Members()
	var de *DecodeError
	if !errors.As(err, &de) || de.Bucket != bucketMembers || formatKey(de.Key) != "7" {
		t.Fatalf("Members on garbage: %T %v", err, err)
	}
	// The damaged record can be deleted from the program.
	if err := s.DeleteMember(7); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestCheckFindsBrokenInvariants(t *testing.T) {
	cases := map[string]struct {
		fn   func(tx *bbolt.Tx) error
		want string
	}{
		"no unit": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketUnit)).Delete(itob(unitID))
		}, "nøyaktig én enhet"},
		"invalid member": {func(tx *bbolt.Tx) error {
			return putRecord(tx, bucketMembers, 1, model.CommitteeMember{ID: 1, Name: "", Role: model.RoleLeder, From: date(2026, 1, 1)})
		}, "«members» nøkkel 1"},
		"overlapping roles": {func(tx *bbolt.Tx) error {
			return putRecord(tx, bucketMembers, 2, model.CommitteeMember{ID: 2, Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)})
		}, "Utvalget"},
		"key beyond sequence": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketMembers)).Put(itob(50), mustEncode(t, model.CommitteeMember{ID: 50, Name: "Per", Role: model.RoleBHT, From: date(2026, 1, 1)}))
		}, "utenfor sekvensen"},
		"changelog seq": {func(tx *bbolt.Tx) error {
			c, _, _ := getRecord[Change](tx, bucketChangelog, 2)
			c.Seq = 9
			return tx.Bucket([]byte(bucketChangelog)).Put(itob(2), mustEncode(t, c))
		}, "løpenummer 9"},
		"unknown bucket": {func(tx *bbolt.Tx) error {
			_, err := tx.CreateBucket([]byte("rart"))
			return err
		}, "Ukjent bøtte «rart»"},
		"missing bucket": {func(tx *bbolt.Tx) error {
			return tx.DeleteBucket([]byte(bucketChangelog))
		}, "«changelog» mangler"},
		"newer record": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketMembers)).Put(itob(1), []byte(`{"v":99,"data":{}}`))
		}, "nyere versjon 99"},
		"bad schema version": {func(tx *bbolt.Tx) error {
			return tx.Bucket([]byte(bucketMeta)).Put(keySchemaVersion, []byte("x"))
		}, "ugyldig skjemaversjon"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			path := checkedDB(t)
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

func mustEncode[T any](t *testing.T, v T) []byte {
	t.Helper()
	b, err := encodeRecord(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeRecordErrors(t *testing.T) {
	key := itob(3)
	for raw, want := range map[string]string{
		`tull`:                                 "ugyldig innpakning",
		`{"data":{}}`:                          "mangler versjon",
		`{"v":1}`:                              "mangler data",
		`{"v":1,"data":null}`:                  "mangler data",
		`{"v":99,"data":{}}`:                   "nyere versjon",
		`{"v":1,"data":"tekst"}`:               "cannot unmarshal",
		`{"v":1,"data":{"from":"2026-13-01"}}`: "ugyldig dato",
	} {
		_, err := decodeRecord[model.CommitteeMember]("members", key, []byte(raw))
		var de *DecodeError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "«members» med nøkkel 3") {
			t.Errorf("%s: %v", raw, err)
		}
	}
	if _, err := decodeRecord[Change]("changelog", []byte("x"), nil); err == nil {
		t.Error("nil value (sub-bucket) decoded")
	}
	m := model.CommitteeMember{ID: 3, Name: "Kari", Role: model.RoleLeder, From: date(2026, 1, 1)}
	got, err := decodeRecord[model.CommitteeMember]("members", key, mustEncode(t, m))
	if err != nil || got != m {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	if s := string(mustEncode(t, m)); !strings.HasPrefix(s, fmt.Sprintf(`{"v":%d,"data":{`, CurrentSchemaVersion)) {
		t.Fatalf("envelope %s", s)
	}
}
