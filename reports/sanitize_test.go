package reports

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/theme"
)

func TestSanitize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Blåbær og rød saft", "Blåbær og rød saft"},
		{"æøå ÆØÅ – — « » § ½ … • € °", "æøå ÆØÅ – — « » § ½ … • € °"},
		{"Smil 😀 her", "Smil ? her"},
		{"Familie 👨‍👩‍👧 på tur", "Familie ? på tur"}, // ZWJ sequence: one ?
		{"Tommel 👍🏽 opp", "Tommel ? opp"},            // skin tone dropped
		{"Norge 🇳🇴🇸🇪", "Norge ??"},                   // two flags
		{"Hjerte ❤️", "Hjerte ?"},                    // variation selector dropped
		{"漢字", "??"},                                 // CJK
		{"a\x00b\x07c\x1bd", "a?b?c?d"},              // control characters
		{"tab\there", "tab here"},                    // tab → space
		{"linje1\r\nlinje2\rlinje3\u2028linje4", "linje1\nlinje2\nlinje3\nlinje4"},
		{"bad \xff\xfe utf8", "bad ?? utf8"},     // invalid bytes
		{"a\u030A og e\u0301", "å og é"},         // NFD from macOS → NFC
		{"q\u0303", "q"},                         // a loose combining mark is dropped
		{"myk\u00ADbindestrek", "mykbindestrek"}, // soft hyphen dropped
		{"\uFEFFBOM", "BOM"},                     // BOM dropped
		{"pil → ja ✓ ● punkt ≤ 5", "pil -> ja x • punkt <= 5"},
		{"ﬁnne ＡＢＣ", "ﬁnne ABC"}, // ligature, full-width
		{"\U0010FFFF\uFFFD", "?\uFFFD"},
	} {
		if got := sanitize(c.in); got != c.want {
			t.Errorf("sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := sanitizeLine("a\nb\r\nc"); got != "a b c" {
		t.Errorf("sanitizeLine = %q", got)
	}
}

// TestSanitizeNoAlloc checks the fast path: clean text is returned as is.
func TestSanitizeNoAlloc(t *testing.T) {
	s := strings.Repeat("Tiltak for å redusere sykefraværet – «hjem» § 4-3. ", 20)
	if n := testing.AllocsPerRun(100, func() { _ = sanitize(s) }); n != 0 {
		t.Errorf("sanitize of clean text allocates %v times", n)
	}
}

// TestDrawableSet checks the cmap reading against runes Noto Sans
// certainly has and certainly lacks.
func TestDrawableSet(t *testing.T) {
	set := drawable()
	for _, r := range "aæøåÆØÅ09 ?-–—«»§½…•€%" {
		if !set.has(r) {
			t.Errorf("%q should be drawable", r)
		}
	}
	for _, r := range []rune{'\t', '\n', 0, 0x0301, 0x200D, 0x4E00, 0x1F600, -1, 0x110000} {
		if set.has(r) {
			t.Errorf("%U should not be drawable", r)
		}
	}
}

// TestParseDrawableMalformed feeds truncated and damaged fonts to the cmap
// reader: errors are fine, panics are not.
func TestParseDrawableMalformed(t *testing.T) {
	font := theme.DefaultTextFont().Content()
	for _, n := range []int{0, 3, 4, 11, 12, 100, 300, 1000, 5000} {
		if _, err := parseDrawable(font[:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
	damaged := append([]byte(nil), font...)
	for i := 12; i < 12+16*20 && i < len(damaged); i += 7 {
		damaged[i] ^= 0xA5
	}
	_, _ = parseDrawable(damaged)
}

// FuzzSanitize: any input is turned into drawable text, without panics,
// and sanitising twice changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "æøå", "😀", "👨‍👩‍👧", "🇳🇴", "a\u030A", "\r\n", "\xff", "漢", "\x00", "e\u0301\u0335\u0301", "\u200d\u200d😀"} {
		f.Add(s)
	}
	set := drawable()
	f.Fuzz(func(t *testing.T, s string) {
		out := sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("sanitize(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if r != '\n' && !set.has(r) {
				t.Fatalf("sanitize(%q) = %q: %U is not drawable", s, out, r)
			}
		}
		if again := sanitize(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
		}
		if line := sanitizeLine(s); strings.ContainsRune(line, '\n') {
			t.Fatalf("sanitizeLine(%q) = %q has a newline", s, line)
		}
	})
}
