package storage

import "go.etcd.io/bbolt"

// Attachments (photos and PDFs) live in two buckets: the metadata
// (model.Attachment, one envelope per ID, read by lists) and the bytes
// (the stored photo, its thumbnail or the PDF), so a list never loads a
// photo.
const (
	bucketAttachments    = "attachments"
	bucketAttachmentData = "attachment_data"
)

// attachmentsSchema is the schema version whose migration creates the
// attachment buckets. Kept here with the migration: another branch may add
// a migration with the same number, and the merge renumbers one of them.
const attachmentsSchema = 8

// migrateAttachments adds the empty attachment buckets; existing records
// need no conversion.
func migrateAttachments(tx *bbolt.Tx) error {
	for _, name := range []string{bucketAttachments, bucketAttachmentData} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}
