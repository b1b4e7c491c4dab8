package model

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filtering, sorting and counting for the action-plan table and reports.
// A plan can hold thousands of measures and the table refilters on every
// keystroke, so the hot loops avoid per-measure allocations.

// MeasureFilter selects measures for the table. Empty fields do not
// filter. Within a list the values are alternatives (status planlagt OR
// pågår); different fields must all match. DueSoon and Overdue together
// mean "due soon OR overdue" (everything needing attention), since both
// at once can never be true.
type MeasureFilter struct {
	Statuses      []Status       `json:"statuses"`
	Sources       []SourceKind   `json:"sources"`
	Responsible   string         `json:"responsible"` // exact, ignoring case and extra spaces
	PriorityAreas []PriorityArea `json:"priority_areas"`
	Topics        []HMSCategory  `json:"topics"`
	DueSoon       bool           `json:"due_soon"`
	Overdue       bool           `json:"overdue"`
	// Text is searched case-insensitively in title, description,
	// responsible and source (link text and kind); every word must occur.
	Text string `json:"text"`
}

// IsZero reports whether the filter lets everything through, e.g. to grey
// out a "Nullstill filter" button.
func (f MeasureFilter) IsZero() bool {
	return len(f.Statuses) == 0 && len(f.Sources) == 0 && strings.TrimSpace(f.Responsible) == "" &&
		len(f.PriorityAreas) == 0 && len(f.Topics) == 0 && !f.DueSoon && !f.Overdue &&
		strings.TrimSpace(f.Text) == ""
}

// FilterMeasures returns the measures matching f, in their original order,
// as a new slice (ms is not modified).
func FilterMeasures(ms []Measure, f MeasureFilter, today Date) []Measure {
	mt := measureMatcher{
		f:           &f,
		responsible: normalizeName(f.Responsible),
		today:       today,
		soonLimit:   today.AddDays(DueSoonDays),
	}
	// Search words are lower-cased once per call. The measures' text is not
	// copied or lower-cased at all: each word is found with a fast byte
	// scan for its first letter and compared case-insensitively from there.
	for _, w := range strings.Fields(f.Text) {
		mt.terms = append(mt.terms, newFoldTerm(w))
	}
	// Mark matches in a bitset first so the result is allocated once at its
	// exact size: measures are large structs.
	hits := make([]uint64, (len(ms)+63)/64)
	n := 0
	for i := range ms {
		if mt.match(&ms[i]) {
			hits[i/64] |= 1 << (i % 64)
			n++
		}
	}
	out := make([]Measure, 0, n)
	for i := range ms {
		if hits[i/64]&(1<<(i%64)) != 0 {
			out = append(out, ms[i])
		}
	}
	return out
}

// measureMatcher holds what FilterMeasures prepares once per call.
type measureMatcher struct {
	f           *MeasureFilter
	responsible string
	today       Date
	soonLimit   Date
	terms       []foldTerm
}

// match tests the cheap fields first and the text last.
func (mt *measureMatcher) match(m *Measure) bool {
	f := mt.f
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, m.Status) {
		return false
	}
	if len(f.Sources) > 0 && !slices.Contains(f.Sources, m.Source.Kind) {
		return false
	}
	if len(f.PriorityAreas) > 0 && !slices.Contains(f.PriorityAreas, m.PriorityArea) {
		return false
	}
	if len(f.Topics) > 0 && !slices.Contains(f.Topics, m.Topic) {
		return false
	}
	if f.DueSoon || f.Overdue {
		overdue := m.Status.Open() && !m.Deadline.IsZero() && m.Deadline.Before(mt.today)
		soon := dueSoon(m.Status, m.Deadline, mt.today, mt.soonLimit)
		if !(f.Overdue && overdue) && !(f.DueSoon && soon) {
			return false
		}
	}
	if mt.responsible != "" && !equalFoldWords(m.Responsible, mt.responsible) {
		return false
	}
	if len(mt.terms) == 0 {
		return true
	}
	// Each word must occur within one field; fields are searched
	// separately, so a word never matches across two of them.
	for i := range mt.terms {
		t := &mt.terms[i]
		if !t.in(m.Title) && !t.in(m.Description) && !t.in(m.Responsible) &&
			!t.in(m.Source.RefLabel) && !t.in(m.Source.Kind.Label()) {
			return false
		}
	}
	return true
}

// foldTerm is a search word prepared for case-insensitive search.
type foldTerm struct {
	runes []rune // the word, lower-cased
	// starts holds the first UTF-8 byte of every case variant of the first
	// letter ('f' and 'F'; 'æ' and 'Æ' share 0xC3), so candidates can be
	// found with strings.IndexByte, which is vectorised.
	starts []byte
}

func newFoldTerm(w string) foldTerm {
	var t foldTerm
	for _, r := range w {
		t.runes = append(t.runes, unicode.ToLower(r))
	}
	if len(t.runes) == 0 {
		return t
	}
	first := t.runes[0]
	// SimpleFold cycles through the case variants of a letter.
	v := first
	for {
		if unicode.ToLower(v) == first {
			var enc [utf8.UTFMax]byte
			utf8.EncodeRune(enc[:], v)
			if !bytes.Contains(t.starts, enc[:1]) {
				t.starts = append(t.starts, enc[0])
			}
		}
		if v = unicode.SimpleFold(v); v == first {
			break
		}
	}
	if first == 'i' {
		// İ (U+0130) lower-cases to i but is outside i's folding cycle.
		t.starts = append(t.starts, "İ"[0])
	}
	return t
}

// in reports whether the word occurs in s, ignoring case.
func (t *foldTerm) in(s string) bool {
	if len(t.runes) == 0 {
		return true
	}
	for _, b := range t.starts {
		for i := 0; i < len(s); i++ {
			j := strings.IndexByte(s[i:], b)
			if j < 0 {
				break
			}
			i += j
			if t.matchAt(s[i:]) {
				return true
			}
		}
	}
	return false
}

// matchAt reports whether s starts with the word, ignoring case.
func (t *foldTerm) matchAt(s string) bool {
	for _, want := range t.runes {
		if s == "" {
			return false
		}
		r, size := rune(s[0]), 1
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r, size = utf8.DecodeRuneInString(s)
			r = unicode.ToLower(r)
		}
		if r != want {
			return false
		}
		s = s[size:]
	}
	return true
}

// equalFoldWords is sameName without allocating: the words of a and b
// must match ignoring case, however they are spaced.
func equalFoldWords(a, b string) bool {
	for {
		a = strings.TrimLeftFunc(a, unicode.IsSpace)
		b = strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		ia, ib := wordEnd(a), wordEnd(b)
		if !strings.EqualFold(a[:ia], b[:ib]) {
			return false
		}
		a, b = a[ia:], b[ib:]
	}
}

// wordEnd returns the index of the first space in s, or len(s).
func wordEnd(s string) int {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return i
	}
	return len(s)
}

// MeasureSortKey is a column the plan can be sorted by.
type MeasureSortKey string

// Sort keys, in column order.
const (
	SortByDeadline     MeasureSortKey = "deadline"
	SortByStatus       MeasureSortKey = "status"
	SortByTitle        MeasureSortKey = "title"
	SortByResponsible  MeasureSortKey = "responsible"
	SortByPriorityArea MeasureSortKey = "priority_area"
	SortByCreated      MeasureSortKey = "created"
)

var sortKeyLabels = map[MeasureSortKey]string{
	SortByDeadline:     "Frist",
	SortByStatus:       "Status",
	SortByTitle:        "Tittel",
	SortByResponsible:  "Ansvarlig",
	SortByPriorityArea: "Prioritert område",
	SortByCreated:      "Opprettet",
}

// MeasureSortKeys returns all sort keys in column order.
func MeasureSortKeys() []MeasureSortKey {
	return []MeasureSortKey{SortByDeadline, SortByStatus, SortByTitle, SortByResponsible, SortByPriorityArea, SortByCreated}
}

// MeasureSortKeyLabels returns the labels of MeasureSortKeys().
func MeasureSortKeyLabels() []string { return enumLabels(MeasureSortKeys(), MeasureSortKey.Label) }

// MeasureSortKeyFromLabel maps a label or stored code back to a key.
func MeasureSortKeyFromLabel(label string) (MeasureSortKey, bool) {
	return enumFromLabel(label, MeasureSortKeys(), MeasureSortKey.Label)
}

// Label returns the column heading, or "" for an unknown key.
func (k MeasureSortKey) Label() string { return sortKeyLabels[k] }

// Valid reports whether k is one of the defined keys.
func (k MeasureSortKey) Valid() bool { _, ok := sortKeyLabels[k]; return ok }

// sortEntry holds one measure's precomputed key, so comparisons neither
// allocate nor copy whole measures.
type sortEntry struct {
	idx   int
	num   int    // dates as yyyymmdd, enums as their display position
	text  string // Norwegian collation key
	orig  string // tie-break for text keys, as CompareNorwegian does
	empty bool
}

// SortMeasures sorts ms in place by key, stably: measures that compare
// equal keep their order, so sorting by status after deadline gives
// deadlines in order within each status. Text is compared in Norwegian
// order (… z, æ, ø, å) ignoring case; status and priority area follow
// their display order. Empty or unknown values (no deadline, blank
// responsible, unknown status) sort last in both directions, so they never
// crowd the top of the table. An unknown key sorts by deadline.
func SortMeasures(ms []Measure, by MeasureSortKey, desc bool) {
	if len(ms) < 2 {
		return
	}
	if !by.Valid() {
		by = SortByDeadline
	}
	statuses, areas := Statuses(), PriorityAreas()
	entries := make([]sortEntry, len(ms))
	for i := range ms {
		m := &ms[i]
		e := sortEntry{idx: i}
		switch by {
		case SortByDeadline:
			e.num, e.empty = dateKey(m.Deadline), m.Deadline.IsZero()
		case SortByCreated:
			e.num, e.empty = dateKey(m.Created), m.Created.IsZero()
		case SortByStatus:
			e.num = enumIndex(statuses, m.Status)
			e.empty = e.num == len(statuses)
		case SortByPriorityArea:
			e.num = enumIndex(areas, m.PriorityArea)
			e.empty = e.num == len(areas)
		case SortByTitle, SortByResponsible:
			s := m.Title
			if by == SortByResponsible {
				s = m.Responsible
			}
			s = strings.TrimSpace(s)
			e.text, e.orig, e.empty = norwegianKey(s), s, s == ""
		}
		entries[i] = e
	}
	slices.SortStableFunc(entries, func(a, b sortEntry) int {
		if a.empty || b.empty {
			return cmpBool(a.empty, b.empty)
		}
		c := cmpInt(a.num, b.num)
		if c == 0 {
			c = strings.Compare(a.text, b.text)
		}
		if c == 0 {
			c = strings.Compare(a.orig, b.orig)
		}
		if desc {
			c = -c
		}
		return c
	})
	orig := slices.Clone(ms)
	for i, e := range entries {
		ms[i] = orig[e.idx]
	}
}

// dateKey turns a date into an int that orders like the date.
func dateKey(d Date) int { return d.Year()*10000 + int(d.Month())*100 + d.Day() }

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// norwegianKey returns a string whose byte order is CompareNorwegian's
// order (ties aside): lower case, with æ ø å mapped just after z. This lets
// a sort compute the key once per item instead of once per comparison.
func norwegianKey(s string) string {
	// Per-rune unicode.ToLower is what strings.ToLower does, in one pass.
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(collationKey(unicode.ToLower(r)))
	}
	return b.String()
}

// ActionPlanSummary counts measures for the overview page and reports.
type ActionPlanSummary struct {
	ByStatus map[Status]int `json:"by_status"` // every status present, zeros included
	Open     int            `json:"open"`
	Overdue  int            `json:"overdue"`
	DueSoon  int            `json:"due_soon"`
	Total    int            `json:"total"`
}

// PlanSummary counts ms by status, and the open, overdue and due-soon ones
// as of today.
func PlanSummary(ms []Measure, today Date) ActionPlanSummary {
	s := ActionPlanSummary{ByStatus: make(map[Status]int, len(statusLabels)), Total: len(ms)}
	for _, st := range Statuses() {
		s.ByStatus[st] = 0
	}
	limit := today.AddDays(DueSoonDays)
	for i := range ms {
		m := &ms[i]
		s.ByStatus[m.Status]++
		if !m.Open() {
			continue
		}
		s.Open++
		switch {
		case !m.Deadline.IsZero() && m.Deadline.Before(today):
			s.Overdue++
		case dueSoon(m.Status, m.Deadline, today, limit):
			s.DueSoon++
		}
	}
	return s
}

// Responsibles returns the distinct responsibles in ms (ignoring case and
// extra spaces; the first spelling wins), in Norwegian order, for the
// filter's select widget.
func Responsibles(ms []Measure) []string {
	seen := map[string]bool{}
	var out []string
	for i := range ms {
		name := normalizeName(ms[i].Responsible)
		key := strings.ToLower(name)
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, name)
	}
	slices.SortFunc(out, CompareNorwegian)
	return out
}
