package model

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

var (
	matrix5 = DefaultRiskMatrix()
	matrix4 = DefaultRiskMatrixFor(4)
)

func TestRiskMatrixDefaults(t *testing.T) {
	if matrix5 != (RiskMatrix{Size: 5, LowMax: 4, MediumMax: 9}) || DefaultRiskMatrixFor(5) != matrix5 || DefaultRiskMatrixFor(7) != matrix5 {
		t.Errorf("5×5 default: %+v", matrix5)
	}
	if matrix4 != (RiskMatrix{Size: 4, LowMax: 3, MediumMax: 7}) {
		t.Errorf("4×4 default: %+v", matrix4)
	}
	if !slices.Equal(RiskMatrixSizes(), []int{5, 4}) {
		t.Error("RiskMatrixSizes")
	}
	for _, m := range []RiskMatrix{matrix5, matrix4} {
		if err := m.Validate(); err != nil {
			t.Errorf("%+v: %v", m, err)
		}
	}
}

func TestRiskLevel(t *testing.T) {
	custom := RiskMatrix{Size: 5, LowMax: 2, MediumMax: 12}
	tests := []struct {
		name string
		m    RiskMatrix
		p, c int
		want RiskLevel
	}{
		{"5×5 lowest", matrix5, 1, 1, RiskLow},
		{"5×5 4 = 1×4", matrix5, 1, 4, RiskLow},
		{"5×5 4 = 2×2", matrix5, 2, 2, RiskLow},
		{"5×5 4 = 4×1", matrix5, 4, 1, RiskLow},
		{"5×5 5 = 1×5", matrix5, 1, 5, RiskMedium},
		{"5×5 5 = 5×1", matrix5, 5, 1, RiskMedium},
		{"5×5 6", matrix5, 2, 3, RiskMedium},
		{"5×5 9 = 3×3", matrix5, 3, 3, RiskMedium},
		{"5×5 10 = 2×5", matrix5, 2, 5, RiskHigh},
		{"5×5 10 = 5×2", matrix5, 5, 2, RiskHigh},
		{"5×5 highest", matrix5, 5, 5, RiskHigh},
		{"4×4 3", matrix4, 1, 3, RiskLow},
		{"4×4 4 = 2×2", matrix4, 2, 2, RiskMedium},
		{"4×4 6", matrix4, 2, 3, RiskMedium},
		{"4×4 8", matrix4, 2, 4, RiskHigh},
		{"4×4 9", matrix4, 3, 3, RiskHigh},
		{"4×4 16", matrix4, 4, 4, RiskHigh},
		{"4×4 P=5 out of range", matrix4, 5, 1, ""},
		{"custom 2", custom, 1, 2, RiskLow},
		{"custom 3", custom, 1, 3, RiskMedium},
		{"custom 12", custom, 3, 4, RiskMedium},
		{"custom 15", custom, 3, 5, RiskHigh},
		{"P=0", matrix5, 0, 3, ""},
		{"C=0", matrix5, 3, 0, ""},
		{"P=6", matrix5, 6, 1, ""},
		{"C=6", matrix5, 1, 6, ""},
		{"negative", matrix5, -1, -1, ""},
		{"zero matrix = default, 4", RiskMatrix{}, 2, 2, RiskLow},
		{"zero matrix = default, 10", RiskMatrix{}, 2, 5, RiskHigh},
	}
	for _, tt := range tests {
		if got := tt.m.Level(tt.p, tt.c); got != tt.want {
			t.Errorf("%s: Level(%d, %d) = %q, want %q", tt.name, tt.p, tt.c, got, tt.want)
		}
		wantScore := tt.p * tt.c
		if tt.want == "" {
			wantScore = 0
		}
		if got := tt.m.Score(tt.p, tt.c); got != wantScore {
			t.Errorf("%s: Score = %d", tt.name, got)
		}
	}
	// LevelOfScore at every score of 4×4, including scores no cell has.
	for score, want := range map[int]RiskLevel{0: "", 1: RiskLow, 3: RiskLow, 4: RiskMedium, 7: RiskMedium, 8: RiskHigh, 16: RiskHigh} {
		if got := matrix4.LevelOfScore(score); got != want {
			t.Errorf("4×4 LevelOfScore(%d) = %q", score, got)
		}
	}
}

func TestRiskLevelLetterGuidance(t *testing.T) {
	for l, letter := range map[RiskLevel]string{RiskLow: "L", RiskMedium: "M", RiskHigh: "H"} {
		if l.Letter() != letter || l.Guidance() == "" {
			t.Errorf("%s: %q %q", l, l.Letter(), l.Guidance())
		}
		if got, ok := RiskLevelFromLabel(strings.ToLower(letter)); !ok || got != l {
			t.Errorf("RiskLevelFromLabel(%q) = %q", letter, got)
		}
	}
	if RiskLevel("").Letter() != "" || RiskLevel("").Guidance() != "" {
		t.Error("unknown level")
	}
}

func TestRiskMatrixValidate(t *testing.T) {
	tests := []struct {
		m     RiskMatrix
		field string // "" = valid
		msg   string
	}{
		{RiskMatrix{5, 1, 2}, "", ""},
		{RiskMatrix{5, 23, 24}, "", ""},
		{RiskMatrix{4, 1, 15}, "", ""},
		{RiskMatrix{4, 14, 15}, "", ""},
		{RiskMatrix{}, FieldMatrixSize, "Matrisestørrelse må være 4 (4×4) eller 5 (5×5)"},
		{RiskMatrix{3, 2, 5}, FieldMatrixSize, "Matrisestørrelse må være"},
		{RiskMatrix{6, 4, 9}, FieldMatrixSize, "Matrisestørrelse må være"},
		{RiskMatrix{5, 0, 9}, FieldLowMax, "Øvre grense for lav risiko må være et tall fra 1 til 23"},
		{RiskMatrix{5, -3, 9}, FieldLowMax, "fra 1 til 23"},
		{RiskMatrix{5, 24, 24}, FieldLowMax, "fra 1 til 23"},
		{RiskMatrix{4, 15, 15}, FieldLowMax, "Øvre grense for lav risiko må være et tall fra 1 til 14"},
		{RiskMatrix{5, 4, 4}, FieldMediumMax, "Øvre grense for middels risiko må være et tall fra 5 til 24"},
		{RiskMatrix{5, 9, 4}, FieldMediumMax, "fra 10 til 24"},
		{RiskMatrix{5, 4, 25}, FieldMediumMax, "fra 5 til 24"},
		{RiskMatrix{4, 3, 16}, FieldMediumMax, "Øvre grense for middels risiko må være et tall fra 4 til 15"},
		{RiskMatrix{5, 0, 0}, FieldMediumMax, "fra 2 til 24"},
	}
	for _, tt := range tests {
		err := tt.m.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.m, err)
			}
			continue
		}
		if msg := fieldMsg(err, tt.field); !strings.Contains(msg, tt.msg) {
			t.Errorf("%+v: For(%q) = %q, want %q (all: %v)", tt.m, tt.field, msg, tt.msg, err)
		}
	}
}

func TestRiskMatrixDescribeRange(t *testing.T) {
	tests := map[RiskMatrix]string{
		matrix5:                             "Lav 1–4, middels 5–9, høy 10–25 (5×5)",
		matrix4:                             "Lav 1–3, middels 4–7, høy 8–16 (4×4)",
		{Size: 5, LowMax: 2, MediumMax: 12}: "Lav 1–2, middels 3–12, høy 13–25 (5×5)",
		{}:                                  "Lav 1–4, middels 5–9, høy 10–25 (5×5)",
	}
	for m, want := range tests {
		if got := m.Describe(); got != want {
			t.Errorf("%+v: %q, want %q", m, got, want)
		}
	}
	if lo, hi := matrix5.Range("x"); lo != 0 || hi != 0 {
		t.Error("Range of unknown level")
	}
}

func TestScaleWording(t *testing.T) {
	p5 := []string{"Svært lite sannsynlig – sjeldnere enn hvert 10. år", "Lite sannsynlig – hvert 5.–10. år",
		"Mulig – hvert 1.–5. år", "Sannsynlig – månedlig til årlig", "Svært sannsynlig – månedlig eller oftere"}
	c5 := []string{"Ubetydelig", "Mindre alvorlig – førstehjelp, kortvarig belastning",
		"Alvorlig – skade eller belastning med fravær", "Svært alvorlig – varig skade eller langvarig sykdom",
		"Kritisk – død eller livstruende"}
	p4 := []string{"Svært sjelden", "Sjelden", "Ofte", "Svært ofte"}
	c4 := []string{"Ubetydelig", "Mindre alvorlig", "Alvorlig", "Svært alvorlig"}
	for i := range 5 {
		if got := ProbabilityDescription(5, i+1); got != p5[i] {
			t.Errorf("P%d: %q", i+1, got)
		}
		if got := ConsequenceDescription(5, i+1); got != c5[i] {
			t.Errorf("K%d: %q", i+1, got)
		}
		if ProbabilityLabel(5, i+1) != strings.Split(p5[i], " – ")[0] || ConsequenceLabel(5, i+1) != strings.Split(c5[i], " – ")[0] {
			t.Errorf("labels %d: %q %q", i+1, ProbabilityLabel(5, i+1), ConsequenceLabel(5, i+1))
		}
	}
	for i := range 4 {
		if ProbabilityLabel(4, i+1) != p4[i] || ProbabilityDescription(4, i+1) != p4[i] ||
			ConsequenceLabel(4, i+1) != c4[i] || ConsequenceDescription(4, i+1) != c4[i] {
			t.Errorf("4-level %d", i+1)
		}
	}
	for _, c := range [][2]int{{5, 0}, {5, 6}, {4, 5}, {4, 0}, {3, 1}, {0, 1}} {
		if ProbabilityLabel(c[0], c[1]) != "" || ConsequenceLabel(c[0], c[1]) != "" ||
			ProbabilityDescription(c[0], c[1]) != "" || ConsequenceDescription(c[0], c[1]) != "" {
			t.Errorf("size %d value %d must give \"\"", c[0], c[1])
		}
	}
}

var riskToday = d("15.03.2026")

func validAssessment() RiskAssessment {
	return RiskAssessment{
		ID:           2,
		Title:        "Forflytning av beboere",
		Area:         "Avdeling Solsiden, stell og forflytning",
		Kind:         KindOrdinary,
		Date:         d("10.03.2026"),
		Participants: []string{"Kari Nordmann (enhetsleder)", "Verneombud", "To fagarbeidere"},
		Status:       AssessmentDone,
		NextReview:   d("10.03.2027"),
	}
}

func TestRiskAssessmentValidate(t *testing.T) {
	if err := validAssessment().Validate(riskToday); err != nil {
		t.Fatal(err)
	}
	draft := RiskAssessment{Title: "Planlagt vurdering", Kind: KindChangeProcess, Date: d("01.05.2026"), Status: AssessmentDraft}
	if err := draft.Validate(riskToday); err != nil {
		t.Errorf("a draft needs no participants or review date, and may be dated ahead: %v", err)
	}
	fnr := genNID(t, 1, 2, 90, 111)
	tests := []struct {
		name   string
		modify func(*RiskAssessment)
		field  string
		msg    string
	}{
		{"no title", func(a *RiskAssessment) { a.Title = "" }, FieldTitle, "Tittel må fylles ut"},
		{"long title", func(a *RiskAssessment) { a.Title = strings.Repeat("x", 201) }, FieldTitle, "høyst 200 tegn"},
		{"ID in title", func(a *RiskAssessment) { a.Title = "Gravid " + fnr }, FieldTitle, "ser ut til å inneholde"},
		{"ID in area", func(a *RiskAssessment) { a.Area = fnr }, FieldArea, "ser ut til å inneholde"},
		{"ID in notes", func(a *RiskAssessment) { a.Notes = "Se " + fnr }, FieldNotes, "ser ut til å inneholde"},
		{"ID in participant", func(a *RiskAssessment) { a.Participants = []string{"Kari " + fnr} }, FieldParticipants, "ser ut til å inneholde"},
		{"no kind", func(a *RiskAssessment) { a.Kind = "" }, FieldAssessmentKind, "Velg type vurdering"},
		{"bad status", func(a *RiskAssessment) { a.Status = "arkivert" }, FieldStatus, "Velg status"},
		{"no date", func(a *RiskAssessment) { a.Date = Date{} }, FieldAssessmentDate, "Dato må fylles ut"},
		{"done in future", func(a *RiskAssessment) { a.Date = riskToday.AddDays(1); a.NextReview = d("01.01.2027") }, FieldAssessmentDate, "Dato kan ikke være frem i tid"},
		{"review before date", func(a *RiskAssessment) { a.NextReview = d("09.03.2026") }, FieldNextReview, "Neste revisjon kan ikke være før datoen"},
		{"done without review", func(a *RiskAssessment) { a.NextReview = Date{} }, FieldNextReview, "Neste revisjon må fylles ut"},
		{"done without participants", func(a *RiskAssessment) { a.Participants = nil }, FieldParticipants, "Deltakere må fylles ut"},
		{"blank participant", func(a *RiskAssessment) { a.Participants = []string{"Kari", "  "} }, FieldParticipants, "Deltaker nr. 2 mangler navn"},
		{"only blank participants", func(a *RiskAssessment) { a.Participants = []string{" "} }, FieldParticipants, "Deltaker nr. 1 mangler navn"},
		{"long participant", func(a *RiskAssessment) { a.Participants = []string{strings.Repeat("p", 201)} }, FieldParticipants, "har for langt navn"},
		{"long notes", func(a *RiskAssessment) { a.Notes = strings.Repeat("n", 4001) }, FieldNotes, "Merknader kan ha høyst 4000 tegn"},
		{"bad matrix", func(a *RiskAssessment) { a.Matrix = RiskMatrix{Size: 3} }, FieldMatrixSize, "Risikomatrisen for vurderingen er ugyldig"},
	}
	for _, tt := range tests {
		a := validAssessment()
		tt.modify(&a)
		if msg := fieldMsg(a.Validate(riskToday), tt.field); !strings.Contains(msg, tt.msg) {
			t.Errorf("%s: For(%q) = %q, want %q", tt.name, tt.field, msg, tt.msg)
		}
	}
	// Review on the assessment date is allowed.
	a := validAssessment()
	a.NextReview = a.Date
	if err := a.Validate(riskToday); err != nil {
		t.Errorf("review same day: %v", err)
	}
}

func TestReviewDue(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*RiskAssessment)
		want   bool
	}{
		{"yesterday", func(a *RiskAssessment) { a.NextReview = riskToday.AddDays(-1) }, true},
		{"a year ago", func(a *RiskAssessment) { a.NextReview = riskToday.AddDays(-365) }, true},
		{"today", func(a *RiskAssessment) { a.NextReview = riskToday }, false},
		{"tomorrow", func(a *RiskAssessment) { a.NextReview = riskToday.AddDays(1) }, false},
		{"no review date", func(a *RiskAssessment) { a.NextReview = Date{} }, false},
		{"superseded", func(a *RiskAssessment) { a.NextReview = riskToday.AddDays(-1); a.SupersededBy = 9 }, false},
		{"draft", func(a *RiskAssessment) { a.NextReview = riskToday.AddDays(-1); a.Status = AssessmentDraft }, false},
		{"in progress", func(a *RiskAssessment) { a.NextReview = riskToday.AddDays(-1); a.Status = AssessmentInProgress }, false},
	}
	for _, tt := range tests {
		a := validAssessment()
		tt.modify(&a)
		if got := a.ReviewDue(riskToday); got != tt.want {
			t.Errorf("%s: ReviewDue = %v", tt.name, got)
		}
	}
	if !validAssessment().Current() {
		t.Error("Current")
	}
}

func validItem() RiskItem {
	return RiskItem{
		ID: 11, AssessmentID: 2, Hazard: "Tunge løft", Event: "Ryggskade ved forflytning",
		Category: CategoryErgonomics, Exposed: "Fagarbeidere på dagvakt", ExistingMeasures: "Takheis på to rom",
		Probability: 4, Consequence: 3,
	}
}

func TestRiskItemValidate(t *testing.T) {
	ok := validItem()
	if err := ok.Validate(matrix5); err != nil {
		t.Fatal(err)
	}
	ok.ResidualProbability, ok.ResidualConsequence = 2, 3
	if err := ok.Validate(matrix5); err != nil {
		t.Errorf("with residual: %v", err)
	}
	ok.Probability, ok.Consequence = 5, 5
	if err := ok.Validate(RiskMatrix{}); err != nil {
		t.Errorf("zero matrix means 5×5: %v", err)
	}
	fnr := genNID(t, 5, 5, 55, 10)
	tests := []struct {
		name   string
		m      RiskMatrix
		modify func(*RiskItem)
		field  string
		msg    string
	}{
		{"P=0", matrix5, func(i *RiskItem) { i.Probability = 0 }, FieldProbability, "Sannsynlighet må være et tall fra 1 til 5"},
		{"P=6", matrix5, func(i *RiskItem) { i.Probability = 6 }, FieldProbability, "Sannsynlighet må være et tall fra 1 til 5"},
		{"P=-1", matrix5, func(i *RiskItem) { i.Probability = -1 }, FieldProbability, "Sannsynlighet må være et tall fra 1 til 5"},
		{"C=0", matrix5, func(i *RiskItem) { i.Consequence = 0 }, FieldConsequence, "Konsekvens må være et tall fra 1 til 5"},
		{"C=6", matrix5, func(i *RiskItem) { i.Consequence = 6 }, FieldConsequence, "Konsekvens må være et tall fra 1 til 5"},
		{"4×4 P=5", matrix4, func(i *RiskItem) { i.Probability = 5 }, FieldProbability, "Sannsynlighet må være et tall fra 1 til 4"},
		{"4×4 C=5", matrix4, func(i *RiskItem) { i.Consequence = 5 }, FieldConsequence, "Konsekvens må være et tall fra 1 til 4"},
		{"residual P only", matrix5, func(i *RiskItem) { i.ResidualProbability = 2 }, FieldResidualConsequence,
			"Konsekvens etter tiltak må være et tall fra 1 til 5 (eller la begge feltene for risiko etter tiltak stå tomme)"},
		{"residual C only", matrix5, func(i *RiskItem) { i.ResidualConsequence = 2 }, FieldResidualProbability, "Sannsynlighet etter tiltak må være et tall fra 1 til 5"},
		{"residual P=6", matrix5, func(i *RiskItem) { i.ResidualProbability, i.ResidualConsequence = 6, 1 }, FieldResidualProbability, "fra 1 til 5"},
		{"residual C=6", matrix5, func(i *RiskItem) { i.ResidualProbability, i.ResidualConsequence = 1, 6 }, FieldResidualConsequence, "fra 1 til 5"},
		{"residual 4×4", matrix4, func(i *RiskItem) { i.ResidualProbability, i.ResidualConsequence = 5, 5 }, FieldResidualProbability, "fra 1 til 4"},
		{"no hazard", matrix5, func(i *RiskItem) { i.Hazard = " " }, FieldHazard, "Farekilde må fylles ut"},
		{"long hazard", matrix5, func(i *RiskItem) { i.Hazard = strings.Repeat("h", 201) }, FieldHazard, "Farekilde kan ha høyst 200 tegn"},
		{"no category", matrix5, func(i *RiskItem) { i.Category = "" }, FieldCategory, "Velg kategori"},
		{"bad category", matrix5, func(i *RiskItem) { i.Category = "Ergonomi" }, FieldCategory, "Velg kategori"},
		{"ID in hazard", matrix5, func(i *RiskItem) { i.Hazard = fnr }, FieldHazard, "ser ut til å inneholde"},
		{"ID in event", matrix5, func(i *RiskItem) { i.Event = fnr }, FieldEvent, "ser ut til å inneholde"},
		{"ID in exposed", matrix5, func(i *RiskItem) { i.Exposed = "Beboer " + fnr }, FieldExposed, "«Hvem er utsatt» ser ut til"},
		{"ID in existing", matrix5, func(i *RiskItem) { i.ExistingMeasures = fnr }, FieldExistingMeasures, "ser ut til å inneholde"},
	}
	for _, tt := range tests {
		i := validItem()
		tt.modify(&i)
		if msg := fieldMsg(i.Validate(tt.m), tt.field); !strings.Contains(msg, tt.msg) {
			t.Errorf("%s: For(%q) = %q, want %q", tt.name, tt.field, msg, tt.msg)
		}
	}
}

func TestRiskItemLevels(t *testing.T) {
	i := validItem() // 4 × 3 = 12
	if i.Score(matrix5) != 12 || i.Level(matrix5) != RiskHigh || i.Level(RiskMatrix{Size: 5, LowMax: 4, MediumMax: 12}) != RiskMedium {
		t.Error("Score/Level")
	}
	if l, ok := i.ResidualLevel(matrix5); ok || l != "" || i.HasResidual() {
		t.Error("unassessed residual")
	}
	i.ResidualProbability, i.ResidualConsequence = 2, 2
	if l, ok := i.ResidualLevel(matrix5); !ok || l != RiskLow || !i.HasResidual() {
		t.Errorf("residual: %q %v", l, ok)
	}
	i.ResidualConsequence = 0
	if _, ok := i.ResidualLevel(matrix5); ok {
		t.Error("half-filled residual has no level")
	}
	i.Probability = 6
	if i.Level(matrix5) != "" || i.Score(matrix5) != 0 {
		t.Error("invalid P has no level")
	}
}

func heatItems() []RiskItem {
	return []RiskItem{
		{ID: 1, Probability: 4, Consequence: 3, ResidualProbability: 2, ResidualConsequence: 3},
		{ID: 2, Probability: 4, Consequence: 3},
		{ID: 3, Probability: 1, Consequence: 1, ResidualProbability: 1, ResidualConsequence: 1},
		{ID: 4, Probability: 5, Consequence: 5, ResidualProbability: 2, ResidualConsequence: 3},
		{ID: 5, Probability: 6, Consequence: 1},                         // invalid: skipped
		{ID: 6, Probability: 0, Consequence: 0},                         // not scored: skipped
		{ID: 7, Probability: 2, Consequence: 5, ResidualProbability: 3}, // half residual: skipped there
	}
}

func TestMatrixCounts(t *testing.T) {
	items := heatItems()
	got := MatrixCounts(items, matrix5, false)
	want := [][]int{
		{1, 0, 0, 0, 0},
		{0, 0, 0, 0, 1},
		{0, 0, 0, 0, 0},
		{0, 0, 2, 0, 0},
		{0, 0, 0, 0, 1},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("initial: %v", got)
	}
	got = MatrixCounts(items, matrix5, true)
	want = [][]int{
		{1, 0, 0, 0, 0},
		{0, 0, 2, 0, 0},
		{0, 0, 0, 0, 0},
		{0, 0, 0, 0, 0},
		{0, 0, 0, 0, 0},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("residual: %v", got)
	}
	got = MatrixCounts(items, matrix4, false)
	if len(got) != 4 || len(got[0]) != 4 || got[3][2] != 2 || got[0][0] != 1 || got[1][3] != 0 {
		t.Errorf("4×4 (5×5 and 2×5 items skipped): %v", got)
	}
	if z := MatrixCounts(nil, RiskMatrix{}, false); len(z) != 5 || len(z[4]) != 5 {
		t.Error("zero matrix gives 5×5")
	}
}

func TestItemsInCell(t *testing.T) {
	items := heatItems()
	if got := ItemsInCell(items, 4, 3, false); len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Errorf("(4,3): %v", got)
	}
	if got := ItemsInCell(items, 2, 3, true); len(got) != 2 || got[0].ID != 1 || got[1].ID != 4 {
		t.Errorf("residual (2,3): %v", got)
	}
	if got := ItemsInCell(items, 3, 3, false); got != nil {
		t.Errorf("empty cell: %v", got)
	}
	if got := ItemsInCell(items, 0, 0, true); got != nil {
		t.Errorf("unassessed items are in no cell: %v", got)
	}
}

func TestLevelCounts(t *testing.T) {
	items := heatItems()
	got := LevelCounts(items, matrix5, false)
	want := map[RiskLevel]int{RiskLow: 1, RiskMedium: 0, RiskHigh: 4}
	if len(got) != 3 || got[RiskLow] != want[RiskLow] || got[RiskMedium] != 0 || got[RiskHigh] != want[RiskHigh] {
		t.Errorf("initial: %v", got)
	}
	got = LevelCounts(items, matrix5, true)
	if got[RiskLow] != 1 || got[RiskMedium] != 2 || got[RiskHigh] != 0 {
		t.Errorf("residual: %v", got)
	}
	got = LevelCounts(nil, matrix5, false)
	if len(got) != 3 {
		t.Errorf("empty: %v", got)
	}
}

func TestNewMeasureFromRiskItem(t *testing.T) {
	a, i := validAssessment(), validItem()
	m := NewMeasureFromRiskItem(a, i, " Innkjøp av takheis ", " Enhetsleder ", d("01.09.2026"), riskToday)
	want := Measure{
		Title:        "Innkjøp av takheis",
		Source:       Source{Kind: SourceRiskAssessment, RefID: 11, ParentID: 2, RefLabel: "Risikovurdering: Forflytning av beboere – Tunge løft"},
		PriorityArea: AreaPreventiveAbsence,
		Topic:        CategoryErgonomics,
		Responsible:  "Enhetsleder",
		Deadline:     d("01.09.2026"),
		Status:       StatusPlanlagt,
		Created:      riskToday,
		Updated:      riskToday,
	}
	if m != want {
		t.Errorf("got  %+v\nwant %+v", m, want)
	}
	if err := m.Validate(riskToday); err != nil {
		t.Errorf("measure must be valid: %v", err)
	}
	// Blank title falls back to the hazard; the assessment ID comes from the
	// item if the assessment has none yet; long texts are shortened.
	a.ID = 0
	a.Title = strings.Repeat("t", 300)
	i.Hazard = strings.Repeat("h", 300)
	m = NewMeasureFromRiskItem(a, i, "  ", "Leder", d("01.09.2026"), riskToday)
	if runeLen(m.Title) != MaxTitleLen || m.Source.ParentID != 2 || runeLen(m.Source.RefLabel) > MaxRefLabelLen {
		t.Errorf("fallbacks: %q %d %d", m.Title, m.Source.ParentID, runeLen(m.Source.RefLabel))
	}
	if err := m.Validate(riskToday); err != nil {
		t.Errorf("long texts: %v", err)
	}
	// The action plan can find it back from the item.
	if got := MeasuresFrom([]Measure{m}, SourceRiskAssessment, i.ID); len(got) != 1 {
		t.Error("MeasuresFrom")
	}
}

func TestLinkMeasure(t *testing.T) {
	i := validItem()
	i.MeasureIDs = make([]uint64, 1, 4)
	i.MeasureIDs[0] = 3
	j := i.LinkMeasure(5)
	if !slices.Equal(j.MeasureIDs, []uint64{3, 5}) || len(i.MeasureIDs) != 1 {
		t.Errorf("%v / %v", j.MeasureIDs, i.MeasureIDs)
	}
	k := j.LinkMeasure(5)
	if !slices.Equal(k.MeasureIDs, []uint64{3, 5}) {
		t.Errorf("linked twice: %v", k.MeasureIDs)
	}
	// Appending to j must not write into i's spare capacity.
	_ = i.LinkMeasure(9)
	if !slices.Equal(j.MeasureIDs, []uint64{3, 5}) {
		t.Errorf("aliasing: %v", j.MeasureIDs)
	}
}

func TestRiskJSON(t *testing.T) {
	a := validAssessment()
	a.Matrix = matrix4
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"kind":"ordinaer"`, `"status":"ferdig"`, `"next_review":"2027-03-10"`,
		`"matrix":{"size":4,"low_max":3,"medium_max":7}`, `"superseded_by":0`, `"participants":[`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("assessment JSON lacks %s: %s", key, b)
		}
	}
	i := validItem()
	i.MeasureIDs = []uint64{4}
	b, _ = json.Marshal(i)
	for _, key := range []string{`"assessment_id":2`, `"category":"ergonomi"`, `"existing_measures":`,
		`"residual_probability":0`, `"residual_consequence":0`, `"measure_ids":[4]`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("item JSON lacks %s: %s", key, b)
		}
	}
	var back RiskItem
	if err := json.Unmarshal(b, &back); err != nil || back.Hazard != i.Hazard || !slices.Equal(back.MeasureIDs, i.MeasureIDs) {
		t.Errorf("round trip: %+v %v", back, err)
	}
}

func FuzzRiskItemValidate(f *testing.F) {
	for _, s := range [][5]int{{5, 1, 1, 0, 0}, {5, 5, 5, 5, 5}, {5, 0, 6, 1, 0}, {4, 4, 4, 0, 4}, {4, 5, 1, 2, 2}, {5, -1, 3, 7, 7}} {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, size, p, c, rp, rc int) {
		m := DefaultRiskMatrixFor(size)
		in := func(n int) bool { return n >= 1 && n <= m.Size }
		i := RiskItem{Hazard: "Fare", Category: CategoryOther, Probability: p, Consequence: c,
			ResidualProbability: rp, ResidualConsequence: rc}
		err := i.Validate(m)
		residualOK := (rp == 0 && rc == 0) || (in(rp) && in(rc))
		if (err == nil) != (in(p) && in(c) && residualOK) {
			t.Fatalf("%+v on %d×%d: %v", i, m.Size, m.Size, err)
		}
		if (fieldMsg(err, FieldProbability) == "") != in(p) || (fieldMsg(err, FieldConsequence) == "") != in(c) {
			t.Fatalf("field messages for %d, %d: %v", p, c, err)
		}
		l := i.Level(m)
		if (l != "") != (in(p) && in(c)) {
			t.Fatalf("Level(%d, %d) = %q", p, c, l)
		}
		if l != "" {
			lo, hi := m.Range(l)
			if s := i.Score(m); s < lo || s > hi {
				t.Fatalf("score %d outside %s range %d–%d", s, l, lo, hi)
			}
		}
		if rl, ok := i.ResidualLevel(m); ok != (in(rp) && in(rc)) || ok != (rl != "") {
			t.Fatalf("ResidualLevel(%d, %d) = %q, %v", rp, rc, rl, ok)
		}
	})
}

func TestRelabelFromRiskItem(t *testing.T) {
	a := RiskAssessment{ID: 3, Title: "Kjøkkenet"}
	i := RiskItem{ID: 9, AssessmentID: 3, Hazard: "Varmt fett"}
	made := NewMeasureFromRiskItem(a, i, "Lokk", "Leder", NewDate(2027, 1, 31), NewDate(2026, 11, 1))
	renamed := i
	renamed.Hazard = "Brann i frityrgryte"
	other := renamed
	other.ID = 10
	for _, c := range []struct {
		name   string
		a      RiskAssessment
		i      RiskItem
		want   string
		change bool
	}{
		{"as made", a, i, "Risikovurdering: Kjøkkenet – Varmt fett", false},
		{"hazard renamed", a, renamed, "Risikovurdering: Kjøkkenet – Brann i frityrgryte", true},
		{"assessment renamed", RiskAssessment{ID: 3, Title: "Storkjøkkenet"}, i, "Risikovurdering: Storkjøkkenet – Varmt fett", true},
		{"another item", a, other, "Risikovurdering: Kjøkkenet – Varmt fett", false},
	} {
		got, ok := RelabelFromRiskItem(made, c.a, c.i)
		if ok != c.change || got.Source.RefLabel != c.want {
			t.Errorf("%s: %q %v, want %q %v", c.name, got.Source.RefLabel, ok, c.want, c.change)
		}
	}
}

func TestNotAssessedAfterItems(t *testing.T) {
	it := func(h string, rp, rc int) RiskItem {
		return RiskItem{Hazard: h, Probability: 3, Consequence: 3, ResidualProbability: rp, ResidualConsequence: rc}
	}
	cases := []struct {
		name  string
		items []RiskItem
		m     RiskMatrix
		want  []string
	}{
		{"none", nil, matrix5, nil},
		{"all rated", []RiskItem{it("a", 1, 2), it("b", 5, 5)}, matrix5, nil},
		{"not rated", []RiskItem{it("a", 1, 2), it("b", 0, 0), it("c", 2, 0)}, matrix5, []string{"b", "c"}},
		{"outside a 4×4", []RiskItem{it("a", 5, 1), it("b", 4, 4)}, matrix4, []string{"a"}},
	}
	for _, c := range cases {
		var got []string
		for _, x := range NotAssessedAfter(c.items, c.m) {
			got = append(got, x.Hazard)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
