package arsgjennomgang

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// texts are the review's evaluation and comments, kept as a draft while
// unsaved.
func (s *Screen) texts() unsaved.Texts {
	return unsaved.Texts{
		{Label: lang.L("Evaluering"), Entry: &s.Evaluation.Entry},
		{Label: lang.L(model.FieldLeaderComment), Entry: &s.LeaderComment.Entry},
		{Label: lang.L(model.FieldSafetyRepComment), Entry: &s.SafetyRepComment.Entry},
	}
}

// Draft is the shown year's review text (unsaved.Drafter); the year is
// the focus's ID, as the page takes it.
func (s *Screen) Draft() (storage.Draft, bool) {
	y := s.year()
	return storage.Draft{Page: PageID, ID: uint64(y), Title: fmt.Sprintf(lang.L("Årlig gjennomgang %s"), y), Fields: s.texts().Fields()}, true
}

// RestoreDraft puts a draft's text back when the page shows its year.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	if uint64(s.year()) != d.ID {
		return false
	}
	return s.texts().Restore(d.Fields)
}
