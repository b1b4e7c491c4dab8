package storage

import (
	"os"
	"slices"
	"syscall"
	"unsafe"
)

// releaseWindow is the unit the pages of a read are let go of in: a
// touched file page is mapped together with neighbours the page cache
// holds (the kernel's «fault-around», and whole large folios of up to
// 2 MB on newer kernels), so those are resident too. With 64 kB windows
// a one-shot read of 40 MB of photos kept 7 MB of the file resident,
// with 2 MB windows 1.3 MB (TestOneShotReadOfPhotosLetsGoOfTheirPages);
// the heavy report takes the same time either way.
const releaseWindow = 2 << 20

// releaseRead lets go of the pages of the file's memory map that hold
// raws, values a one-shot reader (the report commands) has decoded or
// copied, and of the windows around them (madvise MADV_DONTNEED), so
// reading a large file does not keep every register's pages resident.
// Only those pages: the lists are read side by side, and letting go of
// the whole map after each chunk, as before, also dropped the pages the
// other lists were reading, which then took page faults again
// (docs/ytelse.md, «Sjette runde»). The map is the read-only snapshot's,
// or the file's own under a shared lock that keeps every writer out
// (inplace.go); either way the file never changes under it, so a later
// read simply faults the pages in again from the page cache: nothing is
// lost, only the process's resident size drops.
func (s *Store) releaseRead(raws [][]byte) {
	if !s.oneShot() || s.closed.Load() || len(raws) == 0 {
		return
	}
	info, err := os.Stat(s.db.Path())
	if err != nil || info.Size() == 0 {
		return
	}
	base := s.db.Info().Data
	for _, r := range mappedRanges(raws, base, base+uintptr(info.Size())) {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, r.lo, r.hi-r.lo, syscall.MADV_DONTNEED)
	}
}

// releaseBehind adds next, a value just read, to held, values read before
// it whose pages are not let go of yet, after letting go of those (as
// releaseRead) when next does not begin in the window where the last of
// them ends: a reader going through values in file order (the report's
// thumbnails) lets go of each window once, after its last value.
func (s *Store) releaseBehind(held [][]byte, next []byte) [][]byte {
	if n := len(held); n > 0 && len(next) > 0 {
		last := held[n-1]
		end := uintptr(unsafe.Pointer(unsafe.SliceData(last))) + uintptr(len(last))
		if (end-1)/releaseWindow != uintptr(unsafe.Pointer(unsafe.SliceData(next)))/releaseWindow {
			s.releaseRead(held)
			held = held[:0]
		}
	}
	return append(held, next)
}

// addrRange is the addresses lo up to hi.
type addrRange struct{ lo, hi uintptr }

// mappedRanges returns the releaseWindow-aligned ranges that cover raws,
// joined where they touch, inside the map from base to end (a value
// outside it, which a read-only bbolt transaction never returns, is left
// alone).
func mappedRanges(raws [][]byte, base, end uintptr) []addrRange {
	out := make([]addrRange, 0, len(raws))
	for _, raw := range raws {
		at := uintptr(unsafe.Pointer(unsafe.SliceData(raw)))
		if len(raw) == 0 || at < base || at+uintptr(len(raw)) > end {
			continue
		}
		lo := max(base, at&^(releaseWindow-1))
		hi := min(end, (at+uintptr(len(raw))+releaseWindow-1)&^(releaseWindow-1))
		out = append(out, addrRange{lo, hi})
	}
	slices.SortFunc(out, func(a, b addrRange) int {
		switch {
		case a.lo < b.lo:
			return -1
		case a.lo > b.lo:
			return 1
		}
		return 0
	})
	joined := out[:0]
	for _, r := range out {
		if n := len(joined); n > 0 && r.lo <= joined[n-1].hi {
			joined[n-1].hi = max(joined[n-1].hi, r.hi)
			continue
		}
		joined = append(joined, r)
	}
	return joined
}
