package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// 10-FAKTOR is KS's employee survey, run by many municipalities every
// second year. The unit gets a mean per factor on a 1–5 scale; the weak
// point is the follow-up between rounds. This file holds a survey round
// with its scores, the anonymity rule, the suggestion of focus factors,
// the follow-up (focus areas, meetings, measures in the action plan) and
// the reminders built on it.

// TenFactor is one of the ten factors of 10-FAKTOR.
type TenFactor string

// The ten factors, in KS's order.
const (
	TenFactorTaskMotivation        TenFactor = "oppgavemotivasjon"
	TenFactorSelfEfficacy          TenFactor = "mestringstro"
	TenFactorAutonomy              TenFactor = "selvstendighet"
	TenFactorUseOfCompetence       TenFactor = "bruk_av_kompetanse"
	TenFactorMasteryLeadership     TenFactor = "mestringsorientert_ledelse"
	TenFactorRoleClarity           TenFactor = "rolleklarhet"
	TenFactorCompetenceDevelopment TenFactor = "relevant_kompetanseutvikling"
	TenFactorFlexibility           TenFactor = "fleksibilitetsvilje"
	TenFactorMasteryClimate        TenFactor = "mestringsklima"
	TenFactorProsocialMotivation   TenFactor = "nytteorientert_motivasjon"
)

// tenFactorInfo: label, other name (or ""), explanation in our own words.
var tenFactorInfo = map[TenFactor][3]string{
	TenFactorTaskMotivation: {"Indre motivasjon", "oppgavemotivasjon",
		"Hvor mye arbeidsoppgavene i seg selv gir lyst og driv til å gjøre jobben."},
	TenFactorSelfEfficacy: {"Mestringstro", "",
		"Troen på at du klarer oppgavene og utfordringene du møter i jobben."},
	TenFactorAutonomy: {"Selvstendighet", "",
		"Opplevelsen av tillit og rom til å tenke og handle selvstendig innenfor egen rolle."},
	TenFactorUseOfCompetence: {"Bruk av kompetanse", "",
		"Om du får brukt det du kan, slik du regnet med da du tok jobben."},
	TenFactorMasteryLeadership: {"Mestringsorientert ledelse", "",
		"Ledelse som hjelper hver enkelt til å utvikle seg og gjøre sitt beste ut fra egne forutsetninger."},
	TenFactorRoleClarity: {"Rolleklarhet", "",
		"Hvor tydelig det er hva som forventes av deg i jobben."},
	TenFactorCompetenceDevelopment: {"Relevant kompetanseutvikling", "",
		"Muligheten til å lære og utvikle deg i det som er relevant for din rolle og dine oppgaver."},
	TenFactorFlexibility: {"Fleksibilitetsvilje", "",
		"Viljen til å være fleksibel og endre måten du jobber på når behovene endrer seg."},
	TenFactorMasteryClimate: {"Mestringsklima", "",
		"En kultur der kollegene samarbeider, deler og gjør hverandre gode."},
	// KS's 10-FAKTOR names factor 10 «Nyttemotivasjon (prososial
	// motivasjon)», other KS material «Nytteorientert motivasjon»
	// (corrections table): one name with the other in brackets, as for
	// factor 1. «prososial motivasjon» is still read (legacyAltNames).
	TenFactorProsocialMotivation: {"Nytteorientert motivasjon", "nyttemotivasjon",
		"Ønsket om å gjøre noe som er til nytte for andre – brukerne, kollegene og samfunnet."},
}

// TenFactors returns the ten factors in KS's order.
func TenFactors() []TenFactor {
	return []TenFactor{TenFactorTaskMotivation, TenFactorSelfEfficacy, TenFactorAutonomy, TenFactorUseOfCompetence,
		TenFactorMasteryLeadership, TenFactorRoleClarity, TenFactorCompetenceDevelopment, TenFactorFlexibility,
		TenFactorMasteryClimate, TenFactorProsocialMotivation}
}

// TenFactorLabels returns the labels of TenFactors(), for a select widget.
func TenFactorLabels() []string { return enumLabels(TenFactors(), TenFactor.Label) }

// legacyAltNames are other names a factor was shown with before, still
// read back: «Nytteorientert motivasjon (prososial motivasjon)».
var legacyAltNames = map[TenFactor]string{TenFactorProsocialMotivation: "prososial motivasjon"}

// TenFactorFromLabel maps a label, the full label, the other name (also
// one used before) or the stored code back to a factor.
func TenFactorFromLabel(label string) (TenFactor, bool) {
	legacy := func(f TenFactor) string { return legacyAltNames[f] }
	legacyFull := func(f TenFactor) string {
		if a := legacyAltNames[f]; a != "" {
			return f.Label() + " (" + a + ")"
		}
		return ""
	}
	for _, by := range []func(TenFactor) string{TenFactor.Label, TenFactor.FullLabel, TenFactor.AltName, legacy, legacyFull} {
		if f, ok := enumFromLabel(label, TenFactors(), by); ok && strings.TrimSpace(label) != "" {
			return f, true
		}
	}
	return "", false
}

// Label returns the short name, e.g. "Indre motivasjon"; "" if unknown.
func (f TenFactor) Label() string { return tenFactorInfo[f][0] }

// AltName returns the factor's other name, e.g. "oppgavemotivasjon", or "".
func (f TenFactor) AltName() string { return tenFactorInfo[f][1] }

// FullLabel returns the label with the other name in brackets:
// "Indre motivasjon (oppgavemotivasjon)".
func (f TenFactor) FullLabel() string {
	if a := f.AltName(); a != "" {
		return f.Label() + " (" + a + ")"
	}
	return f.Label()
}

// Explanation is a one-sentence description for the screen and reports.
func (f TenFactor) Explanation() string { return tenFactorInfo[f][2] }

// Valid reports whether f is one of the ten factors.
func (f TenFactor) Valid() bool { _, ok := tenFactorInfo[f]; return ok }

// Number returns 1..10 in KS's order, 0 for an unknown factor. Measures
// made for a focus factor store it as their Source.RefID.
func (f TenFactor) Number() int {
	if !f.Valid() {
		return 0
	}
	return enumIndex(TenFactors(), f) + 1
}

// TenFactorByNumber is the inverse of Number.
func TenFactorByNumber(n int) (TenFactor, bool) {
	if n < 1 || n > len(TenFactors()) {
		return "", false
	}
	return TenFactors()[n-1], true
}

// SurveyScore is a 10-FAKTOR mean in hundredths (385 = 3,85). Fixed point keeps
// the two published decimals exact, so "under 4" and changes between
// rounds compare exactly. Zero means "not given".
type SurveyScore int

// Scale limits and KS's target: a mean above 4 on every factor, ideally
// about 4,5.
const (
	SurveyScoreMin    SurveyScore = 100
	SurveyScoreMax    SurveyScore = 500
	SurveyScoreTarget SurveyScore = 400
	SurveyScoreIdeal  SurveyScore = 450
)

// ParseSurveyScoreField parses "3,85", "3.85", "4" or "4,5": 1,00 to 5,00 with
// at most two decimals. Errors are *FieldError naming field.
func ParseSurveyScoreField(field, s string) (SurveyScore, error) {
	bad := &FieldError{Field: field, Message: field + " må være et tall fra 1,00 til 5,00, for eksempel 3,85"}
	s = strings.TrimSpace(s)
	intPart, frac, hasSep := strings.Cut(s, ",")
	if !hasSep {
		intPart, frac, _ = strings.Cut(s, ".")
	}
	if !allDigits(intPart) || (frac != "" && !allDigits(frac)) { // "4," is read as 4
		return 0, bad
	}
	if len(frac) > 2 {
		return 0, &FieldError{Field: field, Message: field + " kan ha høyst to desimaler, for eksempel 3,85"}
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 2 {
		return 0, surveyScoreRangeError(field)
	}
	v := 0
	if intPart != "" {
		v = atoi(intPart) * 100
	}
	if frac != "" {
		h := atoi(frac)
		if len(frac) == 1 {
			h *= 10
		}
		v += h
	}
	sc := SurveyScore(v)
	if !sc.InRange() {
		return 0, surveyScoreRangeError(field)
	}
	return sc, nil
}

// ParseOptionalSurveyScoreField is ParseSurveyScoreField where an empty field gives 0
// (not given), for comparison values.
func ParseOptionalSurveyScoreField(field, s string) (SurveyScore, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return ParseSurveyScoreField(field, s)
}

func surveyScoreRangeError(field string) *FieldError {
	return &FieldError{Field: field, Message: field + " må være mellom 1,00 og 5,00 – 10-FAKTOR bruker en skala fra 1 til 5"}
}

// InRange reports whether s is on the 1,00–5,00 scale.
func (s SurveyScore) InRange() bool { return s >= SurveyScoreMin && s <= SurveyScoreMax }

// Given reports whether a value is registered (non-zero).
func (s SurveyScore) Given() bool { return s != 0 }

// String formats with two decimals ("3,85"), or "" when not given.
func (s SurveyScore) String() string {
	if s == 0 {
		return ""
	}
	sign := ""
	v := int(s)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d,%02d", sign, v/100, v%100)
}

// Float returns the score as a float (385 → 3.85), for charts.
func (s SurveyScore) Float() float64 { return float64(s) / 100 }

// FormatSurveyScoreChange formats a change between rounds with sign: "+0,12",
// "−0,30", "±0,00".
func FormatSurveyScoreChange(d SurveyScore) string {
	switch {
	case d > 0:
		return "+" + d.String()
	case d < 0:
		return "−" + (-d).String()
	}
	return "±0,00"
}

// SurveyMinRespondents is the fewest answers for which 10-FAKTOR gives a unit a
// report of its own (KS lowered it from 5 to 3). With fewer, the unit has
// no results, so the program does not accept unit scores either.
const SurveyMinRespondents = 3

// SurveyFactorScore is one factor's values in a round: the unit's mean and the
// optional comparison values (zero = not given).
type SurveyFactorScore struct {
	Factor       TenFactor   `json:"factor"`
	Unit         SurveyScore `json:"unit"`
	Municipality SurveyScore `json:"municipality"` // hele kommunen
	National     SurveyScore `json:"national"`     // alle kommuner
	UnitType     SurveyScore `json:"unit_type"`    // samme enhetstype
}

// SurveyComparison names a comparison value of a SurveyFactorScore.
type SurveyComparison string

// SurveyComparisons, in display order.
const (
	SurveyCompareMunicipality SurveyComparison = "kommunen"
	SurveyCompareNational     SurveyComparison = "alle_kommuner"
	SurveyCompareUnitType     SurveyComparison = "enhetstype"
)

var surveyComparisonLabels = map[SurveyComparison]string{
	SurveyCompareMunicipality: "Hele kommunen",
	SurveyCompareNational:     "Alle kommuner",
	SurveyCompareUnitType:     "Samme enhetstype",
}

// SurveyComparisons returns the comparison values in display order.
func SurveyComparisons() []SurveyComparison {
	return []SurveyComparison{SurveyCompareMunicipality, SurveyCompareNational, SurveyCompareUnitType}
}

// SurveyComparisonLabels returns the labels of SurveyComparisons().
func SurveyComparisonLabels() []string {
	return enumLabels(SurveyComparisons(), SurveyComparison.Label)
}

// SurveyComparisonFromLabel maps a label or stored code back to a comparison.
func SurveyComparisonFromLabel(label string) (SurveyComparison, bool) {
	return enumFromLabel(label, SurveyComparisons(), SurveyComparison.Label)
}

// Label returns the display name, or "" for an unknown comparison.
func (c SurveyComparison) Label() string { return surveyComparisonLabels[c] }

// Valid reports whether c is a defined comparison.
func (c SurveyComparison) Valid() bool { _, ok := surveyComparisonLabels[c]; return ok }

// Value returns the comparison value c of fs (0 if not given).
func (fs SurveyFactorScore) Value(c SurveyComparison) SurveyScore {
	switch c {
	case SurveyCompareMunicipality:
		return fs.Municipality
	case SurveyCompareNational:
		return fs.National
	case SurveyCompareUnitType:
		return fs.UnitType
	}
	return 0
}

// SurveyScoreField is the field name of a factor's unit score in messages and
// ValidationError keys: "Mestringsklima".
func SurveyScoreField(f TenFactor) string { return f.Label() }

// SurveyComparisonField is the field name of a comparison value:
// "Mestringsklima, hele kommunen".
func SurveyComparisonField(f TenFactor, c SurveyComparison) string {
	return f.Label() + ", " + strings.ToLower(c.Label())
}

// SurveyFocusKind is what the unit wants with a chosen factor: keep it
// (bevaringsområde) or improve it (innsatsområde).
type SurveyFocusKind string

// Focus kinds.
const (
	SurveyFocusKeep    SurveyFocusKind = "bevaring"
	SurveyFocusImprove SurveyFocusKind = "innsats"
)

var surveyFocusKindLabels = map[SurveyFocusKind]string{
	SurveyFocusKeep:    "Bevaringsområde",
	SurveyFocusImprove: "Innsatsområde",
}

// SurveyFocusKinds returns the kinds in display order.
func SurveyFocusKinds() []SurveyFocusKind {
	return []SurveyFocusKind{SurveyFocusKeep, SurveyFocusImprove}
}

// SurveyFocusKindLabels returns the labels of SurveyFocusKinds().
func SurveyFocusKindLabels() []string { return enumLabels(SurveyFocusKinds(), SurveyFocusKind.Label) }

// SurveyFocusKindFromLabel maps a label or stored code back to a kind.
func SurveyFocusKindFromLabel(label string) (SurveyFocusKind, bool) {
	return enumFromLabel(label, SurveyFocusKinds(), SurveyFocusKind.Label)
}

// Label returns "Bevaringsområde" or "Innsatsområde"; "" if unknown.
func (k SurveyFocusKind) Label() string { return surveyFocusKindLabels[k] }

// Valid reports whether k is a defined kind.
func (k SurveyFocusKind) Valid() bool { _, ok := surveyFocusKindLabels[k]; return ok }

// SurveyFocusArea is a factor the unit chose to work on after a round, with
// what the committee noted and the action-plan measures made for it.
type SurveyFocusArea struct {
	Factor     TenFactor       `json:"factor"`
	Kind       SurveyFocusKind `json:"kind"`
	WhatWorks  string          `json:"what_works"`
	ToImprove  string          `json:"to_improve"`
	MeasureIDs []uint64        `json:"measure_ids"`
}

// SurveyMeetingKind is the purpose of a follow-up meeting.
type SurveyMeetingKind string

// Meeting kinds, in the order KS describes the follow-up.
const (
	SurveyMeetingReview     SurveyMeetingKind = "mote1"
	SurveyMeetingMeasures   SurveyMeetingKind = "mote2"
	SurveyMeetingEvaluation SurveyMeetingKind = "evaluering"
	SurveyMeetingOther      SurveyMeetingKind = "annet"
)

var surveyMeetingKindLabels = map[SurveyMeetingKind]string{
	SurveyMeetingReview:     "Møte 1: gjennomgang og valg av områder",
	SurveyMeetingMeasures:   "Møte 2: tiltak, frist og ansvarlig",
	SurveyMeetingEvaluation: "Evaluering av tiltakene",
	SurveyMeetingOther:      "Annet oppfølgingsmøte",
}

// SurveyMeetingKinds returns the kinds in display order.
func SurveyMeetingKinds() []SurveyMeetingKind {
	return []SurveyMeetingKind{SurveyMeetingReview, SurveyMeetingMeasures, SurveyMeetingEvaluation, SurveyMeetingOther}
}

// SurveyMeetingKindLabels returns the labels of SurveyMeetingKinds().
func SurveyMeetingKindLabels() []string {
	return enumLabels(SurveyMeetingKinds(), SurveyMeetingKind.Label)
}

// SurveyMeetingKindFromLabel maps a label or stored code back to a kind.
func SurveyMeetingKindFromLabel(label string) (SurveyMeetingKind, bool) {
	return enumFromLabel(label, SurveyMeetingKinds(), SurveyMeetingKind.Label)
}

// Label returns the display name, or "" for an unknown kind.
func (k SurveyMeetingKind) Label() string { return surveyMeetingKindLabels[k] }

// Valid reports whether k is a defined kind.
func (k SurveyMeetingKind) Valid() bool { _, ok := surveyMeetingKindLabels[k]; return ok }

// SurveyMeeting is one logged follow-up meeting.
type SurveyMeeting struct {
	Date  Date              `json:"date"`
	Kind  SurveyMeetingKind `json:"kind"`
	Notes string            `json:"notes"`
}

// SurveyRound is one 10-FAKTOR round for the unit.
type SurveyRound struct {
	ID          uint64  `json:"id"`
	Year        HMSYear `json:"year"`
	OpensOn     Date    `json:"opens_on"`   // survey open from; optional
	ClosesOn    Date    `json:"closes_on"`  // survey closed; optional
	ResultsOn   Date    `json:"results_on"` // the unit got its results
	Invited     int     `json:"invited"`
	Respondents int     `json:"respondents"`
	// Scores has one entry per factor, in KS's order (Normalized makes
	// it so).
	Scores   []SurveyFactorScore `json:"scores"`
	Focus    []SurveyFocusArea   `json:"focus"`
	Meetings []SurveyMeeting     `json:"meetings"`
	Notes    string              `json:"notes"`
}

// Field names for survey rounds.
const (
	FieldSurveyYear         = "År"
	FieldSurveyOpensOn      = "Åpnet"
	FieldSurveyClosesOn     = "Stengt"
	FieldSurveyResultsOn    = "Resultater mottatt"
	FieldSurveyInvited      = "Inviterte"
	FieldSurveyRespondents  = "Antall svar"
	FieldSurveyScores       = "Skår"
	FieldSurveyFocus        = "Fokusområder"
	FieldSurveyFocusKind    = "Bevarings- eller innsatsområde"
	FieldSurveyWhatWorks    = "Dette fungerer"
	FieldSurveyToImprove    = "Dette vil vi forbedre"
	FieldSurveyMeetingDate  = "Møtedato"
	FieldSurveyMeetingKind  = "Type møte"
	FieldSurveyMeetingNotes = "Notat fra møtet"
	FieldSurveyNotes        = "Merknader"
)

// SurveyMaxInvited is a sanity limit for the number invited in one unit.
const SurveyMaxInvited = 100000

// NewSurveyRound returns an empty round for the year with all ten factors
// present and results received today.
func NewSurveyRound(year HMSYear, today Date) SurveyRound {
	return SurveyRound{Year: year, ResultsOn: today}.Normalized()
}

// Normalized returns a copy with one score entry per factor in KS's order
// (unknown factors are kept at the end so Validate can report them),
// texts trimmed and repeated measure IDs removed. Storage saves this form.
func (r SurveyRound) Normalized() SurveyRound {
	byFactor := map[TenFactor]SurveyFactorScore{}
	var unknown []SurveyFactorScore
	for _, s := range r.Scores {
		if !s.Factor.Valid() {
			unknown = append(unknown, s)
			continue
		}
		if _, dup := byFactor[s.Factor]; dup {
			unknown = append(unknown, s) // reported as a duplicate
			continue
		}
		byFactor[s.Factor] = s
	}
	scores := make([]SurveyFactorScore, 0, len(TenFactors())+len(unknown))
	for _, f := range TenFactors() {
		s := byFactor[f]
		s.Factor = f
		scores = append(scores, s)
	}
	r.Scores = append(scores, unknown...)
	if len(r.Focus) > 0 {
		focus := make([]SurveyFocusArea, len(r.Focus))
		for i, a := range r.Focus {
			a.WhatWorks = strings.TrimSpace(a.WhatWorks)
			a.ToImprove = strings.TrimSpace(a.ToImprove)
			var ids []uint64
			for _, id := range a.MeasureIDs {
				if id != 0 && !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
			a.MeasureIDs = ids
			focus[i] = a
		}
		r.Focus = focus
	} else {
		r.Focus = nil
	}
	if len(r.Meetings) > 0 {
		ms := make([]SurveyMeeting, len(r.Meetings))
		for i, m := range r.Meetings {
			m.Notes = strings.TrimSpace(m.Notes)
			ms[i] = m
		}
		slices.SortStableFunc(ms, func(a, b SurveyMeeting) int { return a.Date.Compare(b.Date) })
		r.Meetings = ms
	} else {
		r.Meetings = nil
	}
	r.Notes = strings.TrimSpace(r.Notes)
	return r
}

// Score returns the factor's entry (zero values if missing).
func (r SurveyRound) Score(f TenFactor) SurveyFactorScore {
	for _, s := range r.Scores {
		if s.Factor == f {
			return s
		}
	}
	return SurveyFactorScore{Factor: f}
}

// SetScore returns the round with f's entry replaced by s.
func (r SurveyRound) SetScore(s SurveyFactorScore) SurveyRound {
	scores := append([]SurveyFactorScore(nil), r.Scores...)
	for i := range scores {
		if scores[i].Factor == s.Factor {
			scores[i] = s
			r.Scores = scores
			return r
		}
	}
	r.Scores = append(scores, s)
	return r
}

// HasReport reports whether enough answered for the unit to get its own
// results (at least SurveyMinRespondents).
func (r SurveyRound) HasReport() bool { return r.Respondents >= SurveyMinRespondents }

// HasScores reports whether all ten unit scores are registered.
func (r SurveyRound) HasScores() bool {
	for _, f := range TenFactors() {
		if !r.Score(f).Unit.Given() {
			return false
		}
	}
	return true
}

// anyUnitScore reports whether at least one unit score is registered.
func (r SurveyRound) anyUnitScore() bool {
	for _, s := range r.Scores {
		if s.Unit != 0 {
			return true
		}
	}
	return false
}

// SurveyResponseRate returns respondents / invited, rounded half up to two
// decimals of a percentage point; false when nobody was invited.
func SurveyResponseRate(invited, respondents int) (Percent, bool) {
	if invited <= 0 || respondents < 0 {
		return 0, false
	}
	n := int64(respondents) * 10000
	return Percent((2*n + int64(invited)) / (2 * int64(invited))), true
}

// ResponseRate is the round's response rate.
func (r SurveyRound) ResponseRate() (Percent, bool) {
	return SurveyResponseRate(r.Invited, r.Respondents)
}

// Label is e.g. "10-FAKTOR 2026".
func (r SurveyRound) Label() string { return "10-FAKTOR " + r.Year.String() }

// SurveyNoReportMessage explains why a round with too few answers has no unit
// results.
func SurveyNoReportMessage(respondents int) string {
	return fmt.Sprintf("Enheten fikk %d svar. 10-FAKTOR gir ingen rapport for en enhet med færre enn %d svar, "+
		"for at ingen skal kunne kjennes igjen. Derfor kan enhetens skår ikke registreres for denne runden.", respondents, SurveyMinRespondents)
}

// Validate checks the round as it would be saved on today and returns a
// ValidationError listing every problem, or nil.
func (r SurveyRound) Validate(today Date) error {
	var v ValidationError
	r.validateDates(&v, today)
	r.validateCounts(&v)
	r.validateScores(&v)
	r.validateFocus(&v)
	for i, m := range r.Meetings {
		r.validateFollowUp(&v, i, m, today)
	}
	checkText(&v, FieldSurveyNotes, r.Notes, false, MaxDescriptionLen)
	return v.Err()
}

// validateDates checks the round's year and its opening, closing and
// results dates against each other and today.
func (r SurveyRound) validateDates(v *ValidationError, today Date) {
	switch {
	case r.Year < MinHMSYear || r.Year > MaxHMSYear:
		v.Add(FieldSurveyYear, fmt.Sprintf("%s må være et årstall fra %d til %d", FieldSurveyYear, MinHMSYear, MaxHMSYear))
	case !today.IsZero() && int(r.Year) > today.Year():
		v.Add(FieldSurveyYear, FieldSurveyYear+" kan ikke være frem i tid – registrer runden når resultatene er kommet")
	}
	if !r.OpensOn.IsZero() && !r.ClosesOn.IsZero() && r.ClosesOn.Before(r.OpensOn) {
		v.Add(FieldSurveyClosesOn, FieldSurveyClosesOn+" kan ikke være før "+strings.ToLower(FieldSurveyOpensOn)+" ("+r.OpensOn.String()+")")
	}
	r.validateResultsOn(v, today)
}

// validateResultsOn checks the date the results came: given, not ahead of
// today, not before the survey closed or opened.
func (r SurveyRound) validateResultsOn(v *ValidationError, today Date) {
	switch {
	case r.ResultsOn.IsZero():
		v.Add(FieldSurveyResultsOn, FieldSurveyResultsOn+" må fylles ut")
	case !today.IsZero() && r.ResultsOn.After(today):
		v.Add(FieldSurveyResultsOn, FieldSurveyResultsOn+" kan ikke være frem i tid")
	case !r.ClosesOn.IsZero() && r.ResultsOn.Before(r.ClosesOn):
		v.Add(FieldSurveyResultsOn, FieldSurveyResultsOn+" kan ikke være før undersøkelsen stengte ("+r.ClosesOn.String()+")")
	case !r.OpensOn.IsZero() && r.ResultsOn.Before(r.OpensOn):
		v.Add(FieldSurveyResultsOn, FieldSurveyResultsOn+" kan ikke være før undersøkelsen åpnet ("+r.OpensOn.String()+")")
	}
}

// validateCounts checks the numbers invited and answering.
func (r SurveyRound) validateCounts(v *ValidationError) {
	if r.Invited < 1 || r.Invited > SurveyMaxInvited {
		v.Add(FieldSurveyInvited, fmt.Sprintf("%s må være et helt tall fra 1 til %s", FieldSurveyInvited, FormatInt(SurveyMaxInvited)))
	}
	switch {
	case r.Respondents < 0:
		v.Add(FieldSurveyRespondents, FieldSurveyRespondents+" kan ikke være negativt")
	case r.Invited >= 1 && r.Respondents > r.Invited:
		v.Add(FieldSurveyRespondents, fmt.Sprintf("%s (%d) kan ikke være større enn antall inviterte (%d)", FieldSurveyRespondents, r.Respondents, r.Invited))
	}
}

// validateFollowUp checks follow-up meeting number i+1.
func (r SurveyRound) validateFollowUp(v *ValidationError, i int, m SurveyMeeting, today Date) {
	nr := fmt.Sprintf("Møte nr. %d: ", i+1)
	switch {
	case m.Date.IsZero():
		v.Add(FieldSurveyMeetingDate, nr+FieldSurveyMeetingDate+" må fylles ut")
	case !today.IsZero() && m.Date.After(today):
		v.Add(FieldSurveyMeetingDate, nr+FieldSurveyMeetingDate+" kan ikke være frem i tid")
	case !r.ResultsOn.IsZero() && m.Date.Before(r.ResultsOn):
		v.Add(FieldSurveyMeetingDate, nr+FieldSurveyMeetingDate+" kan ikke være før resultatene kom ("+r.ResultsOn.String()+")")
	}
	if !m.Kind.Valid() {
		v.Add(FieldSurveyMeetingKind, nr+"velg type møte")
	}
	checkText(v, FieldSurveyMeetingNotes, m.Notes, false, MaxNoteLen)
}

func (r SurveyRound) validateScores(v *ValidationError) {
	seen := map[TenFactor]bool{}
	var missing []string
	for _, s := range r.Scores {
		if !s.Factor.Valid() {
			v.Add(FieldSurveyScores, fmt.Sprintf("Ukjent faktor «%s»", s.Factor))
			continue
		}
		if seen[s.Factor] {
			v.Add(FieldSurveyScores, fmt.Sprintf("%s er registrert mer enn én gang", s.Factor.Label()))
			continue
		}
		seen[s.Factor] = true
		if s.Unit != 0 && !s.Unit.InRange() {
			v.addErr(SurveyScoreField(s.Factor), surveyScoreRangeError(SurveyScoreField(s.Factor)))
		}
		for _, c := range SurveyComparisons() {
			if x := s.Value(c); x != 0 && !x.InRange() {
				v.addErr(SurveyComparisonField(s.Factor, c), surveyScoreRangeError(SurveyComparisonField(s.Factor, c)))
			}
		}
	}
	if !r.anyUnitScore() {
		return
	}
	if !r.HasReport() {
		v.Add(FieldSurveyScores, SurveyNoReportMessage(r.Respondents))
		return
	}
	for _, f := range TenFactors() {
		if !r.Score(f).Unit.Given() {
			missing = append(missing, f.Label())
		}
	}
	if len(missing) > 0 {
		v.Add(FieldSurveyScores, "Fyll ut enhetens skår for alle ti faktorene, eller la alle stå tomme. Mangler: "+strings.Join(missing, ", "))
	}
}

func (r SurveyRound) validateFocus(v *ValidationError) {
	if len(r.Focus) == 0 {
		return
	}
	if !r.HasReport() || !r.anyUnitScore() {
		v.Add(FieldSurveyFocus, "Fokusområder kan først velges når enhetens skår er registrert")
	}
	seen := map[TenFactor]bool{}
	keep := 0
	for _, a := range r.Focus {
		if !a.Factor.Valid() {
			v.Add(FieldSurveyFocus, fmt.Sprintf("Ukjent faktor «%s» blant fokusområdene", a.Factor))
			continue
		}
		if seen[a.Factor] {
			v.Add(FieldSurveyFocus, fmt.Sprintf("%s er valgt mer enn én gang", a.Factor.Label()))
		}
		seen[a.Factor] = true
		if !a.Kind.Valid() {
			v.Add(FieldSurveyFocusKind, fmt.Sprintf("%s: velg bevaringsområde eller innsatsområde", a.Factor.Label()))
		}
		if a.Kind == SurveyFocusKeep {
			keep++
		}
		checkText(v, FieldSurveyWhatWorks, a.WhatWorks, false, MaxNoteLen)
		checkText(v, FieldSurveyToImprove, a.ToImprove, false, MaxNoteLen)
	}
	if keep > 1 {
		v.Add(FieldSurveyFocusKind, "Velg bare ett bevaringsområde – KS anbefaler ett område å ta vare på og ett eller flere å forbedre")
	}
}

// LatestDate is the latest date in the round (results or a meeting), the
// day it was at the earliest last saved; integrity checks validate as of it.
func (r SurveyRound) LatestDate() Date {
	d := r.ResultsOn
	for _, m := range r.Meetings {
		if m.Date.After(d) {
			d = m.Date
		}
	}
	return d
}

// FocusFor returns the focus area for f and whether it is chosen.
func (r SurveyRound) FocusFor(f TenFactor) (SurveyFocusArea, bool) {
	for _, a := range r.Focus {
		if a.Factor == f {
			return a, true
		}
	}
	return SurveyFocusArea{Factor: f}, false
}

// SetFocus returns the round with f chosen as kind (keeping its notes and
// measures if already chosen).
func (r SurveyRound) SetFocus(a SurveyFocusArea) SurveyRound {
	focus := append([]SurveyFocusArea(nil), r.Focus...)
	for i := range focus {
		if focus[i].Factor == a.Factor {
			focus[i] = a
			r.Focus = focus
			return r
		}
	}
	r.Focus = append(focus, a)
	return r
}

// RemoveFocus returns the round without f among the focus areas.
func (r SurveyRound) RemoveFocus(f TenFactor) SurveyRound {
	var focus []SurveyFocusArea
	for _, a := range r.Focus {
		if a.Factor != f {
			focus = append(focus, a)
		}
	}
	r.Focus = focus
	return r
}

// FocusComplete reports whether the choice follows KS's advice: one
// bevaringsområde and at least one innsatsområde.
func (r SurveyRound) FocusComplete() bool {
	keep, improve := 0, 0
	for _, a := range r.Focus {
		switch a.Kind {
		case SurveyFocusKeep:
			keep++
		case SurveyFocusImprove:
			improve++
		}
	}
	return keep == 1 && improve >= 1
}

// MeasureIDs returns the IDs of all measures linked to the focus areas.
func (r SurveyRound) MeasureIDs() []uint64 {
	var ids []uint64
	for _, a := range r.Focus {
		for _, id := range a.MeasureIDs {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// LinkMeasure returns the round with measure id linked to focus factor f
// (once). It reports false if f is not a chosen focus area.
func (r SurveyRound) LinkMeasure(f TenFactor, id uint64) (SurveyRound, bool) {
	focus := append([]SurveyFocusArea(nil), r.Focus...)
	for i := range focus {
		if focus[i].Factor == f {
			if !slices.Contains(focus[i].MeasureIDs, id) {
				focus[i].MeasureIDs = append(append([]uint64(nil), focus[i].MeasureIDs...), id)
			}
			r.Focus = focus
			return r, true
		}
	}
	return r, false
}

// UnlinkMeasure returns the round without measure id in any focus area,
// and whether it was linked.
func (r SurveyRound) UnlinkMeasure(id uint64) (SurveyRound, bool) {
	found := false
	focus := append([]SurveyFocusArea(nil), r.Focus...)
	for i := range focus {
		if slices.Contains(focus[i].MeasureIDs, id) {
			found = true
			var ids []uint64
			for _, x := range focus[i].MeasureIDs {
				if x != id {
					ids = append(ids, x)
				}
			}
			focus[i].MeasureIDs = ids
		}
	}
	if found {
		r.Focus = focus
	}
	return r, found
}

// NewMeasureFromFocus builds a planned action-plan measure for focus
// factor f of round r, linked back: Source.ParentID is the round,
// Source.RefID the factor's Number(). A blank title falls back to "Følge
// opp <factor>". The priority area is ledelse (where the municipal
// strategy places the employee survey) and the topic psykososialt; the
// user can change both.
func NewMeasureFromFocus(r SurveyRound, f TenFactor, title, responsible string, deadline, today Date) Measure {
	title = strings.TrimSpace(title)
	if title == "" {
		title = "Følge opp " + strings.ToLower(f.Label())
	}
	kind := ""
	if a, ok := r.FocusFor(f); ok && a.Kind.Valid() {
		kind = ", " + strings.ToLower(a.Kind.Label())
	}
	m := NewMeasure(today)
	m.Title = Shorten(normalizeName(title), MaxTitleLen)
	m.Source = Source{Kind: SourceTenFactor, RefID: uint64(f.Number()), ParentID: r.ID,
		RefLabel: fmt.Sprintf("%s: %s%s", r.Label(), f.Label(), kind)}
	m.PriorityArea = DefaultPriorityArea(m.Source.Kind)
	m.Topic = CategoryPsychosocial
	m.Responsible = normalizeName(responsible)
	m.Deadline = deadline
	return m
}

// SurveyFollowUp is how far the follow-up of a round has come.
type SurveyFollowUp string

// Follow-up statuses.
const (
	SurveyFollowUpNotStarted SurveyFollowUp = "ikke_startet"
	SurveyFollowUpInProgress SurveyFollowUp = "pagar"
	SurveyFollowUpEvaluated  SurveyFollowUp = "evaluert"
)

var surveyFollowUpLabels = map[SurveyFollowUp]string{
	SurveyFollowUpNotStarted: "Ikke startet",
	SurveyFollowUpInProgress: "Pågår",
	SurveyFollowUpEvaluated:  "Tiltak evaluert",
}

// SurveyFollowUps returns the statuses in order.
func SurveyFollowUps() []SurveyFollowUp {
	return []SurveyFollowUp{SurveyFollowUpNotStarted, SurveyFollowUpInProgress, SurveyFollowUpEvaluated}
}

// SurveyFollowUpLabels returns the labels of SurveyFollowUps().
func SurveyFollowUpLabels() []string { return enumLabels(SurveyFollowUps(), SurveyFollowUp.Label) }

// SurveyFollowUpFromLabel maps a label or code back to a status.
func SurveyFollowUpFromLabel(label string) (SurveyFollowUp, bool) {
	return enumFromLabel(label, SurveyFollowUps(), SurveyFollowUp.Label)
}

// Label returns the display name, or "" if unknown.
func (s SurveyFollowUp) Label() string { return surveyFollowUpLabels[s] }

// Valid reports whether s is a defined status.
func (s SurveyFollowUp) Valid() bool { _, ok := surveyFollowUpLabels[s]; return ok }

// linkedMeasures returns the measures among all that the round links to.
// IDs of measures no longer in the plan are skipped.
func (r SurveyRound) linkedMeasures(all []Measure) []Measure {
	ids := r.MeasureIDs()
	if len(ids) == 0 {
		return nil
	}
	var out []Measure
	// By index: a measure is some 400 bytes, and the plan is all of the
	// unit's measures; only the linked ones are copied.
	for i := range all {
		if id := all[i].ID; id != 0 && slices.Contains(ids, id) {
			out = append(out, all[i])
		}
	}
	return out
}

// LinkedMeasures returns the measures of all that are linked to focus
// factor f, in plan (ID) order.
func (r SurveyRound) LinkedMeasures(f TenFactor, all []Measure) []Measure {
	a, ok := r.FocusFor(f)
	if !ok {
		return nil
	}
	var out []Measure
	for i := range all { // by index: only the linked measures are copied
		if id := all[i].ID; id != 0 && slices.Contains(a.MeasureIDs, id) {
			out = append(out, all[i])
		}
	}
	return out
}

// FocusProgress is how far the measures linked to a focus factor have
// come: how many there are, how many are open, how many evaluated.
type FocusProgress struct{ Linked, Open, Evaluated int }

// FocusProgressOf counts linked, the measures linked to a focus factor
// (SurveyRound.LinkedMeasures), as the 10-FAKTOR card and the annual
// report show them.
func FocusProgressOf(linked []Measure) FocusProgress {
	p := FocusProgress{Linked: len(linked)}
	for i := range linked {
		if linked[i].Open() {
			p.Open++
		}
		if linked[i].Status == StatusEvaluert {
			p.Evaluated++
		}
	}
	return p
}

// FollowUpStatus is the round's follow-up status, given all measures of
// the action plan:
//   - not started: no focus factor chosen;
//   - measures evaluated: focus chosen, at least one linked measure is
//     evaluert and every other linked measure is evaluert or avvist (a
//     rejected measure needs no evaluation);
//   - in progress: everything else (focus chosen, no measures yet, or a
//     measure still planned, in progress, postponed or done but not
//     evaluated).
//
// Linked measures no longer in the plan are ignored.
func (r SurveyRound) FollowUpStatus(all []Measure) SurveyFollowUp {
	if len(r.Focus) == 0 {
		return SurveyFollowUpNotStarted
	}
	evaluated := 0
	for _, m := range r.linkedMeasures(all) {
		switch m.Status {
		case StatusEvaluert:
			evaluated++
		case StatusAvvist:
		default:
			return SurveyFollowUpInProgress
		}
	}
	if evaluated == 0 {
		return SurveyFollowUpInProgress
	}
	return SurveyFollowUpEvaluated
}

// SurveyReminderMonths is how long after the results a round may go
// without a chosen focus area before the dashboard reminds of it, and how
// often KS advises evaluating the measures' effect.
const SurveyReminderMonths = 3

// FollowUpOverdue reports whether the round has results but no follow-up
// (status not started) more than three months after the results came:
// today is after ResultsOn + 3 months. On the day exactly three months
// after, it is not overdue yet. A round without a unit report is never
// overdue: there is nothing of its own to follow up.
func (r SurveyRound) FollowUpOverdue(all []Measure, today Date) bool {
	if !r.HasReport() || r.ResultsOn.IsZero() {
		return false
	}
	return r.FollowUpStatus(all) == SurveyFollowUpNotStarted && today.After(r.ResultsOn.AddMonths(SurveyReminderMonths))
}

// EvaluationDue returns when the next quarterly evaluation of the
// measures' effect is due and whether it is overdue on today. It applies
// while the follow-up is in progress and at least one measure is linked
// (otherwise ok is false). The due date is three months after the last
// follow-up meeting, or, with no meeting logged, three months after the
// earliest creation date of the linked measures. Overdue means today is
// after the due date.
func (r SurveyRound) EvaluationDue(all []Measure, today Date) (due Date, overdue, ok bool) {
	linked := r.linkedMeasures(all)
	if len(linked) == 0 || r.FollowUpStatus(all) != SurveyFollowUpInProgress {
		return Date{}, false, false
	}
	var base Date
	for _, m := range r.Meetings {
		if m.Date.After(base) {
			base = m.Date
		}
	}
	if base.IsZero() {
		for _, m := range linked {
			if !m.Created.IsZero() && (base.IsZero() || m.Created.Before(base)) {
				base = m.Created
			}
		}
	}
	if base.IsZero() {
		return Date{}, false, false
	}
	due = base.AddMonths(SurveyReminderMonths)
	return due, today.After(due), true
}

// SurveySuggestReason says why a factor is suggested.
type SurveySuggestReason string

// Reasons for a suggestion.
const (
	SurveyReasonLowest      SurveySuggestReason = "lavest"
	SurveyReasonFellMost    SurveySuggestReason = "falt_mest"
	SurveyReasonBelowTarget SurveySuggestReason = "under_4"
	SurveyReasonHighest     SurveySuggestReason = "hoyest"
)

// SurveySuggestion is a candidate focus factor. The program only suggests: the
// unit chooses in its meeting.
type SurveySuggestion struct {
	Factor  TenFactor
	Kind    SurveyFocusKind
	Score   SurveyScore
	Change  SurveyScore // since the previous round; valid when HasPrev
	HasPrev bool
	Reasons []SurveySuggestReason
}

// Text is the reason in words, e.g. "lavest skår (3,42), falt mest siden
// forrige runde (−0,31), under 4".
func (s SurveySuggestion) Text() string {
	var parts []string
	for _, r := range s.Reasons {
		switch r {
		case SurveyReasonLowest:
			parts = append(parts, "lavest skår")
		case SurveyReasonHighest:
			parts = append(parts, "høyest skår")
		case SurveyReasonFellMost:
			parts = append(parts, "falt mest siden forrige runde ("+FormatSurveyScoreChange(s.Change)+")")
		case SurveyReasonBelowTarget:
			parts = append(parts, "under målet på 4")
		}
	}
	return s.Score.String() + ": " + strings.Join(parts, ", ")
}

// SurveySuggestionNote is shown with the suggestions.
const SurveySuggestionNote = "Forslagene er bare forslag, laget ut fra tallene. Det er enheten som velger områdene, i fellesskap i møtet."

// SuggestSurveyFocus suggests candidates among the factors of r, which must
// have all ten unit scores (otherwise nil). prev is the previous round
// with scores, or nil.
//
// Innsatsområde: the lowest score (all tied at the lowest), those that
// fell most since prev (the largest drop, all tied; only a real drop), and
// every factor under 4. Bevaringsområde: the highest score (all tied),
// unless it is also suggested for improvement. Improvement candidates come
// first, lowest score first, then the keep candidates; ties in KS's order.
func SuggestSurveyFocus(r SurveyRound, prev *SurveyRound) []SurveySuggestion {
	if !r.HasReport() || !r.HasScores() {
		return nil
	}
	if prev != nil && (!prev.HasReport() || !prev.HasScores()) {
		prev = nil
	}
	lo, hi, maxDrop := surveyScoreExtremes(r, prev)
	var improve, keep []SurveySuggestion
	for _, f := range TenFactors() {
		sg := improvementCandidate(r, prev, f, lo, maxDrop)
		switch {
		case len(sg.Reasons) > 0:
			improve = append(improve, sg)
		case sg.Score == hi:
			sg.Kind = SurveyFocusKeep
			sg.Reasons = []SurveySuggestReason{SurveyReasonHighest}
			keep = append(keep, sg)
		}
	}
	slices.SortStableFunc(improve, func(a, b SurveySuggestion) int { return cmp.Compare(a.Score, b.Score) })
	return append(improve, keep...)
}

// surveyScoreExtremes returns the lowest and highest unit score of r and
// the largest drop since prev (0 without prev or without a real drop).
func surveyScoreExtremes(r SurveyRound, prev *SurveyRound) (lo, hi, maxDrop SurveyScore) {
	lo, hi = SurveyScoreMax+1, SurveyScore(0)
	for _, f := range TenFactors() {
		s := r.Score(f).Unit
		lo, hi = min(lo, s), max(hi, s)
		if prev != nil {
			if d := prev.Score(f).Unit - s; d > maxDrop {
				maxDrop = d
			}
		}
	}
	return lo, hi, maxDrop
}

// improvementCandidate is factor f as an innsatsområde, with the reasons
// it is one: the lowest score lo, the largest drop maxDrop since prev, or
// under the target. No reasons: not a candidate for improvement.
func improvementCandidate(r SurveyRound, prev *SurveyRound, f TenFactor, lo, maxDrop SurveyScore) SurveySuggestion {
	s := r.Score(f).Unit
	sg := SurveySuggestion{Factor: f, Score: s, Kind: SurveyFocusImprove}
	if prev != nil {
		sg.HasPrev = true
		sg.Change = s - prev.Score(f).Unit
	}
	if s == lo {
		sg.Reasons = append(sg.Reasons, SurveyReasonLowest)
	}
	if maxDrop > 0 && -sg.Change == maxDrop {
		sg.Reasons = append(sg.Reasons, SurveyReasonFellMost)
	}
	if s < SurveyScoreTarget {
		sg.Reasons = append(sg.Reasons, SurveyReasonBelowTarget)
	}
	return sg
}

// SortSurveyRounds sorts rounds by year, then results date, then ID.
func SortSurveyRounds(rs []SurveyRound) {
	slices.SortStableFunc(rs, func(a, b SurveyRound) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), a.ResultsOn.Compare(b.ResultsOn), cmp.Compare(a.ID, b.ID))
	})
}

// PreviousSurveyRound returns the latest round before r (by year) that has all
// ten unit scores, or nil.
func PreviousSurveyRound(rounds []SurveyRound, r SurveyRound) *SurveyRound {
	var best *SurveyRound
	for i := range rounds {
		x := &rounds[i]
		if x.ID == r.ID && r.ID != 0 || x.Year >= r.Year || !x.HasReport() || !x.HasScores() {
			continue
		}
		if best == nil || x.Year > best.Year {
			best = x
		}
	}
	return best
}

// LatestSurveyRound returns the round with the highest year, or nil.
func LatestSurveyRound(rounds []SurveyRound) *SurveyRound {
	var best *SurveyRound
	for i := range rounds {
		if best == nil || rounds[i].Year > best.Year ||
			(rounds[i].Year == best.Year && rounds[i].ResultsOn.After(best.ResultsOn)) {
			best = &rounds[i]
		}
	}
	return best
}

// SurveyTrendPoint is a factor's unit score in one round.
type SurveyTrendPoint struct {
	Year  HMSYear
	Score SurveyScore
}

// SurveyFactorTrend returns f's unit score in every round that has one, oldest
// first.
func SurveyFactorTrend(rounds []SurveyRound, f TenFactor) []SurveyTrendPoint {
	rs := append([]SurveyRound(nil), rounds...)
	SortSurveyRounds(rs)
	var out []SurveyTrendPoint
	for _, r := range rs {
		if s := r.Score(f).Unit; s.Given() && r.HasReport() {
			out = append(out, SurveyTrendPoint{Year: r.Year, Score: s})
		}
	}
	return out
}

// ParseSurveyRespondents parses the number of respondents; a convenience for
// forms, with the field name in the message.
func ParseSurveyRespondents(s string) (int, error) {
	return ParseInt(FieldSurveyRespondents, s, 0, SurveyMaxInvited)
}

// ParseSurveyInvited parses the number invited.
func ParseSurveyInvited(s string) (int, error) {
	return ParseInt(FieldSurveyInvited, s, 1, SurveyMaxInvited)
}

// ParseSurveyYear parses the round's year with the field name "År".
func ParseSurveyYear(s string) (HMSYear, error) {
	y, err := ParseHMSYear(s)
	if err != nil {
		return 0, &FieldError{Field: FieldSurveyYear, Message: fmt.Sprintf("%s må være et årstall fra %d til %d", FieldSurveyYear, MinHMSYear, MaxHMSYear)}
	}
	return y, nil
}
