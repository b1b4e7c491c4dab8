package storage

import "go.etcd.io/bbolt"

// oneShotChunk is how many records a one-shot reader decodes before it
// lets go of the file pages they were read from (releaseRead).
var oneShotChunk = 2048

// oneShot reports whether s is a one-shot reader (read-only, no list
// cache: the report commands), which reads each list once and so can
// release the file's pages as it goes.
func (s *Store) oneShot() bool { return s.opts.ReadOnly && s.opts.NoListCache }

// listChunked is e.list in runs of oneShotChunk records, calling release
// with the values of each run once they are decoded, so a large bucket's
// pages are never all resident at once. The result is the same as
// e.list's.
func listChunked[T any](tx *bbolt.Tx, e entity[T], release func(raws [][]byte)) ([]T, error) {
	b, err := bucketOf(tx, e.bucket)
	if err != nil {
		return nil, err
	}
	var out []T
	var ids []uint64
	keys, raws := make([][]byte, 0, oneShotChunk), make([][]byte, 0, oneShotChunk)
	flush := func() error {
		if len(keys) == 0 {
			return nil
		}
		var err error
		if out, ids, err = appendDecoded(e.bucket, keys, raws, out, ids, e.setID); err != nil {
			return err
		}
		release(raws)
		keys, raws = keys[:0], raws[:0]
		return nil
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		keys, raws = append(keys, k), append(raws, v)
		if len(keys) == oneShotChunk {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}
