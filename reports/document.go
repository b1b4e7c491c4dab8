package reports

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"hmsutvalg/model"
)

// Options describe a document.
type Options struct {
	Title    string // PDF title and page header
	Subject  string
	Author   string
	Keywords string
	Unit     string // unit name, right in the page header

	Landscape bool // A4 landscape instead of portrait

	// Deterministic fixes everything that would make two runs differ (the
	// PDF creation and modification dates, the order of the resource
	// catalogues), so the bytes can be compared in golden tests.
	Deterministic bool

	// Created is the date printed as "Laget 24.11.2026" in the footer.
	// Zero means now, or 01.01.2000 when Deterministic.
	Created time.Time

	// RecordTables keeps the text of every table drawn, for Tables.
	RecordTables bool
}

// ErrWritten is returned when a building block is used after Bytes or
// WriteFile: the PDF is already closed.
var ErrWritten = errors.New("reports: document already written")

// Page geometry in mm.
const (
	marginX      = 18.0
	marginTop    = 24.0 // content starts below the header
	marginBottom = 22.0 // content ends above the footer
	headerY      = 10.0
	footerUp     = 14.0 // footer text baseline box, from the bottom edge
)

// deterministicTime is used for all dates in Deterministic mode.
var deterministicTime = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// Document is a PDF being built. Create it with New, add building blocks
// in reading order, then call WriteFile or Bytes once. A Document is not
// safe for concurrent use.
type Document struct {
	pdf     *gofpdf.Fpdf
	opts    Options
	created time.Time

	pageW, pageH             float64
	left, right, top, bottom float64 // content box

	started    bool           // the first page exists
	breakNext  bool           // the next block starts a new page (after a cover)
	covers     map[int]bool   // pages without header
	mark       string         // SetMark's text, while it runs
	marks      map[int]string // the mark of each marked page
	outlineTop bool           // a level 1 heading has a bookmark
	pending    []heading      // headings kept with the next block
	fontStyle  string         // current font, as gofpdf has no getter for the style
	fontSize   float64
	fontKnown  bool    // fontStyle and fontSize are what the current page has
	faceAdded  [4]bool // the font faces added to gofpdf, by styleIndex
	facePut    [4]bool // those added without their file (fontmetrics.go)

	k         float64    // gofpdf's scale factor: points per mm
	ops       []byte     // fastText's and the others' scratch
	used      [4]runeSet // the runes fastText wrote, by styleIndex
	textOp    []byte     // the text colour operator for textOpRGB
	textOpRGB [3]int
	// gofpdfOps turns fastText and the others off, for the test that
	// compares them with gofpdf's own.
	gofpdfOps bool
	// gofpdfPages leaves the pages' content in gofpdf's output
	// (pagestreams.go), for the tests of the uncompressed PDF and the
	// test that both ways give the same bytes.
	gofpdfPages bool
	// gofpdfFonts leaves the embedded fonts to gofpdf (fontembed.go),
	// for the test that both ways draw the same.
	gofpdfFonts bool
	// bodies has the content of the pages the layout has left, being
	// compressed (pagestreams.go); nil before the first.
	bodies *bodyPacker

	partLines [][]string // wrapRich's scratch
	partSizes []float64  // wrapRich's scratch: the font size of each part

	// The pictures' order in gofpdf, for a deterministic document
	// (photos.go): photoOrdered the names placed, photoSameWidth how many
	// of each pixel width; or, with photoScaled (gofpdf's field not found,
	// or a test), photoWidths, the name by the width it was scaled to.
	photoOrdered   map[string]bool
	photoSameWidth map[int]int
	photoScaled    bool
	photoWidths    map[int]string

	lastHeading string          // the caption of a recorded table without its own
	tables      []RecordedTable // with Options.RecordTables

	done    bool   // closed; out and err are final
	out     []byte // the finished PDF
	err     error  // from gofpdf or a recovered panic
	lateErr error  // a block was added after closing
}

// New starts an empty document. Pages are added as content needs them.
func New(opts Options) *Document {
	d := newBlank(opts.Landscape)
	d.setOptions(opts)
	return d
}

// newBlank is a document with the house layout and no options yet
// (setOptions): the annual report makes one, and parses its faces, while
// the year's records are read (StartAnnualDocument).
func newBlank(landscape bool) *Document {
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: "A4"})
	// The font faces are added as they are first used (setFont): gofpdf
	// parses a face when it is added and embeds every face added, and a
	// report seldom uses all four.

	// All page breaks are ours: gofpdf's automatic break would split
	// table rows and charts.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetCellMargin(0)
	pdf.SetDisplayMode("fullwidth", "continuous")
	// Streams are compressed by compressStreams when the PDF is finished.
	pdf.SetCompression(false)

	w, h := pdf.GetPageSize()
	return &Document{
		pdf: pdf, opts: Options{Landscape: landscape},
		pageW: w, pageH: h, k: pdf.GetConversionRatio(),
		left: marginX, right: w - marginX, top: marginTop, bottom: h - marginBottom,
		covers:      map[int]bool{},
		gofpdfPages: newDocumentsKeepPages,
		gofpdfFonts: newDocumentsKeepFonts,
	}
}

// newMeasuring is a document to measure text and lay out tables on, with
// the page of a document of that orientation, that is never drawn or
// written: a section worked out ahead (annual.go) measures on one of its
// own while the report's document draws the sections before it. Its
// faces are the report's (by their metrics, fontmetrics.go).
func newMeasuring(landscape bool) *Document { return newBlank(landscape) }

// setOptions gives a blank document its options: the metadata, the
// creation time and, for tests, the deterministic output. Nothing may be
// drawn before it.
func (d *Document) setOptions(opts Options) {
	pdf := d.pdf
	pdf.SetTitle(metaText(opts.Title), true)
	pdf.SetSubject(metaText(opts.Subject), true)
	pdf.SetAuthor(metaText(opts.Author), true)
	pdf.SetKeywords(metaText(opts.Keywords), true)
	pdf.SetCreator("HMS-utvalg", true)
	pdf.SetProducer("HMS-utvalg (gofpdf)", true)

	created := opts.Created
	if opts.Deterministic {
		// The instance setters, not SetDefault*, which are package
		// globals and would race between parallel tests.
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(deterministicTime)
		pdf.SetModificationDate(deterministicTime)
		if created.IsZero() {
			created = deterministicTime
		}
	} else if created.IsZero() {
		created = time.Now()
	}
	d.opts, d.created = opts, created
	d.photoScaled = opts.Deterministic && (imageWidthOffset == noField || newDocumentsScalePhotos)
}

// Err returns the first error so far, if any. Building blocks do nothing
// once there is an error; Bytes and WriteFile return it.
func (d *Document) Err() error {
	if d.err != nil {
		return d.err
	}
	if d.lateErr != nil {
		return d.lateErr
	}
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("reports: %w", err)
	}
	return nil
}

// PageCount returns the number of pages so far.
func (d *Document) PageCount() int { return d.pdf.PageCount() }

// Bytes closes the document and returns the PDF. It can be called again
// and returns the same result.
func (d *Document) Bytes() ([]byte, error) {
	d.finish()
	if err := d.Err(); err != nil {
		return nil, err
	}
	return bytes.Clone(d.out), nil
}

// WriteFile closes the document and writes the PDF to path with
// WriteFileAtomic: a failed write never leaves half a PDF behind, and the
// error says in Norwegian what went wrong.
func (d *Document) WriteFile(path string) error {
	d.finish()
	if err := d.Err(); err != nil {
		return err
	}
	return WriteFileAtomic(path, d.out)
}

// PageBreak makes the next block start on a new page. It never leaves
// an empty page: not on a page that is still empty, not at the end.
func (d *Document) PageBreak() {
	if !d.begin() {
		return
	}
	if d.started && !d.atTop() {
		d.breakNext = true
	}
}

// PageBreakIfLessThan makes the next block start on a new page if less
// than mm millimetres are left on the current one. Use it before a
// section that should start on a fresh page only when it would not fit
// in what is left: an unconditional PageBreak before a short section
// leaves a half-empty page behind.
func (d *Document) PageBreakIfLessThan(mm float64) {
	if !d.begin() {
		return
	}
	if d.started && !d.atTop() && d.bottom-d.y() < mm {
		d.breakNext = true
	}
}

// SetMark starts marking every page with text from the page the next
// block is drawn on, until ClearMark: "UTKAST" for a draft, a note that a
// register holds sensitive descriptions. The mark is printed under the
// page header and in the middle of the footer, so a page taken out of
// the printout still says it. An empty text is ClearMark.
func (d *Document) SetMark(text string) {
	if !d.begin() {
		return
	}
	d.mark = sanitizeLine(text)
}

// ClearMark stops marking pages from the next page on; the page the
// marked part ended on keeps its mark.
func (d *Document) ClearMark() {
	if !d.begin() {
		return
	}
	d.mark = ""
}

// markPage records the current mark on the current page.
func (d *Document) markPage() {
	if d.mark == "" || !d.started {
		return
	}
	if d.marks == nil {
		d.marks = map[int]string{}
	}
	d.marks[d.pdf.PageNo()] = d.mark
}

// begin is called first by every building block: it reports whether the
// block may draw.
func (d *Document) begin() bool {
	if d.done {
		if d.lateErr == nil {
			d.lateErr = ErrWritten
		}
		return false
	}
	return d.err == nil && d.pdf.Ok()
}

// recover turns a panic inside gofpdf into an error, so a bad report
// fails with a message instead of taking the program down. Deferred by
// every building block.
func (d *Document) recover() {
	if r := recover(); r != nil {
		if d.err == nil {
			d.err = fmt.Errorf("reports: internal error in PDF generation: %v", r)
		}
	}
}

// measuringFault is the error of a panic r met while measuring on a
// document that may not be the one drawn (a table worked out ahead), or
// err when there was none; the drawing reports it (tookFault) as recover
// would have.
func measuringFault(r any, err error) error {
	if r == nil {
		return err
	}
	return fmt.Errorf("reports: internal error in PDF generation: %v", r)
}

// tookFault makes err, a fault met while measuring, the document's error
// and reports whether there was one.
func (d *Document) tookFault(err error) bool {
	if err == nil {
		return false
	}
	if d.err == nil {
		d.err = err
	}
	return true
}

// finish draws the page furniture and renders the PDF, once.
func (d *Document) finish() {
	if d.done {
		return
	}
	defer d.recover()
	defer func() { d.done = true }()
	raw, pages, fonts := d.render()
	if raw == nil {
		return
	}
	out, err := compressStreamsWith(raw, pages, fonts)
	if err != nil && (pages != nil || fonts != nil) {
		// raw lacks the pages' content or the fonts: no PDF to fall
		// back on.
		d.err = fmt.Errorf("reports: %w", err)
		return
	}
	// On any other error the uncompressed PDF is kept: larger, but just
	// as valid.
	d.out = out
}

// render draws the page furniture and returns the PDF as gofpdf writes
// it, with uncompressed streams, and the pages' content streams
// compressed (pagestreams.go; then those in the PDF are empty), or nil
// pages when they could not be taken out of gofpdf (and the PDF has
// them), and the fonts taken from gofpdf (fontembed.go; nil: the PDF has
// them). It returns a nil PDF if there is an error.
func (d *Document) render() (raw []byte, pages [][]byte, fonts *takenFonts) {
	if d.Err() != nil {
		return nil, nil, nil
	}
	if !d.started || len(d.pending) > 0 {
		d.ensure(0) // an empty document, or one that ends in a heading
	}
	// Header and footer are drawn now, when the page count is known, by
	// going back to each page with SetPage. gofpdf's AliasNbPages would
	// search and replace "{nb}" in the finished content streams instead,
	// but text is measured before that: a right-aligned "Side 1 av {nb}"
	// ends short of the margin once "{nb}" becomes "9". And with a UTF-8
	// font only runes actually written go into the embedded subset, so
	// the total's digits would show only if written elsewhere in the same
	// face.
	n := d.pdf.PageCount()
	for p := 1; p <= n; p++ {
		d.pdf.SetPage(p)
		d.furniture(p, n)
	}
	d.pdf.SetPage(n)
	d.registerRunes()
	// The fonts' subsets and the pages are made while gofpdf writes
	// everything else.
	fonts = d.takeFonts()
	wait := func() {}
	if !d.gofpdfPages {
		if contents := d.pageContents(); contents != nil {
			pages, wait = compressPages(contents)
		}
	}
	if pages == nil {
		d.restoreBodies() // gofpdf writes the pages' whole content
	}
	var out outputCapture
	err := d.pdf.Output(&out)
	wait()
	if err != nil {
		d.err = fmt.Errorf("reports: %w", err)
		return nil, nil, nil
	}
	return out.b, pages, fonts
}

// outputCapture takes the PDF gofpdf's Output writes without copying it:
// Output hands over its whole buffer in one Write (bytes.Buffer.WriteTo)
// and never touches it again, so keeping the slice is safe, and saves a
// copy of the whole uncompressed PDF (5 MB for the heavy annual report,
// grown by doubling) that compressStreams reads once and drops.
type outputCapture struct{ b []byte }

func (c *outputCapture) Write(p []byte) (int, error) {
	if c.b == nil {
		c.b = p
	} else {
		c.b = append(c.b[:len(c.b):len(c.b)], p...) // never with gofpdf v1.16, but correct
	}
	return len(p), nil
}

// furniture draws the header (not on covers) and the footer of a page.
// Everything is set explicitly, because the graphics state at the end of
// an earlier page's content stream is not what gofpdf last remembers.
func (d *Document) furniture(page, total int) {
	pdf := d.pdf
	// Not through setDraw and the others, which would skip what gofpdf
	// already has.
	d.fontKnown = false
	pdf.SetDashPattern([]float64{}, 0)
	pdf.SetLineWidth(0.25)
	pdf.SetDrawColor(int(colorRule.R), int(colorRule.G), int(colorRule.B))
	pdf.SetFillColor(int(colorWhite.R), int(colorWhite.G), int(colorWhite.B))
	d.setText(colorMuted)
	d.setFont(styleRegular, 8.5)
	w := d.right - d.left
	if !d.covers[page] {
		unit := sanitizeLine(d.opts.Unit)
		unitW := math.Min(pdf.GetStringWidth(unit), w*0.45)
		title := d.fit(sanitizeLine(d.opts.Title), w-unitW-6)
		d.cell(d.left, headerY, w-unitW-6, 5, title, AlignLeft)
		d.cell(d.right-unitW, headerY, unitW, 5, d.fit(unit, unitW), AlignRight)
		pdf.Line(d.left, headerY+6.5, d.right, headerY+6.5)
	}
	y := d.pageH - footerUp
	pdf.Line(d.left, y-1.5, d.right, y-1.5)
	d.cell(d.left, y, w/2, 5, "Laget "+model.DateOf(d.created).String(), AlignLeft)
	d.cell(d.left+w/2, y, w/2, 5, fmt.Sprintf("Side %d av %d", page, total), AlignRight)
	if m := d.marks[page]; m != "" {
		d.drawMark(m, y)
	}
}

// drawMark prints a page's mark in bold red, right under the header rule
// and in the middle of the footer (whose baseline box is at footerY).
func (d *Document) drawMark(m string, footerY float64) {
	w := d.right - d.left
	d.setText(ColorRed)
	d.setFont(styleBold, 8.5)
	m = d.fit(m, w*0.5)
	if !d.covers[d.pdf.PageNo()] {
		d.cell(d.left, headerY+7.2, w, 4.5, m, AlignRight)
	}
	d.cell(d.left+w*0.25, footerY, w*0.5, 5, m, AlignCenter)
}

// metaText cleans text for the PDF information dictionary: gofpdf's UTF-16
// conversion panics on truncated UTF-8 and garbles runes above U+FFFF.
func metaText(s string) string {
	s = strings.ToValidUTF8(s, "?")
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xFFFF:
			return '?'
		case unicode.IsControl(r) || unicode.IsSpace(r):
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// --- low-level helpers -------------------------------------------------

// newPage adds a page and puts the cursor at the top of the content box.
func (d *Document) newPage() {
	left := d.pdf.PageNo()
	d.pdf.AddPage()
	d.setAside(left)
	d.reuseForPage(d.pdf.PageNo())
	d.pdf.SetXY(d.left, d.top)
	d.started = true
	d.breakNext = false
	d.markPage()
}

// atTop reports whether nothing has been drawn on the current page yet.
func (d *Document) atTop() bool { return d.pdf.GetY() <= d.top+0.01 }

// ensure makes room for a block of height h, plus any pending headings:
// a new page if it does not fit on this one (unless this page is still
// empty, where a taller block has to start anyway). Then it draws the
// pending headings. It reports whether a page was added.
func (d *Document) ensure(h float64) bool {
	if len(d.pending) > 0 {
		// Measuring and drawing the headings changes the font and
		// colours, which the block has usually chosen already.
		style, size, known := d.fontStyle, d.fontSize, d.fontKnown
		tr, tg, tb := d.pdf.GetTextColor()
		dr, dg, db := d.pdf.GetDrawColor()
		lw := d.pdf.GetLineWidth()
		defer func() {
			if known {
				d.setFont(style, size)
			}
			d.setText(Color{uint8(tr), uint8(tg), uint8(tb)})
			d.setDraw(Color{uint8(dr), uint8(dg), uint8(db)})
			d.setLineWidth(lw)
		}()
	}
	added := false
	if !d.started || d.breakNext || (d.y()+d.pendingHeight()+h > d.bottom && !d.atTop()) {
		d.newPage()
		added = true
	}
	if len(d.pending) > 0 {
		d.drawPending()
	}
	d.markPage()
	return added
}

// space adds vertical space, unless at the top of a page or after a
// heading (which has its own space after).
func (d *Document) space(h float64) {
	if d.started && !d.atTop() && !d.breakNext && len(d.pending) == 0 {
		d.setY(math.Min(d.y()+h, d.bottom))
	}
}

func (d *Document) y() float64     { return d.pdf.GetY() }
func (d *Document) setY(y float64) { d.pdf.SetXY(d.left, y) }
func (d *Document) width() float64 { return d.right - d.left }
func (d *Document) bodyHeight() float64 {
	return d.bottom - d.top
}

// The setters below skip what gofpdf already has: gofpdf writes a font,
// fill or draw operator into the page on every call, changed or not, and
// formats colours with three Sprintf calls, which made a table's layout
// spend much of its time, and its content stream much of its size, on
// repeating the state. This relies on gofpdf's state being the page's:
// true after AddPage, which writes the state out again, and kept by the
// q/Q pairs gofpdf puts around coloured text, as long as nothing changes
// the state inside a TransformBegin/TransformEnd pair (which would be
// undone by its Q behind gofpdf's back). After SetPage it is not true:
// see furniture. gofpdf has no getter for the font style, so the font is
// tracked here; only setFont may call gofpdf's SetFont.

func (d *Document) setFont(style string, size float64) {
	if d.fontKnown && style == d.fontStyle && size == d.fontSize {
		return
	}
	d.addFace(style)
	d.fontStyle, d.fontSize, d.fontKnown = style, size, true
	d.pdf.SetFont(fontFamily, style, size)
}

// addFace adds the font face of style to gofpdf if it is not there yet:
// its metrics only, read once per process (fontmetrics.go), or where the
// fonts are left to gofpdf, the font file for gofpdf to parse.
func (d *Document) addFace(style string) {
	i := styleIndex(style)
	if d.faceAdded[i] {
		return
	}
	d.facePut[i] = !d.gofpdfFonts && putFace(d.pdf, style)
	if !d.facePut[i] {
		d.pdf.AddUTF8FontFromBytes(fontFamily, style, faceData(style))
	}
	d.faceAdded[i] = true
}

func (d *Document) setText(c Color) {
	// Text colour is not page state: gofpdf writes it with every text.
	if r, g, b := d.pdf.GetTextColor(); r != int(c.R) || g != int(c.G) || b != int(c.B) {
		d.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	}
}

func (d *Document) setFill(c Color) {
	if r, g, b := d.pdf.GetFillColor(); r != int(c.R) || g != int(c.G) || b != int(c.B) {
		d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	}
}

func (d *Document) setDraw(c Color) {
	if r, g, b := d.pdf.GetDrawColor(); r != int(c.R) || g != int(c.G) || b != int(c.B) {
		d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	}
}

func (d *Document) setLineWidth(w float64) {
	if d.pdf.GetLineWidth() != w {
		d.pdf.SetLineWidth(w)
	}
}

// lineHeight is the line pitch in mm for a font size in points.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.38 }

// Align is the horizontal alignment of text in a cell.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

func (a Align) gofpdf() string {
	switch a {
	case AlignCenter:
		return "C"
	case AlignRight:
		return "R"
	}
	return "L"
}

// cell writes one line of text in the box (x, y, w, h), vertically
// centred, in the current font and text colour.
func (d *Document) cell(x, y, w, h float64, s string, align Align) {
	// gofpdf reads a negative x or y as measured from the right or bottom
	// edge; a box that starts off the page must stay off the page.
	x, y = math.Max(x, 0), math.Max(y, 0)
	s = sanitizeLine(s)
	if s != "" && d.fastText(x, y, w, h, s, align) {
		return
	}
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, s, "", 0, align.gofpdf(), false, 0, "")
}

// cellLine is cell for a line that split returned, inside a block that
// moves the cursor itself afterwards: the line is sanitized already, and
// an empty one is not drawn (cell would only move the cursor).
func (d *Document) cellLine(x, y, w, h float64, s string, align Align) {
	if s == "" {
		return
	}
	x, y = math.Max(x, 0), math.Max(y, 0)
	if d.fastText(x, y, w, h, s, align) {
		return
	}
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, s, "", 0, align.gofpdf(), false, 0, "")
}

// split wraps text to width w in the current font, between words (see
// wrap). It always returns at least one line.
func (d *Document) split(s string, w float64) []string {
	return d.wrap(s, math.Max(w, 1), true)
}

// fit shortens a single line with "…" until it is at most w wide.
func (d *Document) fit(s string, w float64) string {
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ") + "…"
		if d.pdf.GetStringWidth(t) <= w {
			return t
		}
	}
	return ""
}
