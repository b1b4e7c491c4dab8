// Package appctx holds what every screen shares: the window, the open unit
// file, the user's settings and Møtemodus. Feature packages take an *Env so
// they need not know about each other or about the shell that hosts them.
package appctx

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	// Undo takes back the last delete or save of an item (Ctrl+Z where no
	// text field has focus; a text field undoes its own typing). Nil: none.
	Undo func()
	// Resume, set by the page on screen, names the record it shows, so the
	// shell can rebuild the page in place (Møtemodus changes the scale) and
	// reopen it. BeginPage clears it.
	Resume func() (Focus, bool)

	mu       sync.Mutex
	onChange []func()
	onMode   []func(meeting bool)
	// shellMode is how many onMode callbacks belong to the shell; the rest
	// belong to the page on screen and are dropped when the next page is
	// built (see BeginPage).
	shellMode int
	focus     map[string]Focus
	// actions are the page on screen's Ctrl+N and Ctrl+F (see SetPageActions).
	actions PageActions
	// building is true while the shell builds a page; a field to focus
	// waits in pendingFocus until the page is on screen (see FocusField).
	building     bool
	pendingFocus fyne.Focusable
	// dropTarget takes files dropped onto the window (the attachments of
	// the form on screen); nil: none on this page.
	dropTarget func([]fyne.URI)
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
	e := &Env{
		App:      a,
		Window:   w,
		Store:    st,
		Settings: NewSettings(a.Preferences()),
		Today:    func() model.Date { return model.DateOf(time.Now()) },
		Navigate: func(string) {},
		Guard:    unsaved.NewGuard(w),
	}
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { e.Drop(uris) })
	return e
}

// SetDropTarget names what takes files dropped onto the window: the
// attachments of the form on screen. BeginPage clears it.
func (e *Env) SetDropTarget(f func([]fyne.URI)) {
	e.mu.Lock()
	e.dropTarget = f
	e.mu.Unlock()
}

// Drop hands dropped files to the drop target, or says where they can
// go when the page has none.
func (e *Env) Drop(uris []fyne.URI) {
	e.mu.Lock()
	f := e.dropTarget
	e.mu.Unlock()
	if f == nil {
		e.inform(lang.L("Legg ved filer"),
			lang.L("Åpne et avvik, et funn i en vernerunde, en risiko eller et møte, og slipp bildet eller PDF-en der."))
		return
	}
	f(uris)
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
	e.mu.Lock()
	fs := append([]func(bool){}, e.onMode...)
	e.mu.Unlock()
	relayout := func() {
		for _, f := range fs {
			f(on)
		}
	}
	// The driver repaints as the theme changes, and a window grows to
	// what it shows then (and never shrinks back): the page laid out for
	// the larger scale must not be painted at the other. Switching on,
	// the page is laid out for Møtemodus (the sidebar folded, one risk
	// map) before the text grows; switching off, the text shrinks first.
	if on {
		relayout()
		e.ApplyTheme()
	} else {
		e.ApplyTheme()
		relayout()
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
	e.Resume = nil
	e.mu.Lock()
	e.actions = PageActions{}
	e.dropTarget = nil
	e.building, e.pendingFocus = true, nil
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

// inform tells the user something in a dialog that Enter, Escape or OK
// closes (Fyne's own information dialog answers neither key; the widgets
// package, which has one, imports this one).
func (e *Env) inform(title, message string) dialog.Dialog {
	var dlg dialog.Dialog
	hide := func() { dlg.Hide() }
	ok := unsaved.NewKeyButton(lang.L("OK"), theme.ConfirmIcon(), hide, hide)
	ok.Importance = widget.HighImportance
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, container.NewCenter(ok)), e.Window)
	dlg.Resize(fyne.NewSize(480, 0))
	dlg.Show()
	e.Window.Canvas().Focus(ok)
	return dlg
}
