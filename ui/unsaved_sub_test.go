package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/oversikt"
)

// TestNoInputLostDeviationClosing: the «Lukk» box, with who closed the
// deviation typed in, is a sub-form: leaving asks, Lagre closes the
// deviation with that name, Forkast leaves it open.
func TestNoInputLostDeviationClosing(t *testing.T) {
	u, _ := startApp(t)
	env := u.Env()
	id, other := openDeviationID(t, env)
	startClosing := func(id uint64, by string) *avvik.Editor {
		env.Open(avvik.PageID, appctx.Focus{ID: id})
		e := env.Guard.Form().(*avvik.Screen).Editor
		test.Tap(e.Close)
		e.ClosedBy.SetText("")
		test.Type(e.ClosedBy, by)
		return e
	}

	startClosing(id, "Verneombud Vera")
	env.Guard.SyncDrafts()
	if ds, _ := env.Store.Drafts(); len(ds) != 0 {
		t.Errorf("a draft of unchanged descriptions: %+v", ds)
	}
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Discard)
	if d := mustDev(t, env, id); d.Status == model.DevClosed {
		t.Fatal("Forkast closed the deviation")
	}

	e := startClosing(other, "Verneombud Vera")
	env.Navigate(oversikt.PageID)
	p := prompt(t, env)
	if !e.CloseBox.Visible() {
		t.Fatal("the question hid the Lukk box")
	}
	test.Tap(p.Save)
	d := mustDev(t, env, other)
	if d.Status != model.DevClosed || d.ClosedBy != "Verneombud Vera" {
		t.Fatalf("Lagre did not close with the typed name: %s by %q", d.Status, d.ClosedBy)
	}
	if _, still := env.Guard.Form().(*avvik.Screen); still {
		t.Error("Lagre did not go on to the page asked for")
	}
	if env.Guard.Nested() != 0 {
		t.Errorf("%d sub-forms left after leaving", env.Guard.Nested())
	}
}
