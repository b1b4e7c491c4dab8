package main

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
// only be given to memory already mapped: one allocation of n bytes makes
// the runtime map them (fresh memory is not touched, so it costs no
// resident memory), the advice is given, and the allocation is let go;
// the heap reuses those addresses, lowest first, as it grows. The result
// says whether the advice was taken.
func preferHugeHeapPages(n int) bool {
	if !hugePagesWanted() {
		return false
	}
	b := make([]byte, n)
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg := (start + hugePageSize - 1) &^ (hugePageSize - 1)
	end := (start + uintptr(n)) &^ (hugePageSize - 1)
	if beg >= end {
		return false
	}
	p := unsafe.Add(unsafe.Pointer(unsafe.SliceData(b)), beg-start)
	err := syscall.Madvise(unsafe.Slice((*byte)(p), end-beg), syscall.MADV_HUGEPAGE)
	runtime.KeepAlive(b)
	return err == nil
}

// hugePagesWanted says whether preferHugeHeapPages will ask:
// HMSUTVALG_NO_HUGEPAGES=1 turns it off, for comparisons.
func hugePagesWanted() bool { return os.Getenv("HMSUTVALG_NO_HUGEPAGES") == "" }
