package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/enhet"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/risiko"
	"hmsutvalg/ui/tifaktor"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vernerunde"
)

// matrixForm is a form whose own test leaves it by its own ways (another
// item in its list, back, another year); here it is left by the window's
// ways, which every form shares.
type matrixForm struct {
	name  string
	open  func(t *testing.T, env *appctx.Env)
	field func(env *appctx.Env) textField
	text  func(env *appctx.Env) string
	// auto: the form saves on leaving without asking (a draft round's
	// text, which cannot surprise anyone).
	auto bool
	// stored, when set, is what the file holds of the field after Lagre
	// (a meeting note goes into the round's log and the field empties);
	// else the field shows it when the form is opened again.
	stored func(env *appctx.Env) string
}

func matrixForms() []matrixForm {
	measure := func(env *appctx.Env) *handlingsplan.Editor {
		return env.Guard.Form().(*handlingsplan.Screen).Editor
	}
	risk := func(env *appctx.Env) *risiko.Detail { return env.Guard.Form().(*risiko.Screen).Detail }
	openRisk := func(t *testing.T, env *appctx.Env) {
		as, _ := env.Store.Assessments()
		env.Open(risiko.PageID, appctx.Focus{ParentID: as[0].ID})
	}
	round := func(env *appctx.Env) *vernerunde.RoundView { return env.Guard.Form().(*vernerunde.Screen).Round }
	survey := func(env *appctx.Env) *tifaktor.Editor { return env.Guard.Form().(*tifaktor.Screen).Editor }
	openSurvey := func(t *testing.T, env *appctx.Env) {
		rs, _ := env.Store.SurveyRounds()
		env.Open(tifaktor.PageID, appctx.Focus{ParentID: rs[len(rs)-1].ID})
	}
	unit := func(env *appctx.Env) *enhet.Screen { return env.Guard.Form().(*enhet.Screen) }
	return []matrixForm{
		{name: "handlingsplan", open: func(t *testing.T, env *appctx.Env) {
			ms, _ := env.Store.Measures()
			env.Open(handlingsplan.PageID, appctx.Focus{ID: ms[0].ID})
		}, field: func(env *appctx.Env) textField { return measure(env).Description },
			text: func(env *appctx.Env) string { return measure(env).Description.Text }},
		{name: "risikovurdering", open: openRisk,
			field: func(env *appctx.Env) textField { return risk(env).Notes },
			text:  func(env *appctx.Env) string { return risk(env).Notes.Text }},
		{name: "risikoforhold", open: func(t *testing.T, env *appctx.Env) {
			openRisk(t, env)
			risk(env).SelectItem(risk(env).Shown()[0].ID)
		}, field: func(env *appctx.Env) textField { return risk(env).Item.Event },
			text: func(env *appctx.Env) string { return risk(env).Item.Event.Text }},
		{name: "vernerunde", open: func(t *testing.T, env *appctx.Env) {
			rs, _ := env.Store.SafetyRounds()
			for _, r := range rs {
				if !r.Locked() {
					env.Open(vernerunde.PageID, appctx.Focus{ParentID: r.ID})
					return
				}
			}
			t.Fatal("no round in progress in the demo")
		}, field: func(env *appctx.Env) textField { return round(env).Closing.Notes },
			text: func(env *appctx.Env) string { return round(env).Closing.Notes.Text }, auto: true},
		{name: "10-faktor", open: openSurvey,
			field: func(env *appctx.Env) textField { return survey(env).Notes },
			text:  func(env *appctx.Env) string { return survey(env).Notes.Text }},
		{name: "10-faktor oppfølging", open: func(t *testing.T, env *appctx.Env) {
			openSurvey(t, env)
			// A meeting note is stored with its kind (without, Lagre is
			// refused with «Velg type møte.» beside the field).
			survey(env).FollowUp.MeetingKind.SetSelectedIndex(0)
		},
			field: func(env *appctx.Env) textField { return survey(env).FollowUp.MeetingNotes },
			text:  func(env *appctx.Env) string { return survey(env).FollowUp.MeetingNotes.Text },
			stored: func(env *appctx.Env) string {
				rs, _ := env.Store.SurveyRounds()
				ms := rs[len(rs)-1].Meetings
				if len(ms) == 0 {
					return ""
				}
				return ms[len(ms)-1].Notes
			}},
		{name: "årsgjennomgang", open: func(t *testing.T, env *appctx.Env) { env.Navigate(arsgjennomgang.PageID) },
			field: func(env *appctx.Env) textField {
				return env.Guard.Form().(*arsgjennomgang.Screen).Evaluation
			},
			text: func(env *appctx.Env) string { return env.Guard.Form().(*arsgjennomgang.Screen).Evaluation.Text }},
		{name: "enhet", open: func(t *testing.T, env *appctx.Env) { env.Navigate(enhet.PageID) },
			field: func(env *appctx.Env) textField { return unit(env).Municipality },
			text:  func(env *appctx.Env) string { return unit(env).Municipality.Text }},
		{name: "medlem", open: func(t *testing.T, env *appctx.Env) {
			env.Navigate(enhet.PageID)
			unit(env).List.Select(0)
		}, field: func(env *appctx.Env) textField { return unit(env).MemberName },
			text: func(env *appctx.Env) string { return unit(env).MemberName.Text }},
	}
}

// TestNoInputLostEveryFormEveryWay types into a field of each form that
// its own TestNoInputLost… test leaves only by its own ways (another item,
// back, another year) and leaves it by each of the window's ways: the
// sidebar (Ctrl+1 selects its first page), Møtemodus (Ctrl+M), closing
// the window and Ctrl+Q. Each asks «Lagre endringene?» with Lagre focused
// and Escape keeps the form and the text (or, for a form that saves on
// leaving, the text is stored without a question). Finally Ctrl+Q and
// Enter (Lagre) close the window, and the text is in the file when the
// program is started again.
func TestNoInputLostEveryFormEveryWay(t *testing.T) {
	for _, fc := range matrixForms() {
		t.Run(fc.name, func(t *testing.T) {
			path := uitest.DemoFile(t)
			start := func() (*App, *bool) {
				u := Start(test.NewTempApp(t), Options{DBPath: path, Today: func() model.Date { return uitest.Today }})
				closed := new(bool)
				u.Window().SetOnClosed(func() { *closed = true })
				return u, closed
			}
			u, closed := start()
			env, w := u.Env(), u.Window()
			fc.open(t, env)
			ways := []struct {
				name  string
				leave func()
			}{
				{"sidepanelet", func() { uitest.Shortcut(w, pageShortcut(0)) }},
				{"Ctrl+M", func() { uitest.Shortcut(w, meetingShortcut) }},
				{"lukk vinduet", u.Quit},
				{"Ctrl+Q", func() { uitest.Shortcut(w, quitShortcut) }},
			}
			for _, way := range ways {
				typed := "Skrevet før " + way.name
				if fc.auto && (way.name == "lukk vinduet" || way.name == "Ctrl+Q") {
					continue // it would close the window; tried last
				}
				form := env.Guard.Form()
				retype(fc.field(env), typed)
				if !env.Guard.Dirty() {
					t.Fatalf("%s: the form does not count as changed", way.name)
				}
				way.leave()
				if fc.auto {
					if env.Guard.Prompt() != nil {
						t.Fatalf("%s: a form that saves on leaving asked", way.name)
					}
					env.SetMeetingMode(false)
					fc.open(t, env)
					if got := fc.text(env); got != typed {
						t.Fatalf("%s: the text was not saved on leaving: %q", way.name, got)
					}
					continue
				}
				prompt(t, env)
				press(t, w, fyne.KeyEscape)
				if env.Guard.Prompt() != nil || *closed || env.MeetingMode() {
					t.Fatalf("%s: Escape did not stay (question %v, closed %v, Møtemodus %v)",
						way.name, env.Guard.Prompt() != nil, *closed, env.MeetingMode())
				}
				if env.Guard.Form() != form || fc.text(env) != typed {
					t.Fatalf("%s: Avbryt left the form or lost the text: %q", way.name, fc.text(env))
				}
			}
			const final = "Lagret da programmet ble avsluttet"
			retype(fc.field(env), final)
			uitest.Shortcut(w, quitShortcut)
			if !fc.auto {
				prompt(t, env)
				press(t, w, fyne.KeyReturn)
			}
			if !*closed {
				t.Fatal("Ctrl+Q did not close the window")
			}
			u.Close()
			u2, _ := start()
			t.Cleanup(u2.Close)
			fc.open(t, u2.Env())
			got := fc.text
			if fc.stored != nil {
				got = fc.stored
			}
			if got := got(u2.Env()); got != final {
				t.Errorf("after Ctrl+Q and Lagre the file holds %q", got)
			}
		})
	}
}
