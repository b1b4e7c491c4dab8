package model

import "fmt"

// The annual review records how many occupational injuries (yrkesskader)
// were reported to NAV in the year; the deviation register records who
// was hurt. When the register has personal injuries and no report to NAV
// is recorded, the annual report asks whether they should have been
// reported, so HR sees the question. It does not say they should: not
// every injury is an occupational injury, and the register cannot tell.

// PersonInjured reports whether someone was hurt in the incident: the
// recorded harm is an injury, a serious injury or a death. For a record
// without the harm recorded (saved before the field existed, or left
// blank), a deviation of category personskade that is not a near miss or
// an improvement suggestion counts, as for NeedsAuthorityNotice.
func (d Deviation) PersonInjured() bool {
	switch d.PersonHarm {
	case HarmInjury, HarmSerious, HarmDeath:
		return true
	case "":
		return d.Category == DevInjury && d.Type != TypeNearMiss && d.Type != TypeImprovement
	}
	return false
}

// PersonInjuries counts the deviations dated in y (no later than today)
// where someone was hurt (PersonInjured).
func PersonInjuries(devs []Deviation, y HMSYear, today Date) int {
	n := 0
	for _, d := range devs {
		if y.DoneIn(d.Date, today) && d.PersonInjured() {
			n++
		}
	}
	return n
}

// NAVInjuryForm is NAV's form for reporting an occupational injury
// (melding om yrkesskade eller yrkessykdom).
const NAVInjuryForm = "NAV 13-07.05"

// InjuryReportNote is the annual report's question when the year's
// deviations have personal injuries (PersonInjuries) and the annual
// review records no occupational injury reported to NAV (none, or the
// count not filled in); "" otherwise.
func (f AnnualFigures) InjuryReportNote() string {
	n := f.PersonInjuries
	if n == 0 || (f.Review.OccupationalInjuries != nil && *f.Review.OccupationalInjuries > 0) {
		return ""
	}
	them := "skadene"
	if n == 1 {
		them = "skaden"
	}
	return fmt.Sprintf("%d avvik med personskade i %s (alle kategorier); ingen yrkesskademelding registrert – "+
		"sjekk om %s skulle vært meldt til NAV (skjema %s).", n, f.Year, them, NAVInjuryForm)
}
