package demo

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

var today = model.NewDate(2026, 11, 24)

func TestDefaultIsNursingHomeWithFullCommittee(t *testing.T) {
	ds := Generate(Options{Seed: 1, Scale: 1, Today: today})
	if ds.Unit.Sector != model.SectorSykehjem {
		t.Errorf("default demo sector %q, want sykehjem", ds.Unit.Sector)
	}
	if err := ds.Unit.Validate(); err != nil {
		t.Fatalf("demo unit invalid: %v", err)
	}
	if err := model.ValidateCommittee(ds.Members); err != nil {
		t.Fatalf("demo committee invalid: %v", err)
	}
	active := model.ActiveMembers(ds.Members, today)
	roles := map[model.Role]bool{}
	for _, m := range active {
		roles[m.Role] = true
	}
	for _, r := range model.Roles() {
		if !roles[r] {
			t.Errorf("no active %s on %s", r, today)
		}
	}
}

func TestDeterministicPerSeed(t *testing.T) {
	a := Generate(Options{Seed: 7, Scale: 1, Today: today})
	b := Generate(Options{Seed: 7, Scale: 1, Today: today})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different data")
	}
	names := map[string]bool{}
	for seed := int64(1); seed <= 20; seed++ {
		n := Generate(Options{Seed: seed, Scale: 1, Today: today}).Unit.Name
		if names[n] {
			t.Errorf("seed %d repeats unit name %q", seed, n)
		}
		names[n] = true
	}
}

func TestScaleMultipliesVolume(t *testing.T) {
	one := Generate(Options{Seed: 3, Scale: 1, Today: today})
	fifty := Generate(Options{Seed: 3, Scale: 50, Today: today})
	if fifty.Unit.Employees != one.Unit.Employees*50 {
		t.Errorf("employees %d at scale 50, want %d", fifty.Unit.Employees, one.Unit.Employees*50)
	}
}

func TestCreateWritesFileAndRefusesOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, Options{Seed: 1, Scale: 1, Today: today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := st.Unit()
	ms, _ := st.Members()
	st.Close()
	want := Generate(Options{Seed: 1, Scale: 1, Today: today})
	if u.Name != want.Unit.Name || len(ms) != len(want.Members) {
		t.Errorf("stored %q with %d members, want %q with %d", u.Name, len(ms), want.Unit.Name, len(want.Members))
	}
	before, _ := os.ReadFile(path)
	if err := Create(path, Options{Seed: 2, Scale: 1, Today: today}); err == nil {
		t.Fatal("Create overwrote an existing file")
	} else if !errors.Is(err, storage.ErrExists) {
		t.Errorf("error %v, want ErrExists", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("existing file changed")
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
}

// generated returns every measure of a dataset: manual ones and those
// made from risk items (with the source the store will give them).
func generated(ds Dataset) []model.Measure {
	out := append([]model.Measure(nil), ds.Measures...)
	for _, a := range ds.Assessments {
		for _, it := range a.Items {
			for _, m := range it.Measures {
				tmpl := model.NewMeasureFromRiskItem(a.RiskAssessment, it.RiskItem, m.Title, m.Responsible, m.Deadline, m.Created)
				m.Source, m.PriorityArea, m.Topic = tmpl.Source, tmpl.PriorityArea, tmpl.Topic
				out = append(out, m)
			}
		}
	}
	return out
}

func TestGeneratedRecordsAreValid(t *testing.T) {
	for seed := int64(1); seed <= 12; seed++ {
		for _, day := range []model.Date{today, model.NewDate(2027, 1, 1), model.NewDate(2026, 12, 31), model.NewDate(2028, 2, 29)} {
			ds := Generate(Options{Seed: seed, Scale: 2, Today: day})
			if ds.RiskMatrix != (model.RiskMatrix{}) {
				if err := ds.RiskMatrix.Validate(); err != nil {
					t.Fatalf("seed %d: matrix: %v", seed, err)
				}
			}
			for _, m := range generated(ds) {
				if err := m.Validate(m.Updated); err != nil {
					t.Fatalf("seed %d, %s: measure %+v: %v", seed, day, m, err)
				}
				if m.Updated.After(day) || m.Created.After(m.Updated) {
					t.Fatalf("seed %d, %s: measure dates %+v", seed, day, m)
				}
			}
			matrix := ds.RiskMatrix
			for _, a := range ds.Assessments {
				a.Matrix = matrix
				if err := a.Validate(day); err != nil {
					t.Fatalf("seed %d, %s: assessment %+v: %v", seed, day, a.RiskAssessment, err)
				}
				if a.Date.After(day) {
					t.Fatalf("seed %d: assessment in the future: %+v", seed, a.RiskAssessment)
				}
				for _, it := range a.Items {
					if err := it.Validate(matrix); err != nil {
						t.Fatalf("seed %d: item %+v: %v", seed, it.RiskItem, err)
					}
					if (len(it.Measures) > 0) != it.HasResidual() {
						t.Errorf("seed %d: item %q: %d measures, residual %v", seed, it.Hazard, len(it.Measures), it.HasResidual())
					}
				}
			}
		}
	}
}

// stored reads a demo file back.
func stored(t *testing.T, o Options) (string, []model.Measure, []model.RiskAssessment, []model.RiskItem) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, o); err != nil {
		t.Fatal(err)
	}
	st, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ms, err := st.Measures()
	if err != nil {
		t.Fatal(err)
	}
	as, err := st.Assessments()
	if err != nil {
		t.Fatal(err)
	}
	is, err := st.AllRiskItems()
	if err != nil {
		t.Fatal(err)
	}
	return path, ms, as, is
}

func TestDemoPlanAndRiskAssessments(t *testing.T) {
	path, all, as, is := stored(t, Options{Seed: 1, Scale: 1, Today: today, User: "demo"})
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v\n%s", err, rep.Summary())
	}
	// The plan's own measures and those from risk assessments; other
	// modules' measures are checked by their tests.
	var ms []model.Measure
	for _, m := range all {
		if m.Source.Kind == model.SourceManual || m.Source.Kind == model.SourceRiskAssessment {
			ms = append(ms, m)
		}
	}
	if len(ms) < 25 || len(ms) > 45 {
		t.Errorf("%d measures at scale 1", len(ms))
	}
	if len(as) < 4 || len(as) > 5 {
		t.Errorf("%d assessments at scale 1", len(as))
	}
	count := func(ok func(model.Measure) bool) int {
		n := 0
		for _, m := range ms {
			if ok(m) {
				n++
			}
		}
		return n
	}
	years := map[int]bool{}
	areas := map[model.PriorityArea]bool{}
	statuses := map[model.Status]bool{}
	for _, m := range ms {
		years[m.Created.Year()] = true
		areas[m.PriorityArea] = true
		statuses[m.Status] = true
	}
	for y := today.Year() - 3; y <= today.Year(); y++ {
		if !years[y] {
			t.Errorf("no measure created in %d", y)
		}
	}
	if len(areas) != 4 || len(statuses) != len(model.Statuses()) {
		t.Errorf("areas %v, statuses %v", areas, statuses)
	}
	checks := map[string]func(model.Measure) bool{
		"overdue":  func(m model.Measure) bool { return m.Overdue(today) },
		"due soon": func(m model.Measure) bool { return m.DueSoon(today) },
		"postponed with original deadline": func(m model.Measure) bool {
			return m.Status == model.StatusUtsatt && !m.OriginalDeadline.IsZero() && m.PostponeReason != ""
		},
		"rejected with reason":   func(m model.Measure) bool { return m.Status == model.StatusAvvist && m.RejectReason != "" },
		"evaluated with effect":  func(m model.Measure) bool { return m.Status == model.StatusEvaluert && m.EvaluationNote != "" },
		"from a risk assessment": func(m model.Measure) bool { return m.Source.Kind == model.SourceRiskAssessment },
		"county IA activity": func(m model.Measure) bool {
			return m.Title == "Følge opp grupper med over 7 % fravær to kvartaler på rad" || m.Title == "Sikre oppfølgingsplaner for alle med over fire ukers fravær" ||
				m.Title == "Opplæring i IA-arbeid for leder, verneombud og tillitsvalgt" || m.Title == "Gjennomgå arbeidsmiljøundersøkelsen og oppdater HMS-planen"
		},
		"trio responsible": func(m model.Measure) bool { return m.Responsible == "Leder, verneombud og tillitsvalgt" },
	}
	for name, ok := range checks {
		if count(ok) == 0 {
			t.Errorf("no measure that is %s", name)
		}
	}
	if manual := count(func(m model.Measure) bool { return m.Source.Kind == model.SourceManual }); manual*2 < len(ms) {
		t.Errorf("only %d of %d measures are manual", manual, len(ms))
	}

	byID := map[uint64]model.Measure{}
	for _, m := range ms {
		byID[m.ID] = m
	}
	reviewDue, change, done := 0, 0, 0
	for _, a := range as {
		if a.ReviewDue(today) {
			reviewDue++
		}
		if a.Kind == model.KindChangeProcess {
			change++
		}
		if a.Status == model.AssessmentDone {
			done++
		}
	}
	if reviewDue == 0 || change == 0 || done < 2 {
		t.Errorf("review due %d, change process %d, done %d", reviewDue, change, done)
	}
	levels := map[model.RiskLevel]int{}
	cells := map[[2]int]bool{}
	perAssessment := map[uint64]int{}
	linked := 0
	for _, it := range is {
		perAssessment[it.AssessmentID]++
		levels[it.Level(model.DefaultRiskMatrix())]++
		cells[[2]int{it.Probability, it.Consequence}] = true
		for _, id := range it.MeasureIDs {
			m, ok := byID[id]
			if !ok || m.Source.Kind != model.SourceRiskAssessment || m.Source.RefID != it.ID || m.Source.ParentID != it.AssessmentID {
				t.Errorf("item %d links to measure %d: %+v", it.ID, id, m)
			}
			linked++
		}
	}
	for _, a := range as {
		if n := perAssessment[a.ID]; n < 4 || n > 8 {
			t.Errorf("assessment %q has %d items", a.Title, n)
		}
	}
	if levels[model.RiskLow] == 0 || levels[model.RiskMedium] == 0 || levels[model.RiskHigh] == 0 || len(cells) < 8 {
		t.Errorf("items not spread over the matrix: levels %v, %d cells", levels, len(cells))
	}
	if linked != count(func(m model.Measure) bool { return m.Source.Kind == model.SourceRiskAssessment }) {
		t.Errorf("%d links for the measures from risk items", linked)
	}
}

func TestDemoScaleAndSectors(t *testing.T) {
	one := Generate(Options{Seed: 5, Scale: 1, Today: today})
	ten := Generate(Options{Seed: 5, Scale: 10, Today: today})
	n1, n10 := len(generated(one)), len(generated(ten))
	if n10 < 8*n1 || n10 > 12*n1 || len(ten.Assessments) < 8*len(one.Assessments) {
		t.Errorf("scale 10: %d measures and %d assessments, scale 1: %d and %d", n10, len(ten.Assessments), n1, len(one.Assessments))
	}
	for _, k := range kinds {
		if _, ok := sectors[k.sector]; !ok {
			t.Errorf("no demo texts for %s", k.sector)
		}
	}
}

func TestScale50IsLargeAndChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("stor demo")
	}
	path, ms, as, _ := stored(t, Options{Seed: 1, Scale: 50, Today: today})
	if len(ms) < 1500 || len(as) < 150 {
		t.Errorf("scale 50: %d measures, %d assessments", len(ms), len(as))
	}
	rep, err := storage.Check(path)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v\n%s", err, rep.Summary())
	}
}

// Whatever the seed and the day, a demo shows the dashboard something to
// warn about and passes Check, also on a 4×4 matrix.
func TestEverySeedHasWarningsAndChecks(t *testing.T) {
	fourByFour := false
	for seed := int64(1); seed <= 10; seed++ {
		for _, day := range []model.Date{today, model.NewDate(2027, 1, 3)} {
			ds := Generate(Options{Seed: seed, Scale: 1, Today: day})
			var overdue, soon, review bool
			for _, m := range generated(ds) {
				overdue = overdue || m.Overdue(day)
				soon = soon || m.DueSoon(day)
			}
			for _, a := range ds.Assessments {
				review = review || a.ReviewDue(day)
			}
			if !overdue || !soon || !review {
				t.Errorf("seed %d, %s: overdue %v, due soon %v, review due %v", seed, day, overdue, soon, review)
			}
			if ds.RiskMatrix.Size == 4 {
				fourByFour = true
			}
		}
		path := filepath.Join(t.TempDir(), "demo.db")
		if err := Create(path, Options{Seed: seed, Scale: 1, Today: today}); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if rep, err := storage.Check(path); err != nil || !rep.OK() {
			t.Fatalf("seed %d: %v\n%s", seed, err, rep.Summary())
		}
	}
	if !fourByFour {
		t.Error("no seed uses a 4×4 matrix")
	}
}
