package model

import (
	"fmt"
	"slices"
)

// SearchKind is the register a search hit comes from.
type SearchKind string

// Registers the search looks in, in the order hits are listed.
const (
	SearchDeviation SearchKind = "avvik"
	SearchMeasure   SearchKind = "tiltak"
	SearchRiskItem  SearchKind = "risiko"
	SearchFinding   SearchKind = "funn"
	SearchMeeting   SearchKind = "mote"
)

var searchKindLabels = map[SearchKind]string{
	SearchDeviation: "Avvik",
	SearchMeasure:   "Tiltak",
	SearchRiskItem:  "Risikovurdering",
	SearchFinding:   "Funn i vernerunde",
	SearchMeeting:   "Møte",
}

// Label is the register's name.
func (k SearchKind) Label() string { return searchKindLabels[k] }

// SearchKinds are the registers in listing order.
func SearchKinds() []SearchKind {
	return []SearchKind{SearchDeviation, SearchMeasure, SearchRiskItem, SearchFinding, SearchMeeting}
}

// SearchHit is one record found. ParentID and ID name it the way its page
// opens it: the assessment and the item, the round and the question
// number, the meeting (ID), the deviation or the measure (ID).
type SearchHit struct {
	Kind         SearchKind
	ParentID, ID uint64
	Title        string // the record's name, never sensitive free text
	Context      string // where it is or what it is about; "" in Møtemodus for sensitive records
	// Facts tell records with the same title apart: number, date,
	// deadline, status. Each is a short text of its own in bokmål
	// («Tiltak nr. 41», «Frist 01.03.2026», «Pågår»), so a screen in
	// another language translates them one by one.
	Facts []string
	// Source is a measure's source (for its label in the chosen language).
	Source Source
	date   Date // for the order of deviations and meetings

	// ItemID is, for a meeting, the agenda item the words were found in
	// (its title, notes or decisions); 0 when they were found in the
	// meeting's own title or place.
	ItemID uint64
}

// SearchData is everything the search looks in.
type SearchData struct {
	Deviations  []Deviation
	Measures    []Measure
	Assessments []RiskAssessment
	RiskItems   []RiskItem
	Rounds      []SafetyRound
	Meetings    []Meeting
}

// MaxSearchContext is how long a hit's context text may be.
const MaxSearchContext = 120

// SearchAll finds text in every register: the words must all be found,
// each in a title or description field of the same record (FoldSearch
// decides what is equal). A blank text finds nothing. In Møtemodus
// (shared) the text is not looked for in sensitive free text — what
// happened in a deviation, its cause and immediate action, the notes and
// decisions of a closed meeting item — and no such text is shown, so the
// shared screen does not reveal it.
func SearchAll(d SearchData, text string, shared bool) []SearchHit {
	q := NewSearchQuery(text)
	if q.Empty() {
		return nil
	}
	var out []SearchHit
	out = append(out, searchDeviations(d.Deviations, q, shared)...)
	out = append(out, searchMeasures(d.Measures, q)...)
	out = append(out, searchRisk(d.Assessments, d.RiskItems, q)...)
	out = append(out, searchRounds(d.Rounds, q)...)
	out = append(out, searchMeetings(d.Meetings, q, shared)...)
	return out
}

// MatchDeviation reports whether d has the words: in its label (date,
// category, place), type and municipal reference, and unless shared in
// what happened, the cause and the immediate action.
func (q SearchQuery) MatchDeviation(d Deviation, shared bool) bool {
	return q.Match(deviationFields(d, shared)...)
}

// deviationFields are the texts of d a search looks in.
func deviationFields(d Deviation, shared bool) []string {
	fields := []string{d.Label(), d.Type.Label(), d.MunicipalRef}
	if !shared {
		fields = append(fields, d.WhatHappened, d.ImmediateAction, d.Cause)
	}
	return fields
}

// MatchMeasure reports whether m has the words in its title, description,
// responsible or source.
func (q SearchQuery) MatchMeasure(m Measure) bool {
	return q.Match(m.Title, m.Description, m.Responsible, m.Source.Label())
}

// MatchRiskItem reports whether item i of assessment a has the words, in
// the item's texts or the assessment's title and area.
func (q SearchQuery) MatchRiskItem(a RiskAssessment, i RiskItem) bool {
	return q.Match(i.Hazard, i.Event, i.Exposed, i.ExistingMeasures, a.Title, a.Area)
}

// MatchAssessment reports whether assessment a, or one of its items, has
// the words.
func (q SearchQuery) MatchAssessment(a RiskAssessment, items []RiskItem) bool {
	if q.Match(a.Title, a.Area, a.Notes) {
		return true
	}
	for _, i := range items {
		if i.AssessmentID == a.ID && q.MatchRiskItem(a, i) {
			return true
		}
	}
	return false
}

// MatchFinding reports whether finding f of round r has the words.
func (q SearchQuery) MatchFinding(r SafetyRound, f Finding) bool {
	return q.Match(f.Question.Text, f.Question.Section, f.Answer.Comment, r.Title)
}

// MatchRound reports whether round r has the words: in its title, date,
// areas and checklist name, or in one of its findings.
func (q SearchQuery) MatchRound(r SafetyRound) bool {
	fields := append([]string{r.Title, r.Date.String(), r.TemplateName}, r.Areas...)
	if q.Match(fields...) {
		return true
	}
	for _, f := range r.Findings() {
		if q.MatchFinding(r, f) {
			return true
		}
	}
	return false
}

// MatchMeeting reports whether meeting m has the words, in its title and
// place or in one agenda item (returned, or the zero item when the
// meeting's own fields matched). Shared, a closed item is searched by its
// title only.
func (q SearchQuery) MatchMeeting(m Meeting, shared bool) (AgendaItem, bool) {
	if q.Match(m.Title(), m.Place) {
		return AgendaItem{}, true
	}
	for _, it := range m.Agenda {
		if q.Match(itemFields(it, shared)...) {
			return it, true
		}
	}
	return AgendaItem{}, false
}

func searchDeviations(ds []Deviation, q SearchQuery, shared bool) []SearchHit {
	var out []SearchHit
	for _, d := range ds {
		if !q.MatchDeviation(d, shared) {
			continue
		}
		h := SearchHit{Kind: SearchDeviation, ID: d.ID, Title: d.Label(), Context: d.Type.Label(), date: d.Date,
			Facts: slices.DeleteFunc([]string{fmt.Sprintf("Avvik nr. %d", d.ID), d.Status.Label()}, func(f string) bool { return f == "" })}
		if t := normalizeName(d.WhatHappened); !shared && t != "" {
			h.Context = Shorten(t, MaxSearchContext)
		}
		out = append(out, h)
	}
	return newestFirst(out)
}

// newestFirst orders dated hits (deviations, meetings) newest first, as
// their registers list them.
func newestFirst(hs []SearchHit) []SearchHit {
	slices.SortStableFunc(hs, func(a, b SearchHit) int { return b.date.Compare(a.date) })
	return hs
}

func searchMeasures(ms []Measure, q SearchQuery) []SearchHit {
	var out []SearchHit
	for _, m := range ms {
		if q.MatchMeasure(m) {
			out = append(out, SearchHit{Kind: SearchMeasure, ID: m.ID, Title: m.Title,
				Context: Shorten(m.Source.Label(), MaxSearchContext), Facts: measureFacts(m), Source: m.Source})
		}
	}
	return out
}

func searchRisk(as []RiskAssessment, items []RiskItem, q SearchQuery) []SearchHit {
	byID := make(map[uint64]RiskAssessment, len(as))
	for _, a := range as {
		byID[a.ID] = a
	}
	var out []SearchHit
	for _, i := range items {
		a := byID[i.AssessmentID]
		if q.MatchRiskItem(a, i) {
			out = append(out, SearchHit{Kind: SearchRiskItem, ParentID: i.AssessmentID, ID: i.ID,
				Title: Shorten(normalizeName(i.Hazard), MaxSearchContext), Context: Shorten(a.Title, MaxSearchContext),
				Facts: assessmentFacts(a)})
		}
	}
	return out
}

func searchRounds(rs []SafetyRound, q SearchQuery) []SearchHit {
	var out []SearchHit
	for _, r := range rs {
		for _, f := range r.Findings() {
			if q.MatchFinding(r, f) {
				out = append(out, SearchHit{Kind: SearchFinding, ParentID: r.ID, ID: uint64(f.Question.Number),
					Title: Shorten(normalizeName(f.Question.Text), MaxSearchContext), Context: r.Title + " " + r.Date.String()})
			}
		}
	}
	return out
}

func searchMeetings(ms []Meeting, q SearchQuery, shared bool) []SearchHit {
	var out []SearchHit
	for _, m := range ms {
		it, ok := q.MatchMeeting(m, shared)
		if !ok {
			continue
		}
		ctx := m.Place
		if it.Title != "" {
			ctx = Shorten(it.Title, MaxSearchContext)
		}
		out = append(out, SearchHit{Kind: SearchMeeting, ID: m.ID, ItemID: it.ID, Title: m.Title(), Context: ctx, date: m.Date,
			Facts: dateFacts(m.Date)})
	}
	return newestFirst(out)
}

// itemFields are the texts of an agenda item the search looks in: on the
// shared screen only the title of a closed item.
func itemFields(it AgendaItem, shared bool) []string {
	fields := []string{it.Title}
	if shared && it.Closed {
		return fields
	}
	fields = append(fields, it.Notes)
	for _, d := range it.Decisions {
		fields = append(fields, d.Text)
	}
	return fields
}

// measureFacts are a measure hit's facts: «Tiltak nr. 41», «Frist
// 01.03.2026», «Pågår».
func measureFacts(m Measure) []string {
	fs := []string{fmt.Sprintf("Tiltak nr. %d", m.ID)}
	if !m.Deadline.IsZero() {
		fs = append(fs, fmt.Sprintf("Frist %s", m.Deadline))
	}
	return slices.DeleteFunc(append(fs, m.Status.Label()), func(f string) bool { return f == "" })
}

// assessmentFacts are a risk item hit's facts: its assessment's date and
// status, which tell a current assessment from the one it replaced.
func assessmentFacts(a RiskAssessment) []string {
	return slices.DeleteFunc(append(dateFacts(a.Date), a.Status.Label()), func(f string) bool { return f == "" })
}

func dateFacts(d Date) []string {
	if d.IsZero() {
		return nil
	}
	return []string{d.String()}
}
