package model

import "slices"

// Dashboard is what the committee must do next, as the overview page and
// `hmsutvalg status` show it: the annual wheel's duties (this year's, and
// last year's still late), the action plan's open and overdue measures,
// and the open serious deviations.
type Dashboard struct {
	Today           Date
	Year            HMSYear
	Wheel           []WheelEntry
	Counts          WheelCounts
	Plan            ActionPlanSummary
	OverdueMeasures []Measure
	SeriousOpen     []Deviation
	// MissingRoles are the required committee roles no member holds today
	// (MissingRoles); set by whoever reads the members.
	MissingRoles []Role
}

// NewDashboard builds the dashboard on today from last year's and this
// year's proven wheels (ProveWheel), the measures and the deviations.
func NewDashboard(lastYear, thisYear []WheelEntry, ms []Measure, devs []Deviation, today Date) Dashboard {
	d := Dashboard{Today: today, Year: HMSYear(today.Year()), Plan: PlanSummary(ms, today)}
	for _, e := range lastYear {
		if e.State(today) == WheelLate {
			d.Wheel = append(d.Wheel, e)
		}
	}
	d.Wheel = append(d.Wheel, thisYear...)
	d.Counts = CountWheel(d.Wheel, today)
	for _, m := range ms {
		if m.Open() && !m.Deadline.IsZero() && m.Deadline.Before(today) {
			d.OverdueMeasures = append(d.OverdueMeasures, m)
		}
	}
	slices.SortStableFunc(d.OverdueMeasures, func(a, b Measure) int { return a.Deadline.Compare(b.Deadline) })
	for _, dv := range devs {
		if OpenSerious(dv) {
			d.SeriousOpen = append(d.SeriousOpen, dv)
		}
	}
	return d
}

// Overdue reports whether anything is overdue: a duty in the annual wheel
// or a measure past its deadline.
func (d Dashboard) Overdue() bool { return d.Counts.Late > 0 || len(d.OverdueMeasures) > 0 }
