package storage

import (
	"os"
	"syscall"
)

// releaseMapped lets go of the pages of the file's memory map that reads
// have touched (madvise MADV_DONTNEED), so a one-shot reader of a large
// file (the report commands) does not keep every register's pages
// resident after decoding it. The map is the read-only snapshot's, or
// the file's own under a shared lock that keeps every writer out (in
// place, inplace.go); either way the file never changes under it, so a
// later read simply faults the pages in again from the page cache:
// nothing is lost, only the process's resident size drops.
func (s *Store) releaseMapped() {
	if !s.oneShot() || s.closed.Load() {
		return
	}
	info, err := os.Stat(s.db.Path())
	if err != nil || info.Size() == 0 {
		return
	}
	addr := s.db.Info().Data
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, addr, uintptr(info.Size()), syscall.MADV_DONTNEED)
}
