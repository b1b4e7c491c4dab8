package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"hmsutvalg/internal/attach"
	"hmsutvalg/model"
)

// bucketListThumbs holds each photo's list thumbnail (a JPEG of
// model.ListThumbLongestSide, a few kB) under the attachment's ID: the
// lists read one for each row on screen, never the photo or its larger
// thumbnail in bucketAttachmentData.
const bucketListThumbs = "attachment_list_thumbs"

// listThumbsSchema is the schema version whose migration makes the list
// thumbnails. Kept here with the migration: another branch may add a
// migration with the same number, and the merge renumbers one of them.
const listThumbsSchema = 10

// migrateListThumbs adds the bucket and makes the list thumbnail of every
// photo already stored, from its thumbnail (from the photo when the
// thumbnail does not decode). A photo neither decodes from fails the
// migration, which then leaves the file as it was.
func migrateListThumbs(tx *bbolt.Tx) error {
	lt, err := tx.CreateBucketIfNotExists([]byte(bucketListThumbs))
	if err != nil {
		return err
	}
	data := tx.Bucket([]byte(bucketAttachmentData))
	if data == nil {
		return nil
	}
	return forEachDecodable(tx, bucketAttachments, func(id uint64, a model.Attachment) error {
		if a.Kind != model.AttachPhoto {
			return nil
		}
		small, err := attach.ListThumb(data.Get(partKey(id, partThumb)))
		if err != nil {
			small, err = attach.ListThumb(data.Get(partKey(id, partFile)))
		}
		if err != nil {
			return fmt.Errorf("vedlegg %d («%s»): %w", id, a.Label(), err)
		}
		return lt.Put(itob(id), small)
	})
}
