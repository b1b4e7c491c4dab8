package model

import (
	"fmt"
	"slices"
	"strings"
)

// Role is a committee member's role.
type Role string

// Roles, in display and sort order.
const (
	RoleLeder              Role = "leder"
	RoleVerneombud         Role = "verneombud"
	RoleTillitsvalgt       Role = "tillitsvalgt"
	RoleAnsattrepresentant Role = "ansattrepresentant"
	RoleBHT                Role = "bht"
	RoleSekretaer          Role = "sekretaer"
)

var roleLabels = map[Role][2]string{ // label, short
	RoleLeder:              {"Leder (arbeidsgivers representant)", "Leder"},
	RoleVerneombud:         {"Verneombud", "Verneombud"},
	RoleTillitsvalgt:       {"Tillitsvalgt", "Tillitsvalgt"},
	RoleAnsattrepresentant: {"Ansattrepresentant", "Ansattrepresentant"},
	RoleBHT:                {"Bedriftshelsetjeneste (BHT)", "BHT"},
	RoleSekretaer:          {"Sekretær", "Sekretær"},
}

// Roles returns all roles in display order.
func Roles() []Role {
	return []Role{RoleLeder, RoleVerneombud, RoleTillitsvalgt, RoleAnsattrepresentant, RoleBHT, RoleSekretaer}
}

// RoleLabels returns the labels of Roles(), for a select widget.
func RoleLabels() []string {
	var labels []string
	for _, r := range Roles() {
		labels = append(labels, r.Label())
	}
	return labels
}

// Label returns the full display name, or "" for an unknown role.
func (r Role) Label() string { return roleLabels[r][0] }

// Short returns the short name used in lists and minutes.
func (r Role) Short() string { return roleLabels[r][1] }

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool { _, ok := roleLabels[r]; return ok }

// RoleFromLabel maps a label, short name or stored code back to a role,
// ignoring case and surrounding spaces.
func RoleFromLabel(label string) (Role, bool) {
	label = strings.TrimSpace(label)
	for _, r := range Roles() {
		if strings.EqualFold(label, r.Label()) || strings.EqualFold(label, r.Short()) || strings.EqualFold(label, string(r)) {
			return r, true
		}
	}
	return "", false
}

// roleIndex gives the sort position of r; unknown roles sort last.
func roleIndex(r Role) int {
	if i := slices.Index(Roles(), r); i >= 0 {
		return i
	}
	return len(Roles())
}

// CommitteeMember is one person's role in the HMS committee for a period.
// A person who changes role gets a new entry, so history is kept.
type CommitteeMember struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
	Role Role   `json:"role"`
	From Date   `json:"from"`
	To   Date   `json:"to"` // zero = open-ended
}

// Field names for committee members.
const (
	FieldMemberName = "Navn"
	FieldRole       = "Rolle"
	FieldFrom       = "Fra"
	FieldTo         = "Til"
)

// Validate checks one member and returns a ValidationError, or nil.
// Overlaps with other members are checked by ValidateCommittee.
func (m CommitteeMember) Validate() error {
	var v ValidationError
	checkText(&v, FieldMemberName, m.Name, true, MaxNameLen)
	if !m.Role.Valid() {
		v.Add(FieldRole, "Velg rolle")
	}
	if m.From.IsZero() {
		v.Add(FieldFrom, "Fra-dato må fylles ut")
	} else if !m.To.IsZero() && m.To.Before(m.From) {
		v.Add(FieldTo, "Til-dato kan ikke være før fra-dato")
	}
	return v.Err()
}

// ActiveOn reports whether the member serves on d (From and To inclusive).
func (m CommitteeMember) ActiveOn(d Date) bool {
	if m.From.IsZero() || d.Before(m.From) {
		return false
	}
	return m.To.IsZero() || !d.After(m.To)
}

// Period returns "01.01.2026–31.12.2027", or "fra 01.01.2026" when
// open-ended.
func (m CommitteeMember) Period() string {
	switch {
	case m.From.IsZero() && m.To.IsZero():
		return ""
	case m.From.IsZero():
		return "til " + m.To.String()
	case m.To.IsZero():
		return "fra " + m.From.String()
	}
	return m.From.String() + "–" + m.To.String()
}

// overlaps reports whether two periods share at least one day. A zero From
// is treated as "since always" so that incomplete entries are not let
// through unchecked.
func (m CommitteeMember) overlaps(o CommitteeMember) bool {
	startsBeforeOtherEnds := o.To.IsZero() || m.From.IsZero() || !m.From.After(o.To)
	otherStartsBeforeEnds := m.To.IsZero() || o.From.IsZero() || !o.From.After(m.To)
	return startsBeforeOtherEnds && otherStartsBeforeEnds
}

// ValidateCommittee enforces that a member holds one role per period: the
// same person (name compared ignoring case and extra spaces) may not appear
// twice in overlapping periods, whether with different roles or the same
// one. Each member should also be checked with Validate.
func ValidateCommittee(members []CommitteeMember) error {
	var v ValidationError
	for j, later := range members {
		if normalizeName(later.Name) == "" {
			continue
		}
		for _, earlier := range members[:j] {
			if !sameName(earlier.Name, later.Name) || !earlier.overlaps(later) {
				continue
			}
			// Named after the later entry, usually the one just added.
			role := earlier.Role.Short()
			if role == "" {
				role = "medlem"
			}
			v.Add(FieldMemberName, fmt.Sprintf("%s er allerede %s i perioden %s. Et medlem kan bare ha én rolle per periode.",
				normalizeName(later.Name), role, earlier.Period()))
			break
		}
	}
	return v.Err()
}

// ActiveMembers returns the members active on d, sorted by role (the order
// of Roles()) and then by name.
func ActiveMembers(members []CommitteeMember, d Date) []CommitteeMember {
	active := make([]CommitteeMember, 0, len(members))
	for _, m := range members {
		if m.ActiveOn(d) {
			active = append(active, m)
		}
	}
	slices.SortStableFunc(active, func(a, b CommitteeMember) int {
		if c := cmpInt(roleIndex(a.Role), roleIndex(b.Role)); c != 0 {
			return c
		}
		return CompareNorwegian(normalizeName(a.Name), normalizeName(b.Name))
	})
	return active
}

// RequiredRoles are the roles the committee must have filled: leder,
// verneombud and tillitsvalgt (the annual summary's «Mangler …» and the
// dashboard's alarm).
func RequiredRoles() []Role { return []Role{RoleLeder, RoleVerneombud, RoleTillitsvalgt} }

// MissingRoles returns the required roles no member holds on d, in
// RequiredRoles order.
func MissingRoles(members []CommitteeMember, d Date) []Role {
	var miss []Role
	for _, r := range RequiredRoles() {
		held := false
		for _, m := range members {
			held = held || (m.Role == r && m.ActiveOn(d))
		}
		if !held {
			miss = append(miss, r)
		}
	}
	return miss
}
