package storage_test

// Crash test. A helper process (this test binary, started again with
// HMSUTVALG_CRASH_HELPER set) opens a real database file with storage.Open
// and writes through the storage layer in a loop: new committee members,
// deletions of the oldest member, and unit updates. After each write has
// returned without error it prints one line "ack <n> <kind> <value>" to
// stdout. TestCrashKill kills the helper with SIGKILL at a random moment,
// reopens the file and checks that
//
//   - storage.Check reports no problems, and storage.Open accepts the file;
//   - every record decodes (Members, Unit and Changes read them all);
//   - every acknowledged write is there, exactly as written, with its
//     change-log entry, and the change log has no gaps (Seq 1..N);
//   - besides the acknowledged writes at most the one write that was in
//     flight is there, and then completely: the record and its log entry,
//     never one without the other;
//   - the record counts from Check match what was read.
//
// The same file is killed again and again (TestCrashKill continues where the
// previous helper stopped): 150 times, 20 with -short.
//
// Backups: the helper opens the file like the program does, without
// NoBackup, so every start makes an automatic backup and some kills land in
// the middle of one (the short time-based delays are there to hit Open and
// the backup, the acknowledgement-based ones to hit writes). Each backup is
// verified once: it must pass Check and its change log must be a prefix of
// the main file's history, with the members that prefix implies (a backup is
// a snapshot of one committed state). Temporary files left by a backup the
// kill interrupted are counted and logged, not treated as errors: the
// program ignores them.
//
// What this does not show: SIGKILL ends the process at an arbitrary
// instruction, but the kernel keeps its page cache, so this is a crash of
// the program, not a power failure or OS crash; surviving those rests on
// bbolt's fsync before the meta page is written.
//
// The random schedule comes from a logged seed; HMSUTVALG_CRASH_SEED=<seed>
// repeats it (the exact kill instants still depend on the scheduler).
// HMSUTVALG_CRASH_KILLS=<n> changes the number of kills.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

const (
	crashHelperEnv = "HMSUTVALG_CRASH_HELPER" // database path; set only in the helper
	crashStartEnv  = "HMSUTVALG_CRASH_START"  // number of the helper's first write
	crashSeedEnv   = "HMSUTVALG_CRASH_SEED"
	crashKillsEnv  = "HMSUTVALG_CRASH_KILLS"
	crashWritesEnv = "HMSUTVALG_CRASH_WRITES" // writes per helper run (default crashWritesPerRun)
	crashSoakEnv   = "HMSUTVALG_SOAK"         // run TestCrashKill for this long instead of a number of kills
	crashPauseEnv  = "HMSUTVALG_CRASH_PAUSE"  // pause between the helper's writes (a duration; default none)

	crashUser = "krasjtest"

	// crashMaxMembers keeps the committee small: at this size the helper
	// deletes the oldest member instead of adding one, so deletes are
	// exercised and ValidateCommittee (quadratic) stays cheap.
	crashMaxMembers = 24
	// crashWritesPerRun caps one helper run; it is killed long before.
	crashWritesPerRun = 300
	// crashHelperLifetime: a helper nobody kills (the test died) gives up.
	crashHelperLifetime = 60 * time.Second
	// crashRoundTimeout: the longest a round may wait for the helper.
	crashRoundTimeout = 15 * time.Second

	// crashStartEmployees is a value no unit write produces (see planCrashWrite).
	crashStartEmployees = model.MaxEmployees
)

// Kinds of writes.
const (
	opCreate = "create" // SaveMember with a new member
	opDelete = "delete" // DeleteMember of the oldest member
	opUnit   = "unit"   // SaveUnit with a new number of employees
)

// crashOp is one planned write.
type crashOp struct {
	kind      string
	member    model.CommitteeMember // opCreate: the new member (ID 0); opDelete: the member removed
	employees int                   // opUnit
}

// planCrashWrite decides write n from the members present before it
// (sorted by ID, as Store.Members returns them). The helper and the test
// both call it, so the test knows exactly what the unacknowledged write in
// flight would have changed.
func planCrashWrite(n int, members []model.CommitteeMember) crashOp {
	switch {
	case n%3 == 0:
		// Consecutive unit writes differ in n by at least 3, so each is a
		// real change; n stays far below MaxEmployees, so the value never
		// equals crashStartEmployees.
		return crashOp{kind: opUnit, employees: 1 + n%model.MaxEmployees}
	case len(members) >= crashMaxMembers:
		return crashOp{kind: opDelete, member: members[0]}
	default:
		roles := model.Roles()
		from := model.NewDate(2020, time.January, 1).AddDays(n % 3000)
		m := model.CommitteeMember{
			Name: fmt.Sprintf("Krasjtest %06d", n), // unique, so ValidateCommittee never objects
			Role: roles[n%len(roles)],
			From: from,
		}
		if n%2 == 0 {
			m.To = from.AddDays(365)
		}
		return crashOp{kind: opCreate, member: m}
	}
}

// TestCrashHelper is the helper process; it does nothing in a normal run.
func TestCrashHelper(t *testing.T) {
	path := os.Getenv(crashHelperEnv)
	if path == "" {
		t.Skip("runs only as the helper process of TestCrashKill")
	}
	die := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "crash helper: "+format+"\n", args...)
		os.Exit(3)
	}
	start, err := strconv.Atoi(os.Getenv(crashStartEnv))
	if err != nil || start < 1 {
		die("bad %s: %q", crashStartEnv, os.Getenv(crashStartEnv))
	}
	// Like the program: writable, with the automatic backup.
	s, err := storage.Open(path, storage.Options{User: crashUser, LockTimeout: 5 * time.Second})
	if err != nil {
		die("open: %v", err)
	}
	deadline := time.Now().Add(crashHelperLifetime)
	limit := crashWritesPerRun
	if v, err := strconv.Atoi(os.Getenv(crashWritesEnv)); err == nil && v > 0 {
		limit = v
	}
	pause, _ := time.ParseDuration(os.Getenv(crashPauseEnv))
	for n := start; n < start+limit && time.Now().Before(deadline); n++ {
		time.Sleep(pause)
		members, err := s.Members()
		if err != nil {
			die("members before write %d: %v", n, err)
		}
		op := planCrashWrite(n, members)
		var value uint64
		switch op.kind {
		case opCreate:
			var m model.CommitteeMember
			m, err = s.SaveMember(op.member)
			value = m.ID
		case opDelete:
			err = s.DeleteMember(op.member.ID)
			value = op.member.ID
		case opUnit:
			var u model.Unit
			if u, err = s.Unit(); err == nil {
				u.Employees = op.employees
				err = s.SaveUnit(u)
			}
			value = uint64(op.employees)
		}
		if err != nil {
			die("write %d (%s): %v", n, op.kind, err)
		}
		// The write is committed: acknowledge it. os.Stdout is unbuffered,
		// so this is one write(2) to the pipe, and a line this short
		// (< PIPE_BUF) arrives whole or not at all.
		if _, err := fmt.Fprintf(os.Stdout, "ack %d %s %d\n", n, op.kind, value); err != nil {
			die("stdout: %v", err)
		}
	}
	time.Sleep(time.Until(deadline)) // wait to be killed
	die("not killed within %v", crashHelperLifetime)
}

// changeKey is what the test knows in advance about a change-log entry.
type changeKey struct {
	entity string
	id     uint64
	kind   storage.ChangeKind
}

// crashModel is the state the file must have.
type crashModel struct {
	members []model.CommitteeMember // sorted by ID
	unit    model.Unit
	changes []changeKey // oldest first
	nextID  uint64      // the ID the next new member gets
	// names of created members, by ID, for the change-log summaries
	names map[uint64]string
}

func (m crashModel) clone() crashModel {
	c := m
	c.members = append([]model.CommitteeMember(nil), m.members...)
	c.changes = append([]changeKey(nil), m.changes...)
	c.unit.Departments = append([]string(nil), m.unit.Departments...)
	c.names = make(map[uint64]string, len(m.names))
	for k, v := range m.names {
		c.names[k] = v
	}
	return c
}

// apply records op and returns what its acknowledgement must report.
func (m *crashModel) apply(op crashOp) uint64 {
	switch op.kind {
	case opCreate:
		mem := op.member
		mem.ID = m.nextID
		m.nextID++
		m.members = append(m.members, mem)
		m.names[mem.ID] = mem.Name
		m.changes = append(m.changes, changeKey{storage.EntityMember, mem.ID, storage.ChangeCreated})
		return mem.ID
	case opDelete:
		for i, mem := range m.members {
			if mem.ID == op.member.ID {
				m.members = append(m.members[:i], m.members[i+1:]...)
				break
			}
		}
		m.changes = append(m.changes, changeKey{storage.EntityMember, op.member.ID, storage.ChangeDeleted})
		return op.member.ID
	default:
		m.unit.Employees = op.employees
		m.changes = append(m.changes, changeKey{storage.EntityUnit, 1, storage.ChangeUpdated})
		return uint64(op.employees)
	}
}

// crashState is what a file holds, read through the storage layer.
type crashState struct {
	members []model.CommitteeMember
	unit    model.Unit
	changes []storage.Change // oldest first
}

// readCrashState opens path and reads every record; every one must decode.
func readCrashState(path string, opts storage.Options) (crashState, error) {
	var st crashState
	s, err := storage.Open(path, opts)
	if err != nil {
		return st, fmt.Errorf("Open: %w", err)
	}
	defer s.Close()
	if st.members, err = s.Members(); err != nil {
		return st, fmt.Errorf("Members: %w", err)
	}
	if st.unit, err = s.Unit(); err != nil {
		return st, fmt.Errorf("Unit: %w", err)
	}
	newest, err := s.Changes(0)
	if err != nil {
		return st, fmt.Errorf("Changes: %w", err)
	}
	for i := len(newest) - 1; i >= 0; i-- {
		st.changes = append(st.changes, newest[i])
	}
	return st, s.Close()
}

// checkChangeLog verifies the entries themselves: numbered 1..N without
// gaps, complete, and written by the helper after the initial entries.
func checkChangeLog(changes []storage.Change, initial int, names map[uint64]string) string {
	for i, c := range changes {
		if c.Seq != uint64(i+1) {
			return fmt.Sprintf("change-log entry %d has Seq %d", i+1, c.Seq)
		}
		if c.Time.IsZero() || c.Summary == "" || c.Kind == "" {
			return fmt.Sprintf("change-log entry %d is incomplete: %+v", c.Seq, c)
		}
		if i < initial {
			continue
		}
		if c.User != crashUser {
			return fmt.Sprintf("change-log entry %d has user %q, want %q", c.Seq, c.User, crashUser)
		}
		if c.Entity == storage.EntityMember && !strings.Contains(c.Summary, names[c.EntityID]) {
			return fmt.Sprintf("change-log entry %d does not name member %d %q: %q", c.Seq, c.EntityID, names[c.EntityID], c.Summary)
		}
	}
	return ""
}

// diff returns "" if st is exactly the state m describes, else the first
// difference.
func (m crashModel) diff(st crashState) string {
	if len(st.changes) != len(m.changes) {
		return fmt.Sprintf("change log has %d entries, want %d", len(st.changes), len(m.changes))
	}
	for i, c := range st.changes {
		if got := (changeKey{c.Entity, c.EntityID, c.Kind}); got != m.changes[i] {
			return fmt.Sprintf("change-log entry %d is %+v, want %+v", i+1, got, m.changes[i])
		}
	}
	if len(st.members) != len(m.members) {
		return fmt.Sprintf("%d members, want %d", len(st.members), len(m.members))
	}
	for i := range st.members {
		if st.members[i] != m.members[i] {
			return fmt.Sprintf("member %d is %+v, want %+v", i, st.members[i], m.members[i])
		}
	}
	if !reflect.DeepEqual(st.unit, m.unit) {
		return fmt.Sprintf("unit is %+v, want %+v", st.unit, m.unit)
	}
	return ""
}

// crashRun is the state of TestCrashKill across rounds.
type crashRun struct {
	t       *testing.T
	exe     string
	path    string
	seed    uint64
	rng     *rand.Rand
	model   crashModel // committed state
	initial int        // change-log entries made by Create
	next    int        // number of the next write
	round   int

	seenBackups map[string]bool

	// statistics, logged at the end
	acks, noAck, inFlightKept, backupsChecked, tmpFiles int
	maxBackups                                          int
}

func (r *crashRun) fatalf(format string, args ...any) {
	r.t.Helper()
	r.t.Fatalf("seed %d, kill %d: "+format, append([]any{r.seed, r.round}, args...)...)
}

func TestCrashKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL and Unix pipe semantics; Windows (TerminateProcess, mandatory file locks) is not covered")
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(crashSeedEnv); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("%s: %v", crashSeedEnv, err)
		}
	}
	kills := 150
	if testing.Short() {
		kills = 20
	}
	if v := os.Getenv(crashKillsEnv); v != "" {
		var err error
		if kills, err = strconv.Atoi(v); err != nil || kills < 1 {
			t.Fatalf("%s: %q", crashKillsEnv, v)
		}
	}
	var soak time.Duration // make soak: kill for this long instead of a number of times
	if v := os.Getenv(crashSoakEnv); v != "" {
		var err error
		if soak, err = time.ParseDuration(v); err != nil || soak <= 0 {
			t.Fatalf("%s: %q", crashSoakEnv, v)
		}
		kills = math.MaxInt
		t.Logf("seed %d, killing for %v (repeat with %s=%d)", seed, soak, crashSeedEnv, seed)
	} else {
		t.Logf("seed %d, %d kills (repeat with %s=%d)", seed, kills, crashSeedEnv, seed)
	}

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hmsutvalg.db")
	s, err := storage.Create(path, model.Unit{
		Name:         "Krasjtest sykehjem",
		Municipality: "Eksempel kommune",
		Sector:       model.SectorSykehjem,
		Employees:    crashStartEmployees,
		Departments:  []string{"Avdeling A", "Avdeling B"},
	}, storage.Options{User: crashUser, NoBackup: true})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := readCrashState(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.members) != 0 || len(st.changes) == 0 {
		t.Fatalf("new database: %d members, %d change-log entries", len(st.members), len(st.changes))
	}
	r := &crashRun{
		t: t, exe: exe, path: path, seed: seed,
		rng:         rand.New(rand.NewPCG(seed, 0x6b72617368)),
		initial:     len(st.changes),
		next:        1,
		seenBackups: map[string]bool{},
		model:       crashModel{unit: st.unit, nextID: 1, names: map[uint64]string{}},
	}
	for _, c := range st.changes {
		r.model.changes = append(r.model.changes, changeKey{c.Entity, c.EntityID, c.Kind})
	}

	began := time.Now()
	for r.round = 1; r.round <= kills; r.round++ {
		r.killOnce()
		if soak > 0 && time.Since(began) >= soak {
			kills = r.round
			break
		}
	}
	t.Logf("%d kills in %v: %d acknowledged writes (%d kills before the first one), "+
		"%d unacknowledged writes found committed, %d members and %d change-log entries at the end, "+
		"%d backups checked (at most %d at once), %d temporary files left by interrupted backups",
		kills, time.Since(began).Round(time.Millisecond), r.acks, r.noAck, r.inFlightKept,
		len(r.model.members), len(r.model.changes), r.backupsChecked, r.maxBackups, r.tmpFiles)
	if r.acks < kills {
		t.Errorf("only %d acknowledged writes in %d kills: the helper hardly wrote, the test proves little", r.acks, kills)
	}
}

// killOnce runs one helper, kills it and verifies the file.
func (r *crashRun) killOnce() {
	r.t.Helper()
	// Kill either a random time after the start (0-40 ms: start-up, Open,
	// backup or the first writes) or a random short time (0-2 ms) after a
	// random number of acknowledgements (0-29).
	afterAcks, delay := 0, time.Duration(r.rng.Int64N(int64(40*time.Millisecond)))
	if r.rng.IntN(2) == 1 {
		afterAcks, delay = r.rng.IntN(30), time.Duration(r.rng.Int64N(int64(2*time.Millisecond)))
	}
	start := r.next

	cmd := exec.Command(r.exe, "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+r.path, fmt.Sprintf("%s=%d", crashStartEnv, start))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		r.fatalf("%v", err)
	}
	if err := cmd.Start(); err != nil {
		r.fatalf("start helper: %v", err)
	}
	defer func() {
		if cmd.ProcessState == nil { // a failed assertion below
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	}()
	lines := make(chan string, 1024)
	go func() {
		defer close(lines)
		br := bufio.NewReader(stdout)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				// A piece without newline is not an acknowledgement.
				_, _ = io.Copy(io.Discard, br)
				return
			}
			lines <- strings.TrimSuffix(line, "\n")
		}
	}()

	var other []string // stdout lines that are not acknowledgements
	acked := r.model.clone()
	nAcks := 0
	record := func(line string) {
		f := strings.Fields(line)
		if len(f) != 4 || f[0] != "ack" {
			other = append(other, line)
			return
		}
		n := start + nAcks
		op := planCrashWrite(n, acked.members)
		want := acked.apply(op)
		if f[1] != strconv.Itoa(n) || f[2] != op.kind || f[3] != strconv.FormatUint(want, 10) {
			r.fatalf("acknowledgement %q, want \"ack %d %s %d\"", line, n, op.kind, want)
		}
		nAcks++
	}

	var killAt <-chan time.Time
	if afterAcks == 0 {
		killAt = time.After(delay)
	}
	watchdog := time.After(crashRoundTimeout)
	for killed := false; !killed; {
		select {
		case line, ok := <-lines:
			if !ok {
				err := cmd.Wait()
				r.fatalf("helper ended before it was killed (%v), after %d acknowledgements\nstderr:\n%s\nstdout:\n%s",
					err, nAcks, stderr.String(), strings.Join(other, "\n"))
			}
			record(line)
			if afterAcks > 0 && nAcks == afterAcks {
				killAt = time.After(delay)
			}
		case <-killAt:
			if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
				r.fatalf("kill: %v", err)
			}
			killed = true
		case <-watchdog:
			r.fatalf("helper made no progress within %v (%d acknowledgements, waiting for %d)\nstderr:\n%s",
				crashRoundTimeout, nAcks, afterAcks, stderr.String())
		}
	}
	for line := range lines { // acknowledgements already in the pipe count too
		record(line)
	}
	_ = cmd.Wait()
	if cmd.ProcessState.Exited() || stderr.Len() > 0 {
		r.fatalf("helper was not ended by the kill: %v\nstderr:\n%s", cmd.ProcessState, stderr.String())
	}
	r.acks += nAcks
	if nAcks == 0 {
		r.noAck++
	}

	// The write in flight when the kill came, if the helper got that far.
	inFlight := start + nAcks
	withInFlight := acked.clone()
	withInFlight.apply(planCrashWrite(inFlight, acked.members))

	rep, err := storage.Check(r.path)
	if err != nil {
		r.fatalf("Check: %v", err)
	}
	if !rep.OK() {
		r.fatalf("Check after the kill:\n%s", rep.Summary())
	}
	st, err := readCrashState(r.path, storage.Options{User: crashUser, NoBackup: true})
	if err != nil {
		r.fatalf("reopen after the kill: %v", err)
	}
	dAcked, dFlight := acked.diff(st), withInFlight.diff(st)
	switch {
	case dAcked == "":
		r.model = acked
	case dFlight == "":
		r.model = withInFlight
		r.inFlightKept++
	default:
		r.fatalf("after %d acknowledged writes (%d..%d) the file holds neither them nor them plus write %d:\n"+
			"  against the acknowledged writes: %s\n  against those plus write %d: %s",
			nAcks, start, inFlight-1, inFlight, dAcked, inFlight, dFlight)
	}
	if msg := checkChangeLog(st.changes, r.initial, r.model.names); msg != "" {
		r.fatalf("%s", msg)
	}
	if rep.Counts["members"] != len(st.members) || rep.Counts["changelog"] != len(st.changes) || rep.Counts["unit"] != 1 {
		r.fatalf("Check counts %v, read %d members, %d change-log entries, 1 unit", rep.Counts, len(st.members), len(st.changes))
	}
	r.next = inFlight + 1 // a lost write in flight is skipped, not repeated
	r.checkBackups(nAcks > 0)
}

// checkBackups verifies each backup once: Check passes, and its content is
// the main file's state at some earlier commit. acknowledged tells whether
// the helper got past Open in this round.
func (r *crashRun) checkBackups(acknowledged bool) {
	r.t.Helper()
	list, err := storage.ListBackups(r.path)
	if err != nil {
		r.fatalf("ListBackups: %v", err)
	}
	// Open rotates right after its backup. A kill between the two leaves
	// one more; once a write is acknowledged, this run's rotation is done.
	if acknowledged && len(list) > storage.KeepBackups {
		r.fatalf("%d backups after a completed Open, rotation keeps %d", len(list), storage.KeepBackups)
	}
	r.maxBackups = max(r.maxBackups, len(list))
	for _, b := range list {
		if r.seenBackups[b.Path] {
			continue
		}
		r.seenBackups[b.Path] = true
		r.backupsChecked++
		rep, err := storage.Check(b.Path)
		if err != nil {
			r.fatalf("Check of backup %s: %v", filepath.Base(b.Path), err)
		}
		if !rep.OK() {
			r.fatalf("backup %s:\n%s", filepath.Base(b.Path), rep.Summary())
		}
		st, err := readCrashState(b.Path, storage.Options{ReadOnly: true})
		if err != nil {
			r.fatalf("backup %s: %v", filepath.Base(b.Path), err)
		}
		if len(st.changes) > len(r.model.changes) {
			r.fatalf("backup %s has %d change-log entries, the database only %d", filepath.Base(b.Path), len(st.changes), len(r.model.changes))
		}
		present := map[uint64]bool{}
		for i, c := range st.changes {
			if got := (changeKey{c.Entity, c.EntityID, c.Kind}); got != r.model.changes[i] {
				r.fatalf("backup %s: change-log entry %d is %+v, the database has %+v", filepath.Base(b.Path), i+1, got, r.model.changes[i])
			}
			if c.Entity == storage.EntityMember {
				present[c.EntityID] = c.Kind == storage.ChangeCreated
			}
		}
		n := 0
		for _, in := range present {
			if in {
				n++
			}
		}
		if n != len(st.members) {
			r.fatalf("backup %s: its change log implies %d members, it has %d", filepath.Base(b.Path), n, len(st.members))
		}
		for _, m := range st.members {
			if !present[m.ID] || m.Name != r.model.names[m.ID] {
				r.fatalf("backup %s: member %+v is not in its change log", filepath.Base(b.Path), m)
			}
		}
		if msg := checkChangeLog(st.changes, r.initial, r.model.names); msg != "" {
			r.fatalf("backup %s: %s", filepath.Base(b.Path), msg)
		}
	}
	tmps, _ := filepath.Glob(filepath.Join(storage.BackupDir(r.path), ".*.tmp"))
	r.tmpFiles = len(tmps)
}
