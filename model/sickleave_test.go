package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

var slToday = NewDate(2026, 11, 24)

func slq(quarter string, total Percent) SickLeaveQuarter {
	q, err := ParseQuarter(quarter)
	if err != nil {
		panic(err)
	}
	return SickLeaveQuarter{Quarter: q, Total: total}
}

func TestSickLeaveValidate(t *testing.T) {
	p := PercentPtr
	tests := []struct {
		name  string
		q     SickLeaveQuarter
		field string // "" = valid
		msg   string
	}{
		{"total only", slq("2026-K1", 740), "", ""},
		{"zero is a value", slq("2026-K1", 0), "", ""},
		{"100 %", slq("2026-K1", 10000), "", ""},
		{"above 100 %", slq("2026-K1", 10001), FieldSickTotal, "mellom 0 og 100"},
		{"negative", slq("2026-K1", -1), FieldSickTotal, "mellom 0 og 100"},
		{"no quarter", SickLeaveQuarter{Total: 740}, FieldSickQuarter, "må fylles ut"},
		{"bad quarter", SickLeaveQuarter{Quarter: Quarter{Year: 2026, Q: 5}, Total: 740}, FieldSickQuarter, "åååå-K1"},
		{"current quarter", slq("2026-K4", 740), "", ""},
		{"next quarter", slq("2027-K1", 740), FieldSickQuarter, "2027-K1 har ikke begynt"},
		{"parts equal total", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, SelfCertified: p(100), DoctorShort: p(140), DoctorLong: p(500)}, "", ""},
		{"parts 0,10 over (rounding)", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, SelfCertified: p(110), DoctorShort: p(140), DoctorLong: p(500)}, "", ""},
		{"parts 0,11 over", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, SelfCertified: p(111), DoctorShort: p(140), DoctorLong: p(500)}, FieldSickTotal,
			"Egenmeldt, legemeldt korttid og legemeldt langtid (7,51 %) er høyere enn sykefravær totalt (7,4 %)"},
		{"one part above total", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 500, DoctorLong: p(600)}, FieldSickTotal, "Legemeldt langtid (6,0 %)"},
		{"zero part known", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 0, SelfCertified: p(0)}, "", ""},
		{"part above 100", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, DoctorShort: p(10001)}, FieldDoctorShort, "mellom 0 og 100"},
		{"negative employees", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, Employees: -1}, FieldSickEmployees, "0 = ukjent"},
		{"negative days", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, AgreedDays: -1}, FieldAgreedDays, "0 = ukjent"},
		{"counts", SickLeaveQuarter{Quarter: Quarter{2026, 1}, Total: 740, Employees: 84, AgreedDays: 5123}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.q.Validate(slToday)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			v, ok := err.(ValidationError)
			if !ok {
				t.Fatalf("error %T %v, want ValidationError", err, err)
			}
			if msg := v.For(tc.field); !strings.Contains(msg, tc.msg) {
				t.Errorf("%s: %q, want it to contain %q (all: %v)", tc.field, msg, tc.msg, err)
			}
		})
	}
}

func TestSickLeavePresenceAndJSON(t *testing.T) {
	q := SickLeaveQuarter{Quarter: Quarter{2025, 4}, Total: 740, SelfCertified: PercentPtr(0)}
	if got := q.Presence(); got != 9260 || got.String() != "92,6 %" {
		t.Errorf("Presence = %v", got)
	}
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":0,"quarter":"2025-K4","total":740,"self_certified":0,"employees":0,"agreed_days":0}`
	if string(b) != want {
		t.Errorf("JSON %s\nwant %s", b, want)
	}
	var back SickLeaveQuarter
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, q) {
		t.Errorf("round trip %+v %v", back, err)
	}
	if back.DoctorShort != nil || back.SelfCertified == nil || *back.SelfCertified != 0 {
		t.Error("zero and unknown must stay distinguishable")
	}
}

func TestPercentFromDays(t *testing.T) {
	tests := []struct {
		sick, agreed float64
		want         Percent
		field        string
	}{
		{370, 5000, 740, ""},
		{0, 5000, 0, ""},
		{5000, 5000, 10000, ""},
		{1, 3, 3333, ""},
		{2, 3, 6667, ""},
		{1, 0, 0, FieldAgreedDays},
		{1, -5, 0, FieldAgreedDays},
		{-1, 10, 0, FieldSickDays},
		{11, 10, 0, FieldSickDays},
	}
	for _, tc := range tests {
		got, err := PercentFromDays(tc.sick, tc.agreed)
		if tc.field != "" {
			if v, ok := err.(ValidationError); !ok || v.For(tc.field) == "" {
				t.Errorf("PercentFromDays(%v, %v) error %v, want one for %s", tc.sick, tc.agreed, err, tc.field)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("PercentFromDays(%v, %v) = %v, %v; want %v", tc.sick, tc.agreed, got, err, tc.want)
		}
	}
}

func TestSickLeaveSettings(t *testing.T) {
	d := DefaultSickLeaveSettings()
	if d.Target != 520 || d.TwoQuarterThreshold != 700 || d.OneQuarterThreshold != 1000 {
		t.Errorf("defaults %+v", d)
	}
	// The defaults' 5,2 % is an example nobody set (the county's own
	// target): not the unit's, not judged against, not stored as chosen.
	if d.TargetSetBy != TargetByExample || d.TargetIsSet() || d.AverageAboveTarget(900) || d.Validate() == nil {
		t.Errorf("defaults %+v: set %v, validate %v", d, d.TargetIsSet(), d.Validate())
	}
	if d.TargetSetBy.Label() != TargetByUnit.Label() {
		t.Errorf("a form shows the example's owner as %q, want the unit preselected", d.TargetSetBy.Label())
	}
	chosen := d
	chosen.TargetSetBy = TargetByUnit
	if chosen.Validate() != nil || !chosen.TargetIsSet() || !chosen.AverageAboveTarget(521) {
		t.Errorf("the defaults saved as the unit's: %v", chosen.Validate())
	}
	if (SickLeaveSettings{}).OrDefault() != d {
		t.Error("zero value is not the default")
	}
	if got := d.Describe(); got != "Eksempelmål 5,2 %. Oppfølging ved over 7,0 % to kvartaler på rad og over 10,0 % i ett kvartal (med BHT)." {
		t.Errorf("Describe %q", got)
	}
	if got := chosen.Describe(); !strings.HasPrefix(got, "Enhetens mål 5,2 %.") {
		t.Errorf("Describe %q", got)
	}
	m := SickLeaveSettings{Target: 740, TargetSetBy: TargetByMunicipality, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}
	if got := m.Describe(); !strings.HasPrefix(got, "Kommunens mål 7,4 %.") {
		t.Errorf("Describe %q", got)
	}
	tests := []struct {
		s     SickLeaveSettings
		field string
	}{
		{SickLeaveSettings{Target: 740, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}, ""}, // target above the limit is allowed
		{SickLeaveSettings{Target: 1, TwoQuarterThreshold: 1, OneQuarterThreshold: 2}, ""},
		{SickLeaveSettings{Target: 0, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}, FieldSickTarget},
		{SickLeaveSettings{Target: 10001, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}, FieldSickTarget},
		{SickLeaveSettings{Target: 520, TwoQuarterThreshold: 0, OneQuarterThreshold: 1000}, FieldTwoQuarterLimit},
		{SickLeaveSettings{Target: 520, TwoQuarterThreshold: 700, OneQuarterThreshold: 700}, FieldOneQuarterLimit},
		{SickLeaveSettings{Target: 520, TwoQuarterThreshold: 800, OneQuarterThreshold: 700}, FieldOneQuarterLimit},
		{SickLeaveSettings{Target: 520, TwoQuarterThreshold: 700, OneQuarterThreshold: 10001}, FieldOneQuarterLimit},
		{SickLeaveSettings{Target: 520, TargetSetBy: TargetByUnit, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}, ""},
		{SickLeaveSettings{Target: 740, TargetSetBy: TargetByMunicipality, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}, ""},
		{SickLeaveSettings{Target: 520, TargetSetBy: "fylke", TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}, FieldSickTargetOwner},
	}
	for _, tc := range tests {
		err := tc.s.Validate()
		if tc.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", tc.s, err)
			}
			continue
		}
		if v, ok := err.(ValidationError); !ok || v.For(tc.field) == "" {
			t.Errorf("%+v: %v, want a message for %s", tc.s, err, tc.field)
		}
	}
}

// quarters builds a series from "2025-K4=7,4" pairs.
func quarters(t *testing.T, spec string) []SickLeaveQuarter {
	t.Helper()
	var out []SickLeaveQuarter
	for _, f := range strings.Fields(spec) {
		qs, ps, _ := strings.Cut(f, "=")
		q, err := ParseQuarter(qs)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ParsePercent(ps)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, SickLeaveQuarter{Quarter: q, Total: p})
	}
	return out
}

// alertSummary writes alerts as "rule:2025-K4,2026-K1" for compact tables.
func alertSummary(as []FollowUpAlert) string {
	var parts []string
	for _, a := range as {
		qs := make([]string, len(a.Quarters))
		for i, q := range a.Quarters {
			qs[i] = q.String()
		}
		short := "7"
		if a.Rule == RuleOneQuarterBHT {
			short = "10"
		}
		parts = append(parts, short+":"+strings.Join(qs, ","))
	}
	return strings.Join(parts, " ")
}

func TestFollowUpAlerts(t *testing.T) {
	tests := []struct {
		name, series, want string
	}{
		{"nothing", "", ""},
		{"7,0 twice is not above 7", "2026-K1=7,0 2026-K2=7,0", ""},
		{"7,01 twice is above", "2026-K1=7,01 2026-K2=7,01", "7:2026-K1,2026-K2"},
		{"7,1 twice", "2026-K1=7,1 2026-K2=7,1", "7:2026-K1,2026-K2"},
		{"7,1 then 7,0", "2026-K1=7,1 2026-K2=7,0", ""},
		{"one quarter above 7 only", "2026-K1=9,9", ""},
		{"across the year boundary", "2025-K4=7,4 2026-K1=8,1", "7:2025-K4,2026-K1"},
		{"unsorted input", "2026-K1=8,1 2025-K4=7,4", "7:2025-K4,2026-K1"},
		{"a missing quarter breaks the run", "2025-K3=7,4 2026-K1=8,1", ""},
		{"a year apart is not consecutive", "2025-K1=7,4 2026-K1=8,1", ""},
		{"a quarter under the limit breaks the run", "2025-K3=7,4 2025-K4=6,0 2026-K1=8,1 ", ""},
		{"three in a row: one alert", "2025-K3=7,4 2025-K4=7,2 2026-K1=8,1", "7:2025-K3,2025-K4,2026-K1"},
		{"two separate runs", "2024-K1=7,5 2024-K2=7,5 2024-K3=5,0 2024-K4=7,5 2025-K1=7,5", "7:2024-K1,2024-K2 7:2024-K4,2025-K1"},
		{"10,0 is not above 10", "2026-K1=10,0", ""},
		{"10,01 is above 10", "2026-K1=10,01", "10:2026-K1"},
		{"10,1 is above 10", "2026-K1=10,1", "10:2026-K1"},
		{"10,1 after 7,1 fires both", "2025-K4=7,1 2026-K1=10,1", "7:2025-K4,2026-K1 10:2026-K1"},
		{"two quarters above 10: one alert per rule", "2025-K4=10,5 2026-K1=11,0", "7:2025-K4,2026-K1 10:2025-K4,2026-K1"},
		{"10 alerts with a gap", "2024-K1=10,5 2024-K3=11,0", "10:2024-K1 10:2024-K3"},
		{"oldest first", "2024-K1=10,5 2025-K1=7,5 2025-K2=7,5", "10:2024-K1 7:2025-K1,2025-K2"},
		{"duplicate quarter counts once", "2026-K1=7,5 2026-K1=7,5", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := alertSummary(FollowUpAlerts(quarters(t, tc.series), SickLeaveSettings{}))
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFollowUpAlertsCustomLimits(t *testing.T) {
	s := SickLeaveSettings{Target: 740, TwoQuarterThreshold: 600, OneQuarterThreshold: 800}
	got := alertSummary(FollowUpAlerts(quarters(t, "2026-K1=6,0 2026-K2=6,1 2026-K3=8,0"), s))
	if got != "7:2026-K2,2026-K3" {
		t.Errorf("custom limits: %q", got)
	}
	got = alertSummary(FollowUpAlerts(quarters(t, "2026-K1=8,01"), s))
	if got != "10:2026-K1" {
		t.Errorf("custom one-quarter limit: %q", got)
	}
}

func TestFollowUpAlertWords(t *testing.T) {
	as := FollowUpAlerts(quarters(t, "2025-K4=7,4 2026-K1=8,1 2026-K2=10,4"), SickLeaveSettings{})
	if len(as) != 2 {
		t.Fatalf("alerts %s", alertSummary(as))
	}
	two, bht := as[0], as[1]
	if two.Message != "Over 7,0 % tre kvartaler på rad (2025-K4: 7,4 %, 2026-K1: 8,1 %, 2026-K2: 10,4 %): gruppen skal følges opp av leder, verneombud og tillitsvalgt." {
		t.Errorf("two-quarter message %q", two.Message)
	}
	if bht.Message != "Over 10,0 % i 2026-K2 (10,4 %): gruppen skal følges opp, og bedriftshelsetjenesten (BHT) skal trekkes inn." {
		t.Errorf("one-quarter message %q", bht.Message)
	}
	pair := FollowUpAlerts(quarters(t, "2025-K4=7,4 2026-K1=8,1"), SickLeaveSettings{})[0]
	if !strings.HasPrefix(pair.Message, "Over 7,0 % to kvartaler på rad (2025-K4: 7,4 %, 2026-K1: 8,1 %)") {
		t.Errorf("pair message %q", pair.Message)
	}
	if two.RefLabel() != "Sykefravær over grensen to kvartaler på rad: 2025-K4, 2026-K1, 2026-K2" {
		t.Errorf("RefLabel %q", two.RefLabel())
	}
	if len(two.SuggestedMeasures) == 0 || !strings.Contains(strings.Join(bht.SuggestedMeasures, " "), "BHT") {
		t.Errorf("suggestions %v / %v", two.SuggestedMeasures, bht.SuggestedMeasures)
	}
	if two.First() != (Quarter{2025, 4}) || two.Last() != (Quarter{2026, 2}) || (FollowUpAlert{}).Last() != (Quarter{}) {
		t.Error("First/Last")
	}
	for _, r := range FollowUpRules() {
		if got, ok := FollowUpRuleFromLabel(r.Label()); !ok || got != r || !r.Valid() {
			t.Errorf("rule %s label round trip", r)
		}
	}
	if FollowUpRule("x").Valid() || len(FollowUpRuleLabels()) != 2 {
		t.Error("rule enum")
	}
}

func TestFollowUpAlertRecent(t *testing.T) {
	a := FollowUpAlert{Quarters: []Quarter{{2025, 3}}}
	tests := []struct {
		today Date
		want  bool
	}{
		{NewDate(2025, 8, 1), true},   // in the quarter itself
		{NewDate(2026, 9, 30), true},  // 2026-K3: 2025-K3 is four quarters back
		{NewDate(2026, 10, 1), false}, // 2026-K4: five back
		{NewDate(2025, 6, 30), false}, // before the quarter
	}
	for _, tc := range tests {
		if got := a.Recent(tc.today); got != tc.want {
			t.Errorf("Recent(%s) = %v", tc.today, got)
		}
	}
}

func TestMeasuresForAlert(t *testing.T) {
	as := FollowUpAlerts(quarters(t, "2025-K4=7,4 2026-K1=8,1"), SickLeaveSettings{})
	a := as[0]
	deadline := slToday.AddMonths(2)
	ms := NewMeasuresForAlert(a, append(a.SuggestedMeasures, "  "), 42, " Leder  og verneombud ", deadline, slToday)
	if len(ms) != len(a.SuggestedMeasures) {
		t.Fatalf("%d measures", len(ms))
	}
	for _, m := range ms {
		if err := m.Validate(slToday); err != nil {
			t.Errorf("%q: %v", m.Title, err)
		}
		if m.Source.Kind != SourceSickLeave || m.Source.RefID != 42 || m.Source.RefLabel != a.RefLabel() ||
			m.PriorityArea != AreaFollowUpAbsence || m.Responsible != "Leder og verneombud" || m.Description != a.Message {
			t.Errorf("measure %+v", m)
		}
	}
	if a.HasMeasures(nil) {
		t.Error("no measures yet")
	}
	if !a.HasMeasures(ms[:1]) {
		t.Error("measure not recognised")
	}
	// The run grows by a quarter: still covered by the measures made for its start.
	grown := FollowUpAlerts(quarters(t, "2025-K4=7,4 2026-K1=8,1 2026-K2=7,9"), SickLeaveSettings{})[0]
	if !grown.HasMeasures(ms) {
		t.Error("grown run not covered")
	}
	// A corrected figure shortens the run from the front: the measures
	// named its quarters, so they still cover it.
	shortened := FollowUpAlerts(quarters(t, "2026-K1=8,1 2026-K2=7,9"), SickLeaveSettings{})[0]
	if !shortened.HasMeasures(ms) {
		t.Error("shortened run not covered")
	}
	other := FollowUpAlerts(quarters(t, "2026-K2=8,1 2026-K3=7,9"), SickLeaveSettings{})[0]
	if other.HasMeasures(ms) {
		t.Error("a later run is not covered")
	}
	manual := ms[0]
	manual.Source.Kind = SourceManual
	if a.HasMeasures([]Measure{manual}) {
		t.Error("manual measure counted")
	}
}

func TestSickLeaveAverage(t *testing.T) {
	qs := quarters(t, "2025-K1=8,0 2025-K2=6,0")
	if avg, weighted, ok := SickLeaveAverage(qs); !ok || weighted || avg != 700 {
		t.Errorf("plain mean %v %v %v", avg, weighted, ok)
	}
	qs[0].AgreedDays, qs[1].AgreedDays = 3000, 1000
	if avg, weighted, ok := SickLeaveAverage(qs); !ok || !weighted || avg != 750 {
		t.Errorf("weighted mean %v %v %v", avg, weighted, ok)
	}
	if _, _, ok := SickLeaveAverage(nil); ok {
		t.Error("empty")
	}
	all := quarters(t, "2026-K1=5 2025-K4=6 2025-K1=7")
	if got := SickLeaveYear(all, 2025); len(got) != 2 || got[0].Quarter != (Quarter{2025, 1}) {
		t.Errorf("SickLeaveYear %+v", got)
	}
}

func TestSickLeaveTargetOwner(t *testing.T) {
	tests := []struct {
		owner       TargetOwner
		name, title string
		label       string
		valid       bool
	}{
		{"", "enhetens mål", "Enhetens mål", "Enheten", true}, // saved before the field existed
		{TargetByUnit, "enhetens mål", "Enhetens mål", "Enheten", true},
		{TargetByMunicipality, "kommunens mål", "Kommunens mål", "Kommunen", true},
		{"fylke", "enhetens mål", "Enhetens mål", "", false},
	}
	for _, tt := range tests {
		s := SickLeaveSettings{TargetSetBy: tt.owner}
		if s.TargetName() != tt.name || s.TargetTitle() != tt.title || tt.owner.Label() != tt.label || tt.owner.Valid() != tt.valid {
			t.Errorf("%q: %q %q %q %v", tt.owner, s.TargetName(), s.TargetTitle(), tt.owner.Label(), tt.owner.Valid())
		}
	}
	for _, o := range TargetOwners() {
		if back, ok := TargetOwnerFromLabel(o.Label()); !ok || back != o {
			t.Errorf("%s: label %q maps back to %q", o, o.Label(), back)
		}
	}
	// Settings saved before the field existed decode to the unit's target.
	var old SickLeaveSettings
	if err := json.Unmarshal([]byte(`{"target":740,"two_quarter_threshold":700,"one_quarter_threshold":1000}`), &old); err != nil {
		t.Fatal(err)
	}
	if old.TargetSetBy != "" || old.TargetName() != "enhetens mål" || old.Validate() != nil || old.OrDefault() != old {
		t.Errorf("old settings %+v", old)
	}
}

func TestNextSickLeaveQuarter(t *testing.T) {
	q := func(y, n int) Quarter { return Quarter{Year: y, Q: n} }
	reg := func(qq ...Quarter) []SickLeaveQuarter {
		var out []SickLeaveQuarter
		for _, x := range qq {
			out = append(out, SickLeaveQuarter{Quarter: x})
		}
		return out
	}
	today := NewDate(2026, 11, 24) // 2026-K4
	cases := []struct {
		name string
		qs   []SickLeaveQuarter
		want Quarter
	}{
		{"nothing registered: the latest ended", nil, q(2026, 3)},
		{"up to the latest ended: the current", reg(q(2026, 2), q(2026, 3)), q(2026, 4)},
		{"a gap after the latest: the next", reg(q(2025, 4), q(2026, 1)), q(2026, 2)},
		{"current registered: the nearest earlier gap", reg(q(2026, 4), q(2026, 3), q(2026, 1)), q(2026, 2)},
		{"current and ended registered, unordered", reg(q(2026, 3), q(2026, 4), q(2026, 2)), q(2026, 1)},
	}
	for _, c := range cases {
		if got := NextSickLeaveQuarter(c.qs, today); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	var all []Quarter
	for x, n := q(2026, 4), 0; n < 45; x, n = x.Prev(), n+1 {
		all = append(all, x)
	}
	if got := NextSickLeaveQuarter(reg(all...), today); got != q(2026, 3) {
		t.Errorf("all registered: %s, want the latest ended 2026-K3", got)
	}
}
