package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"31.01.2026", "31.1.2026", "31.1.26", "2026-01-31", "29.02.2024", "29.02.2025",
		"31.02.2026", "", " ", "01.01.1900", "31.12.2200", "00.00.00", "9.9.99", "2026-1-1", "x.y.z", "1..", "--", "-1.-1.-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDateField("Dato", s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("error with non-zero date %v", d)
			}
			if _, ok := err.(*FieldError); !ok {
				t.Fatalf("error is %T, want *FieldError", err)
			}
			return
		}
		if d.IsZero() || d.Year() < minInputYear || d.Year() > maxInputYear {
			t.Fatalf("ParseDate(%q) = %#v", s, d)
		}
		for _, form := range []string{d.String(), d.ISO()} {
			back, err := ParseDate(form)
			if err != nil || back != d {
				t.Fatalf("%q → %v → %q → %v, %v", s, d, form, back, err)
			}
		}
		b, _ := d.MarshalText()
		var back Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("text round trip %v → %s → %v, %v", d, b, back, err)
		}
		if d.AddDays(1).AddDays(-1) != d || d.DaysUntil(d.AddDays(40)) != 40 {
			t.Fatalf("day arithmetic broken for %v", d)
		}
		if q := QuarterOf(d); d.Before(q.Start()) || d.After(q.End()) {
			t.Fatalf("%v outside its quarter %v", d, q)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"7,4", "7.4", "7,4 %", "7,4%", "7", "07,40", "7,0", "7,05", "7,1", "100", "100,01",
		"-1", "7,456", "", "%", ",", "0,5", "99,99", "7,", "000000000000000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePercentField("Prosent", s)
		if err != nil {
			if p != 0 {
				t.Fatalf("error with value %d", p)
			}
			if _, ok := err.(*FieldError); !ok {
				t.Fatalf("error is %T", err)
			}
			return
		}
		if p < 0 || p > 10000 {
			t.Fatalf("ParsePercent(%q) = %d out of range", s, p)
		}
		// Two decimals are exact, so these must round-trip.
		for _, form := range []string{p.Number(2), p.Format(2)} {
			if back, err := ParsePercent(form); err != nil || back != p {
				t.Fatalf("%q → %d → %q → %d, %v", s, p, form, back, err)
			}
		}
		// String() shows one decimal, so it round-trips to p rounded half up.
		back, err := ParsePercent(p.String())
		if want := (p + 5) / 10 * 10; err != nil || back != want {
			t.Fatalf("%q → %d → %q → %d, %v; want %d", s, p, p.String(), back, err, want)
		}
		if PercentFromFloat(p.Float()) != p {
			t.Fatalf("float round trip of %d", p)
		}
	})
}

func FuzzParseQuarter(f *testing.F) {
	for _, s := range []string{"2026-K1", "2026K1", "2026 K1", "K1 2026", "K1-2026", "1. kvartal 2026", "1 kvartal 2026",
		"2026-Q1", "2025-k4", "2026-K5", "", "K", "kvartal", "1899-K1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuarter(s)
		if err != nil {
			if q != (Quarter{}) {
				t.Fatalf("error with value %v", q)
			}
			return
		}
		if !q.Valid() {
			t.Fatalf("ParseQuarter(%q) = invalid %v", s, q)
		}
		for _, form := range []string{q.String(), q.Long()} {
			if back, err := ParseQuarter(form); err != nil || back != q {
				t.Fatalf("%q → %v → %q → %v, %v", s, q, form, back, err)
			}
		}
		if q.Next().Prev() != q || !q.Consecutive(q.Next()) || !q.Before(q.Next()) || QuarterOf(q.Start()) != q || QuarterOf(q.End()) != q {
			t.Fatalf("navigation broken for %v", q)
		}
	})
}

// refContainsNationalID is a deliberately different, brute-force
// implementation: normalise full-width digits, then try every window of
// the text with every separator of one to three allowed characters.
func refContainsNationalID(s string) bool {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
	isD := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	digitsAt := func(i, n int) bool {
		for k := i; k < i+n; k++ {
			if !isD(k) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		if isD(i - 1) {
			continue // not the start of a run
		}
		if i+11 <= len(s) && digitsAt(i, 11) && !isD(i+11) && ValidNationalID(s[i:i+11]) {
			return true
		}
		if !digitsAt(i, 6) || isD(i+6) {
			continue
		}
		j := i + 6
		for n := 1; n <= 3; n++ {
			r, size := utf8.DecodeRuneInString(s[j:])
			if size == 0 || !strings.ContainsRune(" \u00a0\u202f\u2009-.\u2010\u2011", r) || r == utf8.RuneError {
				break
			}
			j += size
			if j+5 <= len(s) && digitsAt(j, 5) && !isD(j+5) && ValidNationalID(s[i:i+6]+s[j:j+5]) {
				return true
			}
		}
	}
	return false
}

func FuzzCheckNoNationalID(f *testing.F) {
	// Seeds built from generated numbers; see privacy_test.go.
	valid := buildNID(15, 6, 85, 123)
	if valid == "" {
		valid = buildNID(15, 6, 85, 124)
	}
	for _, s := range []string{"", "12345678901", valid, "fnr " + valid + ".", valid[:6] + " " + valid[6:],
		valid[:6] + "\u00a0" + valid[6:], "1" + valid, valid + "1", "Tlf. 987 65 432", "æøå " + valid,
		"150385-10190", "150385.10190", "150385  10190", "150385\u202f10190", "150385\u00a010190",
		"１５０３８５１０１９０", "１５０３８５-１０１９０", "150385    10190", "150385/10190"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckNoNationalID("Tekst", s)
		if got, want := err != nil, refContainsNationalID(s); got != want {
			t.Fatalf("CheckNoNationalID(%q) flagged=%v, reference=%v", s, got, want)
		}
		if err != nil && err.(*FieldError).Field != "Tekst" {
			t.Fatalf("wrong field in %v", err)
		}
		if len(s) == 11 && ValidNationalID(s) != (err != nil) {
			t.Fatalf("ValidNationalID(%q) disagrees with CheckNoNationalID", s)
		}
	})
}

func FuzzParseInt(f *testing.F) {
	for _, s := range []string{"20 000", "20 001", "-1 200", "0", "", "1 2", "007", "1\u00a0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseInt("Tall", s, -1000000, 1000000)
		if err != nil {
			return
		}
		if back, err := ParseInt("Tall", FormatInt(n), -1000000, 1000000); err != nil || back != n {
			t.Fatalf("%q → %d → %q → %d, %v", s, n, FormatInt(n), back, err)
		}
	})
}
