package model

// The committee's records (minutes, incidents, measures) are shared widely,
// so free text must not carry Norwegian national identity numbers. This file
// holds the guard every free-text field runs through.

// Check-digit weights for Norwegian national identity numbers.
var (
	nidWeights1 = [9]int{3, 7, 6, 1, 8, 9, 4, 5, 2}
	nidWeights2 = [10]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
)

// ValidNationalID reports whether digits is an 11-digit fødselsnummer,
// D-nummer (day+40), H-nummer (month+40) or synthetic test number
// (month+80) with a real date part and both mod-11 check digits valid.
func ValidNationalID(digits string) bool {
	if len(digits) != 11 || !allDigits(digits) {
		return false
	}
	var n [11]int
	for i := range n {
		n[i] = int(digits[i] - '0')
	}
	day := n[0]*10 + n[1]
	month := n[2]*10 + n[3]
	yy := n[4]*10 + n[5]
	individual := n[6]*100 + n[7]*10 + n[8]
	if day > 40 {
		day -= 40
	}
	switch {
	case month > 80:
		month -= 80
	case month > 40:
		month -= 40
	}
	if !nidDateValid(yy, individual, month, day) {
		return false
	}
	return nidCheckDigit(n[:9], nidWeights1[:]) == n[9] &&
		nidCheckDigit(n[:10], nidWeights2[:]) == n[10]
}

// nidCheckDigit returns the mod-11 check digit, or -1 when the remainder
// makes the number impossible (check digit would be 10).
func nidCheckDigit(n []int, w []int) int {
	sum := 0
	for i := range w {
		sum += n[i] * w[i]
	}
	switch r := sum % 11; r {
	case 0:
		return 0
	case 1:
		return -1
	default:
		return 11 - r
	}
}

// nidDateValid checks the date part. The century follows from the
// individual number; for combinations the rules do not cover we accept the
// date if it exists in either 19yy or 20yy, because the guard should rather
// flag a doubtful number than let a real one through.
func nidDateValid(yy, individual, month, day int) bool {
	var centuries []int
	switch {
	case individual <= 499:
		centuries = []int{1900}
	case individual <= 749 && yy >= 54:
		centuries = []int{1800}
	case yy <= 39:
		centuries = []int{2000}
	case individual >= 900:
		centuries = []int{1900}
	default:
		centuries = []int{1900, 2000}
	}
	for _, c := range centuries {
		if validYMD(c+yy, month, day) {
			return true
		}
	}
	return false
}

// CheckNoNationalID returns a *FieldError if text contains something that
// looks like a national identity number: exactly 11 digits, or 6 digits, a
// short separator (one to three spaces, no-break or narrow no-break
// spaces, hyphens or full stops) and 5 digits, not part of a longer digit
// run, that ValidNationalID accepts. Full-width digits count as digits.
// Longer digit runs (account numbers, order numbers) are left alone, and
// so are 11-digit numbers with wrong check digits (phone numbers).
func CheckNoNationalID(field, text string) error {
	type run struct{ start, end int }
	rs := []rune(text)
	for i, r := range rs {
		if r >= '０' && r <= '９' {
			rs[i] = '0' + (r - '０')
		}
	}
	digit := func(i int) bool { return rs[i] >= '0' && rs[i] <= '9' }
	var runs []run
	for i := 0; i < len(rs); {
		if !digit(i) {
			i++
			continue
		}
		j := i
		for j < len(rs) && digit(j) {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	for k, r := range runs {
		candidate := ""
		switch r.end - r.start {
		case 11:
			candidate = string(rs[r.start:r.end])
		case 6:
			if k+1 < len(runs) {
				next := runs[k+1]
				if next.end-next.start == 5 && nidSeparator(rs[r.end:next.start]) {
					candidate = string(rs[r.start:r.end]) + string(rs[next.start:next.end])
				}
			}
		}
		if candidate != "" && ValidNationalID(candidate) {
			return &FieldError{Field: field, Message: "«" + field + "» ser ut til å inneholde et fødselsnummer eller D-nummer. " +
				"HMS-utvalget skal ikke lagre personnummer – fjern nummeret og beskriv uten å identifisere noen."}
		}
	}
	return nil
}

// nidSeparator: what people (and pasted text) put between the date part
// and the personal number.
func nidSeparator(sep []rune) bool {
	if len(sep) == 0 || len(sep) > 3 {
		return false
	}
	for _, r := range sep {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '-', '.', '\u2010', '\u2011':
		default:
			return false
		}
	}
	return true
}
