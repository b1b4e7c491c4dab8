package reports

import "testing"

func TestShownDiffAgreesWithPrintedFigures(t *testing.T) {
	for _, c := range []struct {
		a, b float64
		want string
	}{
		{6.55, 7.64, "−1,0 prosentpoeng"}, // printed 6,6 and 7,6
		{7.04, 6.96, "uendret"},           // printed 7,0 and 7,0
		{7.25, 7.14, "+0,2 prosentpoeng"}, // printed 7,3 and 7,1
	} {
		if got := pointsF(shownDiff(c.a, c.b)); got != c.want {
			t.Errorf("%v − %v: %q, want %q", c.a, c.b, got, c.want)
		}
	}
}
