package storage

import (
	"errors"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// Meetings of the HMS committee in "meetings". A decision can become a
// measure in the action plan: AddMeasureForDecision stores the measure
// (Source = the meeting and the decision) and the decision's MeasureID in
// one transaction. Deleting a meeting leaves its measures in the plan,
// where their Source label still names the meeting; a decision whose
// measure was deleted from the plan keeps the old ID as history.

// Change-log entity names of this module.
const (
	EntityMeeting    = "møte"
	EntityWheelEntry = "punkt i årshjulet"
)

// meetings reads meetings; writes use meetingEntity with the day's date.
var meetings = meetingEntity(model.Date{})

// meetingEntity is the meeting entity for a save on day today: Created and
// Updated are kept as for measures, and the meeting is validated as of
// today.
func meetingEntity(today model.Date) entity[model.Meeting] {
	return entity[model.Meeting]{
		bucket: bucketMeetings,
		name:   EntityMeeting,
		id:     func(m model.Meeting) uint64 { return m.ID },
		setID:  func(m *model.Meeting, id uint64) { m.ID = id },
		label:  func(m model.Meeting) string { return "«" + m.Title() + "»" },
		norm:   model.Meeting.Normalized,
		fill: func(old model.Meeting, created bool, m model.Meeting) model.Meeting {
			if created {
				if m.Created.IsZero() {
					m.Created = today
				}
				m.Updated = today
				return m
			}
			if m.Created.IsZero() {
				m.Created = old.Created
			}
			m.Updated = old.Updated
			if a, b := encodeOrNil(m), encodeOrNil(old); a == nil || string(a) != string(b) {
				m.Updated = today
			}
			return m
		},
		check: func(m model.Meeting) error { return m.Validate(today) },
	}
}

// encodeOrNil is the stored form of v, for comparing records that hold
// slices (and so cannot be compared with ==).
func encodeOrNil(v any) []byte {
	b, err := encodeRecord(v)
	if err != nil {
		return nil
	}
	return b
}

var _ = registerBucket(recordSpec(bucketMeetings, "møter", 3, func(id uint64, m model.Meeting) error {
	if m.ID != id {
		return fmt.Errorf("posten har ID %d", m.ID)
	}
	if m.Updated.IsZero() {
		return errors.New("mangler dato for sist endret")
	}
	// Valid on the day it was last saved; later days only make registered
	// attendance more plausible.
	return m.Validate(m.Updated)
}))

// Meetings returns all meetings, oldest first (by date, then ID).
func (s *Store) Meetings() ([]model.Meeting, error) {
	ms, err := listEntities(s, meetings)
	slices.SortStableFunc(ms, func(a, b model.Meeting) int { return a.Date.Compare(b.Date) })
	return ms, err
}

// Meeting returns one meeting.
func (s *Store) Meeting(id uint64) (model.Meeting, error) {
	return getEntity(s, meetings, id)
}

// SaveMeeting creates (ID 0) or updates a meeting, validated as of today.
// The normalised meeting is returned as stored, with its ID.
func (s *Store) SaveMeeting(m model.Meeting, today model.Date) (model.Meeting, error) {
	return inBatch(s, func(b *Batch) (model.Meeting, error) { return b.SaveMeeting(m, today) })
}

// SaveMeeting is Store.SaveMeeting inside the batch.
func (b *Batch) SaveMeeting(m model.Meeting, today model.Date) (model.Meeting, error) {
	e := meetingEntity(b.today(today))
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		if m.ID != 0 {
			// Links to measures are made by AddMeasureForDecision only, so
			// a form holding a stale copy cannot drop one.
			old, err := meetings.get(tx, m.ID)
			if err != nil {
				return nil, err
			}
			m = keepMeasureLinks(old, m)
		}
		var c Change
		var err error
		m, c, err = e.save(tx, m)
		return single(c, err)
	})
	return m, err
}

// keepMeasureLinks copies the stored measure IDs into the decisions of m
// that still exist and have none.
func keepMeasureLinks(old, m model.Meeting) model.Meeting {
	links := map[uint64]uint64{}
	for _, it := range old.Agenda {
		for _, d := range it.Decisions {
			if d.MeasureID != 0 {
				links[d.ID] = d.MeasureID
			}
		}
	}
	if len(links) == 0 {
		return m
	}
	for id, mid := range links {
		if d, _, ok := m.Decision(id); ok && d.MeasureID == 0 {
			m = m.LinkMeasure(id, mid)
		}
	}
	return m
}

// DeleteMeeting removes a meeting. Measures made from its decisions stay
// in the action plan.
func (s *Store) DeleteMeeting(id uint64) error {
	return deleteEntity(s, meetings, id)
}

// AddMeasureForDecision saves m as the measure of decision decisionID in
// meeting meetingID and records its ID on the decision, in ONE
// transaction with a change-log entry for each. Blank fields of m (source,
// title, priority area, status) are taken from
// model.NewMeasureFromDecision. A decision that already has a measure in
// the plan is refused. It returns the stored measure and meeting.
func (s *Store) AddMeasureForDecision(meetingID, decisionID uint64, m model.Measure, today model.Date) (model.Measure, model.Meeting, error) {
	return inBatch2(s, func(b *Batch) (model.Measure, model.Meeting, error) {
		return b.AddMeasureForDecision(meetingID, decisionID, m, today)
	})
}

// AddMeasureForDecision is Store.AddMeasureForDecision inside the batch.
func (b *Batch) AddMeasureForDecision(meetingID, decisionID uint64, m model.Measure, today model.Date) (model.Measure, model.Meeting, error) {
	today = b.today(today)
	var mtg model.Meeting
	err := b.do(func(tx *bbolt.Tx) ([]Change, error) {
		var err error
		if mtg, err = meetings.get(tx, meetingID); err != nil {
			return nil, err
		}
		d, _, ok := mtg.Decision(decisionID)
		if !ok {
			return nil, fmt.Errorf("vedtaket finnes ikke i «%s» – lagre møtet først", mtg.Title())
		}
		if d.MeasureID != 0 {
			if found, err := hasRecord(tx, bucketMeasures, d.MeasureID); err != nil {
				return nil, err
			} else if found {
				return nil, fmt.Errorf("vedtaket «%s» har allerede et tiltak i handlingsplanen", d.Text)
			}
		}
		tmpl := model.NewMeasureFromDecision(mtg, decisionID, m.Title, m.Responsible, m.Deadline, today)
		m = m.FillFrom(tmpl)
		var c Change
		m, c, err = measureEntity(today).save(tx, m)
		if err != nil {
			return nil, err
		}
		mtg = mtg.LinkMeasure(decisionID, m.ID)
		if err := meetings.put(tx, mtg); err != nil {
			return nil, err
		}
		return []Change{c, {Entity: EntityMeeting, EntityID: mtg.ID, Kind: ChangeUpdated,
			Summary: fmt.Sprintf("Koblet tiltak «%s» til vedtak i «%s»", m.Title, mtg.Title())}}, nil
	})
	return m, mtg, err
}
