package model

import (
	"math"
	"strings"
	"testing"
	"time"
)

// aggSub is a small submission for the aggregate's tests.
func aggSub(name string, sector Sector, employees, year int) SubmissionFile {
	return SubmissionFile{File: strings.ToLower(name) + ".json", Submission: Submission{
		Schema: SubmissionSchema, SchemaVersion: SubmissionVersion, Year: year,
		Produced:   NewDate(year+1, time.January, 10),
		Unit:       SubmissionUnit{Name: name, Municipality: "Hamar kommune", Sector: sector, Employees: employees},
		ActionPlan: &SubmissionPlan{}, Risk: &SubmissionRisk{Matrix: SubmissionMatrix{Size: 5}},
	}}
}

func fptr(p float64) *float64 { return &p }

func withSick(s SubmissionFile, year float64, days ...int) SubmissionFile {
	sl := &SubmissionSickLeave{Year: fptr(year)}
	for i, d := range days {
		sl.Quarters = append(sl.Quarters, SubmissionQuarter{Quarter: Quarter{Year: s.Year, Q: i + 1}, Percent: year, AgreedDays: d})
	}
	s.SickLeave = sl
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCommonYear(t *testing.T) {
	for _, c := range []struct {
		years []int
		want  HMSYear
	}{
		{nil, 0},
		{[]int{2025}, 2025},
		{[]int{2025, 2026}, 2026},             // tie: newest
		{[]int{2025, 2025, 2026}, 2025},       // most files
		{[]int{2026, 2025, 2025, 2026}, 2026}, // tie again
	} {
		var fs []SubmissionFile
		for _, y := range c.years {
			fs = append(fs, aggSub("A", SectorSkole, 10, y))
		}
		if got := commonYear(fs); got != c.want {
			t.Errorf("%v: %v, want %v", c.years, got, c.want)
		}
	}
}

func TestNewestPerUnit(t *testing.T) {
	a := aggSub("Lia skole", SectorSkole, 10, 2026)
	b := aggSub(" lia  SKOLE ", SectorSkole, 11, 2026) // same unit: case and spaces ignored
	b.File = "lia-ny.json"
	b.Produced = a.Produced.AddDays(1)
	c := aggSub("Lia skole", SectorSkole, 12, 2026) // same day as a, given later
	c.File = "lia-kopi.json"
	d := aggSub("Berg skole", SectorSkole, 5, 2026)
	for _, tc := range []struct {
		name     string
		in       []SubmissionFile
		wantFile []string
		replaced int
	}{
		{"one each", []SubmissionFile{a, d}, []string{"berg skole.json", "lia skole.json"}, 0},
		{"newer produced wins, whatever the order", []SubmissionFile{b, a}, []string{"lia-ny.json"}, 1},
		{"same day: the later file wins", []SubmissionFile{a, c}, []string{"lia-kopi.json"}, 1},
		{"three copies", []SubmissionFile{a, b, c, d}, []string{"berg skole.json", "lia-ny.json"}, 2},
	} {
		keep, rep := newestPerUnit(tc.in)
		var files []string
		for _, k := range keep {
			files = append(files, k.File)
		}
		if strings.Join(files, ",") != strings.Join(tc.wantFile, ",") || len(rep) != tc.replaced {
			t.Errorf("%s: kept %v, replaced %v", tc.name, files, rep)
		}
		for _, r := range rep {
			if r.Kind != ProblemReplaced || !r.Failed() || !strings.Contains(r.Reason, "erstattet av den nyere filen") {
				t.Errorf("%s: %+v", tc.name, r)
			}
		}
	}
}

func TestMissingUnits(t *testing.T) {
	units := []SubmissionFile{aggSub("Lia skole", SectorSkole, 10, 2026), aggSub("Berg barnehage", SectorBarnehage, 8, 2026)}
	exp := ParseExpectedUnits("\uFEFF# liste\nlia   SKOLE\nBerg barnehage;Hamar kommune\nBerg barnehage;Løten kommune\n\nNy skole\n")
	got := missingUnits(exp, units)
	if len(got) != 2 || got[0].String() != "Berg barnehage (Løten kommune)" || got[1].String() != "Ny skole" {
		t.Errorf("%v", got)
	}
	if n := unlistedUnits(exp, append(units, aggSub("Ukjent skole", SectorSkole, 9, 2026))); n != 1 {
		t.Errorf("unlisted %d", n)
	}
	if unlistedUnits(nil, units) != 0 {
		t.Error("unlisted without a list")
	}
	if missingUnits(nil, units) != nil {
		t.Error("no list, yet missing units")
	}
}

func TestSickLeaveTotal(t *testing.T) {
	big := withSick(aggSub("A", SectorSkole, 30, 2026), 4, 1000, 1000, 1000, 1000)
	small := withSick(aggSub("B", SectorSkole, 10, 2026), 10, 500, 500, 500, 500)
	noDays := withSick(aggSub("C", SectorSkole, 10, 2026), 10, 500, 0)
	noYear := aggSub("D", SectorSkole, 100, 2026)
	noYear.SickLeave = &SubmissionSickLeave{}
	for _, c := range []struct {
		name   string
		in     []SubmissionFile
		units  int
		pct    float64
		byDays bool
		noDays int
	}{
		{"none", nil, 0, 0, false, 0},
		{"module not in use or no quarter", []SubmissionFile{aggSub("E", SectorSkole, 5, 2026), noYear}, 0, 0, false, 0},
		{"by days", []SubmissionFile{big, small}, 2, (4*4000 + 10*2000) / 6000.0, true, 0},
		// big: 4 000 days for 30 employees; noDays counts as 10 × 4 000/30.
		{"one unit lacks days: it counts by employees at the others' days per employee", []SubmissionFile{big, noDays}, 2,
			(4*4000 + 10*10*4000/30.0) / (4000 + 10*4000/30.0), false, 1},
		{"no unit has days: by employees", []SubmissionFile{noDays, withSick(aggSub("F", SectorSkole, 30, 2026), 4)}, 2, (10*10 + 4*30) / 40.0, false, 2},
	} {
		got := sickLeaveTotal(c.in)
		if got.Units != c.units || !near(got.Percent, c.pct) || got.ByDays != c.byDays || got.NoDays != c.noDays {
			t.Errorf("%s: %+v, want %d units %.3f %% by days %v", c.name, got, c.units, c.pct, c.byDays)
		}
	}
}

func TestHighestRemainingRisk(t *testing.T) {
	for _, c := range []struct {
		r    *SubmissionRisk
		want RiskLevel
	}{
		{nil, ""},
		{&SubmissionRisk{After: map[RiskLevel]int{RiskLow: 0}}, ""},
		{&SubmissionRisk{After: map[RiskLevel]int{RiskLow: 3, RiskMedium: 1}}, RiskMedium},
		{&SubmissionRisk{Matrix: SubmissionMatrix{Size: 4}, After: map[RiskLevel]int{RiskLow: 3, RiskHigh: 1}}, RiskHigh},
	} {
		if got := HighestRemainingRisk(c.r); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}

func TestRiskPictureCountsLevelsNotScores(t *testing.T) {
	a := aggSub("A", SectorSkole, 10, 2026)
	a.Risk = &SubmissionRisk{Matrix: SubmissionMatrix{Size: 4}, Items: 2, Before: map[RiskLevel]int{RiskHigh: 2}, After: map[RiskLevel]int{RiskHigh: 1, RiskLow: 1}}
	b := aggSub("B", SectorSkole, 10, 2026)
	b.Risk = &SubmissionRisk{Matrix: SubmissionMatrix{Size: 5}, Items: 1, Before: map[RiskLevel]int{RiskMedium: 1}, After: map[RiskLevel]int{RiskLow: 1}}
	c := aggSub("C", SectorSkole, 10, 2026)
	d := aggSub("D", SectorSkole, 10, 2026)
	d.Risk = nil
	p := riskPicture([]SubmissionFile{a, b, c, d})
	if p.Units[RiskHigh] != 1 || p.Units[RiskLow] != 1 || p.NoneAssessed != 1 || p.NotInUse != 1 ||
		p.Matrix4 != 1 || p.Matrix5 != 2 || p.Before[RiskHigh] != 2 || p.After[RiskLow] != 2 {
		t.Errorf("%+v", p)
	}
}

func TestTenFactorMeans(t *testing.T) {
	tf := func(round, resp int, means ...float64) *SubmissionTenFactor {
		x := &SubmissionTenFactor{RoundYear: round, Respondents: resp}
		for i, m := range means {
			x.Factors = append(x.Factors, SubmissionFactor{Factor: i + 1, Mean: m})
		}
		return x
	}
	a, b, c := aggSub("A", SectorSkole, 10, 2026), aggSub("B", SectorSkole, 10, 2026), aggSub("C", SectorSkole, 10, 2026)
	a.TenFactor, b.TenFactor, c.TenFactor = tf(2026, 10, 4, 3), tf(2026, 30, 2), tf(2026, 2) // c: too few answers
	pa, pb := aggSub("A", SectorSkole, 10, 2025), aggSub("B", SectorSkole, 10, 2025)
	pa.TenFactor = tf(2024, 20, 3)   // an older round: the previous one
	pb.TenFactor = tf(2026-1, 30, 5) // the same round year as... older than 2026: counted
	pb2 := pb
	pb2.TenFactor = tf(2026, 30, 5) // the same round as this year: not a previous round
	got := tenFactorMeans([]SubmissionFile{a, b, c}, []SubmissionFile{pa, pb})
	if len(got) != 2 || !near(got[0].Mean, (4*10+2*30)/40.0) || got[0].Respondents != 40 || got[0].Units != 2 ||
		!near(got[0].Prev, (3*20+5*30)/50.0) || got[1].Factor != 2 || got[1].Mean != 3 || got[1].Prev != 0 {
		t.Errorf("%+v", got)
	}
	got = tenFactorMeans([]SubmissionFile{a, b}, []SubmissionFile{pb2})
	if got[0].Prev != 0 || got[0].PrevUnits != 0 {
		t.Errorf("same round counted as previous: %+v", got[0])
	}
}

func TestAttention(t *testing.T) {
	over := aggSub("Stor", SectorSykehjem, 40, 2026)
	over.SickLeave = &SubmissionSickLeave{Rules: []SubmissionRuleFlag{{Rule: "over 10 %", Quarter: Quarter{2026, 3}}}}
	tiny := aggSub("Liten", SectorSykehjem, 4, 2026) // under the minimum: not named
	tiny.SickLeave = over.SickLeave
	tiny.Deviations = &SubmissionDeviation{Total: 3, Open: 2, OpenSerious: 1, NoticesNeeded: 2, NoticesSent: 1, NoticesOutstanding: 1}
	tiny.ActionPlan = &SubmissionPlan{Open: 3, Overdue: 2}
	tiny.Risk = &SubmissionRisk{Assessments: 2, ReviewOverdue: 1}
	tiny.Violence = &SubmissionViolence{}
	tiny.Checklist = []SubmissionPoint{{1, true}, {4, false}, {6, false}, {7, false}}
	ok := aggSub("Ok", SectorSkole, 10, 2026)
	ok.Risk = &SubmissionRisk{Assessments: 1, CarriedOut: 1}
	ok.Violence = &SubmissionViolence{Mapped: true, Mapping: NewDate(2026, 3, 1)}
	a := attention([]SubmissionFile{over, tiny, ok}, 5)
	check := func(name string, rows []AttentionRow, want ...string) {
		t.Helper()
		if len(rows) != len(want) {
			t.Errorf("%s: %+v", name, rows)
			return
		}
		for i, w := range want {
			if !strings.Contains(rows[i].Unit.Unit.Name+": "+rows[i].Detail, w) {
				t.Errorf("%s: %q lacks %q", name, rows[i].Detail, w)
			}
		}
	}
	check("sick leave", a.SickLeave, "Stor: over 10 %: 2026-K3")
	if a.SmallHidden != 1 {
		t.Errorf("small hidden %d", a.SmallHidden)
	}
	check("serious", a.Serious, "Liten: 1 åpent avvik med alvorlighet alvorlig eller svært alvorlig (av 2 åpne)")
	check("notices", a.Notices, "Liten: 2 tilfeller der noen døde eller ble alvorlig skadet, varslet i året: 1, ikke registrert varslet til Arbeidstilsynet og politiet: 1")
	check("overdue", a.Overdue, "Liten: 2 tiltak over fristen")
	check("risk", a.Risk, "Stor: Ingen risikovurdering", "Liten: Ingen risikovurdering gjennomført i 2026; 1 risikovurdering har passert revisjonsdatoen")
	check("violence", a.Violence, "Liten: Ingen kartlegging")
	check("checklist", a.Checklist, "Liten: Punktene 4, 6 og 7")
	if got := rulesDetail([]SubmissionRuleFlag{{"A", Quarter{2026, 1}}, {"B", Quarter{2026, 2}}, {"A", Quarter{2026, 3}}}); got != "A: 2026-K1 og 2026-K3. B: 2026-K2" {
		t.Errorf("rules %q", got)
	}
	if a.Count() != 8 {
		t.Errorf("count %d", a.Count())
	}
}

func TestAggregateYearsAndProblems(t *testing.T) {
	cur := []SubmissionFile{
		withSick(aggSub("A", SectorSkole, 20, 2026), 6, 100, 100, 100, 100),
		withSick(aggSub("B", SectorBarnehage, 3, 2026), 12, 10, 10, 10, 10),
		withSick(aggSub("A", SectorSkole, 20, 2025), 5, 100, 100, 100, 100),
		aggSub("Gammel", SectorSkole, 20, 2023),
	}
	a := Aggregate(cur, []FileProblem{{File: "x.json", Reason: "avkortet"}}, AggregateOptions{Year: 2026, Expected: ParseExpectedUnits("A\nC")})
	if a.Year != 2026 || a.Previous != 2025 || len(a.Units) != 2 || len(a.PrevUnits) != 1 || a.MinEmployees != 5 {
		t.Fatalf("%+v", a)
	}
	if len(a.Problems) != 2 || a.Failed() != 1 || a.Problems[1].Kind != ProblemOtherYear || len(a.Missing) != 1 || a.Missing[0].Name != "C" {
		t.Errorf("problems %+v missing %+v", a.Problems, a.Missing)
	}
	if !a.SickLeave.ByDays || !near(a.SickLeave.Percent, (6*400+12*40)/440.0) || !near(a.PrevSick.Percent, 5) {
		t.Errorf("sick %+v prev %+v", a.SickLeave, a.PrevSick)
	}
	if len(a.Sectors) != 2 || a.Sectors[0].Sector != SectorBarnehage || a.Sectors[0].Small != 1 {
		t.Errorf("sectors %+v", a.Sectors)
	}
	// Without --year: the year most files are for.
	if b := Aggregate(cur[:3], nil, AggregateOptions{}); b.Year != 2026 || b.Previous != 2025 {
		t.Errorf("default year %v/%v", b.Year, b.Previous)
	}
}

func TestYearFigures(t *testing.T) {
	a := withSick(aggSub("A", SectorSkole, 20, 2026), 6, 100, 100, 100, 100)
	a.Deviations = &SubmissionDeviation{Total: 4, Open: 2, OpenSerious: 1}
	a.ActionPlan = &SubmissionPlan{Open: 3, Overdue: 2}
	a.Risk.After = map[RiskLevel]int{RiskHigh: 1}
	a.Violence = &SubmissionViolence{Mapped: true, Mapping: NewDate(2026, 1, 1)}
	a.Checklist = []SubmissionPoint{{1, true}, {2, true}, {3, true}, {4, true}, {5, true}, {6, true}, {7, true}, {8, true}}
	b := aggSub("B", SectorSkole, 3, 2026)
	b.Checklist = a.Checklist[:7]
	y := yearFigures([]SubmissionFile{a, b})
	want := YearFigures{Units: 2, Employees: 23, Deviations: 4, DevUnits: 1, OpenSerious: 1, Overdue: 2, HighRisk: 1, Mapped: 1, AllPoints: 1}
	y.SickLeave = SickLeaveTotal{}
	if y != want {
		t.Errorf("%+v\nwant %+v", y, want)
	}
	if z := yearFigures(nil); z.Units != 0 || z.SickLeave.Units != 0 {
		t.Errorf("no units: %+v", z)
	}
}
