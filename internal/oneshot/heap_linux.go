package oneshot

import (
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// reportHeapReserve is how much of the heap's address space
// preferHugeHeapPages claims: more than a heavy report's heap at
// reportGCPercent (docs/ytelse.md, «Femte runde»: 16, 32, 48 and 64 MB
// tried; 48 was the smallest as fast as 64).
const reportHeapReserve = 48 << 20

// hugePageSize is the x86-64 and arm64 transparent huge page size.
const hugePageSize = 2 << 20

// preferHugeHeapPages asks the kernel to back the next n bytes of the Go
// heap with transparent huge pages (madvise MADV_HUGEPAGE), for a
// one-shot command that builds up its heap from nothing: the heavy annual
// report otherwise takes 6 000 page faults of fresh 4 kB pages, a fifth
// of its CPU time on a virtual machine. Most distributions set THP to
// «madvise», where only memory that asks gets huge pages, and the Go
// runtime does not ask for the heap.
//
// The runtime maps heap memory as it first needs it, so the advice can
// only be given to memory already mapped: allocations of n bytes in all
// make the runtime map them, the advice is given for the addresses they
// span, and they are let go; the heap reuses those addresses, lowest
// first, as it grows. The allocations are 2 MB each because the runtime
// clears a whole allocation when any of its pages was used before (the
// start-up's freed heap): one allocation of 48 MB then cost 150 ms of
// clearing in one run of three; 2 MB ones clear at most what was used.
// Fresh memory is not touched, so the reserve costs no resident memory.
// The result says whether the advice was taken.
func preferHugeHeapPages(n int) bool {
	_, _, ok := adviseHugeHeap(n)
	return ok
}

// adviseHugeHeap is preferHugeHeapPages, also returning the addresses
// advised.
func adviseHugeHeap(n int) (beg, end uintptr, ok bool) {
	if !hugePagesWanted() {
		return 0, 0, false
	}
	lo, hi := ^uintptr(0), uintptr(0)
	held := make([][]byte, 0, n/hugePageSize)
	for range n / hugePageSize {
		b := make([]byte, hugePageSize)
		at := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		lo, hi = min(lo, at), max(hi, at+hugePageSize)
		held = append(held, b)
	}
	beg = (lo + hugePageSize - 1) &^ (hugePageSize - 1)
	end = hi &^ (hugePageSize - 1)
	if beg >= end {
		return 0, 0, false
	}
	// Raw addresses: the range spans many allocations (all heap, all
	// mapped); madvise only reads the addresses.
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, syscall.MADV_HUGEPAGE)
	runtime.KeepAlive(held)
	return beg, end, errno == 0
}

// hugePagesWanted says whether preferHugeHeapPages will ask:
// HMSUTVALG_NO_HUGEPAGES=1 turns it off, for comparisons.
func hugePagesWanted() bool { return os.Getenv("HMSUTVALG_NO_HUGEPAGES") == "" }
