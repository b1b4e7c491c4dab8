// Package apptheme is the app's Fyne theme: the default look with a chosen
// light/dark variant and one scale factor for text scale and Møtemodus.
package apptheme

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Variant choices stored in the settings.
const (
	VariantSystem = "system"
	VariantLight  = "lys"
	VariantDark   = "mork"
)

// MeetingScale is how much Møtemodus enlarges everything: readable from the
// back of a meeting room on a projector, yet a 1024×768 screen still fits the
// dashboard.
const MeetingScale = 1.5

// Theme wraps Fyne's default theme.
type Theme struct {
	Variant string  // VariantSystem, VariantLight or VariantDark
	Scale   float32 // 1 = normal; text scale × Møtemodus
}

// New returns the theme for a variant, a text scale (1.0 = 100 %) and meeting mode.
func New(variant string, textScale float32, meeting bool) *Theme {
	if textScale <= 0 {
		textScale = 1
	}
	s := textScale
	if meeting {
		s *= MeetingScale
	}
	return &Theme{Variant: variant, Scale: s}
}

var _ fyne.Theme = (*Theme)(nil)

// Color forces the chosen variant; status colours are used by the modules'
// matrices and tables and are tuned to stay readable in both variants (the
// app's palette replaces Fyne's where its default fails the contrast
// limits, see palette.go).
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.Variant {
	case VariantLight:
		v = theme.VariantLight
	case VariantDark:
		v = theme.VariantDark
	}
	if n == theme.ColorNameFocus {
		if v == theme.VariantLight {
			return lightFocusColor
		}
		return focusColor
	}
	if c := paletteColor(n, v); c != nil {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// focusColor marks the widget with the keyboard focus. Fyne's default is
// the primary blue at 16 %, blended over the button: on a blue (high
// importance) button such as «Lagre» the focus cannot be seen at all. An
// amber blend shows on blue, grey and red buttons, checks and menu items
// alike, in both variants; text on it keeps 4:1 or more (menu text on the
// highlighted item: 5.4:1 light, 6:1 dark).
var focusColor = color.NRGBA{R: 0xff, G: 0x98, B: 0x00, A: 0x60}

// lightFocusColor is the light variant's focus blend: a navy shade. Amber
// over the light theme's blue turned a focused «Lagre» slate grey, so the
// default button of a dialog looked disabled beside a red «Forkast». Navy
// darkens every fill in its own hue (blue stays blue, red stays red, grey
// buttons turn blue-grey) and keeps the button texts readable
// (TestFocusKeepsPrimaryHue).
var lightFocusColor = color.NRGBA{R: 0x00, G: 0x1a, B: 0x4d, A: 0x70}

// variant is the variant shown: the chosen one, or v (the system's).
func (t *Theme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.Variant {
	case VariantLight:
		return theme.VariantLight
	case VariantDark:
		return theme.VariantDark
	}
	return v
}

// Font is the default (Noto Sans, which covers æ, ø, å).
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon is the default.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size scales every size, so text, padding and icons grow together.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n) * t.Scale
}
