package apptheme

import (
	"testing"

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
