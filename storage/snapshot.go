package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Read-only opens work on a snapshot: a private copy of the file taken
// without any lock, so that `report`, `export`, `check`, `backup` and
// `status` work while the program has the file open and writes to it,
// never wait for it and never make it wait, and never change the file.
//
// Why the copy is consistent: a bbolt commit writes its new pages to
// pages that the newest meta page does not reference, syncs them, and
// only then writes a meta page. Pages the newest meta references are
// reused at the earliest by the commit after the next one, and that
// commit writes a meta page too. So if both meta pages read the same
// before and after the copy (and the copy holds those same bytes), no
// commit finished while we copied, and every page the meta references
// was copied as it was when that meta was written. Transaction ids only
// grow, so "the same bytes" cannot be an old state come back. When a
// commit does land during the copy, we copy again.

// snapshotDirPrefix names the private folders that hold snapshots.
const snapshotDirPrefix = "hmsutvalg-lesing-"

// snapshotStaleAge: a snapshot folder older than this belongs to a
// process that was killed; the next snapshot removes it.
const snapshotStaleAge = 24 * time.Hour

// snapshotTries and snapshotBackoff bound the retries when the file keeps
// changing under the copy (a commit lands during every attempt).
var (
	snapshotTries   = 200
	snapshotBackoff = 20 * time.Millisecond
)

// ErrBusy is returned when no consistent copy could be taken because the
// file changed during every attempt.
var ErrBusy = errors.New("filen endres hele tiden i et annet vindu; prøv igjen om litt")

// snapshot copies path into a new private folder and returns the copy's
// name and a function that removes it.
func snapshot(path string) (string, func(), error) {
	src, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", nil, pathErr(ErrNotExist, path)
		}
		return "", nil, fmt.Errorf("kan ikke lese «%s»: %w", path, err)
	}
	defer src.Close()
	if info, err := src.Stat(); err != nil || !info.Mode().IsRegular() {
		return "", nil, &NotHMSFileError{Path: path, Reason: "ikke en vanlig fil"}
	}
	removeStaleSnapshots()
	dir, err := os.MkdirTemp("", snapshotDirPrefix+"*")
	if err != nil {
		return "", nil, fmt.Errorf("kan ikke lage en midlertidig kopi av «%s»: %w", path, err)
	}
	cleanup := func() { _ = os.RemoveAll(dir) }
	dst := filepath.Join(dir, filepath.Base(path))
	for try := 0; try < snapshotTries; try++ {
		ok, err := copyConsistent(src, dst)
		if err != nil {
			cleanup()
			return "", nil, fmt.Errorf("kan ikke lage en midlertidig kopi av «%s»: %w", path, err)
		}
		if ok {
			return dst, cleanup, nil
		}
		time.Sleep(time.Duration(try%5+1) * snapshotBackoff / 5)
	}
	cleanup()
	return "", nil, fmt.Errorf("«%s»: %w", path, ErrBusy)
}

// metaHeads reads the two meta page headers (at 0 and at the page size
// the first valid one names). A file too short or without a valid meta
// gives whatever bytes are there: a damaged file is then copied as it is
// and the pre-check of the copy says what is wrong.
func metaHeads(r io.ReaderAt) []byte {
	n := pageHeaderSize + metaSize
	buf := make([]byte, 2*n)
	_, _ = r.ReadAt(buf[:n], 0) // a short read leaves zeros: compared all the same
	ps := int64(os.Getpagesize())
	if meta, err := parseMeta(buf[:n]); err == nil {
		ps = int64(meta.pageSize)
	}
	_, _ = r.ReadAt(buf[n:], ps)
	return buf
}

// copyConsistent copies src to dst and reports whether the meta pages
// were the same before, during (in the copy) and after.
func copyConsistent(src *os.File, dst string) (bool, error) {
	before := metaHeads(src)
	out, err := os.OpenFile(dst, os.O_RDWR|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return false, err
	}
	// From the start, and straight from *os.File to *os.File: ReadFrom
	// then copies in the kernel (copy_file_range, or splice), which costs
	// about half the CPU of reading into a buffer and writing it out.
	if _, err = src.Seek(0, io.SeekStart); err == nil {
		_, err = out.ReadFrom(src)
	}
	var inCopy []byte
	if err == nil {
		inCopy = metaHeads(out)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	after := metaHeads(src)
	return bytes.Equal(before, after) && bytes.Equal(before, inCopy), nil
}

// removeStaleSnapshots deletes snapshot folders left by killed processes.
func removeStaleSnapshots() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), snapshotDirPrefix+"*"))
	for _, d := range dirs {
		if info, err := os.Stat(d); err == nil && info.IsDir() && time.Since(info.ModTime()) > snapshotStaleAge {
			_ = os.RemoveAll(d)
		}
	}
}

// openSnapshot is Open for ReadOnly: it opens a snapshot of path. The
// store reports path as its own; Close removes the copy.
func openSnapshot(path string, opts Options, migs []migration) (*Store, error) {
	cp, cleanup, err := snapshot(path)
	if err != nil {
		return nil, err
	}
	s, err := openWith(cp, opts, migs)
	if err != nil {
		cleanup()
		return nil, renamePath(err, cp, path)
	}
	s.path = path
	s.cleanup = cleanup
	return s, nil
}

// renamePath makes an error about the snapshot copy name the real file.
func renamePath(err error, from, to string) error {
	if err == nil {
		return nil
	}
	fix := func(p *string) {
		if *p == from {
			*p = to
		}
	}
	var (
		locked  *LockedError
		nothms  *NotHMSFileError
		newer   *NewerSchemaError
		corrupt *CorruptError
		pe      *pathError
	)
	if errors.As(err, &locked) {
		fix(&locked.Path)
	}
	if errors.As(err, &nothms) {
		fix(&nothms.Path)
	}
	if errors.As(err, &newer) {
		fix(&newer.Path)
	}
	if errors.As(err, &corrupt) {
		fix(&corrupt.Path)
	}
	if errors.As(err, &pe) {
		fix(&pe.path)
	}
	if strings.Contains(err.Error(), from) {
		return &renamedError{msg: strings.ReplaceAll(err.Error(), from, to), err: err}
	}
	return err
}

// renamedError is an error whose text names the real file instead of the
// snapshot copy; errors.Is/As still see the original.
type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }
