package storage

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.etcd.io/bbolt"
)

// Bucket names. One bucket per entity; later modules add theirs with a new
// migration and registerBucket.
const (
	bucketMeta      = "meta"
	bucketUnit      = "unit"
	bucketMembers   = "members"
	bucketChangelog = "changelog"

	// Schema 2: the action plan, risk assessment and unit settings.
	bucketMeasures        = "measures"
	bucketRiskAssessments = "risk_assessments"
	bucketRiskItems       = "risk_items"
	bucketSettings        = "settings"
)

// Keys in the meta bucket. Values there are plain text, not envelopes: they
// must be readable before we know which envelope versions to expect.
var (
	keyApp           = []byte("app")
	keySchemaVersion = []byte("schema_version")
)

// appMarker identifies our files, so a bbolt file from another program
// that happens to have a "meta" bucket is still refused.
const appMarker = "hmsutvalg"

// migration upgrades the schema by one version. up runs inside the single
// transaction that applies all pending steps, so it must not commit or
// open other transactions.
type migration struct {
	version int
	name    string // Norwegian, goes into the change log
	up      func(tx *bbolt.Tx) error
}

// migrations is the schema history. Append, never edit a released step.
// Tests use openWith/createWith with their own list instead of mutating it.
var migrations = []migration{
	{version: 1, name: "grunnskjema med enhet, utvalgsmedlemmer og endringslogg", up: migrateV1},
	{version: 2, name: "handlingsplan, risikovurdering og innstillinger", up: migrateV2},
	{version: 3, name: "avvik, sykefravær, vernerunder, vold og trusler, 10-FAKTOR, møter og årshjul", up: migrateV3},
	{version: 4, name: "årlig gjennomgang", up: migrateV4},
	{version: 5, name: "opprettet-dato for tiltak som manglet den, hentet fra endringsloggen", up: migrateMeasureCreated},
	{version: 6, name: "kladder av tekst som ikke er lagret", up: migrateDrafts},
	{version: 7, name: "årsindeks over avvik, møter og vernerunder, så årsrapporten bare leser årets poster", up: migrateYearIndex},
	{version: attachmentsSchema, name: "vedlegg: bilder og PDF-er til avvik, funn, risikoer og møter", up: migrateAttachments},
	{version: planIndexSince, name: "indeks over tiltak og farer, så årsrapporten bare leser det året trenger", up: migratePlanIndex},
	{version: listThumbsSchema, name: "små miniatyrbilder av bildevedleggene til listene", up: migrateListThumbs},
}

func migrateV1(tx *bbolt.Tx) error {
	for _, name := range []string{bucketUnit, bucketMembers, bucketChangelog} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

// migrateV2 adds empty buckets; existing records need no conversion.
func migrateV2(tx *bbolt.Tx) error {
	for _, name := range []string{bucketMeasures, bucketRiskAssessments, bucketRiskItems, bucketSettings} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}

func latestVersion(migs []migration) int {
	if len(migs) == 0 {
		return 0
	}
	return migs[len(migs)-1].version
}

// readSchemaVersion identifies the file as ours and returns its schema.
func readSchemaVersion(tx *bbolt.Tx, path string) (int, error) {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil || string(meta.Get(keyApp)) != appMarker {
		return 0, &NotHMSFileError{Path: path, Reason: "filen er ikke laget av HMS-utvalg"}
	}
	raw := meta.Get(keySchemaVersion)
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return 0, &NotHMSFileError{Path: path, Reason: fmt.Sprintf("ugyldig skjemaversjon %q", raw)}
	}
	return v, nil
}

// migrate applies every step after from in ONE transaction and logs it
// there too: either the file reaches the latest version with a log entry,
// or it stays exactly as it was.
func (s *Store) migrate(migs []migration, from int) error {
	var pending []migration
	for i, m := range migs {
		if i > 0 && m.version != migs[i-1].version+1 || i == 0 && m.version != 1 {
			return errors.New("intern feil: migreringene må være nummerert 1, 2, 3 …")
		}
		if m.version > from {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	latest := latestVersion(migs)
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		meta, err := tx.CreateBucketIfNotExists([]byte(bucketMeta))
		if err != nil {
			return nil, err
		}
		if from == 0 {
			if err := meta.Put(keyApp, []byte(appMarker)); err != nil {
				return nil, err
			}
		}
		names := make([]string, 0, len(pending))
		for _, m := range pending {
			if err := m.up(tx); err != nil {
				return nil, fmt.Errorf("steg %d (%s): %w", m.version, m.name, err)
			}
			names = append(names, m.name)
		}
		if err := meta.Put(keySchemaVersion, []byte(strconv.Itoa(latest))); err != nil {
			return nil, err
		}
		summary := fmt.Sprintf("Skjema oppgradert fra versjon %d til %d: %s", from, latest, strings.Join(names, "; "))
		if from == 0 {
			summary = fmt.Sprintf("Database opprettet med skjemaversjon %d: %s", latest, strings.Join(names, "; "))
		}
		return []Change{{Entity: EntityDatabase, Kind: ChangeMigrated, Summary: summary}}, nil
	})
	if err != nil {
		return fmt.Errorf("Databasen «%s» kunne ikke oppgraderes fra skjemaversjon %d til %d, og er ikke endret: %w", s.path, from, latest, err)
	}
	s.schema = latest
	return nil
}
