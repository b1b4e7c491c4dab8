//go:build !linux

package oneshot

// reportHeapReserve is unused where preferHugeHeapPages does nothing.
const reportHeapReserve = 0

// preferHugeHeapPages does nothing outside Linux (heap_linux.go).
func preferHugeHeapPages(int) bool { return false }

// hugePagesWanted is false where there is no preferHugeHeapPages.
func hugePagesWanted() bool { return false }
