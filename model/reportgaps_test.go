package model

import (
	"strings"
	"testing"
)

func TestReportGapsAndDefaultYear(t *testing.T) {
	today := NewDate(2026, 12, 4)
	base := func(y HMSYear) AnnualData {
		return AnnualData{Year: y, Today: today, Unit: Unit{Name: "Ny", Municipality: "K", Sector: SectorKontor, Employees: 4},
			Members: []CommitteeMember{{ID: 1, Name: "Kari", Role: RoleLeder, From: NewDate(2026, 1, 1)}},
			InUse:   map[string]bool{ModuleAvvik: true, ModuleSykefravar: true, ModuleMoter: true, ModuleVernerunder: true, ModuleTiFaktor: true}}
	}
	empty := ComputeAnnualFigures(base(2025))
	if empty.HasRecords() {
		t.Error("an empty year has records")
	}
	if got := DefaultReportYear(today, empty.HasRecords()); got != 2026 {
		t.Errorf("default year %d, want 2026 when 2025 is empty", got)
	}
	if got := DefaultReportYear(today, true); got != 2025 {
		t.Errorf("default year %d, want 2025", got)
	}
	gaps := ReportGaps(empty)
	where := map[string]string{}
	for _, g := range gaps {
		if g.What == "" || g.Area == "" {
			t.Errorf("gap without words: %+v", g)
		}
		if g.Module != "" {
			where[g.Module] = g.Where
		}
	}
	for id, want := range map[string]string{ModuleSykefravar: "Sykefravær", ModuleRisiko: "Risikovurdering", ModuleMoter: "Møter"} {
		if where[id] != want {
			t.Errorf("%s: where %q, want %q (gaps %+v)", id, where[id], want, gaps)
		}
	}
	point4 := false
	for _, g := range gaps {
		point4 = point4 || (g.Point == 4 && g.Where == ReviewWhere && strings.Contains(g.What, "mål"))
	}
	if !point4 {
		t.Errorf("§ 5 point 4 (goals) not listed with Årlig gjennomgang: %+v", gaps)
	}
	// The screen adds «Føres under …» to a gap: its text does not say
	// where once more.
	for _, g := range gaps {
		if g.Where != "" && strings.Contains(g.What, "under "+g.Where) {
			t.Errorf("gap says where twice: %+v", g)
		}
	}

	// One sick-leave quarter in the year is a record.
	d := base(2025)
	d.SickLeave = []SickLeaveQuarter{{ID: 1, Quarter: Quarter{2025, 3}, Total: 500}}
	f := ComputeAnnualFigures(d)
	if !f.HasRecords() {
		t.Error("a year with sick-leave figures has no records")
	}
	for _, g := range ReportGaps(f) {
		if g.Module == ModuleSykefravar {
			t.Errorf("sick leave still a gap: %+v", g)
		}
	}
	// The committee alone is not a record of the year; its annual review is.
	d = base(2025)
	d.Review = &AnnualReview{ID: 1, Year: 2025}
	if !ComputeAnnualFigures(d).HasRecords() {
		t.Error("a year with an annual review has no records")
	}
	if ModuleWhere("x") != "" {
		t.Error("unknown module has a page")
	}
}
