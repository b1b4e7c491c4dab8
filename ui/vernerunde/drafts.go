package vernerunde

import (
	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// texts are the round's free text: the pre-meeting notes and the closing
// summary, kept as a draft while unsaved.
func (v *RoundView) texts() unsaved.Texts {
	return unsaved.Texts{
		{Label: lang.L(model.FieldPreMeetingNotes), Entry: &v.Pre.Notes.Entry, Stored: v.r.PreMeetingNotes},
		{Label: lang.L(model.FieldClosingNotes), Entry: &v.Closing.Notes.Entry, Stored: v.r.ClosingNotes},
	}
}

// Draft is the open round's free text (unsaved.Drafter). The round is the
// focus's ParentID, as Open takes it.
func (s *Screen) Draft() (storage.Draft, bool) {
	if s.Round == nil || s.Round.r.ID == 0 || !s.Round.texts().Changed() {
		return storage.Draft{}, false
	}
	v := s.Round
	return storage.Draft{Page: PageID, ParentID: v.r.ID, Title: v.Heading.Text, Fields: v.texts().Fields()}, true
}

// RestoreDraft puts a draft's text back into the open round.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	if s.Round == nil || s.Round.r.ID != d.ParentID || s.Round.r.Locked() {
		return false
	}
	return s.Round.texts().Restore(d.Fields)
}
