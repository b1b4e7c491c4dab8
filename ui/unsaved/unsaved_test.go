package unsaved

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// textForm is a form of one entry: saved holds what was "stored".
type textForm struct {
	e      *widget.Entry
	saved  string
	refuse bool // Save fails
	auto   bool
}

func (f *textForm) Dirty() bool { return f.e.Text != f.saved }
func (f *textForm) Save() bool {
	if f.refuse {
		return false
	}
	f.saved = f.e.Text
	return true
}
func (f *textForm) Discard()       { f.e.SetText(f.saved) }
func (f *textForm) AutoSave() bool { return f.auto }

func setup(t *testing.T) (*Guard, *textForm, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	f := &textForm{e: widget.NewEntry()}
	w := test.NewWindow(f.e)
	t.Cleanup(w.Close)
	g := NewGuard(w)
	g.Set(f)
	return g, f, w
}

func key(w fyne.Window, k fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }

func TestLeave(t *testing.T) {
	g, f, w := setup(t)
	went, stayed := 0, 0
	leave := func() { g.Leave(func() { went++ }, func() { stayed++ }) }

	leave()
	if went != 1 || g.Prompt() != nil {
		t.Fatal("a clean form did not let go at once")
	}
	test.Type(f.e, "tekst")
	leave()
	p := g.Prompt()
	if p == nil || went != 1 || w.Canvas().Focused() != p.Save {
		t.Fatal("a dirty form was left without asking, or Lagre is not the default")
	}
	leave() // a second way out while asking: ignored
	if stayed != 1 || went != 1 {
		t.Errorf("a second leave while asking: went %d, stayed %d", went, stayed)
	}
	key(w, fyne.KeyEscape)
	if g.Prompt() != nil || stayed != 2 || f.e.Text != "tekst" || f.saved != "" {
		t.Fatalf("Escape: stayed %d, text %q, saved %q", stayed, f.e.Text, f.saved)
	}
	leave()
	key(w, fyne.KeyReturn)
	if went != 2 || f.saved != "tekst" {
		t.Fatalf("Enter: went %d, saved %q", went, f.saved)
	}

	// A refused save stays; Forkast puts back what was stored.
	f.e.SetText("mer tekst")
	f.refuse = true
	leave()
	test.Tap(g.Prompt().Save)
	if went != 2 || stayed != 3 || f.e.Text != "mer tekst" {
		t.Fatalf("refused Lagre: went %d, stayed %d, text %q", went, stayed, f.e.Text)
	}
	leave()
	test.Tap(g.Prompt().Discard)
	if went != 3 || f.e.Text != "tekst" {
		t.Fatalf("Forkast: went %d, text %q", went, f.e.Text)
	}

	// An autosaving form saves without asking, and asks when it cannot.
	f.auto, f.refuse = true, false
	f.e.SetText("auto tekst")
	leave()
	if went != 4 || f.saved != "auto tekst" || g.Prompt() != nil {
		t.Fatalf("autosave: went %d, saved %q", went, f.saved)
	}
	f.refuse = true
	f.e.SetText("x")
	leave()
	if g.Prompt() == nil || went != 4 {
		t.Fatal("a refused autosave left without asking")
	}
	test.Tap(g.Prompt().Cancel)

	// Clear forgets only its own form.
	g.Clear(&textForm{})
	if g.Form() != f {
		t.Error("Clear forgot another form")
	}
	g.Clear(f)
	if g.Form() != nil || g.Dirty() {
		t.Error("Clear kept the form")
	}
}
