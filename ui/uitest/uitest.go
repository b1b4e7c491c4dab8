// Package uitest has helpers for the ui packages' tests: a demo unit file
// and a search for text on a canvas.
package uitest

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/storage/demo"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// Today is the fixed date the ui tests run on.
var Today = model.NewDate(2026, 11, 24)

// DemoFile writes the default demo unit into a temp dir and returns its path.
func DemoFile(t testing.TB) string {
	t.Helper()
	return demoFile(t, 1)
}

// HeavyDemoFile writes the heavy demo unit (demo --scale 50, the unit
// issue 18's budgets are measured on) into a temp dir and returns its
// path. It takes a few seconds.
func HeavyDemoFile(t testing.TB) string {
	t.Helper()
	return demoFile(t, 50)
}

func demoFile(t testing.TB, scale int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, demo.Options{Seed: 1, Scale: scale, Today: Today, User: "test"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// Texts collects the visible text of labels, buttons, entries and checks
// under o, walking containers and every widget's render tree.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
			return
		case *widget.Button:
			out = append(out, w.Text)
			return
		case *widget.Entry:
			out = append(out, w.Text)
			return
		case *widgets.Entry:
			out = append(out, w.Text)
			return
		case *widget.Check:
			out = append(out, w.Text)
			return
		case *canvas.Text:
			out = append(out, w.Text)
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// HasText reports whether some visible text under o contains sub.
func HasText(o fyne.CanvasObject, sub string) bool {
	for _, s := range Texts(o) {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// NewEnv opens the demo unit in a test window, with Møtemodus on or off,
// the date fixed at Today and the store closed when the test ends.
func NewEnv(t testing.TB, meeting bool) (*appctx.Env, fyne.Window, *storage.Store) {
	t.Helper()
	return newEnvOn(t, DemoFile(t), meeting)
}

// NewHeavyEnv is NewEnv on the heavy demo unit (HeavyDemoFile), outside
// Møtemodus: for the benchmarks of issue 18's screen budgets.
func NewHeavyEnv(t testing.TB) (*appctx.Env, fyne.Window, *storage.Store) {
	t.Helper()
	return newEnvOn(t, HeavyDemoFile(t), false)
}

func newEnvOn(t testing.TB, path string, meeting bool) (*appctx.Env, fyne.Window, *storage.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool("motemodus", meeting)
	st, err := storage.Open(path, storage.Options{NoBackup: true, User: "Test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	env := appctx.New(a, w, st)
	env.Today = func() model.Date { return Today }
	env.ApplyTheme()
	return env, w, st
}

// PDFText is the text of the PDF at path, read with pdftotext (Debian
// package poppler-utils, installed by `make test`); the test is skipped,
// saying why, where it is missing.
func PDFText(t testing.TB, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// NationalID returns an 11-digit number that passes the fødselsnummer
// check, for tests that type one where it must be refused.
func NationalID() string {
	for n := 15068510000; n < 15068599999; n++ {
		if s := strconv.Itoa(n); model.ValidNationalID(s) {
			return s
		}
	}
	panic("no valid national ID found")
}

// Parent is the container or widget under root that holds o directly,
// walking containers and every widget's render tree; nil if none.
func Parent(root, o fyne.CanvasObject) fyne.CanvasObject {
	var found fyne.CanvasObject
	var walk func(p fyne.CanvasObject) bool
	walk = func(p fyne.CanvasObject) bool {
		kids := childrenOf(p)
		for _, k := range kids {
			if k == o {
				found = p
				return true
			}
		}
		for _, k := range kids {
			if walk(k) {
				return true
			}
		}
		return false
	}
	walk(root)
	return found
}

// Under reports whether o is root or somewhere under it.
func Under(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	for _, k := range childrenOf(root) {
		if Under(k, o) {
			return true
		}
	}
	return false
}

// BenchmarkSearch shows content in w at 1280×800 and, for each op, types
// text into search and clears it again: two filters of a page's list, as
// a user searching does (issue 18 keeps a filter under 100 ms).
func BenchmarkSearch(b *testing.B, w fyne.Window, content fyne.CanvasObject, search *widgets.SearchEntry, text string) {
	b.Helper()
	w.SetContent(content)
	w.Resize(fyne.NewSize(1280, 800))
	b.ReportAllocs()
	for b.Loop() {
		search.SetText(text)
		search.SetText("")
	}
}
