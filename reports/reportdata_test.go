package reports

import (
	"fmt"
	"strings"
	"time"

	"hmsutvalg/model"
)

// Fixed input for the action-plan and risk reports: the golden tests
// compare their text, the render test draws them.

var (
	testUnit  = model.Unit{Name: "Solbakken sykehjem", Municipality: "Ringsaker kommune", Sector: model.SectorSykehjem, Employees: 84}
	testToday = model.NewDate(2026, time.March, 15)
)

func date(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

// testMeasures is a small plan: every status, every area, one overdue
// measure, one due soon, one postponed, one from a risk assessment.
func testMeasures() []model.Measure {
	return []model.Measure{
		{ID: 1, Title: "Opplæring i forflytning for nyansatte", Description: "Fysioterapeut holder kurs to ganger i året. Alle nyansatte på natt skal ha gjennomført kurset før første vakt.",
			Source: model.Source{Kind: model.SourceManual}, PriorityArea: model.AreaPreventiveAbsence, Topic: model.CategoryErgonomics,
			Responsible: "Kari Nordmann", Deadline: date(2026, time.March, 1), Status: model.StatusPagar, Created: date(2025, time.November, 3)},
		{ID: 2, Title: "Alarm for alenearbeid på natt", Description: "Personalalarm med posisjon i avdeling B.",
			Source:       model.Source{Kind: model.SourceRiskAssessment, RefID: 11, ParentID: 7, RefLabel: "Risikovurdering: Nattarbeid på avdeling B – Alenearbeid"},
			PriorityArea: model.AreaPreventiveAbsence, Topic: model.CategoryViolence,
			Responsible: "Ola Ås", Deadline: date(2026, time.March, 31), Status: model.StatusPlanlagt, Created: date(2026, time.February, 10)},
		{ID: 3, Title: "Medarbeidersamtaler med alle ansatte", Source: model.Source{Kind: model.SourceMeetingDecision, RefLabel: "Møtevedtak 12/2025"},
			PriorityArea: model.AreaLeadership, Responsible: "Kari Nordmann", Deadline: date(2026, time.June, 30),
			Status: model.StatusPlanlagt, Created: date(2025, time.December, 1)},
		{ID: 4, Title: "Ergonomisk gjennomgang av vaskerommet", Source: model.Source{Kind: model.SourceSafetyRound, RefLabel: "Vernerunde 2025"},
			PriorityArea: model.AreaHealthPromotion, Responsible: "Åse Ødegård", Deadline: date(2026, time.January, 31),
			Status: model.StatusEvaluert, CompletedOn: date(2026, time.January, 20), EvaluatedOn: date(2026, time.March, 1), EvaluationNote: "Nye høyderegulerbare benker; færre klager på ryggsmerter.",
			Created: date(2025, time.October, 1)},
		{ID: 5, Title: "Tett oppfølging av langtidssykmeldte", Description: "Dialogmøte 1 innen 7 uker, jf. arbeidsmiljøloven § 4-6 (4).",
			Source: model.Source{Kind: model.SourceSickLeave}, PriorityArea: model.AreaFollowUpAbsence, Responsible: "Kari Nordmann",
			Deadline: date(2026, time.May, 1), OriginalDeadline: date(2026, time.February, 1), Status: model.StatusUtsatt,
			PostponeReason: "Venter på BHT.", Created: date(2025, time.September, 1)},
		{ID: 6, Title: "Felles trim i lunsjen", Source: model.Source{Kind: model.SourceTenFactor},
			PriorityArea: model.AreaHealthPromotion, Responsible: "Per Haugen", Deadline: date(2026, time.February, 28),
			Status: model.StatusUtfort, CompletedOn: date(2026, time.February, 20), Created: date(2025, time.December, 15)},
		{ID: 7, Title: "Egen pauserom for nattevakter", Source: model.Source{Kind: model.SourceDeviation, RefLabel: "Avvik 2025-114"},
			PriorityArea: model.AreaLeadership, Responsible: "Kari Nordmann", Deadline: date(2026, time.April, 1),
			Status: model.StatusAvvist, RejectReason: "Ikke plass i bygget; pauserommet deles.", Created: date(2025, time.November, 20)},
		{ID: 8, Title: "Rutine for trusler fra pårørende", Source: model.Source{Kind: model.SourceViolenceThreats},
			PriorityArea: model.AreaPreventiveAbsence, Topic: model.CategoryViolence, Responsible: "Ola Ås", Deadline: date(2026, time.January, 15),
			Status: model.StatusPlanlagt, Created: date(2025, time.December, 1)},
	}
}

// testAssessment is a finished assessment with four hazards, one not
// assessed after measures.
func testAssessment() (model.RiskAssessment, []model.RiskItem) {
	a := model.RiskAssessment{ID: 7, Title: "Nattarbeid på avdeling B", Area: "Avdeling B, nattvakt", Kind: model.KindOrdinary,
		Date: date(2026, time.February, 10), Participants: []string{"Kari Nordmann (leder)", "Ola Ås (verneombud)", "Nattevakt fra avdeling B"},
		Status: model.AssessmentDone, NextReview: date(2027, time.February, 10), Notes: "Gjennomgått med BHT."}
	items := []model.RiskItem{
		{ID: 11, AssessmentID: 7, Hazard: "Alenearbeid", Event: "Ansatt blir truet eller skadet uten at noen merker det",
			Category: model.CategoryViolence, Exposed: "Nattevakter", ExistingMeasures: "Telefon, fast ringerunde kl. 02",
			Probability: 4, Consequence: 4, ResidualProbability: 2, ResidualConsequence: 4, MeasureIDs: []uint64{2}},
		{ID: 12, AssessmentID: 7, Hazard: "Tunge løft ved stell", Event: "Belastningsskade i rygg",
			Category: model.CategoryErgonomics, Exposed: "Pleiere", ExistingMeasures: "Takheis på to rom",
			Probability: 3, Consequence: 2, ResidualProbability: 2, ResidualConsequence: 2, MeasureIDs: []uint64{1}},
		{ID: 13, AssessmentID: 7, Hazard: "Glatt inngangsparti", Event: "Fall på vei til og fra jobb",
			Category: model.CategoryAccidentsFire, Exposed: "Alle ansatte", ExistingMeasures: "Strøing ved behov",
			Probability: 2, Consequence: 2},
		{ID: 14, AssessmentID: 7, Hazard: "Utagerende beboer", Event: "Slag og spark ved stell",
			Category: model.CategoryViolence, Exposed: "Pleiere på natt", ExistingMeasures: "To ved stell av beboer på rom 12",
			Probability: 5, Consequence: 3, ResidualProbability: 3, ResidualConsequence: 3, MeasureIDs: []uint64{8, 99}},
	}
	return a, items
}

func testRiskInput() RiskInput {
	a, items := testAssessment()
	return RiskInput{Unit: testUnit, Assessment: a, Items: items, Measures: testMeasures(), Today: testToday}
}

// testOpts are deterministic options for the report tests.
func testOpts() Options { return Options{Deterministic: true, Created: fixedCreated} }

// bigPlan returns n measures with descriptions from none to several
// lines, with BEGIN/END markers at the start of the title and the end of
// the description, spread over the areas and statuses.
func bigPlan(n int) []model.Measure {
	areas := model.PriorityAreas()
	statuses := model.Statuses()
	ms := make([]model.Measure, n)
	for i := range ms {
		st := statuses[i%len(statuses)]
		m := model.Measure{
			ID:           uint64(i + 1),
			Title:        fmt.Sprintf("BEGIN%04d %s", i, lorem(2+i%9)),
			Description:  lorem((i * 37) % 90),
			Source:       model.Source{Kind: model.SourceKinds()[i%8], RefLabel: lorem(i % 4)},
			PriorityArea: areas[i%len(areas)],
			Responsible:  []string{"Kari Nordmann", "Ola Ås", "Åse Ødegård", "Avdelingsleder på sengepost"}[i%4],
			Deadline:     testToday.AddDays(i%200 - 100),
			Status:       st,
			Created:      date(2025, time.January, 1),
		}
		switch st {
		case model.StatusUtfort, model.StatusEvaluert:
			m.CompletedOn = date(2026, time.January, 1+i%28)
			if st == model.StatusEvaluert {
				m.EvaluationNote = lorem(5 + i%20)
			}
		case model.StatusAvvist:
			m.RejectReason = lorem(4)
		}
		// The end marker goes on the row's last line.
		end := fmt.Sprintf(" END%04d", i)
		switch st {
		case model.StatusEvaluert:
			m.EvaluationNote += end
		case model.StatusAvvist:
			m.RejectReason += end
		default:
			m.Description = strings.TrimSpace(m.Description + end)
		}
		ms[i] = m
	}
	return ms
}
