package model

import (
	"fmt"
	"strconv"
	"strings"
)

// FieldError is a validation message tied to one input field, so the UI can
// show it next to the right widget.
type FieldError struct {
	Field   string
	Message string
}

// Error returns the user-visible message only; the field name is already
// part of the wording.
func (e FieldError) Error() string { return e.Message }

// ValidationError collects every problem in a form so the user sees all of
// them at once instead of one per save attempt.
type ValidationError []FieldError

// Add appends a message for field.
func (v *ValidationError) Add(field, msg string) {
	*v = append(*v, FieldError{Field: field, Message: msg})
}

// addErr appends err, keeping the field of a *FieldError when there is one.
func (v *ValidationError) addErr(field string, err error) {
	if err == nil {
		return
	}
	if fe, ok := err.(*FieldError); ok {
		v.Add(fe.Field, fe.Message)
		return
	}
	v.Add(field, err.Error())
}

// Error joins all messages, one per line.
func (v ValidationError) Error() string {
	msgs := make([]string, len(v))
	for i, e := range v {
		msgs[i] = e.Message
	}
	return strings.Join(msgs, "\n")
}

// For returns the first message for field, or "" if the field is fine.
func (v ValidationError) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Err returns nil when there are no problems. Always use it instead of
// returning v directly: a nil ValidationError in an error interface is not
// a nil error.
func (v ValidationError) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// Unwrap exposes the individual errors to errors.As / errors.Is.
func (v ValidationError) Unwrap() []error {
	errs := make([]error, len(v))
	for i := range v {
		fe := v[i]
		errs[i] = &fe
	}
	return errs
}

// isGroupSpace reports separators people use between digit groups: normal,
// no-break and narrow no-break space (the latter two come from copy/paste
// out of spreadsheets and word processors).
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f'
}

// ParseInt parses a whole number in [min, max]. Thousands may be grouped
// with spaces ("20 000"); groups after the first must then have exactly
// three digits so that a typo like "1 2" is not silently read as 12.
func ParseInt(field, s string, min, max int) (int, error) {
	bad := &FieldError{Field: field, Message: fmt.Sprintf("%s må være et helt tall fra %s til %s", field, FormatInt(min), FormatInt(max))}
	s = strings.TrimSpace(s)
	neg := false
	for _, minus := range []string{"-", "\u2212"} { // also the typographic minus
		if strings.HasPrefix(s, minus) {
			neg, s = true, s[len(minus):]
			break
		}
	}
	// Split on single separators; an empty group means a leading, trailing
	// or doubled space, which we refuse rather than guess about.
	groups := strings.Split(strings.Map(func(r rune) rune {
		if isGroupSpace(r) {
			return ' '
		}
		return r
	}, s), " ")
	var digits strings.Builder
	for i, g := range groups {
		if !allDigits(g) {
			return 0, bad
		}
		if i > 0 && len(g) != 3 {
			return 0, bad
		}
		if i == 0 && len(groups) > 1 && len(g) > 3 {
			return 0, bad
		}
		digits.WriteString(g)
	}
	str := digits.String()
	if neg {
		str = "-" + str
	}
	n, err := strconv.Atoi(str)
	if err != nil || n < min || n > max {
		return 0, bad
	}
	return n, nil
}

// FormatInt writes n with a normal space between thousands ("20 000").
// A normal space rather than U+00A0 keeps PDFs and entry fields simple.
func FormatInt(n int) string {
	s := strconv.FormatInt(int64(n), 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
