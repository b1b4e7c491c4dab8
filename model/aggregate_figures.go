package model

// SickLeaveTotal is the weighted sick leave of a set of units.
type SickLeaveTotal struct {
	Units   int     // units with a year percentage
	Percent float64 // weighted mean; valid when Units > 0
	// ByDays is true when every unit's quarters have agreed working days
	// and the mean is weighted by them. Otherwise NoDays counts the units
	// without days: they are weighted by their employees, converted to
	// days at the mean days per employee of the units that have days (or
	// all units by employees when none has days).
	ByDays bool
	NoDays int
}

// unitDays is a unit's agreed working days in the year; 0 when a quarter
// lacks them.
func unitDays(sl *SubmissionSickLeave) float64 {
	days := 0
	for _, q := range sl.Quarters {
		if q.AgreedDays <= 0 {
			return 0
		}
		days += q.AgreedDays
	}
	return float64(days)
}

// sickLeaveTotal weights each unit's year percentage by its agreed
// working days; a unit without them counts by its employees, at the mean
// days per employee of the units that have days.
func sickLeaveTotal(units []SubmissionFile) SickLeaveTotal {
	var t SickLeaveTotal
	var withDays, daysEmp float64 // days and employees of the units with days
	for _, s := range units {
		if sl := s.SickLeave; sl != nil && sl.Year != nil {
			t.Units++
			if d := unitDays(sl); d > 0 {
				withDays += d
				daysEmp += float64(s.Unit.Employees)
			} else {
				t.NoDays++
			}
		}
	}
	perEmployee := 1.0 // no unit has days: weight by employees alone
	if withDays > 0 {
		perEmployee = withDays / daysEmp
	}
	var weight, sum float64
	for _, s := range units {
		if sl := s.SickLeave; sl != nil && sl.Year != nil {
			w := unitDays(sl)
			if w == 0 {
				w = float64(s.Unit.Employees) * perEmployee
			}
			weight += w
			sum += *sl.Year * w
		}
	}
	t.ByDays = t.Units > 0 && t.NoDays == 0
	if weight > 0 {
		t.Percent = sum / weight
	}
	return t
}

// SmallUnit reports whether a unit is too small to show its sick leave
// alone (fewer employees than min).
func SmallUnit(s SubmissionFile, min int) bool { return s.Unit.Employees < min }

// SectorTotal is one sector's units summed.
type SectorTotal struct {
	Sector      Sector
	Units       int
	Employees   int
	Small       int // units below the minimum size, merged here
	SickLeave   SickLeaveTotal
	Deviations  int // in units using the module
	OpenSerious int
	Overdue     int // overdue measures
	HighAfter   int // units whose highest remaining risk is høy
	Mapped      int // units with a current violence mapping (kap. 3A)
	Violence    int // units using the violence module
	Submitted   []SubmissionFile
}

// sectorTotals sums the units per sector, in Sectors() order, leaving
// out sectors without units.
func sectorTotals(units []SubmissionFile, min int) []SectorTotal {
	by := map[Sector][]SubmissionFile{}
	for _, s := range units {
		by[s.Unit.Sector] = append(by[s.Unit.Sector], s)
	}
	var out []SectorTotal
	for _, sec := range Sectors() {
		if us := by[sec]; len(us) > 0 {
			out = append(out, sectorTotal(sec, us, min))
		}
	}
	return out
}

func sectorTotal(sec Sector, units []SubmissionFile, min int) SectorTotal {
	t := SectorTotal{Sector: sec, Units: len(units), SickLeave: sickLeaveTotal(units), Submitted: units}
	for _, s := range units {
		t.Employees += s.Unit.Employees
		if SmallUnit(s, min) {
			t.Small++
		}
		if d := s.Deviations; d != nil {
			t.Deviations += d.Total
			t.OpenSerious += d.OpenSerious
		}
		if p := s.ActionPlan; p != nil {
			t.Overdue += p.Overdue
		}
		if HighestRemainingRisk(s.Risk) == RiskHigh {
			t.HighAfter++
		}
		if v := s.Violence; v != nil {
			t.Violence++
			if v.Mapped {
				t.Mapped++
			}
		}
	}
	return t
}

// HighestRemainingRisk is the highest level among a unit's hazards after
// measures, as lav/middels/høy on the unit's own matrix (a 4×4 and a 5×5
// matrix are compared by level, never by raw score); "" when the module
// is not in use or no hazard is assessed.
func HighestRemainingRisk(r *SubmissionRisk) RiskLevel {
	if r == nil {
		return ""
	}
	for _, l := range []RiskLevel{RiskHigh, RiskMedium, RiskLow} {
		if r.After[l] > 0 {
			return l
		}
	}
	return ""
}

// RiskPicture counts the units by their highest remaining risk level,
// and the hazards by level before and after measures.
type RiskPicture struct {
	Units            map[RiskLevel]int // by highest level after measures
	NoneAssessed     int               // units with the module but no assessed hazard
	NotInUse         int
	Before, After    map[RiskLevel]int // hazards, summed
	Matrix4, Matrix5 int               // units on a 4×4 and on a 5×5 matrix
}

func riskPicture(units []SubmissionFile) RiskPicture {
	p := RiskPicture{Units: map[RiskLevel]int{}, Before: map[RiskLevel]int{}, After: map[RiskLevel]int{}}
	for _, s := range units {
		r := s.Risk
		if r == nil {
			p.NotInUse++
			continue
		}
		if r.Matrix.Size == 4 {
			p.Matrix4++
		} else {
			p.Matrix5++
		}
		if l := HighestRemainingRisk(r); l != "" {
			p.Units[l]++
		} else {
			p.NoneAssessed++
		}
		for _, l := range RiskLevels() {
			p.Before[l] += r.Before[l]
			p.After[l] += r.After[l]
		}
	}
	return p
}

// DeviationTotals sums the deviations by category and severity, in all
// and per sector.
type DeviationTotals struct {
	Units       int // units using the module
	Total       int
	OpenSerious int
	ByCategory  map[DeviationCategory]int
	BySeverity  map[Severity]int
	BySector    map[Sector]DeviationSector
}

// DeviationSector is one sector's deviations.
type DeviationSector struct {
	Units, Total int
	ByCategory   map[DeviationCategory]int
	BySeverity   map[Severity]int
}

func deviationTotals(units []SubmissionFile) DeviationTotals {
	t := DeviationTotals{ByCategory: map[DeviationCategory]int{}, BySeverity: map[Severity]int{}, BySector: map[Sector]DeviationSector{}}
	for _, s := range units {
		d := s.Deviations
		if d == nil {
			continue
		}
		t.Units++
		t.Total += d.Total
		t.OpenSerious += d.OpenSerious
		sec := t.BySector[s.Unit.Sector]
		if sec.ByCategory == nil {
			sec.ByCategory, sec.BySeverity = map[DeviationCategory]int{}, map[Severity]int{}
		}
		sec.Units++
		sec.Total += d.Total
		for c, n := range d.ByCategory {
			t.ByCategory[c] += n
			sec.ByCategory[c] += n
		}
		for v, n := range d.BySeverity {
			t.BySeverity[v] += n
			sec.BySeverity[v] += n
		}
		t.BySector[s.Unit.Sector] = sec
	}
	return t
}

// FactorMean is one 10-FAKTOR factor's mean over the units, weighted by
// each unit's respondents, with the previous round's where known.
type FactorMean struct {
	Factor      int
	Mean        float64
	Respondents int
	Units       int
	Prev        float64 // 0 = no previous round
	PrevUnits   int
}

// factorSums accumulates weighted means per factor.
type factorSums struct {
	sum        [11]float64
	resp, unit [11]int
}

func (f *factorSums) add(tf *SubmissionTenFactor) {
	if tf == nil || tf.Respondents < 3 {
		return
	}
	for _, x := range tf.Factors {
		if x.Factor >= 1 && x.Factor <= 10 {
			f.sum[x.Factor] += x.Mean * float64(tf.Respondents)
			f.resp[x.Factor] += tf.Respondents
			f.unit[x.Factor]++
		}
	}
}

func (f *factorSums) mean(n int) float64 {
	if f.resp[n] == 0 {
		return 0
	}
	return f.sum[n] / float64(f.resp[n])
}

// tenFactorMeans weights each unit's factor means by its respondents
// (units under 3 respondents report none). The previous round is the
// previous year's files' round where it is an older round than the
// unit's round this year (a unit surveying every other year sends the
// same round twice; that is not a previous round).
func tenFactorMeans(units, prev []SubmissionFile) []FactorMean {
	var cur, old factorSums
	round := map[string]int{}
	for _, s := range units {
		cur.add(s.TenFactor)
		if s.TenFactor != nil {
			round[unitKey(s.Unit.Name, s.Unit.Municipality)] = s.TenFactor.RoundYear
		}
	}
	for _, s := range prev {
		r, ok := round[unitKey(s.Unit.Name, s.Unit.Municipality)]
		if tf := s.TenFactor; tf != nil && (!ok || tf.RoundYear == 0 || tf.RoundYear < r) {
			old.add(tf)
		}
	}
	var out []FactorMean
	for n := 1; n <= 10; n++ {
		if cur.resp[n] == 0 {
			continue
		}
		out = append(out, FactorMean{Factor: n, Mean: cur.mean(n), Respondents: cur.resp[n], Units: cur.unit[n],
			Prev: old.mean(n), PrevUnits: old.unit[n]})
	}
	return out
}

func checklistCounts(units []SubmissionFile) [8]int {
	var c [8]int
	for _, s := range units {
		for _, p := range s.Checklist {
			if p.Documented && p.Point >= 1 && p.Point <= 8 {
				c[p.Point-1]++
			}
		}
	}
	return c
}

// modulesNotInUse counts, per module ID, the units where the module's
// object is null.
func modulesNotInUse(units []SubmissionFile) map[string]int {
	out := map[string]int{}
	for _, s := range units {
		for id, absent := range map[string]bool{
			ModuleHandlingsplan: s.ActionPlan == nil, ModuleRisiko: s.Risk == nil, ModuleAvvik: s.Deviations == nil,
			ModuleSykefravar: s.SickLeave == nil, ModuleVold: s.Violence == nil, ModuleTiFaktor: s.TenFactor == nil,
			ModuleVernerunder: s.SafetyRounds == nil, ModuleMoter: s.Meetings == nil,
		} {
			if absent {
				out[id]++
			}
		}
	}
	return out
}

func planTotals(units []SubmissionFile) PlanTotals {
	var t PlanTotals
	for _, s := range units {
		if p := s.ActionPlan; p != nil {
			t.Units++
			t.Total += p.Total
			t.Open += p.Open
			t.Overdue += p.Overdue
			t.Closed += p.Closed
			t.Evaluated += p.Evaluated
		}
	}
	return t
}
