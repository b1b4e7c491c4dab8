package apptheme

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The app's own colours where Fyne's defaults fail WCAG 2.2 AA on their
// background: dark-theme disabled text (#39393A on #171718 is 1.6:1),
// light-theme status colours (green text 1.5:1, orange 2.2:1) and white
// text on light primary and status fills. Every pair is checked by
// TestContrast; change a colour here and the test says whether it still
// reads. Focus is left to Fyne's default (and to whoever tunes it).

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

var darkColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameDisabled:            rgb(0x9a9a9c),
	theme.ColorNamePrimary:             rgb(0x6fa8ff),
	theme.ColorNameHyperlink:           rgb(0x6fa8ff),
	theme.ColorNameForegroundOnPrimary: rgb(0x171718),
	theme.ColorNameError:               rgb(0xff6e60),
	theme.ColorNameForegroundOnError:   rgb(0x171718),
	// The outline of radio buttons, checks and entries (Fyne's #39393A is
	// 1.6:1 on the page).
	theme.ColorNameInputBorder: rgb(0x8c8c8e),
}

var lightColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameForeground:          rgb(0x202020),
	theme.ColorNameDisabled:            rgb(0x5e5e5e),
	theme.ColorNamePlaceHolder:         rgb(0x5e5e5e),
	theme.ColorNamePrimary:             rgb(0x0d5bb5),
	theme.ColorNameHyperlink:           rgb(0x0d5bb5),
	theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
	theme.ColorNameError:               rgb(0xb71c1c),
	theme.ColorNameForegroundOnError:   rgb(0xffffff),
	theme.ColorNameSuccess:             rgb(0x17701a),
	theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
	theme.ColorNameWarning:             rgb(0x8f4700),
	theme.ColorNameForegroundOnWarning: rgb(0xffffff),
	// The outline of radio buttons, checks and entries: Fyne's #E3E3E3 is
	// 1.3:1 on white, an unselected radio button could not be seen.
	theme.ColorNameInputBorder: rgb(0x767676),
	// A lighter selection than Fyne's, so status texts stay readable on a
	// selected row.
	theme.ColorNameSelection: color.NRGBA{R: 0x29, G: 0x6f, B: 0xf6, A: 0x26},
}

// Chart colours, by role. Bars and lines need 3:1 against the background,
// labels drawn in a chart colour (ChartTarget, ChartIdeal) 4.5:1.
const (
	ChartSeries   fyne.ThemeColorName = "hms-chart-series"   // the unit, closed deviations
	ChartSeries2  fyne.ThemeColorName = "hms-chart-series2"  // open deviations, the municipality
	ChartOlder    fyne.ThemeColorName = "hms-chart-older"    // the round before last
	ChartOld      fyne.ThemeColorName = "hms-chart-old"      // the previous round
	ChartTarget   fyne.ThemeColorName = "hms-chart-target"   // a target line and its label
	ChartIdeal    fyne.ThemeColorName = "hms-chart-ideal"    // an ideal line and its label
	ChartNeutral  fyne.ThemeColorName = "hms-chart-neutral"  // national comparison
	ChartAccent   fyne.ThemeColorName = "hms-chart-accent"   // unit-type comparison
	ChartWarnFill fyne.ThemeColorName = "hms-chart-warnfill" // a bar over its limit
)

// ChartNames lists the chart colours (for the contrast test).
var ChartNames = []fyne.ThemeColorName{ChartSeries, ChartSeries2, ChartOlder, ChartOld, ChartTarget, ChartIdeal, ChartNeutral, ChartAccent, ChartWarnFill}

var darkChart = map[fyne.ThemeColorName]color.Color{
	ChartSeries:   rgb(0x6fa8ff),
	ChartSeries2:  rgb(0xe08a2e),
	ChartOlder:    rgb(0x4a78b8),
	ChartOld:      rgb(0x5a86c4),
	ChartTarget:   rgb(0xff6e60),
	ChartIdeal:    rgb(0x2a9d8f),
	ChartNeutral:  rgb(0xa0a0a0),
	ChartAccent:   rgb(0xb07cd0),
	ChartWarnFill: rgb(0xe06c3c),
}

var lightChart = map[fyne.ThemeColorName]color.Color{
	ChartSeries:   rgb(0x2f5d9b),
	ChartSeries2:  rgb(0xb35c00),
	ChartOlder:    rgb(0x7a94bb),
	ChartOld:      rgb(0x56779f),
	ChartTarget:   rgb(0xc0392b),
	ChartIdeal:    rgb(0x1e7267),
	ChartNeutral:  rgb(0x555555),
	ChartAccent:   rgb(0x8e44ad),
	ChartWarnFill: rgb(0xb84a1e),
}

// paletteColor is the app's colour for n in variant v, or nil where Fyne's
// default is kept.
func paletteColor(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		if c, ok := lightColors[n]; ok {
			return c
		}
		return lightChart[n]
	}
	if c, ok := darkColors[n]; ok {
		return c
	}
	return darkChart[n]
}

// ChartColor is a chart colour for the app's current theme and variant.
// Under another theme (a test's) it still gives the app's colour for that
// variant, so charts never draw in a missing colour.
func ChartColor(n fyne.ThemeColorName) color.Color {
	a := fyne.CurrentApp()
	v := theme.VariantDark
	if a != nil {
		v = a.Settings().ThemeVariant()
		if t, ok := a.Settings().Theme().(*Theme); ok {
			v = t.variant(v)
		}
	}
	return paletteColor(n, v)
}

// Contrast is the WCAG 2.2 contrast ratio of two opaque colours (1–21).
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return 0.2126*channel(r) + 0.7152*channel(g) + 0.0722*channel(b)
}

func channel(v uint32) float64 {
	s := float64(v) / 0xffff
	if s <= 0.03928 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

// Over blends fg (which may be translucent) over an opaque bg.
func Over(fg, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 0xff
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}
