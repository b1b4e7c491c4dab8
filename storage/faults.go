package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// ErrFileReplaced is returned by every write after the database file was
// moved, deleted or replaced while the program had it open: bbolt would
// go on writing into the old file, which nobody would ever see again.
var ErrFileReplaced = errors.New("databasefilen er flyttet, slettet eller erstattet")

// ErrDiskFull is wrapped by a write that failed because the disk (or the
// user's quota, or the largest file allowed) is full.
var ErrDiskFull = errors.New("disken er full")

// sameFile reports ErrFileReplaced if path no longer names the file this
// store opened (checked before every write; a stat costs microseconds).
func (s *Store) sameFile() error {
	if s.opened == nil {
		return nil
	}
	now, err := os.Stat(s.path)
	if err != nil || !os.SameFile(now, s.opened) {
		return fmt.Errorf("Endringen ble ikke lagret: databasefilen «%s» er flyttet, slettet eller erstattet mens programmet hadde den åpen. Kopier det du har skrevet, lukk programmet og åpne filen på nytt: %w", s.path, ErrFileReplaced)
	}
	return nil
}

// isDiskFull recognises a full disk, a full quota and a file size limit.
// bbolt sometimes formats the cause with %s, so the text is checked too.
func isDiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG) || isQuota(err) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "no space left") || strings.Contains(s, "file too large") || strings.Contains(s, "quota exceeded")
}

// writeFailed turns the error of a failed write transaction into a
// sentence that says what happened. The transaction was rolled back, so
// the file holds every earlier change and none of this one.
func (s *Store) writeFailed(err error) error {
	switch {
	case isDiskFull(err):
		return fmt.Errorf("Endringen ble ikke lagret fordi det ikke er mer plass på disken der databasen «%s» ligger. Tidligere endringer er trygge. Frigjør plass og lagre igjen: %w (%v)", s.path, ErrDiskFull, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("Endringen ble ikke lagret fordi databasen «%s» ikke lenger kan skrives (skrivebeskyttet fil eller disk). Tidligere endringer er trygge: %w", s.path, err)
	}
	return err
}
