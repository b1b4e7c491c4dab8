package model

import (
	"errors"
	"strings"
	"testing"
)

// The tests in this file pin the whole message list of a validator, in
// order, for a record with many problems at once: the messages a form shows
// are listed in this order, so splitting a validator into steps must keep it.

// problemLines returns "field: message" for each problem in err, in order.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var v ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("no ValidationError: %v", err)
	}
	lines := make([]string, len(v))
	for i, e := range v {
		lines[i] = e.Field + ": " + e.Message
	}
	return lines
}

func checkProblemLines(t *testing.T, err error, want []string) {
	t.Helper()
	got := problemLines(t, err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkProblem checks one table case of a validator: with field "" err
// must be nil, otherwise err has a message for field that contains want.
func checkProblem(t *testing.T, err error, field, want string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	if msg := fieldMsg(err, field); msg == "" || !strings.Contains(msg, want) {
		t.Fatalf("message for %q = %q (all: %v), want %q", field, msg, err, want)
	}
}

// nidMessage is the refusal of a national identity number in field.
func nidMessage(field string) string {
	return "«" + field + "» ser ut til å inneholde et fødselsnummer eller D-nummer. HMS-utvalget skal ikke lagre personnummer – fjern nummeret og beskriv uten å identifisere noen."
}

func TestDeviationValidateOrder(t *testing.T) {
	nid := genNID(t, 15, 6, 85, 123)
	v := Deviation{
		Date:                  devToday.AddDays(1),
		Place:                 nid,
		Category:              DevViolence,
		Type:                  "x",
		Severity:              SeverityMinor,
		ImmediateAction:       strings.Repeat("a", MaxDevNoteLen+1),
		Cause:                 nid,
		ViolenceType:          "slag",
		FollowUpOffered:       []FollowUpOffer{"kake", FollowUpBHT, "bolle"},
		Status:                DevClosed,
		ClosedOn:              devToday.AddDays(2),
		PersonHarm:            "litt",
		AuthoritiesNotified:   true,
		AuthoritiesNotifiedOn: d("01.01.2026"),
		MunicipalRef:          strings.Repeat("r", MaxDevRefLen+1),
	}
	checkProblemLines(t, v.Validate(devToday), []string{
		"Dato: Dato kan ikke være frem i tid",
		"Sted: " + nidMessage("Sted"),
		"Type: Velg type",
		"Hva skjedde: Hva skjedde må fylles ut",
		"Strakstiltak: Strakstiltak kan ha høyst 2000 tegn",
		"Årsak: " + nidMessage("Årsak"),
		"Type vold eller trussel: Velg type vold eller trussel",
		"Oppfølging tilbudt: Ukjent oppfølging «kake»",
		"Oppfølging tilbudt: Ukjent oppfølging «bolle»",
		"Lukket av: Lukket av må fylles ut",
		"Dato lukket: Dato lukket kan ikke være frem i tid",
		"Skade på person: Ukjent skade på person «litt»",
		"Dato meldt til Arbeidstilsynet og politiet: Dato meldt til Arbeidstilsynet og politiet kan ikke være før datoen for avviket (25.11.2026)",
		"Referanse i kommunens avvikssystem: Kryss av for at avviket er meldt i kommunens avvikssystem, eller fjern referansen",
		"Referanse i kommunens avvikssystem: Referanse i kommunens avvikssystem kan ha høyst 100 tegn",
	})

	// Another category with violence fields, an unknown status and the
	// other half of each either-or rule.
	o := validDeviation()
	o.Category, o.Severity, o.Status = "brann", "kritisk", "ny"
	o.FollowUpOffered = []FollowUpOffer{FollowUpBHT}
	o.AuthoritiesNotifiedOn = o.Date
	o.ReportedToMunicipal = true
	o.PersonHarm, o.Type = HarmInjury, TypeNearMiss
	checkProblemLines(t, o.Validate(devToday), []string{
		"Kategori: Velg kategori",
		"Alvorlighetsgrad: Velg alvorlighetsgrad",
		"Type vold eller trussel: Type vold og oppfølging registreres bare for kategorien Vold og trusler",
		"Status: Velg status",
		"Skade på person: En nestenulykke eller et forbedringsforslag har ingen personskade: velg en annen type, eller «Ingen personskade»",
		"Dato meldt til Arbeidstilsynet og politiet: Kryss av for at avviket er meldt til Arbeidstilsynet og politiet, eller fjern datoen",
		"Referanse i kommunens avvikssystem: Skriv referansen avviket fikk i kommunens avvikssystem",
	})

	// Open, with closing fields; a serious injury at a low severity.
	p := validDeviation()
	p.Status, p.ClosedBy = DevInProgress, "Leder"
	p.PersonHarm = HarmSerious
	checkProblemLines(t, p.Validate(devToday), []string{
		"Dato lukket: Et avvik som ikke er lukket, kan ikke ha «lukket av» eller dato lukket",
		"Skade på person: Alvorlig personskade har alvorlighetsgrad «Alvorlig» eller «Svært alvorlig»",
	})
}

// TestSafetyRoundValidate has a case for every message of
// SafetyRound.Validate and its completion check.
func TestSafetyRoundValidate(t *testing.T) {
	day := NewDate(2026, 3, 10)
	long := func(n int) string { return strings.Repeat("x", n+1) }
	tests := []struct {
		name   string
		change func(*SafetyRound)
		field  string // "" = valid
		want   string
	}{
		{"valid in progress", func(*SafetyRound) {}, "", ""},
		{"valid completed", func(r *SafetyRound) { r.Status, r.CompletedOn = RoundCompleted, day }, "", ""},
		{"title missing", func(r *SafetyRound) { r.Title = " " }, FieldRoundTitle, "Tittel må fylles ut"},
		{"title too long", func(r *SafetyRound) { r.Title = long(MaxTitleLen) }, FieldRoundTitle, "høyst 200 tegn"},
		{"date missing", func(r *SafetyRound) { r.Date = Date{} }, FieldRoundDate, "Dato for vernerunden må fylles ut"},
		{"status unknown", func(r *SafetyRound) { r.Status = "ny" }, FieldRoundStatus, "Ukjent status for vernerunden"},
		{"template name too long", func(r *SafetyRound) { r.TemplateName = long(MaxTitleLen) }, FieldTemplateName, "høyst"},
		{"too many areas", func(r *SafetyRound) { r.Areas = make([]string, MaxRoundAreas+1) }, FieldRoundAreas, "høyst 50 områder"},
		{"area name too long", func(r *SafetyRound) { r.Areas = []string{long(MaxAreaLen)} }, FieldRoundAreas, "for langt navn (høyst 100 tegn)"},
		{"area with national ID", func(r *SafetyRound) { r.Areas = []string{testNID()} }, FieldRoundAreas, "fødselsnummer"},
		{"too many participants", func(r *SafetyRound) {
			r.Participants = make([]RoundParticipant, MaxRoundPeople+1)
		}, FieldRoundPeople, "høyst 30 deltakere"},
		{"participant without name", func(r *SafetyRound) { r.Participants[1].Name = " " }, FieldRoundPeople, "Deltaker nr. 2 mangler navn"},
		{"participant name too long", func(r *SafetyRound) { r.Participants[0].Name = long(MaxNameLen) }, FieldRoundPeople, "har for langt navn"},
		{"participant without role", func(r *SafetyRound) { r.Participants[1].Role = "" }, FieldRoundPeople, "Velg rolle for deltaker nr. 2"},
		{"participant with national ID", func(r *SafetyRound) { r.Participants[0].Name = testNID() }, FieldRoundPeople, "fødselsnummer"},
		{"no questions", func(r *SafetyRound) { r.Sections = nil; r.Answers = nil }, FieldSections, "minst ett spørsmål"},
		{"answer to no question", func(r *SafetyRound) { r.Answers[2].Number = 4 }, FieldRoundAnswers, "nr. 4, som ikke finnes"},
		{"answer to question 0", func(r *SafetyRound) { r.Answers[0].Number = 0 }, FieldRoundAnswers, "nr. 0, som ikke finnes"},
		{"answered twice", func(r *SafetyRound) { r.Answers[1].Number = 1 }, FieldRoundAnswers, "Spørsmål nr. 1 er besvart to ganger"},
		{"unknown answer", func(r *SafetyRound) { r.Answers[0].Answer = "kanskje" }, FieldRoundAnswers, "Ukjent svar på spørsmål nr. 1"},
		{"comment too long", func(r *SafetyRound) { r.Answers[1].Comment = long(MaxNoteLen) }, FieldRoundComment, "høyst"},
		{"comment with national ID", func(r *SafetyRound) { r.Answers[1].Comment = testNID() }, FieldRoundComment, "fødselsnummer"},
		{"pre-meeting notes too long", func(r *SafetyRound) { r.PreMeetingNotes = long(MaxDescriptionLen) }, FieldPreMeetingNotes, "høyst"},
		{"closing notes too long", func(r *SafetyRound) { r.ClosingNotes = long(MaxDescriptionLen) }, FieldClosingNotes, "høyst"},
		{"in progress with completion date", func(r *SafetyRound) { r.CompletedOn = day }, FieldRoundStatus, "En vernerunde som pågår kan ikke ha fullført-dato"},
		// Completed
		{"completed without date", func(r *SafetyRound) { r.Status = RoundCompleted }, FieldRoundStatus, "Fullført-dato mangler"},
		{"completed in the future", func(r *SafetyRound) { r.Status, r.CompletedOn = RoundCompleted, day.AddDays(1) }, FieldRoundStatus, "Fullført-dato kan ikke være frem i tid"},
		{"completed before the round", func(r *SafetyRound) {
			r.Status, r.CompletedOn, r.Date = RoundCompleted, day.AddDays(-1), day
		}, FieldRoundDate, "før datoen den gjennomføres (10.03.2026)"},
		{"completed without verneombud", func(r *SafetyRound) {
			r.Status, r.CompletedOn, r.Participants = RoundCompleted, day, r.Participants[1:]
		}, FieldRoundPeople, "både leder og verneombud"},
		{"completed unanswered", func(r *SafetyRound) {
			r.Status, r.CompletedOn, r.Answers = RoundCompleted, day, r.Answers[1:]
		}, FieldRoundAnswers, "(2 av 3 besvart)"},
		{"completed finding without comment", func(r *SafetyRound) {
			r.Status, r.CompletedOn, r.Answers[1].Comment = RoundCompleted, day, ""
		}, FieldRoundComment, "Spørsmål nr. 2 er besvart «Må forbedres»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := completeRound(t)
			tt.change(&r)
			checkProblem(t, r.Validate(day), tt.field, tt.want)
		})
	}
}

func TestSafetyRoundValidateOrder(t *testing.T) {
	day := NewDate(2026, 3, 10)
	r := completeRound(t)
	r.Title = ""
	r.Date = Date{}
	r.TemplateName = strings.Repeat("t", MaxTitleLen+1)
	r.Areas = []string{strings.Repeat("o", MaxAreaLen+1), "Rom " + testNID()}
	r.Participants = []RoundParticipant{{Name: " "}, {Name: testNID(), Role: RoundRoleAnsatt}}
	r.Sections[1].Title = ""
	r.Answers = append(r.Answers, RoundAnswer{Number: 9, Answer: "kanskje"}, RoundAnswer{Number: 2, Answer: AnswerOK})
	r.Answers[1].Comment = ""
	r.ClosingNotes = strings.Repeat("n", MaxDescriptionLen+1)
	r.Status, r.CompletedOn = RoundCompleted, day.AddDays(1)
	checkProblemLines(t, r.Validate(day), []string{
		"Tittel: Tittel må fylles ut",
		"Dato for vernerunden: Dato for vernerunden må fylles ut",
		"Navn på sjekklisten: Navn på sjekklisten kan ha høyst 200 tegn",
		"Områder: Området «" + strings.Repeat("o", 39) + "…» har for langt navn (høyst 100 tegn)",
		"Områder: " + nidMessage("Områder"),
		"Deltakere: Deltaker nr. 1 mangler navn – fyll ut eller fjern den",
		"Deltakere: Velg rolle for deltaker nr. 1",
		"Deltakere: " + nidMessage("Deltakere"),
		"Spørsmål: Del nr. 2 mangler overskrift",
		"Svar: Svar på spørsmål nr. 9, som ikke finnes i sjekklisten",
		"Svar: Ukjent svar på spørsmål nr. 9",
		"Svar: Spørsmål nr. 2 er besvart to ganger",
		"Oppsummering fra avslutningsmøtet: Oppsummering fra avslutningsmøtet kan ha høyst 4000 tegn",
		"Status: Fullført-dato kan ikke være frem i tid",
		"Deltakere: Deltakere må omfatte både leder og verneombud før vernerunden fullføres",
		"Kommentar: Spørsmål nr. 2 er besvart «Må forbedres»: beskriv funnet i kommentaren",
	})
}

func TestViolenceMappingValidateOrder(t *testing.T) {
	today := NewDate(2026, 3, 1)
	const outOfScale = " må være et tall fra 1 til 5 (eller la både sannsynlighet og konsekvens stå tomme)"
	m := mapping(today)
	m.Date = today.AddDays(1)
	m.NextReview = today
	m.Participants = []string{" ", strings.Repeat("k", MaxNameLen+1)}
	m.Factors[0].Factor = 9
	m.Factors[1].Factor = 1
	m.Factors[1].Answer = testNID()
	m.Factors[1].Probability = 6
	m.Factors[2].Notes = strings.Repeat("n", MaxNoteLen+1)
	m.Factors[2].Consequence = 0
	m.Factors[3].Factor = 1
	m.Combined.Probability = 0
	m.Measures = []ViolenceMeasureLink{{Factor: 2}, {MeasureID: 4, Factor: 12, Point: PointDesign}, {MeasureID: 4, Point: PointStaffing}}
	checkProblemLines(t, m.Validate(today), []string{
		"Dato for kartleggingen: Dato for kartleggingen kan ikke være frem i tid",
		"Neste revisjon: Neste revisjon kan ikke være før datoen for kartleggingen",
		"Deltakere: Deltaker nr. 1 mangler navn – fyll ut eller fjern den",
		"Deltakere: Deltakere kan ha høyst 200 tegn",
		"Faktor: Faktor 9 finnes ikke – faktorene er nummerert fra 1 til 8",
		"Svar: " + nidMessage("Svar"),
		"Sannsynlighet: Faktor 1: Sannsynlighet" + outOfScale,
		"Merknader: Merknader kan ha høyst 2000 tegn",
		"Konsekvens: Faktor 3: Konsekvens" + outOfScale,
		"Faktor: Faktor 1 er vurdert to ganger",
		"Sannsynlighet (samlet): Samlet vurdering: Sannsynlighet (samlet)" + outOfScale,
		"Tiltak: Et tiltak i kartleggingen mangler kobling til handlingsplanen",
		"Punkt i forskriften: Velg hvilket punkt i forskriften tiltaket gjelder",
		"Faktor: Tiltak 4 er koblet til faktor 12, som ikke finnes",
		"Tiltak: Tiltak 4 er koblet til kartleggingen to ganger",
	})

	// An invalid matrix stops the check: ratings cannot be judged.
	m = mapping(today)
	m.Date = Date{}
	m.Matrix = RiskMatrix{Size: 3}
	m.Factors[0].Factor = 9
	checkProblemLines(t, m.Validate(today), []string{
		"Dato for kartleggingen: Dato for kartleggingen må fylles ut",
		"Matrisestørrelse: Risikomatrisen for kartleggingen er ugyldig: Matrisestørrelse må være 4 (4×4) eller 5 (5×5)",
	})
}
