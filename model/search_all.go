package model

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

func searchDeviations(ds []Deviation, q SearchQuery, shared bool) []SearchHit {
	var out []SearchHit
	for _, d := range ds {
		fields := []string{d.Label(), d.Type.Label(), d.MunicipalRef}
		if !shared {
			fields = append(fields, d.WhatHappened, d.ImmediateAction, d.Cause)
		}
		if !q.Match(fields...) {
			continue
		}
		h := SearchHit{Kind: SearchDeviation, ID: d.ID, Title: d.Label(), Context: d.Type.Label()}
		if t := normalizeName(d.WhatHappened); !shared && t != "" {
			h.Context = shorten(t, MaxSearchContext)
		}
		out = append(out, h)
	}
	return out
}

func searchMeasures(ms []Measure, q SearchQuery) []SearchHit {
	var out []SearchHit
	for _, m := range ms {
		if q.Match(m.Title, m.Description, m.Responsible, m.Source.Label()) {
			out = append(out, SearchHit{Kind: SearchMeasure, ID: m.ID, Title: m.Title,
				Context: shorten(m.Source.Label(), MaxSearchContext)})
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
		if q.Match(i.Hazard, i.Event, i.Exposed, i.ExistingMeasures, a.Title, a.Area) {
			out = append(out, SearchHit{Kind: SearchRiskItem, ParentID: i.AssessmentID, ID: i.ID,
				Title: shorten(normalizeName(i.Hazard), MaxSearchContext), Context: shorten(a.Title, MaxSearchContext)})
		}
	}
	return out
}

func searchRounds(rs []SafetyRound, q SearchQuery) []SearchHit {
	var out []SearchHit
	for _, r := range rs {
		for _, f := range r.Findings() {
			if q.Match(f.Question.Text, f.Question.Section, f.Answer.Comment, r.Title) {
				out = append(out, SearchHit{Kind: SearchFinding, ParentID: r.ID, ID: uint64(f.Question.Number),
					Title: shorten(normalizeName(f.Question.Text), MaxSearchContext), Context: r.Title + " " + r.Date.String()})
			}
		}
	}
	return out
}

func searchMeetings(ms []Meeting, q SearchQuery, shared bool) []SearchHit {
	var out []SearchHit
	for _, m := range ms {
		if q.Match(m.Title(), m.Place) {
			out = append(out, SearchHit{Kind: SearchMeeting, ID: m.ID, Title: m.Title(), Context: m.Place})
			continue
		}
		for _, it := range m.Agenda {
			if q.Match(itemFields(it, shared)...) {
				out = append(out, SearchHit{Kind: SearchMeeting, ID: m.ID, Title: m.Title(), Context: shorten(it.Title, MaxSearchContext)})
				break
			}
		}
	}
	return out
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
