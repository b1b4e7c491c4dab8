package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	jsonv1 "github.com/go-json-experiment/json/v1"
	"go.etcd.io/bbolt"
)

// recordVersion is written into every envelope. It equals the schema
// version that wrote the record, so a migration can tell old records from
// new ones if it ever has to convert lazily.
const recordVersion = CurrentSchemaVersion

// envelope wraps every stored value: {"v":1,"data":{…}}.
type envelope struct {
	V    int             `json:"v"`
	Data json.RawMessage `json:"data"`
}

// itob encodes an ID as an 8-byte big-endian key so bbolt's byte order is
// numeric order.
func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

// btoi decodes a key written by itob.
func btoi(b []byte) (uint64, error) {
	if len(b) != 8 {
		return 0, fmt.Errorf("nøkkelen %s er ikke en 8-byte ID", formatKey(b))
	}
	return binary.BigEndian.Uint64(b), nil
}

// formatKey renders a key for messages: IDs as numbers, text as text.
func formatKey(k []byte) string {
	if len(k) == 8 {
		return strconv.FormatUint(binary.BigEndian.Uint64(k), 10)
	}
	if utf8.Valid(k) && bytes.IndexFunc(k, func(r rune) bool { return r < ' ' }) < 0 {
		return strconv.Quote(string(k))
	}
	return fmt.Sprintf("0x%x", k)
}

// encodeRecord wraps v in the envelope.
func encodeRecord[T any](v T) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("kan ikke kode verdien: %w", err)
	}
	return json.Marshal(envelope{V: recordVersion, Data: data})
}

// decodeRecord unwraps and decodes one stored value. Every failure is a
// *DecodeError naming bucket and key; it never panics on bad input.
func decodeRecord[T any](bucket string, key, raw []byte) (T, error) {
	// Fast path: envelope and value in one pass with the v2 decoder, about
	// three times faster than encoding/json on our records (loading the
	// lists is most of a large unit's annual report). Anything it does not
	// take as it is (invalid UTF-8, duplicate names, a type mismatch) goes
	// the careful encoding/json path below, which either reads it as
	// before or names the exact problem. FuzzDecodeFastMatchesCareful
	// checks that both paths agree on what they both accept.
	if raw != nil {
		if v, ok := decodeFast[T](raw); ok {
			return v, nil
		}
	}
	return decodeCareful[T](bucket, key, raw)
}

// decodeCareful decodes with encoding/json step by step, so a failure
// says what is wrong: no envelope, no version, a newer version, no data,
// or the field that does not fit.
func decodeCareful[T any](bucket string, key, raw []byte) (T, error) {
	var zero, v T
	fail := func(err error) (T, error) {
		return zero, &DecodeError{Bucket: bucket, Key: bytes.Clone(key), Err: err}
	}
	if raw == nil {
		return fail(errors.New("verdien er en underbøtte"))
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return fail(fmt.Errorf("ugyldig innpakning: %w", err))
	}
	if env.V < 1 {
		return fail(errors.New("mangler versjon"))
	}
	if env.V > CurrentSchemaVersion {
		return fail(fmt.Errorf("skrevet med nyere versjon %d", env.V))
	}
	if len(env.Data) == 0 || bytes.Equal(env.Data, []byte("null")) {
		return fail(errors.New("mangler data"))
	}
	if err := json.Unmarshal(env.Data, &v); err != nil {
		return fail(err)
	}
	return v, nil
}

// fastDecodeOptions match member names as encoding/json does (without
// regard to case, but with underscores and dashes), so the fast path reads
// exactly the fields the careful path would.
var fastDecodeOptions = jsonv2.JoinOptions(
	jsonv2.MatchCaseInsensitiveNames(true),
	jsonv1.MatchCaseSensitiveDelimiter(true),
)

// decodeFast decodes a well-formed envelope of a supported version, or
// reports false.
func decodeFast[T any](raw []byte) (T, bool) {
	var env struct {
		V    int `json:"v"`
		Data *T  `json:"data"`
	}
	if jsonv2.Unmarshal(raw, &env, fastDecodeOptions) != nil || env.V < 1 || env.V > CurrentSchemaVersion || env.Data == nil {
		var zero T
		return zero, false
	}
	return *env.Data, true
}

// bucketOf returns a bucket that the schema guarantees; a missing bucket
// means a damaged or foreign file, reported as an error, not a panic.
func bucketOf(tx *bbolt.Tx, name string) (*bbolt.Bucket, error) {
	b := tx.Bucket([]byte(name))
	if b == nil {
		return nil, fmt.Errorf("databasen mangler bøtten «%s»", name)
	}
	return b, nil
}

// nextID hands out the next sequence number of bucket. Sequences are never
// reused, so a deleted record's ID stays unique in the change log.
func nextID(tx *bbolt.Tx, bucket string) (uint64, error) {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return 0, err
	}
	return b.NextSequence()
}

// putRecord stores v under id (which must be > 0).
func putRecord[T any](tx *bbolt.Tx, bucket string, id uint64, v T) error {
	if id == 0 {
		return fmt.Errorf("intern feil: ID 0 i «%s»", bucket)
	}
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return err
	}
	raw, err := encodeRecord(v)
	if err != nil {
		return err
	}
	// Keep the sequence ahead of every key so NextSequence never hands
	// out an ID that is already in use.
	if id > b.Sequence() {
		if err := b.SetSequence(id); err != nil {
			return err
		}
	}
	noteBefore(tx, b, bucket, itob(id))
	if err := b.Put(itob(id), raw); err != nil {
		return err
	}
	return reindexValue(tx, bucket, itob(id), v)
}

// getRecord loads id; found is false when there is no such record.
func getRecord[T any](tx *bbolt.Tx, bucket string, id uint64) (v T, found bool, err error) {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return v, false, err
	}
	key := itob(id)
	raw := b.Get(key)
	if raw == nil {
		if b.Bucket(key) != nil {
			_, err = decodeRecord[T](bucket, key, nil)
			return v, false, err
		}
		return v, false, nil
	}
	v, err = decodeRecord[T](bucket, key, raw)
	return v, err == nil, err
}

// hasRecord reports whether id exists without decoding it.
func hasRecord(tx *bbolt.Tx, bucket string, id uint64) (bool, error) {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return false, err
	}
	return b.Get(itob(id)) != nil, nil
}

// forEachRecord decodes every record of bucket in ID order. It stops at
// the first value that does not decode.
func forEachRecord[T any](tx *bbolt.Tx, bucket string, fn func(id uint64, v T) error) error {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		id, err := btoi(k)
		if err != nil {
			return &DecodeError{Bucket: bucket, Key: bytes.Clone(k), Err: err}
		}
		v, err := decodeRecord[T](bucket, k, raw)
		if err != nil {
			return err
		}
		if err := fn(id, v); err != nil {
			return err
		}
	}
	return nil
}

// listRecords returns every record of bucket in ID order.
func listRecords[T any](tx *bbolt.Tx, bucket string) ([]T, error) {
	_, out, err := decodeRecords[T](tx, bucket)
	return out, err
}

// parallelDecodeMin is the number of records from which decodeRecords
// uses more than one core; below it, starting goroutines costs more than
// it saves.
const parallelDecodeMin = 256

// decodeRecords decodes every record of bucket in ID order, as
// forEachRecord does, with the work split over all cores in contiguous
// runs of keys: decoding thousands of records is most of what a large
// unit's pages and annual report wait for. The error is the one of the
// first bad record in key order, as with forEachRecord.
func decodeRecords[T any](tx *bbolt.Tx, bucket string) ([]uint64, []T, error) {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return nil, nil, err
	}
	// The keys and values stay valid (in bbolt's memory map) until the
	// transaction ends, which is after every worker has finished.
	var keys, raws [][]byte
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		keys, raws = append(keys, k), append(raws, v)
	}
	return decodeKeyed[T](bucket, keys, raws)
}

// decodeKeyed decodes the values raws stored under keys in bucket, as
// decodeRecords does; the year index's reads use it for a part of a bucket.
func decodeKeyed[T any](bucket string, keys, raws [][]byte) ([]uint64, []T, error) {
	if len(keys) == 0 {
		return nil, nil, nil
	}
	ids, out := make([]uint64, len(keys)), make([]T, len(keys))
	if err := decodeKeyedInto(bucket, keys, raws, ids, out); err != nil {
		return nil, nil, err
	}
	return ids, out, nil
}

// appendDecoded decodes keys and raws as decodeKeyed does, straight into
// the end of out (grown if needed), with each record's ID set by setID:
// the chunked reads use it so a chunk is not decoded into a slice of its
// own and then copied. ids is scratch space, returned for reuse.
func appendDecoded[T any](bucket string, keys, raws [][]byte, out []T, ids []uint64, setID func(*T, uint64)) ([]T, []uint64, error) {
	n := len(out)
	out = slices.Grow(out, len(keys))[:n+len(keys)]
	ids = slices.Grow(ids[:0], len(keys))[:len(keys)]
	dst := out[n:]
	if err := decodeKeyedInto(bucket, keys, raws, ids, dst); err != nil {
		return nil, ids, err
	}
	for i := range dst {
		setID(&dst[i], ids[i])
	}
	return out, ids, nil
}

// decodeKeyedInto decodes keys[i]/raws[i] into ids[i] and out[i] (all of
// the same length), on all cores when there are many.
func decodeKeyedInto[T any](bucket string, keys, raws [][]byte, ids []uint64, out []T) error {
	decode := func(i int) error {
		id, err := btoi(keys[i])
		if err != nil {
			return &DecodeError{Bucket: bucket, Key: bytes.Clone(keys[i]), Err: err}
		}
		v, err := decodeRecord[T](bucket, keys[i], raws[i])
		ids[i], out[i] = id, v
		return err
	}
	workers := 1
	if len(keys) >= parallelDecodeMin {
		workers = min(runtime.GOMAXPROCS(0), len(keys)/(parallelDecodeMin/2))
	}
	errs := make([]error, workers) // errs[w]: the first error in worker w's run
	var wg sync.WaitGroup
	for w := range workers {
		from, to := w*len(keys)/workers, (w+1)*len(keys)/workers
		run := func() {
			for i := from; i < to; i++ {
				if err := decode(i); err != nil {
					errs[w] = err
					return
				}
			}
		}
		if w == workers-1 {
			run()
		} else {
			wg.Go(run)
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// deleteRecord removes id; found is false when it was not there.
func deleteRecord(tx *bbolt.Tx, bucket string, id uint64) (found bool, err error) {
	b, err := bucketOf(tx, bucket)
	if err != nil {
		return false, err
	}
	key := itob(id)
	if b.Get(key) == nil {
		return false, nil
	}
	noteBefore(tx, b, bucket, key)
	if err := b.Delete(key); err != nil {
		return true, err
	}
	return true, reindex(tx, bucket, key, nil)
}
