package model

import (
	"strings"
	"testing"
	"time"
)

var arToday = NewDate(2026, time.December, 4)

func intp(n int) *int { return &n }

// validReview is a complete review of 2026 as of arToday.
func validReview() AnnualReview {
	return AnnualReview{
		Year:                 2026,
		Regulations:          DefaultRegulations(SectorBarnehage),
		RegulationsConfirmed: NewDate(2026, 2, 10),
		Goals: []HMSGoal{
			SickLeaveGoal(SickLeaveSettings{Target: 600}),
			{Goal: "Alle nyansatte får HMS-opplæring", Measure: "Andel nyansatte med gjennomført opplæring", Result: GoalPartly, Comment: "3 av 4"},
		},
		Evaluation:           "Året har gått bra.",
		LeaderComment:        "Enig.",
		SafetyRepComment:     "Mer fokus på støy.",
		TreatedOn:            NewDate(2026, 11, 20),
		CaseNumber:           "12/26",
		Trainings:            []HMSCourse{{Course: "Førstehjelp", Date: NewDate(2026, 3, 3), Participants: 14}},
		OccupationalInjuries: intp(1),
		Whistleblowing:       intp(0),
	}
}

func TestAnnualReviewValidate(t *testing.T) {
	long := strings.Repeat("x", MaxTitleLen+1)
	cases := []struct {
		name  string
		edit  func(r *AnnualReview)
		field string // "" = valid
		want  string
	}{
		{"valid", func(*AnnualReview) {}, "", ""},
		{"empty review is valid", func(r *AnnualReview) { *r = AnnualReview{Year: 2026} }, "", ""},
		{"year too early", func(r *AnnualReview) { r.Year = 1999 }, FieldReviewYear, "2000 til 2100"},
		{"regulation without name", func(r *AnnualReview) { r.Regulations[1].Name = " " }, "Lover og forskrifter, rad 2: Lov eller forskrift", "rad 2: Lov eller forskrift må fylles ut"},
		{"regulation without where", func(r *AnnualReview) { r.Regulations[0].Where = "" }, "Lover og forskrifter, rad 1: Hvor de ansatte finner den", "må fylles ut"},
		{"regulation name too long", func(r *AnnualReview) { r.Regulations[0].Name = long }, "Lover og forskrifter, rad 1: Lov eller forskrift", "høyst 200 tegn"},
		{"duplicate regulation", func(r *AnnualReview) { r.Regulations[1].Name = "arbeidsmiljøloven" }, FieldRegulations, "både i rad 1 og 2"},
		{"confirmed empty list", func(r *AnnualReview) { r.Regulations = nil }, FieldRegulationsConfirm, "Listen over lover og forskrifter er tom"},
		{"confirmed last year", func(r *AnnualReview) { r.RegulationsConfirmed = NewDate(2025, 12, 31) }, FieldRegulationsConfirm, "må være i 2026"},
		{"confirmed first day", func(r *AnnualReview) { r.RegulationsConfirmed = NewDate(2026, 1, 1) }, "", ""},
		{"confirmed today", func(r *AnnualReview) { r.RegulationsConfirmed = arToday }, "", ""},
		{"confirmed tomorrow", func(r *AnnualReview) { r.RegulationsConfirmed = arToday.AddDays(1) }, FieldRegulationsConfirm, "frem i tid"},
		{"free goal without text", func(r *AnnualReview) { r.Goals[1].Goal = "" }, "Mål for HMS-arbeidet, mål 2: Mål", "mål 2: Mål må fylles ut"},
		{"free goal without measure", func(r *AnnualReview) { r.Goals[1].Measure = "" }, "Mål for HMS-arbeidet, mål 2: Hvordan måles det", "må fylles ut"},
		{"unknown result", func(r *AnnualReview) { r.Goals[1].Result = "kanskje" }, "Mål for HMS-arbeidet, mål 2: Resultat", "velg resultat"},
		{"unknown goal kind", func(r *AnnualReview) { r.Goals[1].Kind = "annet" }, FieldGoals, "ukjent type"},
		{"two sick-leave goals", func(r *AnnualReview) { r.Goals = append(r.Goals, r.Goals[0]) }, FieldSickLeaveGoal, "bare stå én gang"},
		{"sick-leave target zero", func(r *AnnualReview) { r.Goals[0].Target = 0 }, FieldSickLeaveGoal, "over 0"},
		{"sick-leave target 100", func(r *AnnualReview) { r.Goals[0].Target = 10000 }, "", ""},
		{"sick-leave target above 100", func(r *AnnualReview) { r.Goals[0].Target = 10001 }, FieldSickLeaveGoal, "høyst 100"},
		{"national ID in evaluation", func(r *AnnualReview) { r.Evaluation = "Gjelder " + testNID() }, FieldEvaluation, "fødselsnummer"},
		{"national ID in goal comment", func(r *AnnualReview) { r.Goals[1].Comment = testNID() }, "Mål for HMS-arbeidet, mål 2: Kommentar til målet", "fødselsnummer"},
		{"national ID in leader comment", func(r *AnnualReview) { r.LeaderComment = testNID() }, FieldLeaderComment, "fødselsnummer"},
		{"national ID in course", func(r *AnnualReview) { r.Trainings[0].Course = testNID() }, "Opplæring i HMS, rad 1: Kurs", "fødselsnummer"},
		{"evaluation too long", func(r *AnnualReview) { r.Evaluation = strings.Repeat("x", MaxEvaluationLen+1) }, FieldEvaluation, "høyst 6000 tegn"},
		{"evaluation at max", func(r *AnnualReview) { r.Evaluation = strings.Repeat("x", MaxEvaluationLen) }, "", ""},
		{"verneombud comment too long", func(r *AnnualReview) { r.SafetyRepComment = strings.Repeat("x", MaxNoteLen+1) }, FieldSafetyRepComment, "høyst"},
		{"treated without case", func(r *AnnualReview) { r.CaseNumber = "" }, FieldCaseNumber, "Saksnummer må fylles ut"},
		{"case without treated", func(r *AnnualReview) { r.TreatedOn = Date{} }, FieldTreatedOn, "må fylles ut når saksnummer"},
		{"not treated", func(r *AnnualReview) { r.TreatedOn, r.CaseNumber = Date{}, "" }, "", ""},
		{"treated next year", func(r *AnnualReview) {
			r.Year, r.Regulations, r.RegulationsConfirmed, r.Goals, r.Trainings = 2025, nil, Date{}, nil, nil
		}, "", ""},
		{"treated before the year", func(r *AnnualReview) { r.TreatedOn = NewDate(2025, 12, 31) }, FieldTreatedOn, "før HMS-året 2026"},
		{"treated in the future", func(r *AnnualReview) { r.TreatedOn = arToday.AddDays(1) }, FieldTreatedOn, "frem i tid"},
		{"case number too long", func(r *AnnualReview) { r.CaseNumber = strings.Repeat("1", MaxCaseNumberLen+1) }, FieldCaseNumber, "høyst 30 tegn"},
		{"course without date", func(r *AnnualReview) { r.Trainings[0].Date = Date{} }, "Opplæring i HMS, rad 1: Dato for kurset", "må fylles ut"},
		{"course last year", func(r *AnnualReview) { r.Trainings[0].Date = NewDate(2025, 12, 31) }, "Opplæring i HMS, rad 1: Dato for kurset", "må være i 2026"},
		{"course in the future", func(r *AnnualReview) { r.Trainings[0].Date = arToday.AddDays(1) }, "Opplæring i HMS, rad 1: Dato for kurset", "frem i tid"},
		{"course without participants", func(r *AnnualReview) { r.Trainings[0].Participants = 0 }, "Opplæring i HMS, rad 1: Antall deltakere", "fra 1 til"},
		{"course max participants", func(r *AnnualReview) { r.Trainings[0].Participants = MaxParticipantsCount }, "", ""},
		{"course too many participants", func(r *AnnualReview) { r.Trainings[0].Participants = MaxParticipantsCount + 1 }, "Opplæring i HMS, rad 1: Antall deltakere", "fra 1 til"},
		{"negative injuries", func(r *AnnualReview) { r.OccupationalInjuries = intp(-1) }, FieldInjuries, "fra 0 til"},
		{"injuries at max", func(r *AnnualReview) { r.OccupationalInjuries = intp(MaxAnnualCount) }, "", ""},
		{"whistleblowing above max", func(r *AnnualReview) { r.Whistleblowing = intp(MaxAnnualCount + 1) }, FieldWhistleblowing, "fra 0 til 10 000"},
		{"counts not recorded", func(r *AnnualReview) { r.OccupationalInjuries, r.Whistleblowing = nil, nil }, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := validReview()
			c.edit(&r)
			err := r.Normalized().Validate(arToday)
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			msg := fieldMsg(err, c.field)
			if !strings.Contains(msg, c.want) {
				t.Errorf("field %q: message %q, want %q (all: %v)", c.field, msg, c.want, err)
			}
		})
	}
}

func TestAnnualReviewNormalized(t *testing.T) {
	r := AnnualReview{
		Regulations: []Regulation{{" Arbeidsmiljøloven ", " Lovdata "}, {"", " "}},
		Goals:       []HMSGoal{{Goal: "  Færre  stikkskader ", Measure: "Antall avvik"}, {}, {Kind: GoalSickLeave, Target: 520, Goal: "x", Result: GoalReached}},
		Trainings:   []HMSCourse{{Course: " "}, {Course: " Kurs "}},
		CaseNumber:  " 12/26 ",
		Evaluation:  "  Bra år. \n",
	}.Normalized()
	if len(r.Regulations) != 1 || r.Regulations[0] != (Regulation{"Arbeidsmiljøloven", "Lovdata"}) {
		t.Errorf("regulations %+v", r.Regulations)
	}
	if len(r.Goals) != 2 || r.Goals[0].Goal != "Færre stikkskader" || r.Goals[1] != (HMSGoal{Kind: GoalSickLeave, Target: 520}) {
		t.Errorf("goals %+v", r.Goals)
	}
	if len(r.Trainings) != 1 || r.Trainings[0].Course != "Kurs" || r.CaseNumber != "12/26" || r.Evaluation != "Bra år." {
		t.Errorf("%+v", r)
	}
}

func TestGoalTexts(t *testing.T) {
	g := SickLeaveGoal(SickLeaveSettings{})
	if g.Target != DefaultSickLeaveSettings().Target {
		t.Errorf("zero settings give target %v", g.Target)
	}
	g = SickLeaveGoal(SickLeaveSettings{Target: 740, TwoQuarterThreshold: 800, OneQuarterThreshold: 1000})
	if g.Text() != "Sykefraværet er høyst 7,4 % (enhetens mål)" || !strings.Contains(g.MeasuredBy(), "kvartalstall") {
		t.Errorf("%q / %q", g.Text(), g.MeasuredBy())
	}
	free := HMSGoal{Goal: "A", Measure: "B"}
	if free.Text() != "A" || free.MeasuredBy() != "B" {
		t.Error(free)
	}
	for _, r := range GoalResults() {
		if back, ok := GoalResultFromLabel(r.Label()); !ok || back != r {
			t.Errorf("label round trip %q", r)
		}
	}
}

func TestSickLeaveGoalResult(t *testing.T) {
	q := func(n int, p Percent) SickLeaveQuarter {
		return SickLeaveQuarter{Quarter: Quarter{Year: 2025, Q: n}, Total: p}
	}
	all := func(a, b, c, d Percent) []SickLeaveQuarter {
		return []SickLeaveQuarter{q(1, a), q(2, b), q(3, c), q(4, d)}
	}
	cases := []struct {
		name    string
		target  Percent
		qs      []SickLeaveQuarter
		missing int
		over    bool
		want    GoalResult
		basis   string
	}{
		{"no quarters", 520, nil, 4, true, GoalNotAssessed, "ingen kvartalstall"},
		{"exactly at target", 520, all(500, 540, 520, 520), 0, true, GoalReached, "snitt 5,2 % av 4 kvartaler, mål 5,2 %"},
		{"one hundredth above", 520, all(521, 521, 521, 521), 0, true, GoalNotReached, "av 4 kvartaler,"},
		{"below", 740, all(700, 600, 650, 710), 0, true, GoalReached, "4 kvartaler"},
		{"started mid-year, its two quarters in", 520, []SickLeaveQuarter{q(3, 400), q(4, 450)}, 0, true, GoalReached, "av 2 kvartaler"},
		// The year is running: below the target so far is not «Nådd»,
		// above it is not «Ikke nådd»; the basis says it is so far.
		{"year running, below so far", 740, []SickLeaveQuarter{q(1, 600), q(2, 650), q(3, 700)}, 1, false, GoalNotAssessed,
			"året er ikke over: foreløpig snitt"},
		{"year running, above so far", 520, []SickLeaveQuarter{q(1, 1050)}, 3, false, GoalNotAssessed, "foreløpig snitt 10,5 % av 1 kvartal"},
		{"year over, one quarter missing", 520, []SickLeaveQuarter{q(1, 400), q(2, 400), q(3, 400)}, 1, true, GoalNotAssessed,
			"tall mangler for 1 kvartal: snitt 4,0 % av 3 kvartaler"},
	}
	for _, c := range cases {
		got, basis := SickLeaveGoalResult(c.target, c.qs, c.missing, c.over)
		if got != c.want || !strings.Contains(basis, c.basis) {
			t.Errorf("%s: %q %q, want %q %q", c.name, got, basis, c.want, c.basis)
		}
	}
}

func TestSickLeaveQuartersMissing(t *testing.T) {
	q := func(y, n int) SickLeaveQuarter { return SickLeaveQuarter{Quarter: Quarter{Year: y, Q: n}} }
	cases := []struct {
		name  string
		qs    []SickLeaveQuarter
		start Date
		want  int
	}{
		{"all four", []SickLeaveQuarter{q(2025, 1), q(2025, 2), q(2025, 3), q(2025, 4)}, NewDate(2020, 1, 1), 0},
		{"none", nil, Date{}, 4},
		{"one of four", []SickLeaveQuarter{q(2025, 2), q(2024, 1)}, NewDate(2020, 1, 1), 3},
		{"started 01.07, both quarters after", []SickLeaveQuarter{q(2025, 3), q(2025, 4)}, NewDate(2025, 7, 1), 0},
		{"started 15.08, the part quarter not asked for", []SickLeaveQuarter{q(2025, 4)}, NewDate(2025, 8, 15), 0},
		{"started 15.08, Q4 missing", []SickLeaveQuarter{q(2025, 3)}, NewDate(2025, 8, 15), 1},
		{"started 01.01 of the year", nil, NewDate(2025, 1, 1), 4},
	}
	for _, c := range cases {
		if got := SickLeaveQuartersMissing(c.qs, 2025, c.start); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestDefaultRegulations(t *testing.T) {
	common := len(DefaultRegulations(SectorKontor))
	if common != 5 || len(DefaultRegulations(SectorAnnet)) != 5 {
		t.Fatalf("common list %d", common)
	}
	cases := map[Sector]string{
		SectorBarnehage:        "Barnehageloven",
		SectorSkole:            "Forskrift om miljørettet helsevern i barnehager og skoler",
		SectorSykehjem:         "kvalitetsforskriften",
		SectorHjemmetjeneste:   "Helse- og omsorgstjenesteloven",
		SectorHelseOmsorgAnnet: "Helse- og omsorgstjenesteloven",
		SectorTekniskDrift:     "elektriske anlegg",
	}
	for s, want := range cases {
		regs := DefaultRegulations(s)
		var names []string
		for _, r := range regs {
			names = append(names, r.Name)
		}
		all := strings.Join(names, "|")
		if len(regs) <= common || !strings.Contains(all, want) || !strings.Contains(all, "kap. 3A om vold og trusler (tidligere kap. 23A)") {
			t.Errorf("%s: %s", s, all)
		}
		rv := AnnualReview{Year: 2026, Regulations: regs, RegulationsConfirmed: arToday}
		if err := rv.Validate(arToday); err != nil {
			t.Errorf("%s: default list refused: %v", s, err)
		}
	}
}

func TestReviewFiguresFor(t *testing.T) {
	base := func() AnnualData {
		r := validReview()
		var qs []SickLeaveQuarter
		for q := 1; q <= 4; q++ {
			qs = append(qs, SickLeaveQuarter{Quarter: Quarter{Year: 2026, Q: q}, Total: 500})
		}
		return AnnualData{Year: 2026, Today: NewDate(2027, 1, 15), Review: &r,
			SickLeave: append(qs, SickLeaveQuarter{Quarter: Quarter{Year: 2025, Q: 4}, Total: 900})}
	}
	f := ReviewFiguresFor(base())
	if !f.Recorded || f.Regulations != 7 || !f.RegulationsDocumented() || !f.GoalsSet() || !f.Treated() || f.CaseNumber != "12/26" ||
		f.Courses != 1 || f.Participants != 14 || *f.OccupationalInjuries != 1 || *f.Whistleblowing != 0 || !f.HasEvaluation {
		t.Errorf("%+v", f)
	}
	// The sick-leave goal's result comes from the year's quarters only
	// (5,0 % against 6,0 %), not from 2025's.
	if g := f.Goals[0]; g.Result != GoalReached || !strings.Contains(g.Basis, "snitt 5,0 % av 4 kvartaler") || g.Text != "Sykefraværet er høyst 6,0 % (enhetens mål)" {
		t.Errorf("sick-leave goal %+v", g)
	}
	if g := f.Goals[1]; g.Result != GoalPartly || g.Basis != "" || g.Comment != "3 av 4" {
		t.Errorf("free goal %+v", g)
	}
	if n := f.Results(); n[GoalReached] != 1 || n[GoalPartly] != 1 {
		t.Errorf("results %v", n)
	}

	cases := []struct {
		name  string
		edit  func(d *AnnualData)
		check func(f ReviewFigures) bool
	}{
		{"none recorded", func(d *AnnualData) { d.Review = nil }, func(f ReviewFigures) bool {
			return !f.Recorded && !f.RegulationsDocumented() && !f.GoalsSet() && !f.Treated() && f.OccupationalInjuries == nil
		}},
		{"another year's review", func(d *AnnualData) { d.Year = 2025 }, func(f ReviewFigures) bool { return !f.Recorded }},
		{"not confirmed", func(d *AnnualData) { d.Review.RegulationsConfirmed = Date{} }, func(f ReviewFigures) bool {
			return f.Regulations == 7 && !f.RegulationsDocumented()
		}},
		// A report made with an earlier status date does not count what
		// happened after it.
		{"confirmed after the status date", func(d *AnnualData) { d.Today = NewDate(2026, 2, 9) }, func(f ReviewFigures) bool {
			return !f.RegulationsDocumented() && f.Courses == 0 && !f.Treated()
		}},
		{"confirmed on the status date", func(d *AnnualData) { d.Today = NewDate(2026, 2, 10) }, func(f ReviewFigures) bool {
			return f.RegulationsDocumented()
		}},
		{"confirmed in another year", func(d *AnnualData) { d.Review.RegulationsConfirmed = NewDate(2025, 6, 1) }, func(f ReviewFigures) bool {
			return !f.RegulationsDocumented()
		}},
		{"course outside the year", func(d *AnnualData) { d.Review.Trainings[0].Date = NewDate(2027, 1, 2); d.Today = NewDate(2027, 2, 1) }, func(f ReviewFigures) bool {
			return f.Courses == 0 && f.Participants == 0
		}},
		{"no goals", func(d *AnnualData) { d.Review.Goals = nil }, func(f ReviewFigures) bool { return !f.GoalsSet() }},
		{"sick leave above target", func(d *AnnualData) {
			for i := range 4 {
				d.SickLeave[i].Total = 601
			}
		}, func(f ReviewFigures) bool {
			return f.Goals[0].Result == GoalNotReached
		}},
		// While the year runs the goal is not judged, whichever side of
		// the target the average is on so far.
		{"year running", func(d *AnnualData) { d.Today = arToday }, func(f ReviewFigures) bool {
			return f.Goals[0].Result == GoalNotAssessed && strings.HasPrefix(f.Goals[0].Basis, "året er ikke over: foreløpig snitt 5,0 %")
		}},
		{"year over, Q4 missing", func(d *AnnualData) { d.SickLeave = d.SickLeave[:3] }, func(f ReviewFigures) bool {
			return f.Goals[0].Result == GoalNotAssessed && strings.HasPrefix(f.Goals[0].Basis, "tall mangler for 1 kvartal")
		}},
		{"started 01.07, its two quarters in", func(d *AnnualData) {
			d.SickLeave, d.Unit.Start = d.SickLeave[2:4], NewDate(2026, 7, 1)
		}, func(f ReviewFigures) bool {
			return f.Goals[0].Result == GoalReached && strings.Contains(f.Goals[0].Basis, "av 2 kvartaler")
		}},
		{"no sick-leave quarters", func(d *AnnualData) { d.SickLeave = nil }, func(f ReviewFigures) bool {
			return f.Goals[0].Result == GoalNotAssessed
		}},
		{"blank evaluation", func(d *AnnualData) { d.Review.Evaluation = " \n" }, func(f ReviewFigures) bool { return !f.HasEvaluation }},
	}
	for _, c := range cases {
		d := base()
		c.edit(&d)
		if f := ReviewFiguresFor(d); !c.check(f) {
			t.Errorf("%s: %+v", c.name, f)
		}
	}
}

// The checklist documents point 1 only with a list confirmed for the
// year, point 4 with goals, point 2 also with courses; letters f and g are
// rows of their own and point 7 is letter e alone.
func TestChecklistWithReview(t *testing.T) {
	d := testAnnual()
	r := validReview()
	d.Review = &r
	f := ComputeAnnualFigures(d)
	cl := InternalControlChecklist(f)
	if len(cl) != 8 {
		t.Fatal(len(cl))
	}
	if !cl[0].Documented() || !strings.Contains(cl[0].Where[0], "Lover og forskrifter (7, bekreftet 10.02.2026)") {
		t.Errorf("point 1: %+v", cl[0])
	}
	if !cl[1].Documented() || !strings.Contains(strings.Join(cl[1].Where, ";"), "Opplæring, yrkesskader og varsling (1 kurs)") {
		t.Errorf("point 2: %+v", cl[1])
	}
	if !cl[3].Documented() || cl[3].Where[0] != "Mål for HMS-arbeidet (2 mål)" {
		t.Errorf("point 4: %+v", cl[3])
	}
	if cl[6].AML != "e" || cl[3].AML != "a" {
		t.Errorf("point 7 AML %q, point 4 %q", cl[6].AML, cl[3].AML)
	}
	if !strings.Contains(strings.Join(cl[7].Where, ";"), SectionEvaluation) {
		t.Errorf("point 8: %+v", cl[7])
	}

	r.RegulationsConfirmed = Date{}
	r.Goals = nil
	r.Evaluation = ""
	cl = InternalControlChecklist(ComputeAnnualFigures(d))
	if cl[0].Documented() || !strings.Contains(cl[0].Missing, "ikke bekreftet av utvalget for 2026") {
		t.Errorf("point 1 unconfirmed: %+v", cl[0])
	}
	if cl[3].Documented() || !strings.Contains(cl[3].Missing, "ingen mål for HMS-arbeidet registrert for 2026") {
		t.Errorf("point 4 without goals: %+v", cl[3])
	}
	if strings.Contains(strings.Join(cl[7].Where, ";"), SectionEvaluation) || !cl[7].Documented() {
		t.Errorf("point 8 without evaluation: %+v", cl[7])
	}
	d.Review = nil
	cl = InternalControlChecklist(ComputeAnnualFigures(d))
	if !strings.Contains(cl[0].Missing, "ingen lover og forskrifter registrert for 2026") {
		t.Errorf("point 1 without review: %+v", cl[0])
	}
}

func TestAMLOwnDuties(t *testing.T) {
	d := testAnnual()
	rows := AMLOwnDuties(ComputeAnnualFigures(d))
	if len(rows) != 2 || rows[0].Letter != "f" || rows[1].Letter != "g" || rows[0].Point != 0 {
		t.Fatalf("%+v", rows)
	}
	for _, p := range rows {
		if p.Documented() || !strings.HasPrefix(p.Missing, "Mangler") {
			t.Errorf("%s without modules: %+v", p.Letter, p)
		}
	}
	// Sick leave in use with quarters documents f; a sick-leave goal adds
	// the goals section; safety rounds held document g.
	d.InUse = map[string]bool{ModuleSykefravar: true, ModuleVernerunder: true}
	d.SickLeave = []SickLeaveQuarter{{Quarter: Quarter{Year: 2026, Q: 2}, Total: 400}}
	d.SafetyRounds = []SafetyRound{{Date: NewDate(2026, 5, 5), Status: RoundCompleted}}
	r := AnnualReview{Year: 2026, Goals: []HMSGoal{SickLeaveGoal(SickLeaveSettings{})}}
	d.Review = &r
	rows = AMLOwnDuties(ComputeAnnualFigures(d))
	if got := strings.Join(rows[0].Where, "; "); got != "Sykefravær; Mål for HMS-arbeidet (sykefraværsmål)" {
		t.Errorf("f: %q", got)
	}
	if got := strings.Join(rows[1].Where, "; "); got != "Vernerunder" || rows[1].Missing != "" {
		t.Errorf("g: %q", got)
	}
	// A round after the status date is not held: g is missing again.
	d.Today = NewDate(2026, 5, 4)
	rows = AMLOwnDuties(ComputeAnnualFigures(d))
	if rows[1].Documented() || !strings.Contains(rows[1].Missing, "Mangler") {
		t.Errorf("g before the round: %+v", rows[1])
	}
}

// The sick-leave goal says whose target it is: the owner stored with the
// goal, or for a goal saved before that, the settings' owner when the
// goal was made from the settings' target.
func TestSickLeaveGoalOwner(t *testing.T) {
	municipal := SickLeaveSettings{Target: 740, TargetSetBy: TargetByMunicipality}
	tests := []struct {
		name string
		g    HMSGoal
		s    SickLeaveSettings
		want string
	}{
		{"made from municipal settings", SickLeaveGoal(municipal), SickLeaveSettings{}, "Sykefraværet er høyst 7,4 % (kommunens mål)"},
		{"made from the unit's settings", SickLeaveGoal(SickLeaveSettings{Target: 600, TargetSetBy: TargetByUnit}), municipal, "Sykefraværet er høyst 6,0 % (enhetens mål)"},
		{"old goal, same target as municipal settings", HMSGoal{Kind: GoalSickLeave, Target: 740}, municipal, "Sykefraværet er høyst 7,4 % (kommunens mål)"},
		{"old goal, another target", HMSGoal{Kind: GoalSickLeave, Target: 600}, municipal, "Sykefraværet er høyst 6,0 % (enhetens mål)"},
		{"stored owner wins", HMSGoal{Kind: GoalSickLeave, Target: 740, TargetSetBy: TargetByUnit}, municipal, "Sykefraværet er høyst 7,4 % (enhetens mål)"},
		{"free goal untouched", HMSGoal{Kind: GoalFree, Goal: "Færre stikkskader"}, municipal, "Færre stikkskader"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.g.WithOwnerFrom(tt.s).Text(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSickLeaveTargetOfTheYear: the example target of a unit that never
// saved its settings is nobody's; a goal the committee set in the year's
// review is the year's target, with its owner; saved settings stand.
func TestSickLeaveTargetOfTheYear(t *testing.T) {
	goal := func(target Percent, by TargetOwner) *AnnualReview {
		return &AnnualReview{Year: 2025, Goals: []HMSGoal{{Kind: GoalSickLeave, Target: target, TargetSetBy: by}}}
	}
	unit := SickLeaveSettings{Target: 600, TargetSetBy: TargetByUnit, TwoQuarterThreshold: 700, OneQuarterThreshold: 1000}
	cases := []struct {
		name     string
		settings SickLeaveSettings
		review   *AnnualReview
		target   Percent
		set      bool
		named    string
	}{
		{"never saved, no review", SickLeaveSettings{}, nil, 520, false, "eksempelmål"},
		{"never saved, goal in the review", SickLeaveSettings{}, goal(520, ""), 520, true, "enhetens mål"},
		{"never saved, the municipality's goal", SickLeaveSettings{}, goal(740, TargetByMunicipality), 740, true, "kommunens mål"},
		{"never saved, another year's goal", SickLeaveSettings{}, &AnnualReview{Year: 2024, Goals: goal(480, "").Goals}, 520, false, "eksempelmål"},
		{"saved settings stand", unit, goal(740, TargetByMunicipality), 600, true, "enhetens mål"},
	}
	for _, c := range cases {
		d := AnnualData{Year: 2025, SickLeaveSettings: c.settings, Review: c.review}
		s := d.SickLeaveTarget()
		if s.Target != c.target || s.TargetIsSet() != c.set || s.TargetName() != c.named {
			t.Errorf("%s: %+v, set %v, named %q", c.name, s, s.TargetIsSet(), s.TargetName())
		}
	}
}
