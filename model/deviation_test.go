package model

import "testing"

func TestDeviationEnumsRoundTrip(t *testing.T) {
	if n := len(DeviationCategories()); n != 8 {
		t.Errorf("%d categories, the municipal strategy has 8", n)
	}
	for _, c := range DeviationCategories() {
		if got, ok := DeviationCategoryFromLabel(c.Label()); !ok || got != c || !c.Valid() {
			t.Errorf("category %q does not round-trip", c)
		}
	}
	for _, s := range Severities() {
		if got, ok := SeverityFromLabel(s.Label()); !ok || got != s {
			t.Errorf("severity %q does not round-trip", s)
		}
	}
	for _, v := range ViolenceTypes() {
		if got, ok := ViolenceTypeFromLabel(string(v)); !ok || got != v {
			t.Errorf("violence type %q does not round-trip by code", v)
		}
	}
	if DeviationType("x").Valid() || Severity("").Valid() || DeviationStatus("åpen").Valid() {
		t.Error("unknown values accepted")
	}
	if len(DeviationTypes()) != 4 || len(FollowUpOffers()) != 3 || len(DeviationStatuses()) != 3 {
		t.Error("wrong number of types, offers or statuses")
	}
}
