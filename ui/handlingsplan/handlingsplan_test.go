package handlingsplan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/uitest"
)

func newScreen(t *testing.T) (*Screen, *storage.Store) {
	t.Helper()
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	return s, st
}

func TestCreateMeasure(t *testing.T) {
	s, st := newScreen(t)
	before := len(s.all)
	test.Tap(s.NewButton)
	e := s.Editor
	test.Type(e.Title, "Kurs i forflytningsteknikk")
	e.Area.SetSelected(model.PriorityAreaLabels()[2])
	test.Type(e.Responsible, "Leder")
	e.Deadline.SetText("")
	test.Type(e.Deadline, "31.1.27")
	test.Tap(e.Save)
	if e.Err.Messages() != "" {
		t.Fatalf("refused: %s", e.Err.Messages())
	}
	ms, _ := st.Measures()
	if len(ms) != before+1 {
		t.Fatalf("%d measures stored, want %d", len(ms), before+1)
	}
	got := ms[len(ms)-1]
	if got.Title != "Kurs i forflytningsteknikk" || got.Deadline != model.NewDate(2027, 1, 31) || got.Status != model.StatusPlanlagt || got.Created != uitest.Today {
		t.Errorf("stored %+v", got)
	}
	s.Search.SetText("forflytningsteknikk")
	found := false
	for _, m := range s.Shown() {
		found = found || m.ID == got.ID
	}
	if !found {
		t.Error("new measure not found by search")
	}
}

func TestBadMeasureKeepsTextAndFile(t *testing.T) {
	s, st := newScreen(t)
	before, _ := st.Measures()
	test.Tap(s.NewButton)
	e := s.Editor
	test.Type(e.Responsible, "Verneombud")
	e.Deadline.SetText("01.01.2020") // before the creation date (today)
	test.Tap(e.Save)
	msg := e.Err.Messages()
	for _, want := range []string{"Tittel", "Frist kan ikke være før opprettet-dato"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if e.Responsible.Text != "Verneombud" || e.Deadline.Text != "01.01.2020" {
		t.Error("typed text lost")
	}
	after, _ := st.Measures()
	if len(after) != len(before) {
		t.Error("invalid measure stored")
	}
	e.Deadline.SetText("32.13.2026")
	test.Tap(e.Save)
	if !strings.Contains(e.Err.Messages(), "Frist") {
		t.Errorf("bad date message %q", e.Err.Messages())
	}
}

func TestOverdueMarkedInWordsAndFilter(t *testing.T) {
	s, _ := newScreen(t)
	s.Overdue.SetChecked(true)
	if len(s.Shown()) == 0 {
		t.Fatal("the demo plan has no overdue measures")
	}
	for row, m := range s.Shown() {
		if !m.Overdue(uitest.Today) {
			t.Errorf("%q shown under Forfalt but not overdue", m.Title)
		}
		text, imp := s.CellText(row, 0)
		if !strings.Contains(text, "Forfalt") || imp != widget.DangerImportance {
			t.Errorf("row %d marker %q/%v", row, text, imp)
		}
	}
	s.ResetFilter()
	if len(s.Shown()) != len(s.all) {
		t.Errorf("reset shows %d of %d", len(s.Shown()), len(s.all))
	}
}

func TestStatusFlowNeedsItsInputs(t *testing.T) {
	s, st := newScreen(t)
	m := firstWithStatus(t, s, model.StatusPagar)
	s.Select(m.ID)
	e := s.Editor
	// Only the transitions the model allows are offered.
	offered := len(e.Transitions.Objects)
	if offered != len(model.AllowedTransitions(model.StatusPagar)) {
		t.Errorf("%d status buttons, model allows %d", offered, len(model.AllowedTransitions(model.StatusPagar)))
	}
	e.StartTransition(model.StatusUtfort)
	e.CompletedOn.SetText("")
	test.Tap(e.Confirm)
	if !strings.Contains(e.TransErr.Messages(), "Dato utført") {
		t.Errorf("message %q", e.TransErr.Messages())
	}
	if got, _ := st.Measure(m.ID); got.Status != model.StatusPagar {
		t.Error("status changed without a completion date")
	}
	test.Type(e.CompletedOn, "20.11.2026")
	test.Tap(e.Confirm)
	got, _ := st.Measure(m.ID)
	if got.Status != model.StatusUtfort || got.CompletedOn != model.NewDate(2026, 11, 20) {
		t.Errorf("after utført: %+v", got)
	}
	e.StartTransition(model.StatusEvaluert)
	test.Tap(e.Confirm)
	if !strings.Contains(e.TransErr.Messages(), "Evaluering") {
		t.Errorf("evaluert without note: %q", e.TransErr.Messages())
	}
	test.Type(e.Note, "Færre belastningsskader siste kvartal.")
	test.Tap(e.Confirm)
	if got, _ := st.Measure(m.ID); got.Status != model.StatusEvaluert {
		t.Errorf("status %s, want evaluert", got.Status)
	}
}

func TestPDFOfFilteredPlan(t *testing.T) {
	s, _ := newScreen(t)
	s.Overdue.SetChecked(true)
	in := s.PDFInput()
	if len(in.Measures) != len(s.Shown()) || len(in.Measures) == 0 {
		t.Fatalf("PDF gets %d measures, screen shows %d", len(in.Measures), len(s.Shown()))
	}
	if !strings.Contains(in.Filter, "forfalt") {
		t.Errorf("filter line %q", in.Filter)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := pdfexport.Write(path, func() *reports.Document { return reports.ActionPlanReport(in, reports.Options{}) }); err != nil {
		t.Fatal(err)
	}
	text := uitest.PDFText(t, path)
	for _, want := range []string{"HMS-handlingsplan", "Forfalt", in.Filter, in.Measures[0].Title[:10]} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// A full disk, emulated with bbolt's size limit: saving fails with a
// message, the form keeps what was typed, and the file stays consistent.
func TestSaveOnFullDiskKeepsForm(t *testing.T) {
	a := test.NewTempApp(t)
	path := uitest.DemoFile(t)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{NoBackup: true, MaxSize: int(info.Size())})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return uitest.Today }
	s := New(env)
	w.SetContent(s.Content())
	e := s.Editor
	long := strings.Repeat("Beskrivelse av tiltaket. ", 150)
	failed := false
	for i := 0; i < 300 && !failed; i++ {
		test.Tap(s.NewButton)
		e.Title.SetText(fmt.Sprintf("Tiltak %d", i))
		e.Description.SetText(long)
		e.Area.SetSelectedIndex(0)
		e.Responsible.SetText("Leder")
		e.Deadline.SetText("31.12.2027")
		test.Tap(e.Save)
		failed = e.Err.Messages() != ""
	}
	if !failed {
		t.Fatal("the size limit was never reached")
	}
	if !strings.Contains(e.Err.Messages(), "størrelse") {
		t.Errorf("message %q does not say the file is full", e.Err.Messages())
	}
	if e.Description.Text != long || !strings.HasPrefix(e.Title.Text, "Tiltak ") {
		t.Error("typed text lost")
	}
	st.Close()
	if rep, err := storage.Check(path); err != nil || !rep.OK() {
		t.Fatalf("file not consistent after the failed save: %v %v", err, rep.Problems)
	}
}

// TestNoInputLostMeasure: an edited measure asks before another row or a
// new measure replaces it; Avbryt keeps the text, Lagre stores it, and a
// refused Lagre stays with the message.
func TestNoInputLostMeasure(t *testing.T) {
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	if len(s.shown) < 2 {
		t.Fatal("too few measures in the demo unit")
	}
	first := s.shown[0]
	s.Table.Select(widget.TableCellID{Row: 0, Col: 2})
	e := s.Editor
	if e.Measure().ID != first.ID {
		t.Fatalf("measure %d open, want %d", e.Measure().ID, first.ID)
	}
	type2 := func(tag string) {
		for _, x := range []*widget.Entry{&e.Title.Entry, &e.Description.Entry, &e.Responsible.Entry} {
			x.SetText("")
		}
		test.Type(e.Title, "Tittel "+tag)
		test.Type(e.Description, "Beskrivelse "+tag)
		test.Type(e.Responsible, "Ansvarlig "+tag)
	}
	type2("en")
	s.Table.Select(widget.TableCellID{Row: 1, Col: 2})
	p := env.Guard.Prompt()
	if p == nil {
		t.Fatal("another row replaced the edited measure without asking")
	}
	test.Tap(p.Cancel)
	if e.Measure().ID != first.ID || e.Title.Text != "Tittel en" || e.Description.Text != "Beskrivelse en" {
		t.Fatal("Avbryt lost the text")
	}
	// A deadline that does not parse: Lagre is refused and stays.
	e.Deadline.SetText("31.02.2027")
	test.Tap(s.NewButton)
	test.Tap(env.Guard.Prompt().Save)
	if e.Measure().ID != first.ID || e.Title.Text != "Tittel en" || e.Err.Messages() == "" {
		t.Fatalf("a refused Lagre left the measure (message %q)", e.Err.Messages())
	}
	if m, _ := st.Measure(first.ID); m.Title == "Tittel en" {
		t.Fatal("half-saved with a bad deadline")
	}
	e.Deadline.SetText("31.01.2027")
	test.Tap(s.NewButton)
	test.Tap(env.Guard.Prompt().Save)
	m, _ := st.Measure(first.ID)
	if m.Title != "Tittel en" || m.Description != "Beskrivelse en" || m.Responsible != "Ansvarlig en" {
		t.Errorf("Lagre stored %+v", m)
	}
	if e.Measure().ID != 0 {
		t.Error("Lagre did not go on to the new measure")
	}
}

// A status change stores the status only; a title being edited stays on
// screen, unsaved, and the next save stores it with the new status (it
// vanished: the form was reloaded from the file).
func TestStatusChangeKeepsTypedTitle(t *testing.T) {
	s, st := newScreen(t)
	m := firstWithStatus(t, s, model.StatusPagar)
	s.Select(m.ID)
	e := s.Editor
	e.Title.SetText(m.Title + " – nytt navn")
	typed := e.Title.Text
	e.StartTransition(model.StatusUtfort)
	test.Tap(e.Confirm)
	if msg := e.TransErr.Messages(); msg != "" {
		t.Fatalf("refused: %s", msg)
	}
	got, _ := st.Measure(m.ID)
	if got.Status != model.StatusUtfort || got.Title != m.Title {
		t.Fatalf("stored %q %s, want the old title and utført", got.Title, got.Status)
	}
	if e.Title.Text != typed || !e.Dirty() {
		t.Fatalf("title on screen %q (dirty %v), want the typed %q still unsaved", e.Title.Text, e.Dirty(), typed)
	}
	test.Tap(e.Save)
	got, _ = st.Measure(m.ID)
	if got.Title != typed || got.Status != model.StatusUtfort || e.Dirty() {
		t.Errorf("after save: %q %s dirty %v", got.Title, got.Status, e.Dirty())
	}
}

// A postponement sets the deadline; the form shows the stored one, while
// a responsible being typed stays.
func TestPostponeShowsNewDeadlineKeepsTyped(t *testing.T) {
	s, st := newScreen(t)
	m := firstWithStatus(t, s, model.StatusPagar)
	s.Select(m.ID)
	e := s.Editor
	e.Responsible.SetText("Verneombudet")
	e.StartTransition(model.StatusUtsatt)
	e.NewDeadline.SetText("31.03.2027")
	test.Tap(e.Confirm)
	if msg := e.TransErr.Messages(); msg != "" {
		t.Fatalf("refused: %s", msg)
	}
	got, _ := st.Measure(m.ID)
	if got.Deadline != model.NewDate(2027, 3, 31) || got.Responsible != m.Responsible {
		t.Fatalf("stored %s %q", got.Deadline, got.Responsible)
	}
	if e.Deadline.Text != "31.03.2027" || e.Responsible.Text != "Verneombudet" {
		t.Errorf("form shows deadline %q responsible %q", e.Deadline.Text, e.Responsible.Text)
	}
}

// firstWithStatus is the first measure on s with status; the test fails
// if the demo has none.
func firstWithStatus(t *testing.T, s *Screen, status model.Status) model.Measure {
	t.Helper()
	for _, x := range s.all {
		if x.Status == status {
			return x
		}
	}
	t.Fatalf("no measure with status %s in the demo", status)
	return model.Measure{}
}
