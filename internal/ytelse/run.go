package ytelse

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// Run is one timed process.
type Run struct {
	Wall   time.Duration // from start to exit, as the user waits for it
	CPU    time.Duration // user + system time of the process and the children it waited for
	MaxRSS int64         // peak resident memory in bytes of the largest of them; 0 if unknown
}

// Time runs the command to its end and measures it. The command's output
// is discarded unless it fails, when it is part of the error.
func Time(name string, args ...string) (Run, error) {
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Run{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.Bytes())
	}
	r := Run{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	r.MaxRSS = maxRSS(cmd.ProcessState)
	return r, nil
}

// Summary is the median and range of a series of runs.
type Summary struct {
	N                int
	Median, Min, Max time.Duration // wall time
	MedianCPU        time.Duration
	PeakRSS          int64 // the highest of the runs
}

// Summarize returns the summary of runs (the median of an even number is
// the lower middle, so it is always a run that happened).
func Summarize(runs []Run) Summary {
	if len(runs) == 0 {
		return Summary{}
	}
	walls := make([]time.Duration, len(runs))
	cpus := make([]time.Duration, len(runs))
	s := Summary{N: len(runs)}
	for i, r := range runs {
		walls[i], cpus[i] = r.Wall, r.CPU
		s.PeakRSS = max(s.PeakRSS, r.MaxRSS)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	mid := (len(runs) - 1) / 2
	s.Median, s.Min, s.Max, s.MedianCPU = walls[mid], walls[0], walls[len(walls)-1], cpus[mid]
	return s
}

// MiB formats bytes as mebibytes.
func MiB(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
