package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// 10-FAKTOR in a demo unit: two rounds two years apart. The earlier one
// is fully followed up (measures evaluated); the latest got its results
// five months ago, has its two meetings, one area to keep and one or two
// to improve with measures in progress, and its quarterly evaluation is
// due, so the reminder shows.

// SurveyRound is a generated round with the measures made for each focus
// factor (stored with AddMeasureForFocus, which sets their Source).
type SurveyRound struct {
	model.SurveyRound
	Measures map[model.TenFactor][]model.Measure
}

// tfBase is a typical unit's profile on the ten factors, in hundredths:
// prosocial motivation and flexibility high, relevant competence
// development and mastery-oriented leadership lowest.
var tfBase = map[model.TenFactor]int{
	model.TenFactorTaskMotivation:        420,
	model.TenFactorSelfEfficacy:          430,
	model.TenFactorAutonomy:              415,
	model.TenFactorUseOfCompetence:       410,
	model.TenFactorMasteryLeadership:     385,
	model.TenFactorRoleClarity:           405,
	model.TenFactorCompetenceDevelopment: 360,
	model.TenFactorFlexibility:           440,
	model.TenFactorMasteryClimate:        400,
	model.TenFactorProsocialMotivation:   460,
}

// tfMeasures are measure ideas per factor to improve.
var tfMeasures = map[model.TenFactor][]string{
	model.TenFactorTaskMotivation:        {"Samtale i personalmøtet om hva som gir arbeidsglede", "Rullering av oppgaver etter ønske"},
	model.TenFactorSelfEfficacy:          {"Faglig veiledning i små grupper", "Erfaringsdeling om vanskelige situasjoner"},
	model.TenFactorAutonomy:              {"Tydeliggjøre hva den enkelte kan avgjøre selv", "Faste team med eget ansvar for planlegging"},
	model.TenFactorUseOfCompetence:       {"Kartlegge kompetanse som ikke blir brukt", "Ressurspersoner på fagområder"},
	model.TenFactorMasteryLeadership:     {"Fast tilbakemeldingssamtale hver måned", "Leder er mer til stede i det daglige arbeidet"},
	model.TenFactorRoleClarity:           {"Oppdaterte funksjonsbeskrivelser for alle stillinger", "Sjekkliste for hvem som har ansvaret for hva"},
	model.TenFactorCompetenceDevelopment: {"Kompetanseplan med ønsker fra hver ansatt", "Internundervisning en gang i måneden"},
	model.TenFactorFlexibility:           {"Felles samtale om endringer før de innføres", "Prøveordning med fleksibel arbeidstid"},
	model.TenFactorMasteryClimate:        {"Erfaringsdeling som fast punkt på personalmøtet", "Kollegaveiledning i par"},
	model.TenFactorProsocialMotivation:   {"Dele gode historier fra brukerne", "Tilbakemelding fra brukerundersøkelsen på personalmøtet"},
}

var tfNotes = map[model.TenFactor][2]string{ // what works, what to improve
	model.TenFactorMasteryLeadership:     {"Leder er tilgjengelig når det brenner.", "Lite tilbakemelding i hverdagen; mange savner å høre hva de gjør bra."},
	model.TenFactorCompetenceDevelopment: {"Gode kurs for nyansatte.", "Kursene treffer ikke det vi trenger i hverdagen; ønsker mer læring på jobben."},
	model.TenFactorRoleClarity:           {"Klare rutiner i det daglige.", "Uklart hvem som har ansvaret når leder ikke er til stede."},
	model.TenFactorMasteryClimate:        {"Vi hjelper hverandre når det er travelt.", "Lite tid til å dele erfaringer; noen føler seg alene med vanskelige saker."},
}

// genSurveyRounds generates the unit's two 10-FAKTOR rounds. It has its
// own random source, so it does not change the rest of the demo.
func genSurveyRounds(o Options, employees int, members []model.CommitteeMember) []SurveyRound {
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x10fa))
	scale := max(1, o.Scale)
	latestResults := o.Today.AddMonths(-5)
	invited := max(8, min(employees, 60*scale))
	leader := "Enhetsleder"
	for _, m := range members {
		if m.Role == model.RoleLeder && m.ActiveOn(latestResults) {
			leader = m.Name
		}
	}
	var out []SurveyRound
	var prev map[model.TenFactor]int
	prevRespondents := -1
	for i, results := range tfResultDays(r, latestResults) {
		latest := i == 1
		sr := model.NewSurveyRound(model.HMSYear(results.Year()), results)
		sr.ClosesOn = workday(results.AddDays(-(14 + r.IntN(14))))
		sr.OpensOn = workday(sr.ClosesOn.AddDays(-(14 + r.IntN(8))))
		// Make sure the survey stayed within the year it is named after.
		if sr.OpensOn.Year() != results.Year() {
			sr.OpensOn = workday(model.NewDate(results.Year(), 1, 2))
		}
		if sr.ClosesOn.Before(sr.OpensOn) {
			sr.ClosesOn = sr.OpensOn
		}
		sr.Invited, sr.Respondents = tfTurnout(r, invited, latest, prevRespondents)
		prevRespondents = sr.Respondents
		scores := map[model.TenFactor]int{}
		for _, f := range model.TenFactors() {
			v := tfBase[f] + r.IntN(31) - 15
			if prev != nil {
				// The factor worked on last time improved; one other fell.
				v = prev[f] + r.IntN(21) - 10
			}
			scores[f] = v
		}
		if prev != nil {
			scores[model.TenFactorCompetenceDevelopment] = prev[model.TenFactorCompetenceDevelopment] + 25 + r.IntN(15)
			scores[model.TenFactorRoleClarity] = prev[model.TenFactorRoleClarity] - 30 - r.IntN(15)
		}
		for _, f := range model.TenFactors() {
			v := max(100, min(500, scores[f]))
			scores[f] = v
			clamp := func(x int) model.SurveyScore { return model.SurveyScore(max(100, min(500, x))) }
			sr = sr.SetScore(model.SurveyFactorScore{Factor: f, Unit: model.SurveyScore(v),
				Municipality: clamp(tfBase[f] + r.IntN(11) - 5),
				National:     clamp(tfBase[f] + 5 + r.IntN(11) - 5),
				UnitType:     clamp(tfBase[f] + r.IntN(21) - 10)})
		}
		prev = scores

		// Follow-up by KS's guidance: meeting 1 chooses, meeting 2 agrees
		// measures.
		keep, improve := tfKeepImprove(sr)
		m1 := workday(results.AddDays(18 + r.IntN(10)))
		m2 := workday(m1.AddDays(14 + r.IntN(14)))
		sr.Meetings = []model.SurveyMeeting{
			{Date: m1, Kind: model.SurveyMeetingReview, Notes: "Gikk gjennom resultatene i personalmøtet og valgte områder i grupper."},
			{Date: m2, Kind: model.SurveyMeetingMeasures, Notes: "Ble enige om tiltak, frist og ansvarlig. Verneombud og tillitsvalgt deltok."},
		}
		sr.Focus = []model.SurveyFocusArea{{Factor: keep, Kind: model.SurveyFocusKeep,
			WhatWorks: "Høy skår over tid; vi vil holde på det som fungerer."}}
		measures := map[model.TenFactor][]model.Measure{}
		for k, f := range improve {
			notes := tfNotes[f]
			sr.Focus = append(sr.Focus, model.SurveyFocusArea{Factor: f, Kind: model.SurveyFocusImprove, WhatWorks: notes[0], ToImprove: notes[1]})
			ideas := tfMeasures[f]
			for j := 0; j < len(ideas)*scale && (k == 0 || j == 0); j++ {
				title := ideas[j%len(ideas)]
				if j >= len(ideas) {
					title = fmt.Sprintf("%s (%d)", title, j/len(ideas)+1)
				}
				m := model.Measure{Title: title, Responsible: leader, Created: m2,
					Deadline: m2.AddMonths(3 + j%4), Status: model.StatusPlanlagt, Updated: m2}
				if !latest {
					m.Status = model.StatusEvaluert
					m.CompletedOn = m.Deadline.AddDays(-r.IntN(20))
					m.EvaluationNote = "Evaluert i oppfølgingsmøtet: tiltaket har fungert og videreføres som fast rutine."
					m.Updated = m.Deadline.AddDays(30)
				} else {
					switch j % 3 {
					case 0:
						m.Status = model.StatusPagar
						m.Updated = m2.AddDays(14)
					case 1:
						m.Status = model.StatusUtfort
						m.CompletedOn = minDate(m.Deadline, o.Today).AddDays(-7)
						m.Updated = m.CompletedOn
					}
				}
				measures[f] = append(measures[f], m)
			}
		}
		if !latest {
			// Quarterly evaluations, the last after the measures were evaluated.
			sr.Meetings = append(sr.Meetings,
				model.SurveyMeeting{Date: workday(m2.AddMonths(3)), Kind: model.SurveyMeetingEvaluation, Notes: "Gikk gjennom tiltakene; god fremdrift."},
				model.SurveyMeeting{Date: workday(m2.AddMonths(8)), Kind: model.SurveyMeetingEvaluation, Notes: "Tiltakene er gjennomført og evaluert."})
		}
		out = append(out, SurveyRound{SurveyRound: sr, Measures: measures})
	}
	return out
}

// tfTurnout is a round's invited and respondents: staff come and go, so
// the earlier round invited a few more or fewer, and never exactly as many
// answered as the round before.
func tfTurnout(r *rand.Rand, invited int, latest bool, prevRespondents int) (int, int) {
	if !latest {
		invited = max(8, invited*(90+r.IntN(16))/100)
	}
	respondents := invited * (58 + r.IntN(28)) / 100
	if respondents == prevRespondents {
		respondents--
	}
	return invited, respondents
}

// tfResultDays are the days the two rounds' results came: the latest
// five months ago (so its quarterly evaluation is due), the earlier one
// two years before it, in a month and on a day of its own.
func tfResultDays(r *rand.Rand, latest model.Date) []model.Date {
	latest = workday(latest)
	earlier := workday(model.NewDate(latest.Year()-2, time.Month(3+r.IntN(7)), 1+r.IntN(28)))
	if earlier.Month() == latest.Month() && earlier.Day() == latest.Day() {
		earlier = workday(earlier.AddDays(-9))
	}
	return []model.Date{earlier, latest}
}

// tfKeepImprove picks the highest factor to keep and the lowest (and, if
// another is under 4, the next lowest) to improve, as a committee
// following the suggestions might.
func tfKeepImprove(r model.SurveyRound) (keep model.TenFactor, improve []model.TenFactor) {
	var lo, lo2 model.TenFactor
	for _, f := range model.TenFactors() {
		s := r.Score(f).Unit
		if keep == "" || s > r.Score(keep).Unit {
			keep = f
		}
		switch {
		case lo == "" || s < r.Score(lo).Unit:
			lo, lo2 = f, lo
		case lo2 == "" || s < r.Score(lo2).Unit:
			lo2 = f
		}
	}
	improve = []model.TenFactor{lo}
	if lo2 != "" && lo2 != keep && r.Score(lo2).Unit < model.SurveyScoreTarget {
		improve = append(improve, lo2)
	}
	return keep, improve
}

// writeSurveyRounds stores the rounds and links their measures.
func writeSurveyRounds(b *storage.Batch, rounds []SurveyRound) error {
	for _, sr := range rounds {
		saved, err := b.SaveSurveyRound(sr.SurveyRound, sr.LatestDate())
		if err != nil {
			return fmt.Errorf("10-FAKTOR %s: %w", sr.Year, err)
		}
		for _, a := range sr.Focus {
			for _, m := range sr.Measures[a.Factor] {
				if _, _, err := b.AddMeasureForFocus(saved.ID, a.Factor, m, m.Updated); err != nil {
					return fmt.Errorf("10-FAKTOR %s, tiltaket «%s»: %w", sr.Year, m.Title, err)
				}
			}
		}
	}
	return nil
}
