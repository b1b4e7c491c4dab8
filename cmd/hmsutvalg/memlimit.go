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
// the limit only makes the collector work harder. docs/ytelse.md («Lasting per år») has
// the measurements.
const reportMemoryLimit = 72 << 20

// boundReportMemory sets reportMemoryLimit unless the user set GOMEMLIMIT,
// and returns the function that puts the previous limit back.
func boundReportMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(reportMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}
