package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hmsutvalg/model"
)

var violenceToday = model.NewDate(2026, 11, 24)

// violenceSample is a small, complete input with one overdue drill and
// an incident whose description must never be printed.
func violenceSample() ViolenceInput {
	m := model.ViolenceMapping{ID: 1, Date: model.NewDate(2026, 8, 3), Participants: []string{"Enhetsleder", "Verneombud"}, Matrix: model.DefaultRiskMatrix()}
	for _, f := range model.ViolenceFactors() {
		m = m.WithFactor(model.FactorAssessment{Factor: f, Answer: "Svar på faktor " + f.Label(), Groups: "nattevakter", Probability: 2, Consequence: 3})
	}
	m = m.WithFactor(model.FactorAssessment{Factor: 3, Answer: "Nattevakt alene", Situations: "Natt på skjermet avdeling", Groups: "nattevakter", Probability: 4, Consequence: 4})
	m.Combined = model.CombinedAssessment{Assessment: "Alenearbeid og lav bemanning virker sammen om natten", Probability: 4, Consequence: 4}
	m.Measures = []model.ViolenceMeasureLink{{MeasureID: 7, Factor: 3, Point: model.PointCallHelp}}
	var r model.ViolenceRoutines
	for _, k := range model.RoutineKinds() {
		r.Routines = append(r.Routines, model.ViolenceRoutine{Kind: k, Exists: k != model.RoutineFollowUp, Where: "Personalhåndboka"})
	}
	r.Informed = []model.ViolenceInformation{{Date: model.NewDate(2026, 9, 1), Employees: true, Representatives: true, Method: model.InfoMeeting}}
	return ViolenceInput{
		Unit:     model.Unit{Name: "Solbakken sykehjem", Municipality: "Ringsaker kommune"},
		Mapping:  &m,
		Routines: r,
		Trainings: []model.ViolenceTraining{
			{ID: 1, Date: model.NewDate(2025, 10, 1), Topic: "Alarmøvelse", Kind: model.TrainingDrill, Participants: 9, Groups: "nattevakter", Repeat: model.RepeatYear},
			{ID: 2, Date: model.NewDate(2026, 3, 1), Topic: "Kurs i forebygging", Kind: model.TrainingCourse, Participants: 25, Repeat: model.RepeatTwoYears},
		},
		Measures: []model.Measure{{ID: 7, Title: "Personalarm med lokalisering", Responsible: "Leder", Status: model.StatusPlanlagt,
			Created: model.NewDate(2026, 8, 3), Deadline: model.NewDate(2026, 10, 1)}},
		Incidents: []model.Deviation{
			{ID: 1, Date: model.NewDate(2026, 2, 10), Category: model.DevViolence, Type: model.TypeIncident, ViolenceType: model.ViolencePhysical,
				Severity: model.SeveritySerious, WhatHappened: "HEMMELIG beskrivelse av hendelsen", FollowUpOffered: []model.FollowUpOffer{model.FollowUpConversation}},
			{ID: 2, Date: model.NewDate(2026, 7, 5), Category: model.DevViolence, Type: model.TypeIncident, ViolenceType: model.ViolenceDigital,
				Severity: model.SeverityMinor, WhatHappened: "HEMMELIG melding"},
			{ID: 3, Date: model.NewDate(2026, 7, 6), Category: model.DevInjury, Severity: model.SeverityMinor},
		},
		Today: violenceToday,
	}
}

func TestViolenceReport(t *testing.T) {
	d := ViolenceReport(violenceSample(), Options{Deterministic: true, Created: fixedCreated})
	path := writePDF(t, d, "vold.pdf")
	qpdfCheck(t, path)
	text := pdfText(t, path)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Vold og trusler", "Solbakken sykehjem",
		"kap. 3A (tidligere kap. 23A)",
		// The paragraph table, one source for UI and PDF.
		model.DutyMapping.Paragraphs(), model.DutyMeasures.Paragraphs(), model.DutyTraining.Paragraphs(),
		"Status per plikt", "Forfalt", "Gjentakelse forfalt:", "Alarmøvelse (frist 01.10.2026)",
		"3. Alenearbeid", "16 Høy (H)", "Samlet vurdering",
		"Personalarm med lokalisering", "tilkalle hjelp",
		"Rutine mangler: oppfølging",
		"Hendelser 2026", "Fysisk", "1 av 2",
		"Underskrifter",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "HEMMELIG") {
		t.Error("an incident description was printed")
	}
}

func TestViolenceSection(t *testing.T) {
	d := testDoc("Årsrapport")
	d.ViolenceSection(violenceSample(), 2026)
	d.ViolenceSection(ViolenceInput{Today: violenceToday}, 2026)
	path := writePDF(t, d, "vold-seksjon.pdf")
	flat := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{"Status per 24.11.2026", "risikovurdering", "§ 3A-2 (tidligere § 23A-1)",
		"Samlet risiko", "16 – Høy (H)", "Opplæring og øvelser i 2026", "Kurs i forebygging", "Hendelser i 2026",
		"Ingen kartlegging, rutiner, opplæring eller hendelser om vold og trusler registrert for 2026."} {
		if !strings.Contains(flat, want) {
			t.Errorf("section lacks %q", want)
		}
	}
	if strings.Contains(flat, "HEMMELIG") {
		t.Error("an incident description was printed")
	}
	// The duty table starts at § 3A-1, documented by the others together.
	for _, want := range []string{"Organisering,", "Dokumenteres samlet gjennom"} {
		if !strings.Contains(flat, want) {
			t.Errorf("section lacks %q", want)
		}
	}
	if i, j := strings.Index(flat, "§ 3A-1"), strings.Index(flat, "§ 3A-2 (tidligere"); i < 0 || j < i {
		t.Errorf("§ 3A-1 at %d, § 3A-2 at %d: the table does not start at § 3A-1", i, j)
	}
}

func TestViolenceReportEmpty(t *testing.T) {
	d := ViolenceReport(ViolenceInput{Today: violenceToday}, Options{Deterministic: true, Created: fixedCreated})
	path := filepath.Join(t.TempDir(), "tom.pdf")
	if err := d.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{"Ingen kartlegging registrert.", "Ingen tiltak fra kartleggingen", "Ingen opplæring eller øvelser registrert.",
		"Ingen hendelser med vold eller trusler registrert i 2026."} {
		if !strings.Contains(flat, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
	if os.Getenv("REPORTS_OUT") != "" {
		_ = os.WriteFile(filepath.Join(os.Getenv("REPORTS_OUT"), "vold-tom.txt"), []byte(flat), 0o644)
	}
}
