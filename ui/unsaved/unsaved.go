// Package unsaved is the one mechanism that keeps typed input from being
// lost: the form on screen registers with the window's Guard, and every way
// of leaving it (sidebar, another item in a list, back, Møtemodus, closing
// the window, Ctrl+Q) goes through Guard.Leave. A form with unsaved changes
// is saved without asking when it says saving cannot surprise anyone
// (AutoSaver), otherwise the user is asked «Lagre endringene?» with
// Lagre / Forkast / Avbryt, Lagre the default (Enter) and Avbryt on Escape.
package unsaved

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Form is a form that can hold unsaved changes.
type Form interface {
	// Dirty reports whether the form differs from what was loaded or
	// last saved.
	Dirty() bool
	// Save stores the form. On false the form keeps everything typed and
	// shows what to fix next to the field; nothing is half-saved.
	Save() bool
	// Discard puts back what was loaded or last saved.
	Discard()
}

// AutoSaver is a Form whose changes are saved on leaving without asking,
// because saving them cannot surprise anyone (a draft's text fields). When
// such a save is refused the user is asked after all.
type AutoSaver interface {
	Form
	AutoSave() bool
}

// Guard watches the one form on screen in a window.
type Guard struct {
	win    fyne.Window
	form   Form
	asking *Prompt
	drafts drafts // drafts.go
	// draftMu guards drafts: the UI goroutine owns them, but Fyne's test
	// driver runs the ticker's fyne.Do on the ticker's goroutine.
	draftMu sync.Mutex
	// nested are sub-forms opened inside the form on screen (nest.go).
	nested []Form
	// saving is set while Leave saves the form: a save that redraws the
	// page (which leaves it) goes ahead without asking again.
	saving bool
}

// NewGuard returns the guard of window w.
func NewGuard(w fyne.Window) *Guard { return &Guard{win: w} }

// Set makes f the form on screen (nil: none).
func (g *Guard) Set(f Form) {
	g.SyncDrafts()
	g.form = f
	g.nested = nil
}

// Clear forgets f if it is the form on screen.
func (g *Guard) Clear(f Form) {
	if g.form == f {
		g.SyncDrafts()
		g.form = nil
		g.nested = nil
	}
}

// Form is the form on screen, or nil.
func (g *Guard) Form() Form { return g.form }

// Dirty reports whether the form on screen, or a sub-form open in it,
// holds unsaved changes.
func (g *Guard) Dirty() bool {
	f := g.current()
	return f != nil && f.Dirty()
}

// Prompt is the «Lagre endringene?» dialog while it is shown (tests).
func (g *Guard) Prompt() *Prompt { return g.asking }

// Leave runs proceed once the form on screen may be left: at once when it
// is clean, after saving it when it autosaves, otherwise after the user
// chose Lagre (and the save succeeded) or Forkast. Avbryt, or a refused
// save, runs cancel (may be nil) and leaves the form as it is. While the
// question is open, further calls are ignored.
func (g *Guard) Leave(proceed, cancel func()) {
	if cancel == nil {
		cancel = func() {}
	}
	if g.saving {
		proceed()
		return
	}
	if g.asking != nil {
		cancel()
		return
	}
	f := g.current()
	if f == nil || !f.Dirty() {
		proceed()
		return
	}
	if a, ok := f.(AutoSaver); ok && a.AutoSave() && g.save(f) {
		g.SyncDrafts()
		proceed()
		return
	}
	g.ask(f, proceed, cancel)
}

func (g *Guard) ask(f Form, proceed, cancel func()) {
	p := &Prompt{}
	done := func(then func()) {
		p.dlg.Hide()
		g.asking = nil
		then()
	}
	p.Save = newKeyButton(lang.L("Lagre"), theme.DocumentSaveIcon(), func() {
		done(func() {
			if g.save(f) {
				g.SyncDrafts()
				proceed()
			} else {
				cancel()
			}
		})
	})
	p.Save.Importance = widget.HighImportance
	p.Discard = newKeyButton(lang.L("Forkast"), theme.DeleteIcon(), func() {
		done(func() {
			f.Discard()
			g.SyncDrafts()
			proceed()
		})
	})
	p.Discard.Importance = widget.DangerImportance
	p.Cancel = newKeyButton(lang.L("Avbryt"), theme.CancelIcon(), func() { done(cancel) })
	for _, b := range []*KeyButton{p.Save, p.Discard, p.Cancel} {
		// Enter presses the focused button (Lagre when the question opens).
		b.onEnter, b.onEscape = b.OnTapped, p.Cancel.OnTapped
	}
	msg := widget.NewLabel(lang.L("Det du har skrevet er ikke lagret. Lagre før du går videre? Enter lagrer, Escape går tilbake til skjemaet."))
	msg.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(msg, container.NewCenter(container.NewHBox(p.Cancel, p.Discard, p.Save)))
	p.dlg = dialog.NewCustomWithoutButtons(lang.L("Lagre endringene?"), body, g.win)
	p.dlg.Resize(fyne.NewSize(460, 0))
	g.asking = p
	p.dlg.Show()
	g.win.Canvas().Focus(p.Save)
}

// save saves f for Leave (see Guard.saving).
func (g *Guard) save(f Form) bool {
	g.saving = true
	defer func() { g.saving = false }()
	return f.Save()
}

// Prompt is the «Lagre endringene?» question with its three buttons.
type Prompt struct {
	Save, Discard, Cancel *KeyButton
	dlg                   dialog.Dialog
}

// KeyButton is a button that also answers Enter (pressing it) and Escape
// (Avbryt) while it has focus, since Fyne's dialogs do neither by
// themselves.
type KeyButton struct {
	widget.Button
	onEnter, onEscape func()
}

func newKeyButton(text string, icon fyne.Resource, tapped func()) *KeyButton {
	b := &KeyButton{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey handles Enter and Escape; other keys go to the button.
func (b *KeyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if b.onEnter != nil {
			b.onEnter()
			return
		}
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
			return
		}
	}
	b.Button.TypedKey(ev)
}
