package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSampleRender renders the sample document to PNG. With
// REPORTS_PNG_DIR set, the pages are kept there to look at.
func TestSampleRender(t *testing.T) {
	needTool(t, "pdftoppm", "poppler-utils")
	path := writePDF(t, sampleDocument(), "sample.pdf")
	qpdfCheck(t, path)
	dir := os.Getenv("REPORTS_PNG_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", path, filepath.Join(dir, "sample")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "sample*.png"))
	if len(pngs) == 0 {
		t.Fatal("no PNG pages")
	}
}
