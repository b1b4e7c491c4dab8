package storage

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"go.etcd.io/bbolt"
)

// TestSeqReaderGetsWhatGetGets asks for keys in every pattern readIDs
// meets (runs of neighbours, gaps shorter and longer than seqSteps,
// missing keys, keys past the last, a nested bucket's key, and keys out
// of order) and compares each answer with bbolt's own Get.
func TestSeqReaderGetsWhatGetGets(t *testing.T) {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "seq.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("r"))
		if err != nil {
			return err
		}
		for id := uint64(1); id <= 3000; id++ {
			if id%7 == 0 || (id > 1000 && id < 1100) { // holes, and one long hole
				continue
			}
			if err := b.Put(itob(id), []byte(fmt.Sprintf("record %d", id))); err != nil {
				return err
			}
		}
		_, err = b.CreateBucket(itob(3001)) // a nested bucket: Get gives nil
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	cases := map[string][]uint64{
		"first and last":      {1, 3000},
		"a run":               seqIDs(200, 260),
		"across a hole":       seqIDs(990, 1110),
		"missing only":        {7, 14, 1050, 5000},
		"past the end":        {2999, 3000, 3001, 3002, 9999},
		"gaps of 9 and 30":    {10, 19, 49, 79, 88},
		"out of order":        {500, 20, 2000, 1999, 3, 3},
		"repeated":            {5, 5, 6, 6},
		"random sorted":       randomSorted(rng, 400, 3100),
		"random sorted dense": randomSorted(rng, 2500, 3100),
	}
	err = db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("r"))
		for name, ids := range cases {
			r := newSeqReader(b)
			for _, id := range ids {
				if got, want := r.get(itob(id)), b.Get(itob(id)); !bytes.Equal(got, want) || (got == nil) != (want == nil) {
					t.Errorf("%s: key %d: got %q, Get gives %q", name, id, got, want)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func seqIDs(from, to uint64) []uint64 {
	var out []uint64
	for id := from; id <= to; id++ {
		out = append(out, id)
	}
	return out
}

func randomSorted(rng *rand.Rand, n, max uint64) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = rng.Uint64N(max) + 1
	}
	slices.Sort(out)
	return out
}
