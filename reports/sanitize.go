package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// replacementChar stands in for a character the fonts cannot draw.
const replacementChar = '?'

// sanitize returns s with only runes the embedded fonts can draw, plus
// '\n'. It never fails and never panics, whatever the input:
//
//   - text is put in NFC first, so "a" + combining ring (as pasted from
//     macOS) becomes "å" instead of a loose ring;
//   - "\r\n", "\r", U+2028 and U+2029 become "\n";
//   - tabs and other spaces the font lacks become " ";
//   - invisible runes (joiners, variation selectors, soft hyphen, bidi
//     marks, BOM, emoji skin tones, leftover combining marks) are dropped;
//   - look-alikes the font lacks get a drawable substitute (fancy bullets → "•",
//     "→" → "->", "ﬁ" → "fi", full-width letters → ASCII);
//   - everything else (emoji, CJK, control characters, invalid UTF-8)
//     becomes "?", one per character: an emoji ZWJ sequence or a flag
//     gives a single "?".
//
// Text that is already drawable is returned as is, without allocating.
// gofpdf must never see anything else: SplitText indexes its width table
// by rune and panics above U+FFFF, and its UTF-16 conversion garbles runes
// outside the Basic Multilingual Plane.
func sanitize(s string) string {
	set := drawable()
	if isDrawable(s, set) {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var (
		replaced bool // the last thing written replaced an undrawable rune
		joinNext bool // a ZWJ followed a replaced rune: swallow the next one
		lastRI   bool // the last replaced rune was an unpaired regional indicator
	)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if n == 1 && r == utf8.RuneError { // invalid byte
			b.WriteRune(replacementChar)
			replaced, joinNext, lastRI = true, false, false
			continue
		}
		switch {
		case r == '\n' || r == 0x2028 || r == 0x2029 || r == 0x85:
			b.WriteByte('\n')
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case set.has(r):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case invisible(r):
			if r == 0x200D && replaced {
				joinNext = true
			}
			continue // keeps the replaced/joinNext state of the rune before
		default:
			if sub, ok := substitute(r, set); ok {
				b.WriteString(sub)
				break
			}
			ri := r >= 0x1F1E6 && r <= 0x1F1FF
			if joinNext || (ri && lastRI) { // rest of one emoji or flag
				joinNext, lastRI = false, false
				continue
			}
			b.WriteRune(replacementChar)
			replaced, joinNext, lastRI = true, false, ri
			continue
		}
		replaced, joinNext, lastRI = false, false, false
	}
	return b.String()
}

// sanitizeLine is sanitize for single-line places (table headers, page
// furniture, chart labels): line breaks become spaces.
func sanitizeLine(s string) string {
	s = sanitize(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

// isDrawable reports whether every rune of s is '\n' or drawable.
func isDrawable(s string, set *runeSet) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != '\n' && !set.has(rune(c)) {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (n == 1 && r == utf8.RuneError) || !set.has(r) {
			return false
		}
		i += n - 1
	}
	return true
}

// invisible reports runes that have no visible form of their own and are
// best dropped when the font cannot draw them.
func invisible(r rune) bool {
	switch {
	case r >= 0x1F3FB && r <= 0x1F3FF: // emoji skin-tone modifiers
		return true
	case r == 0x034F: // combining grapheme joiner
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me)
}

// substitutes maps look-alikes to simpler text. The first alternative that
// the font can draw is used.
var substitutes = map[rune][]string{
	'‐': {"-"}, '‑': {"-"}, '‒': {"–", "-"}, '―': {"—", "-"},
	// The embedded Noto Sans has no minus sign (U+2212): a negative
	// number or difference gets the en dash, as Norwegian typesetting
	// does without one, never the shorter hyphen.
	'−': {"–", "-"},
	'‛': {"'"}, '′': {"'"}, '‟': {"\""}, '″': {"\""},
	'●': {"•", "*"}, '◦': {"•", "*"}, '▪': {"•", "*"}, '▫': {"•", "*"}, '■': {"•", "*"},
	'□': {"•", "*"}, '‣': {"•", "*"}, '⁃': {"•", "-"}, '∙': {"•", "*"}, '⦁': {"•", "*"},
	'→': {"->"}, '←': {"<-"}, '⇒': {"=>"}, '↔': {"<->"},
	'≤': {"<="}, '≥': {">="}, '≠': {"!="},
	// A tick becomes "x", as in a ticked box on a paper form.
	'✓': {"x"}, '✔': {"x"}, '☑': {"x"}, '✅': {"x"},
	'ﬀ': {"ff"}, 'ﬁ': {"fi"}, 'ﬂ': {"fl"}, 'ﬃ': {"ffi"}, 'ﬄ': {"ffl"},
}

func substitute(r rune, set *runeSet) (string, bool) {
	if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
		if a := r - 0xFEE0; set.has(a) {
			return string(a), true
		}
	}
	for _, alt := range substitutes[r] {
		if isDrawable(alt, set) && !strings.ContainsRune(alt, '\n') {
			return alt, true
		}
	}
	return "", false
}
