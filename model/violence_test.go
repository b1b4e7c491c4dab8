package model

import (
	"errors"
	"strings"
	"testing"
)

func TestViolenceParagraphTable(t *testing.T) {
	want := map[ViolenceDuty][2]string{
		DutyGeneral:     {"3A-1", ""},
		DutyMapping:     {"3A-2", "23A-1"},
		DutyMeasures:    {"3A-3", "23A-4"},
		DutyInformation: {"3A-4", "23A-3"},
		DutyTraining:    {"3A-5", "23A-2"},
		DutyFollowUp:    {"3A-6", "23A-5"},
	}
	if len(ViolenceParagraphs()) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(ViolenceParagraphs()), len(want))
	}
	for _, d := range ViolenceDuties() {
		p := d.Paragraph()
		if w := want[d]; p.Current != w[0] || p.Former != w[1] {
			t.Errorf("%s: %s / %s, want %s / %s", d, p.Current, p.Former, w[0], w[1])
		}
		if !d.Valid() || d.Label() == "" {
			t.Errorf("%s: not valid or no label", d)
		}
	}
	tests := []struct {
		d    ViolenceDuty
		want string
	}{
		{DutyMapping, "forskrift om utførelse av arbeid § 3A-2 (tidligere § 23A-1)"},
		{DutyTraining, "forskrift om utførelse av arbeid § 3A-5 (tidligere § 23A-2)"},
		{DutyGeneral, "forskrift om utførelse av arbeid § 3A-1"},
		{"ukjent", ""},
	}
	if got := DutyGeneral.Paragraphs(); got != "§ 3A-1 (ny fra 2026)" {
		t.Errorf("Paragraphs(general) = %q", got)
	}
	for _, tt := range tests {
		if got := tt.d.Citation(); got != tt.want {
			t.Errorf("Citation(%s) = %q, want %q", tt.d, got, tt.want)
		}
		if got := ViolenceCitation(tt.d); got != tt.want {
			t.Errorf("ViolenceCitation(%s) = %q", tt.d, got)
		}
	}
	if !strings.Contains(ViolenceChapter, "kap. 3A (tidligere kap. 23A)") {
		t.Errorf("chapter citation %q", ViolenceChapter)
	}
	// The table is one source: changing a row changes every citation.
	saved := violenceParagraphs[1]
	violenceParagraphs[1].Former = "99Z-1"
	if !strings.Contains(DutyMapping.Citation(), "99Z-1") {
		t.Error("Citation does not read the table")
	}
	violenceParagraphs[1] = saved
	// The returned copy cannot change the table.
	ps := ViolenceParagraphs()
	ps[0].Current = "x"
	if DutyGeneral.Paragraph().Current != "3A-1" {
		t.Error("ViolenceParagraphs exposes the table")
	}
}

func TestViolenceFactors(t *testing.T) {
	fs := ViolenceFactors()
	if len(fs) != 8 || fs[0] != 1 || fs[7] != 8 {
		t.Fatalf("factors %v", fs)
	}
	for _, f := range fs {
		if f.Label() == "" || len(f.Questions()) < 2 {
			t.Errorf("factor %d lacks label or questions", f)
		}
	}
	for _, f := range []ViolenceFactor{-1, 9} {
		if f.Valid() || f.Label() != "" || f.Questions() != nil {
			t.Errorf("factor %d should be invalid", f)
		}
	}
	if FactorCombined.Valid() || FactorCombined.Label() != "Samlet vurdering" || len(FactorCombined.Questions()) == 0 {
		t.Error("combined factor")
	}
	if got := ViolenceFactor(3).Numbered(); got != "3. Alenearbeid" {
		t.Errorf("Numbered = %q", got)
	}
}

func TestViolenceEnums(t *testing.T) {
	if len(MeasurePoints()) != 4 || len(RoutineKinds()) != 4 || len(TrainingKinds()) != 3 {
		t.Fatal("enum sizes")
	}
	for _, p := range MeasurePoints() {
		got, ok := MeasurePointFromLabel(strings.ToUpper(p.Label()))
		if !ok || got != p || !p.Valid() {
			t.Errorf("point %s round trip", p)
		}
	}
	for _, k := range RoutineKinds() {
		if got, ok := RoutineKindFromLabel(string(k)); !ok || got != k {
			t.Errorf("routine %s", k)
		}
	}
	for _, k := range TrainingKinds() {
		if got, ok := TrainingKindFromLabel(k.Label()); !ok || got != k {
			t.Errorf("training kind %s", k)
		}
	}
	for _, m := range InfoMethods() {
		if got, ok := InfoMethodFromLabel(m.Label()); !ok || got != m {
			t.Errorf("info method %s", m)
		}
	}
	for _, r := range RepeatIntervals() {
		if got, ok := RepeatIntervalFromLabel(r.Label()); !ok || got != r {
			t.Errorf("interval %s", r)
		}
	}
	if RepeatYear.Days() != 365 || RepeatNone.Days() != 0 || RepeatInterval("x").Valid() {
		t.Error("interval days")
	}
	if len(MeasurePointLabels()) != 4 || len(RoutineKindLabels()) != 4 || len(TrainingKindLabels()) != 3 ||
		len(InfoMethodLabels()) != 5 || len(RepeatIntervalLabels()) != 5 {
		t.Error("label lists")
	}
}

func mapping(today Date) ViolenceMapping {
	m := ViolenceMapping{Date: today, Matrix: DefaultRiskMatrix()}
	for _, f := range ViolenceFactors() {
		m = m.WithFactor(FactorAssessment{Factor: f, Answer: "svar", Probability: 2, Consequence: 2})
	}
	m.Combined = CombinedAssessment{Assessment: "samlet", Probability: 3, Consequence: 3}
	return m
}

func TestCombinedRating(t *testing.T) {
	today := NewDate(2026, 3, 1)
	m := ViolenceMapping{Date: today}
	if p, c := m.SuggestedCombined(); p != 0 || c != 0 {
		t.Errorf("no rating suggests %d×%d", p, c)
	}
	if m.Level(FactorCombined) != "" || m.Score(FactorCombined) != 0 || m.CombinedBelowFactors() {
		t.Error("unrated combined")
	}
	m = m.WithFactor(FactorAssessment{Factor: 3, Probability: 4, Consequence: 3}) // 12 høy
	m = m.WithFactor(FactorAssessment{Factor: 1, Probability: 2, Consequence: 2}) // 4 lav
	m = m.WithFactor(FactorAssessment{Factor: 5, Probability: 3, Consequence: 4}) // 12 høy, higher consequence
	if m.Factors[0].Factor != 1 || m.Factors[1].Factor != 3 || m.Factors[2].Factor != 5 {
		t.Errorf("factors not in order: %+v", m.Factors)
	}
	if p, c := m.SuggestedCombined(); p != 3 || c != 4 {
		t.Errorf("suggested %d×%d, want 3×4 (tie: higher consequence)", p, c)
	}
	if s, l := m.HighestFactor(); s != 12 || l != RiskHigh {
		t.Errorf("highest %d %s", s, l)
	}
	tests := []struct {
		p, c  int
		score int
		level RiskLevel
		below bool
	}{
		{2, 2, 4, RiskLow, true},
		{3, 3, 9, RiskMedium, true},
		{3, 4, 12, RiskHigh, false}, // equal to the worst factor
		{5, 5, 25, RiskHigh, false},
		{0, 0, 0, "", false},
	}
	for _, tt := range tests {
		m.Combined = CombinedAssessment{Probability: tt.p, Consequence: tt.c}
		if m.Score(FactorCombined) != tt.score || m.Level(FactorCombined) != tt.level || m.CombinedBelowFactors() != tt.below {
			t.Errorf("%d×%d: score %d level %q below %v", tt.p, tt.c, m.Score(FactorCombined), m.Level(FactorCombined), m.CombinedBelowFactors())
		}
	}
	// A 4×4 matrix with its own boundaries.
	m.Matrix = DefaultRiskMatrixFor(4)
	m.Combined = CombinedAssessment{Probability: 2, Consequence: 4}
	if m.Level(FactorCombined) != RiskHigh {
		t.Errorf("4×4: 8 is %s", m.Level(FactorCombined))
	}
	// Replacing a factor keeps one entry.
	m = m.WithFactor(FactorAssessment{Factor: 3, Answer: "nytt"})
	if a, ok := m.Factor(3); !ok || a.Answer != "nytt" || len(m.Factors) != 3 {
		t.Errorf("replace: %+v", m.Factors)
	}
}

func TestMappingValidate(t *testing.T) {
	today := NewDate(2026, 3, 1)
	if err := mapping(today).Validate(today); err != nil {
		t.Fatalf("valid mapping refused: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(*ViolenceMapping)
		field string
		want  string
	}{
		{"no date", func(m *ViolenceMapping) { m.Date = Date{} }, FieldMappingDate, "må fylles ut"},
		{"future", func(m *ViolenceMapping) { m.Date = today.AddDays(1) }, FieldMappingDate, "frem i tid"},
		{"review before", func(m *ViolenceMapping) { m.NextReview = today.AddDays(-1) }, FieldNextReview, "før datoen"},
		{"half rating", func(m *ViolenceMapping) { m.Factors[2].Consequence = 0 }, FieldConsequence, "Faktor 3"},
		{"out of scale", func(m *ViolenceMapping) { m.Factors[0].Probability = 6 }, FieldProbability, "fra 1 til 5"},
		{"4x4", func(m *ViolenceMapping) { m.Matrix = DefaultRiskMatrixFor(4); m.Factors[0].Probability = 5 }, FieldProbability, "fra 1 til 4"},
		{"factor 9", func(m *ViolenceMapping) { m.Factors[0].Factor = 9 }, FieldFactor, "Faktor 9 finnes ikke"},
		{"twice", func(m *ViolenceMapping) { m.Factors[1].Factor = 1 }, FieldFactor, "to ganger"},
		{"national id", func(m *ViolenceMapping) { m.Factors[0].Groups = "nattevakt 01010012356" }, FieldGroups, "fødselsnummer"},
		{"id in answer", func(m *ViolenceMapping) { m.Factors[0].Answer = "010100 12356" }, FieldAnswer, "fødselsnummer"},
		{"id in combined", func(m *ViolenceMapping) { m.Combined.Assessment = "01010012356" }, FieldCombined, "fødselsnummer"},
		{"combined half", func(m *ViolenceMapping) { m.Combined.Probability = 0 }, FieldCombinedProb, "Samlet vurdering"},
		{"long answer", func(m *ViolenceMapping) { m.Factors[0].Answer = strings.Repeat("a", MaxDescriptionLen+1) }, FieldAnswer, "høyst"},
		{"link no point", func(m *ViolenceMapping) { m.Measures = []ViolenceMeasureLink{{MeasureID: 1, Factor: 2}} }, FieldMeasurePoint, "punkt"},
		{"link no id", func(m *ViolenceMapping) { m.Measures = []ViolenceMeasureLink{{Factor: 2, Point: PointDesign}} }, FieldMeasureLink, "mangler kobling"},
		{"link factor", func(m *ViolenceMapping) {
			m.Measures = []ViolenceMeasureLink{{MeasureID: 1, Factor: 11, Point: PointDesign}}
		}, FieldFactor, "faktor 11"},
		{"link twice", func(m *ViolenceMapping) {
			m.Measures = []ViolenceMeasureLink{{MeasureID: 1, Point: PointDesign}, {MeasureID: 1, Point: PointStaffing}}
		}, FieldMeasureLink, "to ganger"},
		{"blank participant", func(m *ViolenceMapping) { m.Participants = []string{"Kari", " "} }, FieldParticipants, "nr. 2"},
		{"participant name too long", func(m *ViolenceMapping) {
			m.Participants = []string{strings.Repeat("k", MaxNameLen+1)}
		}, FieldParticipants, "høyst"},
		{"matrix invalid", func(m *ViolenceMapping) { m.Matrix = RiskMatrix{Size: 3} }, FieldMatrixSize, "Risikomatrisen for kartleggingen er ugyldig"},
		{"long notes", func(m *ViolenceMapping) { m.Factors[0].Notes = strings.Repeat("n", MaxNoteLen+1) }, FieldNotes, "høyst"},
		{"long situations", func(m *ViolenceMapping) { m.Factors[0].Situations = strings.Repeat("s", MaxNoteLen+1) }, FieldSituations, "høyst"},
		{"long groups", func(m *ViolenceMapping) { m.Factors[0].Groups = strings.Repeat("g", MaxTitleLen+1) }, FieldGroups, "høyst"},
		{"long combined", func(m *ViolenceMapping) { m.Combined.Assessment = strings.Repeat("c", MaxDescriptionLen+1) }, FieldCombined, "høyst"},
		{"combined out of scale", func(m *ViolenceMapping) { m.Combined.Consequence = 7 }, FieldCombinedCons, "fra 1 til 5"},
		{"link unknown point", func(m *ViolenceMapping) {
			m.Measures = []ViolenceMeasureLink{{MeasureID: 1, Factor: 2, Point: "x"}}
		}, FieldMeasurePoint, "Velg hvilket punkt"},
	}
	for _, tt := range tests {
		m := mapping(today)
		tt.edit(&m)
		err := m.Validate(today)
		var v ValidationError
		if !errors.As(err, &v) {
			t.Errorf("%s: no ValidationError (%v)", tt.name, err)
			continue
		}
		if msg := v.For(tt.field); !strings.Contains(msg, tt.want) {
			t.Errorf("%s: %s = %q, want %q (all: %v)", tt.name, tt.field, msg, tt.want, err)
		}
	}
	// Not rated at all is fine (a mapping in progress).
	m := ViolenceMapping{Date: today, Factors: []FactorAssessment{{Factor: 1}}}
	if err := m.Validate(today); err != nil {
		t.Errorf("unrated factor refused: %v", err)
	}
}

func TestMappingLinksAndMeasure(t *testing.T) {
	today := NewDate(2026, 3, 1)
	m := mapping(today)
	m.ID = 7
	m = m.LinkMeasure(ViolenceMeasureLink{MeasureID: 3, Factor: 2, Point: PointCallHelp})
	m = m.LinkMeasure(ViolenceMeasureLink{MeasureID: 4, Factor: 0, Point: PointStaffing})
	m = m.LinkMeasure(ViolenceMeasureLink{MeasureID: 3, Factor: 2, Point: PointMaintenance})
	if len(m.Measures) != 2 || m.Measures[0].Point != PointMaintenance {
		t.Errorf("links %+v", m.Measures)
	}
	if len(m.MeasureLinks(2)) != 1 || len(m.MeasureLinks(FactorCombined)) != 1 || len(m.MeasureLinks(5)) != 0 {
		t.Error("MeasureLinks")
	}
	ms := NewViolenceMeasure(m, 3, "  Alarm på alle rom ", " Leder ", today.AddMonths(2), today)
	if ms.Source.Kind != SourceViolenceThreats || ms.Source.ParentID != 7 || ms.Source.RefID != 3 ||
		ms.Source.RefLabel != "Vold og trusler: 3. Alenearbeid" || ms.Title != "Alarm på alle rom" || ms.Topic != CategoryViolence {
		t.Errorf("measure %+v", ms)
	}
	if err := ms.Validate(today); err != nil {
		t.Errorf("measure invalid: %v", err)
	}
	n := ViolenceMapping{Participants: []string{" Kari  Nordmann "}, Factors: []FactorAssessment{{Factor: 1, Groups: " natt  vakter ", Answer: " x "}}}.Normalized()
	if n.Participants[0] != "Kari Nordmann" || n.Factors[0].Groups != "natt vakter" || n.Factors[0].Answer != "x" {
		t.Errorf("normalized %+v", n)
	}
}

func TestTrainingOverdueEdges(t *testing.T) {
	today := NewDate(2026, 6, 15)
	tests := []struct {
		name    string
		ago     int
		repeat  RepeatInterval
		overdue bool
	}{
		{"366 days, yearly", 366, RepeatYear, true},
		{"365 days, yearly (due today)", 365, RepeatYear, false},
		{"364 days, yearly", 364, RepeatYear, false},
		{"183 days, half-yearly", 183, RepeatHalfYear, true},
		{"182 days, half-yearly", 182, RepeatHalfYear, false},
		{"731 days, two years", 731, RepeatTwoYears, true},
		{"5000 days, no repetition", 5000, RepeatNone, false},
	}
	for _, tt := range tests {
		tr := ViolenceTraining{Date: today.AddDays(-tt.ago), Topic: "Øvelse", Repeat: tt.repeat}
		if got := tr.Overdue(today); got != tt.overdue {
			t.Errorf("%s: overdue %v, want %v (due %s)", tt.name, got, tt.overdue, tr.DueDate())
		}
	}
	// Across a leap day, a year is still 365 days.
	leap := ViolenceTraining{Date: NewDate(2024, 1, 1), Repeat: RepeatYear}
	if !leap.Overdue(NewDate(2024, 1, 1).AddDays(366)) {
		t.Error("366 days across a leap year not overdue")
	}
}

func TestLatestAndOverdueTrainings(t *testing.T) {
	today := NewDate(2026, 6, 15)
	ts := []ViolenceTraining{
		{ID: 1, Date: today.AddDays(-800), Topic: "Alarmøvelse", Kind: TrainingDrill, Repeat: RepeatYear},
		{ID: 2, Date: today.AddDays(-100), Topic: "alarmøvelse ", Kind: TrainingDrill, Repeat: RepeatYear}, // repeats 1
		{ID: 3, Date: today.AddDays(-400), Topic: "Forebygging", Kind: TrainingCourse, Repeat: RepeatYear},
		{ID: 4, Date: today.AddDays(-1000), Topic: "Introduksjon", Kind: TrainingReview, Repeat: RepeatNone},
		{ID: 5, Date: today.AddDays(-370), Topic: "Rutiner", Kind: TrainingReview, Repeat: RepeatYear},
	}
	latest := LatestTrainings(ts)
	if len(latest) != 4 {
		t.Fatalf("latest %+v", latest)
	}
	if latest[0].ID != 3 || latest[1].ID != 5 || latest[2].ID != 2 || latest[3].ID != 4 {
		t.Errorf("order by due date: %d %d %d %d", latest[0].ID, latest[1].ID, latest[2].ID, latest[3].ID)
	}
	over := OverdueTrainings(ts, today)
	if len(over) != 2 || over[0].ID != 3 || over[1].ID != 5 {
		t.Errorf("overdue %+v", over)
	}
}

func TestTrainingValidate(t *testing.T) {
	today := NewDate(2026, 6, 15)
	ok := ViolenceTraining{Date: today, Topic: "Øvelse", Kind: TrainingDrill, Participants: 12, Repeat: RepeatYear}
	if err := ok.Validate(today); err != nil {
		t.Fatalf("valid refused: %v", err)
	}
	tests := []struct {
		edit  func(*ViolenceTraining)
		field string
		want  string
	}{
		{func(x *ViolenceTraining) { x.Date = Date{} }, FieldTrainingDate, "må fylles ut"},
		{func(x *ViolenceTraining) { x.Date = today.AddDays(1) }, FieldTrainingDate, "frem i tid"},
		{func(x *ViolenceTraining) { x.Topic = " " }, FieldTrainingTopic, "må fylles ut"},
		{func(x *ViolenceTraining) { x.Kind = "" }, FieldTrainingKind, "Velg type"},
		{func(x *ViolenceTraining) { x.Participants = 0 }, FieldTrainingCount, "fra 1 til 10 000"},
		{func(x *ViolenceTraining) { x.Participants = 10001 }, FieldTrainingCount, "fra 1"},
		{func(x *ViolenceTraining) { x.Repeat = "" }, FieldTrainingInterval, "Velg"},
		{func(x *ViolenceTraining) { x.Groups = "01010012356" }, FieldTrainingGroups, "fødselsnummer"},
		{func(x *ViolenceTraining) { x.Notes = "01010012356" }, FieldNotes, "fødselsnummer"},
	}
	for _, tt := range tests {
		x := ok
		tt.edit(&x)
		err := x.Validate(today)
		var v ValidationError
		if !errors.As(err, &v) || !strings.Contains(v.For(tt.field), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.field, err, tt.want)
		}
	}
	x := ViolenceTraining{Participants: 10000}
	if strings.Contains(x.Validate(today).Error(), FieldTrainingCount) {
		t.Error("10 000 participants refused")
	}
}

func TestRoutinesValidate(t *testing.T) {
	today := NewDate(2026, 6, 15)
	r := ViolenceRoutines{
		Routines: []ViolenceRoutine{{Kind: RoutinePrevention, Exists: true, Where: "Personalhåndboka"}},
		Informed: []ViolenceInformation{{Date: today, Employees: true, Method: InfoMeeting}},
	}
	if err := r.Validate(today); err != nil {
		t.Fatalf("valid refused: %v", err)
	}
	tests := []struct {
		edit  func(*ViolenceRoutines)
		field string
		want  string
	}{
		{func(r *ViolenceRoutines) { r.Informed[0].Employees = false }, FieldInformedWho, "Kryss av"},
		{func(r *ViolenceRoutines) { r.Informed[0].Date = today.AddDays(1) }, FieldInformedOn, "frem i tid"},
		{func(r *ViolenceRoutines) { r.Informed[0].Date = Date{} }, FieldInformedOn, "må fylles ut"},
		{func(r *ViolenceRoutines) { r.Informed[0].Method = "" }, FieldInformedHow, "Velg"},
		{func(r *ViolenceRoutines) { r.Routines = append(r.Routines, r.Routines[0]) }, FieldRoutine, "to ganger"},
		{func(r *ViolenceRoutines) { r.Routines[0].Kind = "x" }, FieldRoutine, "Ukjent"},
		{func(r *ViolenceRoutines) { r.Routines[0].Where = "01010012356" }, FieldRoutineWhere, "fødselsnummer"},
		{func(r *ViolenceRoutines) { r.Routines[0].Updated = today.AddDays(1) }, FieldRoutine, "frem i tid"},
	}
	for _, tt := range tests {
		x := ViolenceRoutines{Routines: append([]ViolenceRoutine(nil), r.Routines...), Informed: append([]ViolenceInformation(nil), r.Informed...)}
		tt.edit(&x)
		var v ValidationError
		if err := x.Validate(today); !errors.As(err, &v) || !strings.Contains(v.For(tt.field), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.field, err, tt.want)
		}
	}
	if got := r.Routine(RoutineAlerting); got.Exists || got.Kind != RoutineAlerting {
		t.Errorf("missing routine %+v", got)
	}
}

// complete returns input where every duty is in order on today.
func complete(today Date) ViolenceStatusInput {
	m := mapping(today.AddDays(-10))
	m.Measures = []ViolenceMeasureLink{{MeasureID: 1, Factor: 0, Point: PointStaffing}}
	r := ViolenceRoutines{Informed: []ViolenceInformation{{Date: today.AddDays(-30), Employees: true, Representatives: true, Method: InfoMeeting}}}
	for _, k := range RoutineKinds() {
		r.Routines = append(r.Routines, ViolenceRoutine{Kind: k, Exists: true})
	}
	return ViolenceStatusInput{
		Mapping:  &m,
		Routines: r,
		Trainings: []ViolenceTraining{
			{ID: 1, Date: today.AddDays(-20), Topic: "Øvelse", Kind: TrainingDrill, Participants: 5, Repeat: RepeatYear},
		},
		Measures: []Measure{{ID: 1, Status: StatusPlanlagt, Created: today.AddDays(-10), Deadline: today.AddDays(30)}},
		Incidents: []Deviation{
			{Date: today.AddDays(-5), Category: DevViolence, Severity: SeverityMinor, FollowUpOffered: []FollowUpOffer{FollowUpConversation}},
		},
	}
}

func stateOf(st []ViolenceDutyStatus, d ViolenceDuty) ViolenceDutyStatus {
	for _, s := range st {
		if s.Duty == d {
			return s
		}
	}
	return ViolenceDutyStatus{}
}

func TestViolenceStatusEdges(t *testing.T) {
	today := NewDate(2026, 6, 15)
	st := ViolenceStatus(complete(today), today)
	if len(st) != 5 {
		t.Fatalf("%d duties", len(st))
	}
	for i, s := range st {
		if s.Duty != StatusDuties()[i] {
			t.Errorf("order: %s at %d", s.Duty, i)
		}
		if s.State != DutyOK || !s.Documented || len(s.Notes) > 0 {
			t.Errorf("%s: %s %v %v", s.Duty, s.State, s.Documented, s.Notes)
		}
	}
	if s := stateOf(st, DutyMapping); s.LastDone != today.AddDays(-10) {
		t.Errorf("mapping last done %s", s.LastDone)
	}

	tests := []struct {
		name  string
		edit  func(*ViolenceStatusInput)
		duty  ViolenceDuty
		state DutyState
		note  string
	}{
		{"no mapping", func(in *ViolenceStatusInput) { in.Mapping = nil }, DutyMapping, DutyMissing, "Ingen kartlegging"},
		{"mapping 365 days", func(in *ViolenceStatusInput) { in.Mapping.Date = today.AddDays(-365) }, DutyMapping, DutyOK, ""},
		{"mapping 366 days", func(in *ViolenceStatusInput) { in.Mapping.Date = today.AddDays(-366) }, DutyMapping, DutyOverdue, "Revisjon forfalt"},
		{"next review passed", func(in *ViolenceStatusInput) { in.Mapping.NextReview = today.AddDays(-1) }, DutyMapping, DutyOverdue, "Revisjon forfalt"},
		{"next review today", func(in *ViolenceStatusInput) { in.Mapping.NextReview = today }, DutyMapping, DutyOK, ""},
		{"factor unrated", func(in *ViolenceStatusInput) { in.Mapping.Factors[4].Probability = 0 }, DutyMapping, DutyMissing, "uten risikovurdering: 5"},
		{"factor unanswered", func(in *ViolenceStatusInput) { in.Mapping.Factors[0].Answer = "" }, DutyMapping, DutyMissing, "uten svar: 1"},
		{"combined missing", func(in *ViolenceStatusInput) { in.Mapping.Combined.Assessment = "" }, DutyMapping, DutyMissing, "Samlet vurdering"},
		{"no measures", func(in *ViolenceStatusInput) { in.Mapping.Measures = nil }, DutyMeasures, DutyMissing, "Ingen tiltak"},
		{"measure deleted", func(in *ViolenceStatusInput) { in.Measures = nil }, DutyMeasures, DutyMissing, "Ingen tiltak"},
		{"measure overdue", func(in *ViolenceStatusInput) { in.Measures[0].Deadline = today.AddDays(-1) }, DutyMeasures, DutyOverdue, "1 tiltak over fristen"},
		{"measure due today", func(in *ViolenceStatusInput) { in.Measures[0].Deadline = today }, DutyMeasures, DutyOK, ""},
		{"high risk factor without measure", func(in *ViolenceStatusInput) {
			in.Mapping.Factors[2].Probability, in.Mapping.Factors[2].Consequence = 4, 3
		}, DutyMeasures, DutyMissing, "Høy risiko uten tiltak: faktor 3"},
		{"medium risk factor without measure", func(in *ViolenceStatusInput) {
			in.Mapping.Factors[2].Probability, in.Mapping.Factors[2].Consequence = 3, 3
		}, DutyMeasures, DutyOK, ""},
		{"high combined without measure", func(in *ViolenceStatusInput) {
			in.Mapping.Combined.Probability = 5
			in.Mapping.Measures[0].Factor = 1
		}, DutyMeasures, DutyMissing, "samlet vurdering"},
		{"routine missing", func(in *ViolenceStatusInput) { in.Routines.Routines[2].Exists = false }, DutyInformation, DutyMissing, "varsling og rapportering"},
		{"reps never informed", func(in *ViolenceStatusInput) { in.Routines.Informed[0].Representatives = false }, DutyInformation, DutyMissing, "Verneombud og tillitsvalgte er ikke"},
		{"informed 366 days", func(in *ViolenceStatusInput) { in.Routines.Informed[0].Date = today.AddDays(-366) }, DutyInformation, DutyOverdue, "mer enn ett år"},
		{"informed 365 days", func(in *ViolenceStatusInput) { in.Routines.Informed[0].Date = today.AddDays(-365) }, DutyInformation, DutyOK, ""},
		{"no training", func(in *ViolenceStatusInput) { in.Trainings = nil }, DutyTraining, DutyMissing, "Ingen opplæring"},
		{"training 366 days yearly", func(in *ViolenceStatusInput) { in.Trainings[0].Date = today.AddDays(-366) }, DutyTraining, DutyOverdue, "Gjentakelse forfalt: Øvelse"},
		{"training 365 days yearly", func(in *ViolenceStatusInput) { in.Trainings[0].Date = today.AddDays(-365) }, DutyTraining, DutyOK, ""},
		{"no drill", func(in *ViolenceStatusInput) { in.Trainings[0].Kind = TrainingCourse }, DutyTraining, DutyMissing, "Ingen øvelse"},
		{"no follow-up", func(in *ViolenceStatusInput) { in.Incidents[0].FollowUpOffered = nil }, DutyFollowUp, DutyMissing, "1 av 1 hendelse"},
		{"old incident ignored", func(in *ViolenceStatusInput) {
			in.Incidents[0].FollowUpOffered = nil
			in.Incidents[0].Date = today.AddDays(-366)
		}, DutyFollowUp, DutyOK, ""},
		{"other category ignored", func(in *ViolenceStatusInput) {
			in.Incidents[0].FollowUpOffered = nil
			in.Incidents[0].Category = DevInjury
		}, DutyFollowUp, DutyOK, ""},
		{"serious not notified", func(in *ViolenceStatusInput) {
			in.Incidents[0].Severity = SeverityVerySerious
			in.Incidents[0].Type = TypeIncident
		}, DutyFollowUp, DutyOverdue, "uten registrert varsling"},
		{"serious notified", func(in *ViolenceStatusInput) {
			in.Incidents[0].Severity = SeverityVerySerious
			in.Incidents[0].Type = TypeIncident
			in.Incidents[0].AuthoritiesNotified = true
		}, DutyFollowUp, DutyOK, ""},
		{"serious injury at alvorlig not notified", func(in *ViolenceStatusInput) {
			in.Incidents[0].Severity, in.Incidents[0].PersonHarm = SeveritySerious, HarmSerious
		}, DutyFollowUp, DutyOverdue, "1 hendelse med dødsfall eller alvorlig personskade uten registrert varsling"},
		{"death not notified", func(in *ViolenceStatusInput) {
			in.Incidents[0].Severity, in.Incidents[0].PersonHarm = SeverityVerySerious, HarmDeath
		}, DutyFollowUp, DutyOverdue, "dødsfall eller alvorlig personskade"},
		{"svært alvorlig without serious injury", func(in *ViolenceStatusInput) {
			in.Incidents[0].Severity, in.Incidents[0].PersonHarm = SeverityVerySerious, HarmInjury
		}, DutyFollowUp, DutyOK, ""},
		{"no incidents", func(in *ViolenceStatusInput) { in.Incidents = nil }, DutyFollowUp, DutyOK, ""},
	}
	for _, tt := range tests {
		in := complete(today)
		m := *in.Mapping
		m.Factors = append([]FactorAssessment(nil), m.Factors...)
		in.Mapping = &m
		tt.edit(&in)
		s := stateOf(ViolenceStatus(in, today), tt.duty)
		notes := strings.Join(s.Notes, " | ")
		if s.State != tt.state || (tt.note != "" && !strings.Contains(notes, tt.note)) || (tt.note == "" && notes != "") {
			t.Errorf("%s: %s %s %q, want %s %q", tt.name, tt.duty, s.State, notes, tt.state, tt.note)
		}
	}
	for _, s := range []DutyState{DutyOK, DutyMissing, DutyOverdue} {
		if !s.Valid() || s.Label() == "" {
			t.Errorf("state %s", s)
		}
	}
}

func TestGeneralDutyStatus(t *testing.T) {
	today := NewDate(2026, 6, 15)
	tests := []struct {
		name       string
		edit       func(*ViolenceStatusInput)
		state      DutyState
		documented bool
		note       string
	}{
		{"all in order", func(*ViolenceStatusInput) {}, DutyOK, true, ""},
		{"one missing", func(in *ViolenceStatusInput) { in.Trainings[0].Kind = TrainingCourse }, DutyMissing, true,
			"Følg opp det som ikke er i orden: opplæring og øvelser (§ 3A-5, mangler)"},
		{"one not documented", func(in *ViolenceStatusInput) { in.Mapping = nil }, DutyMissing, false,
			"Følg opp det som ikke er i orden: kartlegging og risikovurdering (§ 3A-2, mangler), tiltak (§ 3A-3, mangler)"},
		{"overdue wins", func(in *ViolenceStatusInput) {
			in.Trainings[0].Kind = TrainingCourse
			in.Measures[0].Deadline = today.AddDays(-1)
		}, DutyOverdue, true, "Følg opp det som ikke er i orden: tiltak (§ 3A-3, forfalt), opplæring og øvelser (§ 3A-5, mangler)"},
	}
	for _, tt := range tests {
		in := complete(today)
		m := *in.Mapping
		in.Mapping = &m
		tt.edit(&in)
		table := ViolenceStatusTable(in, today)
		if len(table) != 6 || table[0].Duty != DutyGeneral {
			t.Fatalf("%s: table starts with %s, %d rows", tt.name, table[0].Duty, len(table))
		}
		g := table[0]
		notes := strings.Join(g.Notes, " | ")
		if g.State != tt.state || g.Documented != tt.documented || !g.LastDone.IsZero() ||
			(tt.note == "" && notes != "") || !strings.Contains(notes, tt.note) {
			t.Errorf("%s: %s documented %v last %s %q; want %s %v %q", tt.name, g.State, g.Documented, g.LastDone, notes, tt.state, tt.documented, tt.note)
		}
		// § 3A-1 has no date: never a bare «Forfalt» or «Mangler».
		wantLabel := "I orden"
		if tt.state != DutyOK {
			wantLabel = GeneralDutyFollowUp
		}
		if got := g.StateLabel(); got != wantLabel {
			t.Errorf("%s: label %q, want %q", tt.name, got, wantLabel)
		}
		for i, d := range ViolenceDuties() {
			if table[i].Duty != d {
				t.Errorf("%s: row %d is %s, want %s", tt.name, i, table[i].Duty, d)
			}
		}
	}
	if g := GeneralDutyStatus(nil); g.State != DutyMissing || g.Documented {
		t.Errorf("no duties: %+v", g)
	}
	if got := GeneralDutyBasis(); got != "Dokumenteres samlet gjennom pliktene i § 3A-2 til § 3A-6" {
		t.Errorf("basis %q", got)
	}
}
