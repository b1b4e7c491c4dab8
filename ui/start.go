// Package ui is HMS-utvalg's Fyne user interface. It never creates the Fyne
// app itself (that needs cgo and lives in cmd/hmsutvalg); it builds on a
// fyne.App so its tests run headless with fyne.io/fyne/v2/test.
package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/assets"
	"hmsutvalg/model"
	hms "hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/undo"
	"hmsutvalg/ui/unsaved"
	"hmsutvalg/ui/widgets"
	"hmsutvalg/ui/wizard"
)

// Options configure a start of the GUI.
type Options struct {
	// DBPath is the unit file to open; when it does not exist, the first-start
	// wizard offers to create it (or the demo unit) there.
	DBPath string
	// Today fixes the date rules are evaluated against (tests); nil = system date.
	Today func() model.Date
	// Stderr receives messages that must also reach a terminal (a locked file).
	Stderr io.Writer
	// MeetingView opens the next meeting straight in the meeting view, in
	// Møtemodus: for starting the app on the shared screen.
	MeetingView bool
}

// App is one running GUI window.
type App struct {
	fyne   fyne.App
	win    fyne.Window
	opts   Options
	set    *appctx.Settings
	store  *hms.Store
	env    *appctx.Env
	closed bool
	// guard watches the form on screen in this window, the wizard's or
	// a page's (it is handed to each Env).
	guard *unsaved.Guard
}

// Start sets up language and theme, creates the main window and opens the
// unit file (or the first-start wizard). The caller shows the window and runs
// the app.
func Start(a fyne.App, opts Options) *App {
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	set := appctx.NewSettings(a.Preferences())
	early := openEarly(opts.DBPath, set.User())
	if err := i18n.Setup(set.Language()); err != nil {
		fmt.Fprintln(opts.Stderr, err)
	}
	a.Settings().SetTheme(set.Theme())
	a.SetIcon(assets.Icon)
	w := a.NewWindow("HMS-utvalg")
	w.SetIcon(assets.Icon)
	w.Resize(fyne.NewSize(1024, 720))
	u := &App{fyne: a, win: w, opts: opts, set: set, guard: unsaved.NewGuard(w)}
	w.SetMaster()
	// Closing the window saves or asks about the form on screen first.
	w.SetCloseIntercept(u.Quit)
	a.Lifecycle().SetOnStopped(u.Close)
	if early != nil {
		r := <-early
		u.showOpened(opts.DBPath, r.st, r.err)
	} else {
		u.openOrWelcome(opts.DBPath)
	}
	return u
}

// opened is the result of opening a unit file.
type opened struct {
	st  *hms.Store
	err error
}

// openEarly starts opening the unit file at path on another goroutine when
// it exists, so its checks (the page walk, the backup, migrations) run
// while the language is set up and the window made; Start waits for the
// result before it shows anything from the file. Nil when path is not
// there to open: Start then goes the usual way (the wizard for a missing
// file, a message for a file it cannot read).
func openEarly(path, user string) <-chan opened {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	ch := make(chan opened, 1)
	go func() {
		st, err := hms.Open(path, hms.Options{User: user})
		ch <- opened{st, err}
	}()
	return ch
}

// Window is the main window.
func (u *App) Window() fyne.Window { return u.win }

// Env is the shared state of the open unit, nil before a file is open.
func (u *App) Env() *appctx.Env { return u.env }

// Quit closes the window (and so ends the app) once the form on screen is
// saved or the user chose to discard it. While a dialog is open (a
// question waiting for an answer) it does nothing: the dialog is answered
// first, so Ctrl+Q never quits past a question.
func (u *App) Quit() {
	if u.win.Canvas().Overlays().Top() != nil {
		return
	}
	u.guard.Leave(u.win.Close, nil)
}

// Terminate ends the app at once, without a question, as on SIGTERM or
// SIGINT: the form on screen is saved when it autosaves, other free text
// is kept as a draft for the next start (unsaved.Guard.Rescue), and the
// file is closed cleanly.
func (u *App) Terminate() {
	u.guard.Rescue()
	u.Close()
	u.fyne.Quit()
}

// Close closes the unit file; safe to call more than once.
func (u *App) Close() {
	u.guard.KeepDrafts(nil, 0)
	if u.store != nil {
		_ = u.store.Close()
		u.store = nil
	}
	u.closed = true
}

func (u *App) today() model.Date {
	if u.opts.Today != nil {
		return u.opts.Today()
	}
	return model.DateOf(timeNow())
}

// openOrWelcome opens path, or shows the wizard when there is no file yet.
func (u *App) openOrWelcome(path string) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		u.showWizard(path)
		return
	}
	u.open(path)
}

// open opens a unit file and shows the main screens, or says clearly why not.
func (u *App) open(path string) {
	st, err := hms.Open(path, hms.Options{User: u.set.User()})
	u.showOpened(path, st, err)
}

// showOpened shows the main screens on st, or why path could not be opened.
func (u *App) showOpened(path string, st *hms.Store, err error) {
	if err != nil {
		u.showOpenProblem(path, err)
		return
	}
	u.showMain(st)
}

func (u *App) showMain(st *hms.Store) {
	if u.store != nil && u.store != st {
		_ = u.store.Close()
	}
	u.store = st
	u.set.SetLastFile(st.Path())
	env := appctx.New(u.fyne, u.win, st)
	if u.opts.Today != nil {
		env.Today = u.opts.Today
	}
	env.Restore = u.restore
	env.Guard = u.guard
	u.guard.Set(nil)
	u.env = env
	sh := newShell(env, Pages())
	bar := undo.NewBar(env, sh.reopen)
	sh.around = []fyne.Focusable{bar.Angre, bar.Close}
	root := container.NewBorder(nil, bar, nil, nil, sh.build())
	sh.frame = root
	bar.Relayout = root.Refresh
	bar.OpenUndone = func(c hms.Change) bool { return showUndone(env, c) }
	u.win.SetContent(root)
	sh.addShortcuts(u.win.Canvas(), u.Quit)
	sh.addMenu(u.win, u.Quit)
	// Fyne's test driver runs fyne.Do on the calling goroutine, so in tests
	// a ticker would touch the widgets from a second goroutine; tests call
	// SyncDrafts where the ticker would.
	every := unsaved.DraftEvery
	if testing.Testing() {
		every = 0
	}
	u.guard.KeepDrafts(st, every)
	if u.opts.MeetingView {
		u.opts.MeetingView = false // only at start, not after a restore
		if !env.MeetingMode() {
			env.SetMeetingMode(true)
		}
		env.Open(moter.PageID, appctx.Focus{Filter: moter.FilterView})
	}
	offerDrafts(env)
}

// restore replaces the open file with a backup and reopens it.
func (u *App) restore(backup string) error {
	path := u.store.Path()
	if err := u.store.Close(); err != nil {
		return err
	}
	u.store = nil
	rerr := hms.RestoreWith(path, backup, hms.Options{User: u.set.User()})
	st, err := hms.Open(path, hms.Options{User: u.set.User()})
	if err != nil {
		u.showOpenProblem(path, err)
		return errors.Join(rerr, err)
	}
	u.showMain(st)
	return rerr
}

// showOpenProblem explains why a file cannot be opened. A locked file is also
// printed on stderr, for the one who started the app from a terminal. A file
// that is not a valid database is never written to; the newest backup is
// offered instead.
func (u *App) showOpenProblem(path string, err error) {
	u.guard.Set(nil) // no form on screen
	u.win.SetMainMenu(quitMenu(u.Quit))
	msg := err.Error()
	var locked *hms.LockedError
	if errors.As(err, &locked) {
		fmt.Fprintln(u.opts.Stderr, msg)
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle(lang.L("Kan ikke åpne databasen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	buttons := container.NewVBox()
	if locked == nil {
		if newest, ok := newestGoodBackup(path); ok {
			restore := widget.NewButton(fmt.Sprintf(lang.L("Gjenopprett nyeste sikkerhetskopi (%s)"), model.FormatDateTime(newest.Time)), func() {
				u.confirmRestoreNewest(path, newest)
			})
			restore.Importance = widget.DangerImportance
			buttons.Add(restore)
		}
	}
	buttons.Add(widget.NewButton(lang.L("Prøv igjen"), func() { u.openOrWelcome(path) }))
	buttons.Add(widget.NewButton(lang.L("Åpne en annen fil …"), func() { u.chooseFile() }))
	buttons.Add(widget.NewButton(lang.L("Avslutt"), func() { u.fyne.Quit() }))
	u.win.SetContent(container.NewPadded(container.NewVBox(heading, text, buttons)))
}

// confirmRestoreNewest replaces the file at path with backup b once the
// user said so: the question names the backup's date and what is replaced.
func (u *App) confirmRestoreNewest(path string, b hms.Backup) {
	widgets.ConfirmDanger(u.win, lang.L("Gjenopprette sikkerhetskopi?"), widgets.RestoreQuestion(b.Time, path),
		lang.L("Gjenopprett"), func() {
			if err := hms.RestoreWith(path, b.Path, hms.Options{User: u.set.User()}); err != nil {
				widgets.ShowError(err, u.win)
				return
			}
			u.open(path)
		})
}

// chooseFile lets the user pick an existing unit file.
func (u *App) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		p := r.URI().Path()
		_ = r.Close()
		u.open(p)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	widgets.ShowFileDialog(d, u.win)
}

func (u *App) showWizard(path string) {
	u.win.SetMainMenu(quitMenu(u.Quit))
	u.win.SetContent(wizard.New(wizard.Config{
		Window: u.win,
		Path:   path,
		User:   u.set.User(),
		// The name asked for at first start, for the change log.
		SetUser: u.set.SetUser,
		Today:   u.today,
		Opened:  u.showMain,
		Choose:  u.chooseFile,
		Guard:   u.guard,
	}))
}

// newestGoodBackup is the newest automatic backup. Copies saved just before a
// restore hold the file that was being replaced, possibly the damaged one, so
// they are not offered first.
func newestGoodBackup(path string) (hms.Backup, bool) {
	backups, _ := hms.ListBackups(path)
	for _, b := range backups {
		if !b.BeforeRestore {
			return b, true
		}
	}
	return hms.Backup{}, false
}
