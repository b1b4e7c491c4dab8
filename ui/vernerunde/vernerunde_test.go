package vernerunde

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
	"hmsutvalg/ui/widgets"
)

var screenshotDir = flag.String("screenshots", "", "write PNGs of the safety-round screens at 1024×768 into this folder")

type fixture struct {
	s   *Screen
	st  *storage.Store
	w   fyne.Window
	env *appctx.Env
}

func newScreen(t *testing.T, meeting bool) fixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool("motemodus", meeting)
	st, err := storage.Open(uitest.DemoFile(t), storage.Options{NoBackup: true, User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	env.ApplyTheme()
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	return fixture{s, st, w, env}
}

// startRound starts a new round on the general checklist and opens the
// checklist tab.
func (f fixture) startRound(t *testing.T) *RoundView {
	t.Helper()
	for _, o := range f.s.TemplatePick.Options {
		if strings.HasPrefix(o, "Generell og kontor") {
			f.s.TemplatePick.SetSelected(o)
		}
	}
	test.Tap(f.s.NewButton)
	if f.s.Ask != nil && f.s.Ask.Open() { // a round is in progress: start anyway
		f.s.Ask.Buttons[len(f.s.Ask.Buttons)-1].OnTapped()
	}
	if f.s.Round == nil {
		t.Fatalf("no round opened: %s", f.s.Err.Messages())
	}
	f.s.Round.Tabs.SelectIndex(1)
	return f.s.Round
}

// press sends a key to the focused widget, as the window would.
func press(t *testing.T, c fyne.Canvas, k fyne.KeyName) {
	t.Helper()
	foc := c.Focused()
	if foc == nil {
		t.Fatalf("nothing focused for key %s", k)
	}
	foc.TypedKey(&fyne.KeyEvent{Name: k})
}

// typeKeys sends runes to the focused widget.
func typeKeys(t *testing.T, c fyne.Canvas, s string) {
	t.Helper()
	for _, r := range s {
		foc := c.Focused()
		if foc == nil {
			t.Fatalf("nothing focused for %q", r)
		}
		foc.TypedRune(r)
	}
}

// TestFillRoundFromKeyboard answers a whole round with the keyboard only:
// a shortcut per answer, Enter to the next question, Tab to the comment
// and Enter from the comment to the next question.
func TestFillRoundFromKeyboard(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	c := f.w.Canvas()
	ck := v.Check
	total := len(ck.Questions)
	if total < 25 || ck.Progress.Text != "0 av "+itoa(total)+" besvart" {
		t.Fatalf("%d questions, progress %q", total, ck.Progress.Text)
	}
	ck.FocusQuestion(1)
	if c.Focused() != ck.Questions[0].Picker {
		t.Fatal("first question not focused")
	}
	for i := range total {
		switch {
		case i%10 == 3: // a finding, with a comment
			typeKeys(t, c, "2")
			c.FocusNext() // Tab
			if c.Focused() != ck.Questions[i].Comment {
				t.Fatalf("Tab from question %d did not reach its comment", i+1)
			}
			typeKeys(t, c, "Mangler merking")
			press(t, c, fyne.KeyReturn)
		case i%10 == 7:
			typeKeys(t, c, "i") // ikke relevant by letter
			press(t, c, fyne.KeyDown)
		default:
			typeKeys(t, c, "1")
			press(t, c, fyne.KeyReturn)
		}
		if i+1 < total && c.Focused() != ck.Questions[i+1].Picker {
			t.Fatalf("after question %d the focus is on %T, not the next question", i+1, c.Focused())
		}
	}
	if want := itoa(total) + " av " + itoa(total) + " besvart"; !strings.HasPrefix(ck.Progress.Text, want) {
		t.Errorf("progress %q, want %q", ck.Progress.Text, want)
	}
	r, err := f.st.SafetyRound(v.RoundData().ID)
	if err != nil {
		t.Fatal(err)
	}
	if a, n := r.Progress(); a != n || n != total {
		t.Errorf("stored %d of %d answered", a, n)
	}
	if r.AnswerFor(4).Answer != model.AnswerImprove || r.AnswerFor(4).Comment != "Mangler merking" || r.AnswerFor(8).Answer != model.AnswerNotRelevant || r.AnswerFor(1).Answer != model.AnswerOK {
		t.Errorf("answers %+v %+v %+v", r.AnswerFor(1), r.AnswerFor(4), r.AnswerFor(8))
	}
	// ↑ goes back, ← → change the answer, Delete clears it.
	press(t, c, fyne.KeyUp)
	if c.Focused() != ck.Questions[total-2].Picker {
		t.Error("↑ did not go to the previous question")
	}
	press(t, c, fyne.KeyRight)
	press(t, c, fyne.KeyDelete)
	r, _ = f.st.SafetyRound(r.ID)
	if r.AnswerFor(total-1).Answer != "" {
		t.Errorf("Delete left %q", r.AnswerFor(total-1).Answer)
	}
	if ck.Progress.Text == "" || !strings.HasPrefix(ck.Progress.Text, itoa(total-1)+" av") {
		t.Errorf("progress after clearing %q", ck.Progress.Text)
	}
}

func itoa(n int) string { return strings.TrimSpace(model.FormatInt(n)) }

func TestBadCommentKeepsTextAndFile(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	row := v.Check.Questions[0]
	before, _ := f.st.SafetyRound(v.RoundData().ID)
	n, _ := f.st.Changes(0)
	row.Picker.Pick(model.AnswerImprove)
	row.Comment.SetText("Gjelder 15068512345") // may or may not be valid
	nid := uitest.NationalID()
	row.Comment.SetText("Gjelder ansatt " + nid)
	row.Comment.FocusLost()
	if !strings.Contains(row.Err.Messages(), "fødselsnummer") || !row.Err.Label.Visible() {
		t.Errorf("message %q", row.Err.Messages())
	}
	if row.Comment.Text != "Gjelder ansatt "+nid {
		t.Error("typed text lost")
	}
	after, _ := f.st.SafetyRound(before.ID)
	if after.AnswerFor(1).Comment != "" {
		t.Error("comment with national ID stored")
	}
	if m, _ := f.st.Changes(0); len(m) != len(n)+1 { // only the answer itself
		t.Errorf("%d changes logged, want 1", len(m)-len(n))
	}
}

func TestPreMeetingBadInputAndPreviousMeasures(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	p := v.Pre
	// The previous (demo) round's measures are listed with their status.
	if !uitest.HasText(p.Previous, "Forrige vernerunde") || len(p.Previous.Objects) < 3 {
		t.Errorf("previous round's measures not shown: %v", uitest.Texts(p.Previous))
	}
	before, _ := f.st.SafetyRound(v.RoundData().ID)
	p.Date.SetText("32.13.2026")
	test.Tap(p.AddPerson)
	p.Rows[0].Role.SetSelected("Verneombud")
	test.Tap(p.Save)
	if !strings.Contains(p.Err.Messages(), model.FieldRoundDate) {
		t.Errorf("date message %q", p.Err.Messages())
	}
	p.Date.SetText("24.11.2026")
	test.Tap(p.Save)
	if !strings.Contains(p.Err.Messages(), "Deltaker nr. 1 mangler navn") {
		t.Errorf("participant message %q", p.Err.Messages())
	}
	if p.Rows[0].Role.Selected != "Verneombud" || p.Date.Text != "24.11.2026" {
		t.Error("typed input lost")
	}
	after, _ := f.st.SafetyRound(before.ID)
	if len(after.Participants) != 0 {
		t.Error("refused participants stored")
	}
	test.Tap(p.AddCommittee)
	p.Rows = p.Rows[1:] // drop the blank row by its button
	test.Tap(p.Save)
	if p.Err.Label.Visible() {
		t.Fatalf("refused: %s", p.Err.Messages())
	}
	after, _ = f.st.SafetyRound(before.ID)
	if len(after.Participants) < 2 {
		t.Errorf("participants %+v", after.Participants)
	}
}

func TestClosingMeasureAndLock(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	for i, row := range v.Check.Questions {
		a := model.AnswerOK
		if i == 2 {
			a = model.AnswerImprove
			row.Comment.SetText("Nødlys virker ikke i trapp")
		}
		row.Picker.Pick(a)
	}
	v.Tabs.SelectIndex(2)
	cl := v.Closing
	fr := cl.Finding(3)
	if fr == nil {
		t.Fatal("finding 3 not listed")
	}
	ms, _ := f.st.Measures()
	test.Tap(fr.AddMeasure)
	fr.Responsible.SetText("")
	test.Tap(fr.Save)
	if !strings.Contains(fr.Err.Messages(), "Ansvarlig må fylles ut") {
		t.Errorf("message %q", fr.Err.Messages())
	}
	if after, _ := f.st.Measures(); len(after) != len(ms) {
		t.Error("refused measure stored")
	}
	fr.Responsible.SetText("Vaktmester")
	test.Tap(fr.Save)
	after, _ := f.st.Measures()
	if len(after) != len(ms)+1 {
		t.Fatalf("measure not stored: %s", fr.Err.Messages())
	}
	m := after[len(after)-1]
	if m.Title != "Nødlys virker ikke i trapp" || m.Source.Kind != model.SourceSafetyRound || m.Source.RefID != 3 {
		t.Errorf("measure %+v", m)
	}
	if !uitest.HasText(cl.Content(), "Vaktmester") {
		t.Error("measure not shown under the finding")
	}
	// The same finding registered as a deviation: a blank description is
	// refused and kept out of the register, then it is stored and linked.
	devs, _ := f.st.Deviations()
	fr = cl.Finding(3)
	test.Tap(fr.AddDeviation)
	fr.What.SetText(" ")
	test.Tap(fr.SaveDev)
	if !strings.Contains(fr.DevErr.Messages(), "må fylles ut") {
		t.Errorf("deviation message %q", fr.DevErr.Messages())
	}
	if after, _ := f.st.Deviations(); len(after) != len(devs) {
		t.Error("refused deviation stored")
	}
	fr.What.SetText("Nødlys virker ikke i trapp")
	fr.Place.SetText("Trapp øst")
	test.Tap(fr.SaveDev)
	after2, _ := f.st.Deviations()
	if len(after2) != len(devs)+1 || after2[len(after2)-1].SafetyRoundID != v.RoundData().ID {
		t.Fatalf("deviation not stored: %s", fr.DevErr.Messages())
	}
	if ids := v.RoundData().AnswerFor(3).DeviationIDs; len(ids) != 1 {
		t.Errorf("deviation links %v", ids)
	}
	// Completing without leader and verneombud is refused.
	v.CompleteRound()
	if !strings.Contains(cl.Err.Messages(), "både leder og verneombud") {
		t.Errorf("complete message %q", cl.Err.Messages())
	}
	test.Tap(v.Pre.AddCommittee)
	test.Tap(v.Pre.Save)
	v.CompleteRound()
	if cl.Err.Label.Visible() {
		t.Fatalf("complete refused: %s", cl.Err.Messages())
	}
	r, _ := f.st.SafetyRound(v.RoundData().ID)
	if !r.Locked() {
		t.Fatal("round not locked")
	}
	// Locked: the keyboard no longer changes answers.
	p := v.Check.Questions[0].Picker
	p.TypedRune('2')
	if p.Answer() != model.AnswerOK || !p.Disabled() {
		t.Error("locked picker changed")
	}
	if !v.Pre.Save.Disabled() || !v.Check.Questions[0].Comment.Disabled() || v.Complete.Visible() {
		t.Error("locked round still editable")
	}
	if !strings.Contains(v.Heading.Text, "låst") {
		t.Errorf("heading %q", v.Heading.Text)
	}
	in, err := v.PDFInput()
	if err != nil || in.Round.ID != r.ID || in.Previous == nil {
		t.Errorf("pdf input %v %+v", err, in.Previous)
	}
}

func TestTemplatesCopyAndEdit(t *testing.T) {
	f := newScreen(t, false)
	test.Tap(f.s.TemplatesBtn)
	tv := f.s.Templates
	tv.List.Select(1) // barnehage
	if !tv.Save.Disabled() || tv.Copy.Disabled() {
		t.Error("shipped template editable")
	}
	test.Tap(tv.Copy)
	own, _ := f.st.ChecklistTemplates()
	if len(own) != 1 || own[0].BasedOn != "Barnehage" {
		t.Fatalf("own templates %+v", own)
	}
	if tv.Save.Disabled() {
		t.Fatal("own copy not editable")
	}
	tv.Questions.SetText("Spørsmål uten overskrift\n## Del")
	test.Tap(tv.Save)
	if !strings.Contains(tv.Err.Messages(), "Linje 1") {
		t.Errorf("message %q", tv.Err.Messages())
	}
	if tv.Questions.Text != "Spørsmål uten overskrift\n## Del" {
		t.Error("typed text lost")
	}
	tv.Questions.SetText("## Uteområdet\nEr sandkassen dekket om natta?\nEr porten lukket?")
	tv.Name.SetText("Vår barnehage")
	test.Tap(tv.Save)
	if tv.Err.Label.Visible() {
		t.Fatalf("refused: %s", tv.Err.Messages())
	}
	own, _ = f.st.ChecklistTemplates()
	if own[0].Name != "Vår barnehage" || own[0].QuestionCount() != 2 {
		t.Errorf("saved %+v", own[0])
	}
	// Typed but not saved: «Alle vernerunder» asks; Avbryt stays.
	tv.Name.SetText("Vår barnehage 2")
	test.Tap(tv.Back)
	p := f.env.Guard.Prompt()
	if p == nil || f.s.Templates != tv {
		t.Fatal("left an edited template without asking")
	}
	test.Tap(p.Cancel)
	if tv.Name.Text != "Vår barnehage 2" {
		t.Fatal("Avbryt lost the name")
	}
	tv.Name.SetText("Vår barnehage")
	test.Tap(tv.Back)
	found := false
	for _, o := range f.s.TemplatePick.Options {
		found = found || strings.HasPrefix(o, "Vår barnehage – egen")
	}
	if !found {
		t.Errorf("own template not offered: %v", f.s.TemplatePick.Options)
	}
}

func TestOpenFromMeasureSource(t *testing.T) {
	f := newScreen(t, false)
	rs := f.s.Rounds()
	if len(rs) < 6 {
		t.Fatalf("%d demo rounds", len(rs))
	}
	var done model.SafetyRound
	for _, r := range rs {
		if r.Locked() && len(r.Findings()) > 0 {
			done = r
			break
		}
	}
	n := done.Findings()[0].Question.Number
	f.s.Open(done.ID, n)
	if f.s.Round == nil || f.s.Round.Tabs.SelectedIndex() != 1 || f.w.Canvas().Focused() != nil && !f.s.Round.Check.Questions[n-1].Picker.Disabled() {
		t.Error("round not opened at the question")
	}
	if appctx.SourcePages[string(model.SourceSafetyRound)] != PageID {
		t.Error("source page not registered")
	}
	if c := Card(f.env); !uitest.HasText(c, "vernerunder i 2026") {
		t.Errorf("card %v", uitest.Texts(c))
	}
}

// TestFitsProjector renders the screens in Møtemodus at 1024×768; the
// sidebar takes about a fifth of the width, so the page must fit in 800.
func TestFitsProjector(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		f := newScreen(t, meeting)
		shot := func(name string) {
			if min := f.w.Content().MinSize(); min.Width > 800 {
				t.Errorf("%s (Møtemodus %v): needs %.0f px wide", name, meeting, min.Width)
			}
			if *screenshotDir == "" {
				return
			}
			if meeting {
				name += "-motemodus"
			}
			out, err := os.Create(filepath.Join(*screenshotDir, name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			// Lay out again first: the software painter cannot draw an
			// entry's border before its first layout.
			f.w.Resize(fyne.NewSize(1023, 768))
			f.w.Resize(fyne.NewSize(1024, 768))
			if err := png.Encode(out, f.w.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		shot("vernerunde-liste")
		v := f.startRound(t)
		v.Check.Questions[1].Picker.Pick(model.AnswerImprove)
		v.Check.Questions[0].Picker.Pick(model.AnswerOK)
		v.Check.FocusQuestion(2)
		shot("vernerunde-befaring")
		v.Tabs.SelectIndex(0)
		shot("vernerunde-formote")
		v.Tabs.SelectIndex(2)
		if fr := v.Closing.Finding(2); fr != nil {
			test.Tap(fr.AddMeasure)
		}
		shot("vernerunde-avslutning")
		f.s.ShowTemplates()
		f.s.Templates.List.Select(0)
		shot("vernerunde-sjekklister")
	}
}

// typeRound types into every text field of the round: the pre-meeting,
// a checklist comment (focus still in it) and the closing summary.
func typeRound(t *testing.T, f fixture, v *RoundView, tag string) {
	t.Helper()
	p := v.Pre
	for _, e := range []*widget.Entry{&p.Title.Entry, &p.Areas.Entry, &p.Notes.Entry, &v.Closing.Notes.Entry} {
		e.SetText("")
	}
	test.Type(p.Title, "Runde "+tag)
	p.Date.SetText("")
	test.Type(p.Date, "20.11.2026")
	test.Type(p.Areas, "Kjøkken "+tag)
	test.Type(p.Notes, "Formøte "+tag)
	test.Tap(p.AddPerson)
	test.Type(p.Rows[len(p.Rows)-1].Name, "Deltaker "+tag)
	p.Rows[len(p.Rows)-1].Role.SetSelectedIndex(0)
	c := v.Check.Questions[0].Comment
	c.SetText("")
	test.Type(c, "Kommentar "+tag) // not left: FocusLost has not saved it
	test.Type(v.Closing.Notes, "Oppsummering "+tag)
}

func assertRoundSaved(t *testing.T, f fixture, id uint64, tag string) {
	t.Helper()
	r, err := f.st.SafetyRound(id)
	if err != nil {
		t.Fatal(err)
	}
	hasPerson := false
	for _, x := range r.Participants {
		hasPerson = hasPerson || x.Name == "Deltaker "+tag
	}
	if r.Title != "Runde "+tag || r.Date != model.NewDate(2026, 11, 20) || !slices.Contains(r.Areas, "Kjøkken "+tag) ||
		r.PreMeetingNotes != "Formøte "+tag || !hasPerson || r.AnswerFor(1).Comment != "Kommentar "+tag ||
		r.ClosingNotes != "Oppsummering "+tag {
		t.Errorf("round not saved (%s): %+v", tag, r)
	}
}

// TestNoInputLostSafetyRound: a draft round's text is saved when it is
// left (the back button here; the sidebar, Møtemodus, closing the window
// and Ctrl+Q call the same env.Leave, see ui.TestNoInputLostDeviation). A
// save that is refused asks, and Lagre, Forkast and Avbryt do what they say.
func TestNoInputLostSafetyRound(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	id := v.RoundData().ID

	typeRound(t, f, v, "en")
	test.Tap(v.Back)
	if f.s.Round != nil || f.env.Guard.Prompt() != nil {
		t.Fatalf("the back button did not go back to the list at once: %s", v.Err.Messages())
	}
	assertRoundSaved(t, f, id, "en")

	// Leaving in any other way (what the shell does for the sidebar).
	f.s.Open(id, 0)
	v = f.s.Round
	typeRound(t, f, v, "to")
	left := false
	f.env.Leave(func() { left = true }, nil)
	if !left {
		t.Fatal("leaving a draft round asked or stayed")
	}
	assertRoundSaved(t, f, id, "to")

	// A date that does not parse cannot be saved: the user is asked, the
	// message names the field, and nothing is written.
	typeRound(t, f, v, "tre")
	v.Pre.Date.SetText("31.02.2026")
	test.Tap(v.Back)
	p := f.env.Guard.Prompt()
	if p == nil {
		t.Fatal("a refused save left the round without asking")
	}
	if !strings.Contains(v.Pre.Err.Messages(), "finnes ikke i kalenderen") || !strings.Contains(v.Err.Messages(), "finnes ikke i kalenderen") {
		t.Errorf("message %q / %q", v.Pre.Err.Messages(), v.Err.Messages())
	}
	// The message also stands under the date field, and only there.
	if l := v.Pre.Err.FieldLabel(model.FieldRoundDate); !l.Visible() || !strings.Contains(l.Text, "finnes ikke i kalenderen") {
		t.Errorf("under the date: %q (visible %v)", l.Text, l.Visible())
	}
	if v.Pre.Err.FieldLabel(model.FieldRoundTitle).Visible() {
		t.Error("a message under the title, which is fine")
	}
	// Avbryt: stays, with everything typed.
	test.Tap(p.Cancel)
	if f.s.Round != v || v.Pre.Date.Text != "31.02.2026" || v.Closing.Notes.Text != "Oppsummering tre" || v.Check.Questions[0].Comment.Text != "Kommentar tre" {
		t.Fatal("Avbryt lost the form")
	}
	assertRoundSaved(t, f, id, "to")
	// Lagre with the bad date: refused again, still here.
	test.Tap(v.Back)
	test.Tap(f.env.Guard.Prompt().Save)
	if f.s.Round != v || v.Closing.Notes.Text != "Oppsummering tre" {
		t.Fatal("a refused Lagre left the round")
	}
	// Fixed, Lagre saves and goes back.
	v.Pre.Date.SetText("20.11.2026")
	f.env.Leave(func() { left = false }, nil)
	if left {
		t.Fatal("leaving after the date was fixed did not go on")
	}
	assertRoundSaved(t, f, id, "tre")
	if v.Pre.Err.FieldLabel(model.FieldRoundDate).Visible() || v.Err.Label.Visible() {
		t.Error("the message stayed after the save")
	}

	// Forkast puts back what is stored.
	f.s.Open(id, 0)
	v = f.s.Round
	typeRound(t, f, v, "fire")
	v.Pre.Date.SetText("x")
	test.Tap(v.Back)
	test.Tap(f.env.Guard.Prompt().Discard)
	if f.s.Round != nil {
		t.Fatal("Forkast did not go back")
	}
	assertRoundSaved(t, f, id, "tre")
}

// TestLockSavesSummary: the verneombud writes the closing summary and
// locks without pressing «Lagre oppsummeringen»: the summary is stored
// with the lock.
func TestLockSavesSummary(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	for _, row := range v.Check.Questions {
		row.Picker.Pick(model.AnswerOK)
	}
	test.Tap(v.Pre.AddCommittee)
	test.Tap(v.Pre.Save)
	v.Tabs.SelectIndex(2)
	test.Type(v.Closing.Notes, "Alt i orden; nødlyset sjekkes igjen i mars.")
	test.Tap(v.Complete)
	d := f.w.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("no confirmation before locking")
	}
	var lock *widget.Button
	for _, b := range findButtons(d) {
		if b.Text == "Fullfør og lås" {
			lock = b
		}
	}
	if lock == nil {
		t.Fatal("no «Fullfør og lås» button")
	}
	test.Tap(lock)
	r, _ := f.st.SafetyRound(v.RoundData().ID)
	if !r.Locked() || r.ClosingNotes != "Alt i orden; nødlyset sjekkes igjen i mars." {
		t.Fatalf("locked %v, summary %q (%s)", r.Locked(), r.ClosingNotes, v.Closing.Err.Messages())
	}
	if v.Dirty() {
		t.Error("a locked round still counts as unsaved")
	}
}

// findButtons lists the buttons under o.
func findButtons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	switch w := o.(type) {
	case *widget.Button:
		return []*widget.Button{w}
	case *widgets.KeyButton:
		return []*widget.Button{&w.Button}
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, findButtons(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, findButtons(c)...)
		}
	}
	return out
}

// TestNoInputLostFindingMeasure: a measure typed for a finding but not put
// in the action plan is not added behind the user's back: leaving asks,
// and Lagre adds it.
func TestNoInputLostFindingMeasure(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	row := v.Check.Questions[2]
	row.Comment.SetText("Nødlys virker ikke i trapp")
	row.Picker.Pick(model.AnswerImprove)
	v.Tabs.SelectIndex(2)
	fr := v.Closing.Finding(3)
	test.Tap(fr.AddMeasure)
	test.Type(fr.Responsible, "Vaktmester")
	ms, _ := f.st.Measures()
	left := false
	f.env.Leave(func() { left = true }, nil)
	p := f.env.Guard.Prompt()
	if p == nil || left {
		t.Fatal("left a typed measure without asking")
	}
	test.Tap(p.Save)
	after, _ := f.st.Measures()
	if !left || len(after) != len(ms)+1 || after[len(after)-1].Responsible != "Vaktmester" {
		t.Fatalf("Lagre: left %v, %d measures (want %d)", left, len(after), len(ms)+1)
	}
	if ids := v.RoundData().AnswerFor(3).MeasureIDs; len(ids) != 1 {
		t.Errorf("finding 3 links %v", ids)
	}
}

// TestNoInputLostFindingDeviation: a finding's «Registrer som avvik» form
// is a sub-form: leaving asks, Lagre registers the deviation with the
// typed place, and saving a measure under another finding does not close
// (and lose) it.
func TestNoInputLostFindingDeviation(t *testing.T) {
	f := newScreen(t, false)
	v := f.startRound(t)
	for i, text := range map[int]string{2: "Nødlys virker ikke i trapp", 3: "Glatt gulv ved inngang"} {
		row := v.Check.Questions[i]
		row.Comment.SetText(text)
		row.Picker.Pick(model.AnswerImprove)
	}
	v.Tabs.SelectIndex(2)
	dev := v.Closing.Finding(3)
	test.Tap(dev.AddDeviation)
	dev.Place.SetText("")
	test.Type(dev.Place, "Trappeoppgang B")
	meas := v.Closing.Finding(4)
	test.Tap(meas.AddMeasure)
	test.Type(meas.Responsible, "Vaktmester")
	test.Tap(meas.Save)
	if again := v.Closing.Finding(3); again == nil || again.Place.Text != "Trappeoppgang B" || len(v.Closing.openDeviations()) != 1 {
		t.Fatal("adding a measure under another finding closed the deviation form")
	}
	devs, _ := f.st.Deviations()
	left := false
	f.env.Leave(func() { left = true }, nil)
	p := f.env.Guard.Prompt()
	if p == nil || left {
		t.Fatal("left a typed deviation without asking")
	}
	test.Tap(p.Save)
	after, _ := f.st.Deviations()
	if !left || len(after) != len(devs)+1 || after[len(after)-1].Place != "Trappeoppgang B" {
		t.Fatalf("Lagre: left %v, %d deviations (want %d)", left, len(after), len(devs)+1)
	}
	if ids := v.RoundData().AnswerFor(3).DeviationIDs; len(ids) != 1 {
		t.Errorf("finding 3 links deviations %v", ids)
	}
}

// TestNewRoundAsksWhileOneIsInProgress: «Start ny vernerunde» while a round
// is in progress asks; Avbryt writes nothing, «Åpne den» (the default)
// opens that round, and «Start en ny likevel» starts another.
func TestNewRoundAsksWhileOneIsInProgress(t *testing.T) {
	f := newScreen(t, false)
	going, ok := model.UnfinishedRound(f.s.rounds)
	if !ok {
		f.startRound(t)
		f.s.ShowList()
		going, _ = model.UnfinishedRound(f.s.rounds)
	}
	before, err := f.st.SafetyRounds()
	if err != nil {
		t.Fatal(err)
	}
	f.s.TemplatePick.SetSelectedIndex(0)
	test.Tap(f.s.NewButton)
	if f.s.Ask == nil || !f.s.Ask.Open() {
		t.Fatal("no question while a round is in progress")
	}
	a, n := going.Progress()
	if msg := dialogText(f.w); !strings.Contains(msg, going.Title) || !strings.Contains(msg, itoa(a)+" av "+itoa(n)+" besvart") {
		t.Errorf("question %q does not name %s and its progress", msg, going.Title)
	}
	shoot(t, f.w, "ny-mens-en-pagar")
	f.s.Ask.Dismiss() // Avbryt / Escape
	if after, _ := f.st.SafetyRounds(); len(after) != len(before) || f.s.Round != nil {
		t.Fatalf("Avbryt: %d rounds (was %d), round opened %v", len(after), len(before), f.s.Round != nil)
	}
	test.Tap(f.s.NewButton)
	f.s.Ask.Confirm() // Enter: Åpne den
	if f.s.Round == nil || f.s.Round.RoundData().ID != going.ID {
		t.Fatalf("«Åpne den» did not open round %d", going.ID)
	}
	if after, _ := f.st.SafetyRounds(); len(after) != len(before) {
		t.Fatalf("«Åpne den» started a round: %d rounds, was %d", len(after), len(before))
	}
	f.s.ShowList()
	test.Tap(f.s.NewButton)
	f.s.Ask.Buttons[len(f.s.Ask.Buttons)-1].OnTapped() // Start en ny likevel
	if after, _ := f.st.SafetyRounds(); len(after) != len(before)+1 || f.s.Round == nil || f.s.Round.RoundData().ID == going.ID {
		t.Fatalf("«Start en ny likevel»: %d rounds, was %d", len(after), len(before))
	}
}

// dialogText is the text of the labels in the window's top overlay.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			parts = append(parts, x.Text)
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
	walk(top)
	return strings.Join(parts, "\n")
}

// shoot writes the window as name.png when -screenshots is given.
func shoot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	img := w.Canvas().Capture()
	if *screenshotDir == "" {
		return
	}
	out, err := os.Create(filepath.Join(*screenshotDir, "vernerunde-"+name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		t.Fatal(err)
	}
}
