package model

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Quarter is a calendar quarter, the period sick-leave statistics are
// reported for. The zero value means "not set".
type Quarter struct {
	Year int
	Q    int // 1..4
}

// Forms people write quarters in, after lower-casing and trimming.
var (
	quarterYearFirst = regexp.MustCompile(`^(\d{4})\s*[-/]?\s*[kq]\s*([1-4])$`)
	quarterYearLast  = regexp.MustCompile(`^[kq]\s*([1-4])\s*[-/]?\s*(\d{4})$`)
	quarterLong      = regexp.MustCompile(`^([1-4])\s*\.?\s*kvartal\s*[-/]?\s*(\d{4})$`)
)

// ParseQuarter parses "2026-K1", "2026K1", "2026 K1", "K1 2026", "K1-2026",
// "1. kvartal 2026" or "2026-Q1", case-insensitively.
func ParseQuarter(s string) (Quarter, error) {
	q, ok := parseQuarterShape(s)
	if !ok {
		return Quarter{}, &FieldError{Field: "Kvartal", Message: "Kvartal må skrives som åååå-K1 til åååå-K4, for eksempel 2026-K1"}
	}
	if !q.Valid() {
		return Quarter{}, &FieldError{Field: "Kvartal", Message: fmt.Sprintf("Kvartal: året må være mellom %d og %d", minInputYear, maxInputYear)}
	}
	return q, nil
}

// parseQuarterShape recognises the accepted spellings without checking the
// year range.
func parseQuarterShape(s string) (Quarter, bool) {
	// Go's \s is ASCII-only, so fold Unicode spaces (e.g. U+00A0) first.
	s = strings.Map(func(r rune) rune {
		if isGroupSpace(r) || r == '\t' {
			return ' '
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
	var year, q string
	if m := quarterYearFirst.FindStringSubmatch(s); m != nil {
		year, q = m[1], m[2]
	} else if m := quarterYearLast.FindStringSubmatch(s); m != nil {
		q, year = m[1], m[2]
	} else if m := quarterLong.FindStringSubmatch(s); m != nil {
		q, year = m[1], m[2]
	} else {
		return Quarter{}, false
	}
	return Quarter{Year: atoi(year), Q: atoi(q)}, true
}

// QuarterOf returns the quarter d falls in; the zero date gives the zero
// quarter.
func QuarterOf(d Date) Quarter {
	if d.IsZero() {
		return Quarter{}
	}
	return Quarter{Year: d.Year(), Q: (int(d.Month())-1)/3 + 1}
}

// String returns e.g. "2026-K1", or "" for the zero quarter.
func (q Quarter) String() string {
	if q == (Quarter{}) {
		return ""
	}
	return fmt.Sprintf("%04d-K%d", q.Year, q.Q)
}

// Long returns e.g. "1. kvartal 2026", or "" for the zero quarter.
func (q Quarter) Long() string {
	if q == (Quarter{}) {
		return ""
	}
	return fmt.Sprintf("%d. kvartal %d", q.Q, q.Year)
}

// Valid reports whether Q is 1..4 and the year is within the input range.
func (q Quarter) Valid() bool {
	return q.Q >= 1 && q.Q <= 4 && q.Year >= minInputYear && q.Year <= maxInputYear
}

// Next returns the following quarter (2025-K4 → 2026-K1).
func (q Quarter) Next() Quarter {
	if q.Q >= 4 {
		return Quarter{Year: q.Year + 1, Q: 1}
	}
	return Quarter{Year: q.Year, Q: q.Q + 1}
}

// Prev returns the preceding quarter (2026-K1 → 2025-K4).
func (q Quarter) Prev() Quarter {
	if q.Q <= 1 {
		return Quarter{Year: q.Year - 1, Q: 4}
	}
	return Quarter{Year: q.Year, Q: q.Q - 1}
}

// Start returns the first day of the quarter.
func (q Quarter) Start() Date { return NewDate(q.Year, time.Month((q.Q-1)*3+1), 1) }

// End returns the last day of the quarter.
func (q Quarter) End() Date { return NewDate(q.Year, time.Month(q.Q*3+1), 0) }

// Compare returns -1, 0 or +1.
func (q Quarter) Compare(o Quarter) int {
	if q.Year != o.Year {
		return cmpInt(q.Year, o.Year)
	}
	return cmpInt(q.Q, o.Q)
}

// Before reports whether q is strictly before o.
func (q Quarter) Before(o Quarter) bool { return q.Compare(o) < 0 }

// Consecutive reports whether next directly follows q, e.g. to check that a
// sick-leave series has no gaps.
func (q Quarter) Consecutive(next Quarter) bool { return next == q.Next() }

// MarshalText writes "2026-K1"; the zero quarter becomes "".
func (q Quarter) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// UnmarshalText reads what MarshalText writes ("" gives the zero quarter).
// The input year range is not applied, so stored data always reads back.
func (q *Quarter) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*q = Quarter{}
		return nil
	}
	v, ok := parseQuarterShape(string(b))
	if !ok {
		return errors.New("ugyldig kvartal: " + string(b))
	}
	*q = v
	return nil
}
