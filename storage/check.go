package storage

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// bucketSpec tells Check how to verify one bucket.
type bucketSpec struct {
	name  string // bbolt bucket
	label string // Norwegian, for the summary ("utvalgsmedlemmer")
	since int    // schema version whose migration creates the bucket
	// named: keys are names (settings), not 8-byte IDs from the bucket's
	// sequence; check then decides which names are known.
	named bool
	// check decodes one stored value and applies per-record rules.
	check func(key, raw []byte) error
	typ   reflect.Type // the record type (nil for settings)
}

var (
	bucketSpecs = map[string]bucketSpec{}
	bucketOrder = map[string]int{} // registration order, for the summary
	// invariants are rules across records; each returns problem texts.
	invariants []func(tx *bbolt.Tx) []string
)

// registerBucket makes Check verify a bucket. Call it from a package-level
// var in the module's file: var _ = registerBucket(recordSpec[…](…)).
func registerBucket(spec bucketSpec) bool {
	if _, ok := bucketSpecs[spec.name]; ok && !defaultSpecs[spec.name] && spec.check != nil {
		// A second typed registration of the same bucket is a programming error.
		panic("storage: bucket " + spec.name + " registered twice")
	}
	delete(defaultSpecs, spec.name)
	if _, ok := bucketOrder[spec.name]; !ok {
		bucketOrder[spec.name] = len(bucketOrder)
	}
	bucketSpecs[spec.name] = spec
	return true
}

// registerInvariant adds a cross-record rule to Check.
func registerInvariant(fn func(tx *bbolt.Tx) []string) bool {
	invariants = append(invariants, fn)
	return true
}

// recordSpec builds a bucketSpec for envelope-encoded records of type T.
// validate (optional) gets the decoded value and its ID.
func recordSpec[T any](name, label string, since int, validate func(id uint64, v T) error) bucketSpec {
	return bucketSpec{name: name, label: label, since: since, typ: reflect.TypeFor[T](), check: func(key, raw []byte) error {
		v, err := decodeRecord[T](name, key, raw)
		if err != nil {
			return err
		}
		if validate == nil {
			return nil
		}
		id, _ := btoi(key)
		if err := validate(id, v); err != nil {
			return fmt.Errorf("«%s» nøkkel %d: %s", name, id, oneLine(err))
		}
		return nil
	}}
}

// oneLine joins a multi-line validation message for a problem list.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

var (
	_ = registerBucket(recordSpec(bucketUnit, "enhet", 1, func(_ uint64, u model.Unit) error {
		return u.Validate()
	}))
	_ = registerBucket(recordSpec(bucketMembers, "utvalgsmedlemmer", 1, func(id uint64, m model.CommitteeMember) error {
		if m.ID != id {
			return fmt.Errorf("posten har ID %d", m.ID)
		}
		return m.Validate()
	}))
	_ = registerBucket(recordSpec(bucketChangelog, "endringslogg", 1, func(id uint64, c Change) error {
		if c.Seq != id {
			return fmt.Errorf("posten har løpenummer %d", c.Seq)
		}
		if c.Time.IsZero() || c.Kind == "" || c.Entity == "" {
			return errors.New("posten mangler tidspunkt, type eller hva som ble endret")
		}
		return nil
	}))
	_ = registerInvariant(checkCommitteeInvariants)
)

// checkCommitteeInvariants: exactly one unit (under key 1) and a committee
// without overlapping roles. Undecodable records are reported per bucket,
// so they are skipped here.
func checkCommitteeInvariants(tx *bbolt.Tx) []string {
	var problems []string
	if b := tx.Bucket([]byte(bucketUnit)); b != nil {
		if n := b.Stats().KeyN; n != 1 {
			problems = append(problems, fmt.Sprintf("Databasen skal ha nøyaktig én enhet, men har %d", n))
		} else if b.Get(itob(unitID)) == nil {
			problems = append(problems, "Enheten er lagret under feil nøkkel")
		}
	}
	if b := tx.Bucket([]byte(bucketMembers)); b != nil {
		var members []model.CommitteeMember
		_ = b.ForEach(func(k, raw []byte) error {
			if m, err := decodeRecord[model.CommitteeMember](bucketMembers, k, raw); err == nil {
				members = append(members, m)
			}
			return nil
		})
		if err := model.ValidateCommittee(members); err != nil {
			problems = append(problems, "Utvalget: "+oneLine(err))
		}
	}
	return problems
}

// CheckReport is the result of Check.
type CheckReport struct {
	Path          string
	SchemaVersion int
	Counts        map[string]int // records per bucket
	Problems      []string
}

// OK reports whether no problems were found.
func (r CheckReport) OK() bool { return len(r.Problems) == 0 }

// Summary is the Norwegian text printed by `hmsutvalg check`.
func (r CheckReport) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Kontroll av «%s»\n", r.Path)
	if r.SchemaVersion > 0 { // 0: it could not be read, and the problems say why
		fmt.Fprintf(&b, "Skjemaversjon: %d\n", r.SchemaVersion)
	}
	names := make([]string, 0, len(r.Counts))
	for name := range r.Counts {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		si, sj := bucketSpecs[names[i]], bucketSpecs[names[j]]
		if si.since != sj.since {
			return si.since < sj.since
		}
		oi, iok := bucketOrder[names[i]]
		oj, jok := bucketOrder[names[j]]
		if iok != jok || oi != oj {
			return iok && (!jok || oi < oj)
		}
		return names[i] < names[j]
	})
	parts := make([]string, 0, len(names))
	for _, name := range names {
		label := name
		if spec, ok := bucketSpecs[name]; ok {
			label = spec.label
		}
		parts = append(parts, fmt.Sprintf("%s: %d", label, r.Counts[name]))
	}
	if len(parts) > 0 {
		fmt.Fprintf(&b, "Innhold: %s\n", strings.Join(parts, ", "))
	}
	if r.OK() {
		b.WriteString("Resultat: OK – ingen feil funnet.\n")
		return b.String()
	}
	if len(r.Problems) == 1 {
		b.WriteString("Resultat: 1 problem funnet:\n")
	} else {
		fmt.Fprintf(&b, "Resultat: %d problemer funnet:\n", len(r.Problems))
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  – %s\n", p)
	}
	return b.String()
}

// Check verifies the database at path without changing it: bbolt's own
// page check, that every stored value decodes, that the schema version is
// known, and the app's invariants. The error is only for a file that
// cannot be read at all (missing, not ours, locked by a writer …); every
// other finding is a problem in the report.
//
// Like a read-only Open it works on a snapshot, so a file open for
// writing in another window can be checked (snapshot.go).
func Check(path string) (CheckReport, error) {
	cp, cleanup, err := snapshot(path)
	if err != nil {
		return CheckReport{Path: path}, err
	}
	defer cleanup()
	rep, err := checkWith(cp, DefaultLockTimeout, migrations)
	rep.Path = path
	for i, p := range rep.Problems {
		rep.Problems[i] = strings.ReplaceAll(p, cp, path)
	}
	return rep, renamePath(err, cp, path)
}

func checkWith(path string, timeout time.Duration, migs []migration) (rep CheckReport, err error) {
	rep = CheckReport{Path: path, Counts: map[string]int{}}
	db, err := openBolt(path, true, timeout, 0)
	var corrupt *CorruptError
	if errors.As(err, &corrupt) {
		// A damaged page tree is a finding, not a read failure.
		rep.Problems = append(rep.Problems, "Lagringsstrukturen er skadet: "+corrupt.Detail)
		return rep, nil
	}
	if err != nil {
		return rep, err
	}
	defer db.Close()
	add := func(format string, args ...any) {
		rep.Problems = append(rep.Problems, fmt.Sprintf(format, args...))
	}
	defer func() {
		if r := recover(); r != nil {
			add("Databasen er skadet og kunne ikke leses ferdig: %v", r)
		}
	}()

	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	err = db.View(func(tx *bbolt.Tx) error {
		// Touch every page ourselves first: bbolt's tx.Check runs in its own
		// goroutine, where a wild page pointer would crash the program
		// instead of becoming a recoverable panic as it does here.
		if err := walkAll(tx); err != nil {
			add("Databasen er skadet og kunne ikke leses ferdig: %v", err)
			return nil
		}
		for cerr := range tx.Check() {
			add("Lagringsstruktur: %v", cerr)
		}
		if meta := tx.Bucket([]byte(bucketMeta)); meta == nil || string(meta.Get(keyApp)) != appMarker {
			// A foreign bbolt file: nothing of ours to check.
			return &NotHMSFileError{Path: path, Reason: "filen er ikke laget av HMS-utvalg"}
		}
		version, err := readSchemaVersion(tx, path)
		if err != nil {
			add("%v", err)
			return nil
		}
		rep.SchemaVersion = version
		if latest := latestVersion(migs); version > latest {
			add("Skjemaversjon %d er nyere enn dette programmet kjenner (%d); innholdet er ikke kontrollert", version, latest)
			return nil
		}
		checkBuckets(tx, version, &rep, add)
		if !rep.OK() {
			// Cross-record rules on top of damaged records would mostly
			// repeat the same finding.
			return nil
		}
		for _, inv := range invariants {
			rep.Problems = append(rep.Problems, inv(tx)...)
		}
		if version >= yearIndexSince {
			rep.Problems = append(rep.Problems, checkYearIndex(tx)...)
		}
		if version >= planIndexSince {
			rep.Problems = append(rep.Problems, checkPlanIndex(tx)...)
		}
		return nil
	})
	return rep, err
}

// walkAll reads every key and value of every bucket, recovering from
// panics caused by damaged pages.
func walkAll(tx *bbolt.Tx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	var sink byte
	var walk func(b *bbolt.Bucket, depth int)
	walk = func(b *bbolt.Bucket, depth int) {
		if depth > 8 {
			panic("for dypt nestede bøtter")
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			for _, x := range k {
				sink ^= x
			}
			for _, x := range v {
				sink ^= x
			}
			if v == nil {
				if sub := b.Bucket(k); sub != nil {
					walk(sub, depth+1)
				}
			}
		}
	}
	_ = tx.ForEach(func(_ []byte, b *bbolt.Bucket) error {
		walk(b, 0)
		return nil
	})
	_ = sink
	return nil
}

// checkBuckets verifies every root bucket against bucketSpecs.
func checkBuckets(tx *bbolt.Tx, version int, rep *CheckReport, add func(string, ...any)) {
	present := map[string]bool{}
	_ = tx.ForEach(func(nameb []byte, b *bbolt.Bucket) error {
		name := string(nameb)
		present[name] = true
		if name == bucketMeta {
			checkMeta(b, add)
			return nil
		}
		if name == bucketYearIndex && version >= yearIndexSince {
			return nil // derived data: checkYearIndex compares it with the records
		}
		if name == bucketPlanIndex && version >= planIndexSince {
			return nil // derived data: checkPlanIndex compares it with the records
		}
		spec, ok := bucketSpecs[name]
		if !ok || spec.since > version {
			add("Ukjent bøtte «%s»", name)
			return nil
		}
		seq := b.Sequence()
		n := 0
		c := b.Cursor()
		for k, raw := c.First(); k != nil; k, raw = c.Next() {
			n++
			if spec.named {
				if err := spec.check(k, raw); err != nil {
					add("%v", err)
				}
				continue
			}
			id, err := btoi(k)
			if err != nil {
				add("«%s»: %v", name, err)
				continue
			}
			if id == 0 || id > seq {
				// NextSequence would hand out this ID again and overwrite it.
				add("«%s» nøkkel %d ligger utenfor sekvensen (%d)", name, id, seq)
			}
			if err := spec.check(k, raw); err != nil {
				add("%v", err)
			}
		}
		rep.Counts[name] = n
		return nil
	})
	var missing []string
	for name, spec := range bucketSpecs {
		if spec.since <= version && !present[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		add("Bøtten «%s» mangler", name)
	}
}

// checkMeta allows only the keys we write.
func checkMeta(b *bbolt.Bucket, add func(string, ...any)) {
	_ = b.ForEach(func(k, v []byte) error {
		switch string(k) {
		case string(keyApp), string(keySchemaVersion):
		default:
			add("Ukjent nøkkel %s i «%s»", strconv.Quote(string(k)), bucketMeta)
		}
		return nil
	})
}
