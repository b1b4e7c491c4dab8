package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"hmsutvalg/internal/atomicfile"
)

// tmpSuffix marks our temporary files; ListBackups ignores them.
const tmpSuffix = ".tmp"

// tempName creates an empty, uniquely named file in dir (next to the final
// file, so the final rename stays on one file system) and returns its name.
func tempName(dir, base string) (string, error) {
	f, err := os.CreateTemp(dir, "."+base+".*"+tmpSuffix)
	if err != nil {
		return "", fmt.Errorf("kan ikke lage midlertidig fil i «%s»: %w", dir, err)
	}
	name := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// fsyncPath flushes a finished file to disk before it is renamed into place.
func fsyncPath(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable (atomicfile.SyncDir).
func syncDir(dir string) { atomicfile.SyncDir(dir) }

// staleDBTempAge: a database temp file (a Create or demo run, see
// createWith) not written to for this long and not locked by bbolt was
// left by a killed process. bbolt holds its lock while the file is built;
// the only unlocked moments are just before and just after, far shorter.
const staleDBTempAge = time.Minute

// dbTempPattern matches the temporary names tempName gives databases
// being built: "." + name + "." + digits + ".tmp", for a name ending in .db.
var dbTempPattern = regexp.MustCompile(`^\..+\.db\.[0-9]+\.tmp$`)

// removeStaleDBTemps deletes databases half-built by a killed process in
// the folder of dbPath. It runs whenever a database there is opened for
// writing or created.
func removeStaleDBTemps(dbPath string) {
	atomicfile.RemoveStale(filepath.Dir(dbPath), dbTempPattern.MatchString, staleDBTempAge)
}

// publishNoClobber moves the finished tmp file to final, refusing to
// replace an existing file. A hard link is atomic and fails if final
// exists; where links are unsupported we fall back to check-then-rename.
func publishNoClobber(tmp, final string) error {
	err := os.Link(tmp, final)
	switch {
	case err == nil:
		os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return pathErr(ErrExists, final)
	default:
		if _, serr := os.Lstat(final); serr == nil {
			return pathErr(ErrExists, final)
		}
		if err := os.Rename(tmp, final); err != nil {
			return fmt.Errorf("kan ikke lagre «%s»: %w", final, err)
		}
	}
	syncDir(filepath.Dir(final))
	return nil
}

// replaceFile atomically replaces final with tmp (rename over it).
func replaceFile(tmp, final string) error {
	if err := atomicfile.Rename(tmp, final); err != nil {
		return fmt.Errorf("kan ikke erstatte «%s»: %w", final, err)
	}
	return nil
}

// copyToTemp copies src byte for byte into a new synced temp file in dir
// and returns its name; the caller renames or removes it.
func copyToTemp(src, dir, base string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	tmp, err := tempName(dir, base)
	if err != nil {
		return "", err
	}
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, fileMode)
	if err == nil {
		_, err = io.Copy(out, in)
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// stripExt returns the base name of path without its extension.
func stripExt(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
