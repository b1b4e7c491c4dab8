package appctx

import "fyne.io/fyne/v2/widget"

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
