//go:build !unix

package ytelse

import (
	"os"
	"time"
)

// maxRSS is not measured here.
func maxRSS(*os.ProcessState) int64 { return 0 }

// ProcessCPU is not measured here.
func ProcessCPU() time.Duration { return 0 }
