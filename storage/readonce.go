package storage

import (
	"fmt"
	"runtime/debug"

	"go.etcd.io/bbolt"
)

// ReadOnce is how a one-shot command (report, export, status, calendar)
// reads a database: it opens path read-only, runs read on the store and
// closes it. Where Open with ReadOnly and NoListCache walks every page of
// the file before bbolt may touch it (precheck.go), ReadOnce reads while
// the walk runs beside it, on the other core: the walk costs time in
// proportion to the unit's whole history, the read only to what the
// command needs (issue 18).
//
// The walk's verdict still comes first. If it finds the file damaged,
// ReadOnce returns its *CorruptError, the same as Open's, whatever read
// did meanwhile: a damaged page can make bbolt panic (or fault in its
// memory map) on read's goroutine, which then only ends read. It can also
// make bbolt loop without end through a cycle of pages; so ReadOnce does
// not wait for read once the walk has failed, and leaves the store open
// (bbolt's Close would wait for read's transaction). That store, its file
// handle and its shared lock stay until the program ends: ReadOnce is for
// commands that exit right after, not for the program's windows.
//
// read runs on a goroutine of its own and must not keep the store, or
// anything read from it that it does not return, past its return. When
// the file is not fit to read in place (a window has it open, a torn
// head; see inplace.go), ReadOnce reads a snapshot as Open does, with the
// pre-open walk first.
func ReadOnce[T any](path string, read func(*Store) (T, error)) (T, error) {
	opts := Options{ReadOnly: true, NoListCache: true}
	db, ok := lockInPlace(path)
	if !ok {
		return readSnapshot(path, opts, read)
	}
	done := make(chan readOutcome[T], 1) // a read left running never blocks on it
	go func() { done <- readInPlace(db, path, opts, read) }()
	if err := precheckFile(path); err != nil {
		return abandon(db, done, err)
	}
	o := <-done
	if o.store == nil { // not fit to read in place after all: do as Open does
		_ = db.Close()
		return readSnapshot(path, opts, read)
	}
	if err := o.store.Close(); err != nil && o.err == nil {
		o.err = err
	}
	return o.v, o.err
}

// readOutcome is what readInPlace hands back: read's result, and the
// store to close (nil when the store could not be opened; then db is
// still open, and its lock held, until ReadOnce closes it after the
// walk: a walk must never run on a file nobody holds).
type readOutcome[T any] struct {
	v     T
	err   error
	store *Store
}

// readInPlace opens the store on db, which holds the shared lock, and
// runs read on it. A panic (a damaged page; SetPanicOnFault turns a fault
// in the memory map into one) becomes a *CorruptError.
func readInPlace[T any](db *bbolt.DB, path string, opts Options, read func(*Store) (T, error)) (o readOutcome[T]) {
	defer func() {
		if r := recover(); r != nil {
			o.v, o.err = *new(T), &CorruptError{Path: path, Detail: fmt.Sprint(r)}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	s, err := openedKeep(db, path, opts.withDefaults(), migrations)
	if err != nil {
		return o // db stays open for ReadOnce to close
	}
	o.store = s
	o.v, o.err = read(s)
	return o
}

// abandon returns the walk's error err without waiting for the read. A
// read that has already ended has its store (or db, when the store could
// not be opened) closed; one still running keeps it (see ReadOnce).
func abandon[T any](db *bbolt.DB, done <-chan readOutcome[T], err error) (T, error) {
	select {
	case o := <-done:
		if o.store != nil {
			_ = o.store.Close()
		} else {
			_ = db.Close()
		}
	default:
	}
	var zero T
	return zero, err
}

// readSnapshot is ReadOnce by way of Open's snapshot: walked first, then
// read, then closed.
func readSnapshot[T any](path string, opts Options, read func(*Store) (T, error)) (T, error) {
	s, err := openSnapshot(path, opts, migrations)
	if err != nil {
		var zero T
		return zero, err
	}
	defer s.Close()
	return read(s)
}

// lockInPlace is the first half of openInPlace: the head of the file is
// sound and a shared lock on it could be had at once. ok is false when
// not; then nothing is held.
func lockInPlace(path string) (*bbolt.DB, bool) {
	if err := precheckHead(path); err != nil {
		return nil, false
	}
	db, err := lockShared(path)
	if err != nil {
		return nil, false
	}
	return db, true
}
