package reports

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hmsutvalg/internal/atomicfile"
)

// WriteFileAtomic writes b to path under a temporary name in the same
// folder and renames it into place, so a failed write never leaves half a
// file behind and an existing file is replaced only by a complete one.
// The file is flushed to disk before the rename and the folder after it
// (atomicfile), so a power cut leaves the old file or the new one, never
// an empty one. Temporary files a killed run left in the folder more than
// an hour ago are removed first. Errors are *WriteError.
func WriteFileAtomic(path string, b []byte) (err error) {
	fail := func(op writeOp, err error) error { return &WriteError{Path: path, Op: op, Err: err} }
	atomicfile.RemoveStale(filepath.Dir(path), isOurTemp, staleTempAge)
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix+"*"+tempSuffix)
	if err != nil {
		return fail(opCreate, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(b); err != nil {
		return fail(opWrite, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fail(opWrite, err)
	}
	if err = tmp.Sync(); err != nil {
		return fail(opWrite, err)
	}
	if err = tmp.Close(); err != nil {
		return fail(opWrite, err)
	}
	if err = atomicfile.Rename(tmp.Name(), path); err != nil {
		return fail(opReplace, err)
	}
	return nil
}

// Our temporary names: tempPrefix, the random digits os.CreateTemp puts
// in place of *, tempSuffix. Nothing else in a folder is ever removed.
const (
	tempPrefix   = ".hmsutvalg-"
	tempSuffix   = ".tmp"
	staleTempAge = time.Hour // no report takes an hour to write
)

func isOurTemp(name string) bool {
	mid, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, tempSuffix)
	if !ok || mid == "" {
		return false
	}
	for _, r := range mid {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

type writeOp int

const (
	opCreate  writeOp = iota // making the temporary file in the folder
	opWrite                  // writing it
	opReplace                // renaming it over path
)

// WriteError is a file that could not be saved. Its message is a
// Norwegian sentence that names the file and, where the cause is a common
// one (the old file open in a PDF viewer on Windows, no write access, a
// full disk, a missing folder), says what to do.
type WriteError struct {
	Path string
	Op   writeOp
	Err  error
}

func (e *WriteError) Unwrap() error { return e.Err }

func (e *WriteError) Error() string {
	name, dir := filepath.Base(e.Path), filepath.Dir(e.Path)
	switch {
	case e.Op == opReplace && fileInUse(e.Err):
		// Windows refuses to replace a file another program holds open,
		// which PDF viewers do with the file they show.
		return fmt.Sprintf("«%s» kunne ikke erstattes: filen er trolig åpen i et annet program (for eksempel en PDF-leser) eller skrivebeskyttet. Lukk den og prøv igjen, eller lagre under et annet navn.", name)
	case e.Op == opCreate && errors.Is(e.Err, fs.ErrNotExist):
		return fmt.Sprintf("«%s» kunne ikke lagres: mappen «%s» finnes ikke.", name, dir)
	case errors.Is(e.Err, fs.ErrPermission):
		return fmt.Sprintf("«%s» kunne ikke lagres: du har ikke skrivetilgang til mappen «%s». Velg en annen mappe.", name, dir)
	case diskFull(e.Err):
		return fmt.Sprintf("«%s» kunne ikke lagres: det er ikke mer plass på disken. Frigjør plass eller velg en annen disk.", name)
	}
	return fmt.Sprintf("«%s» kunne ikke lagres: %v", name, e.Err)
}
