package reports

import (
	"math"
	"strconv"
	"strings"

	"hmsutvalg/model"
)

// Color is an RGB colour. The zero value (black) means "no colour" wherever
// a fill is optional: nobody fills a table cell or bar with black.
type Color struct{ R, G, B uint8 }

// IsZero reports whether c is the zero value, i.e. unset.
func (c Color) IsZero() bool { return c == Color{} }

// Colours used by the building blocks. Fills are light enough for black
// text on top.
var (
	ColorBlue   = Color{0x2F, 0x5D, 0x9B} // default bars and columns
	ColorOrange = Color{0xE0, 0x8A, 0x2E}
	ColorGrey   = Color{0x8C, 0x95, 0xA1}
	ColorTeal   = Color{0x2A, 0x9D, 0x8F}
	ColorRed    = Color{0xC0, 0x39, 0x2B} // default reference lines

	ColorGreenFill  = Color{0xB7, 0xE1, 0xB0}
	ColorYellowFill = Color{0xFF, 0xE3, 0x8A}
	ColorRedFill    = Color{0xF5, 0xA3, 0x9B}
)

// Colours of the page itself.
var (
	colorText   = Color{0x1E, 0x23, 0x2B}
	colorMuted  = Color{0x5F, 0x67, 0x73}
	colorAccent = Color{0x1F, 0x3A, 0x5F} // headings, table header
	colorRule   = Color{0xC5, 0xCC, 0xD6}
	colorGrid   = Color{0xE1, 0xE5, 0xEB}
	colorZebra  = Color{0xF4, 0xF6, 0xF9}
	colorNote   = Color{0xF1, 0xF3, 0xF6}
	colorWhite  = Color{0xFF, 0xFF, 0xFF}
)

// seriesColors are used in turn for series without a colour of their own.
var seriesColors = []Color{ColorBlue, ColorOrange, ColorTeal, ColorGrey}

// RiskColor returns the fill for a risk level: green, yellow, red, or
// zero (no fill) for an unknown level. Always print the level's word or
// letter as well, so that colour is never the only signal.
func RiskColor(l model.RiskLevel) Color {
	switch l {
	case model.RiskLow:
		return ColorGreenFill
	case model.RiskMedium:
		return ColorYellowFill
	case model.RiskHigh:
		return ColorRedFill
	}
	return Color{}
}

// FormatNumber formats v the Norwegian way: decimal comma and a space
// between thousands ("12 345,6"). NaN and infinities give "–".
func FormatNumber(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if decimals < 0 {
		decimals = 0
	}
	if decimals > 6 {
		decimals = 6
	}
	// Half away from zero, as model.Percent and people do; FormatFloat
	// alone rounds 0,125 to "0,12".
	if p := math.Pow(10, float64(decimals)); math.Abs(v*p) < 1e15 {
		v = math.Round(v*p) / p
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" { // no "-0"
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}
