package storage

import "go.etcd.io/bbolt"

// migratePlanIndex (schema 9) builds the plan index (planindex.go) of the
// measures and risk items already in the file, so the annual report of
// one year reads only the measures and hazards that year needs.
//
// Kept in its own file and function: another branch may add a migration
// with the same number, and the merge renumbers one of them.
func migratePlanIndex(tx *bbolt.Tx) error {
	return buildPlanIndex(tx)
}
