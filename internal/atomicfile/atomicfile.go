// Package atomicfile holds the few file-system steps every file the
// program saves goes through, so that a crash or a power cut never leaves
// an empty or half-written report, export, backup or database at its name:
// write under a temporary name in the same folder, fsync the file, rename
// it into place, fsync the folder. Temporary files a killed process left
// behind are removed by RemoveStale.
package atomicfile

import (
	"os"
	"path/filepath"
	"time"
)

// SyncDir makes a rename in dir durable. On Windows a directory cannot be
// flushed; Rename there asks for write-through instead (rename_windows.go).
// Some file systems refuse to sync a folder; the rename has still happened,
// so that is not reported.
func SyncDir(dir string) {
	syncDir(dir)
}

// Rename moves tmp to final (replacing final if it exists) and makes the
// rename durable.
func Rename(tmp, final string) error {
	if err := rename(tmp, final); err != nil {
		return err
	}
	SyncDir(filepath.Dir(final))
	return nil
}

// RemoveStale deletes files in dir whose names match (one of our own
// temporary-name patterns), that were last written more than age ago and
// that no process holds a lock on (a bbolt file being built holds one).
// It returns how many it removed. Errors are ignored: a stale file we
// cannot remove costs disk space, not data.
func RemoveStale(dir string, match func(name string) bool, age time.Duration) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !match(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < age {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if inUse(p) {
			continue
		}
		if os.Remove(p) == nil {
			n++
		}
	}
	return n
}
