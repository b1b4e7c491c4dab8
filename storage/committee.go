package storage

import (
	"bytes"
	"fmt"
	"strings"

	"go.etcd.io/bbolt"

	"hmsutvalg/model"
)

// unitID is the key of the one unit record.
const unitID = 1

// memberEntity stores committee members in "members".
var memberEntity = entity[model.CommitteeMember]{
	bucket: bucketMembers,
	name:   EntityMember,
	id:     func(m model.CommitteeMember) uint64 { return m.ID },
	setID:  func(m *model.CommitteeMember, id uint64) { m.ID = id },
	label:  memberLabel,
	norm: func(m model.CommitteeMember) model.CommitteeMember {
		m.Name = strings.TrimSpace(m.Name)
		return m
	},
	check: func(m model.CommitteeMember) error { return m.Validate() },
	across: func(others []model.CommitteeMember, m model.CommitteeMember) error {
		// The saved member goes last: model names the later entry in its
		// message, and that should be the one the user is editing.
		return model.ValidateCommittee(append(others, m))
	},
}

func memberLabel(m model.CommitteeMember) string {
	role := m.Role.Short()
	if role == "" {
		role = string(m.Role)
	}
	if p := m.Period(); p != "" {
		return fmt.Sprintf("«%s» (%s, %s)", m.Name, role, p)
	}
	return fmt.Sprintf("«%s» (%s)", m.Name, role)
}

// Unit returns the unit the database belongs to.
func (s *Store) Unit() (model.Unit, error) {
	var u model.Unit
	err := s.view(func(tx *bbolt.Tx) error {
		var found bool
		var err error
		u, found, err = getRecord[model.Unit](tx, bucketUnit, unitID)
		if err == nil && !found {
			err = fmt.Errorf("Databasen «%s» mangler opplysninger om enheten", s.path)
		}
		return err
	})
	return u, err
}

// SaveUnit validates u and stores its normalised form.
func (s *Store) SaveUnit(u model.Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	u = u.Normalized()
	return s.updateChanges(func(tx *bbolt.Tx) ([]Change, error) {
		old, found, err := getRecord[model.Unit](tx, bucketUnit, unitID)
		if err != nil {
			return nil, err
		}
		summary := fmt.Sprintf("Registrerte enheten «%s» (%s, %s)", u.Name, u.Municipality, u.Sector.Label())
		kind := ChangeCreated
		if found {
			newRaw, err := encodeRecord(u)
			if err != nil {
				return nil, err
			}
			if oldRaw, _ := encodeRecord(old); bytes.Equal(oldRaw, newRaw) {
				return nil, errNoChange
			}
			kind, summary = ChangeUpdated, fmt.Sprintf("Endret opplysningene om enheten «%s»", u.Name)
			if old.Name != u.Name {
				summary += fmt.Sprintf(", tidligere «%s»", old.Name)
			}
		}
		if err := putRecord(tx, bucketUnit, unitID, u); err != nil {
			return nil, err
		}
		return []Change{{Entity: EntityUnit, EntityID: unitID, Kind: kind, Summary: summary}}, nil
	})
}

// Members returns all committee members (past and present), sorted by ID.
func (s *Store) Members() ([]model.CommitteeMember, error) {
	return listEntities(s, memberEntity)
}

// Member returns one committee member.
func (s *Store) Member(id uint64) (model.CommitteeMember, error) {
	return getEntity(s, memberEntity, id)
}

// SaveMember creates (ID 0) or updates a member after validating it and
// the whole committee with it. It returns the member as stored.
func (s *Store) SaveMember(m model.CommitteeMember) (model.CommitteeMember, error) {
	return saveEntity(s, memberEntity, m)
}

// DeleteMember removes a member. Removing someone cannot create an
// overlap, so the committee rules need no check here.
func (s *Store) DeleteMember(id uint64) error {
	return deleteEntity(s, memberEntity, id)
}
