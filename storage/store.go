// Package storage keeps an HMS-utvalg database in a single bbolt file: one
// bucket per entity, JSON values in a versioned envelope, a change log
// written in the same transaction as every change, schema migrations, an
// automatic backup on every writable open, restore and an integrity check.
//
// User-visible messages are Norwegian bokmål.
package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"hmsutvalg/model"
)

// CurrentSchemaVersion is the schema this program writes. It must equal the
// version of the last entry in migrations (a test checks this).
const CurrentSchemaVersion = 10

// KeepBackups is how many automatic backups are kept per database.
const KeepBackups = 10

// DefaultLockTimeout is how long Open waits for another window to let go of
// the file; short enough that the GUI can say "already open" within 2 s.
const DefaultLockTimeout = time.Second

// UnknownUser is written into the change log when no user name is set.
const UnknownUser = "ukjent"

// fileMode of new database and backup files: the data concerns named
// employees, so only the owner may read it.
const fileMode os.FileMode = 0o600

// Options controls Open and Create.
type Options struct {
	ReadOnly    bool
	LockTimeout time.Duration    // default DefaultLockTimeout; <= 0 means default, never "wait forever"
	User        string           // name written into the change log (UnknownUser if empty)
	Now         func() time.Time // default time.Now; tests inject a fixed clock
	NoBackup    bool             // skip the automatic backup on writable open
	MaxSize     int              // passed to bbolt Options.MaxSize
	// NoListCache is for one-shot readers (the report commands) that read
	// each list once: keeping a copy of every list for a second read
	// would only cost time and memory. With ReadOnly it also lets Open
	// read the file in place, under a shared lock, when no window has it
	// open (inplace.go), so the store must be closed as soon as it is read.
	NoListCache bool
}

func (o Options) withDefaults() Options {
	if o.LockTimeout <= 0 {
		o.LockTimeout = DefaultLockTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Store is an open database. Its methods are safe for concurrent use (bbolt
// serialises writers).
type Store struct {
	db     *bbolt.DB
	path   string
	opts   Options
	schema int
	closed atomic.Bool

	mu   sync.Mutex // guards user
	user string

	lists listCache // decoded lists between writes (listcache.go)

	cleanup func()      // removes the snapshot copy of a read-only store
	opened  os.FileInfo // the file as opened, to notice it being replaced (faults.go)
	// sessionFrom is the last change-log entry before this session: Undo
	// only offers changes made since the file was opened.
	sessionFrom uint64
	// noUndo: the writes keep nothing for Undo (Create's unit).
	noUndo bool
}

// Path returns the database file path.
func (s *Store) Path() string { return s.path }

// DB exposes the bbolt handle for code in this package's siblings and tests.
func (s *Store) DB() *bbolt.DB { return s.db }

// SchemaVersion returns the schema version of the open file (after migration).
func (s *Store) SchemaVersion() int { return s.schema }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.opts.ReadOnly }

// SetUser changes the name written into the change log from now on.
func (s *Store) SetUser(name string) {
	s.mu.Lock()
	s.user = name
	s.mu.Unlock()
}

func (s *Store) currentUser() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.user == "" {
		return UnknownUser
	}
	return s.user
}

// Close releases the file and its lock. Calling it twice is harmless.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	err := s.db.Close()
	if s.cleanup != nil {
		s.cleanup()
	}
	return err
}

// Open opens an existing database. See openWith. A read-only open works
// on a snapshot (snapshot.go): it takes no lock on path, so it works while
// another window writes to the file, and never makes that window wait.
// A one-shot reader (ReadOnly with NoListCache) reads the file in place
// instead when no window has it open (inplace.go): a window that opens it
// meanwhile waits until the reader closes the store, a short read.
func Open(path string, opts Options) (*Store, error) {
	if opts.ReadOnly && opts.NoListCache {
		if s, ok := openInPlace(path, opts, migrations); ok {
			return s, nil
		}
	}
	if opts.ReadOnly {
		return openSnapshot(path, opts, migrations)
	}
	return openWith(path, opts, migrations)
}

// Create makes a new database at path with unit as its unit. It refuses an
// existing file. The file is built under a temporary name and only appears
// at path when it is complete, so a crash never leaves a half-made database.
func Create(path string, unit model.Unit, opts Options) (*Store, error) {
	return createWith(path, unit, opts, migrations)
}

func createWith(path string, unit model.Unit, opts Options, migs []migration) (*Store, error) {
	if err := buildWith(path, unit, opts, migs, nil); err != nil {
		return nil, err
	}
	// A brand-new file needs no backup of itself.
	opts.NoBackup = true
	return openWith(path, opts, migs)
}

// CreateFilled makes a new database at path like Create and lets fill
// write its content before the file appears at path: a bulk writer (the
// demo, an import) killed half-way leaves no file at path, never a unit
// with some parts missing. The store fill gets is closed afterwards.
func CreateFilled(path string, unit model.Unit, opts Options, fill func(*Store) error) error {
	return buildWith(path, unit, opts, migrations, fill)
}

// buildWith builds the database under a temporary name next to path
// (bbolt holds its lock on it the whole time), syncs it and links it into
// place only when complete, refusing an existing file.
func buildWith(path string, unit model.Unit, opts Options, migs []migration, fill func(*Store) error) error {
	if opts.ReadOnly {
		return errors.New("en ny database kan ikke opprettes skrivebeskyttet")
	}
	if err := unit.Validate(); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return pathErr(ErrExists, path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("kan ikke bruke «%s»: %w", path, err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("kan ikke opprette mappen «%s»: %w", dir, err)
	}
	removeStaleDBTemps(path)
	tmp, err := tempName(dir, filepath.Base(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // no-op after a successful link/rename

	opts = opts.withDefaults()
	db, err := bbolt.Open(tmp, fileMode, &bbolt.Options{Timeout: opts.LockTimeout, MaxSize: opts.MaxSize})
	if err != nil {
		return fmt.Errorf("kan ikke opprette databasen «%s»: %w", path, err)
	}
	s := &Store{db: db, path: path, opts: opts, user: opts.User, noUndo: true}
	err = s.migrate(migs, 0)
	if err == nil {
		err = s.SaveUnit(unit)
	}
	if err == nil && fill != nil {
		err = fill(s)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("kan ikke opprette databasen «%s»: %w", path, err)
	}
	if err := fsyncPath(tmp); err != nil {
		return fmt.Errorf("kan ikke opprette databasen «%s»: %w", path, err)
	}
	return publishNoClobber(tmp, path)
}

// openWith opens path and migrates it with migs; tests pass their own list.
//
// Order matters for data safety: pre-check (never hand a broken file to
// bbolt), lock, identify, refuse newer schemas, back up, then migrate.
func openWith(path string, opts Options, migs []migration) (*Store, error) {
	opts = opts.withDefaults()
	db, err := openBolt(path, opts.ReadOnly, opts.LockTimeout, opts.MaxSize)
	var locked *LockedError
	if errors.As(err, &locked) && !opts.ReadOnly && onlyReaders(path) {
		// One-shot readers in place hold the file for as long as they
		// read (inplace.go): wait for them longer than for a window.
		db, err = openBolt(path, false, readersWait, opts.MaxSize)
	}
	if err != nil {
		return nil, err
	}
	return openedWith(db, path, opts, migs)
}

// openedWith is openWith from the point where db holds path open and
// locked; opts have their defaults. On error db is closed.
func openedWith(db *bbolt.DB, path string, opts Options, migs []migration) (*Store, error) {
	s, err := openedKeep(db, path, opts, migs)
	if err != nil {
		_ = db.Close()
	}
	return s, err
}

// openedKeep is openedWith leaving db open (and its lock held) on error,
// for ReadOnce, whose page walk must finish under that lock.
func openedKeep(db *bbolt.DB, path string, opts Options, migs []migration) (*Store, error) {
	s := &Store{db: db, path: path, opts: opts, user: opts.User}
	fail := func(err error) (*Store, error) {
		return nil, err
	}

	var version int
	if err := s.view(func(tx *bbolt.Tx) error {
		var err error
		version, err = readSchemaVersion(tx, path)
		return err
	}); err != nil {
		return fail(err)
	}
	latest := latestVersion(migs)
	if version > latest {
		return fail(&NewerSchemaError{Path: path, Version: version})
	}
	s.schema = version
	if !opts.ReadOnly {
		s.opened, _ = os.Stat(path) // under the write lock: this is the file we write
	}
	if opts.ReadOnly {
		if version < latest {
			return fail(&OldSchemaError{Path: path, Version: version, Latest: latest})
		}
		return s, nil
	}
	removeStaleDBTemps(path)
	if !opts.NoBackup {
		if _, err := s.autoBackup(); err != nil {
			return fail(fmt.Errorf("Databasen «%s» ble ikke åpnet fordi det ikke gikk å lage en sikkerhetskopi først: %w", path, err))
		}
	}
	if version < latest {
		if err := s.migrate(migs, version); err != nil {
			return fail(err)
		}
	}
	if err := s.view(func(tx *bbolt.Tx) error {
		if b := tx.Bucket([]byte(bucketChangelog)); b != nil {
			s.sessionFrom = b.Sequence()
		}
		return nil
	}); err != nil {
		return fail(err)
	}
	// Housekeeping only: a file that cannot be tidied still opens.
	_ = s.pruneUndo()
	return s, nil
}

// openBolt pre-checks path and opens it with bbolt, mapping lock timeouts
// to *LockedError. bbolt can panic on a damaged page; the panic becomes a
// *CorruptError and the file handle (and with it the lock) is released.
func openBolt(path string, readOnly bool, timeout time.Duration, maxSize int) (db *bbolt.DB, err error) {
	if err := precheckFile(path); err != nil {
		var corrupt *CorruptError
		if !errors.As(err, &corrupt) {
			return nil, err
		}
		// The page walk ran without the file lock, so a writer in another
		// window may have reused pages under it. Look again under a shared
		// lock before calling the file damaged.
		if err := recheckLocked(path, timeout); err != nil {
			return nil, err
		}
	}
	var file *os.File
	bopts := &bbolt.Options{
		Timeout:  timeout,
		ReadOnly: readOnly,
		MaxSize:  maxSize,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			if file != nil { // later calls, e.g. tx.CopyFile
				return os.OpenFile(name, flag, perm)
			}
			// Never create the database itself: the pre-check saw the file,
			// and if it vanished since then bbolt must not make an empty one.
			f, err := os.OpenFile(name, flag&^os.O_CREATE, perm)
			file = f
			return f, err
		},
	}
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				_ = db.Close()
			}
			if file != nil {
				_ = file.Close()
			}
			db, err = nil, &CorruptError{Path: path, Detail: fmt.Sprint(r)}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bbolt.Open(path, fileMode, bopts)
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, &LockedError{Path: path}
	case errors.Is(err, fs.ErrNotExist):
		return nil, pathErr(ErrNotExist, path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, &NotHMSFileError{Path: path, Reason: err.Error()}
	case !readOnly && (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)):
		return nil, fmt.Errorf("Databasen «%s» kan ikke åpnes for endringer: filen eller disken er skrivebeskyttet, eller du mangler skrivetilgang. Filen er ikke endret; «hmsutvalg report» og «check» kan fortsatt lese den: %w", path, err)
	default:
		return nil, fmt.Errorf("kan ikke åpne databasen «%s»: %w", path, err)
	}
}

// recheckLocked repeats the pre-check while holding bbolt's shared lock,
// which no writer can hold at the same time. A read-only bbolt.Open reads
// only the meta pages, so it is safe on a damaged file.
func recheckLocked(path string, timeout time.Duration) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &CorruptError{Path: path, Detail: fmt.Sprint(r)}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err := bbolt.Open(path, fileMode, &bbolt.Options{
		ReadOnly: true,
		Timeout:  timeout,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, perm)
		},
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return &LockedError{Path: path}
	}
	if err != nil {
		return precheckFile(path)
	}
	defer db.Close()
	return precheckFile(path)
}

// guard turns a bbolt panic on a damaged page into an error. Callers also
// set debug.SetPanicOnFault, so that a damaged page pointing outside the
// memory map becomes such a panic instead of killing the program.
func (s *Store) guard(err *error) {
	if r := recover(); r != nil {
		*err = &CorruptError{Path: s.path, Detail: fmt.Sprint(r)}
	}
}

// view runs fn in a read transaction.
func (s *Store) view(fn func(tx *bbolt.Tx) error) (err error) {
	if s.closed.Load() {
		return ErrClosed
	}
	defer s.guard(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return s.db.View(fn)
}

// errNoChange lets a write function say "nothing to do": the transaction is
// rolled back and no change-log entry is written.
var errNoChange = errors.New("ingen endring")

// updateChanges is the one place that writes: fn changes records and
// returns what it did; the entries are appended to the change log in the
// same transaction, so a change and its log entry commit or fail together.
// Seq, Time and User of the returned entries are filled in here.
func (s *Store) updateChanges(fn func(tx *bbolt.Tx) ([]Change, error)) (err error) {
	if s.closed.Load() {
		return ErrClosed
	}
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	if err := s.sameFile(); err != nil {
		return err
	}
	defer s.guard(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	// Drop the cached lists before and after: see listCache.
	s.lists.invalidate()
	defer s.lists.invalidate()
	err = s.db.Update(func(tx *bbolt.Tx) error {
		finish := beginJournal(tx)
		changes, err := fn(tx)
		records := finish()
		if s.noUndo {
			records = nil
		}
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			return errNoChange
		}
		now, user := s.opts.Now(), s.currentUser()
		for i, c := range changes {
			c.Time, c.User = now, user
			if i == 0 {
				c.Records = records
			}
			if _, err := appendChange(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	if errors.Is(err, berrors.ErrMaxSizeReached) {
		return fmt.Errorf("Endringen ble ikke lagret fordi databasen «%s» har nådd største tillatte størrelse: %w", s.path, err)
	}
	if err != nil {
		return s.writeFailed(err)
	}
	return nil
}

// update runs fn and logs one change for entity/id in the same transaction.
func (s *Store) update(entity string, id uint64, kind ChangeKind, summary string, fn func(tx *bbolt.Tx) error) error {
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		if err := fn(tx); err != nil {
			return nil, err
		}
		return []Change{{Entity: entity, EntityID: id, Kind: kind, Summary: summary}}, nil
	})
}
