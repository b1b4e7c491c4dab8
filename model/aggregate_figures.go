package model

import (
	"fmt"
	"strings"
)

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
	// QuarterUnits counts, for K1–K4, the units whose figure rests on
	// that quarter: a figure on fewer than four quarters says so
	// (QuarterScope).
	QuarterUnits [4]int
}

// FullYear reports whether every unit's figure rests on all four
// quarters.
func (t SickLeaveTotal) FullYear() bool {
	for _, n := range t.QuarterUnits {
		if n != t.Units {
			return false
		}
	}
	return true
}

// SameQuarters reports whether every unit's figure rests on the same
// quarters (each quarter counted by all units or by none), so one span
// ("K1–K3") names them.
func (t SickLeaveTotal) SameQuarters() bool {
	for _, n := range t.QuarterUnits {
		if n != 0 && n != t.Units {
			return false
		}
	}
	return true
}

// QuarterScope says which quarters the figure rests on, in Norwegian:
// "" for all four in every unit; "K1–K3" when every unit has the same
// quarters; otherwise each quarter with its units, "K1 (5 enheter), K2
// (5 enheter), K3 (4 enheter)".
func (t SickLeaveTotal) QuarterScope() string {
	if t.Units == 0 || t.FullYear() {
		return ""
	}
	var qs []int
	for i, n := range t.QuarterUnits {
		if n > 0 {
			qs = append(qs, i+1)
		}
	}
	if t.SameQuarters() {
		return QuarterSpan(qs)
	}
	parts := make([]string, 0, len(qs))
	for _, q := range qs {
		n := t.QuarterUnits[q-1]
		parts = append(parts, fmt.Sprintf("K%d (%d %s)", q, n, pluralWord(n, "enhet", "enheter")))
	}
	return strings.Join(parts, ", ")
}

// QuarterSpan names quarter numbers (1–4, ascending): "K1–K3" when
// they follow each other, else "K1, K2 og K4"; "K2" for one.
func QuarterSpan(qs []int) string {
	if len(qs) > 2 && qs[len(qs)-1]-qs[0] == len(qs)-1 {
		return fmt.Sprintf("K%d–K%d", qs[0], qs[len(qs)-1])
	}
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = fmt.Sprintf("K%d", q)
	}
	return JoinAnd(names)
}

// unitSick is one unit's sick leave as a total weights it.
type unitSick struct {
	pct, days float64 // days 0: a quarter lacks agreed working days
	employees int
	quarters  [4]bool // the quarters the figure rests on
}

// sickOn is a unit's sick leave over the quarters keep allows. With keep
// nil, or when it keeps every quarter, it is the unit's own year figure;
// otherwise the quarters' mean,
// weighted by agreed working days when every quarter has them (the rule
// of SickLeaveAverage). ok is false when no quarter is left.
func sickOn(s SubmissionFile, keep func(q int) bool) (u unitSick, ok bool) {
	sl := s.SickLeave
	if sl == nil || sl.Year == nil {
		return u, false
	}
	u.employees = s.Unit.Employees
	var days, sick, sum float64
	n, weighted := 0, true
	for _, q := range sl.Quarters {
		if q.Quarter.Q < 1 || q.Quarter.Q > 4 || (keep != nil && !keep(q.Quarter.Q)) {
			continue
		}
		u.quarters[q.Quarter.Q-1] = true
		n++
		weighted = weighted && q.AgreedDays > 0
		days += float64(q.AgreedDays)
		sick += q.Percent * float64(q.AgreedDays)
		sum += q.Percent
	}
	switch {
	case n == len(sl.Quarters): // every quarter: the unit's own figure
		u.pct, u.days = *sl.Year, unitDays(sl)
		return u, true
	case n == 0:
		return u, false
	case weighted && days > 0:
		u.pct, u.days = sick/days, days
	default:
		u.pct = sum / float64(n)
	}
	return u, true
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
	var us []unitSick
	for _, s := range units {
		if u, ok := sickOn(s, nil); ok {
			us = append(us, u)
		}
	}
	return sickTotal(us)
}

// sickTotal weights the units' figures (see sickLeaveTotal).
func sickTotal(us []unitSick) SickLeaveTotal {
	t := SickLeaveTotal{Units: len(us)}
	var withDays, daysEmp float64 // days and employees of the units with days
	for _, u := range us {
		if u.days > 0 {
			withDays += u.days
			daysEmp += float64(u.employees)
		} else {
			t.NoDays++
		}
		for i, has := range u.quarters {
			if has {
				t.QuarterUnits[i]++
			}
		}
	}
	perEmployee := 1.0 // no unit has days: weight by employees alone
	if withDays > 0 {
		perEmployee = withDays / daysEmp
	}
	var weight, sum float64
	for _, u := range us {
		w := u.days
		if w == 0 {
			w = float64(u.employees) * perEmployee
		}
		weight += w
		sum += u.pct * w
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
	Units         map[RiskLevel]int // by highest level after measures
	NoneAssessed  int               // units with the module but no assessed hazard
	NotInUse      int
	Before, After map[RiskLevel]int // hazards, summed
	// NotAssessed and NotAssessedAfter count the hazards without a valid
	// score before and after measures, so each column sums to Items.
	NotAssessed, NotAssessedAfter, Items int
	Matrix4, Matrix5                     int // units on a 4×4 and on a 5×5 matrix
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
		p.Items += r.Items
		p.NotAssessed += r.NotAssessed
		p.NotAssessedAfter += r.NotAssessedAfter()
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
