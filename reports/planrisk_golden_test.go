package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenPlanRisk compares the text of the action plan, the risk
// assessment and the annual sections on fixed input with
// testdata/reports/*.golden.txt. After an intended change, run
//
//	go test ./reports -run Golden -update
//
// and review the diff of the golden files.
func TestGoldenPlanRisk(t *testing.T) {
	for name, build := range map[string]func() *Document{
		"handlingsplan": func() *Document {
			return ActionPlanReport(ActionPlanInput{Unit: testUnit, Measures: testMeasures(), Today: testToday}, testOpts())
		},
		"risikovurdering":      func() *Document { return RiskAssessmentReport(testRiskInput(), testOpts()) },
		"arsrapport-seksjoner": testAnnualDocument,
	} {
		t.Run(name, func(t *testing.T) {
			// Deterministic mode: two builds give the same bytes.
			a, err := build().Bytes()
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := build().Bytes(); !bytes.Equal(a, b) {
				t.Error("two deterministic builds differ")
			}
			path := writePDF(t, build(), name+".pdf")
			qpdfCheck(t, path)
			checkGolden(t, name+".golden.txt", normalizeText(pdfText(t, path)))
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("text differs from %s at line %d:\n got: %q\nwant: %q\n(run with -update if the change is intended)", golden, i+1, g, w)
		}
	}
}
