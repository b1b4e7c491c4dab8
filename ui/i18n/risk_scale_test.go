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

// TestRiskMatrixDescribeEnglish: the matrix's limits in words, as the
// legend and the settings preview show them.
func TestRiskMatrixDescribeEnglish(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	m := model.DefaultRiskMatrix()
	if got, want := T(m.Describe()), "Low 1–4, medium 5–9, high 10–25 (5×5)"; got != want {
		t.Errorf("%q → %q, want %q", m.Describe(), got, want)
	}
}
