//go:build windows

package reports

import (
	"errors"
	"syscall"
)

// Windows error codes (winerror.h) that the syscall package does not name.
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
	errorHandleDisk       syscall.Errno = 39 // ERROR_HANDLE_DISK_FULL
	errorDiskFull         syscall.Errno = 112
)

// fileInUse reports a rename refused because another program has the
// target open: access denied or a sharing or lock violation.
func fileInUse(err error) bool {
	return errors.Is(err, syscall.ERROR_ACCESS_DENIED) || errors.Is(err, errorSharingViolation) ||
		errors.Is(err, errorLockViolation)
}

func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDisk)
}
