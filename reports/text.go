package reports

import "math"

// Body text.
const (
	bodySize = 10.0
	noteSize = 9.5
)

// Cover draws a cover page: title, subtitle and a few lines (unit, period,
// "Behandlet i HMS-utvalget …"). The cover has no page header, and the next
// block starts on a new page.
func (d *Document) Cover(title, subtitle string, lines []string) {
	if !d.begin() {
		return
	}
	defer d.recover()
	if len(d.pending) > 0 {
		d.ensure(0)
	}
	if !d.started || d.breakNext || !d.atTop() || d.covers[d.pdf.PageNo()] {
		d.newPage()
	}
	d.covers[d.pdf.PageNo()] = true
	pdf := d.pdf
	w := d.width()

	d.setFill(colorAccent)
	pdf.Rect(0, 0, d.pageW, 9, "F")

	y := d.pageH * 0.28
	d.setText(colorAccent)
	d.setFont(styleBold, 26)
	lh := lineHeight(26)
	for _, l := range d.split(title, w) {
		d.cell(d.left, y, w, lh, l, AlignLeft)
		y += lh
	}
	y += 3
	pdf.SetLineWidth(1.2)
	d.setDraw(colorAccent)
	pdf.Line(d.left, y, d.left+40, y)
	y += 7

	if subtitle != "" {
		d.setText(colorMuted)
		d.setFont(styleRegular, 15)
		lh = lineHeight(15)
		for _, l := range d.split(subtitle, w) {
			d.cell(d.left, y, w, lh, l, AlignLeft)
			y += lh
		}
		y += 8
	}

	d.setText(colorText)
	d.setFont(styleRegular, 11.5)
	lh = lineHeight(11.5)
	for _, line := range lines {
		for _, l := range d.split(line, w) {
			if y+lh > d.bottom {
				break
			}
			d.cell(d.left, y, w, lh, l, AlignLeft)
			y += lh
		}
		y += 1.5
	}
	d.setY(y)
	d.breakNext = true
}

// heading is a heading, or a lead paragraph, waiting for the block it
// belongs to.
type heading struct {
	level int
	text  string
	lead  bool // a lead paragraph (Lead), not a heading
}

// maxLeadLines is the longest lead kept with the next block; a longer one
// is an ordinary paragraph.
const maxLeadLines = 4

// Lead writes a short paragraph that introduces the next block ("Farer i
// gjeldende risikovurderinger: 4." before a chart). Like a heading it is
// drawn together with the start of that block, so the two are never
// parted by a page break. A text of more than maxLeadLines lines is
// written as a Paragraph.
func (d *Document) Lead(text string) {
	if !d.begin() {
		return
	}
	d.setFont(styleRegular, bodySize)
	if len(d.split(text, d.width())) > maxLeadLines {
		d.Paragraph(text)
		return
	}
	d.pending = append(d.pending, heading{text: text, lead: true})
}

// Heading writes a section heading. Level 1 is the largest and underlined;
// levels below 1 count as 1 and above 3 as 3. The heading is drawn together
// with the start of the next block (the first lines of a paragraph, a
// table's header and first row, a whole chart), so it never ends up alone
// at the bottom of a page.
func (d *Document) Heading(level int, text string) {
	if !d.begin() {
		return
	}
	d.pending = append(d.pending, heading{level: max(1, min(level, 3)), text: text})
	d.lastHeading = text
}

// pendingHeight is the height of the headings waiting to be drawn.
func (d *Document) pendingHeight() float64 {
	h := 0.0
	for _, p := range d.pending {
		if p.lead {
			d.setFont(styleRegular, bodySize)
			h += float64(len(d.split(p.text, d.width())))*lineHeight(bodySize) + leadAfter
			continue
		}
		size, before, after := headingStyle(p.level)
		d.setFont(styleBold, size)
		h += before + float64(len(d.split(p.text, d.width())))*lineHeight(size) + after
	}
	return h
}

// drawPending draws the waiting headings at the cursor.
func (d *Document) drawPending() {
	pending := d.pending
	d.pending = nil
	for _, p := range pending {
		if p.lead {
			d.drawLead(p.text)
			continue
		}
		size, before, after := headingStyle(p.level)
		d.space(before)
		d.setFont(styleBold, size)
		if p.level == 3 {
			d.setText(colorText)
		} else {
			d.setText(colorAccent)
		}
		lh := lineHeight(size)
		y := d.y()
		d.bookmark(p)
		for _, l := range d.split(p.text, d.width()) {
			d.cell(d.left, y, d.width(), lh, l, AlignLeft)
			y += lh
		}
		if p.level == 1 {
			d.pdf.SetLineWidth(0.4)
			d.setDraw(colorAccent)
			d.pdf.Line(d.left, y+0.6, d.right, y+0.6)
			y += 0.6
		}
		d.setY(y + after)
	}
}

// bookmark adds an outline entry at the cursor for a heading of level 1
// or 2, so a PDF reader's sidebar shows the document's sections and
// subsections. Level 2 headings before the first level 1 heading (a
// printout without sections) are entries at the top.
func (d *Document) bookmark(h heading) {
	if h.level > 2 {
		return
	}
	level := 0
	if h.level == 1 {
		d.outlineTop = true
	} else if d.outlineTop {
		level = 1
	}
	d.pdf.Bookmark(metaText(sanitizeLine(h.text)), level, -1)
}

// leadAfter is the space after a lead, as after a paragraph.
const leadAfter = 2.5

// drawLead draws a lead paragraph at the cursor.
func (d *Document) drawLead(text string) {
	d.setFont(styleRegular, bodySize)
	d.setText(colorText)
	lh := lineHeight(bodySize)
	y := d.y()
	for _, l := range d.split(text, d.width()) {
		d.cell(d.left, y, d.width(), lh, l, AlignLeft)
		y += lh
	}
	d.setY(y + leadAfter)
}

// headingStyle gives the font size and the space before and after.
func headingStyle(level int) (size, before, after float64) {
	switch level {
	case 1:
		return 15, 8, 4
	case 2:
		return 12.5, 6, 2.5
	}
	return 10.5, 4, 1.5
}

// Paragraph writes wrapped body text. Line breaks in text are kept; a
// paragraph may continue on the next page.
func (d *Document) Paragraph(text string) {
	if !d.begin() {
		return
	}
	defer d.recover()
	d.setFont(styleRegular, bodySize)
	d.setText(colorText)
	d.flowLines(d.split(text, d.width()), d.left, d.width(), lineHeight(bodySize))
	d.space(2.5)
}

// flowLines writes lines one below the other, breaking pages between
// lines. A page break never leaves a single first line behind.
func (d *Document) flowLines(lines []string, x, w, lh float64) {
	d.ensure(lh * math.Min(2, float64(len(lines))))
	for _, l := range lines {
		d.ensure(lh)
		d.cell(x, d.y(), w, lh, l, AlignLeft)
		d.setY(d.y() + lh)
	}
}

// Note writes a short remark in a shaded box, typically "Ingen registrerte
// avvik i perioden." for a module without data.
func (d *Document) Note(text string) {
	if !d.begin() {
		return
	}
	defer d.recover()
	const pad = 2.5
	d.setFont(styleItalic, noteSize)
	lh := lineHeight(noteSize)
	lines := d.split(text, d.width()-2*pad-1.5)
	h := float64(len(lines))*lh + 2*pad
	d.ensure(math.Min(h, d.bodyHeight()))
	if h > d.bottom-d.y() { // longer than a page: plain italic lines
		d.setText(colorMuted)
		d.flowLines(lines, d.left, d.width(), lh)
		d.space(3)
		return
	}
	y := d.y()
	d.setFill(colorNote)
	d.pdf.Rect(d.left, y, d.width(), h, "F")
	d.setFill(colorRule)
	d.pdf.Rect(d.left, y, 1.2, h, "F")
	d.setFill(colorNote)
	d.setText(colorMuted)
	ty := y + pad
	for _, l := range lines {
		d.cell(d.left+pad+1.5, ty, d.width()-2*pad-1.5, lh, l, AlignLeft)
		ty += lh
	}
	d.setY(y + h)
	d.space(3.5)
}

// keepTogetherShare is the share of a page up to which a list of
// label/value pairs is kept on one page.
const keepTogetherShare = 0.4

// KeyValues writes label/value pairs in two columns, such as "Enhet:
// Solbakken sykehjem". Values wrap; labels are bold.
func (d *Document) KeyValues(pairs [][2]string) {
	if !d.begin() || len(pairs) == 0 {
		return
	}
	defer d.recover()
	d.recordKeyValues(pairs)
	const gap, pad = 4.0, 1.2
	lh := lineHeight(bodySize)
	d.setFont(styleBold, bodySize)
	labelW := 0.0
	for _, p := range pairs {
		labelW = math.Max(labelW, d.pdf.GetStringWidth(sanitizeLine(p[0])))
	}
	labelW = math.Min(labelW+1, d.width()*0.38)
	valueX, valueW := d.left+labelW+gap, d.width()-labelW-gap

	labels := make([][]string, len(pairs))
	values := make([][]string, len(pairs))
	heights := make([]float64, len(pairs))
	total := 0.0
	for k, p := range pairs {
		d.setFont(styleBold, bodySize)
		labels[k] = d.split(p[0], labelW)
		d.setFont(styleRegular, bodySize)
		values[k] = d.split(p[1], valueW)
		heights[k] = float64(max(len(labels[k]), len(values[k])))*lh + 2*pad
		total += heights[k]
	}
	// A short list stays on one page; a longer one starts with two pairs
	// and never leaves its last pair alone on a page.
	if total <= keepTogetherShare*d.bodyHeight() {
		d.ensure(total)
	} else {
		d.ensure(d.startHeight(0, len(pairs), func(k int) float64 { return heights[k] }))
	}
	d.pdf.SetLineWidth(0.2)
	onPage := 0
	for k := range pairs {
		labels, values := labels[k], values[k]
		n := max(len(labels), len(values))
		if d.ensure(math.Min(heights[k], d.bodyHeight())) {
			onPage = 0
		} else if d.widowBreak(0, heights[k], k, len(pairs), onPage, func(k int) float64 { return heights[k] }) {
			d.newPage()
			onPage = 0
		}
		onPage++
		y := d.y() + pad
		for i := range n {
			if y+lh > d.bottom { // a value longer than a page
				d.newPage()
				y = d.y() + pad
			}
			if i < len(labels) {
				d.setFont(styleBold, bodySize)
				d.setText(colorText)
				d.cell(d.left, y, labelW, lh, labels[i], AlignLeft)
			}
			if i < len(values) {
				d.setFont(styleRegular, bodySize)
				d.setText(colorText)
				d.cell(valueX, y, valueW, lh, values[i], AlignLeft)
			}
			y += lh
		}
		y += pad
		d.setDraw(colorGrid)
		d.pdf.Line(d.left, y, d.right, y)
		d.setY(y)
	}
	d.space(3.5)
}

// SignatureLines draws a place to sign for each role, two per row: a date
// line marked "Dato" and a signature line with the role under it.
func (d *Document) SignatureLines(roles []string) {
	if !d.begin() || len(roles) == 0 {
		return
	}
	defer d.recover()
	const (
		colGap = 12.0
		dateW  = 28.0
		gap    = 5.0
		signH  = 14.0 // room to write above the line
		rowH   = signH + 9
	)
	colW := (d.width() - colGap) / 2
	d.space(4)
	for i := 0; i < len(roles); i += 2 {
		d.ensure(rowH)
		top := d.y()
		y := top + signH
		for j := i; j < min(i+2, len(roles)); j++ {
			x := d.left + float64(j-i)*(colW+colGap)
			d.pdf.SetLineWidth(0.3)
			d.setDraw(colorText)
			d.pdf.Line(x, y, x+dateW, y)
			d.pdf.Line(x+dateW+gap, y, x+colW, y)
			d.setFont(styleRegular, 8.5)
			d.setText(colorMuted)
			d.cell(x, y+1, dateW, 4.5, "Dato", AlignLeft)
			d.setFont(styleRegular, 9)
			d.setText(colorText)
			d.cell(x+dateW+gap, y+1, colW-dateW-gap, 4.5, d.fitLine(roles[j], colW-dateW-gap), AlignLeft)
		}
		d.setY(top + rowH)
	}
	d.space(2)
}

// fitLine sanitises and shortens one line to width w in the current font.
func (d *Document) fitLine(s string, w float64) string { return d.fit(sanitizeLine(s), w) }
