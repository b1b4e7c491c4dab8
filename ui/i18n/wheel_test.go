package i18n

import (
	"testing"

	"path/filepath"
	"regexp"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
)

var quoted = regexp.MustCompile(`“[^”]*”`)

// TestWheelProofsInEnglish: what the annual wheel says did a duty, and
// the hint for one not done, read in English for every duty of the demo
// unit's years.
func TestWheelProofsInEnglish(t *testing.T) {
	today := model.NewDate(2026, 11, 24)
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, demo.Options{Seed: 1, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	defer Setup(Bokmal)
	years := []model.HMSYear{model.HMSYear(today.Year()) - 2, model.HMSYear(today.Year()) - 1, model.HMSYear(today.Year())}
	es, err := st.ProvenWheels(years, today)
	if err != nil || len(es) == 0 {
		t.Fatalf("wheel: %d entries, %v", len(es), err)
	}
	kinds := map[string]bool{}
	for _, e := range es {
		for _, s := range []string{e.Proof.Text, model.WheelProofHint(e)} {
			if s == "" {
				continue
			}
			// A title in quotes is the unit's own text and stays as typed.
			if left, bad := norwegian(quoted.ReplaceAllString(T(s), "“…”")); bad {
				t.Errorf("not English: %q (left: %q)", T(s), left)
			}
			kinds[string(e.Kind)] = true
		}
	}
	if len(kinds) < 5 {
		t.Errorf("only %d kinds of duty checked", len(kinds))
	}
}
