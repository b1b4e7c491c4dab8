package demo

import (
	"slices"
	"strings"
	"testing"

	"hmsutvalg/model"
)

// realismSeeds cover every kind of unit (checked in the tests).
const realismSeeds = 40

// datasetTexts are the texts of a dataset a reader sees: measures, risk
// items, deviations, meeting notes and decisions, the violence mapping.
func datasetTexts(ds Dataset) []string {
	var out []string
	for _, m := range ds.Measures {
		out = append(out, m.Title)
	}
	for _, a := range ds.Assessments {
		out = append(out, a.Title)
		for _, it := range a.Items {
			out = append(out, it.Hazard)
			for _, m := range it.Measures {
				out = append(out, m.Title)
			}
		}
	}
	for _, d := range ds.Deviations {
		out = append(out, d.WhatHappened, d.Cause)
		for _, m := range d.Measures {
			out = append(out, m.Title)
		}
	}
	for _, m := range ds.Meetings.Meetings {
		for _, it := range m.Agenda {
			out = append(out, it.Notes)
			for _, d := range it.Decisions {
				out = append(out, d.Text)
			}
		}
	}
	v := ds.Violence
	for _, f := range v.Mapping.Factors {
		out = append(out, f.Answer)
	}
	out = append(out, v.Mapping.Combined.Assessment)
	for _, m := range v.Measures {
		out = append(out, m.Measure.Title)
	}
	return out
}

// A text meant for one kind of unit never shows in another: no care
// home's «Alltid to ansatte ved stell» in a school.
func TestDemoTextsFitSector(t *testing.T) {
	tagged := sectorTexts()
	if s := tagged["Alltid to ansatte ved stell når det er kjent uro"]; len(s) == 0 || slices.Contains(s, model.SectorSkole) {
		t.Fatalf("the care home's measure is tagged %v", s)
	}
	seen := map[model.Sector]int{}
	for seed := int64(1); seed <= realismSeeds; seed++ {
		ds := Generate(Options{Seed: seed, Scale: 1, Today: today})
		sector := ds.Unit.Sector
		checked := 0
		for _, text := range datasetTexts(ds) {
			allowed, ok := tagged[text]
			if !ok {
				continue
			}
			checked++
			if !slices.Contains(allowed, sector) {
				t.Errorf("seed %d (%s, %s): «%s» is meant for %v", seed, ds.Unit.Name, sector, text, allowed)
			}
		}
		if checked < 10 {
			t.Errorf("seed %d (%s): only %d sector texts checked", seed, sector, checked)
		}
		seen[sector]++
	}
	for _, k := range kinds {
		if seen[k.sector] == 0 {
			t.Errorf("no seed up to %d gives a %s unit", realismSeeds, k.sector)
		}
	}
}

func TestFindingNotesForQuestion(t *testing.T) {
	cases := []struct {
		question, want, never string
	}{
		{"Er ansatte tilbudt vaksiner som anbefales for helsepersonell?", "vaksine", "kontroll"},
		{"Er håndslukkere og brannslanger på plass og kontrollert?", "kontroll", ""},
		{"Har alle det verneutstyret arbeidet krever (vernesko, hjelm, briller, hansker, synlighetstøy)?", "utstyret", "støy"},
		{"Lukker branndørene seg av seg selv?", "døren", ""},
		{"Virker ledelys og nødutgangsskilt?", "lys", "lysrør"},
		{"Finnes det et oppdatert stoffkartotek for vaske- og desinfeksjonsmidler?", "stoffkartotek", ""},
		{"Er det gjennomført brannøvelse det siste året?", "øvelsen", ""},
		{"Er arbeidsmengden håndterbar, uten vedvarende tidspress?", "", "kontroll"},
	}
	for _, c := range cases {
		notes := findingNotesFor(c.question)
		for _, n := range notes {
			if !strings.Contains(n, c.want) { // "" is in every note
				t.Errorf("%q: note %q lacks %q", c.question, n, c.want)
			}
			if c.never != "" && strings.Contains(n, c.never) {
				t.Errorf("%q: note %q has %q", c.question, n, c.never)
			}
		}
	}
}

// Every finding's comment is one that fits its question.
func TestDemoFindingCommentsFitQuestion(t *testing.T) {
	findings := 0
	for seed := int64(1); seed <= realismSeeds; seed++ {
		for _, sr := range Generate(Options{Seed: seed, Scale: 1, Today: today}).SafetyRounds {
			text := map[int]string{}
			for _, q := range sr.Questions() {
				text[q.Number] = q.Text
			}
			for _, a := range sr.Answers {
				if a.Comment == "" {
					continue
				}
				findings++
				for _, m := range sr.Measures[a.Number] {
					if !slices.Contains(findingResponsibles(text[a.Number]), m.Responsible) {
						t.Errorf("seed %d, %s: %s follows up «%s»", seed, sr.Title, m.Responsible, text[a.Number])
					}
				}
				_, note, ok := strings.Cut(a.Comment, ": ")
				if !ok || !slices.Contains(findingNotesFor(text[a.Number]), note) {
					t.Errorf("seed %d, %s: «%s» does not fit «%s»", seed, sr.Title, a.Comment, text[a.Number])
				}
			}
		}
	}
	if findings < 100 {
		t.Errorf("only %d findings checked", findings)
	}
}

func TestHolidaysAndWorkdays(t *testing.T) {
	holidays := []model.Date{
		model.NewDate(2025, 1, 1), model.NewDate(2025, 4, 17), model.NewDate(2025, 4, 18), model.NewDate(2025, 4, 21),
		model.NewDate(2025, 5, 1), model.NewDate(2025, 5, 17), model.NewDate(2025, 5, 29), model.NewDate(2025, 6, 9),
		model.NewDate(2025, 12, 25), model.NewDate(2025, 12, 26), model.NewDate(2026, 4, 6), model.NewDate(2026, 5, 14),
		model.NewDate(2026, 5, 25), model.NewDate(2024, 3, 28), model.NewDate(2024, 4, 1),
	}
	for _, d := range holidays {
		if !isHoliday(d) || isWorkday(d) {
			t.Errorf("%s should be a holiday", d)
		}
	}
	for _, d := range []model.Date{model.NewDate(2025, 4, 16), model.NewDate(2025, 4, 22), model.NewDate(2025, 5, 16), model.NewDate(2026, 1, 2)} {
		if !isWorkday(d) {
			t.Errorf("%s should be a working day", d)
		}
	}
	cases := []struct{ in, want model.Date }{
		{model.NewDate(2025, 5, 18), model.NewDate(2025, 5, 16)},   // Sunday after 17 May (a Saturday)
		{model.NewDate(2026, 1, 24), model.NewDate(2026, 1, 23)},   // Saturday
		{model.NewDate(2025, 4, 21), model.NewDate(2025, 4, 16)},   // Easter Monday back to the Wednesday before
		{model.NewDate(2026, 1, 1), model.NewDate(2026, 1, 2)},     // never into the year before
		{model.NewDate(2025, 11, 24), model.NewDate(2025, 11, 24)}, // a Monday stays
	}
	for _, c := range cases {
		if got := workday(c.in); got != c.want {
			t.Errorf("workday(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// demoDays are the days of meetings, safety rounds, trainings, risk
// assessments and 10-FAKTOR, by what they are.
func demoDays(ds Dataset, today model.Date) map[string]model.Date {
	out := map[string]model.Date{}
	add := func(what string, d model.Date) {
		if !d.IsZero() {
			out[what+" "+d.String()] = d
		}
	}
	for _, m := range ds.Meetings.Meetings {
		add("møte", m.Date)
	}
	for _, sr := range ds.SafetyRounds {
		add("vernerunde", sr.Date)
		add("vernerunde fullført", sr.CompletedOn)
	}
	for _, tr := range ds.Violence.Trainings {
		add("opplæring "+tr.Topic, tr.Date)
	}
	add("kartlegging vold", ds.Violence.Mapping.Date)
	for _, rv := range ds.Reviews {
		add("årsgjennomgang behandlet", rv.TreatedOn)
		add("regelverk bekreftet", rv.RegulationsConfirmed)
		for _, c := range rv.Trainings {
			add("kurs "+c.Course, c.Date)
		}
	}
	if slices.Contains(daySectors, ds.Unit.Sector) {
		for _, d := range ds.Deviations {
			if workday(d.Date).After(today) {
				continue // on 1 January, the only day of the year so far
			}
			add("avvik "+d.WhatHappened, d.Date)
			add("avvik lukket "+d.WhatHappened, d.ClosedOn)
		}
	}
	for _, a := range ds.Assessments {
		add("risikovurdering "+a.Title, a.Date)
	}
	for _, m := range ds.Measures {
		add("tiltak utført "+m.Title, m.CompletedOn)
	}
	for _, e := range ds.Meetings.Wheel {
		add("årshjul avkrysset "+e.Title, e.Done)
	}
	for _, sr := range ds.SurveyRounds {
		add("10-FAKTOR åpnet", sr.OpensOn)
		add("10-FAKTOR lukket", sr.ClosesOn)
		add("10-FAKTOR resultater", sr.ResultsOn)
		for _, m := range sr.Meetings {
			add("10-FAKTOR-møte", m.Date)
		}
	}
	return out
}

func TestDemoDaysAreWorkdays(t *testing.T) {
	for _, day := range []model.Date{today, model.NewDate(2026, 1, 10), model.NewDate(2025, 6, 3)} {
		for seed := int64(1); seed <= realismSeeds; seed++ {
			days := demoDays(Generate(Options{Seed: seed, Scale: 1, Today: day}), day)
			if len(days) < 20 {
				t.Errorf("seed %d: only %d days checked", seed, len(days))
			}
			for what, d := range days {
				if !isWorkday(d) {
					t.Errorf("seed %d, today %s: %s is on a %s or holiday", seed, day, what, d.Time().Weekday())
				}
			}
		}
	}
}

// The two 10-FAKTOR rounds are each their own: dates in their year, not
// the same day of the year, different respondents and scores.
func TestDemoSurveyRoundsDiffer(t *testing.T) {
	for seed := int64(1); seed <= realismSeeds; seed++ {
		rs := Generate(Options{Seed: seed, Scale: 1, Today: today}).SurveyRounds
		if len(rs) != 2 {
			t.Fatalf("seed %d: %d rounds", seed, len(rs))
		}
		a, b := rs[0], rs[1]
		if int(b.Year)-int(a.Year) != 2 {
			t.Errorf("seed %d: rounds %s and %s", seed, a.Year, b.Year)
		}
		for _, r := range rs {
			for _, d := range []model.Date{r.OpensOn, r.ClosesOn, r.ResultsOn} {
				if d.Year() != int(r.Year) {
					t.Errorf("seed %d: round %s has a date %s", seed, r.Year, d)
				}
			}
			if !r.OpensOn.Before(r.ClosesOn) || !r.ClosesOn.Before(r.ResultsOn) {
				t.Errorf("seed %d: round %s open %s, closed %s, results %s", seed, r.Year, r.OpensOn, r.ClosesOn, r.ResultsOn)
			}
			if r.Respondents <= 0 || r.Respondents > r.Invited {
				t.Errorf("seed %d: %d of %d", seed, r.Respondents, r.Invited)
			}
		}
		if a.ResultsOn.Month() == b.ResultsOn.Month() && a.ResultsOn.Day() == b.ResultsOn.Day() {
			t.Errorf("seed %d: both rounds got results on %d.%d", seed, a.ResultsOn.Day(), a.ResultsOn.Month())
		}
		if a.Respondents == b.Respondents {
			t.Errorf("seed %d: both rounds have %d respondents", seed, a.Respondents)
		}
		differ := 0
		for _, f := range model.TenFactors() {
			if a.Score(f).Unit != b.Score(f).Unit {
				differ++
			}
		}
		if differ < 5 {
			t.Errorf("seed %d: only %d of 10 factor scores moved between the rounds", seed, differ)
		}
	}
}
