package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The aggregate's year comparison is like for like: only the units that
// submitted for both years are compared (matched by name and
// municipality, ignoring case and spaces: the submission carries no other
// identity of a unit), and their sick leave only on the quarters each
// unit registered in both years. Units with a file for one year only are
// named apart, not counted in the change.

// YearComparison is the year beside the year before, on the units that
// submitted both years.
type YearComparison struct {
	Both     int              // units with a file for both years
	OnlyCur  []SubmissionFile // units with a file for the year only
	OnlyPrev []SubmissionFile // units with a file for the year before only
	Cur      YearFigures      // the year's figures of the units in both years
	Prev     YearFigures      // the year before's figures of the same units
}

// compareYears matches the units of the two years and computes both
// years' figures on the units in both.
func compareYears(cur, prev []SubmissionFile) YearComparison {
	before := make(map[string]SubmissionFile, len(prev))
	for _, s := range prev {
		before[unitKey(s.Unit.Name, s.Unit.Municipality)] = s
	}
	var c YearComparison
	var curBoth, prevBoth []SubmissionFile
	seen := map[string]bool{}
	for _, s := range cur {
		k := unitKey(s.Unit.Name, s.Unit.Municipality)
		p, ok := before[k]
		if !ok {
			c.OnlyCur = append(c.OnlyCur, s)
			continue
		}
		seen[k] = true
		curBoth, prevBoth = append(curBoth, s), append(prevBoth, p)
	}
	for _, s := range prev {
		if !seen[unitKey(s.Unit.Name, s.Unit.Municipality)] {
			c.OnlyPrev = append(c.OnlyPrev, s)
		}
	}
	c.Both = len(curBoth)
	c.Cur, c.Prev = yearFigures(curBoth), yearFigures(prevBoth)
	c.Cur.SickLeave, c.Prev.SickLeave = sickLeaveLikeForLike(curBoth, prevBoth)
	return c
}

// sickLeaveLikeForLike is the two years' sick leave of the same units
// (cur[i] and prev[i] are one unit), each unit on the quarters it
// registered in both years. A unit without a common quarter is left out
// of both.
func sickLeaveLikeForLike(cur, prev []SubmissionFile) (c, p SickLeaveTotal) {
	var cs, ps []unitSick
	for i := range cur {
		common := commonQuarters(cur[i].SickLeave, prev[i].SickLeave)
		keep := func(q int) bool { return common[q-1] }
		uc, okc := sickOn(cur[i], keep)
		up, okp := sickOn(prev[i], keep)
		if okc && okp {
			cs, ps = append(cs, uc), append(ps, up)
		}
	}
	return sickTotal(cs), sickTotal(ps)
}

// commonQuarters are the quarter numbers registered in both.
func commonQuarters(a, b *SubmissionSickLeave) [4]bool {
	var in [2][4]bool
	for i, sl := range []*SubmissionSickLeave{a, b} {
		if sl == nil || sl.Year == nil {
			continue
		}
		for _, q := range sl.Quarters {
			if q.Quarter.Q >= 1 && q.Quarter.Q <= 4 {
				in[i][q.Quarter.Q-1] = true
			}
		}
	}
	var out [4]bool
	for q := range out {
		out[q] = in[0][q] && in[1][q]
	}
	return out
}

// YearEnded reports whether every file gives its figures for a day after
// the year had ended (the status date, Produced), so a count of what is
// open is "at the end of the year". No files: true.
func YearEnded(units []SubmissionFile, year HMSYear) bool {
	for _, s := range units {
		if year.StateDate(s.Produced) != year.End() {
			return false
		}
	}
	return true
}

// StatusWhen says when a count of what is open holds, in Norwegian: "ved
// årets slutt" when the year had ended by every file's status date,
// otherwise "per 04.12.2026" (the status date, or the first and last of
// them: "per 01.11.2026–04.12.2026").
func StatusWhen(units []SubmissionFile, year HMSYear) string {
	if YearEnded(units, year) {
		return "ved årets slutt"
	}
	var first, last Date
	for _, s := range units {
		d := year.StateDate(s.Produced)
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if last.IsZero() || d.After(last) {
			last = d
		}
	}
	if first == last {
		return "per " + first.String()
	}
	return "per " + first.String() + "–" + last.String()
}

// MunicipalitiesOf are the municipalities the units belong to, sorted,
// each once (spaces trimmed).
func MunicipalitiesOf(units []SubmissionFile) []string {
	var out []string
	for _, s := range units {
		m := strings.Join(strings.Fields(s.Unit.Municipality), " ")
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, m) }) {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, CompareNorwegian)
	return out
}

// ReportedTarget is a sick-leave target the units report as their
// municipality's (target_set_by "kommune"), with the units reporting it.
type ReportedTarget struct {
	Municipality string
	Percent      float64
	Units        int
}

// ReportedMunicipalTargets are the municipal targets the units report,
// one per municipality and value, sorted by municipality and value.
// Units reporting their own target, or not saying whose it is (older
// files), are not among them.
func ReportedMunicipalTargets(units []SubmissionFile) []ReportedTarget {
	var out []ReportedTarget
	for _, s := range units {
		sl := s.SickLeave
		if sl == nil || sl.Target == nil || sl.TargetSetBy != TargetByMunicipality {
			continue
		}
		m := strings.Join(strings.Fields(s.Unit.Municipality), " ")
		i := slices.IndexFunc(out, func(t ReportedTarget) bool {
			return strings.EqualFold(t.Municipality, m) && t.Percent == *sl.Target
		})
		if i < 0 {
			out = append(out, ReportedTarget{Municipality: m, Percent: *sl.Target})
			i = len(out) - 1
		}
		out[i].Units++
	}
	slices.SortFunc(out, func(a, b ReportedTarget) int {
		return cmp.Or(CompareNorwegian(a.Municipality, b.Municipality), cmp.Compare(a.Percent, b.Percent))
	})
	return out
}

// TargetOwnerName says whose a unit's sick-leave target is, for a table:
// "kommunens mål", "enhetens mål", or "mål" when the file does not say
// (files written before target_set_by).
func TargetOwnerName(sl *SubmissionSickLeave) string {
	switch sl.TargetSetBy {
	case TargetByMunicipality:
		return "kommunens mål"
	case TargetByUnit:
		return "enhetens mål"
	}
	return "mål"
}

// RoundYears are the 10-FAKTOR round years the aggregate's factor means
// come from: each year with the units whose figures count (at least 3
// respondents and factor means), ascending.
type RoundYears struct {
	Year  int // 0 = the file does not say (version 1)
	Units []SubmissionFile
}

// TenFactorRoundYears groups the units whose 10-FAKTOR figures count by
// the year of the round the figures come from.
func TenFactorRoundYears(units []SubmissionFile) []RoundYears {
	var out []RoundYears
	for _, s := range units {
		tf := s.TenFactor
		if tf == nil || tf.Respondents < 3 || len(tf.Factors) == 0 {
			continue
		}
		i := slices.IndexFunc(out, func(r RoundYears) bool { return r.Year == tf.RoundYear })
		if i < 0 {
			out = append(out, RoundYears{Year: tf.RoundYear})
			i = len(out) - 1
		}
		out[i].Units = append(out[i].Units, s)
	}
	slices.SortFunc(out, func(a, b RoundYears) int { return cmp.Compare(a.Year, b.Year) })
	return out
}

// Label is "kartlegging 2024", or "kartlegging med ukjent år"
// for files that do not say (version 1).
func (r RoundYears) Label() string {
	if r.Year == 0 {
		return "kartlegging med ukjent år"
	}
	return fmt.Sprintf("kartlegging %d", r.Year)
}

// SickTarget is the target the municipal sick leave is measured against:
// HR's own (AggregateOptions.Target) when given; otherwise the target
// the units report as their municipality's, when they all report the
// same one for one municipality (fromUnits true). ok is false when there
// is none, or the units report more than one.
func (a MunicipalAggregate) SickTarget() (pct float64, fromUnits, ok bool) {
	if a.Target != nil {
		return *a.Target, false, true
	}
	if len(a.ReportedTargets) == 1 && len(a.Municipalities) == 1 {
		return a.ReportedTargets[0].Percent, true, true
	}
	return 0, false, false
}

// Several reports whether the units come from more than one
// municipality.
func (a MunicipalAggregate) Several() bool { return len(a.Municipalities) > 1 }

// Cur is the year's key figures over all its units (the summary without
// a year before).
func (a MunicipalAggregate) Cur() YearFigures { return yearFigures(a.Units) }

// UnitSickChange is one unit's sick leave in the year (cur) and the year
// before (prev) on the quarters it registered in both, with those
// quarters ("" when all four); ok is false when none is in common.
func UnitSickChange(cur, prev SubmissionFile) (c, p float64, quarters string, ok bool) {
	tc, tp := sickLeaveLikeForLike([]SubmissionFile{cur}, []SubmissionFile{prev})
	if tc.Units == 0 {
		return 0, 0, "", false
	}
	return tc.Percent, tp.Percent, tc.QuarterScope(), true
}
