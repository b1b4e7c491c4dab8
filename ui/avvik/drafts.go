package avvik

import (
	"fyne.io/fyne/v2/lang"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// FilterNew opens the register with a new deviation (a draft of one
// being restored).
const FilterNew = "ny"

// texts are the deviation's descriptions, kept as a draft while unsaved.
func (e *Editor) texts() unsaved.Texts {
	return unsaved.Texts{
		{Label: lang.L(model.FieldDevWhatHappened), Entry: &e.WhatHappened.Entry, Stored: e.dev.WhatHappened},
		{Label: lang.L(model.FieldDevImmediateAction), Entry: &e.ImmediateAction.Entry, Stored: e.dev.ImmediateAction},
		{Label: lang.L(model.FieldDevCause), Entry: &e.Cause.Entry, Stored: e.dev.Cause},
	}
}

// Draft is the open deviation's descriptions (unsaved.Drafter).
func (s *Screen) Draft() (storage.Draft, bool) {
	if s.Editor == nil {
		return storage.Draft{}, false
	}
	e := s.Editor
	if !e.texts().Changed() {
		return storage.Draft{}, false
	}
	d := storage.Draft{Page: PageID, ID: e.dev.ID, Title: e.Heading.Text, Fields: e.texts().Fields()}
	if d.ID == 0 {
		d.Filter = FilterNew
	}
	return d, true
}

// RestoreDraft puts a draft's descriptions back into the open deviation.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	if s.Editor == nil || s.Editor.dev.ID != d.ID {
		return false
	}
	return s.Editor.texts().Restore(d.Fields)
}

// closing is the «Lukk» box while it is open: who closed the deviation
// and when, a sub-form of the editor (unsaved.Guard.Nest). Lagre closes
// the deviation; Forkast closes the box.
type closing struct{ e *Editor }

func (c closing) Dirty() bool { return c.e.CloseBox.Visible() }
func (c closing) Save() bool  { return c.e.confirmClosing() }
func (c closing) Discard()    { c.e.cancelClose() }

// cancelClose closes the «Lukk» box without closing the deviation.
func (e *Editor) cancelClose() {
	e.hideClose()
	e.relayout()
}

func (e *Editor) hideClose() {
	e.CloseBox.Hide()
	e.env.Guard.Unnest(closing{e})
}
