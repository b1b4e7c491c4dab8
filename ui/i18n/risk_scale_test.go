package i18n

import (
	"testing"

	"hmsutvalg/model"
)

// TestRiskScalesEnglish: the risk scales' steps as the risk item and the
// violence mapping offer them, and each level's guidance, have English
// (the selects and the risk line were in bokmål on an English screen).
func TestRiskScalesEnglish(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	var texts []string
	for _, size := range []int{4, 5} {
		for n := 1; n <= size; n++ {
			texts = append(texts, model.ProbabilityDescription(size, n), model.ConsequenceDescription(size, n))
		}
	}
	for _, l := range model.RiskLevels() {
		texts = append(texts, l.Guidance())
	}
	for _, s := range texts {
		if !Translated(s) {
			t.Errorf("no English for %q", s)
			continue
		}
		if w, ok := norwegian(T(s)); ok {
			t.Errorf("%q → %q is Norwegian (%s)", s, T(s), w)
		}
	}
}
