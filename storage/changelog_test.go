package storage

import "testing"

// A status change logged with the old arrow wording reads as the new one;
// other summaries are left as they are.
func TestLegacyStatusSummary(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Endret status for tiltak «Rydd lager»: planlagt → utført (utført 05.12.2026)", "Endret status for tiltak «Rydd lager» fra planlagt til utført (utført 05.12.2026)"},
		{"Endret status for avvik «12.03.2026 Personskade»: registrert → lukket (lukket 13.03.2026 av Kari)", "Endret status for avvik «12.03.2026 Personskade» fra registrert til lukket (lukket 13.03.2026 av Kari)"},
		{"Endret status for tiltak «A» fra planlagt til utført", "Endret status for tiltak «A» fra planlagt til utført"},
		{"Lagret tiltak «Bytt lys → LED»", "Lagret tiltak «Bytt lys → LED»"},
		{"", ""},
	} {
		if got := legacyStatusSummary(c.in); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}
