package model

import (
	"fmt"
	"strings"
	"testing"
)

// buildNID returns an 11-digit number for the given date part and
// individual number with computed check digits, or "" if that individual
// number gives no valid check digit. Tests generate numbers this way so no
// real person's number is written down.
func buildNID(day, month, yy, individual int) string {
	base := fmt.Sprintf("%02d%02d%02d%03d", day, month, yy, individual)
	var n []int
	for _, c := range base {
		n = append(n, int(c-'0'))
	}
	k1 := nidCheckDigit(n, nidWeights1[:])
	if k1 < 0 {
		return ""
	}
	n = append(n, k1)
	k2 := nidCheckDigit(n, nidWeights2[:])
	if k2 < 0 {
		return ""
	}
	return fmt.Sprintf("%s%d%d", base, k1, k2)
}

// genNID returns the first valid number at or after individual.
func genNID(t *testing.T, day, month, yy, individual int) string {
	t.Helper()
	for i := individual; i < 1000; i++ {
		if s := buildNID(day, month, yy, i); s != "" {
			return s
		}
	}
	t.Fatalf("no valid number for %02d%02d%02d", day, month, yy)
	return ""
}

// flip changes the last digit, breaking the second check digit.
// fullWidth writes the digits of s as full-width digits (U+FF10–FF19).
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '０' + (r - '0')
		}
		return r
	}, s)
}

func flip(s string) string {
	last := s[len(s)-1]
	return s[:len(s)-1] + string('0'+(last-'0'+1)%10)
}

func TestBuildNIDReference(t *testing.T) {
	// Independent check of the generator: with the check digit weighted 1,
	// both weighted sums of a valid number are divisible by 11.
	s := genNID(t, 1, 1, 1, 1)
	var n [11]int
	for i := range n {
		n[i] = int(s[i] - '0')
	}
	sum1, sum2 := 0, 0
	for i, w := range []int{3, 7, 6, 1, 8, 9, 4, 5, 2, 1} {
		sum1 += n[i] * w
	}
	for i, w := range []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1} {
		sum2 += n[i] * w
	}
	if sum1%11 != 0 || sum2%11 != 0 {
		t.Fatalf("%s: weighted sums %d, %d not divisible by 11", s, sum1, sum2)
	}
}

func TestValidNationalID(t *testing.T) {
	fnr := genNID(t, 15, 6, 85, 123)        // fødselsnummer, born 1985
	dnr := genNID(t, 15+40, 6, 85, 123)     // D-nummer
	hnr := genNID(t, 15, 6+40, 85, 123)     // H-nummer
	syn := genNID(t, 15, 6+80, 85, 123)     // synthetic test number
	synD := genNID(t, 15+40, 6+80, 85, 123) // synthetic D-nummer
	leap2000 := genNID(t, 29, 2, 0, 500)    // 29.02.2000 (individual 500–999 with yy 00–39 → 2000s)
	leap1900 := genNID(t, 29, 2, 0, 100)    // 29.02.1900 does not exist
	born2010 := genNID(t, 31, 12, 10, 600)

	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"fødselsnummer", fnr, true},
		{"D-nummer", dnr, true},
		{"H-nummer", hnr, true},
		{"syntetisk", syn, true},
		{"syntetisk D-nummer", synD, true},
		{"29.02.2000", leap2000, true},
		{"født 2010", born2010, true},
		{"29.02.1900", leap1900, false},
		{"wrong check digit", flip(fnr), false},
		{"wrong first check digit", fnr[:9] + string('0'+(fnr[9]-'0'+1)%10) + fnr[10:], false},
		{"phone-like", "12345678901", false},
		{"all zeros", "00000000000", false},
		{"day 32", buildNIDAny(t, 32, 1, 85), false},
		{"day 72 (D 32)", buildNIDAny(t, 72, 1, 85), false},
		{"month 13", buildNIDAny(t, 1, 13, 85), false},
		{"month 53 (H 13)", buildNIDAny(t, 1, 53, 85), false},
		{"month 93 (syn 13)", buildNIDAny(t, 1, 93, 85), false},
		{"month 0", buildNIDAny(t, 1, 0, 85), false},
		{"31 April", buildNIDAny(t, 31, 4, 85), false},
		{"10 digits", fnr[:10], false},
		{"12 digits", fnr + "0", false},
		{"letters", "1506851234a", false},
		{"empty", "", false},
		{"with space", fnr[:6] + " " + fnr[6:], false},
	}
	for _, tt := range tests {
		if got := ValidNationalID(tt.in); got != tt.want {
			t.Errorf("%s: ValidNationalID(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

// buildNIDAny returns a number with valid check digits for any date part,
// even an invalid one, to test that the date check alone rejects it.
func buildNIDAny(t *testing.T, day, month, yy int) string {
	t.Helper()
	return genNID(t, day, month, yy, 100)
}

func TestCheckNoNationalID(t *testing.T) {
	fnr := genNID(t, 3, 11, 72, 456)
	dnr := genNID(t, 3+40, 11, 72, 456)
	spaced := fnr[:6] + " " + fnr[6:]
	nbsp := fnr[:6] + "\u00a0" + fnr[6:]
	tests := []struct {
		name string
		text string
		want bool // flagged
	}{
		{"plain", fnr, true},
		{"in sentence", "Ansatt med fnr " + fnr + " falt i trappen.", true},
		{"D-nummer", "D-nr: " + dnr, true},
		{"space after date", "Personnr. " + spaced + " ble nevnt", true},
		{"nbsp after date", nbsp, true},
		{"at end after punctuation", "nr." + fnr, true},
		{"next to letters", "abc" + fnr + "xyz", true},
		{"second number flagged", "12345678901 og " + fnr, true},
		{"12-digit run", "Konto " + fnr + "7", false},
		{"12-digit run before", "7" + fnr, false},
		{"phone with bad check digits", "Ring 12345678901", false},
		{"bad check digit", flip(fnr), false},
		{"two spaces", fnr[:6] + "  " + fnr[6:], true},
		{"hyphen", fnr[:6] + "-" + fnr[6:], true},
		{"full stop", fnr[:6] + "." + fnr[6:], true},
		{"narrow no-break space", fnr[:6] + "\u202f" + fnr[6:], true},
		{"space and hyphen", fnr[:6] + " - " + fnr[6:], true},
		{"full-width digits", fullWidth(fnr), true},
		{"full-width with hyphen", fullWidth(fnr[:6]) + "-" + fullWidth(fnr[6:]), true},
		{"mixed widths", fnr[:3] + fullWidth(fnr[3:]), true},
		{"issue example hyphen", "150385-10190", true},
		{"issue example full stop", "150385.10190", true},
		{"issue example no-break space", "150385\u00a010190", true},
		{"full-width, bad check digit", fullWidth(flip(fnr)), false},
		{"four spaces", fnr[:6] + "    " + fnr[6:], false},
		{"slash", fnr[:6] + "/" + fnr[6:], false},
		{"hyphen, 12-digit run", fnr[:6] + "-" + fnr[6:] + "3", false},
		{"split 5+6", fnr[:5] + " " + fnr[5:], false},
		{"spaced, 5-part part of longer run", spaced + "1", false},
		{"spaced, 6-part part of longer run", "1" + spaced, false},
		{"phone number", "Tlf. 987 65 432", false},
		{"date", "Møte 31.01.2026 kl. 14:00", false},
		{"empty", "", false},
		{"no digits", "Ingen tall her – bare tekst æøå", false},
		{"multi-line", "Linje 1\n" + fnr + "\nLinje 3", true},
	}
	for _, tt := range tests {
		err := CheckNoNationalID("Beskrivelse", tt.text)
		if (err != nil) != tt.want {
			t.Errorf("%s: CheckNoNationalID(%q) = %v, want flagged=%v", tt.name, tt.text, err, tt.want)
		}
	}
	err := CheckNoNationalID("Beskrivelse", fnr)
	fe, ok := err.(*FieldError)
	want := "«Beskrivelse» ser ut til å inneholde et fødselsnummer eller D-nummer. HMS-utvalget skal ikke lagre personnummer – fjern nummeret og beskriv uten å identifisere noen."
	if !ok || fe.Field != "Beskrivelse" || fe.Message != want {
		t.Errorf("error = %#v", err)
	}
	if strings.Contains(fe.Message, fnr) {
		t.Error("the message must not echo the number")
	}
}
