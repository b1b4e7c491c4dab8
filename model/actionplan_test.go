package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var planToday = d("15.03.2026")

func validMeasure() Measure {
	return Measure{
		ID:           7,
		Title:        "Kurs i forflytningsteknikk",
		Description:  "Alle på avdeling Solsiden får kurs.",
		Source:       Source{Kind: SourceManual},
		PriorityArea: AreaPreventiveAbsence,
		Topic:        CategoryErgonomics,
		Responsible:  "Avdelingsleder",
		Deadline:     d("01.06.2026"),
		Status:       StatusPlanlagt,
		Created:      d("01.03.2026"),
		Updated:      d("01.03.2026"),
	}
}

// fieldMsg returns the message for field in err, or "" if err is not a
// ValidationError or has none for field.
func fieldMsg(err error, field string) string {
	var v ValidationError
	if !errors.As(err, &v) {
		return ""
	}
	return v.For(field)
}

func TestStatusOpenFinal(t *testing.T) {
	open := map[Status]bool{StatusPlanlagt: true, StatusPagar: true, StatusUtsatt: true}
	for _, s := range Statuses() {
		if s.Open() != open[s] {
			t.Errorf("%s.Open() = %v", s, s.Open())
		}
		if s.Final() != (s == StatusEvaluert) {
			t.Errorf("%s.Final() = %v", s, s.Final())
		}
	}
	if Status("").Open() || Status("x").Final() {
		t.Error("unknown status")
	}
}

// allowed is the status flow written out in full, so every from→to pair is
// checked against it.
var allowed = map[[2]Status]bool{
	{StatusPlanlagt, StatusPagar}: true, {StatusPlanlagt, StatusUtsatt}: true,
	{StatusPlanlagt, StatusUtfort}: true, {StatusPlanlagt, StatusAvvist}: true,
	{StatusPagar, StatusUtsatt}: true, {StatusPagar, StatusUtfort}: true, {StatusPagar, StatusAvvist}: true,
	{StatusUtsatt, StatusPlanlagt}: true, {StatusUtsatt, StatusPagar}: true, {StatusUtsatt, StatusUtsatt}: true,
	{StatusUtsatt, StatusUtfort}: true, {StatusUtsatt, StatusAvvist}: true,
	{StatusUtfort, StatusPagar}: true, {StatusUtfort, StatusEvaluert}: true,
	{StatusAvvist, StatusPlanlagt}: true,
}

// inputFor gives a valid input for moving m to to.
func inputFor(m Measure, to Status) TransitionInput {
	return TransitionInput{
		Deadline:    m.Deadline.AddDays(14),
		CompletedOn: planToday,
		Note:        "Færre belastningsskader etter kurset.",
		Reason:      "Dekket av annet tiltak",
	}
}

func TestTransitionsEveryPair(t *testing.T) {
	for _, from := range Statuses() {
		var want []Status
		for _, to := range Statuses() {
			if allowed[[2]Status{from, to}] {
				want = append(want, to)
			}
		}
		if got := AllowedTransitions(from); !slices.Equal(got, want) {
			t.Errorf("AllowedTransitions(%s) = %v, want %v", from, got, want)
		}
		for _, to := range Statuses() {
			ok := allowed[[2]Status{from, to}]
			if CanTransition(from, to) != ok {
				t.Errorf("CanTransition(%s, %s) = %v", from, to, !ok)
			}
			m := validMeasure()
			m.Status = from
			if from == StatusUtfort || from == StatusEvaluert {
				m.CompletedOn = d("10.03.2026")
			}
			got, err := m.Transition(to, inputFor(m, to), planToday)
			switch {
			case ok && err != nil:
				t.Errorf("%s → %s refused: %v", from, to, err)
			case ok && (got.Status != to || got.Updated != planToday):
				t.Errorf("%s → %s: status %s, updated %v", from, to, got.Status, got.Updated)
			case !ok && err == nil:
				t.Errorf("%s → %s allowed", from, to)
			case !ok:
				want := "Et tiltak med status «" + from.Label() + "» kan ikke settes til «" + to.Label() + "»"
				if msg := fieldMsg(err, FieldStatus); msg != want || got != m {
					t.Errorf("%s → %s: %q, changed=%v", from, to, msg, got != m)
				}
			}
			if ok && err == nil {
				if verr := got.Validate(planToday); verr != nil {
					t.Errorf("%s → %s gives invalid measure: %v", from, to, verr)
				}
			}
		}
	}
	if AllowedTransitions(StatusEvaluert) != nil || AllowedTransitions("ukjent") != nil {
		t.Error("evaluert and unknown have no transitions")
	}
	// The returned slice is a copy.
	a := AllowedTransitions(StatusPlanlagt)
	a[0] = StatusEvaluert
	if AllowedTransitions(StatusPlanlagt)[0] != StatusPagar {
		t.Error("AllowedTransitions returned shared slice")
	}
	m := validMeasure()
	if _, err := m.Transition("ferdig", TransitionInput{}, planToday); fieldMsg(err, FieldStatus) != "Velg status" {
		t.Errorf("unknown target: %v", err)
	}
	m.Status = ""
	if _, err := m.Transition(StatusPagar, TransitionInput{}, planToday); !strings.Contains(fieldMsg(err, FieldStatus), "«» kan ikke") {
		t.Errorf("unknown source status: %v", err)
	}
}

func TestTransitionRules(t *testing.T) {
	base := validMeasure() // deadline 01.06.2026, created 01.03.2026, today 15.03.2026
	fnr := genNID(t, 3, 4, 85, 100)
	tests := []struct {
		name  string
		from  Status
		to    Status
		in    TransitionInput
		field string // "" = allowed
		msg   string
	}{
		{"postpone later", StatusPagar, StatusUtsatt, TransitionInput{Deadline: d("02.06.2026")}, "", ""},
		{"postpone same", StatusPagar, StatusUtsatt, TransitionInput{Deadline: d("01.06.2026")}, FieldNewDeadline, "Ny frist må være senere enn gjeldende frist (01.06.2026)"},
		{"postpone earlier", StatusPagar, StatusUtsatt, TransitionInput{Deadline: d("31.05.2026")}, FieldNewDeadline, "Ny frist må være senere enn gjeldende frist"},
		{"postpone no date", StatusPlanlagt, StatusUtsatt, TransitionInput{Reason: "x"}, FieldNewDeadline, "Ny frist må fylles ut"},
		{"postpone ID in reason", StatusPlanlagt, StatusUtsatt, TransitionInput{Deadline: d("01.07.2026"), Reason: "Gjelder " + fnr}, FieldPostponeReason, "ser ut til å inneholde"},
		{"done today", StatusPagar, StatusUtfort, TransitionInput{CompletedOn: planToday}, "", ""},
		{"done on created", StatusPagar, StatusUtfort, TransitionInput{CompletedOn: d("01.03.2026")}, "", ""},
		{"done no date", StatusPagar, StatusUtfort, TransitionInput{}, FieldCompletedOn, "Dato utført må fylles ut"},
		{"done tomorrow", StatusPagar, StatusUtfort, TransitionInput{CompletedOn: planToday.AddDays(1)}, FieldCompletedOn, "Dato utført kan ikke være frem i tid"},
		{"done before created", StatusPagar, StatusUtfort, TransitionInput{CompletedOn: d("28.02.2026")}, FieldCompletedOn, "Dato utført kan ikke være før opprettet-dato (01.03.2026)"},
		{"evaluate", StatusUtfort, StatusEvaluert, TransitionInput{Note: "Virket"}, "", ""},
		{"evaluate no note", StatusUtfort, StatusEvaluert, TransitionInput{}, FieldEvaluationNote, "Evaluering av effekt må fylles ut"},
		{"evaluate blank note", StatusUtfort, StatusEvaluert, TransitionInput{Note: " \n "}, FieldEvaluationNote, "Evaluering av effekt må fylles ut"},
		{"evaluate long note", StatusUtfort, StatusEvaluert, TransitionInput{Note: strings.Repeat("ø", 2001)}, FieldEvaluationNote, "Evaluering av effekt kan ha høyst 2000 tegn"},
		{"reject", StatusPlanlagt, StatusAvvist, TransitionInput{Reason: "Ikke gjennomførbart"}, "", ""},
		{"reject no reason", StatusPlanlagt, StatusAvvist, TransitionInput{}, FieldRejectReason, "Begrunnelse for avvisning må fylles ut"},
	}
	for _, tt := range tests {
		m := base
		m.Status = tt.from
		if tt.from == StatusUtfort {
			m.CompletedOn = d("10.03.2026")
		}
		got, err := m.Transition(tt.to, tt.in, planToday)
		if tt.field == "" {
			if err != nil || got.Status != tt.to {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if msg := fieldMsg(err, tt.field); !strings.Contains(msg, tt.msg) {
			t.Errorf("%s: For(%q) = %q, want %q (all: %v)", tt.name, tt.field, msg, tt.msg, err)
		}
		if got != m {
			t.Errorf("%s: measure changed on error", tt.name)
		}
	}
}

func TestTransitionEffects(t *testing.T) {
	m := validMeasure()
	// Postponed twice: OriginalDeadline keeps the first deadline.
	m1, err := m.Transition(StatusUtsatt, TransitionInput{Deadline: d("01.07.2026"), Reason: "  Vikarmangel "}, planToday)
	if err != nil || m1.Deadline != d("01.07.2026") || m1.OriginalDeadline != d("01.06.2026") || m1.PostponeReason != "Vikarmangel" {
		t.Fatalf("first postponement: %+v, %v", m1, err)
	}
	m2, err := m1.Transition(StatusUtsatt, TransitionInput{Deadline: d("01.09.2026")}, planToday.AddDays(1))
	if err != nil || m2.Deadline != d("01.09.2026") || m2.OriginalDeadline != d("01.06.2026") || m2.PostponeReason != "" || m2.Updated != planToday.AddDays(1) {
		t.Fatalf("second postponement: %+v, %v", m2, err)
	}
	// A new deadline already past is refused, even if later than the old one.
	old := validMeasure()
	old.Deadline = d("01.02.2026")
	old.Created = d("01.01.2026")
	if _, err := old.Transition(StatusUtsatt, TransitionInput{Deadline: d("14.03.2026")}, planToday); fieldMsg(err, FieldNewDeadline) != "Ny frist kan ikke være før dagens dato" {
		t.Errorf("postpone into the past: %v", err)
	}
	if _, err := old.Transition(StatusUtsatt, TransitionInput{Deadline: planToday}, planToday); err != nil {
		t.Errorf("postpone to today: %v", err)
	}
	// Done, reopened: the completion date is cleared.
	done, _ := m.Transition(StatusUtfort, TransitionInput{CompletedOn: planToday}, planToday)
	if done.CompletedOn != planToday {
		t.Fatal("CompletedOn not set")
	}
	reopened, err := done.Transition(StatusPagar, TransitionInput{}, planToday)
	if err != nil || !reopened.CompletedOn.IsZero() {
		t.Errorf("reopen done: %+v, %v", reopened, err)
	}
	evaluated, err := done.Transition(StatusEvaluert, TransitionInput{Note: " God effekt "}, planToday)
	if err != nil || evaluated.EvaluationNote != "God effekt" || evaluated.CompletedOn != planToday {
		t.Errorf("evaluate: %+v, %v", evaluated, err)
	}
	// Rejected, reopened to planlagt: the reason is cleared.
	rejected, _ := m.Transition(StatusAvvist, TransitionInput{Reason: "Dublett"}, planToday)
	if rejected.RejectReason != "Dublett" || rejected.Status != StatusAvvist {
		t.Fatalf("reject: %+v", rejected)
	}
	back, err := rejected.Transition(StatusPlanlagt, TransitionInput{}, planToday)
	if err != nil || back.RejectReason != "" || back.Status != StatusPlanlagt {
		t.Errorf("reopen rejected: %+v, %v", back, err)
	}
	if _, err := rejected.Transition(StatusPagar, TransitionInput{}, planToday); err == nil {
		t.Error("avvist → pågår must be refused (only to planlagt)")
	}
	// The original is never modified.
	if m != validMeasure() {
		t.Error("Transition modified its receiver")
	}
}

func TestMeasureValidateOK(t *testing.T) {
	m := validMeasure()
	if err := m.Validate(planToday); err != nil {
		t.Fatal(err)
	}
	m.Deadline = m.Created // same day is fine
	m.Topic = ""           // topic is optional
	m.Title = strings.Repeat("å", 200)
	m.Description = strings.Repeat("æ", 4000)
	if err := m.Validate(planToday); err != nil {
		t.Errorf("limits: %v", err)
	}
	// Without a creation date no deadline can be judged, so none is taken
	// (issue 19; old files get the date from the change log, storage
	// migration 5).
	m.Created = Date{}
	if err := m.Validate(planToday); err == nil || !strings.Contains(err.Error(), "mangler opprettet-dato") {
		t.Errorf("no creation date: %v", err)
	}
	done := validMeasure()
	done.Status = StatusEvaluert
	done.CompletedOn = planToday
	done.EvaluationNote = "Effekt"
	if err := done.Validate(planToday); err != nil {
		t.Errorf("evaluated: %v", err)
	}
}

func TestMeasureValidate(t *testing.T) {
	fnr := genNID(t, 24, 12, 79, 250)
	tests := []struct {
		name   string
		modify func(*Measure)
		field  string
		msg    string
	}{
		{"no title", func(m *Measure) { m.Title = " " }, FieldTitle, "Tittel må fylles ut"},
		{"long title", func(m *Measure) { m.Title = strings.Repeat("a", 201) }, FieldTitle, "Tittel kan ha høyst 200 tegn"},
		{"long description", func(m *Measure) { m.Description = strings.Repeat("a", 4001) }, FieldDescription, "Beskrivelse kan ha høyst 4000 tegn"},
		{"ID in title", func(m *Measure) { m.Title = "Oppfølging " + fnr }, FieldTitle, "«Tittel» ser ut til å inneholde"},
		{"ID in description", func(m *Measure) { m.Description = fnr[:6] + " " + fnr[6:] }, FieldDescription, "«Beskrivelse» ser ut til å inneholde"},
		{"ID in responsible", func(m *Measure) { m.Responsible = fnr }, FieldResponsible, "«Ansvarlig» ser ut til"},
		{"ID in source label", func(m *Measure) { m.Source.RefLabel = "Avvik " + fnr }, FieldSource, "«Kilde» ser ut til"},
		{"ID in evaluation", func(m *Measure) { m.EvaluationNote = fnr }, FieldEvaluationNote, "ser ut til"},
		{"ID in postpone reason", func(m *Measure) { m.PostponeReason = fnr }, FieldPostponeReason, "ser ut til"},
		{"ID in reject reason", func(m *Measure) { m.RejectReason = fnr }, FieldRejectReason, "ser ut til"},
		{"no responsible", func(m *Measure) { m.Responsible = "" }, FieldResponsible, "Ansvarlig må fylles ut"},
		{"no deadline", func(m *Measure) { m.Deadline = Date{} }, FieldDeadline, "Frist må fylles ut"},
		{"deadline before created", func(m *Measure) { m.Deadline = d("28.02.2026") }, FieldDeadline, "Frist kan ikke være før opprettet-dato (01.03.2026)"},
		{"no priority area", func(m *Measure) { m.PriorityArea = "" }, FieldPriorityArea, "Velg prioritert område"},
		{"bad priority area", func(m *Measure) { m.PriorityArea = "Ledelse" }, FieldPriorityArea, "Velg prioritert område"},
		{"bad topic", func(m *Measure) { m.Topic = "støy" }, FieldTopic, "Velg tema"},
		{"no source", func(m *Measure) { m.Source.Kind = "" }, FieldSource, "Velg kilde"},
		{"bad source", func(m *Measure) { m.Source.Kind = "epost" }, FieldSource, "Velg kilde"},
		{"bad status", func(m *Measure) { m.Status = "ferdig" }, FieldStatus, "Velg status"},
		{"done without date", func(m *Measure) { m.Status = StatusUtfort }, FieldCompletedOn, "Dato utført må fylles ut"},
		{"done in future", func(m *Measure) { m.Status = StatusUtfort; m.CompletedOn = planToday.AddDays(1) }, FieldCompletedOn, "kan ikke være frem i tid"},
		{"done before created", func(m *Measure) { m.Status = StatusUtfort; m.CompletedOn = d("28.02.2026") }, FieldCompletedOn, "før opprettet-dato"},
		{"evaluated without date", func(m *Measure) { m.Status = StatusEvaluert; m.EvaluationNote = "x" }, FieldCompletedOn, "må fylles ut"},
		{"evaluated without note", func(m *Measure) { m.Status = StatusEvaluert; m.CompletedOn = planToday }, FieldEvaluationNote, "Evaluering av effekt må fylles ut"},
		{"rejected without reason", func(m *Measure) { m.Status = StatusAvvist }, FieldRejectReason, "Begrunnelse for avvisning må fylles ut"},
		{"long source label", func(m *Measure) { m.Source.RefLabel = strings.Repeat("x", 301) }, FieldSource, "Kilde kan ha høyst 300 tegn"},
	}
	for _, tt := range tests {
		m := validMeasure()
		tt.modify(&m)
		err := m.Validate(planToday)
		if msg := fieldMsg(err, tt.field); !strings.Contains(msg, tt.msg) {
			t.Errorf("%s: For(%q) = %q, want %q (all: %v)", tt.name, tt.field, msg, tt.msg, err)
		}
	}
	// Every problem is reported at once.
	if err := (Measure{}).Validate(planToday); err == nil || len(err.(ValidationError)) != 6 {
		t.Errorf("empty measure: %v", err)
	}
}

func TestDue(t *testing.T) {
	tests := []struct {
		offset           int
		overdue, dueSoon bool
	}{
		{-365, true, false},
		{-1, true, false},
		{0, false, true},
		{1, false, true},
		{30, false, true},
		{31, false, false},
		{365, false, false},
	}
	for _, st := range Statuses() {
		for _, tt := range tests {
			m := validMeasure()
			m.Status = st
			m.Deadline = planToday.AddDays(tt.offset)
			wantOver, wantSoon := tt.overdue && st.Open(), tt.dueSoon && st.Open()
			if m.Open() != st.Open() || m.Overdue(planToday) != wantOver || m.DueSoon(planToday) != wantSoon {
				t.Errorf("%s today%+d: open=%v overdue=%v soon=%v", st, tt.offset, m.Open(), m.Overdue(planToday), m.DueSoon(planToday))
			}
		}
	}
	m := validMeasure()
	m.Deadline = Date{}
	if m.Overdue(planToday) || m.DueSoon(planToday) {
		t.Error("no deadline is neither overdue nor due soon")
	}
	// Across a month and year end.
	m.Deadline = d("30.01.2027")
	if !m.DueSoon(d("31.12.2026")) || m.DueSoon(d("30.12.2026")) {
		t.Error("due soon across year end")
	}
	if DueSoonDays != 30 {
		t.Error("DueSoonDays")
	}
}

func TestNewMeasureAndNormalized(t *testing.T) {
	m := NewMeasure(planToday)
	if m.Status != StatusPlanlagt || m.Source.Kind != SourceManual || m.Created != planToday || m.Updated != planToday {
		t.Errorf("%+v", m)
	}
	m = Measure{Title: " T ", Description: "\tD\n", Responsible: " Ola   Hansen ", Source: Source{RefLabel: " L "},
		EvaluationNote: " e ", PostponeReason: " p ", RejectReason: " r "}
	n := m.Normalized()
	if n.Title != "T" || n.Description != "D" || n.Responsible != "Ola Hansen" || n.Source.RefLabel != "L" ||
		n.EvaluationNote != "e" || n.PostponeReason != "p" || n.RejectReason != "r" {
		t.Errorf("%+v", n)
	}
}

func TestSourceLabelAndMeasuresFrom(t *testing.T) {
	if (Source{Kind: SourceDeviation}).Label() != "Avvik" || (Source{Kind: SourceDeviation, RefLabel: " Avvik 12 "}).Label() != "Avvik 12" {
		t.Error("Source.Label")
	}
	ms := []Measure{
		{ID: 1, Source: Source{Kind: SourceRiskAssessment, RefID: 5}},
		{ID: 2, Source: Source{Kind: SourceDeviation, RefID: 5}},
		{ID: 3, Source: Source{Kind: SourceRiskAssessment, RefID: 6}},
		{ID: 4, Source: Source{Kind: SourceRiskAssessment, RefID: 5}},
	}
	got := MeasuresFrom(ms, SourceRiskAssessment, 5)
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 4 {
		t.Errorf("MeasuresFrom = %v", got)
	}
	if MeasuresFrom(ms, SourceSafetyRound, 5) != nil {
		t.Error("no match gives nil")
	}
}

func TestMeasureJSON(t *testing.T) {
	m := validMeasure()
	m.Source = Source{Kind: SourceRiskAssessment, RefID: 3, ParentID: 2, RefLabel: "Risikovurdering: A – B"}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"id":7`, `"title":`, `"description":`, `"source":{"kind":"risikovurdering","ref_id":3,"parent_id":2,"ref_label":"Risikovurdering: A – B"}`,
		`"priority_area":"forebyggende_sykefravaer"`, `"topic":"ergonomi"`, `"responsible":`, `"deadline":"2026-06-01"`,
		`"original_deadline":""`, `"status":"planlagt"`, `"completed_on":""`, `"evaluation_note":`, `"postpone_reason":`,
		`"reject_reason":`, `"created":"2026-03-01"`, `"updated":"2026-03-01"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
	var back Measure
	if err := json.Unmarshal(b, &back); err != nil || back != m {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}

// planFixture is a small plan covering each filter field.
func planFixture() []Measure {
	return []Measure{
		{ID: 1, Title: "Kurs i forflytning", Description: "Bruk av takheis", Responsible: "Avdelingsleder",
			Source:       Source{Kind: SourceRiskAssessment, RefLabel: "Risikovurdering: Forflytning av beboere – Tunge løft"},
			PriorityArea: AreaPreventiveAbsence, Topic: CategoryErgonomics, Status: StatusPlanlagt, Deadline: planToday.AddDays(-1), Created: d("01.01.2026")},
		{ID: 2, Title: "Ærlig tilbakemelding", Description: "Medarbeidersamtaler", Responsible: "Enhetsleder",
			Source: Source{Kind: SourceTenFactor}, PriorityArea: AreaLeadership, Topic: CategoryPsychosocial,
			Status: StatusPagar, Deadline: planToday, Created: d("02.01.2026")},
		{ID: 3, Title: "Øvelse på alarm", Description: "Bruk av ALARMKNAPP", Responsible: "verneombud",
			Source: Source{Kind: SourceViolenceThreats}, PriorityArea: AreaPreventiveAbsence, Topic: CategoryViolence,
			Status: StatusUtsatt, Deadline: planToday.AddDays(30), Created: d("03.01.2026")},
		{ID: 4, Title: "Ny rutine for oppfølging", Responsible: "Enhetsleder",
			Source: Source{Kind: SourceSickLeave}, PriorityArea: AreaFollowUpAbsence,
			Status: StatusUtfort, Deadline: planToday.AddDays(-10), CompletedOn: planToday, Created: d("04.01.2026")},
		{ID: 5, Title: "Åpen time med BHT", Responsible: "  enhetsleder ",
			Source: Source{Kind: SourceMeetingDecision, RefLabel: "Møte 12.02.2026, sak 4"}, PriorityArea: AreaHealthPromotion,
			Status: StatusPlanlagt, Deadline: planToday.AddDays(31), Created: d("05.01.2026")},
		{ID: 6, Title: "Skilting av nødutgang", Responsible: "Vaktmester",
			Source: Source{Kind: SourceSafetyRound}, PriorityArea: AreaPreventiveAbsence, Topic: CategoryAccidentsFire,
			Status: StatusAvvist, RejectReason: "Finnes", Deadline: planToday.AddDays(-5), Created: d("06.01.2026")},
	}
}

func ids(ms []Measure) []uint64 {
	out := make([]uint64, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func TestFilterMeasures(t *testing.T) {
	plan := planFixture()
	tests := []struct {
		name string
		f    MeasureFilter
		want []uint64
	}{
		{"none", MeasureFilter{}, []uint64{1, 2, 3, 4, 5, 6}},
		{"one status", MeasureFilter{Statuses: []Status{StatusPlanlagt}}, []uint64{1, 5}},
		{"two statuses", MeasureFilter{Statuses: []Status{StatusUtsatt, StatusAvvist}}, []uint64{3, 6}},
		{"source", MeasureFilter{Sources: []SourceKind{SourceTenFactor, SourceSafetyRound}}, []uint64{2, 6}},
		{"priority area", MeasureFilter{PriorityAreas: []PriorityArea{AreaPreventiveAbsence}}, []uint64{1, 3, 6}},
		{"topic", MeasureFilter{Topics: []HMSCategory{CategoryViolence, CategoryErgonomics}}, []uint64{1, 3}},
		{"responsible exact, case and spaces", MeasureFilter{Responsible: "ENHETSLEDER "}, []uint64{2, 4, 5}},
		{"responsible is not a substring match", MeasureFilter{Responsible: "leder"}, nil},
		{"overdue", MeasureFilter{Overdue: true}, []uint64{1}},
		{"due soon", MeasureFilter{DueSoon: true}, []uint64{2, 3}},
		{"due soon or overdue", MeasureFilter{DueSoon: true, Overdue: true}, []uint64{1, 2, 3}},
		{"text in title", MeasureFilter{Text: "forflytning"}, []uint64{1}},
		{"text upper case", MeasureFilter{Text: "KURS"}, []uint64{1}},
		{"text Norwegian letters", MeasureFilter{Text: "ÆRLIG"}, []uint64{2}},
		{"text å", MeasureFilter{Text: "åpen"}, []uint64{5}},
		{"text Ø in title", MeasureFilter{Text: "øvelse"}, []uint64{3}},
		{"text in description", MeasureFilter{Text: "alarmknapp"}, []uint64{3}},
		{"text in responsible", MeasureFilter{Text: "vaktmest"}, []uint64{6}},
		{"text in source label", MeasureFilter{Text: "tunge løft"}, []uint64{1}},
		{"text in source label date", MeasureFilter{Text: "12.02.2026"}, []uint64{5}},
		{"text in source kind", MeasureFilter{Text: "vernerunde"}, []uint64{6}},
		{"text words all required", MeasureFilter{Text: "bruk takheis"}, []uint64{1}},
		{"text words in different fields", MeasureFilter{Text: "kurs avdelingsleder"}, []uint64{1}},
		{"text no match", MeasureFilter{Text: "bruk brann"}, nil},
		{"text not across fields", MeasureFilter{Text: "forflytningbruk"}, nil},
		{"text spaces only", MeasureFilter{Text: "   "}, []uint64{1, 2, 3, 4, 5, 6}},
		{"status and area", MeasureFilter{Statuses: []Status{StatusPlanlagt}, PriorityAreas: []PriorityArea{AreaPreventiveAbsence}}, []uint64{1}},
		{"responsible and status", MeasureFilter{Responsible: "Enhetsleder", Statuses: []Status{StatusPagar, StatusPlanlagt}}, []uint64{2, 5}},
		{"area, due and text", MeasureFilter{PriorityAreas: []PriorityArea{AreaPreventiveAbsence}, DueSoon: true, Text: "bruk"}, []uint64{3}},
		{"closed never overdue", MeasureFilter{Overdue: true, Statuses: []Status{StatusUtfort, StatusAvvist}}, nil},
	}
	for _, tt := range tests {
		got := FilterMeasures(plan, tt.f, planToday)
		if !slices.Equal(ids(got), tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%s: got %v, want %v", tt.name, ids(got), tt.want)
		}
	}
	// The result is a new slice; the input is untouched.
	got := FilterMeasures(plan, MeasureFilter{}, planToday)
	got[0].Title = "endret"
	if plan[0].Title != "Kurs i forflytning" {
		t.Error("FilterMeasures shares the input's backing array")
	}
	if len(FilterMeasures(nil, MeasureFilter{Text: "x"}, planToday)) != 0 {
		t.Error("nil input")
	}
}

func TestFoldTerm(t *testing.T) {
	tests := []struct {
		word, text string
		want       bool
	}{
		{"støy", "STØY i garderoben", true},
		{"ÅPEN", "åpen dør", true},
		{"æøå", "ÆØÅ", true},
		{"Øl", "øl", true},
		{"forflytning", "FoRfLyTnInG", true},
		{"forflytning", "fforflytning", true}, // a failed candidate before the match
		{"forflytning", "forflytnin", false},  // text ends inside the word
		{"ab", "a b", false},
		{"k", "\u212a", true},    // Kelvin sign lower-cases to k
		{"å", "\u212b", true},    // Ångström sign lower-cases to å
		{"i", "\u0130", true},    // Turkish capital dotted I
		{"x", "\xff\xfex", true}, // invalid UTF-8 is skipped over
		{"", "noe", true},
		{"a", "", false},
	}
	for _, tt := range tests {
		ft := newFoldTerm(tt.word)
		if got := ft.in(tt.text); got != tt.want {
			t.Errorf("%q in %q = %v", tt.word, tt.text, got)
		}
	}
}

// TestFoldTermStarts checks, for every letter with a lower-case form,
// that a word starting with that lower-case letter looks for the letter's
// first byte, so no upper-case variant is missed.
func TestFoldTermStarts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if l == r || !utf8.ValidRune(r) {
			continue
		}
		if !bytes.Contains(newFoldTerm(string(l)).starts, []byte(string(r))[:1]) {
			t.Errorf("%U %q is not found by a search for %q", r, r, l)
		}
	}
}

func TestFilterIsZero(t *testing.T) {
	if !(MeasureFilter{}).IsZero() || !(MeasureFilter{Text: "  ", Responsible: " "}).IsZero() {
		t.Error("empty filter")
	}
	for _, f := range []MeasureFilter{{Statuses: []Status{StatusPagar}}, {Sources: []SourceKind{SourceDeviation}},
		{Responsible: "x"}, {PriorityAreas: []PriorityArea{AreaLeadership}}, {Topics: []HMSCategory{CategoryOther}},
		{DueSoon: true}, {Overdue: true}, {Text: "x"}} {
		if f.IsZero() {
			t.Errorf("%+v reported as zero", f)
		}
	}
}

func TestFilterAllocations(t *testing.T) {
	plan := benchPlan(2000)
	f := MeasureFilter{Text: "Forflytning ÆRE", Statuses: []Status{StatusPlanlagt, StatusPagar, StatusUtsatt}}
	allocs := testing.AllocsPerRun(20, func() { FilterMeasures(plan, f, planToday) })
	// Search words, buffer, bitset and result – not one per measure.
	if allocs > 12 {
		t.Errorf("FilterMeasures allocates %.0f times per call", allocs)
	}
}

func TestSortMeasures(t *testing.T) {
	tests := []struct {
		by   MeasureSortKey
		desc bool
		want []uint64
	}{
		{SortByDeadline, false, []uint64{4, 6, 1, 2, 3, 5}},
		{SortByDeadline, true, []uint64{5, 3, 2, 1, 6, 4}},
		{SortByStatus, false, []uint64{1, 5, 2, 3, 4, 6}}, // ties keep input order
		{SortByStatus, true, []uint64{6, 4, 3, 2, 1, 5}},  // ties still keep input order
		{SortByTitle, false, []uint64{1, 4, 6, 2, 3, 5}},  // … S, Æ, Ø, Å
		{SortByTitle, true, []uint64{5, 3, 2, 6, 4, 1}},
		{SortByResponsible, false, []uint64{1, 2, 4, 5, 6, 3}}, // case-insensitive; "  enhetsleder " trimmed
		{SortByPriorityArea, false, []uint64{2, 5, 1, 3, 6, 4}},
		{SortByPriorityArea, true, []uint64{4, 1, 3, 6, 5, 2}},
		{SortByCreated, true, []uint64{6, 5, 4, 3, 2, 1}},
		{"ukjent", false, []uint64{4, 6, 1, 2, 3, 5}}, // falls back to deadline
	}
	for _, tt := range tests {
		ms := planFixture()
		SortMeasures(ms, tt.by, tt.desc)
		if !slices.Equal(ids(ms), tt.want) {
			t.Errorf("%s desc=%v: got %v, want %v", tt.by, tt.desc, ids(ms), tt.want)
		}
	}
	// Empty values sort last in both directions; equal keys stay stable.
	ms := []Measure{{ID: 1}, {ID: 2, Deadline: d("01.01.2026"), Responsible: "b"}, {ID: 3}, {ID: 4, Deadline: d("01.02.2026"), Responsible: "A"}}
	for _, desc := range []bool{false, true} {
		c := slices.Clone(ms)
		SortMeasures(c, SortByDeadline, desc)
		want := []uint64{2, 4, 1, 3}
		if desc {
			want = []uint64{4, 2, 1, 3}
		}
		if !slices.Equal(ids(c), want) {
			t.Errorf("empty deadlines desc=%v: %v", desc, ids(c))
		}
		c = slices.Clone(ms)
		SortMeasures(c, SortByResponsible, desc)
		want = []uint64{4, 2, 1, 3}
		if desc {
			want = []uint64{2, 4, 1, 3}
		}
		if !slices.Equal(ids(c), want) {
			t.Errorf("empty responsible desc=%v: %v", desc, ids(c))
		}
		c = []Measure{{ID: 1, Status: "x"}, {ID: 2, Status: StatusAvvist}, {ID: 3, Status: StatusPlanlagt}}
		SortMeasures(c, SortByStatus, desc)
		if ids(c)[2] != 1 {
			t.Errorf("unknown status must sort last: %v", ids(c))
		}
	}
	SortMeasures(nil, SortByTitle, false) // must not panic
	one := []Measure{{ID: 9}}
	SortMeasures(one, SortByTitle, true)
	// Case-only differences are ordered deterministically.
	c := []Measure{{ID: 1, Title: "kari"}, {ID: 2, Title: "Kari"}}
	SortMeasures(c, SortByTitle, false)
	if !slices.Equal(ids(c), []uint64{2, 1}) {
		t.Errorf("case tie: %v", ids(c))
	}
}

func TestNorwegianKeyMatchesCompare(t *testing.T) {
	words := []string{"", "a", "A", "aa", "Aase", "Åse", "ærlig", "Ærlig", "Øyvind", "zorro", "Zorro", "z", "é", "e",
		"ä", "æ", "ö", "ø", "å", "ü", "y", "abc", "ab", "Émile", "Emil", "ÆØÅ", "æøå", "øl", "ål", "1", "10", "9", "{", "\xff", "ÿ"}
	for _, a := range words {
		for _, b := range words {
			want := CompareNorwegian(a, b)
			got := strings.Compare(norwegianKey(a), norwegianKey(b))
			if got == 0 {
				got = strings.Compare(a, b)
			}
			if got != want {
				t.Errorf("%q vs %q: key order %d, CompareNorwegian %d", a, b, got, want)
			}
		}
	}
}

func TestPlanSummary(t *testing.T) {
	s := PlanSummary(planFixture(), planToday)
	want := map[Status]int{StatusPlanlagt: 2, StatusPagar: 1, StatusUtsatt: 1, StatusUtfort: 1, StatusEvaluert: 0, StatusAvvist: 1}
	if len(s.ByStatus) != len(want) {
		t.Errorf("ByStatus = %v", s.ByStatus)
	}
	for st, n := range want {
		if got, ok := s.ByStatus[st]; !ok || got != n {
			t.Errorf("ByStatus[%s] = %d, %v; want %d", st, got, ok, n)
		}
	}
	if s.Total != 6 || s.Open != 4 || s.Overdue != 1 || s.DueSoon != 2 {
		t.Errorf("%+v", s)
	}
	empty := PlanSummary(nil, planToday)
	if empty.Total != 0 || len(empty.ByStatus) != 6 {
		t.Errorf("empty: %+v", empty)
	}
}

func TestResponsibles(t *testing.T) {
	got := Responsibles(planFixture())
	want := []string{"Avdelingsleder", "Enhetsleder", "Vaktmester", "verneombud"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q", got)
	}
	if Responsibles([]Measure{{Responsible: " "}}) != nil {
		t.Error("blank responsibles are left out")
	}
}

// benchPlan generates n varied measures, roughly what a large municipal
// plan would hold.
func benchPlan(n int) []Measure {
	titles := []string{"Kurs i forflytning", "Ærlig tilbakemelding i medarbeidersamtaler", "Øvelse på voldsalarm",
		"Ny rutine for oppfølging av sykmeldte", "Åpen time med bedriftshelsetjenesten", "Skilting av nødutganger",
		"Støydempende plater i garderoben", "Heve-/senkebord på kontoret"}
	resp := []string{"Enhetsleder", "Avdelingsleder Solsiden", "Verneombud", "Vaktmester", "HMS-utvalget"}
	desc := "Tiltaket følges opp i HMS-utvalget hvert kvartal. Effekten evalueres etter seks måneder, " +
		"og resultatet rapporteres i årsrapporten for internkontroll. Ansvarlig sørger for informasjon til alle ansatte."
	ms := make([]Measure, n)
	for i := range ms {
		st := Statuses()[i%len(Statuses())]
		ms[i] = Measure{
			ID:           uint64(i + 1),
			Title:        titles[i%len(titles)],
			Description:  desc,
			Responsible:  resp[i%len(resp)],
			Source:       Source{Kind: SourceKinds()[i%len(SourceKinds())], RefLabel: "Risikovurdering: Forflytning av beboere – Tunge løft"},
			PriorityArea: PriorityAreas()[i%4],
			Topic:        HMSCategories()[i%len(HMSCategories())],
			Status:       st,
			Deadline:     planToday.AddDays(i%120 - 40),
			Created:      d("01.01.2026"),
		}
	}
	return ms
}

func BenchmarkFilterMeasures(b *testing.B) {
	plan := benchPlan(10000)
	cases := []struct {
		name string
		f    MeasureFilter
	}{
		{"text", MeasureFilter{Text: "forflytning løft"}},
		{"text-no-match", MeasureFilter{Text: "ærlig kvartal zzz"}},
		{"fields", MeasureFilter{Statuses: []Status{StatusPlanlagt, StatusPagar}, PriorityAreas: []PriorityArea{AreaLeadership}, DueSoon: true, Overdue: true}},
		{"all", MeasureFilter{Statuses: []Status{StatusPlanlagt, StatusPagar, StatusUtsatt}, Responsible: "enhetsleder", Text: "oppfølging sykmeldte"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FilterMeasures(plan, c.f, planToday)
			}
		})
	}
}

func BenchmarkSortMeasures(b *testing.B) {
	plan := benchPlan(10000)
	work := make([]Measure, len(plan))
	b.ReportAllocs()
	for b.Loop() {
		copy(work, plan)
		SortMeasures(work, SortByTitle, false)
	}
}

func TestMeasureFillFrom(t *testing.T) {
	tmpl := Measure{Source: Source{Kind: SourceDeviation, RefID: 4}, Title: "Oppfølging av avvik", PriorityArea: AreaLeadership,
		Topic: CategoryPhysical, Status: StatusPlanlagt, Description: "fra malen"}
	got := Measure{Title: "  "}.FillFrom(tmpl)
	want := tmpl
	want.Description = "" // not filled: the modules decide
	if !reflect.DeepEqual(got, want) {
		t.Errorf("empty measure: %+v", got)
	}
	own := Measure{Source: Source{Kind: SourceManual}, Title: "Eget", PriorityArea: AreaHealthPromotion,
		Topic: CategoryViolence, Status: StatusPagar}
	if got := own.FillFrom(tmpl); !reflect.DeepEqual(got, own) {
		t.Errorf("the user's choices were replaced: %+v", got)
	}
}
