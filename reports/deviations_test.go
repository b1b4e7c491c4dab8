package reports

import (
	"strings"
	"testing"
	"time"

	"hmsutvalg/model"
)

var devReportToday = date(2026, time.November, 24)

// testDeviations covers every quarter, both status kinds, a § 5-2 case
// with and without the notice, violence with follow-up, and deviations
// outside the year.
func testDeviations() []model.Deviation {
	closed := func(d model.Deviation, on model.Date, by string) model.Deviation {
		d.Status, d.ClosedOn, d.ClosedBy = model.DevClosed, on, by
		return d
	}
	base := func(id uint64, day model.Date, c model.DeviationCategory, t model.DeviationType, s model.Severity, place, what string) model.Deviation {
		return model.Deviation{ID: id, Date: day, Place: place, Category: c, Type: t, Severity: s, WhatHappened: what, Status: model.DevRegistered}
	}
	violence := base(3, date(2026, time.March, 31), model.DevViolence, model.TypeIncident, model.SeveritySerious, "Avdeling 1 (skjermet)", "SENSITIV-VOLD slo ansatt")
	violence.ViolenceType = model.ViolencePhysical
	violence.FollowUpOffered = []model.FollowUpOffer{model.FollowUpConversation, model.FollowUpBHT}
	violence.ImmediateAction = "SENSITIV-TILTAK skjermet"
	violence.Cause = "SENSITIV-ARSAK uro"
	violence.MeasureIDs = []uint64{12}
	notified := base(4, date(2026, time.February, 3), model.DevInjury, model.TypeIncident, model.SeverityVerySerious, "Vaskeri", "SENSITIV-FALL fra stige")
	notified.AuthoritiesNotified, notified.AuthoritiesNotifiedOn = true, date(2026, time.February, 3)
	notified.ReportedToMunicipal, notified.MunicipalRef = true, "AVVIK-2026-0001"
	// A serious injury in a fire at alvorlig: § 5-2 by the harm recorded.
	outstanding := base(6, date(2026, time.October, 2), model.DevFire, model.TypeIncident, model.SeveritySerious, "Kjøkken", "SENSITIV-BRANNSKADE")
	outstanding.PersonHarm = model.HarmSerious
	return []model.Deviation{
		closed(base(1, date(2025, time.December, 31), model.DevFire, model.TypeIncident, model.SeverityMinor, "Kjøkken", "SENSITIV-IFJOR"), date(2026, time.January, 2), "Leder"),
		closed(base(2, date(2026, time.January, 1), model.DevOrganisation, model.TypeDeviation, model.SeverityMinor, "Avdeling 2", "SENSITIV-BEMANNING"), date(2026, time.January, 11), "Kari Nordmann"),
		closed(violence, date(2026, time.April, 5), "Avdelingsleder"),  // 5 days
		closed(notified, date(2026, time.February, 10), "Enhetsleder"), // 7 days
		base(5, date(2026, time.July, 1), model.DevHazardous, model.TypeNearMiss, model.SeverityInsignificant, "Renhold", "SENSITIV-KLOR"),
		outstanding,
		base(7, date(2026, time.December, 1), model.DevInjury, model.TypeIncident, model.SeverityMinor, "Kjøkken", "SENSITIV-FREMTID"),
	}
}

var devSensitive = []string{"SENSITIV", "slo ansatt", "stige"}

func TestDeviationReport(t *testing.T) {
	in := DeviationInput{Unit: testUnit, Deviations: testDeviations(), Year: 2026, Today: devReportToday}
	path := writePDF(t, DeviationReport(in, testOpts()), "avvik.pdf")
	qpdfCheck(t, path)
	info := pdfInfo(t, path)
	if info["Title"] != "Avviksregister 2026" {
		t.Errorf("Title = %q", info["Title"])
	}
	if size := info["Page size"]; !strings.HasPrefix(size, "841.") {
		t.Errorf("page size %q, want A4 landscape", size)
	}
	text := pdfText(t, path)
	mustContain(t, text,
		"Avviksregister 2026", "Solbakken sykehjem, Ringsaker kommune", "per 24.11.2026",
		"Beskrivelsene av hendelsene er ikke med",
		"Avvik registrert i 2026", "Åpne per 24.11.2026", "Gjennomsnittlig tid til lukking",
		"7,3 dager (3 lukkede avvik)", // (10 + 5 + 7) / 3
		"herav 2 registrert for mer enn 30 dager siden",
		"2: 1 meldt til Arbeidstilsynet og politiet i 2026 og 1 uten registrert melding", "Alvorlig personskade",
		"Avvik per kategori, 2026", "Personskade", "Kjemikalier, gass, biologisk", "Brudd på HMS-regler", "1 avvik", "0 avvik",
		"Avvik per kvartal, lukket og åpne", "Lukket", "Åpne",
		"Per kvartal og kategori", "1. kv.", "4. kv.", "I alt", "herav lukket", "herav åpne",
		"Feil håndtering av kjemikalier, gass, biologiske faktorer", // the full label in the table
		"Per type og alvorlighetsgrad", "Nestenulykke", "Svært alvorlig",
		"Registeret", "31.03.2026", "Avdeling 1 (skjermet)", "Fysisk; tilbudt samtale med leder,", "bedriftshelsetjenesten (BHT)", "Åpen – registrert",
		"Mangler melding", "Meldt til Arbeidstilsynet", "AVVIK-2026-0001", "05.04.2026 av Avdelingsleder",
	)
	for _, s := range devSensitive {
		if strings.Contains(text, s) {
			t.Errorf("the copy without descriptions contains %q", s)
		}
	}
	for _, s := range []string{"31.12.2025", "01.12.2026"} {
		if strings.Contains(text, s) {
			t.Errorf("a deviation outside the year (or after today) is printed: %s", s)
		}
	}
}

func TestDeviationReportWithDescriptions(t *testing.T) {
	in := DeviationInput{Unit: testUnit, Deviations: testDeviations(), Year: 2026, Today: devReportToday, Descriptions: true}
	path := writePDF(t, DeviationReport(in, testOpts()), "avvik-beskrivelser.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "bare for HMS-utvalget", "Beskrivelse", "Hva skjedde:", "SENSITIV-VOLD", "Strakstiltak:", "SENSITIV-TILTAK", "Årsak:", "SENSITIV-ARSAK")
}

func TestDeviationReportEmptyYear(t *testing.T) {
	in := DeviationInput{Unit: testUnit, Deviations: testDeviations(), Year: 2024, Today: devReportToday}
	path := writePDF(t, DeviationReport(in, testOpts()), "avvik-tom.pdf")
	qpdfCheck(t, path)
	mustContain(t, pdfText(t, path), "Avviksregister 2024", "Ingen avvik registrert i 2024.")
}

func TestDeviationSection(t *testing.T) {
	d := testDoc("Årsrapport 2026")
	d.DeviationSection(DeviationSectionInput{Deviations: testDeviations(), Year: 2026, Today: devReportToday})
	d.DeviationSection(DeviationSectionInput{Deviations: testDeviations(), Year: 2023, Today: devReportToday})
	path := writePDF(t, d, "avvik-seksjon.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	mustContain(t, text, "Avvik", "Avvik registrert i 2026, med status per 24.11.2026",
		"Avvik per kategori, 2026", "Per kvartal og kategori", "herav åpne",
		"Alvorlige og svært alvorlige avvik", "31.03.2026", "03.02.2026", "02.10.2026", "Mangler melding",
		"Ingen avvik registrert i 2023.")
	// No free text, no places, no names: the annual report is shared
	// beyond the committee.
	for _, s := range append(devSensitive, "Avdeling 1", "Vaskeri", "Kjøkken", "Kari Nordmann", "Avdelingsleder", "Hva skjedde") {
		if strings.Contains(text, s) {
			t.Errorf("the annual section contains %q", s)
		}
	}
}

func TestDeviationSectionNoSerious(t *testing.T) {
	devs := testDeviations()[4:5] // the near miss only
	d := testDoc("Årsrapport")
	d.DeviationSection(DeviationSectionInput{Deviations: devs, Year: 2026, Today: devReportToday})
	mustContain(t, pdfText(t, writePDF(t, d, "avvik-ingen-alvorlige.pdf")), "Ingen avvik med alvorlighetsgrad alvorlig eller svært alvorlig.", "– (ingen lukket)")
}
