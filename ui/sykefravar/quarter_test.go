package sykefravar

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
)

// TestQuarterTextEnglish: the screen shows «2026-Q3» in English and
// «2026-K3» in bokmål, and what it shows reads back as the same quarter.
func TestQuarterTextEnglish(t *testing.T) {
	q := model.Quarter{Year: 2026, Q: 3}
	for _, c := range []struct{ lang, want string }{{i18n.English, "2026-Q3"}, {i18n.Bokmal, "2026-K3"}} {
		if err := i18n.Setup(c.lang); err != nil {
			t.Fatal(err)
		}
		got := QuarterText(q)
		if got != c.want {
			t.Errorf("%s: QuarterText = %q, want %q", c.lang, got, c.want)
		}
		if back, err := model.ParseQuarter(got); err != nil || back != q {
			t.Errorf("%s: %q reads back as %v, %v", c.lang, got, back, err)
		}
	}
	i18n.Setup(i18n.Bokmal)
	if got := QuarterText(model.Quarter{}); got != "" {
		t.Errorf("zero quarter shows %q", got)
	}
}
