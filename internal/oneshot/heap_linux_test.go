package oneshot

import (
	"os"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// hugeAdvised reports whether every address in [beg, end) lies in a
// mapping the kernel marks as advised for huge pages («hg» in
// /proc/self/smaps).
func hugeAdvised(t *testing.T, beg, end uintptr) bool {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps to read the advice back from: %v", err)
	}
	covered := beg
	var lo, hi uint64
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			a, z, _ := strings.Cut(f[0], "-")
			lo, _ = strconv.ParseUint(a, 16, 64)
			hi, _ = strconv.ParseUint(z, 16, 64)
			continue
		}
		if strings.HasPrefix(line, "VmFlags:") && strings.Contains(line+" ", " hg ") &&
			uintptr(lo) <= covered && covered < uintptr(hi) {
			covered = min(uintptr(hi), end)
		}
	}
	return covered >= end
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
	beg, end, ok := adviseHugeHeap(8 << 20)
	if !ok {
		t.Fatal("the kernel did not take the advice")
	}
	if !hugeAdvised(t, beg, end) {
		t.Fatalf("%#x–%#x is not advised for huge pages in /proc/self/smaps", beg, end)
	}
	// The reading of smaps can say no: the program's code is not advised.
	if code := reflect.ValueOf(hugeAdvised).Pointer(); hugeAdvised(t, code, code+1) {
		t.Fatal("the program's code reads as advised for huge pages")
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
	restore := BoundMemory()
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
