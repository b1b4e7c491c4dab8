package handlingsplan

import (
	"fmt"
	"strings"
	"testing"
)

// An import from the plan's own «Importer …» lists the new measures at
// once, and the summary counts them (the table kept the rows from before
// the import until the page was opened again).
func TestImportShowsNewMeasures(t *testing.T) {
	s, st := newScreen(t)
	before := len(s.Shown())
	im := s.NewImporter()
	im.Load("ny.csv", strings.NewReader("Tiltak;Ansvarlig;Frist;Prioritert område\nRydde lageret;Leder;31.03.2027;Ledelse\n"))
	if !im.DoImport() {
		t.Fatalf("import refused: %v", im.Lines())
	}
	stored, _ := st.Measures()
	if len(stored) != before+1 {
		t.Fatalf("%d stored, want %d", len(stored), before+1)
	}
	if len(s.Shown()) != len(stored) {
		t.Errorf("table lists %d of %d stored measures", len(s.Shown()), len(stored))
	}
	if !strings.Contains(s.Summary.Text, fmt.Sprintf("av %d tiltak", len(stored))) {
		t.Errorf("summary %q", s.Summary.Text)
	}
}
