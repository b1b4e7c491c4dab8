package storage

import (
	"encoding/json"

	"go.etcd.io/bbolt"
)

// Schema 3 creates the buckets of the remaining modules at once, so they can
// be built side by side without each needing its own schema version. Each
// module registers a typed check for its bucket in its own file with
// registerBucket(recordSpec[T](…)); until it does, Check only verifies that
// the records decode.
const (
	bucketDeviations         = "deviations"          // avvik
	bucketSickLeave          = "sick_leave"          // sykefravær per kvartal
	bucketSafetyRounds       = "safety_rounds"       // vernerunder
	bucketChecklistTemplates = "checklist_templates" // enhetens egne sjekklistemaler
	bucketViolence           = "violence"            // vold og trusler: kartlegging, rutiner, informasjon
	bucketViolenceTrainings  = "violence_trainings"  // opplæring og øvelser
	bucketSurveyRounds       = "survey_rounds"       // 10-FAKTOR
	bucketMeetings           = "meetings"            // møter
	bucketAnnualWheel        = "annual_wheel"        // årshjul
)

var schema3Buckets = []struct{ name, label string }{
	{bucketDeviations, "avvik"},
	{bucketSickLeave, "sykefravær"},
	{bucketSafetyRounds, "vernerunder"},
	{bucketChecklistTemplates, "sjekklistemaler"},
	{bucketViolence, "vold og trusler"},
	{bucketViolenceTrainings, "opplæring og øvelser"},
	{bucketSurveyRounds, "10-FAKTOR"},
	{bucketMeetings, "møter"},
	{bucketAnnualWheel, "årshjul"},
}

// migrateV3 adds empty buckets; existing records need no conversion.
func migrateV3(tx *bbolt.Tx) error {
	for _, b := range schema3Buckets {
		if _, err := tx.CreateBucketIfNotExists([]byte(b.name)); err != nil {
			return err
		}
	}
	return nil
}

var _ = func() bool {
	for _, b := range schema3Buckets {
		registerBucketDefault(recordSpec[json.RawMessage](b.name, b.label, 3, nil))
	}
	return true
}()

// registerBucketDefault registers a spec only if the module has not
// registered its own (package init order is not something to rely on).
func registerBucketDefault(spec bucketSpec) {
	if _, ok := bucketSpecs[spec.name]; ok {
		return
	}
	registerBucket(spec)
	defaultSpecs[spec.name] = true
}

// defaultSpecs marks buckets registered by registerBucketDefault, so a
// module's own registration can replace them.
var defaultSpecs = map[string]bool{}
