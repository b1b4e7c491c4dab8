package main

// The program makes no network connections (docs/nettverk.md). Fyne links
// net and net/http into the binary for features this program does not use
// (http/https URIs, LoadResourceFromURLString, D-Bus on Linux), so the
// guarantee rests on our own code never reaching them. This test enforces
// that on the source of every package of this module, with go/parser, so
// it sees every file whatever its build tags or GOOS:
//
//   - no file (tests included) imports net, net/http or any other net/*
//     package except net/url, nor crypto/tls or golang.org/x/net/...;
//     net/url only parses and builds URLs (Fyne's file URIs) and does no
//     I/O, so it is allowed;
//   - no non-test file calls the Fyne functions that open URLs or fetch
//     over http (OpenURL, LoadResourceFromURLString, NewHyperlink…) or
//     contains an http/https/ftp/ws URL in a string literal: Fyne's storage
//     layer, images and Markdown in RichText would fetch such a URI through
//     its http repository.
//
// The one exception: OpenURL whose argument is written out as
// &url.URL{Scheme: "file", …}, which hands a local file (the PDF just
// saved) to the desktop's viewer. Any other exception is a reviewed change
// to this test and to docs/nettverk.md.

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// forbiddenImport reports why an import path is not allowed, or "".
func forbiddenImport(path string) string {
	switch {
	case path == "net/url":
		return ""
	case path == "net" || strings.HasPrefix(path, "net/"):
		return "network package of the standard library"
	case path == "crypto/tls":
		return "TLS connections"
	case path == "golang.org/x/net" || strings.HasPrefix(path, "golang.org/x/net/"):
		return "network package from golang.org/x/net"
	}
	return ""
}

// forbiddenCalls are Fyne functions and methods that open or fetch URLs.
var forbiddenCalls = map[string]string{
	"OpenURL":                   "opens a URL in the browser",
	"LoadResourceFromURLString": "fetches a resource over http",
	"NewHyperlink":              "link that opens the browser",
	"NewHyperlinkWithStyle":     "link that opens the browser",
	"NewImageFromURI":           "may fetch the image over http",
	"NewRichTextFromMarkdown":   "Markdown images and links may fetch from the network",
}

// isFileURLArg reports whether call's only argument is a url.URL composite
// literal (or its address) with Scheme: "file".
func isFileURLArg(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	arg := call.Args[0]
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = u.X
	}
	lit, ok := arg.(*ast.CompositeLit)
	if !ok {
		return false
	}
	if sel, ok := lit.Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "URL" {
		return false
	} else if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "url" {
		return false
	}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Scheme" {
			v, ok := kv.Value.(*ast.BasicLit)
			return ok && v.Kind == token.STRING && v.Value == `"file"`
		}
	}
	return false
}

var urlLiteral = regexp.MustCompile(`(?i)\b(https?|ftp|wss?)://`)

// moduleRoot finds the directory with this module's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			if !regexp.MustCompile(`(?m)^module\s+hmsutvalg\s*$`).Match(data) {
				t.Fatalf("%s/go.mod is not module hmsutvalg", dir)
			}
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("found no go.mod above the test directory")
		}
		dir = parent
	}
}

func TestNoNetworkCode(t *testing.T) {
	root := moduleRoot(t)
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// Same rules as the go tool: testdata, vendor, _ and . directories
			// are not packages of this module; nor is a nested module.
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); path != root && err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		files++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if why := forbiddenImport(p); why != "" {
				t.Errorf("%s: imports %q (%s); the program must not use the network (see docs/nettverk.md)", fset.Position(imp.Pos()), p, why)
			}
		}
		if strings.HasSuffix(name, "_test.go") {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var fn string
				switch x := n.Fun.(type) {
				case *ast.SelectorExpr:
					fn = x.Sel.Name
				case *ast.Ident:
					fn = x.Name
				}
				if why, ok := forbiddenCalls[fn]; ok && !(fn == "OpenURL" && isFileURLArg(n)) {
					t.Errorf("%s: calls %s (%s); the program must not use the network (see docs/nettverk.md)", fset.Position(n.Pos()), fn, why)
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING && urlLiteral.MatchString(n.Value) {
					t.Errorf("%s: URL in a string literal (%s); Fyne may fetch such addresses from the network (see docs/nettverk.md)", fset.Position(n.Pos()), n.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("only %d Go files found under %s; the scan is not looking at the module", files, root)
	}
	t.Logf("%d Go files checked", files)
}
