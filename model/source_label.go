package model

import "strings"

// ShortLabel names the record a measure came from, for a "Kilde" column:
// RefLabel without the text of the finding or decision it may end with,
// which is mostly the measure's own text again. "Vernerunde 12.03.2025,
// nr. 9", "Møte 18.02.2025, sak 4", "Risikovurdering: Nattarbeid" (the
// assessment, without the hazard); other sources' RefLabel as it is
// ("Avvik 07.04.2025 Personskade, Avdeling 1", "10-FAKTOR 2024:
// Mestringsorientert ledelse", "Vold og trusler: 2. Tiltak"). With no
// RefLabel it is the kind's label.
func (s Source) ShortLabel() string {
	l := strings.TrimSpace(s.RefLabel)
	if l == "" {
		return s.Kind.Label()
	}
	switch s.Kind {
	case SourceSafetyRound, SourceMeetingDecision:
		// roundRefLabel and DecisionRefLabel: "<record>: <text>".
		if head, _, ok := strings.Cut(l, ": "); ok {
			return head
		}
	case SourceRiskAssessment:
		// riskRefLabel: "Risikovurdering: <title> – <hazard>".
		if i := strings.LastIndex(l, " – "); i > 0 && strings.Contains(l[:i], ": ") {
			l = l[:i]
		}
		// A title that says it is a risk assessment is enough alone.
		if rest, ok := strings.CutPrefix(l, sourceKindLabels[SourceRiskAssessment]+": "); ok &&
			strings.HasPrefix(strings.ToLower(rest), "risikovurdering") {
			return rest
		}
	}
	return l
}

// DeviationRef is the parts of a measure's stored deviation label
// («Avvik 21.12.2023 Vold og trusler, Avdeling 2», NewMeasureFromDeviation):
// the date, the category and the place (possibly cut short with «…»), so a
// screen in another language can say it in its own words. ok is false
// when s is not from a deviation or its label has another shape.
func (s Source) DeviationRef() (date Date, cat DeviationCategory, place string, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(s.RefLabel), "Avvik ")
	if s.Kind != SourceDeviation || !found {
		return Date{}, "", "", false
	}
	ds, rest, _ := strings.Cut(rest, " ")
	date, err := ParseDate(ds)
	if err != nil {
		return Date{}, "", "", false
	}
	for _, c := range DeviationCategories() {
		after, found := strings.CutPrefix(rest, c.Label())
		if !found {
			continue
		}
		if after == "" {
			return date, c, "", true
		}
		if p, found := strings.CutPrefix(after, ", "); found {
			return date, c, p, true
		}
	}
	return Date{}, "", "", false
}
