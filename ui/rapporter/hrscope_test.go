package rapporter

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
	"hmsutvalg/model/submitdemo"
	"hmsutvalg/ui/uitest"
)

// The HR screen says what the AMU report says about its scope, from the
// same model rules: the bar of all units, whose target, the like-for-like
// comparison with its quarters, and the 10-FAKTOR round year. Each test
// writes the submission files where the situation holds, opens them on
// the screen, and reads both the screen and the PDF it saves.

// writeSubmissions writes subs as files into a new folder.
func writeSubmissions(t *testing.T, subs []model.Submission) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range subs {
		b, err := sub.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		name := strings.ReplaceAll(sub.Unit.Name+" "+sub.Unit.Municipality, " ", "-") + "-" + time.Date(sub.Year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + ".json"
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// openScope opens dir on the screen with the target (may be "") and
// returns the screen and the text of the PDF it saves, spaces evened out.
func openScope(t *testing.T, dir, target string) (*Screen, string) {
	t.Helper()
	s := newScreen(t)
	if target != "" {
		test.Type(s.Target, target)
	}
	s.SetFiles([]string{dir})
	s.WaitJobs()
	if !s.ready {
		t.Fatalf("not ready: %q", s.Files.Text)
	}
	if len(s.agg.Problems) > 0 {
		t.Fatalf("files not used: %q", s.Files.Text)
	}
	out := filepath.Join(t.TempDir(), "samlet.pdf")
	build := s.Aggregate()
	s.WriteTo(out, func() ([]byte, error) { return build().Bytes() }, "")
	s.WaitJobs()
	return s, even(uitest.PDFText(t, out))
}

// even joins the words of s with one space.
func even(s string) string { return strings.Join(strings.Fields(s), " ") }

// screenText is all the page's text, spaces evened out.
func screenText(s *Screen) string { return even(strings.Join(uitest.Texts(s.Content()), "\n")) }

// bothSay checks that the screen shows onScreen and the PDF shows inPDF
// (case-insensitive: a PDF sentence starts with a capital letter where
// the screen's chart title goes on after a dash).
func bothSay(t *testing.T, screen, pdf, onScreen, inPDF string) {
	t.Helper()
	if !strings.Contains(screen, onScreen) {
		t.Errorf("the screen lacks %q:\n%s", onScreen, screen)
	}
	if !strings.Contains(strings.ToLower(pdf), strings.ToLower(inPDF)) {
		t.Errorf("the PDF lacks %q:\n%s", inPDF, pdf)
	}
}

// Files from two municipalities: the bar is «Alle enhetene», the screen
// warns as the report does, and HR's target is the target given for the
// report, not one municipality's.
func TestHRScreenSeveralMunicipalities(t *testing.T) {
	var subs []model.Submission
	for i, u := range submitdemo.Units(4, 1) {
		sub := submitdemo.Submission(u, 2025, 1, true)
		if i >= 2 {
			sub.Unit.Municipality = "Løten kommune"
		}
		subs = append(subs, sub)
	}
	s, pdf := openScope(t, writeSubmissions(t, subs), "6,5")
	screen := screenText(s)
	warning := "Merk: innsendingene kommer fra 2 kommuner (Demo kommune og Løten kommune). Tallene er summert på tvers av kommunene; de er ikke tall for én kommune."
	bothSay(t, screen, pdf, warning, warning)
	bothSay(t, screen, pdf, "Alle enhetene", "Alle enhetene samlet")
	bothSay(t, screen, pdf, "Sammendrag for alle enhetene 2025", "Sammendrag for alle enhetene")
	bothSay(t, screen, pdf, "oppgitt mål 6,5 %", "Oppgitt mål 6,5 %")
	bothSay(t, screen, pdf, "målet du har skrevet inn: oppgitt mål 6,5 %", "Målet som er oppgitt for rapporten, 6,5 %")
	if strings.Contains(screen, "Hele kommunen") || strings.Contains(screen, "kommunens mål 6,5") {
		t.Errorf("the screen calls the units of two municipalities one municipality:\n%s", screen)
	}
	if l := s.targetForm.Items[0].Text; l != "Mål for sykefravær for alle enhetene (%)" {
		t.Errorf("target field labelled %q", l)
	}
	if strings.Contains(pdf, "Kommunens mål 6,5") {
		t.Error("the PDF calls HR's target one municipality's")
	}
}

// One municipality, HR gives no target, the units report the
// municipality's 7,4 %: the screen and the report measure against it and
// say that the units report it.
func TestHRScreenTargetReportedByUnits(t *testing.T) {
	var subs []model.Submission
	for _, u := range submitdemo.Units(3, 1) {
		sub := submitdemo.Submission(u, 2025, 1, true)
		p := 7.4
		sub.SickLeave.Target, sub.SickLeave.TargetSetBy = &p, model.TargetByMunicipality
		subs = append(subs, sub)
	}
	// A unit with its own target is not counted as reporting the
	// municipality's.
	own := submitdemo.Submission(submitdemo.Units(4, 1)[3], 2025, 1, true)
	p := 5.0
	own.SickLeave.Target, own.SickLeave.TargetSetBy = &p, model.TargetByUnit
	subs = append(subs, own)

	s, pdf := openScope(t, writeSubmissions(t, subs), "")
	screen := screenText(s)
	bothSay(t, screen, pdf, "Hele kommunen", "Kommunen samlet")
	bothSay(t, screen, pdf, "Sammendrag for kommunen 2025", "Sammendrag for kommunen")
	bothSay(t, screen, pdf, "kommunens mål 7,4 %, slik 3 enheter oppgir det", "Kommunens mål 7,4 %, slik 3 enheter oppgir det")
	if l := s.targetForm.Items[0].Text; l != "Kommunens mål for sykefravær (%)" {
		t.Errorf("target field labelled %q", l)
	}
	if !strings.Contains(s.TargetNote.Text, "Feltet er tomt, så rapporten bruker det enhetene oppgir: kommunens mål 7,4 %, slik 3 enheter oppgir det.") || s.TargetNote.Hidden {
		t.Errorf("target note %q", s.TargetNote.Text)
	}
	if strings.Contains(screen, "Alle enhetene") || strings.Contains(screen, "Merk: innsendingene kommer fra") {
		t.Errorf("one municipality warned about as several:\n%s", screen)
	}

	// HR's own target wins, and the screen says it is HR's.
	test.Type(s.Target, "6,9")
	if !uitest.HasText(s.Preview, "kommunens mål 6,9 %") || uitest.HasText(s.Preview, "slik 3 enheter") {
		t.Errorf("HR's target not shown as the target: %q", uitest.Texts(s.Preview))
	}
	if !strings.Contains(s.TargetNote.Text, "målet du har skrevet inn: kommunens mål 6,9 %") {
		t.Errorf("target note %q", s.TargetNote.Text)
	}
}

// quarters keeps only the quarters qs of sub's sick leave, its year
// figure their mean weighted by agreed working days.
func quarters(sub model.Submission, qs ...int) model.Submission {
	sl := *sub.SickLeave
	sl.Quarters = nil
	var days, sick float64
	for _, q := range sub.SickLeave.Quarters {
		for _, k := range qs {
			if q.Quarter.Q == k {
				sl.Quarters = append(sl.Quarters, q)
				days += float64(q.AgreedDays)
				sick += q.Percent * float64(q.AgreedDays)
			}
		}
	}
	y := math.Round(sick/days*10) / 10
	sl.Year = &y
	sl.Rules = []model.SubmissionRuleFlag{}
	sub.SickLeave = &sl
	return sub
}

// round sets the 10-FAKTOR round of sub to year, with figures.
func round(sub model.Submission, year int) model.Submission {
	tf := model.SubmissionTenFactor{FocusWithoutMeasure: []int{}}
	if sub.TenFactor != nil {
		tf = *sub.TenFactor
	}
	tf.RoundYear, tf.ResultsOn, tf.Respondents = year, model.NewDate(year, time.November, 1), 10
	tf.Factors = nil
	for f := 1; f <= 10; f++ {
		tf.Factors = append(tf.Factors, model.SubmissionFactor{Factor: f, Mean: 3.5})
	}
	tf.Keep, tf.Improve = []int{1}, []int{2}
	sub.TenFactor = &tf
	return sub
}

// Two years, one unit in both with only K1–K3 this year, one unit only
// in each year: the comparison covers the one unit on K1–K3, names what
// is left out, and 10-FAKTOR says its round year, as the report does.
func TestHRScreenComparesLikeForLike(t *testing.T) {
	us := submitdemo.Units(3, 1)
	subs := []model.Submission{
		round(quarters(submitdemo.Submission(us[0], 2025, 1, true), 1, 2, 3), 2024),
		round(submitdemo.Submission(us[1], 2025, 1, true), 2024),
		round(submitdemo.Submission(us[0], 2024, 2, true), 2022),
		round(submitdemo.Submission(us[2], 2024, 2, true), 2022),
	}
	s, pdf := openScope(t, writeSubmissions(t, subs), "")
	screen := screenText(s)
	same := "Sammenlignet med 2024 for den ene enheten som sendte inn begge år."
	bothSay(t, screen, pdf, same, same)
	q := "Sykefraværet sammenlignes på de samme kvartalene begge år for hver enhet (K1–K3), ikke på hele året."
	bothSay(t, screen, pdf, q, q)
	bothSay(t, screen, pdf, "Ikke med i sammenligningen: 2 enheter som bare sendte inn for det ene året.", "Ikke med i sammenligningen, fordi de bare sendte inn for det ene året")
	scope := s.agg.SickLeave.QuarterScope()
	if scope == "" {
		t.Fatal("the year's figure rests on all quarters; the test needs fewer")
	}
	bothSay(t, screen, pdf, "Hele kommunen: bygger bare på kvartalene "+scope+" 2025, ikke hele året.", "Bygger bare på kvartalene "+scope+" 2025, ikke hele året")
	// The unit with K1–K3 is its sector's only unit.
	if !strings.Contains(screen, "(1 enhet, bare K1–K3)") {
		t.Errorf("the sector bar does not say its quarters:\n%s", screen)
	}
	if !strings.Contains(s.Files.Text, "4 av 4 filer kan brukes: 2 for HMS-år 2025 og 2 for 2024 til sammenligning.") {
		t.Errorf("files: %q", s.Files.Text)
	}
	bothSay(t, screen, pdf, "10-FAKTOR: snitt per faktor, vektet med antall svar, kartlegging 2024", "Tallene er fra kartlegging 2024")
	bothSay(t, screen, pdf, "forrige runde, fra innsendingene for 2024", "forrige runde, fra innsendingene for 2024")
}
