//go:build windows

package atomicfile

import (
	"os"

	"golang.org/x/sys/windows"
)

// Windows cannot flush a folder; rename asks MoveFileEx to write through.
func syncDir(string) {}

func rename(tmp, final string) error {
	from, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(final)
	if err != nil {
		return err
	}
	if err := windows.MoveFileEx(from, to, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH); err != nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: final, Err: err}
	}
	return nil
}

// inUse: Windows refuses to delete a file another process has open
// without sharing, so RemoveStale's os.Remove fails harmlessly instead.
func inUse(string) bool { return false }
