package risiko

import (
	"strings"
	"testing"

	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/uitest"
)

// TestRiskItemEnglish: the scale steps, the risk line with its level and
// guidance, and the item's row say it in English (they were bokmål).
func TestRiskItemEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	item := items[0]
	s.Open(item.AssessmentID, item.ID)
	ed := s.Detail.Item
	for _, o := range append(ed.P.Options, ed.C.Options...) {
		if strings.ContainsAny(o, "æøå") || strings.Contains(o, "sannsynlig") || strings.Contains(o, "alvorlig") {
			t.Errorf("scale step in bokmål: %q", o)
		}
	}
	if got := ed.Risk.Text; strings.Contains(got, "Høy") || strings.Contains(got, "Middels") || strings.Contains(got, "Lav ") ||
		strings.Contains(got, "risiko") || strings.Contains(got, "Tiltak") {
		t.Errorf("risk line %q", got)
	}
	if got := s.Detail.ItemText(item); strings.Contains(got, "Høy") || strings.Contains(got, "Middels") || strings.Contains(got, " Lav") {
		t.Errorf("item row %q", got)
	}
}

// TestMatrixLegendEnglish: the matrix legend's limits name the levels in
// English («Low 1–4, medium 5–9 …», not «Lav 1–4, middels …»).
func TestMatrixLegendEnglish(t *testing.T) {
	if err := i18n.Setup(i18n.English); err != nil {
		t.Fatal(err)
	}
	defer i18n.Setup(i18n.Bokmal)
	env, w, st := uitest.NewEnv(t, false)
	s := New(env)
	w.SetContent(s.Content())
	items, _ := st.AllRiskItems()
	s.Open(items[0].AssessmentID, 0)
	if s.Detail == nil {
		t.Fatal("assessment not opened")
	}
	c := s.Detail.Content()
	if uitest.HasText(c, "Lav 1–") || uitest.HasText(c, "middels") || !uitest.HasText(c, "Low 1–") {
		t.Errorf("legend in bokmål: %v", uitest.Texts(c))
	}
}
