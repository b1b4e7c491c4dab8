package tifaktor

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// texts are the round's free text: its remarks, each focus area's notes
// and a follow-up meeting's notes, kept as a draft while unsaved.
func (e *Editor) texts() unsaved.Texts {
	ts := unsaved.Texts{{Label: lang.L(model.FieldSurveyNotes), Entry: &e.Notes.Entry, Stored: e.round.Notes}}
	f := e.FollowUp
	for _, factor := range model.TenFactors() {
		if fe := f.Focus[factor]; fe != nil {
			name := lang.L(factor.Label())
			a, _ := e.round.FocusFor(factor)
			ts = append(ts,
				unsaved.Text{Label: fmt.Sprintf("%s: %s", name, lang.L(model.FieldSurveyWhatWorks)), Entry: &fe.WhatWorks.Entry, Stored: a.WhatWorks},
				unsaved.Text{Label: fmt.Sprintf("%s: %s", name, lang.L(model.FieldSurveyToImprove)), Entry: &fe.ToImprove.Entry, Stored: a.ToImprove})
		}
	}
	return append(ts, unsaved.Text{Label: lang.L(model.FieldSurveyMeetingNotes), Entry: &f.MeetingNotes.Entry})
}

// Draft is the open round's free text (unsaved.Drafter); the round is the
// focus's ParentID, as the page takes it.
func (s *Screen) Draft() (storage.Draft, bool) {
	if s.Editor == nil || s.Editor.round.ID == 0 || !s.Editor.texts().Changed() {
		return storage.Draft{}, false
	}
	r := s.Editor.round
	return storage.Draft{Page: PageID, ParentID: r.ID, Title: r.Label(), Fields: s.Editor.texts().Fields()}, true
}

// RestoreDraft puts a draft's text back into the open round.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	if s.Editor == nil || s.Editor.round.ID != d.ParentID {
		return false
	}
	return s.Editor.texts().Restore(d.Fields)
}
