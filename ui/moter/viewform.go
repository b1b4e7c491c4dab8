package moter

import (
	"reflect"
	"strings"
)

// The meeting view is a sub-form of the meetings page while it is open
// (unsaved.Guard.Nest): a decision typed in its panel, an open «Lag
// tiltak» form and notes not yet saved count as unsaved, so closing the
// window, Ctrl+M or the sidebar save or ask. Forkast closes the view
// without saving, and the page shows the meeting as stored.

// Dirty reports whether the view holds anything not stored.
func (v *View) Dirty() bool {
	if v.closed {
		return false
	}
	if p := v.Panel; p != nil && (strings.TrimSpace(p.NewDecision.Text) != "" || p.Measure != nil) {
		return true
	}
	return !reflect.DeepEqual(v.sess.m, v.sess.stored)
}

// Save adds a decision typed but not added, stores an open «Lag tiltak»
// form, and saves the meeting. A refusal keeps everything with the
// message and reports false.
func (v *View) Save() bool {
	if p := v.Panel; p != nil {
		if strings.TrimSpace(p.NewDecision.Text) != "" {
			p.addDecision()
		}
		if p.Measure != nil {
			p.Measure.save()
			if p.Measure != nil {
				return false // refused: the form shows why
			}
		}
	}
	if err := v.sess.save(); err != nil {
		v.Err.Show(err)
		return false
	}
	v.Err.Show(nil)
	return true
}

// Discard closes the view without saving.
func (v *View) Discard() {
	if !v.closed {
		v.close()
	}
}
