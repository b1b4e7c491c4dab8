package reports

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// rawDocument returns a document's PDF as gofpdf writes it, before
// compressStreams.
func rawDocument(t testing.TB, d *Document) []byte {
	t.Helper()
	d.gofpdfPages, d.gofpdfFonts = true, true
	raw, _, _ := d.render()
	if raw == nil {
		t.Fatalf("render: %v", d.Err())
	}
	return raw
}

// multiPageDocument is a few pages of text and a table.
func multiPageDocument() *Document {
	d := testDoc("Komprimering")
	d.Heading(1, "Tabell")
	d.Paragraph(lorem(60))
	d.Table(Table{Columns: benchColumns, Rows: benchRows(120)})
	return d
}

func writeBytes(t testing.TB, b []byte, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var contentsRef = regexp.MustCompile(`/Contents (\d+) 0 R>>`)

// pageStreams returns the objects holding the pages' content streams.
func pageStreams(t testing.TB, f *pdfFile) []pdfObject {
	t.Helper()
	byNum := map[int]pdfObject{}
	for _, o := range f.objs {
		byNum[o.num] = o
	}
	var streams []pdfObject
	for _, o := range f.objs {
		if !bytes.HasPrefix(o.seg[o.head:], []byte("<</Type /Page\n")) {
			continue
		}
		m := contentsRef.FindSubmatch(o.seg)
		if m == nil {
			t.Fatalf("page object %d without /Contents", o.num)
		}
		n, _ := strconv.Atoi(string(m[1]))
		streams = append(streams, byNum[n])
	}
	return streams
}

// flateData returns the decompressed data of an object that
// compressStreams wrote, or an error if it is not in that form.
func flateData(o pdfObject) ([]byte, error) {
	s := o.seg[o.head:]
	const pre = "<</Filter /FlateDecode /Length "
	if !bytes.HasPrefix(s, []byte(pre)) {
		return nil, errors.New("not FlateDecode")
	}
	s = s[len(pre):]
	i := bytes.IndexByte(s, '>')
	if i < 0 {
		return nil, errors.New("no end of dictionary")
	}
	n, ok := parseUint(s[:i])
	s = s[i:]
	if !ok || !bytes.HasPrefix(s, []byte(plainDictSuffix)) {
		return nil, errors.New("bad dictionary")
	}
	s = s[len(plainDictSuffix):]
	if len(s) != n+len(streamEnd) || string(s[n:]) != streamEnd {
		return nil, errors.New("bad /Length")
	}
	r, err := zlib.NewReader(bytes.NewReader(s[:n]))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// TestCompressStreams puts a real PDF through the rewriter: it must stay
// valid, read the same, shrink, and have every page stream compressed.
func TestCompressStreams(t *testing.T) {
	raw := rawDocument(t, multiPageDocument())
	out, err := compressStreams(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(raw)*2/3 {
		t.Errorf("compressed %d bytes, uncompressed %d: want clearly smaller", len(out), len(raw))
	}
	rawPath, outPath := writeBytes(t, raw, "raw.pdf"), writeBytes(t, out, "out.pdf")
	qpdfCheck(t, rawPath)
	qpdfCheck(t, outPath)
	if a, b := pdfText(t, rawPath), pdfText(t, outPath); a != b {
		t.Errorf("text differs after compression:\n%s\n---\n%s", a, b)
	}
	if n := pageCount(t, outPath); n < 3 {
		t.Fatalf("%d pages, want a few", n)
	}

	f, err := parsePDF(out)
	if err != nil {
		t.Fatalf("rewritten PDF: %v", err)
	}
	fr, _ := parsePDF(raw)
	streams := pageStreams(t, f)
	if len(streams) != pageCount(t, outPath) {
		t.Fatalf("%d page streams, want one per page", len(streams))
	}
	for i, o := range streams {
		data, err := flateData(o)
		if err != nil {
			t.Fatalf("page %d stream (object %d): %v", i+1, o.num, err)
		}
		if want := pageStreams(t, fr)[i].data; !bytes.Equal(data, want) {
			t.Errorf("page %d stream decompresses to other data", i+1)
		}
	}
	for _, o := range f.objs {
		if o.data != nil {
			t.Errorf("object %d still an uncompressed stream", o.num)
		}
	}
	checkRewrite(t, raw, out)
}

// TestDocumentCompressed checks that Bytes and WriteFile give the
// compressed PDF, deterministically.
func TestDocumentCompressed(t *testing.T) {
	a, err := multiPageDocument().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := multiPageDocument().Bytes()
	if !bytes.Equal(a, b) {
		t.Fatal("two deterministic runs differ")
	}
	f, err := parsePDF(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range pageStreams(t, f) {
		if _, err := flateData(o); err != nil {
			t.Errorf("object %d: %v", o.num, err)
		}
	}
	path := writePDF(t, multiPageDocument(), "komprimert.pdf")
	qpdfCheck(t, path)
	if b, _ := os.ReadFile(path); !bytes.Equal(a, b) {
		t.Error("WriteFile wrote other bytes than Bytes")
	}
}

// TestCompressStreamsFallback feeds PDFs that are not exactly as gofpdf
// writes them: the rewriter must return them unchanged.
func TestCompressStreamsFallback(t *testing.T) {
	raw := rawDocument(t, multiPageDocument())
	f, err := parsePDF(raw)
	if err != nil {
		t.Fatal(err)
	}
	stream := pageStreams(t, f)[0]
	streamAt := bytes.Index(raw, stream.seg)
	lengthAt := streamAt + stream.head + len(plainDictPrefix)
	xref := bytes.LastIndex(raw, []byte("\nxref\n")) + 1

	edit := func(at int, old, new string) []byte {
		if string(raw[at:at+len(old)]) != old {
			t.Fatalf("%q not at %d", old, at)
		}
		return bytes.Join([][]byte{raw[:at], []byte(new), raw[at+len(old):]}, nil)
	}
	n := strconv.Itoa(len(stream.data))
	cases := map[string][]byte{
		"empty":              {},
		"header only":        []byte("%PDF-1.3\n"),
		"truncated":          raw[:len(raw)-10],
		"cut in a stream":    raw[:lengthAt+100],
		"stream too long":    edit(lengthAt, n, strconv.Itoa(len(stream.data)+1)),
		"stream too short":   edit(lengthAt, n, strconv.Itoa(len(stream.data)-1)),
		"startxref":          edit(bytes.LastIndex(raw, []byte("startxref\n")), "startxref\n", "startxref\n1"),
		"xref offset":        edit(xref+len("xref\n0 ")+len(strconv.Itoa(f.count))+1+20, "0", "1"),
		"xref count":         edit(xref, "xref\n0 "+strconv.Itoa(f.count), "xref\n0 "+strconv.Itoa(f.count-1)),
		"encrypted":          edit(bytes.LastIndex(raw, []byte("\n>>\nstartxref")), "\n>>", "\n/Encrypt 9 0 R\n>>"),
		"no EOF":             raw[:len(raw)-len("%%EOF\n")],
		"xref in the middle": edit(xref, "xref", "xreg"),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := compressStreams(in)
			t.Log(err)
			if !errors.Is(err, errNotGofpdf) {
				t.Errorf("err = %v, want errNotGofpdf", err)
			}
			if !bytes.Equal(out, in) {
				t.Error("input not returned unchanged")
			}
		})
	}

	// A valid PDF in another layout (qpdf's) stays valid: it comes back
	// as it is.
	needTool(t, "qpdf", "qpdf")
	rawPath := writeBytes(t, raw, "raw.pdf")
	other := filepath.Join(t.TempDir(), "qpdf.pdf")
	if b, err := exec.Command("qpdf", "--object-streams=disable", "--stream-data=uncompress", rawPath, other).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, b)
	}
	in, _ := os.ReadFile(other)
	out, err := compressStreams(in)
	if err == nil || !bytes.Equal(out, in) {
		t.Fatalf("qpdf's PDF: err = %v, unchanged = %v; want an error and the input", err, bytes.Equal(out, in))
	}
	qpdfCheck(t, writeBytes(t, out, "out.pdf"))
}

// checkRewrite fails unless out is in, or a rewrite of in: the same
// objects in the same order, each plain stream replaced by a compressed
// one with the same data, everything else as it was.
func checkRewrite(t testing.TB, in, out []byte) {
	t.Helper()
	if bytes.Equal(in, out) {
		return
	}
	fi, err := parsePDF(in)
	if err != nil {
		t.Fatalf("input rewritten although not parsable: %v", err)
	}
	fo, err := parsePDF(out)
	if err != nil {
		t.Fatalf("rewrite not parsable: %v", err)
	}
	if !bytes.Equal(fi.header, fo.header) || !bytes.Equal(fi.trailer, fo.trailer) || fi.count != fo.count || len(fi.objs) != len(fo.objs) {
		t.Fatal("rewrite changed the header, trailer or objects")
	}
	for i, a := range fi.objs {
		b := fo.objs[i]
		if a.num != b.num {
			t.Fatalf("object %d became %d", a.num, b.num)
		}
		if a.data == nil {
			want := a.seg
			if seg, ok := catalogWithLang(a); ok {
				want = seg // the one intended change
			}
			if !bytes.Equal(want, b.seg) {
				t.Fatalf("object %d changed", a.num)
			}
			continue
		}
		data, err := flateData(b)
		if err != nil {
			t.Fatalf("object %d: %v", a.num, err)
		}
		if !bytes.Equal(data, a.data) {
			t.Fatalf("object %d: other data after decompression", a.num)
		}
	}
}

// FuzzCompressStreams: whatever the input, compressStreams returns it
// unchanged or rewrites it correctly, and never panics.
//
//	go test ./reports -run '^$' -fuzz FuzzCompressStreams -fuzztime 1m
func FuzzCompressStreams(f *testing.F) {
	d := testDoc("Fuzz")
	d.Paragraph("Kort tekst.")
	d.gofpdfPages, d.gofpdfFonts = true, true
	raw, _, _ := d.render()
	if raw == nil {
		f.Fatal(d.Err())
	}
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	f.Add([]byte{})
	f.Add(minimalPDF())
	f.Fuzz(func(t *testing.T, in []byte) {
		orig := bytes.Clone(in)
		out, err := compressStreams(in)
		if !bytes.Equal(in, orig) {
			t.Fatal("input modified")
		}
		if err != nil && !bytes.Equal(out, in) {
			t.Fatalf("error %v, but not the input back", err)
		}
		checkRewrite(t, in, out)
	})
}

// TestCompressSeed checks the hand-made fuzz seed: a minimal PDF in
// gofpdf's layout is rewritten.
func TestCompressSeed(t *testing.T) {
	in := minimalPDF()
	out, err := compressStreams(in)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(out, in) {
		t.Fatal("not rewritten")
	}
	checkRewrite(t, in, out)
}

// minimalPDF is the smallest PDF in gofpdf's layout: one stream object.
func minimalPDF() []byte {
	const head = "%PDF-1.3\n"
	obj := "1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n"
	return fmt.Appendf(nil, "%s%sxref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<<\n/Size 2\n>>\nstartxref\n%d\n%%%%EOF\n",
		head, obj, len(head), len(head)+len(obj))
}

// TestPageStreamsSameContent: taking the pages' content out of gofpdf
// and compressing it on the side (pagestreams.go, bodypacker.go) gives
// the same PDF, streams read back, as compressing gofpdf's whole output,
// for documents of one page and of many, and the page streams really were
// taken out (gofpdf wrote them empty).
func TestPageStreamsSameContent(t *testing.T) {
	docs := map[string]func(d *Document){
		"one page": func(d *Document) { d.Paragraph("Kort.") },
		"many pages": func(d *Document) {
			d.Heading(1, "Tabell")
			d.Paragraph(lorem(60))
			d.Table(Table{Columns: benchColumns, Rows: benchRows(120)})
			d.PageBreak()
			d.Paragraph(lorem(20))
		},
		"empty": func(*Document) {},
	}
	for name, fill := range docs {
		t.Run(name, func(t *testing.T) {
			old := testDoc(name)
			old.gofpdfPages = true // before any content: gofpdf keeps every page
			fill(old)
			if old.bodies != nil {
				t.Fatal("pages set aside with gofpdfPages")
			}
			want, err := old.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			d := testDoc(name)
			fill(d)
			if d.PageCount() > 1 && d.bodies == nil {
				t.Fatal("no page was set aside during the layout")
			}
			raw, pages, fonts := d.render()
			if raw == nil || pages == nil {
				t.Fatalf("render: no page streams taken out (%v)", d.Err())
			}
			if len(pages) != d.PageCount() {
				t.Fatalf("%d page streams for %d pages", len(pages), d.PageCount())
			}
			f, err := parsePDF(raw)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range pageStreams(t, f) {
				if o.data == nil || len(o.data) != 0 {
					t.Fatalf("gofpdf wrote page stream %d with content; it should have been taken out", o.num)
				}
			}
			got, err := compressStreamsWith(raw, pages, fonts)
			if err != nil {
				t.Fatal(err)
			}
			samePDFContent(t, got, want)
		})
	}
}

// A PDF whose page streams are not where gofpdf puts them is refused
// when the pages were taken out: there is nothing to fall back on.
func TestPlacePagesRefusesAnOddLayout(t *testing.T) {
	d := multiPageDocument()
	raw, pages, fonts := d.render()
	if pages == nil {
		t.Fatal("no page streams taken out")
	}
	if _, err := compressStreamsWith(raw, append(pages, []byte("x")), fonts); !errors.Is(err, errNotGofpdf) {
		t.Fatalf("one page too many: %v, want errNotGofpdf", err)
	}
}
