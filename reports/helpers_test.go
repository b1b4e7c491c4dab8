package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Tests render real PDFs and read them back with poppler and qpdf.

// needTool skips the test when a command-line tool is missing.
func needTool(t testing.TB, name, debPkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not found: install the Debian package %s (make deps-test does)", name, debPkg)
	}
}

// run runs a tool and returns its standard output.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// pdfText returns the text of the whole PDF, laid out as on the page.
func pdfText(t testing.TB, path string) string {
	t.Helper()
	needTool(t, "pdftotext", "poppler-utils")
	return run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
}

// pageText returns the text of page i (1-based).
func pageText(t testing.TB, path string, i int) string {
	t.Helper()
	needTool(t, "pdftotext", "poppler-utils")
	p := strconv.Itoa(i)
	return run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-f", p, "-l", p, path, "-")
}

// pdfInfo returns pdfinfo's fields (Title, Pages, …).
func pdfInfo(t testing.TB, path string) map[string]string {
	t.Helper()
	needTool(t, "pdfinfo", "poppler-utils")
	info := map[string]string{}
	for _, line := range strings.Split(run(t, "pdfinfo", "-enc", "UTF-8", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pageCount returns the number of pages according to pdfinfo.
func pageCount(t testing.TB, path string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo Pages: %v", err)
	}
	return n
}

// qpdfCheck fails the test unless qpdf finds the file structurally sound.
func qpdfCheck(t testing.TB, path string) {
	t.Helper()
	needTool(t, "qpdf", "qpdf")
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", path, err, out)
	}
	if !strings.Contains(string(out), "No syntax or stream encoding errors found") {
		t.Fatalf("qpdf --check %s:\n%s", path, out)
	}
}

// samePDFContent fails unless PDFs a and b are the same document with
// the same content, streams read back (qpdf --qdf, which uncompresses
// every stream and numbers objects the same way), while their compressed
// bytes may differ (where deflate blocks end: bodypacker.go).
func samePDFContent(t testing.TB, a, b []byte) {
	t.Helper()
	needTool(t, "qpdf", "qpdf")
	dir := t.TempDir()
	qdf := func(name string, pdf []byte) []byte {
		in, out := filepath.Join(dir, name+".pdf"), filepath.Join(dir, name+".qdf")
		if err := os.WriteFile(in, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command("qpdf", "--qdf", "--static-id", in, out).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --qdf: %v\n%s", err, msg)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if !bytes.Equal(qdf("a", a), qdf("b", b)) {
		t.Fatalf("the PDFs differ in content (%d and %d bytes compressed)", len(a), len(b))
	}
}

// writePDF writes d to a file in a temporary directory, or in
// $REPORTS_OUT to look at afterwards.
func writePDF(t testing.TB, d *Document, name string) string {
	t.Helper()
	dir := os.Getenv("REPORTS_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := d.WriteFile(path); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// fixedCreated is the "Laget" date of the test documents.
var fixedCreated = time.Date(2026, time.November, 24, 10, 30, 0, 0, time.UTC)

// testDoc starts a deterministic portrait document.
func testDoc(title string) *Document {
	return New(Options{Title: title, Unit: "Solbakken sykehjem", Author: "HMS-utvalget",
		Deterministic: true, Created: fixedCreated})
}
