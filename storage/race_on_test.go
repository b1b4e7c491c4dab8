//go:build race

package storage_test

// raceEnabled: the race detector drops sync.Pool items at random, so
// allocation figures vary by tens of kB between runs.
const raceEnabled = true
