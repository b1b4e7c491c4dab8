package model

import (
	"strconv"
	"strings"
)

// What the annual report of a year lacks, and where in the program it is
// entered: Rapporter lists it, so a new unit sees what to do rather than
// «Mangler» everywhere.

// moduleWhere is the page where each module's records are entered.
var moduleWhere = map[string]string{
	ModuleUtvalg:        "Enhet og utvalg",
	ModuleRisiko:        "Risikovurdering",
	ModuleVold:          "Vold og trusler",
	ModuleTiFaktor:      "10-FAKTOR",
	ModuleHandlingsplan: "Handlingsplan",
	ModuleAvvik:         "Avvik",
	ModuleSykefravar:    "Sykefravær",
	ModuleVernerunder:   "Vernerunde",
	ModuleMoter:         "Møter",
}

// ModuleWhere is the page where module id's records are entered, "" for
// an unknown module.
func ModuleWhere(id string) string { return moduleWhere[id] }

// ReviewWhere is the page of the committee's annual review (regulations,
// goals, training).
const ReviewWhere = "Årlig gjennomgang"

// ReportGap is one section of the year's report that lacks something:
// a module's summary line that is «Mangler» or «Ingen data», or that
// needs follow-up with no data for the year, or a point of
// internkontrollforskriften § 5 the report does not document.
type ReportGap struct {
	Module string // module ID; "" for a § 5 point
	Point  int    // the § 5 point; 0 for a module
	Area   string
	What   string // what is missing, in words
	Where  string // the page where it is entered
}

// ReportGaps lists what the report of f's year lacks, modules first in
// report order, then the § 5 points documented by no module.
func ReportGaps(f AnnualFigures) []ReportGap {
	var out []ReportGap
	for _, l := range AnnualSummary(f) {
		st, _ := f.Status(l.Module)
		if l.Status != SummaryMissing && l.Status != SummaryNoData && (st.HasData || l.Status == SummaryOK) {
			continue
		}
		what := l.Comment()
		if what == "" {
			what = "Ingen registreringer for " + f.Year.String() + "."
		}
		out = append(out, ReportGap{Module: l.Module, Area: l.Area, What: what, Where: ModuleWhere(l.Module)})
	}
	for _, p := range InternalControlChecklist(f) {
		if p.Documented() || p.Missing == "" {
			continue
		}
		where, what := "", p.Missing
		if strings.Contains(p.Missing, ReviewWhere) || p.Point == 2 {
			where = ReviewWhere
			// The screen adds «Føres under Årlig gjennomgang.»; the
			// checklist's own «Legg dem inn under …» would say it twice.
			what = strings.TrimSpace(strings.TrimSuffix(what, "Legg dem inn under "+ReviewWhere+"."))
		}
		out = append(out, ReportGap{Point: p.Point, Area: "Internkontroll § 5 punkt " + strconv.Itoa(p.Point) + ": " + p.Text,
			What: what, Where: where})
	}
	return out
}

// HasRecords reports whether the year has any record of the unit's own
// beyond the committee: a module with data for the year, or the
// committee's annual review.
func (f AnnualFigures) HasRecords() bool {
	for _, m := range f.Modules {
		if m.HasData && m.ID != ModuleUtvalg {
			return true
		}
	}
	return f.Review.Recorded
}

// DefaultReportYear is the year Rapporter opens on: the year before
// today's (the report is written in January), or today's year when the
// year before has no records (a unit that started this year).
func DefaultReportYear(today Date, previousHasRecords bool) HMSYear {
	if previousHasRecords {
		return ReportYear(today)
	}
	return HMSYear(today.Year())
}
