package storage

import (
	"errors"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Vold og trusler: the mapping and the record of routines and information
// share the bucket "violence" (one of each per unit), each stored in a
// violenceRecord envelope that says which it is; trainings and drills are
// in "violence_trainings". Measures from the mapping live in the action
// plan; the mapping keeps the links with the point each measure
// addresses. Incidents are deviations of category vold og trusler, read
// from the deviation register.

// Change-log entity names of the module.
const (
	EntityViolenceMapping  = "kartlegging av vold og trusler"
	EntityViolenceRoutines = "rutiner og informasjon om vold og trusler"
	EntityViolenceTraining = "opplæring i vold og trusler"
)

// Kinds of records in the violence bucket.
const (
	violenceKindMapping  = "kartlegging"
	violenceKindRoutines = "rutiner"
)

// violenceRecord is the stored form in the violence bucket: exactly one
// of Mapping and Routines is set, as Kind says.
type violenceRecord struct {
	Kind     string                  `json:"kind"`
	Mapping  *model.ViolenceMapping  `json:"mapping,omitempty"`
	Routines *model.ViolenceRoutines `json:"routines,omitempty"`
}

// check reports a record whose kind and content do not match.
func (r violenceRecord) check() error {
	switch {
	case r.Kind == violenceKindMapping && r.Mapping != nil && r.Routines == nil:
	case r.Kind == violenceKindRoutines && r.Routines != nil && r.Mapping == nil:
	default:
		return fmt.Errorf("ukjent eller ufullstendig post (type %q)", r.Kind)
	}
	return nil
}

func (r violenceRecord) id() uint64 {
	switch {
	case r.Mapping != nil:
		return r.Mapping.ID
	case r.Routines != nil:
		return r.Routines.ID
	}
	return 0
}

var violenceRecords = entity[violenceRecord]{
	bucket: bucketViolence,
	name:   "vold og trusler",
	id:     violenceRecord.id,
	setID: func(r *violenceRecord, id uint64) {
		switch {
		case r.Mapping != nil:
			m := *r.Mapping
			m.ID = id
			r.Mapping = &m
		case r.Routines != nil:
			x := *r.Routines
			x.ID = id
			r.Routines = &x
		}
	},
	label: func(r violenceRecord) string {
		if r.Mapping != nil {
			return "datert " + r.Mapping.Date.String()
		}
		return ""
	},
	// Only one record of each kind per unit.
	across: func(others []violenceRecord, v violenceRecord) error {
		for _, o := range others {
			if o.Kind == v.Kind {
				if v.Kind == violenceKindMapping {
					return errors.New("Enheten har allerede en kartlegging av vold og trusler – åpne og revider den i stedet for å lage en ny")
				}
				return errors.New("Enheten har allerede en oversikt over rutiner og informasjon om vold og trusler")
			}
		}
		return nil
	},
}

// violenceEntity is violenceRecords with the change-log name of kind.
func violenceEntity(kind string) entity[violenceRecord] {
	e := violenceRecords
	e.name = EntityViolenceMapping
	if kind == violenceKindRoutines {
		e.name = EntityViolenceRoutines
	}
	return e
}

var violenceTrainings = entity[model.ViolenceTraining]{
	bucket: bucketViolenceTrainings,
	name:   EntityViolenceTraining,
	id:     func(t model.ViolenceTraining) uint64 { return t.ID },
	setID:  func(t *model.ViolenceTraining, id uint64) { t.ID = id },
	label: func(t model.ViolenceTraining) string {
		return fmt.Sprintf("«%s» %s", t.Topic, t.Date)
	},
	norm: model.ViolenceTraining.Normalized,
}

var (
	_ = registerBucket(recordSpec(bucketViolence, "vold og trusler", 3, func(id uint64, r violenceRecord) error {
		if err := r.check(); err != nil {
			return err
		}
		if r.id() != id {
			return fmt.Errorf("posten har ID %d", r.id())
		}
		// Validated as of its own dates: what was valid when saved stays so.
		if r.Mapping != nil {
			return r.Mapping.Validate(r.Mapping.Date)
		}
		return r.Routines.Validate(latestInformed(*r.Routines))
	}))
	_ = registerBucket(recordSpec(bucketViolenceTrainings, "opplæring og øvelser", 3, func(id uint64, t model.ViolenceTraining) error {
		if t.ID != id {
			return fmt.Errorf("posten har ID %d", t.ID)
		}
		return t.Validate(t.Date)
	}))
	_ = registerInvariant(checkViolenceInvariants)
)

// latestInformed is the latest date in the record, the day it can at the
// earliest have been saved.
func latestInformed(r model.ViolenceRoutines) model.Date {
	d := model.NewDate(2000, 1, 1)
	for _, i := range r.Informed {
		if i.Date.After(d) {
			d = i.Date
		}
	}
	for _, x := range r.Routines {
		if x.Updated.After(d) {
			d = x.Updated
		}
	}
	return d
}

// checkViolenceInvariants: at most one mapping and one routines record.
// A link to a measure deleted from the action plan is not a problem:
// DeleteMeasure does not know this module, so links are filtered when
// read (findViolence) and dropped at the next save.
func checkViolenceInvariants(tx *bbolt.Tx) []string {
	var problems []string
	count := map[string]int{}
	_ = forEachDecodable(tx, bucketViolence, func(_ uint64, r violenceRecord) error {
		count[r.Kind]++
		return nil
	})
	if count[violenceKindMapping] > 1 {
		problems = append(problems, fmt.Sprintf("Det finnes %d kartlegginger av vold og trusler; det skal være én", count[violenceKindMapping]))
	}
	if count[violenceKindRoutines] > 1 {
		problems = append(problems, fmt.Sprintf("Det finnes %d oversikter over rutiner for vold og trusler; det skal være én", count[violenceKindRoutines]))
	}
	return problems
}

// findViolence returns the record of kind, and whether there is one. A
// mapping's links to measures no longer in the action plan are left out.
func findViolence(tx *bbolt.Tx, kind string) (violenceRecord, bool, error) {
	var out violenceRecord
	found := false
	err := forEachRecord(tx, bucketViolence, func(id uint64, r violenceRecord) error {
		if r.Kind == kind && !found {
			violenceRecords.setID(&r, id)
			out, found = r, true
		}
		return nil
	})
	if err != nil || !found || out.Mapping == nil || len(out.Mapping.Measures) == 0 {
		return out, found, err
	}
	mb := tx.Bucket([]byte(bucketMeasures))
	m := *out.Mapping
	m.Measures = slices.DeleteFunc(append([]model.ViolenceMeasureLink(nil), m.Measures...), func(l model.ViolenceMeasureLink) bool {
		return mb == nil || mb.Get(itob(l.MeasureID)) == nil
	})
	if len(m.Measures) == 0 {
		m.Measures = nil
	}
	out.Mapping = &m
	return out, found, err
}

// ViolenceMapping returns the unit's mapping, and false if there is none.
func (s *Store) ViolenceMapping() (model.ViolenceMapping, bool, error) {
	var m model.ViolenceMapping
	var found bool
	err := s.view(func(tx *bbolt.Tx) error {
		r, ok, err := findViolence(tx, violenceKindMapping)
		if ok {
			m, found = *r.Mapping, true
		}
		return err
	})
	return m, found, err
}

// SaveViolenceMapping creates (ID 0) or updates the unit's mapping,
// validated as of today. A new mapping without a matrix gets the unit's
// matrix; an edited one without a matrix keeps its own. The links to
// measures are the stored ones (they change only through
// AddViolenceMeasure and when a measure is deleted), so a form holding an
// old copy cannot drop a link; links to measures that no longer exist are
// removed. A second mapping is refused.
func (s *Store) SaveViolenceMapping(m model.ViolenceMapping, today model.Date) (model.ViolenceMapping, error) {
	return inBatch(s, func(b *Batch) (model.ViolenceMapping, error) { return b.SaveViolenceMapping(m, today) })
}

// SaveViolenceMapping is Store.SaveViolenceMapping inside the batch.
func (b *Batch) SaveViolenceMapping(m model.ViolenceMapping, today model.Date) (model.ViolenceMapping, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		unit, err := readRiskMatrix(tx)
		if err != nil {
			return nil, err
		}
		mb, err := bucketOf(tx, bucketMeasures)
		if err != nil {
			return nil, err
		}
		e := violenceEntity(violenceKindMapping)
		e.norm = func(r violenceRecord) violenceRecord {
			n := r.Mapping.Normalized()
			r.Mapping = &n
			return r
		}
		e.fill = func(old violenceRecord, created bool, r violenceRecord) violenceRecord {
			n := *r.Mapping
			if created {
				n.Measures = nil
				if n.Matrix == (model.RiskMatrix{}) {
					n.Matrix = unit
				}
			} else {
				if old.Mapping == nil {
					return r // refused by check
				}
				n.Measures = append([]model.ViolenceMeasureLink(nil), old.Mapping.Measures...)
				if n.Matrix == (model.RiskMatrix{}) {
					n.Matrix = old.Mapping.Matrix
				}
			}
			n.Measures = slices.DeleteFunc(n.Measures, func(l model.ViolenceMeasureLink) bool { return mb.Get(itob(l.MeasureID)) == nil })
			if len(n.Measures) == 0 {
				n.Measures = nil
			}
			r.Mapping = &n
			return r
		}
		e.check = func(r violenceRecord) error {
			if r.Mapping == nil || r.Kind != violenceKindMapping {
				return errors.New("Posten er ikke en kartlegging av vold og trusler")
			}
			return r.Mapping.Validate(today)
		}
		if m.ID != 0 {
			old, err := violenceRecords.get(tx, m.ID)
			if err != nil {
				return nil, err
			}
			if old.Kind != violenceKindMapping {
				return nil, fmt.Errorf("Post %d er ikke en kartlegging av vold og trusler", m.ID)
			}
		}
		r, c, err := e.save(tx, violenceRecord{Kind: violenceKindMapping, Mapping: &m})
		if err == nil || errors.Is(err, errNoChange) {
			m = *r.Mapping
		}
		return single(c, err)
	})
	return m, err
}

// AddViolenceMeasure saves measure ms in the action plan and links it to
// factor f (0 = the combined assessment) of the unit's mapping with point
// p, in ONE transaction. An empty source, topic, priority area or status
// is filled by model.NewViolenceMeasure. The mapping must exist.
func (s *Store) AddViolenceMeasure(f model.ViolenceFactor, p model.MeasurePoint, ms model.Measure, today model.Date) (model.Measure, model.ViolenceMapping, error) {
	return inBatch2(s, func(b *Batch) (model.Measure, model.ViolenceMapping, error) {
		return b.AddViolenceMeasure(f, p, ms, today)
	})
}

// AddViolenceMeasure is Store.AddViolenceMeasure inside the batch.
func (b *Batch) AddViolenceMeasure(f model.ViolenceFactor, p model.MeasurePoint, ms model.Measure, today model.Date) (model.Measure, model.ViolenceMapping, error) {
	today = b.today(today)
	var mapping model.ViolenceMapping
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		r, found, err := findViolence(tx, violenceKindMapping)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, errors.New("Lagre kartleggingen før du legger til tiltak")
		}
		mapping = *r.Mapping
		var v model.ValidationError
		if f != model.FactorCombined && !f.Valid() {
			v.Add(model.FieldFactor, fmt.Sprintf("Faktor %d finnes ikke", int(f)))
		}
		if !p.Valid() {
			v.Add(model.FieldMeasurePoint, "Velg hvilket punkt i forskriften tiltaket gjelder")
		}
		if err := v.Err(); err != nil {
			return nil, err
		}
		tmpl := model.NewViolenceMeasure(mapping, f, ms.Title, ms.Responsible, ms.Deadline, today)
		ms = ms.FillFrom(tmpl)
		var changes []Change
		var c Change
		ms, c, err = measureEntity(today).save(tx, ms)
		if err := collect(&changes, c, err); err != nil {
			return nil, err
		}
		linked := mapping.LinkMeasure(model.ViolenceMeasureLink{MeasureID: ms.ID, Factor: f, Point: p})
		if err := linked.Validate(linked.Date); err != nil {
			return nil, fmt.Errorf("kartleggingen kan ikke lagres: %w", err)
		}
		if err := violenceRecords.put(tx, violenceRecord{Kind: violenceKindMapping, Mapping: &linked}); err != nil {
			return nil, err
		}
		changes = append(changes, Change{Entity: EntityViolenceMapping, EntityID: linked.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Koblet tiltak «%s» til %s (%s)", ms.Title, f.Numbered(), p.Label())})
		mapping = linked
		return changes, nil
	})
	return ms, mapping, err
}

// UnlinkViolenceMeasure removes the link to measure id from the mapping;
// the measure stays in the action plan.
func (s *Store) UnlinkViolenceMeasure(id uint64) (model.ViolenceMapping, error) {
	var out model.ViolenceMapping
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		r, found, err := findViolence(tx, violenceKindMapping)
		if err != nil || !found {
			return nil, err
		}
		m := *r.Mapping
		out = m
		n := len(m.Measures)
		m.Measures = slices.DeleteFunc(append([]model.ViolenceMeasureLink(nil), m.Measures...), func(l model.ViolenceMeasureLink) bool { return l.MeasureID == id })
		if len(m.Measures) == n {
			return nil, errNoChange
		}
		if len(m.Measures) == 0 {
			m.Measures = nil
		}
		if err := violenceRecords.put(tx, violenceRecord{Kind: violenceKindMapping, Mapping: &m}); err != nil {
			return nil, err
		}
		out = m
		return []Change{{Entity: EntityViolenceMapping, EntityID: m.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Fjernet koblingen til tiltak %d fra kartleggingen av vold og trusler", id)}}, nil
	})
	if errors.Is(err, errNoChange) {
		err = nil
	}
	return out, err
}

// ViolenceRoutines returns the unit's record of routines and information;
// the zero value (ID 0) when there is none yet.
func (s *Store) ViolenceRoutines() (model.ViolenceRoutines, error) {
	var out model.ViolenceRoutines
	err := s.view(func(tx *bbolt.Tx) error {
		r, ok, err := findViolence(tx, violenceKindRoutines)
		if ok {
			out = *r.Routines
		}
		return err
	})
	return out, err
}

// SaveViolenceRoutines creates (ID 0) or updates the record of routines
// and information, validated as of today.
func (s *Store) SaveViolenceRoutines(r model.ViolenceRoutines, today model.Date) (model.ViolenceRoutines, error) {
	return inBatch(s, func(b *Batch) (model.ViolenceRoutines, error) { return b.SaveViolenceRoutines(r, today) })
}

// SaveViolenceRoutines is Store.SaveViolenceRoutines inside the batch.
func (b *Batch) SaveViolenceRoutines(x model.ViolenceRoutines, today model.Date) (model.ViolenceRoutines, error) {
	today = b.today(today)
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		e := violenceEntity(violenceKindRoutines)
		e.norm = func(r violenceRecord) violenceRecord {
			n := r.Routines.Normalized()
			r.Routines = &n
			return r
		}
		e.check = func(r violenceRecord) error {
			if r.Routines == nil || r.Kind != violenceKindRoutines {
				return errors.New("Posten er ikke en oversikt over rutiner for vold og trusler")
			}
			return r.Routines.Validate(today)
		}
		if x.ID != 0 {
			old, err := violenceRecords.get(tx, x.ID)
			if err != nil {
				return nil, err
			}
			if old.Kind != violenceKindRoutines {
				return nil, fmt.Errorf("Post %d er ikke en oversikt over rutiner", x.ID)
			}
		}
		r, c, err := e.save(tx, violenceRecord{Kind: violenceKindRoutines, Routines: &x})
		if err == nil || errors.Is(err, errNoChange) {
			x = *r.Routines
		}
		return single(c, err)
	})
	return x, err
}

// ViolenceTrainings returns the training log in ID order.
func (s *Store) ViolenceTrainings() ([]model.ViolenceTraining, error) {
	return listEntities(s, violenceTrainings)
}

// SaveViolenceTraining creates (ID 0) or updates a training, validated as
// of today.
func (s *Store) SaveViolenceTraining(t model.ViolenceTraining, today model.Date) (model.ViolenceTraining, error) {
	return inBatch(s, func(b *Batch) (model.ViolenceTraining, error) { return b.SaveViolenceTraining(t, today) })
}

// SaveViolenceTraining is Store.SaveViolenceTraining inside the batch.
func (b *Batch) SaveViolenceTraining(t model.ViolenceTraining, today model.Date) (model.ViolenceTraining, error) {
	today = b.today(today)
	e := violenceTrainings
	e.check = func(t model.ViolenceTraining) error { return t.Validate(today) }
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var c Change
		var err error
		t, c, err = e.save(tx, t)
		return single(c, err)
	})
	return t, err
}

// DeleteViolenceTraining removes a training from the log.
func (s *Store) DeleteViolenceTraining(id uint64) error {
	return deleteEntity(s, violenceTrainings, id)
}

// ViolenceData is everything the module's pages and reports show, read
// in one transaction.
type ViolenceData struct {
	Mapping    model.ViolenceMapping
	HasMapping bool
	Routines   model.ViolenceRoutines
	Trainings  []model.ViolenceTraining
	Measures   []model.Measure   // the whole action plan
	Incidents  []model.Deviation // deviations of category vold og trusler
	Matrix     model.RiskMatrix  // the unit's matrix
	// Courses are the HMS courses of every annual review; those about
	// violence and threats count as training in the status, as the annual
	// report counts them (model.CoursesAsViolenceTrainings).
	Courses []model.HMSCourse
}

// StatusInput returns the input for model.ViolenceStatus.
func (d ViolenceData) StatusInput() model.ViolenceStatusInput {
	in := model.ViolenceStatusInput{Routines: d.Routines, Trainings: d.Trainings, Measures: d.Measures, Incidents: d.Incidents}
	if cs := model.CoursesAsViolenceTrainings(d.Courses, d.Trainings); len(cs) > 0 {
		in.Trainings = append(slices.Clip(d.Trainings), cs...)
	}
	if d.HasMapping {
		m := d.Mapping
		in.Mapping = &m
	}
	return in
}

// ViolenceData reads the module's data. Damaged deviation records are
// skipped here (Check reports them).
func (s *Store) ViolenceData() (ViolenceData, error) {
	var d ViolenceData
	err := s.view(func(tx *bbolt.Tx) error {
		r, ok, err := findViolence(tx, violenceKindMapping)
		if err != nil {
			return err
		}
		if ok {
			d.Mapping, d.HasMapping = *r.Mapping, true
		}
		if r, ok, err = findViolence(tx, violenceKindRoutines); err != nil {
			return err
		} else if ok {
			d.Routines = *r.Routines
		}
		d.Matrix, err = readRiskMatrix(tx)
		return err
	})
	if err != nil {
		return d, err
	}
	// The long lists come through the list cache: this store is the file's
	// only writer, so they are the same as a read in the transaction above.
	if d.Trainings, err = listEntities(s, violenceTrainings); err != nil {
		return d, err
	}
	if d.Measures, err = s.Measures(); err != nil {
		return d, err
	}
	if d.Courses, err = s.reviewCourses(); err != nil {
		return d, err
	}
	devs, err := s.Deviations()
	if err != nil {
		return d, err
	}
	for _, dev := range devs {
		if dev.Category == model.DevViolence {
			d.Incidents = append(d.Incidents, dev)
		}
	}
	return d, nil
}

// reviewCourses returns the HMS courses of every annual review.
func (s *Store) reviewCourses() ([]model.HMSCourse, error) {
	rs, err := s.AnnualReviews()
	var out []model.HMSCourse
	for _, r := range rs {
		out = append(out, r.Trainings...)
	}
	return out, err
}
