package unsaved

// Sub-forms: a box opened inside the form on screen that holds typed text
// of its own (closing a deviation with who and when, a finding turned
// into a deviation, the follow-up of a survey, a decision typed in the
// meeting view). It registers with Nest while open and Unnest when it
// closes; leaving the page then saves or asks about it together with the
// form, as one.

// Nest adds a sub-form of the form on screen. Set (a new page) forgets
// every sub-form.
func (g *Guard) Nest(f Form) {
	for _, n := range g.nested {
		if n == f {
			return
		}
	}
	g.nested = append(g.nested, f)
}

// Unnest removes a sub-form (it was closed, confirmed or discarded).
func (g *Guard) Unnest(f Form) {
	for i, n := range g.nested {
		if n == f {
			g.nested = append(g.nested[:i:i], g.nested[i+1:]...)
			return
		}
	}
}

// Nested is how many sub-forms are open (tests).
func (g *Guard) Nested() int { return len(g.nested) }

// current is what Leave saves or asks about: the form on screen alone
// while no sub-form holds changes (so an AutoSaver still saves without
// asking), otherwise the form and its sub-forms as one.
func (g *Guard) current() Form {
	var dirty []Form
	for _, n := range g.nested {
		if n.Dirty() {
			dirty = append(dirty, n)
		}
	}
	if len(dirty) == 0 {
		return g.form
	}
	grp := group{}
	if g.form != nil {
		grp = append(grp, g.form)
	}
	return append(grp, dirty...)
}

// group is a form and its dirty sub-forms, saved in that order.
type group []Form

func (gr group) Dirty() bool {
	for _, f := range gr {
		if f.Dirty() {
			return true
		}
	}
	return false
}

// Save saves each part that held changes when asked, the form first
// (saving the form may redraw a sub-form, which still holds its text); it
// stops at the first refusal, which shows its message and keeps its text.
func (gr group) Save() bool {
	dirty := make([]bool, len(gr))
	for i, f := range gr {
		dirty[i] = f.Dirty()
	}
	for i, f := range gr {
		if dirty[i] && !f.Save() {
			return false
		}
	}
	return true
}

// Discard puts back every part, the sub-forms first.
func (gr group) Discard() {
	for i := len(gr) - 1; i >= 0; i-- {
		gr[i].Discard()
	}
}

// AutoSave: the group saves without asking when every part holding
// changes autosaves (an attachment's caption typed while the form itself
// is clean, or a draft's text); otherwise the user is asked about all.
func (gr group) AutoSave() bool {
	for _, f := range gr {
		if !f.Dirty() {
			continue
		}
		if a, ok := f.(AutoSaver); !ok || !a.AutoSave() {
			return false
		}
	}
	return true
}
