package model

import "slices"

// The action plan and the risk items are read for the annual report of
// one year only as far as the year needs them (LoadAnnualYear), like the
// registers in annualload_year.go. The report reaches measures in two
// ways:
//
//   - by the year rule, MeasuresForYear: created in the year, closed in it
//     (MeasureClosedOn), or open and not created after it;
//   - by links from the year's other records: a safety round's measures by
//     their Source.ParentID (MeasuresByRound), the 10-FAKTOR focus areas'
//     and the violence mapping's measures by ID.
//
// Every other use in the report and the submission filters one of these
// (ViolenceInputFor, SickLeaveMeasures, PlanSummary of MeasuresForYear),
// so a larger set gives the same output, and a smaller one would not.
// Risk items are used only through CurrentRiskPicture: the items of the
// assessments in force at the year's state date.

// MeasureClosedOn is the day m was closed: its completion date when done
// or evaluated, its last update when rejected; zero when open.
func MeasureClosedOn(m *Measure) Date {
	switch m.Status {
	case StatusUtfort, StatusEvaluert:
		return m.CompletedOn
	case StatusAvvist:
		return m.Updated
	}
	return Date{}
}

// MeasureRoundID is the safety round m was made from (a finding), or 0.
func MeasureRoundID(m *Measure) uint64 {
	if fromRound(*m) {
		return m.Source.ParentID
	}
	return 0
}

// MeasureSelection says which measures the annual report of Year needs:
// those of the year rule, those from the safety rounds Rounds, and the
// measures with the IDs (10-FAKTOR and violence links). A store's index
// gives at least these (Wants); the rest of the plan is not read.
type MeasureSelection struct {
	Year   HMSYear
	Rounds []uint64 // sorted
	IDs    []uint64 // sorted
}

// Wants reports whether the annual report of s.Year may use m.
func (s MeasureSelection) Wants(m *Measure) bool {
	created := indexYearOf(m.Created)
	switch {
	case m.Open() && created <= int(s.Year):
		return true
	case created == int(s.Year), indexYearOf(MeasureClosedOn(m)) == int(s.Year):
		return true
	}
	if r := MeasureRoundID(m); r != 0 {
		if _, ok := slices.BinarySearch(s.Rounds, r); ok {
			return true
		}
	}
	_, ok := slices.BinarySearch(s.IDs, m.ID)
	return ok
}

// indexYearOf is d's year, 0 when d is zero (an undated measure counts
// as created before every year, as in MeasuresForYear).
func indexYearOf(d Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year()
}

// AnnualMeasureSelection is the selection for d, whose other lists
// (safety rounds, 10-FAKTOR rounds, the violence mapping) are read. It
// reads only those three: the plan's step waits for exactly their steps
// and runs beside the others (loadAnnualData).
func AnnualMeasureSelection(d *AnnualData) MeasureSelection {
	s := MeasureSelection{Year: d.Year}
	for i := range d.SafetyRounds {
		s.Rounds = append(s.Rounds, d.SafetyRounds[i].ID)
	}
	for i := range d.SurveyRounds {
		s.IDs = append(s.IDs, d.SurveyRounds[i].MeasureIDs()...)
	}
	if m := d.Violence.Mapping; m != nil {
		for _, l := range m.Measures {
			s.IDs = append(s.IDs, l.MeasureID)
		}
	}
	s.Rounds, s.IDs = sortedIDs(s.Rounds), sortedIDs(s.IDs)
	return s
}

// AnnualRiskAssessmentIDs are the assessments whose items the annual
// report of d.Year uses: those in force at the year's state date
// (CurrentRiskPicture), sorted. It reads only d.Assessments of the lists
// (the risk items' step waits for that one).
func AnnualRiskAssessmentIDs(d *AnnualData) []uint64 {
	var ids []uint64
	for id := range AssessmentsInForce(d.Assessments, d.Year.StateDate(d.Today)) {
		ids = append(ids, id)
	}
	return sortedIDs(ids)
}

func sortedIDs(ids []uint64) []uint64 {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// The by-year readers of the plan and the risk items.
type (
	yearMeasureSource interface {
		MeasuresSelected(MeasureSelection) ([]Measure, error)
	}
	yearRiskItemSource interface {
		RiskItemsOfAssessments(ids []uint64) ([]RiskItem, error)
	}
)

// planLists are the readers of the measures and risk items that need the
// other lists first (nil: read everything, in the first round).
func planLists(src AnnualSource, d *AnnualData) (measures func() ([]Measure, error), items func() ([]RiskItem, error)) {
	if x, ok := src.(yearMeasureSource); ok {
		measures = func() ([]Measure, error) { return x.MeasuresSelected(AnnualMeasureSelection(d)) }
	}
	if x, ok := src.(yearRiskItemSource); ok {
		items = func() ([]RiskItem, error) { return x.RiskItemsOfAssessments(AnnualRiskAssessmentIDs(d)) }
	}
	return measures, items
}
