package storage

import (
	"reflect"

	"go.etcd.io/bbolt"
)

// FastDecodeAgrees lets the external tests check the fast decoder against
// encoding/json on a whole demo file (the demo package imports storage).
var FastDecodeAgrees = fastAgreesInBucket

// Precheck is the pre-open check of a file (precheckFile), for the
// benchmark on the heavy demo file.
var Precheck = precheckFile

// RecordTypes lists the record types of the registered buckets, for the
// test that every stored type is covered by the read-ownership test.
func RecordTypes() []reflect.Type {
	var out []reflect.Type
	for _, s := range bucketSpecs {
		if s.typ != nil {
			out = append(out, s.typ)
		}
	}
	return out
}

// DeleteAllAttachments removes every attachment and its files in one
// transaction, so a test can start from a unit without photos.
func (s *Store) DeleteAllAttachments() error {
	all, err := s.AllAttachments()
	if err != nil {
		return err
	}
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		for _, a := range all {
			if _, err := deleteRecord(tx, bucketAttachments, a.ID); err != nil {
				return nil, err
			}
			if err := deleteParts(tx, a.ID); err != nil {
				return nil, err
			}
		}
		return []Change{{Entity: EntityAttachment, Kind: ChangeDeleted, Summary: "Slettet alle vedlegg (test)"}}, nil
	})
}
