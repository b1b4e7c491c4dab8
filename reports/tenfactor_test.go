package reports

import (
	"strings"
	"testing"

	"hmsutvalg/model"
)

func tfRound(year model.HMSYear, base int) model.SurveyRound {
	r := model.NewSurveyRound(year, date(int(year), 10, 20))
	r.OpensOn, r.ClosesOn = date(int(year), 9, 1), date(int(year), 9, 30)
	r.Invited, r.Respondents = 40, 30
	for i, f := range model.TenFactors() {
		r = r.SetScore(model.SurveyFactorScore{Factor: f, Unit: model.SurveyScore(base + 9*i), Municipality: 402, National: 410, UnitType: 396})
	}
	return r
}

func tfInput() TenFactorInput {
	old := tfRound(2024, 400)
	old.ID = 1
	cur := tfRound(2026, 360)
	cur.ID = 2
	cur = cur.SetFocus(model.SurveyFocusArea{Factor: model.TenFactorTaskMotivation, Kind: model.SurveyFocusImprove,
		WhatWorks: "Gode fagdager", ToImprove: "Oppgavene oppleves som rutine", MeasureIDs: []uint64{7, 99}})
	cur = cur.SetFocus(model.SurveyFocusArea{Factor: model.TenFactorProsocialMotivation, Kind: model.SurveyFocusKeep})
	cur.Meetings = []model.SurveyMeeting{{Date: date(2026, 11, 2), Kind: model.SurveyMeetingReview, Notes: "Gikk gjennom resultatene"}}
	ms := []model.Measure{
		{ID: 7, Title: "Rullering av oppgaver etter ønske", Responsible: "Enhetsleder", Deadline: date(2027, 2, 1),
			Status: model.StatusPlanlagt, PriorityArea: model.AreaLeadership, Created: date(2026, 11, 2),
			Source: model.Source{Kind: model.SourceTenFactor, ParentID: 2, RefID: 1, RefLabel: "10-FAKTOR 2026: Indre motivasjon"}},
		{ID: 8, Title: "Tiltak fra en annen modul", Deadline: date(2027, 1, 1), Status: model.StatusPlanlagt},
	}
	return TenFactorInput{Unit: model.Unit{Name: "Solbakken sykehjem", Municipality: "Ringsaker kommune"},
		Round: cur, Rounds: []model.SurveyRound{old, cur}, Measures: ms, Today: date(2026, 11, 24)}
}

func TestTenFactorReport(t *testing.T) {
	path := writePDF(t, TenFactorReport(tfInput(), testOpts()), "tifaktor.pdf")
	qpdfCheck(t, path)
	if info := pdfInfo(t, path); info["Title"] != "10-FAKTOR 2026: oppfølging" {
		t.Errorf("title %q", info["Title"])
	}
	text := pdfText(t, path)
	mustContain(t, text, "10-FAKTOR 2026: oppfølging", "Solbakken sykehjem, Ringsaker kommune",
		"01.09.2026–30.09.2026", "30 av 40 inviterte (svarprosent 75,0 %)", "Oppfølging", "Pågår",
		"Skår per faktor (skala 1–5)", "Mål 4", "Ideelt 4,5", "Hele kommunen", "Alle kommuner", "Samme enhetstype",
		"Indre motivasjon (oppgavemotivasjon)", "3,60 under 4", "Endring fra", "0,40",
		"Utvikling per faktor", "Enhetens skår i 2024 og 2026", "3,60 (2026)", "4,00 (2024)",
		"Innsatsområde: Indre motivasjon", "Oppgavene oppleves som rutine", "Gode fagdager",
		"Rullering av oppgaver", "Bevaringsområde: Nytteorientert motivasjon",
		"Ingen tiltak i handlingsplanen for dette området.", "Oppfølgingsmøter", "Gikk gjennom resultatene",
		"Verneombud", "Tillitsvalgt")
	if strings.Contains(text, "Tiltak fra en annen modul") {
		t.Error("an unrelated measure is printed")
	}
}

func TestTenFactorReportNoUnitReport(t *testing.T) {
	in := tfInput()
	r := model.NewSurveyRound(2026, date(2026, 10, 20))
	r.Invited, r.Respondents = 4, 2
	in.Round = r
	text := pdfText(t, writePDF(t, TenFactorReport(in, testOpts()), "tifaktor-tom.pdf"))
	mustContain(t, text, "2 av 4 inviterte", "færre enn 3 svar", "Ingen rapport for enheten")
	if strings.Contains(text, "Skår per faktor") {
		t.Error("a chart without scores")
	}
}

func TestTenFactorSection(t *testing.T) {
	in := tfInput()
	d := testDoc("Årsrapport")
	d.TenFactorSection(TenFactorSectionInput{Rounds: in.Rounds, Measures: in.Measures, Year: 2027, Today: date(2027, 1, 10)})
	d.TenFactorSection(TenFactorSectionInput{Year: 2027})
	path := writePDF(t, d, "tifaktor-seksjon.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "10-FAKTOR", "Ingen runde i 2027. Siste runde var 2026", "Skår per faktor", "Innsatsområde",
		"Indre motivasjon", "Ingen 10-FAKTOR-runder registrert til og med 2027.")
}
