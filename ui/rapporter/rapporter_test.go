package rapporter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/arsgjennomgang"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/uitest"
)

func newScreen(t *testing.T) *Screen {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := storage.Open(uitest.DemoFile(t), storage.Options{NoBackup: true, User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	s := New(env)
	w.SetContent(s.Content())
	return s
}

func TestYearAndSummary(t *testing.T) {
	s := newScreen(t)
	if s.Year.Selected != "2025" {
		t.Errorf("default year %q, want last year", s.Year.Selected)
	}
	if !strings.Contains(s.Summary.Text, "Handlingsplan") || !strings.Contains(s.Summary.Text, "av 8 punkter") {
		t.Errorf("summary %q", s.Summary.Text)
	}
	if strings.Contains(s.Summary.Text, "Året er ikke over") {
		t.Errorf("2025 is over, the summary says it is not: %q", s.Summary.Text)
	}
	s.Year.SetSelected("2026")
	if s.data.Year != 2026 || s.ReportBtn.Disabled() {
		t.Errorf("year %v", s.data.Year)
	}
	// The year still running says so, in the cover's words.
	if note := model.HMSYear(2026).InProgressNote(uitest.Today); note == "" || !strings.HasPrefix(s.Summary.Text, note) {
		t.Errorf("summary for 2026 does not start with %q: %q", note, s.Summary.Text)
	}
}

// The report and the submission the buttons save, written as the
// background job writes them.
func TestReportAndSubmission(t *testing.T) {
	s := newScreen(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "r.pdf")
	if err := pdfexport.Write(pdf, s.Report()); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(pdf); !strings.HasPrefix(string(b), "%PDF") {
		t.Error("not a PDF")
	}
	b, err := reports.SubmissionJSON(s.data, Version)
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "a.json")
	os.WriteFile(sub, b, 0o644)
	bad := filepath.Join(dir, "b.json")
	os.WriteFile(bad, b[:20], 0o644)

	if !s.AggBtn.Disabled() {
		t.Error("aggregate enabled without files")
	}
	s.SetFiles([]string{sub, bad})
	s.WaitJobs()
	if s.AggBtn.Disabled() || !strings.Contains(s.Files.Text, "✗ b.json: filen er avkortet") ||
		!strings.Contains(s.Files.Text, "1 av 2 filer") {
		t.Errorf("files %q", s.Files.Text)
	}
	// HR lists the units that should send; the missing ones are named at
	// once, and in the combined report.
	test.Type(s.Expected, s.data.Unit.Name+"\nFjellheim skole;"+s.data.Unit.Municipality)
	if !strings.Contains(s.Files.Text, "Mangler innsending fra 1: Fjellheim skole ("+s.data.Unit.Municipality+").") {
		t.Errorf("missing units not shown: %q", s.Files.Text)
	}
	samlet := filepath.Join(dir, "samlet.pdf")
	if err := pdfexport.Write(samlet, s.Aggregate()); err != nil {
		t.Fatal(err)
	}
	if txt := uitest.PDFText(t, samlet); !strings.Contains(txt, "Fjellheim skole") {
		t.Error("the combined report does not name the missing unit")
	}
	s.Expected.SetText("")
	if strings.Contains(s.Files.Text, "Mangler innsending") {
		t.Errorf("missing units shown without a list: %q", s.Files.Text)
	}
	test.Tap(s.ClearBtn)
	if !s.AggBtn.Disabled() {
		t.Error("aggregate enabled after clearing")
	}
}

// The review button opens Årlig gjennomgang on the chosen year.
func TestReviewButtonOpensYear(t *testing.T) {
	s := newScreen(t)
	var opened string
	s.env.Navigate = func(id string) { opened = id }
	s.Year.SetSelected("2024")
	test.Tap(s.ReviewBtn)
	f, ok := s.env.TakeFocus(arsgjennomgang.PageID)
	if opened != arsgjennomgang.PageID || !ok || f.ID != 2024 {
		t.Errorf("opened %q, focus %+v %v", opened, f, ok)
	}
}

// TestNewUnitOpensOnThisYear: a unit with nothing last year opens on this
// year, and the page says per section what is missing, with a button to
// where it is entered.
func TestNewUnitOpensOnThisYear(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "ny.db")
	st, err := storage.Create(path, model.Unit{Name: "Ny", Municipality: "K", Sector: model.SectorKontor, Employees: 4, Start: uitest.Today}, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	var page string
	env.Navigate = func(id string) { page = id }
	s := New(env)
	w.SetContent(s.Content())
	if s.Year.Selected != "2026" {
		t.Errorf("year %q, want 2026 for a unit without 2025", s.Year.Selected)
	}
	if !uitest.HasText(s.Gaps, "Dette mangler i rapporten for 2026") || !uitest.HasText(s.Gaps, "Sykefravær: Ingen tall registrert for året. Føres under Sykefravær.") {
		t.Errorf("gaps %q", uitest.Texts(s.Gaps))
	}
	// The year it started: the screen says from when duties count, and
	// does not ask for a year's four meetings.
	if !strings.Contains(s.Summary.Text, "Enheten startet "+uitest.Today.String()+". Plikter med frist før denne datoen teller ikke") ||
		strings.Contains(s.Summary.Text, "Færre enn 4 møter") {
		t.Errorf("summary %q", s.Summary.Text)
	}
	b := findButton(s.Gaps, "Sykefravær")
	if b == nil {
		t.Fatal("no button to Sykefravær")
	}
	test.Tap(b)
	if page != "sykefravar" {
		t.Errorf("button opened %q", page)
	}
	// The report written is noted, so the wheel's duty is done by it.
	s.RecordExport(model.ExportAnnualReport, 2026)
	if xs, _ := st.Exports(); len(xs) != 1 || xs[0].Year != 2026 || xs[0].On != uitest.Today {
		t.Errorf("exports %+v", xs)
	}
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestFocusChoosesTheYear(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := storage.Open(uitest.DemoFile(t), storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	env.SetFocus(PageID, appctx.Focus{ID: 2024})
	w.SetContent(Page().Build(env))
	if !uitest.HasText(w.Content(), "Dette mangler i rapporten for 2024") && !uitest.HasText(w.Content(), "Rapporten for 2024 mangler ingenting") {
		t.Errorf("focus on 2024 did not choose it: %q", uitest.Texts(w.Content()))
	}
}

// TestSummaryEnglish: in English the summary names each area and its
// status in English, and a gap's button names the page as the sidebar
// does (they were all in bokmål).
func TestSummaryEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	s := newScreen(t)
	for _, want := range []string{"Action plan: ", "Risk assessment: ", "Safety rounds: ", "Meetings: "} {
		if !strings.Contains(s.Summary.Text, want) {
			t.Errorf("summary has no %q: %q", want, s.Summary.Text)
		}
	}
	for _, nb := range []string{"Handlingsplan:", "Vernerunder:", "Følg opp", "I orden"} {
		if strings.Contains(s.Summary.Text, nb) {
			t.Errorf("summary says %q in English: %q", nb, s.Summary.Text)
		}
	}
	var buttons []string
	for _, o := range s.Gaps.Objects {
		buttons = append(buttons, uitest.Texts(o)...)
	}
	entered := false
	for _, b := range buttons {
		if strings.HasPrefix(b, "Vold og trusler") || strings.Contains(b, "Føres under") {
			t.Errorf("a gap says %q in English", b)
		}
		entered = entered || strings.Contains(b, "Entered under Violence and threats")
	}
	if !entered {
		t.Errorf("no gap says where it is entered in English (the demo's 2025 lacks the violence mapping): %q", buttons)
	}
}
