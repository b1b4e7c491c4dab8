package demo

import (
	"math/rand/v2"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Sick leave of a demo unit: one record per quarter from January three
// years back up to the last completed quarter, at a level typical for the
// sector with the usual seasons (higher in winter, lower in summer).
// The series is shaped so that each follow-up rule fires exactly once: two
// consecutive quarters above 7 % across a year boundary two years back,
// and one quarter above 10 % recently; every other quarter stays at or
// below 6,9 %. Scale does not add quarters (there is one record per
// quarter); it scales the number of employees with the unit.

// SickLeave is the generated sick-leave data.
type SickLeave struct {
	Quarters []model.SickLeaveQuarter
	// Settings are the unit's target and limits; zero = never set
	// (the defaults).
	Settings model.SickLeaveSettings
}

// sickLeaveBase is a sector's typical level in tenths of a percent.
var sickLeaveBase = map[model.Sector]int{
	model.SectorSykehjem:         64,
	model.SectorHjemmetjeneste:   62,
	model.SectorHelseOmsorgAnnet: 60,
	model.SectorBarnehage:        63,
	model.SectorSkole:            49,
	model.SectorTekniskDrift:     51,
	model.SectorKontor:           42,
}

// season adds tenths per quarter: flu in winter, holidays in summer.
var season = [4]int{6, -1, -7, 2}

// sickLeaveQuarters returns the quarters to generate: (year−3)-K1 up to
// the quarter before today's.
func sickLeaveQuarters(today model.Date) []model.Quarter {
	var out []model.Quarter
	last := model.QuarterOf(today).Prev()
	for q := (model.Quarter{Year: today.Year() - 3, Q: 1}); !last.Before(q); q = q.Next() {
		out = append(out, q)
	}
	return out
}

// genSickLeave builds the series. It has its own random source, so adding
// it did not change the other modules' demo data.
func genSickLeave(o Options, sector model.Sector, employees int) SickLeave {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x53594b))
	base, ok := sickLeaveBase[sector]
	if !ok {
		base = 55
	}
	qs := sickLeaveQuarters(o.Today)
	// The two-quarter episode: K4 two years back and K1 the year after;
	// the 10 % quarter at least one quarter after the episode, two before
	// the last.
	twoStart := 7
	spike := max(len(qs)-3, twoStart+3)
	var out SickLeave
	for i, q := range qs {
		tenths := base + season[q.Q-1] + r.IntN(7) - 3
		switch {
		case i == twoStart:
			tenths = max(base+12+r.IntN(4), 72)
		case i == twoStart+1:
			tenths = max(base+18+r.IntN(5), 78)
		case i == spike:
			tenths = max(base+40+r.IntN(4), 103)
		default:
			tenths = min(max(tenths, 25), 69)
		}
		emp := max(employees+r.IntN(7)-3, 1)
		sq := model.SickLeaveQuarter{
			Quarter:    q,
			Total:      model.Percent(tenths * 10),
			Employees:  emp,
			AgreedDays: emp * (48 + r.IntN(5)), // about 0,8 positions × 61 working days
		}
		if i >= 4 { // the first year's HR reports did not split the figures
			self := tenths * (12 + r.IntN(6)) / 100
			short := tenths * (22 + r.IntN(8)) / 100
			long := tenths - self - short
			sq.SelfCertified = model.PercentPtr(model.Percent(self * 10))
			sq.DoctorShort = model.PercentPtr(model.Percent(short * 10))
			sq.DoctorLong = model.PercentPtr(model.Percent(long * 10))
		}
		out.Quarters = append(out.Quarters, sq)
	}
	if o.Seed != 1 && r.IntN(3) == 0 {
		// Some units have a target of their own, or follow the
		// municipality's 7,4 %.
		out.Settings = model.DefaultSickLeaveSettings()
		out.Settings.Target = model.Percent(pick(r, []int{60, 65, 74}) * 10)
		out.Settings.TargetSetBy = model.TargetByUnit
		if out.Settings.Target == 740 {
			out.Settings.TargetSetBy = model.TargetByMunicipality
		}
	}
	return out
}

// writeSickLeave stores the settings and quarters, each quarter as if
// typed in two weeks after it ended, when the HR report comes.
func writeSickLeave(b *storage.Batch, sl SickLeave) error {
	if sl.Settings != (model.SickLeaveSettings{}) {
		if err := b.SaveSickLeaveSettings(sl.Settings); err != nil {
			return err
		}
	}
	for _, q := range sl.Quarters {
		if _, err := b.SaveSickLeaveQuarter(q, q.Quarter.End().AddDays(14)); err != nil {
			return err
		}
	}
	return nil
}
