package tifaktor

import (
	"slices"
	"strings"

	"hmsutvalg/model"
)

// The follow-up tab is a sub-form of the round (unsaved.Guard.Nest): notes
// on a focus area, a measure typed but not yet in the action plan, and a
// meeting's notes not yet logged are saved or asked about when the page
// is left, like the results.

// Dirty reports whether anything typed in the tab is not stored.
func (f *FollowUp) Dirty() bool {
	return len(f.changedNotes()) > 0 || len(f.pendingMeasures()) > 0 || strings.TrimSpace(f.MeetingNotes.Text) != ""
}

// Save stores the notes of every focus area in one save, then puts each
// typed measure in the action plan, then logs the meeting. It stops at the
// first refusal, with the message where it belongs.
func (f *FollowUp) Save() bool {
	measures := f.pendingMeasures()
	meeting := strings.TrimSpace(f.MeetingNotes.Text) != ""
	if changed := f.changedNotes(); len(changed) > 0 {
		r := f.e.round
		for _, fe := range changed {
			cur, _ := r.FocusFor(fe.Factor)
			cur.WhatWorks, cur.ToImprove = fe.WhatWorks.Text, fe.ToImprove.Text
			r = r.SetFocus(cur)
		}
		if !f.save(r, changed[0].Err) {
			return false
		}
	}
	for _, factor := range measures {
		if !f.createMeasure(factor) {
			return false
		}
	}
	return !meeting || f.logMeeting()
}

// Discard shows the tab as stored.
func (f *FollowUp) Discard() {
	f.MeetingNotes.SetText("")
	f.layout()
}

// focusTyped is what the fields of one focus area hold.
type focusTyped struct{ works, improve, title, resp, deadline string }

// typed is what every focus area's fields hold, so a rebuild (after a
// save elsewhere in the tab) keeps it.
func (f *FollowUp) typed() map[model.TenFactor]focusTyped {
	out := map[model.TenFactor]focusTyped{}
	for factor, fe := range f.Focus {
		out[factor] = focusTyped{fe.WhatWorks.Text, fe.ToImprove.Text, fe.MeasureTitle.Text, fe.MeasureResp.Text, fe.MeasureDeadline.Text}
	}
	return out
}

// restore puts typed text back into the rebuilt focus areas; an empty
// deadline keeps the default.
func (f *FollowUp) restore(typed map[model.TenFactor]focusTyped) {
	for factor, t := range typed {
		fe := f.Focus[factor]
		if fe == nil {
			continue
		}
		fe.WhatWorks.SetText(t.works)
		fe.ToImprove.SetText(t.improve)
		fe.MeasureTitle.SetText(t.title)
		fe.MeasureResp.SetText(t.resp)
		if t.deadline != "" {
			fe.MeasureDeadline.SetText(t.deadline)
		}
	}
}

// changedNotes are the focus areas whose notes differ from the stored.
func (f *FollowUp) changedNotes() []*FocusEditor {
	var out []*FocusEditor
	for _, factor := range model.TenFactors() {
		fe := f.Focus[factor]
		if fe == nil {
			continue
		}
		a, ok := f.e.round.FocusFor(factor)
		if ok && (fe.WhatWorks.Text != a.WhatWorks || fe.ToImprove.Text != a.ToImprove) {
			out = append(out, fe)
		}
	}
	return out
}

// pendingMeasures are the factors with a measure title typed but not
// added.
func (f *FollowUp) pendingMeasures() []model.TenFactor {
	var out []model.TenFactor
	for _, factor := range model.TenFactors() {
		if fe := f.Focus[factor]; fe != nil && strings.TrimSpace(fe.MeasureTitle.Text) != "" {
			if _, ok := f.e.round.FocusFor(factor); ok {
				out = append(out, factor)
			}
		}
	}
	return slices.Clip(out)
}
