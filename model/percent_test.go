package model

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParsePercentField(t *testing.T) {
	tests := []struct {
		in      string
		want    Percent
		wantErr bool
	}{
		{"7,4", 740, false},
		{"7.4", 740, false},
		{"7,4 %", 740, false},
		{"7,4%", 740, false},
		{"7,4\u00a0%", 740, false},
		{" 7,4 % ", 740, false},
		{"7", 700, false},
		{"07,40", 740, false},
		{"7,0", 700, false},
		{"7,05", 705, false},
		{"7,1", 710, false},
		{"7,", 0, true},
		{"7.", 0, true},
		{"7, %", 0, true},
		{"0,", 0, true},
		{"0", 0, false},
		{"0,01", 1, false},
		{"100", 10000, false},
		{"100,00", 10000, false},
		{"0000000000000000000000007,4", 740, false},
		{"100,01", 0, true},
		{"101", 0, true},
		{"1000", 0, true},
		{"-1", 0, true},
		{"-0,5", 0, true},
		{"7,456", 0, true},
		{"7,4,5", 0, true},
		{"7.4,5", 0, true},
		{",5", 0, true},
		{"", 0, true},
		{"%", 0, true},
		{"7 %%", 0, true},
		{"sju", 0, true},
		{"7 4", 0, true},
		{"1e1", 0, true},
		{"+7", 0, true},
		{"99999999999999999999999", 0, true},
	}
	for _, tt := range tests {
		got, err := ParsePercentField("Sykefravær", tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParsePercentField(%q) = %d, %v; want %d, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != "Sykefravær" || !strings.HasPrefix(fe.Message, "Sykefravær ") {
				t.Errorf("ParsePercentField(%q): bad error %#v", tt.in, err)
			}
		}
	}
}

func TestParsePercentMessages(t *testing.T) {
	_, err := ParsePercent("abc")
	if err == nil || err.Error() != "Prosent må være et tall fra 0 til 100 med desimalkomma, for eksempel 7,4" {
		t.Errorf("got %v", err)
	}
	_, err = ParsePercent("7,456")
	if err == nil || !strings.Contains(err.Error(), "to desimaler") {
		t.Errorf("got %v", err)
	}
}

func TestPercentCompareExact(t *testing.T) {
	p70, _ := ParsePercent("7,0")
	p705, _ := ParsePercent("7,05")
	p71, _ := ParsePercent("7,1")
	if !(p70 < p705 && p705 < p71) {
		t.Errorf("%d %d %d", p70, p705, p71)
	}
	if p := PercentFromFloat(7.1); p != p71 {
		t.Errorf("PercentFromFloat(7.1) = %d", p)
	}
}

func TestPercentFormatting(t *testing.T) {
	tests := []struct {
		p      Percent
		str    string
		two    string
		zero   string
		number string
	}{
		{740, "7,4 %", "7,40 %", "7 %", "7,4"},
		{745, "7,5 %", "7,45 %", "7 %", "7,5"},
		{744, "7,4 %", "7,44 %", "7 %", "7,4"},
		{750, "7,5 %", "7,50 %", "8 %", "7,5"},
		{1000, "10,0 %", "10,00 %", "10 %", "10,0"},
		{995, "10,0 %", "9,95 %", "10 %", "10,0"},
		{5, "0,1 %", "0,05 %", "0 %", "0,1"},
		{4, "0,0 %", "0,04 %", "0 %", "0,0"},
		{0, "0,0 %", "0,00 %", "0 %", "0,0"},
		{10000, "100,0 %", "100,00 %", "100 %", "100,0"},
		{-745, "-7,5 %", "-7,45 %", "-7 %", "-7,5"},
		{-4, "0,0 %", "-0,04 %", "0 %", "0,0"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.str {
			t.Errorf("%d.String() = %q, want %q", tt.p, got, tt.str)
		}
		if got := tt.p.Format(2); got != tt.two {
			t.Errorf("%d.Format(2) = %q, want %q", tt.p, got, tt.two)
		}
		if got := tt.p.Format(0); got != tt.zero {
			t.Errorf("%d.Format(0) = %q, want %q", tt.p, got, tt.zero)
		}
		if got := tt.p.Number(1); got != tt.number {
			t.Errorf("%d.Number(1) = %q, want %q", tt.p, got, tt.number)
		}
	}
	if got := Percent(740).Format(3); got != "7,400 %" {
		t.Errorf("Format(3) = %q", got)
	}
	if got := Percent(740).Number(-1); got != "7" {
		t.Errorf("Number(-1) = %q", got)
	}
	// Extremes must not panic.
	_ = Percent(math.MinInt64).String()
	_ = Percent(math.MaxInt64).Format(2)
}

func TestPercentFloat(t *testing.T) {
	tests := []struct {
		f    float64
		want Percent
	}{
		{7.4, 740}, {7.445, 745}, {7.444, 744}, {0, 0}, {100, 10000}, {-1.005, -100},
		{0.005, 1}, {math.NaN(), 0}, {math.Inf(1), math.MaxInt64}, {math.Inf(-1), math.MinInt64},
	}
	for _, tt := range tests {
		// -1.005 is -1.00499… in binary, so it rounds to -100.
		if got := PercentFromFloat(tt.f); got != tt.want {
			t.Errorf("PercentFromFloat(%v) = %d, want %d", tt.f, got, tt.want)
		}
	}
	if Percent(740).Float() != 7.4 {
		t.Error("Float")
	}
}

func TestPercentExact(t *testing.T) {
	for _, c := range []struct {
		p    Percent
		want string
	}{{0, "0,0 %"}, {520, "5,2 %"}, {672, "6,72 %"}, {1000, "10,0 %"}, {1001, "10,01 %"}, {10000, "100,0 %"}} {
		if got := c.p.Exact(); got != c.want {
			t.Errorf("%d: %q, want %q", int(c.p), got, c.want)
		}
	}
}
