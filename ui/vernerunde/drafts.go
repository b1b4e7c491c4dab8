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

// FilterTemplates opens the checklists with the template that is the
// focus's ID (a checklist's draft).
const FilterTemplates = "sjekklister"

// texts are the open checklist's name, description and questions, kept as
// a draft while unsaved.
func (t *TemplatesView) texts() unsaved.Texts {
	return unsaved.Texts{
		{Label: lang.L(model.FieldTemplateName), Entry: &t.Name.Entry},
		{Label: lang.L(model.FieldTemplateDesc), Entry: &t.Description.Entry},
		{Label: lang.L(model.FieldSections), Entry: &t.Questions.Entry},
	}
}

// templateDraft is the open checklist's text while it holds changes.
func (s *Screen) templateDraft() (storage.Draft, bool) {
	t := s.Templates
	if t.current.ID == 0 || t.current.Builtin() || !t.Dirty() {
		return storage.Draft{}, false
	}
	return storage.Draft{Page: PageID, ID: t.current.ID, Filter: FilterTemplates,
		Title: lang.L("Sjekkliste") + ": " + t.current.Name, Fields: t.texts().Fields()}, true
}

// Draft is the open round's free text, or the open checklist's
// (unsaved.Drafter). The round is the focus's ParentID, as Open takes it.
func (s *Screen) Draft() (storage.Draft, bool) {
	if s.Templates != nil {
		return s.templateDraft()
	}
	if s.Round == nil || s.Round.r.ID == 0 || !s.Round.texts().Changed() {
		return storage.Draft{}, false
	}
	v := s.Round
	return storage.Draft{Page: PageID, ParentID: v.r.ID, Title: v.Heading.Text, Fields: v.texts().Fields()}, true
}

// RestoreDraft puts a draft's text back into the open round.
func (s *Screen) RestoreDraft(d storage.Draft) bool {
	if d.Filter == FilterTemplates {
		t := s.Templates
		if t == nil || t.current.ID != d.ID || t.current.Builtin() {
			return false
		}
		return t.texts().Restore(d.Fields)
	}
	if s.Round == nil || s.Round.r.ID != d.ParentID || s.Round.r.Locked() {
		return false
	}
	return s.Round.texts().Restore(d.Fields)
}
