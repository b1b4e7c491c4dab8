package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vold"
	"hmsutvalg/ui/widgets"
)

// TestSavedNewItemReadyForNext: a new measure, risk item, quarter,
// training or committee member made with Ctrl+N, typed in and saved with
// Ctrl+S leaves the keyboard on the page's «Ny …» button, so Space starts
// the next one (the deviation, meeting and 10-FAKTOR round have their own
// TestKeyboardOnly… tests).
func TestSavedNewItemReadyForNext(t *testing.T) {
	u, _ := startApp(t)
	env, w := u.Env(), u.Window()
	type step struct {
		name string
		open func()
		fill func()
		next func() fyne.Focusable // the button that must have the keyboard
		errs func() string
	}
	measure := func() *handlingsplan.Screen { return env.Guard.Form().(*handlingsplan.Screen) }
	risk := func() *risiko.Detail { return env.Guard.Form().(*risiko.Screen).Detail }
	sick := func() *sykefravar.Screen { return env.Guard.Form().(*sykefravar.Screen) }
	training := func() *vold.TrainingView { return env.Guard.Form().(*vold.Screen).Training }
	unit := func() *enhet.Screen { return env.Guard.Form().(*enhet.Screen) }
	typeIn := func(e textField, text string) { retype(e, text) }
	steps := []step{
		{"tiltak", func() { env.Navigate(handlingsplan.PageID); uitest.Shortcut(w, newShortcut) }, func() {
			e := measure().Editor
			typeIn(e.Title, "Nytt tiltak fra tastaturet")
			typeIn(e.Responsible, "Leder")
			typeIn(e.Deadline, "01.03.2027")
			if e.Area.Selected == "" {
				e.Area.SetSelectedIndex(0)
			}
		}, func() fyne.Focusable { return measure().NewButton }, func() string { return measure().Editor.Err.Messages() }},
		{"risikoforhold", func() {
			// Ctrl+N on the page starts an assessment; an item is started
			// from the open one's «Nytt risikoforhold» (Space).
			as, _ := env.Store.Assessments()
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[0].ID})
			pressKey(t, w, risk().NewItem)
		}, func() {
			e := risk().Item
			typeIn(e.Hazard, "Glatt gulv ved inngangen")
			typeIn(e.Event, "Fall")
			e.Category.SetSelectedIndex(0)
			e.P.SetSelectedIndex(1)
			e.C.SetSelectedIndex(1)
		}, func() fyne.Focusable { return risk().Item.Next }, func() string { return risk().Item.Err.Messages() }},
		{"kvartal", func() { env.Navigate(sykefravar.PageID); uitest.Shortcut(w, newShortcut) }, func() {
			f := sick().Form
			for _, x := range []struct {
				e    *widgets.Entry
				text string
			}{{f.Total, "6,1"}, {f.Self, "1,2"}, {f.DoctorShort, "1,9"}, {f.DoctorLong, "3"}, {f.Employees, "80"},
				{f.AgreedDays, "5000"}, {f.SickDays, "305"}} {
				typeIn(x.e, x.text)
			}
		}, func() fyne.Focusable { return sick().Form.New }, func() string { return sick().Form.Err.Messages() }},
		{"opplæring", func() {
			env.Navigate(vold.PageID)
			env.Guard.Form().(*vold.Screen).Tabs.Select(env.Guard.Form().(*vold.Screen).TrainingTab)
			uitest.Shortcut(w, newShortcut)
		}, func() {
			v := training()
			typeIn(v.Date, "15.11.2026")
			typeIn(v.Topic, "Øvelse i å avverge vold")
			v.Kind.SetSelectedIndex(0)
			typeIn(v.Count, "12")
		}, func() fyne.Focusable { return training().NewButton }, func() string { return training().Err.Messages() }},
		{"medlem", func() { env.Navigate(enhet.PageID); unit().NewMember.OnTapped() }, func() {
			s := unit()
			typeIn(s.MemberName, "Ny vara")
			s.Role.SetSelectedIndex(0)
			typeIn(s.From, "01.01.2026")
		}, func() fyne.Focusable { return unit().NewMember }, func() string { return unit().MemberErr.Messages() }},
	}
	for _, s := range steps {
		s.open()
		s.fill()
		uitest.Shortcut(w, saveShortcut)
		if env.Guard.Dirty() {
			t.Errorf("%s: Ctrl+S did not save: %q", s.name, s.errs())
			env.Guard.Form().Discard()
			continue
		}
		if f := w.Canvas().Focused(); f != s.next() || !visibleUnder(w.Content(), f.(fyne.CanvasObject)) {
			t.Errorf("%s: after saving the new one the keyboard is on %T, not a shown «Ny …»", s.name, f)
			continue
		}
		// Space starts the next one, in its first field.
		uitest.Key(w, fyne.KeySpace)
		switch f := w.Canvas().Focused().(type) {
		case *widgets.Entry, *widgets.DateEntry:
			if !visibleUnder(w.Content(), f.(fyne.CanvasObject)) {
				t.Errorf("%s: the next one's first field is not shown", s.name)
			}
		default:
			t.Errorf("%s: Space on «Ny …» left the keyboard on %T", s.name, f)
		}
	}
}
