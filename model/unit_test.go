package model

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func validUnit() Unit {
	return Unit{
		Name:         "Solsikken barnehage",
		Municipality: "Eksempel kommune",
		Sector:       SectorBarnehage,
		Employees:    24,
		Departments:  []string{"Blåklokka", "Solstrålen"},
	}
}

func TestSectors(t *testing.T) {
	want := []string{"Barnehage", "Skole", "Sykehjem", "Hjemmetjeneste", "Helse og omsorg, annet", "Teknisk drift", "Kontor/administrasjon", "Annet"}
	ss := Sectors()
	if len(ss) != len(want) || ss[0] != SectorBarnehage || ss[7] != SectorAnnet {
		t.Fatalf("Sectors() = %v", ss)
	}
	for i, s := range ss {
		if s.Label() != want[i] || !s.Valid() {
			t.Errorf("%v: %q", s, s.Label())
		}
		if got, ok := SectorFromLabel(want[i]); !ok || got != s {
			t.Errorf("SectorFromLabel(%q) = %v, %v", want[i], got, ok)
		}
		if got, ok := SectorFromLabel(" " + strings.ToUpper(string(s)) + " "); !ok || got != s {
			t.Errorf("SectorFromLabel(code %q) = %v, %v", s, got, ok)
		}
	}
	if strings.Join(SectorLabels(), "|") != strings.Join(want, "|") {
		t.Error("SectorLabels")
	}
	if Sector("").Valid() || Sector("bank").Valid() || Sector("bank").Label() != "" {
		t.Error("unknown sector")
	}
	if _, ok := SectorFromLabel("Bank"); ok {
		t.Error("unknown label")
	}
}

func TestUnitValidateOK(t *testing.T) {
	if err := validUnit().Validate(); err != nil {
		t.Fatal(err)
	}
	u := validUnit()
	u.Departments = nil
	u.Employees = 20000
	if err := u.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestUnitValidate(t *testing.T) {
	fnr := genNID(t, 12, 3, 90, 200)
	tests := []struct {
		name   string
		modify func(*Unit)
		field  string
		msg    string
	}{
		{"no name", func(u *Unit) { u.Name = "  " }, FieldUnitName, "Navn på enheten må fylles ut"},
		{"long name", func(u *Unit) { u.Name = strings.Repeat("å", 201) }, FieldUnitName, "Navn på enheten kan ha høyst 200 tegn"},
		{"ID in name", func(u *Unit) { u.Name = "Enhet " + fnr }, FieldUnitName, "«Navn på enheten» ser ut til å inneholde"},
		{"no municipality", func(u *Unit) { u.Municipality = "" }, FieldMunicipality, "Kommune må fylles ut"},
		{"long municipality", func(u *Unit) { u.Municipality = strings.Repeat("x", 201) }, FieldMunicipality, "Kommune kan ha høyst 200 tegn"},
		{"no sector", func(u *Unit) { u.Sector = "" }, FieldSector, "Velg sektor"},
		{"bad sector", func(u *Unit) { u.Sector = "Barnehage" }, FieldSector, "Velg sektor"},
		{"0 employees", func(u *Unit) { u.Employees = 0 }, FieldEmployees, "Antall ansatte må være et helt tall fra 1 til 20 000"},
		{"too many", func(u *Unit) { u.Employees = 20001 }, FieldEmployees, "Antall ansatte må være et helt tall fra 1 til 20 000"},
		{"empty dept", func(u *Unit) { u.Departments = []string{"A", " "} }, FieldDepartments, "Avdeling nr. 2 mangler navn"},
		{"dup dept", func(u *Unit) { u.Departments = []string{"Blåklokka", " BLÅKLOKKA "} }, FieldDepartments, "Avdelingen «BLÅKLOKKA» står to ganger"},
		{"dup dept spaces", func(u *Unit) { u.Departments = []string{"Avd  1", "avd 1"} }, FieldDepartments, "Avdelingen «avd 1» står to ganger"},
		{"long dept", func(u *Unit) { u.Departments = []string{strings.Repeat("a", 101)} }, FieldDepartments, "har for langt navn (høyst 100 tegn)"},
		{"ID in dept", func(u *Unit) { u.Departments = []string{fnr[:6] + " " + fnr[6:]} }, FieldDepartments, "«Avdelinger» ser ut til å inneholde"},
	}
	for _, tt := range tests {
		u := validUnit()
		tt.modify(&u)
		err := u.Validate()
		var v ValidationError
		if !errors.As(err, &v) {
			t.Errorf("%s: want ValidationError, got %v", tt.name, err)
			continue
		}
		if got := v.For(tt.field); !strings.Contains(got, tt.msg) {
			t.Errorf("%s: For(%q) = %q, want it to contain %q (all: %v)", tt.name, tt.field, got, tt.msg, err)
		}
	}
	// Exactly at the limits is fine.
	u := validUnit()
	u.Name = strings.Repeat("å", 200)
	u.Departments = []string{strings.Repeat("ø", 100)}
	if err := u.Validate(); err != nil {
		t.Errorf("limits: %v", err)
	}
	// A department repeated three times is reported once.
	u = validUnit()
	u.Departments = []string{"A", "a", "A"}
	if err := u.Validate(); err == nil || len(err.(ValidationError)) != 1 {
		t.Errorf("triple: %v", err)
	}
	// All problems are reported together.
	if err := (Unit{}).Validate(); err == nil || len(err.(ValidationError)) != 4 {
		t.Errorf("empty unit: %v", err)
	}
}

func TestUnitNormalized(t *testing.T) {
	u := Unit{Name: " A ", Municipality: "\tB\n", Sector: SectorSkole, Employees: 3, Departments: []string{" x ", "", "  ", "y"}}
	n := u.Normalized()
	if n.Name != "A" || n.Municipality != "B" || n.Sector != SectorSkole || n.Employees != 3 || strings.Join(n.Departments, "|") != "x|y" {
		t.Errorf("%+v", n)
	}
	if u.Departments[0] != " x " {
		t.Error("Normalized must not modify the original")
	}
	if (Unit{}).Normalized().Departments != nil {
		t.Error("nil departments stay nil")
	}
}

func TestUnitJSON(t *testing.T) {
	b, err := json.Marshal(validUnit())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"Solsikken barnehage","municipality":"Eksempel kommune","sector":"barnehage","employees":24,"departments":["Blåklokka","Solstrålen"]}`
	if string(b) != want {
		t.Errorf("got %s", b)
	}
}
