package handlingsplan

import (
	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// texts are the measure's title, description and evaluation note, kept
// as a draft while unsaved.
func (e *Editor) texts() unsaved.Texts {
	return unsaved.Texts{
		{Label: lang.L(model.FieldTitle), Entry: &e.Title.Entry, Stored: e.m.Title},
		{Label: lang.L(model.FieldDescription), Entry: &e.Description.Entry, Stored: e.m.Description},
		{Label: lang.L(model.FieldEvaluationNote), Entry: &e.Note.Entry},
	}
}

// Draft is the open measure's text (unsaved.Drafter); ID 0 is the new
// measure the page opens with.
func (s *Screen) Draft() (storage.Draft, bool) {
	e := s.Editor
	if !e.texts().Changed() {
		return storage.Draft{}, false
	}
	return storage.Draft{Page: PageID, ID: e.m.ID, Title: e.Heading.Text, Fields: e.texts().Fields()}, true
}

// RestoreDraft puts a draft's text back into the open measure.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	if s.Editor.m.ID != d.ID {
		return false
	}
	return s.Editor.texts().Restore(d.Fields)
}
