package appctx

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// PageActions are what the page on screen does for the window's
// shortcuts: New starts a new item (Ctrl+N), Search puts the keyboard in
// the page's search field (Ctrl+F). Either may be nil.
type PageActions struct {
	New, Search func()
}

// SetPageActions registers the page's Ctrl+N and Ctrl+F; the shell
// forgets them when the next page is built (BeginPage).
func (e *Env) SetPageActions(a PageActions) {
	e.mu.Lock()
	e.actions = a
	e.mu.Unlock()
}

// NewItem runs the page's Ctrl+N action; false when the page has none.
func (e *Env) NewItem() bool { return run(e.pageActions().New) }

// Search runs the page's Ctrl+F action; false when the page has none.
func (e *Env) Search() bool { return run(e.pageActions().Search) }

// RunUndo runs Undo; false when there is nothing to undo with.
func (e *Env) RunUndo() bool { return run(e.Undo) }

func (e *Env) pageActions() PageActions {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.actions
}

func run(f func()) bool {
	if f == nil {
		return false
	}
	f()
	return true
}

// Press returns an action that presses b as a click would, or does nothing
// while b is hidden or disabled (Ctrl+N for a page's «Ny …» button).
func Press(b *widget.Button) func() {
	return func() {
		if b == nil || !b.Visible() || b.Disabled() || b.OnTapped == nil {
			return
		}
		b.OnTapped()
	}
}

// FocusField puts the keyboard in f, the first field of a form just shown
// (or the «Ny …» button after a new item was saved). While the shell
// builds a page, the page is not on screen yet: the focus waits for
// EndPage.
func (e *Env) FocusField(f fyne.Focusable) {
	if f == nil || e.Window == nil {
		return
	}
	e.mu.Lock()
	if e.building {
		e.pendingFocus = f
		e.mu.Unlock()
		return
	}
	e.mu.Unlock()
	focusLater(e.Window.Canvas(), f)
}

// EndPage is called by the shell once the page it built is on screen: a
// field the page asked to focus gets the keyboard now. It reports whether
// the page asked for one (otherwise the shell focuses the page's first).
func (e *Env) EndPage() bool {
	e.mu.Lock()
	f := e.pendingFocus
	e.building, e.pendingFocus = false, nil
	e.mu.Unlock()
	if f != nil {
		focusLater(e.Window.Canvas(), f)
	}
	return f != nil
}

// focusLater is widgets.FocusLater (which imports this package): the
// focus moves once the key event being handled is done, so the space that
// pressed a button is not typed into the field focused next.
func focusLater(c fyne.Canvas, f fyne.Focusable) { fyne.Do(func() { c.Focus(f) }) }
