// Package undo is «Angre», once for every screen: after a save or a delete
// a bar at the bottom of the window names what was stored, with an
// «Angre» button that puts it back through the change log
// (storage.Store.Undo). Ctrl+Z calls the same (appctx.Env.Undo).
package undo

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
)

// Bar is the notice that confirms a save or delete and offers to undo it.
// It stays, as a status line, until the next change or its × button.
type Bar struct {
	widget.BaseWidget
	env    *appctx.Env
	reload func()

	Text  *widget.Label
	Angre *widget.Button
	Close *widget.Button
	box   *fyne.Container

	shown uint64 // change-log seq the bar offers to undo; 0: none
	// Relayout (may be nil) lays out the container the bar sits in when
	// it appears or goes, so the page above makes room for it.
	Relayout func()
	// OpenUndone (may be nil) opens the record an undo put back; false when it
	// cannot, and the page on screen is redrawn instead.
	OpenUndone func(storage.Change) bool
}

// NewBar returns the bar for env; reload redraws the page on screen after
// an undo, so it shows what was put back. It sets env.Undo (Ctrl+Z).
func NewBar(env *appctx.Env, reload func()) *Bar {
	b := &Bar{env: env, reload: reload}
	b.Text = widget.NewLabel("")
	b.Text.Truncation = fyne.TextTruncateEllipsis
	b.Angre = widget.NewButtonWithIcon(lang.L("Angre"), theme.ContentUndoIcon(), func() { b.undo(b.shown) })
	b.Close = widget.NewButtonWithIcon("", theme.CancelIcon(), b.hide)
	b.Close.Importance = widget.LowImportance
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(b.Angre, b.Close), b.Text)
	b.box.Hide()
	b.ExtendBaseWidget(b)
	if last, ok := env.Store.LastUndoable(); ok {
		b.shown = last.Seq // a change from before the bar existed is not announced
	}
	env.OnDataChanged(b.changed)
	env.Undo = func() { b.undo(0) }
	return b
}

// CreateRenderer shows the bar when there is something to say.
func (b *Bar) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(b.box))
}

// changed announces the newest change of the session, if it is new.
func (b *Bar) changed() {
	last, ok := b.env.Store.LastUndoable()
	if !ok || last.Seq <= b.shown {
		return
	}
	b.shown = last.Seq
	b.show(last.Summary+".", true)
}

func (b *Bar) show(text string, canUndo bool) {
	b.Text.SetText(text)
	if canUndo {
		b.Angre.Show()
	} else {
		b.Angre.Hide()
	}
	b.box.Show()
	b.Refresh()
	b.relayout()
}

func (b *Bar) hide() {
	b.box.Hide()
	b.Refresh()
	b.relayout()
}

func (b *Bar) relayout() {
	if b.Relayout != nil {
		b.Relayout()
	}
}

// undo undoes change seq (0: the newest of the session) once the form on
// screen is saved or discarded, then redraws the page. A refusal is said
// in the bar.
func (b *Bar) undo(seq uint64) {
	b.env.Leave(func() {
		st := b.env.Store
		var undone storage.Change
		var err error
		if seq == 0 {
			undone, err = st.UndoLast()
		} else {
			undone, err = st.Undo(seq)
		}
		if err != nil {
			b.show(err.Error(), false)
			return
		}
		done, _ := st.Changes(1)
		text := lang.L("Angret.")
		if len(done) == 1 {
			text = done[0].Summary + "."
		}
		b.env.DataChanged()
		if b.OpenUndone == nil || !b.OpenUndone(undone) {
			b.reload()
		}
		b.show(text, false)
	}, nil)
}

// Shown reports whether the bar is on screen (tests).
func (b *Bar) Shown() bool { return b.box.Visible() }
