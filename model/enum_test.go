package model

import (
	"strings"
	"testing"
)

// checkEnum tests the common enum API: list order, codes, labels, Valid,
// the labels list and FromLabel (by label, by code, case and spaces
// ignored, unknown refused).
func checkEnum[T ~string](t *testing.T, all []T, codes, labels []string, label func(T) string,
	valid func(T) bool, labelsFn func() []string, fromLabel func(string) (T, bool)) {
	t.Helper()
	if len(all) != len(codes) || len(all) != len(labels) {
		t.Fatalf("got %d values, want %d", len(all), len(codes))
	}
	for i, v := range all {
		if string(v) != codes[i] || label(v) != labels[i] || !valid(v) {
			t.Errorf("%d: %q %q valid=%v, want %q %q", i, v, label(v), valid(v), codes[i], labels[i])
		}
		for _, in := range []string{labels[i], codes[i], " " + strings.ToUpper(labels[i]) + " "} {
			if got, ok := fromLabel(in); !ok || got != v {
				t.Errorf("FromLabel(%q) = %q, %v", in, got, ok)
			}
		}
		if strings.ToLower(codes[i]) != codes[i] || strings.ContainsFunc(codes[i], func(r rune) bool { return r > 127 || r == ' ' }) {
			t.Errorf("code %q must be lower-case ASCII without spaces", codes[i])
		}
	}
	if strings.Join(labelsFn(), "|") != strings.Join(labels, "|") {
		t.Errorf("labels = %v", labelsFn())
	}
	for _, bad := range []T{"", "ukjent"} {
		if valid(bad) || label(bad) != "" {
			t.Errorf("%q must be invalid with no label", bad)
		}
	}
	if _, ok := fromLabel("Ukjent verdi"); ok {
		t.Error("unknown label accepted")
	}
}

func TestEnums(t *testing.T) {
	t.Run("Status", func(t *testing.T) {
		checkEnum(t, Statuses(),
			[]string{"planlagt", "pagar", "utsatt", "utfort", "evaluert", "avvist"},
			[]string{"Planlagt", "Pågår", "Utsatt", "Utført", "Evaluert", "Avvist"},
			Status.Label, Status.Valid, StatusLabels, StatusFromLabel)
	})
	t.Run("SourceKind", func(t *testing.T) {
		checkEnum(t, SourceKinds(),
			[]string{"manuell", "risikovurdering", "vold_og_trusler", "tifaktor", "avvik", "vernerunde", "motevedtak", "sykefravaer"},
			[]string{"Manuell", "Risikovurdering", "Vold og trusler", "10-FAKTOR", "Avvik", "Vernerunde", "Møtevedtak", "Sykefravær"},
			SourceKind.Label, SourceKind.Valid, SourceKindLabels, SourceKindFromLabel)
	})
	t.Run("PriorityArea", func(t *testing.T) {
		checkEnum(t, PriorityAreas(),
			[]string{"ledelse", "helsefremmende", "forebyggende_sykefravaer", "oppfolgende_sykefravaer"},
			[]string{"Ledelse", "Helsefremmende arbeid", "Forebyggende sykefraværsarbeid", "Oppfølgende sykefraværsarbeid"},
			PriorityArea.Label, PriorityArea.Valid, PriorityAreaLabels, PriorityAreaFromLabel)
	})
	t.Run("MeasureSortKey", func(t *testing.T) {
		checkEnum(t, MeasureSortKeys(),
			[]string{"deadline", "status", "title", "responsible", "priority_area", "created"},
			[]string{"Frist", "Status", "Tittel", "Ansvarlig", "Prioritert område", "Opprettet"},
			MeasureSortKey.Label, MeasureSortKey.Valid, MeasureSortKeyLabels, MeasureSortKeyFromLabel)
	})
	t.Run("HMSCategory", func(t *testing.T) {
		checkEnum(t, HMSCategories(),
			[]string{"fysisk_kjemisk_biologisk", "ergonomi", "psykososialt", "ulykker_brann", "vold_trusler", "annet"},
			[]string{"Fysisk/kjemisk/biologisk", "Ergonomi og belastning", "Psykososialt og organisatorisk", "Ulykker og brann", "Vold og trusler", "Annet"},
			HMSCategory.Label, HMSCategory.Valid, HMSCategoryLabels, HMSCategoryFromLabel)
	})
	t.Run("AssessmentKind", func(t *testing.T) {
		checkEnum(t, AssessmentKinds(),
			[]string{"ordinaer", "endringsprosess", "gravid"},
			[]string{"Ordinær", "Før endringsprosess (konsekvensvurdering)", "Gravid arbeidstaker"},
			AssessmentKind.Label, AssessmentKind.Valid, AssessmentKindLabels, AssessmentKindFromLabel)
	})
	t.Run("AssessmentStatus", func(t *testing.T) {
		checkEnum(t, AssessmentStatuses(),
			[]string{"utkast", "pagar", "ferdig"},
			[]string{"Utkast", "Pågår", "Ferdig"},
			AssessmentStatus.Label, AssessmentStatus.Valid, AssessmentStatusLabels, AssessmentStatusFromLabel)
	})
	t.Run("RiskLevel", func(t *testing.T) {
		checkEnum(t, RiskLevels(),
			[]string{"lav", "middels", "hoy"},
			[]string{"Lav", "Middels", "Høy"},
			RiskLevel.Label, RiskLevel.Valid, RiskLevelLabels, RiskLevelFromLabel)
	})
}
