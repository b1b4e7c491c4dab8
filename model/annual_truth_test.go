package model

import (
	"strings"
	"testing"
)

// The annual report judges follow-up after violence incidents on the same
// period as its incident figures (the year), so «N av M uten tilbud» and
// «Minst ett tilbud K av M» add up; the status page keeps its last 12
// months and says so.
func TestViolenceFollowUpSamePeriodAsFigures(t *testing.T) {
	today := NewDate(2026, 12, 4)
	offered := []FollowUpOffer{FollowUpConversation}
	in := complete(today)
	in.Incidents = []Deviation{
		{ID: 1, Date: NewDate(2025, 12, 20), Category: DevViolence, Severity: SeverityMinor}, // last 12 months, not 2026
		{ID: 2, Date: NewDate(2026, 3, 1), Category: DevViolence, Severity: SeverityMinor, FollowUpOffered: offered},
		{ID: 3, Date: NewDate(2026, 5, 1), Category: DevViolence, Severity: SeverityMinor},
		{ID: 4, Date: NewDate(2026, 9, 1), Category: DevViolence, Severity: SeverityMinor, FollowUpOffered: offered},
		{ID: 5, Date: NewDate(2026, 12, 20), Category: DevViolence, Severity: SeverityMinor}, // after today
	}
	tests := []struct {
		name      string
		st        ViolenceDutyStatus
		wantNote  string
		total, ok int
	}{
		{"annual report", stateOf(mustYearStatus(t, in, 2026, today), DutyFollowUp), "1 av 3 hendelser i 2026 uten registrert tilbud om oppfølging", 3, 2},
		{"status page", stateOf(ViolenceStatus(in, today), DutyFollowUp), "2 av 4 hendelser siste 12 måneder uten registrert tilbud om oppfølging", 4, 2},
	}
	for _, tt := range tests {
		if got := strings.Join(tt.st.Notes, " | "); got != tt.wantNote {
			t.Errorf("%s: note %q, want %q", tt.name, got, tt.wantNote)
		}
	}
	// The section's figures: the same incidents as the annual note.
	f := ViolenceYearIncidents(in.Incidents, 2026, today)
	if f.Total != tests[0].total || f.FollowUpOffered != tests[0].ok {
		t.Errorf("figures %d av %d, want %d av %d", f.FollowUpOffered, f.Total, tests[0].ok, tests[0].total)
	}
	if len(f.ByQuarter) != 4 {
		t.Errorf("quarters %v, want the year's four", f.ByQuarter)
	}
	// A finished year: the whole year, nothing after it.
	past := ViolenceYearIncidents(in.Incidents, 2025, today)
	if past.Total != 1 || past.FollowUpOffered != 0 {
		t.Errorf("2025: %+v", past)
	}
}

func mustYearStatus(t *testing.T, in ViolenceStatusInput, y HMSYear, today Date) []ViolenceDutyStatus {
	t.Helper()
	st, _ := ViolenceStatusForYear(in, y, today)
	return st
}

func TestViolenceDutyStateLabel(t *testing.T) {
	d := NewDate(2026, 3, 1)
	tests := []struct {
		name string
		st   ViolenceDutyStatus
		want string
	}{
		{"in order", ViolenceDutyStatus{Duty: DutyTraining, State: DutyOK, LastDone: d}, "I orden"},
		{"overdue with a date", ViolenceDutyStatus{Duty: DutyTraining, State: DutyOverdue, LastDone: d}, "Forfalt"},
		{"overdue, never done", ViolenceDutyStatus{Duty: DutyFollowUp, State: DutyOverdue}, GeneralDutyFollowUp},
		{"missing", ViolenceDutyStatus{Duty: DutyMapping, State: DutyMissing}, "Mangler"},
		{"§ 3A-1 overdue", ViolenceDutyStatus{Duty: DutyGeneral, State: DutyOverdue}, GeneralDutyFollowUp},
		{"§ 3A-1 missing", ViolenceDutyStatus{Duty: DutyGeneral, State: DutyMissing}, GeneralDutyFollowUp},
		{"§ 3A-1 in order", ViolenceDutyStatus{Duty: DutyGeneral, State: DutyOK}, "I orden"},
	}
	for _, tt := range tests {
		if got := tt.st.StateLabel(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestJoinNotes(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"Ansatte er ikke registrert som informert"}, "Ansatte er ikke registrert som informert"},
		{[]string{"Ansatte er ikke registrert som informert", "Verneombud og tillitsvalgte er ikke registrert som informert"},
			"Ansatte er ikke registrert som informert; verneombud og tillitsvalgte er ikke registrert som informert"},
		{[]string{"Rutine mangler: varsling", "BHT er ikke med", "Øvelse mangler", "3 tiltak over fristen"},
			"Rutine mangler: varsling; BHT er ikke med; øvelse mangler; 3 tiltak over fristen"},
	}
	for _, tt := range tests {
		if got := JoinNotes(tt.in); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHMSCourseAboutViolence(t *testing.T) {
	tests := []struct {
		course string
		want   bool
	}{
		{"Forebygging av vold og trusler i stell", true},
		{"Håndtering av truende situasjoner", true},
		{"Voldsrisiko i hjemmetjenesten", true},
		{"Kurs om trusselvurdering", true},
		{"VOLD OG TRUSLER – repetisjon", true},
		{"Brannvernopplæring med brannøvelse", false},
		{"Bruk av avvikssystemet", false},
		{"Grunnkurs i HMS for verneombud", false},
		{"Forflytningsteknikk", false},
	}
	for _, tt := range tests {
		if got := (HMSCourse{Course: tt.course}).AboutViolence(); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.course, got, tt.want)
		}
	}
}

// A course about violence and threats in the annual review's course list
// is counted as violence training by the summary's figure and the
// submission, once, even when the module has it too.
func TestViolenceCoursesCountAsTraining(t *testing.T) {
	today := NewDate(2026, 2, 1)
	course := HMSCourse{Course: "Forebygging av vold og trusler i stell", Date: NewDate(2025, 3, 16), Participants: 17}
	twice := HMSCourse{Course: "Øvelse: truende situasjon", Date: NewDate(2025, 11, 9), Participants: 10}
	d := AnnualData{Year: 2025, Today: today, InUse: map[string]bool{ModuleVold: true},
		Review: &AnnualReview{Year: 2025, Trainings: []HMSCourse{course, twice,
			{Course: "Brannvernopplæring", Date: NewDate(2025, 4, 22), Participants: 28}}}}
	d.Violence.Trainings = []ViolenceTraining{{ID: 1, Date: twice.Date, Topic: twice.Course, Kind: TrainingDrill, Participants: 10}}
	in := d.ViolenceInput()
	if len(in.Trainings) != 2 || !in.Trainings[1].FromCourses || in.Trainings[1].Topic != course.Course || in.Trainings[1].Kind != TrainingCourse {
		t.Fatalf("trainings %+v, want the module's and the one course not in it", in.Trainings)
	}
	if len(d.Violence.Trainings) != 1 {
		t.Fatalf("ViolenceInput changed the loaded register: %d", len(d.Violence.Trainings))
	}
	f := ComputeAnnualFigures(d)
	if f.ViolenceTrainings != 2 || f.Review.ViolenceCourses != 2 || f.Review.Courses != 3 {
		t.Errorf("figures: trainings %d, violence courses %d of %d", f.ViolenceTrainings, f.Review.ViolenceCourses, f.Review.Courses)
	}
	if tr := stateOf(f.Violence, DutyTraining); tr.LastDone != twice.Date || !tr.Documented {
		t.Errorf("§ 3A-5 status %+v", tr)
	}
	if s := NewSubmission(d, f, "test"); s.Violence == nil || s.Violence.Trainings != f.ViolenceTrainings {
		t.Errorf("submission %+v, want %d trainings", s.Violence, f.ViolenceTrainings)
	}
}

func TestPersonInjuredAndNAVNote(t *testing.T) {
	y := HMSYear(2025)
	today := NewDate(2026, 1, 15)
	dev := func(cat DeviationCategory, typ DeviationType, harm PersonHarm) Deviation {
		return Deviation{Date: NewDate(2025, 5, 1), Category: cat, Type: typ, PersonHarm: harm}
	}
	tests := []struct {
		name string
		d    Deviation
		want bool
	}{
		{"injury", dev(DevFire, TypeDeviation, HarmInjury), true},
		{"serious", dev(DevViolence, TypeDeviation, HarmSerious), true},
		{"death", dev(DevInjury, TypeDeviation, HarmDeath), true},
		{"no harm", dev(DevInjury, TypeDeviation, HarmNone), false},
		{"old record, personskade", dev(DevInjury, TypeDeviation, ""), true},
		{"old record, near miss", dev(DevInjury, TypeNearMiss, ""), false},
		{"old record, fire", dev(DevFire, TypeDeviation, ""), false},
	}
	var devs []Deviation
	want := 0
	for _, tt := range tests {
		if got := tt.d.PersonInjured(); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
		devs = append(devs, tt.d)
		if tt.want {
			want++
		}
	}
	late := dev(DevInjury, TypeDeviation, HarmInjury)
	late.Date = NewDate(2026, 1, 2)
	if n := PersonInjuries(append(devs, late), y, today); n != want {
		t.Errorf("PersonInjuries %d, want %d", n, want)
	}
	zero, two := 0, 2
	notes := []struct {
		name     string
		injuries int
		reported *int
		want     string
	}{
		{"none recorded", 4, nil, "4 avvik med personskade i 2025 (alle kategorier); ingen yrkesskademelding registrert – sjekk om skadene skulle vært meldt til NAV (skjema NAV 13-07.05)."},
		{"zero recorded", 1, &zero, "1 avvik med personskade i 2025 (alle kategorier); ingen yrkesskademelding registrert – sjekk om skaden skulle vært meldt til NAV (skjema NAV 13-07.05)."},
		{"reported", 4, &two, ""},
		{"no injuries", 0, nil, ""},
	}
	for _, tt := range notes {
		f := AnnualFigures{Year: y, PersonInjuries: tt.injuries}
		f.Review.OccupationalInjuries = tt.reported
		if got := f.InjuryReportNote(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSharedSourceLabel(t *testing.T) {
	injured := Deviation{ID: 7, Date: NewDate(2025, 7, 23), Category: DevInjury, Place: "Korttid og rehabilitering", PersonHarm: HarmSerious}
	violence := Deviation{ID: 8, Date: NewDate(2025, 9, 2), Category: DevViolence, Place: "Avdeling 1", PersonHarm: HarmNone}
	fire := Deviation{ID: 9, Date: NewDate(2025, 4, 7), Category: DevFire, Place: "Kjøkken", PersonHarm: HarmNone}
	burnt := Deviation{ID: 10, Date: NewDate(2025, 4, 8), Category: DevFire, Place: "Kjøkken", PersonHarm: HarmInjury}
	src := func(d Deviation) Source {
		return Source{Kind: SourceDeviation, RefID: d.ID, RefLabel: "Avvik " + d.Label()}
	}
	tests := []struct {
		name string
		s    Source
		dev  *Deviation
		want string
	}{
		{"serious injury", src(injured), &injured, "Avvik (personskade) 2025"},
		{"violence", src(violence), &violence, "Avvik (vold og trusler) 2025"},
		{"fire, nobody hurt", src(fire), &fire, "Avvik 07.04.2025 Branntilløp, Kjøkken"},
		{"fire, someone hurt", src(burnt), &burnt, "Avvik (branntilløp) 2025"},
		{"deviation not at hand", src(injured), nil, "Avvik (personskade) 2025"},
		{"typed by hand", Source{Kind: SourceDeviation, RefLabel: "fra avviksmøtet"}, nil, "Avvik"},
		{"not a deviation", Source{Kind: SourceMeetingDecision, RefLabel: "Møte 18.02.2025, sak 4: Kjøp matter"}, nil, "Møte 18.02.2025, sak 4"},
	}
	for _, tt := range tests {
		if got := SharedSourceLabel(tt.s, tt.dev); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	ms := []Measure{{ID: 1, Source: src(injured)}, {ID: 2, Source: src(fire)}}
	out := SharedMeasureLabels(ms, []Deviation{injured, fire})
	if out[0].Source.RefLabel != "Avvik (personskade) 2025" || out[1].Source.RefLabel != "Avvik 07.04.2025 Branntilløp, Kjøkken" {
		t.Errorf("labels %q, %q", out[0].Source.RefLabel, out[1].Source.RefLabel)
	}
	if ms[0].Source.RefLabel != src(injured).RefLabel {
		t.Errorf("the input was changed: %q", ms[0].Source.RefLabel)
	}
}
