package model

import (
	"strings"
	"unicode/utf8"
)

// CompareNorwegian compares two strings case-insensitively in Norwegian
// alphabetical order (… z, æ, ø, å), which byte order gets wrong (å < æ < ø).
// Returns -1, 0 or +1; strings equal apart from case are ordered bytewise
// so the result is deterministic.
func CompareNorwegian(a, b string) int {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	for la != "" && lb != "" {
		ra, na := utf8.DecodeRuneInString(la)
		rb, nb := utf8.DecodeRuneInString(lb)
		if ka, kb := collationKey(ra), collationKey(rb); ka != kb {
			return cmpInt(int(ka), int(kb))
		}
		la, lb = la[na:], lb[nb:]
	}
	switch {
	case la != "":
		return 1
	case lb != "":
		return -1
	}
	return strings.Compare(a, b)
}

// collationKey maps the letters that byte order misplaces.
func collationKey(r rune) rune {
	switch r {
	case 'æ', 'ä':
		return 'z' + 1
	case 'ø', 'ö':
		return 'z' + 2
	case 'å':
		return 'z' + 3
	case 'é', 'è', 'ê':
		return 'e'
	case 'ü':
		return 'y'
	}
	return r
}

// normalizeName trims and collapses inner whitespace, so "Kari  Nordmann "
// and "Kari Nordmann" are the same person or department.
func normalizeName(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameName compares names as a person would: ignoring case and extra spaces.
func sameName(a, b string) bool { return strings.EqualFold(normalizeName(a), normalizeName(b)) }

// runeLen counts characters, not bytes, so "æøå" counts as 3 for limits.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Shorten cuts s to max characters with an ellipsis, for quoting long
// input in messages.
func Shorten(s string, max int) string {
	if runeLen(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
