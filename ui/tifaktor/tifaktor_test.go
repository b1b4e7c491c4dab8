package tifaktor

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/uitest"
)

func newEnv(t *testing.T, meeting bool) (*appctx.Env, fyne.Window, *storage.Store) {
	return uitest.NewEnv(t, meeting)
}

func newScreen(t *testing.T) (*Screen, *storage.Store, *appctx.Env) {
	t.Helper()
	env, w, st := newEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	return s, st, env
}

// typeRound fills the results tab for a new 2025 round (the demo has
// rounds in 2024 and 2026).
func typeRound(e *Editor, scores []string) {
	e.Year.SetText("")
	test.Type(e.Year, "2025")
	test.Type(e.Invited, "30")
	test.Type(e.Respondents, "24")
	for i, f := range model.TenFactors() {
		test.Type(e.Scores[f].Unit, scores[i])
	}
	test.Type(e.Scores[model.TenFactorRoleClarity].Municipality, "4,05")
}

var goodScores = []string{"4,10", "4.25", "4,3", "3,95", "3,70", "3,55", "3,80", "4,05", "4,40", "4,60"}

func roundsIn(t *testing.T, st *storage.Store) []model.SurveyRound {
	t.Helper()
	rs, err := st.SurveyRounds()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestEnterRoundChooseFocusCreateMeasure is the whole flow: enter a round,
// pick a focus factor, create a measure, and find it in the action plan.
func TestEnterRoundChooseFocusCreateMeasure(t *testing.T) {
	s, st, env := newScreen(t)
	before := len(roundsIn(t, st))
	test.Tap(s.NewButton)
	e := s.Editor
	typeRound(e, goodScores)
	if !strings.Contains(e.Rate.Text, "80,0 %") {
		t.Errorf("response rate %q", e.Rate.Text)
	}
	test.Tap(e.Save)
	if e.Err.Label.Visible() {
		t.Fatalf("refused: %s", e.Err.Messages())
	}
	rs := roundsIn(t, st)
	if len(rs) != before+1 {
		t.Fatalf("%d rounds stored, want %d", len(rs), before+1)
	}
	var r model.SurveyRound
	for _, x := range rs {
		if x.Year == 2025 {
			r = x
		}
	}
	if r.Score(model.TenFactorSelfEfficacy).Unit != 425 || r.Score(model.TenFactorAutonomy).Unit != 430 ||
		r.Score(model.TenFactorRoleClarity).Municipality != 405 || r.Respondents != 24 {
		t.Fatalf("stored %+v", r)
	}
	if e.Round().ID != r.ID || !uitest.HasText(e.chartBox, "Utvikling per faktor") {
		t.Error("editor not updated after save")
	}

	// Follow-up: the suggestions name the lowest factor (Rolleklarhet 3,55)
	// and say they are only suggestions.
	fu := e.FollowUp
	if len(fu.Suggestions) == 0 || fu.Suggestions[0].Factor != model.TenFactorRoleClarity {
		t.Fatalf("suggestions %+v", fu.Suggestions)
	}
	if !uitest.HasText(fu.Content(), "bare forslag") {
		t.Error("the follow-up does not say it only suggests")
	}
	if !uitest.HasText(fu.Content(), "Oppfølging: Ikke startet") {
		t.Error("status not shown as not started")
	}
	// Choosing without a kind is refused with a message.
	fu.ChooseFactor.SetSelectedIndex(model.TenFactorRoleClarity.Number() - 1)
	test.Tap(fu.Choose)
	if !fu.ChooseErr.Label.Visible() {
		t.Error("a focus area without kind accepted")
	}
	fu.SelectFactor(model.TenFactorRoleClarity, model.SurveyFocusImprove)
	test.Tap(fu.Choose)
	if fu.ChooseErr.Label.Visible() {
		t.Fatalf("choice refused: %s", fu.ChooseErr.Messages())
	}
	got, _ := st.SurveyRound(r.ID)
	if a, ok := got.FocusFor(model.TenFactorRoleClarity); !ok || a.Kind != model.SurveyFocusImprove {
		t.Fatalf("focus not stored: %+v", got.Focus)
	}
	fe := fu.Focus[model.TenFactorRoleClarity]
	if fe == nil {
		t.Fatal("no block for the chosen factor")
	}
	test.Type(fe.ToImprove, "Uklart hvem som har ansvar på kveldsvakt")
	test.Tap(fe.SaveNotes)
	fe = fu.Focus[model.TenFactorRoleClarity]
	test.Type(fe.MeasureTitle, "Tydelige ansvarsområder på kveldsvakt")
	test.Type(fe.MeasureResp, "Avdelingsleder")
	fe.MeasureDeadline.SetText("")
	test.Type(fe.MeasureDeadline, "01.03.2027")
	test.Tap(fe.AddMeasure)
	if fe.Err.Label.Visible() {
		t.Fatalf("measure refused: %s", fe.Err.Messages())
	}
	got, _ = st.SurveyRound(r.ID)
	a, _ := got.FocusFor(model.TenFactorRoleClarity)
	if a.ToImprove != "Uklart hvem som har ansvar på kveldsvakt" || len(a.MeasureIDs) != 1 {
		t.Fatalf("focus after measure: %+v", a)
	}
	m, err := st.Measure(a.MeasureIDs[0])
	if err != nil || m.Source.Kind != model.SourceTenFactor || m.Source.ParentID != r.ID || m.Deadline != model.NewDate(2027, 3, 1) {
		t.Fatalf("measure %+v %v", m, err)
	}
	if !uitest.HasText(fu.Content(), "Oppfølging: Pågår") || !uitest.HasText(fu.Content(), "Tydelige ansvarsområder") {
		t.Error("follow-up tab not refreshed")
	}
	// The measure is in the action plan, and opens the round from there.
	plan := handlingsplan.New(env)
	found := false
	for _, x := range plan.Shown() {
		found = found || x.ID == m.ID
	}
	if !found {
		t.Error("the measure is not shown in the action plan")
	}
	if appctx.SourcePages[string(model.SourceTenFactor)] != PageID {
		t.Error("source page not registered")
	}
	s2 := New(env)
	factor, _ := model.TenFactorByNumber(int(m.Source.RefID))
	s2.Open(m.Source.ParentID, factor)
	if s2.Editor == nil || s2.Editor.Round().ID != r.ID || s2.Editor.CurrentTab() != tabFollowUp {
		t.Error("opening the source does not show the round's follow-up")
	}

	// A meeting is logged.
	fu.MeetingKind.SetSelectedIndex(0)
	test.Type(fu.MeetingNotes, "Gikk gjennom resultatene")
	test.Tap(fu.AddMeeting)
	if fu.MeetingErr.Label.Visible() {
		t.Fatalf("meeting refused: %s", fu.MeetingErr.Messages())
	}
	if got, _ := st.SurveyRound(r.ID); len(got.Meetings) != 1 {
		t.Error("meeting not stored")
	}

	// The dashboard card shows the chosen factor and its measures.
	card := Card(env)
	if !uitest.HasText(card, "Rolleklarhet") || !uitest.HasText(card, "1 tiltak") {
		t.Errorf("card: %v", uitest.Texts(card))
	}

	// The PDF of the round.
	path := filepath.Join(t.TempDir(), "tifaktor.pdf")
	in := s.Editor.ReportInput()
	if err := pdfexport.Write(path, func() *reports.Document { return reports.TenFactorReport(in, reports.Options{}) }); err != nil {
		t.Fatal(err)
	}
}

// TestBadInputKeepsTextAndFile: score 5,5, more answers than invited and
// three decimals are refused with Norwegian messages naming the field;
// every typed text stays, and nothing is stored.
func TestBadInputKeepsTextAndFile(t *testing.T) {
	s, st, _ := newScreen(t)
	before := len(roundsIn(t, st))
	test.Tap(s.NewButton)
	e := s.Editor
	bad := append([]string(nil), goodScores...)
	bad[0] = "5,5"
	bad[1] = "3,855"
	typeRound(e, bad)
	e.Respondents.SetText("")
	test.Type(e.Respondents, "31")
	test.Tap(e.Save)
	msg := e.Err.Messages()
	for _, want := range []string{
		"Indre motivasjon må være mellom 1,00 og 5,00",
		"Mestringstro kan ha høyst to desimaler",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if e.Scores[model.TenFactorTaskMotivation].Unit.Text != "5,5" || e.Scores[model.TenFactorSelfEfficacy].Unit.Text != "3,855" ||
		e.Respondents.Text != "31" || e.Scores[model.TenFactorAutonomy].Unit.Text != "4,3" {
		t.Error("typed text lost")
	}
	// With the scores fixed, the model refuses more answers than invited.
	e.Scores[model.TenFactorTaskMotivation].Unit.SetText("4,5")
	e.Scores[model.TenFactorSelfEfficacy].Unit.SetText("3.85")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "Antall svar (31) kan ikke være større enn antall inviterte (30)") {
		t.Errorf("message %q", e.Err.Messages())
	}
	// Two answers: the screen says why there are no unit scores, and
	// saving scores is refused.
	e.Respondents.SetText("2")
	if !e.NoReport.Visible() || !strings.Contains(e.NoReport.Text, "færre enn 3 svar") {
		t.Errorf("no-report hint %q", e.NoReport.Text)
	}
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "færre enn 3 svar") {
		t.Errorf("message %q", e.Err.Messages())
	}
	if len(roundsIn(t, st)) != before {
		t.Error("an invalid round was stored")
	}
	// Without scores, a 2-answer round can be registered (response rate).
	for _, f := range model.TenFactors() {
		e.Scores[f].Unit.SetText("")
	}
	test.Tap(e.Save)
	if e.Err.Label.Visible() {
		t.Errorf("round without scores refused: %s", e.Err.Messages())
	}
	if !uitest.HasText(e.FollowUp.Content(), "færre enn 3 svar") {
		t.Error("follow-up tab does not say why there is nothing to follow up")
	}
}

// TestMeetingModeFits renders the page with a round open, all three
// tabs, in Møtemodus at 1024×768, and checks the width. With
// TIFAKTOR_SCREENSHOTS=DIR the images are written there.
func TestMeetingModeFits(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		env, w, st := newEnv(t, meeting)
		// The demo's two rounds; the latest has follow-up and measures.
		rs, err := st.SurveyRounds()
		if err != nil || len(rs) != 2 {
			t.Fatalf("demo rounds: %d %v", len(rs), err)
		}
		saved := rs[1]
		s := New(env)
		w.SetContent(s.Content())
		w.Resize(fyne.NewSize(1024, 768))
		s.Open(saved.ID, "")
		for _, tab := range []string{tabResults, tabChart, tabFollowUp} {
			s.Editor.SelectTab(tab)
			// The shell's sidebar takes about a fifth of the width.
			if min := w.Content().MinSize(); min.Width > 1024*0.78 {
				t.Errorf("%s (Møtemodus %v): page needs %.0f px wide", tab, meeting, min.Width)
			}
			if dir := os.Getenv("TIFAKTOR_SCREENSHOTS"); dir != "" {
				name := "tifaktor-" + tab
				if meeting {
					name += "-motemodus"
				}
				f, err := os.Create(filepath.Join(dir, name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(f, w.Canvas().Capture()); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
		}
		card := Card(env)
		w.SetContent(card)
		if min := card.MinSize(); min.Width > 1024*0.78 {
			t.Errorf("card (Møtemodus %v) needs %.0f px", meeting, min.Width)
		}
	}
}

// TestNoInputLostSurveyRound: results typed into a round ask before
// another round replaces them; Forkast shows the stored round again.
func TestNoInputLostSurveyRound(t *testing.T) {
	s, st, env := newScreen(t)
	if len(s.Rounds()) < 2 {
		t.Fatal("too few rounds in the demo unit")
	}
	s.List.Select(0)
	e := s.Editor
	id := e.Round().ID
	stored, _ := st.SurveyRound(id)
	e.Notes.SetText("")
	test.Type(e.Notes, "Notat som ikke er lagret")
	s.List.Select(1)
	p := env.Guard.Prompt()
	if p == nil || s.Editor != e {
		t.Fatal("another round replaced typed results without asking")
	}
	test.Tap(p.Cancel)
	if e.Notes.Text != "Notat som ikke er lagret" {
		t.Fatal("Avbryt lost the text")
	}
	left := false
	env.Leave(func() { left = true }, nil)
	test.Tap(env.Guard.Prompt().Discard)
	if r, _ := st.SurveyRound(id); !left || r.Notes != stored.Notes {
		t.Fatalf("Forkast: left %v, stored notes %q", left, r.Notes)
	}
	if s.Editor.Notes.Text != stored.Notes {
		t.Errorf("Forkast left %q in the form", s.Editor.Notes.Text)
	}
	test.Type(s.Editor.Notes, "Lagret notat ")
	env.Leave(func() {}, nil)
	test.Tap(env.Guard.Prompt().Save)
	if r, _ := st.SurveyRound(id); r.Notes != strings.TrimSpace("Lagret notat "+stored.Notes) {
		t.Errorf("Lagre stored notes %q", r.Notes)
	}
}

// TestNoInputLostFollowUp: notes on a focus area, a measure typed but not
// added and a meeting's notes in the follow-up tab make leaving ask; Lagre
// stores all three, Forkast none.
func TestNoInputLostFollowUp(t *testing.T) {
	s, st, env := newScreen(t)
	test.Tap(s.NewButton)
	e := s.Editor
	typeRound(e, goodScores)
	test.Tap(e.Save)
	fu := e.FollowUp
	fu.SelectFactor(model.TenFactorRoleClarity, model.SurveyFocusImprove)
	test.Tap(fu.Choose)
	id := e.Round().ID
	typeAll := func(tag string) {
		fe := fu.Focus[model.TenFactorRoleClarity]
		fe.ToImprove.SetText("Bedre " + tag)
		fe.MeasureTitle.SetText("Tiltak " + tag)
		fe.MeasureResp.SetText("Leder")
		fu.MeetingKind.SetSelectedIndex(0)
		fu.MeetingNotes.SetText("Møte " + tag)
	}
	measures := func() int { ms, _ := st.Measures(); return len(ms) }
	before := measures()

	typeAll("en")
	left := false
	env.Leave(func() { left = true }, nil)
	p := env.Guard.Prompt()
	if p == nil || left {
		t.Fatal("left the follow-up tab's text without asking")
	}
	test.Tap(p.Discard)
	r, _ := st.SurveyRound(id)
	if a, _ := r.FocusFor(model.TenFactorRoleClarity); !left || a.ToImprove != "" || len(r.Meetings) != 0 || measures() != before {
		t.Fatalf("Forkast stored something: %+v, %d measures", r, measures()-before)
	}
	if fu.Dirty() {
		t.Error("still dirty after Forkast")
	}

	// Forkast showed the stored round again, in a new editor.
	e = s.Editor
	fu = e.FollowUp
	typeAll("to")
	env.Leave(func() {}, nil)
	test.Tap(env.Guard.Prompt().Save)
	r, _ = st.SurveyRound(id)
	if a, _ := r.FocusFor(model.TenFactorRoleClarity); a.ToImprove != "Bedre to" || len(r.Meetings) != 1 || r.Meetings[0].Notes != "Møte to" || measures() != before+1 {
		t.Fatalf("Lagre: %+v, %d measures", r, measures()-before)
	}
	if fu.Dirty() || e.Dirty() {
		t.Error("still dirty after Lagre")
	}
}
