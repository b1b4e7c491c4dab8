package storage_test

import (
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// TestFastDecodeAgreesOnDemo reads every record of the demo unit (every
// module, three years) with both decoders: they must give the same values.
func TestFastDecodeAgreesOnDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, demo.Options{Seed: 1, Scale: 1, Today: model.NewDate(2026, 11, 24), User: "test"}); err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checked := map[string]int{}
	err = db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				ok, err := storage.FastDecodeAgrees(string(name), k, v)
				if err != nil {
					t.Errorf("%s/%x: %v", name, k, err)
				}
				if ok {
					checked[string(name)]++
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"measures", "deviations", "meetings", "safety_rounds", "risk_items", "changelog"} {
		if checked[b] == 0 {
			t.Errorf("no records of %s were compared", b)
		}
	}
	t.Logf("compared: %v", checked)
}
