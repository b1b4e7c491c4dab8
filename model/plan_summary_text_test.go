package model

import (
	"testing"
	"time"
)

// The action plan's summary line adds up: closed in the year, closed
// after it and open now make the year's total.
func TestPlanFiguresTextAddsUp(t *testing.T) {
	d := func(y int, m time.Month, day int) Date { return NewDate(y, m, day) }
	today := d(2026, time.December, 4)
	measure := func(id uint64, created, deadline Date, st Status, completed Date) Measure {
		return Measure{ID: id, Title: "Tiltak", Responsible: "Leder", PriorityArea: AreaLeadership, Source: Source{Kind: SourceManual},
			Created: created, Updated: created, Deadline: deadline, Status: st, CompletedOn: completed}
	}
	ms := []Measure{
		measure(1, d(2025, time.February, 3), d(2025, time.May, 1), StatusUtfort, d(2025, time.April, 20)),
		measure(2, d(2025, time.March, 3), d(2025, time.December, 1), StatusUtfort, d(2026, time.January, 15)), // closed later
		measure(3, d(2025, time.June, 3), d(2026, time.March, 1), StatusPlanlagt, Date{}),                      // open, overdue
		measure(4, d(2025, time.June, 3), d(2027, time.March, 1), StatusPagar, Date{}),                         // open
		measure(5, d(2026, time.June, 3), d(2027, time.March, 1), StatusPagar, Date{}),                         // made after the year
	}
	f := ComputeAnnualFigures(AnnualData{Year: 2025, Today: today, Measures: ms})
	p := f.Plan
	if p.Summary.Total != 4 || p.Closed != 1 || p.ClosedLater != 1 || p.Summary.Open != 2 {
		t.Fatalf("figures %+v", p)
	}
	if p.Closed+p.ClosedLater+p.Summary.Open != p.Summary.Total {
		t.Errorf("parts %d + %d + %d do not add up to %d", p.Closed, p.ClosedLater, p.Summary.Open, p.Summary.Total)
	}
	for _, c := range []struct {
		p    PlanFigures
		want string
	}{
		{p, "4 tiltak: 1 lukket i året (0 evaluert), 1 lukket etter årets slutt, 2 åpne (1 forfalt)"},
		{PlanFigures{Summary: ActionPlanSummary{Total: 1, Open: 1}}, "1 tiltak: 0 lukket i året, 1 åpent"},
		{PlanFigures{Summary: ActionPlanSummary{Total: 3}, Closed: 3, Evaluated: 2}, "3 tiltak: 3 lukket i året (2 evaluert), 0 åpne"},
	} {
		if got := planFiguresText(c.p); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
