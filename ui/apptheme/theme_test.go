package apptheme

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestScaleAndMeetingMode(t *testing.T) {
	test.NewTempApp(t)
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	cases := []struct {
		name    string
		scale   float32
		meeting bool
		want    float32
	}{
		{"normal", 1, false, base},
		{"zero scale means normal", 0, false, base},
		{"meeting mode", 1, true, base * MeetingScale},
		{"larger text and meeting", 1.2, true, base * 1.2 * MeetingScale},
	}
	for _, c := range cases {
		got := New(VariantSystem, c.scale, c.meeting).Size(theme.SizeNameText)
		if got != c.want {
			t.Errorf("%s: text size %v, want %v", c.name, got, c.want)
		}
	}
}

func TestVariantForced(t *testing.T) {
	test.NewTempApp(t)
	dark := New(VariantDark, 1, false).Color(theme.ColorNameBackground, theme.VariantLight)
	light := New(VariantLight, 1, false).Color(theme.ColorNameBackground, theme.VariantDark)
	if dark == light {
		t.Fatalf("dark and light backgrounds are equal: %v", dark)
	}
	if want := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); dark != want {
		t.Errorf("forced dark gave %v, want %v", dark, want)
	}
}

// TestFocusShowsOnPrimaryButton: the focus blend changes a blue «Lagre»
// button clearly (Fyne's default blue-on-blue does not).
func TestFocusShowsOnPrimaryButton(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := New(VariantSystem, 1, false)
		p := toNRGBA(th.Color(theme.ColorNamePrimary, v))
		f := toNRGBA(th.Color(theme.ColorNameFocus, v))
		a := float64(f.A) / 255
		blend := func(under, over uint8) float64 { return float64(under)*(1-a) + float64(over)*a }
		diff := abs(blend(p.R, f.R)-float64(p.R)) + abs(blend(p.G, f.G)-float64(p.G)) + abs(blend(p.B, f.B)-float64(p.B))
		if diff < 120 {
			t.Errorf("variant %v: focused primary button differs by %.0f (sum of RGB), too little to see", v, diff)
		}
	}
}

func toNRGBA(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
