package model

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

var devToday = d("24.11.2026")

func validDeviation() Deviation {
	return Deviation{
		ID:           3,
		Date:         d("10.11.2026"),
		Place:        "Avdeling 2 (langtid)",
		Category:     DevInjury,
		Type:         TypeIncident,
		Severity:     SeverityMinor,
		WhatHappened: "Ansatt skled på vått gulv på badet og slo kneet.",
		Cause:        "Gulvet var ikke tørket etter dusjing.",
		Status:       DevRegistered,
	}
}

func devViolence() Deviation {
	v := validDeviation()
	v.Category = DevViolence
	v.ViolenceType = ViolencePhysical
	v.FollowUpOffered = []FollowUpOffer{FollowUpConversation}
	return v
}

func TestDeviationValidate(t *testing.T) {
	nid := genNID(t, 15, 6, 85, 123)
	tests := []struct {
		name   string
		change func(*Deviation)
		field  string // "" = valid
		want   string // part of the message
	}{
		{"valid", func(*Deviation) {}, "", ""},
		{"date missing", func(v *Deviation) { v.Date = Date{} }, FieldDevDate, "Dato må fylles ut"},
		{"date in the future", func(v *Deviation) { v.Date = devToday.AddDays(1) }, FieldDevDate, "frem i tid"},
		{"date today", func(v *Deviation) { v.Date = devToday }, "", ""},
		{"place missing", func(v *Deviation) { v.Place = "  " }, FieldDevPlace, "Sted må fylles ut"},
		{"category unknown", func(v *Deviation) { v.Category = "brann" }, FieldCategory, "Velg kategori"},
		{"type missing", func(v *Deviation) { v.Type = "" }, FieldDevType, "Velg type"},
		{"severity unknown", func(v *Deviation) { v.Severity = "kritisk" }, FieldDevSeverity, "Velg alvorlighetsgrad"},
		{"what happened missing", func(v *Deviation) { v.WhatHappened = "" }, FieldDevWhatHappened, "Hva skjedde må fylles ut"},
		{"what happened too long", func(v *Deviation) { v.WhatHappened = strings.Repeat("å", MaxDevTextLen+1) }, FieldDevWhatHappened, "høyst"},
		{"status unknown", func(v *Deviation) { v.Status = "ny" }, FieldStatus, "Velg status"},
		{"national ID in what happened", func(v *Deviation) { v.WhatHappened = "Gjelder " + nid }, FieldDevWhatHappened, "fødselsnummer"},
		{"national ID in cause", func(v *Deviation) { v.Cause = nid[:6] + " " + nid[6:] }, FieldDevCause, "fødselsnummer"},
		{"national ID in immediate action", func(v *Deviation) { v.ImmediateAction = nid }, FieldDevImmediateAction, "fødselsnummer"},
		{"national ID in place", func(v *Deviation) { v.Place = nid }, FieldDevPlace, "fødselsnummer"},
		{"national ID in municipal ref", func(v *Deviation) { v.ReportedToMunicipal, v.MunicipalRef = true, nid }, FieldDevMunicipalRef, "fødselsnummer"},
		{"phone number is fine", func(v *Deviation) { v.ImmediateAction = "Ringte legevakt 12345678901" }, "", ""},
		// Violence
		{"violence valid", func(v *Deviation) { *v = devViolence() }, "", ""},
		{"violence without type", func(v *Deviation) { *v = devViolence(); v.ViolenceType = "" }, FieldDevViolenceType, "Velg type vold"},
		{"violence unknown type", func(v *Deviation) { *v = devViolence(); v.ViolenceType = "slag" }, FieldDevViolenceType, "Velg type vold"},
		{"violence unknown offer", func(v *Deviation) {
			*v = devViolence()
			v.FollowUpOffered = append(v.FollowUpOffered, "kake")
		}, FieldDevFollowUp, "Ukjent oppfølging «kake»"},
		{"violence without offers", func(v *Deviation) { *v = devViolence(); v.FollowUpOffered = nil }, "", ""},
		{"violence type on other category", func(v *Deviation) { v.ViolenceType = ViolencePhysical }, FieldDevViolenceType, "bare for kategorien Vold og trusler"},
		{"offer on other category", func(v *Deviation) { v.FollowUpOffered = []FollowUpOffer{FollowUpBHT} }, FieldDevViolenceType, "bare for kategorien"},
		// Closed
		{"closed valid", func(v *Deviation) { v.Status, v.ClosedBy, v.ClosedOn = DevClosed, "Avdelingsleder", d("20.11.2026") }, "", ""},
		{"closed same day", func(v *Deviation) { v.Status, v.ClosedBy, v.ClosedOn = DevClosed, "Leder", v.Date }, "", ""},
		{"closed without who", func(v *Deviation) { v.Status, v.ClosedOn = DevClosed, d("20.11.2026") }, FieldDevClosedBy, "Lukket av må fylles ut"},
		{"closed without date", func(v *Deviation) { v.Status, v.ClosedBy = DevClosed, "Leder" }, FieldDevClosedOn, "Dato lukket må fylles ut"},
		{"closed before the deviation", func(v *Deviation) { v.Status, v.ClosedBy, v.ClosedOn = DevClosed, "Leder", d("09.11.2026") }, FieldDevClosedOn, "før datoen for avviket (10.11.2026)"},
		{"closed in the future", func(v *Deviation) { v.Status, v.ClosedBy, v.ClosedOn = DevClosed, "Leder", devToday.AddDays(1) }, FieldDevClosedOn, "frem i tid"},
		{"open with closed date", func(v *Deviation) { v.ClosedOn = d("20.11.2026") }, FieldDevClosedOn, "ikke er lukket"},
		{"in progress with closed by", func(v *Deviation) { v.Status, v.ClosedBy = DevInProgress, "Leder" }, FieldDevClosedOn, "ikke er lukket"},
		// § 5-2
		{"notified with date", func(v *Deviation) { v.AuthoritiesNotified, v.AuthoritiesNotifiedOn = true, v.Date }, "", ""},
		{"notified without date", func(v *Deviation) { v.AuthoritiesNotified = true }, FieldDevNotifiedOn, "må fylles ut"},
		{"notified before the deviation", func(v *Deviation) { v.AuthoritiesNotified, v.AuthoritiesNotifiedOn = true, d("01.11.2026") }, FieldDevNotifiedOn, "før datoen"},
		{"notified in the future", func(v *Deviation) { v.AuthoritiesNotified, v.AuthoritiesNotifiedOn = true, devToday.AddDays(3) }, FieldDevNotifiedOn, "frem i tid"},
		{"notice date without tick", func(v *Deviation) { v.AuthoritiesNotifiedOn = v.Date }, FieldDevNotifiedOn, "Kryss av"},
		// Harm to a person
		{"harm not recorded", func(v *Deviation) { v.PersonHarm = "" }, "", ""},
		{"no harm", func(v *Deviation) { v.PersonHarm = HarmNone }, "", ""},
		{"injury", func(v *Deviation) { v.PersonHarm = HarmInjury }, "", ""},
		{"unknown harm", func(v *Deviation) { v.PersonHarm = "litt" }, FieldDevPersonHarm, "Ukjent skade på person «litt»"},
		{"serious injury at alvorlig", func(v *Deviation) { v.PersonHarm, v.Severity = HarmSerious, SeveritySerious }, "", ""},
		{"death at svært alvorlig", func(v *Deviation) { v.PersonHarm, v.Severity = HarmDeath, SeverityVerySerious }, "", ""},
		{"serious injury at mindre alvorlig", func(v *Deviation) { v.PersonHarm, v.Severity = HarmSerious, SeverityMinor }, FieldDevPersonHarm, "Alvorlig personskade har alvorlighetsgrad «Alvorlig» eller «Svært alvorlig»"},
		{"death at ubetydelig", func(v *Deviation) { v.PersonHarm, v.Severity = HarmDeath, SeverityInsignificant }, FieldDevPersonHarm, "Dødsfall har alvorlighetsgrad"},
		{"injury at ubetydelig", func(v *Deviation) { v.PersonHarm, v.Severity = HarmInjury, SeverityInsignificant }, "", ""},
		{"near miss without harm", func(v *Deviation) { v.PersonHarm, v.Type = HarmNone, TypeNearMiss }, "", ""},
		{"near miss with injury", func(v *Deviation) { v.PersonHarm, v.Type = HarmInjury, TypeNearMiss }, FieldDevPersonHarm, "nestenulykke"},
		{"suggestion with death", func(v *Deviation) {
			v.PersonHarm, v.Type, v.Severity = HarmDeath, TypeImprovement, SeverityVerySerious
		}, FieldDevPersonHarm, "forbedringsforslag har ingen personskade"},
		{"death notified with date", func(v *Deviation) {
			v.PersonHarm, v.Severity, v.AuthoritiesNotified, v.AuthoritiesNotifiedOn = HarmDeath, SeverityVerySerious, true, v.Date.AddDays(1)
		}, "", ""},
		{"death notified without date", func(v *Deviation) {
			v.PersonHarm, v.Severity, v.AuthoritiesNotified = HarmDeath, SeverityVerySerious, true
		}, FieldDevNotifiedOn, "Dato meldt til Arbeidstilsynet og politiet må fylles ut"},
		// Municipal system
		{"reported with ref", func(v *Deviation) { v.ReportedToMunicipal, v.MunicipalRef = true, "AVVIK-2026-0412" }, "", ""},
		{"reported without ref", func(v *Deviation) { v.ReportedToMunicipal = true }, FieldDevMunicipalRef, "Skriv referansen"},
		{"ref without tick", func(v *Deviation) { v.MunicipalRef = "AVVIK-1" }, FieldDevMunicipalRef, "Kryss av"},
		{"ref too long", func(v *Deviation) { v.ReportedToMunicipal, v.MunicipalRef = true, strings.Repeat("x", MaxDevRefLen+1) }, FieldDevMunicipalRef, "høyst"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := validDeviation()
			tt.change(&v)
			checkProblem(t, v.Validate(devToday), tt.field, tt.want)
		})
	}
}

func TestDeviationValidateListsEveryProblem(t *testing.T) {
	err := Deviation{Status: DevClosed}.Validate(devToday)
	for _, f := range []string{FieldDevDate, FieldDevPlace, FieldCategory, FieldDevType, FieldDevSeverity, FieldDevWhatHappened, FieldDevClosedBy, FieldDevClosedOn} {
		if fieldMsg(err, f) == "" {
			t.Errorf("no message for %s in %v", f, err)
		}
	}
}

func TestDeviationNormalized(t *testing.T) {
	v := devViolence()
	v.Place = "  Avdeling   2 "
	v.WhatHappened = " Slag mot armen. \n"
	v.ClosedBy = " Kari  Nordmann "
	v.MunicipalRef = " AVVIK-7 "
	v.FollowUpOffered = []FollowUpOffer{FollowUpBHT, FollowUpConversation, FollowUpBHT}
	v.MeasureIDs = []uint64{4, 0, 4, 2}
	n := v.Normalized()
	if n.Place != "Avdeling 2" || n.WhatHappened != "Slag mot armen." || n.ClosedBy != "Kari Nordmann" || n.MunicipalRef != "AVVIK-7" {
		t.Errorf("texts %+v", n)
	}
	if !reflect.DeepEqual(n.FollowUpOffered, []FollowUpOffer{FollowUpConversation, FollowUpBHT}) {
		t.Errorf("offers %v, want display order without repeats", n.FollowUpOffered)
	}
	if !reflect.DeepEqual(n.MeasureIDs, []uint64{4, 2}) {
		t.Errorf("measure IDs %v", n.MeasureIDs)
	}
	// Another category drops the violence fields.
	v.Category = DevInjury
	if n := v.Normalized(); n.ViolenceType != "" || n.FollowUpOffered != nil {
		t.Errorf("violence fields kept: %+v", n)
	}
	// Empty lists become nil, so a stored record reads back equal.
	if n := validDeviation().Normalized(); n.FollowUpOffered != nil || n.MeasureIDs != nil {
		t.Errorf("empty lists %#v %#v", n.FollowUpOffered, n.MeasureIDs)
	}
}

func TestDeviationTransitions(t *testing.T) {
	tests := []struct {
		from, to DeviationStatus
		ok       bool
	}{
		{DevRegistered, DevInProgress, true},
		{DevRegistered, DevClosed, true},
		{DevInProgress, DevClosed, true},
		{DevClosed, DevInProgress, true},
		{DevInProgress, DevRegistered, false},
		{DevClosed, DevRegistered, false},
		{DevRegistered, DevRegistered, false},
		{DevClosed, DevClosed, false},
		{"ukjent", DevClosed, false},
	}
	for _, tt := range tests {
		if got := tt.from.CanBecome(tt.to); got != tt.ok {
			t.Errorf("%s → %s: %v, want %v", tt.from, tt.to, got, tt.ok)
		}
		v := validDeviation()
		v.Status = tt.from
		if tt.from == DevClosed {
			v.ClosedBy, v.ClosedOn = "Leder", v.Date
		}
		n, err := v.Transition(tt.to, "Leder", d("20.11.2026"), devToday)
		if (err == nil) != tt.ok {
			t.Errorf("Transition %s → %s: %v", tt.from, tt.to, err)
		}
		if err != nil && !reflect.DeepEqual(n, v) {
			t.Errorf("refused transition changed the deviation")
		}
		if err == nil {
			if n.Status != tt.to {
				t.Errorf("status %s, want %s", n.Status, tt.to)
			}
			if verr := n.Validate(devToday); verr != nil {
				t.Errorf("%s → %s gives an invalid deviation: %v", tt.from, tt.to, verr)
			}
		}
	}
	if got := DevRegistered.Transitions(); !reflect.DeepEqual(got, []DeviationStatus{DevInProgress, DevClosed}) {
		t.Errorf("from registrert: %v", got)
	}
	got := DevClosed.Transitions()
	got[0] = DevRegistered // the caller's copy
	if DevClosed.Transitions()[0] != DevInProgress {
		t.Error("Transitions shares its slice")
	}
	if DeviationStatus("x").Transitions() != nil {
		t.Error("unknown status has transitions")
	}
}

func TestDeviationCloseAndReopen(t *testing.T) {
	v := validDeviation()
	v.Status = DevInProgress
	for _, tt := range []struct {
		name, by string
		on       Date
		field    string
	}{
		{"no one", " ", d("20.11.2026"), FieldDevClosedBy},
		{"no date", "Leder", Date{}, FieldDevClosedOn},
		{"before the deviation", "Leder", d("01.11.2026"), FieldDevClosedOn},
		{"in the future", "Leder", devToday.AddDays(1), FieldDevClosedOn},
	} {
		if _, err := v.Transition(DevClosed, tt.by, tt.on, devToday); fieldMsg(err, tt.field) == "" {
			t.Errorf("%s: %v, want a message for %s", tt.name, err, tt.field)
		}
	}
	closed, err := v.Transition(DevClosed, "  Kari  Nordmann ", devToday, devToday)
	if err != nil || closed.ClosedBy != "Kari Nordmann" || closed.ClosedOn != devToday || closed.Open() {
		t.Fatalf("closed: %+v %v", closed, err)
	}
	reopened, err := closed.Transition(DevInProgress, "ignored", devToday, devToday)
	if err != nil || reopened.ClosedBy != "" || !reopened.ClosedOn.IsZero() || reopened.Status != DevInProgress || !reopened.Open() {
		t.Fatalf("reopened: %+v %v", reopened, err)
	}
	if _, err := v.Transition("lukka", "", Date{}, devToday); fieldMsg(err, FieldStatus) == "" {
		t.Error("unknown target accepted")
	}
	if _, err := v.Transition(DevRegistered, "", Date{}, devToday); !strings.Contains(fieldMsg(err, FieldStatus), "«Under behandling» kan ikke settes til «Registrert»") {
		t.Errorf("message %v", err)
	}
}

func TestNeedsAuthorityNotice(t *testing.T) {
	tests := []struct {
		cat  DeviationCategory
		typ  DeviationType
		sev  Severity
		harm PersonHarm
		want bool
	}{
		// Harm recorded: death or serious injury, in any category, at
		// alvorlig as well as svært alvorlig.
		{DevInjury, TypeIncident, SeveritySerious, HarmSerious, true},
		{DevInjury, TypeIncident, SeverityVerySerious, HarmDeath, true},
		{DevFire, TypeIncident, SeveritySerious, HarmSerious, true},
		{DevHazardous, TypeDeviation, SeverityVerySerious, HarmSerious, true},
		{DevViolence, TypeIncident, SeveritySerious, HarmSerious, true},
		{DevEnvironment, TypeIncident, SeverityVerySerious, HarmDeath, true},
		{DevOrganisation, TypeDeviation, SeveritySerious, HarmDeath, true},
		{DevNonCompliance, TypeIncident, SeveritySerious, HarmSerious, true},
		{DevBurglary, TypeIncident, SeverityVerySerious, HarmSerious, true},
		// An injury that is not serious, or none: no notice, whatever the
		// severity says (the harm recorded wins over the read rule).
		{DevInjury, TypeIncident, SeverityVerySerious, HarmInjury, false},
		{DevViolence, TypeIncident, SeverityVerySerious, HarmNone, false},
		{DevFire, TypeIncident, SeverityVerySerious, HarmNone, false},
		{DevInjury, TypeIncident, SeverityMinor, HarmInjury, false},
		// Not recorded (old records): the earlier rule, so an outstanding
		// notice stays outstanding.
		{DevInjury, TypeIncident, SeverityVerySerious, "", true},
		{DevInjury, TypeDeviation, SeverityVerySerious, "", true},
		{DevViolence, TypeIncident, SeverityVerySerious, "", true},
		{DevInjury, TypeIncident, SeveritySerious, "", false},
		{DevViolence, TypeIncident, SeveritySerious, "", false},
		{DevFire, TypeIncident, SeverityVerySerious, "", false},
		{DevHazardous, TypeIncident, SeverityVerySerious, "", false},
		{DevInjury, TypeNearMiss, SeverityVerySerious, "", false},
		{DevInjury, TypeImprovement, SeverityVerySerious, "", false},
	}
	for _, tt := range tests {
		v := validDeviation()
		v.Category, v.Type, v.Severity, v.PersonHarm = tt.cat, tt.typ, tt.sev, tt.harm
		name := fmt.Sprintf("%s/%s/%s/%q", tt.cat, tt.typ, tt.sev, tt.harm)
		if got := v.NeedsAuthorityNotice(); got != tt.want {
			t.Errorf("%s: %v, want %v", name, got, tt.want)
		}
		if v.NoticeOutstanding() != tt.want {
			t.Errorf("%s: outstanding %v before notice", name, v.NoticeOutstanding())
		}
		v.AuthoritiesNotified = true
		if v.NoticeOutstanding() {
			t.Errorf("%s: outstanding after notice", name)
		}
	}
}

func TestHarmUnrecorded(t *testing.T) {
	tests := []struct {
		typ  DeviationType
		sev  Severity
		harm PersonHarm
		want bool
	}{
		{TypeIncident, SeveritySerious, "", true},
		{TypeDeviation, SeverityVerySerious, "", true},
		{TypeIncident, SeverityMinor, "", false},
		{TypeIncident, SeverityInsignificant, "", false},
		{TypeIncident, "", "", false},
		{TypeNearMiss, SeverityVerySerious, "", false},
		{TypeImprovement, SeveritySerious, "", false},
		{TypeIncident, SeveritySerious, HarmNone, false},
		{TypeIncident, SeverityVerySerious, HarmSerious, false},
	}
	for _, tt := range tests {
		v := validDeviation()
		v.Type, v.Severity, v.PersonHarm = tt.typ, tt.sev, tt.harm
		if got := v.HarmUnrecorded(); got != tt.want {
			t.Errorf("%s/%s/%q: %v, want %v", tt.typ, tt.sev, tt.harm, got, tt.want)
		}
	}
}

func TestPersonHarmEnum(t *testing.T) {
	if len(PersonHarms()) != 4 || len(PersonHarmLabels()) != 4 {
		t.Fatalf("%v", PersonHarmLabels())
	}
	for _, h := range PersonHarms() {
		if back, ok := PersonHarmFromLabel(h.Label()); !ok || back != h {
			t.Errorf("%s: label %q maps back to %q", h, h.Label(), back)
		}
		if h.Notifiable() != (h == HarmSerious || h == HarmDeath) {
			t.Errorf("%s: notifiable %v", h, h.Notifiable())
		}
	}
	if PersonHarm("").Valid() || PersonHarm("").Label() != "" || PersonHarm("").Notifiable() {
		t.Error("the zero value is not a degree of harm")
	}
}

func TestDeviationStatsNotices(t *testing.T) {
	mk := func(date string, harm PersonHarm, notified string) Deviation {
		v := validDeviation()
		v.Date, v.Severity, v.PersonHarm = d(date), SeveritySerious, harm
		if notified != "" {
			v.AuthoritiesNotified, v.AuthoritiesNotifiedOn = true, d(notified)
		}
		return v
	}
	old := mk("10.03.2026", "", "")
	old.Severity = SeverityVerySerious // read rule: counts, outstanding
	oldNotified := mk("11.03.2026", "", "11.03.2026")
	oldNotified.Severity = SeverityVerySerious
	fire := mk("12.05.2026", HarmSerious, "12.05.2026")
	fire.Category = DevFire
	devs := []Deviation{
		mk("31.12.2025", HarmDeath, "31.12.2025"),   // last year: not counted
		mk("01.01.2026", HarmDeath, "01.01.2026"),   // first day, sent the same day
		mk("30.12.2026", HarmSerious, "02.01.2027"), // sent after the year
		mk("31.12.2026", HarmSerious, ""),           // last day, outstanding
		mk("15.06.2026", HarmInjury, ""),            // not serious: no notice
		mk("16.06.2026", HarmNone, ""),
		old, oldNotified, fire,
	}
	s := DeviationStats(devs, 2026, d("15.01.2027"))
	if s.NoticeNeeded != 6 || s.NoticeSent != 3 || s.NoticeSentAfterYear != 1 || s.NoticeOutstanding != 2 {
		t.Errorf("needed %d, sent %d, after the year %d, outstanding %d; want 6, 3, 1, 2",
			s.NoticeNeeded, s.NoticeSent, s.NoticeSentAfterYear, s.NoticeOutstanding)
	}
	if s.NoticeSent+s.NoticeSentAfterYear+s.NoticeOutstanding != s.NoticeNeeded {
		t.Error("every notice is in exactly one group")
	}
	// A notice dated after the year never counts as sent in it, even in a
	// report made on its last day; that day's deviations are counted.
	s = DeviationStats(devs[:4], 2026, d("31.12.2026"))
	if s.NoticeNeeded != 3 || s.NoticeSent != 1 || s.NoticeOutstanding != 1 {
		t.Errorf("as of 31.12: needed %d, sent %d, outstanding %d", s.NoticeNeeded, s.NoticeSent, s.NoticeOutstanding)
	}
}

func TestDeviationRedacted(t *testing.T) {
	v := devViolence()
	v.ImmediateAction = "Skjermet beboeren."
	v.MunicipalRef, v.ReportedToMunicipal = "AVVIK-9", true
	r := v.Redacted()
	if r.WhatHappened != "" || r.ImmediateAction != "" || r.Cause != "" {
		t.Errorf("sensitive text kept: %+v", r)
	}
	// Everything else is kept.
	r.WhatHappened, r.ImmediateAction, r.Cause = v.WhatHappened, v.ImmediateAction, v.Cause
	if !reflect.DeepEqual(r, v) {
		t.Errorf("redaction changed more than the sensitive fields")
	}
	// The marker names exactly the fields Redacted blanks, and the JSON of
	// a redacted deviation holds none of the text.
	if !reflect.DeepEqual(DeviationSensitiveFields, []string{FieldDevWhatHappened, FieldDevImmediateAction, FieldDevCause}) {
		t.Errorf("DeviationSensitiveFields = %v", DeviationSensitiveFields)
	}
	raw, _ := json.Marshal(RedactDeviations([]Deviation{v}))
	for _, s := range []string{"Slo", "armen", "Skjermet", "tørket"} {
		if strings.Contains(string(raw), s) {
			t.Errorf("redacted JSON contains %q", s)
		}
	}
	if !strings.Contains(string(raw), "AVVIK-9") {
		t.Error("redacted JSON lost the municipal reference")
	}
}

func TestDeviationLabelAndMeasure(t *testing.T) {
	v := validDeviation()
	if got := v.Label(); got != "10.11.2026 Personskade, Avdeling 2 (langtid)" {
		t.Errorf("Label = %q", got)
	}
	m := NewMeasureFromDeviation(v, "", " Avdelings leder ", d("01.02.2027"), devToday)
	if m.Title != "Oppfølging av avvik 10.11.2026 Personskade, Avdeling 2 (langtid)" || m.Responsible != "Avdelings leder" {
		t.Errorf("measure %+v", m)
	}
	if m.Source != (Source{Kind: SourceDeviation, RefID: 3, RefLabel: "Avvik 10.11.2026 Personskade, Avdeling 2 (langtid)"}) {
		t.Errorf("source %+v", m.Source)
	}
	if strings.Contains(m.Source.RefLabel, "gulv") || strings.Contains(m.Title, "gulv") {
		t.Error("the description leaked into the action plan")
	}
	if m.Topic != CategoryAccidentsFire || m.PriorityArea != AreaPreventiveAbsence || m.Status != StatusPlanlagt || m.Created != devToday {
		t.Errorf("defaults %+v", m)
	}
	if err := m.Validate(devToday); err != nil {
		t.Errorf("measure invalid: %v", err)
	}
	for _, c := range DeviationCategories() {
		if !deviationTopic[c].Valid() {
			t.Errorf("category %s has no topic", c)
		}
		if s := c.Short(); s == "" || len([]rune(s)) > 28 {
			t.Errorf("category %s: short label %q", c, s)
		}
	}
	if got := NewMeasureFromDeviation(devViolence(), "Alarm på rommet", "Leder", d("01.02.2027"), devToday); got.Title != "Alarm på rommet" || got.Topic != CategoryViolence {
		t.Errorf("violence measure %+v", got)
	}
	l := v.LinkMeasure(5).LinkMeasure(5).LinkMeasure(0)
	if !reflect.DeepEqual(l.MeasureIDs, []uint64{5}) || v.MeasureIDs != nil {
		t.Errorf("LinkMeasure: %v (original %v)", l.MeasureIDs, v.MeasureIDs)
	}
}

func TestFilterDeviations(t *testing.T) {
	mk := func(id uint64, date string, st DeviationStatus, c DeviationCategory, sev Severity) Deviation {
		v := validDeviation()
		v.ID, v.Date, v.Status, v.Category, v.Severity = id, d(date), st, c, sev
		return v
	}
	devs := []Deviation{
		mk(1, "05.01.2025", DevClosed, DevInjury, SeverityMinor),
		mk(2, "05.01.2026", DevRegistered, DevViolence, SeveritySerious),
		mk(3, "05.01.2026", DevInProgress, DevInjury, SeverityVerySerious),
		mk(4, "31.12.2025", DevRegistered, DevFire, SeverityMinor),
		mk(5, "01.01.2025", DevClosed, DevFire, SeveritySerious),
	}
	ids := func(ds []Deviation) []uint64 {
		var out []uint64
		for _, x := range ds {
			out = append(out, x.ID)
		}
		return out
	}
	tests := []struct {
		name string
		f    DeviationFilter
		want []uint64
	}{
		{"all, newest first, same day by ID", DeviationFilter{}, []uint64{3, 2, 4, 1, 5}},
		{"open serious: not minor, not closed", DeviationFilter{OpenSeriousOnly: true}, []uint64{3, 2}},
		{"open", DeviationFilter{OpenOnly: true}, []uint64{3, 2, 4}},
		{"status", DeviationFilter{Status: DevClosed}, []uint64{1, 5}},
		{"category", DeviationFilter{Category: DevInjury}, []uint64{3, 1}},
		{"year", DeviationFilter{Year: 2025}, []uint64{4, 1, 5}},
		{"notice outstanding", DeviationFilter{NoticeOutstanding: true}, []uint64{3}},
		{"combined", DeviationFilter{Year: 2026, OpenOnly: true, Category: DevViolence}, []uint64{2}},
		{"none", DeviationFilter{Year: 2024}, nil},
	}
	for _, tt := range tests {
		if got := ids(FilterDeviations(devs, tt.f)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := DeviationYears(devs); !reflect.DeepEqual(got, []HMSYear{2026, 2025}) {
		t.Errorf("years %v", got)
	}
}

func TestDeviationStats(t *testing.T) {
	mk := func(date string, c DeviationCategory, closedOn string) Deviation {
		v := validDeviation()
		v.Date, v.Category = d(date), c
		if c == DevViolence {
			v.ViolenceType = ViolencePhysical
		}
		if closedOn != "" {
			v.Status, v.ClosedBy, v.ClosedOn = DevClosed, "Leder", d(closedOn)
		}
		return v
	}
	notice := mk("15.06.2026", DevInjury, "")
	notice.Severity = SeverityVerySerious
	noticeDone := mk("16.06.2026", DevViolence, "20.06.2026")
	noticeDone.Severity, noticeDone.AuthoritiesNotified, noticeDone.AuthoritiesNotifiedOn = SeverityVerySerious, true, d("16.06.2026")
	withMeasure := mk("01.10.2026", DevOrganisation, "")
	withMeasure.MeasureIDs = []uint64{9}
	withMeasure.Type = TypeImprovement
	reported := mk("30.09.2026", DevFire, "30.09.2026")
	reported.ReportedToMunicipal, reported.MunicipalRef = true, "A-1"
	devs := []Deviation{
		mk("31.12.2025", DevInjury, "02.01.2026"),   // last year: not counted
		mk("01.01.2026", DevInjury, "11.01.2026"),   // K1, 10 days
		mk("31.03.2026", DevViolence, "05.04.2026"), // K1 (last day), 5 days
		mk("01.04.2026", DevViolence, ""),           // K2 (first day), open > 30 days
		notice,                                      // K2, open
		noticeDone,                                  // K2, 4 days
		reported,                                    // K3 (last day), 0 days
		withMeasure,                                 // K4, open, 54 days before today
		mk("20.11.2026", DevInjury, ""),             // K4, open, recent
		mk("31.12.2026", DevInjury, ""),             // after today: not counted
		mk("01.01.2027", DevInjury, ""),             // next year
	}
	s := DeviationStats(devs, 2026, devToday)
	if s.Total != 8 || s.Open != 4 || s.Closed != 4 || s.ClosedMeasured != 4 {
		t.Fatalf("total %d open %d closed %d measured %d", s.Total, s.Open, s.Closed, s.ClosedMeasured)
	}
	if want := (10.0 + 5 + 4 + 0) / 4; math.Abs(s.AvgDaysToClose-want) > 1e-9 {
		t.Errorf("average %v days, want %v", s.AvgDaysToClose, want)
	}
	q := func(n int) Quarter { return Quarter{Year: 2026, Q: n} }
	wantQ := map[Quarter]int{q(1): 2, q(2): 3, q(3): 1, q(4): 2}
	if !reflect.DeepEqual(s.ByQuarter, wantQ) {
		t.Errorf("by quarter %v, want %v", s.ByQuarter, wantQ)
	}
	if s.OpenByQuarter[q(2)] != 2 || s.ClosedByQuarter[q(2)] != 1 || s.OpenByQuarter[q(1)] != 0 || s.ClosedByQuarter[q(3)] != 1 {
		t.Errorf("open %v closed %v", s.OpenByQuarter, s.ClosedByQuarter)
	}
	if len(s.ByQuarterCategory) != 4 {
		t.Fatalf("%d quarters", len(s.ByQuarterCategory))
	}
	for qq, m := range s.ByQuarterCategory {
		if len(m) != 8 {
			t.Errorf("%s has %d categories, want all 8", qq, len(m))
		}
	}
	if s.ByQuarterCategory[q(1)][DevInjury] != 1 || s.ByQuarterCategory[q(1)][DevViolence] != 1 ||
		s.ByQuarterCategory[q(2)][DevViolence] != 2 || s.ByQuarterCategory[q(2)][DevInjury] != 1 ||
		s.ByQuarterCategory[q(3)][DevFire] != 1 || s.ByQuarterCategory[q(4)][DevOrganisation] != 1 {
		t.Errorf("by quarter and category %v", s.ByQuarterCategory)
	}
	if s.ByCategory[DevInjury] != 3 || s.ByCategory[DevViolence] != 3 || s.ByCategory[DevBurglary] != 0 || len(s.ByCategory) != 8 {
		t.Errorf("by category %v", s.ByCategory)
	}
	if s.ByType[TypeIncident] != 7 || s.ByType[TypeImprovement] != 1 || len(s.ByType) != 4 {
		t.Errorf("by type %v", s.ByType)
	}
	if s.BySeverity[SeverityVerySerious] != 2 || s.BySeverity[SeverityMinor] != 6 || len(s.BySeverity) != 4 {
		t.Errorf("by severity %v", s.BySeverity)
	}
	if s.NoticeNeeded != 2 || s.NoticeOutstanding != 1 || s.WithMeasures != 1 || s.ReportedToMunicipal != 1 {
		t.Errorf("notice %d/%d, measures %d, reported %d", s.NoticeNeeded, s.NoticeOutstanding, s.WithMeasures, s.ReportedToMunicipal)
	}
	// Open longer than 30 days: 01.04, 15.06 and 01.10 (54 days); 20.11 is recent.
	if s.OpenLong != 3 {
		t.Errorf("open long %d, want 3", s.OpenLong)
	}

	// No deviations: all keys present, zero average.
	empty := DeviationStats(nil, 2024, devToday)
	if empty.Total != 0 || empty.AvgDaysToClose != 0 || len(empty.ByQuarter) != 4 || len(empty.ByCategory) != 8 {
		t.Errorf("empty %+v", empty)
	}
	// A closed deviation without a valid closing date is counted as
	// closed but left out of the average.
	bad := mk("01.02.2026", DevInjury, "")
	bad.Status = DevClosed
	s = DeviationStats([]Deviation{bad, mk("01.02.2026", DevInjury, "04.02.2026")}, 2026, devToday)
	if s.Closed != 2 || s.ClosedMeasured != 1 || s.AvgDaysToClose != 3 {
		t.Errorf("closed %d measured %d avg %v", s.Closed, s.ClosedMeasured, s.AvgDaysToClose)
	}
}

func TestViolenceIncidents(t *testing.T) {
	mk := func(date string, vt ViolenceType, sev Severity, offers ...FollowUpOffer) Deviation {
		v := devViolence()
		v.Date, v.ViolenceType, v.Severity, v.FollowUpOffered = d(date), vt, sev, offers
		return v
	}
	injury := validDeviation()
	injury.Date = d("01.03.2026")
	closed := mk("15.02.2026", ViolencePsychological, SeverityMinor)
	closed.Status, closed.ClosedBy, closed.ClosedOn = DevClosed, "Leder", d("20.02.2026")
	devs := []Deviation{
		mk("31.12.2025", ViolencePhysical, SeverityMinor, FollowUpBHT), // before the period
		mk("01.01.2026", ViolencePhysical, SeveritySerious, FollowUpConversation, FollowUpDebriefing),
		closed,
		mk("31.03.2026", ViolenceSexual, SeveritySerious, FollowUpConversation),
		mk("01.04.2026", ViolenceLatent, SeverityInsignificant),
		mk("30.06.2026", ViolencePhysical, SeverityVerySerious, FollowUpBHT, FollowUpBHT), // last day of the period
		mk("01.07.2026", ViolencePhysical, SeverityMinor, FollowUpBHT),                    // after
		injury, // not violence
	}
	f := ViolenceIncidents(devs, d("01.01.2026"), d("30.06.2026"))
	q := func(n int) Quarter { return Quarter{Year: 2026, Q: n} }
	if f.Total != 5 {
		t.Fatalf("total %d, want 5", f.Total)
	}
	if !reflect.DeepEqual(f.ByQuarter, map[Quarter]int{q(1): 3, q(2): 2}) {
		t.Errorf("by quarter %v", f.ByQuarter)
	}
	if f.ByType[ViolencePhysical] != 2 || f.ByType[ViolenceSexual] != 1 || f.ByType[ViolenceDigital] != 0 || len(f.ByType) != 5 {
		t.Errorf("by type %v", f.ByType)
	}
	if f.BySeverity[SeveritySerious] != 2 || f.BySeverity[SeverityVerySerious] != 1 || len(f.BySeverity) != 4 {
		t.Errorf("by severity %v", f.BySeverity)
	}
	// Incidents with at least one offer; an offer repeated counts once.
	if f.FollowUpOffered != 3 {
		t.Errorf("follow-up offered %d, want 3", f.FollowUpOffered)
	}
	if f.ByFollowUp[FollowUpConversation] != 2 || f.ByFollowUp[FollowUpBHT] != 1 || f.ByFollowUp[FollowUpDebriefing] != 1 {
		t.Errorf("by follow-up %v", f.ByFollowUp)
	}
	if f.Open != 4 {
		t.Errorf("open %d, want 4", f.Open)
	}
	// A period spanning quarters without incidents lists them with zero.
	f = ViolenceIncidents(devs, d("15.11.2025"), d("15.08.2026"))
	if len(f.ByQuarter) != 4 || f.ByQuarter[Quarter{Year: 2025, Q: 4}] != 1 || f.ByQuarter[q(3)] != 1 || f.Total != 7 {
		t.Errorf("span: %v total %d", f.ByQuarter, f.Total)
	}
	// Open ends: everything, only quarters with incidents.
	f = ViolenceIncidents(devs, Date{}, Date{})
	if f.Total != 7 || len(f.ByQuarter) != 4 {
		t.Errorf("open period: total %d, quarters %v", f.Total, f.ByQuarter)
	}
	// A reversed period counts nothing and lists no quarters.
	f = ViolenceIncidents(devs, d("01.07.2026"), d("01.01.2026"))
	if f.Total != 0 || len(f.ByQuarter) != 0 {
		t.Errorf("reversed: %+v", f)
	}
	// A mistyped huge period stays bounded.
	f = ViolenceIncidents(nil, d("01.01.1900"), d("31.12.2200"))
	if len(f.ByQuarter) != maxFigureQuarters {
		t.Errorf("%d quarters for a 300-year period, want the cap %d", len(f.ByQuarter), maxFigureQuarters)
	}
}

// BenchmarkFilterDeviations filters and sorts a register of 10 000
// deviations over four years, as the Avvik page does on every filter
// change.
func BenchmarkFilterDeviations(b *testing.B) {
	devs := make([]Deviation, 10000)
	start := NewDate(2023, 1, 1)
	for i := range devs {
		devs[i] = Deviation{ID: uint64(i + 1), Date: start.AddDays((i * 7919) % 1460),
			Category: DeviationCategories()[i%len(DeviationCategories())], Status: DevRegistered,
			WhatHappened: "Beskrivelse av hendelsen", Place: "Avdeling 2"}
	}
	for _, c := range []struct {
		name string
		f    DeviationFilter
	}{{"all", DeviationFilter{}}, {"year", DeviationFilter{Year: 2025}}, {"open", DeviationFilter{OpenOnly: true}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FilterDeviations(devs, c.f)
			}
		})
	}
}

// TestDeviationNoticeText: the § 5-2 line leaves out a part with none, so
// it never reads «1: 0 meldt …», and its parts add up to the total.
func TestDeviationNoticeText(t *testing.T) {
	cases := []struct {
		needed, sent, after, outstanding int
		want                             string
	}{
		{0, 0, 0, 0, "Ingen"},
		{1, 1, 0, 0, "1, meldt til Arbeidstilsynet og politiet i 2026"},
		{2, 2, 0, 0, "2, begge meldt til Arbeidstilsynet og politiet i 2026"},
		{4, 4, 0, 0, "4, alle meldt til Arbeidstilsynet og politiet i 2026"},
		{1, 0, 0, 1, "1, uten registrert melding til Arbeidstilsynet og politiet"},
		{3, 0, 0, 3, "3, alle uten registrert melding til Arbeidstilsynet og politiet"},
		{1, 0, 1, 0, "1, meldt til Arbeidstilsynet og politiet etter 2026"},
		{3, 1, 0, 2, "3: 1 meldt til Arbeidstilsynet og politiet i 2026 og 2 uten registrert melding"},
		{6, 3, 1, 2, "6: 3 meldt til Arbeidstilsynet og politiet i 2026, 1 meldt etter 2026 og 2 uten registrert melding"},
	}
	for _, c := range cases {
		s := DeviationStatistics{Year: 2026, NoticeNeeded: c.needed, NoticeSent: c.sent, NoticeSentAfterYear: c.after, NoticeOutstanding: c.outstanding}
		if got := s.NoticeText(); got != c.want {
			t.Errorf("%+v: %q, want %q", c, got, c.want)
		}
		if strings.Contains(s.NoticeText(), " 0 ") {
			t.Errorf("%+v: a part with none: %q", c, s.NoticeText())
		}
	}
}

func TestRelabelFromDeviation(t *testing.T) {
	d := Deviation{ID: 7, Date: NewDate(2026, 3, 12), Category: DevInjury, Place: "Avdeling 2"}
	made := NewMeasureFromDeviation(d, "Sklisikre matter", "Leder", NewDate(2026, 6, 1), NewDate(2026, 3, 13))
	moved := d
	moved.Category, moved.Place = DevViolence, "Inngangsparti"
	other := moved
	other.ID = 8
	manual := NewMeasure(NewDate(2026, 3, 13))
	for _, c := range []struct {
		name   string
		m      Measure
		d      Deviation
		want   string
		change bool
	}{
		{"unchanged deviation", made, d, "Avvik 12.03.2026 Personskade, Avdeling 2", false},
		{"category and place corrected", made, moved, "Avvik 12.03.2026 Vold og trusler, Inngangsparti", true},
		{"another deviation", made, other, "Avvik 12.03.2026 Personskade, Avdeling 2", false},
		{"manual measure", manual, moved, "", false},
	} {
		got, ok := RelabelFromDeviation(c.m, c.d)
		if ok != c.change || got.Source.RefLabel != c.want {
			t.Errorf("%s: %q %v, want %q %v", c.name, got.Source.RefLabel, ok, c.want, c.change)
		}
	}
}
