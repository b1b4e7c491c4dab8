package model

import (
	"fmt"
	"slices"
	"strings"
)

// Sick leave (sykefravær): the committee follows the unit's sick leave per
// quarter as the HR report gives it – aggregates for the whole unit, never
// a person. The percentage is sick-leave working days × 100 / agreed
// working days (SSB/NAV). Short-term means 1–16 days (the employer
// period), long-term more than 16 days.
//
// The county's IA action plan says which groups must be followed up: above
// 7 % in two consecutive quarters, and above 10 % in one quarter (then with
// the occupational health service, BHT). Both limits and the target are
// settings (SickLeaveSettings); FollowUpAlerts applies them.
//
// There is no national numeric sick-leave target: the IA agreement
// 2019–2024 aimed at 10 % less than in 2018 and has ended, and IA
// 2025–2028 sets none. The unit, or its municipality, sets its own
// target, and the texts say whose it is (TargetOwner). The default 5,2 %
// is the county's own target in its IA action plan; 7,4 % is one
// municipality's, in its strategy.
//
// There is deliberately no free-text field on a quarter: a comment such as
// "two on long-term leave after surgery" would be health information about
// identifiable people.

// SickLeaveQuarter is the unit's sick leave in one quarter. Total is
// required; the parts are nil when the HR report does not give them (a
// stored 0 means "0,0 %", not "unknown"). Employees and AgreedDays are 0
// when unknown.
type SickLeaveQuarter struct {
	ID            uint64   `json:"id"`
	Quarter       Quarter  `json:"quarter"`
	Total         Percent  `json:"total"`
	SelfCertified *Percent `json:"self_certified,omitempty"` // egenmeldt
	DoctorShort   *Percent `json:"doctor_short,omitempty"`   // legemeldt korttid, 1–16 dager
	DoctorLong    *Percent `json:"doctor_long,omitempty"`    // legemeldt langtid, over 16 dager
	Employees     int      `json:"employees"`                // 0 = unknown
	AgreedDays    int      `json:"agreed_days"`              // avtalte dagsverk; 0 = unknown
}

// Field names for sick leave, used in messages, CSV headers and as
// ValidationError keys.
const (
	FieldSickQuarter       = "Kvartal"
	FieldSickTotal         = "Sykefravær totalt"
	FieldSelfCertified     = "Egenmeldt"
	FieldDoctorShort       = "Legemeldt korttid"
	FieldDoctorLong        = "Legemeldt langtid"
	FieldSickEmployees     = "Ansatte"
	FieldAgreedDays        = "Avtalte dagsverk"
	FieldSickTarget        = "Mål for sykefravær"
	FieldSickTargetOwner   = "Målet er satt av"
	FieldTwoQuarterLimit   = "Grense for to kvartaler på rad"
	FieldOneQuarterLimit   = "Grense for ett kvartal (med BHT)"
	FieldSickDays          = "Sykefraværsdagsverk"
	sickPartsTolerance     = Percent(10) // 0,10 percentage points: HR reports round each part
	maxSickLeaveEmployees  = 100000
	maxSickLeaveAgreedDays = 100000000
	fullPercent            = Percent(100 * 100)
	defaultSickTarget      = Percent(520)  // the county's own target in its IA action plan (an example)
	defaultTwoQuarterLimit = Percent(700)  // above 7 % two quarters in a row
	defaultOneQuarterLimit = Percent(1000) // above 10 % in one quarter, with BHT
	maxCountWord           = 8             // counts are written as words up to this
)

// PercentPtr returns a pointer to p, for the optional parts.
func PercentPtr(p Percent) *Percent { return &p }

// Presence is nærvær: 100 % minus the total sick leave.
func (q SickLeaveQuarter) Presence() Percent { return fullPercent - q.Total }

// Parts returns the known parts and their field names, in display order.
func (q SickLeaveQuarter) Parts() (fields []string, values []Percent) {
	for _, p := range []struct {
		f string
		v *Percent
	}{{FieldSelfCertified, q.SelfCertified}, {FieldDoctorShort, q.DoctorShort}, {FieldDoctorLong, q.DoctorLong}} {
		if p.v != nil {
			fields = append(fields, p.f)
			values = append(values, *p.v)
		}
	}
	return fields, values
}

// Validate checks a quarter as it would be saved on day today: a valid
// quarter that has begun (figures for a quarter not yet started cannot
// exist), every percentage 0–100, the known parts together not above the
// total (0,10 points of rounding allowed), and non-negative counts.
func (q SickLeaveQuarter) Validate(today Date) error {
	var v ValidationError
	switch {
	case q.Quarter == (Quarter{}):
		v.Add(FieldSickQuarter, FieldSickQuarter+" må fylles ut, for eksempel 2026-K1")
	case !q.Quarter.Valid():
		v.Add(FieldSickQuarter, FieldSickQuarter+" må skrives som åååå-K1 til åååå-K4, for eksempel 2026-K1")
	case !today.IsZero() && QuarterOf(today).Before(q.Quarter):
		v.Add(FieldSickQuarter, fmt.Sprintf("%s %s har ikke begynt ennå; registrer bare kvartaler som er i gang eller avsluttet", FieldSickQuarter, q.Quarter))
	}
	q.checkPercents(&v)
	if q.Employees < 0 || q.Employees > maxSickLeaveEmployees {
		v.Add(FieldSickEmployees, fmt.Sprintf("%s må være et helt tall fra 0 til %s (0 = ukjent)", FieldSickEmployees, FormatInt(maxSickLeaveEmployees)))
	}
	if q.AgreedDays < 0 || q.AgreedDays > maxSickLeaveAgreedDays {
		v.Add(FieldAgreedDays, fmt.Sprintf("%s må være et helt tall fra 0 til %s (0 = ukjent)", FieldAgreedDays, FormatInt(maxSickLeaveAgreedDays)))
	}
	return v.Err()
}

// checkPercents checks that every percentage is 0–100 and, when they
// are, that the known parts together are not above the total (0,10
// points of rounding allowed).
func (q SickLeaveQuarter) checkPercents(v *ValidationError) {
	checkPct := func(field string, p Percent) bool {
		if p < 0 || p > fullPercent {
			v.Add(field, field+" må være mellom 0 og 100 %")
			return false
		}
		return true
	}
	totalOK := checkPct(FieldSickTotal, q.Total)
	partsOK := true
	var sum Percent
	fields, values := q.Parts()
	for i, p := range values {
		if !checkPct(fields[i], p) {
			partsOK = false
		}
		sum += p
	}
	if totalOK && partsOK && sum > q.Total+sickPartsTolerance {
		v.Add(FieldSickTotal, fmt.Sprintf("%s (%s) er høyere enn %s (%s); delene kan ikke til sammen være mer enn totalen",
			joinFields(fields), pct(sum), strings.ToLower(FieldSickTotal), pct(q.Total)))
	}
}

// joinFields writes "egenmeldt, legemeldt korttid og legemeldt langtid".
func joinFields(fields []string) string {
	low := make([]string, len(fields))
	for i, f := range fields {
		low[i] = strings.ToLower(f)
	}
	if len(low) <= 1 {
		return upperFirstRune(strings.Join(low, ""))
	}
	return upperFirstRune(strings.Join(low[:len(low)-1], ", ") + " og " + low[len(low)-1])
}

func upperFirstRune(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// pct formats a percentage with one decimal, or two when the second is
// not zero, so messages never round 7,05 % to a misleading 7,1 %.
func pct(p Percent) string {
	if p%10 != 0 {
		return p.Format(2)
	}
	return p.Format(1)
}

// PercentFromDays computes the sick-leave percentage from sick-leave working
// days and agreed working days: sickDays × 100 / agreedDays, rounded to
// two decimals. Agreed days must be above 0 and sick days between 0 and
// agreed days.
func PercentFromDays(sickDays, agreedDays float64) (Percent, error) {
	var v ValidationError
	switch {
	case !(agreedDays > 0) || agreedDays > maxSickLeaveAgreedDays: // also NaN
		v.Add(FieldAgreedDays, FieldAgreedDays+" må være større enn 0")
	case !(sickDays >= 0) || sickDays > agreedDays:
		v.Add(FieldSickDays, FieldSickDays+" må være mellom 0 og avtalte dagsverk")
	}
	if err := v.Err(); err != nil {
		return 0, err
	}
	return PercentFromFloat(sickDays * 100 / agreedDays), nil
}

// SickLeaveSettings are the unit's target and the follow-up limits. The
// zero value means DefaultSickLeaveSettings() for FollowUpAlerts, so a unit
// that never saved its settings gets the county's rules.
type SickLeaveSettings struct {
	Target Percent `json:"target"`
	// TargetSetBy says whose target it is; "" (settings saved before the
	// field existed) reads as the unit's own. The defaults, for a unit
	// that never saved its settings, say TargetByExample: nobody set it.
	TargetSetBy         TargetOwner `json:"target_set_by,omitempty"`
	TwoQuarterThreshold Percent     `json:"two_quarter_threshold"`
	OneQuarterThreshold Percent     `json:"one_quarter_threshold"`
}

// TargetOwner is who set the sick-leave target: the unit or its
// municipality. The zero value "" means the unit.
type TargetOwner string

// Target owners, in display order.
const (
	TargetByUnit         TargetOwner = "enhet"
	TargetByMunicipality TargetOwner = "kommune"
	// TargetByExample is the defaults' owner: the 5,2 % is the county's
	// own target in its IA action plan, shown as an example to a unit
	// that has not set one. Nobody can choose it or save it; a form
	// shows it as the unit (Label), and reports and the submission do
	// not call it the unit's target (TargetIsSet).
	TargetByExample TargetOwner = "eksempel"
)

var targetOwnerLabels = map[TargetOwner]string{
	TargetByUnit:         "Enheten",
	TargetByMunicipality: "Kommunen",
}

// TargetOwners returns the owners in display order.
func TargetOwners() []TargetOwner { return []TargetOwner{TargetByUnit, TargetByMunicipality} }

// TargetOwnerLabels returns the labels in display order.
func TargetOwnerLabels() []string { return enumLabels(TargetOwners(), TargetOwner.Label) }

// TargetOwnerFromLabel maps a label or code back to an owner.
func TargetOwnerFromLabel(s string) (TargetOwner, bool) {
	return enumFromLabel(s, TargetOwners(), TargetOwner.Label)
}

// Label is the display text ("Enheten", "Kommunen"); "" reads as the unit.
func (o TargetOwner) Label() string { return targetOwnerLabels[o.orUnit()] }

// Valid reports whether o is known; "" is (it means the unit).
func (o TargetOwner) Valid() bool { _, ok := targetOwnerLabels[o.orUnit()]; return ok }

func (o TargetOwner) orUnit() TargetOwner {
	if o == "" || o == TargetByExample {
		return TargetByUnit
	}
	return o
}

// TargetIsSet reports whether the unit or its municipality has set the
// target: not the example a unit that never saved its settings is shown.
// Only a set target is judged against («over målet») and submitted.
func (s SickLeaveSettings) TargetIsSet() bool {
	return s.Target != 0 && s.TargetSetBy != TargetByExample
}

// TargetName says whose target it is, for running text: "enhetens mål",
// "kommunens mål", or "eksempelmål" for the defaults' example.
func (s SickLeaveSettings) TargetName() string {
	switch s.TargetSetBy {
	case TargetByMunicipality:
		return "kommunens mål"
	case TargetByExample:
		return "eksempelmål"
	}
	return "enhetens mål"
}

// TargetTitle is TargetName with a capital letter, for labels and table
// headings: "Enhetens mål".
func (s SickLeaveSettings) TargetTitle() string {
	n := s.TargetName()
	return strings.ToUpper(n[:1]) + n[1:]
}

// DefaultSickLeaveSettings returns the product defaults: target 5,2 % (an
// example: the county's own target in its IA action plan; the unit sets
// its own), follow-up above 7,0 % in two consecutive quarters and above
// 10,0 % in one quarter.
func DefaultSickLeaveSettings() SickLeaveSettings {
	return SickLeaveSettings{Target: defaultSickTarget, TargetSetBy: TargetByExample,
		TwoQuarterThreshold: defaultTwoQuarterLimit, OneQuarterThreshold: defaultOneQuarterLimit}
}

// OrDefault gives the zero value its meaning.
func (s SickLeaveSettings) OrDefault() SickLeaveSettings {
	if s == (SickLeaveSettings{}) {
		return DefaultSickLeaveSettings()
	}
	return s
}

// Validate checks the settings as entered: each value above 0 and at most
// 100 %, and the one-quarter limit above the two-quarter limit (otherwise
// the stricter rule, with BHT, would fire first). The target may be above
// the two-quarter limit: a unit with a high starting point sets a
// realistic target (the municipal example is 7,4 %).
func (s SickLeaveSettings) Validate() error {
	var v ValidationError
	ok := true
	for _, f := range []struct {
		name string
		p    Percent
	}{{FieldSickTarget, s.Target}, {FieldTwoQuarterLimit, s.TwoQuarterThreshold}, {FieldOneQuarterLimit, s.OneQuarterThreshold}} {
		if f.p <= 0 || f.p > fullPercent {
			v.Add(f.name, f.name+" må være større enn 0 og høyst 100 %")
			ok = false
		}
	}
	if !s.TargetSetBy.Valid() || s.TargetSetBy == TargetByExample {
		v.Add(FieldSickTargetOwner, fmt.Sprintf("Ukjent «%s»: velg enheten eller kommunen", Shorten(string(s.TargetSetBy), 40)))
	}
	if ok && s.OneQuarterThreshold <= s.TwoQuarterThreshold {
		v.Add(FieldOneQuarterLimit, fmt.Sprintf("%s må være høyere enn %s (%s)", FieldOneQuarterLimit, strings.ToLower(FieldTwoQuarterLimit), pct(s.TwoQuarterThreshold)))
	}
	return v.Err()
}

// Describe returns the settings for reports, e.g. "Enhetens mål 5,2 %.
// Oppfølging ved over 7,0 % to kvartaler på rad og over 10,0 % i ett
// kvartal (med BHT)."
func (s SickLeaveSettings) Describe() string {
	s = s.OrDefault()
	return fmt.Sprintf("%s %s. Oppfølging ved over %s to kvartaler på rad og over %s i ett kvartal (med BHT).",
		s.TargetTitle(), pct(s.Target), pct(s.TwoQuarterThreshold), pct(s.OneQuarterThreshold))
}

// FollowUpRule is one of the follow-up rules.
type FollowUpRule string

// The follow-up rules from the county's IA action plan.
const (
	RuleTwoQuarters   FollowUpRule = "two_quarters"
	RuleOneQuarterBHT FollowUpRule = "one_quarter_bht"
)

var followUpRuleLabels = map[FollowUpRule]string{
	RuleTwoQuarters:   "Sykefravær over grensen to kvartaler på rad",
	RuleOneQuarterBHT: "Sykefravær over BHT-grensen i ett kvartal",
}

// FollowUpRules returns the rules in display order.
func FollowUpRules() []FollowUpRule { return []FollowUpRule{RuleTwoQuarters, RuleOneQuarterBHT} }

// FollowUpRuleLabels returns the labels of FollowUpRules().
func FollowUpRuleLabels() []string { return enumLabels(FollowUpRules(), FollowUpRule.Label) }

// FollowUpRuleFromLabel maps a label or stored code back to a rule.
func FollowUpRuleFromLabel(label string) (FollowUpRule, bool) {
	return enumFromLabel(label, FollowUpRules(), FollowUpRule.Label)
}

// Label returns the rule's name, or "" for an unknown rule.
func (r FollowUpRule) Label() string { return followUpRuleLabels[r] }

// Valid reports whether r is one of the rules.
func (r FollowUpRule) Valid() bool { _, ok := followUpRuleLabels[r]; return ok }

// FollowUpAlert says that a rule fired: which rule, for which quarters
// (with their totals), in words, and which measures the plan asks for.
type FollowUpAlert struct {
	Rule              FollowUpRule
	Threshold         Percent
	Quarters          []Quarter
	Values            []Percent // Total of each quarter in Quarters
	Message           string
	SuggestedMeasures []string
}

// Suggested measures per rule, worded from the county's IA action plan
// (follow-up by leader, safety representative and union representative;
// BHT's survey for groups above 10 %).
var suggestedMeasures = map[FollowUpRule][]string{
	RuleTwoQuarters: {
		"Gå gjennom sykefraværet i gruppen med leder, verneombud og tillitsvalgt, og lag en plan for oppfølgingen",
		"Kartlegg forhold i arbeidsmiljøet som kan henge sammen med fraværet (arbeidsbelastning, turnus, ergonomi)",
		"Sørg for at gjentatt korttidsfravær følges opp etter kommunens retningslinjer",
	},
	RuleOneQuarterBHT: {
		"Be bedriftshelsetjenesten (BHT) om en kartlegging av arbeidsmiljøet i gruppen",
		"Følg opp BHTs kartlegging med tiltak i handlingsplanen",
		"Gå gjennom sykefraværet i gruppen med leder, verneombud og tillitsvalgt",
	},
}

// FollowUpAlerts applies the follow-up rules to the quarters (in any
// order; duplicates of a quarter count once, the first given). "Above" is
// strictly greater: 7,0 % is not above 7 %. Quarters follow each other
// across a year boundary (2025-K4, 2026-K1); a quarter with no figures
// breaks a run.
//
// De-duplication: each rule gives one alert per unbroken run of quarters
// that trigger it, naming every quarter of the run. Three quarters in a row
// above 7 % are one alert for the two-quarter rule, not two overlapping
// pairs, so the committee creates one set of measures per episode; two
// consecutive quarters above 10 % are one alert for the one-quarter rule.
// A quarter above 10 % may fire both rules. Alerts come oldest first, the
// two-quarter rule before the one-quarter rule for runs ending in the same
// quarter.
func FollowUpAlerts(qs []SickLeaveQuarter, s SickLeaveSettings) []FollowUpAlert {
	s = s.OrDefault()
	sorted := SortSickLeave(qs)
	var out []FollowUpAlert
	type run struct {
		rule  FollowUpRule
		limit Percent
		min   int
	}
	for _, r := range []run{{RuleTwoQuarters, s.TwoQuarterThreshold, 2}, {RuleOneQuarterBHT, s.OneQuarterThreshold, 1}} {
		var cur []SickLeaveQuarter
		flush := func() {
			if len(cur) >= r.min {
				out = append(out, newAlert(r.rule, r.limit, cur))
			}
			cur = nil
		}
		for _, q := range sorted {
			if q.Total <= r.limit {
				flush()
				continue
			}
			if len(cur) > 0 && !cur[len(cur)-1].Quarter.Consecutive(q.Quarter) {
				flush()
			}
			cur = append(cur, q)
		}
		flush()
	}
	// Oldest first by the run's last quarter; stable keeps the rule order.
	slices.SortStableFunc(out, func(a, b FollowUpAlert) int {
		if c := a.Last().Compare(b.Last()); c != 0 {
			return c
		}
		return enumIndex(FollowUpRules(), a.Rule) - enumIndex(FollowUpRules(), b.Rule)
	})
	return out
}

func newAlert(rule FollowUpRule, limit Percent, run []SickLeaveQuarter) FollowUpAlert {
	a := FollowUpAlert{Rule: rule, Threshold: limit, SuggestedMeasures: append([]string(nil), suggestedMeasures[rule]...)}
	parts := make([]string, len(run))
	for i, q := range run {
		a.Quarters = append(a.Quarters, q.Quarter)
		a.Values = append(a.Values, q.Total)
		parts[i] = q.Quarter.String() + ": " + pct(q.Total)
	}
	list := strings.Join(parts, ", ")
	n := len(run)
	switch rule {
	case RuleTwoQuarters:
		a.Message = fmt.Sprintf("Over %s %s kvartaler på rad (%s): gruppen skal følges opp av leder, verneombud og tillitsvalgt.",
			pct(limit), countWord(n), list)
	default:
		where := fmt.Sprintf("i %s (%s)", run[0].Quarter, pct(run[0].Total))
		if n > 1 {
			where = fmt.Sprintf("%s kvartaler på rad (%s)", countWord(n), list)
		}
		a.Message = fmt.Sprintf("Over %s %s: gruppen skal følges opp, og bedriftshelsetjenesten (BHT) skal trekkes inn.", pct(limit), where)
	}
	return a
}

// countWord writes small counts as words ("to", "tre"), larger as digits.
func countWord(n int) string {
	words := []string{"null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte"}
	if n >= 0 && n < len(words) && n <= maxCountWord {
		return words[n]
	}
	return fmt.Sprint(n)
}

// First returns the first quarter of the alert's run.
func (a FollowUpAlert) First() Quarter {
	if len(a.Quarters) == 0 {
		return Quarter{}
	}
	return a.Quarters[0]
}

// Last returns the last quarter of the alert's run.
func (a FollowUpAlert) Last() Quarter {
	if len(a.Quarters) == 0 {
		return Quarter{}
	}
	return a.Quarters[len(a.Quarters)-1]
}

// RefLabel is the source text of the measures made for the alert: the
// rule's name and the quarters, e.g. "Sykefravær over grensen to kvartaler
// på rad: 2025-K4, 2026-K1".
func (a FollowUpAlert) RefLabel() string {
	qs := make([]string, len(a.Quarters))
	for i, q := range a.Quarters {
		qs[i] = q.String()
	}
	return Shorten(a.Rule.Label()+": "+strings.Join(qs, ", "), MaxRefLabelLen)
}

// Recent reports whether the alert's run reaches into the last year: its
// last quarter is today's quarter or one of the four before it. The
// dashboard shows these as active.
func (a FollowUpAlert) Recent(today Date) bool {
	cur := QuarterOf(today)
	from := cur
	for range 4 {
		from = from.Prev()
	}
	last := a.Last()
	return !last.Before(from) && !cur.Before(last)
}

// HasMeasures reports whether the action plan already has measures made
// for this alert: a sick-leave measure whose source names the same rule and,
// among its quarters, the alert's first quarter. A run that has grown since
// (a third quarter above 7 %) is still covered by the measures made for its
// start, and so is a run shortened by a corrected figure.
func (a FollowUpAlert) HasMeasures(ms []Measure) bool {
	prefix := a.Rule.Label() + ":"
	first := a.First().String()
	for _, m := range ms {
		if m.Source.Kind != SourceSickLeave {
			continue
		}
		label, ok := strings.CutPrefix(m.Source.RefLabel, prefix)
		if !ok {
			continue
		}
		for _, q := range strings.Split(label, ",") {
			if strings.TrimSpace(q) == first {
				return true
			}
		}
	}
	return false
}

// NewMeasuresForAlert returns one measure per title (normally the alert's
// SuggestedMeasures), planned, in the priority area "Oppfølgende
// sykefraværsarbeid", with the alert as source: RefID is the record of the
// run's last quarter (refID), RefLabel the rule and quarters, and the
// description the alert's message. Empty titles are skipped.
func NewMeasuresForAlert(a FollowUpAlert, titles []string, refID uint64, responsible string, deadline, today Date) []Measure {
	var out []Measure
	for _, t := range titles {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		m := NewMeasure(today)
		m.Title = Shorten(t, MaxTitleLen)
		m.Description = a.Message
		m.Source = Source{Kind: SourceSickLeave, RefID: refID, RefLabel: a.RefLabel()}
		m.PriorityArea = DefaultPriorityArea(m.Source.Kind)
		m.Responsible = normalizeName(responsible)
		m.Deadline = deadline
		out = append(out, m)
	}
	return out
}

// SortSickLeave returns the quarters sorted oldest first, keeping the
// first of any repeated quarter; qs is not changed.
func SortSickLeave(qs []SickLeaveQuarter) []SickLeaveQuarter {
	seen := map[Quarter]bool{}
	out := make([]SickLeaveQuarter, 0, len(qs))
	for _, q := range qs {
		if seen[q.Quarter] {
			continue
		}
		seen[q.Quarter] = true
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b SickLeaveQuarter) int { return a.Quarter.Compare(b.Quarter) })
	return out
}

// SickLeaveYear returns the quarters of year y, oldest first.
func SickLeaveYear(qs []SickLeaveQuarter, y HMSYear) []SickLeaveQuarter {
	var out []SickLeaveQuarter
	for _, q := range SortSickLeave(qs) {
		if q.Quarter.Year == int(y) {
			out = append(out, q)
		}
	}
	return out
}

// SickLeaveQuartersMissing counts the quarters of year the unit should
// have figures for and has not: every quarter, or in the year the unit
// started (start in the year) the whole quarters after the start, as
// meetings and safety rounds are asked for (QuartersFrom). quarters are
// the year's recorded quarters (SickLeaveYear). A quarter not yet over
// counts too; callers ask only for a year that has ended.
func SickLeaveQuartersMissing(quarters []SickLeaveQuarter, year HMSYear, start Date) int {
	have := map[int]bool{}
	for _, q := range quarters {
		if q.Quarter.Year == int(year) {
			have[q.Quarter.Q] = true
		}
	}
	n := 0
	for _, q := range year.Quarters() {
		if !have[q.Q] && (!year.Contains(start) || !q.Start().Before(start)) {
			n++
		}
	}
	return n
}

// SickLeaveAverage returns the mean of the quarters' totals, weighted by
// agreed working days when every quarter has them (the correct yearly
// percentage), otherwise the plain mean; ok is false for no quarters.
func SickLeaveAverage(qs []SickLeaveQuarter) (avg Percent, weighted, ok bool) {
	if len(qs) == 0 {
		return 0, false, false
	}
	weighted = true
	var days, sick float64
	var sum Percent
	for _, q := range qs {
		sum += q.Total
		if q.AgreedDays <= 0 {
			weighted = false
		}
		days += float64(q.AgreedDays)
		sick += q.Total.Float() * float64(q.AgreedDays)
	}
	if weighted && days > 0 {
		return PercentFromFloat(sick / days), true, true
	}
	return PercentFromFloat(sum.Float() / float64(len(qs))), false, true
}

// AverageAboveTarget reports whether a period's average sick leave is
// strictly above the unit's target (no target set: never). The annual
// report marks it for follow-up.
func (s SickLeaveSettings) AverageAboveTarget(avg Percent) bool {
	return s.TargetIsSet() && avg > s.Target
}

// maxProposalLookback bounds how far back NextSickLeaveQuarter looks for a
// gap (ten years of quarters).
const maxProposalLookback = 40

// NextSickLeaveQuarter is the quarter a new registration proposes: the one
// after the latest registered when it has begun, otherwise the latest
// ended quarter; when that one has figures already, the nearest earlier
// quarter without figures. It never proposes a registered quarter unless
// every quarter of the last ten years has figures.
func NextSickLeaveQuarter(qs []SickLeaveQuarter, today Date) Quarter {
	current := QuarterOf(today)
	have := make(map[Quarter]bool, len(qs))
	var latest Quarter
	for _, q := range qs {
		have[q.Quarter] = true
		if latest.Before(q.Quarter) {
			latest = q.Quarter
		}
	}
	if latest != (Quarter{}) && !current.Before(latest.Next()) {
		return latest.Next()
	}
	start := current.Prev()
	for q, n := start, 0; n < maxProposalLookback; q, n = q.Prev(), n+1 {
		if !have[q] {
			return q
		}
	}
	return start
}
