package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Safety rounds in "safety_rounds", the unit's own checklist templates in
// "checklist_templates" (the shipped ones live in package assets). A round
// carries its own copy of the checklist, so templates can be edited or
// deleted freely. A completed round is locked: every write to it is
// refused here by the model's rule (model.CheckRoundChange). Measures made
// from a finding are linked both ways: the measure's Source names the
// round (ParentID) and question number (RefID), and the answer lists the
// measure.

// safetyRounds reads rounds; writes use safetyRoundEntity.
var safetyRounds = entity[model.SafetyRound]{
	bucket: bucketSafetyRounds,
	name:   EntitySafetyRound,
	id:     func(r model.SafetyRound) uint64 { return r.ID },
	setID:  func(r *model.SafetyRound, id uint64) { r.ID = id },
	label:  func(r model.SafetyRound) string { return "«" + r.Title + "»" },
	norm:   model.SafetyRound.Normalized,
}

// checklistTemplates is the unit's own templates.
var checklistTemplates = entity[model.ChecklistTemplate]{
	bucket: bucketChecklistTemplates,
	name:   EntityChecklistTemplate,
	id:     func(t model.ChecklistTemplate) uint64 { return t.ID },
	setID:  func(t *model.ChecklistTemplate, id uint64) { t.ID = id },
	label:  func(t model.ChecklistTemplate) string { return "«" + t.Name + "»" },
	norm: func(t model.ChecklistTemplate) model.ChecklistTemplate {
		t = t.Normalized()
		t.Key = "" // the unit's own templates are never "shipped"
		return t
	},
	check: model.ChecklistTemplate.Validate,
}

// roundDay is the day a stored round was last valid on: its completion
// day, or its date while it is in progress.
func roundDay(r model.SafetyRound) model.Date {
	if !r.CompletedOn.IsZero() {
		return r.CompletedOn
	}
	return r.Date
}

var (
	_ = registerBucket(recordSpec(bucketSafetyRounds, "vernerunder", 3, func(id uint64, r model.SafetyRound) error {
		if r.ID != id {
			return fmt.Errorf("posten har ID %d", r.ID)
		}
		return r.Validate(roundDay(r))
	}))
	_ = registerBucket(recordSpec(bucketChecklistTemplates, "sjekklistemaler", 3, func(id uint64, t model.ChecklistTemplate) error {
		if t.ID != id {
			return fmt.Errorf("posten har ID %d", t.ID)
		}
		return t.Validate()
	}))
)

// safetyRoundEntity is the round entity for a save on day today: an edit
// of a completed round is refused (the lock), the checklist copy cannot be
// replaced once the round exists, links to measures and deviations are
// kept from the stored round (a form holding an old copy cannot drop
// them), and the result is validated as of today.
func safetyRoundEntity(today model.Date) entity[model.SafetyRound] {
	e := safetyRounds
	var lockErr error
	e.fill = func(old model.SafetyRound, created bool, r model.SafetyRound) model.SafetyRound {
		lockErr = nil
		if created {
			return r
		}
		if err := model.CheckRoundChange(old, r); err != nil {
			lockErr = err
			return old
		}
		if len(r.Sections) == 0 {
			r.Sections = old.Sections
		} else if !sameSections(r.Sections, old.Sections) {
			var v model.ValidationError
			v.Add(model.FieldSections, "Spørsmålene i en påbegynt vernerunde kan ikke endres. Start en ny vernerunde for å bruke en endret sjekkliste.")
			lockErr = v.Err()
			return old
		}
		r.TemplateID, r.TemplateKey, r.TemplateName = old.TemplateID, old.TemplateKey, old.TemplateName
		for _, oa := range old.Answers {
			if len(oa.MeasureIDs) == 0 && len(oa.DeviationIDs) == 0 {
				continue
			}
			i := slices.IndexFunc(r.Answers, func(a model.RoundAnswer) bool { return a.Number == oa.Number })
			if i < 0 {
				r.Answers = append(r.Answers, model.RoundAnswer{Number: oa.Number})
				slices.SortStableFunc(r.Answers, func(a, b model.RoundAnswer) int { return a.Number - b.Number })
				i = slices.IndexFunc(r.Answers, func(a model.RoundAnswer) bool { return a.Number == oa.Number })
			}
			a := r.Answers[i]
			a.MeasureIDs = unionIDs(oa.MeasureIDs, a.MeasureIDs)
			a.DeviationIDs = unionIDs(oa.DeviationIDs, a.DeviationIDs)
			r.Answers[i] = a
		}
		return r
	}
	e.check = func(r model.SafetyRound) error {
		if lockErr != nil {
			return lockErr
		}
		return r.Validate(today)
	}
	return e
}

// sameSections compares two checklist copies after normalising.
func sameSections(a, b []model.ChecklistSection) bool {
	return model.ChecklistText(a) == model.ChecklistText(b)
}

// unionIDs returns a followed by the IDs of b not in a.
func unionIDs(a, b []uint64) []uint64 {
	out := append([]uint64(nil), a...)
	for _, id := range b {
		if id != 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// SafetyRounds returns all rounds in ID order.
func (s *Store) SafetyRounds() ([]model.SafetyRound, error) {
	return listEntities(s, safetyRounds)
}

// SafetyRound returns one round.
func (s *Store) SafetyRound(id uint64) (model.SafetyRound, error) {
	return getEntity(s, safetyRounds, id)
}

// SaveSafetyRound creates (ID 0) or updates a round, validated as of
// today. A completed round is refused with the model's message and the
// database is left as it was; so is a change to the round's questions.
func (s *Store) SaveSafetyRound(r model.SafetyRound, today model.Date) (model.SafetyRound, error) {
	return inBatch(s, func(b *Batch) (model.SafetyRound, error) { return b.SaveSafetyRound(r, today) })
}

// SaveSafetyRound is Store.SaveSafetyRound inside the batch.
func (b *Batch) SaveSafetyRound(r model.SafetyRound, today model.Date) (model.SafetyRound, error) {
	e := safetyRoundEntity(b.today(today))
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var c Change
		var err error
		r, c, err = e.save(tx, r)
		return single(c, err)
	})
	return r, err
}

// AnswerSafetyRound stores the answer and comment to question n of round
// id, reading and writing in one transaction so that nothing else the
// form holds is written. A completed round is refused.
func (s *Store) AnswerSafetyRound(id uint64, n int, a model.Answer, comment string, today model.Date) (model.SafetyRound, error) {
	return inBatch(s, func(b *Batch) (model.SafetyRound, error) { return b.AnswerSafetyRound(id, n, a, comment, today) })
}

// AnswerSafetyRound is Store.AnswerSafetyRound inside the batch.
func (b *Batch) AnswerSafetyRound(id uint64, n int, a model.Answer, comment string, today model.Date) (model.SafetyRound, error) {
	today = b.today(today)
	var out model.SafetyRound
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, err := safetyRounds.get(tx, id)
		if err != nil {
			return nil, err
		}
		out = old
		r, err := old.SetAnswer(n, a, comment, today)
		if err != nil {
			return nil, err
		}
		r, c, err := safetyRoundEntity(today).save(tx, r)
		if err != nil {
			return nil, err
		}
		out = r
		word := "ubesvart"
		if a.Valid() {
			word = strings.ToLower(a.Label())
		}
		c.Summary = fmt.Sprintf("Svar på spørsmål nr. %d i vernerunde «%s»: %s", n, r.Title, word)
		return []Change{c}, nil
	})
	return out, err
}

// CompleteSafetyRound completes and locks round id as of today by the
// model's rules (model.SafetyRound.Complete); what is missing comes back
// as a ValidationError and nothing is written.
func (s *Store) CompleteSafetyRound(id uint64, today model.Date) (model.SafetyRound, error) {
	return inBatch(s, func(b *Batch) (model.SafetyRound, error) { return b.CompleteSafetyRound(id, today) })
}

// CompleteSafetyRound is Store.CompleteSafetyRound inside the batch.
func (b *Batch) CompleteSafetyRound(id uint64, today model.Date) (model.SafetyRound, error) {
	today = b.today(today)
	var out model.SafetyRound
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		old, err := safetyRounds.get(tx, id)
		if err != nil {
			return nil, err
		}
		out = old
		r, err := old.Complete(today)
		if err != nil {
			return nil, err
		}
		r, c, err := safetyRoundEntity(today).save(tx, r)
		if err != nil {
			return nil, err
		}
		out = r
		c.Summary = fmt.Sprintf("Fullførte og låste vernerunde «%s» (%d funn)", r.Title, len(r.Findings()))
		return []Change{c}, nil
	})
	return out, err
}

// SaveAndCompleteSafetyRound stores r as the form holds it (summary,
// notes, comments typed but not yet saved) and completes and locks it, in
// one transaction: either both happen, or nothing is written and the
// model's message says what is missing.
func (s *Store) SaveAndCompleteSafetyRound(r model.SafetyRound, today model.Date) (model.SafetyRound, error) {
	return inBatch(s, func(b *Batch) (model.SafetyRound, error) { return b.SaveAndCompleteSafetyRound(r, today) })
}

// SaveAndCompleteSafetyRound is Store.SaveAndCompleteSafetyRound inside the batch.
func (b *Batch) SaveAndCompleteSafetyRound(r model.SafetyRound, today model.Date) (model.SafetyRound, error) {
	today = b.today(today)
	out := r
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		e := safetyRoundEntity(today)
		var changes []Change
		saved, c, err := e.save(tx, r)
		switch {
		case errors.Is(err, errNoChange):
		case err != nil:
			return nil, err
		default:
			changes = append(changes, c)
		}
		done, err := saved.Complete(today)
		if err != nil {
			return nil, err
		}
		done, c, err = e.save(tx, done)
		if err != nil {
			return nil, err
		}
		out = done
		c.Summary = fmt.Sprintf("Fullførte og låste vernerunde «%s» (%d funn)", done.Title, len(done.Findings()))
		return append(changes, c), nil
	})
	return out, err
}

// DeleteSafetyRound removes a round in progress. A completed round is
// refused. Measures made from its findings stay in the action plan, where
// their Source label still names the round.
func (s *Store) DeleteSafetyRound(id uint64) error {
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		r, err := safetyRounds.get(tx, id)
		if err == nil {
			if err := model.CheckRoundDelete(r); err != nil {
				return nil, err
			}
		} else if !errors.Is(err, ErrNotFound) {
			// A record that no longer decodes can still be removed.
			if found, herr := hasRecord(tx, bucketSafetyRounds, id); herr != nil || !found {
				return nil, err
			}
		}
		_, c, err := safetyRounds.remove(tx, id)
		if err != nil {
			return nil, err
		}
		return []Change{c}, nil
	})
}

// AddMeasureForFinding saves m and links it to question n of round
// roundID in ONE transaction, with a change-log entry for each: both are
// stored or neither. The question must be answered «Må forbedres» and the
// round must not be completed. If m.Source.Kind is empty or «vernerunde»
// the measure gets the finding as source by the model's rules
// (model.NewMeasureFromFinding),
// and an empty title, priority area or status is taken from there too.
func (s *Store) AddMeasureForFinding(roundID uint64, n int, m model.Measure, today model.Date) (model.Measure, model.SafetyRound, error) {
	return inBatch2(s, func(b *Batch) (model.Measure, model.SafetyRound, error) {
		return b.AddMeasureForFinding(roundID, n, m, today)
	})
}

// AddMeasureForFinding is Store.AddMeasureForFinding inside the batch.
func (b *Batch) AddMeasureForFinding(roundID uint64, n int, m model.Measure, today model.Date) (model.Measure, model.SafetyRound, error) {
	today = b.today(today)
	var round model.SafetyRound
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if round, err = editableFinding(tx, roundID, n, "Tiltak kan bare lages fra funn"); err != nil {
			return nil, err
		}
		tmpl := model.NewMeasureFromFinding(round, n, m.Title, m.Responsible, m.Deadline, today)
		if m.Source.Kind == model.SourceSafetyRound {
			// The link must name this round and question, also when the
			// measure was prepared before the round had its ID.
			m.Source = tmpl.Source
		}
		m = m.FillFrom(tmpl)
		if strings.TrimSpace(m.Description) == "" {
			m.Description = tmpl.Description // the finding's comment
		}
		var changes []Change
		var c Change
		m, c, err = measureEntity(today).save(tx, m)
		if err := collect(&changes, c, err); err != nil {
			return nil, err
		}
		linked, err := round.LinkMeasure(n, m.ID)
		if err != nil {
			return nil, err
		}
		if err := linked.Validate(roundDay(linked)); err != nil {
			return nil, fmt.Errorf("vernerunden «%s» kan ikke lagres: %w", round.Title, err)
		}
		if err := safetyRounds.put(tx, linked); err != nil {
			return nil, err
		}
		changes = append(changes, Change{Entity: EntitySafetyRound, EntityID: round.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Koblet tiltak «%s» til funn nr. %d i vernerunde «%s»", m.Title, n, round.Title)})
		round = linked
		return changes, nil
	})
	return m, round, err
}

// LinkDeviationToFinding links deviation devID to question n of round
// roundID (for a deviation registered from a finding). The round must not
// be completed.
func (s *Store) LinkDeviationToFinding(roundID uint64, n int, devID uint64) (model.SafetyRound, error) {
	var out model.SafetyRound
	err := s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		r, err := safetyRounds.get(tx, roundID)
		if err != nil {
			return nil, err
		}
		out = r
		linked, err := r.LinkDeviation(n, devID)
		if err != nil {
			return nil, err
		}
		if len(linked.AnswerFor(n).DeviationIDs) == len(r.AnswerFor(n).DeviationIDs) {
			return nil, errNoChange
		}
		if err := safetyRounds.put(tx, linked); err != nil {
			return nil, err
		}
		out = linked
		return []Change{{Entity: EntitySafetyRound, EntityID: r.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Koblet avvik %d til funn nr. %d i vernerunde «%s»", devID, n, r.Title)}}, nil
	})
	return out, err
}

// ChecklistTemplates returns the unit's own templates in ID order.
func (s *Store) ChecklistTemplates() ([]model.ChecklistTemplate, error) {
	return listEntities(s, checklistTemplates)
}

// ChecklistTemplate returns one of the unit's own templates.
func (s *Store) ChecklistTemplate(id uint64) (model.ChecklistTemplate, error) {
	return getEntity(s, checklistTemplates, id)
}

// SaveChecklistTemplate creates (ID 0) or updates one of the unit's own
// templates. Rounds already started keep their own copy of the questions.
func (s *Store) SaveChecklistTemplate(t model.ChecklistTemplate) (model.ChecklistTemplate, error) {
	return saveEntity(s, checklistTemplates, t)
}

// SaveChecklistTemplate is Store.SaveChecklistTemplate inside the batch.
func (b *Batch) SaveChecklistTemplate(t model.ChecklistTemplate) (model.ChecklistTemplate, error) {
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var c Change
		var err error
		t, c, err = checklistTemplates.save(tx, t)
		return single(c, err)
	})
	return t, err
}

// DeleteChecklistTemplate removes one of the unit's own templates; rounds
// made from it keep their copy.
func (s *Store) DeleteChecklistTemplate(id uint64) error {
	return deleteEntity(s, checklistTemplates, id)
}

// AddDeviationForFinding registers deviation d from question n of round
// roundID and links them both ways (the deviation's SafetyRoundID and the
// answer's DeviationIDs) in ONE transaction. The question must be answered
// «Må forbedres» and the round must not be completed. An empty date is the
// round's date and an empty type is avvik.
func (s *Store) AddDeviationForFinding(roundID uint64, n int, d model.Deviation, today model.Date) (model.Deviation, model.SafetyRound, error) {
	return inBatch2(s, func(b *Batch) (model.Deviation, model.SafetyRound, error) {
		return b.AddDeviationForFinding(roundID, n, d, today)
	})
}

// AddDeviationForFinding is Store.AddDeviationForFinding inside the batch.
func (b *Batch) AddDeviationForFinding(roundID uint64, n int, d model.Deviation, today model.Date) (model.Deviation, model.SafetyRound, error) {
	today = b.today(today)
	var round model.SafetyRound
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if round, err = editableFinding(tx, roundID, n, "Avvik kan bare registreres fra funn"); err != nil {
			return nil, err
		}
		return nil, nil
	})
	if err != nil {
		return d, round, err
	}
	d.SafetyRoundID = roundID
	if d.Date.IsZero() {
		d.Date = round.Date
	}
	if d.Type == "" {
		d.Type = model.TypeDeviation
	}
	if d, err = b.SaveDeviation(d, today); err != nil {
		return d, round, err
	}
	err = b.do(func(tx *bbolt.Tx) ([]Change, error) {
		linked, err := round.LinkDeviation(n, d.ID)
		if err != nil {
			return nil, err
		}
		if err := safetyRounds.put(tx, linked); err != nil {
			return nil, err
		}
		round = linked
		return []Change{{Entity: EntitySafetyRound, EntityID: round.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Koblet avvik %d til funn nr. %d i vernerunde «%s»", d.ID, n, round.Title)}}, nil
	})
	return d, round, err
}

// editableFinding reads the round and checks that question n is a finding
// («Må forbedres») in a round that is not locked: only findings become
// measures or deviations. what starts the message when it is not a finding.
func editableFinding(tx *bbolt.Tx, roundID uint64, n int, what string) (model.SafetyRound, error) {
	round, err := safetyRounds.get(tx, roundID)
	if err != nil {
		return round, err
	}
	if err := round.CheckEditable(); err != nil {
		return round, err
	}
	if round.AnswerFor(n).Answer != model.AnswerImprove {
		var v model.ValidationError
		v.Add(model.FieldRoundAnswers, fmt.Sprintf("%s: spørsmål nr. %d er ikke besvart «Må forbedres»", what, n))
		return round, v.Err()
	}
	return round, nil
}
