package reports

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapport.pdf")
	if err := WriteFileAtomic(path, []byte("første")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("andre")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "andre" {
		t.Errorf("content %q", b)
	}

	// A folder that does not exist: the message names it.
	err := WriteFileAtomic(filepath.Join(dir, "mangler", "ut.pdf"), []byte("x"))
	var we *WriteError
	if !errors.As(err, &we) || !strings.Contains(err.Error(), "mappen «"+filepath.Join(dir, "mangler")+"» finnes ikke") {
		t.Errorf("missing folder: %v", err)
	}

	// The target cannot be replaced (here: it is a folder with content).
	// The old one is untouched and no temporary file is left.
	blocked := filepath.Join(dir, "opptatt.pdf")
	if err := os.MkdirAll(filepath.Join(blocked, "innhold"), 0o755); err != nil {
		t.Fatal(err)
	}
	err = WriteFileAtomic(blocked, []byte("x"))
	if !errors.As(err, &we) || we.Op != opReplace || !strings.HasPrefix(err.Error(), "«opptatt.pdf» kunne ikke lagres") {
		t.Errorf("blocked target: %v", err)
	}
	if _, err := os.Stat(filepath.Join(blocked, "innhold")); err != nil {
		t.Errorf("the old target was changed: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".hmsutvalg-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// The messages for the common causes, with the errors the OS gives.
func TestWriteErrorMessages(t *testing.T) {
	path := filepath.Join("rapporter", "årsrapport 2025.pdf")
	rename := func(err error) error { return &os.LinkError{Op: "rename", Old: "x.tmp", New: path, Err: err} }
	for _, tt := range []struct {
		op   writeOp
		err  error
		want string
	}{
		{opCreate, &fs.PathError{Op: "open", Path: "rapporter", Err: syscall.ENOENT}, "mappen «rapporter» finnes ikke"},
		{opCreate, &fs.PathError{Op: "open", Path: "rapporter", Err: syscall.EACCES}, "du har ikke skrivetilgang til mappen «rapporter»"},
		{opReplace, rename(syscall.EACCES), "du har ikke skrivetilgang"},
		{opWrite, &fs.PathError{Op: "write", Path: "x.tmp", Err: syscall.ENOSPC}, "ikke mer plass på disken"},
		{opReplace, rename(syscall.EISDIR), "«årsrapport 2025.pdf» kunne ikke lagres: rename"},
	} {
		got := (&WriteError{Path: path, Op: tt.op, Err: tt.err}).Error()
		if !strings.Contains(got, tt.want) {
			t.Errorf("%v: %q, want it to contain %q", tt.err, got, tt.want)
		}
	}
	if fileInUse(rename(syscall.EACCES)) {
		t.Error("off Windows, replacing a file is never refused for being open")
	}
}

// Temporary files a killed run left are removed on the next save into the
// folder, once they are an hour old; nothing else is touched.
func TestWriteFileAtomicRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	names := map[string]bool{ // name → removed
		".hmsutvalg-123456.tmp":  true,
		".hmsutvalg-99.tmp":      false, // fresh: may be another save in progress
		".hmsutvalg-abc.tmp":     false,
		"hmsutvalg-123.tmp":      false,
		".hmsutvalg-123.tmp.pdf": false,
		"notat.tmp":              false,
	}
	for name := range names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if name != ".hmsutvalg-99.tmp" {
			_ = os.Chtimes(p, old, old)
		}
	}
	if err := WriteFileAtomic(filepath.Join(dir, "rapport.pdf"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	for name, removed := range names {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := errors.Is(err, fs.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}
