package storage

import "reflect"

// FastDecodeAgrees lets the external tests check the fast decoder against
// encoding/json on a whole demo file (the demo package imports storage).
var FastDecodeAgrees = fastAgreesInBucket

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
