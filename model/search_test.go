package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFoldSearch(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"Dør", "dor"},
		{"DØR", "dor"},
		{"Ærlig ÅPEN", "aerlig apen"},
		{"  to   ord\t\n", "to ord"},
		{"Café Über", "cafe uber"},
		{"Kjøkken 2", "kjokken 2"},
		{"ÄÖ", "aeo"},
	}
	for _, c := range cases {
		if got := FoldSearch(c.in); got != c.want {
			t.Errorf("FoldSearch(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSearchQueryMatch(t *testing.T) {
	cases := []struct {
		name, query string
		fields      []string
		want        bool
	}{
		{"blank finds all", "  ", []string{"x"}, true},
		{"case", "KJØKKEN", []string{"kjøkken"}, true},
		{"å as a", "apen dor", []string{"Åpen dør"}, true},
		{"æ as ae", "aere", []string{"Ære"}, true},
		{"æ typed finds ae", "ære", []string{"Aere"}, true},
		{"ø typed finds o", "dør", []string{"dor"}, true},
		{"part of word", "flytn", []string{"Forflytning"}, true},
		{"all words needed", "brann kjøkken", []string{"Brann i stua"}, false},
		{"words in two fields", "brann kjøkken", []string{"Brann", "Kjøkken"}, true},
		{"not across fields", "brannkjøkken", []string{"Brann", "Kjøkken"}, false},
		{"no fields", "x", nil, false},
		{"empty field", "x", []string{""}, false},
	}
	for _, c := range cases {
		if got := NewSearchQuery(c.query).Match(c.fields...); got != c.want {
			t.Errorf("%s: Match(%q, %q) = %v, want %v", c.name, c.query, c.fields, got, c.want)
		}
	}
}

func searchFixture() SearchData {
	d := NewDate(2026, 3, 12)
	return SearchData{
		Deviations: []Deviation{
			{ID: 1, Date: d, Place: "Kjøkken", Category: DevFire, Type: TypeDeviation, WhatHappened: "Komfyren ble stående på, beboer urolig"},
			{ID: 2, Date: d.AddDays(1), Place: "Avdeling 2", Category: DevInjury, Type: TypeNearMiss, Cause: "Våt gulvflate"},
		},
		Measures: []Measure{
			{ID: 10, Title: "Komfyrvakt på kjøkkenet", Description: "Montere komfyrvakt", Responsible: "Vaktmester"},
			{ID: 11, Title: "Kurs i forflytning", Source: Source{Kind: SourceRiskAssessment, RefLabel: "Tunge løft"}},
		},
		Assessments: []RiskAssessment{{ID: 20, Title: "Forflytning avdeling 2", Area: "Forflytning"}},
		RiskItems:   []RiskItem{{ID: 21, AssessmentID: 20, Hazard: "Tunge løft i dusj", Event: "Ryggskade"}},
		Rounds: []SafetyRound{{ID: 30, Title: "Vernerunde vår", Date: d,
			Sections: []ChecklistSection{{Title: "Brannvern", Questions: []ChecklistQuestion{{Text: "Er rømningsveier frie?"}, {Text: "Er slukkeutstyr kontrollert?"}}}},
			Answers:  []RoundAnswer{{Number: 1, Answer: AnswerImprove, Comment: "Stoler i gangen"}, {Number: 2, Answer: AnswerOK}}}},
		Meetings: []Meeting{{ID: 40, Date: d, Place: "Møterom 1", Agenda: []AgendaItem{
			{ID: 1, Title: "Avvik siden sist", Notes: "Komfyr gjennomgått"},
			{ID: 2, Title: "Personalsak", Closed: true, Notes: "Konflikt på nattvakt", Decisions: []Decision{{ID: 3, Text: "Samtale med verneombud"}}},
		}}},
	}
}

type hitKey struct {
	Kind         SearchKind
	ParentID, ID uint64
}

func hitKeys(hs []SearchHit) []hitKey {
	var out []hitKey
	for _, h := range hs {
		out = append(out, hitKey{h.Kind, h.ParentID, h.ID})
	}
	return out
}

func TestSearchAll(t *testing.T) {
	data := searchFixture()
	cases := []struct {
		name   string
		text   string
		shared bool
		want   []hitKey
	}{
		{"blank finds nothing", " ", false, nil},
		{"komfyr in every register that has it", "komfyr", false, []hitKey{{SearchDeviation, 0, 1}, {SearchMeasure, 0, 10}, {SearchMeeting, 0, 40}}},
		{"sensitive deviation text not searched when shared", "komfyren", true, nil},
		{"deviation label searched when shared", "kjøkken", true, []hitKey{{SearchDeviation, 0, 1}, {SearchMeasure, 0, 10}}},
		{"deviation cause", "vat gulv", false, []hitKey{{SearchDeviation, 0, 2}}},
		{"deviations newest first", "2026", false, []hitKey{{SearchDeviation, 0, 2}, {SearchDeviation, 0, 1}, {SearchMeeting, 0, 40}}},
		{"risk item by hazard, measure by source", "tunge løft", false, []hitKey{{SearchMeasure, 0, 11}, {SearchRiskItem, 20, 21}}},
		{"risk item by assessment title", "avdeling 2 forflytning", false, []hitKey{{SearchRiskItem, 20, 21}}},
		{"finding by comment, only findings", "stoler", false, []hitKey{{SearchFinding, 30, 1}}},
		{"question answered OK is no finding", "slukkeutstyr", false, nil},
		{"meeting by place", "MØTEROM", false, []hitKey{{SearchMeeting, 0, 40}}},
		{"closed item notes found privately", "konflikt", false, []hitKey{{SearchMeeting, 0, 40}}},
		{"closed item notes not found when shared", "konflikt", true, nil},
		{"closed item decision not found when shared", "samtale", true, nil},
		{"closed item title found when shared", "personalsak", true, []hitKey{{SearchMeeting, 0, 40}}},
	}
	for _, c := range cases {
		got := hitKeys(SearchAll(data, c.text, c.shared))
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: SearchAll(%q, %v) = %v, want %v", c.name, c.text, c.shared, got, c.want)
		}
	}
}

func TestSearchAllShownText(t *testing.T) {
	data := searchFixture()
	private := SearchAll(data, "komfyren", false)
	if len(private) != 1 || private[0].Context != "Komfyren ble stående på, beboer urolig" {
		t.Fatalf("private hit = %+v, want what happened as context", private)
	}
	for _, h := range SearchAll(data, "kjøkken", true) {
		if h.Kind == SearchDeviation && h.Context != TypeDeviation.Label() {
			t.Errorf("shared deviation hit shows %q, want only its type", h.Context)
		}
	}
	m := SearchAll(data, "konflikt", false)
	if len(m) != 1 || m[0].Context != "Personalsak" || m[0].Title != "Møte 12.03.2026" {
		t.Errorf("meeting hit = %+v, want the item title as context", m)
	}
	for _, k := range SearchKinds() {
		if k.Label() == "" {
			t.Errorf("kind %q has no label", k)
		}
	}
}

func TestSearchListMatchers(t *testing.T) {
	data := searchFixture()
	a, r, m := data.Assessments[0], data.Rounds[0], data.Meetings[0]
	cases := []struct {
		name string
		got  bool
		want bool
	}{
		{"assessment by title", NewSearchQuery("avdeling 2").MatchAssessment(a, data.RiskItems), true},
		{"assessment by its item", NewSearchQuery("ryggskade").MatchAssessment(a, data.RiskItems), true},
		{"assessment not by another's item", NewSearchQuery("ryggskade").MatchAssessment(RiskAssessment{ID: 99, Title: "Annen"}, data.RiskItems), false},
		{"round by area-less title", NewSearchQuery("VAR").MatchRound(r), true},
		{"round by date", NewSearchQuery("12.03.2026").MatchRound(r), true},
		{"round by finding comment", NewSearchQuery("gangen").MatchRound(r), true},
		{"round not by OK answer", NewSearchQuery("slukkeutstyr").MatchRound(r), false},
		{"deviation private text", NewSearchQuery("urolig").MatchDeviation(data.Deviations[0], false), true},
		{"deviation private text shared", NewSearchQuery("urolig").MatchDeviation(data.Deviations[0], true), false},
		{"measure by responsible", NewSearchQuery("vaktmester").MatchMeasure(data.Measures[0]), true},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if it, ok := NewSearchQuery("konflikt").MatchMeeting(m, false); !ok || it.ID != 2 {
		t.Errorf("MatchMeeting private = %v, %v; want item 2", it.ID, ok)
	}
	if _, ok := NewSearchQuery("konflikt").MatchMeeting(m, true); ok {
		t.Error("closed item's notes matched on the shared screen")
	}
}

// TestSearchMeetingItem: a meeting hit names the agenda item the words
// are in, so the meeting opens at that item; words in the meeting's own
// fields name none.
func TestSearchMeetingItem(t *testing.T) {
	data := searchFixture()
	cases := []struct {
		name, text string
		want       uint64
	}{
		{"place: the meeting itself", "møterom", 0},
		{"item title", "avvik siden sist", 1},
		{"item notes (the minutes)", "komfyr gjennomgått", 1},
		{"a decision", "samtale med verneombud", 2},
		{"closed item notes", "konflikt", 2},
	}
	for _, c := range cases {
		var got []uint64
		for _, h := range SearchAll(data, c.text, false) {
			if h.Kind == SearchMeeting {
				got = append(got, h.ItemID)
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: %q gives meeting hits in items %v, want [%d]", c.name, c.text, got, c.want)
		}
	}
}

// TestSearchHitsTellSameTitlesApart: two records with the same title give
// hits whose text differs (number, date, deadline, status), as the
// current risk assessment and the one it replaced, or two measures with
// the same title, once did not.
func TestSearchHitsTellSameTitlesApart(t *testing.T) {
	shown := func(h SearchHit) string {
		return h.Title + " | " + strings.Join(h.Facts, " · ") + " | " + h.Context
	}
	d1, d2 := NewDate(2024, time.March, 1), NewDate(2026, time.February, 2)
	data := SearchData{
		Measures: []Measure{
			{ID: 41, Title: "Kurs i håndtering av utagerende atferd", Deadline: NewDate(2026, time.March, 1), Status: StatusPagar},
			{ID: 52, Title: "Kurs i håndtering av utagerende atferd", Status: StatusPlanlagt},
		},
		Assessments: []RiskAssessment{
			{ID: 1, Title: "Risikovurdering – Korttid", Date: d1, Status: AssessmentDone},
			{ID: 2, Title: "Risikovurdering – Korttid", Date: d2, Status: AssessmentInProgress},
		},
		RiskItems: []RiskItem{{ID: 11, AssessmentID: 1, Hazard: "Utagerende beboer"}, {ID: 12, AssessmentID: 2, Hazard: "Utagerende beboer"}},
		Deviations: []Deviation{
			{ID: 7, Date: d2, Category: DevViolence, Place: "Avdeling 1", Status: DevRegistered},
			{ID: 8, Date: d2, Category: DevViolence, Place: "Avdeling 1", Status: DevRegistered},
		},
	}
	for _, text := range []string{"kurs utagerende", "utagerende beboer", "avdeling 1"} {
		hits := SearchAll(data, text, false)
		if len(hits) != 2 {
			t.Fatalf("%q: %d hits, want 2", text, len(hits))
		}
		if a, b := shown(hits[0]), shown(hits[1]); a == b {
			t.Errorf("%q: two hits read the same: %q", text, a)
		}
	}
	m := SearchAll(data, "kurs", false)[0]
	if got, want := strings.Join(m.Facts, " · "), "Tiltak nr. 41 · Frist 01.03.2026 · Pågår"; got != want {
		t.Errorf("measure facts %q, want %q", got, want)
	}
}

func TestSourceDeviationRef(t *testing.T) {
	d := Deviation{ID: 3, Date: NewDate(2023, time.December, 21), Category: DevViolence, Place: "Avdeling 2, bad"}
	m := NewMeasureFromDeviation(d, "", "", Date{}, d.Date)
	date, cat, place, ok := m.Source.DeviationRef()
	if !ok || date != d.Date || cat != DevViolence || place != "Avdeling 2, bad" {
		t.Errorf("DeviationRef = %v %q %q %v", date, cat, place, ok)
	}
	d.Place = ""
	m = NewMeasureFromDeviation(d, "", "", Date{}, d.Date)
	if _, cat, place, ok := m.Source.DeviationRef(); !ok || cat != DevViolence || place != "" {
		t.Errorf("without place: %q %q %v", cat, place, ok)
	}
	for _, s := range []Source{
		{Kind: SourceDeviation, RefLabel: "Noe annet"},
		{Kind: SourceDeviation, RefLabel: "Avvik ikke-dato Vold og trusler"},
		{Kind: SourceSafetyRound, RefLabel: "Avvik 21.12.2023 Vold og trusler"},
	} {
		if _, _, _, ok := s.DeviationRef(); ok {
			t.Errorf("%+v: ok", s)
		}
	}
}
