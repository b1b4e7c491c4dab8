package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	hms "hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/avvik"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/moter"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// TestDraftOfferedAfterCrash types a deviation description, lets the
// guard keep it as a draft, "crashes" (closes the file without saving),
// starts again and restores the text from the offer.
func TestDraftOfferedAfterCrash(t *testing.T) {
	path := uitest.DemoFile(t)
	today := func() model.Date { return uitest.Today }
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: path, Today: today})
	env := u.Env()
	devs, _ := env.Store.Deviations()
	dev := devs[0]
	env.Open(avvik.PageID, appctx.Focus{ID: dev.ID})
	scr := env.Guard.Form().(*avvik.Screen)
	typed := dev.WhatHappened + " Tillegg skrevet rett før strømmen gikk."
	scr.Editor.WhatHappened.SetText(typed)
	env.Guard.SyncDrafts() // what the ticker does every 2 s
	u.Close()              // the crash: no save, no question

	a2 := test.NewTempApp(t)
	u2 := Start(a2, Options{DBPath: path, Today: today})
	defer u2.Close()
	w := u2.Window()
	offer := w.Canvas().Overlays().Top()
	if offer == nil || !uitest.HasText(offer, "Det finnes tekst som ikke ble lagret") || !uitest.HasText(offer, "Tillegg skrevet") {
		t.Fatalf("no offer of the unsaved text after the crash")
	}
	if got, _ := u2.Env().Store.Deviation(dev.ID); got.WhatHappened != dev.WhatHappened {
		t.Fatalf("the draft went into the record without asking: %q", got.WhatHappened)
	}
	// Enter restores: the question opens with Gjenopprett focused.
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	scr2, ok := u2.Env().Guard.Form().(*avvik.Screen)
	if !ok || scr2.Editor == nil || scr2.Editor.Deviation().ID != dev.ID {
		t.Fatalf("Gjenopprett did not open deviation %d", dev.ID)
	}
	if scr2.Editor.WhatHappened.Text != typed || !scr2.Dirty() {
		t.Fatalf("restored text %q (dirty %v), want %q", scr2.Editor.WhatHappened.Text, scr2.Dirty(), typed)
	}
	if !scr2.Save() {
		t.Fatal("saving the restored text failed")
	}
	u2.Env().Guard.SyncDrafts()
	if ds, _ := u2.Env().Store.Drafts(); len(ds) != 0 {
		t.Fatalf("draft kept after the save: %+v", ds)
	}
	if got, _ := u2.Env().Store.Deviation(dev.ID); !strings.Contains(got.WhatHappened, "Tillegg skrevet") {
		t.Fatalf("saved text %q", got.WhatHappened)
	}
}

// TestDraftDiscardedOffer: «Forkast» removes the draft, and a clean quit
// leaves none behind.
func TestDraftDiscardedOffer(t *testing.T) {
	path := uitest.DemoFile(t)
	today := func() model.Date { return uitest.Today }
	a := test.NewTempApp(t)
	u := Start(a, Options{DBPath: path, Today: today})
	env := u.Env()
	env.Open(avvik.PageID, appctx.Focus{Filter: avvik.FilterNew})
	scr := env.Guard.Form().(*avvik.Screen)
	scr.Editor.Cause.SetText("Ny årsak som aldri ble lagret")
	env.Guard.SyncDrafts()
	u.Close()

	a2 := test.NewTempApp(t)
	u2 := Start(a2, Options{DBPath: path, Today: today})
	defer u2.Close()
	offer := u2.Window().Canvas().Overlays().Top()
	if offer == nil || !uitest.HasText(offer, "Nytt avvik") {
		t.Fatal("no offer for the new deviation's draft")
	}
	test.Tap(dialogButton(t, offer, "Forkast"))
	if ds, _ := u2.Env().Store.Drafts(); len(ds) != 0 {
		t.Fatalf("Forkast kept the draft: %+v", ds)
	}
	if u2.Window().Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is still open after Forkast")
	}
}

// TestDraftsOfEveryDrafter: the round summary and a new measure's
// description come back after a crash the same way.
func TestDraftsOfEveryDrafter(t *testing.T) {
	today := func() model.Date { return uitest.Today }
	cases := []struct {
		name  string
		open  func(env *appctx.Env) // opens the form
		entry func(env *appctx.Env) *widget.Entry
	}{
		{"vernerunde", func(env *appctx.Env) {
			rs, _ := env.Store.SafetyRounds()
			for _, r := range rs {
				if !r.Locked() {
					env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID})
					return
				}
			}
			t.Fatal("no open round in the demo")
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*vernerunde.Screen).Round.Closing.Notes.Entry
		}},
		{"moter", func(env *appctx.Env) {
			ms, _ := env.Store.Meetings()
			for _, m := range ms {
				if len(m.Agenda) > 0 {
					env.Open(moter.PageID, appctx.Focus{ID: m.ID})
					env.Guard.Form().(*moter.Screen).Editor.SelectItem(m.Agenda[len(m.Agenda)-1].ID)
					return
				}
			}
			t.Fatal("no meeting with an agenda in the demo")
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*moter.Screen).Editor.Item.Notes.Entry.Entry
		}},
		{"risiko", func(env *appctx.Env) {
			as, _ := env.Store.Assessments()
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[len(as)-1].ID})
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*risiko.Screen).Detail.Notes.Entry
		}},
		{"risikoforhold", func(env *appctx.Env) {
			as, _ := env.Store.Assessments()
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[len(as)-1].ID})
			d := env.Guard.Form().(*risiko.Screen).Detail
			d.SelectItem(d.Shown()[0].ID)
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*risiko.Screen).Detail.Item.Event.Entry
		}},
		{"nytt risikoforhold", func(env *appctx.Env) {
			as, _ := env.Store.Assessments()
			env.Open(risiko.PageID, appctx.Focus{ParentID: as[len(as)-1].ID})
			test.Tap(env.Guard.Form().(*risiko.Screen).Detail.NewItem)
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*risiko.Screen).Detail.Item.Existing.Entry
		}},
		{"sjekkliste", func(env *appctx.Env) {
			env.Navigate(vernerunde.PageID)
			s := env.Guard.Form().(*vernerunde.Screen)
			test.Tap(s.TemplatesBtn)
			s.Templates.Show(s.Templates.Templates()[0])
			test.Tap(s.Templates.Copy) // the unit's own copy can be edited
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*vernerunde.Screen).Templates.Questions.Entry
		}},
		{"tifaktor", func(env *appctx.Env) {
			rs, _ := env.Store.SurveyRounds()
			env.Open(tifaktor.PageID, appctx.Focus{ParentID: rs[len(rs)-1].ID})
		}, func(env *appctx.Env) *widget.Entry {
			return &env.Guard.Form().(*tifaktor.Screen).Editor.FollowUp.MeetingNotes.Entry
		}},
		{"arsgjennomgang", func(env *appctx.Env) { env.Navigate(arsgjennomgang.PageID) },
			func(env *appctx.Env) *widget.Entry {
				return &env.Guard.Form().(*arsgjennomgang.Screen).Evaluation.Entry
			}},
		{"handlingsplan", func(env *appctx.Env) { env.Navigate(handlingsplan.PageID) },
			func(env *appctx.Env) *widget.Entry {
				return &env.Guard.Form().(*handlingsplan.Screen).Editor.Description.Entry
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := uitest.DemoFile(t)
			u := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
			env := u.Env()
			tc.open(env)
			const typed = "Tekst som bare fantes på skjermen da strømmen gikk."
			tc.entry(env).SetText(typed)
			env.Guard.SyncDrafts()
			u.Close()

			u2 := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
			defer u2.Close()
			offer := u2.Window().Canvas().Overlays().Top()
			if offer == nil || !uitest.HasText(offer, typed) {
				t.Fatal("no offer of the unsaved text")
			}
			test.Tap(dialogButton(t, offer, "Gjenopprett"))
			if got := tc.entry(u2.Env()).Text; got != typed {
				t.Fatalf("restored %q, want %q", got, typed)
			}
			if top := u2.Window().Canvas().Overlays().Top(); top != nil {
				t.Fatalf("a dialog is open after restoring: %v", uitest.Texts(top))
			}
		})
	}
}

// dialogButton finds a button by its text in a dialog, plain or one of
// unsaved's KeyButtons.
func dialogButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := uitest.Button(o, text)
	if b == nil {
		t.Fatalf("no button %q", text)
	}
	return b
}

// TestDraftThatCannotGoBackByKeys: a draft whose record is gone is shown
// to copy from, in a dialog that answers the keyboard: Enter copies the
// text (the dialog stays for the paste), Escape keeps the draft for the
// next start.
func TestDraftThatCannotGoBackByKeys(t *testing.T) {
	path := uitest.DemoFile(t)
	today := func() model.Date { return uitest.Today }
	u := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
	const typed = "Tekst til et avvik som er slettet siden."
	if err := u.Env().Store.SaveDraft(hms.Draft{Page: avvik.PageID, ID: 999999, Title: "Avvik 999999",
		Fields: []hms.DraftField{{Label: "Hva skjedde", Text: typed}}}); err != nil {
		t.Fatal(err)
	}
	u.Close()

	a := test.NewTempApp(t)
	u2 := Start(a, Options{DBPath: path, Today: today})
	defer u2.Close()
	w := u2.Window()
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Gjenopprett
	top := w.Canvas().Overlays().Top()
	if top == nil || !uitest.HasText(top, "kunne ikke settes tilbake") {
		t.Fatal("the text that cannot go back is not shown")
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := a.Clipboard().Content(); !strings.Contains(got, typed) {
		t.Errorf("Enter did not copy the text: %q", got)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog closed on copying")
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close the dialog")
	}
	if ds, _ := u2.Env().Store.Drafts(); len(ds) != 1 {
		t.Errorf("Escape did not keep the draft: %d drafts", len(ds))
	}
}
