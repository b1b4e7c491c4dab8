package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"hmsutvalg/model"
)

var planDay = date(2026, 11, 24)

func testMeasure(title string) model.Measure {
	return model.Measure{
		Title:        title,
		Source:       model.Source{Kind: model.SourceManual},
		PriorityArea: model.AreaFollowUpAbsence,
		Responsible:  "Leder",
		Deadline:     date(2027, 3, 31),
		Status:       model.StatusPlanlagt,
	}
}

func mustSaveMeasure(t *testing.T, s *Store, m model.Measure, today model.Date) model.Measure {
	t.Helper()
	saved, err := s.SaveMeasure(m, today)
	if err != nil {
		t.Fatalf("SaveMeasure(%q): %v", m.Title, err)
	}
	return saved
}

func changeCount(t *testing.T, s *Store) int {
	t.Helper()
	cs, err := s.Changes(0)
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

func TestMeasureRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	m := testMeasure("  Følge opp grupper med over 7 % fravær to kvartaler på rad ")
	m.Responsible = "Leder,  verneombud og tillitsvalgt"
	saved := mustSaveMeasure(t, s, m, planDay)
	if saved.ID != 1 || saved.Title != "Følge opp grupper med over 7 % fravær to kvartaler på rad" ||
		saved.Responsible != "Leder, verneombud og tillitsvalgt" || saved.Created != planDay || saved.Updated != planDay {
		t.Fatalf("saved %+v", saved)
	}
	second := testMeasure("Sikre oppfølgingsplaner for alle med over fire ukers fravær")
	second.Created = date(2026, 10, 1)
	second = mustSaveMeasure(t, s, second, planDay)
	if second.ID != 2 || second.Created != date(2026, 10, 1) {
		t.Fatalf("second %+v", second)
	}

	// An unchanged save on a later day writes nothing, Updated included.
	n := changeCount(t, s)
	again := mustSaveMeasure(t, s, saved, planDay.AddDays(3))
	if again != saved || changeCount(t, s) != n {
		t.Fatalf("unchanged save: %+v, %d new entries", again, changeCount(t, s)-n)
	}
	// An edit keeps Created when the caller leaves it out.
	edit := saved
	edit.Created, edit.Description = model.Date{}, "Gjelder alle avdelinger."
	edit = mustSaveMeasure(t, s, edit, planDay.AddDays(3))
	if edit.Created != planDay || edit.Updated != planDay.AddDays(3) || changeCount(t, s) != n+1 {
		t.Fatalf("edit %+v", edit)
	}
	cs, _ := s.Changes(1)
	if cs[0].Entity != EntityMeasure || cs[0].Kind != ChangeUpdated || cs[0].EntityID != 1 || !strings.Contains(cs[0].Summary, "«Følge opp grupper") {
		t.Errorf("change %+v", cs[0])
	}

	// Refused: nothing stored, the model's messages returned.
	bad := testMeasure(" ")
	bad.Responsible = ""
	_, err := s.SaveMeasure(bad, planDay)
	var ve model.ValidationError
	if !errors.As(err, &ve) || ve.For(model.FieldTitle) == "" || ve.For(model.FieldResponsible) == "" {
		t.Fatalf("invalid measure: %v", err)
	}
	if _, err := s.SaveMeasure(model.Measure{ID: 42, Title: "x"}, planDay); err == nil {
		t.Fatal("update of a missing measure accepted")
	}
	if _, err := s.Measure(42); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "Tiltak med ID 42") {
		t.Fatalf("missing measure: %v", err)
	}
	s.Close()

	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Measures()
	if err != nil || !reflect.DeepEqual(all, []model.Measure{edit, second}) {
		t.Fatalf("Measures: %v\n%+v", err, all)
	}
	one, err := s.Measure(2)
	if err != nil || one != second {
		t.Fatalf("Measure(2): %+v %v", one, err)
	}
	if _, err := s.SaveMeasure(testMeasure("x"), planDay); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only save: %v", err)
	}
	mustCheckOK(t, path)
}

func TestSaveMeasureValidatesAsOfToday(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	m := testMeasure("Opplæring i forflytningsteknikk")
	m.Status, m.CompletedOn = model.StatusUtfort, planDay.AddDays(1)
	if _, err := s.SaveMeasure(m, planDay); err == nil || !strings.Contains(err.Error(), "frem i tid") {
		t.Fatalf("completion tomorrow: %v", err)
	}
	if _, err := s.SaveMeasure(m, planDay.AddDays(1)); err != nil {
		t.Fatal(err)
	}
}

func TestTransitionMeasure(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	m := mustSaveMeasure(t, s, testMeasure("Rutine for alenearbeid på natt"), date(2026, 9, 1))

	got, err := s.TransitionMeasure(m.ID, model.StatusPagar, model.TransitionInput{}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.StatusPagar || got.Updated != planDay || got.Created != date(2026, 9, 1) {
		t.Fatalf("after pågår: %+v", got)
	}
	if stored, _ := s.Measure(m.ID); stored != got {
		t.Fatalf("stored %+v, returned %+v", stored, got)
	}
	cs, _ := s.Changes(1)
	if c := cs[0]; c.Kind != ChangeUpdated || c.Entity != EntityMeasure || c.EntityID != m.ID ||
		!strings.Contains(c.Summary, "«Rutine for alenearbeid på natt» fra planlagt til pågår") {
		t.Fatalf("change %+v", c)
	}

	got, err = s.TransitionMeasure(m.ID, model.StatusUtsatt, model.TransitionInput{Deadline: date(2027, 6, 30), Reason: "Venter på nye alarmer"}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if got.OriginalDeadline != m.Deadline || got.Deadline != date(2027, 6, 30) || got.PostponeReason != "Venter på nye alarmer" {
		t.Fatalf("after utsatt: %+v", got)
	}
	if cs, _ := s.Changes(1); !strings.Contains(cs[0].Summary, "fra pågår til utsatt (ny frist 30.06.2027)") {
		t.Fatalf("summary %q", cs[0].Summary)
	}

	// Refused transitions leave the file byte for byte as it was.
	before := readFile(t, path)
	n := changeCount(t, s)
	for _, c := range []struct {
		to    model.Status
		in    model.TransitionInput
		field string
	}{
		{model.StatusEvaluert, model.TransitionInput{Note: "God effekt"}, model.FieldStatus},                 // not from utsatt
		{model.StatusUtfort, model.TransitionInput{}, model.FieldCompletedOn},                                // date missing
		{model.StatusUtfort, model.TransitionInput{CompletedOn: planDay.AddDays(1)}, model.FieldCompletedOn}, // future
		{model.StatusAvvist, model.TransitionInput{Reason: " "}, model.FieldRejectReason},                    // reason missing
		{model.Status("tull"), model.TransitionInput{}, model.FieldStatus},
	} {
		out, err := s.TransitionMeasure(m.ID, c.to, c.in, planDay)
		var ve model.ValidationError
		if !errors.As(err, &ve) || ve.For(c.field) == "" {
			t.Errorf("→ %s: %v", c.to, err)
		}
		if out != got {
			t.Errorf("→ %s returned %+v, want the unchanged measure", c.to, out)
		}
	}
	if _, err := s.TransitionMeasure(99, model.StatusPagar, model.TransitionInput{}, planDay); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing measure: %v", err)
	}
	if changeCount(t, s) != n {
		t.Error("a refused transition was logged")
	}
	assertUnchanged(t, path, before)
	if stored, _ := s.Measure(m.ID); stored != got {
		t.Fatalf("stored %+v after refusals", stored)
	}

	// The full flow to the final status.
	for _, step := range []struct {
		to model.Status
		in model.TransitionInput
	}{
		{model.StatusUtfort, model.TransitionInput{CompletedOn: planDay}},
		{model.StatusEvaluert, model.TransitionInput{Note: "Nattevaktene melder at de føler seg tryggere."}},
	} {
		if got, err = s.TransitionMeasure(m.ID, step.to, step.in, planDay); err != nil {
			t.Fatal(err)
		}
	}
	if got.Status != model.StatusEvaluert || got.CompletedOn != planDay || got.EvaluationNote == "" {
		t.Fatalf("final %+v", got)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestDeleteMeasureUnlinksRiskItems(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	a, items := seedAssessment(t, s)
	m1, _, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Takheis på alle rom", Responsible: "Leder", Deadline: date(2027, 2, 1)}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	m2, it, err := s.AddMeasureForRiskItem(items[0].ID, model.Measure{Title: "Kurs i forflytning", Responsible: "BHT", Deadline: date(2027, 3, 1)}, planDay)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(it.MeasureIDs, []uint64{m1.ID, m2.ID}) {
		t.Fatalf("item links %v", it.MeasureIDs)
	}
	// The second item also links to m1, added by hand.
	other := items[1].LinkMeasure(m1.ID)
	if _, err := s.SaveRiskItem(other); err != nil {
		t.Fatal(err)
	}
	n := changeCount(t, s)

	if err := s.DeleteMeasure(m1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Measure(m1.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted measure still there: %v", err)
	}
	got, _ := s.RiskItems(a.ID)
	if !reflect.DeepEqual(got[0].MeasureIDs, []uint64{m2.ID}) || got[1].MeasureIDs != nil {
		t.Fatalf("links after delete: %v, %v", got[0].MeasureIDs, got[1].MeasureIDs)
	}
	cs, _ := s.Changes(0)
	if len(cs) != n+3 {
		t.Fatalf("%d new entries, want 3 (measure and two items)", len(cs)-n)
	}
	for _, c := range cs[:3] {
		if !c.Time.Equal(cs[0].Time) {
			t.Error("delete and unlink were not one transaction")
		}
	}
	if c := cs[2]; c.Kind != ChangeDeleted || c.Entity != EntityMeasure || c.EntityID != m1.ID {
		t.Errorf("first entry %+v", c)
	}
	if c := cs[1]; c.Kind != ChangeUpdated || c.Entity != EntityRiskItem || !strings.Contains(c.Summary, "«Takheis på alle rom»") {
		t.Errorf("unlink entry %+v", c)
	}
	if err := s.DeleteMeasure(m1.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestBatchIsAllOrNothing(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	mustSaveMeasure(t, s, testMeasure("Første"), planDay)
	before := readFile(t, path)
	n := changeCount(t, s)
	err := s.Batch(func(b *Batch) error {
		if _, err := b.SaveMeasure(testMeasure("Andre"), planDay); err != nil {
			return err
		}
		_, err := b.SaveMeasure(testMeasure(""), planDay)
		if err == nil {
			t.Error("invalid measure accepted")
		}
		// Ignoring the error does not commit the first step.
		if _, err2 := b.SaveMeasure(testMeasure("Tredje"), planDay); err2 == nil || err2.Error() != err.Error() {
			t.Errorf("step after a failure: %v", err2)
		}
		return nil
	})
	if err == nil {
		t.Fatal("batch with a failing step succeeded")
	}
	assertUnchanged(t, path, before)
	if changeCount(t, s) != n {
		t.Fatal("failed batch logged changes")
	}

	err = s.Batch(func(b *Batch) error {
		for _, title := range []string{"Andre", "Tredje"} {
			if _, err := b.SaveMeasure(testMeasure(title), planDay); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Measures()
	cs, _ := s.Changes(0)
	if len(ms) != 3 || ms[2].ID != 3 || len(cs) != n+2 || cs[0].EntityID != 3 || cs[1].EntityID != 2 {
		t.Fatalf("measures %d, entries %d", len(ms), len(cs)-n)
	}
	var kept *Batch
	_ = s.Batch(func(b *Batch) error { kept = b; return nil })
	if _, err := kept.SaveMeasure(testMeasure("Etterpå"), planDay); err == nil {
		t.Fatal("batch used after its function returned")
	}
}
