package reports

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/reports")

// goldenDir is the repository's testdata/reports.
var goldenDir = filepath.Join("..", "testdata", "reports")

var spaces = regexp.MustCompile(`[ \t]+`)

// normalizeText makes pdftotext -layout output comparable across poppler
// versions: runs of spaces become one, blank lines go, and each page gets
// a marker line.
func normalizeText(text string) string {
	var b strings.Builder
	for i, page := range strings.Split(strings.TrimRight(text, "\f\n"), "\f") {
		fmt.Fprintf(&b, "=== side %d ===\n", i+1)
		for _, line := range strings.Split(page, "\n") {
			if line = strings.TrimSpace(spaces.ReplaceAllString(line, " ")); line != "" {
				b.WriteString(line)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// TestGoldenSample compares the text of the sample document with
// testdata/reports/sample.golden.txt. After an intended change, run
//
//	go test ./reports -run Golden -update
//
// and review the diff of the golden file.
func TestGoldenSample(t *testing.T) {
	path := writePDF(t, sampleDocument(), "sample.pdf")
	qpdfCheck(t, path)
	got := normalizeText(pdfText(t, path))
	golden := filepath.Join(goldenDir, "sample.golden.txt")
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
	if got != string(want) {
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
}
