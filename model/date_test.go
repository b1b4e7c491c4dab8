package model

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseDateField(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		err  string // exact message, or "" for success
	}{
		{"31.01.2026", NewDate(2026, 1, 31), ""},
		{"31.1.2026", NewDate(2026, 1, 31), ""},
		{"1.1.2026", NewDate(2026, 1, 1), ""},
		{"31.1.26", NewDate(2026, 1, 31), ""},
		{"01.01.00", NewDate(2000, 1, 1), ""},
		{"2026-01-31", NewDate(2026, 1, 31), ""},
		{"2026-1-3", NewDate(2026, 1, 3), ""},
		{"  31.01.2026\t", NewDate(2026, 1, 31), ""},
		{"\u00a031.01.2026\u00a0", NewDate(2026, 1, 31), ""},
		{"29.02.2024", NewDate(2024, 2, 29), ""},
		{"29.02.2000", NewDate(2000, 2, 29), ""},
		{"29.02.2025", Date{}, "Frist: 29.02.2025 finnes ikke i kalenderen"},
		{"29.02.1900", Date{}, "Frist: 29.02.1900 finnes ikke i kalenderen"},
		{"31.02.2026", Date{}, "Frist: 31.02.2026 finnes ikke i kalenderen"},
		{"31.4.2026", Date{}, "Frist: 31.04.2026 finnes ikke i kalenderen"},
		{"00.01.2026", Date{}, "Frist: 00.01.2026 finnes ikke i kalenderen"},
		{"10.13.2026", Date{}, "Frist: 10.13.2026 finnes ikke i kalenderen"},
		{"2026-02-30", Date{}, "Frist: 30.02.2026 finnes ikke i kalenderen"},
		{"01.01.1900", NewDate(1900, 1, 1), ""},
		{"31.12.2200", NewDate(2200, 12, 31), ""},
		{"31.12.1899", Date{}, "Frist: året må være mellom 1900 og 2200"},
		{"01.01.2201", Date{}, "Frist: året må være mellom 1900 og 2200"},
		{"0000-01-01", Date{}, "Frist: året må være mellom 1900 og 2200"},
		{"", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"   ", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"i morgen", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31.01.026", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31.01.20266", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31.01", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31..2026", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31.01.2026.", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"131.01.2026", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31/01/2026", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"31. 01. 2026", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"+1.01.2026", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"26-01-31", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"2026-001-31", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"2026-01-31T10:00", Date{}, "Frist må skrives som dd.mm.åååå"},
		{"٣١.٠١.٢٠٢٦", Date{}, "Frist må skrives som dd.mm.åååå"}, // non-ASCII digits
	}
	for _, tt := range tests {
		got, err := ParseDateField("Frist", tt.in)
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseDateField(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "Frist" || fe.Message != tt.err || !got.IsZero() {
			t.Errorf("ParseDateField(%q) = %v, %v; want error %q", tt.in, got, err, tt.err)
		}
	}
}

func TestParseDateDefaultField(t *testing.T) {
	_, err := ParseDate("x")
	if err == nil || err.Error() != "Dato må skrives som dd.mm.åååå" {
		t.Errorf("got %v", err)
	}
}

func TestDateFormatting(t *testing.T) {
	d := NewDate(2026, time.January, 31)
	if d.String() != "31.01.2026" || d.ISO() != "2026-01-31" || d.LongString() != "31. januar 2026" {
		t.Errorf("got %q %q %q", d.String(), d.ISO(), d.LongString())
	}
	if s := NewDate(2026, time.May, 1).LongString(); s != "1. mai 2026" {
		t.Errorf("LongString = %q", s)
	}
	var z Date
	if !z.IsZero() || z.String() != "" || z.ISO() != "" || z.LongString() != "" || !z.Time().IsZero() {
		t.Error("zero date must format as empty")
	}
	if d.Year() != 2026 || d.Month() != time.January || d.Day() != 31 {
		t.Error("accessors")
	}
	if !d.Time().Equal(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v", d.Time())
	}
}

func TestMonthName(t *testing.T) {
	want := []string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}
	for i, w := range want {
		if got := MonthName(time.Month(i + 1)); got != w {
			t.Errorf("MonthName(%d) = %q", i+1, got)
		}
	}
	if MonthName(0) != "" || MonthName(13) != "" {
		t.Error("out-of-range month must give empty name")
	}
}

func TestFormatDateTime(t *testing.T) {
	oslo := time.FixedZone("CET", 3600)
	tm := time.Date(2026, 1, 31, 14, 5, 59, 0, oslo)
	if got := FormatDateTime(tm); got != "31.01.2026 kl. 14:05" {
		t.Errorf("got %q", got)
	}
}

func TestNewDateNormalises(t *testing.T) {
	if got := NewDate(2026, 1, 32); got != NewDate(2026, 2, 1) {
		t.Errorf("32.01 → %v", got)
	}
	if got := NewDate(2026, 13, 1); got != NewDate(2027, 1, 1) {
		t.Errorf("month 13 → %v", got)
	}
	if got := NewDate(2026, 3, 0); got != NewDate(2026, 2, 28) {
		t.Errorf("day 0 → %v", got)
	}
}

func TestDateOf(t *testing.T) {
	// 23:30 UTC on 31 Dec is already 1 Jan in Oslo; DateOf uses t's location.
	utc := time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC)
	if got := DateOf(utc); got != NewDate(2025, 12, 31) {
		t.Errorf("UTC: %v", got)
	}
	if got := DateOf(utc.In(time.FixedZone("CET", 3600))); got != NewDate(2026, 1, 1) {
		t.Errorf("CET: %v", got)
	}
	if !DateOf(time.Time{}).IsZero() {
		t.Error("zero time must give zero date")
	}
}

func TestDateCompare(t *testing.T) {
	a, b := NewDate(2025, 12, 31), NewDate(2026, 1, 1)
	if !a.Before(b) || a.After(b) || !b.After(a) || b.Before(a) || a.Equal(b) || !a.Equal(NewDate(2025, 12, 31)) {
		t.Error("ordering across year boundary")
	}
	if a.Before(a) || a.After(a) {
		t.Error("a date is neither before nor after itself")
	}
	if !(Date{}).Before(a) {
		t.Error("zero date sorts first")
	}
	if NewDate(2026, 2, 1).Compare(NewDate(2026, 1, 31)) != 1 || NewDate(2026, 1, 2).Compare(NewDate(2026, 1, 3)) != -1 {
		t.Error("Compare")
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		d    Date
		n    int
		want Date
	}{
		{NewDate(2026, 1, 31), 1, NewDate(2026, 2, 1)},
		{NewDate(2025, 12, 31), 1, NewDate(2026, 1, 1)},
		{NewDate(2024, 2, 28), 1, NewDate(2024, 2, 29)},
		{NewDate(2025, 2, 28), 1, NewDate(2025, 3, 1)},
		{NewDate(2026, 1, 1), -1, NewDate(2025, 12, 31)},
		{NewDate(2026, 1, 1), 0, NewDate(2026, 1, 1)},
		{NewDate(2026, 1, 1), 365, NewDate(2027, 1, 1)},
		{Date{}, 5, Date{}},
	}
	for _, tt := range tests {
		if got := tt.d.AddDays(tt.n); got != tt.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		d    Date
		n    int
		want Date
	}{
		{NewDate(2026, 1, 31), 1, NewDate(2026, 2, 28)},
		{NewDate(2024, 1, 31), 1, NewDate(2024, 2, 29)},
		{NewDate(2026, 3, 31), 1, NewDate(2026, 4, 30)},
		{NewDate(2026, 1, 15), 1, NewDate(2026, 2, 15)},
		{NewDate(2025, 11, 30), 2, NewDate(2026, 1, 30)},
		{NewDate(2026, 1, 31), -2, NewDate(2025, 11, 30)},
		{NewDate(2026, 3, 31), -1, NewDate(2026, 2, 28)},
		{NewDate(2024, 2, 29), 12, NewDate(2025, 2, 28)},
		{NewDate(2026, 5, 10), 0, NewDate(2026, 5, 10)},
		{NewDate(2026, 5, 10), -24, NewDate(2024, 5, 10)},
		{NewDate(2026, 5, 10), 36, NewDate(2029, 5, 10)},
		{NewDate(1, 1, 15), -1, NewDate(0, 12, 15)},
		{NewDate(1, 1, 15), -13, NewDate(-1, 12, 15)},
		{Date{}, 3, Date{}},
	}
	for _, tt := range tests {
		if got := tt.d.AddMonths(tt.n); got != tt.want {
			t.Errorf("%v.AddMonths(%d) = %v, want %v", tt.d, tt.n, got, tt.want)
		}
	}
}

func TestDaysUntil(t *testing.T) {
	a := NewDate(2026, 1, 1)
	tests := []struct {
		o    Date
		want int
	}{
		{NewDate(2026, 1, 1), 0},
		{NewDate(2026, 1, 2), 1},
		{NewDate(2025, 12, 31), -1},
		{NewDate(2026, 3, 1), 59},
		{NewDate(2027, 1, 1), 365},
		{NewDate(2025, 1, 1), -365},
		{NewDate(2200, 1, 1), 63552},
		{NewDate(1900, 1, 1), -46021},
	}
	for _, tt := range tests {
		if got := a.DaysUntil(tt.o); got != tt.want {
			t.Errorf("DaysUntil(%v) = %d, want %d", tt.o, got, tt.want)
		}
	}
	// Longer than time.Duration can hold (~292 years).
	if got := NewDate(1900, 1, 1).DaysUntil(NewDate(2200, 12, 31)); got != 109937 {
		t.Errorf("1900→2200: %d", got)
	}
}

func TestDateText(t *testing.T) {
	type rec struct {
		From Date `json:"from"`
		To   Date `json:"to"`
	}
	in := rec{From: NewDate(2026, 1, 31)}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"from":"2026-01-31","to":""}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("Unmarshal = %+v, %v", out, err)
	}
	for _, bad := range []string{"31.01.2026", "2026-02-30", "2026-1-31", "x", "2026-01-31 ",
		"202-01-31", "2026010-01-31", "2026-001-31", "2026-01-310", "2026-01", "2026-01-", "-01-31",
		"2026--01-31", "2026-01-31-", "+2026-01-31", " 2026-01-31", "2026-13-01", "2026-00-10", "2026-01-00",
		"2026/01/31", "2026-0a-31", "-"} {
		var d Date
		if err := d.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("UnmarshalText(%q) should fail, got %v", bad, d)
		} else if want := "ugyldig dato: " + strconv.Quote(bad); err.Error() != want {
			t.Errorf("UnmarshalText(%q) = %q, want %q", bad, err, want)
		}
	}
	for in, want := range map[string]Date{
		"2024-02-29":   NewDate(2024, 2, 29),
		"0001-01-01":   {y: 1, m: time.January, d: 1},
		"20260-12-31":  NewDate(20260, 12, 31),
		"202600-01-01": NewDate(202600, 1, 1),
	} {
		var d Date
		if err := d.UnmarshalText([]byte(in)); err != nil || d != want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", in, d, err, want)
		}
	}
	// Dates outside the input range still read back, so storage never
	// writes something it cannot read.
	old := NewDate(1850, 6, 1)
	b, _ = old.MarshalText()
	var back Date
	if err := back.UnmarshalText(b); err != nil || back != old {
		t.Errorf("1850 round trip: %v, %v", back, err)
	}
}

func TestCheckRegistrationDate(t *testing.T) {
	today := NewDate(2026, time.December, 4)
	tests := []struct {
		d    Date
		want string // "" = accepted, else part of the message
	}{
		{Date{}, ""},
		{NewDate(2000, time.January, 1), ""},
		{NewDate(1999, time.December, 31), "før år 2000"},
		{NewDate(26, time.January, 1), "før år 2000"},
		{today, ""},
		{NewDate(2031, time.December, 4), ""},
		{NewDate(2031, time.December, 5), "mer enn 5 år fram i tid (senest 04.12.2031)"},
		{NewDate(2062, time.January, 1), "mer enn 5 år"},
	}
	for _, tt := range tests {
		err := CheckRegistrationDate("Frist", tt.d, today)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%v: %v", tt.d, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "Frist "+tt.d.String())):
			t.Errorf("%v: %v, want %q", tt.d, err, tt.want)
		}
	}
}

// Two-digit years are this century and print in full; a four-digit year
// 0026 is refused, never stored.
func TestParseDateTwoDigitYear(t *testing.T) {
	for in, want := range map[string]string{"1.1.26": "01.01.2026", "31.12.99": "31.12.2099", "5.6.00": "05.06.2000"} {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"1.1.0026", "1.1.026", "1.1.2", "1.1.20266"} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, d)
		}
	}
}
