package storage

import (
	"bytes"

	"go.etcd.io/bbolt"
)

// seqReader looks up keys in ascending order with one cursor. The records
// a report reads (a year's deviations, the plan's measures) mostly lie in
// runs of consecutive IDs, where the next key wanted is the cursor's next
// element; a Get per key searched the tree from its root every time, with
// a new cursor each (issue 18, docs/ytelse.md «Sjuende runde»).
type seqReader struct {
	c    *bbolt.Cursor
	k, v []byte // the cursor's element, k nil past the last
	last []byte // the key asked for before, nil at first
}

// seqSteps is how many elements the reader steps over before it seeks
// instead: a seek costs a search from the root, a step a few comparisons.
const seqSteps = 8

func newSeqReader(b *bbolt.Bucket) *seqReader { return &seqReader{c: b.Cursor()} }

// get returns key's value as b.Get does: nil if key is missing or names
// a nested bucket. Keys asked for out of order are looked up by a seek.
func (r *seqReader) get(key []byte) []byte {
	if r.last == nil || bytes.Compare(key, r.last) < 0 {
		r.k, r.v = r.c.Seek(key)
	} else {
		r.stepTo(key)
	}
	r.last = key
	if r.k != nil && bytes.Equal(r.k, key) {
		return r.v
	}
	return nil
}

// stepTo moves the cursor to the first element at or after key: a few
// steps, then a seek if it is further on.
func (r *seqReader) stepTo(key []byte) {
	for range seqSteps {
		if r.k == nil || bytes.Compare(r.k, key) >= 0 {
			return
		}
		r.k, r.v = r.c.Next()
	}
	if r.k != nil && bytes.Compare(r.k, key) < 0 {
		r.k, r.v = r.c.Seek(key)
	}
}
