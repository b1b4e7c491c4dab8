package widgets

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
)

// KeyDialog is a dialog that answers the keyboard, which Fyne's dialogs do
// not: Enter presses the focused button, or the default button when a text
// field or nothing has focus; Escape presses the cancel button, also from
// inside a text field (the app's entries pass Escape on). While the dialog
// is up it owns the window's key handler and gives it back when it closes.
type KeyDialog struct {
	win     fyne.Window
	dlg     *dialog.CustomDialog
	row     *fyne.Container
	Buttons []*KeyButton
	// Default is pressed by Enter; Cancel by Escape. Default starts with
	// the keyboard focus.
	Default, Cancel *KeyButton
	// First, when set, gets the focus on Show instead of Default (the
	// dialog's first field).
	First fyne.Focusable
	// OnClosed, when set, runs once the dialog has closed, however it
	// was closed.
	OnClosed func()
	prevKey  func(*fyne.KeyEvent)
	open     bool
}

// NewKeyDialog creates a dialog showing content above its buttons; add
// the buttons with AddButton and SetCancel, then Show it.
func NewKeyDialog(win fyne.Window, title string, content fyne.CanvasObject) *KeyDialog {
	d := &KeyDialog{win: win, row: container.NewHBox()}
	body := container.NewBorder(nil, container.NewCenter(d.row), nil, nil, content)
	d.dlg = dialog.NewCustomWithoutButtons(title, body, win)
	d.dlg.SetOnClosed(d.closed)
	d.dlg.Resize(fyne.NewSize(480, 0)) // wide enough for wrapped text to read
	return d
}

// AddButton adds a button; pressing it closes the dialog and then runs
// action (so the action may open the next dialog).
func (d *KeyDialog) AddButton(text string, icon fyne.Resource, imp widget.Importance, action func()) *KeyButton {
	return d.add(text, icon, imp, func() {
		d.Hide()
		if action != nil {
			action()
		}
	})
}

// AddSubmit adds a button that runs submit and closes the dialog only
// when submit reports success; on false the dialog stays open with what
// was typed (submit shows what to fix).
func (d *KeyDialog) AddSubmit(text string, icon fyne.Resource, imp widget.Importance, submit func() bool) *KeyButton {
	return d.add(text, icon, imp, func() {
		if submit() {
			d.Hide()
		}
	})
}

func (d *KeyDialog) add(text string, icon fyne.Resource, imp widget.Importance, tapped func()) *KeyButton {
	b := NewKeyButton(text, icon, tapped)
	b.Importance = imp
	b.onEscape = func() { d.Dismiss() }
	d.Buttons = append(d.Buttons, b)
	d.row.Add(b)
	return b
}

// SetCancel adds the cancel button (Escape), first in the row.
func (d *KeyDialog) SetCancel(text string, action func()) *KeyButton {
	b := d.AddButton(text, theme.CancelIcon(), widget.MediumImportance, action)
	d.row.Objects = append([]fyne.CanvasObject{b}, d.row.Objects[:len(d.row.Objects)-1]...)
	d.Cancel = b
	return b
}

// SetCancelSubmit adds the cancel button (Escape), first in the row, that
// closes the dialog only when submit reports success (it keeps what was
// typed, see AddSubmit).
func (d *KeyDialog) SetCancelSubmit(text string, submit func() bool) *KeyButton {
	b := d.AddSubmit(text, theme.CancelIcon(), widget.MediumImportance, submit)
	d.row.Objects = append([]fyne.CanvasObject{b}, d.row.Objects[:len(d.row.Objects)-1]...)
	d.Cancel = b
	return b
}

// Show opens the dialog and puts the focus on First or Default.
func (d *KeyDialog) Show() {
	c := d.win.Canvas()
	d.prevKey = c.OnTypedKey()
	c.SetOnTypedKey(d.typedKey)
	d.open = true
	d.dlg.Show()
	switch {
	case d.First != nil:
		FocusLater(c, d.First)
	case d.Default != nil:
		FocusLater(c, d.Default)
	}
}

// Resize sets the dialog's size.
func (d *KeyDialog) Resize(s fyne.Size) { d.dlg.Resize(s) }

// Hide closes the dialog without pressing a button.
func (d *KeyDialog) Hide() {
	if d.open {
		d.dlg.Hide()
	}
}

// Open reports whether the dialog is on screen.
func (d *KeyDialog) Open() bool { return d.open }

// Confirm presses the default button (Enter).
func (d *KeyDialog) Confirm() { press(d.Default) }

// Dismiss presses the cancel button (Escape), or just closes the dialog.
func (d *KeyDialog) Dismiss() {
	if d.Cancel == nil {
		d.Hide()
		return
	}
	press(d.Cancel)
}

func press(b *KeyButton) {
	if b != nil && !b.Disabled() {
		b.OnTapped()
	}
}

// closed gives the window's key handler back.
func (d *KeyDialog) closed() {
	if !d.open {
		return
	}
	d.open = false
	d.win.Canvas().SetOnTypedKey(d.prevKey)
	if d.OnClosed != nil {
		d.OnClosed()
	}
}

// typedKey is the window's key handler while the dialog is up: it gets
// the keys when nothing has focus, and those a text field passes on.
func (d *KeyDialog) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		d.Dismiss()
	case fyne.KeyReturn, fyne.KeyEnter:
		d.Confirm()
	}
}

// Confirm asks a question whose yes is harmless: Enter answers yes
// (the default), Escape answers no.
func Confirm(win fyne.Window, title, message, yes, no string, onYes func()) *KeyDialog {
	d := NewKeyDialog(win, title, Message(message))
	d.SetCancel(no, nil)
	d.Default = d.AddButton(yes, theme.ConfirmIcon(), widget.HighImportance, onYes)
	d.Show()
	return d
}

// ConfirmDanger asks before something that destroys or replaces data. The
// safe choice is the default: Enter and Escape both cancel until the user
// moves to the red button (Tab) and presses it.
func ConfirmDanger(win fyne.Window, title, message, danger string, onDanger func()) *KeyDialog {
	d := NewKeyDialog(win, title, Message(message))
	d.Default = d.SetCancel(lang.L("Avbryt"), nil)
	d.AddButton(danger, theme.DeleteIcon(), widget.DangerImportance, onDanger)
	d.Show()
	return d
}

// ShowInformation tells the user something; Enter, Escape or OK closes it
// (Fyne's own information dialog answers neither key).
func ShowInformation(title, message string, win fyne.Window) *KeyDialog {
	d := NewKeyDialog(win, title, Message(message))
	ok := d.AddButton(lang.L("OK"), theme.ConfirmIcon(), widget.HighImportance, nil)
	d.Default, d.Cancel = ok, ok
	d.Show()
	return d
}

// ShowError shows what went wrong, as ShowInformation does.
func ShowError(err error, win fyne.Window) *KeyDialog {
	return ShowInformation(lang.L("Feil"), err.Error(), win)
}

// Message is a dialog's wrapping text.
func Message(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// KeyButton is a button that also answers Enter (pressing it) and Escape
// (cancelling its dialog) while it has focus; Fyne's buttons answer only
// Space.
type KeyButton struct {
	widget.Button
	onEnter, onEscape func()
}

// NewKeyButton creates a button pressed by a click, Space or Enter.
func NewKeyButton(text string, icon fyne.Resource, tapped func()) *KeyButton {
	b := &KeyButton{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.onEnter = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey handles Enter and Escape; other keys go to the button.
func (b *KeyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if b.onEnter != nil && !b.Disabled() {
			b.onEnter()
			return
		}
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
			return
		}
		if passOn(b, ev, false) {
			return
		}
	}
	b.Button.TypedKey(ev)
}

// RestoreQuestion is what the app asks before replacing the unit file at
// path with the backup taken at taken: the backup's date, and that
// everything stored since then is replaced (the current file is kept as a
// backup of its own first, so the step can be undone).
func RestoreQuestion(taken time.Time, path string) string {
	return fmt.Sprintf(lang.L("Sikkerhetskopien er fra %s. Alt i %s – møter, avvik, tiltak, vernerunder og de andre registrene – erstattes med innholdet i sikkerhetskopien, og det som er lagret etter %s, forsvinner fra filen. Dagens fil tas vare på som en egen sikkerhetskopi først, så den kan hentes tilbake."),
		model.FormatDateTime(taken), filepath.Base(path), model.FormatDateTime(taken))
}

// ShowFileDialog shows one of Fyne's file or folder dialogs so that Escape
// cancels it (the callback gets nil, as with its «Avbryt»), which Fyne's
// dialog does not do by itself. Escape reaches the window while nothing in
// the dialog has focus; Fyne's own name field in a save dialog keeps it,
// and there Enter saves (Fyne's wiring).
func ShowFileDialog(d *dialog.FileDialog, win fyne.Window) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			d.Dismiss()
			return
		}
		if prev != nil {
			prev(ev)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	d.Show()
}
