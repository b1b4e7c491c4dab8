package reports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/zlib"
)

// Page content streams are compressed here instead of by gofpdf: its
// sliceCompress makes a new zlib writer (about 1 MB of state) for every
// page, and for a report of a few hundred pages that allocation and the
// garbage collection it causes cost more than the compression. gofpdf
// writes the PDF uncompressed (SetCompression(false)) and compressStreams
// rewrites it, with reused writers on all cores. The writers are
// github.com/klauspost/compress's, drop-in replacements of the standard
// library's zlib and flate: at the fastest level they compress the heavy
// annual report's pages with about half the CPU time and 2 % smaller
// (docs/ytelse.md, «Åttende runde»).
//
// The rewriter relies only on the exact format gofpdf v1.16 writes (see
// newobj, putstream, putpages and enddoc in fpdf.go):
//
//	%PDF-1.3
//	3 0 obj
//	<</Type /Page ...>>
//	endobj
//	4 0 obj
//	<</Length 2204>>
//	stream
//	...2204 bytes...
//	endstream
//	endobj
//	...
//	xref
//	0 539
//	0000000000 65535 f
//	0000000009 00000 n
//	...
//	trailer
//	<<
//	/Size 539
//	...
//	>>
//	startxref
//	956978
//	%%EOF
//
// Objects are found through the cross-reference table, and a stream's
// extent is checked against its /Length, so nothing is ever searched for
// inside stream data. Anything unexpected and the uncompressed PDF, which
// is valid as it is, is used instead.

// errNotGofpdf says that a PDF is not laid out as compressStreams expects.
var errNotGofpdf = errors.New("reports: PDF not in gofpdf's uncompressed layout")

// The fixed parts of gofpdf's output.
const (
	xrefFree        = "0000000000 65535 f \n"
	xrefEntryLen    = len(xrefFree)
	plainDictPrefix = "<</Length "
	plainDictSuffix = ">>\nstream\n"
	streamEnd       = "\nendstream\nendobj\n"
	flateDict       = "<</Filter /FlateDecode /Length %d>>\nstream\n"
)

// pdfObject is one indirect object of a parsed PDF.
type pdfObject struct {
	num  int
	seg  []byte // the object's bytes, from "N 0 obj" up to the next object
	data []byte // for a stream in gofpdf's uncompressed form: its content
	head int    // length of "N 0 obj\n"
}

// pdfFile is a PDF as gofpdf writes it, split at its objects.
type pdfFile struct {
	header  []byte      // "%PDF-1.3\n"
	objs    []pdfObject // in file order
	count   int         // entries in the cross-reference table, with object 0
	trailer []byte      // "trailer\n<<...>>\n"
}

// parsePDF splits a PDF written by gofpdf into its objects. It checks
// every assumption the rewrite depends on and fails on anything else.
func parsePDF(in []byte) (*pdfFile, error) {
	xo, trailerEnd, err := pdfStartXref(in)
	if err != nil {
		return nil, err
	}
	count, entries, trailer, err := pdfXref(in[xo:trailerEnd])
	if err != nil {
		return nil, err
	}
	offsets, err := pdfObjectOffsets(entries, count, xo)
	if err != nil {
		return nil, err
	}
	f := &pdfFile{count: count, trailer: trailer}
	if f.header, f.objs, err = pdfObjects(in, offsets, xo); err != nil {
		return nil, err
	}
	return f, nil
}

// notGofpdf is the error for a PDF that is not as gofpdf writes it.
func notGofpdf(what string) error { return fmt.Errorf("%w: %s", errNotGofpdf, what) }

// pdfStartXref reads the end, "startxref\n<offset>\n%%EOF\n", from the
// back: xo is the offset of the cross-reference table, trailerEnd where
// the trailer ends (keeping the newline before startxref).
func pdfStartXref(in []byte) (xo, trailerEnd int, err error) {
	const eof, sx = "\n%%EOF\n", "\nstartxref\n"
	if !bytes.HasSuffix(in, []byte(eof)) {
		return 0, 0, notGofpdf("no end-of-file marker")
	}
	rest := in[:len(in)-len(eof)]
	nl := bytes.LastIndexByte(rest, '\n')
	if nl < 0 {
		return 0, 0, notGofpdf("no startxref")
	}
	xo, ok := parseUint(rest[nl+1:])
	if !ok || !bytes.HasSuffix(rest[:nl+1], []byte(sx)) {
		return 0, 0, notGofpdf("no startxref")
	}
	trailerEnd = nl + 1 - len(sx) + 1
	if xo >= trailerEnd {
		return 0, 0, notGofpdf("startxref out of range")
	}
	return xo, trailerEnd, nil
}

// pdfXref reads the cross-reference table x (up to the end of the
// trailer): one section from object 0, offsets only, and gofpdf's trailer
// without encryption, so stream data are plain text, not ciphertext that
// a filter would be applied to after decryption. entries has count
// entries, object 0's the free one.
func pdfXref(x []byte) (count int, entries, trailer []byte, err error) {
	if !bytes.HasPrefix(x, []byte("xref\n0 ")) {
		return 0, nil, nil, notGofpdf("no xref")
	}
	x = x[len("xref\n0 "):]
	nl := bytes.IndexByte(x, '\n')
	if nl < 0 {
		return 0, nil, nil, notGofpdf("xref header")
	}
	count, ok := parseUint(x[:nl])
	if !ok || count < 2 {
		return 0, nil, nil, notGofpdf("xref count")
	}
	x = x[nl+1:]
	if count > len(x)/xrefEntryLen {
		return 0, nil, nil, notGofpdf("xref too short")
	}
	entries, trailer = x[:count*xrefEntryLen], x[count*xrefEntryLen:]
	if string(entries[:xrefEntryLen]) != xrefFree {
		return 0, nil, nil, notGofpdf("xref entry 0")
	}
	if !bytes.HasPrefix(trailer, []byte("trailer\n<<\n/Size "+strconv.Itoa(count)+"\n")) ||
		!bytes.HasSuffix(trailer, []byte("\n>>\n")) || bytes.Contains(trailer, []byte("/Encrypt")) {
		return 0, nil, nil, notGofpdf("trailer")
	}
	return count, entries, trailer, nil
}

// pdfObjectOffsets reads the offset of objects 1 to count-1 from the
// cross-reference entries; each is in use and before the table at xo.
func pdfObjectOffsets(entries []byte, count, xo int) ([]int, error) {
	offsets := make([]int, count)
	for n := 1; n < count; n++ {
		e := entries[n*xrefEntryLen : (n+1)*xrefEntryLen]
		off, ok := parseUint(e[:10])
		if !ok || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xo {
			return nil, notGofpdf("xref entry " + strconv.Itoa(n))
		}
		offsets[n] = off
	}
	return offsets, nil
}

// pdfObjects splits in at the objects' offsets, in file order: each runs
// up to the next, the last one up to the cross-reference table at xo.
// What comes before the first object is the header.
func pdfObjects(in []byte, offsets []int, xo int) (header []byte, objs []pdfObject, err error) {
	order := make([]int, 0, len(offsets)-1)
	for n := 1; n < len(offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	header = in[:offsets[order[0]]]
	if !bytes.HasPrefix(header, []byte("%PDF-")) {
		return nil, nil, notGofpdf("header")
	}
	objs = make([]pdfObject, 0, len(order))
	for i, n := range order {
		end := xo
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		if end == offsets[n] {
			return nil, nil, notGofpdf("two objects at one offset")
		}
		o, err := parseObject(n, in[offsets[n]:end])
		if err != nil {
			return nil, nil, err
		}
		objs = append(objs, o)
	}
	return header, objs, nil
}

// parseObject checks that seg is object n and finds its stream data if
// it is a stream in gofpdf's uncompressed form.
func parseObject(n int, seg []byte) (pdfObject, error) {
	o := pdfObject{num: n, seg: seg}
	head := strconv.Itoa(n) + " 0 obj\n"
	if !bytes.HasPrefix(seg, []byte(head)) {
		return o, fmt.Errorf("%w: object %d not at its offset", errNotGofpdf, n)
	}
	o.head = len(head)
	dict := seg[len(head):]
	if !bytes.HasPrefix(dict, []byte(plainDictPrefix)) {
		return o, nil
	}
	// Only the exact dictionary "<</Length N>>": other streams (font
	// files, compressed maps) have more keys and are copied as they are.
	digits := dict[len(plainDictPrefix):]
	i := 0
	for i < len(digits) && i < 12 && '0' <= digits[i] && digits[i] <= '9' {
		i++
	}
	if !bytes.HasPrefix(digits[i:], []byte(">>")) {
		return o, nil
	}
	length, ok := parseUint(digits[:i])
	rest := digits[i:]
	if !ok || !bytes.HasPrefix(rest, []byte(plainDictSuffix)) {
		return o, fmt.Errorf("%w: object %d: stream dictionary", errNotGofpdf, n)
	}
	rest = rest[len(plainDictSuffix):]
	if len(rest) != length+len(streamEnd) || string(rest[length:]) != streamEnd {
		return o, fmt.Errorf("%w: object %d: stream length", errNotGofpdf, n)
	}
	o.data = rest[:length]
	return o, nil
}

// parseUint parses a non-empty run of at most 12 decimal digits.
func parseUint(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 12 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// writerPool keeps compressors between documents: making one costs
// about 500 kB, resetting one nothing. Not a
// sync.Pool, which every garbage collection empties: a report's layout
// runs several collections, so a pool had new writers for nearly every
// document. At most one per processor is kept, and extra more.
type writerPool[W interface{ Reset(io.Writer) }] struct {
	mu        sync.Mutex
	free      []W
	newWriter func() W
	extra     int
}

func (p *writerPool[W]) get() W {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		w := p.free[n-1]
		p.free = p.free[:n-1]
		return w
	}
	return p.newWriter()
}

func (p *writerPool[W]) put(w W) {
	w.Reset(nil) // not to keep the last output alive
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < runtime.GOMAXPROCS(0)+p.extra {
		p.free = append(p.free, w)
	}
}

// zlibWriters compress the PDF's other streams, at gofpdf's level
// (BestSpeed).
var zlibWriters = writerPool[*zlib.Writer]{newWriter: func() *zlib.Writer {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// deflate compresses the concatenation of parts as one stream with zw.
func deflate(zw *zlib.Writer, parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	var buf bytes.Buffer
	buf.Grow(n/4 + 64)
	zw.Reset(&buf)
	for _, p := range parts {
		zw.Write(p) // writes to a bytes.Buffer do not fail
	}
	zw.Close()
	return buf.Bytes()
}

// catalogStart is how gofpdf begins the document catalog's dictionary.
const catalogStart = "<<\n/Type /Catalog\n"

// docLang is the document language, for screen readers and hyphenation
// in PDF readers: Norwegian bokmål.
const docLang = "nb-NO"

// setCatalogLang adds /Lang to the document catalog, which gofpdf has no
// setting for. The cross-reference table is rebuilt afterwards anyway.
func setCatalogLang(f *pdfFile) {
	for i := range f.objs {
		if seg, ok := catalogWithLang(f.objs[i]); ok {
			f.objs[i].seg = seg
			return
		}
	}
}

// catalogWithLang returns the object with /Lang added and true if o is
// gofpdf's document catalog without /Lang.
func catalogWithLang(o pdfObject) ([]byte, bool) {
	if o.data != nil || !bytes.HasPrefix(o.seg[o.head:], []byte(catalogStart)) || bytes.Contains(o.seg, []byte("/Lang ")) {
		return nil, false
	}
	seg := make([]byte, 0, len(o.seg)+32)
	seg = append(seg, o.seg[:o.head+len(catalogStart)]...)
	seg = append(seg, "/Lang ("+docLang+")\n"...)
	seg = append(seg, o.seg[o.head+len(catalogStart):]...)
	return seg, true
}

// compressStreams returns the PDF gofpdf wrote uncompressed with every
// stream in the plain form "<</Length N>>" compressed with zlib, /Lang in
// the document catalog, and the cross-reference table rebuilt. If the PDF is not exactly as expected it
// returns in itself, which is valid, and the reason.
func compressStreams(in []byte) ([]byte, error) {
	return compressStreamsWith(in, nil, nil)
}

// compressStreamsWith is compressStreams for a PDF whose pages' content
// streams gofpdf wrote empty, because they were taken out and compressed
// already (pagestreams.go): pages[n-1] is page n's, put in their place;
// and whose fonts were taken from gofpdf (fontembed.go), put in too. With
// pages or fonts, an error leaves no usable PDF (in lacks them).
func compressStreamsWith(in []byte, pages [][]byte, fonts *takenFonts) ([]byte, error) {
	f, err := parsePDF(in)
	if err != nil {
		return in, err
	}
	setCatalogLang(f)
	if fonts != nil {
		if err := placeFonts(f, fonts); err != nil {
			return in, err
		}
	}
	packed := make([][]byte, len(f.objs))
	if pages != nil {
		if err := placePages(f, pages, packed); err != nil {
			return in, err
		}
	}
	var streams []int // indexes into f.objs
	for i := range f.objs {
		if f.objs[i].data != nil && packed[i] == nil {
			streams = append(streams, i)
		}
	}
	// Each stream is compressed on its own, so the result is the same
	// whichever worker compresses it: the output is deterministic.
	var next atomic.Int64
	work := func() {
		zw := zlibWriters.get()
		defer zlibWriters.put(zw)
		for {
			k := int(next.Add(1)) - 1
			if k >= len(streams) {
				return
			}
			i := streams[k]
			packed[i] = deflate(zw, f.objs[i].data)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(streams))
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	return assemblePDF(f, packed), nil
}

// assemblePDF writes f with the objects that have packed data as
// compressed streams, and a new cross-reference table.
func assemblePDF(f *pdfFile, packed [][]byte) []byte {
	size := len(f.header) + len(f.trailer) + 20*f.count + 64
	for i, o := range f.objs {
		if packed[i] != nil {
			size += o.head + len(flateDict) + len(packed[i]) + len(streamEnd)
		} else {
			size += len(o.seg)
		}
	}
	out := make([]byte, 0, size)
	out = append(out, f.header...)
	offsets := make([]int, f.count)
	for i, o := range f.objs {
		offsets[o.num] = len(out)
		if packed[i] == nil {
			out = append(out, o.seg...)
			continue
		}
		out = append(out, o.seg[:o.head]...)
		out = fmt.Appendf(out, flateDict, len(packed[i]))
		out = append(out, packed[i]...)
		out = append(out, streamEnd...)
	}
	xo := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n", f.count)
	out = append(out, xrefFree...)
	for n := 1; n < f.count; n++ {
		out = fmt.Appendf(out, "%010d 00000 n \n", offsets[n])
	}
	out = append(out, f.trailer...)
	out = append(out, "startxref\n"...)
	out = strconv.AppendInt(out, int64(xo), 10)
	out = append(out, "\n%%EOF\n"...)
	return out
}
