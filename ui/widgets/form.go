package widgets

import (
	"errors"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
)

// NewForm returns a widget.Form with Norwegian button texts (Fyne's own
// defaults, Submit and Cancel, are fixed English).
func NewForm(items ...*widget.FormItem) *widget.Form {
	f := widget.NewForm(items...)
	f.SubmitText = lang.L("Lagre")
	f.CancelText = lang.L("Avbryt")
	return f
}

// NewSelect returns a widget.Select with a Norwegian placeholder instead of
// Fyne's fixed "(Select one)".
func NewSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(Velg)")
	return s
}

// Required is a validator with a Norwegian message naming the field.
func Required(field string) func(string) error {
	return func(s string) error {
		for _, r := range s {
			if r != ' ' && r != '\t' && r != '\n' {
				return nil
			}
		}
		return errors.New(field + " " + lang.L("må fylles ut"))
	}
}

// ErrorText is a red label for messages from model validation. A form
// that binds its fields to it (Bind, FormItem) gets each message next to
// its field instead (see fielderr.go); the label then keeps the messages of
// fields not bound and a pointer to the marked fields.
type ErrorText struct {
	*widget.Label
	// NotDone starts the summary when messages were put at their fields:
	// «Ikke lagret.» unless set (a wizard step that goes on, not saves).
	NotDone string
	fields  []*fieldBox
	// rest is the part of the summary that is not about marked fields.
	rest string
	// clearing is set while Show takes the old marks away.
	clearing bool
}

// NewErrorText creates an empty, wrapping error label.
func NewErrorText() *ErrorText {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return &ErrorText{Label: l}
}

// Show displays err (each validation message on its own line), or hides on
// nil. Messages for bound fields are shown next to their field, and the
// first of those fields gets the keyboard and is scrolled into view.
func (e *ErrorText) Show(err error) {
	e.clearFields()
	e.rest = ""
	if err == nil {
		e.Label.SetText("")
		e.Label.Hide()
		relayout(e.Label)
		return
	}
	rest, first, n := e.placeFields(err)
	if first == nil {
		e.Label.SetText(rest)
		e.Label.Show()
		relayout(e.Label)
		Reveal(e.Label)
		return
	}
	e.rest = rest
	e.Label.SetText(joinLines(e.pointer(n), rest))
	e.Label.Show()
	relayout(e.Label)
	first.focus()
}

// pointer says that the save was refused and where to look: at the n
// fields marked.
func (e *ErrorText) pointer(n int) string {
	done := e.NotDone
	if done == "" {
		done = lang.L("Ikke lagret.")
	}
	where := lang.L("Rett det som er merket ved feltet.")
	if n > 1 {
		where = lang.L("Rett det som er merket ved feltene.")
	}
	return done + " " + where
}

// FieldMessage picks the message for one field out of a model validation error.
func FieldMessage(err error, field string) string {
	var v model.ValidationError
	if errors.As(err, &v) {
		return i18n.T(v.For(field))
	}
	var f *model.FieldError
	if errors.As(err, &f) && f.Field == field {
		return i18n.T(f.Message)
	}
	return ""
}
