package storage

import (
	"os"
	"slices"
	"syscall"
	"unsafe"
)

// releaseWindow is the unit the pages of a read are let go of in: the
// kernel maps a file page that is touched together with the pages of its
// 64 kB window that are in the page cache («fault-around»), so those are
// resident too.
const releaseWindow = 64 << 10

// releaseRead lets go of the pages of the file's memory map that hold
// raws, values a one-shot reader (the report commands) has decoded, and
// of the windows around them (madvise MADV_DONTNEED), so reading a large
// file does not keep every register's pages resident. Only those pages:
// the lists are read side by side, and letting go of the whole map after
// each chunk, as before, also dropped the pages the other lists were
// reading, which then took page faults again; that cost the heavy report
// 10 ms (docs/ytelse.md, «Sjette runde»). The map is the read-only
// snapshot's, or the file's own under a shared lock that keeps every
// writer out (inplace.go); either way the file never changes under it,
// so a later read simply faults the pages in again from the page cache:
// nothing is lost, only the process's resident size drops.
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
