package reports

// That the report the sections prepared ahead draw is the report as
// before is the golden files' part (arsrapport, demo-arsrapport,
// arsrapport-seksjoner): they did not change with the split.

import (
	"testing"

	"hmsutvalg/model"
)

// Each module's section is prepared once, in the modules' order, and only
// for a module in use that has a section.
func TestSectionsAheadFollowTheModules(t *testing.T) {
	in := testAnnualData()
	f := model.ComputeAnnualFigures(in)
	f.Modules[0].InUse = false // one module not in use gets no section
	ahead := sectionsAhead(&in, &f, New(testOpts()))
	if len(ahead) != len(f.Modules) {
		t.Fatalf("%d prepared sections for %d modules", len(ahead), len(f.Modules))
	}
	for i, st := range f.Modules {
		_, has := annualSections[st.ID]
		draw := nextSection(ahead[i])
		if want := has && st.InUse; (draw != nil) != want {
			t.Errorf("module %s (in use %v, has a section %v): prepared %v", st.ID, st.InUse, has, draw != nil)
		}
	}
}

// A panic while a section is prepared on the other goroutine is raised
// where the section is drawn, as when both ran on one goroutine; the
// sections after it are not prepared.
func TestSectionPanicRaisedWhereDrawn(t *testing.T) {
	in := testAnnualData()
	f := model.ComputeAnnualFigures(in)
	out := make(chan sectionDraw, 1)
	boom := func(*model.AnnualData, *model.AnnualFigures, *measurer) func(*Document) { panic("boom") }
	if prepareSection(out, boom, &in, &f, nil) {
		t.Fatal("a preparation that panicked reports no panic")
	}
	defer func() {
		if r := recover(); r != "boom" {
			t.Fatalf("drawing raised %v, want the preparation's panic", r)
		}
	}()
	nextSection(out)
	t.Fatal("drawing a section whose preparation panicked went on")
}
