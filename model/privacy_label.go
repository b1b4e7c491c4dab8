package model

import (
	"fmt"
	"strings"
)

// The annual report goes to HR and the AMU. A measure's source may name
// the deviation it came from by date, category and place («Avvik
// 23.07.2025 Personskade, Korttid og rehabilitering»): with a serious
// injury in a small ward, date and place together can point at the
// person. Such sources are named by category and year alone.

// LabelConcernsPerson reports whether naming the deviation by date and
// place could point at a person: its photos concern a person
// (PhotoConcernsPerson: violence and threats, or harm to a person), or
// its category is personskade.
func (d Deviation) LabelConcernsPerson() bool {
	return d.PhotoConcernsPerson() || d.Category == DevInjury
}

// SharedSourceLabel is a measure's «Kilde» in a report shared beyond the
// unit: Source.ShortLabel, except for a measure from a deviation that
// concerns a person (LabelConcernsPerson), named «Avvik (personskade)
// 2025» – category and year, no date or place. dev is the deviation, nil
// when it is not at hand (deleted, or older than the report reads); then
// nothing tells whether a person was hurt, so the stored label is
// shortened the same way.
func SharedSourceLabel(s Source, dev *Deviation) string {
	if s.Kind != SourceDeviation {
		return s.ShortLabel()
	}
	if dev != nil {
		if !dev.LabelConcernsPerson() {
			return s.ShortLabel()
		}
		return deviationYearLabel(dev.Category.Label(), dev.Date.Year())
	}
	// The stored label is "Avvik <date> <category>, <place>"
	// (deviation_rules.go); a label typed by hand may be anything.
	rest, _ := strings.CutPrefix(strings.TrimSpace(s.RefLabel), "Avvik ")
	date, rest, _ := strings.Cut(rest, " ")
	year := 0
	if d, err := ParseDate(date); err == nil {
		year = d.Year()
	}
	cat := ""
	for _, c := range DeviationCategories() {
		if strings.HasPrefix(rest, c.Label()) {
			cat = c.Label()
		}
	}
	return deviationYearLabel(cat, year)
}

// deviationYearLabel is «Avvik (personskade) 2025», without the parts
// that are unknown.
func deviationYearLabel(category string, year int) string {
	s := SourceDeviation.Label()
	if category != "" {
		s += " (" + strings.ToLower(category) + ")"
	}
	if year > 0 {
		s += fmt.Sprintf(" %d", year)
	}
	return s
}

// SharedMeasureLabels returns a copy of ms whose sources are
// SharedSourceLabel's, for a report shared beyond the unit; devs are the
// deviations at hand. ms itself is not changed.
func SharedMeasureLabels(ms []Measure, devs []Deviation) []Measure {
	byID := make(map[uint64]*Deviation, len(devs))
	for i := range devs {
		byID[devs[i].ID] = &devs[i]
	}
	out := make([]Measure, len(ms))
	copy(out, ms)
	for i := range out {
		s := &out[i].Source
		if s.Kind == SourceDeviation {
			s.RefLabel = SharedSourceLabel(*s, byID[s.RefID])
		}
	}
	return out
}
