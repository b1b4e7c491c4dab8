package model

import "testing"

func TestNewDashboard(t *testing.T) {
	today := NewDate(2026, 12, 4)
	last := DefaultWheel(2025, false)
	last[0].Done = NewDate(2025, 1, 20) // ticked: not carried over
	this := ProveWheel(DefaultWheel(2026, true), WheelRecords{Start: NewDate(2026, 11, 1)}, today)
	ms := []Measure{
		{ID: 1, Status: StatusPlanlagt, Deadline: today.AddDays(-1)}, // overdue
		{ID: 2, Status: StatusPlanlagt, Deadline: today},             // due today: not overdue
		{ID: 3, Status: StatusUtfort, Deadline: today.AddDays(-9)},   // done
		{ID: 4, Status: StatusPlanlagt},                              // no deadline
	}
	devs := []Deviation{
		{ID: 1, Severity: SeveritySerious, Status: DeviationStatuses()[0]},
		{ID: 2, Severity: SeverityVerySerious, Status: DeviationStatuses()[len(DeviationStatuses())-1]},
		{ID: 3, Status: DeviationStatuses()[0]},
	}
	d := NewDashboard(last, this, ms, devs, today)
	if len(d.Wheel) != len(last)-1+len(this) {
		t.Errorf("wheel has %d duties, want %d late from 2025 and %d from 2026", len(d.Wheel), len(last)-1, len(this))
	}
	if len(d.OverdueMeasures) != 1 || d.OverdueMeasures[0].ID != 1 {
		t.Errorf("overdue %+v", d.OverdueMeasures)
	}
	if len(d.SeriousOpen) != 1 || d.SeriousOpen[0].ID != 1 {
		t.Errorf("serious open %+v", d.SeriousOpen)
	}
	// 2025's late duties and November's two of 2026 (the unit started 01.11).
	if !d.Overdue() || d.Counts.Late != len(last)-1+2 {
		t.Errorf("counts %+v", d.Counts)
	}
	// A unit started this month, nothing overdue: not overdue.
	fresh := ProveWheel(DefaultWheel(2026, true), WheelRecords{Start: today}, today)
	calm := NewDashboard(nil, fresh, ms[1:], nil, today)
	if calm.Overdue() || calm.Counts.Late != 0 {
		t.Errorf("new unit overdue: %+v", calm.Counts)
	}
}
