package storage

// FastDecodeAgrees lets the external tests check the fast decoder against
// encoding/json on a whole demo file (the demo package imports storage).
var FastDecodeAgrees = fastAgreesInBucket
