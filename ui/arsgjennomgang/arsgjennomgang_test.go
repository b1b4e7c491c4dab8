package arsgjennomgang

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/uitest"
)

func newScreen(t *testing.T) (*Screen, *appctx.Env, *storage.Store) {
	t.Helper()
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	return s, env, st
}

// The demo's review of this year has its goals only; the sector's laws
// are one tap away. Every field is typed, saved, and found again in a
// reopened screen, in the file and in the report.
func TestTypeSaveReopen(t *testing.T) {
	s, env, st := newScreen(t)
	s.Year.SetSelected("2026")
	if n := len(s.Regs.Rows()); n != 0 {
		t.Fatalf("the demo's 2026 review has %d regulations", n)
	}
	test.Tap(s.FillRegs)
	if n := len(s.Regs.Rows()); n != len(model.DefaultRegulations(model.SectorSykehjem)) {
		t.Fatalf("standard list gave %d regulations", n)
	}
	if !s.SickGoal.Checked || !strings.Contains(s.SickGoal.Text, "Sykefravær høyst 5,2 %") {
		t.Errorf("sick-leave goal %v %q", s.SickGoal.Checked, s.SickGoal.Text)
	}
	// The demo's 2026 review has goals only; start from a clean form.
	for len(s.Goals.Rows()) > 0 {
		s.Goals.Remove(0)
	}
	reg := s.Regs.Add()
	test.Type(reg.Name, "Forskrift om vern mot støy på arbeidsplassen")
	test.Type(reg.Where, "Permen på personalrommet")
	test.Type(s.Confirmed, "10.02.2026")
	test.Type(s.SickComment, "Nesten nådd")
	g := s.Goals.Add()
	test.Type(g.Goal, "Ingen stikkskader")
	test.Type(g.Measure, "Avvik i kategorien personskade")
	g.Result.SetSelected(lang.L(model.GoalPartly.Label()))
	test.Type(g.Comment, "To stikkskader i vår")
	c := s.Courses.Add()
	test.Type(c.Course, "Forflytningsteknikk")
	test.Type(c.Date, "05.03.2026")
	test.Type(c.Participants, "17")
	test.Type(s.Injuries, "2")
	test.Type(s.Whistle, "0")
	test.Type(s.Evaluation, "Et år med godt samarbeid.\nFlere avvik meldt.")
	test.Type(s.LeaderComment, "Enig.")
	test.Type(s.SafetyRepComment, "Mer fokus på støy.")
	test.Type(s.TreatedOn, "20.11.2026")
	test.Type(s.CaseNumber, "14/26")
	test.Tap(s.SaveBtn)
	if s.Err.Label.Visible() {
		t.Fatalf("refused: %s", s.Err.Messages())
	}
	if !strings.Contains(s.Saved.Text, "2026 er lagret") {
		t.Errorf("saved label %q", s.Saved.Text)
	}

	// Reopened, the screen shows everything typed.
	env.SetFocus(PageID, appctx.Focus{ID: 2026})
	r := New(env)
	if r.Year.Selected != "2026" {
		t.Fatalf("focus year %q", r.Year.Selected)
	}
	last := r.Regs.Rows()[len(r.Regs.Rows())-1]
	checks := map[string][2]string{
		"regulation":       {last.Name.Text, "Forskrift om vern mot støy på arbeidsplassen"},
		"where":            {last.Where.Text, "Permen på personalrommet"},
		"confirmed":        {r.Confirmed.Text, "10.02.2026"},
		"sick comment":     {r.SickComment.Text, "Nesten nådd"},
		"goal":             {r.Goals.Rows()[0].Goal.Text, "Ingen stikkskader"},
		"measure":          {r.Goals.Rows()[0].Measure.Text, "Avvik i kategorien personskade"},
		"result":           {r.Goals.Rows()[0].Result.Selected, "Delvis nådd"},
		"goal comment":     {r.Goals.Rows()[0].Comment.Text, "To stikkskader i vår"},
		"course":           {r.Courses.Rows()[0].Course.Text, "Forflytningsteknikk"},
		"course date":      {r.Courses.Rows()[0].Date.Text, "05.03.2026"},
		"participants":     {r.Courses.Rows()[0].Participants.Text, "17"},
		"injuries":         {r.Injuries.Text, "2"},
		"whistle":          {r.Whistle.Text, "0"},
		"evaluation":       {r.Evaluation.Text, "Et år med godt samarbeid.\nFlere avvik meldt."},
		"leader comment":   {r.LeaderComment.Text, "Enig."},
		"verneombud":       {r.SafetyRepComment.Text, "Mer fokus på støy."},
		"treated on":       {r.TreatedOn.Text, "20.11.2026"},
		"case number":      {r.CaseNumber.Text, "14/26"},
		"sick goal kept":   {boolText(r.SickGoal.Checked), "true"},
		"one goal of own":  {boolText(len(r.Goals.Rows()) == 1), "true"},
		"one course saved": {boolText(len(r.Courses.Rows()) == 1), "true"},
	}
	for what, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: %q, want %q", what, c[0], c[1])
		}
	}

	checkReport(t, st)
}

// checkReport writes the year's report, as Rapporter does, and finds the
// review typed in TestTypeSaveReopen in it: cover, sections and checklist.
func checkReport(t *testing.T, st *storage.Store) {
	t.Helper()
	data, err := model.LoadAnnualData(st, 2026, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "r.pdf")
	if err := pdfexport.Write(pdf, func() *reports.Document { return reports.AnnualReport(data, reports.Options{}) }); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(uitest.PDFText(t, pdf)), " ")
	for _, want := range []string{"Behandlet i HMS-utvalget 20.11.2026, sak 14/26.", "Forskrift om vern mot støy på arbeidsplassen",
		"Listen er bekreftet av HMS-utvalget 10.02.2026 for 2026.", "Ingen stikkskader", "Delvis nådd", "Forflytningsteknikk",
		"Yrkesskader meldt i 2026 2", "Et år med godt samarbeid.", "Mer fokus på støy.", "AML f", "AML g"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Wrong input is refused with messages naming the field and row; what was
// typed stays, and the file keeps the stored review.
func TestRefusedKeepsTyping(t *testing.T) {
	s, _, st := newScreen(t)
	s.Year.SetSelected("2025")
	before, ok, _ := st.AnnualReview(2025)
	if !ok || len(s.Courses.Rows()) == 0 {
		t.Fatal("the demo has no review of 2025")
	}
	row := s.Courses.Rows()[0]
	row.Date.SetText("")
	test.Type(row.Date, "31.12.2026")
	s.Whistle.SetText("")
	test.Type(s.Whistle, "mange")
	s.CaseNumber.SetText("")
	s.Evaluation.SetText("")
	test.Type(s.Evaluation, "Ny tekst")
	test.Tap(s.SaveBtn)
	msg := s.Err.Messages()
	if !s.Err.Label.Visible() || !strings.Contains(msg, "Varslingssaker må være et helt tall") {
		t.Fatalf("message %q", msg)
	}
	s.Whistle.SetText("1")
	test.Tap(s.SaveBtn)
	msg = s.Err.Messages()
	for _, want := range []string{"Opplæring i HMS, rad 1: Dato for kurset må være i 2025", "Saksnummer må fylles ut"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if s.Evaluation.Text != "Ny tekst" || row.Date.Text != "31.12.2026" {
		t.Error("typed text lost")
	}
	if after, _, _ := st.AnnualReview(2025); after.Evaluation != before.Evaluation || after.CaseNumber != before.CaseNumber {
		t.Error("a refused save changed the file")
	}
}

// The standard list adds only what is missing; a removed row is not saved.
func TestDefaultsAndRemove(t *testing.T) {
	s, _, st := newScreen(t)
	s.Year.SetSelected("2026")
	test.Tap(s.FillRegs)
	n := len(s.Regs.Rows())
	s.Regs.Remove(0)
	test.Tap(s.FillRegs)
	if len(s.Regs.Rows()) != n {
		t.Errorf("%d rows after filling in, want %d", len(s.Regs.Rows()), n)
	}
	test.Tap(s.FillRegs)
	if len(s.Regs.Rows()) != n {
		t.Errorf("filling in twice added rows: %d", len(s.Regs.Rows()))
	}
	s.Regs.Remove(0)
	test.Tap(s.ConfirmToday)
	if s.Confirmed.Text != uitest.Today.String() {
		t.Errorf("confirmed %q", s.Confirmed.Text)
	}
	test.Tap(s.SaveBtn)
	if s.Err.Label.Visible() {
		t.Fatalf("refused: %s", s.Err.Messages())
	}
	r, _, _ := st.AnnualReview(2026)
	if len(r.Regulations) != n-1 || r.RegulationsConfirmed != uitest.Today {
		t.Errorf("stored %d regulations, confirmed %v", len(r.Regulations), r.RegulationsConfirmed)
	}
}

// A year without any review starts with the sector's laws and the
// sick-leave target from the settings.
func TestNewYearStartsWithDefaults(t *testing.T) {
	s, _, st := newScreen(t)
	if _, ok, _ := st.AnnualReview(2022); ok {
		t.Fatal("the demo has a review of 2022")
	}
	s.Year.SetSelected("2022")
	if n := len(s.Regs.Rows()); n != len(model.DefaultRegulations(model.SectorSykehjem)) {
		t.Errorf("%d regulations", n)
	}
	if !s.SickGoal.Checked || len(s.Goals.Rows()) != 0 || s.Confirmed.Text != "" || s.TreatedOn.Text != "" {
		t.Errorf("new form: sick goal %v, %d goals, confirmed %q", s.SickGoal.Checked, len(s.Goals.Rows()), s.Confirmed.Text)
	}
}

// TestNoInputLostAnnualReview: the evaluation typed for one year asks
// before another year is shown; Avbryt keeps it (and the year), Lagre
// stores it.
func TestNoInputLostAnnualReview(t *testing.T) {
	s, env, st := newScreen(t)
	year := s.Year.Selected
	y := s.year()
	s.Evaluation.SetText("")
	test.Type(s.Evaluation, "Evalueringen som ikke er lagret")
	s.CaseNumber.SetText("")
	test.Type(s.CaseNumber, "9/27")
	other := s.Year.Options[len(s.Year.Options)-1]
	s.Year.SetSelected(other)
	p := env.Guard.Prompt()
	if p == nil {
		t.Fatal("another year replaced the typed review without asking")
	}
	test.Tap(p.Cancel)
	if s.Year.Selected != year || s.Evaluation.Text != "Evalueringen som ikke er lagret" {
		t.Fatalf("Avbryt: year %s, text %q", s.Year.Selected, s.Evaluation.Text)
	}
	s.Year.SetSelected(other)
	test.Tap(env.Guard.Prompt().Save)
	r, _, _ := st.AnnualReview(y)
	if r.Evaluation != "Evalueringen som ikke er lagret" || r.CaseNumber != "9/27" {
		t.Errorf("Lagre stored %q %q: %s", r.Evaluation, r.CaseNumber, s.Err.Messages())
	}
	if s.Year.Selected != other || s.Evaluation.Text == "Evalueringen som ikke er lagret" {
		t.Error("Lagre did not go on to the other year")
	}
}
