//go:build unix

package ytelse

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// maxRSS is the peak RSS the kernel reports for an ended process: ru_maxrss
// of wait4, the largest of the process and the descendants it waited for.
// Linux counts it in KiB, macOS in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}

// ProcessCPU is the user and system time this process has used so far, on
// all its threads.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
