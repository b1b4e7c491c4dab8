package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Percent is a percentage in hundredths of a percentage point (740 = 7,40 %).
// Fixed point makes targets like "under 7,0 %" compare exactly, which
// float64 cannot promise.
type Percent int64

// ParsePercent parses a user-entered percentage for the field "Prosent".
func ParsePercent(s string) (Percent, error) { return ParsePercentField("Prosent", s) }

// ParsePercentField parses "7,4", "7.4", "7,4 %", "7" and the like: at most
// two decimals, 0 to 100. A separator without decimals ("7,") is refused,
// never read silently as 7. Errors are *FieldError naming field.
func ParsePercentField(field, s string) (Percent, error) {
	bad := &FieldError{Field: field, Message: field + " må være et tall fra 0 til 100 med desimalkomma, for eksempel 7,4"}
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		s = strings.TrimSpace(rest)
	}
	intPart, frac, hasSep := strings.Cut(s, ",")
	if !hasSep {
		intPart, frac, hasSep = strings.Cut(s, ".")
	}
	if !allDigits(intPart) || (frac != "" && !allDigits(frac)) {
		return 0, bad
	}
	if hasSep && frac == "" {
		// "7," is most likely 7,x with the decimal lost: refuse rather than
		// read it silently as 7.
		n := strings.TrimLeft(intPart, "0")
		if n == "" {
			n = "0"
		}
		return 0, &FieldError{Field: field, Message: fmt.Sprintf("%s mangler sifrene etter kommaet i «%s». Skriv for eksempel %s eller %s,5.", field, s, n, n)}
	}
	if len(frac) > 2 {
		return 0, &FieldError{Field: field, Message: field + " kan ha høyst to desimaler, for eksempel 7,45"}
	}
	// Leading zeros are harmless ("07,40"); strip them so a long run of them
	// cannot overflow the conversion below.
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 3 {
		return 0, bad
	}
	whole := 0
	if intPart != "" {
		whole = atoi(intPart)
	}
	hundredths := 0
	if frac != "" {
		hundredths = atoi(frac)
		if len(frac) == 1 {
			hundredths *= 10
		}
	}
	p := Percent(whole*100 + hundredths)
	if p < 0 || p > 100*100 {
		return 0, bad
	}
	return p, nil
}

// PercentFromFloat converts a computed percentage (e.g. 7.4) to Percent,
// rounding half away from zero. NaN gives 0; infinities saturate.
func PercentFromFloat(f float64) Percent {
	switch {
	case math.IsNaN(f):
		return 0
	case f*100 >= math.MaxInt64:
		return math.MaxInt64
	case f*100 <= math.MinInt64:
		return math.MinInt64
	}
	return Percent(math.Round(f * 100))
}

// Float returns the percentage as a float (740 → 7.4), for charts.
func (p Percent) Float() float64 { return float64(p) / 100 }

// String formats with one decimal, rounded half up: "7,4 %", "10,0 %".
func (p Percent) String() string { return p.Format(1) }

// Exact is the percentage with one decimal, or two when the second is
// not zero ("7,45 %"): what reports print, so a figure rounded in one
// place never disagrees with the same figure in another.
func (p Percent) Exact() string {
	if p%10 != 0 {
		return p.Format(2)
	}
	return p.String()
}

// Format formats with the given number of decimals and a percent sign:
// Format(2) of 740 is "7,40 %".
func (p Percent) Format(decimals int) string { return p.Number(decimals) + " %" }

// Number formats like Format but without the percent sign, for entry
// fields: Number(1) of 740 is "7,4". Rounds half away from zero.
func (p Percent) Number(decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	neg := p < 0
	// uint64 so that the most negative value has a magnitude.
	abs := uint64(p)
	if neg {
		abs = -abs
	}
	scale := uint64(1) // 10^decimals, capped at the two stored decimals
	if decimals < 2 {
		div := uint64(100)
		if decimals == 1 {
			div = 10
		}
		abs = abs/div + (abs%div*2)/div // add 1 when the remainder is at least half
		for i := 0; i < decimals; i++ {
			scale *= 10
		}
	} else {
		scale = 100
	}
	s := strconv.FormatUint(abs/scale, 10)
	if decimals > 0 {
		frac := strconv.FormatUint(abs%scale, 10)
		if scale == 100 && len(frac) < 2 {
			frac = "0" + frac
		}
		if decimals > 2 {
			frac += strings.Repeat("0", decimals-2)
		}
		s += "," + frac
	}
	if neg && abs != 0 {
		s = "-" + s
	}
	return s
}
