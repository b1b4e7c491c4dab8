package model

import (
	"strings"
	"testing"
)

func TestUnitInput(t *testing.T) {
	today := NewDate(2026, 12, 4)
	ok := UnitInput{Name: " Solsiden ", Municipality: "Hamar kommune", Sector: "sykehjem", Employees: "1 200", Today: today}
	tests := []struct {
		name  string
		edit  func(*UnitInput)
		wants []string // messages; none = valid
		start Date
	}{
		{"valid, start today", func(*UnitInput) {}, nil, today},
		{"sector by label", func(in *UnitInput) { in.Sector = "Kontor/administrasjon" }, nil, today},
		{"start chosen", func(in *UnitInput) { in.Start = "01.01.2026" }, nil, NewDate(2026, 1, 1)},
		{"start not a date", func(in *UnitInput) { in.Start = "31.02.2026" }, []string{FieldUnitStart}, Date{}},
		{"start before 2000", func(in *UnitInput) { in.Start = "31.12.1999" }, []string{"Startdato må være i årene 2000 til 2100"}, NewDate(1999, 12, 31)},
		{"employees 0", func(in *UnitInput) { in.Employees = "0" }, []string{"Antall ansatte må være et helt tall fra 1 til 20 000"}, today},
		{"employees 20 001", func(in *UnitInput) { in.Employees = "20001" }, []string{"Antall ansatte må være et helt tall"}, today},
		{"employees not a number", func(in *UnitInput) { in.Employees = "mange" }, []string{"Antall ansatte må være et helt tall"}, today},
		{"everything missing", func(in *UnitInput) { *in = UnitInput{Today: today} },
			[]string{"Navn på enheten må fylles ut", "Kommune må fylles ut", "Velg sektor", "Antall ansatte"}, today},
		{"unknown sector", func(in *UnitInput) { in.Sector = "sjukehus" }, []string{"Velg sektor"}, today},
	}
	for _, tt := range tests {
		in := ok
		tt.edit(&in)
		u, err := in.Unit()
		if len(tt.wants) == 0 {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		} else if err == nil {
			t.Errorf("%s: no error", tt.name)
		}
		for _, w := range tt.wants {
			if err != nil && !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", tt.name, err, w)
			}
		}
		if err != nil && strings.Count(err.Error(), "Antall ansatte") > 1 {
			t.Errorf("%s: employees reported twice: %q", tt.name, err)
		}
		if u.Start != tt.start {
			t.Errorf("%s: start %s, want %s", tt.name, u.Start, tt.start)
		}
	}
	u, _ := ok.Unit()
	if u.Name != "Solsiden" || u.Employees != 1200 || u.Sector != SectorSykehjem || u.Departments != nil {
		t.Errorf("unit %+v", u)
	}
}
