package main

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// hugeAdvisedAreas counts this process's mappings the kernel marks as
// advised for huge pages («hg» in /proc/self/smaps).
func hugeAdvisedAreas(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps to read the advice back from: %v", err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmFlags:") && strings.Contains(line+" ", " hg ") {
			n++
		}
	}
	return n
}

func skipWithoutTHP(t *testing.T) {
	t.Helper()
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(b), "[never]") {
		t.Skip("the kernel has transparent huge pages off or not at all, so there is no advice to take")
	}
}

func TestPreferHugeHeapPagesAdvisesTheHeap(t *testing.T) {
	skipWithoutTHP(t)
	before := hugeAdvisedAreas(t)
	if !preferHugeHeapPages(8 << 20) {
		t.Fatal("the kernel did not take the advice")
	}
	if after := hugeAdvisedAreas(t); after <= before {
		t.Fatalf("mappings advised for huge pages: %d before, %d after", before, after)
	}
}

func TestPreferHugeHeapPagesCanBeTurnedOff(t *testing.T) {
	t.Setenv("HMSUTVALG_NO_HUGEPAGES", "1")
	if preferHugeHeapPages(8 << 20) {
		t.Fatal("advice given although HMSUTVALG_NO_HUGEPAGES=1")
	}
}

func TestBoundReportMemoryPutsSettingsBack(t *testing.T) {
	skipWithoutTHP(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gcBefore, limitBefore := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer debug.SetGCPercent(gcBefore)
	restore := boundReportMemory()
	if got := debug.SetGCPercent(reportGCPercent); got != reportGCPercent {
		t.Errorf("GC percent while reporting %d, want %d", got, reportGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != reportMemoryLimit {
		t.Errorf("memory limit while reporting %d, want %d", got, reportMemoryLimit)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after the report %d, want 100 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limitBefore {
		t.Errorf("memory limit after the report %d, want %d back", got, limitBefore)
	}
}
