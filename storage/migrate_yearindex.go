package storage

import "go.etcd.io/bbolt"

// migrateYearIndex (schema 7) builds the year index (yearindex.go) of
// the deviations, meetings and safety rounds already in the file, so the
// annual report of one year reads only that year's records.
//
// Kept in its own file and function: another branch may add a migration
// with the same number, and the merge renumbers one of them.
func migrateYearIndex(tx *bbolt.Tx) error {
	return buildYearIndex(tx)
}

// yearIndexSince is the schema version whose migration builds the index.
const yearIndexSince = 7
