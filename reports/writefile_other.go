//go:build !windows

package reports

import (
	"errors"
	"syscall"
)

// fileInUse is false here: Linux and macOS let a file that another
// program has open be replaced.
func fileInUse(error) bool { return false }

func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
