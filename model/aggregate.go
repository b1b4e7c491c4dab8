package model

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// The municipal aggregate (samlet rapport til AMU) is built from the
// units' submission files, in named steps: pick the year, keep one file
// per unit (the newest), match the expected units, then compute the
// figures (sick leave, sectors, risk, deviations, 10-FAKTOR) and the
// lists that need the AMU's attention. The PDF, the CSV and the screen
// show what these steps computed.

// DefaultMinEmployees is the smallest unit whose sick leave is shown on
// its own in an aggregate; smaller units are merged into their sector.
const DefaultMinEmployees = 5

// ExpectedUnit is a unit that should have sent its submission.
type ExpectedUnit struct {
	Name         string
	Municipality string // "" = any
}

func (e ExpectedUnit) String() string {
	if e.Municipality == "" {
		return e.Name
	}
	return e.Name + " (" + e.Municipality + ")"
}

// ParseExpectedUnits reads a list of units, one a line: "Navn" or
// "Navn;Kommune". Blank lines and lines starting with # are skipped; a
// UTF-8 byte order mark is allowed.
func ParseExpectedUnits(text string) []ExpectedUnit {
	text = strings.TrimPrefix(text, "\uFEFF")
	var out []ExpectedUnit
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, muni, _ := strings.Cut(line, ";")
		name, muni = strings.Join(strings.Fields(name), " "), strings.Join(strings.Fields(muni), " ")
		if name != "" {
			out = append(out, ExpectedUnit{name, muni})
		}
	}
	return out
}

// SubmissionFile is a submission read from a file.
type SubmissionFile struct {
	File string
	Submission
}

// Label is "Navn (Kommune)".
func (s SubmissionFile) Label() string { return s.Unit.Name + " (" + s.Unit.Municipality + ")" }

// ProblemKind tells why a file is not in the aggregate.
type ProblemKind int

// Problem kinds. Unreadable and Replaced count as failed files (the
// command's exit code says so); OtherYear is only noted.
const (
	ProblemUnreadable ProblemKind = iota // bad, truncated, foreign, wrong version, too large
	ProblemReplaced                      // the same unit sent a newer file for the year
	ProblemOtherYear                     // neither the year reported on nor the year before
)

// FileProblem is a file not used, with the reason in Norwegian.
type FileProblem struct {
	File   string
	Reason string
	Kind   ProblemKind
}

// Failed reports whether the problem counts as a failed file.
func (p FileProblem) Failed() bool { return p.Kind != ProblemOtherYear }

// AggregateOptions are the choices of the aggregate.
type AggregateOptions struct {
	Year         HMSYear        // 0 = the year most files are for (the newest on a tie)
	Expected     []ExpectedUnit // the units that should submit; none = not checked
	MinEmployees int            // 0 = DefaultMinEmployees
	Target       *float64       // the municipality's own sick-leave target, percent; nil = not given
}

// MunicipalAggregate is the municipality's picture for one year.
type MunicipalAggregate struct {
	Year         HMSYear
	Previous     HMSYear          // the year before, or 0 when no file is for it
	Units        []SubmissionFile // the year's, one per unit, sorted by municipality and name
	PrevUnits    []SubmissionFile // the year before's, likewise
	Problems     []FileProblem    // files not used, in the order given
	Missing      []ExpectedUnit   // expected units without a file for the year
	Unlisted     int              // units with a file that are not on the list of expected units (0 without a list)
	Expected     int              // len(options.Expected)
	MinEmployees int
	Target       *float64

	Employees  int
	SickLeave  SickLeaveTotal // the year's
	PrevSick   SickLeaveTotal // the year before's (Units 0 when none)
	Sectors    []SectorTotal  // sectors with units, in Sectors() order
	Risk       RiskPicture
	Deviations DeviationTotals
	PrevDevs   DeviationTotals
	TenFactor  []FactorMean // factors 1–10 with data, this year's files
	Attention  Attention
	Checklist  [8]int         // units documenting each point
	NotInUse   map[string]int // per module ID, units where it is not in use
	Plan       PlanTotals
	// Compare is the year beside the year before, on the units that
	// submitted both years (compareYears).
	Compare YearComparison
	// Municipalities are the units' municipalities; more than one means
	// the report covers several, and says so.
	Municipalities []string
	// ReportedTargets are the sick-leave targets units report as their
	// municipality's.
	ReportedTargets []ReportedTarget
	// TenFactorRounds are the round years the 10-FAKTOR means come from.
	TenFactorRounds []RoundYears
}

// YearFigures are the key figures the summary compares between years.
type YearFigures struct {
	Units, Employees int
	SickLeave        SickLeaveTotal
	Deviations       int // in units using the module
	DevUnits         int
	OpenSerious      int
	Overdue          int // measures over their deadline
	HighRisk         int // units whose highest remaining risk is høy
	Mapped           int // units with a current violence mapping (kap. 3A)
	AllPoints        int // units documenting all eight § 5 points
}

// yearFigures computes the key figures of one year's units.
func yearFigures(units []SubmissionFile) YearFigures {
	y := YearFigures{Units: len(units), SickLeave: sickLeaveTotal(units)}
	dv := deviationTotals(units)
	y.Deviations, y.DevUnits, y.OpenSerious = dv.Total, dv.Units, dv.OpenSerious
	y.Overdue = planTotals(units).Overdue
	y.HighRisk = riskPicture(units).Units[RiskHigh]
	for _, s := range units {
		y.Employees += s.Unit.Employees
		if s.Violence != nil && s.Violence.Mapped {
			y.Mapped++
		}
		if documentedPoints(s.Checklist) == 8 {
			y.AllPoints++
		}
	}
	return y
}

// documentedPoints counts the documented points of a checklist.
func documentedPoints(points []SubmissionPoint) int {
	n := 0
	for _, p := range points {
		if p.Documented {
			n++
		}
	}
	return n
}

// PlanTotals sums the units' action plans.
type PlanTotals struct{ Units, Total, Open, Overdue, Closed, Evaluated int }

// Failed counts the files that failed (Problem.Failed).
func (a MunicipalAggregate) Failed() int {
	n := 0
	for _, p := range a.Problems {
		if p.Failed() {
			n++
		}
	}
	return n
}

// Aggregate builds the municipal picture from the submissions read
// (files) and the files that could not be read (problems).
func Aggregate(files []SubmissionFile, problems []FileProblem, o AggregateOptions) MunicipalAggregate {
	a := MunicipalAggregate{Year: o.Year, Problems: slices.Clone(problems), Expected: len(o.Expected),
		MinEmployees: cmp.Or(o.MinEmployees, DefaultMinEmployees), Target: o.Target}
	if a.Year == 0 {
		a.Year = commonYear(files)
	}
	cur, prev, other := splitYears(files, a.Year)
	a.Problems = append(a.Problems, other...)
	var replaced []FileProblem
	a.Units, replaced = newestPerUnit(cur)
	a.Problems = append(a.Problems, replaced...)
	a.PrevUnits, _ = newestPerUnit(prev)
	if len(a.PrevUnits) > 0 {
		a.Previous = a.Year - 1
	}
	a.Missing = missingUnits(o.Expected, a.Units)
	a.Unlisted = unlistedUnits(o.Expected, a.Units)
	a.computeFigures()
	return a
}

// computeFigures runs the figure steps on the chosen units.
func (a *MunicipalAggregate) computeFigures() {
	for _, s := range a.Units {
		a.Employees += s.Unit.Employees
	}
	a.SickLeave = sickLeaveTotal(a.Units)
	a.PrevSick = sickLeaveTotal(a.PrevUnits)
	a.Sectors = sectorTotals(a.Units, a.MinEmployees)
	a.Risk = riskPicture(a.Units)
	a.Deviations = deviationTotals(a.Units)
	a.PrevDevs = deviationTotals(a.PrevUnits)
	a.TenFactor = tenFactorMeans(a.Units, a.PrevUnits)
	a.Attention = attention(a.Units, a.MinEmployees)
	a.Checklist = checklistCounts(a.Units)
	a.NotInUse = modulesNotInUse(a.Units)
	a.Plan = planTotals(a.Units)
	a.Compare = compareYears(a.Units, a.PrevUnits)
	a.Municipalities = MunicipalitiesOf(a.Units)
	a.ReportedTargets = ReportedMunicipalTargets(a.Units)
	a.TenFactorRounds = TenFactorRoundYears(a.Units)
}

// commonYear is the year most files are for, the newest on a tie; 0 for
// no files.
func commonYear(files []SubmissionFile) HMSYear {
	counts := map[int]int{}
	best := 0
	for _, s := range files {
		counts[s.Year]++
		if counts[s.Year] > counts[best] || (counts[s.Year] == counts[best] && s.Year > best) {
			best = s.Year
		}
	}
	return HMSYear(best)
}

// splitYears sorts the files into the year's, the year before's and
// others (noted, not failed).
func splitYears(files []SubmissionFile, year HMSYear) (cur, prev []SubmissionFile, other []FileProblem) {
	for _, s := range files {
		switch HMSYear(s.Year) {
		case year:
			cur = append(cur, s)
		case year - 1:
			prev = append(prev, s)
		default:
			other = append(other, FileProblem{File: s.File, Kind: ProblemOtherYear,
				Reason: fmt.Sprintf("gjelder %d; rapporten gjelder %s og sammenligner med %s", s.Year, year, year-1)})
		}
	}
	return cur, prev, other
}

// unitKey identifies a unit: name and municipality, ignoring case and
// extra spaces.
func unitKey(name, municipality string) string {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	m := strings.ToLower(strings.Join(strings.Fields(municipality), " "))
	return n + "\x00" + m
}

// newer reports whether a is newer than b: produced later, or the same
// day and given later on the command line (later in files).
func newer(a, b SubmissionFile, ai, bi int) bool {
	if c := a.Produced.Compare(b.Produced); c != 0 {
		return c > 0
	}
	return ai > bi
}

// newestPerUnit keeps the newest file of each unit and names the others
// as replaced; the result is sorted by municipality and unit name.
func newestPerUnit(files []SubmissionFile) (keep []SubmissionFile, replaced []FileProblem) {
	best := map[string]int{}
	for i, s := range files {
		k := unitKey(s.Unit.Name, s.Unit.Municipality)
		if j, ok := best[k]; !ok || newer(s, files[j], i, j) {
			best[k] = i
		}
	}
	for i, s := range files {
		j := best[unitKey(s.Unit.Name, s.Unit.Municipality)]
		if j == i {
			keep = append(keep, s)
			continue
		}
		w := files[j]
		replaced = append(replaced, FileProblem{File: s.File, Kind: ProblemReplaced,
			Reason: fmt.Sprintf("%s for %d er erstattet av den nyere filen %s (laget %s)", s.Label(), s.Year, filepath.Base(w.File), w.Produced)})
	}
	slices.SortStableFunc(keep, func(x, y SubmissionFile) int {
		return cmp.Or(CompareNorwegian(strings.TrimSpace(x.Unit.Municipality), strings.TrimSpace(y.Unit.Municipality)),
			CompareNorwegian(strings.TrimSpace(x.Unit.Name), strings.TrimSpace(y.Unit.Name)))
	})
	return keep, replaced
}

// unlistedUnits counts the units not on the list of expected units
// (none when there is no list). Linear: one map of the list.
func unlistedUnits(expected []ExpectedUnit, units []SubmissionFile) int {
	if len(expected) == 0 {
		return 0
	}
	listed := make(map[string]bool, len(expected))
	for _, e := range expected {
		listed[unitKey(e.Name, e.Municipality)] = true
	}
	n := 0
	for _, s := range units {
		if !listed[unitKey(s.Unit.Name, "")] && !listed[unitKey(s.Unit.Name, s.Unit.Municipality)] {
			n++
		}
	}
	return n
}

// missingUnits are the expected units without a file, matched by name
// (and municipality when given) ignoring case and extra spaces. Linear:
// one map of the units' names.
func missingUnits(expected []ExpectedUnit, units []SubmissionFile) []ExpectedUnit {
	names := make(map[string]bool, 2*len(units))
	for _, s := range units {
		names[unitKey(s.Unit.Name, "")] = true
		names[unitKey(s.Unit.Name, s.Unit.Municipality)] = true
	}
	var out []ExpectedUnit
	for _, e := range expected {
		if !names[unitKey(e.Name, e.Municipality)] {
			out = append(out, e)
		}
	}
	return out
}
