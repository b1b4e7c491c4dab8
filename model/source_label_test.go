package model

import "testing"

func TestSourceShortLabel(t *testing.T) {
	cases := []struct {
		src  Source
		want string
	}{
		{Source{Kind: SourceManual}, "Manuell"},
		{Source{Kind: SourceSafetyRound, RefLabel: "  "}, "Vernerunde"},
		{Source{Kind: SourceSafetyRound, RefLabel: "Vernerunde 12.03.2025, nr. 9: Er det tid og bemanning til å være to?"}, "Vernerunde 12.03.2025, nr. 9"},
		{Source{Kind: SourceSafetyRound, RefLabel: "Vernerunde 12.03.2025, nr. 9"}, "Vernerunde 12.03.2025, nr. 9"},
		{Source{Kind: SourceMeetingDecision, RefLabel: "Møte 17.11.2025, sak 8: Leder lager en plan"}, "Møte 17.11.2025, sak 8"},
		{Source{Kind: SourceRiskAssessment, RefLabel: "Risikovurdering: Nattarbeid på avdeling B – Alenearbeid"}, "Risikovurdering: Nattarbeid på avdeling B"},
		{Source{Kind: SourceRiskAssessment, RefLabel: "Risikovurdering: Risikovurdering – Korttid og rehabilitering – Sklisikre gulv"}, "Risikovurdering – Korttid og rehabilitering"},
		{Source{Kind: SourceRiskAssessment, RefLabel: "Risikovurdering: Kjøkkenet"}, "Risikovurdering: Kjøkkenet"},
		{Source{Kind: SourceRiskAssessment, RefLabel: "Gammel – etikett"}, "Gammel – etikett"}, // not riskRefLabel's form
		{Source{Kind: SourceDeviation, RefLabel: "Avvik 07.04.2025 Personskade, Avdeling 1"}, "Avvik 07.04.2025 Personskade, Avdeling 1"},
		{Source{Kind: SourceTenFactor, RefLabel: "10-FAKTOR 2024: Mestringsorientert ledelse, innsatsområde"}, "10-FAKTOR 2024: Mestringsorientert ledelse, innsatsområde"},
		{Source{Kind: SourceViolenceThreats, RefLabel: "Vold og trusler: 2. Tiltak"}, "Vold og trusler: 2. Tiltak"},
	}
	for _, c := range cases {
		if got := c.src.ShortLabel(); got != c.want {
			t.Errorf("%+v: ShortLabel() = %q, want %q", c.src, got, c.want)
		}
	}
}
