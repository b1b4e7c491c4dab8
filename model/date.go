package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time of day or zone, so a deadline entered
// as 31.01.2026 stays 31.01.2026 regardless of where or when it is read.
// The zero value means "not set".
type Date struct {
	y int
	m time.Month
	d int
}

// Accepted year range for user input; wide enough for birth years of staff
// and long-running plans, narrow enough to catch typos like 20226.
const (
	minInputYear = 1900
	maxInputYear = 2200
)

// NewDate returns the date, normalising overflow like time.Date
// (32.01 becomes 01.02).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location. The zero
// time gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	return Date{y: y, m: m, d: d}
}

// ParseDate parses a user-entered date for the field "Dato".
func ParseDate(s string) (Date, error) { return ParseDateField("Dato", s) }

// ParseDateField parses dd.mm.åååå (also d.m.åå, meaning 20åå) or ISO
// åååå-mm-dd. Errors are *FieldError naming field.
func ParseDateField(field, s string) (Date, error) {
	shapeErr := &FieldError{Field: field, Message: field + " må skrives som dd.mm.åååå"}
	s = strings.TrimSpace(s)
	var y, m, d int
	switch {
	case strings.Count(s, ".") == 2:
		parts := strings.Split(s, ".")
		if !digitsLen(parts[0], 1, 2) || !digitsLen(parts[1], 1, 2) ||
			!(digitsLen(parts[2], 2, 2) || digitsLen(parts[2], 4, 4)) {
			return Date{}, shapeErr
		}
		d, m, y = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
		if len(parts[2]) == 2 {
			// Two-digit years in an HMS context are always this century.
			y += 2000
		}
	case strings.Count(s, "-") == 2:
		parts := strings.Split(s, "-")
		if !digitsLen(parts[0], 4, 4) || !digitsLen(parts[1], 1, 2) || !digitsLen(parts[2], 1, 2) {
			return Date{}, shapeErr
		}
		y, m, d = atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	default:
		return Date{}, shapeErr
	}
	if y < minInputYear || y > maxInputYear {
		return Date{}, &FieldError{Field: field, Message: fmt.Sprintf("%s: året må være mellom %d og %d", field, minInputYear, maxInputYear)}
	}
	if !validYMD(y, m, d) {
		return Date{}, &FieldError{Field: field, Message: fmt.Sprintf("%s: %02d.%02d.%04d finnes ikke i kalenderen", field, d, m, y)}
	}
	return Date{y: y, m: time.Month(m), d: d}, nil
}

// validYMD reports whether y-m-d is a real calendar date.
func validYMD(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, time.Month(m))
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// digitsLen reports whether s is only ASCII digits with min..max of them.
func digitsLen(s string, min, max int) bool {
	return len(s) >= min && len(s) <= max && allDigits(s)
}

// atoi converts a string already checked by digitsLen.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// String returns dd.mm.åååå, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.d, int(d.m), d.y)
}

// ISO returns åååå-mm-dd, or "" for the zero date. ISO strings sort
// chronologically, which storage keys rely on.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, int(d.m), d.d)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Year returns the year.
func (d Date) Year() int { return d.y }

// Month returns the month.
func (d Date) Month() time.Month { return d.m }

// Day returns the day of the month.
func (d Date) Day() int { return d.d }

// Time returns midnight UTC on the date; the zero date gives the zero time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, time.UTC)
}

// Compare returns -1, 0 or +1. The zero date sorts first.
func (d Date) Compare(o Date) int {
	switch {
	case d.y != o.y:
		return cmpInt(d.y, o.y)
	case d.m != o.m:
		return cmpInt(int(d.m), int(o.m))
	default:
		return cmpInt(d.d, o.d)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Equal reports whether d and o are the same date.
func (d Date) Equal(o Date) bool { return d == o }

// AddDays returns d moved n days. The zero date stays zero so that an unset
// date never turns into a bogus real one.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return NewDate(d.y, d.m, d.d+n)
}

// AddMonths returns d moved n months, clamped to the end of the target
// month (31.01 + 1 month = 28.02 or 29.02) rather than spilling into the
// next month as time.AddDate does. The zero date stays zero.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	total := d.y*12 + int(d.m) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	if total%12 < 0 { // floor division for years before 0
		y, m = y-1, m+12
	}
	day := d.d
	if last := daysIn(y, m); day > last {
		day = last
	}
	return Date{y: y, m: m, d: day}
}

// DaysUntil returns the whole days from d to o, negative if o is earlier.
// Uses Unix seconds rather than Time.Sub, which saturates at ~292 years.
func (d Date) DaysUntil(o Date) int {
	return int((o.Time().Unix() - d.Time().Unix()) / 86400)
}

// MarshalText writes ISO format; the zero date becomes "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads ISO format ("" gives the zero date). It does not apply
// the input year limits, so any date this package can write can be read back.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	// By hand, without splitting into strings: a large unit's annual
	// report reads some 10 000 dates (docs/ytelse.md).
	y, rest, ok := isoField(b, 4, 6)
	if ok && len(rest) > 0 && rest[0] == '-' {
		var m, day int
		if m, rest, ok = isoField(rest[1:], 2, 2); ok && len(rest) > 0 && rest[0] == '-' {
			if day, rest, ok = isoField(rest[1:], 2, 2); ok && len(rest) == 0 && validYMD(y, m, day) {
				*d = Date{y: y, m: time.Month(m), d: day}
				return nil
			}
		}
	}
	return errors.New("ugyldig dato: " + strconv.Quote(string(b)))
}

// isoField reads the leading ASCII digits of b, min..max of them, as a
// number, and returns what follows.
func isoField(b []byte, min, max int) (n int, rest []byte, ok bool) {
	i := 0
	for i < len(b) && i <= max && b[i] >= '0' && b[i] <= '9' {
		n = n*10 + int(b[i]-'0')
		i++
	}
	return n, b[i:], i >= min && i <= max
}

var monthNames = [...]string{"januar", "februar", "mars", "april", "mai", "juni",
	"juli", "august", "september", "oktober", "november", "desember"}

// MonthName returns the Norwegian month name in lower case ("januar").
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNames[m-1]
}

// LongString returns e.g. "31. januar 2026", for letters and reports.
func (d Date) LongString() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d. %s %d", d.d, MonthName(d.m), d.y)
}

// FormatDateTime returns e.g. "31.01.2026 kl. 14:05" in t's location.
func FormatDateTime(t time.Time) string {
	return t.Format("02.01.2006") + " kl. " + t.Format("15:04")
}

// Registrations (deviations, meetings, deadlines, rounds …) are dated from
// RegistrationMinYear to RegistrationYearsAhead years after today: a date
// outside is almost always a typo in the year (1.1.206, 1.1.2062), and is
// refused with the reason rather than stored.
const (
	RegistrationMinYear    = 2000
	RegistrationYearsAhead = 5
)

// CheckRegistrationDate returns a *FieldError naming field if d is outside
// the range for registrations seen from today; a zero d (not set) is fine.
func CheckRegistrationDate(field string, d, today Date) error {
	if d.IsZero() {
		return nil
	}
	if d.Year() < RegistrationMinYear {
		return &FieldError{Field: field, Message: fmt.Sprintf("%s %s er før år %d. Sjekk årstallet.", field, d, RegistrationMinYear)}
	}
	if last := today.AddMonths(12 * RegistrationYearsAhead); d.After(last) {
		return &FieldError{Field: field, Message: fmt.Sprintf("%s %s er mer enn %d år fram i tid (senest %s). Sjekk årstallet.", field, d, RegistrationYearsAhead, last)}
	}
	return nil
}
