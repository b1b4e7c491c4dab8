package sykefravar

import (
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/uitest"
)

var screenshotDir = flag.String("screenshots", "", "write PNGs of the sick-leave page at 1024×768, normal and Møtemodus, into this folder")

// newEnv opens the demo unit (a nursing home whose sick leave fires each
// follow-up rule once) in a test window.
func newEnv(t *testing.T, meeting bool) (*appctx.Env, fyne.Window, *storage.Store) {
	return uitest.NewEnv(t, meeting)
}

func newScreen(t *testing.T) (*Screen, *storage.Store) {
	t.Helper()
	env, w, st := newEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1024, 768))
	return s, st
}

// snapshot is what must not change when input is refused.
func snapshot(t *testing.T, st *storage.Store) ([]model.SickLeaveQuarter, int) {
	t.Helper()
	qs, err := st.SickLeaveQuarters()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := st.Changes(0)
	if err != nil {
		t.Fatal(err)
	}
	return qs, len(cs)
}

func TestEnterQuarterFromKeyboard(t *testing.T) {
	s, st := newScreen(t)
	before, _ := snapshot(t, st)
	test.Tap(s.Form.New)
	f := s.Form
	if f.Quarter.Text != "2026-K4" {
		t.Errorf("new quarter proposes %q, want the one after the latest (2026-K4)", f.Quarter.Text)
	}
	f.Quarter.SetText("")
	test.Type(f.Quarter, "2026-k4")
	test.Type(f.Total, "7.4")
	test.Type(f.Self, "1,2 %")
	test.Type(f.DoctorLong, "0")
	test.Type(f.Employees, "86")
	test.Tap(f.Save)
	if f.Err.Label.Visible() {
		t.Fatalf("refused: %s", f.Err.Label.Text)
	}
	after, _ := snapshot(t, st)
	if len(after) != len(before)+1 {
		t.Fatalf("%d quarters, want %d", len(after), len(before)+1)
	}
	got := after[len(after)-1]
	if got.Quarter != (model.Quarter{Year: 2026, Q: 4}) || got.Total != 740 || got.SelfCertified == nil || *got.SelfCertified != 120 ||
		got.DoctorShort != nil || got.DoctorLong == nil || *got.DoctorLong != 0 || got.Employees != 86 || got.AgreedDays != 0 {
		t.Errorf("stored %+v", got)
	}
	if q := s.Quarters()[0]; q.ID != got.ID {
		t.Errorf("table's first row is %s, want the new quarter", q.Quarter)
	}
	if text, _ := s.CellText(0, 5); text != "92,6 %" {
		t.Errorf("nærvær cell %q", text)
	}
	if !strings.Contains(f.Saved.Text, "2026-K4") {
		t.Errorf("saved message %q", f.Saved.Text)
	}

	// The same quarter typed again replaces its figures once confirmed,
	// and says so.
	test.Tap(f.New)
	f.Quarter.SetText("2026-K4")
	f.Total.SetText("7,5")
	test.Tap(f.Save)
	if f.Replace == nil || !f.Replace.Open() {
		t.Fatal("saving over 2026-K4 did not ask")
	}
	f.Replace.Buttons[len(f.Replace.Buttons)-1].OnTapped() // Erstatt
	again, _ := snapshot(t, st)
	if len(again) != len(after) || again[len(again)-1].Total != 750 || again[len(again)-1].SelfCertified != nil {
		t.Errorf("replacing: %+v", again[len(again)-1])
	}
	if !strings.Contains(f.Saved.Text, "7,4 %") {
		t.Errorf("replace message %q", f.Saved.Text)
	}
}

func TestBadPercentKeepsTextAndFile(t *testing.T) {
	s, st := newScreen(t)
	qsBefore, changesBefore := snapshot(t, st)
	test.Tap(s.Form.New)
	f := s.Form
	test.Type(f.Total, "7,4,1")
	test.Type(f.Self, "9")
	test.Type(f.Employees, "mange")
	test.Tap(f.Save)
	msg := f.Err.Label.Text
	for _, want := range []string{"Sykefravær totalt må være et tall fra 0 til 100", "Ansatte må være et helt tall"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if f.Total.Text != "7,4,1" || f.Self.Text != "9" || f.Employees.Text != "mange" {
		t.Error("typed text lost")
	}
	// Parts above the total, and a quarter not yet begun.
	f.Total.SetText("7,4")
	f.Employees.SetText("")
	f.Quarter.SetText("2027-K2")
	test.Tap(f.Save)
	msg = f.Err.Label.Text
	for _, want := range []string{"Egenmeldt (9,0 %) er høyere enn sykefravær totalt (7,4 %)", "2027-K2 har ikke begynt"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	qsAfter, changesAfter := snapshot(t, st)
	if !reflect.DeepEqual(qsBefore, qsAfter) || changesAfter != changesBefore {
		t.Error("refused input changed the database")
	}
}

func TestCalculateFromDays(t *testing.T) {
	s, _ := newScreen(t)
	f := s.Form
	test.Tap(f.New)
	f.AgreedDays.SetText("5 000")
	f.SickDays.SetText("370,5")
	test.Tap(f.Calc)
	if f.Total.Text != "7,41" {
		t.Errorf("calculated %q", f.Total.Text)
	}
	f.AgreedDays.SetText("")
	test.Tap(f.Calc)
	if !strings.Contains(f.Err.Label.Text, "Avtalte dagsverk") {
		t.Errorf("message %q", f.Err.Label.Text)
	}
}

const goodCSV = "kvartal;sykefravær totalt;egenmeldt\n2026-K3;6,5;1,0\n2026-K4;7,0;1,1\n"

func TestImportPreviewRefusesABadLine(t *testing.T) {
	s, st := newScreen(t)
	qsBefore, changesBefore := snapshot(t, st)
	im := s.Import
	im.Load("hr.csv", strings.NewReader("kvartal;sykefravær totalt;egenmeldt\n2026-K3;6,5;1,0\n2026-K4;7,4,1;1\n"))
	if !im.Import.Disabled() {
		t.Fatal("Importer enabled for a file with a bad line")
	}
	if len(im.Errors()) != 1 || im.Errors()[0].Line != 3 {
		t.Fatalf("errors %v", im.Errors())
	}
	if text, _ := im.CellText(0, 2); !strings.Contains(text, "Sykefravær totalt må være et tall") {
		t.Errorf("preview error cell %q", text)
	}
	if !uitest.HasText(im.Problems, "Linje 3, kolonne «sykefravær totalt»: Sykefravær totalt må være et tall") {
		t.Errorf("problems shown: %q", uitest.Texts(im.Problems))
	}
	if !strings.Contains(im.File.Text, "hr.csv har feil på linje 3.") {
		t.Errorf("file summary %q", im.File.Text)
	}
	im.DoImport() // refused even if called
	qsAfter, changesAfter := snapshot(t, st)
	if !reflect.DeepEqual(qsBefore, qsAfter) || changesAfter != changesBefore {
		t.Fatal("a bad file changed the database")
	}

	im.Load("hr.csv", strings.NewReader(goodCSV))
	if im.Import.Disabled() || len(im.Preview()) != 2 {
		t.Fatalf("good file: disabled=%v preview %d", im.Import.Disabled(), len(im.Preview()))
	}
	if text, _ := im.CellText(0, 3); !strings.HasPrefix(text, "Erstatter") {
		t.Errorf("2026-K3 exists in the demo: %q", text)
	}
	if text, _ := im.CellText(1, 3); text != "Ny" {
		t.Errorf("2026-K4 is new: %q", text)
	}
	test.Tap(im.Import)
	if im.Err.Label.Visible() {
		t.Fatal(im.Err.Label.Text)
	}
	qsAfter, changesAfter = snapshot(t, st)
	if len(qsAfter) != len(qsBefore)+1 || changesAfter != changesBefore+2 {
		t.Errorf("after import: %d quarters (was %d), %d changes (was %d)", len(qsAfter), len(qsBefore), changesAfter, changesBefore)
	}
	if !strings.Contains(im.Result.Text, "2 kvartaler: 1 nye, 1 erstattet") {
		t.Errorf("result %q", im.Result.Text)
	}
	if s.Quarters()[0].Quarter != (model.Quarter{Year: 2026, Q: 4}) {
		t.Error("table not reloaded")
	}
}

func TestExampleFileImports(t *testing.T) {
	s, _ := newScreen(t)
	f, err := os.Open("../../testdata/sykefravar-eksempel.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s.Import.Load("sykefravar-eksempel.csv", f)
	if s.Import.Import.Disabled() || len(s.Import.Preview()) != 6 {
		t.Fatalf("example file: %v", s.Import.Errors())
	}
}

func TestAlertCreatesMeasures(t *testing.T) {
	s, st := newScreen(t)
	alerts := s.FollowUpAlerts()
	if len(alerts) != 2 {
		t.Fatalf("demo alerts: %+v", alerts)
	}
	if !uitest.HasText(s.Alerts, "Over 10,0 % i ") || !uitest.HasText(s.Alerts, "Opprett tiltak") {
		t.Errorf("alerts not shown: %q", uitest.Texts(s.Alerts))
	}
	before, _ := st.Measures()
	var bht int
	for i, a := range alerts {
		if a.Rule == model.RuleOneQuarterBHT {
			bht = i
		}
	}
	a := alerts[bht]
	d := s.ShowMeasureDialog(bht)
	d.Responsible.SetText("Leder og BHT")
	d.Checks[2].SetChecked(false)
	test.Tap(d.Create)
	if d.Err.Label.Visible() {
		t.Fatal(d.Err.Label.Text)
	}
	after, _ := st.Measures()
	if len(after) != len(before)+2 {
		t.Fatalf("%d measures, want %d", len(after), len(before)+2)
	}
	for _, m := range after[len(before):] {
		if m.Source.Kind != model.SourceSickLeave || m.Source.RefLabel != a.RefLabel() || m.Responsible != "Leder og BHT" ||
			m.Source.RefID != s.recordID(a.Last()) || m.Source.RefID == 0 || m.Deadline != uitest.Today.AddMonths(2) {
			t.Errorf("measure %+v", m)
		}
	}
	if !strings.Contains(after[len(before)].Source.RefLabel, a.Quarters[0].String()) {
		t.Errorf("source label %q does not name the quarter", after[len(before)].Source.RefLabel)
	}
	if !uitest.HasText(s.Alerts, "Tiltak er lagt inn i handlingsplanen.") {
		t.Error("alert does not say its measures exist")
	}
	// No measures chosen: refused, nothing stored.
	two := 1 - bht
	d = s.ShowMeasureDialog(two)
	for _, c := range d.Checks {
		c.SetChecked(false)
	}
	test.Tap(d.Create)
	if !strings.Contains(d.Err.Label.Text, "Velg minst ett tiltak") {
		t.Errorf("message %q", d.Err.Label.Text)
	}
	d.Checks[0].SetChecked(true)
	d.Deadline.SetText("31.02.2027")
	test.Tap(d.Create)
	if !strings.Contains(d.Err.Label.Text, "Frist") {
		t.Errorf("bad deadline message %q", d.Err.Label.Text)
	}
	if ms, _ := st.Measures(); len(ms) != len(after) {
		t.Error("refused measures stored")
	}
}

func TestSettingsForm(t *testing.T) {
	s, st := newScreen(t)
	f := s.Limits
	if f.Target.Text != "5,2" || f.TwoLimit.Text != "7" && f.TwoLimit.Text != "7,0" || f.OneLim.Text != "10,0" && f.OneLim.Text != "10" {
		t.Errorf("defaults shown %q %q %q", f.Target.Text, f.TwoLimit.Text, f.OneLim.Text)
	}
	f.Target.SetText("7,4,")
	f.OneLim.SetText("6")
	test.Tap(f.Save)
	if !strings.Contains(f.Err.Label.Text, "Mål for sykefravær") {
		t.Errorf("message %q", f.Err.Label.Text)
	}
	f.Target.SetText("7,4")
	test.Tap(f.Save)
	if !strings.Contains(f.Err.Label.Text, "Grense for ett kvartal (med BHT) må være høyere") {
		t.Errorf("message %q", f.Err.Label.Text)
	}
	if f.Target.Text != "7,4" || f.OneLim.Text != "6" {
		t.Error("typed text lost")
	}
	if got, _ := st.SickLeaveSettings(); got != model.DefaultSickLeaveSettings() {
		t.Error("refused settings stored")
	}
	f.OneLim.SetText("10")
	// The target is the municipality's: the texts say so.
	if f.Owner.Selected != "Enheten" {
		t.Errorf("owner shown %q, want the unit by default", f.Owner.Selected)
	}
	f.Owner.SetSelected("Kommunen")
	test.Tap(f.Save)
	if got, _ := st.SickLeaveSettings(); got.Target != 740 || got.TargetSetBy != model.TargetByMunicipality {
		t.Errorf("stored %+v (%s)", got, f.Err.Label.Text)
	}
	if !strings.Contains(s.Summary.Text, "kommunens mål 7,4 %") || !strings.Contains(f.Saved.Text, "Kommunens mål 7,4 %") {
		t.Errorf("summary not updated: %q / %q", s.Summary.Text, f.Saved.Text)
	}
	if labels := strings.Join(s.Chart.Labels(), "|"); !strings.Contains(labels, "Kommunens mål 7,4 %") {
		t.Errorf("chart labels %q", labels)
	}
	if uitest.HasText(f.Content(), "nasjonale måltallet") || !uitest.HasText(f.Content(), "Det finnes ikke noe nasjonalt måltall") {
		t.Error("the help still calls the target national")
	}
	// Back to the unit's own target.
	f.Owner.SetSelected("Enheten")
	test.Tap(f.Save)
	if got, _ := st.SickLeaveSettings(); got.TargetSetBy != model.TargetByUnit || !strings.Contains(s.Summary.Text, "enhetens mål 7,4 %") {
		t.Errorf("stored %+v, summary %q", got, s.Summary.Text)
	}
}

func TestChartHasTargetAndLimitLines(t *testing.T) {
	s, _ := newScreen(t)
	labels := strings.Join(s.Chart.Labels(), "|")
	// The demo unit never saved its settings: the 5,2 % is the defaults'
	// example, not the unit's target.
	for _, want := range []string{"Eksempelmål 5,2 %", "Grense 7,0 %", "BHT 10,0 %", "2023", "2026"} {
		if !strings.Contains(labels, want) {
			t.Errorf("chart lacks %q: %s", want, labels)
		}
	}
	if !strings.Contains(s.Presence.Text, "Nærvær") || !strings.Contains(s.Presence.Text, "2026-K3") {
		t.Errorf("nærvær text %q", s.Presence.Text)
	}
}

func TestFocusOpensQuarterAndCard(t *testing.T) {
	env, w, _ := newEnv(t, false)
	qs, _ := env.Store.SickLeaveQuarters()
	target := qs[3]
	env.Open(PageID, appctx.Focus{ID: target.ID})
	o := Page().Build(env)
	w.SetContent(o)
	tabs := o.(interface{ SelectedIndex() int })
	if tabs.SelectedIndex() != TabQuarters {
		t.Errorf("tab %d, want Kvartaler", tabs.SelectedIndex())
	}
	if !uitest.HasText(o, "Endre "+target.Quarter.String()) {
		t.Error("form does not show the focused quarter")
	}
	if appctx.SourcePages[string(model.SourceSickLeave)] != PageID {
		t.Error("source page not registered")
	}
	card := Card(env)
	if !uitest.HasText(card, "Siste kvartal 2026-K3") || !uitest.HasText(card, "! Over 10,0 %") {
		t.Errorf("card: %q", uitest.Texts(card))
	}
}

// TestScreenshots renders every tab at 1024×768 in normal mode and
// Møtemodus (go test ./ui/sykefravar -run Screenshots -screenshots DIR
// writes the PNGs). The page shares the window with the sidebar (a fifth of
// the width), so it must fit in 800 px.
func TestScreenshots(t *testing.T) {
	for _, meeting := range []bool{false, true} {
		env, w, _ := newEnv(t, meeting)
		s := New(env)
		w.SetContent(s.Content())
		w.Resize(fyne.NewSize(1024, 768))
		names := []string{"oversikt", "kvartaler", "import", "maal"}
		for i, name := range names {
			s.Tabs.SelectIndex(i)
			if i == TabImport {
				s.Import.Load("hr.csv", strings.NewReader("kvartal;sykefravær totalt\n2026-K3;6,5\n2026-K4;7,4,1\n2027-K1;5\n"))
			}
			if i == TabQuarters {
				s.Open(s.Quarters()[0].ID)
			}
			shoot(t, w, name, meeting)
		}
		s.Tabs.SelectIndex(TabOverview)
		d := s.ShowMeasureDialog(0)
		shoot(t, w, "tiltak", meeting)
		test.Tap(d.Cancel)
		w.SetContent(Card(env))
		shoot(t, w, "kort", meeting)
	}
}

func shoot(t *testing.T, w fyne.Window, name string, meeting bool) {
	t.Helper()
	img := w.Canvas().Capture()
	if min := w.Content().MinSize(); min.Width > 800 {
		t.Errorf("%s (Møtemodus %v): needs %.0f px wide; with the sidebar that is more than 1024", name, meeting, min.Width)
	}
	if *screenshotDir == "" {
		return
	}
	if meeting {
		name += "-motemodus"
	}
	f, err := os.Create(filepath.Join(*screenshotDir, "sykefravar-"+name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestNoInputLostQuarter: figures typed for a new quarter ask before
// another quarter or the sidebar replaces them; Lagre stores them.
func TestNoInputLostQuarter(t *testing.T) {
	s, st := newScreen(t)
	env := s.env
	f := s.Form
	before, _ := st.SickLeaveQuarters()
	test.Type(f.Total, "6,1")
	test.Type(f.Employees, "80")
	s.Table.Select(widgetCell(1))
	p := env.Guard.Prompt()
	if p == nil {
		t.Fatal("another quarter replaced the typed figures without asking")
	}
	test.Tap(p.Cancel)
	if f.Total.Text != "6,1" || f.Employees.Text != "80" || f.editing.ID != 0 {
		t.Fatalf("Avbryt lost the figures: %q %q", f.Total.Text, f.Employees.Text)
	}
	quarter := f.Quarter.Text
	left := false
	env.Leave(func() { left = true }, nil)
	test.Tap(env.Guard.Prompt().Save)
	after, _ := st.SickLeaveQuarters()
	found := false
	for _, q := range after {
		found = found || (q.Quarter.String() == quarter && q.Employees == 80 && q.Total.Number(1) == "6,1")
	}
	if !left || !found || len(after) < len(before) {
		t.Fatalf("Lagre: left %v, %s stored %v: %s", left, quarter, found, f.Err.Label.Text)
	}
}

func widgetCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

// TestNewQuarterNeverOverwritesSilently: the blank form on opening the page
// proposes a quarter without figures, and saving a «new» quarter that is
// stored already asks first; Avbryt leaves the file byte for byte.
func TestNewQuarterNeverOverwritesSilently(t *testing.T) {
	s, st := newScreen(t)
	f := s.Form
	for _, q := range s.Quarters() {
		if q.Quarter.String() == f.Quarter.Text {
			t.Fatalf("the new-quarter form proposes %s, which is stored already", f.Quarter.Text)
		}
	}
	if f.Quarter.Text == "" {
		t.Fatal("the new-quarter form proposes no quarter")
	}
	old := s.Quarters()[0]
	fileBefore, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	f.Quarter.SetText(old.Quarter.String())
	f.Total.SetText("9,9")
	test.Tap(f.Save)
	if f.Replace == nil || !f.Replace.Open() {
		t.Fatalf("saving over %s did not ask", old.Quarter)
	}
	shoot(t, s.env.Window, "erstatte-kvartal", false)
	f.Replace.Confirm() // Enter: the safe default
	if f.Replace.Open() {
		t.Fatal("Avbryt left the question open")
	}
	fileAfter, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fileBefore, fileAfter) {
		t.Fatal("Avbryt changed the file")
	}
	if f.Total.Text != "9,9" || !s.Dirty() {
		t.Errorf("Avbryt lost the typed figures: total %q", f.Total.Text)
	}
	test.Tap(f.Save)
	f.Replace.Buttons[len(f.Replace.Buttons)-1].OnTapped() // Erstatt
	after, _ := snapshot(t, st)
	for _, q := range after {
		if q.Quarter == old.Quarter && q.Total != 990 {
			t.Errorf("Erstatt stored %s with %v, want 9,9 %%", q.Quarter, q.Total)
		}
	}
	if !strings.Contains(f.Saved.Text, "erstattet") {
		t.Errorf("saved message %q does not say the figures were replaced", f.Saved.Text)
	}
}
