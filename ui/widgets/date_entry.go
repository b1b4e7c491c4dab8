// Package widgets holds small Fyne widgets shared by the feature screens.
package widgets

import (
	"time"

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

// Today is the date registrations are checked against; tests replace it.
var Today = func() model.Date { return model.DateOf(time.Now()) }

// NewDateEntry creates a date entry; field names the field in messages.
// Dates before 2000 or more than five years ahead are refused with the
// reason (model.CheckRegistrationDate).
func NewDateEntry(field string, optional bool) *DateEntry {
	e := &DateEntry{field: field, optional: optional}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("dd.mm.åååå")
	e.Validator = func(s string) error {
		if e.optional && s == "" {
			return nil
		}
		_, err := e.parse(s)
		return err
	}
	return e
}

func (e *DateEntry) parse(s string) (model.Date, error) {
	d, err := model.ParseDateField(e.field, s)
	if err == nil {
		err = model.CheckRegistrationDate(e.field, d, Today())
	}
	if err != nil {
		return model.Date{}, err
	}
	return d, nil
}

// Date returns the parsed date; zero and nil error for an empty optional
// field. A date typed short ("1.1.26") is shown back in full
// ("01.01.2026"), so what is saved is what the field shows.
func (e *DateEntry) Date() (model.Date, error) {
	if e.optional && e.Text == "" {
		return model.Date{}, nil
	}
	d, err := e.parse(e.Text)
	if err == nil && e.Text != d.String() {
		e.SetText(d.String())
	}
	return d, err
}

// FocusGained scrolls the field into view (see RevealFocused).
func (e *DateEntry) FocusGained() {
	e.Entry.FocusGained()
	RevealFocused(e)
}

// FocusLost shows a valid date in full as soon as the user leaves the field.
func (e *DateEntry) FocusLost() {
	if d, err := e.parse(e.Text); err == nil && e.Text != d.String() {
		e.SetText(d.String())
	}
	e.Entry.FocusLost()
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
