package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// EnvDB names the environment variable that overrides the database path.
const EnvDB = "HMSUTVALG_DB"

// DefaultPath returns <user config dir>/hmsutvalg/hmsutvalg.db.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finner ikke mappen for programinnstillinger: %w", err)
	}
	return filepath.Join(dir, "hmsutvalg", "hmsutvalg.db"), nil
}

// ResolvePath picks the database path: the -db flag if given, else
// $HMSUTVALG_DB, else DefaultPath.
func ResolvePath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if env := os.Getenv(EnvDB); env != "" {
		return env, nil
	}
	return DefaultPath()
}
