package model

import (
	"errors"
	"strings"
	"testing"
)

func TestTenFactorEnum(t *testing.T) {
	fs := TenFactors()
	if len(fs) != 10 {
		t.Fatalf("%d factors, want 10", len(fs))
	}
	for i, f := range fs {
		if !f.Valid() || f.Label() == "" || f.Explanation() == "" {
			t.Errorf("%q: label %q explanation %q", f, f.Label(), f.Explanation())
		}
		if f.Number() != i+1 {
			t.Errorf("%q: number %d, want %d", f, f.Number(), i+1)
		}
		if g, ok := TenFactorByNumber(i + 1); !ok || g != f {
			t.Errorf("by number %d: %q", i+1, g)
		}
		for _, s := range []string{f.Label(), f.FullLabel(), string(f), " " + strings.ToUpper(f.Label()) + " "} {
			if g, ok := TenFactorFromLabel(s); !ok || g != f {
				t.Errorf("from label %q: %q %v", s, g, ok)
			}
		}
	}
	if f, ok := TenFactorFromLabel("oppgavemotivasjon"); !ok || f != TenFactorTaskMotivation {
		t.Error("other name oppgavemotivasjon not recognised")
	}
	if f, ok := TenFactorFromLabel("prososial motivasjon"); !ok || f != TenFactorProsocialMotivation {
		t.Error("other name prososial motivasjon not recognised")
	}
	for _, s := range []string{"nyttemotivasjon", "Nytteorientert motivasjon (prososial motivasjon)"} {
		if f, ok := TenFactorFromLabel(s); !ok || f != TenFactorProsocialMotivation {
			t.Errorf("%q not recognised", s)
		}
	}
	// KS's names with the other in brackets (corrections table).
	if got := TenFactorProsocialMotivation.FullLabel(); got != "Nytteorientert motivasjon (nyttemotivasjon)" {
		t.Errorf("full label %q", got)
	}
	if TenFactorTaskMotivation.FullLabel() != "Indre motivasjon (oppgavemotivasjon)" {
		t.Errorf("full label %q", TenFactorTaskMotivation.FullLabel())
	}
	for _, s := range []string{"", " ", "ukjent"} {
		if _, ok := TenFactorFromLabel(s); ok {
			t.Errorf("%q recognised", s)
		}
	}
	if _, ok := TenFactorByNumber(0); ok {
		t.Error("number 0 accepted")
	}
	if _, ok := TenFactorByNumber(11); ok {
		t.Error("number 11 accepted")
	}
	if TenFactor("x").Number() != 0 {
		t.Error("unknown factor has a number")
	}
	for _, k := range SurveyFocusKinds() {
		if g, ok := SurveyFocusKindFromLabel(k.Label()); !ok || g != k {
			t.Errorf("focus kind %q", k)
		}
	}
	for _, k := range SurveyMeetingKinds() {
		if g, ok := SurveyMeetingKindFromLabel(k.Label()); !ok || g != k || !k.Valid() {
			t.Errorf("meeting kind %q", k)
		}
	}
	for _, c := range SurveyComparisons() {
		if g, ok := SurveyComparisonFromLabel(c.Label()); !ok || g != c || !c.Valid() {
			t.Errorf("comparison %q", c)
		}
	}
	for _, s := range SurveyFollowUps() {
		if g, ok := SurveyFollowUpFromLabel(s.Label()); !ok || g != s || !s.Valid() {
			t.Errorf("status %q", s)
		}
	}
	if len(SurveyFollowUpLabels()) != 3 || len(TenFactorLabels()) != 10 || len(SurveyComparisonLabels()) != 3 ||
		len(SurveyFocusKindLabels()) != 2 || len(SurveyMeetingKindLabels()) != 4 {
		t.Error("label lists")
	}
}

func TestParseSurveyScore(t *testing.T) {
	const field = "Mestringsklima"
	tests := []struct {
		in   string
		want SurveyScore
		msg  string // part of the error, "" = ok
	}{
		{"3,85", 385, ""},
		{"3.85", 385, ""},
		{" 4 ", 400, ""},
		{"4,5", 450, ""},
		{"4.", 400, ""},
		{"1", 100, ""},
		{"1,00", 100, ""},
		{"5,00", 500, ""},
		{"5", 500, ""},
		{"05,0", 500, ""},
		{"0,99", 0, "mellom 1,00 og 5,00"},
		{"5,01", 0, "mellom 1,00 og 5,00"},
		{"5,5", 0, "mellom 1,00 og 5,00"},
		{"0", 0, "mellom 1,00 og 5,00"},
		{"45", 0, "mellom 1,00 og 5,00"},
		{"385", 0, "mellom 1,00 og 5,00"},
		{"3,855", 0, "høyst to desimaler"},
		{"3.855", 0, "høyst to desimaler"},
		{"", 0, "et tall fra 1,00 til 5,00"},
		{"3,8,5", 0, "et tall fra 1,00 til 5,00"},
		{"3.8,5", 0, "et tall fra 1,00 til 5,00"},
		{"3,8.5", 0, "et tall fra 1,00 til 5,00"},
		{"3 85", 0, "et tall fra 1,00 til 5,00"},
		{"-3", 0, "et tall fra 1,00 til 5,00"},
		{",5", 0, "et tall fra 1,00 til 5,00"},
		{"tre", 0, "et tall fra 1,00 til 5,00"},
		{"4,5 %", 0, "et tall fra 1,00 til 5,00"},
	}
	for _, tc := range tests {
		got, err := ParseSurveyScoreField(field, tc.in)
		if tc.msg == "" {
			if err != nil || got != tc.want {
				t.Errorf("%q: %v, %v; want %v", tc.in, got, err, tc.want)
			}
			continue
		}
		var fe *FieldError
		if err == nil || !errors.As(err, &fe) || fe.Field != field || !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), field) {
			t.Errorf("%q: error %v, want one naming %s containing %q", tc.in, err, field, tc.msg)
		}
	}
	if s, err := ParseOptionalSurveyScoreField(field, "  "); err != nil || s != 0 {
		t.Errorf("optional empty: %v %v", s, err)
	}
	if _, err := ParseOptionalSurveyScoreField(field, "6"); err == nil {
		t.Error("optional 6 accepted")
	}
}

func TestSurveyScoreFormat(t *testing.T) {
	for _, tc := range []struct {
		s    SurveyScore
		want string
	}{{385, "3,85"}, {400, "4,00"}, {105, "1,05"}, {0, ""}, {-12, "-0,12"}} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("%d: %q, want %q", int(tc.s), got, tc.want)
		}
	}
	for _, tc := range []struct {
		d    SurveyScore
		want string
	}{{12, "+0,12"}, {-30, "−0,30"}, {0, "±0,00"}, {-105, "−1,05"}} {
		if got := FormatSurveyScoreChange(tc.d); got != tc.want {
			t.Errorf("change %d: %q, want %q", int(tc.d), got, tc.want)
		}
	}
	if SurveyScore(385).Float() != 3.85 {
		t.Error("float")
	}
}

func TestSurveyResponseRate(t *testing.T) {
	tests := []struct {
		invited, resp int
		want          Percent
		ok            bool
	}{
		{50, 33, 6600, true},
		{3, 2, 6667, true},  // 66,666… rounds up
		{3, 1, 3333, true},  // 33,333… rounds down
		{8, 1, 1250, true},  // exact
		{200, 1, 50, true},  // 0,5 %
		{30000, 1, 0, true}, // 0,0033 % rounds to 0
		{20000, 1, 1, true}, // 0,005 % rounds half up
		{10, 10, 10000, true},
		{10, 0, 0, true},
		{0, 0, 0, false},
		{-1, 0, 0, false},
		{10, -1, 0, false},
	}
	for _, tc := range tests {
		got, ok := SurveyResponseRate(tc.invited, tc.resp)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%d of %d: %v %v, want %v %v", tc.resp, tc.invited, got, ok, tc.want, tc.ok)
		}
	}
	r := SurveyRound{Invited: 50, Respondents: 33}
	if p, _ := r.ResponseRate(); p.String() != "66,0 %" {
		t.Errorf("round rate %s", p)
	}
}

// fullRound is a valid round with all ten scores: 3,50 + 0,10 × index,
// so Indre motivasjon is lowest (3,50) and the last factor highest (4,40).
func fullRound(year HMSYear) SurveyRound {
	r := NewSurveyRound(year, NewDate(int(year), 11, 1))
	r.OpensOn = NewDate(int(year), 9, 1)
	r.ClosesOn = NewDate(int(year), 9, 30)
	r.Invited, r.Respondents = 40, 30
	for i, f := range TenFactors() {
		r = r.SetScore(SurveyFactorScore{Factor: f, Unit: SurveyScore(350 + 10*i), Municipality: 400, National: 410})
	}
	return r
}

var tfToday = NewDate(2026, 11, 24)

func TestSurveyRoundValidate(t *testing.T) {
	nid := genNID(t, 15, 3, 85, 123)
	ok := fullRound(2026)
	if err := ok.Validate(tfToday); err != nil {
		t.Fatalf("valid round refused: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(r *SurveyRound)
		field string
		msg   string
	}{
		{"year low", func(r *SurveyRound) { r.Year = 1999 }, FieldSurveyYear, "fra 2000 til 2100"},
		{"year future", func(r *SurveyRound) { r.Year = 2027 }, FieldSurveyYear, "frem i tid"},
		{"closes before opens", func(r *SurveyRound) { r.ClosesOn = r.OpensOn.AddDays(-1) }, FieldSurveyClosesOn, "før"},
		{"no results date", func(r *SurveyRound) { r.ResultsOn = Date{} }, FieldSurveyResultsOn, "må fylles ut"},
		{"results tomorrow", func(r *SurveyRound) { r.ResultsOn = tfToday.AddDays(1) }, FieldSurveyResultsOn, "frem i tid"},
		{"results before close", func(r *SurveyRound) { r.ResultsOn = r.ClosesOn.AddDays(-1) }, FieldSurveyResultsOn, "stengte"},
		{"invited 0", func(r *SurveyRound) { r.Invited = 0; r.Respondents = 0 }, FieldSurveyInvited, "fra 1"},
		{"respondents > invited", func(r *SurveyRound) { r.Respondents = 41 }, FieldSurveyRespondents, "kan ikke være større enn antall inviterte (40)"},
		{"respondents negative", func(r *SurveyRound) { r.Respondents = -1 }, FieldSurveyRespondents, "negativt"},
		{"2 respondents with scores", func(r *SurveyRound) { r.Respondents = 2 }, FieldSurveyScores, "færre enn 3 svar"},
		{"score 5,5", func(r *SurveyRound) {
			*r = r.SetScore(SurveyFactorScore{Factor: TenFactorRoleClarity, Unit: 550})
		}, "Rolleklarhet", "mellom 1,00 og 5,00"},
		{"comparison 0,5", func(r *SurveyRound) {
			*r = r.SetScore(SurveyFactorScore{Factor: TenFactorRoleClarity, Unit: 400, UnitType: 50})
		}, "Rolleklarhet, samme enhetstype", "mellom 1,00 og 5,00"},
		{"one score missing", func(r *SurveyRound) {
			*r = r.SetScore(SurveyFactorScore{Factor: TenFactorAutonomy})
		}, FieldSurveyScores, "Mangler: Selvstendighet"},
		{"unknown factor", func(r *SurveyRound) {
			r.Scores = append(r.Scores, SurveyFactorScore{Factor: "x", Unit: 300})
		}, FieldSurveyScores, "Ukjent faktor"},
		{"duplicate factor", func(r *SurveyRound) {
			r.Scores = append(r.Scores, SurveyFactorScore{Factor: TenFactorAutonomy, Unit: 300})
		}, FieldSurveyScores, "mer enn én gang"},
		{"two keep areas", func(r *SurveyRound) {
			r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusKeep}, {Factor: TenFactorRoleClarity, Kind: SurveyFocusKeep}}
		}, FieldSurveyFocusKind, "bare ett bevaringsområde"},
		{"focus twice", func(r *SurveyRound) {
			r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove}, {Factor: TenFactorAutonomy, Kind: SurveyFocusImprove}}
		}, FieldSurveyFocus, "mer enn én gang"},
		{"focus without kind", func(r *SurveyRound) {
			r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy}}
		}, FieldSurveyFocusKind, "velg bevaringsområde eller innsatsområde"},
		{"focus without scores", func(r *SurveyRound) {
			*r = NewSurveyRound(2026, tfToday)
			r.Invited, r.Respondents = 10, 5
			r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove}}
		}, FieldSurveyFocus, "når enhetens skår er registrert"},
		{"focus text with national ID", func(r *SurveyRound) {
			r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove, ToImprove: "Gjelder " + nid}}
		}, FieldSurveyToImprove, "fødselsnummer"},
		{"meeting before results", func(r *SurveyRound) {
			r.Meetings = []SurveyMeeting{{Date: r.ResultsOn.AddDays(-1), Kind: SurveyMeetingReview}}
		}, FieldSurveyMeetingDate, "før resultatene kom"},
		{"meeting in future", func(r *SurveyRound) {
			r.Meetings = []SurveyMeeting{{Date: tfToday.AddDays(1), Kind: SurveyMeetingReview}}
		}, FieldSurveyMeetingDate, "frem i tid"},
		{"meeting without date", func(r *SurveyRound) {
			r.Meetings = []SurveyMeeting{{Kind: SurveyMeetingReview}}
		}, FieldSurveyMeetingDate, "må fylles ut"},
		{"meeting without kind", func(r *SurveyRound) {
			r.Meetings = []SurveyMeeting{{Date: tfToday}}
		}, FieldSurveyMeetingKind, "type møte"},
		{"long note", func(r *SurveyRound) {
			r.Meetings = []SurveyMeeting{{Date: tfToday, Kind: SurveyMeetingOther, Notes: strings.Repeat("x", MaxNoteLen+1)}}
		}, FieldSurveyMeetingNotes, "høyst"},
	}
	for _, tc := range tests {
		r := fullRound(2026)
		tc.edit(&r)
		err := r.Validate(tfToday)
		var v ValidationError
		if !errors.As(err, &v) {
			t.Errorf("%s: error %v, want ValidationError", tc.name, err)
			continue
		}
		if msg := v.For(tc.field); !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: message for %q is %q, want %q (all: %v)", tc.name, tc.field, msg, tc.msg, err)
		}
	}
}

// TestAnonymityRule: with fewer than 3 answers no unit scores, but the
// round itself (invited, answers) can be registered; 3 is enough.
func TestAnonymityRule(t *testing.T) {
	for _, tc := range []struct {
		resp   int
		scores bool
		ok     bool
	}{
		{0, false, true}, {2, false, true}, {2, true, false}, {1, true, false}, {3, true, true}, {3, false, true},
	} {
		r := NewSurveyRound(2026, tfToday)
		r.Invited, r.Respondents = 3, tc.resp
		if tc.scores {
			r = fullRound(2026)
			r.Invited, r.Respondents = 3, tc.resp
		}
		err := r.Validate(tfToday)
		if (err == nil) != tc.ok {
			t.Errorf("%d answers, scores %v: %v", tc.resp, tc.scores, err)
		}
		if r.HasReport() != (tc.resp >= 3) {
			t.Errorf("%d answers: HasReport %v", tc.resp, r.HasReport())
		}
		if !tc.ok && !strings.Contains(err.Error(), "færre enn 3 svar") {
			t.Errorf("message %q does not say why", err)
		}
	}
}

func TestSurveyRoundNormalized(t *testing.T) {
	r := SurveyRound{Scores: []SurveyFactorScore{{Factor: TenFactorMasteryClimate, Unit: 410}, {Factor: "x"}},
		Focus:    []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusKeep, WhatWorks: "  godt  ", MeasureIDs: []uint64{3, 0, 3, 4}}},
		Meetings: []SurveyMeeting{{Date: NewDate(2026, 3, 1)}, {Date: NewDate(2026, 1, 1)}}}
	n := r.Normalized()
	if len(n.Scores) != 11 || n.Scores[8].Factor != TenFactorMasteryClimate || n.Scores[8].Unit != 410 || n.Scores[10].Factor != "x" {
		t.Errorf("scores %+v", n.Scores)
	}
	if n.Focus[0].WhatWorks != "godt" || len(n.Focus[0].MeasureIDs) != 2 {
		t.Errorf("focus %+v", n.Focus)
	}
	if n.Meetings[0].Date != NewDate(2026, 1, 1) {
		t.Error("meetings not sorted")
	}
	if len(r.Focus[0].MeasureIDs) != 4 {
		t.Error("Normalized changed the original")
	}
}

func TestSuggestSurveyFocus(t *testing.T) {
	cur := fullRound(2026)
	// Lowest: Indre motivasjon 3,50. Under 4: the first five (3,50–3,90).
	// Highest: Nytteorientert motivasjon 4,40.
	got := SuggestSurveyFocus(cur, nil)
	byF := map[TenFactor]SurveySuggestion{}
	for _, s := range got {
		byF[s.Factor] = s
	}
	if len(got) != 6 {
		t.Fatalf("%d suggestions: %+v", len(got), got)
	}
	if s := got[0]; s.Factor != TenFactorTaskMotivation || s.Kind != SurveyFocusImprove || !hasReason(s, SurveyReasonLowest) || !hasReason(s, SurveyReasonBelowTarget) {
		t.Errorf("first %+v", s)
	}
	if s := byF[TenFactorMasteryLeadership]; !hasReason(s, SurveyReasonBelowTarget) || hasReason(s, SurveyReasonLowest) {
		t.Errorf("3,90: %+v", s)
	}
	if _, ok := byF[TenFactorRoleClarity]; ok {
		t.Error("4,00 is not under 4 and must not be suggested")
	}
	if s := got[len(got)-1]; s.Factor != TenFactorProsocialMotivation || s.Kind != SurveyFocusKeep || !hasReason(s, SurveyReasonHighest) {
		t.Errorf("keep %+v", s)
	}

	// With a previous round: Mestringsklima (4,30) fell 0,40, more than
	// any other; Rolleklarhet fell 0,10.
	prev := fullRound(2024)
	prev = prev.SetScore(SurveyFactorScore{Factor: TenFactorMasteryClimate, Unit: 470})
	prev = prev.SetScore(SurveyFactorScore{Factor: TenFactorRoleClarity, Unit: 410})
	got = SuggestSurveyFocus(cur, &prev)
	byF = map[TenFactor]SurveySuggestion{}
	for _, s := range got {
		byF[s.Factor] = s
	}
	if s, ok := byF[TenFactorMasteryClimate]; !ok || !hasReason(s, SurveyReasonFellMost) || s.Change != -40 || s.Kind != SurveyFocusImprove {
		t.Errorf("fell most: %+v", s)
	}
	if !strings.Contains(byF[TenFactorMasteryClimate].Text(), "falt mest siden forrige runde (−0,40)") {
		t.Errorf("text %q", byF[TenFactorMasteryClimate].Text())
	}
	if _, ok := byF[TenFactorRoleClarity]; ok {
		t.Error("a smaller drop above 4 is suggested")
	}

	// Ties: two lowest, two that fell equally.
	tie := cur.SetScore(SurveyFactorScore{Factor: TenFactorSelfEfficacy, Unit: 350})
	prev2 := cur
	prev2 = prev2.SetScore(SurveyFactorScore{Factor: TenFactorFlexibility, Unit: 500}) // 4,20 now: −0,80
	prev2 = prev2.SetScore(SurveyFactorScore{Factor: TenFactorAutonomy, Unit: 450})    // 3,70 now: −0,80
	prev2.Year = 2024
	got = SuggestSurveyFocus(tie, &prev2)
	lowest, fell := 0, 0
	for _, s := range got {
		if hasReason(s, SurveyReasonLowest) {
			lowest++
		}
		if hasReason(s, SurveyReasonFellMost) {
			fell++
		}
	}
	if lowest != 2 || fell != 2 {
		t.Errorf("ties: %d lowest, %d fell most: %+v", lowest, fell, got)
	}

	// No drop at all: nobody "fell most".
	for _, s := range SuggestSurveyFocus(cur, &cur) {
		if hasReason(s, SurveyReasonFellMost) {
			t.Errorf("no drop but %+v", s)
		}
	}
	// All equal and high: the lowest is also the highest; suggested once, to improve.
	flat := cur
	for _, f := range TenFactors() {
		flat = flat.SetScore(SurveyFactorScore{Factor: f, Unit: 450})
	}
	if got := SuggestSurveyFocus(flat, nil); len(got) != 10 || got[0].Kind != SurveyFocusImprove {
		t.Errorf("flat: %d suggestions", len(got))
	}
	// No report or incomplete scores: no suggestions.
	few := cur
	few.Respondents = 2
	if SuggestSurveyFocus(few, nil) != nil {
		t.Error("suggestions without a report")
	}
	if SuggestSurveyFocus(NewSurveyRound(2026, tfToday), nil) != nil {
		t.Error("suggestions without scores")
	}
	// An incomplete previous round is ignored.
	empty := NewSurveyRound(2024, tfToday)
	empty.Respondents = 10
	for _, s := range SuggestSurveyFocus(cur, &empty) {
		if s.HasPrev {
			t.Error("previous round without scores used")
		}
	}
}

func hasReason(s SurveySuggestion, r SurveySuggestReason) bool {
	for _, x := range s.Reasons {
		if x == r {
			return true
		}
	}
	return false
}

func TestSurveyFollowUpStatus(t *testing.T) {
	r := fullRound(2026)
	r.ID = 5
	if got := r.FollowUpStatus(nil); got != SurveyFollowUpNotStarted {
		t.Errorf("no focus: %s", got)
	}
	r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove, MeasureIDs: []uint64{1, 2}},
		{Factor: TenFactorProsocialMotivation, Kind: SurveyFocusKeep}}
	ms := func(st ...Status) []Measure {
		var out []Measure
		for i, s := range st {
			out = append(out, Measure{ID: uint64(i + 1), Status: s})
		}
		return append(out, Measure{ID: 99, Status: StatusPagar}) // not linked
	}
	tests := []struct {
		name string
		all  []Measure
		want SurveyFollowUp
	}{
		{"chosen, no measures yet", nil, SurveyFollowUpInProgress},
		{"one open", ms(StatusEvaluert, StatusPagar), SurveyFollowUpInProgress},
		{"done but not evaluated", ms(StatusEvaluert, StatusUtfort), SurveyFollowUpInProgress},
		{"postponed", ms(StatusUtsatt, StatusEvaluert), SurveyFollowUpInProgress},
		{"all evaluated", ms(StatusEvaluert, StatusEvaluert), SurveyFollowUpEvaluated},
		{"evaluated and rejected", ms(StatusEvaluert, StatusAvvist), SurveyFollowUpEvaluated},
		{"only rejected", ms(StatusAvvist, StatusAvvist), SurveyFollowUpInProgress},
		{"one deleted from the plan, the other evaluated", []Measure{{ID: 2, Status: StatusEvaluert}}, SurveyFollowUpEvaluated},
	}
	for _, tc := range tests {
		if got := r.FollowUpStatus(tc.all); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestSurveyFollowUpOverdue(t *testing.T) {
	r := fullRound(2026)
	r.ResultsOn = NewDate(2026, 5, 31)
	// 31.05 + 3 months = 31.08 (clamped months are tested in AddMonths).
	for _, tc := range []struct {
		today Date
		want  bool
	}{
		{NewDate(2026, 8, 30), false},
		{NewDate(2026, 8, 31), false}, // exactly three months: not yet
		{NewDate(2026, 9, 1), true},
		{NewDate(2027, 1, 1), true},
	} {
		if got := r.FollowUpOverdue(nil, tc.today); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.today, got, tc.want)
		}
	}
	started := r.SetFocus(SurveyFocusArea{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove})
	if started.FollowUpOverdue(nil, NewDate(2027, 1, 1)) {
		t.Error("a round with a chosen focus area is reminded of")
	}
	few := r
	few.Respondents = 2
	if few.FollowUpOverdue(nil, NewDate(2027, 1, 1)) {
		t.Error("a round without a unit report is reminded of")
	}
	// 30.11 + 3 months = 28.02 (29.02 in a leap year).
	r.ResultsOn = NewDate(2026, 11, 30)
	if r.FollowUpOverdue(nil, NewDate(2027, 2, 28)) || !r.FollowUpOverdue(nil, NewDate(2027, 3, 1)) {
		t.Error("end-of-month edge")
	}
}

func TestSurveyEvaluationDue(t *testing.T) {
	r := fullRound(2026)
	r.ResultsOn = NewDate(2026, 1, 10)
	r.Focus = []SurveyFocusArea{{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove, MeasureIDs: []uint64{1, 2}}}
	all := []Measure{{ID: 1, Status: StatusPagar, Created: NewDate(2026, 2, 15)}, {ID: 2, Status: StatusPlanlagt, Created: NewDate(2026, 2, 1)}}
	// No meetings: from the earliest measure, 01.02 + 3 months = 01.05.
	due, overdue, ok := r.EvaluationDue(all, NewDate(2026, 5, 1))
	if !ok || due != NewDate(2026, 5, 1) || overdue {
		t.Errorf("from measures: %s %v %v", due, overdue, ok)
	}
	if _, overdue, _ := r.EvaluationDue(all, NewDate(2026, 5, 2)); !overdue {
		t.Error("not overdue the day after")
	}
	// The last meeting counts.
	r.Meetings = []SurveyMeeting{{Date: NewDate(2026, 2, 1), Kind: SurveyMeetingReview}, {Date: NewDate(2026, 6, 10), Kind: SurveyMeetingEvaluation}}
	due, overdue, _ = r.EvaluationDue(all, NewDate(2026, 9, 10))
	if due != NewDate(2026, 9, 10) || overdue {
		t.Errorf("from meeting: %s %v", due, overdue)
	}
	if _, overdue, _ := r.EvaluationDue(all, NewDate(2026, 9, 11)); !overdue {
		t.Error("not overdue the day after three months from the meeting")
	}
	// All evaluated: no reminder. No measures: no reminder.
	done := []Measure{{ID: 1, Status: StatusEvaluert}, {ID: 2, Status: StatusEvaluert}}
	if _, _, ok := r.EvaluationDue(done, NewDate(2027, 1, 1)); ok {
		t.Error("reminder when all measures are evaluated")
	}
	if _, _, ok := r.EvaluationDue(nil, NewDate(2027, 1, 1)); ok {
		t.Error("reminder without measures")
	}
}

func TestSurveyMeasureLink(t *testing.T) {
	r := fullRound(2026)
	r.ID = 7
	if _, ok := r.LinkMeasure(TenFactorAutonomy, 3); ok {
		t.Error("linked to a factor that is not chosen")
	}
	r = r.SetFocus(SurveyFocusArea{Factor: TenFactorAutonomy, Kind: SurveyFocusImprove})
	l, ok := r.LinkMeasure(TenFactorAutonomy, 3)
	l, _ = l.LinkMeasure(TenFactorAutonomy, 3)
	if !ok || len(l.MeasureIDs()) != 1 || len(r.MeasureIDs()) != 0 {
		t.Errorf("link: %v %v", l.MeasureIDs(), r.MeasureIDs())
	}
	u, found := l.UnlinkMeasure(3)
	if !found || len(u.MeasureIDs()) != 0 || len(l.MeasureIDs()) != 1 {
		t.Error("unlink")
	}
	m := NewMeasureFromFocus(l, TenFactorAutonomy, " ", "Leder", tfToday.AddMonths(2), tfToday)
	if m.Source.Kind != SourceTenFactor || m.Source.ParentID != 7 || m.Source.RefID != 3 ||
		m.Source.RefLabel != "10-FAKTOR 2026: Selvstendighet, innsatsområde" || m.Title != "Følge opp selvstendighet" {
		t.Errorf("measure %+v", m)
	}
	if err := m.Validate(tfToday); err != nil {
		t.Errorf("measure invalid: %v", err)
	}
	if got := l.LinkedMeasures(TenFactorAutonomy, []Measure{{ID: 3}, {ID: 4}}); len(got) != 1 {
		t.Errorf("linked measures %v", got)
	}
	if !l.SetFocus(SurveyFocusArea{Factor: TenFactorMasteryClimate, Kind: SurveyFocusKeep}).FocusComplete() || l.FocusComplete() {
		t.Error("FocusComplete")
	}
	if len(l.RemoveFocus(TenFactorAutonomy).Focus) != 0 {
		t.Error("RemoveFocus")
	}
}

func TestSurveyRoundsOrder(t *testing.T) {
	a, b, c := fullRound(2022), fullRound(2024), fullRound(2026)
	a.ID, b.ID, c.ID = 1, 2, 3
	b.Respondents = 2
	b.Scores = nil
	rounds := []SurveyRound{c, a, b}
	if p := PreviousSurveyRound(rounds, c); p == nil || p.ID != 1 {
		t.Errorf("previous of 2026: %+v (2024 has no report)", p)
	}
	if p := PreviousSurveyRound(rounds, a); p != nil {
		t.Error("2022 has a previous round")
	}
	if l := LatestSurveyRound(rounds); l == nil || l.ID != 3 {
		t.Error("latest")
	}
	if LatestSurveyRound(nil) != nil {
		t.Error("latest of none")
	}
	tr := SurveyFactorTrend(rounds, TenFactorAutonomy)
	if len(tr) != 2 || tr[0].Year != 2022 || tr[1].Year != 2026 || tr[0].Score != 370 {
		t.Errorf("trend %+v", tr)
	}
	SortSurveyRounds(rounds)
	if rounds[0].ID != 1 || rounds[2].ID != 3 {
		t.Error("sort")
	}
}

func TestFocusProgressOf(t *testing.T) {
	m := func(st Status) Measure { return Measure{Status: st} }
	cases := []struct {
		name   string
		linked []Measure
		want   FocusProgress
	}{
		{"none linked", nil, FocusProgress{}},
		{"open ones", []Measure{m(StatusPlanlagt), m(StatusPagar)}, FocusProgress{Linked: 2, Open: 2}},
		{"done is neither open nor evaluated", []Measure{m(StatusUtfort)}, FocusProgress{Linked: 1}},
		{"evaluated and rejected", []Measure{m(StatusEvaluert), m(StatusAvvist), m(StatusPlanlagt)}, FocusProgress{Linked: 3, Open: 1, Evaluated: 1}},
	}
	for _, c := range cases {
		if got := FocusProgressOf(c.linked); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
