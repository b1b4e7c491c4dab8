package reports

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// The pages' content streams, most of a report's bytes, are kept out of
// gofpdf and compressed here. Each page's content is set aside as soon as
// the layout moves on to the next page (setAside) and compressed on
// another goroutine while the layout goes on (bodyPacker, bodypacker.go);
// gofpdf keeps an empty buffer for the page, into which the header and
// footer are drawn at the end. Before gofpdf writes the document, each
// page's header and footer are taken out and compressed after its body,
// as one stream, while gofpdf writes the rest (fonts, pictures, the page
// dictionaries) with empty page streams; compressStreamsWith then puts
// the finished streams in.
//
// Before, every page stayed in gofpdf's buffer (grown by doubling, so
// about twice its size: 20 MB for a 500-page report), gofpdf copied them
// all into its output buffer (another 16 MB, also grown by doubling), and
// compressStreams read that copy: the report's peak of memory, and the
// copying and the clearing of fresh memory a tenth of its CPU time
// (docs/ytelse.md, issue 18).
//
// gofpdf has no call that hands over a page's content, so its field
// Fpdf.pages ([]*bytes.Buffer, 1-based, v1.16.2 pinned in go.mod) is
// reached through reflect and unsafe; if it is not there with that type,
// pagesOffset says so and the document is written as before. The PDF is
// the same either way, its streams read back (TestPageStreamsSameContent);
// the compressed bytes of a page differ where its body's blocks end.

// newDocumentsKeepPages makes New's documents leave the pages' content to
// gofpdf (Document.gofpdfPages), for the tests that compare the two ways
// on documents New is called for inside a report function.
var newDocumentsKeepPages = false

// pagesOffset is the offset of the field pages in gofpdf.Fpdf, or
// noField (fieldOffset, photos.go).
var pagesOffset = fieldOffset[gofpdf.Fpdf, []*bytes.Buffer]("pages")

// gofpdfPages returns gofpdf's page list (1-based, [0] unused), or nil.
// Writing an element replaces that page's buffer in gofpdf.
func gofpdfPages(pdf *gofpdf.Fpdf) []*bytes.Buffer {
	if pagesOffset == noField {
		return nil
	}
	return *(*[]*bytes.Buffer)(unsafe.Add(unsafe.Pointer(pdf), pagesOffset))
}

// setAside moves page n's content so far out of gofpdf to the packer,
// which compresses it on another goroutine while the layout goes on
// (bodyPacker), leaving gofpdf an empty buffer for what is added later
// (the header and footer). Called for a page the layout has left.
func (d *Document) setAside(n int) {
	pages := gofpdfPages(d.pdf)
	if d.gofpdfPages || pages == nil || n < 1 || n >= len(pages) {
		return
	}
	if d.bodies == nil {
		d.bodies = newBodyPacker()
	}
	d.bodies.add(n, pages[n].Bytes()) // gofpdf lets go of the buffer below
	pages[n] = new(bytes.Buffer)
}

// reuseForPage gives page n (just added) a buffer a compressed body left
// behind, with what gofpdf has written on the page so far, so that its
// content does not grow from nothing by doubling (a page's body is tens
// of kB: about 12 MB of garbage per heavy report).
func (d *Document) reuseForPage(n int) {
	pages := gofpdfPages(d.pdf)
	if d.bodies == nil || pages == nil || n < 1 || n >= len(pages) {
		return
	}
	if buf := d.bodies.spare(); buf != nil {
		pages[n] = bytes.NewBuffer(append(buf, pages[n].Bytes()...))
	}
}

// restoreBodies gives gofpdf back the bodies set aside, in front of what
// it holds for each page, so that it writes the pages' whole content.
func (d *Document) restoreBodies() {
	if d.bodies == nil {
		return
	}
	pages := gofpdfPages(d.pdf)
	for i, body := range d.bodies.unpacked() {
		if body != nil {
			pages[i+1] = bytes.NewBuffer(append(body, pages[i+1].Bytes()...))
		}
	}
	d.bodies = nil
}

// pageContent is one page's content stream: its body set aside and
// compressed, then what gofpdf holds.
type pageContent struct {
	body packedBody
	rest []byte
}

// pageContents takes the content of pages 1..n out of gofpdf and leaves
// an empty buffer in each page's place. It returns nil, and takes
// nothing, when gofpdf's page list is not as expected.
func (d *Document) pageContents() []pageContent {
	pages := gofpdfPages(d.pdf)
	n := d.pdf.PageCount()
	var bodies []packedBody
	if d.bodies != nil {
		bodies = d.bodies.packed()
	}
	if pages == nil || len(pages) != n+1 || len(bodies) > n {
		return nil
	}
	out := make([]pageContent, n)
	for i := range out {
		out[i].rest = pages[i+1].Bytes()
		if i < len(bodies) {
			out[i].body = bodies[i]
		}
		pages[i+1] = new(bytes.Buffer) // its own: gofpdf may still write to the current page
	}
	d.bodies = nil
	return out
}

// compressPages finishes the pages' content streams on all cores into
// packed (packed[i] for contents[i]): each page's compressed body and
// its header and footer compressed after it (packedBody.finish),
// dropping each page's content once it is done. It returns at once; wait
// waits for the work to end.
func compressPages(contents []pageContent) (packed [][]byte, wait func()) {
	packed = make([][]byte, len(contents))
	var next atomic.Int64
	work := func() {
		fw := flateWriters.get()
		defer flateWriters.put(fw)
		for {
			i := int(next.Add(1)) - 1
			if i >= len(contents) {
				return
			}
			packed[i] = contents[i].body.finish(fw, contents[i].rest)
			contents[i] = pageContent{}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(contents)) {
		wg.Go(work)
	}
	return packed, wg.Wait
}

// pageContentObject is the number of the object gofpdf writes page n's
// (1-based) content stream to: objects 1 and 2 are the page tree and the
// resources, then each page is a page object and its content.
func pageContentObject(n int) int { return 2*n + 2 }

// placePages fills in packed page streams for the empty content streams
// gofpdf wrote for them, checking that each is where it should be: the
// plain, empty stream right after a page object that names it.
func placePages(f *pdfFile, pages [][]byte, packed [][]byte) error {
	byNum := make(map[int]int, len(f.objs))
	for i, o := range f.objs {
		byNum[o.num] = i
	}
	for n := 1; n <= len(pages); n++ {
		num := pageContentObject(n)
		i, ok := byNum[num]
		page, okPage := byNum[num-1]
		if !ok || !okPage || f.objs[i].data == nil || len(f.objs[i].data) != 0 ||
			!bytes.Contains(f.objs[page].seg, fmt.Appendf(nil, "/Contents %d 0 R>>", num)) {
			return fmt.Errorf("%w: page %d's content stream is not object %d", errNotGofpdf, n, num)
		}
		packed[i] = pages[n-1]
	}
	return nil
}
