package model

import (
	"errors"
	"testing"
)

func TestParseInt(t *testing.T) {
	const field = "Antall ansatte"
	tests := []struct {
		in      string
		min     int
		max     int
		want    int
		wantErr bool
	}{
		{"1", 1, 20000, 1, false},
		{" 42 ", 1, 20000, 42, false},
		{"20000", 1, 20000, 20000, false},
		{"20 000", 1, 20000, 20000, false},
		{"20\u00a0000", 1, 20000, 20000, false},
		{"20\u202f000", 1, 20000, 20000, false},
		{"20 001", 1, 20000, 0, true},
		{"0", 1, 20000, 0, true},
		{"-1 200", -5000, 0, -1200, false},
		{"\u22125", -10, 0, -5, false},
		{"007", 0, 10, 7, false},
		{"1 2", 1, 20000, 0, true},        // bad grouping
		{"1234 567", 0, 1 << 30, 0, true}, // first group too long
		{"1  200", 0, 5000, 0, true},      // double space
		{"1 200 ", 0, 5000, 1200, false},  // trailing space trimmed
		{"", 1, 10, 0, true},
		{"   ", 1, 10, 0, true},
		{"-", -10, 10, 0, true},
		{"+5", 0, 10, 0, true},
		{"5,0", 0, 10, 0, true},
		{"5.000", 0, 10000, 0, true},
		{"abc", 0, 10, 0, true},
		{"99999999999999999999999", 0, 10, 0, true},
		{"--5", -10, 10, 0, true},
	}
	for _, tt := range tests {
		got, err := ParseInt(field, tt.in, tt.min, tt.max)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseInt(%q, %d, %d) = %d, %v; want %d, err=%v", tt.in, tt.min, tt.max, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseIntMessage(t *testing.T) {
	_, err := ParseInt(FieldEmployees, "20 001", 1, 20000)
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("want *FieldError, got %T", err)
	}
	want := "Antall ansatte må være et helt tall fra 1 til 20 000"
	if fe.Field != FieldEmployees || fe.Message != want || err.Error() != want {
		t.Errorf("got %+v, want message %q", fe, want)
	}
}

func TestFormatInt(t *testing.T) {
	tests := map[int]string{
		0: "0", 7: "7", 999: "999", 1000: "1 000", 20000: "20 000", 123456: "123 456",
		1234567: "1 234 567", -1200: "-1 200", -999: "-999", -100000: "-100 000",
	}
	for n, want := range tests {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q, want %q", n, got, want)
		}
	}
	// Extremes must not panic and must parse back.
	for _, n := range []int{int(^uint(0) >> 1), -int(^uint(0)>>1) - 1} {
		s := FormatInt(n)
		if got, err := ParseInt("x", s, n, n); err != nil || got != n {
			t.Errorf("round trip of %d via %q: %d, %v", n, s, got, err)
		}
	}
}

func TestValidationError(t *testing.T) {
	var v ValidationError
	if v.Err() != nil {
		t.Fatal("empty ValidationError must give nil error")
	}
	v.Add("A", "første")
	v.Add("B", "andre")
	v.Add("A", "tredje")
	if v.For("A") != "første" || v.For("B") != "andre" || v.For("C") != "" {
		t.Errorf("For: %q %q %q", v.For("A"), v.For("B"), v.For("C"))
	}
	err := v.Err()
	if err == nil || err.Error() != "første\nandre\ntredje" {
		t.Fatalf("Error() = %q", err)
	}
	var ve ValidationError
	if !errors.As(err, &ve) || len(ve) != 3 {
		t.Errorf("errors.As ValidationError failed")
	}
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "A" {
		t.Errorf("errors.As *FieldError via Unwrap failed: %v", fe)
	}
	if (FieldError{Field: "X", Message: "m"}).Error() != "m" {
		t.Error("FieldError.Error must return Message")
	}
}
