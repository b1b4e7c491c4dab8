package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

var violenceDay = date(2026, 11, 24)

func testMapping() model.ViolenceMapping {
	m := model.ViolenceMapping{Date: violenceDay.AddDays(-3), Participants: []string{"Kari  Nordmann", "Verneombud"}}
	for _, f := range model.ViolenceFactors() {
		m = m.WithFactor(model.FactorAssessment{Factor: f, Answer: "Svar " + f.Label(), Groups: "nattevakter", Probability: 2, Consequence: 3})
	}
	m.Combined = model.CombinedAssessment{Assessment: "Samlet høyest om natten", Probability: 3, Consequence: 3}
	return m
}

func TestViolenceMappingRoundTrip(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, found, err := s.ViolenceMapping(); err != nil || found {
		t.Fatalf("empty file: found %v, %v", found, err)
	}
	m, err := s.SaveViolenceMapping(testMapping(), violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.Matrix != model.DefaultRiskMatrix() || m.Participants[0] != "Kari Nordmann" {
		t.Fatalf("saved %+v", m)
	}
	got, found, err := s.ViolenceMapping()
	if err != nil || !found || got.ID != m.ID || len(got.Factors) != 8 || got.Combined.Probability != 3 {
		t.Fatalf("read back %+v %v %v", got, found, err)
	}
	// A second mapping is refused.
	if _, err := s.SaveViolenceMapping(testMapping(), violenceDay); err == nil || !strings.Contains(err.Error(), "allerede en kartlegging") {
		t.Fatalf("second mapping: %v", err)
	}
	// The routines record shares the bucket but is its own kind.
	r, err := s.SaveViolenceRoutines(model.ViolenceRoutines{
		Routines: []model.ViolenceRoutine{{Kind: model.RoutineAlerting, Exists: true, Where: " Personalhåndboka "}},
		Informed: []model.ViolenceInformation{{Date: violenceDay, Employees: true, Method: model.InfoMeeting}},
	}, violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || r.ID == m.ID || r.Routines[0].Where != "Personalhåndboka" {
		t.Fatalf("routines %+v", r)
	}
	if got, _ := s.ViolenceRoutines(); got.ID != r.ID {
		t.Fatalf("routines read back %+v", got)
	}
	if _, err := s.SaveViolenceRoutines(model.ViolenceRoutines{}, violenceDay); err == nil {
		t.Fatal("second routines record accepted")
	}
	// An ID of the other kind is refused.
	mm := testMapping()
	mm.ID = r.ID
	if _, err := s.SaveViolenceMapping(mm, violenceDay); err == nil || !strings.Contains(err.Error(), "ikke en kartlegging") {
		t.Fatalf("mapping saved over routines: %v", err)
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestViolenceMappingRefusedKeepsFile(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	m, err := s.SaveViolenceMapping(testMapping(), violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	n := changeCount(t, s)
	bad := m
	bad.Factors = append([]model.FactorAssessment(nil), m.Factors...)
	bad.Factors[2].Probability = 7
	bad.Factors[0].Groups = "01010012356"
	_, err = s.SaveViolenceMapping(bad, violenceDay)
	var ve model.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For(model.FieldProbability), "Faktor 3") || ve.For(model.FieldGroups) == "" {
		t.Fatalf("bad mapping: %v", err)
	}
	future := m
	future.Date = violenceDay.AddDays(1)
	if _, err := s.SaveViolenceMapping(future, violenceDay); err == nil {
		t.Fatal("future date accepted")
	}
	assertUnchanged(t, path, before)
	if changeCount(t, s) != n {
		t.Fatal("refused save logged")
	}
	// An unchanged save writes nothing.
	if _, err := s.SaveViolenceMapping(m, violenceDay); err != nil {
		t.Fatal(err)
	}
	if changeCount(t, s) != n {
		t.Fatal("unchanged save logged")
	}
}

func TestAddViolenceMeasure(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, _, err := s.AddViolenceMeasure(3, model.PointCallHelp, model.Measure{Title: "Alarm", Responsible: "Leder", Deadline: date(2027, 2, 1)}, violenceDay); err == nil {
		t.Fatal("measure without a mapping accepted")
	}
	mp, err := s.SaveViolenceMapping(testMapping(), violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	n := changeCount(t, s)
	ms, got, err := s.AddViolenceMeasure(3, model.PointCallHelp, model.Measure{Title: "Personalarm til alle på kveld", Responsible: "Leder", Deadline: date(2027, 2, 1)}, violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Source{Kind: model.SourceViolenceThreats, RefID: 3, ParentID: mp.ID, RefLabel: "Vold og trusler: 3. Alenearbeid"}
	if ms.ID == 0 || ms.Source != want || ms.Topic != model.CategoryViolence || ms.Status != model.StatusPlanlagt {
		t.Fatalf("measure %+v", ms)
	}
	if len(got.Measures) != 1 || got.Measures[0] != (model.ViolenceMeasureLink{MeasureID: ms.ID, Factor: 3, Point: model.PointCallHelp}) {
		t.Fatalf("links %+v", got.Measures)
	}
	cs, _ := s.Changes(0)
	if changeCount(t, s) != n+2 || cs[0].Entity != EntityViolenceMapping || cs[1].Entity != EntityMeasure {
		t.Fatalf("change log %+v", cs[:2])
	}
	// In the action plan.
	if plan, _ := s.Measures(); len(model.MeasuresFrom(plan, model.SourceViolenceThreats, 3)) != 1 {
		t.Fatal("measure not in the plan")
	}
	// A stale form without the link does not drop it.
	if _, err := s.SaveViolenceMapping(mp, violenceDay); err != nil {
		t.Fatal(err)
	}
	if cur, _, _ := s.ViolenceMapping(); len(cur.Measures) != 1 {
		t.Fatalf("link lost by a stale save: %+v", cur.Measures)
	}

	// Refused: no point, bad factor, invalid measure. Nothing written.
	before := readFile(t, path)
	n = changeCount(t, s)
	for _, tc := range []struct {
		f    model.ViolenceFactor
		p    model.MeasurePoint
		m    model.Measure
		want string
	}{
		{2, "", model.Measure{Title: "X", Responsible: "Leder", Deadline: date(2027, 2, 1)}, "punkt"},
		{9, model.PointDesign, model.Measure{Title: "X", Responsible: "Leder", Deadline: date(2027, 2, 1)}, "Faktor 9"},
		{0, model.PointDesign, model.Measure{Title: "X", Deadline: date(2027, 2, 1)}, "Ansvarlig"},
	} {
		if _, _, err := s.AddViolenceMeasure(tc.f, tc.p, tc.m, violenceDay); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("want %q, got %v", tc.want, err)
		}
	}
	assertUnchanged(t, path, before)
	if changeCount(t, s) != n {
		t.Fatal("refused measure logged")
	}

	// Deleting the measure from the plan: the link is filtered on read,
	// and Check is still happy.
	if err := s.DeleteMeasure(ms.ID); err != nil {
		t.Fatal(err)
	}
	if cur, _, _ := s.ViolenceMapping(); len(cur.Measures) != 0 {
		t.Fatalf("link to a deleted measure: %+v", cur.Measures)
	}
	ms2, _, err := s.AddViolenceMeasure(0, model.PointStaffing, model.Measure{Title: "To på kveld", Responsible: "Leder", Deadline: date(2027, 2, 1)}, violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := s.UnlinkViolenceMeasure(ms2.ID)
	if err != nil || len(cur.Measures) != 0 {
		t.Fatalf("unlink: %+v %v", cur.Measures, err)
	}
	if _, err := s.Measure(ms2.ID); err != nil {
		t.Fatal("unlink removed the measure")
	}
	s.Close()
	mustCheckOK(t, path)
}

func TestViolenceTrainingsAndData(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	before := readFile(t, path)
	_, err := s.SaveViolenceTraining(model.ViolenceTraining{Date: violenceDay.AddDays(1), Topic: "Øvelse"}, violenceDay)
	var ve model.ValidationError
	if !errors.As(err, &ve) || ve.For(model.FieldTrainingDate) == "" || ve.For(model.FieldTrainingKind) == "" || ve.For(model.FieldTrainingCount) == "" {
		t.Fatalf("bad training: %v", err)
	}
	assertUnchanged(t, path, before)
	tr, err := s.SaveViolenceTraining(model.ViolenceTraining{Date: violenceDay.AddDays(-366), Topic: " Alarmøvelse  natt ", Kind: model.TrainingDrill,
		Participants: 8, Groups: "nattevakter", Repeat: model.RepeatYear}, violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	if tr.ID == 0 || tr.Topic != "Alarmøvelse natt" {
		t.Fatalf("training %+v", tr)
	}
	// Incidents come from the deviation register, category vold og trusler only.
	s.Close()
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		for i, d := range []model.Deviation{
			{ID: 1, Date: violenceDay.AddDays(-10), Category: model.DevViolence, ViolenceType: model.ViolencePhysical, Severity: model.SeverityMinor},
			{ID: 2, Date: violenceDay.AddDays(-20), Category: model.DevInjury, Severity: model.SeverityMinor},
		} {
			if err := putRecord(tx, bucketDeviations, uint64(i+1), d); err != nil {
				return err
			}
		}
		return nil
	})
	s, err = Open(path, testOpts(newClock()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.ViolenceData()
	if err != nil {
		t.Fatal(err)
	}
	if d.HasMapping || len(d.Trainings) != 1 || len(d.Incidents) != 1 || d.Incidents[0].ID != 1 || d.Matrix != model.DefaultRiskMatrix() {
		t.Fatalf("data %+v", d)
	}
	st := model.ViolenceStatus(d.StatusInput(), violenceDay)
	if st[3].Duty != model.DutyTraining || st[3].State != model.DutyOverdue {
		t.Fatalf("training status %+v", st[3])
	}
	if err := s.DeleteViolenceTraining(tr.ID); err != nil {
		t.Fatal(err)
	}
	if ts, _ := s.ViolenceTrainings(); len(ts) != 0 {
		t.Fatal("training not deleted")
	}
}

func TestViolenceCheckFindsProblems(t *testing.T) {
	path, s := newDB(t, testOpts(newClock()))
	if _, err := s.SaveViolenceMapping(testMapping(), violenceDay); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		m := testMapping()
		m.ID = 5
		m.Factors[0].Probability = 9
		if err := putRecord(tx, bucketViolence, 5, violenceRecord{Kind: violenceKindMapping, Mapping: &m}); err != nil {
			return err
		}
		return putRecord(tx, bucketViolence, 6, violenceRecord{Kind: "tull"})
	})
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rep.Problems, "\n")
	for _, want := range []string{"Faktor 1", "ukjent eller ufullstendig"} {
		if !strings.Contains(all, want) {
			t.Errorf("Check misses %q:\n%s", want, all)
		}
	}
	// Valid records, but two mappings.
	rawWrite(t, path, func(tx *bbolt.Tx) error {
		m := testMapping()
		m.ID = 5
		if err := putRecord(tx, bucketViolence, 5, violenceRecord{Kind: violenceKindMapping, Mapping: &m}); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketViolence)).Delete(itob(6))
	})
	if rep, _ = Check(path); !strings.Contains(strings.Join(rep.Problems, "\n"), "2 kartlegginger") {
		t.Errorf("two mappings not found: %v", rep.Problems)
	}
}

// A unit whose only training about violence is a course in the annual
// review's course list: the status page (ViolenceData) and the annual
// report (AnnualData.ViolenceInput) both count it, so the training duty
// has the same state and last date in both.
func TestViolenceStatusCountsReviewCoursesAsReport(t *testing.T) {
	_, s := newDB(t, testOpts(newClock()))
	course := model.HMSCourse{Course: "Kurs i håndtering av vold og trusler", Date: date(2026, 3, 12), Participants: 9}
	r := model.AnnualReview{Year: 2026, Trainings: []model.HMSCourse{course},
		Goals: []model.HMSGoal{{Goal: "Færre fall", Measure: "Avvik", Result: model.GoalNotAssessed}}}
	if _, err := s.SaveAnnualReview(r, violenceDay); err != nil {
		t.Fatal(err)
	}
	d, err := s.ViolenceData()
	if err != nil {
		t.Fatal(err)
	}
	screen := trainingDuty(t, model.ViolenceStatus(d.StatusInput(), violenceDay))
	year, err := model.LoadAnnualYear(s, 2026, violenceDay)
	if err != nil {
		t.Fatal(err)
	}
	report := trainingDuty(t, model.ViolenceStatus(year.ViolenceInput(), violenceDay))
	if !screen.Documented || screen.LastDone != course.Date {
		t.Errorf("the status page does not count the review's violence course: %+v", screen)
	}
	if screen.State != report.State || screen.LastDone != report.LastDone || !reflect.DeepEqual(screen.Notes, report.Notes) {
		t.Errorf("screen and report disagree on training:\nscreen %+v\nreport %+v", screen, report)
	}
	if len(d.Trainings) != 0 {
		t.Errorf("the course was added to the stored trainings: %+v", d.Trainings)
	}
}

func trainingDuty(t *testing.T, st []model.ViolenceDutyStatus) model.ViolenceDutyStatus {
	t.Helper()
	for _, s := range st {
		if s.Duty == model.DutyTraining {
			return s
		}
	}
	t.Fatal("no training duty")
	return model.ViolenceDutyStatus{}
}
