package oversikt

import (
	"testing"

	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/uitest"
)

// TestUnitAndCommitteeCardsEnglish: the unit's sector and the members'
// roles on Oversikt are in English (they said «Sykehjem», «Leder»).
func TestUnitAndCommitteeCardsEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	env, _, _ := uitest.NewEnv(t, false)
	unit, committee := unitCard(env), committeeCard(env)
	for _, bad := range []string{"Sykehjem", "sykehjem"} {
		if uitest.HasText(unit, bad) {
			t.Errorf("unit card says %q: %v", bad, uitest.Texts(unit))
		}
	}
	if !uitest.HasText(unit, "Nursing home") {
		t.Errorf("unit card: %v", uitest.Texts(unit))
	}
	for _, bad := range []string{"Leder:", "Verneombud:", "Tillitsvalgt:"} {
		if uitest.HasText(committee, bad) {
			t.Errorf("committee card says %q: %v", bad, uitest.Texts(committee))
		}
	}
}
