package model

// Deviation (avvik) is one entry in the unit's deviation register. The
// types and enums are the contract the deviation, violence-and-threats,
// safety-round and meeting modules share; the register's rules live in
// deviation_rules.go.
//
// Descriptions never name a person: the free-text fields are checked with
// CheckNoNationalID, and WhatHappened/Cause/ImmediateAction are sensitive
// (hidden in Møtemodus, never in the submission file).
type Deviation struct {
	ID              uint64            `json:"id"`
	Date            Date              `json:"date"`
	Place           string            `json:"place"` // department or area
	Category        DeviationCategory `json:"category"`
	Type            DeviationType     `json:"type"`
	Severity        Severity          `json:"severity"`
	WhatHappened    string            `json:"what_happened"`    // sensitive
	ImmediateAction string            `json:"immediate_action"` // sensitive
	Cause           string            `json:"cause"`            // sensitive
	Status          DeviationStatus   `json:"status"`
	ClosedBy        string            `json:"closed_by"` // person or role
	ClosedOn        Date              `json:"closed_on"`
	MeasureIDs      []uint64          `json:"measure_ids"` // action-plan measures
	// Reported to the municipality's own deviation system, with its reference.
	ReportedToMunicipal bool   `json:"reported_to_municipal"`
	MunicipalRef        string `json:"municipal_ref"`
	// PersonHarm is what happened to the person or persons involved; ""
	// when not recorded (every record saved before the field existed).
	// A death or a serious injury, in any category, must be notified to
	// Arbeidstilsynet and the police at once (arbeidsmiljøloven § 5-2);
	// see NeedsAuthorityNotice for the rule, including the one for "".
	PersonHarm            PersonHarm `json:"person_harm,omitempty"`
	AuthoritiesNotified   bool       `json:"authorities_notified"`
	AuthoritiesNotifiedOn Date       `json:"authorities_notified_on"`
	// For category vold og trusler: what kind, and which follow-up was
	// offered (never a name or a diagnosis).
	ViolenceType    ViolenceType    `json:"violence_type"`
	FollowUpOffered []FollowUpOffer `json:"follow_up_offered"`
	// SafetyRoundID links a deviation registered from a safety-round finding.
	SafetyRoundID uint64 `json:"safety_round_id"`
}

// DeviationCategory is one of the municipal strategy's eight categories.
type DeviationCategory string

// Deviation categories, in display order.
const (
	DevFire          DeviationCategory = "branntillop"
	DevBurglary      DeviationCategory = "innbrudd_tyveri"
	DevInjury        DeviationCategory = "personskade"
	DevEnvironment   DeviationCategory = "utslipp_miljo"
	DevHazardous     DeviationCategory = "kjemikalier_gass_biologisk"
	DevViolence      DeviationCategory = "vold_trusler"
	DevOrganisation  DeviationCategory = "organisatorisk"
	DevNonCompliance DeviationCategory = "brudd_hms"
)

var deviationCategoryLabels = map[DeviationCategory]string{
	DevFire:          "Branntilløp",
	DevBurglary:      "Innbrudd, tyveri, ran og uvedkommende i/ved bygg",
	DevInjury:        "Personskade",
	DevEnvironment:   "Skadelig utslipp til miljø",
	DevHazardous:     "Feil håndtering av kjemikalier, gass, biologiske faktorer og strålekilder",
	DevViolence:      "Vold og trusler",
	DevOrganisation:  "Organisatoriske utfordringer",
	DevNonCompliance: "Brudd på HMS-lovgivning, retningslinjer og prosedyrer",
}

// DeviationCategories returns all categories in display order.
func DeviationCategories() []DeviationCategory {
	return []DeviationCategory{DevFire, DevBurglary, DevInjury, DevEnvironment, DevHazardous, DevViolence, DevOrganisation, DevNonCompliance}
}

// DeviationCategoryLabels returns the labels in display order.
func DeviationCategoryLabels() []string {
	return enumLabels(DeviationCategories(), DeviationCategory.Label)
}

// DeviationCategoryFromLabel maps a label or code back to a category.
func DeviationCategoryFromLabel(s string) (DeviationCategory, bool) {
	return enumFromLabel(s, DeviationCategories(), DeviationCategory.Label)
}

// Label is the Norwegian display text.
func (c DeviationCategory) Label() string { return deviationCategoryLabels[c] }

// Valid reports whether c is a known category.
func (c DeviationCategory) Valid() bool { _, ok := deviationCategoryLabels[c]; return ok }

// DeviationType says what kind of report it is.
type DeviationType string

// Deviation types, in display order.
const (
	TypeDeviation   DeviationType = "avvik"
	TypeIncident    DeviationType = "uonsket_hendelse"
	TypeNearMiss    DeviationType = "nestenulykke"
	TypeImprovement DeviationType = "forbedringsforslag"
)

var deviationTypeLabels = map[DeviationType]string{
	TypeDeviation:   "Avvik",
	TypeIncident:    "Uønsket hendelse",
	TypeNearMiss:    "Nestenulykke",
	TypeImprovement: "Forbedringsforslag",
}

// DeviationTypes returns all types in display order.
func DeviationTypes() []DeviationType {
	return []DeviationType{TypeDeviation, TypeIncident, TypeNearMiss, TypeImprovement}
}

// DeviationTypeLabels returns the labels in display order.
func DeviationTypeLabels() []string { return enumLabels(DeviationTypes(), DeviationType.Label) }

// DeviationTypeFromLabel maps a label or code back to a type.
func DeviationTypeFromLabel(s string) (DeviationType, bool) {
	return enumFromLabel(s, DeviationTypes(), DeviationType.Label)
}

// Label is the Norwegian display text.
func (t DeviationType) Label() string { return deviationTypeLabels[t] }

// Valid reports whether t is a known type.
func (t DeviationType) Valid() bool { _, ok := deviationTypeLabels[t]; return ok }

// Severity is Arbeidstilsynet's four-level consequence scale.
type Severity string

// Severities, least to most serious.
const (
	SeverityInsignificant Severity = "ubetydelig"
	SeverityMinor         Severity = "mindre_alvorlig"
	SeveritySerious       Severity = "alvorlig"
	SeverityVerySerious   Severity = "svaert_alvorlig"
)

var severityLabels = map[Severity]string{
	SeverityInsignificant: "Ubetydelig",
	SeverityMinor:         "Mindre alvorlig",
	SeveritySerious:       "Alvorlig",
	SeverityVerySerious:   "Svært alvorlig",
}

// Severities returns all levels, least serious first.
func Severities() []Severity {
	return []Severity{SeverityInsignificant, SeverityMinor, SeveritySerious, SeverityVerySerious}
}

// SeverityLabels returns the labels, least serious first.
func SeverityLabels() []string { return enumLabels(Severities(), Severity.Label) }

// SeverityFromLabel maps a label or code back to a severity.
func SeverityFromLabel(s string) (Severity, bool) {
	return enumFromLabel(s, Severities(), Severity.Label)
}

// Label is the Norwegian display text.
func (s Severity) Label() string { return severityLabels[s] }

// Valid reports whether s is a known severity.
func (s Severity) Valid() bool { _, ok := severityLabels[s]; return ok }

// DeviationStatus is registrert → under behandling → lukket.
type DeviationStatus string

// Deviation statuses, in order.
const (
	DevRegistered DeviationStatus = "registrert"
	DevInProgress DeviationStatus = "under_behandling"
	DevClosed     DeviationStatus = "lukket"
)

var deviationStatusLabels = map[DeviationStatus]string{
	DevRegistered: "Registrert",
	DevInProgress: "Under behandling",
	DevClosed:     "Lukket",
}

// DeviationStatuses returns all statuses in order.
func DeviationStatuses() []DeviationStatus {
	return []DeviationStatus{DevRegistered, DevInProgress, DevClosed}
}

// DeviationStatusLabels returns the labels in order.
func DeviationStatusLabels() []string {
	return enumLabels(DeviationStatuses(), DeviationStatus.Label)
}

// DeviationStatusFromLabel maps a label or code back to a status.
func DeviationStatusFromLabel(s string) (DeviationStatus, bool) {
	return enumFromLabel(s, DeviationStatuses(), DeviationStatus.Label)
}

// Label is the Norwegian display text.
func (s DeviationStatus) Label() string { return deviationStatusLabels[s] }

// Valid reports whether s is a known status.
func (s DeviationStatus) Valid() bool { _, ok := deviationStatusLabels[s]; return ok }

// PersonHarm is what happened to a person in the incident: nothing, an
// injury, a serious injury or a death. No diagnosis, no name: only the
// degree, which decides the § 5-2 notice.
type PersonHarm string

// Degrees of harm, least first. The zero value "" means not recorded.
const (
	HarmNone    PersonHarm = "ingen"
	HarmInjury  PersonHarm = "skade"
	HarmSerious PersonHarm = "alvorlig_skade"
	HarmDeath   PersonHarm = "dodsfall"
)

var personHarmLabels = map[PersonHarm]string{
	HarmNone:    "Ingen personskade",
	HarmInjury:  "Personskade, ikke alvorlig",
	HarmSerious: "Alvorlig personskade",
	HarmDeath:   "Dødsfall",
}

// PersonHarms returns all degrees, least first.
func PersonHarms() []PersonHarm { return []PersonHarm{HarmNone, HarmInjury, HarmSerious, HarmDeath} }

// PersonHarmLabels returns the labels, least first.
func PersonHarmLabels() []string { return enumLabels(PersonHarms(), PersonHarm.Label) }

// PersonHarmFromLabel maps a label or code back to a degree of harm.
func PersonHarmFromLabel(s string) (PersonHarm, bool) {
	return enumFromLabel(s, PersonHarms(), PersonHarm.Label)
}

// Label is the Norwegian display text; "" when not recorded.
func (h PersonHarm) Label() string { return personHarmLabels[h] }

// Valid reports whether h is a known degree ("" is not one).
func (h PersonHarm) Valid() bool { _, ok := personHarmLabels[h]; return ok }

// Notifiable reports whether the harm is one arbeidsmiljøloven § 5-2 says
// must be notified at once: a death or a serious injury.
func (h PersonHarm) Notifiable() bool { return h == HarmSerious || h == HarmDeath }

// ViolenceType is the kind of a violence or threat incident.
type ViolenceType string

// Violence types, in display order.
const (
	ViolencePhysical      ViolenceType = "fysisk"
	ViolencePsychological ViolenceType = "psykisk_verbal"
	ViolenceSexual        ViolenceType = "seksuell"
	ViolenceDigital       ViolenceType = "digital"
	ViolenceLatent        ViolenceType = "latent"
)

var violenceTypeLabels = map[ViolenceType]string{
	ViolencePhysical:      "Fysisk",
	ViolencePsychological: "Psykisk/verbal",
	ViolenceSexual:        "Seksuell",
	ViolenceDigital:       "Digital",
	ViolenceLatent:        "Latent trussel",
}

// ViolenceTypes returns all types in display order.
func ViolenceTypes() []ViolenceType {
	return []ViolenceType{ViolencePhysical, ViolencePsychological, ViolenceSexual, ViolenceDigital, ViolenceLatent}
}

// ViolenceTypeLabels returns the labels in display order.
func ViolenceTypeLabels() []string { return enumLabels(ViolenceTypes(), ViolenceType.Label) }

// ViolenceTypeFromLabel maps a label or code back to a type.
func ViolenceTypeFromLabel(s string) (ViolenceType, bool) {
	return enumFromLabel(s, ViolenceTypes(), ViolenceType.Label)
}

// Label is the Norwegian display text.
func (v ViolenceType) Label() string { return violenceTypeLabels[v] }

// Valid reports whether v is a known type.
func (v ViolenceType) Valid() bool { _, ok := violenceTypeLabels[v]; return ok }

// FollowUpOffer is a kind of follow-up offered after an incident.
type FollowUpOffer string

// Follow-up offers, in display order.
const (
	FollowUpConversation FollowUpOffer = "samtale"
	FollowUpDebriefing   FollowUpOffer = "debrifing"
	FollowUpBHT          FollowUpOffer = "bht"
)

var followUpLabels = map[FollowUpOffer]string{
	FollowUpConversation: "Samtale med leder",
	FollowUpDebriefing:   "Debrifing",
	FollowUpBHT:          "Bedriftshelsetjenesten (BHT)",
}

// FollowUpOffers returns all offers in display order.
func FollowUpOffers() []FollowUpOffer {
	return []FollowUpOffer{FollowUpConversation, FollowUpDebriefing, FollowUpBHT}
}

// FollowUpOfferLabels returns the labels in display order.
func FollowUpOfferLabels() []string { return enumLabels(FollowUpOffers(), FollowUpOffer.Label) }

// FollowUpOfferFromLabel maps a label or code back to an offer.
func FollowUpOfferFromLabel(s string) (FollowUpOffer, bool) {
	return enumFromLabel(s, FollowUpOffers(), FollowUpOffer.Label)
}

// Label is the Norwegian display text.
func (f FollowUpOffer) Label() string { return followUpLabels[f] }

// Valid reports whether f is a known offer.
func (f FollowUpOffer) Valid() bool { _, ok := followUpLabels[f]; return ok }
