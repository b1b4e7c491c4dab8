package main

import (
	"os"
	"runtime/debug"
)

// reportMemoryLimit is the soft limit of the Go heap while a report is
// made (runtime/debug.SetMemoryLimit): the collector then runs before the
// heap doubles over what is live, which keeps a large unit's report (500
// pages) under about 100 MiB resident instead of 170 MiB, at the cost of
// a few more collections. Live data above the limit is still allowed;
// the limit only makes the collector work harder. docs/ytelse.md («Lasting
// per år», «Fjerde runde») has the measurements: 60 MiB since the pages'
// content left gofpdf's buffers (live heap at most about 35 MB at 500
// pages), which leaves room under 100 MiB for a freshly linked binary,
// whose code the kernel maps in 2 MB pages (about 10 MiB more resident).
const reportMemoryLimit = 60 << 20

// reportGCPercent is the collector's GOGC while a report is made where
// the heap gets huge pages (heap_linux.go): with few page faults a
// larger heap between collections pays (docs/ytelse.md, «Femte runde»).
// The memory limit above still bounds the heap.
const reportGCPercent = 200

// boundReportMemory sets reportMemoryLimit unless the user set GOMEMLIMIT,
// asks for huge pages for the heap where the system has them, and returns
// the function that puts the previous settings back.
func boundReportMemory() (restore func()) {
	var undo []func()
	if os.Getenv("GOMEMLIMIT") == "" {
		prev := debug.SetMemoryLimit(reportMemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(prev) })
	}
	// The collector's setting first: the reserve below is one large
	// allocation, and a collection started by it under the default would
	// give its pages back and take them again in small pages.
	if hugePagesWanted() && os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(reportGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(prev) })
	}
	preferHugeHeapPages(reportHeapReserve)
	return func() {
		for _, f := range undo {
			f()
		}
	}
}
