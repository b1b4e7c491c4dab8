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
// looks like a national identity number: exactly 11 digits, or 6 digits, one
// space and 5 digits, not part of a longer digit run, that ValidNationalID
// accepts. Longer digit runs (account numbers, order numbers) are left
// alone, and so are 11-digit numbers with wrong check digits (phone numbers).
func CheckNoNationalID(field, text string) error {
	type run struct{ start, end int }
	var runs []run
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	for k, r := range runs {
		candidate := ""
		switch r.end - r.start {
		case 11:
			candidate = text[r.start:r.end]
		case 6:
			if k+1 < len(runs) {
				next := runs[k+1]
				sep := text[r.end:next.start]
				if next.end-next.start == 5 && (sep == " " || sep == "\u00a0") {
					candidate = text[r.start:r.end] + text[next.start:next.end]
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
