package vold

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/uitest"
)

var screenshotDir = flag.String("screenshots", "", "write PNGs of the tabs at 1024×768 in Møtemodus into this folder")

type fixture struct {
	s    *Screen
	st   *storage.Store
	env  *appctx.Env
	w    fyne.Window
	path string
}

// open builds the screen on a file: the demo unit, or an empty unit.
func open(t *testing.T, demo bool, meeting bool) fixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool("motemodus", meeting)
	var path string
	if demo {
		path = uitest.DemoFile(t)
	} else {
		path = filepath.Join(t.TempDir(), "tom.db")
		st, err := storage.Create(path, model.Unit{Name: "Lia sykehjem", Municipality: "Eksempel kommune", Sector: model.SectorSykehjem, Employees: 40},
			storage.Options{NoBackup: true, User: "Test"})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
	st, err := storage.Open(path, storage.Options{NoBackup: true, User: "Test"})
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
	return fixture{s, st, env, w, path}
}

func TestWalkEightFactorsFromKeyboard(t *testing.T) {
	f := open(t, false, false)
	f.s.Tabs.Select(f.s.MappingTab)
	v := f.s.Mapping
	c := f.w.Canvas()
	if v.Step() != 0 || v.FactorTitle.Text != model.ViolenceFactor(1).Label() || !v.Prev.Disabled() {
		t.Fatalf("starts at step %d %q", v.Step(), v.FactorTitle.Text)
	}
	// Tab order reaches every field of the step: answer, situations,
	// groups, notes, probability, consequence.
	c.Focus(v.Answer)
	test.Type(v.Answer, "Uklart hvem som tar de krevende beboerne")
	c.FocusNext()
	if c.Focused() != v.Situations {
		t.Fatalf("Tab from the answer went to %T", c.Focused())
	}
	test.Type(v.Situations, "Morgenstell")
	c.FocusNext()
	test.Type(c.Focused(), "nattevakter")
	if v.Groups.Text != "nattevakter" {
		t.Fatalf("third field is not Utsatte grupper: %q", v.Groups.Text)
	}
	c.FocusNext()
	test.Type(c.Focused(), "merknad")
	if v.Notes.Text != "merknad" {
		t.Fatal("fourth field is not the notes")
	}
	// Rate from the keyboard: → steps through the scale.
	c.FocusNext()
	if c.Focused() != v.P {
		t.Fatalf("Tab after the notes went to %T, want the probability", c.Focused())
	}
	for range 4 {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	c.FocusNext()
	if c.Focused() != v.C {
		t.Fatalf("Tab after the probability went to %T", c.Focused())
	}
	for range 3 {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if !strings.Contains(v.Risk.Text, "4 × 3 = 12 – Høy (H)") {
		t.Errorf("risk %q", v.Risk.Text)
	}
	// Next factor from a text field (Ctrl+Page Down) and with the Next
	// button (Space).
	c.Focus(v.Answer)
	v.Answer.TypedShortcut(NextStepShortcut)
	if v.Step() != 1 || v.Answer.Text != "" || v.FactorTitle.Text != model.ViolenceFactor(2).Label() {
		t.Fatalf("Ctrl+Page Down: step %d, answer %q", v.Step(), v.Answer.Text)
	}
	c.Focus(v.Next)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if v.Step() != 2 {
		t.Fatalf("Space on Neste: step %d", v.Step())
	}
	seen := map[string]bool{}
	for v.Step() < 8 {
		seen[v.FactorTitle.Text] = true
		c.Focus(v.Groups)
		v.Groups.TypedShortcut(NextStepShortcut)
	}
	if len(seen) != 6 || v.FactorTitle.Text != "Samlet vurdering" || !v.Next.Disabled() || v.factorOnly[1].Visible() {
		t.Fatalf("walk ended at %q, %d factors seen, groups visible %v", v.FactorTitle.Text, len(seen), v.factorOnly[1].Visible())
	}
	// The combined step: start from the highest factor.
	test.Tap(v.Suggest)
	if v.P.SelectedIndex() != 4 || v.C.SelectedIndex() != 3 {
		t.Errorf("suggested %d×%d", v.P.SelectedIndex(), v.C.SelectedIndex())
	}
	c.Focus(v.Answer)
	test.Type(v.Answer, "Alenearbeid på natt med vikarer")
	v.Answer.TypedShortcut(PrevStepShortcut)
	if v.Step() != 7 {
		t.Fatalf("Ctrl+Page Up: step %d", v.Step())
	}
	// Back on factor 1, what was typed is still there.
	v.GoTo(0)
	if v.Answer.Text != "Uklart hvem som tar de krevende beboerne" || v.Groups.Text != "nattevakter" || v.P.SelectedIndex() != 4 {
		t.Fatalf("factor 1 lost: %q %q %d", v.Answer.Text, v.Groups.Text, v.P.SelectedIndex())
	}
	test.Tap(v.Save)
	if v.Err.Label.Visible() {
		t.Fatalf("save refused: %s", v.Err.Messages())
	}
	m, found, _ := f.st.ViolenceMapping()
	a, _ := m.Factor(1)
	if !found || a.Probability != 4 || a.Consequence != 3 || a.Situations != "Morgenstell" || m.Combined.Assessment != "Alenearbeid på natt med vikarer" ||
		m.Combined.Probability != 4 || m.Level(model.FactorCombined) != model.RiskHigh {
		t.Fatalf("stored %+v", m)
	}
	// The status tab follows.
	if st := statusOf(f, model.DutyMapping); !st.Documented || st.LastDone != uitest.Today {
		t.Errorf("mapping status %+v", st)
	}
}

func TestAddMeasureShowsInActionPlan(t *testing.T) {
	f := open(t, false, false)
	v := f.s.Mapping
	v.GoTo(2) // factor 3, alenearbeid
	test.Type(v.Answer, "Nattevakt alene på skjermet avdeling")
	v.P.SetSelectedIndex(3)
	v.C.SetSelectedIndex(4)
	test.Type(v.MeasureTitle, "Personalarm med lokalisering")
	test.Type(v.MeasureResp, "Leder")
	// Without a point: refused, nothing stored.
	test.Tap(v.AddMeasure)
	if !strings.Contains(v.MeasureErr.Messages(), "punkt") {
		t.Fatalf("no point: %q", v.MeasureErr.Messages())
	}
	if ms, _ := f.st.Measures(); len(ms) != 0 {
		t.Fatal("measure stored without a point")
	}
	v.MeasurePoint.SetSelectedIndex(2) // tilkalle hjelp
	test.Tap(v.AddMeasure)
	if v.MeasureErr.Label.Visible() {
		t.Fatalf("refused: %s", v.MeasureErr.Messages())
	}
	ms, _ := f.st.Measures()
	if len(ms) != 1 || ms[0].Source.Kind != model.SourceViolenceThreats || ms[0].Source.RefID != 3 || ms[0].Title != "Personalarm med lokalisering" {
		t.Fatalf("plan %+v", ms)
	}
	m, _, _ := f.st.ViolenceMapping()
	if len(m.Measures) != 1 || m.Measures[0].Point != model.PointCallHelp || m.Measures[0].Factor != 3 {
		t.Fatalf("links %+v", m.Measures)
	}
	if !uitest.HasText(v.Measures, "Personalarm med lokalisering") || !uitest.HasText(v.Measures, "tilkalle hjelp") {
		t.Error("measure not listed under the factor")
	}
	// In the action plan, with its source.
	plan := handlingsplan.New(f.env)
	found := false
	for _, x := range plan.Shown() {
		found = found || (x.ID == ms[0].ID && x.Source.Label() == "Vold og trusler: 3. Alenearbeid")
	}
	if !found {
		t.Fatal("measure not in the action plan")
	}
	// The plan's source link opens factor 3 here.
	if appctx.SourcePages[string(model.SourceViolenceThreats)] != PageID {
		t.Fatal("source page not registered")
	}
	f.env.Open(PageID, appctx.Focus{ParentID: ms[0].Source.ParentID, ID: ms[0].Source.RefID})
	obj := Page().Build(f.env)
	if obj == nil {
		t.Fatal("no page")
	}
	// The status counts the measure.
	if st := statusOf(f, model.DutyMeasures); !st.Documented {
		t.Errorf("measures status %+v", st)
	}
}

func TestFocusOpensFactor(t *testing.T) {
	f := open(t, true, false)
	f.s.Focus(appctx.Focus{ParentID: f.s.Data().Mapping.ID, ID: 5})
	if f.s.Tabs.Selected() != f.s.MappingTab || f.s.Mapping.Step() != 4 {
		t.Fatalf("tab %v step %d", f.s.Tabs.Selected().Text, f.s.Mapping.Step())
	}
	f.s.Focus(appctx.Focus{ParentID: f.s.Data().Mapping.ID, ID: 0})
	if f.s.Mapping.Step() != 8 {
		t.Fatalf("combined: step %d", f.s.Mapping.Step())
	}
}

func TestBadInputKeepsTextAndFile(t *testing.T) {
	f := open(t, false, false)
	v := f.s.Mapping
	before, _ := f.st.Changes(0)
	test.Type(v.Answer, "Svar som skal bli stående")
	v.Date.SetText("32.13.2026")
	test.Tap(v.Save)
	if !strings.Contains(v.Err.Messages(), model.FieldMappingDate) {
		t.Errorf("bad date message %q", v.Err.Messages())
	}
	v.Date.SetText("24.11.2026")
	v.Groups.SetText("nattevakt 01010012356")
	v.P.SetSelectedIndex(3) // only probability: consequence missing
	test.Tap(v.Save)
	for _, want := range []string{model.FieldGroups, "fødselsnummer", "Faktor 1", model.FieldConsequence} {
		if !strings.Contains(v.Err.Messages(), want) {
			t.Errorf("message %q lacks %q", v.Err.Messages(), want)
		}
	}
	if v.Answer.Text != "Svar som skal bli stående" || v.Groups.Text != "nattevakt 01010012356" || v.Date.Text != "24.11.2026" {
		t.Error("typed text lost")
	}
	if _, found, _ := f.st.ViolenceMapping(); found {
		t.Error("invalid mapping stored")
	}
	if after, _ := f.st.Changes(0); len(after) != len(before) {
		t.Error("refused save logged")
	}
	// Training: bad count and future date.
	tv := f.s.Training
	test.Type(tv.Topic, "Alarmøvelse")
	tv.Count.SetText("mange")
	tv.Date.SetText("01.01.2030")
	test.Tap(tv.Save)
	if !strings.Contains(tv.Err.Messages(), model.FieldTrainingCount) {
		t.Errorf("training message %q", tv.Err.Messages())
	}
	tv.Count.SetText("8")
	test.Tap(tv.Save)
	if !strings.Contains(tv.Err.Messages(), "frem i tid") || !strings.Contains(tv.Err.Messages(), "Velg type") {
		t.Errorf("training message %q", tv.Err.Messages())
	}
	if tv.Topic.Text != "Alarmøvelse" {
		t.Error("training topic lost")
	}
	if ts, _ := f.st.ViolenceTrainings(); len(ts) != 0 {
		t.Error("invalid training stored")
	}
	// Information without who.
	rv := f.s.Routines
	rv.InfoMethod.SetSelectedIndex(0)
	test.Tap(rv.AddInfo)
	if !strings.Contains(rv.InfoErr.Messages(), "Kryss av") {
		t.Errorf("information message %q", rv.InfoErr.Messages())
	}
	if r, _ := f.st.ViolenceRoutines(); r.ID != 0 {
		t.Error("invalid routines stored")
	}
}

func TestTrainingLogAndOverdue(t *testing.T) {
	f := open(t, true, false)
	tv := f.s.Training
	if !strings.Contains(tv.OverdueInfo.Text, "Gjentakelse forfalt") || tv.OverdueInfo.Importance != widget.DangerImportance {
		t.Fatalf("overdue info %q", tv.OverdueInfo.Text)
	}
	flagged := false
	for i := range tv.Shown() {
		text, imp := tv.RowText(i)
		if strings.Contains(text, "Gjentakelse forfalt") {
			flagged = imp == widget.DangerImportance
		}
	}
	if !flagged {
		t.Error("no row flagged as overdue")
	}
	// Repeating the drill today clears it.
	n := len(model.OverdueTrainings(f.s.Data().Trainings, uitest.Today))
	over := model.OverdueTrainings(f.s.Data().Trainings, uitest.Today)[0]
	test.Tap(tv.NewButton)
	test.Type(tv.Topic, over.Topic)
	tv.Kind.SetSelectedIndex(1)
	test.Type(tv.Count, "9")
	test.Tap(tv.Save)
	if tv.Err.Label.Visible() {
		t.Fatalf("refused: %s", tv.Err.Messages())
	}
	if got := len(model.OverdueTrainings(f.s.Data().Trainings, uitest.Today)); got != n-1 {
		t.Errorf("%d overdue after repeating, want %d", got, n-1)
	}
	// The dashboard card flags overdue repetition.
	card := Card(f.env)
	if n > 1 && !uitest.HasText(card, "Gjentakelse forfalt") {
		t.Error("card does not flag overdue training")
	}
	if !uitest.HasText(card, "plikter i orden") {
		t.Error("card summary missing")
	}
}

func TestIncidentDescriptionsHiddenInMeetingMode(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		f := open(t, true, meeting)
		iv := f.s.Incidents
		var desc string
		for _, d := range f.s.Data().Incidents {
			if d.Date.Year() == uitest.Today.Year() && d.WhatHappened != "" {
				desc = d.WhatHappened
				break
			}
		}
		if desc == "" {
			t.Fatal("the demo has no incidents this year")
		}
		fig := iv.YearFigures()
		if fig.Total == 0 || !uitest.HasText(iv.Figures, "hendelser i 2026") {
			t.Fatalf("figures %+v", fig)
		}
		if got := uitest.HasText(iv.List, desc); got == meeting {
			t.Errorf("Møtemodus %v: description shown %v", meeting, got)
		}
		if meeting && !uitest.HasText(iv.List, "Skjult i møtemodus") {
			t.Error("no hint that the text is hidden")
		}
	}
}

func TestSeriousIncidentReminder(t *testing.T) {
	f := open(t, true, false)
	f.s.data.Incidents = append(f.s.data.Incidents, model.Deviation{Date: uitest.Today, Category: model.DevViolence,
		Type: model.TypeIncident, Severity: model.SeverityVerySerious, ViolenceType: model.ViolencePhysical})
	f.s.Incidents.SetYear(2026)
	if !f.s.Incidents.Reminder.Visible() || !strings.Contains(f.s.Incidents.Reminder.Text, "Arbeidstilsynet") {
		t.Errorf("reminder %q", f.s.Incidents.Reminder.Text)
	}
}

// TestSeriousInjuryReminderAtAlvorlig: the reminder follows the harm
// recorded, at alvorlig too, and names death.
func TestSeriousInjuryReminderAtAlvorlig(t *testing.T) {
	f := open(t, true, false)
	f.s.data.Incidents = append(f.s.data.Incidents, model.Deviation{Date: uitest.Today, Category: model.DevViolence,
		Type: model.TypeIncident, Severity: model.SeveritySerious, PersonHarm: model.HarmSerious, ViolenceType: model.ViolencePhysical})
	f.s.Incidents.SetYear(model.HMSYear(uitest.Today.Year()))
	if !f.s.Incidents.Reminder.Visible() || !strings.Contains(f.s.Incidents.Reminder.Text, "dødsfall eller alvorlig personskade") {
		t.Errorf("reminder %q", f.s.Incidents.Reminder.Text)
	}
	if !uitest.HasText(f.s.Incidents.List, "Alvorlig · Alvorlig personskade") {
		t.Error("the incident row does not show the harm")
	}
}

// TestStatusStartsAtGeneralDuty: the status tab starts at § 3A-1 and says
// it is documented by the other duties together.
func TestStatusStartsAtGeneralDuty(t *testing.T) {
	f := open(t, true, false)
	st := f.s.Status.Statuses
	if len(st) != 6 || st[0].Duty != model.DutyGeneral || st[1].Duty != model.DutyMapping {
		t.Fatalf("status rows %v", st)
	}
	texts := uitest.Texts(f.s.StatusTab.Content)
	first := -1
	for i, s := range texts {
		if strings.Contains(s, "§ 3A-1") && first < 0 && !strings.Contains(s, "kap. 3A") {
			first = i
		}
	}
	if first < 0 || !strings.Contains(strings.Join(texts[first:first+2], " "), model.GeneralDutyBasis()) {
		t.Errorf("no § 3A-1 row with its basis: %q", texts)
	}
	for i, s := range texts {
		if strings.Contains(s, "§ 3A-2") && i < first {
			t.Errorf("§ 3A-2 before § 3A-1: %q", s)
		}
	}
}

func TestPDF(t *testing.T) {
	f := open(t, true, false)
	in, err := f.s.ReportInput()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "vold.pdf")
	if err := pdfexport.Write(path, func() *reports.Document { return reports.ViolenceReport(in, reports.Options{}) }); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
		t.Fatalf("pdf %v %v", st, err)
	}
}

// TestFitsProjector renders every tab in Møtemodus at 1024×768 beside a
// sidebar as the shell's (a fifth of the width), and checks the content
// fits. With -screenshots DIR it writes PNGs to look at.
func TestFitsProjector(t *testing.T) {
	f := open(t, true, true)
	nav := widget.NewList(func() int { return 8 }, func() fyne.CanvasObject { return widget.NewLabel("Handlingsplan") }, func(widget.ListItemID, fyne.CanvasObject) {})
	split := container.NewHSplit(nav, f.s.Content())
	split.Offset = 0.2
	f.w.SetContent(split)
	f.w.Resize(fyne.NewSize(1024, 768))
	for _, tab := range f.s.Tabs.Items {
		f.s.Tabs.Select(tab)
		if min := f.w.Content().MinSize(); min.Width > 1024 {
			t.Errorf("%s: needs %.0f px wide in Møtemodus", tab.Text, min.Width)
		}
		if *screenshotDir == "" {
			continue
		}
		img := f.w.Canvas().Capture()
		out, err := os.Create(filepath.Join(*screenshotDir, "vold-"+strings.ToLower(tab.Text)+"-motemodus.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(out, img); err != nil {
			t.Fatal(err)
		}
		out.Close()
	}
}

// A tab's content joins the page when the tab is first shown, and a
// focus request that opens a tab shows its content.
func TestTabsShowContentWhenSelected(t *testing.T) {
	f := open(t, true, false)
	shown := func(tab *container.TabItem) bool {
		return len(tab.Content.(*fyne.Container).Objects) == 1
	}
	const incidentsText = "registreres i avviksregisteret"
	if !shown(f.s.StatusTab) || shown(f.s.EventTab) || shown(f.s.TrainingTab) || uitest.HasText(f.s.EventTab.Content, incidentsText) {
		t.Fatal("only the status tab should be laid out at first")
	}
	f.s.Tabs.Select(f.s.EventTab)
	if !shown(f.s.EventTab) || !uitest.HasText(f.s.EventTab.Content, incidentsText) {
		t.Error("the incidents tab is empty after selecting it")
	}
	f.s.Focus(appctx.Focus{Filter: "opplaering"})
	if f.s.Tabs.Selected() != f.s.TrainingTab || !shown(f.s.TrainingTab) {
		t.Error("the training focus did not show its tab")
	}
	f.s.Tabs.Select(f.s.StatusTab)
	f.s.Tabs.Select(f.s.EventTab)
	if got := f.s.EventTab.Content.(*fyne.Container).Objects; len(got) != 1 {
		t.Errorf("selecting a tab again must keep its one content, got %d objects", len(got))
	}
}

// statusOf is the status tab's row for duty d.
func statusOf(f fixture, d model.ViolenceDuty) model.ViolenceDutyStatus {
	for _, st := range f.s.Status.Statuses {
		if st.Duty == d {
			return st
		}
	}
	return model.ViolenceDutyStatus{}
}

// TestNoInputLostViolence: text typed in the mapping and the routines asks
// before the page is left; Forkast puts back what is stored, Lagre stores it.
func TestNoInputLostViolence(t *testing.T) {
	f := open(t, false, false)
	env, s := f.env, f.s
	if s.Dirty() {
		t.Fatal("an untouched page counts as changed")
	}
	left := 0
	leave := func() { env.Leave(func() { left++ }, nil) }
	f.s.Tabs.Select(f.s.MappingTab)
	s.Mapping.Answer.SetText("")
	test.Type(s.Mapping.Answer, "Svar som ikke er lagret")
	k := model.RoutineKinds()[0]
	s.Routines.Where[k].SetText("")
	test.Type(s.Routines.Where[k], "Personalhåndboka kap. 9")
	leave()
	p := env.Guard.Prompt()
	if p == nil || left != 0 {
		t.Fatal("left the typed mapping and routines without asking")
	}
	test.Tap(p.Discard)
	d, _ := f.st.ViolenceData()
	if left != 1 || s.Dirty() || s.Routines.Where[k].Text != d.Routines.Routine(k).Where {
		t.Fatalf("Forkast: left %d, dirty %v", left, s.Dirty())
	}
	test.Type(s.Mapping.Answer, "Svar som lagres")
	test.Type(s.Routines.Where[k], "Kap. 9 ")
	leave()
	test.Tap(env.Guard.Prompt().Save)
	d, _ = f.st.ViolenceData()
	if left != 2 || d.Routines.Routine(k).Where != "Kap. 9" {
		t.Errorf("Lagre: left %d, routine where %q", left, d.Routines.Routine(k).Where)
	}
	found := false
	for _, fa := range d.Mapping.Factors {
		found = found || strings.HasPrefix(fa.Answer, "Svar som lagres")
	}
	if !found {
		t.Errorf("the mapping answer was not stored: %s", s.Mapping.Err.Messages())
	}

	// A training typed but not saved: «Ny opplæring» asks; Lagre stores it.
	tr := s.Training
	test.Type(tr.Topic, "Alarmøvelse natt")
	tr.Kind.SetSelectedIndex(0)
	test.Tap(tr.NewButton)
	p = env.Guard.Prompt()
	if p == nil {
		t.Fatal("a new training replaced the typed one without asking")
	}
	test.Tap(p.Cancel)
	if tr.Topic.Text != "Alarmøvelse natt" {
		t.Fatalf("Avbryt lost the topic: %q", tr.Topic.Text)
	}
	// Refused (no count): stays with the message.
	test.Tap(tr.NewButton)
	test.Tap(env.Guard.Prompt().Save)
	if tr.Topic.Text != "Alarmøvelse natt" || !strings.Contains(tr.Err.Messages(), "Antall deltakere") {
		t.Fatalf("a refused Lagre: topic %q, message %q", tr.Topic.Text, tr.Err.Messages())
	}
	test.Type(tr.Count, "12")
	test.Tap(tr.NewButton)
	test.Tap(env.Guard.Prompt().Save)
	d, _ = f.st.ViolenceData()
	if len(d.Trainings) != 1 || d.Trainings[0].Topic != "Alarmøvelse natt" || tr.Topic.Text != "" {
		t.Errorf("Lagre: %d trainings, form topic %q: %s", len(d.Trainings), tr.Topic.Text, tr.Err.Messages())
	}
}

// TestOverdueDrillListedOnce: the dashboard card and the status tab name
// an overdue drill once each. The training duty's line used to repeat
// the first overdue repetition, which the card then listed again.
func TestOverdueDrillListedOnce(t *testing.T) {
	f := open(t, true, false)
	over := model.OverdueTrainings(f.s.Data().Trainings, uitest.Today)
	if len(over) == 0 {
		t.Fatal("the demo has no overdue repetition")
	}
	count := func(o fyne.CanvasObject, sub string) int {
		n := 0
		for _, s := range uitest.Texts(o) {
			n += strings.Count(s, sub)
		}
		return n
	}
	card := Card(f.env)
	for _, tr := range over {
		if n := count(card, tr.Topic); n != 1 {
			t.Errorf("the card names %q %d times, want once: %q", tr.Topic, n, uitest.Texts(card))
		}
		if n := count(f.s.Status.Content(), tr.Topic); n != 1 {
			t.Errorf("the status tab names %q %d times, want once", tr.Topic, n)
		}
	}
}
