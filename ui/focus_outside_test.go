package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	hms "hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/undo"
)

// TestFocusNeverGoesToUndoBar: a page with nothing to focus does not hand
// the keyboard to the undo bar's «Angre» after a page switch or a
// Møtemodus rebuild (a reviewer's stray Space there undid the meeting's
// minutes), nor round to the top bar.
func TestFocusNeverGoesToUndoBar(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := hms.Open(uitest.DemoFile(t), hms.Options{User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1024, 768))
	env := appctx.New(a, w, st)
	plain := func(*appctx.Env) fyne.CanvasObject { return widget.NewLabel("Ingenting å fylle ut her.") }
	sh := newShell(env, []appctx.Page{{ID: "a", Title: "A", Build: plain}, {ID: "b", Title: "B", Build: plain}})
	bar := undo.NewBar(env, sh.reopen)
	sh.around = []fyne.Focusable{bar.Angre, bar.Close}
	root := container.NewBorder(nil, bar, nil, nil, sh.build())
	sh.frame = root
	w.SetContent(root)
	// A change of this session: the bar shows «Angre».
	ms, _ := st.Measures()
	m := ms[0]
	m.Description += " endret"
	if _, err := st.SaveMeasure(m, uitest.Today); err != nil {
		t.Fatal(err)
	}
	env.DataChanged()
	if !bar.Shown() || !bar.Angre.Visible() {
		t.Fatal("the undo bar does not offer Angre")
	}
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"page b", func() { sh.show("b") }},
		{"Møtemodus on", func() { env.SetMeetingMode(true); sh.relayout() }},
		{"page a", func() { sh.show("a") }},
		{"Møtemodus off", func() { env.SetMeetingMode(false); sh.relayout() }},
	} {
		step.do()
		if f := w.Canvas().Focused(); f == bar.Angre || f == bar.Close || (f != nil && sh.outsidePage(f)) {
			t.Errorf("%s: the focus is on %T outside the page", step.name, f)
		}
	}
}
