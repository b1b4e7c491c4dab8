package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/vernerunde"
)

// visibleUnder reports whether o is shown under root: it and every
// container or widget around it visible (a hidden tab's field is not).
func visibleUnder(root, o fyne.CanvasObject) bool {
	if root == nil || !root.Visible() {
		return false
	}
	if root == o {
		return true
	}
	var kids []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, k := range kids {
		if visibleUnder(k, o) {
			return true
		}
	}
	return false
}

// TestOpenRecordPutsFocusInIt: a record opened from its list (or a link)
// takes the keyboard into its form: the focus is on a widget shown on the
// page, not left on one of the page that was there before (the risk
// assessment asked for its title, which sits on the hidden «Vurdering»
// tab, and the focus stayed on the action plan's field).
func TestOpenRecordPutsFocusInIt(t *testing.T) {
	u, _ := startApp(t)
	env, w := u.Env(), u.Window()
	ms, _ := env.Store.Measures()
	ds, _ := env.Store.Deviations()
	as, _ := env.Store.Assessments()
	mt, _ := env.Store.Meetings()
	rs, _ := env.Store.SafetyRounds()
	sr, _ := env.Store.SurveyRounds()
	qs, _ := env.Store.SickLeaveQuarters()
	cases := []struct {
		name string
		open func()
	}{
		{"tiltak", func() { env.Open(handlingsplan.PageID, appctx.Focus{ID: ms[0].ID}) }},
		{"risikovurdering", func() { env.Open(risiko.PageID, appctx.Focus{ParentID: as[0].ID}) }},
		{"avvik", func() { env.Open(avvik.PageID, appctx.Focus{ID: ds[0].ID}) }},
		{"risikovurdering etter avvik", func() { env.Open(risiko.PageID, appctx.Focus{ParentID: as[1].ID}) }},
		{"risikoforhold", func() {
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[0].ID})
			d := env.Guard.Form().(*risiko.Screen).Detail
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[0].ID, ID: d.Shown()[0].ID})
		}},
		{"møte", func() { env.Open(moter.PageID, appctx.Focus{ID: mt[0].ID}) }},
		{"vernerunde", func() { env.Open(vernerunde.PageID, appctx.Focus{ParentID: rs[len(rs)-1].ID}) }},
		{"10-faktor", func() { env.Open(tifaktor.PageID, appctx.Focus{ParentID: sr[0].ID}) }},
		{"kvartal", func() { env.Open(sykefravar.PageID, appctx.Focus{ID: qs[0].ID}) }},
	}
	for _, c := range cases {
		c.open()
		f := w.Canvas().Focused()
		if f == nil {
			t.Errorf("%s: nothing has the keyboard", c.name)
			continue
		}
		if !visibleUnder(w.Content(), f.(fyne.CanvasObject)) || inShellBar(f) {
			t.Errorf("%s: the keyboard is on a %T that is not shown in the page", c.name, f)
		}
	}
}
