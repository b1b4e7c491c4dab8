package risiko

import (
	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// texts are the assessment's participants and notes, kept as a draft
// while unsaved.
func (d *Detail) texts() unsaved.Texts {
	return unsaved.Texts{
		{Label: lang.L(model.FieldParticipants), Entry: &d.Participants.Entry},
		{Label: lang.L(model.FieldNotes), Entry: &d.Notes.Entry},
	}
}

// Draft is the open assessment's free text (unsaved.Drafter). The
// assessment is the focus's ParentID, as Open takes it.
func (s *Screen) Draft() (storage.Draft, bool) {
	if s.Detail == nil || s.Detail.a.ID == 0 {
		return storage.Draft{}, false
	}
	d := s.Detail
	title := d.Title.Text
	if title == "" {
		title = lang.L("Risikovurdering")
	}
	return storage.Draft{Page: PageID, ParentID: d.a.ID, Title: title, Fields: d.texts().Fields()}, true
}

// RestoreDraft puts a draft's text back into the open assessment.
func (s *Screen) RestoreDraft(dr storage.Draft) bool {
	if s.Detail == nil || s.Detail.a.ID != dr.ParentID {
		return false
	}
	return s.Detail.texts().Restore(dr.Fields)
}
