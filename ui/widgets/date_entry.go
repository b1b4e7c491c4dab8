// Package widgets holds small Fyne widgets shared by the feature screens.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
)

// DateEntry is a text entry for Norwegian dates (31.01.2026; 31.1.26 and ISO
// are accepted too). Fyne's DateEntry uses an English format and month names,
// so we build on model's parser instead.
type DateEntry struct {
	widget.Entry
	field    string
	optional bool
}

// NewDateEntry creates a date entry; field names the field in messages.
func NewDateEntry(field string, optional bool) *DateEntry {
	e := &DateEntry{field: field, optional: optional}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("dd.mm.åååå")
	e.Validator = func(s string) error {
		if e.optional && s == "" {
			return nil
		}
		_, err := model.ParseDateField(e.field, s)
		return err
	}
	return e
}

// Date returns the parsed date; zero and nil error for an empty optional field.
func (e *DateEntry) Date() (model.Date, error) {
	if e.optional && e.Text == "" {
		return model.Date{}, nil
	}
	return model.ParseDateField(e.field, e.Text)
}

// SetDate shows a date in Norwegian format.
func (e *DateEntry) SetDate(d model.Date) { e.SetText(d.String()) }

// TypedKey passes Escape, the function keys and (without OnSubmitted)
// Enter on to the window, so a date field in a dialog answers them.
func (e *DateEntry) TypedKey(ev *fyne.KeyEvent) {
	if passOn(e, ev, e.OnSubmitted == nil) {
		return
	}
	e.Entry.TypedKey(ev)
}
