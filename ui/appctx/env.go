// Package appctx holds what every screen shares: the window, the open unit
// file, the user's settings and Møtemodus. Feature packages take an *Env so
// they need not know about each other or about the shell that hosts them.
package appctx

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/unsaved"
)

// Env is the shared state of one open window.
type Env struct {
	App      fyne.App
	Window   fyne.Window
	Store    *storage.Store
	Settings *Settings
	// Today is the date rules are evaluated against; tests fix it.
	Today func() model.Date
	// Navigate opens a page by its ID (set by the shell).
	Navigate func(pageID string)
	// Restore replaces the open file with a backup and reopens it (set by the
	// app, which owns the file).
	Restore func(backupPath string) error
	// Guard keeps the form on screen from losing what was typed: pages
	// register their form, and everything that leaves it calls Leave.
	Guard *unsaved.Guard
	// Undo undoes the session's last save or delete (Ctrl+Z where no
	// text field has focus); nil until the window has its undo bar.
	Undo func()

	mu       sync.Mutex
	onChange []func()
	onMode   []func(meeting bool)
	// shellMode is how many onMode callbacks belong to the shell; the rest
	// belong to the page on screen and are dropped when the next page is
	// built (see BeginPage).
	shellMode int
	focus     map[string]Focus
}

// Focus asks a page to open one record, e.g. the risk item a measure came
// from: ParentID is the container (the assessment), ID the record itself.
type Focus struct {
	ParentID, ID uint64
	Filter       string // a named filter, e.g. "forfalt" in the action plan
}

// Open navigates to a page and asks it to show one record. The page takes
// the request with TakeFocus when it builds.
func (e *Env) Open(pageID string, f Focus) {
	e.SetFocus(pageID, f)
	e.Navigate(pageID)
}

// SetFocus leaves a focus request for a page without navigating, so the
// page the shell rebuilds after DataChanged opens the record just saved
// instead of starting afresh.
func (e *Env) SetFocus(pageID string, f Focus) {
	e.mu.Lock()
	if e.focus == nil {
		e.focus = map[string]Focus{}
	}
	e.focus[pageID] = f
	e.mu.Unlock()
}

// TakeFocus returns and clears a page's pending focus request.
func (e *Env) TakeFocus(pageID string) (Focus, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f, ok := e.focus[pageID]
	delete(e.focus, pageID)
	return f, ok
}

// New creates an Env. Today defaults to the system date.
func New(a fyne.App, w fyne.Window, st *storage.Store) *Env {
	return &Env{
		App:      a,
		Window:   w,
		Store:    st,
		Settings: NewSettings(a.Preferences()),
		Today:    func() model.Date { return model.DateOf(time.Now()) },
		Navigate: func(string) {},
		Guard:    unsaved.NewGuard(w),
	}
}

// Leave runs proceed once the form on screen may be left (saved, or the
// user chose to discard); cancel (may be nil) runs when the user stays.
func (e *Env) Leave(proceed, cancel func()) { e.Guard.Leave(proceed, cancel) }

// OnDataChanged registers a callback run (on the UI goroutine) after any save.
func (e *Env) OnDataChanged(f func()) {
	e.mu.Lock()
	e.onChange = append(e.onChange, f)
	e.mu.Unlock()
}

// DataChanged tells the screens that the unit's data changed.
func (e *Env) DataChanged() {
	e.mu.Lock()
	fs := append([]func(){}, e.onChange...)
	e.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// MeetingMode reports whether Møtemodus is on.
func (e *Env) MeetingMode() bool { return e.Settings.MeetingMode() }

// SetMeetingMode switches Møtemodus, rescales the UI and hides or shows the
// fields modules mark as sensitive. The choice is remembered between starts.
func (e *Env) SetMeetingMode(on bool) {
	e.Settings.SetMeetingMode(on)
	e.ApplyTheme()
	e.mu.Lock()
	fs := append([]func(bool){}, e.onMode...)
	e.mu.Unlock()
	for _, f := range fs {
		f(on)
	}
}

// SealShell marks the Møtemodus callbacks registered so far as the shell's
// own: they live as long as the window.
func (e *Env) SealShell() {
	e.mu.Lock()
	e.shellMode = len(e.onMode)
	e.mu.Unlock()
}

// BeginPage drops the Møtemodus callbacks of the page that was on screen
// (sensitive fields register one each time a form is built), so they do
// not pile up over a long meeting, and forgets the page's form (the new
// page registers its own with Guard). The shell calls it before building
// a page, after Leave allowed leaving the old one.
func (e *Env) BeginPage() {
	e.Guard.Set(nil)
	e.mu.Lock()
	clear(e.onMode[e.shellMode:])
	e.onMode = e.onMode[:e.shellMode]
	e.mu.Unlock()
}

// ModeCallbacks is how many Møtemodus callbacks are registered (tests).
func (e *Env) ModeCallbacks() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.onMode)
}

// OnMeetingMode registers a callback for Møtemodus changes.
func (e *Env) OnMeetingMode(f func(meeting bool)) {
	e.mu.Lock()
	e.onMode = append(e.onMode, f)
	e.mu.Unlock()
}

// ApplyTheme sets the theme from the current settings.
func (e *Env) ApplyTheme() {
	e.App.Settings().SetTheme(e.Settings.Theme())
}

// User is the name for the change log, or "" if not set.
func (e *Env) User() string { return e.Settings.User() }
