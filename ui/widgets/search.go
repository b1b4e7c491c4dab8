package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SearchEntry is the search field of a list page (Ctrl+F puts the
// keyboard in it). Escape clears the search when it holds text; in an
// empty field it leaves the search and gives the keyboard to the list
// (List, when set). The other keys are those of Entry: F1 and the rest
// are passed on to the window.
type SearchEntry struct {
	Entry
	// List gets the keyboard on Escape in an empty field (the page's
	// list or table); nil: Escape goes on to the window.
	List fyne.Focusable
}

// NewSearchEntry creates an empty search field.
func NewSearchEntry(placeholder string) *SearchEntry {
	e := &SearchEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// TypedKey handles Escape; other keys go to the entry.
func (e *SearchEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name != fyne.KeyEscape {
		e.Entry.TypedKey(ev)
		return
	}
	switch {
	case e.Text != "":
		e.SetText("") // OnChanged shows the whole list again
	case e.List != nil:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Focus(e.List)
		}
	default:
		e.Entry.TypedKey(ev)
	}
}

// SelectEntry is a text field with a list of suggestions (Fyne's
// SelectEntry) that passes Escape, F1 and the window's other keys on like
// Entry.
type SelectEntry struct {
	widget.SelectEntry
}

// NewSelectEntry creates a field suggesting options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewSelectEntry
	e.SetOptions(options)
	return e
}

// TypedKey passes keys a text field has no use for on to the window.
func (e *SelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if passOn(e, ev, e.OnSubmitted == nil) {
		return
	}
	e.SelectEntry.TypedKey(ev)
}
