package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"time"

	"go.etcd.io/bbolt"
)

// A one-shot reader (report, export, status, calendar: read-only, no list
// cache, the store closed as soon as the data is read) reads the file in
// place when no window has it open: copying it first (snapshot.go) cost
// more than the rest of opening, for nothing, since nobody was writing.
//
// Every program window that has the file open holds bbolt's exclusive
// lock for as long as it has it open. So if a shared lock can be had at
// once, no window is writing, and none can start to while the reader
// holds it: the file cannot change under the reader, which is what the
// snapshot's copy guarantees otherwise. The pre-open page walk runs under
// that lock. A window that opens the file in the meantime waits for the
// lock, as bbolt does with Options.LockTimeout (a second by default); a
// one-shot reader holds it only while it reads, a fraction of that. If it
// has not let go by then, and only readers hold the file, the window
// waits up to readersWait more instead of saying the file is open
// elsewhere.
//
// Anything else (the lock is held by a writer, or the file is not fit to
// open) and the reader takes a snapshot as before, which also gives the
// same errors as before.

// openInPlace opens path read-only where it is, under a shared lock
// taken without waiting. ok is false when it could not; then nothing is
// held and the caller takes a snapshot.
func openInPlace(path string, opts Options, migs []migration) (s *Store, ok bool) {
	db, ok := lockInPlace(path)
	if !ok {
		return nil, false
	}
	if err := precheckFile(path); err != nil {
		_ = db.Close()
		return nil, false
	}
	s, err := openedWith(db, path, opts.withDefaults(), migs)
	if err != nil {
		return nil, false // openedWith closed db
	}
	return s, true
}

// readersWait is how long a writable open waits for one-shot readers
// that hold the file in place, once it has found that only readers hold
// it: they let go when they have read, which a report on a very large
// file on a busy machine can take longer than the usual lock timeout.
var readersWait = 10 * time.Second

// onlyReaders reports whether the lock on path is held by readers only:
// a shared lock can be had at once (and is let go of again).
func onlyReaders(path string) bool {
	db, err := lockShared(path)
	if err != nil {
		return false
	}
	_ = db.Close()
	return true
}

// lockShared opens path with bbolt read-only if a shared lock on it can be
// had at once: bbolt's lock timeout of a nanosecond is one try. bbolt's
// read-only open reads only the meta pages (checked by precheckHead).
func lockShared(path string) (db *bbolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				_ = db.Close()
			}
			db, err = nil, fmt.Errorf("%v", r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return bbolt.Open(path, fileMode, &bbolt.Options{
		ReadOnly: true,
		Timeout:  time.Nanosecond,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, perm) // never create it
		},
	})
}

// precheckHead is the first part of precheckFile: a regular file with a
// valid meta page and every page below its high-water mark present.
func precheckHead(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return pathErr(ErrNotExist, path)
		}
		return err
	}
	defer f.Close()
	_, err = checkHead(f, path)
	return err
}
