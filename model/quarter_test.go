package model

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseQuarter(t *testing.T) {
	q1 := Quarter{2026, 1}
	tests := []struct {
		in      string
		want    Quarter
		wantErr bool
	}{
		{"2026-K1", q1, false},
		{"2026K1", q1, false},
		{"2026 K1", q1, false},
		{"2026 - K 1", q1, false},
		{"2026/K1", q1, false},
		{"K1 2026", q1, false},
		{"K1-2026", q1, false},
		{"K12026", q1, false},
		{"1. kvartal 2026", q1, false},
		{"1 kvartal 2026", q1, false},
		{"1.kvartal 2026", q1, false},
		{"1. KVARTAL 2026", q1, false},
		{"2026-Q1", q1, false},
		{"q1 2026", q1, false},
		{"2026-k1", q1, false},
		{" 2026-K1 ", q1, false},
		{"2026\u00a0K1", q1, false},
		{"2025-K4", Quarter{2025, 4}, false},
		{"3. kvartal 2024", Quarter{2024, 3}, false},
		{"2026-K0", Quarter{}, true},
		{"2026-K5", Quarter{}, true},
		{"2026-K", Quarter{}, true},
		{"26-K1", Quarter{}, true},
		{"2026", Quarter{}, true},
		{"", Quarter{}, true},
		{"K1", Quarter{}, true},
		{"2026-K1-K2", Quarter{}, true},
		{"5. kvartal 2026", Quarter{}, true},
		{"2026-01", Quarter{}, true},
		{"1899-K4", Quarter{}, true},
		{"2201-K1", Quarter{}, true},
		{"٢٠٢٦-K1", Quarter{}, true},
	}
	for _, tt := range tests {
		got, err := ParseQuarter(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseQuarter(%q) = %v, %v; want %v, err=%v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	_, err := ParseQuarter("vår 2026")
	fe, ok := err.(*FieldError)
	if !ok || fe.Field != "Kvartal" || fe.Message != "Kvartal må skrives som åååå-K1 til åååå-K4, for eksempel 2026-K1" {
		t.Errorf("error = %#v", err)
	}
}

func TestQuarterNavigation(t *testing.T) {
	q4 := Quarter{2025, 4}
	if q4.Next() != (Quarter{2026, 1}) {
		t.Errorf("2025-K4.Next() = %v", q4.Next())
	}
	if (Quarter{2026, 1}).Prev() != q4 {
		t.Error("2026-K1.Prev()")
	}
	if (Quarter{2026, 2}).Next() != (Quarter{2026, 3}) || (Quarter{2026, 3}).Prev() != (Quarter{2026, 2}) {
		t.Error("within year")
	}
	if !q4.Consecutive(Quarter{2026, 1}) || q4.Consecutive(Quarter{2026, 2}) || q4.Consecutive(Quarter{2025, 3}) || q4.Consecutive(q4) {
		t.Error("Consecutive")
	}
	if !q4.Before(Quarter{2026, 1}) || (Quarter{2026, 1}).Before(q4) || q4.Before(q4) || !(Quarter{2026, 1}).Before(Quarter{2026, 2}) {
		t.Error("Before")
	}
}

func TestQuarterDates(t *testing.T) {
	tests := []struct {
		q          Quarter
		start, end Date
	}{
		{Quarter{2026, 1}, NewDate(2026, 1, 1), NewDate(2026, 3, 31)},
		{Quarter{2026, 2}, NewDate(2026, 4, 1), NewDate(2026, 6, 30)},
		{Quarter{2026, 3}, NewDate(2026, 7, 1), NewDate(2026, 9, 30)},
		{Quarter{2026, 4}, NewDate(2026, 10, 1), NewDate(2026, 12, 31)},
	}
	for _, tt := range tests {
		if tt.q.Start() != tt.start || tt.q.End() != tt.end {
			t.Errorf("%v: %v–%v", tt.q, tt.q.Start(), tt.q.End())
		}
		for d := tt.start; !d.After(tt.end); d = d.AddDays(1) {
			if QuarterOf(d) != tt.q {
				t.Fatalf("QuarterOf(%v) = %v", d, QuarterOf(d))
			}
		}
	}
	if QuarterOf(Date{}) != (Quarter{}) {
		t.Error("QuarterOf zero")
	}
	if QuarterOf(NewDate(2026, time.December, 31)).Next().Start() != NewDate(2027, 1, 1) {
		t.Error("year boundary")
	}
}

func TestQuarterFormatting(t *testing.T) {
	q := Quarter{2026, 1}
	if q.String() != "2026-K1" || q.Long() != "1. kvartal 2026" {
		t.Errorf("%q %q", q.String(), q.Long())
	}
	if (Quarter{}).String() != "" || (Quarter{}).Long() != "" {
		t.Error("zero quarter formats as empty")
	}
	if !q.Valid() || (Quarter{}).Valid() || (Quarter{2026, 5}).Valid() || (Quarter{2026, 0}).Valid() {
		t.Error("Valid")
	}
}

func TestQuarterText(t *testing.T) {
	type rec struct {
		Q Quarter `json:"q"`
		Z Quarter `json:"z"`
	}
	in := rec{Q: Quarter{2025, 4}}
	b, err := json.Marshal(in)
	if err != nil || string(b) != `{"q":"2025-K4","z":""}` {
		t.Fatalf("%s %v", b, err)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Fatalf("%+v %v", out, err)
	}
	var q Quarter
	if err := q.UnmarshalText([]byte("nonsense")); err == nil {
		t.Error("bad text must fail")
	}
	if err := q.UnmarshalText([]byte("1850-K2")); err != nil || q != (Quarter{1850, 2}) {
		t.Errorf("out-of-range year must still read back: %v %v", q, err)
	}
}
