package model

import "strings"

// Helpers shared by the string enums (statuses, kinds, categories …), so
// each enum only lists its values and labels.

// enumLabels returns the labels of all, in order, for a select widget.
func enumLabels[T ~string](all []T, label func(T) string) []string {
	labels := make([]string, len(all))
	for i, v := range all {
		labels[i] = label(v)
	}
	return labels
}

// enumFromLabel maps a display label or the stored code back to a value,
// ignoring case and surrounding spaces, as select widgets and CSV imports
// give either.
func enumFromLabel[T ~string](s string, all []T, label func(T) string) (T, bool) {
	s = strings.TrimSpace(s)
	for _, v := range all {
		if strings.EqualFold(s, label(v)) || strings.EqualFold(s, string(v)) {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// enumIndex gives the position of v in all; unknown values sort last.
func enumIndex[T comparable](all []T, v T) int {
	for i, a := range all {
		if a == v {
			return i
		}
	}
	return len(all)
}
