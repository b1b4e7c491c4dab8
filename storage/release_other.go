//go:build !linux

package storage

// releaseRead is a no-op where the pages of the map are not released
// (see release_linux.go).
func (s *Store) releaseRead([][]byte) {}

// releaseBehind keeps nothing where nothing is released.
func (s *Store) releaseBehind(held [][]byte, _ []byte) [][]byte { return held[:0] }
