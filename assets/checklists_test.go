package assets

import (
	"strings"
	"testing"

	"hmsutvalg/model"
)

func TestChecklistTemplatesShipped(t *testing.T) {
	ts, err := ChecklistTemplates()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, tmpl := range ts {
		if keys[tmpl.Key] {
			t.Errorf("key %q twice", tmpl.Key)
		}
		keys[tmpl.Key] = true
		if !tmpl.Builtin() {
			t.Errorf("%s is not builtin", tmpl.Key)
		}
		if n := tmpl.QuestionCount(); n < 25 || n > 60 {
			t.Errorf("%s has %d questions; a round should take about an hour", tmpl.Key, n)
		}
		titles := map[string]bool{}
		for _, s := range tmpl.Sections {
			titles[s.Title] = true
		}
		// Every template covers the common topics.
		for _, must := range []string{"Førstehjelp", "Vold"} {
			found := false
			for title := range titles {
				found = found || contains(title, must)
			}
			if !found {
				t.Errorf("%s lacks a section on %s", tmpl.Key, must)
			}
		}
	}
	for _, k := range checklistOrder {
		if !keys[k] {
			t.Errorf("template %q missing", k)
		}
	}
	// Each sector finds a template written for it, or the general one.
	for _, s := range model.Sectors() {
		if got := ChecklistTemplateFor(s); got.Key == "" || !got.ForSector(s) && got.Key != "generell" {
			t.Errorf("sector %s → %q", s, got.Key)
		}
	}
	if ChecklistTemplateFor(model.SectorBarnehage).Key != "barnehage" || ChecklistTemplateFor(model.SectorHjemmetjeneste).Key != "helse_omsorg" {
		t.Error("sector mapping")
	}
	// Callers get their own copy.
	a, _ := ChecklistTemplate("skole")
	a.Sections[0].Questions[0].Text = "endret"
	b, _ := ChecklistTemplate("skole")
	if b.Sections[0].Questions[0].Text == "endret" {
		t.Error("templates share memory between calls")
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// psychosocialFactors are the factors arbeidsmiljøloven § 4-3 names (the
// 2026 (2) examples first, then the older paragraphs), each with words
// that only a question about it contains. Every shipped checklist asks
// about each.
var psychosocialFactors = []struct {
	factor string
	words  []string // all in one question, case-insensitive
}{
	{"uklare eller motstridende krav og forventninger", []string{"forventning", "strid"}},
	{"emosjonelle krav i arbeid med mennesker", []string{"følelsesmessig"}},
	{"arbeidsmengde og tidspress", []string{"arbeidsmengde", "tidspress"}},
	{"støtte og hjelp i arbeidet", []string{"støtte og hjelp"}},
	{"integritet og verdighet", []string{"integritet", "verdighet"}},
	{"kontakt og kommunikasjon med kolleger", []string{"kontakt", "kolleg"}},
	{"trakassering og utilbørlig opptreden", []string{"trakassering"}},
	{"vold og trusler", []string{"vold", "trusler"}},
}

func TestChecklistsCoverPsychosocialFactors(t *testing.T) {
	ts, err := ChecklistTemplates()
	if err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range ts {
		for _, f := range psychosocialFactors {
			found := false
			for _, s := range tmpl.Sections {
				for _, q := range s.Questions {
					found = found || containsAll(strings.ToLower(q.Text), f.words)
				}
			}
			if !found {
				t.Errorf("%s asks nothing about %s (arbeidsmiljøloven § 4-3)", tmpl.Key, f.factor)
			}
		}
	}
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
