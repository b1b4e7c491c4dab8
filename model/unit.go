package model

import (
	"fmt"
	"strings"
)

// Sector is the kind of municipal unit; it selects relevant risk templates
// and comparison figures.
type Sector string

// Sectors, in display order.
const (
	SectorBarnehage        Sector = "barnehage"
	SectorSkole            Sector = "skole"
	SectorSykehjem         Sector = "sykehjem"
	SectorHjemmetjeneste   Sector = "hjemmetjeneste"
	SectorHelseOmsorgAnnet Sector = "helse_omsorg_annet"
	SectorTekniskDrift     Sector = "teknisk_drift"
	SectorKontor           Sector = "kontor"
	SectorAnnet            Sector = "annet"
)

var sectorLabels = map[Sector]string{
	SectorBarnehage:        "Barnehage",
	SectorSkole:            "Skole",
	SectorSykehjem:         "Sykehjem",
	SectorHjemmetjeneste:   "Hjemmetjeneste",
	SectorHelseOmsorgAnnet: "Helse og omsorg, annet",
	SectorTekniskDrift:     "Teknisk drift",
	SectorKontor:           "Kontor/administrasjon",
	SectorAnnet:            "Annet",
}

// Sectors returns all sectors in display order.
func Sectors() []Sector {
	return []Sector{SectorBarnehage, SectorSkole, SectorSykehjem, SectorHjemmetjeneste,
		SectorHelseOmsorgAnnet, SectorTekniskDrift, SectorKontor, SectorAnnet}
}

// SectorLabels returns the labels of Sectors(), for a select widget.
func SectorLabels() []string {
	var labels []string
	for _, s := range Sectors() {
		labels = append(labels, s.Label())
	}
	return labels
}

// Label returns the display name, or "" for an unknown sector.
func (s Sector) Label() string { return sectorLabels[s] }

// Valid reports whether s is one of the defined sectors.
func (s Sector) Valid() bool { _, ok := sectorLabels[s]; return ok }

// SectorFromLabel maps a display label (or the stored code) back to a
// sector, ignoring case and surrounding spaces.
func SectorFromLabel(label string) (Sector, bool) {
	label = strings.TrimSpace(label)
	for _, s := range Sectors() {
		if strings.EqualFold(label, s.Label()) || strings.EqualFold(label, string(s)) {
			return s, true
		}
	}
	return "", false
}

// Unit is the municipal unit (barnehage, skole, sykehjem …) the HMS
// committee belongs to.
type Unit struct {
	Name         string   `json:"name"`
	Municipality string   `json:"municipality"`
	Sector       Sector   `json:"sector"`
	Employees    int      `json:"employees"`
	Departments  []string `json:"departments"`
	// Start is the day the unit began its records in the program: the
	// annual wheel's duties with a deadline before it are not the unit's
	// (ProveWheel). Zero in files made before it existed; storage then
	// takes the day the file was created.
	Start Date `json:"start,omitzero"`
}

// Field names, used both in messages and as keys for ValidationError.For.
const (
	FieldUnitName     = "Navn på enheten"
	FieldMunicipality = "Kommune"
	FieldSector       = "Sektor"
	FieldEmployees    = "Antall ansatte"
	FieldDepartments  = "Avdelinger"
	FieldUnitStart    = "Startdato"
)

// Limits for unit data.
const (
	MinEmployees     = 1
	MaxEmployees     = 20000
	MaxNameLen       = 200 // unit, municipality and person names
	MaxDepartmentLen = 100
)

// Validate checks the unit and returns a ValidationError listing every
// problem, or nil.
func (u Unit) Validate() error {
	var v ValidationError
	checkText(&v, FieldUnitName, u.Name, true, MaxNameLen)
	checkText(&v, FieldMunicipality, u.Municipality, true, MaxNameLen)
	if !u.Sector.Valid() {
		v.Add(FieldSector, "Velg sektor")
	}
	if u.Employees < MinEmployees || u.Employees > MaxEmployees {
		v.Add(FieldEmployees, fmt.Sprintf("%s må være et helt tall fra %s til %s",
			FieldEmployees, FormatInt(MinEmployees), FormatInt(MaxEmployees)))
	}
	seen := map[string]int{}
	for i, dep := range u.Departments {
		name := normalizeName(dep)
		switch {
		case name == "":
			v.Add(FieldDepartments, fmt.Sprintf("Avdeling nr. %d mangler navn – fyll ut eller fjern den", i+1))
			continue
		case runeLen(name) > MaxDepartmentLen:
			v.Add(FieldDepartments, fmt.Sprintf("Avdelingen «%s» har for langt navn (høyst %d tegn)",
				Shorten(name, 40), MaxDepartmentLen))
		}
		key := strings.ToLower(name)
		// Report a duplicate once, however many times it repeats.
		if seen[key]++; seen[key] == 2 {
			v.Add(FieldDepartments, fmt.Sprintf("Avdelingen «%s» står to ganger", Shorten(name, 40)))
		}
		v.addErr(FieldDepartments, CheckNoNationalID(FieldDepartments, dep))
	}
	if !u.Start.IsZero() && (u.Start.Year() < int(MinHMSYear) || u.Start.Year() > int(MaxHMSYear)) {
		v.Add(FieldUnitStart, fmt.Sprintf("%s må være i årene %d til %d", FieldUnitStart, MinHMSYear, MaxHMSYear))
	}
	return v.Err()
}

// checkText applies the common rules for a one-line text field: required,
// length in characters, and no national ID.
func checkText(v *ValidationError, field, s string, required bool, max int) {
	t := strings.TrimSpace(s)
	switch {
	case t == "" && required:
		v.Add(field, field+" må fylles ut")
	case runeLen(t) > max:
		v.Add(field, fmt.Sprintf("%s kan ha høyst %d tegn", field, max))
	}
	v.addErr(field, CheckNoNationalID(field, s))
}

// Normalized returns a copy with surrounding spaces trimmed and empty
// departments dropped; storage saves this form.
func (u Unit) Normalized() Unit {
	n := Unit{
		Name:         strings.TrimSpace(u.Name),
		Municipality: strings.TrimSpace(u.Municipality),
		Sector:       u.Sector,
		Employees:    u.Employees,
		Start:        u.Start,
	}
	if u.Departments != nil {
		n.Departments = make([]string, 0, len(u.Departments))
	}
	for _, d := range u.Departments {
		if d = strings.TrimSpace(d); d != "" {
			n.Departments = append(n.Departments, d)
		}
	}
	return n
}
