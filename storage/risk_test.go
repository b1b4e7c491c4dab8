package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

func testAssessment(title string) model.RiskAssessment {
	return model.RiskAssessment{
		Title:        title,
		Area:         "Avdeling 2 (langtid)",
		Kind:         model.KindOrdinary,
		Date:         date(2026, 10, 15),
		Participants: []string{"Kari Nordmann", " Ola  Nordmann ", "BHT-rådgiver"},
		Status:       model.AssessmentDone,
		NextReview:   date(2027, 10, 15),
	}
}

func testItem(assessmentID uint64, hazard string, p, c int) model.RiskItem {
	return model.RiskItem{AssessmentID: assessmentID, Hazard: hazard, Event: "Belastningsskade",
		Category: model.CategoryErgonomics, Exposed: "Pleiere", Probability: p, Consequence: c}
}

// seedAssessment stores one assessment with two items.
func seedAssessment(t *testing.T, s *Store) (model.RiskAssessment, []model.RiskItem) {
	t.Helper()
	a, err := s.SaveAssessment(testAssessment("Risikovurdering avdeling 2"), planDay)
	if err != nil {
		t.Fatal(err)
	}
	var items []model.RiskItem
	for _, it := range []model.RiskItem{testItem(a.ID, "Forflytning av beboere", 4, 3), testItem(a.ID, "Tunge løft i vaskeriet", 3, 2)} {
		saved, err := s.SaveRiskItem(it)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, saved)
	}
	return a, items
}

func TestAssessmentAndItemRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	a, items := seedAssessment(t, s)
	if a.ID != 1 || a.Matrix != model.DefaultRiskMatrix() || !reflect.DeepEqual(a.Participants, []string{"Kari Nordmann", "Ola Nordmann", "BHT-rådgiver"}) {
		t.Fatalf("assessment %+v", a)
	}
	b, err := s.SaveAssessment(testAssessment("Vold og trusler"), planDay)
	if err != nil {
		t.Fatal(err)
	}
	bItem, err := s.SaveRiskItem(testItem(b.ID, " Utagerende beboer ", 4, 4))
	if err != nil || bItem.Hazard != "Utagerende beboer" || bItem.ID != 3 {
		t.Fatalf("item %+v %v", bItem, err)
	}
	s.Close()

	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	as, err := s.Assessments()
	if err != nil || !reflect.DeepEqual(as, []model.RiskAssessment{a, b}) {
		t.Fatalf("Assessments: %v %+v", err, as)
	}
	if got, err := s.Assessment(2); err != nil || !reflect.DeepEqual(got, b) {
		t.Fatalf("Assessment(2): %+v %v", got, err)
	}
	if got, err := s.RiskItems(a.ID); err != nil || !reflect.DeepEqual(got, items) {
		t.Fatalf("RiskItems: %v %+v", err, got)
	}
	if got, err := s.AllRiskItems(); err != nil || !reflect.DeepEqual(got, append(items, bItem)) {
		t.Fatalf("AllRiskItems: %v %+v", err, got)
	}
	if got, err := s.RiskItem(3); err != nil || !reflect.DeepEqual(got, bItem) {
		t.Fatalf("RiskItem(3): %+v %v", got, err)
	}
	if _, err := s.RiskItems(42); !errors.Is(err, ErrNotFound) {
		t.Fatalf("items of a missing assessment: %v", err)
	}
	if _, err := s.RiskItem(42); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "Risikoforhold med ID 42") {
		t.Fatalf("missing item: %v", err)
	}
	mustCheckOK(t, path)
}

func TestAssessmentValidation(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	a := testAssessment("Ferdig frem i tid")
	a.Date = planDay.AddDays(1)
	var ve model.ValidationError
	if _, err := s.SaveAssessment(a, planDay); !errors.As(err, &ve) || ve.For(model.FieldAssessmentDate) == "" {
		t.Fatalf("future date on a finished assessment: %v", err)
	}
	a = testAssessment("Uten deltakere")
	a.Participants = []string{" "}
	if _, err := s.SaveAssessment(a, planDay); !errors.As(err, &ve) || !strings.Contains(ve.For(model.FieldParticipants), "Deltaker nr. 1") {
		t.Fatalf("blank participant: %v", err)
	}
	a = testAssessment("Erstattet av noe som ikke finnes")
	a.SupersededBy = 9
	if _, err := s.SaveAssessment(a, planDay); err == nil || !strings.Contains(err.Error(), "ID 9") {
		t.Fatalf("SupersededBy a missing assessment: %v", err)
	}
	old, err := s.SaveAssessment(testAssessment("Gammel"), planDay)
	if err != nil {
		t.Fatal(err)
	}
	old.SupersededBy = old.ID
	if _, err := s.SaveAssessment(old, planDay); err == nil {
		t.Fatal("assessment superseded by itself accepted")
	}
	if as, _ := s.Assessments(); len(as) != 1 || as[0].SupersededBy != 0 {
		t.Fatalf("stored %+v", as)
	}
}

func TestAssessmentMatrixFromSettings(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	four := model.DefaultRiskMatrixFor(4)
	if err := s.SaveRiskMatrix(four); err != nil {
		t.Fatal(err)
	}
	a, err := s.SaveAssessment(testAssessment("På 4×4"), planDay)
	if err != nil || a.Matrix != four {
		t.Fatalf("new assessment: %+v %v", a.Matrix, err)
	}
	// The unit changes its matrix; the old assessment keeps its own, also
	// when edited without a matrix.
	if err := s.SaveRiskMatrix(model.DefaultRiskMatrix()); err != nil {
		t.Fatal(err)
	}
	a.Matrix, a.Notes = model.RiskMatrix{}, "Gjennomgått i AMU."
	if a, err = s.SaveAssessment(a, planDay); err != nil || a.Matrix != four {
		t.Fatalf("edited assessment: %+v %v", a.Matrix, err)
	}
	b, err := s.SaveAssessment(testAssessment("På 5×5"), planDay)
	if err != nil || b.Matrix != model.DefaultRiskMatrix() {
		t.Fatalf("second assessment: %+v %v", b.Matrix, err)
	}

	// Items are validated on their own assessment's matrix.
	if _, err := s.SaveRiskItem(testItem(a.ID, "Forflytning", 5, 2)); err == nil || !strings.Contains(err.Error(), "fra 1 til 4") {
		t.Fatalf("P=5 on 4×4: %v", err)
	}
	if _, err := s.SaveRiskItem(testItem(b.ID, "Forflytning", 5, 2)); err != nil {
		t.Fatal(err)
	}
	// A matrix change that would leave an item outside is refused.
	b.Matrix = four
	var ve model.ValidationError
	if _, err := s.SaveAssessment(b, planDay); !errors.As(err, &ve) || !strings.Contains(ve.For(model.FieldMatrixSize), "«Forflytning»") {
		t.Fatalf("shrinking the matrix under an item: %v", err)
	}
	// A boundary change that keeps the size is fine.
	b.Matrix = model.RiskMatrix{Size: 5, LowMax: 6, MediumMax: 14}
	if _, err := s.SaveAssessment(b, planDay); err != nil {
		t.Fatal(err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestSaveRiskItemRules(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	a, items := seedAssessment(t, s)
	other, err := s.SaveAssessment(testAssessment("Annen"), planDay)
	if err != nil {
		t.Fatal(err)
	}

	before := readFile(t, path)
	bad := testItem(a.ID, "Stikkskader", 6, 3)
	_, err = s.SaveRiskItem(bad)
	want := bad.Validate(a.Matrix)
	if err == nil || err.Error() != want.Error() || !strings.Contains(err.Error(), "Sannsynlighet må være et tall fra 1 til 5") {
		t.Fatalf("P=6: %v, want the model's %v", err, want)
	}
	var ve model.ValidationError
	if !errors.As(err, &ve) || ve.For(model.FieldProbability) == "" {
		t.Fatalf("P=6 not a ValidationError: %T", err)
	}
	if _, err := s.SaveRiskItem(testItem(99, "Stikkskader", 3, 3)); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "Risikovurdering med ID 99") {
		t.Fatalf("missing assessment: %v", err)
	}
	moved := items[0]
	moved.AssessmentID = other.ID
	if _, err := s.SaveRiskItem(moved); err == nil || !strings.Contains(err.Error(), "flyttes") {
		t.Fatalf("move to another assessment: %v", err)
	}
	assertUnchanged(t, path, before)

	// AssessmentID 0 on an edit keeps the item where it is; stale and
	// repeated measure IDs are dropped.
	m := mustSaveMeasure(t, s, testMeasure("Takheis"), planDay)
	edit := items[0]
	edit.AssessmentID, edit.MeasureIDs = 0, []uint64{m.ID, 77, m.ID}
	edit.ResidualProbability, edit.ResidualConsequence = 2, 3
	got, err := s.SaveRiskItem(edit)
	if err != nil {
		t.Fatal(err)
	}
	if got.AssessmentID != a.ID || !reflect.DeepEqual(got.MeasureIDs, []uint64{m.ID}) {
		t.Fatalf("edited item %+v", got)
	}
	half := got
	half.ResidualConsequence = 0
	if _, err := s.SaveRiskItem(half); err == nil || !strings.Contains(err.Error(), model.FieldResidualConsequence) {
		t.Fatalf("half a residual rating: %v", err)
	}
	if err := s.DeleteRiskItem(items[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRiskItem(items[1].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestAddMeasureForRiskItem(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	a, items := seedAssessment(t, s)
	n := changeCount(t, s)
	m, it, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Takheis på alle rom", Responsible: "Leder", Deadline: date(2027, 2, 1)}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	wantSource := model.Source{Kind: model.SourceRiskAssessment, RefID: items[0].ID, ParentID: a.ID,
		RefLabel: "Risikovurdering: Risikovurdering avdeling 2 – Forflytning av beboere"}
	if m.ID != 1 || m.Source != wantSource || m.Status != model.StatusPlanlagt || m.PriorityArea != model.AreaPreventiveAbsence ||
		m.Topic != model.CategoryErgonomics || m.Created != planDay {
		t.Fatalf("measure %+v", m)
	}
	if !reflect.DeepEqual(it.MeasureIDs, []uint64{m.ID}) {
		t.Fatalf("item %+v", it)
	}
	if stored, _ := s.RiskItem(it.ID); !reflect.DeepEqual(stored, it) {
		t.Fatalf("stored item %+v", stored)
	}
	cs, _ := s.Changes(0)
	if len(cs) != n+2 || cs[1].Entity != EntityMeasure || cs[1].Kind != ChangeCreated || cs[0].Entity != EntityRiskItem ||
		cs[0].Kind != ChangeUpdated || !cs[0].Time.Equal(cs[1].Time) || !strings.Contains(cs[0].Summary, "Koblet tiltak «Takheis på alle rom»") {
		t.Fatalf("entries %+v", cs[:2])
	}

	// A given source, area and blank title are respected or filled in.
	m2, _, err := s.AddMeasureForRiskItem(items[1].ID, model.Measure{Source: model.Source{Kind: model.SourceSafetyRound, RefLabel: "Vernerunde høst"},
		PriorityArea: model.AreaHealthPromotion, Responsible: "Verneombud", Deadline: date(2027, 2, 1)}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Title != "Tunge løft i vaskeriet" || m2.Source.Kind != model.SourceSafetyRound || m2.PriorityArea != model.AreaHealthPromotion {
		t.Fatalf("second measure %+v", m2)
	}

	// Invalid measure: neither is written.
	before := readFile(t, path)
	n = changeCount(t, s)
	_, gotItem, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Uten ansvarlig", Deadline: date(2027, 2, 1)}, planDay)
	var ve model.ValidationError
	if !errors.As(err, &ve) || ve.For(model.FieldResponsible) == "" {
		t.Fatalf("invalid measure: %v", err)
	}
	if !reflect.DeepEqual(gotItem.MeasureIDs, []uint64{m.ID}) {
		t.Errorf("returned item changed: %+v", gotItem)
	}
	if _, _, err := s.AddMeasureForRiskItem(99, model.Measure{Title: "X", Responsible: "Leder", Deadline: date(2027, 2, 1)}, planDay); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing item: %v", err)
	}
	assertUnchanged(t, path, before)
	if changeCount(t, s) != n {
		t.Fatal("refused AddMeasureForRiskItem was logged")
	}
	s.Close()

	// The item fails after the measure was written in the transaction:
	// the measure is rolled back with it.
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		broken := items[0]
		broken.MeasureIDs, broken.Probability = []uint64{m.ID}, 6
		return putRecord(tx, bucketRiskItems, broken.ID, broken)
	})
	s, err = Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before = readFile(t, path)
	if _, _, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Kurs", Responsible: "BHT", Deadline: date(2027, 2, 1)}, planDay); err == nil ||
		!strings.Contains(err.Error(), "Sannsynlighet") {
		t.Fatalf("link to a broken item: %v", err)
	}
	assertUnchanged(t, path, before)
	if ms, _ := s.Measures(); len(ms) != 2 {
		t.Fatalf("%d measures after a failed link", len(ms))
	}
}

func TestDeleteAssessmentDeletesItems(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	old, err := s.SaveAssessment(testAssessment("Risikovurdering 2025"), planDay)
	if err != nil {
		t.Fatal(err)
	}
	a, items := seedAssessment(t, s)
	old.SupersededBy = a.ID
	if _, err := s.SaveAssessment(old, planDay); err != nil {
		t.Fatal(err)
	}
	keep, err := s.SaveRiskItem(testItem(old.ID, "Stikkskader", 3, 3))
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Takheis", Responsible: "Leder", Deadline: date(2027, 2, 1)}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	n := changeCount(t, s)

	if err := s.DeleteAssessment(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assessment(a.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("assessment still there: %v", err)
	}
	if _, err := s.RiskItems(a.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("items of a deleted assessment: %v", err)
	}
	all, _ := s.AllRiskItems()
	if !reflect.DeepEqual(all, []model.RiskItem{keep}) {
		t.Fatalf("items left: %+v", all)
	}
	// The measure stays in the plan, still naming its source.
	if got, err := s.Measure(m.ID); err != nil || got != m {
		t.Fatalf("measure after deleting its assessment: %+v %v", got, err)
	}
	// The assessment it had replaced is current again.
	if got, _ := s.Assessment(old.ID); got.SupersededBy != 0 {
		t.Fatalf("old assessment still superseded: %+v", got)
	}
	cs, _ := s.Changes(0)
	if len(cs) != n+4 {
		t.Fatalf("%d entries, want 4 (assessment, two items, the replaced one)", len(cs)-n)
	}
	if c := cs[3]; c.Entity != EntityAssessment || c.Kind != ChangeDeleted || !strings.Contains(c.Summary, "med 2 risikoforhold") {
		t.Errorf("entry %+v", c)
	}
	for _, c := range cs[:4] {
		if !c.Time.Equal(cs[0].Time) {
			t.Error("not one transaction")
		}
	}
	if err := s.DeleteAssessment(a.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	s.Close()
	// A measure whose source item is gone is history, not a problem.
	mustCheckOK(t, path)
}
