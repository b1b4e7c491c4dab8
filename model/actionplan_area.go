package model

// DefaultPriorityArea is the priority area a measure made from a record of
// kind k starts with, where the municipal strategy places that work: risk
// mapping, violence and threats and deviations under forebyggende
// sykefraværsarbeid; safety rounds and the committee's decisions under
// helsefremmende arbeid (the working environment); the employee survey
// (10-FAKTOR) under ledelse; sick-leave follow-up under oppfølgende
// sykefraværsarbeid. A manual measure (or an unknown kind) has none: the
// user chooses. The user can always change it.
func DefaultPriorityArea(k SourceKind) PriorityArea {
	switch k {
	case SourceRiskAssessment, SourceViolenceThreats, SourceDeviation:
		return AreaPreventiveAbsence
	case SourceSafetyRound, SourceMeetingDecision:
		return AreaHealthPromotion
	case SourceTenFactor:
		return AreaLeadership
	case SourceSickLeave:
		return AreaFollowUpAbsence
	}
	return ""
}
