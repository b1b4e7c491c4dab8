package model

import "testing"

func TestParseHMSYear(t *testing.T) {
	tests := []struct {
		in      string
		want    HMSYear
		wantErr bool
	}{
		{"2026", 2026, false}, {" 2000 ", 2000, false}, {"2100", 2100, false},
		{"1999", 0, true}, {"2101", 0, true}, {"26", 0, true}, {"", 0, true},
		{"+2026", 0, true}, {"2026.0", 0, true}, {"02026", 0, true}, {"år", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseHMSYear(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseHMSYear(%q) = %v, %v", tt.in, got, err)
		}
		if err != nil && err.Error() != "HMS-år må være et årstall fra 2000 til 2100" {
			t.Errorf("message %q", err)
		}
	}
}

func TestHMSYear(t *testing.T) {
	y := HMSYear(2026)
	if y.Start() != NewDate(2026, 1, 1) || y.End() != NewDate(2026, 12, 31) || y.String() != "2026" {
		t.Error("Start/End/String")
	}
	for _, c := range []struct {
		d    Date
		want bool
	}{
		{NewDate(2026, 1, 1), true}, {NewDate(2026, 12, 31), true},
		{NewDate(2025, 12, 31), false}, {NewDate(2027, 1, 1), false}, {Date{}, false},
	} {
		if y.Contains(c.d) != c.want {
			t.Errorf("Contains(%v)", c.d)
		}
	}
	qs := y.Quarters()
	for i, q := range qs {
		if q != (Quarter{2026, i + 1}) {
			t.Errorf("Quarters[%d] = %v", i, q)
		}
	}
	if qs[0].Start() != y.Start() || qs[3].End() != y.End() {
		t.Error("quarters must cover the year")
	}
}

func TestReportYear(t *testing.T) {
	for _, c := range []struct {
		today Date
		want  HMSYear
	}{
		{NewDate(2026, 1, 15), 2025},
		{NewDate(2026, 1, 1), 2025},
		{NewDate(2026, 12, 31), 2025},
		{NewDate(2027, 1, 1), 2026},
	} {
		if got := ReportYear(c.today); got != c.want {
			t.Errorf("ReportYear(%v) = %v, want %v", c.today, got, c.want)
		}
	}
}
