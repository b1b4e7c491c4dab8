package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
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

// HiddenTextPlaceholder is placeholder p as a search that leaves out the
// text Møtemodus hides (descriptions of deviations and incidents, meeting
// notes) shows it while Møtemodus is on: the list then says «Viser 0 av
// 205» for a word that is only in hidden text, and the field should say
// why before anyone types. The pages are rebuilt when Møtemodus changes.
func HiddenTextPlaceholder(src ModeSource, p string) string {
	if src == nil || !src.MeetingMode() {
		return p
	}
	return p + " " + lang.L("(ikke i skjult tekst)")
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
//
// Its list button is the app's own: Fyne's left the keyboard nowhere
// after a choice (the list took the focus and gave it to no one), so the
// next Tab started again at the top of the window. A choice, or Escape,
// gives the field the keyboard back.
type SelectEntry struct {
	widget.SelectEntry
	options []string
}

// NewSelectEntry creates a field suggesting options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewSelectEntry
	b := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), e.showList)
	b.Importance = widget.LowImportance
	e.ActionItem = b // before SetOptions, which otherwise makes Fyne's
	e.SetOptions(options)
	return e
}

// FocusGained scrolls the field into view (see RevealFocused).
func (e *SelectEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	RevealFocused(e)
}

// SetOptions sets the suggestions.
func (e *SelectEntry) SetOptions(options []string) {
	e.options = options
	e.SelectEntry.SetOptions(options)
}

// showList opens the suggestions under the field.
func (e *SelectEntry) showList() {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	d := app.Driver()
	c := d.CanvasForObject(e)
	if c == nil {
		return
	}
	items := make([]*fyne.MenuItem, len(e.options))
	for i, o := range e.options {
		items[i] = fyne.NewMenuItem(o, func() { e.SetText(o) })
	}
	p := widget.NewPopUpMenu(fyne.NewMenu("", items...), c)
	p.OnDismiss = func() {
		p.Hide()
		FocusLater(c, e)
	}
	pos := d.AbsolutePositionForObject(e).Add(fyne.NewPos(0, e.Size().Height-theme.InputBorderSize()))
	p.ShowAtPosition(pos)
	p.Resize(fyne.NewSize(e.Size().Width, p.MinSize().Height))
}

// TypedKey passes keys a text field has no use for on to the window.
func (e *SelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if passOn(e, ev, e.OnSubmitted == nil) {
		return
	}
	e.SelectEntry.TypedKey(ev)
}
