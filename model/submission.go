package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// The submission file (innsendingsfil) is what a unit sends to HR each
// January: the key figures of the annual report as versioned JSON,
// documented in docs/innsending.md and docs/innsending.schema.json. It
// holds no personal data: no person names (committee roles only), no
// free text from incidents. HR reads any number of them and aggregates.

// Submission file identity.
const (
	SubmissionSchema  = "hmsutvalg-innsending"
	SubmissionVersion = 2
	// SubmissionOldestVersion is the oldest version submissionfile.Read still
	// reads (HR may get last year's files from units not yet updated).
	SubmissionOldestVersion = 1
	// MaxSubmissionSize is the largest file submissionfile.Read accepts.
	MaxSubmissionSize = 1 << 20
)

// Submission is one unit's key figures for one year. Every field is
// always written; a module object is null when the module is not in use
// ("modulen er ikke i bruk") in the version that wrote the file.
//
// Version 2 added the summary's statuses, the dates each "done" is based
// on, open serious deviations, § 5-2 notices, overdue measures per module
// and the 10-FAKTOR round's year. A version 1 file read by
// submissionfile.Read has SchemaVersion 1 and those fields empty: unknown,
// not zero (see Submission.HasV2).
type Submission struct {
	Schema         string               `json:"schema"`
	SchemaVersion  int                  `json:"schema_version"`
	AppVersion     string               `json:"app_version"`
	Year           int                  `json:"year"`
	Produced       Date                 `json:"produced"` // the date the figures are given for
	Unit           SubmissionUnit       `json:"unit"`
	CommitteeRoles []Role               `json:"committee_roles"`
	ActionPlan     *SubmissionPlan      `json:"action_plan"`
	Risk           *SubmissionRisk      `json:"risk"`
	Deviations     *SubmissionDeviation `json:"deviations"`
	SickLeave      *SubmissionSickLeave `json:"sick_leave"`
	Violence       *SubmissionViolence  `json:"violence"`
	TenFactor      *SubmissionTenFactor `json:"ten_factor"`
	SafetyRounds   *SubmissionCount     `json:"safety_rounds"`
	Meetings       *SubmissionCount     `json:"meetings"`
	Checklist      []SubmissionPoint    `json:"checklist"`
	// Summary is the annual report's summary status per module
	// (AnnualSummary), in report order. Version 2.
	Summary []SubmissionSummaryLine `json:"summary"`
	// Review is the committee's annual review (ReviewFigures), counts and
	// dates only. Version 2.
	Review SubmissionReview `json:"review"`
}

// SubmissionReview is what the annual review documents: point 1 (the
// regulations confirmed), point 4 (goals and how many were reached), HMS
// training, occupational injuries and whistle-blowing cases as counts,
// and when the committee treated the report. No free text.
type SubmissionReview struct {
	Recorded             bool `json:"recorded"`
	Regulations          int  `json:"regulations"`
	RegulationsConfirmed Date `json:"regulations_confirmed"` // "" = not confirmed for the year
	Goals                int  `json:"goals"`
	GoalsReached         int  `json:"goals_reached"`
	GoalsPartly          int  `json:"goals_partly"`
	GoalsNotReached      int  `json:"goals_not_reached"`
	GoalsNotAssessed     int  `json:"goals_not_assessed"`
	Courses              int  `json:"courses"`
	Participants         int  `json:"participants"`
	// OccupationalInjuries and Whistleblowing are null when not recorded.
	OccupationalInjuries *int `json:"occupational_injuries"`
	Whistleblowing       *int `json:"whistleblowing_cases"`
	TreatedOn            Date `json:"treated_on"` // "" = not yet treated by the committee
	Evaluation           bool `json:"evaluation"` // the committee's written evaluation exists
}

// HasV2 reports whether the file carries the version 2 fields.
func (s Submission) HasV2() bool { return s.SchemaVersion >= 2 }

// SubmissionSummaryLine is one module's status in the summary.
type SubmissionSummaryLine struct {
	Module string        `json:"module"`
	Status SummaryStatus `json:"status"`
}

// SubmissionUnit identifies the unit: name, municipality, sector and size.
type SubmissionUnit struct {
	Name         string `json:"name"`
	Municipality string `json:"municipality"`
	Sector       Sector `json:"sector"`
	Employees    int    `json:"employees"`
}

// SubmissionPlan is the action plan's figures (model.PlanFigures).
type SubmissionPlan struct {
	Total     int            `json:"total"`
	Open      int            `json:"open"`
	Overdue   int            `json:"overdue"`
	DueSoon   int            `json:"due_soon"`
	Created   int            `json:"created"`
	Closed    int            `json:"closed"`
	Evaluated int            `json:"evaluated"`
	ByStatus  map[Status]int `json:"by_status"`
	// OverdueBySource counts overdue measures by the module they came
	// from (every source kind). Version 2.
	OverdueBySource map[SourceKind]int `json:"overdue_by_source"`
}

// SubmissionRisk is the risk assessment's figures (model.RiskFigures).
type SubmissionRisk struct {
	Assessments   int               `json:"assessments"`
	CarriedOut    int               `json:"carried_out"`
	ReviewOverdue int               `json:"review_overdue"`
	Items         int               `json:"items"`
	Before        map[RiskLevel]int `json:"before"`
	After         map[RiskLevel]int `json:"after"`
	NotAssessed   int               `json:"not_assessed"`
	Matrix        SubmissionMatrix  `json:"matrix"`
	// LastCarriedOut is the date of the latest assessment carried out in
	// the year; "" when none. Version 2.
	LastCarriedOut Date `json:"last_carried_out"`
}

// NotAssessedAfter counts the hazards without a valid score after
// measures: the items less those counted after, as the unit's report
// shows «Ikke vurdert» after measures. Every version carries it this way.
func (r SubmissionRisk) NotAssessedAfter() int {
	after := 0
	for _, n := range r.After {
		after += n
	}
	return max(r.Items-after, 0)
}

// SubmissionMatrix is the risk matrix the items were counted on.
type SubmissionMatrix struct {
	Size      int `json:"size"`
	LowMax    int `json:"low_max"`
	MediumMax int `json:"medium_max"`
}

// SubmissionDeviation is the deviation register's counts for the year.
type SubmissionDeviation struct {
	Total      int                       `json:"total"`
	Open       int                       `json:"open"`
	ByCategory map[DeviationCategory]int `json:"by_category"`
	BySeverity map[Severity]int          `json:"by_severity"`
	// Version 2: open deviations of severity alvorlig or svært alvorlig;
	// § 5-2 cases (a person died or was seriously injured), split into
	// notice to Arbeidstilsynet and the police sent in the year, sent
	// after it, and not recorded (DeviationStatistics).
	OpenSerious          int `json:"open_serious"`
	NoticesNeeded        int `json:"notices_needed"`
	NoticesSent          int `json:"notices_sent"`
	NoticesSentAfterYear int `json:"notices_sent_after_year"`
	NoticesOutstanding   int `json:"notices_outstanding"`
	// Photos is how many photos of the year's serious deviations the
	// annual report shows (ReportPhotos): the count only, never a photo,
	// caption or file name. Optional in version 2; left out when 0.
	Photos int `json:"photos,omitempty"`
}

// SubmissionSickLeave is the unit's sick leave per quarter.
type SubmissionSickLeave struct {
	Target *float64 `json:"target_percent"` // null = no target set
	// TargetSetBy says whose target it is: "enhet" (the unit's own) or
	// "kommune" (the municipality's). Optional in version 2, written
	// with a target; "" (older files) = not said.
	TargetSetBy TargetOwner          `json:"target_set_by,omitempty"`
	Year        *float64             `json:"year_percent"` // null = no quarter registered
	Quarters    []SubmissionQuarter  `json:"quarters"`
	Rules       []SubmissionRuleFlag `json:"rules_triggered"` // follow-up rules met in the year
	// Version 2: the year's measures for sick leave and attendance
	// (SickLeaveMeasures) and how many of them are overdue.
	Measures        int `json:"measures"`
	MeasuresOverdue int `json:"measures_overdue"`
}

// SubmissionQuarter is one quarter's sick-leave percentage.
type SubmissionQuarter struct {
	Quarter Quarter `json:"quarter"`
	Percent float64 `json:"percent"`
	// AgreedDays is the quarter's agreed working days (avtalte dagsverk),
	// left out when unknown; the municipal total is weighted by it.
	// Optional in version 2.
	AgreedDays int `json:"agreed_days,omitempty"`
}

// SubmissionRuleFlag is one follow-up rule met, e.g. "over 7 % to kvartaler
// på rad", with the quarter it was met in.
type SubmissionRuleFlag struct {
	Rule    string  `json:"rule"`
	Quarter Quarter `json:"quarter"`
}

// SubmissionViolence is the status of the work against violence and
// threats (forskrift om utførelse av arbeid kap. 3A, tidligere 23A).
type SubmissionViolence struct {
	Mapped    bool `json:"mapped"`    // a mapping and risk assessment is current
	Mapping   Date `json:"mapping"`   // its date; "" when none or dated after the year
	Trainings int  `json:"trainings"` // training sessions and drills held in the year
	Incidents int  `json:"incidents"` // deviations in the category in the year
	// LastTraining is the latest training in the year; "" when none. Version 2.
	LastTraining Date `json:"last_training"`
}

// SubmissionTenFactor is the unit's 10-FAKTOR round of the year.
type SubmissionTenFactor struct {
	// RoundYear is the year of the round the figures come from: the
	// latest up to the year (SurveyRoundFor), often the year before;
	// 0 when there is none. ResultsOn is when its results came. Version 2.
	RoundYear           int                `json:"round_year"`
	ResultsOn           Date               `json:"results_on"`
	FocusWithoutMeasure []int              `json:"focus_without_measure"` // innsatsområder without a measure. Version 2.
	MeasuresOverdue     int                `json:"measures_overdue"`      // the round's measures past their deadline. Version 2.
	Respondents         int                `json:"respondents"`
	Factors             []SubmissionFactor `json:"factors"` // empty below the reporting limit
	Keep                []int              `json:"keep"`    // bevaringsområde, factor numbers
	Improve             []int              `json:"improve"` // innsatsområder, factor numbers
}

// SubmissionFactor is one factor's mean, 1,00–5,00.
type SubmissionFactor struct {
	Factor int     `json:"factor"` // 1–10
	Mean   float64 `json:"mean"`
}

// SubmissionCount is the number held in the year (safety rounds, meetings).
type SubmissionCount struct {
	Held int `json:"held"`
	// Last is the date of the latest held; "" when none. Unfinished counts
	// safety rounds dated in the year but not completed (0 for meetings).
	// Version 2.
	Last       Date `json:"last"`
	Unfinished int  `json:"unfinished"`
	// Photos is how many photos of the year's safety-round findings the
	// annual report shows (the count only; always 0 for meetings).
	// Optional in version 2; left out when 0.
	Photos int `json:"photos,omitempty"`
}

// SubmissionPoint is one point of the internal-control checklist.
type SubmissionPoint struct {
	Point      int  `json:"point"`
	Documented bool `json:"documented"`
}

// NewSubmission builds the submission from the annual figures.
// appVersion is the program's version.
func NewSubmission(d AnnualData, f AnnualFigures, appVersion string) Submission {
	u := d.Unit.Normalized()
	s := Submission{
		Schema:         SubmissionSchema,
		SchemaVersion:  SubmissionVersion,
		AppVersion:     appVersion,
		Year:           int(f.Year),
		Produced:       f.Today,
		Unit:           SubmissionUnit{Name: u.Name, Municipality: u.Municipality, Sector: u.Sector, Employees: u.Employees},
		CommitteeRoles: append([]Role{}, f.Committee.Roles...),
		ActionPlan:     submissionPlan(f),
		Risk:           submissionRisk(f),
		Deviations:     submissionDeviations(f, ReportPhotoCount(d.Photos, OwnerDeviation)),
		SickLeave:      submissionSickLeave(f),
		Violence:       submissionViolence(f),
		Summary:        []SubmissionSummaryLine{},
		Review:         submissionReview(f.Review),
	}
	if d.InUse[ModuleTiFaktor] {
		s.TenFactor = submissionTenFactor(f)
	}
	if d.InUse[ModuleVernerunder] {
		s.SafetyRounds = &SubmissionCount{Held: f.SafetyRoundsHeld, Last: f.LastSafetyRound, Unfinished: f.SafetyRoundsUnfinished,
			Photos: ReportPhotoCount(d.Photos, OwnerFinding)}
	}
	if d.InUse[ModuleMoter] {
		s.Meetings = &SubmissionCount{Held: f.MeetingsHeld, Last: f.LastMeeting}
	}
	for _, l := range AnnualSummary(f) {
		s.Summary = append(s.Summary, SubmissionSummaryLine{Module: l.Module, Status: l.Status})
	}
	for _, p := range InternalControlChecklist(f) {
		s.Checklist = append(s.Checklist, SubmissionPoint{Point: p.Point, Documented: p.Documented()})
	}
	return s
}

// countsOf copies counts for every key of all (absent keys as 0), so the
// file always lists every code.
func countsOf[K comparable](all []K, from map[K]int) map[K]int {
	out := make(map[K]int, len(all))
	for _, k := range all {
		out[k] = from[k]
	}
	return out
}

func submissionPlan(f AnnualFigures) *SubmissionPlan {
	p := f.Plan
	return &SubmissionPlan{
		Total: p.Summary.Total, Open: p.Summary.Open, Overdue: p.Summary.Overdue,
		DueSoon: p.Summary.DueSoon, Created: p.Created, Closed: p.Closed, Evaluated: p.Evaluated,
		ByStatus:        countsOf(Statuses(), p.Summary.ByStatus),
		OverdueBySource: countsOf(SourceKinds(), p.OverdueBySource),
	}
}

func submissionRisk(f AnnualFigures) *SubmissionRisk {
	r := f.Risk
	return &SubmissionRisk{
		Assessments: r.Assessments, CarriedOut: r.CarriedOut, ReviewOverdue: r.ReviewOverdue,
		Items: r.Items, NotAssessed: r.NotAssessed,
		Before: countsOf(RiskLevels(), r.Before), After: countsOf(RiskLevels(), r.After),
		Matrix:         SubmissionMatrix{r.Matrix.Size, r.Matrix.LowMax, r.Matrix.MediumMax},
		LastCarriedOut: r.LastCarriedOut,
	}
}

func submissionDeviations(f AnnualFigures, photos int) *SubmissionDeviation {
	dv := f.Deviations
	if dv == nil {
		return nil
	}
	return &SubmissionDeviation{Total: dv.Total, Open: dv.Open,
		ByCategory: countsOf(DeviationCategories(), dv.ByCategory), BySeverity: countsOf(Severities(), dv.BySeverity),
		OpenSerious: f.OpenSeriousDeviations, NoticesNeeded: dv.NoticeNeeded,
		NoticesSent: dv.NoticeSent, NoticesSentAfterYear: dv.NoticeSentAfterYear, NoticesOutstanding: dv.NoticeOutstanding,
		Photos: photos}
}

func submissionSickLeave(f AnnualFigures) *SubmissionSickLeave {
	sl := f.SickLeave
	if sl == nil {
		return nil
	}
	out := &SubmissionSickLeave{Quarters: []SubmissionQuarter{}, Rules: []SubmissionRuleFlag{},
		Measures: sl.Measures, MeasuresOverdue: sl.MeasuresOverdue}
	if sl.Settings.TargetIsSet() { // the defaults' example is no one's target: null
		t := sl.Settings.Target.Float()
		out.Target = &t
		out.TargetSetBy = sl.Settings.TargetSetBy.orUnit()
	}
	if sl.HasAverage {
		a := sl.Average.Float()
		out.Year = &a
	}
	for _, q := range sl.Quarters {
		out.Quarters = append(out.Quarters, SubmissionQuarter{Quarter: q.Quarter, Percent: q.Total.Float(), AgreedDays: max(q.AgreedDays, 0)})
	}
	for _, a := range sl.Alerts {
		out.Rules = append(out.Rules, SubmissionRuleFlag{Rule: a.Rule.Label(), Quarter: a.Last()})
	}
	return out
}

func submissionViolence(f AnnualFigures) *SubmissionViolence {
	if f.Violence == nil {
		return nil
	}
	v := &SubmissionViolence{Mapped: f.ViolenceMapped(), Mapping: f.ViolenceMappingDate,
		Trainings: f.ViolenceTrainings, LastTraining: f.LastViolenceTraining}
	if f.Deviations != nil {
		v.Incidents = f.Deviations.ByCategory[DevViolence]
	}
	return v
}

// submissionTenFactor is the same round as the summary: the latest up to
// the year (SurveyRoundFor).
func submissionTenFactor(f AnnualFigures) *SubmissionTenFactor {
	tf := &SubmissionTenFactor{Factors: []SubmissionFactor{}, Keep: []int{}, Improve: []int{}, FocusWithoutMeasure: []int{}}
	r := f.Survey
	if r == nil {
		return tf
	}
	tf.RoundYear, tf.ResultsOn, tf.MeasuresOverdue, tf.Respondents = int(r.Year), r.ResultsOn, f.SurveyMeasuresOverdue, r.Respondents
	for _, fa := range f.SurveyFocusWithoutMeasure {
		tf.FocusWithoutMeasure = append(tf.FocusWithoutMeasure, fa.Number())
	}
	if r.HasReport() {
		for _, sc := range r.Scores {
			if sc.Unit.Given() && sc.Unit.InRange() {
				tf.Factors = append(tf.Factors, SubmissionFactor{Factor: sc.Factor.Number(), Mean: sc.Unit.Float()})
			}
		}
	}
	for _, fa := range r.Focus {
		if fa.Kind == SurveyFocusKeep {
			tf.Keep = append(tf.Keep, fa.Factor.Number())
		} else {
			tf.Improve = append(tf.Improve, fa.Factor.Number())
		}
	}
	return tf
}

func submissionReview(r ReviewFigures) SubmissionReview {
	res := r.Results()
	return SubmissionReview{Recorded: r.Recorded, Regulations: r.Regulations, RegulationsConfirmed: r.RegulationsConfirmed,
		Goals: len(r.Goals), GoalsReached: res[GoalReached], GoalsPartly: res[GoalPartly],
		GoalsNotReached: res[GoalNotReached], GoalsNotAssessed: res[GoalNotAssessed],
		Courses: r.Courses, Participants: r.Participants,
		OccupationalInjuries: r.OccupationalInjuries, Whistleblowing: r.Whistleblowing,
		TreatedOn: r.TreatedOn, Evaluation: r.HasEvaluation}
}

// Marshal writes the submission as indented JSON with a final newline.
func (s Submission) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// SubmissionError is why a file is not a usable submission.
type SubmissionError struct {
	Reason string // Norwegian, for the user
}

func (e *SubmissionError) Error() string { return e.Reason }

// Errors submissionfile.Read wraps, to tell the kinds apart.
var (
	ErrSubmissionEmpty    = errors.New("filen er tom")
	ErrSubmissionSyntax   = errors.New("filen er avkortet eller ikke gyldig JSON")
	ErrSubmissionForeign  = errors.New("filen er ikke en innsendingsfil fra HMS-utvalg")
	ErrSubmissionVersion  = errors.New("filen har en versjon som ikke støttes")
	ErrSubmissionInvalid  = errors.New("filen bryter reglene for innsendingsfilen")
	ErrSubmissionTooLarge = errors.New("filen er for stor")
)

// Validate checks what the schema (docs/innsending.schema.json, checked
// by submissionfile.Read) cannot say: that counts add up, that every code is
// listed, that dates and quarters belong to the year. Each part of the
// file is checked by a step of its own, in the file's order.
func (s Submission) Validate() error {
	c := &submissionCheck{}
	c.unit(s.Unit)
	c.plan(s.ActionPlan)
	c.risk(s.Risk)
	c.deviations(s.Deviations)
	c.sickLeave(s.SickLeave, s.Year)
	c.violence(s.Violence)
	c.tenFactor(s.TenFactor)
	if s.HasV2() {
		c.summaryV2(s.Summary)
		c.planV2(s.ActionPlan)
		c.deviationsV2(s.Deviations)
		c.reviewV2(s.Review)
		c.tenFactorV2(s.TenFactor, s.Year)
	}
	c.checklist(s.Checklist)
	return c.v.Err()
}

// submissionCheck collects the messages of Validate.
type submissionCheck struct{ v ValidationError }

func (c *submissionCheck) add(format string, args ...any) { c.v.Add("", fmt.Sprintf(format, args...)) }

// allCodes reports whether m has every code of all (and so, with the
// schema's propertyNames, exactly those), and returns the sum.
func allCodes[K comparable](all []K, m map[K]int) (complete bool, sum int) {
	for _, k := range all {
		if _, ok := m[k]; !ok {
			return false, 0
		}
	}
	for _, n := range m {
		sum += n
	}
	return len(m) == len(all), sum
}

func (c *submissionCheck) unit(u SubmissionUnit) {
	if strings.TrimSpace(u.Name) == "" || strings.TrimSpace(u.Municipality) == "" {
		c.add("unit.name og unit.municipality må fylles ut")
	}
	if CheckNoNationalID("unit", u.Name+" "+u.Municipality) != nil {
		c.add("unit inneholder noe som ligner et fødselsnummer")
	}
}

func (c *submissionCheck) plan(p *SubmissionPlan) {
	if p == nil {
		c.add("action_plan mangler")
		return
	}
	if p.Open > p.Total || p.Overdue+p.DueSoon > p.Open || p.Evaluated > p.Closed || p.Created > p.Total || p.Closed > p.Total {
		c.add("action_plan: tallene henger ikke sammen")
	}
	if ok, sum := allCodes(Statuses(), p.ByStatus); !ok || sum != p.Total {
		c.add("action_plan.by_status må ha alle statuser og summere til total")
	}
}

func (c *submissionCheck) risk(r *SubmissionRisk) {
	if r == nil {
		c.add("risk mangler")
		return
	}
	if r.CarriedOut > r.Assessments || r.ReviewOverdue > r.Assessments {
		c.add("risk: tallene henger ikke sammen")
	}
	m := RiskMatrix{Size: r.Matrix.Size, LowMax: r.Matrix.LowMax, MediumMax: r.Matrix.MediumMax}
	if m.Validate() != nil {
		c.add("risk.matrix er ikke en gyldig risikomatrise")
	}
	okBefore, before := allCodes(RiskLevels(), r.Before)
	okAfter, after := allCodes(RiskLevels(), r.After)
	if !okBefore || !okAfter || after > r.Items {
		c.add("risk.before og risk.after må ha alle nivåer og høyst items farer")
	}
	if before+r.NotAssessed != r.Items {
		c.add("risk: items må være summen av before og not_assessed")
	}
}

func (c *submissionCheck) deviations(dv *SubmissionDeviation) {
	if dv == nil {
		return
	}
	if dv.Open > dv.Total {
		c.add("deviations: open er større enn total")
	}
	sum := 0
	for _, n := range dv.ByCategory {
		sum += n
	}
	if sum != dv.Total {
		c.add("deviations.by_category må summere til total")
	}
}

func (c *submissionCheck) sickLeave(sl *SubmissionSickLeave, year int) {
	if sl == nil {
		return
	}
	for _, q := range sl.Quarters {
		if !q.Quarter.Valid() || q.Quarter.Year != year {
			c.add("sick_leave.quarters: kvartalet «%s» hører ikke til %d", q.Quarter, year)
		}
	}
	for _, f := range sl.Rules {
		if strings.TrimSpace(f.Rule) == "" || !f.Quarter.Valid() {
			c.add("sick_leave.rules_triggered: regel og kvartal må fylles ut")
		}
	}
}

func (c *submissionCheck) violence(vt *SubmissionViolence) {
	if vt != nil && vt.Mapped && vt.Mapping.IsZero() {
		c.add("violence.mapping må ha dato når mapped er true")
	}
}

func (c *submissionCheck) tenFactor(tf *SubmissionTenFactor) {
	if tf == nil {
		return
	}
	if len(tf.Factors) > 0 && tf.Respondents < 3 {
		c.add("ten_factor: faktorer vises ikke med færre enn 3 svar")
	}
	seen := map[int]bool{}
	for _, f := range tf.Factors {
		if seen[f.Factor] {
			c.add("ten_factor.factors: faktor %d står to ganger", f.Factor)
		}
		seen[f.Factor] = true
	}
}

func (c *submissionCheck) checklist(points []SubmissionPoint) {
	for i, p := range points {
		if p.Point != i+1 || len(points) != 8 {
			c.add("checklist må ha punktene 1–8 i rekkefølge")
			return
		}
	}
}

// The fields version 2 added: every module's summary status once, overdue
// measures per source summing to the plan's, § 5-2 notices and the
// review's goals adding up, the 10-FAKTOR round no later than the year.

func (c *submissionCheck) summaryV2(lines []SubmissionSummaryLine) {
	seen := map[string]bool{}
	for _, l := range lines {
		if seen[l.Module] {
			c.add("summary: modulen «%s» står to ganger", l.Module)
		}
		seen[l.Module] = true
	}
	if n := len(AnnualModules()); len(lines) != n {
		c.add("summary må ha én linje per modul (%d)", n)
	}
}

func (c *submissionCheck) planV2(p *SubmissionPlan) {
	if p == nil {
		return
	}
	if ok, sum := allCodes(SourceKinds(), p.OverdueBySource); !ok || sum != p.Overdue {
		c.add("action_plan.overdue_by_source må ha alle kilder og summere til overdue")
	}
}

func (c *submissionCheck) deviationsV2(dv *SubmissionDeviation) {
	if dv == nil {
		return
	}
	notices := dv.NoticesSent+dv.NoticesSentAfterYear+dv.NoticesOutstanding == dv.NoticesNeeded && dv.NoticesNeeded <= dv.Total
	if dv.OpenSerious > dv.Open || !notices {
		c.add("deviations: open_serious og varslene (notices_*) henger ikke sammen")
	}
}

func (c *submissionCheck) reviewV2(r SubmissionReview) {
	if r.Goals != r.GoalsReached+r.GoalsPartly+r.GoalsNotReached+r.GoalsNotAssessed {
		c.add("review: målene henger ikke sammen")
	}
}

func (c *submissionCheck) tenFactorV2(tf *SubmissionTenFactor, year int) {
	if tf == nil {
		return
	}
	if tf.RoundYear > year {
		c.add("ten_factor.round_year må være 0 eller et år til og med %d", year)
	}
	if tf.RoundYear == 0 && tf.Respondents > 0 {
		c.add("ten_factor: svar uten runde (round_year er 0)")
	}
}
