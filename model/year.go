package model

import (
	"strconv"
	"strings"
	"time"
)

// HMSYear is the year HMS work is planned and reported for. It is the
// calendar year; the internal-control report written each January covers
// the previous one.
type HMSYear int

// Limits for HMS years typed by users.
const (
	MinHMSYear = 2000
	MaxHMSYear = 2100
)

// ParseHMSYear parses a four-digit year from 2000 to 2100.
func ParseHMSYear(s string) (HMSYear, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || !digitsLen(s, 4, 4) || n < MinHMSYear || n > MaxHMSYear {
		return 0, &FieldError{Field: "HMS-år", Message: "HMS-år må være et årstall fra 2000 til 2100"}
	}
	return HMSYear(n), nil
}

// Start returns 1 January.
func (y HMSYear) Start() Date { return NewDate(int(y), time.January, 1) }

// End returns 31 December.
func (y HMSYear) End() Date { return NewDate(int(y), time.December, 31) }

// Contains reports whether d falls in the year.
func (y HMSYear) Contains(d Date) bool { return !d.IsZero() && d.Year() == int(y) }

// Quarters returns K1..K4 of the year.
func (y HMSYear) Quarters() [4]Quarter {
	var qs [4]Quarter
	for i := range qs {
		qs[i] = Quarter{Year: int(y), Q: i + 1}
	}
	return qs
}

// String returns e.g. "2026".
func (y HMSYear) String() string { return strconv.Itoa(int(y)) }

// ReportYear returns the year a report made on today normally covers: the
// previous calendar year, since the annual report is written in January.
func ReportYear(today Date) HMSYear { return HMSYear(today.Year() - 1) }
