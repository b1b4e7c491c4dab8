package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// uiTexts finds every string literal passed to lang.L in the ui packages.
func uiTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				texts[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

func TestEveryTextHasEnglish(t *testing.T) {
	en, err := Messages(English)
	if err != nil {
		t.Fatal(err)
	}
	texts := uiTexts(t)
	if len(texts) < 20 {
		t.Fatalf("found only %d lang.L texts; the scanner is broken", len(texts))
	}
	var missing []string
	for s, pos := range texts {
		if _, ok := en[s]; !ok {
			missing = append(missing, pos+": "+strconv.Quote(s))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d texts have no English translation in app.en.json:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

func TestFyneKeysTranslated(t *testing.T) {
	nb, err := Messages(Bokmal)
	if err != nil {
		t.Fatal(err)
	}
	en, err := Messages(English)
	if err != nil {
		t.Fatal(err)
	}
	for k := range en {
		if _, isApp := nb[k]; !isApp && !strings.ContainsAny(k, "æøåÆØÅ") && isFyneKey(k) {
			t.Errorf("Fyne key %q has no bokmål text in fyne.nb.json", k)
		}
	}
	for k, want := range map[string]string{"Cancel": "Avbryt", "Save": "Lagre", "Open": "Åpne"} {
		if nb[k] != want {
			t.Errorf("%q = %v, want %q", k, nb[k], want)
		}
	}
}

// isFyneKey reports whether k is one of Fyne's own keys (from fyne.en.json).
func isFyneKey(k string) bool {
	raw, err := os.ReadFile("translations/fyne.en.json")
	return err == nil && strings.Contains(string(raw), strconv.Quote(k)+":")
}

func TestSetupChoosesLanguageWhateverTheLocale(t *testing.T) {
	if err := Setup(English); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Cancel"); got != "Cancel" {
		t.Errorf("English: Cancel = %q", got)
	}
	if err := Setup(Bokmal); err != nil {
		t.Fatal(err)
	}
	// Registered under every locale, so the test machine's locale (often
	// unset, which Fyne treats as English) does not matter.
	if got := lang.L("Cancel"); got != "Avbryt" {
		t.Errorf("bokmål: Cancel = %q, want Avbryt", got)
	}
}

// TestBokmalAfterEnglish: switching back from English gives every text in
// bokmål again, also the menu texts kept under their own key.
func TestBokmalAfterEnglish(t *testing.T) {
	for _, first := range []string{Bokmal, English} {
		if err := Setup(first); err != nil {
			t.Fatal(err)
		}
		if err := Setup(Bokmal); err != nil {
			t.Fatal(err)
		}
		if got := lang.X("meny.Fil", "Fil"); got != "Fil" {
			t.Errorf("after %s: menu «Fil» shows %q", first, got)
		}
		if got := lang.L("Møtemodus av og på"); got != "Møtemodus av og på" {
			t.Errorf("after %s: %q", first, got)
		}
	}
}

// TestRememberedFollowsTheLanguage: L gives what lang.L gives, in the
// language set up last, also for a text it gave in the other language
// before.
func TestRememberedFollowsTheLanguage(t *testing.T) {
	t.Cleanup(func() { _ = Setup(Bokmal) })
	const text = "Møtemodus av og på"
	for _, code := range []string{Bokmal, English, Bokmal, English} {
		if err := Setup(code); err != nil {
			t.Fatal(err)
		}
		for range 2 { // asked again: from what L remembers
			if got, want := L(text), lang.L(text); got != want {
				t.Fatalf("%s: L gives %q, lang.L %q", code, got, want)
			}
		}
	}
	if L(text) == text {
		t.Fatalf("in English %q is not translated: the test proves nothing", text)
	}
}
