//go:build !windows

package storage

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const fullHelperEnv = "HMSUTVALG_TEST_DISKFULL" // database path; set only in the helper

// fullLimit is how far the helper's file may grow (RLIMIT_FSIZE) beyond
// its size at the start.
const fullLimit = 256 << 10

// TestDiskFullHelper writes measures with long descriptions under a file
// size limit until a write fails, acknowledging each one, then tries one
// more and closes the store.
func TestDiskFullHelper(t *testing.T) {
	path := os.Getenv(fullHelperEnv)
	if path == "" {
		t.Skip("runs only as a helper process")
	}
	info, err := os.Stat(path)
	if err != nil {
		fmt.Println("RESULT:", err)
		return
	}
	signal.Ignore(syscall.SIGXFSZ) // a write beyond the limit then fails with EFBIG
	lim := syscall.Rlimit{Cur: uint64(info.Size() + fullLimit), Max: uint64(info.Size() + fullLimit)}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		fmt.Println("RESULT:", err)
		return
	}
	s, err := Open(path, Options{NoBackup: true})
	if err != nil {
		fmt.Println("RESULT:", err)
		return
	}
	day := date(2026, time.March, 2)
	for i := 0; i < 10000; i++ {
		m := testMeasure(fmt.Sprintf("Tiltak %d", i))
		m.Description = strings.Repeat("Lang beskrivelse. ", 200)
		saved, err := s.SaveMeasure(m, day)
		if err != nil {
			fmt.Printf("FAIL %d %s\n", i, strings.ReplaceAll(err.Error(), "\n", " "))
			break
		}
		fmt.Printf("ack %d\n", saved.ID)
	}
	_, err = s.SaveMeasure(testMeasure("Lite tiltak etterpå"), day)
	fmt.Printf("AFTER %v\n", err)
	fmt.Printf("CLOSE %v\n", s.Close())
}

// Disk full: a child process writes under a file size limit
// (RLIMIT_FSIZE, the same EFBIG/ENOSPC path as a full disk) until a write
// fails. The failure says that the disk is full and that earlier changes
// are safe; afterwards the file passes Check and holds every acknowledged
// write. (A real full file system, e.g. a small tmpfs, needs mount rights
// the tests do not assume.)
func TestDiskFullKeepsAcknowledgedWrites(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), fullHelperEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	var acked []uint64
	var fail, after string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "ack "):
			id, _ := strconv.ParseUint(strings.TrimPrefix(line, "ack "), 10, 64)
			acked = append(acked, id)
		case strings.HasPrefix(line, "FAIL "):
			fail = line
		case strings.HasPrefix(line, "AFTER "):
			after = line
		}
	}
	if fail == "" || len(acked) == 0 {
		t.Fatalf("the helper never hit the limit, or never wrote:\n%.2000s", out)
	}
	if !strings.Contains(fail, "mer plass på disken") || !strings.Contains(fail, "Tidligere endringer er trygge") {
		t.Errorf("the message does not say what happened: %s", fail)
	}
	t.Logf("%d writes acknowledged before the limit; %s; %s", len(acked), fail, after)
	rep := mustCheckOK(t, path)
	s, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range acked {
		if _, err := s.Measure(id); err != nil {
			t.Fatalf("acknowledged measure %d is missing after the disk ran full: %v", id, err)
		}
	}
	if rep.Counts[bucketMeasures] < len(acked) {
		t.Errorf("check counts %d measures, %d were acknowledged", rep.Counts[bucketMeasures], len(acked))
	}
	// With room again, writing works.
	if _, err := s.SaveMeasure(testMeasure("Etter opprydding"), date(2026, time.March, 3)); err != nil {
		t.Fatalf("write after the disk has room again: %v", err)
	}
}
