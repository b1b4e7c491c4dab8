package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"hmsutvalg/model"
)

// The checklist templates for safety rounds shipped with the program, one
// JSON file per sector in sjekklister/. The questions are written for this
// program. A unit cannot edit them, only copy one and edit the copy.

//go:embed sjekklister/*.json
var checklistFiles embed.FS

// checklistFile is the shipped format: questions as plain strings.
type checklistFile struct {
	Key         string         `json:"key"`
	Name        string         `json:"name"`
	Sectors     []model.Sector `json:"sectors"`
	Description string         `json:"description"`
	Sections    []struct {
		Title     string   `json:"title"`
		Questions []string `json:"questions"`
	} `json:"sections"`
}

// checklistOrder is the display order by key; unknown keys follow by name.
var checklistOrder = []string{"generell", "barnehage", "skole", "helse_omsorg", "teknisk"}

// ChecklistTemplates returns the shipped templates in display order,
// freshly decoded (the caller may change them). A damaged file is a
// programming error reported by the tests, so it is returned as an error
// rather than skipped.
func ChecklistTemplates() ([]model.ChecklistTemplate, error) {
	names, err := fs.Glob(checklistFiles, "sjekklister/*.json")
	if err != nil {
		return nil, err
	}
	var out []model.ChecklistTemplate
	for _, name := range names {
		raw, err := checklistFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var f checklistFile
		if err := json.Unmarshal(raw, &f); err != nil {
			return nil, fmt.Errorf("sjekklisten %s: %w", path.Base(name), err)
		}
		t := model.ChecklistTemplate{Key: f.Key, Name: f.Name, Sectors: f.Sectors, Description: f.Description}
		for _, s := range f.Sections {
			sec := model.ChecklistSection{Title: s.Title}
			for _, q := range s.Questions {
				sec.Questions = append(sec.Questions, model.ChecklistQuestion{Text: q})
			}
			t.Sections = append(t.Sections, sec)
		}
		if f.Key == "" {
			return nil, fmt.Errorf("sjekklisten %s mangler nøkkel", path.Base(name))
		}
		if err := t.Validate(); err != nil {
			return nil, fmt.Errorf("sjekklisten %s: %w", path.Base(name), err)
		}
		out = append(out, t)
	}
	slices.SortStableFunc(out, func(a, b model.ChecklistTemplate) int {
		ia, ib := orderOf(a.Key), orderOf(b.Key)
		if ia != ib {
			return ia - ib
		}
		return model.CompareNorwegian(a.Name, b.Name)
	})
	return out, nil
}

func orderOf(key string) int {
	if i := slices.Index(checklistOrder, key); i >= 0 {
		return i
	}
	return len(checklistOrder)
}

// ChecklistTemplate returns the shipped template with key.
func ChecklistTemplate(key string) (model.ChecklistTemplate, bool) {
	ts, err := ChecklistTemplates()
	if err != nil {
		return model.ChecklistTemplate{}, false
	}
	for _, t := range ts {
		if t.Key == key {
			return t, true
		}
	}
	return model.ChecklistTemplate{}, false
}

// ChecklistTemplateFor returns the shipped template written for sector s,
// or the general one.
func ChecklistTemplateFor(s model.Sector) model.ChecklistTemplate {
	ts, _ := ChecklistTemplates()
	for _, t := range ts {
		if len(t.Sectors) > 0 && t.ForSector(s) {
			return t
		}
	}
	if len(ts) > 0 {
		return ts[0]
	}
	return model.ChecklistTemplate{}
}
