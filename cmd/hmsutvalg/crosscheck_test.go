package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

// The cross-check: for demo units of several seeds and scales, made on
// several days, and for each report year, the summary row, the section
// and the submission must say the same thing, every «I orden» must hold
// under the strict rules, and nothing dated after the year may count.
// Then the same for units changed so that each situation of the rules
// holds (a mapping made after the year, an open serious deviation, a
// draft assessment, a 10-FAKTOR round from the year before, an unfinished
// safety round, an overdue measure from each module).

func loadDemo(t *testing.T, seed int64, scale int, today model.Date) *storage.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("demo-%d-%d.db", seed, scale))
	if err := demo.Create(path, demo.Options{Seed: seed, Scale: scale, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestAnnualCrossCheckDemo runs the cross-check over demo units.
func TestAnnualCrossCheckDemo(t *testing.T) {
	runs := []struct {
		seed  int64
		scale int
		today model.Date
	}{
		{1, 1, model.NewDate(2027, 1, 15)},
		{2, 1, model.NewDate(2026, 12, 4)},
		{3, 2, model.NewDate(2027, 1, 20)},
		{7, 1, model.NewDate(2026, 8, 20)},
	}
	if testing.Short() {
		runs = runs[:1]
	}
	for _, r := range runs {
		st := loadDemo(t, r.seed, r.scale, r.today)
		for y := model.HMSYear(r.today.Year() - 2); int(y) <= r.today.Year(); y++ {
			t.Run(fmt.Sprintf("seed%d-scale%d-%s-%d", r.seed, r.scale, r.today.ISO(), y), func(t *testing.T) {
				d, err := model.LoadAnnualData(st, y, r.today)
				if err != nil {
					t.Fatal(err)
				}
				crossCheck(t, d)
			})
		}
	}
}

// TestAnnualCrossCheckSituations changes a demo unit so that each
// situation of the rules holds, and checks both the agreement and the
// verdict the situation must give.
func TestAnnualCrossCheckSituations(t *testing.T) {
	today := model.NewDate(2027, 1, 15)
	const y = model.HMSYear(2026)
	st := loadDemo(t, 4, 1, today)
	base, err := model.LoadAnnualData(st, y, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range situations(y) {
		t.Run(c.name, func(t *testing.T) {
			d := cloneData(base)
			c.change(&d)
			sub := crossCheck(t, d)
			lines := model.AnnualSummary(model.ComputeAnnualFigures(d))
			c.check(t, lines, sub)
		})
	}
}

type situation struct {
	name   string
	change func(d *model.AnnualData)
	check  func(t *testing.T, lines []model.SummaryLine, s model.Submission)
}

func statusOf(t *testing.T, lines []model.SummaryLine, id string) model.SummaryStatus {
	t.Helper()
	st, ok := model.SummaryStatusOf(lines, id)
	if !ok {
		t.Fatalf("no summary line for %s", id)
	}
	return st
}

func situations(y model.HMSYear) []situation {
	date := func(month, day int) model.Date { return model.NewDate(int(y), time.Month(month), day) }
	return []situation{
		{"mapping after the year", func(d *model.AnnualData) {
			m := *d.Violence.Mapping
			m.Date = model.NewDate(int(y)+1, 8, 13)
			d.Violence.Mapping = &m
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			if s.Violence.Mapped || !s.Violence.Mapping.IsZero() {
				t.Errorf("a mapping dated after the year documents it: %+v", s.Violence)
			}
			if st := statusOf(t, lines, model.ModuleVold); st != model.SummaryMissing {
				t.Errorf("violence %s, want Mangler", st)
			}
		}},
		{"open serious deviation", func(d *model.AnnualData) {
			d.Deviations = append(d.Deviations, model.Deviation{ID: 99001, Date: date(6, 1), Category: model.DevFire,
				Type: model.TypeDeviation, Severity: model.SeveritySerious, Status: model.DevInProgress})
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			if s.Deviations.OpenSerious < 1 || statusOf(t, lines, model.ModuleAvvik) == model.SummaryOK {
				t.Errorf("open serious deviation: %d open serious, status %s", s.Deviations.OpenSerious, statusOf(t, lines, model.ModuleAvvik))
			}
		}},
		{"draft assessment", func(d *model.AnnualData) {
			d.Assessments = append(d.Assessments, model.RiskAssessment{ID: 99002, Title: "Utkast til vurdering", Date: date(5, 1),
				Status: model.AssessmentDraft, Kind: model.KindOrdinary})
			d.RiskItems = append(d.RiskItems, model.RiskItem{ID: 99003, AssessmentID: 99002, Hazard: "Utkastfare", Probability: 5, Consequence: 5})
		}, func(t *testing.T, _ []model.SummaryLine, s model.Submission) {
			if s.Risk.LastCarriedOut == date(5, 1) {
				t.Error("a draft is counted as carried out")
			}
		}},
		{"10-FAKTOR only the year before", func(d *model.AnnualData) {
			var keep []model.SurveyRound
			for _, r := range d.SurveyRounds {
				if r.Year < y {
					keep = append(keep, r)
				}
			}
			d.SurveyRounds = keep
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			if s.TenFactor.RoundYear == 0 || s.TenFactor.RoundYear >= int(y) {
				t.Errorf("round year %d", s.TenFactor.RoundYear)
			}
		}},
		{"unfinished safety round", func(d *model.AnnualData) {
			d.SafetyRounds = append(d.SafetyRounds, model.SafetyRound{ID: 99004, Title: "Uferdig", Date: date(10, 1), Status: model.RoundInProgress})
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			if s.SafetyRounds.Unfinished < 1 || statusOf(t, lines, model.ModuleVernerunder) == model.SummaryOK {
				t.Errorf("unfinished round: %+v, %s", s.SafetyRounds, statusOf(t, lines, model.ModuleVernerunder))
			}
		}},
		{"overdue measure from each module", func(d *model.AnnualData) {
			for i, k := range model.SourceKinds() {
				d.Measures = append(d.Measures, model.Measure{ID: uint64(99100 + i), Title: "Forfalt fra " + k.Label(),
					Source: model.Source{Kind: k}, Status: model.StatusPlanlagt, Created: date(1, 10), Deadline: date(2, 1),
					PriorityArea: model.AreaLeadership})
			}
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			for k, n := range s.ActionPlan.OverdueBySource {
				if n < 1 {
					t.Errorf("%s: no overdue measure counted", k)
				}
			}
			for _, id := range []string{model.ModuleHandlingsplan, model.ModuleRisiko, model.ModuleAvvik, model.ModuleVernerunder, model.ModuleMoter} {
				if statusOf(t, lines, id) == model.SummaryOK {
					t.Errorf("%s is «I orden» with an overdue measure", id)
				}
			}
		}},
		{"hazards not assessed after measures", func(d *model.AnnualData) {
			for i := range d.RiskItems {
				d.RiskItems[i].ResidualProbability, d.RiskItems[i].ResidualConsequence = 0, 0
			}
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			n := s.Risk.NotAssessedAfter()
			if n == 0 || n != s.Risk.Items {
				t.Fatalf("after measures %d not assessed of %d", n, s.Risk.Items)
			}
			for _, l := range lines {
				if l.Module == model.ModuleRisiko && !strings.Contains(l.Figures, fmt.Sprintf("Etter tiltak: høy 0, middels 0, lav 0, ikke vurdert %d", n)) {
					t.Errorf("risk summary %q", l.Figures)
				}
			}
		}},
		{"§ 5-2 notice not recorded", func(d *model.AnnualData) {
			d.Deviations = append(d.Deviations, model.Deviation{ID: 99006, Date: date(11, 3), Category: model.DevInjury,
				Type: model.TypeIncident, Severity: model.SeveritySerious, PersonHarm: model.HarmSerious, Status: model.DevInProgress})
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			if s.Deviations.NoticesOutstanding < 1 || statusOf(t, lines, model.ModuleAvvik) == model.SummaryOK {
				t.Errorf("notice outstanding: %+v, %s", s.Deviations, statusOf(t, lines, model.ModuleAvvik))
			}
		}},
		// The year the unit started asks for sick-leave figures only for
		// the whole quarters after the start, as for meetings: two
		// quarters from 01.07 are all, and the goal is judged on them.
		{"unit started 01.07 with two quarters", func(d *model.AnnualData) {
			d.Unit.Start = date(7, 1)
			var qs []model.SickLeaveQuarter
			for _, q := range d.SickLeave {
				if q.Quarter.Year != int(y) || q.Quarter.Q >= 3 {
					qs = append(qs, q)
				}
			}
			d.SickLeave = qs
			r := *d.Review
			r.Goals = []model.HMSGoal{model.SickLeaveGoal(d.SickLeaveSettings)}
			d.Review = &r
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			for _, l := range lines {
				if l.Module == model.ModuleSykefravar && strings.Contains(l.Comment(), "Tall mangler") {
					t.Errorf("sick leave says quarters are missing before the start: %q", l.Comment())
				}
			}
			if len(s.SickLeave.Quarters) != 2 || s.Review.GoalsNotAssessed != 0 {
				t.Errorf("%d quarters, %d goals not assessed; want 2 and the goal judged", len(s.SickLeave.Quarters), s.Review.GoalsNotAssessed)
			}
		}},
		{"innsatsområde without measure", func(d *model.AnnualData) {
			rs := slices.Clone(d.SurveyRounds)
			latest := -1
			for i, r := range rs {
				if r.Year <= y && (latest < 0 || r.Year > rs[latest].Year) {
					latest = i
				}
			}
			if latest < 0 {
				rs = append(rs, model.SurveyRound{ID: 99005, Year: y, ResultsOn: date(9, 1), Respondents: 20})
				latest = len(rs) - 1
			}
			rs[latest].Focus = append(slices.Clone(rs[latest].Focus), model.SurveyFocusArea{Factor: model.TenFactorAutonomy, Kind: model.SurveyFocusImprove})
			d.SurveyRounds = rs
		}, func(t *testing.T, lines []model.SummaryLine, s model.Submission) {
			if !slices.Contains(s.TenFactor.FocusWithoutMeasure, model.TenFactorAutonomy.Number()) || statusOf(t, lines, model.ModuleTiFaktor) == model.SummaryOK {
				t.Errorf("focus without measure: %v, %s", s.TenFactor.FocusWithoutMeasure, statusOf(t, lines, model.ModuleTiFaktor))
			}
		}},
	}
}

func cloneData(d model.AnnualData) model.AnnualData {
	c := d
	c.Measures = slices.Clone(d.Measures)
	c.Assessments = slices.Clone(d.Assessments)
	c.RiskItems = slices.Clone(d.RiskItems)
	c.Deviations = slices.Clone(d.Deviations)
	c.SurveyRounds = slices.Clone(d.SurveyRounds)
	c.SafetyRounds = slices.Clone(d.SafetyRounds)
	c.SickLeave = slices.Clone(d.SickLeave)
	return c
}

// crossCheck asserts that the summary, the sections and the submission
// of d agree, and returns the submission as read back.
func crossCheck(t *testing.T, d model.AnnualData) model.Submission {
	t.Helper()
	f := model.ComputeAnnualFigures(d)
	lines := model.AnnualSummary(f)
	b, err := reports.SubmissionJSON(d, "test")
	if err != nil {
		t.Fatal(err)
	}
	s, err := submissionfile.Read(b)
	if err != nil {
		t.Fatalf("the submission does not read back: %v", err)
	}
	doc := reports.AnnualReport(d, reports.Options{RecordTables: true})
	tables := doc.Tables()
	text := pdfTextOf(t, doc)

	checkSummaryTable(t, tables, lines)
	for i, l := range lines {
		if s.Summary[i].Module != l.Module || s.Summary[i].Status != l.Status {
			t.Errorf("submission summary %v, report %s %s", s.Summary[i], l.Module, l.Status)
		}
	}
	checkStrict(t, f, lines)
	checkNothingAfterYear(t, d.Year, s)
	checkSections(t, tables, text, s)
	checkRiskCountsAddUp(t, tables, lines, s)
	return s
}

func checkSummaryTable(t *testing.T, tables []reports.RecordedTable, lines []model.SummaryLine) {
	t.Helper()
	sum := findTable(tables, "Sammendrag", "Område")
	if sum == nil || len(sum.Rows) != len(lines) {
		t.Fatalf("summary table %v, want %d rows", sum, len(lines))
	}
	for i, l := range lines {
		row := sum.Rows[i]
		if row[0] != l.Area || row[1] != l.Figures || row[2] != l.Status.Label() {
			t.Errorf("summary row %v, model %s | %s | %s", row, l.Area, l.Figures, l.Status.Label())
		}
	}
}

// checkStrict: every «I orden» holds under the strict rules.
func checkStrict(t *testing.T, f model.AnnualFigures, lines []model.SummaryLine) {
	t.Helper()
	ok := func(id string) bool { st, _ := model.SummaryStatusOf(lines, id); return st == model.SummaryOK }
	over := f.Plan.OverdueBySource
	bad := map[string]bool{
		model.ModuleHandlingsplan: f.Plan.Summary.Overdue > 0,
		model.ModuleRisiko:        f.Risk.Assessments == 0 || f.Risk.ReviewOverdue > 0 || over[model.SourceRiskAssessment] > 0,
		model.ModuleVernerunder:   f.SafetyRoundsHeld == 0 || f.SafetyRoundsUnfinished > 0 || over[model.SourceSafetyRound] > 0,
		model.ModuleMoter:         over[model.SourceMeetingDecision] > 0,
	}
	if f.Deviations != nil {
		bad[model.ModuleAvvik] = f.OpenSeriousDeviations > 0 || f.Deviations.NoticeOutstanding > 0 || over[model.SourceDeviation] > 0
	}
	if f.SickLeave != nil {
		bad[model.ModuleSykefravar] = len(f.SickLeave.Alerts) > 0 || f.SickLeave.MeasuresOverdue > 0
	}
	if f.Survey != nil {
		bad[model.ModuleTiFaktor] = len(f.SurveyFocusWithoutMeasure) > 0 || f.SurveyMeasuresOverdue > 0 || len(f.Survey.Focus) == 0
	}
	for _, ds := range f.Violence {
		bad[model.ModuleVold] = bad[model.ModuleVold] || ds.State != model.DutyOK
	}
	for id, b := range bad {
		if b && ok(id) {
			t.Errorf("%s is «I orden» though the rules say it needs follow-up", id)
		}
	}
}

// checkNothingAfterYear: no date the submission bases a "done" on lies
// after the year.
func checkNothingAfterYear(t *testing.T, y model.HMSYear, s model.Submission) {
	t.Helper()
	end := y.End()
	dates := map[string]model.Date{"risk.last_carried_out": s.Risk.LastCarriedOut}
	if v := s.Violence; v != nil {
		dates["violence.mapping"], dates["violence.last_training"] = v.Mapping, v.LastTraining
	}
	if r := s.SafetyRounds; r != nil {
		dates["safety_rounds.last"] = r.Last
	}
	if m := s.Meetings; m != nil {
		dates["meetings.last"] = m.Last
	}
	if tf := s.TenFactor; tf != nil {
		dates["ten_factor.results_on"] = tf.ResultsOn
		if tf.RoundYear > int(y) {
			t.Errorf("10-FAKTOR round %d in the report for %d", tf.RoundYear, y)
		}
	}
	for what, d := range dates {
		if d.After(end) {
			t.Errorf("%s is %s, after %s", what, d, end)
		}
	}
}

func checkSections(t *testing.T, tables []reports.RecordedTable, text string, s model.Submission) {
	t.Helper()
	if v := s.Violence; v != nil {
		if st := findTable(tables, "Vold og trusler", "Plikt"); st != nil {
			row := rowStarting(st, model.DutyMapping.Label())
			if row == nil || strings.HasPrefix(row[2], model.DutyOK.Label()) != v.Mapped {
				t.Errorf("violence section says mapping %v, submission mapped=%v", row, v.Mapped)
			}
		} else if v.Mapped {
			t.Error("mapped, but no status table in the section")
		}
	}
	if tf := s.TenFactor; tf != nil && tf.RoundYear != 0 {
		round := strconv.Itoa(tf.RoundYear)
		if !strings.Contains(text, "Siste runde: "+round) && !strings.Contains(text, "Siste runde var "+round) {
			t.Errorf("the 10-FAKTOR section does not name round %s", round)
		}
		if !strings.Contains(text, "10-FAKTOR "+round+": "+strconv.Itoa(tf.Respondents)+" svar") {
			t.Errorf("the summary does not say 10-FAKTOR %s: %d svar", round, tf.Respondents)
		}
	}
	if r := s.SafetyRounds; r != nil {
		held, all := 0, 0
		if tb := findTable(tables, "Vernerunder", "Dato"); tb != nil {
			for _, row := range tb.Rows {
				all++
				if strings.HasPrefix(row[2], "Fullført") {
					held++
				}
			}
		}
		if held != r.Held || all != r.Held+r.Unfinished {
			t.Errorf("safety-round section %d held of %d rows, submission %+v", held, all, r)
		}
	}
	if m := s.Meetings; m != nil {
		n := 0
		if tb := findTable(tables, "Møter i HMS-utvalget", "Dato"); tb != nil {
			n = len(tb.Rows)
		}
		if n != m.Held {
			t.Errorf("meetings section %d rows, submission held %d", n, m.Held)
		}
	}
	checkRiskSection(t, tables, s)
	checkDeviationSection(t, tables, s)
	checkNoticeLine(t, tables, s)
	if sl := s.SickLeave; sl != nil && len(sl.Quarters) > 0 {
		want := fmt.Sprintf("har %d tiltak for sykefravær og nærvær", sl.Measures)
		if sl.Measures == 0 {
			want = "har ingen tiltak for sykefravær og nærvær"
		}
		if !strings.Contains(text, want) {
			t.Errorf("the sick-leave section lacks %q", want)
		}
		if sl.Measures > 0 && strings.Contains(text, "ingen tiltak for sykefravær og nærvær") {
			t.Error("the sick-leave section says there are no measures, but there are")
		}
	}
}

func checkRiskSection(t *testing.T, tables []reports.RecordedTable, s model.Submission) {
	t.Helper()
	n := 0
	if tb := findTable(tables, "Risikovurderinger", "Risikovurdering"); tb != nil {
		for _, row := range tb.Rows {
			n++
			if strings.HasPrefix(row[3], model.AssessmentDraft.Label()) || strings.HasPrefix(row[3], model.AssessmentInProgress.Label()) {
				t.Errorf("an unfinished assessment in the risk section: %v", row)
			}
		}
	}
	if n != s.Risk.Assessments {
		t.Errorf("risk section %d assessments, submission %d", n, s.Risk.Assessments)
	}
}

func checkDeviationSection(t *testing.T, tables []reports.RecordedTable, s model.Submission) {
	t.Helper()
	dv := s.Deviations
	if dv == nil {
		return
	}
	open := 0
	if tb := findTable(tables, "Alvorlige og svært alvorlige avvik", "Nr"); tb != nil {
		for _, row := range tb.Rows {
			if !strings.HasPrefix(row[5], model.DevClosed.Label()) {
				open++
			}
		}
	}
	if open != dv.OpenSerious {
		t.Errorf("deviation section lists %d open serious, submission %d", open, dv.OpenSerious)
	}
}

var levelCounts = regexp.MustCompile(`Før tiltak: høy (\d+), middels (\d+), lav (\d+)(?:, ikke vurdert (\d+))?\. Etter tiltak: høy (\d+), middels (\d+), lav (\d+)(?:, ikke vurdert (\d+))?$`)

// checkRiskCountsAddUp: the summary's counts per level before and after
// measures, with the hazards not assessed, add up to the hazards, and
// say the same as the section's level table and the submission.
func checkRiskCountsAddUp(t *testing.T, tables []reports.RecordedTable, lines []model.SummaryLine, s model.Submission) {
	t.Helper()
	var figures string
	for _, l := range lines {
		if l.Module == model.ModuleRisiko {
			figures = l.Figures
		}
	}
	m := levelCounts.FindStringSubmatch(figures)
	if m == nil {
		if s.Risk.Items > 0 {
			t.Errorf("risk summary %q does not give the levels", figures)
		}
		return
	}
	n := make([]int, len(m))
	for i := 1; i < len(m); i++ {
		n[i], _ = strconv.Atoi(m[i]) // an absent «ikke vurdert» is 0
	}
	if n[1]+n[2]+n[3]+n[4] != s.Risk.Items || n[5]+n[6]+n[7]+n[8] != s.Risk.Items {
		t.Errorf("risk summary %q does not add up to %d hazards", figures, s.Risk.Items)
	}
	if n[4] != s.Risk.NotAssessed || n[8] != s.Risk.NotAssessedAfter() {
		t.Errorf("risk summary %q, submission not assessed %d before, %d after", figures, s.Risk.NotAssessed, s.Risk.NotAssessedAfter())
	}
	tb := findTable(tables, "Samlet risikobilde", "Risikonivå")
	if tb == nil {
		t.Error("the risk section has no table of levels")
		return
	}
	if row := rowStarting(tb, "Ikke vurdert"); row == nil || row[1] != strconv.Itoa(n[4]) || row[2] != strconv.Itoa(n[8]) {
		t.Errorf("risk section «Ikke vurdert» %v, summary %q", row, figures)
	}
}

// checkNoticeLine: the deviation section's § 5-2 line is the model's,
// from the submission's counts.
func checkNoticeLine(t *testing.T, tables []reports.RecordedTable, s model.Submission) {
	t.Helper()
	dv := s.Deviations
	if dv == nil || dv.Total == 0 {
		return
	}
	want := model.DeviationStatistics{Year: model.HMSYear(s.Year), NoticeNeeded: dv.NoticesNeeded, NoticeSent: dv.NoticesSent,
		NoticeSentAfterYear: dv.NoticesSentAfterYear, NoticeOutstanding: dv.NoticesOutstanding}.NoticeText()
	for _, tb := range tables {
		if tb.Caption != "Avvik" {
			continue
		}
		if row := rowStarting(&tb, "Dødsfall og alvorlig personskade (arbeidsmiljøloven § 5-2)"); row != nil {
			if row[1] != want {
				t.Errorf("§ 5-2 line %q, from the submission %q", row[1], want)
			}
			return
		}
	}
	t.Error("the deviation section has no § 5-2 line")
}

func rowStarting(tb *reports.RecordedTable, first string) []string {
	for _, row := range tb.Rows {
		if row[0] == first {
			return row
		}
	}
	return nil
}

func findTable(tables []reports.RecordedTable, caption, firstColumn string) *reports.RecordedTable {
	for i := range tables {
		tb := &tables[i]
		if tb.Caption == caption && len(tb.Header) > 0 && tb.Header[0] == firstColumn {
			return tb
		}
	}
	return nil
}

var spaces = regexp.MustCompile(`\s+`)

// pdfTextOf writes doc and reads its text back with pdftotext, with all
// runs of white space as one space (so wrapped lines read as one).
func pdfTextOf(t *testing.T, doc *reports.Document) string {
	t.Helper()
	b, err := doc.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return spaces.ReplaceAllString(string(out), " ")
}
