package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// backupDirName is the folder next to the database that holds backups.
const backupDirName = "sikkerhetskopier"

// backupTimeLayout is the time stamp in backup names. It is UTC so that
// names sort by time even across daylight-saving changes; Backup.Time
// carries the real instant for display in local time.
const backupTimeLayout = "20060102-150405.000"

// beforeRestoreMark names the copy of a database saved by Restore. Such
// copies are never rotated away: they are the only record of what a
// restore replaced.
const beforeRestoreMark = "før-gjenoppretting"

// Backup describes one backup file.
type Backup struct {
	Path          string
	Time          time.Time
	Size          int64
	BeforeRestore bool // saved by Restore, not by an automatic open

	seq int // tie-breaker when two backups share a millisecond
}

// BackupDir returns the backup folder for the database at dbPath.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), backupDirName)
}

// backupPattern matches the backups of one database (several databases
// may share a folder, and so a backup folder).
func backupPattern(dbPath string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(stripExt(dbPath)) +
		`-(\d{8}-\d{6}\.\d{3})(?:-(\d+))?(-` + beforeRestoreMark + `)?\.db$`)
}

// backupName builds the file name for a backup made at t; seq > 1 is
// appended when the plain name is taken.
func backupName(dbPath string, t time.Time, seq int, beforeRestore bool) string {
	var b strings.Builder
	b.WriteString(stripExt(dbPath))
	b.WriteByte('-')
	b.WriteString(t.UTC().Format(backupTimeLayout))
	if seq > 1 {
		b.WriteString("-" + strconv.Itoa(seq))
	}
	if beforeRestore {
		b.WriteString("-" + beforeRestoreMark)
	}
	b.WriteString(".db")
	return b.String()
}

// ListBackups returns the backups of dbPath, newest first. A missing
// backup folder is not an error.
func ListBackups(dbPath string) ([]Backup, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kan ikke lese mappen «%s»: %w", dir, err)
	}
	re := backupPattern(dbPath)
	var out []Backup
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		t, err := time.ParseInLocation(backupTimeLayout, m[1], time.UTC)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		seq := 1
		if m[2] != "" {
			seq, _ = strconv.Atoi(m[2])
		}
		out = append(out, Backup{
			Path:          filepath.Join(dir, e.Name()),
			Time:          t.In(time.Local), // for display; the name is UTC
			Size:          info.Size(),
			BeforeRestore: m[3] != "",
			seq:           seq,
		})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		if out[i].seq != out[j].seq {
			return out[i].seq > out[j].seq
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// writeSnapshot writes a consistent copy of db (one read transaction) to a
// new synced temp file in dir and returns its name.
func writeSnapshot(db *bbolt.DB, dir, base string) (tmp string, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("kan ikke opprette mappen «%s»: %w", dir, err)
	}
	tmp, err = tempName(dir, base)
	if err != nil {
		return "", err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("databasen ser ut til å være skadet: %v", r)
		}
		if err != nil {
			os.Remove(tmp)
		}
	}()
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, fileMode)
	if err != nil {
		return "", err
	}
	err = db.View(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return tmp, err
}

// publishBackup moves tmp into the backup folder under the first free name.
func publishBackup(tmp, dbPath string, t time.Time, beforeRestore bool) (string, error) {
	dir := BackupDir(dbPath)
	for seq := 1; seq < 1000; seq++ {
		final := filepath.Join(dir, backupName(dbPath, t, seq, beforeRestore))
		err := publishNoClobber(tmp, final)
		if errors.Is(err, ErrExists) {
			continue
		}
		if err != nil {
			os.Remove(tmp)
			return "", err
		}
		return final, nil
	}
	os.Remove(tmp)
	return "", fmt.Errorf("for mange sikkerhetskopier med samme tidspunkt i «%s»", dir)
}

// backupDB snapshots db into the backup folder of dbPath.
func backupDB(db *bbolt.DB, dbPath string, t time.Time, beforeRestore bool) (string, error) {
	t = afterNewestBackup(dbPath, t)
	tmp, err := writeSnapshot(db, BackupDir(dbPath), stripExt(dbPath))
	if err != nil {
		return "", fmt.Errorf("kan ikke skrive sikkerhetskopi i «%s»: %w", BackupDir(dbPath), err)
	}
	return publishBackup(tmp, dbPath, t, beforeRestore)
}

// afterNewestBackup returns t, or just after the newest backup of dbPath
// if that is later: with the clock set back (a wrong system clock, a
// laptop's dead battery) a new backup must still sort as the newest, or
// rotation would delete it first and keep the old ones.
func afterNewestBackup(dbPath string, t time.Time) time.Time {
	list, err := ListBackups(dbPath)
	if err != nil || len(list) == 0 || !list[0].Time.After(t) {
		return t
	}
	return list[0].Time.Add(time.Millisecond)
}

// autoBackup is the backup made on every writable open; afterwards only
// the newest KeepBackups automatic backups are kept.
func (s *Store) autoBackup() (string, error) {
	path, err := backupDB(s.db, s.path, s.opts.Now(), false)
	if err != nil {
		return "", err
	}
	rotateBackups(s.path, KeepBackups)
	return path, nil
}

// rotateBackups deletes automatic backups beyond the newest keep. Errors
// are ignored: a backup we fail to delete costs disk space, not data.
func rotateBackups(dbPath string, keep int) {
	removeStaleTemps(dbPath)
	list, err := ListBackups(dbPath)
	if err != nil {
		return
	}
	n := 0
	for _, b := range list {
		if b.BeforeRestore {
			continue
		}
		n++
		if n > keep {
			_ = os.Remove(b.Path)
		}
	}
}

// removeStaleTemps deletes half-written backup copies of this database
// left by a program that was killed while writing one (the crash test
// finds them). It runs while we hold the database's write lock, so no
// other window can be writing a backup of it at the same time.
func removeStaleTemps(dbPath string) {
	pattern := filepath.Join(BackupDir(dbPath), "."+stripExt(dbPath)+".*"+tmpSuffix)
	stale, _ := filepath.Glob(pattern)
	for _, f := range stale {
		_ = os.Remove(f)
	}
}

// BackupTo writes a consistent copy of the open database to out. It
// refuses to overwrite an existing file.
func (s *Store) BackupTo(out string) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if _, err := os.Lstat(out); err == nil {
		return pathErr(ErrExists, out)
	}
	tmp, err := writeSnapshot(s.db, filepath.Dir(out), filepath.Base(out))
	if err != nil {
		return fmt.Errorf("kan ikke skrive sikkerhetskopi til «%s»: %w", out, err)
	}
	if err := publishNoClobber(tmp, out); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// Restore replaces the database at dbPath with backupPath. The caller must
// have closed the database. See RestoreWith.
func Restore(dbPath, backupPath string) error {
	return RestoreWith(dbPath, backupPath, Options{})
}

// RestoreWith is Restore with options for the change-log user, the clock
// and the lock timeout. Steps, in the order that keeps data safe:
//  1. the backup must pass Check;
//  2. the current file is saved into the backup folder, marked
//     "før-gjenoppretting" (taking the write lock, so an open database is
//     refused with *LockedError);
//  3. the backup is copied next to the database and renamed over it;
//  4. the restore is recorded in the change log of the restored file.
func RestoreWith(dbPath, backupPath string, opts Options) error {
	opts = opts.withDefaults()
	bi, err := os.Stat(backupPath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return pathErr(ErrNotExist, backupPath)
		}
		return fmt.Errorf("kan ikke lese sikkerhetskopien «%s»: %w", backupPath, err)
	}
	if di, err := os.Stat(dbPath); err == nil && os.SameFile(bi, di) {
		return fmt.Errorf("sikkerhetskopien «%s» er selve databasen", backupPath)
	}

	rep, err := checkWith(backupPath, opts.LockTimeout, migrations)
	if err != nil {
		return fmt.Errorf("Sikkerhetskopien «%s» kan ikke gjenopprettes: %w", backupPath, err)
	}
	if rep.SchemaVersion > CurrentSchemaVersion {
		return &NewerSchemaError{Path: backupPath, Version: rep.SchemaVersion}
	}
	if !rep.OK() {
		return fmt.Errorf("Sikkerhetskopien «%s» er skadet og ble ikke gjenopprettet:\n%s", backupPath, strings.Join(rep.Problems, "\n"))
	}

	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("kan ikke opprette mappen «%s»: %w", dir, err)
	}
	saved := ""
	if _, err := os.Lstat(dbPath); err == nil {
		if saved, err = saveBeforeRestore(dbPath, opts); err != nil {
			return err
		}
	}

	tmp, err := copyToTemp(backupPath, dir, filepath.Base(dbPath))
	if err != nil {
		return fmt.Errorf("kan ikke kopiere sikkerhetskopien «%s»: %w", backupPath, err)
	}
	if err := replaceFile(tmp, dbPath); err != nil {
		os.Remove(tmp)
		return err
	}

	summary := fmt.Sprintf("Gjenopprettet fra sikkerhetskopien «%s»", filepath.Base(backupPath))
	if saved != "" {
		summary += fmt.Sprintf("; forrige innhold er lagret som «%s»", filepath.Base(saved))
	}
	opts.NoBackup, opts.ReadOnly = true, false // the pre-restore copy is the backup
	s, err := Open(dbPath, opts)
	if err == nil {
		err = s.update(EntityDatabase, 0, ChangeRestored, summary, func(*bbolt.Tx) error { return nil })
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("Databasen ble gjenopprettet, men gjenopprettingen kunne ikke føres i endringsloggen: %w", err)
	}
	return nil
}

// saveBeforeRestore copies the current database into the backup folder.
// A readable file is copied through bbolt under its write lock; a file
// bbolt cannot open (the usual reason to restore) is copied byte for byte.
func saveBeforeRestore(dbPath string, opts Options) (string, error) {
	t := opts.Now()
	db, err := openBolt(dbPath, false, opts.LockTimeout, 0)
	var lockErr *LockedError
	switch {
	case err == nil:
		saved, err := backupDB(db, dbPath, t, true)
		if cerr := db.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil {
			return "", fmt.Errorf("Gjenopprettingen ble avbrutt fordi den nåværende databasen ikke kunne sikkerhetskopieres: %w", err)
		}
		return saved, nil
	case errors.As(err, &lockErr):
		return "", err
	}
	tmp, cerr := "", os.MkdirAll(BackupDir(dbPath), 0o700)
	if cerr == nil {
		tmp, cerr = copyToTemp(dbPath, BackupDir(dbPath), stripExt(dbPath))
	}
	if cerr != nil {
		return "", fmt.Errorf("Gjenopprettingen ble avbrutt fordi den nåværende filen ikke kunne kopieres: %w", cerr)
	}
	return publishBackup(tmp, dbPath, t, true)
}
