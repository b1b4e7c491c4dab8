package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// sickQ gives s sick leave for the quarters given as quarter → percent,
// each with days agreed working days (0 = unknown); the year figure is
// their mean weighted the same way.
func sickQ(s SubmissionFile, days int, qs map[int]float64) SubmissionFile {
	sl := &SubmissionSickLeave{}
	var sum float64
	for q := 1; q <= 4; q++ {
		if p, ok := qs[q]; ok {
			sl.Quarters = append(sl.Quarters, SubmissionQuarter{Quarter: Quarter{Year: s.Year, Q: q}, Percent: p, AgreedDays: days})
			sum += p
		}
	}
	if len(sl.Quarters) > 0 {
		sl.Year = fptr(sum / float64(len(sl.Quarters)))
	}
	s.SickLeave = sl
	return s
}

func inMuni(s SubmissionFile, m string) SubmissionFile { s.Unit.Municipality = m; return s }

func TestCompareYears(t *testing.T) {
	full := map[int]float64{1: 6, 2: 6, 3: 6, 4: 6}
	a25, a26 := sickQ(aggSub("A", SectorSkole, 10, 2025), 100, full), sickQ(aggSub("A", SectorSkole, 10, 2026), 100, full)
	b25, b26 := sickQ(aggSub("B", SectorSkole, 10, 2025), 100, full), sickQ(aggSub(" b ", SectorSkole, 12, 2026), 100, full)
	new1 := sickQ(aggSub("Ny", SectorSkole, 50, 2026), 100, map[int]float64{1: 2, 2: 2, 3: 2, 4: 2})
	gone := sickQ(aggSub("Borte", SectorSkole, 50, 2025), 100, map[int]float64{1: 20, 2: 20, 3: 20, 4: 20})
	other := inMuni(sickQ(aggSub("A", SectorSkole, 10, 2026), 100, full), "Løten kommune")
	for _, c := range []struct {
		name              string
		cur, prev         []SubmissionFile
		both, onlyC, only int
		sickC, sickP      float64
	}{
		{"same units", []SubmissionFile{a26, b26}, []SubmissionFile{a25, b25}, 2, 0, 0, 6, 6},
		{"a new unit and one gone are left out", []SubmissionFile{a26, b26, new1}, []SubmissionFile{a25, b25, gone}, 2, 1, 1, 6, 6},
		{"same name in another municipality is another unit", []SubmissionFile{other}, []SubmissionFile{a25}, 0, 1, 1, 0, 0},
		{"no year before", []SubmissionFile{a26}, nil, 0, 1, 0, 0, 0},
	} {
		got := compareYears(c.cur, c.prev)
		if got.Both != c.both || len(got.OnlyCur) != c.onlyC || len(got.OnlyPrev) != c.only ||
			got.Cur.Units != c.both || got.Prev.Units != c.both {
			t.Errorf("%s: both %d, only %d/%d, units %d/%d", c.name, got.Both, len(got.OnlyCur), len(got.OnlyPrev), got.Cur.Units, got.Prev.Units)
		}
		if !near(got.Cur.SickLeave.Percent, c.sickC) || !near(got.Prev.SickLeave.Percent, c.sickP) {
			t.Errorf("%s: sick %v / %v, want %v / %v", c.name, got.Cur.SickLeave.Percent, got.Prev.SickLeave.Percent, c.sickC, c.sickP)
		}
	}
}

// TestSickLeaveLikeForLike: a year with K1–K3 is compared with the same
// quarters of the year before, not with its whole year.
func TestSickLeaveLikeForLike(t *testing.T) {
	prev := sickQ(aggSub("A", SectorSkole, 10, 2025), 100, map[int]float64{1: 8, 2: 6, 3: 4, 4: 10})
	cur := sickQ(aggSub("A", SectorSkole, 10, 2026), 100, map[int]float64{1: 8, 2: 6, 3: 4})
	noDays := sickQ(aggSub("B", SectorSkole, 10, 2025), 0, map[int]float64{1: 3, 3: 5})
	noDaysCur := sickQ(aggSub("B", SectorSkole, 10, 2026), 0, map[int]float64{2: 9, 3: 7})
	for _, c := range []struct {
		name         string
		cur, prev    []SubmissionFile
		units        int
		pc, pp       float64
		scope        string
		curFullScope string
	}{
		{"K1–K3 against K1–K3", []SubmissionFile{cur}, []SubmissionFile{prev}, 1, 6, 6, "K1–K3", "K1–K3"},
		{"only K3 in common, plain mean without days", []SubmissionFile{noDaysCur}, []SubmissionFile{noDays}, 1, 7, 5, "K3", "K2 og K3"},
		{"no common quarter: not comparable", []SubmissionFile{sickQ(aggSub("C", SectorSkole, 5, 2026), 0, map[int]float64{1: 4})},
			[]SubmissionFile{sickQ(aggSub("C", SectorSkole, 5, 2025), 0, map[int]float64{4: 4})}, 0, 0, 0, "", "K1"},
	} {
		c0, p0 := sickLeaveLikeForLike(c.cur, c.prev)
		if c0.Units != c.units || p0.Units != c.units || !near(c0.Percent, c.pc) || !near(p0.Percent, c.pp) {
			t.Errorf("%s: %+v / %+v", c.name, c0, p0)
		}
		if got := c0.QuarterScope(); got != c.scope {
			t.Errorf("%s: scope %q, want %q", c.name, got, c.scope)
		}
		if got := sickLeaveTotal(c.cur).QuarterScope(); got != c.curFullScope {
			t.Errorf("%s: year scope %q, want %q", c.name, got, c.curFullScope)
		}
	}
}

func TestQuarterScope(t *testing.T) {
	for _, c := range []struct {
		t    SickLeaveTotal
		want string
	}{
		{SickLeaveTotal{}, ""},
		{SickLeaveTotal{Units: 2, QuarterUnits: [4]int{2, 2, 2, 2}}, ""},
		{SickLeaveTotal{Units: 2, QuarterUnits: [4]int{2, 2, 2, 0}}, "K1–K3"},
		{SickLeaveTotal{Units: 1, QuarterUnits: [4]int{1, 1, 0, 1}}, "K1, K2 og K4"},
		{SickLeaveTotal{Units: 1, QuarterUnits: [4]int{1, 1, 0, 0}}, "K1 og K2"},
		{SickLeaveTotal{Units: 5, QuarterUnits: [4]int{5, 5, 4, 1}}, "K1 (5 enheter), K2 (5 enheter), K3 (4 enheter), K4 (1 enhet)"},
	} {
		if got := c.t.QuarterScope(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.t.QuarterUnits, got, c.want)
		}
		if same := !strings.Contains(c.want, "("); c.t.SameQuarters() != same {
			t.Errorf("%+v: SameQuarters %v, want %v", c.t.QuarterUnits, !same, same)
		}
	}
}

func TestStatusWhen(t *testing.T) {
	at := func(d Date) SubmissionFile { s := aggSub("A", SectorSkole, 5, 2026); s.Produced = d; return s }
	jan := at(NewDate(2027, time.January, 10))
	dec := at(NewDate(2026, time.December, 4))
	nov := at(NewDate(2026, time.November, 1))
	last := at(NewDate(2026, time.December, 31))
	for _, c := range []struct {
		units []SubmissionFile
		want  string
	}{
		{[]SubmissionFile{jan}, "ved årets slutt"},
		{[]SubmissionFile{last}, "ved årets slutt"},
		{[]SubmissionFile{dec}, "per 04.12.2026"},
		{[]SubmissionFile{dec, dec}, "per 04.12.2026"},
		{[]SubmissionFile{jan, dec, nov}, "per 01.11.2026–31.12.2026"},
	} {
		if got := StatusWhen(c.units, 2026); got != c.want {
			t.Errorf("%d units: %q, want %q", len(c.units), got, c.want)
		}
	}
}

func TestSickTarget(t *testing.T) {
	withTarget := func(name, muni string, p float64, by TargetOwner) SubmissionFile {
		s := inMuni(withSick(aggSub(name, SectorSkole, 10, 2026), 6, 10), muni)
		s.SickLeave.Target, s.SickLeave.TargetSetBy = fptr(p), by
		return s
	}
	hr := 7.0
	for _, c := range []struct {
		name      string
		units     []SubmissionFile
		hr        *float64
		want      float64
		fromUnits bool
		ok        bool
		reported  int
	}{
		{"units report the municipality's", []SubmissionFile{withTarget("A", "Hamar", 7.4, TargetByMunicipality), withTarget("B", "Hamar", 7.4, TargetByMunicipality)}, nil, 7.4, true, true, 1},
		{"HR's own wins", []SubmissionFile{withTarget("A", "Hamar", 7.4, TargetByMunicipality)}, &hr, 7, false, true, 1},
		{"the unit's own target is not the municipality's", []SubmissionFile{withTarget("A", "Hamar", 5.2, TargetByUnit)}, nil, 0, false, false, 0},
		{"older files do not say", []SubmissionFile{withTarget("A", "Hamar", 7.4, "")}, nil, 0, false, false, 0},
		{"two values", []SubmissionFile{withTarget("A", "Hamar", 7.4, TargetByMunicipality), withTarget("B", "Hamar", 7.0, TargetByMunicipality)}, nil, 0, false, false, 2},
		{"two municipalities", []SubmissionFile{withTarget("A", "Hamar", 7.4, TargetByMunicipality), withTarget("B", "Løten", 5.2, TargetByUnit)}, nil, 0, false, false, 1},
	} {
		a := Aggregate(c.units, nil, AggregateOptions{Year: 2026, Target: c.hr})
		got, from, ok := a.SickTarget()
		if got != c.want || from != c.fromUnits || ok != c.ok || len(a.ReportedTargets) != c.reported {
			t.Errorf("%s: %v %v %v, reported %+v", c.name, got, from, ok, a.ReportedTargets)
		}
	}
}

func TestTargetOwnerName(t *testing.T) {
	for by, want := range map[TargetOwner]string{TargetByUnit: "enhetens mål", TargetByMunicipality: "kommunens mål", "": "mål"} {
		if got := TargetOwnerName(&SubmissionSickLeave{TargetSetBy: by}); got != want {
			t.Errorf("%q: %q, want %q", by, got, want)
		}
	}
}

func TestMunicipalitiesOf(t *testing.T) {
	us := []SubmissionFile{inMuni(aggSub("A", SectorSkole, 5, 2026), "Stange kommune"), inMuni(aggSub("B", SectorSkole, 5, 2026), " hamar  kommune"),
		inMuni(aggSub("C", SectorSkole, 5, 2026), "Stange  kommune")}
	if got := strings.Join(MunicipalitiesOf(us), "|"); got != "hamar kommune|Stange kommune" {
		t.Errorf("%q", got)
	}
	if a := Aggregate(us[:1], nil, AggregateOptions{}); a.Several() {
		t.Error("one municipality counted as several")
	}
	if a := Aggregate(us, nil, AggregateOptions{}); !a.Several() {
		t.Error("two municipalities not several")
	}
}

func TestTenFactorRoundYears(t *testing.T) {
	tf := func(name string, round, resp int) SubmissionFile {
		s := aggSub(name, SectorSkole, 10, 2025)
		s.TenFactor = &SubmissionTenFactor{RoundYear: round, Respondents: resp, Factors: []SubmissionFactor{{Factor: 1, Mean: 4}}}
		return s
	}
	for _, c := range []struct {
		name  string
		units []SubmissionFile
		want  string
	}{
		{"all from 2024", []SubmissionFile{tf("A", 2024, 10), tf("B", 2024, 5)}, "2024:A,B"},
		{"mixed", []SubmissionFile{tf("A", 2025, 10), tf("B", 2024, 5), tf("C", 2025, 4)}, "2024:B 2025:A,C"},
		{"too few answers do not count", []SubmissionFile{tf("A", 2024, 2), tf("B", 2023, 5)}, "2023:B"},
		{"version 1: year unknown", []SubmissionFile{tf("A", 0, 5)}, "0:A"},
	} {
		var parts []string
		for _, r := range TenFactorRoundYears(c.units) {
			var names []string
			for _, s := range r.Units {
				names = append(names, s.Unit.Name)
			}
			parts = append(parts, strings.Join([]string{itoa(r.Year), strings.Join(names, ",")}, ":"))
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if (RoundYears{Year: 2024}).Label() != "kartlegging 2024" || (RoundYears{}).Label() != "kartlegging med ukjent år" {
		t.Error("labels")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestNotAssessedAfter(t *testing.T) {
	for _, c := range []struct {
		r    SubmissionRisk
		want int
	}{
		{SubmissionRisk{Items: 4, After: map[RiskLevel]int{RiskLow: 2, RiskMedium: 2}}, 0},
		{SubmissionRisk{Items: 26, NotAssessed: 0, After: map[RiskLevel]int{RiskLow: 10, RiskMedium: 10, RiskHigh: 3}}, 3},
		{SubmissionRisk{Items: 0}, 0},
	} {
		if got := c.r.NotAssessedAfter(); got != c.want {
			t.Errorf("%+v: %d, want %d", c.r, got, c.want)
		}
	}
	a := aggSub("A", SectorSkole, 5, 2026)
	a.Risk = &SubmissionRisk{Items: 5, NotAssessed: 1, Before: map[RiskLevel]int{RiskHigh: 4}, After: map[RiskLevel]int{RiskLow: 3}, Matrix: SubmissionMatrix{Size: 5}}
	p := riskPicture([]SubmissionFile{a, aggSub("B", SectorSkole, 5, 2026)})
	if p.Items != 5 || p.NotAssessed != 1 || p.NotAssessedAfter != 2 {
		t.Errorf("%+v", p)
	}
}
