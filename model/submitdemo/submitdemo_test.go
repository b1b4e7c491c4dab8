package submitdemo

import (
	"testing"

	"hmsutvalg/model"
	"hmsutvalg/model/submissionfile"
)

// TestSubmissionsAreValid: every generated file passes the reader (schema
// and cross-field rules), for two years, with and without agreed days.
func TestSubmissionsAreValid(t *testing.T) {
	units := Units(60, 1)
	small, sectors := 0, map[model.Sector]bool{}
	for _, u := range units {
		sectors[u.Sector] = true
		if u.Employees < model.DefaultMinEmployees {
			small++
		}
	}
	if len(sectors) != 4 || small < 5 {
		t.Errorf("%d sectors, %d small units", len(sectors), small)
	}
	seen := map[string]bool{}
	for _, u := range units {
		if seen[u.Name] {
			t.Errorf("name %q twice", u.Name)
		}
		seen[u.Name] = true
	}
	for _, year := range []int{2025, 2026} {
		for _, days := range []bool{true, false} {
			for _, s := range Year(units, year, 3, days, 0) {
				b, err := s.Marshal()
				if err != nil {
					t.Fatal(err)
				}
				if _, err := submissionfile.Read(b); err != nil {
					t.Fatalf("%s %d: %v", s.Unit.Name, year, err)
				}
			}
		}
	}
}
