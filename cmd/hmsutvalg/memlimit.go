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

// boundReportMemory sets reportMemoryLimit unless the user set GOMEMLIMIT,
// and returns the function that puts the previous limit back.
func boundReportMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(reportMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}
