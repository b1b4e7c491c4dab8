package reports

import (
	"strings"

	"hmsutvalg/model"
)

// titleBlock writes a report title at the top of the first page of a
// report without a cover: the title large, then a few lines such as the
// unit and the date, then an optional italic remark (a filter applied).
func (d *Document) titleBlock(title string, lines []string, remark string) {
	if !d.begin() {
		return
	}
	defer d.recover()
	const titleSize, lineSize, remarkSize = 20.0, 11.0, 9.5
	w := d.width()
	d.setFont(styleBold, titleSize)
	titleLines := d.split(title, w)
	d.setFont(styleRegular, lineSize)
	var sub []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			sub = append(sub, d.split(l, w)...)
		}
	}
	d.setFont(styleItalic, remarkSize)
	var rem []string
	if strings.TrimSpace(remark) != "" {
		rem = d.split(remark, w)
	}
	h := float64(len(titleLines))*lineHeight(titleSize) + 3 +
		float64(len(sub))*lineHeight(lineSize) + float64(len(rem))*lineHeight(remarkSize) + 2
	d.ensure(h)
	y := d.y()
	d.setFont(styleBold, titleSize)
	d.setText(colorAccent)
	for _, l := range titleLines {
		d.cell(d.left, y, w, lineHeight(titleSize), l, AlignLeft)
		y += lineHeight(titleSize)
	}
	y += 1
	d.pdf.SetLineWidth(0.9)
	d.setDraw(colorAccent)
	d.pdf.Line(d.left, y, d.left+30, y)
	y += 2
	d.setFont(styleRegular, lineSize)
	d.setText(colorText)
	for _, l := range sub {
		d.cell(d.left, y, w, lineHeight(lineSize), l, AlignLeft)
		y += lineHeight(lineSize)
	}
	d.setFont(styleItalic, remarkSize)
	d.setText(colorText)
	for _, l := range rem {
		d.cell(d.left, y, w, lineHeight(remarkSize), l, AlignLeft)
		y += lineHeight(remarkSize)
	}
	d.setY(y)
	d.space(4)
}

// unitLine returns "Solbakken sykehjem, Ringsaker kommune", leaving out
// what is blank.
func unitLine(u model.Unit) string {
	var parts []string
	for _, s := range []string{u.Name, u.Municipality} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// withDefaults fills in what a standalone report should have in its
// options when the caller left it out.
func withDefaults(opts Options, title, subject, keywords string, u model.Unit) Options {
	if strings.TrimSpace(opts.Title) == "" {
		opts.Title = title
	}
	if strings.TrimSpace(opts.Subject) == "" {
		opts.Subject = subject
	}
	if strings.TrimSpace(opts.Keywords) == "" {
		opts.Keywords = keywords
	}
	if strings.TrimSpace(opts.Unit) == "" {
		opts.Unit = strings.TrimSpace(u.Name)
	}
	if strings.TrimSpace(opts.Author) == "" && strings.TrimSpace(u.Name) != "" {
		opts.Author = "HMS-utvalget ved " + strings.TrimSpace(u.Name)
	}
	return opts
}

// days returns "1 dag" or "n dager" for the size of n.
func days(n int) string {
	n = max(n, -n)
	if n == 1 {
		return "1 dag"
	}
	return FormatNumber(float64(n), 0) + " dager"
}

// orDash returns s, or "–" when it is blank, for table cells that would
// otherwise look forgotten.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// narrow runs fn with the text width reduced to w from the left margin,
// for a block that would look lost across the whole page (a small
// table). Page breaks inside fn work as usual.
func (d *Document) narrow(w float64, fn func()) {
	right := d.right
	defer func() { d.right = right }()
	d.right = d.left + min(w, d.width())
	fn()
}

// sideBySide draws left in the left half of the text width and right in
// the right half, both from the cursor, and continues below the taller.
// For short blocks at a known place, such as key/value pairs at the top
// of the first page: if left breaks the page, right is drawn below it at
// full width instead.
func (d *Document) sideBySide(gap float64, left, right func()) {
	if !d.begin() {
		return
	}
	d.ensure(0) // pending headings at full width
	l, r := d.left, d.right
	defer func() { d.left, d.right = l, r }()
	half := (d.width() - gap) / 2
	page, y0 := d.pdf.PageNo(), d.y()
	d.right = l + half
	left()
	d.right = r
	y1 := d.y()
	if d.pdf.PageNo() != page {
		d.setY(y1)
		right()
		return
	}
	d.left = l + half + gap
	d.setY(y0)
	right()
	d.left = l
	if d.pdf.PageNo() == page {
		d.setY(max(y1, d.y()))
	} else {
		d.setY(d.y())
	}
}

// signaturesHeight is the height of the signature lines for n roles,
// with the space before them.
func signaturesHeight(n int) float64 {
	const rowH = 23 // SignatureLines: room to write, the line and the role
	return float64((n+1)/2)*rowH + 4
}

// signatures writes signature lines for roles, kept together on one page
// with the heading before them (SignatureLines alone keeps each row of
// two together, not the block).
func (d *Document) signatures(roles []string) {
	if !d.begin() {
		return
	}
	h := signaturesHeight(len(roles))
	if len(d.pending) > 0 {
		h -= 4 // SignatureLines' space before, skipped after a heading
	}
	if d.started && d.y()+d.pendingHeight()+h > d.bottom {
		d.PageBreak()
	}
	d.SignatureLines(roles)
}
