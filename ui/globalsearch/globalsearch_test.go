package globalsearch

import (
	"testing"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
)

// TestRowTextTellsHitsApart: two measures with the same title show
// different second lines, with number, deadline and status in the chosen
// language.
func TestRowTextTellsHitsApart(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	data := model.SearchData{Measures: []model.Measure{
		{ID: 41, Title: "Kurs i håndtering av utagerende atferd", Deadline: model.NewDate(2026, time.March, 1), Status: model.StatusPagar},
		{ID: 52, Title: "Kurs i håndtering av utagerende atferd", Status: model.StatusPlanlagt},
	}}
	hits := model.SearchAll(data, "kurs", false)
	if len(hits) != 2 {
		t.Fatalf("%d hits", len(hits))
	}
	_, a := RowText(hits[0])
	_, b := RowText(hits[1])
	if a == b {
		t.Errorf("both hits read %q", a)
	}
	if want := "Measure no. 41 · Deadline 01.03.2026 · In progress"; len(a) < len(want) || a[:len(want)] != want {
		t.Errorf("second line %q, want it to start with %q", a, want)
	}
}
