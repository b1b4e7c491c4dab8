package model

import (
	"fmt"
	"strings"
)

// Vold og trusler: the employer's duties to map and assess the risk of
// violence and threats, put measures in place, inform, train and follow up
// those affected. From 1 January 2026 the duties are in chapter 3A of
// forskrift om utførelse av arbeid; from 2017 to 2025 they were in chapter
// 23A of the same regulation. Arbeidstilsynet describes the move as adding
// no new obligations. The app cites both chapters, and the paragraph
// numbers live in violenceParagraphs only, so a correction is one line.
//
// The module's records: one mapping per unit (ViolenceMapping: the eight
// factors, a combined assessment, links to action-plan measures), one
// record of routines and information given (ViolenceRoutines), and a log
// of training and drills (ViolenceTraining). Incidents are deviations of
// category DevViolence; their figures are computed here from the
// deviation register.

// ViolenceChapter is the citation of the chapter as a whole.
const ViolenceChapter = "forskrift om utførelse av arbeid kap. 3A (tidligere kap. 23A)"

// violenceRegulation is the regulation's short name in citations.
const violenceRegulation = "forskrift om utførelse av arbeid"

// ViolenceDuty is one of the duties in chapter 3A.
type ViolenceDuty string

// Duties, in the chapter's order.
const (
	DutyGeneral     ViolenceDuty = "generell"
	DutyMapping     ViolenceDuty = "kartlegging"
	DutyMeasures    ViolenceDuty = "tiltak"
	DutyInformation ViolenceDuty = "informasjon"
	DutyTraining    ViolenceDuty = "opplaering"
	DutyFollowUp    ViolenceDuty = "oppfolging"
)

// ViolenceParagraph ties a duty to its paragraph in chapter 3A and the
// paragraph in the former chapter 23A.
type ViolenceParagraph struct {
	Duty    ViolenceDuty
	Label   string // the duty in our words, e.g. "Kartlegging og risikovurdering"
	Current string // e.g. "3A-2"
	Former  string // e.g. "23A-1"; "" when the old chapter had no such paragraph
}

// violenceParagraphs is the one table of paragraph numbers. The 3A
// numbering is taken from secondary sources: VERIFY the exact 3A wording
// and numbering on Lovdata (forskrift 2016-11-17-1339) before relying on
// it. The old chapter had no separate general paragraph; its general duty
// was part of 23A-1.
var violenceParagraphs = []ViolenceParagraph{
	{DutyGeneral, "Organisering, planlegging og gjennomføring av arbeidet", "3A-1", ""},
	{DutyMapping, "Kartlegging og risikovurdering", "3A-2", "23A-1"},
	{DutyMeasures, "Tiltak", "3A-3", "23A-4"},
	{DutyInformation, "Informasjon og rutiner", "3A-4", "23A-3"},
	{DutyTraining, "Opplæring og øvelser", "3A-5", "23A-2"},
	{DutyFollowUp, "Oppfølging etter hendelser", "3A-6", "23A-5"},
}

// ViolenceParagraphs returns the paragraph table in the chapter's order.
func ViolenceParagraphs() []ViolenceParagraph {
	return append([]ViolenceParagraph(nil), violenceParagraphs...)
}

// ViolenceDuties returns all duties in the chapter's order.
func ViolenceDuties() []ViolenceDuty {
	out := make([]ViolenceDuty, len(violenceParagraphs))
	for i, p := range violenceParagraphs {
		out[i] = p.Duty
	}
	return out
}

// StatusDuties returns the five duties with records of their own, which
// ViolenceStatus follows. The general duty (§ 3A-1) is met through them
// together: GeneralDutyStatus.
func StatusDuties() []ViolenceDuty {
	return []ViolenceDuty{DutyMapping, DutyMeasures, DutyInformation, DutyTraining, DutyFollowUp}
}

// Paragraph returns the duty's row in the paragraph table; the zero value
// for an unknown duty.
func (d ViolenceDuty) Paragraph() ViolenceParagraph {
	for _, p := range violenceParagraphs {
		if p.Duty == d {
			return p
		}
	}
	return ViolenceParagraph{}
}

// Label returns the duty in our words, or "" for an unknown duty.
func (d ViolenceDuty) Label() string { return d.Paragraph().Label }

// Valid reports whether d is one of the duties.
func (d ViolenceDuty) Valid() bool { return d.Paragraph().Current != "" }

// Paragraphs returns the short reference, e.g. "§ 3A-2 (tidligere §
// 23A-1)", or "§ 3A-1 (ny fra 2026)" for a paragraph the old chapter did
// not have.
func (d ViolenceDuty) Paragraphs() string {
	p := d.Paragraph()
	if p.Current == "" {
		return ""
	}
	if p.Former == "" {
		return fmt.Sprintf("§ %s (ny fra 2026)", p.Current)
	}
	return fmt.Sprintf("§ %s (tidligere § %s)", p.Current, p.Former)
}

// Citation returns the full reference, e.g. "forskrift om utførelse av
// arbeid § 3A-2 (tidligere § 23A-1)", or "forskrift om utførelse av arbeid
// § 3A-1" for a new paragraph; "" for an unknown duty.
func (d ViolenceDuty) Citation() string {
	p := d.Paragraph()
	switch {
	case p.Current == "":
		return ""
	case p.Former == "":
		return violenceRegulation + " § " + p.Current
	}
	return violenceRegulation + " " + d.Paragraphs()
}

// ViolenceCitation is d.Citation(), for callers that prefer a function.
func ViolenceCitation(d ViolenceDuty) string { return d.Citation() }

// ViolenceFactor is one of the eight factors the mapping must always
// consider, numbered 1..8. Factor 0 (FactorCombined) stands for the
// combined assessment where a factor number is expected.
type ViolenceFactor int

// FactorCombined is the combined assessment of all factors together.
const FactorCombined ViolenceFactor = 0

// factorTexts: the factor's name and our guiding questions, written from
// the practical material in the domain notes (Arbeidstilsynet's guide,
// municipal guidelines); not the regulation's wording.
var factorTexts = [8]struct {
	label     string
	questions []string
}{
	{"Organisering og tilrettelegging av arbeidet", []string{
		"Hvem tar de vanskelige oppgavene, og er roller, ansvar og når man skal be om hjelp klart for alle?",
		"Gir tidspress, arbeidstempo eller uforutsigbarhet økt risiko for konflikter?",
		"Hvordan blir konflikter og uønskede hendelser fanget opp og fulgt opp?",
	}},
	{"Hvor, når og i hvilke situasjoner ansatte kan bli utsatt", []string{
		"Hvilke situasjoner gir risiko: stell, forflytning, hjemmebesøk, skranke, transport, telefon og digitale kanaler?",
		"Når er risikoen størst – tid på døgnet, travle perioder, kveld og helg?",
		"Hva utløser situasjonene: avslag, venting, rus, psykisk uhelse, sykdom eller konflikt?",
	}},
	{"Alenearbeid", []string{
		"Hvilke oppgaver utføres alene, og av hvilke grupper?",
		"Kan den som arbeider alene tilkalle hjelp raskt, og er det avtalt kontakt underveis?",
		"Er det bestemt når man ikke skal være alene, for eksempel med bestemte brukere eller oppdrag?",
	}},
	{"Arbeidstidens plassering og organisering", []string{
		"Er noen alene på sen- eller nattevakt?",
		"Er det for få folk i sårbare timer, for eksempel ved vaktskifte eller måltider?",
		"Gir lange vakter eller mye overtid økt risiko?",
	}},
	{"Bemanning", []string{
		"Er bemanningen tilpasset risikoen i de mest utsatte situasjonene?",
		"Hvordan blir vikarer og nyansatte satt inn i risiko og rutiner?",
		"Hva gjør vi når bemanningen er lavere enn planlagt?",
	}},
	{"Kompetanse", []string{
		"Vet ansatte hva som kan utløse vold og trusler, og hvordan de kan forebygge og håndtere det?",
		"Har alle fått opplæring i rutinene og i bruk av alarm og annet sikkerhetsutstyr?",
		"Er opplæringen gjentatt og øvd på, også for vikarer og nyansatte?",
	}},
	{"Utforming av arbeidslokalene og tekniske løsninger", []string{
		"Er det fri og merket rømningsvei, god oversikt og skjerming der det trengs?",
		"Dekker alarmene alle steder der ansatte kan bli utsatt, og blir de testet jevnlig?",
		"Er adgangskontroll, innredning og løse gjenstander vurdert?",
	}},
	{"Effekten av tiltak som er gjennomført eller planlagt", []string{
		"Virker tiltakene vi allerede har? Hva viser hendelsene siden forrige kartlegging?",
		"Blir rutinene fulgt i praksis?",
		"Hvilke planlagte tiltak er ikke gjennomført ennå?",
	}},
}

// ViolenceFactors returns factors 1..8 in order.
func ViolenceFactors() []ViolenceFactor {
	out := make([]ViolenceFactor, len(factorTexts))
	for i := range out {
		out[i] = ViolenceFactor(i + 1)
	}
	return out
}

// Valid reports whether f is one of the eight factors (not the combined
// assessment).
func (f ViolenceFactor) Valid() bool { return f >= 1 && int(f) <= len(factorTexts) }

// Label returns the factor's name, "Samlet vurdering" for FactorCombined,
// or "" for an invalid number.
func (f ViolenceFactor) Label() string {
	if f == FactorCombined {
		return "Samlet vurdering"
	}
	if !f.Valid() {
		return ""
	}
	return factorTexts[f-1].label
}

// Numbered returns e.g. "3. Alenearbeid", or the label for the combined
// assessment.
func (f ViolenceFactor) Numbered() string {
	if f.Valid() {
		return fmt.Sprintf("%d. %s", int(f), f.Label())
	}
	return f.Label()
}

// Questions returns the guiding questions for the factor; for
// FactorCombined, the questions of the combined assessment.
func (f ViolenceFactor) Questions() []string {
	if f == FactorCombined {
		return []string{
			"Hvordan virker faktorene sammen? For eksempel alenearbeid på kveld med lav bemanning og nye vikarer.",
			"Hvilke situasjoner og grupper har høyest samlet risiko?",
			"Hva bør prioriteres først?",
		}
	}
	if !f.Valid() {
		return nil
	}
	return append([]string(nil), factorTexts[f-1].questions...)
}

// MeasurePoint is one of the four points the regulation stresses for
// measures; each measure from the mapping is tagged with one.
type MeasurePoint string

// Measure points, in the regulation's order.
const (
	PointDesign      MeasurePoint = "utforming"
	PointMaintenance MeasurePoint = "vedlikehold"
	PointCallHelp    MeasurePoint = "tilkalle_hjelp"
	PointStaffing    MeasurePoint = "bemanning"
)

var measurePointLabels = map[MeasurePoint]string{
	PointDesign:      "Utforming av arbeidsplassen og arbeidet",
	PointMaintenance: "Systematisk vedlikehold av utstyr, for eksempel alarmer",
	PointCallHelp:    "Mulighet til å tilkalle hjelp",
	PointStaffing:    "Bemanning, også alenearbeid",
}

// MeasurePoints returns the four points in order.
func MeasurePoints() []MeasurePoint {
	return []MeasurePoint{PointDesign, PointMaintenance, PointCallHelp, PointStaffing}
}

// MeasurePointLabels returns the labels of MeasurePoints().
func MeasurePointLabels() []string { return enumLabels(MeasurePoints(), MeasurePoint.Label) }

// MeasurePointFromLabel maps a label or stored code back to a point.
func MeasurePointFromLabel(s string) (MeasurePoint, bool) {
	return enumFromLabel(s, MeasurePoints(), MeasurePoint.Label)
}

// Label returns the display text, or "" for an unknown point.
func (p MeasurePoint) Label() string { return measurePointLabels[p] }

// Valid reports whether p is one of the four points.
func (p MeasurePoint) Valid() bool { _, ok := measurePointLabels[p]; return ok }

// FactorAssessment is the committee's answer for one factor.
type FactorAssessment struct {
	Factor      ViolenceFactor `json:"factor"`
	Answer      string         `json:"answer"`     // the committee's answer to the questions
	Notes       string         `json:"notes"`      // further notes
	Situations  string         `json:"situations"` // situations where staff can be exposed
	Groups      string         `json:"groups"`     // groups exposed, never names
	Probability int            `json:"probability"`
	Consequence int            `json:"consequence"`
}

// Rated reports whether both probability and consequence are set.
func (a FactorAssessment) Rated() bool { return a.Probability != 0 && a.Consequence != 0 }

// Answered reports whether the committee has written an answer.
func (a FactorAssessment) Answered() bool { return strings.TrimSpace(a.Answer) != "" }

// CombinedAssessment is the assessment of the factors together.
type CombinedAssessment struct {
	Assessment  string `json:"assessment"`
	Probability int    `json:"probability"`
	Consequence int    `json:"consequence"`
}

// Rated reports whether both probability and consequence are set.
func (c CombinedAssessment) Rated() bool { return c.Probability != 0 && c.Consequence != 0 }

// ViolenceMeasureLink ties an action-plan measure to the factor (0 = the
// combined assessment) it came from and the point it addresses. The
// measure itself lives in the action plan with Source.Kind
// SourceViolenceThreats.
type ViolenceMeasureLink struct {
	MeasureID uint64         `json:"measure_id"`
	Factor    ViolenceFactor `json:"factor"`
	Point     MeasurePoint   `json:"point"`
}

// ViolenceMapping is the unit's mapping and risk assessment of violence
// and threats. There is one per unit; it is revised in place (the change
// log keeps the history).
type ViolenceMapping struct {
	ID           uint64             `json:"id"`
	Date         Date               `json:"date"`        // last reviewed
	NextReview   Date               `json:"next_review"` // zero = one year after Date
	Participants []string           `json:"participants"`
	Factors      []FactorAssessment `json:"factors"` // at most one per factor
	Combined     CombinedAssessment `json:"combined"`
	// Matrix is the unit's matrix when the mapping was made, so a later
	// change of the unit's matrix does not re-score it. Zero = default.
	Matrix   RiskMatrix            `json:"matrix"`
	Measures []ViolenceMeasureLink `json:"measures"`
}

// Field names for the violence module, used in messages and as keys.
const (
	FieldMappingDate      = "Dato for kartleggingen"
	FieldFactor           = "Faktor"
	FieldAnswer           = "Svar"
	FieldSituations       = "Situasjoner"
	FieldGroups           = "Utsatte grupper"
	FieldCombined         = "Samlet vurdering"
	FieldCombinedProb     = "Sannsynlighet (samlet)"
	FieldCombinedCons     = "Konsekvens (samlet)"
	FieldMeasurePoint     = "Punkt i forskriften"
	FieldMeasureLink      = "Tiltak"
	FieldRoutine          = "Rutine"
	FieldRoutineWhere     = "Hvor rutinen finnes"
	FieldInformedOn       = "Dato informert"
	FieldInformedWho      = "Hvem ble informert"
	FieldInformedHow      = "Hvordan"
	FieldTrainingDate     = "Dato"
	FieldTrainingTopic    = "Tema"
	FieldTrainingKind     = "Type"
	FieldTrainingCount    = "Antall deltakere"
	FieldTrainingGroups   = "Grupper"
	FieldTrainingInterval = "Gjentas"
)

// MaxParticipantsCount caps the number of participants in a training.
const MaxParticipantsCount = 10000

// Factor returns the assessment of factor f and whether there is one.
func (m ViolenceMapping) Factor(f ViolenceFactor) (FactorAssessment, bool) {
	for _, a := range m.Factors {
		if a.Factor == f {
			return a, true
		}
	}
	return FactorAssessment{Factor: f}, false
}

// WithFactor returns the mapping with factor a.Factor's assessment
// replaced or added, keeping factor order.
func (m ViolenceMapping) WithFactor(a FactorAssessment) ViolenceMapping {
	out := make([]FactorAssessment, 0, len(m.Factors)+1)
	done := false
	for _, x := range m.Factors {
		switch {
		case x.Factor == a.Factor:
			out = append(out, a)
			done = true
		case !done && x.Factor > a.Factor:
			out = append(out, a, x)
			done = true
		default:
			out = append(out, x)
		}
	}
	if !done {
		out = append(out, a)
	}
	m.Factors = out
	return m
}

// ReviewDue returns the day the mapping must be reviewed by: NextReview
// if set, else one year (365 days) after Date; zero when there is no date.
func (m ViolenceMapping) ReviewDue() Date {
	if !m.NextReview.IsZero() {
		return m.NextReview
	}
	return m.Date.AddDays(365)
}

// Level returns factor f's risk level on the mapping's matrix (f = 0: the
// combined assessment), or "" if not rated.
func (m ViolenceMapping) Level(f ViolenceFactor) RiskLevel {
	if f == FactorCombined {
		return m.Matrix.Level(m.Combined.Probability, m.Combined.Consequence)
	}
	a, _ := m.Factor(f)
	return m.Matrix.Level(a.Probability, a.Consequence)
}

// Score returns factor f's P × C (f = 0: combined), 0 if not rated.
func (m ViolenceMapping) Score(f ViolenceFactor) int {
	if f == FactorCombined {
		return m.Matrix.Score(m.Combined.Probability, m.Combined.Consequence)
	}
	a, _ := m.Factor(f)
	return m.Matrix.Score(a.Probability, a.Consequence)
}

// HighestFactor returns the highest individual factor score and level;
// 0 and "" when no factor is rated.
func (m ViolenceMapping) HighestFactor() (int, RiskLevel) {
	best := 0
	for _, a := range m.Factors {
		if s := m.Matrix.Score(a.Probability, a.Consequence); s > best {
			best = s
		}
	}
	return best, m.Matrix.LevelOfScore(best)
}

// CombinedBelowFactors reports whether the combined rating is lower than
// the highest single factor. The factors together can never be less risky
// than the worst of them, so the UI warns (it does not refuse: the
// committee may know better, and says why in the assessment).
func (m ViolenceMapping) CombinedBelowFactors() bool {
	best, _ := m.HighestFactor()
	s := m.Score(FactorCombined)
	return s != 0 && best != 0 && s < best
}

// SuggestedCombined returns the probability and consequence the combined
// assessment starts from: the rated factor with the highest score (ties:
// the higher consequence), or 0, 0 when none is rated.
func (m ViolenceMapping) SuggestedCombined() (p, c int) {
	best := 0
	for _, a := range m.Factors {
		s := m.Matrix.Score(a.Probability, a.Consequence)
		if s > best || (s == best && s != 0 && a.Consequence > c) {
			best, p, c = s, a.Probability, a.Consequence
		}
	}
	return p, c
}

// MeasureLinks returns the links of factor f (0 = combined).
func (m ViolenceMapping) MeasureLinks(f ViolenceFactor) []ViolenceMeasureLink {
	var out []ViolenceMeasureLink
	for _, l := range m.Measures {
		if l.Factor == f {
			out = append(out, l)
		}
	}
	return out
}

// LinkMeasure returns the mapping with the link added, or the point and
// factor updated when the measure is already linked.
func (m ViolenceMapping) LinkMeasure(l ViolenceMeasureLink) ViolenceMapping {
	out := append([]ViolenceMeasureLink(nil), m.Measures...)
	for i := range out {
		if out[i].MeasureID == l.MeasureID {
			out[i] = l
			m.Measures = out
			return m
		}
	}
	m.Measures = append(out, l)
	return m
}

// Normalized trims text and collapses spaces in groups and participants;
// storage saves this form.
func (m ViolenceMapping) Normalized() ViolenceMapping {
	if len(m.Participants) > 0 {
		ps := make([]string, len(m.Participants))
		for i, p := range m.Participants {
			ps[i] = normalizeName(p)
		}
		m.Participants = ps
	} else {
		m.Participants = nil
	}
	if len(m.Factors) > 0 {
		fs := make([]FactorAssessment, len(m.Factors))
		for i, a := range m.Factors {
			a.Answer = strings.TrimSpace(a.Answer)
			a.Notes = strings.TrimSpace(a.Notes)
			a.Situations = strings.TrimSpace(a.Situations)
			a.Groups = normalizeName(a.Groups)
			fs[i] = a
		}
		m.Factors = fs
	} else {
		m.Factors = nil
	}
	m.Combined.Assessment = strings.TrimSpace(m.Combined.Assessment)
	if len(m.Measures) == 0 {
		m.Measures = nil
	}
	return m
}

// checkRating checks a P × C pair on matrix m: both 0 (not rated) or both
// in range.
func checkRating(v *ValidationError, m RiskMatrix, what string, p, c int, fieldP, fieldC string) {
	if p == 0 && c == 0 {
		return
	}
	m = m.orDefault()
	msg := func(field string) string {
		return fmt.Sprintf("%s: %s må være et tall fra 1 til %d (eller la både sannsynlighet og konsekvens stå tomme)", what, field, m.Size)
	}
	if !m.InRange(p) {
		v.Add(fieldP, msg(fieldP))
	}
	if !m.InRange(c) {
		v.Add(fieldC, msg(fieldC))
	}
}

// Validate checks the mapping as of today and returns a ValidationError
// naming each field, or nil.
func (m ViolenceMapping) Validate(today Date) error {
	var v ValidationError
	m.checkDates(&v, today)
	checkMappingParticipants(&v, m.Participants)
	if err := m.Matrix.orDefault().Validate(); err != nil {
		// The ratings cannot be judged against a broken matrix.
		v.Add(FieldMatrixSize, "Risikomatrisen for kartleggingen er ugyldig: "+err.Error())
		return v.Err()
	}
	m.checkFactors(&v)
	checkText(&v, FieldCombined, m.Combined.Assessment, false, MaxDescriptionLen)
	checkRating(&v, m.Matrix, FieldCombined, m.Combined.Probability, m.Combined.Consequence, FieldCombinedProb, FieldCombinedCons)
	checkMappingMeasures(&v, m.Measures)
	return v.Err()
}

// checkDates: the mapping is dated, not in the future, and its next review
// is not before it.
func (m ViolenceMapping) checkDates(v *ValidationError, today Date) {
	switch {
	case m.Date.IsZero():
		v.Add(FieldMappingDate, FieldMappingDate+" må fylles ut")
	case m.Date.After(today):
		v.Add(FieldMappingDate, FieldMappingDate+" kan ikke være frem i tid")
	}
	if !m.NextReview.IsZero() && !m.Date.IsZero() && m.NextReview.Before(m.Date) {
		v.Add(FieldNextReview, "Neste revisjon kan ikke være før datoen for kartleggingen")
	}
}

// checkMappingParticipants: every participant row has a name.
func checkMappingParticipants(v *ValidationError, participants []string) {
	for i, p := range participants {
		name := normalizeName(p)
		if name == "" {
			v.Add(FieldParticipants, fmt.Sprintf("Deltaker nr. %d mangler navn – fyll ut eller fjern den", i+1))
			continue
		}
		checkText(v, FieldParticipants, name, false, MaxNameLen)
	}
}

// checkFactors: each assessment is of one of the eight factors, once, with
// texts within limits and a rating on the mapping's matrix.
func (m ViolenceMapping) checkFactors(v *ValidationError) {
	seen := map[ViolenceFactor]bool{}
	for _, a := range m.Factors {
		if !a.Factor.Valid() {
			v.Add(FieldFactor, fmt.Sprintf("Faktor %d finnes ikke – faktorene er nummerert fra 1 til 8", int(a.Factor)))
			continue
		}
		if seen[a.Factor] {
			v.Add(FieldFactor, fmt.Sprintf("Faktor %d er vurdert to ganger", int(a.Factor)))
		}
		seen[a.Factor] = true
		what := fmt.Sprintf("Faktor %d", int(a.Factor))
		checkText(v, FieldAnswer, a.Answer, false, MaxDescriptionLen)
		checkText(v, FieldNotes, a.Notes, false, MaxNoteLen)
		checkText(v, FieldSituations, a.Situations, false, MaxNoteLen)
		checkText(v, FieldGroups, a.Groups, false, MaxTitleLen)
		checkRating(v, m.Matrix, what, a.Probability, a.Consequence, FieldProbability, FieldConsequence)
	}
}

// checkMappingMeasures: each linked measure is an action-plan measure,
// linked once, to a factor (or the combined assessment) and a point of the
// regulation.
func checkMappingMeasures(v *ValidationError, links []ViolenceMeasureLink) {
	linked := map[uint64]bool{}
	for _, l := range links {
		switch {
		case l.MeasureID == 0:
			v.Add(FieldMeasureLink, "Et tiltak i kartleggingen mangler kobling til handlingsplanen")
		case linked[l.MeasureID]:
			v.Add(FieldMeasureLink, fmt.Sprintf("Tiltak %d er koblet til kartleggingen to ganger", l.MeasureID))
		}
		linked[l.MeasureID] = true
		if l.Factor != FactorCombined && !l.Factor.Valid() {
			v.Add(FieldFactor, fmt.Sprintf("Tiltak %d er koblet til faktor %d, som ikke finnes", l.MeasureID, int(l.Factor)))
		}
		if !l.Point.Valid() {
			v.Add(FieldMeasurePoint, "Velg hvilket punkt i forskriften tiltaket gjelder")
		}
	}
}

// ViolenceRefLabel is the action plan's source label for a measure from
// factor f: "Vold og trusler: 3. Alenearbeid".
func ViolenceRefLabel(f ViolenceFactor) string {
	return "Vold og trusler: " + f.Numbered()
}

// NewViolenceMeasure builds a planned action-plan measure from factor f
// of the mapping (f = 0: the combined assessment), with the violence
// module as source. Topic is vold og trusler; the priority area is
// forebyggende sykefraværsarbeid, as for risk assessments.
func NewViolenceMeasure(mapping ViolenceMapping, f ViolenceFactor, title, responsible string, deadline, today Date) Measure {
	m := NewMeasure(today)
	m.Title = strings.TrimSpace(title)
	m.Source = Source{Kind: SourceViolenceThreats, RefID: uint64(f), ParentID: mapping.ID, RefLabel: ViolenceRefLabel(f)}
	m.PriorityArea = DefaultPriorityArea(m.Source.Kind)
	m.Topic = CategoryViolence
	m.Responsible = normalizeName(responsible)
	m.Deadline = deadline
	return m
}

// RoutineKind is one of the routines the employees must be told about.
type RoutineKind string

// Routine kinds, in order.
const (
	RoutinePrevention RoutineKind = "forebygging"
	RoutineHandling   RoutineKind = "handtering"
	RoutineAlerting   RoutineKind = "varsling_rapportering"
	RoutineFollowUp   RoutineKind = "oppfolging"
)

var routineKindLabels = map[RoutineKind]string{
	RoutinePrevention: "Forebygging",
	RoutineHandling:   "Håndtering av en situasjon",
	RoutineAlerting:   "Varsling og rapportering",
	RoutineFollowUp:   "Oppfølging etter hendelser",
}

// RoutineKinds returns the kinds in order.
func RoutineKinds() []RoutineKind {
	return []RoutineKind{RoutinePrevention, RoutineHandling, RoutineAlerting, RoutineFollowUp}
}

// RoutineKindLabels returns the labels of RoutineKinds().
func RoutineKindLabels() []string { return enumLabels(RoutineKinds(), RoutineKind.Label) }

// RoutineKindFromLabel maps a label or code back to a kind.
func RoutineKindFromLabel(s string) (RoutineKind, bool) {
	return enumFromLabel(s, RoutineKinds(), RoutineKind.Label)
}

// Label returns the display text, or "" for an unknown kind.
func (k RoutineKind) Label() string { return routineKindLabels[k] }

// Valid reports whether k is one of the kinds.
func (k RoutineKind) Valid() bool { _, ok := routineKindLabels[k]; return ok }

// ViolenceRoutine records whether one routine exists and where.
type ViolenceRoutine struct {
	Kind    RoutineKind `json:"kind"`
	Exists  bool        `json:"exists"`
	Where   string      `json:"where"`   // e.g. "Personalhåndboka, kap. 4"
	Updated Date        `json:"updated"` // last revised; optional
}

// InfoMethod is how information was given.
type InfoMethod string

// Information methods, in order.
const (
	InfoMeeting    InfoMethod = "personalmote"
	InfoTraining   InfoMethod = "opplaering"
	InfoWritten    InfoMethod = "skriftlig"
	InfoOnboarding InfoMethod = "introduksjon"
	InfoOther      InfoMethod = "annet"
)

var infoMethodLabels = map[InfoMethod]string{
	InfoMeeting:    "Personalmøte",
	InfoTraining:   "Opplæring eller øvelse",
	InfoWritten:    "Skriftlig (e-post, intranett, oppslag)",
	InfoOnboarding: "Introduksjon for nyansatte og vikarer",
	InfoOther:      "Annet",
}

// InfoMethods returns the methods in order.
func InfoMethods() []InfoMethod {
	return []InfoMethod{InfoMeeting, InfoTraining, InfoWritten, InfoOnboarding, InfoOther}
}

// InfoMethodLabels returns the labels of InfoMethods().
func InfoMethodLabels() []string { return enumLabels(InfoMethods(), InfoMethod.Label) }

// InfoMethodFromLabel maps a label or code back to a method.
func InfoMethodFromLabel(s string) (InfoMethod, bool) {
	return enumFromLabel(s, InfoMethods(), InfoMethod.Label)
}

// Label returns the display text, or "" for an unknown method.
func (m InfoMethod) Label() string { return infoMethodLabels[m] }

// Valid reports whether m is one of the methods.
func (m InfoMethod) Valid() bool { _, ok := infoMethodLabels[m]; return ok }

// ViolenceInformation is one occasion where employees and/or their
// representatives were informed about risk, measures and routines.
type ViolenceInformation struct {
	Date            Date       `json:"date"`
	Employees       bool       `json:"employees"`       // the employees
	Representatives bool       `json:"representatives"` // verneombud and tillitsvalgte
	Method          InfoMethod `json:"method"`
	Notes           string     `json:"notes"`
}

// ViolenceRoutines is the unit's record of routines and of information
// given. One per unit.
type ViolenceRoutines struct {
	ID       uint64                `json:"id"`
	Routines []ViolenceRoutine     `json:"routines"` // at most one per kind
	Informed []ViolenceInformation `json:"informed"`
}

// Routine returns the record for kind k (Exists false if none).
func (r ViolenceRoutines) Routine(k RoutineKind) ViolenceRoutine {
	for _, x := range r.Routines {
		if x.Kind == k {
			return x
		}
	}
	return ViolenceRoutine{Kind: k}
}

// LastInformed returns the latest date employees (representatives false)
// or their representatives (true) were informed; zero if never.
func (r ViolenceRoutines) LastInformed(representatives bool) Date {
	var last Date
	for _, i := range r.Informed {
		if (representatives && i.Representatives) || (!representatives && i.Employees) {
			if i.Date.After(last) {
				last = i.Date
			}
		}
	}
	return last
}

// asOf returns r as it stood at the end of day on: information dated
// later is left out, and a routine revised later counts as existing
// (the file keeps only its last revision date, so its date is unknown).
func (r ViolenceRoutines) asOf(on Date) ViolenceRoutines {
	out := r
	out.Routines = make([]ViolenceRoutine, len(r.Routines))
	for i, x := range r.Routines {
		if x.Updated.After(on) {
			x.Updated = Date{} // revised later; the earlier date is not kept
		}
		out.Routines[i] = x
	}
	out.Informed = nil
	for _, i := range r.Informed {
		if !i.Date.After(on) {
			out.Informed = append(out.Informed, i)
		}
	}
	return out
}

// Normalized trims text; storage saves this form.
func (r ViolenceRoutines) Normalized() ViolenceRoutines {
	if len(r.Routines) > 0 {
		rs := make([]ViolenceRoutine, len(r.Routines))
		for i, x := range r.Routines {
			x.Where = strings.TrimSpace(x.Where)
			rs[i] = x
		}
		r.Routines = rs
	} else {
		r.Routines = nil
	}
	if len(r.Informed) > 0 {
		is := make([]ViolenceInformation, len(r.Informed))
		for i, x := range r.Informed {
			x.Notes = strings.TrimSpace(x.Notes)
			is[i] = x
		}
		r.Informed = is
	} else {
		r.Informed = nil
	}
	return r
}

// Validate checks the record as of today.
func (r ViolenceRoutines) Validate(today Date) error {
	var v ValidationError
	seen := map[RoutineKind]bool{}
	for _, x := range r.Routines {
		if !x.Kind.Valid() {
			v.Add(FieldRoutine, "Ukjent rutine: "+string(x.Kind))
			continue
		}
		if seen[x.Kind] {
			v.Add(FieldRoutine, fmt.Sprintf("Rutinen «%s» er registrert to ganger", x.Kind.Label()))
		}
		seen[x.Kind] = true
		checkText(&v, FieldRoutineWhere, x.Where, false, MaxTitleLen)
		if x.Updated.After(today) {
			v.Add(FieldRoutine, fmt.Sprintf("Rutinen «%s»: datoen for siste revisjon kan ikke være frem i tid", x.Kind.Label()))
		}
	}
	for _, i := range r.Informed {
		switch {
		case i.Date.IsZero():
			v.Add(FieldInformedOn, FieldInformedOn+" må fylles ut")
		case i.Date.After(today):
			v.Add(FieldInformedOn, FieldInformedOn+" kan ikke være frem i tid")
		}
		if !i.Employees && !i.Representatives {
			v.Add(FieldInformedWho, "Kryss av for hvem som ble informert: ansatte, verneombud og tillitsvalgte, eller begge")
		}
		if !i.Method.Valid() {
			v.Add(FieldInformedHow, "Velg hvordan informasjonen ble gitt")
		}
		checkText(&v, FieldNotes, i.Notes, false, MaxNoteLen)
	}
	return v.Err()
}

// TrainingKind is the kind of a training activity.
type TrainingKind string

// Training kinds, in order.
const (
	TrainingCourse TrainingKind = "kurs"
	TrainingDrill  TrainingKind = "ovelse"
	TrainingReview TrainingKind = "gjennomgang"
)

var trainingKindLabels = map[TrainingKind]string{
	TrainingCourse: "Kurs",
	TrainingDrill:  "Øvelse",
	TrainingReview: "Gjennomgang av rutiner",
}

// TrainingKinds returns the kinds in order.
func TrainingKinds() []TrainingKind {
	return []TrainingKind{TrainingCourse, TrainingDrill, TrainingReview}
}

// TrainingKindLabels returns the labels of TrainingKinds().
func TrainingKindLabels() []string { return enumLabels(TrainingKinds(), TrainingKind.Label) }

// TrainingKindFromLabel maps a label or code back to a kind.
func TrainingKindFromLabel(s string) (TrainingKind, bool) {
	return enumFromLabel(s, TrainingKinds(), TrainingKind.Label)
}

// Label returns the display text, or "" for an unknown kind.
func (k TrainingKind) Label() string { return trainingKindLabels[k] }

// Valid reports whether k is one of the kinds.
func (k TrainingKind) Valid() bool { _, ok := trainingKindLabels[k]; return ok }

// RepeatInterval says how often a training should be repeated. Intervals
// are whole days, so "every year" means 365 days: a training done 366 days
// ago is overdue, one done 365 days ago is due today.
type RepeatInterval string

// Repeat intervals, in order.
const (
	RepeatNone      RepeatInterval = "ingen"
	RepeatHalfYear  RepeatInterval = "halvaar"
	RepeatYear      RepeatInterval = "aar"
	RepeatTwoYears  RepeatInterval = "to_aar"
	RepeatThreeYear RepeatInterval = "tre_aar"
)

var repeatIntervals = map[RepeatInterval]struct {
	label string
	days  int
}{
	RepeatNone:      {"Ikke fast gjentakelse", 0},
	RepeatHalfYear:  {"Hvert halvår", 182},
	RepeatYear:      {"Hvert år", 365},
	RepeatTwoYears:  {"Annethvert år", 730},
	RepeatThreeYear: {"Hvert tredje år", 1095},
}

// RepeatIntervals returns the intervals in order.
func RepeatIntervals() []RepeatInterval {
	return []RepeatInterval{RepeatNone, RepeatHalfYear, RepeatYear, RepeatTwoYears, RepeatThreeYear}
}

// RepeatIntervalLabels returns the labels of RepeatIntervals().
func RepeatIntervalLabels() []string { return enumLabels(RepeatIntervals(), RepeatInterval.Label) }

// RepeatIntervalFromLabel maps a label or code back to an interval.
func RepeatIntervalFromLabel(s string) (RepeatInterval, bool) {
	return enumFromLabel(s, RepeatIntervals(), RepeatInterval.Label)
}

// Label returns the display text, or "" for an unknown interval.
func (r RepeatInterval) Label() string { return repeatIntervals[r].label }

// Days returns the interval in days, 0 for none or unknown.
func (r RepeatInterval) Days() int { return repeatIntervals[r].days }

// Valid reports whether r is one of the intervals.
func (r RepeatInterval) Valid() bool { _, ok := repeatIntervals[r]; return ok }

// ViolenceTraining is one course, drill or review of routines.
type ViolenceTraining struct {
	ID           uint64         `json:"id"`
	Date         Date           `json:"date"`
	Topic        string         `json:"topic"`
	Kind         TrainingKind   `json:"kind"`
	Participants int            `json:"participants"` // a number, never names
	Groups       string         `json:"groups"`       // e.g. "nattevakter, vikarer"
	Repeat       RepeatInterval `json:"repeat"`
	Notes        string         `json:"notes"`
	// FromCourses marks a course from the annual review's list of HMS
	// courses that is about violence and threats
	// (AnnualData.ViolenceInput); never stored.
	FromCourses bool `json:"-"`
}

// Normalized trims text; storage saves this form.
func (t ViolenceTraining) Normalized() ViolenceTraining {
	t.Topic = normalizeName(t.Topic)
	t.Groups = normalizeName(t.Groups)
	t.Notes = strings.TrimSpace(t.Notes)
	return t
}

// Validate checks the training as of today.
func (t ViolenceTraining) Validate(today Date) error {
	var v ValidationError
	switch {
	case t.Date.IsZero():
		v.Add(FieldTrainingDate, FieldTrainingDate+" må fylles ut")
	case t.Date.After(today):
		v.Add(FieldTrainingDate, FieldTrainingDate+" kan ikke være frem i tid – registrer opplæringen når den er gjennomført")
	}
	checkText(&v, FieldTrainingTopic, t.Topic, true, MaxTitleLen)
	if !t.Kind.Valid() {
		v.Add(FieldTrainingKind, "Velg type: kurs, øvelse eller gjennomgang av rutiner")
	}
	if t.Participants < 1 || t.Participants > MaxParticipantsCount {
		v.Add(FieldTrainingCount, fmt.Sprintf("%s må være et helt tall fra 1 til %s", FieldTrainingCount, FormatInt(MaxParticipantsCount)))
	}
	checkText(&v, FieldTrainingGroups, t.Groups, false, MaxTitleLen)
	if !t.Repeat.Valid() {
		v.Add(FieldTrainingInterval, "Velg hvor ofte opplæringen skal gjentas")
	}
	checkText(&v, FieldNotes, t.Notes, false, MaxNoteLen)
	return v.Err()
}

// DueDate returns the day the training should be repeated by; zero when
// it has no fixed repetition.
func (t ViolenceTraining) DueDate() Date {
	if n := t.Repeat.Days(); n > 0 {
		return t.Date.AddDays(n)
	}
	return Date{}
}

// Overdue reports whether the repetition is past due (due date strictly
// before today).
func (t ViolenceTraining) Overdue(today Date) bool {
	d := t.DueDate()
	return !d.IsZero() && d.Before(today)
}
