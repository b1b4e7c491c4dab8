package ui

import (
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
	"hmsutvalg/ui/vold"
	"hmsutvalg/ui/widgets"
)

// destructive matches the text of a button that deletes or throws away.
var destructive = regexp.MustCompile(`^(Slett|Fjern|Forkast|Tilbakestill)`)

// destructiveButtons are the buttons under o, shown or hidden, whose text
// says they delete or throw away something.
func destructiveButtons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		var b *widget.Button
		switch x := o.(type) {
		case *widget.Button:
			b = x
		case *widgets.KeyButton:
			b = &x.Button
		}
		if b != nil {
			if destructive.MatchString(b.Text) {
				out = append(out, b)
			}
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// TestDestructiveButtonsAreDanger opens every form with a delete or
// remove button and checks that the button is red (Fyne's danger
// importance) and asks first: pressing it opens a question whose default
// (focused, Enter) button is the safe Avbryt, and Escape leaves the record
// in place.
func TestDestructiveButtonsAreDanger(t *testing.T) {
	u, _ := startApp(t)
	env, w := u.Env(), u.Window()
	cases := []struct {
		name string
		open func()
	}{
		{"avvik", func() {
			ds, _ := env.Store.Deviations()
			env.Open(avvik.PageID, appctx.Focus{ID: ds[0].ID})
		}},
		{"tifaktor", func() {
			rs, _ := env.Store.SurveyRounds()
			env.Open(tifaktor.PageID, appctx.Focus{ParentID: rs[0].ID})
		}},
		{"moter", func() {
			ms, _ := env.Store.Meetings()
			env.Open(moter.PageID, appctx.Focus{ID: ms[0].ID})
			env.Guard.Form().(*moter.Screen).Editor.SelectItem(ms[0].Agenda[0].ID)
		}},
		{"vernerunde", func() {
			rs, _ := env.Store.SafetyRounds()
			for _, r := range rs {
				if !r.Locked() {
					env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID})
					return
				}
			}
		}},
		{"sjekklister", func() {
			env.Navigate(vernerunde.PageID)
			s := env.Guard.Form().(*vernerunde.Screen)
			test.Tap(s.TemplatesBtn)
			tv := s.Templates
			tv.Show(tv.Templates()[0])
			test.Tap(tv.Copy) // the unit's own copy can be deleted
		}},
		{"vold", func() {
			env.Open(vold.PageID, appctx.Focus{Filter: "opplaering"})
			s := env.Guard.Form().(*vold.Screen)
			s.Training.Edit(s.Training.Shown()[0])
		}},
		{"sykefravar", func() {
			qs, _ := env.Store.SickLeaveQuarters()
			env.Open(sykefravar.PageID, appctx.Focus{ID: qs[0].ID})
		}},
		{"risiko", func() {
			as, _ := env.Store.Assessments()
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[0].ID})
			d := env.Guard.Form().(*risiko.Screen).Detail
			d.SelectItem(d.Shown()[0].ID)
		}},
		{"årshjul", func() {
			env.Navigate(moter.WheelPageID)
			wh := env.Guard.Form().(*moter.Wheel)
			for _, r := range wh.Rows {
				if r.Entry.Proof.Proven() {
					test.Tap(r.Move) // a moved deadline: something to reset
					r.Due.SetText("30.12." + r.Entry.Year.String())
					test.Tap(r.SaveDue)
					return
				}
			}
		}},
		{"enhet", func() {
			env.Navigate(enhet.PageID)
			env.Guard.Form().(*enhet.Screen).List.Select(0)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.open()
			bs := destructiveButtons(w.Content())
			if len(bs) == 0 {
				t.Fatalf("no delete or remove button on %s", tc.name)
			}
			for _, b := range bs {
				if b.Importance != widget.DangerImportance {
					t.Errorf("«%s» is not a danger button (importance %d)", b.Text, b.Importance)
				}
				if b.Disabled() || b.OnTapped == nil {
					continue
				}
				b.OnTapped()
				top := w.Canvas().Overlays().Top()
				if top == nil {
					t.Errorf("«%s» did not ask first", b.Text)
					continue
				}
				if f, ok := w.Canvas().Focused().(*widgets.KeyButton); !ok || f.Text != "Avbryt" {
					t.Errorf("«%s»: the question's default is not Avbryt: %v", b.Text, w.Canvas().Focused())
				}
				press(t, w, fyne.KeyEscape)
				if w.Canvas().Overlays().Top() != nil {
					t.Errorf("«%s»: Escape did not close the question", b.Text)
				}
			}
			if env.Guard.Dirty() {
				env.Guard.Form().Discard()
			}
		})
	}
	if uitest.HasText(w.Content(), "ble slettet") {
		t.Error("something was deleted")
	}
}
