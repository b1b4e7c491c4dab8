package model

// The modules of the annual report and the internal-control checklist
// (internkontrollforskriften § 5) they document.

import (
	"fmt"
	"slices"
	"strings"
)

// Module is one part of the annual report and what it documents:
// internkontrollforskriften § 5 points and arbeidsmiljøloven § 3-1 (2)
// letters.
type Module struct {
	ID     string // stable key, also used in the submission file
	Title  string // section heading in the report
	Points []int  // internkontrollforskriften § 5 points 1–8
	AML    string // arbeidsmiljøloven § 3-1 (2) letters, e.g. "c, h"
}

// ModuleStatus is a module's state for the year.
type ModuleStatus struct {
	Module
	InUse   bool   // the module exists in this version and the unit file has its data
	HasData bool   // it holds data for the year
	Summary string // one line for the checklist, e.g. "3 risikovurderinger"
}

// Module IDs, in report order.
const (
	ModuleUtvalg        = "utvalg"
	ModuleRisiko        = "risikovurdering"
	ModuleVold          = "vold_og_trusler"
	ModuleTiFaktor      = "tifaktor"
	ModuleHandlingsplan = "handlingsplan"
	ModuleAvvik         = "avvik"
	ModuleSykefravar    = "sykefravar"
	ModuleVernerunder   = "vernerunder"
	ModuleMoter         = "moter"
)

// AnnualModules lists the modules in report order with what they
// document. A module that is not built yet is listed too: the report
// says in one line that it has no data, and the checklist shows what is
// missing.
func AnnualModules() []Module {
	return []Module{
		{ModuleUtvalg, "HMS-utvalget", []int{3, 5}, "b"},
		{ModuleRisiko, "Risikovurdering", []int{6}, "c, d"},
		{ModuleVold, "Vold og trusler", []int{2, 6}, "c"},
		{ModuleTiFaktor, "10-FAKTOR", []int{3, 6}, "c, h"},
		{ModuleHandlingsplan, "Handlingsplan", []int{6, 8}, "c, h"},
		{ModuleAvvik, "Avvik", []int{7}, "e"},
		{ModuleSykefravar, "Sykefravær", []int{8}, "f"},
		{ModuleVernerunder, "Vernerunder", []int{6, 7}, "c, e, g"},
		{ModuleMoter, "Møter", []int{3, 8}, "h"},
	}
}

// moduleStatuses fills in each module's state from the figures. Modules
// not built yet are not in use.
func moduleStatuses(d AnnualData, f AnnualFigures) []ModuleStatus {
	var out []ModuleStatus
	for _, m := range AnnualModules() {
		s := ModuleStatus{Module: m, Summary: moduleSummary(m.ID, &f)}
		s.InUse, s.HasData = moduleState(m.ID, d, &f)
		out = append(out, s)
	}
	return out
}

// moduleState says whether module id is in use and holds data for the
// year, by the year rules the figures were computed with.
func moduleState(id string, d AnnualData, f *AnnualFigures) (inUse, hasData bool) {
	switch id {
	case ModuleUtvalg:
		return true, len(f.Committee.Roles) > 0
	case ModuleRisiko:
		return true, f.Risk.Assessments > 0
	case ModuleHandlingsplan:
		return true, f.Plan.Summary.Total > 0
	case ModuleAvvik:
		return f.Deviations != nil, f.Deviations != nil && f.Deviations.Total > 0
	case ModuleSykefravar:
		return f.SickLeave != nil, f.SickLeave != nil && len(f.SickLeave.Quarters) > 0
	case ModuleVold:
		// A mapping dated after the year documents nothing in it.
		return f.Violence != nil, f.Violence != nil && (!f.ViolenceMappingDate.IsZero() || f.ViolenceTrainings > 0)
	case ModuleTiFaktor:
		return d.InUse[ModuleTiFaktor], f.Survey != nil
	case ModuleVernerunder:
		return d.InUse[ModuleVernerunder], f.SafetyRoundsHeld > 0
	case ModuleMoter:
		return d.InUse[ModuleMoter], f.MeetingsHeld > 0
	}
	return false, false
}

// moduleSummary is the checklist's one line for the modules that have one.
func moduleSummary(id string, f *AnnualFigures) string {
	switch id {
	case ModuleUtvalg:
		var roles []string
		for _, r := range f.Committee.Roles {
			roles = append(roles, strings.ToLower(r.Short()))
		}
		return "Roller: " + OrNone(strings.Join(roles, ", "))
	case ModuleRisiko:
		return fmt.Sprintf("%d %s, %d %s", f.Risk.Assessments,
			pluralWord(f.Risk.Assessments, "risikovurdering", "risikovurderinger"),
			f.Risk.Items, pluralWord(f.Risk.Items, "fare", "farer"))
	case ModuleHandlingsplan:
		return fmt.Sprintf("%d tiltak, %d evaluert", f.Plan.Summary.Total, f.Plan.Evaluated)
	}
	return ""
}

// OrNone is s, or «ingen» when s is empty.
func OrNone(s string) string {
	if s == "" {
		return "ingen"
	}
	return s
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Status returns the state of module id, and false if there is no such
// module.
func (f AnnualFigures) Status(id string) (ModuleStatus, bool) {
	for _, s := range f.Modules {
		if s.ID == id {
			return s, true
		}
	}
	return ModuleStatus{}, false
}

// ChecklistPoint is one point of internkontrollforskriften § 5 with where
// the annual report documents it, or one duty of arbeidsmiljøloven
// § 3-1 (2) of its own (Letter set, Point 0).
type ChecklistPoint struct {
	Point   int
	Letter  string // arbeidsmiljøloven § 3-1 (2) letter of a duty of its own; "" for a § 5 point
	Text    string // what the point requires, in short
	Written bool   // must be documented in writing (points 4–8)
	AML     string // the matching letters of arbeidsmiljøloven § 3-1 (2)
	// Where lists the report sections that document the point; empty
	// means it is missing.
	Where []string
	// Missing says in plain words what is missing; "" when documented.
	Missing string
}

// Documented reports whether the report documents the point.
func (p ChecklistPoint) Documented() bool { return len(p.Where) > 0 }

// Section titles of the annual review in the report (reports/annualreview.go).
const (
	SectionRegulations = "Lover og forskrifter"
	SectionGoals       = "Mål for HMS-arbeidet"
	SectionTraining    = "Opplæring, yrkesskader og varsling"
	SectionEvaluation  = "Utvalgets evaluering av året"
)

var checklistTexts = [8]struct{ text, aml string }{
	{"HMS-lover og -forskrifter som gjelder for enheten, er tilgjengelige", ""},
	{"Arbeidstakerne har tilstrekkelig kunnskap og ferdigheter i det systematiske HMS-arbeidet", ""},
	{"Arbeidstakerne medvirker, slik at samlet kunnskap og erfaring utnyttes", "§ 3-1 første ledd"},
	{"Mål for helse, miljø og sikkerhet er fastsatt", "a"},
	{"Oversikt over organisasjonen og fordeling av ansvar, oppgaver og myndighet for HMS", "b"},
	{"Farer og problemer er kartlagt, risiko vurdert, og planer og tiltak er laget for å redusere risikoen", "c, d"},
	{"Rutiner for å avdekke, rette opp og forebygge overtredelser av HMS-kravene", "e"},
	{"Internkontrollen overvåkes og gjennomgås systematisk, slik at den virker som forutsatt", "h"},
}

// amlOwnDuties are the duties of arbeidsmiljøloven § 3-1 (2) that no
// point of internkontrollforskriften § 5 covers: they get rows of their
// own in the checklist.
var amlOwnDuties = []struct{ letter, text, missing string }{
	{"f", "Systematisk arbeid med forebygging og oppfølging av sykefravær",
		"Mangler: ikke dokumentert. Registrer sykefraværet per kvartal og sett sykefraværsmålet for året."},
	{"g", "Løpende kontroll med arbeidsmiljøet og arbeidstakernes helse der risikoen tilsier det (helseovervåking)",
		"Mangler: ingen vernerunder i året. Helseundersøkelser ved bedriftshelsetjenesten registreres ikke i programmet."},
}

// InternalControlChecklist returns the eight points of
// internkontrollforskriften § 5 with the sections of the report that
// document each, or what is missing. Point 1 is documented by the list of
// laws and regulations confirmed for the year, point 4 by the goals set
// for it, point 2 also by the HMS courses held in it (the annual review).
// Point 8 is always documented by the annual review itself (the report
// signed by the committee), together with the committee's evaluation and
// the modules that follow up during the year.
func InternalControlChecklist(f AnnualFigures) []ChecklistPoint {
	out := make([]ChecklistPoint, 8)
	for i := range out {
		p := &out[i]
		p.Point = i + 1
		p.Text = checklistTexts[i].text
		p.AML = checklistTexts[i].aml
		p.Written = p.Point >= 4
		unused := p.addModules(f, func(m Module) bool { return slices.Contains(m.Points, p.Point) })
		p.addReview(f)
		if p.Documented() {
			continue
		}
		p.Missing = p.missing(f, unused)
	}
	return out
}

// AMLOwnDuties returns the duties of arbeidsmiljøloven § 3-1 (2) that are
// not points of internkontrollforskriften § 5 (letters f and g), with the
// sections that document each: the modules whose letters include it, and
// for f the sick-leave goal of the year.
func AMLOwnDuties(f AnnualFigures) []ChecklistPoint {
	var out []ChecklistPoint
	for _, d := range amlOwnDuties {
		p := ChecklistPoint{Letter: d.letter, Text: d.text, AML: d.letter}
		p.addModules(f, func(m Module) bool { return slices.Contains(amlLetters(m.AML), d.letter) })
		if d.letter == "f" {
			for _, g := range f.Review.Goals {
				if g.Kind == GoalSickLeave {
					p.Where = append(p.Where, SectionGoals+" (sykefraværsmål)")
				}
			}
		}
		if !p.Documented() {
			p.Missing = d.missing
		}
		out = append(out, p)
	}
	return out
}

// amlLetters splits "c, e, g" into its letters.
func amlLetters(s string) []string {
	var out []string
	for l := range strings.SplitSeq(s, ",") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// addModules adds the modules picked with data to p.Where and returns
// those picked without (not in use, or no data for the year).
func (p *ChecklistPoint) addModules(f AnnualFigures, pick func(Module) bool) (unused []string) {
	for _, s := range f.Modules {
		if !pick(s.Module) {
			continue
		}
		documents, none := pointEvidence(s, p.Point, f)
		switch {
		case documents:
			p.Where = append(p.Where, s.Title)
		case !s.InUse:
			unused = append(unused, s.Title)
		default:
			unused = append(unused, s.Title+" ("+none+")")
		}
	}
	return unused
}

// pointEvidence says whether module s documents § 5 point n for the year,
// and otherwise what it lacks. A module documents its points by having
// data for the year, except Vold og trusler, whose parts document
// different points: its training point 2, its mapping of the risk point 6
// when the mapping is in order (ViolenceMapped, as the summary and the
// submission judge it: training alone maps no risk).
func pointEvidence(s ModuleStatus, n int, f AnnualFigures) (documents bool, none string) {
	none = "ingen data for " + f.Year.String()
	if s.ID != ModuleVold || !s.HasData {
		return s.HasData, none
	}
	switch n {
	case 2:
		return f.ViolenceTrainings > 0, "ingen opplæring eller øvelse i " + f.Year.String()
	case 6:
		return f.ViolenceMapped(), "kartleggingen mangler eller er forfalt for " + f.Year.String()
	}
	return true, none
}

// addReview adds the sections of the annual review that document p.
func (p *ChecklistPoint) addReview(f AnnualFigures) {
	r := f.Review
	switch p.Point {
	case 1:
		if r.RegulationsDocumented() {
			p.Where = append(p.Where, fmt.Sprintf("%s (%d, bekreftet %s)", SectionRegulations, r.Regulations, r.RegulationsConfirmed))
		}
	case 2:
		if r.Courses > 0 {
			p.Where = append(p.Where, fmt.Sprintf("%s (%d kurs)", SectionTraining, r.Courses))
		}
	case 4:
		if r.GoalsSet() {
			p.Where = append(p.Where, fmt.Sprintf("%s (%d %s)", SectionGoals, len(r.Goals), pluralWord(len(r.Goals), "mål", "mål")))
		}
	case 8:
		if r.HasEvaluation {
			p.Where = append(p.Where, SectionEvaluation)
		}
		p.Where = append(p.Where, "Sammendrag og underskrifter (årlig gjennomgang)")
	}
}

// missing says what is missing for an undocumented point.
func (p *ChecklistPoint) missing(f AnnualFigures, unused []string) string {
	y := f.Year.String()
	switch {
	case p.Point == 1 && f.Review.Regulations == 0:
		return "Mangler: ingen lover og forskrifter registrert for " + y + ". Legg dem inn under Årlig gjennomgang."
	case p.Point == 1:
		return "Mangler: listen over lover og forskrifter er ikke bekreftet av utvalget for " + y + "."
	case p.Point == 4:
		return "Mangler: ingen mål for HMS-arbeidet registrert for " + y + ". Legg dem inn under Årlig gjennomgang."
	case len(unused) > 0:
		return "Mangler: ikke dokumentert. Ikke i bruk eller uten data: " + strings.Join(unused, ", ") + "."
	}
	return "Mangler: ikke dokumentert."
}
