// Package demo generates realistic demo units: deterministic for a seed,
// different units for different seeds (so several can be aggregated), and
// a scale factor that multiplies the volume for benchmarks. Each module adds
// its own data to Dataset and to write.
package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"hmsutvalg/model"
	"hmsutvalg/storage"
)

// Options choose the demo unit.
type Options struct {
	Seed  int64
	Scale int // 1 = a normal unit; 50 = the heavy unit for benchmarks
	// Today anchors the data: three full years up to last year, plus this year so far.
	Today model.Date
	User  string // written in the change log
}

// Dataset is a generated unit with all its data.
type Dataset struct {
	Unit    model.Unit
	Members []model.CommitteeMember
	// RiskMatrix is the unit's matrix setting; zero = never set (default).
	RiskMatrix model.RiskMatrix
	// Measures are the manually registered measures of the action plan;
	// the measures made from risk items are under Assessments.
	Measures    []model.Measure
	Assessments []Assessment
	// Deviations are the deviation register, in date order, with the
	// measures made from them.
	Deviations []Deviation
	SickLeave  SickLeave // quarterly sick leave and the unit's target and limits
	Meetings   Meetings  // the committee's meetings and the annual wheel
	Violence   Violence  // vold og trusler: mapping, measures, routines, training
	// SafetyRounds are two rounds a year with findings and measures.
	SafetyRounds []SafetyRound
	// SurveyRounds are two 10-FAKTOR rounds two years apart with follow-up.
	SurveyRounds []SurveyRound
	// Reviews are the committee's annual reviews (annualreview.go).
	Reviews []model.AnnualReview
	// Exports are the annual reports written, each in the January after
	// its year (they deliver the annual wheel's internal-control report).
	Exports []model.ExportRecord
}

type unitKind struct {
	sector      model.Sector
	names       []string
	departments []string
	employees   [2]int
}

// Seed 1 is the default demo: a nursing home.
var kinds = []unitKind{
	{model.SectorSykehjem, []string{"Solsiden sykehjem", "Furuly omsorgssenter", "Bjørkeli bo- og behandlingssenter"},
		[]string{"Avdeling 1 (skjermet)", "Avdeling 2 (langtid)", "Korttid og rehabilitering", "Kjøkken", "Renhold og vaskeri"}, [2]int{60, 140}},
	{model.SectorHjemmetjeneste, []string{"Hjemmetjenesten sør", "Hjemmesykepleien nord"},
		[]string{"Dag", "Kveld", "Natt", "Praktisk bistand"}, [2]int{40, 90}},
	{model.SectorSkole, []string{"Haugen skole", "Moen ungdomsskole", "Vikhammer barneskole"},
		[]string{"1.–4. trinn", "5.–7. trinn", "SFO", "Administrasjon"}, [2]int{30, 80}},
	{model.SectorBarnehage, []string{"Tyttebær barnehage", "Solstrålen barnehage", "Lia barnehage"},
		[]string{"Småbarnsavdeling", "Storbarnsavdeling", "Kjøkken"}, [2]int{12, 30}},
	{model.SectorTekniskDrift, []string{"Teknisk drift og eiendom", "Vei og park"},
		[]string{"Vaktmestere", "Renhold", "Verksted", "Park og idrett"}, [2]int{20, 60}},
	{model.SectorKontor, []string{"Servicetorget", "Økonomiavdelingen"},
		[]string{"Publikumsmottak", "Saksbehandling"}, [2]int{10, 35}},
}

var municipalities = []string{"Ringsaker kommune", "Hamar kommune", "Stange kommune", "Løten kommune", "Elverum kommune", "Gjøvik kommune", "Østre Toten kommune", "Lillehammer kommune"}

var firstNames = []string{"Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Marit", "Jon", "Sigrid", "Bjørn", "Hanne", "Tor", "Liv", "Espen", "Åse", "Øyvind", "Nina", "Knut", "Randi", "Geir"}
var lastNames = []string{"Nordmann", "Haugen", "Bakke", "Lien", "Dahl", "Moen", "Solberg", "Strand", "Berg", "Hagen", "Løken", "Ødegård", "Aas", "Sæther", "Holm", "Brekke"}

// Generate builds the dataset for the options; the same options always give
// the same data.
func Generate(o Options) Dataset {
	if o.Scale < 1 {
		o.Scale = 1
	}
	if o.Today.IsZero() {
		o.Today = model.DateOf(time.Now())
	}
	r := rand.New(rand.NewPCG(uint64(o.Seed), 0x484d53))
	kind := kinds[0]
	if o.Seed != 1 {
		kind = kinds[r.IntN(len(kinds))]
	}
	name := kind.names[r.IntN(len(kind.names))]
	if o.Seed != 1 {
		// Different seeds must give different units, also with the same kind.
		name = fmt.Sprintf("%s %d", name, o.Seed)
	}
	emp := kind.employees[0] + r.IntN(kind.employees[1]-kind.employees[0]+1)
	ds := Dataset{
		Unit: model.Unit{
			Name:         name,
			Municipality: municipalities[r.IntN(len(municipalities))],
			Sector:       kind.sector,
			Employees:    emp * o.Scale,
			Departments:  append([]string{}, kind.departments...),
			Start:        model.NewDate(o.Today.Year()-3, 1, 1),
		},
	}
	ds.Members = committee(r, o.Today)
	ds.Exports = exports(o.Today)

	g := &gen{
		r:       r,
		today:   o.Today,
		start:   model.NewDate(o.Today.Year()-3, 1, 2),
		sector:  sectors[kind.sector],
		deps:    kind.departments,
		members: ds.Members,
		matrix:  model.DefaultRiskMatrix(),
	}
	if o.Seed != 1 && r.IntN(4) == 0 {
		// Some units score on Arbeidstilsynet's 4×4 matrix.
		ds.RiskMatrix = model.DefaultRiskMatrixFor(4)
		g.matrix = ds.RiskMatrix
	}
	for replica := range o.Scale {
		ds.Measures = append(ds.Measures, g.plan(replica)...)
		offset := len(ds.Assessments)
		for _, a := range g.assessments(replica) {
			if a.ReplacedBy >= 0 {
				a.ReplacedBy += offset
			}
			ds.Assessments = append(ds.Assessments, a)
		}
	}
	ds.SickLeave = genSickLeave(o, kind.sector, ds.Unit.Employees)
	ds.Meetings = genMeetings(o, kind.sector, ds.Members)
	ds.Deviations = genDeviations(o, kind.sector, kind.departments, ds.Members)
	ds.Violence = genViolence(o, kind.sector, g.matrix)
	ds.SafetyRounds = genSafetyRounds(o, kind.sector, kind.departments, ds.Members)
	ds.SurveyRounds = genSurveyRounds(o, ds.Unit.Employees, ds.Members)
	ds.Reviews = genReviews(o, kind.sector, ds.Unit.Employees, ds.SickLeave.Settings)
	return ds
}

// committee is a full committee; the verneombud changed two years ago, so
// the history shows a finished period.
func committee(r *rand.Rand, today model.Date) []model.CommitteeMember {
	used := map[string]bool{}
	person := func() string {
		for {
			n := firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
			if !used[n] {
				used[n] = true
				return n
			}
		}
	}
	start := model.NewDate(today.Year()-3, 1, 1)
	change := model.NewDate(today.Year()-1, 1, 1)
	return []model.CommitteeMember{
		{Name: person(), Role: model.RoleLeder, From: start},
		{Name: person(), Role: model.RoleVerneombud, From: start, To: change.AddDays(-1)},
		{Name: person(), Role: model.RoleVerneombud, From: change},
		{Name: person(), Role: model.RoleTillitsvalgt, From: start},
		{Name: person(), Role: model.RoleAnsattrepresentant, From: start},
		{Name: person(), Role: model.RoleBHT, From: start},
		{Name: person(), Role: model.RoleSekretaer, From: change},
	}
}

// Create writes a new demo file; it refuses to overwrite an existing file.
// The file is built under a temporary name and appears at path only when
// complete, so a run killed half-way leaves no file (storage.CreateFilled).
func Create(path string, o Options) error {
	ds := Generate(o)
	return storage.CreateFilled(path, ds.Unit, storage.Options{User: o.User, NoBackup: true}, func(st *storage.Store) error {
		if err := write(st, ds); err != nil {
			return fmt.Errorf("demoenheten kunne ikke lagres: %w", err)
		}
		if err := addPhotos(st, o); err != nil {
			return fmt.Errorf("demoenhetens bilder kunne ikke lagres: %w", err)
		}
		return nil
	})
}

// write stores the dataset in one transaction (with a change-log entry
// per record, as if entered in the program), in date order so that IDs
// follow the history. Measures made from risk items go through
// AddMeasureForRiskItem, which links both ways.
func write(st *storage.Store, ds Dataset) error {
	return st.Batch(func(b *storage.Batch) error {
		if err := writeCommittee(b, ds); err != nil {
			return err
		}
		if err := writeSickLeave(b, ds.SickLeave); err != nil {
			return fmt.Errorf("sykefraværet: %w", err)
		}
		if err := writeRiskHistory(b, ds); err != nil {
			return err
		}
		return writeModules(b, ds)
	})
}

// writeCommittee stores the members and the unit's risk matrix.
func writeCommittee(b *storage.Batch, ds Dataset) error {
	for _, m := range ds.Members {
		if _, err := b.SaveMember(m); err != nil {
			return err
		}
	}
	if ds.RiskMatrix != (model.RiskMatrix{}) {
		return b.SaveRiskMatrix(ds.RiskMatrix)
	}
	return nil
}

// riskEvent is a measure or a risk assessment (the other index -1), on the
// day it was made.
type riskEvent struct {
	day                 model.Date
	measure, assessment int
}

// riskEvents are the measures and assessments in date order.
func riskEvents(ds Dataset) []riskEvent {
	events := make([]riskEvent, 0, len(ds.Measures)+len(ds.Assessments))
	for i, m := range ds.Measures {
		events = append(events, riskEvent{m.Created, i, -1})
	}
	for i, a := range ds.Assessments {
		events = append(events, riskEvent{a.Date, -1, i})
	}
	slices.SortStableFunc(events, func(a, b riskEvent) int { return a.day.Compare(b.day) })
	return events
}

// writeRiskHistory stores the measures and the risk assessments (with
// their items and the items' measures) in date order, then marks the
// assessments that a later one replaced.
func writeRiskHistory(b *storage.Batch, ds Dataset) error {
	saved := make([]model.RiskAssessment, len(ds.Assessments))
	for _, e := range riskEvents(ds) {
		if e.measure >= 0 {
			m := ds.Measures[e.measure]
			if _, err := b.SaveMeasure(m, m.Updated); err != nil {
				return fmt.Errorf("tiltaket «%s»: %w", m.Title, err)
			}
			continue
		}
		sa, err := writeAssessment(b, ds.Assessments[e.assessment])
		if err != nil {
			return err
		}
		saved[e.assessment] = sa
	}
	for i, a := range ds.Assessments {
		if a.ReplacedBy < 0 {
			continue
		}
		old := saved[i]
		old.SupersededBy = saved[a.ReplacedBy].ID
		if _, err := b.SaveAssessment(old, old.Date); err != nil {
			return err
		}
	}
	return nil
}

// writeAssessment stores one risk assessment, its items and the measures
// made from them (linked both ways), and returns it as stored.
func writeAssessment(b *storage.Batch, a Assessment) (model.RiskAssessment, error) {
	sa, err := b.SaveAssessment(a.RiskAssessment, a.Date)
	if err != nil {
		return sa, fmt.Errorf("risikovurderingen «%s»: %w", a.Title, err)
	}
	for _, it := range a.Items {
		ri := it.RiskItem
		ri.AssessmentID = sa.ID
		si, err := b.SaveRiskItem(ri)
		if err != nil {
			return sa, fmt.Errorf("risikoforholdet «%s»: %w", ri.Hazard, err)
		}
		for _, m := range it.Measures {
			if _, _, err := b.AddMeasureForRiskItem(si.ID, m, m.Updated); err != nil {
				return sa, fmt.Errorf("tiltaket «%s»: %w", m.Title, err)
			}
		}
	}
	return sa, nil
}

// writeModules stores the records of the other modules, each module in
// the order its own writer keeps.
func writeModules(b *storage.Batch, ds Dataset) error {
	if err := writeMeetings(b, ds.Meetings); err != nil {
		return err
	}
	if err := writeDeviations(b, ds.Deviations); err != nil {
		return err
	}
	if err := writeViolence(b, ds.Violence); err != nil {
		return err
	}
	if err := writeSafetyRounds(b, ds.SafetyRounds); err != nil {
		return err
	}
	if err := writeSurveyRounds(b, ds.SurveyRounds); err != nil {
		return err
	}
	if err := writeReviews(b, ds.Reviews); err != nil {
		return err
	}
	return writeExports(b, ds.Exports)
}

func writeExports(b *storage.Batch, xs []model.ExportRecord) error {
	for _, x := range xs {
		if err := b.RecordExport(x, x.On); err != nil {
			return err
		}
	}
	return nil
}

// exports are the annual reports of the last three years, each written on
// 20 January the year after, when that day has come.
func exports(today model.Date) []model.ExportRecord {
	var out []model.ExportRecord
	for y := today.Year() - 3; y < today.Year(); y++ {
		if on := model.NewDate(y+1, 1, 20); !on.After(today) {
			out = append(out, model.ExportRecord{Kind: model.ExportAnnualReport, Year: model.HMSYear(y), On: on})
		}
	}
	return out
}
