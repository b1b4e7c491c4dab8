package model

import (
	"fmt"
	"strings"
)

// Risk assessment (risikovurdering): hazards are scored on a probability ×
// consequence matrix, and measures go to the action plan. Arbeidstilsynet
// sets no acceptance criteria, so the unit chooses the matrix size and the
// level boundaries, and reports print the boundaries used.

// RiskMatrix is the unit's risk matrix: Size×Size cells, score = P × C,
// and the level boundaries (scores up to LowMax are lav, up to MediumMax
// middels, above that høy).
//
// The zero value means DefaultRiskMatrix() for the calculation methods, so
// a unit that has never saved its settings still gets sensible levels.
// Validate checks the values as entered and rejects the zero value.
type RiskMatrix struct {
	Size      int `json:"size"`
	LowMax    int `json:"low_max"`
	MediumMax int `json:"medium_max"`
}

// Field names for the matrix settings.
const (
	FieldMatrixSize = "Matrisestørrelse"
	FieldLowMax     = "Øvre grense for lav risiko"
	FieldMediumMax  = "Øvre grense for middels risiko"
)

// DefaultRiskMatrix returns the product default: 5×5 with 1–4 lav, 5–9
// middels, 10–25 høy.
func DefaultRiskMatrix() RiskMatrix { return RiskMatrix{Size: 5, LowMax: 4, MediumMax: 9} }

// DefaultRiskMatrixFor returns the default boundaries for a size: for 4×4
// 1–3 lav, 4–7 middels, 8–16 høy (2×2 and 1×4 are middels as on 5×5, and
// 2×4 and 3×3 høy, roughly the same share of high cells as 5×5). Any size
// other than 4 gives the 5×5 default.
func DefaultRiskMatrixFor(size int) RiskMatrix {
	if size == 4 {
		return RiskMatrix{Size: 4, LowMax: 3, MediumMax: 7}
	}
	return DefaultRiskMatrix()
}

// RiskMatrixSizes returns the allowed sizes, default first.
func RiskMatrixSizes() []int { return []int{5, 4} }

// orDefault gives the zero value its meaning.
func (m RiskMatrix) orDefault() RiskMatrix {
	if m == (RiskMatrix{}) {
		return DefaultRiskMatrix()
	}
	return m
}

// Validate checks that Size is 4 or 5 and 1 ≤ LowMax < MediumMax < Size²,
// so every level covers at least one score.
func (m RiskMatrix) Validate() error {
	var v ValidationError
	if m.Size != 4 && m.Size != 5 {
		v.Add(FieldMatrixSize, FieldMatrixSize+" må være 4 (4×4) eller 5 (5×5)")
		return v.Err() // the boundaries depend on the size
	}
	maxScore := m.Size * m.Size
	lowOK := m.LowMax >= 1 && m.LowMax <= maxScore-2
	if !lowOK {
		v.Add(FieldLowMax, fmt.Sprintf("%s må være et tall fra 1 til %d", FieldLowMax, maxScore-2))
	}
	minMedium := 2
	if lowOK {
		minMedium = m.LowMax + 1
	}
	if m.MediumMax < minMedium || m.MediumMax >= maxScore {
		v.Add(FieldMediumMax, fmt.Sprintf("%s må være et tall fra %d til %d", FieldMediumMax, minMedium, maxScore-1))
	}
	return v.Err()
}

// InRange reports whether n is a valid probability or consequence (1..Size).
func (m RiskMatrix) InRange(n int) bool {
	m = m.orDefault()
	return n >= 1 && n <= m.Size
}

// Score returns p × c, or 0 if either is outside 1..Size.
func (m RiskMatrix) Score(p, c int) int {
	if !m.InRange(p) || !m.InRange(c) {
		return 0
	}
	return p * c
}

// Level returns the risk level of p and c, or "" if either is outside
// 1..Size (not assessed or invalid).
func (m RiskMatrix) Level(p, c int) RiskLevel {
	return m.LevelOfScore(m.Score(p, c))
}

// LevelOfScore returns the level of a score, or "" for a score below 1.
func (m RiskMatrix) LevelOfScore(score int) RiskLevel {
	m = m.orDefault()
	switch {
	case score < 1:
		return ""
	case score <= m.LowMax:
		return RiskLow
	case score <= m.MediumMax:
		return RiskMedium
	}
	return RiskHigh
}

// Range returns the lowest and highest score of a level, e.g. 5, 9 for
// middels on the default matrix; 0, 0 for an unknown level.
func (m RiskMatrix) Range(l RiskLevel) (lo, hi int) {
	m = m.orDefault()
	switch l {
	case RiskLow:
		return 1, m.LowMax
	case RiskMedium:
		return m.LowMax + 1, m.MediumMax
	case RiskHigh:
		return m.MediumMax + 1, m.Size * m.Size
	}
	return 0, 0
}

// Describe returns the boundaries for reports, e.g.
// "Lav 1–4, middels 5–9, høy 10–25 (5×5)".
func (m RiskMatrix) Describe() string {
	m = m.orDefault()
	parts := make([]string, 0, 3)
	for _, l := range RiskLevels() {
		lo, hi := m.Range(l)
		name := strings.ToLower(l.Label())
		if len(parts) == 0 {
			name = l.Label()
		}
		parts = append(parts, fmt.Sprintf("%s %d–%d", name, lo, hi))
	}
	return fmt.Sprintf("%s (%d×%d)", strings.Join(parts, ", "), m.Size, m.Size)
}

// RiskLevel is lav, middels or høy.
type RiskLevel string

// Risk levels, lowest first.
const (
	RiskLow    RiskLevel = "lav"
	RiskMedium RiskLevel = "middels"
	RiskHigh   RiskLevel = "hoy"
)

var riskLevelLabels = map[RiskLevel][3]string{ // label, letter, guidance
	RiskLow:    {"Lav", "L", "Akseptabel risiko. Vurder tiltak hvis de er enkle og klart nyttige."},
	RiskMedium: {"Middels", "M", "Risikoen bør reduseres. Prioriter tiltak."},
	RiskHigh:   {"Høy", "H", "Ikke akseptabel risiko. Tiltak må settes i verk straks."},
}

// RiskLevels returns the levels, lowest first.
func RiskLevels() []RiskLevel { return []RiskLevel{RiskLow, RiskMedium, RiskHigh} }

// RiskLevelLabels returns the labels of RiskLevels().
func RiskLevelLabels() []string { return enumLabels(RiskLevels(), RiskLevel.Label) }

// RiskLevelFromLabel maps a label, letter or stored code back to a level.
func RiskLevelFromLabel(label string) (RiskLevel, bool) {
	if l, ok := enumFromLabel(label, RiskLevels(), RiskLevel.Label); ok {
		return l, true
	}
	return enumFromLabel(label, RiskLevels(), RiskLevel.Letter)
}

// Label returns "Lav", "Middels" or "Høy"; "" for an unknown level.
func (l RiskLevel) Label() string { return riskLevelLabels[l][0] }

// Letter returns "L", "M" or "H", printed in matrix cells and lists so
// that colour is never the only signal (colour blindness, greyscale print).
func (l RiskLevel) Letter() string { return riskLevelLabels[l][1] }

// Guidance returns what the level means for follow-up, for legends.
func (l RiskLevel) Guidance() string { return riskLevelLabels[l][2] }

// Valid reports whether l is one of the three levels.
func (l RiskLevel) Valid() bool { _, ok := riskLevelLabels[l]; return ok }

// Wording of the scales: label and explanation per value. The 5-level
// scales are the product's (domain README); the 4-level ones are
// Arbeidstilsynet's, which give no further explanation.
var (
	probabilityScale5 = [][2]string{
		{"Svært lite sannsynlig", "sjeldnere enn hvert 10. år"},
		{"Lite sannsynlig", "hvert 5.–10. år"},
		{"Mulig", "hvert 1.–5. år"},
		{"Sannsynlig", "månedlig til årlig"},
		{"Svært sannsynlig", "månedlig eller oftere"},
	}
	consequenceScale5 = [][2]string{
		{"Ubetydelig", ""},
		{"Mindre alvorlig", "førstehjelp, kortvarig belastning"},
		{"Alvorlig", "skade eller belastning med fravær"},
		{"Svært alvorlig", "varig skade eller langvarig sykdom"},
		{"Kritisk", "død eller livstruende"},
	}
	probabilityScale4 = [][2]string{{"Svært sjelden", ""}, {"Sjelden", ""}, {"Ofte", ""}, {"Svært ofte", ""}}
	consequenceScale4 = [][2]string{{"Ubetydelig", ""}, {"Mindre alvorlig", ""}, {"Alvorlig", ""}, {"Svært alvorlig", ""}}
)

// scaleEntry picks the wording for value n on a size-level scale.
func scaleEntry(scale5, scale4 [][2]string, size, n int) (label, explanation string) {
	scale := scale5
	if size == 4 {
		scale = scale4
	} else if size != 5 {
		return "", ""
	}
	if n < 1 || n > len(scale) {
		return "", ""
	}
	return scale[n-1][0], scale[n-1][1]
}

// describe joins label and explanation: "Sannsynlig – månedlig til årlig".
func describe(label, explanation string) string {
	if explanation == "" {
		return label
	}
	return label + " – " + explanation
}

// ProbabilityLabel returns the name of probability p on a 4- or 5-level
// scale, e.g. "Sannsynlig"; "" if size or p is out of range.
func ProbabilityLabel(size, p int) string {
	l, _ := scaleEntry(probabilityScale5, probabilityScale4, size, p)
	return l
}

// ProbabilityDescription returns the name with its explanation, e.g.
// "Sannsynlig – månedlig til årlig".
func ProbabilityDescription(size, p int) string {
	return describe(scaleEntry(probabilityScale5, probabilityScale4, size, p))
}

// ConsequenceLabel returns the name of consequence c, e.g. "Alvorlig".
func ConsequenceLabel(size, c int) string {
	l, _ := scaleEntry(consequenceScale5, consequenceScale4, size, c)
	return l
}

// ConsequenceDescription returns the name with its explanation, e.g.
// "Alvorlig – skade eller belastning med fravær".
func ConsequenceDescription(size, c int) string {
	return describe(scaleEntry(consequenceScale5, consequenceScale4, size, c))
}

// HMSCategory is the HMS topic of a risk item, and of a measure (its
// Topic).
type HMSCategory string

// HMS categories, in display order.
const (
	CategoryPhysical      HMSCategory = "fysisk_kjemisk_biologisk"
	CategoryErgonomics    HMSCategory = "ergonomi"
	CategoryPsychosocial  HMSCategory = "psykososialt"
	CategoryAccidentsFire HMSCategory = "ulykker_brann"
	CategoryViolence      HMSCategory = "vold_trusler"
	CategoryOther         HMSCategory = "annet"
)

var hmsCategoryLabels = map[HMSCategory]string{
	CategoryPhysical:      "Fysisk/kjemisk/biologisk",
	CategoryErgonomics:    "Ergonomi og belastning",
	CategoryPsychosocial:  "Psykososialt og organisatorisk",
	CategoryAccidentsFire: "Ulykker og brann",
	CategoryViolence:      "Vold og trusler",
	CategoryOther:         "Annet",
}

// HMSCategories returns all categories in display order.
func HMSCategories() []HMSCategory {
	return []HMSCategory{CategoryPhysical, CategoryErgonomics, CategoryPsychosocial,
		CategoryAccidentsFire, CategoryViolence, CategoryOther}
}

// HMSCategoryLabels returns the labels of HMSCategories().
func HMSCategoryLabels() []string { return enumLabels(HMSCategories(), HMSCategory.Label) }

// HMSCategoryFromLabel maps a label or stored code back to a category.
func HMSCategoryFromLabel(label string) (HMSCategory, bool) {
	return enumFromLabel(label, HMSCategories(), HMSCategory.Label)
}

// Label returns the display name, or "" for an unknown category.
func (c HMSCategory) Label() string { return hmsCategoryLabels[c] }

// Valid reports whether c is one of the defined categories.
func (c HMSCategory) Valid() bool { _, ok := hmsCategoryLabels[c]; return ok }

// AssessmentKind is why a risk assessment is made.
type AssessmentKind string

// Assessment kinds, in display order.
const (
	KindOrdinary       AssessmentKind = "ordinaer"
	KindChangeProcess  AssessmentKind = "endringsprosess"
	KindPregnantWorker AssessmentKind = "gravid"
)

var assessmentKindLabels = map[AssessmentKind]string{
	KindOrdinary:       "Ordinær",
	KindChangeProcess:  "Før endringsprosess (konsekvensvurdering)",
	KindPregnantWorker: "Gravid arbeidstaker",
}

// AssessmentKinds returns all kinds in display order.
func AssessmentKinds() []AssessmentKind {
	return []AssessmentKind{KindOrdinary, KindChangeProcess, KindPregnantWorker}
}

// AssessmentKindLabels returns the labels of AssessmentKinds().
func AssessmentKindLabels() []string { return enumLabels(AssessmentKinds(), AssessmentKind.Label) }

// AssessmentKindFromLabel maps a label or stored code back to a kind.
func AssessmentKindFromLabel(label string) (AssessmentKind, bool) {
	return enumFromLabel(label, AssessmentKinds(), AssessmentKind.Label)
}

// Label returns the display name, or "" for an unknown kind.
func (k AssessmentKind) Label() string { return assessmentKindLabels[k] }

// Valid reports whether k is one of the defined kinds.
func (k AssessmentKind) Valid() bool { _, ok := assessmentKindLabels[k]; return ok }

// AssessmentStatus is how far a risk assessment has come.
type AssessmentStatus string

// Assessment statuses, in display order.
const (
	AssessmentDraft      AssessmentStatus = "utkast"
	AssessmentInProgress AssessmentStatus = "pagar"
	AssessmentDone       AssessmentStatus = "ferdig"
)

var assessmentStatusLabels = map[AssessmentStatus]string{
	AssessmentDraft:      "Utkast",
	AssessmentInProgress: "Pågår",
	AssessmentDone:       "Ferdig",
}

// AssessmentStatuses returns all statuses in display order.
func AssessmentStatuses() []AssessmentStatus {
	return []AssessmentStatus{AssessmentDraft, AssessmentInProgress, AssessmentDone}
}

// AssessmentStatusLabels returns the labels of AssessmentStatuses().
func AssessmentStatusLabels() []string {
	return enumLabels(AssessmentStatuses(), AssessmentStatus.Label)
}

// AssessmentStatusFromLabel maps a label or stored code back to a status.
func AssessmentStatusFromLabel(label string) (AssessmentStatus, bool) {
	return enumFromLabel(label, AssessmentStatuses(), AssessmentStatus.Label)
}

// Label returns the display name, or "" for an unknown status.
func (s AssessmentStatus) Label() string { return assessmentStatusLabels[s] }

// Valid reports whether s is one of the defined statuses.
func (s AssessmentStatus) Valid() bool { _, ok := assessmentStatusLabels[s]; return ok }

// RiskAssessment is one assessment of an area or activity; its hazards are
// RiskItems with AssessmentID = ID.
type RiskAssessment struct {
	ID           uint64           `json:"id"`
	Title        string           `json:"title"`
	Area         string           `json:"area"` // area or activity assessed
	Kind         AssessmentKind   `json:"kind"`
	Date         Date             `json:"date"`
	Participants []string         `json:"participants"` // names or roles
	Status       AssessmentStatus `json:"status"`
	NextReview   Date             `json:"next_review"`
	Notes        string           `json:"notes"`
	// Matrix is the matrix the items were scored on, copied from the unit's
	// settings when the assessment is created, so old assessments keep
	// their scale and boundaries if the unit changes them. Zero = default.
	Matrix RiskMatrix `json:"matrix"`
	// SupersededBy is the ID of the assessment that replaced this one at a
	// revision; 0 while this is the current one. Kept rather than deleting
	// old assessments, since the rules require documentation over time.
	SupersededBy uint64 `json:"superseded_by"`
}

// Field names for risk assessments (FieldTitle and FieldStatus are shared
// with measures).
const (
	FieldArea           = "Område/aktivitet"
	FieldAssessmentKind = "Type vurdering"
	FieldAssessmentDate = "Dato"
	FieldParticipants   = "Deltakere"
	FieldNextReview     = "Neste revisjon"
	FieldNotes          = "Merknader"
)

// Validate checks the assessment and returns a ValidationError, or nil.
// A finished assessment must also have participants (it is made together
// with employees and the safety representative), a date not in the future
// and a next review date.
func (a RiskAssessment) Validate(today Date) error {
	var v ValidationError
	checkText(&v, FieldTitle, a.Title, true, MaxTitleLen)
	checkText(&v, FieldArea, a.Area, false, MaxTitleLen)
	if !a.Kind.Valid() {
		v.Add(FieldAssessmentKind, "Velg type vurdering")
	}
	if !a.Status.Valid() {
		v.Add(FieldStatus, "Velg status")
	}
	done := a.Status == AssessmentDone
	a.checkDates(&v, today, done)
	if named := checkParticipants(&v, a.Participants); done && named == 0 {
		v.Add(FieldParticipants, "Deltakere må fylles ut når risikovurderingen er ferdig – den skal gjøres sammen med ansatte og verneombud")
	}
	checkText(&v, FieldNotes, a.Notes, false, MaxDescriptionLen)
	if err := a.Matrix.orDefault().Validate(); err != nil {
		v.Add(FieldMatrixSize, "Risikomatrisen for vurderingen er ugyldig: "+err.Error())
	}
	return v.Err()
}

// checkDates checks the assessment's date and next review; done: the
// assessment is finished.
func (a RiskAssessment) checkDates(v *ValidationError, today Date, done bool) {
	switch {
	case a.Date.IsZero():
		v.Add(FieldAssessmentDate, "Dato må fylles ut")
	case done && a.Date.After(today):
		v.Add(FieldAssessmentDate, "Dato kan ikke være frem i tid for en ferdig risikovurdering")
	}
	switch {
	case a.NextReview.IsZero() && done:
		v.Add(FieldNextReview, "Neste revisjon må fylles ut når risikovurderingen er ferdig")
	case !a.NextReview.IsZero() && !a.Date.IsZero() && a.NextReview.Before(a.Date):
		v.Add(FieldNextReview, "Neste revisjon kan ikke være før datoen for risikovurderingen")
	}
}

// checkParticipants checks each participant's name and returns how many
// are named.
func checkParticipants(v *ValidationError, participants []string) (named int) {
	for i, p := range participants {
		name := normalizeName(p)
		switch {
		case name == "":
			v.Add(FieldParticipants, fmt.Sprintf("Deltaker nr. %d mangler navn – fyll ut eller fjern den", i+1))
			continue
		case runeLen(name) > MaxNameLen:
			v.Add(FieldParticipants, fmt.Sprintf("Deltakeren «%s» har for langt navn (høyst %d tegn)", Shorten(name, 40), MaxNameLen))
		}
		named++
		v.addErr(FieldParticipants, CheckNoNationalID(FieldParticipants, p))
	}
	return named
}

// Current reports whether this is the assessment in force, not one
// replaced at a revision.
func (a RiskAssessment) Current() bool { return a.SupersededBy == 0 }

// ReviewDue reports whether a finished, current assessment is past its
// review date (NextReview strictly before today). Drafts and assessments
// in progress are not flagged: they are being worked on. Superseded ones
// are not flagged: their successor carries the review date.
func (a RiskAssessment) ReviewDue(today Date) bool {
	return a.Status == AssessmentDone && a.Current() && !a.NextReview.IsZero() && a.NextReview.Before(today)
}

// RiskItem is one hazard in an assessment. Probability and consequence are
// 1..Size of the assessment's matrix; the residual pair is the expected
// risk after the planned measures, 0/0 until assessed.
type RiskItem struct {
	ID                  uint64      `json:"id"`
	AssessmentID        uint64      `json:"assessment_id"`
	Hazard              string      `json:"hazard"` // farekilde
	Event               string      `json:"event"`  // mulig uønsket hendelse
	Category            HMSCategory `json:"category"`
	Exposed             string      `json:"exposed"` // a group ("nattevakter"), never a name
	ExistingMeasures    string      `json:"existing_measures"`
	Probability         int         `json:"probability"`
	Consequence         int         `json:"consequence"`
	ResidualProbability int         `json:"residual_probability"`
	ResidualConsequence int         `json:"residual_consequence"`
	MeasureIDs          []uint64    `json:"measure_ids"` // action-plan measures
}

// Field names for risk items.
const (
	FieldHazard              = "Farekilde"
	FieldEvent               = "Mulig uønsket hendelse"
	FieldCategory            = "Kategori"
	FieldExposed             = "Hvem er utsatt"
	FieldExistingMeasures    = "Eksisterende tiltak"
	FieldProbability         = "Sannsynlighet"
	FieldConsequence         = "Konsekvens"
	FieldResidualProbability = "Sannsynlighet etter tiltak"
	FieldResidualConsequence = "Konsekvens etter tiltak"
)

// Validate checks the item against the assessment's matrix m (zero =
// default) and returns a ValidationError, or nil. Values outside the
// scale, such as 0 or 6 from an import, are refused with the range.
func (i RiskItem) Validate(m RiskMatrix) error {
	m = m.orDefault()
	var v ValidationError
	checkText(&v, FieldHazard, i.Hazard, true, MaxTitleLen)
	checkText(&v, FieldEvent, i.Event, false, MaxNoteLen)
	if !i.Category.Valid() {
		v.Add(FieldCategory, "Velg kategori")
	}
	checkText(&v, FieldExposed, i.Exposed, false, MaxTitleLen)
	checkText(&v, FieldExistingMeasures, i.ExistingMeasures, false, MaxDescriptionLen)
	rangeMsg := func(field string) string {
		return fmt.Sprintf("%s må være et tall fra 1 til %d", field, m.Size)
	}
	if !m.InRange(i.Probability) {
		v.Add(FieldProbability, rangeMsg(FieldProbability))
	}
	if !m.InRange(i.Consequence) {
		v.Add(FieldConsequence, rangeMsg(FieldConsequence))
	}
	if i.HasResidual() {
		hint := " (eller la begge feltene for risiko etter tiltak stå tomme)"
		if !m.InRange(i.ResidualProbability) {
			v.Add(FieldResidualProbability, rangeMsg(FieldResidualProbability)+hint)
		}
		if !m.InRange(i.ResidualConsequence) {
			v.Add(FieldResidualConsequence, rangeMsg(FieldResidualConsequence)+hint)
		}
	}
	return v.Err()
}

// HasResidual reports whether the residual risk has been filled in (either
// value non-zero).
func (i RiskItem) HasResidual() bool { return i.ResidualProbability != 0 || i.ResidualConsequence != 0 }

// Score returns P × C, or 0 if a value is out of range.
func (i RiskItem) Score(m RiskMatrix) int { return m.Score(i.Probability, i.Consequence) }

// Level returns the item's risk level, or "" if P or C is out of range.
func (i RiskItem) Level(m RiskMatrix) RiskLevel { return m.Level(i.Probability, i.Consequence) }

// ResidualLevel returns the level after measures, and false when the
// residual risk is not assessed (or invalid).
func (i RiskItem) ResidualLevel(m RiskMatrix) (RiskLevel, bool) {
	l := m.Level(i.ResidualProbability, i.ResidualConsequence)
	return l, l != ""
}

// NotAssessedAfter lists the items without a valid rating after
// measures, in their order. They are not in the «Etter tiltak» heat map,
// so its title says «Etter tiltak (4 av 5 vurdert)» (PDF and screen).
func NotAssessedAfter(items []RiskItem, m RiskMatrix) []RiskItem {
	var out []RiskItem
	for _, it := range items {
		if _, ok := it.ResidualLevel(m); !ok {
			out = append(out, it)
		}
	}
	return out
}

// pc returns the item's values, initial or residual.
func (i RiskItem) pc(residual bool) (p, c int) {
	if residual {
		return i.ResidualProbability, i.ResidualConsequence
	}
	return i.Probability, i.Consequence
}

// MatrixCounts returns the number of items per cell for a heat map,
// indexed [probability-1][consequence-1]. With residual, the residual
// values are used and unassessed items skipped. Items with values outside
// the matrix are skipped.
func MatrixCounts(items []RiskItem, m RiskMatrix, residual bool) [][]int {
	m = m.orDefault()
	counts := make([][]int, m.Size)
	for p := range counts {
		counts[p] = make([]int, m.Size)
	}
	for _, it := range items {
		p, c := it.pc(residual)
		if m.InRange(p) && m.InRange(c) {
			counts[p-1][c-1]++
		}
	}
	return counts
}

// ItemsInCell returns the items in cell (p, c), in their original order,
// so tapping a heat-map cell can filter the list.
func ItemsInCell(items []RiskItem, p, c int, residual bool) []RiskItem {
	var out []RiskItem
	for _, it := range items {
		if ip, ic := it.pc(residual); ip == p && ic == c && p >= 1 && c >= 1 {
			out = append(out, it)
		}
	}
	return out
}

// LevelCounts returns the number of items per level, all three levels
// present. Items without a level (unassessed residual, invalid values)
// are not counted.
func LevelCounts(items []RiskItem, m RiskMatrix, residual bool) map[RiskLevel]int {
	counts := map[RiskLevel]int{RiskLow: 0, RiskMedium: 0, RiskHigh: 0}
	for _, it := range items {
		p, c := it.pc(residual)
		if l := m.Level(p, c); l != "" {
			counts[l]++
		}
	}
	return counts
}

// LinkMeasure returns the item with measure id added to MeasureIDs (once).
// Call it after storage has given the measure from NewMeasureFromRiskItem
// its ID, so the link goes both ways.
func (i RiskItem) LinkMeasure(id uint64) RiskItem {
	for _, have := range i.MeasureIDs {
		if have == id {
			return i
		}
	}
	i.MeasureIDs = append(append([]uint64(nil), i.MeasureIDs...), id)
	return i
}

// NewMeasureFromRiskItem builds a planned action-plan measure for a risk
// item, linked back to it. A blank title falls back to the hazard. The
// topic is the item's category, and the priority area is forebyggende
// sykefraværsarbeid, where the municipal strategy places risk mapping; the
// user can change both.
func NewMeasureFromRiskItem(a RiskAssessment, i RiskItem, title string, responsible string, deadline Date, today Date) Measure {
	title = strings.TrimSpace(title)
	if title == "" {
		title = Shorten(normalizeName(i.Hazard), MaxTitleLen)
	}
	parent := a.ID
	if parent == 0 {
		parent = i.AssessmentID
	}
	m := NewMeasure(today)
	m.Title = title
	m.Source = Source{Kind: SourceRiskAssessment, RefID: i.ID, ParentID: parent, RefLabel: riskRefLabel(a.Title, i.Hazard)}
	m.PriorityArea = DefaultPriorityArea(m.Source.Kind)
	m.Topic = i.Category
	m.Responsible = normalizeName(responsible)
	m.Deadline = deadline
	return m
}

// RelabelFromRiskItem is m with its source label following item i of
// assessment a (their title and hazard as now), when m was made for i; ok
// is false when nothing changes. As with a deviation, the label is kept
// when the item is deleted.
func RelabelFromRiskItem(m Measure, a RiskAssessment, i RiskItem) (Measure, bool) {
	if m.Source.Kind != SourceRiskAssessment || m.Source.RefID != i.ID || i.ID == 0 {
		return m, false
	}
	l := riskRefLabel(a.Title, i.Hazard)
	if m.Source.RefLabel == l {
		return m, false
	}
	m.Source.RefLabel = l
	return m, true
}

// riskRefLabel returns "Risikovurdering: <title> – <hazard>", each part
// shortened so the link stays within MaxRefLabelLen.
func riskRefLabel(title, hazard string) string {
	s := "Risikovurdering: " + Shorten(normalizeName(title), 120)
	if h := normalizeName(hazard); h != "" {
		s += " – " + Shorten(h, 120)
	}
	return s
}
