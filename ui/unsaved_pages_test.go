package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/innstillinger"
	"hmsutvalg/ui/oversikt"
	"hmsutvalg/ui/sykefravar"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/vold"
	"hmsutvalg/ui/widgets"
)

// textField is a text field to type into.
type textField interface {
	fyne.Focusable
	SetText(string)
}

// retype replaces the text of e as typing would.
func retype(e textField, text string) {
	e.SetText("")
	test.Type(e, text)
}

// TestNoInputLostSickLeave types into every field of a new quarter and of
// the target and limits, and leaves the page every way: the sidebar
// (Avbryt keeps all), another quarter in the table (Forkast), Møtemodus
// with Ctrl+M (Lagre stores both in bbolt), closing the window (Avbryt)
// and Ctrl+Q (Lagre, then the window closes).
func TestNoInputLostSickLeave(t *testing.T) {
	u, closed := startApp(t)
	env, w := u.Env(), u.Window()
	open := func() *sykefravar.Screen {
		env.Navigate(sykefravar.PageID)
		s, ok := env.Guard.Form().(*sykefravar.Screen)
		if !ok {
			t.Fatal("the sick-leave page is not on screen")
		}
		return s
	}
	storedSet, _ := env.Store.SickLeaveSettings()
	typeAll := func(s *sykefravar.Screen, tag string) {
		f, l := s.Form, s.Limits
		for _, x := range []struct {
			e    *widgets.Entry
			text string
		}{{f.Total, "6,1"}, {f.Self, "1,2"}, {f.DoctorShort, "1,9"}, {f.DoctorLong, "3"}, {f.Employees, "8" + tag},
			{f.AgreedDays, "5000"}, {f.SickDays, "305"}, {l.Target, "5,5"}, {l.TwoLimit, "7,5"}, {l.OneLim, "1" + tag}} {
			retype(x.e, x.text)
		}
		l.Owner.SetSelected(l.Owner.Options[1])
	}
	intact := func(s *sykefravar.Screen, tag string) bool {
		return s.Form.Employees.Text == "8"+tag && s.Form.SickDays.Text == "305" && s.Limits.OneLim.Text == "1"+tag
	}

	// The target and limits alone, the quarter untouched: asked too.
	s := open()
	retype(s.Limits.Target, "4,9")
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Discard)
	if set, _ := env.Store.SickLeaveSettings(); set != storedSet {
		t.Fatalf("Forkast saved the target: %+v", set)
	}

	// The sidebar: Avbryt (Escape) keeps everything and saves nothing.
	s = open()
	typeAll(s, "1")
	env.Navigate(oversikt.PageID)
	prompt(t, env)
	press(t, w, fyne.KeyEscape)
	if env.Guard.Form() != s || !intact(s, "1") {
		t.Fatal("Avbryt left the page or lost the figures")
	}
	if set, _ := env.Store.SickLeaveSettings(); set != storedSet {
		t.Fatalf("Avbryt saved the limits: %+v", set)
	}

	// Another quarter in the table: Forkast opens it and saves nothing.
	before, _ := env.Store.SickLeaveQuarters()
	s.Table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(prompt(t, env).Discard)
	if after, _ := env.Store.SickLeaveQuarters(); len(after) != len(before) {
		t.Fatal("Forkast saved the new quarter")
	}
	if set, _ := env.Store.SickLeaveSettings(); set != storedSet || s.Limits.OneLim.Text == "11" {
		t.Fatalf("Forkast kept or saved the limits: stored %+v, form %q", set, s.Limits.OneLim.Text)
	}
	if s.Dirty() {
		t.Fatal("the page counts as changed after Forkast")
	}

	// Møtemodus (Ctrl+M): Lagre stores the quarter's figures and the limits.
	typeAll(s, "2")
	shortcut(w, meetingShortcut)
	test.Tap(prompt(t, env).Save)
	if !env.MeetingMode() {
		t.Error("Møtemodus did not switch after Lagre")
	}
	set, _ := env.Store.SickLeaveSettings()
	if set.OneQuarterThreshold.Number(1) != "12,0" || set.Target.Number(1) != "5,5" || set.TargetSetBy == storedSet.TargetSetBy {
		t.Errorf("the limits were not stored: %+v", set)
	}
	if !quarterStored(env, 82) {
		t.Error("the quarter was not stored")
	}
	env.SetMeetingMode(false)

	// Closing the window asks; Avbryt keeps it open. Ctrl+Q asks; Lagre
	// saves and closes.
	s = open()
	typeAll(s, "3")
	u.Quit()
	test.Tap(prompt(t, env).Cancel)
	if *closed || !intact(s, "3") {
		t.Fatalf("Avbryt on closing: closed %v", *closed)
	}
	shortcut(w, quitShortcut)
	press(t, w, fyne.KeyReturn)
	if !*closed {
		t.Error("the window did not close after Lagre")
	}
	if set, _ := env.Store.SickLeaveSettings(); set.OneQuarterThreshold.Number(1) != "13,0" || !quarterStored(env, 83) {
		t.Errorf("Ctrl+Q, Lagre: limits %+v", set)
	}
}

// quarterStored reports whether a quarter with n employees is stored.
func quarterStored(env *appctx.Env, n int) bool {
	qs, _ := env.Store.SickLeaveQuarters()
	for _, q := range qs {
		if q.Employees == n && q.Total.Number(1) == "6,1" && q.AgreedDays == 5000 {
			return true
		}
	}
	return false
}

// violenceTyped is what typeViolence typed, to find it again.
type violenceTyped struct{ tag string }

// typeViolence types into every field of the violence page: the mapping's
// header and first factor, a measure under it, the routines and an
// information occasion, and a new training.
func typeViolence(t *testing.T, env *appctx.Env, tag string) (*vold.Screen, violenceTyped) {
	t.Helper()
	env.Navigate(vold.PageID)
	s, ok := env.Guard.Form().(*vold.Screen)
	if !ok {
		t.Fatal("the violence page is not on screen")
	}
	s.Tabs.Select(s.TrainingTab)
	tr := s.Training
	test.Tap(tr.NewButton)
	if env.Guard.Prompt() != nil {
		t.Fatal("a new training asked about unsaved changes on a clean page")
	}
	retype(tr.Date, "15.11.2026")
	retype(tr.Topic, "Øvelse "+tag)
	tr.Kind.SetSelectedIndex(0)
	retype(tr.Count, "12")
	retype(tr.Groups, "Vikarer "+tag)
	retype(tr.Notes, "Notat "+tag)
	s.Tabs.Select(s.MappingTab)
	m := s.Mapping
	m.GoTo(0)
	m.About.Open(0)
	retype(m.Date, "20.11.2026")
	retype(m.Participants, "Verneombud, leder "+tag)
	retype(m.Answer, "Svar "+tag)
	retype(m.Situations, "Situasjon "+tag)
	retype(m.Groups, "Nattevakter "+tag)
	retype(m.Notes, "Merknad "+tag)
	retype(m.MeasureTitle, "Tiltak "+tag)
	retype(m.MeasureResp, "Leder")
	m.P.SetSelectedIndex(2)
	m.C.SetSelectedIndex(3)
	m.MeasurePoint.SetSelectedIndex(0)
	s.Tabs.Select(s.RoutinesTab)
	r := s.Routines
	k := model.RoutineKinds()[0]
	retype(r.Where[k], "Kap. "+tag)
	retype(r.Updated[k], "01.10.2026")
	retype(r.InfoNotes, "Info "+tag)
	r.InfoEmployees.SetChecked(true)
	r.InfoMethod.SetSelectedIndex(0)
	return s, violenceTyped{tag}
}

// stored reports which of the typed texts are in bbolt.
func (v violenceTyped) stored(t *testing.T, env *appctx.Env) []string {
	t.Helper()
	d, err := env.Store.ViolenceData()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	f, _ := d.Mapping.Factor(model.ViolenceFactors()[0])
	if f.Answer == "Svar "+v.tag && f.Situations == "Situasjon "+v.tag && f.Groups == "Nattevakter "+v.tag && f.Notes == "Merknad "+v.tag &&
		f.Probability == 2 && f.Consequence == 3 && d.Mapping.Date == model.NewDate(2026, 11, 20) {
		got = append(got, "factor")
	}
	if strings.Join(d.Mapping.Participants, ", ") == "Verneombud, leder "+v.tag {
		got = append(got, "participants")
	}
	for _, m := range d.Measures {
		if m.Title == "Tiltak "+v.tag {
			got = append(got, "measure")
		}
	}
	if rt := d.Routines.Routine(model.RoutineKinds()[0]); rt.Where == "Kap. "+v.tag && rt.Updated == model.NewDate(2026, 10, 1) {
		got = append(got, "routine")
	}
	for _, i := range d.Routines.Informed {
		if i.Notes == "Info "+v.tag {
			got = append(got, "information")
		}
	}
	for _, tr := range d.Trainings {
		if tr.Topic == "Øvelse "+v.tag && tr.Notes == "Notat "+v.tag && tr.Groups == "Vikarer "+v.tag && tr.Date == model.NewDate(2026, 11, 15) {
			got = append(got, "training")
		}
	}
	return got
}

// hasMeasure reports whether a measure titled title is among ms.
func hasMeasure(ms []model.Measure, title string) bool {
	for _, m := range ms {
		if m.Title == title {
			return true
		}
	}
	return false
}

const allViolence = "factor participants measure routine information training"

// TestNoInputLostViolenceApp types into every field of the violence page
// and leaves it every way: the sidebar (Avbryt), another training in the
// list (Forkast), Ctrl+M (Lagre stores everything in bbolt), closing the
// window (Avbryt) and Ctrl+Q (Lagre).
func TestNoInputLostViolenceApp(t *testing.T) {
	u, closed := startApp(t)
	env, w := u.Env(), u.Window()

	s, v := typeViolence(t, env, "en")
	env.Navigate(oversikt.PageID)
	prompt(t, env)
	press(t, w, fyne.KeyEscape)
	if env.Guard.Form() != s || s.Mapping.Participants.Text != "Verneombud, leder en" || s.Training.Notes.Text != "Notat en" {
		t.Fatal("Avbryt left the page or lost text")
	}
	if got := v.stored(t, env); len(got) != 0 {
		t.Fatalf("Avbryt saved %v", got)
	}

	// Another training in the list: Forkast shows it, nothing is saved.
	if len(s.Training.Shown()) == 0 {
		t.Fatal("the demo unit has no training")
	}
	s.Training.List.Select(0)
	test.Tap(prompt(t, env).Discard)
	if got := v.stored(t, env); len(got) != 0 || s.Dirty() {
		t.Fatalf("Forkast saved %v (dirty %v)", got, s.Dirty())
	}
	if s.Mapping.MeasureTitle.Text != "" || s.Routines.InfoNotes.Text != "" {
		t.Error("Forkast kept the typed measure or information")
	}

	// Ctrl+M: Lagre stores every part.
	s, v = typeViolence(t, env, "to")
	shortcut(w, meetingShortcut)
	test.Tap(prompt(t, env).Save)
	if got := strings.Join(v.stored(t, env), " "); got != allViolence {
		t.Errorf("Lagre on Ctrl+M stored %q, want %q (%s %s)", got, allViolence, s.Mapping.MeasureErr.Label.Text, s.Training.Err.Label.Text)
	}
	if !env.MeetingMode() {
		t.Error("Møtemodus did not switch after Lagre")
	}
	env.SetMeetingMode(false)

	// A measure typed under a factor, nothing else: asked; Lagre adds it.
	env.Navigate(vold.PageID)
	s = env.Guard.Form().(*vold.Screen)
	s.Tabs.Select(s.MappingTab)
	retype(s.Mapping.MeasureTitle, "Alarmknapp på kjøkkenet")
	retype(s.Mapping.MeasureResp, "Leder")
	s.Mapping.MeasurePoint.SetSelectedIndex(0)
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Save)
	if d, _ := env.Store.ViolenceData(); !hasMeasure(d.Measures, "Alarmknapp på kjøkkenet") {
		t.Errorf("Lagre did not add the typed measure: %s", s.Mapping.MeasureErr.Label.Text)
	}

	// Closing the window: Avbryt; Ctrl+Q: Lagre, then it closes.
	s, v = typeViolence(t, env, "tre")
	u.Quit()
	test.Tap(prompt(t, env).Cancel)
	if *closed || s.Training.Topic.Text != "Øvelse tre" {
		t.Fatalf("Avbryt on closing: closed %v", *closed)
	}
	shortcut(w, quitShortcut)
	test.Tap(prompt(t, env).Save)
	if got := strings.Join(v.stored(t, env), " "); got != allViolence || !*closed {
		t.Errorf("Ctrl+Q, Lagre: stored %q, closed %v", got, *closed)
	}
}

// TestNoInputLostViolenceDraft: the violence page's free text (two
// factors of the mapping, a training's note, an information note) is
// kept as a draft and offered back after a crash, into the same training.
func TestNoInputLostViolenceDraft(t *testing.T) {
	path := uitest.DemoFile(t)
	today := func() model.Date { return uitest.Today }
	u := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
	env := u.Env()
	env.Navigate(vold.PageID)
	s := env.Guard.Form().(*vold.Screen)
	s.Tabs.Select(s.TrainingTab)
	tr := s.Training.Shown()[0]
	s.Training.List.Select(0)
	s.Tabs.Select(s.MappingTab)
	s.Mapping.GoTo(0)
	s.Mapping.Answer.SetText("Svar på faktor 1 før strømbruddet")
	s.Mapping.GoTo(2)
	s.Mapping.Notes.SetText("Merknad på faktor 3")
	s.Training.Notes.SetText("Notat om opplæringen")
	s.Routines.InfoNotes.SetText("Gjennomgang på personalmøtet")
	env.Guard.SyncDrafts() // what the ticker does every 2 s
	u.Close()              // the crash: no save, no question

	u2 := Start(test.NewTempApp(t), Options{DBPath: path, Today: today})
	defer u2.Close()
	offer := u2.Window().Canvas().Overlays().Top()
	if offer == nil || !uitest.HasText(offer, "Vold og trusler") || !uitest.HasText(offer, "Svar på faktor 1") {
		t.Fatal("no offer of the violence page's text")
	}
	test.Tap(dialogButton(t, offer, "Gjenopprett"))
	s2, ok := u2.Env().Guard.Form().(*vold.Screen)
	if !ok {
		t.Fatal("Gjenopprett did not open the violence page")
	}
	m := s2.Mapping.Mapping()
	f1, _ := m.Factor(model.ViolenceFactors()[0])
	f3, _ := m.Factor(model.ViolenceFactors()[2])
	if f1.Answer != "Svar på faktor 1 før strømbruddet" || f3.Notes != "Merknad på faktor 3" {
		t.Errorf("mapping restored as %q / %q", f1.Answer, f3.Notes)
	}
	if s2.Tabs.Selected() != s2.MappingTab {
		t.Error("the restored draft does not show the mapping")
	}
	if s2.Training.Notes.Text != "Notat om opplæringen" || s2.Training.Topic.Text != tr.Topic {
		t.Errorf("training restored as %q in %q, want in %q", s2.Training.Notes.Text, s2.Training.Topic.Text, tr.Topic)
	}
	if s2.Routines.InfoNotes.Text != "Gjennomgang på personalmøtet" || !s2.Dirty() {
		t.Errorf("information note %q, dirty %v", s2.Routines.InfoNotes.Text, s2.Dirty())
	}
	s2.Routines.InfoEmployees.SetChecked(true) // not kept in a draft: ticks are no typed text
	s2.Routines.InfoMethod.SetSelectedIndex(0)
	if !s2.Save() {
		t.Fatalf("saving the restored text failed: %q %q %q", s2.Mapping.Err.Label.Text, s2.Training.Err.Label.Text, s2.Routines.InfoErr.Label.Text)
	}
	u2.Env().Guard.SyncDrafts()
	if ds, _ := u2.Env().Store.Drafts(); len(ds) != 0 {
		t.Errorf("the draft is kept after the save: %+v", ds)
	}
}

// TestNoInputLostSettingsApp: the name and the risk matrix typed on
// Innstillinger are asked about from the sidebar (Avbryt, Forkast), Ctrl+M
// (Lagre), closing the window (Avbryt) and Ctrl+Q (Lagre). The page has no
// list and no long free text (nothing to keep as a draft).
func TestNoInputLostSettingsApp(t *testing.T) {
	u, closed := startApp(t)
	env, w := u.Env(), u.Window()
	user := env.Settings.User()
	storedM, _ := env.Store.RiskMatrix()
	open := func(tag string, low string) *innstillinger.Screen {
		env.Navigate(innstillinger.PageID)
		s, ok := env.Guard.Form().(*innstillinger.Screen)
		if !ok {
			t.Fatal("Innstillinger is not on screen")
		}
		retype(s.User, "Verneombud "+tag)
		retype(s.Matrix.LowMax, low)
		retype(s.Matrix.MediumMax, "12")
		return s
	}
	s := open("en", "5")
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Cancel)
	if env.Guard.Form() != s || s.User.Text != "Verneombud en" || env.Settings.User() != user {
		t.Fatal("Avbryt left the page, lost the name or saved it")
	}
	env.Navigate(oversikt.PageID)
	test.Tap(prompt(t, env).Discard)
	if m, _ := env.Store.RiskMatrix(); env.Settings.User() != user || m != storedM {
		t.Fatalf("Forkast saved: user %q, matrix %+v", env.Settings.User(), m)
	}

	open("to", "6")
	shortcut(w, meetingShortcut)
	test.Tap(prompt(t, env).Save)
	if m, _ := env.Store.RiskMatrix(); env.Settings.User() != "Verneombud to" || m.LowMax != 6 || m.MediumMax != 12 || !env.MeetingMode() {
		t.Errorf("Ctrl+M, Lagre: user %q, matrix %+v, Møtemodus %v", env.Settings.User(), m, env.MeetingMode())
	}
	env.SetMeetingMode(false)

	s = open("tre", "4")
	u.Quit()
	test.Tap(prompt(t, env).Cancel)
	if *closed || s.Matrix.LowMax.Text != "4" {
		t.Fatalf("Avbryt on closing: closed %v", *closed)
	}
	shortcut(w, quitShortcut)
	test.Tap(prompt(t, env).Save)
	if m, _ := env.Store.RiskMatrix(); env.Settings.User() != "Verneombud tre" || m.LowMax != 4 || !*closed {
		t.Errorf("Ctrl+Q, Lagre: user %q, matrix %+v, closed %v", env.Settings.User(), m, *closed)
	}
}
