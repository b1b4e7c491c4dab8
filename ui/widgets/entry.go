package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is the app's text field, single- or multi-line. In a multi-line
// one Tab and Shift+Tab move to the next and previous field (Fyne's own
// multi-line entry types a tab character and so traps the keyboard) and
// Enter makes a new line. Escape and the function keys are passed on to
// the window, so Escape closes a dialog and F1 opens the shortcut overview
// from inside the field; in a single-line field without OnSubmitted, so is
// Enter, which confirms a dialog's default button.
type Entry struct {
	widget.Entry
	outer fyne.Widget // the widget that embeds this one, if any
}

// ExtendBaseWidget is called by a type that embeds Entry, so the keys can
// be passed on from the widget the window knows.
func (e *Entry) ExtendBaseWidget(w fyne.Widget) {
	e.outer = w
	e.Entry.ExtendBaseWidget(w)
}

// self is the widget on the canvas: e, or the widget embedding it.
func (e *Entry) self() fyne.CanvasObject {
	if e.outer != nil {
		return e.outer
	}
	return e
}

// NewEntry creates an empty single-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry creates an empty multi-line entry; every multi-line
// field of the app is one.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewMultiLineEntry
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained scrolls the field into view (see RevealFocused).
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	RevealFocused(e.self())
}

// RevealFocused scrolls o, a field that just got the keyboard, into view
// once the event is handled. Fyne's scroll containers do not follow the
// focus: tabbing into a field below a form's visible part left it hidden
// at the bottom edge («Årsak» on Avvik). Reveal was called only for a
// refused save's first marked field. Deferred so a click that focused a
// half-shown field lands where it was aimed before the form moves.
func RevealFocused(o fyne.CanvasObject) {
	fyne.Do(func() { Reveal(o) })
}

// AcceptsTab is false: Tab leaves the field instead of typing a tab.
func (e *Entry) AcceptsTab() bool { return false }

// TypedKey passes keys a text field has no use for on to the window.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if passOn(e.self(), ev, !e.MultiLine && e.OnSubmitted == nil) {
		return
	}
	e.Entry.TypedKey(ev)
}

// passOn hands keys a text field has no use for to the window's own key
// handler (Canvas.OnTypedKey), which gets them anyway while nothing has
// focus: Escape, F1–F12, and Enter when enter is true. It reports whether
// the key was handed on.
func passOn(o fyne.CanvasObject, ev *fyne.KeyEvent, enter bool) bool {
	if !windowKey(ev.Name, enter) {
		return false
	}
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(ev)
	return true
}

func windowKey(k fyne.KeyName, enter bool) bool {
	switch k {
	case fyne.KeyEscape, fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		return enter
	}
	return false
}

// FocusLater gives f the keyboard once the key event being handled is
// done. A button pressed with the space bar also gets the space as a typed
// character right after the key; moving the focus at once would type that
// space into the field just focused (or tick the box). fyne.Do runs after
// both events in the desktop driver, at once in tests.
func FocusLater(c fyne.Canvas, f fyne.Focusable) {
	if c == nil || f == nil {
		return
	}
	fyne.Do(func() { c.Focus(f) })
}
