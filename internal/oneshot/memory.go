package oneshot

import (
	"os"
	"runtime/debug"
)

// reportMemoryLimit is the soft limit of the Go heap while a report is
// made (runtime/debug.SetMemoryLimit): the collector then runs before the
// heap doubles over what is live, which keeps a large unit's report (500
// pages) under 100 MiB resident instead of 170 MiB, at the cost of a few
// more collections. Live data above the limit is still allowed; the limit
// only makes the collector work harder. docs/ytelse.md («Lasting per år»,
// «Fjerde runde», «Femte runde») has the measurements: 54 MiB since the
// heap got huge pages (heap_linux.go), whose 2 MB pages make the same heap
// a few MiB more resident; the heavy (scale 50) report's heap stays under
// it, and a freshly linked binary (its code mapped in 2 MB pages, about 10
// MiB more resident than an installed copy) stays under 100 MiB at 500
// pages.
const reportMemoryLimit = 54 << 20

// reportGCPercent is the collector's GOGC while a report is made where
// the heap gets huge pages (heap_linux.go): with few page faults a
// larger heap between collections pays (docs/ytelse.md, «Femte runde»).
// The memory limit above still bounds the heap.
const reportGCPercent = 200

// BoundMemory sets the memory settings of a one-shot command (report,
// export) unless the command's early start (early.go) has: the collector
// at reportGCPercent and huge pages for the heap where the system has them,
// then reportMemoryLimit, each unless the user set GOGC or GOMEMLIMIT. It
// returns the function that puts the previous settings back (nothing to
// put back when the early start set them: the process ends with the
// command).
func BoundMemory() (restore func()) {
	if early.bound.Load() {
		return func() {}
	}
	return boundMemory()
}

func boundMemory() (restore func()) {
	var undo []func()
	// The collector's setting first: the reserve below allocates 48 MB,
	// and under the default it ran with its own collection, which cost
	// more page faults and time than it saved (docs/ytelse.md).
	if hugePagesWanted() && os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(reportGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(prev) })
	}
	// The reserve before the limit: with the limit set, the 48 MB
	// allocated (and let go of) at once pushed the heap against it, and
	// the runtime collected and returned memory to the system on the way,
	// 9 ms instead of 3 (docs/ytelse.md, «Sjette runde»).
	preferHugeHeapPages(reportHeapReserve)
	if os.Getenv("GOMEMLIMIT") == "" {
		prev := debug.SetMemoryLimit(reportMemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(prev) })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}
