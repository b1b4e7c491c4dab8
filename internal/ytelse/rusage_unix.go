//go:build unix

package ytelse

import (
	"os"
	"runtime"
	"syscall"
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
