package apptheme

import (
	"image/color"
	"math"
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

// TestFocusShowsOnPrimaryButton: in the dark variant the amber focus blend
// changes a blue «Lagre» button clearly (Fyne's default blue-on-blue does
// not); the light variant's navy is TestFocusKeepsPrimaryHue's.
func TestFocusShowsOnPrimaryButton(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantDark} {
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

// TestFocusKeepsPrimaryHue: in the light variant a focused «Lagre» (the
// Enter default of «Lagre endringene?») stays blue, darker than unfocused
// so the focus shows, with its white text readable; a focused red button
// stays red and a focused grey one keeps its text readable.
func TestFocusKeepsPrimaryHue(t *testing.T) {
	test.NewTempApp(t)
	th := New(VariantLight, 1, false)
	focus := th.Color(theme.ColorNameFocus, theme.VariantLight)
	for _, c := range []struct{ fill, text fyne.ThemeColorName }{
		{theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary},
		{theme.ColorNameError, theme.ColorNameForegroundOnError},
		{theme.ColorNameButton, theme.ColorNameForeground},
	} {
		fill := th.Color(c.fill, theme.VariantLight)
		focused := Over(focus, fill)
		if r := Contrast(focused, fill); r < 1.4 {
			t.Errorf("%s: focused %v differs %.2f:1 from %v, too little to see", c.fill, focused, r, fill)
		}
		if r := Contrast(th.Color(c.text, theme.VariantLight), focused); r < 4.5 {
			t.Errorf("%s: text on the focused fill %.2f:1", c.fill, r)
		}
		if c.fill == theme.ColorNameButton {
			continue
		}
		if d := hueDistance(hue(toNRGBA(fill)), hue(toNRGBA(focused))); d > 20 {
			t.Errorf("%s: focus turns hue %.0f° into %.0f° (%v)", c.fill, hue(toNRGBA(fill)), hue(toNRGBA(focused)), focused)
		}
	}
}

// hue is the HSV hue in degrees.
func hue(c color.NRGBA) float64 {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	hi, lo := max(r, g, b), min(r, g, b)
	d := hi - lo
	var h float64
	switch {
	case d == 0:
		return 0
	case hi == r:
		h = math.Mod((g-b)/d, 6)
	case hi == g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h
}

func hueDistance(a, b float64) float64 {
	d := math.Abs(a - b)
	return min(d, 360-d)
}

func toNRGBA(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
