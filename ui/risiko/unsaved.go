package risiko

import (
	"strings"

	"hmsutvalg/ui/widgets"
)

// The risk page's form is the open assessment and the open item: leaving
// either with changes asks «Lagre endringene?» (see package unsaved).

// state is the assessment's fields in one string, to tell whether they
// changed since they were loaded or saved.
func (d *Detail) state() string {
	return strings.Join([]string{d.Title.Text, d.Area.Text, d.Kind.Selected, d.Status.Selected,
		d.Date.Text, d.NextReview.Text, d.Participants.Text, d.Notes.Text}, "\x00")
}

// Dirty reports whether the assessment or the open item holds changes
// not saved.
func (d *Detail) Dirty() bool {
	return d.state() != d.loaded || (d.Item != nil && d.Item.Dirty())
}

// SaveAll stores the assessment and the open item; false keeps the form
// with the message.
func (d *Detail) SaveAll() bool {
	if d.state() != d.loaded { // the item goes with it (Detail.store)
		return d.save()
	}
	return d.Item == nil || !d.Item.Dirty() || d.Item.save()
}

// Discard puts back the assessment and item as stored.
func (d *Detail) Discard() {
	a := d.a
	d.Title.SetText(a.Title)
	d.Area.SetText(a.Area)
	widgets.SetEnum(d.Kind, a.Kind.Label())
	widgets.SetEnum(d.Status, a.Status.Label())
	d.Date.SetDate(a.Date)
	d.NextReview.SetDate(a.NextReview)
	d.Participants.SetText(strings.Join(a.Participants, "\n"))
	d.Notes.SetText(a.Notes)
	d.loaded = d.state()
	if d.Item != nil {
		d.Item.Discard()
	}
}

// state is the item's fields and a measure typed but not yet added.
func (e *ItemEditor) state() string {
	return strings.Join([]string{e.Hazard.Text, e.Event.Text, e.Exposed.Text, e.Existing.Text, e.Category.Selected,
		e.P.Selected, e.C.Selected, e.RP.Selected, e.RC.Selected, strings.TrimSpace(e.MeasureTitle.Text)}, "\x00")
}

// withoutMeasure is a state with no measure typed: the measure was added,
// the item's fields are as they were.
func withoutMeasure(state string) string {
	parts := strings.Split(state, "\x00")
	parts[len(parts)-1] = ""
	return strings.Join(parts, "\x00")
}

// Dirty reports whether the item holds changes not saved.
func (e *ItemEditor) Dirty() bool { return e.state() != e.loaded }

// Discard puts the item back as stored.
func (e *ItemEditor) Discard() {
	it := e.item
	e.Hazard.SetText(it.Hazard)
	e.Event.SetText(it.Event)
	e.Exposed.SetText(it.Exposed)
	e.Existing.SetText(it.ExistingMeasures)
	if it.Category.Valid() {
		widgets.SetEnum(e.Category, it.Category.Label())
	} else {
		e.Category.ClearSelected()
	}
	setLevel(e.P, it.Probability, false)
	setLevel(e.C, it.Consequence, false)
	setLevel(e.RP, it.ResidualProbability, true)
	setLevel(e.RC, it.ResidualConsequence, true)
	e.MeasureTitle.SetText("")
	e.loaded = e.state()
}

// Dirty reports whether the open assessment holds unsaved changes.
func (s *Screen) Dirty() bool { return s.Detail != nil && s.Detail.Dirty() }

// Save stores the open assessment and item.
func (s *Screen) Save() bool { return s.Detail == nil || s.Detail.SaveAll() }

// Discard puts the open assessment back as stored.
func (s *Screen) Discard() {
	if s.Detail != nil {
		s.Detail.Discard()
	}
}

// selectDetail marks the open assessment in the list again.
func (s *Screen) selectDetail() {
	s.List.UnselectAll()
	if s.Detail == nil {
		return
	}
	for i, a := range s.assessments {
		if a.ID == s.Detail.a.ID && a.ID != 0 {
			s.List.Select(i)
		}
	}
}
