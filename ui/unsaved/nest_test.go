package unsaved

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A sub-form with changes makes the page ask, even when the page's own
// form autosaves; Lagre saves the form first and then the sub-form, and a
// refused sub-form keeps the user on the page.
func TestNestedSubForm(t *testing.T) {
	g, f, _ := setup(t)
	f.auto = true
	sub := &textForm{e: widget.NewEntry()}
	g.Nest(sub)
	g.Nest(sub)
	if g.Nested() != 1 {
		t.Fatalf("nested twice: %d", g.Nested())
	}
	went := 0
	g.Leave(func() { went++ }, nil)
	if went != 1 {
		t.Fatal("a clean sub-form held the page")
	}
	test.Type(f.e, "skjema")
	test.Type(sub.e, "underskjema")
	if !g.Dirty() {
		t.Fatal("not dirty with a dirty sub-form")
	}
	g.Leave(func() { went++ }, nil)
	p := g.Prompt()
	if p == nil {
		t.Fatal("a dirty sub-form did not ask, although the form autosaves")
	}
	sub.refuse = true
	test.Tap(&p.Save.Button)
	if went != 1 || f.saved != "skjema" || sub.saved != "" {
		t.Fatalf("refused sub-form: went %d, form %q, sub %q", went, f.saved, sub.saved)
	}
	sub.refuse = false
	g.Leave(func() { went++ }, nil)
	test.Tap(&g.Prompt().Discard.Button)
	if went != 2 || sub.e.Text != "" {
		t.Fatalf("Forkast: went %d, sub %q", went, sub.e.Text)
	}
	g.Unnest(sub)
	g.Set(nil)
	if g.Nested() != 0 {
		t.Fatal("Set kept a sub-form")
	}
}

// A sub-form that autosaves (an attachment's caption) is saved without
// asking when it alone holds changes, also by Rescue; with the page's own
// form dirty and not autosaving, the user is asked about both.
func TestNestedAutoSaver(t *testing.T) {
	g, f, _ := setup(t)
	sub := &textForm{e: widget.NewEntry(), auto: true}
	g.Nest(sub)
	test.Type(sub.e, "bildetekst")
	went := 0
	g.Leave(func() { went++ }, nil)
	if went != 1 || g.Prompt() != nil || sub.saved != "bildetekst" {
		t.Fatalf("an autosaving sub-form: went %d, asked %v, saved %q", went, g.Prompt() != nil, sub.saved)
	}
	test.Type(sub.e, " 2")
	g.Rescue()
	if sub.saved != "bildetekst 2" {
		t.Errorf("Rescue did not save the sub-form: %q", sub.saved)
	}
	test.Type(sub.e, " 3")
	test.Type(f.e, "skjema")
	g.Leave(func() { went++ }, nil)
	if g.Prompt() == nil || went != 1 {
		t.Fatal("a dirty form that does not autosave was left without asking")
	}
}
