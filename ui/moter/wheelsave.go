package moter

import (
	"strings"

	"hmsutvalg/model"
)

// The annual wheel is a form too: a note typed under «Merk utført …» or a
// new deadline under «Flytt frist», not yet confirmed, is saved or the
// user asked before the page, the year or the window is left (package
// unsaved). Saving does what the row's own button does.

// wheelChange is one row's unsaved change: the entry as it would be
// stored.
type wheelChange struct {
	row   *WheelRow
	entry model.WheelEntry
}

// typedNote is the note typed under «Merk utført …», or "".
func (r *WheelRow) typedNote() string {
	if r.Done == nil || r.Entry.Proof.Proven() || !r.Entry.Done.IsZero() {
		return ""
	}
	return strings.TrimSpace(r.Note.Text)
}

// dueChanged reports whether a deadline other than the stored one is typed.
func (r *WheelRow) dueChanged() bool { return r.Due.Text != r.dueLoaded }

// Dirty reports whether any row holds a note or deadline not saved.
func (w *Wheel) Dirty() bool {
	for _, r := range w.Rows {
		if r.typedNote() != "" || r.dueChanged() {
			return true
		}
	}
	return false
}

// changes are the rows' unsaved changes; a deadline that cannot be read
// is shown on its row and ok is false (nothing is stored then).
func (w *Wheel) changes() (out []wheelChange, ok bool) {
	ok = true
	for _, r := range w.Rows {
		e, changed := r.Entry, false
		if r.dueChanged() {
			d, err := r.Due.Date()
			if err != nil {
				r.editBox.Show()
				r.Err.Show(err)
				ok = false
				continue
			}
			e.Due, changed = d, true
		}
		if note := r.typedNote(); note != "" {
			e.Done, e.Note, changed = w.env.Today(), note, true
		}
		if changed {
			out = append(out, wheelChange{r, e})
		}
	}
	return out, ok
}

// Save stores every row's change, as «Merk utført» and «Lagre frist»
// would; a refusal is shown on its row, which keeps what was typed.
func (w *Wheel) Save() bool {
	cs, ok := w.changes()
	if !ok {
		return false
	}
	for _, c := range cs {
		if _, err := w.env.Store.SaveWheelEntry(c.entry, w.env.Today()); err != nil {
			c.row.Err.Show(err)
			return false
		}
	}
	w.Reload()
	return true
}

// Discard shows the year as stored.
func (w *Wheel) Discard() { w.Reload() }
