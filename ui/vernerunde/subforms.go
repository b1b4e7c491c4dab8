package vernerunde

// rowTyped is what was typed in the forms open under one finding.
type rowTyped struct {
	measure, dev                 bool
	title, responsible, deadline string
	place, category, severity    string
	what                         string
}

// typed remembers the open finding forms by finding number, so a rebuild
// of the findings keeps them.
func (c *Closing) typed() map[int]rowTyped {
	out := map[int]rowTyped{}
	for _, row := range c.Findings {
		if !row.form.Visible() && !row.devForm.Visible() {
			continue
		}
		out[row.Number] = rowTyped{
			measure: row.form.Visible(), dev: row.devForm.Visible(),
			title: row.Title.Text, responsible: row.Responsible.Text, deadline: row.Deadline.Text,
			place: row.Place.Text, category: row.Category.Selected, severity: row.Severity.Selected,
			what: row.What.Text,
		}
	}
	return out
}

// restore opens the forms of a rebuilt row again with what was typed.
func (row *FindingRow) restore(t rowTyped) {
	if t.measure {
		row.Title.SetText(t.title)
		row.Responsible.SetText(t.responsible)
		row.Deadline.SetText(t.deadline)
		row.form.Show()
	}
	if t.dev {
		row.Place.SetText(t.place)
		row.Category.SetSelected(t.category)
		row.Severity.SetSelected(t.severity)
		row.What.SetText(t.what)
		row.devForm.Show()
	}
}

// findingDeviations is the «Registrer som avvik» forms open under the
// findings: a sub-form of the round (unsaved.Guard.Nest). Lagre registers
// each as a deviation, Forkast closes them.
type findingDeviations struct{ c *Closing }

func (f findingDeviations) Dirty() bool { return len(f.c.openDeviations()) > 0 }

func (f findingDeviations) Save() bool {
	for _, n := range f.c.openDeviations() {
		// Each registration rebuilds the rows: find the row again.
		if row := f.c.Finding(n); row == nil || !f.c.addDeviation(row) {
			return false
		}
	}
	return true
}

func (f findingDeviations) Discard() {
	for _, row := range f.c.Findings {
		row.devForm.Hide()
	}
	f.c.nestDeviations()
}

// openDeviations are the findings whose deviation form is open.
func (c *Closing) openDeviations() []int {
	var ns []int
	for _, row := range c.Findings {
		if row.devForm.Visible() {
			ns = append(ns, row.Number)
		}
	}
	return ns
}

// nestDeviations registers the open deviation forms with the guard, or
// takes them away when none is open.
func (c *Closing) nestDeviations() {
	g := c.v.env.Guard
	if g == nil {
		return
	}
	if len(c.openDeviations()) > 0 {
		g.Nest(findingDeviations{c})
	} else {
		g.Unnest(findingDeviations{c})
	}
}
