package innstillinger

import (
	"fmt"
	"os"
)

// removeEmpty removes a file the save dialog just created, but never one with content.
func removeEmpty(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if fi.Size() > 0 {
		return fmt.Errorf("filen %s finnes allerede og blir ikke overskrevet", path)
	}
	return os.Remove(path)
}
