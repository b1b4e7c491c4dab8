package avvik

import (
	"fmt"
	"strings"
	"testing"
)

// An import from the register's own «Importer …» lists the new deviation
// at once (the list kept the rows from before the import).
func TestImportShowsNewDeviations(t *testing.T) {
	s, st, _ := newScreen(t)
	s.StatusSel.SetSelected(s.StatusSel.Options[0]) // Alle
	before := len(s.shown)
	im := s.NewImporter()
	im.Load("avvik.csv", strings.NewReader("Dato;Sted;Kategori;Type;Alvorlighet\n01.11.2026;Kjøkken;Personskade;Uønsket hendelse;Mindre alvorlig\n"))
	if !im.DoImport() {
		t.Fatalf("import refused: %v", im.Lines())
	}
	stored, _ := st.Deviations()
	if len(stored) != before+1 {
		t.Fatalf("%d stored, want %d", len(stored), before+1)
	}
	if len(s.shown) != len(stored) {
		t.Errorf("list shows %d of %d stored deviations", len(s.shown), len(stored))
	}
	if !strings.Contains(s.Count.Text, fmt.Sprintf("av %d avvik", len(stored))) {
		t.Errorf("count %q", s.Count.Text)
	}
}
