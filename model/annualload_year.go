package model

// The annual report of one year needs only some of the large registers'
// records: those dated in the years below. A source that can read a
// register by year (the store's year index) then decodes only those,
// so a year's report costs what the year holds, not the unit's history.
// LoadAnnualYear reads them so; LoadAnnualData reads everything (the
// register export of all years, the screens).

// DeviationYearsFor is the span of years whose deviations the annual
// report of year needs, as of today: the year itself, and back to the
// start of the status page's violence follow-up window (the
// ViolenceFollowUpDays before the year's state date,
// ViolenceFollowUpWindow), which reaches into the year before. The
// annual report judges follow-up on the year alone (ViolenceFollowUpYear);
// the wider span is left as it was (it loads a little more than needed).
// Nothing dated after the state date counts (ViolenceInputFor,
// DeviationStats).
func DeviationYearsFor(year HMSYear, today Date) (from, to HMSYear) {
	return min(HMSYear(deviationWindowStart(year, today).Year()), year), year
}

// deviationWindowStart is the first day whose deviations the report of
// year needs: the start of the violence follow-up window, or of the year.
func deviationWindowStart(year HMSYear, today Date) Date {
	start := year.StateDate(today).AddDays(-ViolenceFollowUpDays)
	if year.Start().Before(start) {
		return year.Start()
	}
	return start
}

// deviationsFrom returns the deviations not dated before from, in a new
// slice so the others can be freed (the by-year read gives whole years);
// undated ones stay, as in the full list.
func deviationsFrom(ds []Deviation, from Date) []Deviation {
	keep := func(d Deviation) bool { return d.Date.IsZero() || !d.Date.Before(from) }
	n := 0
	for _, d := range ds {
		if keep(d) {
			n++
		}
	}
	if n == len(ds) {
		return ds
	}
	out := make([]Deviation, 0, n)
	for _, d := range ds {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

// Meetings and safety rounds count for a year only when dated in it
// (MeetingHeldIn, SafetyRoundHeldIn, SafetyRoundUnfinishedIn), so their
// span is the year alone.

// The registers a source can read by year; undated records are always
// included.
type (
	yearDeviationSource interface {
		DeviationsDatedIn(from, to HMSYear) ([]Deviation, error)
	}
	yearMeetingSource interface {
		MeetingsDatedIn(from, to HMSYear) ([]Meeting, error)
	}
	yearSafetyRoundSource interface {
		SafetyRoundsDatedIn(from, to HMSYear) ([]SafetyRound, error)
	}
)

// LoadAnnualYear reads what the annual report and the submission for year
// need, as LoadAnnualData does, but reads the deviations, meetings and
// safety rounds of the years that count only, when src can (the report
// and the figures are the same either way; a test compares them).
func LoadAnnualYear(src AnnualSource, year HMSYear, today Date) (AnnualData, error) {
	return loadAnnualData(src, year, today, true)
}

// yearLists replaces the three registers' readers of LoadAnnualData with
// their by-year readers where src has them.
func yearLists(src AnnualSource, year HMSYear, today Date) (devs func() ([]Deviation, error), meets func() ([]Meeting, error), rounds func() ([]SafetyRound, error)) {
	if x, ok := src.(yearDeviationSource); ok {
		from, to := DeviationYearsFor(year, today)
		devs = func() ([]Deviation, error) {
			ds, err := x.DeviationsDatedIn(from, to)
			return deviationsFrom(ds, deviationWindowStart(year, today)), err
		}
	}
	if x, ok := src.(yearMeetingSource); ok {
		meets = func() ([]Meeting, error) { return x.MeetingsDatedIn(year, year) }
	}
	if x, ok := src.(yearSafetyRoundSource); ok {
		rounds = func() ([]SafetyRound, error) { return x.SafetyRoundsDatedIn(year, year) }
	}
	return devs, meets, rounds
}

// orList is f, or g when f is nil.
func orList[T any](f, g func() ([]T, error)) func() ([]T, error) {
	if f != nil {
		return f
	}
	return g
}
