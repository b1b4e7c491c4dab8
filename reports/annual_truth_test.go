package reports

import (
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
)

// Tests of the annual report's review findings: each builds a unit where
// the situation holds and checks that the summary, the section and the
// submission say the same.

// annualText renders the annual report of in and returns its text in
// reading order (pdftotext -raw: a table cell's lines together) with the
// whitespace folded, so sentences broken over lines still match.
func annualText(t *testing.T, in model.AnnualData, name string) string {
	t.Helper()
	path := writePDF(t, AnnualReport(in, testOpts()), name)
	needTool(t, "pdftotext", "poppler-utils")
	return strings.Join(strings.Fields(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")), " ")
}

func summaryLine(f model.AnnualFigures, module string) model.SummaryLine {
	for _, l := range model.AnnualSummary(f) {
		if l.Module == module {
			return l
		}
	}
	return model.SummaryLine{}
}

func submissionOf(t *testing.T, in model.AnnualData) (model.Submission, string) {
	t.Helper()
	b, err := SubmissionJSON(in, "test")
	if err != nil {
		t.Fatal(err)
	}
	s, err := submissionfile.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	return s, string(b)
}

// Finding 1: the § 3A-6 row and the incident figures count the same
// incidents (the report's year), so «N av M uten tilbud» and «Minst ett
// tilbud K av M» add up. Finding 3: § 3A-1 has no date and reads «Følg
// opp» with what to follow up, never a bare «Forfalt».
func TestAnnualViolenceFollowUpOnePeriod(t *testing.T) {
	today := date(2026, time.December, 4)
	offered := []model.FollowUpOffer{model.FollowUpConversation}
	in := testAnnualData()
	in.Year, in.Today = 2026, today
	in.InUse = map[string]bool{model.ModuleVold: true, model.ModuleAvvik: true}
	in.Measures = nil
	in.Deviations = []model.Deviation{
		{ID: 1, Date: date(2025, time.December, 20), Category: model.DevViolence, Severity: model.SeverityMinor, Status: model.DevClosed}, // in the last 12 months, not in 2026
		{ID: 2, Date: date(2026, time.March, 1), Category: model.DevViolence, Severity: model.SeverityMinor, FollowUpOffered: offered, Status: model.DevClosed},
		{ID: 3, Date: date(2026, time.May, 1), Category: model.DevViolence, Severity: model.SeverityMinor, Status: model.DevClosed},
		{ID: 4, Date: date(2026, time.September, 1), Category: model.DevViolence, Severity: model.SeverityMinor, FollowUpOffered: offered, Status: model.DevClosed},
	}
	in.Violence.Trainings = []model.ViolenceTraining{{ID: 1, Date: date(2026, time.February, 1), Topic: "Øvelse", Kind: model.TrainingDrill, Participants: 8}}
	f := model.ComputeAnnualFigures(in)
	var fu model.ViolenceDutyStatus
	for _, s := range f.Violence {
		if s.Duty == model.DutyFollowUp {
			fu = s
		}
	}
	const note = "1 av 3 hendelser i 2026 uten registrert tilbud om oppfølging"
	if len(fu.Notes) != 1 || fu.Notes[0] != note {
		t.Fatalf("summary's status %q, want %q", fu.Notes, note)
	}
	text := annualText(t, in, "vold-periode.pdf")
	for _, want := range []string{note, "Minst ett tilbud 2 av 3", "Hendelser per kvartal 2026 (i alt 3)",
		"§ 3A-1 (ny fra 2026) Følg opp,", "Følg opp det som ikke er i orden: kartlegging og risikovurdering (§ 3A-2, mangler)"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{"siste 12 måneder", "(ny fra 2026) Forfalt"} {
		if strings.Contains(text, bad) {
			t.Errorf("report says %q", bad)
		}
	}
	if s, _ := submissionOf(t, in); s.Violence == nil || s.Violence.Incidents != 3 {
		t.Errorf("submission incidents %+v, want 3", s.Violence)
	}
}

// Finding 2: a course on violence and threats in the course list counts
// as violence training in the violence section, the summary and the
// submission, and the pointer under the course list says so.
func TestAnnualViolenceCourseCounted(t *testing.T) {
	in := testAnnualData()
	in.Year, in.Today = 2025, date(2026, time.January, 20)
	in.InUse = map[string]bool{model.ModuleVold: true}
	in.Measures = nil
	in.Violence.Trainings = []model.ViolenceTraining{{ID: 1, Date: date(2025, time.November, 9), Topic: "Øvelse: truende situasjon",
		Kind: model.TrainingDrill, Participants: 10, Groups: "alle i direkte brukerkontakt", Repeat: model.RepeatYear}}
	in.Review = &model.AnnualReview{Year: 2025, Trainings: []model.HMSCourse{
		{Course: "Forebygging av vold og trusler i stell", Date: date(2025, time.March, 16), Participants: 17},
		{Course: "Brannvernopplæring med brannøvelse", Date: date(2025, time.April, 22), Participants: 28},
	}}
	f := model.ComputeAnnualFigures(in)
	if f.ViolenceTrainings != 2 {
		t.Fatalf("figures count %d trainings, want 2", f.ViolenceTrainings)
	}
	if l := summaryLine(f, model.ModuleVold); !strings.Contains(l.Figures, "Opplæring og øvelser i året: 2") {
		t.Errorf("summary %q", l.Figures)
	}
	text := annualText(t, in, "vold-kurs.pdf")
	for _, want := range []string{
		"Vold og trusler: Opplæring og øvelser i året: 2", // may be split in the summary table; checked below
		"16.03.2025 Forebygging av vold og trusler i stell Kurs (fra kurslisten)",
		"1 av kursene over er om vold og trusler og telles også under Vold og trusler, som opplæring etter § 3A-5 (tidligere § 23A-2). Der står 2 opplæringer og øvelser i 2025 i alt.",
	} {
		if want == "Vold og trusler: Opplæring og øvelser i året: 2" {
			if !strings.Contains(text, "Opplæring og øvelser i året: 2") {
				t.Errorf("summary in the report lacks «Opplæring og øvelser i året: 2»")
			}
			continue
		}
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "(1 i 2025)") {
		t.Error("report still points at 1 training")
	}
	if s, _ := submissionOf(t, in); s.Violence == nil || s.Violence.Trainings != 2 || s.Violence.LastTraining != date(2025, time.November, 9) {
		t.Errorf("submission %+v, want 2 trainings, last 09.11.2025", s.Violence)
	}
}

// Finding 4: personal injuries in the deviations and no occupational
// injury reported to NAV: the section asks whether they should have been.
func TestAnnualInjuriesWithoutNAVReport(t *testing.T) {
	zero := 0
	in := testAnnualData()
	in.Year, in.Today = 2025, date(2026, time.January, 20)
	in.InUse = map[string]bool{model.ModuleAvvik: true}
	in.Measures = nil
	in.Deviations = []model.Deviation{
		{ID: 1, Date: date(2025, time.March, 3), Category: model.DevInjury, Type: model.TypeDeviation, Severity: model.SeverityMinor, PersonHarm: model.HarmInjury, Status: model.DevClosed},
		{ID: 2, Date: date(2025, time.June, 3), Category: model.DevViolence, Type: model.TypeDeviation, Severity: model.SeveritySerious, PersonHarm: model.HarmSerious,
			AuthoritiesNotified: true, Status: model.DevClosed},
		{ID: 3, Date: date(2025, time.June, 4), Category: model.DevInjury, Type: model.TypeNearMiss, Severity: model.SeverityMinor, PersonHarm: model.HarmNone, Status: model.DevClosed},
	}
	in.Review = &model.AnnualReview{Year: 2025, OccupationalInjuries: &zero}
	f := model.ComputeAnnualFigures(in)
	if f.PersonInjuries != 2 {
		t.Fatalf("figures: %d injuries, want 2", f.PersonInjuries)
	}
	text := annualText(t, in, "yrkesskade.pdf")
	for _, want := range []string{"Yrkesskader meldt i 2025 0", "2 avvik med personskade i 2025 (alle kategorier); ingen yrkesskademelding registrert – " +
		"sjekk om skadene skulle vært meldt til NAV (skjema NAV 13-07.05)."} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	one := 1
	in.Review.OccupationalInjuries = &one
	if text := annualText(t, in, "yrkesskade-meldt.pdf"); strings.Contains(text, "yrkesskademelding registrert") {
		t.Error("the note is printed although an injury was reported to NAV")
	}
}

// Finding 5: the lead's totals say which findings come from the round
// that is not completed.
func TestAnnualSafetyRoundsUnfinishedShare(t *testing.T) {
	_, done, _ := testRounds(t) // 10.03.2026, completed, 2 findings
	open := done
	open.ID, open.Status, open.Date = 3, model.RoundInProgress, date(2026, time.May, 5)
	open.Answers = append([]model.RoundAnswer(nil), done.Answers...)
	open.Answers[0].Answer = model.AnswerImprove // 3 findings
	in := testAnnualData()
	in.Year, in.Today = 2026, date(2026, time.December, 4)
	in.InUse = map[string]bool{model.ModuleVernerunder: true}
	in.Measures = nil
	in.SafetyRounds = []model.SafetyRound{done, open}
	f := model.ComputeAnnualFigures(in)
	if f.SafetyRoundsHeld != 1 {
		t.Fatalf("held %d, want 1", f.SafetyRoundsHeld)
	}
	text := annualText(t, in, "vernerunder-uferdig.pdf")
	want := "1 vernerunde holdt og fullført i 2026, 1 påbegynt og ikke fullført (telles ikke som holdt), " +
		"med 5 funn (3 av dem fra runden som ikke er fullført) og ingen tiltak."
	if !strings.Contains(text, want) {
		t.Errorf("report lacks %q", want)
	}
}

// Finding 6: a measure from a deviation about a person is not named by
// exact date and ward in the annual report, and the submission carries
// neither.
func TestAnnualMeasureSourceHidesPerson(t *testing.T) {
	dev := model.Deviation{ID: 23, Date: date(2025, time.July, 23), Category: model.DevInjury, Type: model.TypeDeviation,
		Severity: model.SeveritySerious, PersonHarm: model.HarmSerious, AuthoritiesNotified: true,
		Place: "Korttid og rehabilitering", Status: model.DevClosed}
	m := model.NewMeasureFromDeviation(dev, "Arbeid i høyden bare av vaktmester", "Leder", date(2025, time.September, 1), date(2025, time.July, 24))
	m.ID, m.PriorityArea, m.Status, m.CompletedOn = 1, model.AreaLeadership, model.StatusUtfort, date(2025, time.August, 31)
	in := testAnnualData()
	in.Year, in.Today = 2025, date(2026, time.January, 20)
	in.InUse = map[string]bool{model.ModuleHandlingsplan: true, model.ModuleAvvik: true}
	in.Measures, in.Deviations = []model.Measure{m}, []model.Deviation{dev}
	if !strings.Contains(m.Source.RefLabel, "23.07.2025 Personskade, Korttid og rehabilitering") {
		t.Fatalf("the stored label is %q; the test needs the full one", m.Source.RefLabel)
	}
	text := annualText(t, in, "kilde-person.pdf")
	if !strings.Contains(text, "Arbeid i høyden bare av vaktmester Avvik (personskade) 2025 Utført 31.08.2025") {
		t.Error("the measure's source is not «Avvik (personskade) 2025»")
	}
	if strings.Contains(text, "Personskade, Korttid") || strings.Contains(text, "Avvik 23.07.2025") {
		t.Error("the report names the deviation by date and ward")
	}
	if _, js := submissionOf(t, in); strings.Contains(js, "Korttid") || strings.Contains(js, "23.07.2025") || strings.Contains(js, "2025-07-23") {
		t.Error("the submission carries the deviation's date or ward")
	}
}

// Finding 7: a plain table continued on the next page is captioned with
// the heading it follows and «(forts.)», as rich tables are.
func TestTableContinuationCaption(t *testing.T) {
	d := testDoc("Forts.")
	d.Heading(2, "Utført eller avvist i 2026 (80)")
	tab := Table{Columns: []Column{{Title: "Tiltak", Width: 100}, {Title: "Kilde", Width: 60}}}
	for i := range 80 {
		tab.Rows = append(tab.Rows, []string{"Tiltak nummer " + string(rune('A'+i%26)), "Møte 17.09.2026"})
	}
	d.Table(tab)
	path := writePDF(t, d, "forts.pdf")
	if n := pageCount(t, path); n < 2 {
		t.Fatalf("%d page, want the table to run over", n)
	}
	if p2 := pageText(t, path, 2); !strings.Contains(p2, "Utført eller avvist i 2026 (80) (forts.)") {
		t.Errorf("page 2 has no continuation caption:\n%s", p2)
	}
	if p1 := pageText(t, path, 1); strings.Contains(p1, "(forts.)") {
		t.Error("page 1 has a continuation caption")
	}
}

// Finding 8: notes after a semicolon start with a small letter, and the
// definition of nærvær has a minus (en dash), not a hyphen.
func TestAnnualGrammar(t *testing.T) {
	in := testAnnualData()
	in.Year, in.Today = 2025, date(2026, time.January, 20)
	in.InUse = map[string]bool{model.ModuleVold: true, model.ModuleSykefravar: true}
	in.Violence.Trainings = []model.ViolenceTraining{{ID: 1, Date: date(2025, time.February, 1), Topic: "Øvelse", Kind: model.TrainingDrill, Participants: 8}}
	total, err := model.ParsePercent("6,0")
	if err != nil {
		t.Fatal(err)
	}
	in.SickLeave = []model.SickLeaveQuarter{{Quarter: model.Quarter{Year: 2025, Q: 1}, Total: total, AgreedDays: 1000, Employees: 20}}
	text := annualText(t, in, "grammatikk.pdf")
	for _, want := range []string{"informert; verneombud og tillitsvalgte er ikke registrert", "Nærvær = 100 % – sykefravær"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{"; Verneombud", "100 % - sykefravær"} {
		if strings.Contains(text, bad) {
			t.Errorf("report says %q", bad)
		}
	}
}

// Second review, finding: a report of the year still running says so on
// the cover (and the screen, from the same rule), and does not judge the
// year's sick-leave goal on the quarters so far; the submission counts it
// as not assessed, as the goals section does.
func TestAnnualYearInProgress(t *testing.T) {
	in := testAnnualData()
	in.Year, in.Today = 2026, date(2026, time.December, 5)
	in.InUse = map[string]bool{model.ModuleSykefravar: true}
	goal := model.SickLeaveGoal(model.SickLeaveSettings{})
	in.Review = &model.AnnualReview{Year: 2026, Goals: []model.HMSGoal{goal}}
	for q := 1; q <= 3; q++ {
		in.SickLeave = append(in.SickLeave, model.SickLeaveQuarter{Quarter: model.Quarter{Year: 2026, Q: q}, Total: 400, AgreedDays: 1000, Employees: 20})
	}
	text := annualText(t, in, "aaret-pagar.pdf")
	cover := strings.SplitN(text, "Side 1 av", 2)[0]
	if note := in.Year.InProgressNote(in.Today); note == "" || !strings.Contains(cover, note) {
		t.Errorf("the cover lacks %q: %q", note, cover)
	}
	if !strings.Contains(text, "0 nådd, 0 delvis nådd, 0 ikke nådd, 1 ikke vurdert") ||
		!strings.Contains(text, "Ikke vurdert Året er ikke over: foreløpig snitt 4,0 % av 3 kvartaler") {
		t.Error("the goals section judges the running year's sick-leave goal")
	}
	if s, _ := submissionOf(t, in); s.Review.GoalsReached != 0 || s.Review.GoalsNotAssessed != 1 {
		t.Errorf("submission goals %+v", s.Review)
	}
	// The same unit after the year: the cover has no note, the goal is judged.
	in.Today = date(2027, time.January, 20)
	in.SickLeave = append(in.SickLeave, model.SickLeaveQuarter{Quarter: model.Quarter{Year: 2026, Q: 4}, Total: 400, AgreedDays: 1000, Employees: 20})
	text = annualText(t, in, "aaret-over.pdf")
	if strings.Contains(text, "Året er ikke over") || !strings.Contains(text, "Nådd Snitt 4,0 % av 4 kvartaler") {
		t.Error("the finished year is still called unfinished, or its goal not judged")
	}
}

// Second review, finding: the safety-round lead says «ingen av dem er
// åpne», not «0 tiltak var fortsatt åpne per <today>».
func TestAnnualSafetyRoundLeadNoneOpen(t *testing.T) {
	cases := []struct {
		measures, open int
		want           string
	}{
		{0, 0, ""},
		{1, 1, "; det er fortsatt åpent per 05.12.2026"},
		{1, 0, "; det er lukket per 05.12.2026"},
		{3, 0, "; ingen av dem er åpne per 05.12.2026"},
		{3, 1, "; 1 av dem er fortsatt åpent per 05.12.2026"},
		{3, 2, "; 2 av dem er fortsatt åpne per 05.12.2026"},
	}
	for _, c := range cases {
		if got := stillOpen(c.measures, c.open, date(2026, time.December, 5)); got != c.want {
			t.Errorf("%d of %d: %q, want %q", c.open, c.measures, got, c.want)
		}
	}
}

// Second review, finding: an evaluation dated after the year is marked in
// the table of measures closed in the year, so the table's «Evaluert»
// column and «Av dem evaluert innen 31.12.» agree.
func TestAnnualEvaluatedAfterYearMarked(t *testing.T) {
	in := testAnnualData()
	in.Year, in.Today = 2025, date(2026, time.March, 15)
	in.InUse = map[string]bool{model.ModuleHandlingsplan: true}
	in.Measures = []model.Measure{
		{ID: 1, Title: "Evaluert i året", Source: model.Source{Kind: model.SourceManual}, PriorityArea: model.AreaLeadership,
			Status: model.StatusEvaluert, Created: date(2025, time.January, 5), CompletedOn: date(2025, time.March, 1), EvaluatedOn: date(2025, time.June, 1)},
		{ID: 2, Title: "Evaluert etter året", Source: model.Source{Kind: model.SourceManual}, PriorityArea: model.AreaLeadership,
			Status: model.StatusEvaluert, Created: date(2025, time.January, 5), CompletedOn: date(2025, time.November, 1), EvaluatedOn: date(2026, time.February, 1)},
	}
	f := model.ComputeAnnualFigures(in)
	if f.Plan.Evaluated != 1 {
		t.Fatalf("figures: %d evaluated, want 1", f.Plan.Evaluated)
	}
	text := annualText(t, in, "evaluert-etter.pdf")
	for _, want := range []string{"Av dem evaluert innen 31.12.2025 1", "01.03.2025 01.06.2025 ", "01.11.2025 01.02.2026*",
		"* Evaluert etter 31.12.2025: 1 tiltak telles ikke som evaluert i 2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "01.06.2025*") {
		t.Error("an evaluation in the year is marked")
	}
}

// Second review, finding: the signature page says what is still to come
// in the future tense only while it is.
func TestAnnualSignatureTense(t *testing.T) {
	treated := model.AnnualReview{Year: 2025, TreatedOn: date(2026, time.January, 23), CaseNumber: "1/26"}
	cases := []struct {
		name   string
		review *model.AnnualReview
		today  model.Date
		want   string
		not    string
	}{
		{"treated, before the AMU", &treated, date(2026, time.February, 1), "og legges fram for arbeidsmiljøutvalget i mars 2026.", "skulle"},
		{"treated, after the AMU", &treated, date(2026, time.December, 5), "(sak 1/26), for arbeidsmiljøutvalget i mars 2026.", "legges fram"},
		{"draft in January", nil, date(2026, time.January, 20), "sendes inn i januar 2026 og legges fram for arbeidsmiljøutvalget i mars.", "skulle"},
		{"draft after January", nil, date(2026, time.December, 5), "Den skulle vært sendt inn i januar 2026; etter behandlingen signeres den og sendes inn.", "sendes inn i januar"},
	}
	for _, c := range cases {
		in := testAnnualData()
		in.Year, in.Today, in.Review = 2025, c.today, c.review
		f := model.ComputeAnnualFigures(in)
		got := signatureText(in.Year, &f)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%s: %q, want %q without %q", c.name, got, c.want, c.not)
		}
	}
}

// Second review, finding: a unit that never set a sick-leave target was
// told «Enhetens mål 5,2 %» everywhere, and its submission said
// target_set_by «enhet»: the 5,2 % is the defaults' example (the county's
// own target). Now the summary, the section and the submission say no
// target is set; a goal the committee sets in the year's review is the
// year's target.
func TestAnnualSickLeaveExampleTarget(t *testing.T) {
	in := testAnnualData()
	in.Year, in.Today = 2025, date(2026, time.January, 20)
	in.InUse = map[string]bool{model.ModuleSykefravar: true}
	in.SickLeaveSettings = model.DefaultSickLeaveSettings() // as storage gives a unit that never saved them
	for q := 1; q <= 4; q++ {
		in.SickLeave = append(in.SickLeave, model.SickLeaveQuarter{Quarter: model.Quarter{Year: 2025, Q: q}, Total: 600, AgreedDays: 1000, Employees: 20})
	}
	l := summaryLine(model.ComputeAnnualFigures(in), model.ModuleSykefravar)
	if !strings.Contains(l.Figures, "ingen mål satt (eksempelmål 5,2 %)") || !strings.Contains(l.Comment(), "Enheten har ikke satt mål for sykefravær") ||
		strings.Contains(l.Comment(), "Over målet") {
		t.Errorf("summary %q / %q", l.Figures, l.Comment())
	}
	text := annualText(t, in, "eksempelmaal.pdf")
	if !strings.Contains(text, "Enheten har ikke satt mål for sykefravær; grafen viser eksempelmål 5,2 % (fylkets eget mål i IA-planen).") ||
		strings.Contains(text, "Enhetens mål") || strings.Contains(text, "Over målet") {
		t.Error("the section calls the example the unit's target, or judges against it")
	}
	if s, js := submissionOf(t, in); s.SickLeave.Target != nil || strings.Contains(js, `"target_set_by"`) {
		t.Errorf("the submission gives a target: %v", s.SickLeave.Target)
	}
	// The committee's goal for the year is the year's target.
	in.Review = &model.AnnualReview{Year: 2025, Goals: []model.HMSGoal{{Kind: model.GoalSickLeave, Target: 740, TargetSetBy: model.TargetByMunicipality}}}
	l = summaryLine(model.ComputeAnnualFigures(in), model.ModuleSykefravar)
	if !strings.Contains(l.Figures, "kommunens mål 7,4 %") || strings.Contains(l.Comment(), "ikke satt mål") {
		t.Errorf("with a goal: %q / %q", l.Figures, l.Comment())
	}
	if s, _ := submissionOf(t, in); s.SickLeave.Target == nil || *s.SickLeave.Target != 7.4 || s.SickLeave.TargetSetBy != model.TargetByMunicipality {
		t.Errorf("with a goal the submission says %v %q", s.SickLeave.Target, s.SickLeave.TargetSetBy)
	}
}
