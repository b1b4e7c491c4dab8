package model

import "strings"

// UnitInput is a new unit as typed in the first-start wizard or given to
// `hmsutvalg init`: text, read and checked the same way for both.
type UnitInput struct {
	Name, Municipality string
	Sector             string // label or code (SectorFromLabel)
	Employees          string
	Departments        string // one a line
	Start              string // dd.mm.åååå; "" = Today
	Today              Date
}

// Unit reads the input into a unit and validates it. The error is a
// ValidationError listing every problem, each once; the unit is returned
// as far as it could be read.
func (in UnitInput) Unit() (Unit, error) {
	u := Unit{Name: in.Name, Municipality: in.Municipality, Start: in.Today}
	if s, ok := SectorFromLabel(in.Sector); ok {
		u.Sector = s
	}
	if strings.TrimSpace(in.Departments) != "" {
		u.Departments = strings.Split(in.Departments, "\n")
	}
	var verr ValidationError
	n, err := ParseInt(FieldEmployees, in.Employees, MinEmployees, MaxEmployees)
	u.Employees = n
	verr.addErr(FieldEmployees, err)
	if strings.TrimSpace(in.Start) != "" {
		d, err := ParseDateField(FieldUnitStart, in.Start)
		verr.addErr(FieldUnitStart, err)
		u.Start = d
	}
	u = u.Normalized()
	if err := u.Validate(); err != nil {
		v, ok := err.(ValidationError)
		if !ok {
			return u, err
		}
		for _, fe := range v {
			// The parse errors above already speak for their fields.
			if verr.For(fe.Field) == "" || (fe.Field != FieldEmployees && fe.Field != FieldUnitStart) {
				verr = append(verr, fe)
			}
		}
	}
	return u, verr.Err()
}
