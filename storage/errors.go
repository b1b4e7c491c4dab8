package storage

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers wrap them with the path (fmt.Errorf("%w …")) so
// the UI can test with errors.Is and still show which file was meant.
var (
	// ErrExists is returned when a file that is about to be created is
	// already there; we never overwrite a database or a backup silently.
	ErrExists = errors.New("filen finnes allerede")
	// ErrNotExist is returned when a database that should be opened is
	// missing; Open never creates a file by accident.
	ErrNotExist = errors.New("filen finnes ikke")
	// ErrReadOnly is returned by every write on a store opened read-only.
	ErrReadOnly = errors.New("databasen er åpnet skrivebeskyttet, og endringen ble ikke lagret")
	// ErrNotFound is returned when a record that should be changed or
	// deleted does not exist.
	ErrNotFound = errors.New("finnes ikke")
	// ErrClosed is returned when the store is used after Close.
	ErrClosed = errors.New("databasen er lukket")
)

// pathError ties ErrExists/ErrNotExist to a path with a full sentence
// for the user, while errors.Is still matches the sentinel.
type pathError struct {
	sentinel error
	path     string
}

func pathErr(sentinel error, path string) error { return &pathError{sentinel, path} }

func (e *pathError) Error() string {
	if e.sentinel == ErrExists {
		return fmt.Sprintf("Filen «%s» finnes allerede og blir ikke overskrevet.", e.path)
	}
	if e.sentinel == ErrNotExist {
		return fmt.Sprintf("Filen «%s» finnes ikke.", e.path)
	}
	return fmt.Sprintf("%s: «%s»", e.sentinel, e.path)
}

func (e *pathError) Unwrap() error { return e.sentinel }

// LockedError means another program (or window) holds the database open.
// bbolt's file lock is what detects it, so this also covers a second
// window in the same process.
type LockedError struct{ Path string }

func (e *LockedError) Error() string {
	return fmt.Sprintf("Databasen «%s» er allerede åpen i et annet vindu. Lukk det andre vinduet og prøv igjen.", e.Path)
}

// NotHMSFileError means the file is not something we may touch: garbage,
// empty, truncated, or a bbolt file written by another program.
type NotHMSFileError struct{ Path, Reason string }

func (e *NotHMSFileError) Error() string {
	return fmt.Sprintf("Filen «%s» er ikke en gyldig HMS-utvalg-database (%s). Filen er ikke endret.", e.Path, e.Reason)
}

// NewerSchemaError means the file was written by a newer program; we refuse
// rather than risk dropping fields we do not know about.
type NewerSchemaError struct {
	Path    string
	Version int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("Databasen «%s» ble laget med en nyere versjon av HMS-utvalg (skjemaversjon %d). Oppdater programmet.", e.Path, e.Version)
}

// OldSchemaError means a file opened read-only (the command line's
// report, status, backup …) has an older schema: upgrading it would write,
// so the program that opens it for writing must do that first.
type OldSchemaError struct {
	Path            string
	Version, Latest int
}

func (e *OldSchemaError) Error() string {
	return fmt.Sprintf("Databasen «%s» har skjemaversjon %d og må oppgraderes til versjon %d før den kan leses uten å endres. "+
		"Start programmet med filen én gang (hmsutvalg --db «%s»), så oppgraderes den, og prøv igjen.", e.Path, e.Version, e.Latest, e.Path)
}

// DecodeError names the bucket and key of a stored value that cannot be
// decoded, so a damaged record can be found with Check or bbolt tools.
type DecodeError struct {
	Bucket string
	Key    []byte
	Err    error
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("lagret verdi i «%s» med nøkkel %s kan ikke leses: %v", e.Bucket, formatKey(e.Key), e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// CorruptError is returned when bbolt panics while reading a damaged page;
// we turn the panic into an error so the GUI can tell the user instead of
// crashing.
type CorruptError struct {
	Path   string
	Detail string
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("Databasen «%s» ser ut til å være skadet (%s). Kjør «hmsutvalg check» eller gjenopprett en sikkerhetskopi.", e.Path, e.Detail)
}
