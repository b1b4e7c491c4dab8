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

// itemTexts are the open risk item's texts (the hazard, what can go
// wrong, who is exposed, the measures in place), kept with the
// assessment's; none while no item is open.
func (d *Detail) itemTexts() unsaved.Texts {
	if d.Item == nil {
		return nil
	}
	e := d.Item
	return unsaved.Texts{
		{Label: lang.L(model.FieldHazard), Entry: &e.Hazard.Entry},
		{Label: lang.L(model.FieldEvent), Entry: &e.Event.Entry},
		{Label: lang.L(model.FieldExposed), Entry: &e.Exposed.Entry},
		{Label: lang.L(model.FieldExistingMeasures), Entry: &e.Existing.Entry},
	}
}

// Draft is the open assessment's free text and the open item's
// (unsaved.Drafter). The assessment is the focus's ParentID and the item
// its ID (0: a new item), as Open takes them.
func (s *Screen) Draft() (storage.Draft, bool) {
	if s.Detail == nil || s.Detail.a.ID == 0 {
		return storage.Draft{}, false
	}
	d := s.Detail
	title := d.Title.Text
	if title == "" {
		title = lang.L("Risikovurdering")
	}
	dr := storage.Draft{Page: PageID, ParentID: d.a.ID, Title: title,
		Fields: append(d.texts(), d.itemTexts()...).Fields()}
	if d.Item != nil {
		dr.ID = d.Item.item.ID
		if h := d.Item.Hazard.Text; h != "" {
			dr.Title += ": " + h
		}
	}
	return dr, true
}

// RestoreDraft puts a draft's text back into the open assessment, and
// into the item it was typed in: the stored one Open has opened, or a new
// one.
func (s *Screen) RestoreDraft(dr storage.Draft) bool {
	d := s.Detail
	if d == nil || d.a.ID != dr.ParentID {
		return false
	}
	if hasItemText(dr) && (d.Item == nil || d.Item.item.ID != dr.ID) {
		if dr.ID != 0 {
			return false // the item is gone: the text is shown to copy
		}
		d.editItem(model.RiskItem{AssessmentID: d.a.ID, Category: model.HMSCategory("")})
	}
	return append(d.texts(), d.itemTexts()...).Restore(dr.Fields)
}

// hasItemText reports whether a draft holds text typed in a risk item.
func hasItemText(dr storage.Draft) bool {
	for _, f := range dr.Fields {
		switch f.Label {
		case lang.L(model.FieldHazard), lang.L(model.FieldEvent), lang.L(model.FieldExposed), lang.L(model.FieldExistingMeasures):
			if f.Text != "" {
				return true
			}
		}
	}
	return false
}
