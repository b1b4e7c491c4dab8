package model

import (
	"testing"
	"time"
)

func TestMatchTraining(t *testing.T) {
	tr := ViolenceTraining{Date: NewDate(2026, time.March, 5), Topic: "Alarmøvelse nattevakt", Kind: TrainingDrill,
		Groups: "nattevakter, vikarer", Notes: "Alarmen gikk til feil telefon"}
	cases := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"alarmovelse", true},     // ø as o
		{"ØVELSE NATT", true},     // topic, any case
		{"vikarer", true},         // groups
		{"feil telefon", true},    // notes
		{"05.03.2026", true},      // date
		{"øvelse kurs", false},    // both words must be found
		{"dagvakt", false},        // nowhere
		{"nattevakt kurs", false}, // one word missing
	}
	for _, c := range cases {
		if got := NewSearchQuery(c.query).MatchTraining(tr); got != c.want {
			t.Errorf("MatchTraining(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

func TestMatchSickLeave(t *testing.T) {
	s := SickLeaveQuarter{Quarter: Quarter{Year: 2026, Q: 3}, Total: 61}
	cases := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"2026", true},
		{"2026-k3", true},
		{"3. kvartal", true},
		{"kvartal 2026", true},
		{"2025", false},
		{"2026-K2", false},
		{"6,1", false}, // figures are not searched
	}
	for _, c := range cases {
		if got := NewSearchQuery(c.query).MatchSickLeave(s); got != c.want {
			t.Errorf("MatchSickLeave(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

func TestMatchSurveyRound(t *testing.T) {
	r := SurveyRound{Year: 2026, Notes: "Lav svarprosent på natt",
		Focus:    []SurveyFocusArea{{Factor: TenFactorTaskMotivation, WhatWorks: "Gode rutiner", ToImprove: "Mer faglig påfyll"}},
		Meetings: []SurveyMeeting{{Date: NewDate(2026, time.April, 2), Notes: "Gjennomgang på personalmøte"}}}
	cases := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"10-faktor 2026", true},
		{"2026", true},
		{"svarprosent", true},          // notes
		{"indre motivasjon", true},     // the focus factor's label
		{"oppgavemotivasjon", true},    // and its other name
		{"faglig pafyll", true},        // what to improve, å as a
		{"personalmøte", true},         // a follow-up meeting
		{"2025", false},                // another year
		{"mestringstro", false},        // a factor not chosen
		{"rutiner personalmote", true}, // words in two fields
	}
	for _, c := range cases {
		if got := NewSearchQuery(c.query).MatchSurveyRound(r); got != c.want {
			t.Errorf("MatchSurveyRound(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

func TestMatchIncident(t *testing.T) {
	d := Deviation{Date: NewDate(2026, time.November, 18), Category: DevViolence, Place: "Avdeling 1 (skjermet)",
		Severity: SeveritySerious, ViolenceType: ViolencePhysical, PersonHarm: HarmInjury,
		FollowUpOffered: []FollowUpOffer{FollowUpDebriefing}, WhatHappened: "Beboer slo etter pleier ved stell"}
	cases := []struct {
		query  string
		shared bool
		want   bool
	}{
		{"", false, true},
		{"18.11.2026", false, true},                // date
		{"skjermet", false, true},                  // place
		{"fysisk", false, true},                    // type of violence
		{"alvorlig", false, true},                  // severity
		{"personskade ikke alvorlig", false, true}, // harm
		{"debrifing", false, true},                 // follow-up offered
		{"fysisk avdeling 1", false, true},         // words from different fields
		{"slo etter pleier", false, true},          // what happened
		{"slo etter pleier", true, false},          // hidden in Møtemodus, not searched
		{"fysisk skjermet", true, true},            // the shown fields still are
		{"seksuell", false, false},                 // another type
		{"fysisk kjøkken", false, false},           // one word missing
	}
	for _, c := range cases {
		if got := NewSearchQuery(c.query).MatchIncident(d, c.shared); got != c.want {
			t.Errorf("MatchIncident(%q, shared %v) = %v, want %v", c.query, c.shared, got, c.want)
		}
	}
}
