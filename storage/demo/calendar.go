package demo

import (
	"time"

	"hmsutvalg/model"
)

// The demo's meetings, rounds, trainings and assessments fall on working
// days: not on a weekend and not on a Norwegian public holiday.

// easter is Easter Sunday of the year (the anonymous Gregorian algorithm).
func easter(year int) model.Date {
	a, b, c := year%19, year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return model.NewDate(year, time.Month(month), day)
}

// isHoliday reports whether d is a Norwegian public holiday: 1 January,
// Maundy Thursday to Easter Monday, 1 and 17 May, Ascension Day, Whit
// Sunday and Monday, and 25–26 December.
func isHoliday(d model.Date) bool {
	switch {
	case d.Month() == time.January && d.Day() == 1,
		d.Month() == time.May && (d.Day() == 1 || d.Day() == 17),
		d.Month() == time.December && (d.Day() == 25 || d.Day() == 26):
		return true
	}
	e := easter(d.Year())
	for _, off := range []int{-3, -2, 0, 1, 39, 49, 50} {
		if d == e.AddDays(off) {
			return true
		}
	}
	return false
}

// isWorkday reports whether d is neither a weekend day nor a holiday.
func isWorkday(d model.Date) bool {
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday && !isHoliday(d)
}

// workday is d if it is a working day, otherwise the closest working day
// before it in the same year (after it, at the start of a year), so a
// date never moves past the day it was drawn for into the future, nor
// into another year.
func workday(d model.Date) model.Date {
	for x := d; x.Year() == d.Year(); x = x.AddDays(-1) {
		if isWorkday(x) {
			return x
		}
	}
	x := d
	for !isWorkday(x) {
		x = x.AddDays(1)
	}
	return x
}

// workdayWithin is the working day closest before d that is not before
// from (a measure cannot be done before it was made), else the closest
// after d that is not after to (never into the future); d as drawn when
// there is none.
func workdayWithin(d, from, to model.Date) model.Date {
	for x := d; !x.Before(from) && x.DaysUntil(d) < 14; x = x.AddDays(-1) {
		if isWorkday(x) {
			return x
		}
	}
	for x := d; !x.After(to); x = x.AddDays(1) {
		if isWorkday(x) {
			return x
		}
	}
	return d
}
