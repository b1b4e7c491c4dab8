package apptheme

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// WCAG 2.2 AA limits.
const (
	minText    = 4.5 // normal text
	minGraphic = 3.0 // large text and chart elements
)

func TestContrastRatio(t *testing.T) {
	cases := []struct {
		a, b color.Color
		want float64
	}{
		{color.White, color.Black, 21},
		{color.Black, color.Black, 1},
		{rgb(0x39393a), rgb(0x171718), 1.55}, // Fyne's dark disabled text: the bug
		{rgb(0x43f436), color.White, 1.48},   // Fyne's light success green
		{rgb(0x767676), color.White, 4.54},   // the classic 4.5:1 grey
	}
	for _, c := range cases {
		got := Contrast(c.a, c.b)
		if d := got - c.want; d > 0.01 || d < -0.01 {
			t.Errorf("Contrast(%v, %v) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
	if got := Over(color.NRGBA{A: 0x80}, color.White); Contrast(got, rgb(0x808080)) > 1.02 {
		t.Errorf("half-transparent black over white = %v, want grey", got)
	}
}

// textColours are the colours the app draws text in: labels of every
// Importance (Low = disabled, used for closed rows and hints; High =
// primary; Danger, Warning, Success), placeholders and hyperlinks.
var textColours = []fyne.ThemeColorName{
	theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
	theme.ColorNamePrimary, theme.ColorNameHyperlink,
	theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess,
}

// surfaces are what text sits on: the page, entries, table headers,
// menus, dialogs, buttons.
var surfaces = []fyne.ThemeColorName{
	theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameHeaderBackground,
	theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground, theme.ColorNameButton,
	theme.ColorNameDisabledButton,
}

// onFills are the texts of High/Danger/Success/Warning buttons on their fill.
var onFills = [][2]fyne.ThemeColorName{
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
	{theme.ColorNameForegroundOnError, theme.ColorNameError},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
}

// chartText are chart colours also used for a label drawn in that colour.
var chartText = map[fyne.ThemeColorName]bool{ChartTarget: true, ChartIdeal: true}

// TestContrast checks every text colour on every surface (also a selected
// or hovered list row), button texts on their fills, and chart colours on
// the page, in both variants and in Møtemodus.
func TestContrast(t *testing.T) {
	test.NewTempApp(t)
	for _, variant := range []string{VariantLight, VariantDark} {
		for _, meeting := range []bool{false, true} {
			th := New(variant, 1, meeting)
			name := fmt.Sprintf("%s/møtemodus=%v", variant, meeting)
			checkTextOnSurfaces(t, name, th)
			checkOnFills(t, name, th)
			checkCharts(t, name, th)
			checkOutlines(t, name, th)
		}
	}
}

func colour(th fyne.Theme, n fyne.ThemeColorName) color.Color {
	return th.Color(n, theme.VariantDark) // the variant is forced by th
}

func check(t *testing.T, name string, fg, bg fyne.ThemeColorName, c1, c2 color.Color, limit float64) {
	t.Helper()
	if r := Contrast(c1, c2); r < limit {
		t.Errorf("%s: %s %v on %s %v is %.2f:1, want at least %.1f:1", name, fg, c1, bg, c2, r, limit)
	}
}

func checkTextOnSurfaces(t *testing.T, name string, th fyne.Theme) {
	bg := colour(th, theme.ColorNameBackground)
	rows := map[fyne.ThemeColorName]color.Color{
		"selected row": Over(colour(th, theme.ColorNameSelection), bg),
		"hovered row":  Over(colour(th, theme.ColorNameHover), bg),
	}
	for _, s := range surfaces {
		rows[s] = Over(colour(th, s), bg)
	}
	for _, fg := range textColours {
		for s, c := range rows {
			check(t, name, fg, s, colour(th, fg), c, minText)
		}
	}
}

func checkOnFills(t *testing.T, name string, th fyne.Theme) {
	for _, p := range onFills {
		check(t, name, p[0], p[1], colour(th, p[0]), colour(th, p[1]), minText)
	}
}

func checkCharts(t *testing.T, name string, th fyne.Theme) {
	bg := colour(th, theme.ColorNameBackground)
	for _, n := range ChartNames {
		c := colour(th, n)
		if c == nil {
			t.Errorf("%s: chart colour %s missing", name, n)
			continue
		}
		limit := minGraphic
		if chartText[n] {
			limit = minText
		}
		check(t, name, n, theme.ColorNameBackground, c, bg, limit)
	}
}

// TestChartColorFollowsVariant: a chart drawn under the app's light theme
// gets the light palette, under the dark one the dark palette.
func TestChartColorFollowsVariant(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(New(VariantLight, 1, false))
	light := ChartColor(ChartSeries)
	a.Settings().SetTheme(New(VariantDark, 1, false))
	dark := ChartColor(ChartSeries)
	if light == dark {
		t.Fatalf("light and dark chart series colour are both %v", light)
	}
	if light != lightChart[ChartSeries] || dark != darkChart[ChartSeries] {
		t.Errorf("ChartColor gave %v / %v", light, dark)
	}
}

// checkOutlines: the outline of an unselected radio button or check (and
// of an entry) shows on the page, in an entry's background and in a
// dialog, 3:1 (WCAG 1.4.11).
func checkOutlines(t *testing.T, name string, th fyne.Theme) {
	bg := colour(th, theme.ColorNameBackground)
	for _, s := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameOverlayBackground} {
		check(t, name, theme.ColorNameInputBorder, s, colour(th, theme.ColorNameInputBorder), Over(colour(th, s), bg), minGraphic)
	}
}
