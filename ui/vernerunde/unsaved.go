package vernerunde

import (
	"strings"

	"fyne.io/fyne/v2"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// A round in progress is a draft: leaving it (back to the list, the
// sidebar, Møtemodus, closing the window) saves what was typed in its
// text fields without asking. Only a save that is refused (a date that
// does not parse) makes the guard ask.

// state is the pre-meeting's fields in one string, to tell whether they
// were changed since they were loaded or saved.
func (p *PreMeeting) state() string {
	var b strings.Builder
	for _, s := range []string{p.Title.Text, p.Date.Text, p.Areas.Text, p.Notes.Text} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, r := range p.Rows {
		b.WriteString(r.Name.Text)
		b.WriteByte(1)
		b.WriteString(r.Role.Selected)
		b.WriteByte(0)
	}
	return b.String()
}

// reset puts back the pre-meeting as stored.
func (p *PreMeeting) reset(r model.SafetyRound) {
	p.Title.SetText(r.Title)
	p.Date.SetDate(r.Date)
	p.Areas.SetText(strings.Join(r.Areas, "\n"))
	p.Notes.SetText(r.PreMeetingNotes)
	p.Rows = nil
	p.People.RemoveAll()
	for _, x := range r.Participants {
		p.addRow(x)
	}
	p.loaded = p.state()
}

// Dirty reports whether anything typed in the round is not stored: the
// pre-meeting, a checklist comment not yet saved, or the closing summary.
func (v *RoundView) Dirty() bool {
	if v.r.Locked() || v.deleted {
		return false
	}
	if v.Pre.state() != v.Pre.loaded || v.Closing.Notes.Text != v.r.ClosingNotes || len(v.Closing.pendingMeasures()) > 0 {
		return true
	}
	for _, row := range v.Check.Questions {
		if row.Comment.Text != row.saved {
			return true
		}
	}
	return false
}

// AutoSave: a draft round's text saves without asking; a measure typed
// for a finding but not yet added goes to the action plan only when the
// user says so (Lagre), since that is more than keeping text.
func (v *RoundView) AutoSave() bool {
	return !v.r.Locked() && len(v.Closing.pendingMeasures()) == 0
}

// formRound is the stored round with everything typed in the form.
func (v *RoundView) formRound() (model.SafetyRound, error) {
	r, err := v.Pre.read(v.r)
	if err != nil {
		return r, err
	}
	for _, row := range v.Check.Questions {
		if row.Comment.Text == row.saved {
			continue
		}
		if r, err = r.SetAnswer(row.Number, row.Picker.Answer(), row.Comment.Text, v.env.Today()); err != nil {
			return r, err
		}
	}
	r.ClosingNotes = v.Closing.Notes.Text
	return r, nil
}

// Save stores everything typed in the round in one transaction. On false
// the form keeps it all, with the message in the tab it belongs to and at
// the top of the round.
func (v *RoundView) Save() bool {
	r, err := v.formRound()
	if err == nil {
		r, err = v.env.Store.SaveSafetyRound(r, v.env.Today())
	}
	if err != nil {
		v.showSaveError(err)
		return false
	}
	v.Err.Show(nil)
	v.Pre.showErr(nil)
	v.Closing.Err.Show(nil)
	v.setRound(r)
	v.markSaved()
	return v.Closing.addPending()
}

// showSaveError shows a refused save where the field is (and at the top,
// whichever tab is open).
// The tab with the field named is opened, so its message is seen there and
// the keyboard goes to the field.
func (v *RoundView) showSaveError(err error) {
	v.Err.Show(err)
	switch {
	case isField(err, model.FieldClosingNotes):
		v.Tabs.SelectIndex(2)
		v.Closing.Err.Show(err)
	case isField(err, model.FieldRoundComment):
	default:
		if v.Pre.Err.Names(err) {
			v.Tabs.SelectIndex(0)
		}
		v.Pre.showErr(err)
	}
}

// withErr puts the field's own message under control.
func (p *PreMeeting) withErr(field string, control fyne.CanvasObject) fyne.CanvasObject {
	return p.Err.Bind(field, control)
}

// showErr shows a refused save: each message under its own field, the
// rest above the buttons.
func (p *PreMeeting) showErr(err error) { p.Err.Show(err) }

func isField(err error, field string) bool { return widgets.FieldMessage(err, field) != "" }

// markSaved takes what the form shows as the stored state.
func (v *RoundView) markSaved() {
	v.Pre.loaded = v.Pre.state()
	for _, row := range v.Check.Questions {
		row.saved = v.r.AnswerFor(row.Number).Comment
	}
}

// Discard puts back what is stored (and drops measures not yet added).
func (v *RoundView) Discard() {
	v.Closing.rebuild()
	v.Closing.nestDeviations()
	v.Pre.reset(v.r)
	for _, row := range v.Check.Questions {
		row.Comment.SetText(row.saved)
	}
	v.Closing.Notes.SetText(v.r.ClosingNotes)
}

// Dirty reports whether the open round or checklist template holds
// unsaved text.
func (s *Screen) Dirty() bool {
	return (s.Round != nil && s.Round.Dirty()) || (s.Templates != nil && s.Templates.Dirty())
}

// AutoSave: see RoundView.AutoSave; a template asks.
func (s *Screen) AutoSave() bool { return s.Round != nil && s.Round.AutoSave() }

// Save stores the open round's text or the open template.
func (s *Screen) Save() bool {
	switch {
	case s.Round != nil:
		return s.Round.Save()
	case s.Templates != nil:
		return s.Templates.saveTemplate()
	}
	return true
}

// Discard puts the open round or template back as stored.
func (s *Screen) Discard() {
	switch {
	case s.Round != nil:
		s.Round.Discard()
	case s.Templates != nil:
		s.Templates.Show(s.Templates.current)
	}
}
