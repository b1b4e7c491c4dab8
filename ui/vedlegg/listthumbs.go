package vedlegg

import (
	"bytes"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// ListThumbs are the thumbnails a register's list shows: for each record,
// its first photo's list thumbnail (model.ListPreviews), or a document
// icon when it has only PDFs. Which record has one is known from the
// metadata the list reads anyway; the picture (a few kB, stored apart
// from the photo) is read only when a row on screen asks for it (Fill),
// and kept decoded while the page lives. Møtemodus shows none for the
// records whose photos the forms hide there (model.ListThumbHidden).
type ListThumbs struct {
	env      *appctx.Env
	owner    model.AttachmentOwner
	previews map[uint64]model.Attachment
	findings map[int]model.Attachment // OwnerFinding in one round: by question
	decoded  map[uint64]image.Image   // by attachment ID
	// Reads counts the list thumbnails read from the file (tests).
	Reads int
}

// maxDecoded bounds the pictures kept decoded (≈ 50 kB each).
const maxDecoded = 400

// NewListThumbs reads which records of kind owner have attachments.
func NewListThumbs(env *appctx.Env, owner model.AttachmentOwner) *ListThumbs {
	t := &ListThumbs{env: env, owner: owner, decoded: map[uint64]image.Image{}}
	t.Reload()
	return t
}

// Reload reads the attachments' metadata again (after one was added or
// deleted); pictures already decoded are kept (a stored file never
// changes).
func (t *ListThumbs) Reload() {
	t.previews = nil
	if all, err := t.env.Store.AllAttachments(); err == nil {
		t.previews = model.ListPreviews(all, t.owner)
	}
}

// ForRound points the thumbnails at the findings of one round, by
// question number (the closing meeting's list of findings).
func (t *ListThumbs) ForRound(roundID uint64) {
	t.findings = nil
	if all, err := t.env.Store.AllAttachments(); err == nil {
		t.findings = model.FindingListPreviews(all, roundID)
	}
}

// Has reports whether record id's row shows a thumbnail now.
func (t *ListThumbs) Has(id uint64) bool {
	a, ok := t.previews[id]
	return ok && !model.ListThumbHidden(a, t.env.MeetingMode())
}

// Fill puts record id's thumbnail into img: the photo's list thumbnail,
// a document icon for a PDF, a broken-image icon for a file that does
// not read.
func (t *ListThumbs) Fill(id uint64, img *canvas.Image) {
	if a, ok := t.previews[id]; ok {
		t.fill(a, img)
	}
}

// Finding is the thumbnail of question q's finding in the round ForRound
// chose, or nil when it has no attachment.
func (t *ListThumbs) Finding(q int) *canvas.Image {
	a, ok := t.findings[q]
	if !ok || model.ListThumbHidden(a, t.env.MeetingMode()) {
		return nil
	}
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	side := 3.2 * theme.TextSize()
	img.SetMinSize(fyne.NewSize(side, side))
	t.fill(a, img)
	return img
}

func (t *ListThumbs) fill(a model.Attachment, img *canvas.Image) {
	img.Image, img.Resource = nil, nil
	if a.Kind != model.AttachPhoto {
		img.Resource = theme.FileApplicationIcon()
		return
	}
	if pic, ok := t.decoded[a.ID]; ok {
		img.Image = pic
		return
	}
	t.Reads++
	raw, err := t.env.Store.AttachmentListThumb(a.ID)
	var pic image.Image
	if err == nil {
		pic, _, err = image.Decode(bytes.NewReader(raw))
	}
	if err != nil {
		img.Resource = theme.BrokenImageIcon()
		return
	}
	if len(t.decoded) >= maxDecoded {
		clear(t.decoded)
	}
	t.decoded[a.ID] = pic
	img.Image = pic
}
