package model

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestRoles(t *testing.T) {
	labels := []string{"Leder (arbeidsgivers representant)", "Verneombud", "Tillitsvalgt", "Ansattrepresentant", "Bedriftshelsetjeneste (BHT)", "Sekretær"}
	shorts := []string{"Leder", "Verneombud", "Tillitsvalgt", "Ansattrepresentant", "BHT", "Sekretær"}
	rs := Roles()
	if len(rs) != 6 || rs[0] != RoleLeder || rs[5] != RoleSekretaer {
		t.Fatalf("Roles() = %v", rs)
	}
	for i, r := range rs {
		if r.Label() != labels[i] || r.Short() != shorts[i] || !r.Valid() {
			t.Errorf("%v: %q %q", r, r.Label(), r.Short())
		}
		for _, l := range []string{labels[i], shorts[i], string(r), " " + strings.ToUpper(labels[i])} {
			if got, ok := RoleFromLabel(l); !ok || got != r {
				t.Errorf("RoleFromLabel(%q) = %v, %v", l, got, ok)
			}
		}
	}
	if strings.Join(RoleLabels(), "|") != strings.Join(labels, "|") {
		t.Error("RoleLabels")
	}
	if Role("").Valid() || Role("sjef").Valid() || Role("sjef").Label() != "" {
		t.Error("unknown role")
	}
	if _, ok := RoleFromLabel("Sjef"); ok {
		t.Error("unknown label")
	}
}

func TestMemberValidate(t *testing.T) {
	ok := CommitteeMember{Name: "Kari Nordmann", Role: RoleVerneombud, From: d("01.01.2026"), To: d("31.12.2027")}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	sameDay := ok
	sameDay.To = sameDay.From
	if err := sameDay.Validate(); err != nil {
		t.Errorf("one-day period: %v", err)
	}
	open := ok
	open.To = Date{}
	if err := open.Validate(); err != nil {
		t.Errorf("open-ended: %v", err)
	}
	fnr := genNID(t, 7, 7, 77, 300)
	tests := []struct {
		name   string
		modify func(*CommitteeMember)
		field  string
		msg    string
	}{
		{"no name", func(m *CommitteeMember) { m.Name = " " }, FieldMemberName, "Navn må fylles ut"},
		{"long name", func(m *CommitteeMember) { m.Name = strings.Repeat("n", 201) }, FieldMemberName, "Navn kan ha høyst 200 tegn"},
		{"ID in name", func(m *CommitteeMember) { m.Name = "Kari " + fnr }, FieldMemberName, "«Navn» ser ut til å inneholde"},
		{"no role", func(m *CommitteeMember) { m.Role = "" }, FieldRole, "Velg rolle"},
		{"no from", func(m *CommitteeMember) { m.From = Date{} }, FieldFrom, "Fra-dato må fylles ut"},
		{"to before from", func(m *CommitteeMember) { m.To = d("31.12.2025") }, FieldTo, "Til-dato kan ikke være før fra-dato"},
	}
	for _, tt := range tests {
		m := ok
		tt.modify(&m)
		var v ValidationError
		if err := m.Validate(); !errors.As(err, &v) || v.For(tt.field) == "" || !strings.Contains(v.For(tt.field), tt.msg) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

func TestMemberActiveAndPeriod(t *testing.T) {
	m := CommitteeMember{Name: "A", Role: RoleLeder, From: d("01.01.2026"), To: d("31.12.2027")}
	for _, c := range []struct {
		day  string
		want bool
	}{{"31.12.2025", false}, {"01.01.2026", true}, {"15.06.2027", true}, {"31.12.2027", true}, {"01.01.2028", false}} {
		if m.ActiveOn(d(c.day)) != c.want {
			t.Errorf("ActiveOn(%s)", c.day)
		}
	}
	if m.ActiveOn(Date{}) {
		t.Error("zero day")
	}
	if m.Period() != "01.01.2026–31.12.2027" {
		t.Errorf("Period = %q", m.Period())
	}
	m.To = Date{}
	if !m.ActiveOn(d("01.01.2100")) || m.Period() != "fra 01.01.2026" {
		t.Errorf("open-ended: %q", m.Period())
	}
	if (CommitteeMember{}).ActiveOn(d("01.01.2026")) || (CommitteeMember{}).Period() != "" {
		t.Error("member without dates")
	}
	if (CommitteeMember{To: d("31.12.2026")}).Period() != "til 31.12.2026" {
		t.Error("Period without From")
	}
}

func TestValidateCommittee(t *testing.T) {
	kariVO := CommitteeMember{ID: 1, Name: "Kari Nordmann", Role: RoleVerneombud, From: d("01.01.2026"), To: d("31.12.2027")}
	tests := []struct {
		name    string
		members []CommitteeMember
		wantErr string // substring, "" = valid
	}{
		{"empty", nil, ""},
		{"different people same role", []CommitteeMember{kariVO,
			{Name: "Ola Nordmann", Role: RoleVerneombud, From: d("01.01.2026")}}, ""},
		{"adjacent periods", []CommitteeMember{kariVO,
			{Name: "Kari Nordmann", Role: RoleLeder, From: d("01.01.2028"), To: d("31.12.2029")}}, ""},
		{"adjacent same role", []CommitteeMember{kariVO,
			{Name: "Kari Nordmann", Role: RoleVerneombud, From: d("01.01.2028")}}, ""},
		{"earlier closed before", []CommitteeMember{kariVO,
			{Name: "Kari Nordmann", Role: RoleTillitsvalgt, From: d("01.01.2024"), To: d("31.12.2025")}}, ""},
		{"overlap one day", []CommitteeMember{kariVO,
			{Name: "Kari Nordmann", Role: RoleLeder, From: d("31.12.2027")}},
			"Kari Nordmann er allerede Verneombud i perioden 01.01.2026–31.12.2027. Et medlem kan bare ha én rolle per periode."},
		{"overlap case and spaces", []CommitteeMember{kariVO,
			{Name: "  kari  NORDMANN ", Role: RoleTillitsvalgt, From: d("01.06.2026"), To: d("01.07.2026")}},
			"kari NORDMANN er allerede Verneombud i perioden 01.01.2026–31.12.2027."},
		{"same role twice", []CommitteeMember{kariVO,
			{Name: "Kari Nordmann", Role: RoleVerneombud, From: d("01.01.2027")}},
			"er allerede Verneombud"},
		{"open-ended overlaps later", []CommitteeMember{
			{Name: "Per", Role: RoleLeder, From: d("01.01.2020")},
			{Name: "Per", Role: RoleBHT, From: d("01.01.2030"), To: d("31.12.2030")}},
			"Per er allerede Leder i perioden fra 01.01.2020."},
		{"open-ended overlaps earlier", []CommitteeMember{
			{Name: "Per", Role: RoleBHT, From: d("01.01.2010"), To: d("31.12.2020")},
			{Name: "Per", Role: RoleLeder, From: d("01.01.2015")}},
			"Per er allerede BHT i perioden 01.01.2010–31.12.2020."},
		{"both open-ended", []CommitteeMember{
			{Name: "Per", Role: RoleBHT, From: d("01.01.2030")},
			{Name: "Per", Role: RoleSekretaer, From: d("01.01.2010")}},
			"Per er allerede BHT"},
		{"open-ended vs closed before", []CommitteeMember{
			{Name: "Per", Role: RoleLeder, From: d("01.01.2026")},
			{Name: "Per", Role: RoleBHT, From: d("01.01.2020"), To: d("31.12.2025")}}, ""},
		{"missing From counts as overlapping", []CommitteeMember{kariVO,
			{Name: "Kari Nordmann", Role: RoleLeder}}, "er allerede Verneombud"},
		{"empty names ignored", []CommitteeMember{
			{Name: " ", Role: RoleLeder, From: d("01.01.2026")},
			{Name: "", Role: RoleBHT, From: d("01.01.2026")}}, ""},
	}
	for _, tt := range tests {
		err := ValidateCommittee(tt.members)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: unexpected %v", tt.name, err)
			}
			continue
		}
		var v ValidationError
		if !errors.As(err, &v) || !strings.Contains(err.Error(), tt.wantErr) || v.For(FieldMemberName) == "" {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.wantErr)
		}
	}
	// Three overlapping entries for one person: the 2nd and 3rd are reported
	// once each.
	three := []CommitteeMember{kariVO, kariVO, kariVO}
	if err := ValidateCommittee(three); err == nil || len(err.(ValidationError)) != 2 {
		t.Errorf("three: %v", err)
	}
}

func TestActiveMembers(t *testing.T) {
	ms := []CommitteeMember{
		{ID: 1, Name: "Åse", Role: RoleVerneombud, From: d("01.01.2026")},
		{ID: 2, Name: "Øystein", Role: RoleVerneombud, From: d("01.01.2026")},
		{ID: 3, Name: "Ærlig", Role: RoleVerneombud, From: d("01.01.2026")},
		{ID: 4, Name: "Bjørn", Role: RoleVerneombud, From: d("01.01.2026")},
		{ID: 5, Name: "Sekretær Sigrid", Role: RoleSekretaer, From: d("01.01.2026")},
		{ID: 6, Name: "Leder Lise", Role: RoleLeder, From: d("01.01.2026"), To: d("31.12.2026")},
		{ID: 7, Name: "Gammel Leder", Role: RoleLeder, From: d("01.01.2024"), To: d("31.12.2025")},
		{ID: 8, Name: "Ny BHT", Role: RoleBHT, From: d("01.07.2026")},
		{ID: 9, Name: "Ukjent", Role: "sjef", From: d("01.01.2026")},
		{ID: 10, Name: "Tillit", Role: RoleTillitsvalgt, From: d("01.01.2026")},
	}
	var ids []uint64
	for _, m := range ActiveMembers(ms, d("15.03.2026")) {
		ids = append(ids, m.ID)
	}
	// Leder, verneombud (B, Æ, Ø, Å), tillitsvalgt, sekretær, unknown last.
	want := []uint64{6, 4, 3, 2, 1, 10, 5, 9}
	if len(ids) != len(want) {
		t.Fatalf("got %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("got %v, want %v", ids, want)
		}
	}
	if got := ActiveMembers(nil, d("01.01.2026")); got == nil || len(got) != 0 {
		t.Error("empty result should be an empty slice")
	}
}

func TestMemberJSON(t *testing.T) {
	m := CommitteeMember{ID: 3, Name: "Kari", Role: RoleBHT, From: d("01.01.2026")}
	b, err := json.Marshal(m)
	if err != nil || string(b) != `{"id":3,"name":"Kari","role":"bht","from":"2026-01-01","to":""}` {
		t.Fatalf("%s %v", b, err)
	}
	var back CommitteeMember
	if err := json.Unmarshal(b, &back); err != nil || back != m {
		t.Fatalf("%+v %v", back, err)
	}
}

func TestMissingRoles(t *testing.T) {
	leder := CommitteeMember{Name: "A", Role: RoleLeder, From: d("01.01.2026")}
	vo := CommitteeMember{Name: "B", Role: RoleVerneombud, From: d("01.01.2026"), To: d("30.06.2026")}
	tv := CommitteeMember{Name: "C", Role: RoleTillitsvalgt, From: d("01.03.2026")}
	tests := []struct {
		name    string
		members []CommitteeMember
		day     string
		want    []Role
	}{
		{"none", nil, "01.06.2026", RequiredRoles()},
		{"all held", []CommitteeMember{leder, vo, tv}, "01.06.2026", nil},
		{"verneombud ended", []CommitteeMember{leder, vo, tv}, "01.07.2026", []Role{RoleVerneombud}},
		{"tillitsvalgt not yet", []CommitteeMember{leder, vo, tv}, "28.02.2026", []Role{RoleTillitsvalgt}},
	}
	for _, tt := range tests {
		if got := MissingRoles(tt.members, d(tt.day)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
