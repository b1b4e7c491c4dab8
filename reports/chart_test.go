package reports

import (
	"math"
	"strings"
	"testing"

	"hmsutvalg/model"
)

func TestChartsRender(t *testing.T) {
	d := testDoc("Diagrammer")
	d.BarChart(BarChart{
		Title: "Avvik per kategori",
		Bars:  []Bar{{Label: "Vold og trusler", Value: 14}, {Label: "Fall", Value: 6, Color: ColorOrange}, {Label: "Tom", Value: math.NaN()}},
		Lines: []RefLine{{Value: 10, Label: "Mål under 10"}, {Value: 3, Label: "Terskel 3"}},
	})
	d.ColumnChart(SeriesChart{
		Title:      "Sykefravær per kvartal",
		Categories: []string{"1. kv. 2026", "2. kv. 2026", "3. kv. 2026", "4. kv. 2026"},
		Series:     []Series{{Name: "Enheten", Values: []float64{9.8, 8.6, math.NaN(), 7.4}}},
		Lines:      []RefLine{{Value: 7, Label: "7 % grense"}, {Value: 10, Label: "10 % alarm"}, {Value: 6.5, Label: "Mål 6,5 %"}},
		Decimals:   1, Unit: " %",
	})
	d.LineChart(SeriesChart{
		Title:      "Utvikling",
		Categories: []string{"K1", "K2", "K3"},
		Series:     []Series{{Name: "Enheten", Values: []float64{3, 4, 5}}, {Name: "Kommunen", Values: []float64{4, 4}}},
		Lines:      []RefLine{{Value: 4.5, Label: "Snitt"}},
	})
	d.Heatmap(Heatmap{Title: "Risikomatrise", Counts: [][]int{{1, 2}, {0, 0, 3}, nil, {0, 0, 0, 0, 7}}})
	path := writePDF(t, d, "diagram.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	for _, want := range []string{
		"Avvik per kategori", "Vold og trusler", "Mål under 10", "Terskel 3", "14",
		"Sykefravær per kvartal", "7 % grense", "10 % alarm", "Mål 6,5 %", "9,8", "7,4", "1. kv. 2026", "Enheten",
		"Utvikling", "Kommunen", "Snitt",
		"Risikomatrise", "Sannsynlighet", "Konsekvens", "Risikonivå", "Høy (10–25)", "Middels (5–9)", "Lav (1–4)", "7",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not found in chart text", want)
		}
	}
}

// TestChartsOddInput: empty, non-finite, negative and huge data.
func TestChartsOddInput(t *testing.T) {
	d := testDoc("Rare diagrammer")
	d.BarChart(BarChart{Title: "Tomt"})
	d.ColumnChart(SeriesChart{Title: "Uten serier", Categories: []string{"A"}})
	d.LineChart(SeriesChart{Title: "Uten kategorier", Series: []Series{{Values: []float64{1}}}})
	d.BarChart(BarChart{Bars: []Bar{{Label: "neg", Value: -5}, {Label: "inf", Value: math.Inf(1)}, {Label: "stor", Value: 1e300}}})
	d.ColumnChart(SeriesChart{Categories: []string{"a", "b"}, Series: []Series{{Values: []float64{-3, 2}}, {Values: []float64{math.Inf(-1)}}, {Values: []float64{1}}},
		Lines: []RefLine{{Value: math.NaN(), Label: "nan"}}, Max: 1, Height: 1e9})
	d.LineChart(SeriesChart{Categories: make([]string, 40), Series: []Series{{Values: []float64{math.NaN(), math.NaN()}}}})
	d.BarChart(BarChart{Title: "Mange", Bars: make([]Bar, 200)})
	d.Heatmap(Heatmap{Matrix: model.RiskMatrix{Size: 50, LowMax: 3}, Counts: [][]int{{-1}}}) // invalid: 5×5 default
	d.Heatmap(Heatmap{Matrix: model.RiskMatrix{Size: 4, LowMax: 7, MediumMax: 2}})           // invalid: 4×4 default
	path := writePDF(t, d, "rare-diagram.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	if n := strings.Count(text, "Ingen data å vise."); n != 3 {
		t.Errorf("%d empty-chart notes, want 3", n)
	}
	if n := strings.Count(text, "Mange (forts.)"); n < 3 {
		t.Errorf("200 bars should continue over several pages, %d continuations", n)
	}
}

func TestScale(t *testing.T) {
	for _, c := range []struct {
		lo, hi, max  float64
		wantHi, step float64
	}{
		{0, 10, 0, 12, 2},
		{0, 9.8, 0, 12, 2},
		{0, 14, 0, 15, 5},
		{0, 100, 0, 120, 20},
		{0, 0.37, 0, 0.4, 0.1},
		{0, 0, 0, 1.2, 0.2},
		{0, 7, 10, 10, 2},
		{-5, 5, 0, 6, 2},
	} {
		s := newScale(c.lo, c.hi, c.max, 6)
		if math.Abs(s.hi-c.wantHi) > 1e-9 || math.Abs(s.step-c.step) > 1e-9 {
			t.Errorf("newScale(%v, %v, %v) = %+v, want hi %v step %v", c.lo, c.hi, c.max, s, c.wantHi, c.step)
		}
		if n := len(s.ticks()); n < 2 || n > 31 {
			t.Errorf("newScale(%v, %v): %d ticks", c.lo, c.hi, n)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), 1e308, -1e308} {
		s := newScale(v, -v, 0, 6)
		if !finite(s.lo) || !finite(s.hi) || s.hi <= s.lo || len(s.ticks()) == 0 {
			t.Errorf("newScale(%v) = %+v", v, s)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		dec  int
		want string
	}{
		{7.4, 1, "7,4"}, {7, 1, "7,0"}, {12345.67, 1, "12 345,7"}, {1234567, 0, "1 234 567"},
		{-0.04, 1, "0,0"}, {-1234.5, 0, "-1 235"}, {0.125, 2, "0,13"}, {999, 0, "999"}, {1000, 0, "1 000"},
		{math.NaN(), 1, "–"}, {math.Inf(-1), 0, "–"}, {5, -1, "5"},
	} {
		if got := FormatNumber(c.v, c.dec); got != c.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", c.v, c.dec, got, c.want)
		}
	}
}

func TestRiskColor(t *testing.T) {
	seen := map[Color]bool{}
	for _, l := range model.RiskLevels() {
		c := RiskColor(l)
		if c.IsZero() || seen[c] {
			t.Errorf("level %q: colour %v missing or shared", l, c)
		}
		seen[c] = true
	}
	if !RiskColor("").IsZero() {
		t.Error("unknown level should have no fill")
	}
}

// TestHeatmapMatrix: levels and legend follow the unit's matrix, here a
// 4×4 with lav 1–3, middels 4–7, høy 8–16.
func TestHeatmapMatrix(t *testing.T) {
	d := testDoc("Matrise")
	d.Heatmap(Heatmap{Matrix: model.DefaultRiskMatrixFor(4), Counts: [][]int{{11}, {}, {}, {0, 0, 0, 44}}})
	path := writePDF(t, d, "matrise4.pdf")
	text := pdfText(t, path)
	for _, want := range []string{"Høy (8–16)", "Middels (4–7)", "Lav (1–3)", "11", "44", "Sannsynlighet", "Konsekvens"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not found:\n%s", want, text)
		}
	}
	if strings.Contains(text, "5") {
		t.Error("a 4×4 matrix should have no tick 5")
	}
}
