package storage

import (
	"bytes"
	"fmt"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Attachments: metadata in "attachments" (one model.Attachment per ID,
// read by lists), bytes in "attachment_data" under the attachment's ID
// and a suffix: 'f' the stored file (photo or PDF), 't' a photo's
// thumbnail; a photo's list thumbnail in bucketListThumbs under its ID.
// All are written and removed in the same transaction, and
// deleting a deviation, risk item, meeting or safety round removes its
// attachments with it (entity.remove), so Undo brings them back together.

// EntityAttachment is the attachment's name in the change log.
const EntityAttachment = "vedlegg"

// Suffixes of the keys in bucketAttachmentData.
const (
	partFile  = 'f'
	partThumb = 't'
)

var attachments = entity[model.Attachment]{
	bucket: bucketAttachments,
	name:   EntityAttachment,
	id:     func(a model.Attachment) uint64 { return a.ID },
	setID:  func(a *model.Attachment, id uint64) { a.ID = id },
	label:  func(a model.Attachment) string { return "«" + a.Label() + "»" },
	norm:   model.Attachment.Normalized,
	check:  model.Attachment.Validate,
}

// ownerBuckets is the bucket of each owner kind's records.
var ownerBuckets = map[model.AttachmentOwner]string{
	model.OwnerDeviation: bucketDeviations,
	model.OwnerFinding:   bucketSafetyRounds,
	model.OwnerRiskItem:  bucketRiskItems,
	model.OwnerMeeting:   bucketMeetings,
}

var (
	_ = registerBucket(recordSpec(bucketAttachments, "vedlegg", attachmentsSchema, func(id uint64, a model.Attachment) error {
		if a.ID != id {
			return fmt.Errorf("posten har ID %d", a.ID)
		}
		return a.Validate()
	}))
	_ = registerBucket(bucketSpec{name: bucketAttachmentData, label: "vedleggsfiler", since: attachmentsSchema, named: true,
		check: func(key, raw []byte) error {
			if len(key) != 9 || (key[8] != partFile && key[8] != partThumb) {
				return fmt.Errorf("«%s»: ukjent nøkkel %s", bucketAttachmentData, formatKey(key))
			}
			if len(raw) == 0 {
				return fmt.Errorf("«%s»: filen til vedlegg %d er tom", bucketAttachmentData, idOfPart(key))
			}
			return nil
		}})
	_ = registerBucket(bucketSpec{name: bucketListThumbs, label: "miniatyrbilder til listene", since: listThumbsSchema, named: true,
		check: func(key, raw []byte) error {
			if len(key) != 8 {
				return fmt.Errorf("«%s»: ukjent nøkkel %s", bucketListThumbs, formatKey(key))
			}
			if len(raw) == 0 {
				id, _ := btoi(key)
				return fmt.Errorf("«%s»: miniatyrbildet til vedlegg %d er tomt", bucketListThumbs, id)
			}
			return nil
		}})
	_ = registerInvariant(checkAttachmentInvariants)
	_ = registerInvariant(checkListThumbs)
)

// checkListThumbs: every photo has its list thumbnail, and every list
// thumbnail belongs to a photo.
func checkListThumbs(tx *bbolt.Tx) []string {
	lt := tx.Bucket([]byte(bucketListThumbs))
	if lt == nil {
		return nil
	}
	var problems []string
	photos := map[uint64]bool{}
	_ = forEachDecodable(tx, bucketAttachments, func(id uint64, a model.Attachment) error {
		if a.Kind != model.AttachPhoto {
			return nil
		}
		photos[id] = true
		if lt.Get(itob(id)) == nil {
			problems = append(problems, fmt.Sprintf("Vedlegg %d («%s») mangler miniatyrbildet til listene", id, a.Label()))
		}
		return nil
	})
	_ = lt.ForEach(func(k, _ []byte) error {
		if id, _ := btoi(k); len(k) == 8 && !photos[id] {
			problems = append(problems, fmt.Sprintf("Miniatyrbilde til listene for vedlegg %d, som ikke er et lagret bilde", id))
		}
		return nil
	})
	return problems
}

func partKey(id uint64, part byte) []byte { return append(itob(id), part) }

func idOfPart(key []byte) uint64 {
	id, _ := btoi(key[:8])
	return id
}

// checkAttachmentInvariants: every attachment has its file (and a photo
// its thumbnail) of the recorded size and an owner that exists, and
// every stored file belongs to an attachment.
func checkAttachmentInvariants(tx *bbolt.Tx) []string {
	data := tx.Bucket([]byte(bucketAttachmentData))
	if data == nil {
		return nil
	}
	var problems []string
	known := map[uint64]bool{}
	_ = forEachDecodable(tx, bucketAttachments, func(id uint64, a model.Attachment) error {
		known[id] = true
		f := data.Get(partKey(id, partFile))
		switch {
		case f == nil:
			problems = append(problems, fmt.Sprintf("Vedlegg %d («%s») mangler filen sin", id, a.Label()))
		case int64(len(f)) != a.Size:
			problems = append(problems, fmt.Sprintf("Vedlegg %d («%s») skal være %d byte, men filen er %d", id, a.Label(), a.Size, len(f)))
		}
		if a.Kind == model.AttachPhoto && data.Get(partKey(id, partThumb)) == nil {
			problems = append(problems, fmt.Sprintf("Vedlegg %d («%s») mangler miniatyrbildet", id, a.Label()))
		}
		if !ownerExists(tx, a) {
			problems = append(problems, fmt.Sprintf("Vedlegg %d («%s») hører til %s %d, som ikke finnes", id, a.Label(), a.OwnerKind, a.OwnerID))
		}
		return nil
	})
	_ = data.ForEach(func(k, _ []byte) error {
		if len(k) == 9 && !known[idOfPart(k)] {
			problems = append(problems, fmt.Sprintf("Fil til vedlegg %d, som ikke finnes", idOfPart(k)))
		}
		return nil
	})
	return problems
}

// ownerExists reports whether a's owner is stored (for a finding: the
// round, with a question of that number).
func ownerExists(tx *bbolt.Tx, a model.Attachment) bool {
	bucket, ok := ownerBuckets[a.OwnerKind]
	if !ok {
		return false
	}
	if a.OwnerKind != model.OwnerFinding {
		found, err := hasRecord(tx, bucket, a.OwnerID)
		return err == nil && found
	}
	r, found, err := getRecord[model.SafetyRound](tx, bucket, a.OwnerID)
	return err == nil && found && a.Question >= 1 && a.Question <= len(r.Questions())
}

// Attachments returns the attachments of one record (for a finding:
// round ownerID, question q) in the order they were added, without
// their files.
func (s *Store) Attachments(owner model.AttachmentOwner, ownerID uint64, q int) ([]model.Attachment, error) {
	all, err := listEntities(s, attachments)
	if err != nil {
		return nil, err
	}
	var out []model.Attachment
	for _, a := range all {
		if a.Owns(owner, ownerID, q) {
			out = append(out, a)
		}
	}
	return out, nil
}

// AllAttachments returns every attachment's metadata in ID order; the
// reports pick theirs from it.
func (s *Store) AllAttachments() ([]model.Attachment, error) {
	return listEntities(s, attachments)
}

// AttachmentFile returns the stored file of attachment a (as listed):
// the downscaled photo or the PDF.
func (s *Store) AttachmentFile(a model.Attachment) ([]byte, error) {
	return s.attachmentPart(a.ID, partFile)
}

// AttachmentThumb returns a photo's thumbnail.
func (s *Store) AttachmentThumb(a model.Attachment) ([]byte, error) {
	return s.attachmentPart(a.ID, partThumb)
}

// AttachmentThumbs returns the thumbnails of the photos as, in order, read
// in one transaction: the annual report's photos. A one-shot reader lets
// go of the pages of each window of the file once it has read the last
// thumbnail in it (releaseBehind), not after each thumbnail: that made
// the next, often in the same window, fault it in again (13 ms instead of
// 4 for the heavy report's photos).
func (s *Store) AttachmentThumbs(as []model.Attachment) ([][]byte, error) {
	out := make([][]byte, 0, len(as))
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketAttachmentData)
		if err != nil {
			return err
		}
		var held [][]byte
		for _, a := range as {
			raw := b.Get(partKey(a.ID, partThumb))
			if raw == nil {
				return attachments.notFound(a.ID)
			}
			out = append(out, bytes.Clone(raw))
			held = s.releaseBehind(held, raw)
		}
		s.releaseRead(held)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AttachmentListThumb returns photo id's list thumbnail (a few kB): a
// list reads it for a row on screen, and nothing else of the photo.
func (s *Store) AttachmentListThumb(id uint64) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketListThumbs)
		if err != nil {
			return err
		}
		raw := b.Get(itob(id))
		if raw == nil {
			return attachments.notFound(id)
		}
		out = bytes.Clone(raw)
		return nil
	})
	return out, err
}

func (s *Store) attachmentPart(id uint64, part byte) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketAttachmentData)
		if err != nil {
			return err
		}
		raw := b.Get(partKey(id, part))
		if raw == nil {
			return attachments.notFound(id)
		}
		out = bytes.Clone(raw) // the memory map is gone after the transaction
		s.releaseRead([][]byte{raw})
		return nil
	})
	return out, err
}

// AttachmentParts are the stored files of an attachment: the photo or
// PDF, and a photo's thumbnail and list thumbnail (nil for a PDF).
type AttachmentParts struct {
	File, Thumb, ListThumb []byte
}

// AddAttachment stores a new attachment (a.ID must be 0) with its file
// and, for a photo, the thumbnails, in one transaction with a change-log
// entry. The owner must exist and have room for one more
// (model.CanAddAttachment). It returns the stored metadata.
func (s *Store) AddAttachment(a model.Attachment, p AttachmentParts) (model.Attachment, error) {
	return inBatch(s, func(b *Batch) (model.Attachment, error) { return b.AddAttachment(a, p) })
}

// AddAttachment is Store.AddAttachment inside the batch.
func (b *Batch) AddAttachment(a model.Attachment, p AttachmentParts) (model.Attachment, error) {
	file := p.File
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		if a.ID != 0 {
			return nil, fmt.Errorf("intern feil: nytt vedlegg med ID %d", a.ID)
		}
		a.Size = int64(len(file))
		if err := a.Normalized().Validate(); err != nil {
			return nil, err
		}
		photo := a.Kind == model.AttachPhoto
		if photo != (len(p.Thumb) > 0) || photo != (len(p.ListThumb) > 0) {
			return nil, fmt.Errorf("intern feil: et bilde trenger miniatyrbilder, en PDF har ikke")
		}
		if !ownerExists(tx, a) {
			return nil, &model.FieldError{Field: model.FieldAttachOwner, Message: fmt.Sprintf(
				"%s finnes ikke lenger, så vedlegget kan ikke lagres.", upperFirst(a.OwnerKind.Label()))}
		}
		n, err := countAttachments(tx, a)
		if err != nil {
			return nil, err
		}
		if err := model.CanAddAttachment(n, a.OwnerKind); err != nil {
			return nil, err
		}
		var c Change
		if a, c, err = attachments.save(tx, a); err != nil {
			return nil, err
		}
		if err := putPart(tx, a.ID, partFile, file); err != nil {
			return nil, err
		}
		if photo {
			if err := putThumbs(tx, a.ID, p); err != nil {
				return nil, err
			}
		}
		c.Summary = fmt.Sprintf("La til vedlegg «%s» (%s) til %s %d", a.Label(), model.FormatBytes(a.Size), a.OwnerKind, a.OwnerID)
		return []Change{c}, nil
	})
	return a, err
}

func countAttachments(tx *bbolt.Tx, a model.Attachment) (int, error) {
	n := 0
	err := forEachDecodable(tx, bucketAttachments, func(_ uint64, o model.Attachment) error {
		if o.Owns(a.OwnerKind, a.OwnerID, a.Question) {
			n++
		}
		return nil
	})
	return n, err
}

// putPart writes one stored file, noted for Undo like every write.
func putPart(tx *bbolt.Tx, id uint64, part byte, raw []byte) error {
	b, err := bucketOf(tx, bucketAttachmentData)
	if err != nil {
		return err
	}
	key := partKey(id, part)
	noteBefore(tx, b, bucketAttachmentData, key)
	return b.Put(key, raw)
}

// putThumbs writes a photo's thumbnail and list thumbnail.
func putThumbs(tx *bbolt.Tx, id uint64, p AttachmentParts) error {
	if err := putPart(tx, id, partThumb, p.Thumb); err != nil {
		return err
	}
	b, err := bucketOf(tx, bucketListThumbs)
	if err != nil {
		return err
	}
	noteBefore(tx, b, bucketListThumbs, itob(id))
	return b.Put(itob(id), p.ListThumb)
}

// SetAttachmentCaption changes an attachment's caption.
func (s *Store) SetAttachmentCaption(id uint64, caption string) (model.Attachment, error) {
	var out model.Attachment
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		a, err := attachments.get(tx, id)
		if err != nil {
			return nil, err
		}
		a.Caption = caption
		var c Change
		out, c, err = attachments.save(tx, a)
		return single(c, err)
	})
	return out, err
}

// DeleteAttachment removes an attachment and its files.
func (s *Store) DeleteAttachment(id uint64) error {
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		_, c, err := attachments.remove(tx, id)
		if err != nil {
			return nil, err
		}
		return []Change{c}, deleteParts(tx, id)
	})
}

func deleteParts(tx *bbolt.Tx, id uint64) error {
	b, err := bucketOf(tx, bucketAttachmentData)
	if err != nil {
		return err
	}
	for _, part := range []byte{partFile, partThumb} {
		key := partKey(id, part)
		if b.Get(key) != nil {
			noteBefore(tx, b, bucketAttachmentData, key)
			if err := b.Delete(key); err != nil {
				return err
			}
		}
	}
	lt := tx.Bucket([]byte(bucketListThumbs))
	if lt == nil || lt.Get(itob(id)) == nil {
		return nil // a file from before list thumbnails, during migration
	}
	noteBefore(tx, lt, bucketListThumbs, itob(id))
	return lt.Delete(itob(id))
}

// removeAttachmentsOf deletes the attachments of record id in bucket
// (when that bucket's records can have attachments) with their files,
// inside the caller's transaction, and returns how many there were.
func removeAttachmentsOf(tx *bbolt.Tx, bucket string, id uint64) (int, error) {
	if tx.Bucket([]byte(bucketAttachments)) == nil {
		return 0, nil // a file from before attachments, during migration
	}
	var kind model.AttachmentOwner
	for k, b := range ownerBuckets {
		if b == bucket {
			kind = k
		}
	}
	if kind == "" {
		return 0, nil
	}
	var ids []uint64
	err := forEachDecodable(tx, bucketAttachments, func(aid uint64, a model.Attachment) error {
		if a.OwnerKind == kind && a.OwnerID == id {
			ids = append(ids, aid)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, aid := range ids {
		if _, err := deleteRecord(tx, bucketAttachments, aid); err != nil {
			return 0, err
		}
		if err := deleteParts(tx, aid); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// AttachmentCount is how many attachments record id of owner kind has
// (all questions of a round for OwnerFinding): the delete question names
// it.
func (s *Store) AttachmentCount(owner model.AttachmentOwner, id uint64) int {
	counts, err := s.AttachmentCounts(owner)
	if err != nil {
		return 0
	}
	return counts[id]
}

// AttachmentCounts counts the attachments of every record of owner kind
// (model.AttachmentCounts) for the lists: from the metadata, which the
// list cache keeps, never from the stored files.
func (s *Store) AttachmentCounts(owner model.AttachmentOwner) (map[uint64]int, error) {
	all, err := listEntities(s, attachments)
	if err != nil {
		return nil, err
	}
	return model.AttachmentCounts(all, owner), nil
}

// ReportPhotos reads the thumbnails of as (photos) for a report, in one
// transaction.
func (s *Store) ReportPhotos(as []model.Attachment) ([]model.ReportPhoto, error) {
	out := make([]model.ReportPhoto, 0, len(as))
	err := s.view(func(tx *bbolt.Tx) error {
		b, err := bucketOf(tx, bucketAttachmentData)
		if err != nil {
			return err
		}
		for _, a := range as {
			if raw := b.Get(partKey(a.ID, partThumb)); raw != nil {
				out = append(out, model.ReportPhoto{Attachment: a, JPEG: bytes.Clone(raw)})
			}
		}
		return nil
	})
	return out, err
}
