package rapporter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/model/submitdemo"
	"hmsutvalg/reports"
	"hmsutvalg/ui/uitest"
)

// submissionFolder writes n generated submissions for 2025 and one bad
// file into a new folder.
func submissionFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range submitdemo.Year(submitdemo.Units(n, 1), 2025, 1, true, 0) {
		b, err := sub.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, strings.ReplaceAll(sub.Unit.Name, " ", "-")+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "kaputt.json"), []byte(`{"schema":`), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A folder of submissions with a bad file: the page names the bad file
// with its reason, and previews the figures the report has.
func TestHRFolderListsBadFileAndShowsFigures(t *testing.T) {
	s := newScreen(t)
	dir := submissionFolder(t, 12)
	s.SetFiles([]string{dir})
	s.WaitJobs()
	want := reports.AggregateFilesWith([]string{dir}, model.AggregateOptions{}, nil)
	bad := ""
	for _, p := range want.Problems {
		if filepath.Base(p.File) == "kaputt.json" {
			bad = p.Reason
		}
	}
	if bad == "" || !strings.Contains(s.Files.Text, "✗ kaputt.json: "+bad) {
		t.Errorf("bad file not named with its reason %q: %q", bad, s.Files.Text)
	}
	if !strings.Contains(s.Files.Text, "12 av 13 filer kan brukes (HMS-år 2025).") {
		t.Errorf("count: %q", s.Files.Text)
	}
	for _, kv := range reports.AggregateSummary(want) {
		if !uitest.HasText(s.Preview, kv[1]) {
			t.Errorf("preview lacks %s: %q", kv[0], kv[1])
		}
	}
	// The charts: sick leave per sector with the municipality's figure,
	// deviations, risk, 10-FAKTOR.
	for _, text := range []string{"Sykefravær 2025 per sektor", "Hele kommunen", reports.FormatNumber(want.SickLeave.Percent, 1) + " %",
		"Avvik etter kategori", "Enheter etter høyeste gjenværende risiko", "10-FAKTOR: snitt per faktor"} {
		if !uitest.HasText(s.Preview, text) {
			t.Errorf("no chart text %q in the preview", text)
		}
	}
	if s.AggBtn.Disabled() || s.CSVBtn.Disabled() || s.AttentionBtn.Disabled() || !s.CancelBtn.Hidden {
		t.Error("save buttons disabled or cancel shown after reading")
	}

	// The options are the command's --target and --min-employees.
	test.Type(s.Target, "6,5")
	if !uitest.HasText(s.Preview, "Kommunens mål 6,5 %") {
		t.Errorf("target not in the preview: %q", uitest.Texts(s.Preview))
	}
	s.MinEmployees.SetText("0")
	if !s.AggBtn.Disabled() || s.optErr.Label.Hidden {
		t.Error("a minimum of 0 is accepted")
	}
	s.MinEmployees.SetText("5")

	// The outputs are written through the atomic write, with the options.
	dir2 := t.TempDir()
	out := filepath.Join(dir2, "samlet.csv")
	s.WriteTo(out, func() ([]byte, error) { return reports.AggregateCSV(s.agg), nil }, "")
	s.WaitJobs()
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "\ufeff") {
		t.Errorf("CSV not written: %v", err)
	}
	pdf := filepath.Join(dir2, "samlet.pdf")
	build := s.Aggregate()
	s.WriteTo(pdf, func() ([]byte, error) { return build().Bytes() }, "")
	s.WaitJobs()
	if txt := uitest.PDFText(t, pdf); !strings.Contains(txt, "Kommunens mål 6,5 %") || !strings.Contains(txt, "kaputt.json") {
		t.Error("the PDF lacks the target or the bad file")
	}
	if !strings.Contains(s.Status.Text, "Lagret som samlet.pdf") {
		t.Errorf("status %q after saving", s.Status.Text)
	}
}

// Cancel while reading: nothing is aggregated, and the page can be used
// again.
func TestHRCancelWhileReading(t *testing.T) {
	s := newScreen(t)
	dir := submissionFolder(t, 8)
	release := make(chan struct{})
	reached := make(chan struct{})
	s.afterFile = func(done int) {
		if done == 3 {
			close(reached)
			<-release
		}
	}
	s.SetFiles([]string{dir})
	<-reached
	if s.CancelBtn.Hidden || !s.AggBtn.Disabled() {
		t.Error("no cancel button while reading")
	}
	test.Tap(s.CancelBtn)
	close(release)
	s.WaitJobs()
	if s.loaded || len(s.subs) != 0 || !s.AggBtn.Disabled() || len(s.Preview.Objects) != 0 {
		t.Errorf("cancelled read still aggregated: %q", s.Files.Text)
	}
	if !strings.Contains(s.Status.Text, "Avbrutt") || !s.CancelBtn.Hidden || s.AddFolder.Disabled() {
		t.Errorf("status %q after cancel", s.Status.Text)
	}
}

// Cancel while saving: no output file, not even the empty one the save
// dialog made, and no temporary file.
func TestHRCancelWhileSavingLeavesNoFile(t *testing.T) {
	s := newScreen(t)
	s.SetFiles([]string{submissionFolder(t, 8)})
	s.WaitJobs()
	outDir := t.TempDir()
	out := filepath.Join(outDir, "samlet.pdf")
	if err := os.WriteFile(out, nil, 0o644); err != nil { // as the save dialog leaves it
		t.Fatal(err)
	}
	release := make(chan struct{})
	reached := make(chan struct{})
	s.beforeWrite = func() { close(reached); <-release }
	// What the save dialog's callback runs.
	build := s.Aggregate()
	s.WriteTo(out, func() ([]byte, error) { return build().Bytes() }, "Lager PDF …")
	<-reached
	test.Tap(s.CancelBtn)
	close(release)
	s.WaitJobs()
	if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
		t.Errorf("files left after cancel: %v", entries)
	}
	if s.AggBtn.Disabled() {
		t.Error("cannot save again after cancel")
	}
}

// TestNoInputLostHR types the HR card's fields (the units expected to
// submit, the target, the smallest unit shown alone) and builds the page
// again, as leaving it by the sidebar, Møtemodus or closing the program
// and coming back does: everything typed is there again, and the figures
// are measured with it.
func TestNoInputLostHR(t *testing.T) {
	s := newScreen(t)
	test.Type(s.Expected, "Solsiden barnehage\nNordly sykehjem;Eksempel kommune")
	test.Type(s.Target, "7,4")
	s.MinEmployees.SetText("")
	test.Type(s.MinEmployees, "3")
	again := New(s.env)
	if again.Expected.Text != s.Expected.Text || again.Target.Text != "7,4" || again.MinEmployees.Text != "3" {
		t.Fatalf("the HR card lost what was typed: %q, %q, %q", again.Expected.Text, again.Target.Text, again.MinEmployees.Text)
	}
	o, err := again.options()
	if err != nil || len(o.Expected) != 2 || o.Target == nil || o.MinEmployees != 3 {
		t.Errorf("the options are not the typed ones: %+v, %v", o, err)
	}
	// A field emptied stays empty; the smallest unit falls back to the
	// default only when never typed.
	again.Target.SetText("")
	if third := New(s.env); third.Target.Text != "" || third.MinEmployees.Text != "3" {
		t.Errorf("after emptying the target: %q, %q", third.Target.Text, third.MinEmployees.Text)
	}
}
