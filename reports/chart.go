package reports

import (
	"fmt"
	"math"
	"strconv"

	"github.com/jung-kurt/gofpdf"

	"hmsutvalg/model"
)

// RefLine is a target or threshold drawn across a chart, such as "Mål 5 %"
// or the 7 % and 10 % sick-leave thresholds. Lines are told apart by their
// label and dash pattern, not only by colour.
type RefLine struct {
	Value float64
	Label string
	Color Color // zero = ColorRed
}

// Bar is one bar of a BarChart.
type Bar struct {
	Label string
	Value float64
	Text  string // printed after the bar; "" = the formatted value
	Color Color  // zero = ColorBlue
	// Marker is a value shown as a black diamond on the bar's row (last
	// year's value), when HasMarker; BarChart.MarkerLabel explains it.
	Marker    float64
	HasMarker bool
}

// BarChart is a horizontal bar chart: one labelled bar per row, a value
// scale below and optional vertical reference lines.
type BarChart struct {
	Title    string
	Bars     []Bar
	Max      float64 // scale maximum; 0 = from the data and lines
	Decimals int     // decimals in value labels
	Unit     string  // appended to values and scale labels, e.g. " %"
	Lines    []RefLine
	// MarkerLabel is the legend of the bars' markers, e.g. "2025"; ""
	// draws no legend. With a legend the value texts stand in a column
	// at the right, clear of the markers.
	MarkerLabel string
}

// Series is one data series of a SeriesChart.
type Series struct {
	Name   string    // shown in the legend when set
	Values []float64 // one per category; math.NaN() = no value
	Color  Color     // zero = the next default colour
}

// SeriesChart is a chart over categories, typically quarters ("1. kv.
// 2026"), drawn as columns (ColumnChart) or lines (LineChart), with
// optional horizontal reference lines labelled at the right.
type SeriesChart struct {
	Title      string
	Categories []string
	Series     []Series
	Lines      []RefLine
	Max        float64 // scale maximum; 0 = from the data and lines
	Decimals   int     // decimals in value labels
	Unit       string  // appended to values and scale labels, e.g. " %"
	Height     float64 // plot height in mm; 0 = 60
}

// Heatmap is the risk matrix: probability ("Sannsynlighet") up,
// consequence ("Konsekvens") across. Each cell is coloured by its level
// under the unit's matrix and shows the count and the level's word; the
// legend gives the letter, word and score range of each level.
type Heatmap struct {
	Title string
	// Matrix gives the size and the level boundaries; the zero value is
	// model.DefaultRiskMatrix(). An invalid matrix is drawn with the
	// default boundaries for its size (which the legend then shows).
	Matrix model.RiskMatrix
	// Counts[p-1][c-1] is the number of risks with probability p and
	// consequence c (1 = lowest). Missing entries count as 0.
	Counts    [][]int
	RowTitle  string   // default "Sannsynlighet"
	ColTitle  string   // default "Konsekvens"
	RowLabels []string // tick labels, lowest first; default "1" … "N"
	ColLabels []string
}

// Chart text sizes in points.
const (
	chartTitleSize = 10.0
	chartSize      = 8.0
	chartSmallSize = 7.0
)

// dashes tells reference lines apart without colour.
var dashes = [][]float64{{2.2, 1.2}, {0.8, 0.9}, {4, 1.2, 0.8, 1.2}}

func (r RefLine) color() Color {
	if r.Color.IsZero() {
		return ColorRed
	}
	return r.Color
}

// --- scales --------------------------------------------------------------

// finite reports whether v is a usable number.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// niceStep returns the smallest step of 1, 2 or 5 × 10^n that divides
// span into at most maxTicks intervals.
func niceStep(span float64, maxTicks int) float64 {
	if !finite(span) || span <= 0 || maxTicks < 1 {
		return 1
	}
	rough := span / float64(maxTicks)
	exp := math.Pow(10, math.Floor(math.Log10(rough)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*exp >= rough*(1-1e-9) {
			return m * exp
		}
	}
	return 10 * exp
}

// scale is a linear value axis.
type scale struct{ lo, hi, step float64 }

// newScale covers lo..hi (and 0) with about ticks nice steps. fixedMax,
// when positive, is the top of the scale.
func newScale(lo, hi, fixedMax float64, ticks int) scale {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if !finite(lo) || !finite(hi) || !finite(hi-lo) || hi-lo > 1e15 {
		lo, hi = 0, 1
	} else if hi-lo < 1e-12 {
		hi = lo + 1
	}
	// Headroom, so the largest value or a line at a round number does
	// not sit on the frame.
	hi += (hi - lo) * 0.06
	if fixedMax > 0 && finite(fixedMax) {
		hi = fixedMax
	}
	step := niceStep(hi-lo, ticks)
	s := scale{lo: math.Floor(lo/step+1e-9) * step, hi: math.Ceil(hi/step-1e-9) * step, step: step}
	if fixedMax > 0 && finite(fixedMax) {
		s.hi = fixedMax
	}
	if s.hi <= s.lo {
		s.hi = s.lo + step
	}
	return s
}

// ticks returns the tick values, at most 30.
func (s scale) ticks() []float64 {
	var t []float64
	for i := 0; i <= 30; i++ {
		v := s.lo + float64(i)*s.step
		if v > s.hi+s.step*1e-6 {
			break
		}
		t = append(t, v)
	}
	return t
}

// decimals is the number of decimals the tick labels need.
func (s scale) decimals() int {
	for n := range 4 {
		p := s.step * math.Pow(10, float64(n))
		if math.Abs(p-math.Round(p)) < 1e-6 {
			return n
		}
	}
	return 3
}

// pos maps v to a position between a (at lo) and b (at hi), clamped.
func (s scale) pos(v, a, b float64) float64 {
	f := (v - s.lo) / (s.hi - s.lo)
	if !finite(f) {
		f = 0
	}
	return a + (b-a)*math.Max(0, math.Min(1, f))
}

// valueRange returns the smallest and largest finite values, or 0, 0.
func valueRange(vals ...[]float64) (lo, hi float64) {
	first := true
	for _, vs := range vals {
		for _, v := range vs {
			if !finite(v) {
				continue
			}
			if first {
				lo, hi, first = v, v, false
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	return lo, hi
}

func lineValues(lines []RefLine) []float64 {
	v := make([]float64, len(lines))
	for i, l := range lines {
		v[i] = l.Value
	}
	return v
}

// --- shared drawing -----------------------------------------------------

// chartTitle writes a chart title and returns its height.
func (d *Document) chartTitle(title string, y float64) float64 {
	if title == "" {
		return 0
	}
	d.setFont(styleBold, chartTitleSize)
	d.setText(colorText)
	lh := lineHeight(chartTitleSize)
	d.cell(d.left, y, d.width(), lh, d.fitLine(title, d.width()), AlignLeft)
	return lh + 2
}

// dashed strokes a line with reference line i's dash pattern.
func (d *Document) dashed(i int, x1, y1, x2, y2 float64, c Color) {
	d.pdf.SetLineWidth(0.45)
	d.setDraw(c)
	d.pdf.SetDashPattern(dashes[i%len(dashes)], 0)
	d.pdf.Line(x1, y1, x2, y2)
	d.pdf.SetDashPattern([]float64{}, 0)
}

// noData writes the chart title and a note instead of an empty chart.
func (d *Document) noData(title string) {
	d.ensure(20)
	d.setY(d.y() + d.chartTitle(title, d.y()))
	d.Note("Ingen data å vise.")
}

// --- BarChart -------------------------------------------------------------

// BarChart draws a horizontal bar chart. It is kept on one page; a chart
// with more bars than a page holds continues on the next, with the same
// scale and the title marked "(forts.)".
func (d *Document) BarChart(c BarChart) {
	if !d.begin() {
		return
	}
	defer d.recover()
	if len(c.Bars) == 0 {
		d.noData(c.Title)
		return
	}
	pdf := d.pdf
	w := d.width()
	unit := sanitizeLine(c.Unit)
	values := make([]float64, len(c.Bars))
	texts := make([]string, len(c.Bars))
	d.setFont(styleRegular, chartSize)
	labelW, textW := 0.0, 0.0
	for i, b := range c.Bars {
		values[i] = b.Value
		texts[i] = sanitizeLine(b.Text)
		if texts[i] == "" {
			texts[i] = FormatNumber(b.Value, c.Decimals) + unit
		}
		labelW = math.Max(labelW, pdf.GetStringWidth(sanitizeLine(b.Label)))
		textW = math.Max(textW, pdf.GetStringWidth(texts[i]))
	}
	lo, hi := valueRange(values, lineValues(c.Lines), barMarkers(c.Bars))
	g := barGeometry{
		c: c, texts: texts, unit: unit,
		sc:     newScale(lo, hi, c.Max, 6),
		labelW: math.Min(labelW+3, w*0.32),
		textW:  math.Min(textW+2, w*0.2),
		topH:   float64(min(len(c.Lines), 2)) * 4,
	}
	if c.Title != "" {
		g.titleH = lineHeight(chartTitleSize) + 2
	}
	const (
		pitch    = 7.5 // mm per bar
		minPitch = 4.5 // readable labels
		axisH    = 7.0
	)
	legendH := 0.0
	if c.MarkerLabel != "" {
		legendH = 6
	}
	// The headings waiting to be drawn with the chart share its page.
	maxPlot := d.bodyHeight() - g.titleH - g.topH - axisH - 6 - legendH - d.pendingHeight()
	perPage := max(1, int(maxPlot/minPitch))
	for from := 0; from < len(c.Bars); from += perPage {
		bars := c.Bars[from:min(from+perPage, len(c.Bars))]
		p := math.Min(pitch, maxPlot/float64(len(bars)))
		plotH := float64(len(bars)) * p
		d.space(2)
		d.ensure(g.titleH + g.topH + plotH + axisH + legendH + 2)
		title := c.Title
		if from > 0 && title != "" {
			title += " (forts.)"
		}
		y0 := d.y()
		y0 += d.chartTitle(title, y0)
		d.barChunk(g, bars, texts[from:], y0, p)
		d.setY(y0 + g.topH + plotH + axisH)
		d.markerLegend(c.MarkerLabel)
		d.space(3)
	}
}

// barMarkers are the bars' marker values.
func barMarkers(bars []Bar) []float64 {
	var out []float64
	for _, b := range bars {
		if b.HasMarker {
			out = append(out, b.Marker)
		}
	}
	return out
}

// diamond draws the bar marker: a black diamond with a white rim, so it
// shows on any bar colour and without colour.
func (d *Document) diamond(x, y, r float64) {
	d.setFill(colorText)
	d.setDraw(colorWhite)
	d.pdf.SetLineWidth(0.25)
	d.pdf.Polygon([]gofpdf.PointType{{X: x, Y: y - r}, {X: x + r, Y: y}, {X: x, Y: y + r}, {X: x - r, Y: y}}, "FD")
}

// markerLegend explains the diamond below a bar chart.
func (d *Document) markerLegend(label string) {
	if label == "" {
		return
	}
	y := d.y() + 1
	d.diamond(d.left+1.5, y+2, 1.3)
	d.setFont(styleRegular, chartSmallSize)
	d.setText(colorText)
	d.cell(d.left+4, y, d.width()-4, 4, sanitizeLine(label), AlignLeft)
	d.setY(y + 5)
}

// barGeometry is what all pages of a bar chart share.
type barGeometry struct {
	c                           BarChart
	texts                       []string
	unit                        string
	sc                          scale
	titleH, topH, labelW, textW float64
}

// barChunk draws bars with their value texts, from y0 (below the title).
func (d *Document) barChunk(g barGeometry, bars []Bar, texts []string, y0, pitch float64) {
	pdf := d.pdf
	sc := g.sc
	barH := pitch * 0.68
	plotTop := y0 + g.topH
	plotBottom := plotTop + float64(len(bars))*pitch
	x0, x1 := d.left+g.labelW, d.right-g.textW

	// Grid and scale.
	pdf.SetLineWidth(0.2)
	d.setFont(styleRegular, chartSmallSize)
	d.setText(colorMuted)
	for _, t := range sc.ticks() {
		x := sc.pos(t, x0, x1)
		d.setDraw(colorGrid)
		pdf.Line(x, plotTop, x, plotBottom)
		d.cell(x-12, plotBottom+1, 24, 4, FormatNumber(t, sc.decimals())+g.unit, AlignCenter)
	}
	d.setDraw(colorRule)
	pdf.Line(x0, plotBottom, x1, plotBottom)

	// Bars.
	zero := sc.pos(0, x0, x1)
	labelSize := math.Min(chartSize, pitch/0.3528/1.25)
	for i, b := range bars {
		y := plotTop + float64(i)*pitch + (pitch-barH)/2
		d.setFont(styleRegular, labelSize)
		d.setText(colorText)
		d.cell(d.left, y, g.labelW-2, barH, d.fitLine(b.Label, g.labelW-2), AlignRight)
		col := b.Color
		if col.IsZero() {
			col = ColorBlue
		}
		end := zero
		if finite(b.Value) {
			end = sc.pos(b.Value, x0, x1)
		}
		if end != zero {
			d.setFill(col)
			pdf.Rect(math.Min(zero, end), y, math.Abs(end-zero), barH, "F")
		}
		d.setFont(styleRegular, math.Min(chartSmallSize, labelSize))
		tx := math.Max(zero, end) + 1
		if g.c.MarkerLabel != "" {
			tx = x1 + 1 // a column of its own, clear of the markers
		}
		d.cell(tx, y, g.textW, barH, texts[i], AlignLeft)
	}
	for i, b := range bars {
		if b.HasMarker && finite(b.Marker) {
			y := plotTop + float64(i)*pitch + pitch/2
			d.diamond(sc.pos(b.Marker, x0, x1), y, math.Min(1.3, barH/2))
		}
	}
	d.setDraw(colorText)
	pdf.SetLineWidth(0.3)
	pdf.Line(zero, plotTop, zero, plotBottom)

	// Reference lines, labelled above the plot in staggered rows.
	d.setFont(styleBold, chartSmallSize)
	for i, r := range g.c.Lines {
		if !finite(r.Value) {
			continue
		}
		x := sc.pos(r.Value, x0, x1)
		d.dashed(i, x, plotTop-0.5, x, plotBottom, r.color())
		label := sanitizeLine(r.Label)
		lw := pdf.GetStringWidth(label) + 1
		lx := math.Max(x0, math.Min(x-lw/2, x1-lw))
		d.setText(r.color())
		d.cell(lx, y0+float64(i%2)*4, lw, 4, label, AlignCenter)
	}
}

// --- SeriesChart ------------------------------------------------------------

// ColumnChart draws c with one column per series and category.
func (d *Document) ColumnChart(c SeriesChart) { d.seriesChart(c, false) }

// LineChart draws c with one line per series; missing values break the
// line. Series are told apart by marker shape as well as colour.
func (d *Document) LineChart(c SeriesChart) { d.seriesChart(c, true) }

func (c SeriesChart) seriesColor(i int) Color {
	if col := c.Series[i].Color; !col.IsZero() {
		return col
	}
	return seriesColors[i%len(seriesColors)]
}

func (d *Document) seriesChart(c SeriesChart, asLines bool) {
	if !d.begin() {
		return
	}
	defer d.recover()
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		d.noData(c.Title)
		return
	}
	pdf := d.pdf
	plotH := c.Height
	if plotH <= 0 || !finite(plotH) {
		plotH = 60
	}
	plotH = math.Min(plotH, d.bodyHeight()*0.7)
	titleH := 0.0
	if c.Title != "" {
		titleH = lineHeight(chartTitleSize) + 2
	}
	unit := sanitizeLine(c.Unit)
	legend := false
	for _, s := range c.Series {
		legend = legend || s.Name != ""
	}
	const catH = 8.0
	legendH := 0.0
	if legend {
		legendH = 6
	}
	d.space(2)
	d.ensure(titleH + plotH + catH + legendH + 6)
	y0 := d.y()
	y0 += d.chartTitle(c.Title, y0)
	plotTop := y0 + 3
	plotBottom := plotTop + plotH

	all := make([][]float64, 0, len(c.Series)+1)
	for _, s := range c.Series {
		all = append(all, s.Values)
	}
	all = append(all, lineValues(c.Lines))
	lo, hi := valueRange(all...)
	sc := newScale(lo, hi, c.Max, 6)

	// Axis label column on the left, reference line labels on the right.
	d.setFont(styleRegular, chartSmallSize)
	axisW := 0.0
	for _, t := range sc.ticks() {
		axisW = math.Max(axisW, pdf.GetStringWidth(FormatNumber(t, sc.decimals())+unit))
	}
	d.setFont(styleBold, chartSmallSize)
	refW := 0.0
	for _, r := range c.Lines {
		refW = math.Max(refW, pdf.GetStringWidth(sanitizeLine(r.Label)))
	}
	refW = math.Min(refW, d.width()*0.22)
	x0 := d.left + axisW + 2
	x1 := d.right - refW - 2
	if refW == 0 {
		x1 = d.right
	}

	// Grid.
	pdf.SetLineWidth(0.2)
	d.setFont(styleRegular, chartSmallSize)
	d.setText(colorMuted)
	for _, t := range sc.ticks() {
		y := sc.pos(t, plotBottom, plotTop)
		d.setDraw(colorGrid)
		pdf.Line(x0, y, x1, y)
		d.cell(d.left, y-2, axisW, 4, FormatNumber(t, sc.decimals())+unit, AlignRight)
	}

	n := len(c.Categories)
	groupW := (x1 - x0) / float64(n)
	zero := sc.pos(0, plotBottom, plotTop)

	// Category labels, up to two lines.
	d.setFont(styleRegular, chartSmallSize)
	d.setText(colorText)
	for i, cat := range c.Categories {
		lines := d.split(cat, groupW-1)
		for j := 0; j < min(len(lines), 2); j++ {
			d.cell(x0+float64(i)*groupW, plotBottom+1+float64(j)*3.2, groupW, 3.2, lines[j], AlignCenter)
		}
	}

	valueLabels := len(c.Series) <= 2
	if asLines {
		d.drawLines(c, sc, x0, groupW, plotTop, plotBottom, valueLabels)
	} else {
		d.drawColumns(c, sc, x0, groupW, zero, plotTop, plotBottom, valueLabels)
	}
	d.setDraw(colorText)
	pdf.SetLineWidth(0.3)
	pdf.Line(x0, zero, x1, zero)

	// Reference lines across the plot, labelled at the right; labels that
	// would overlap are pushed apart.
	type placed struct{ y float64 }
	var used []placed
	d.setFont(styleBold, chartSmallSize)
	for i, r := range c.Lines {
		if !finite(r.Value) {
			continue
		}
		y := sc.pos(r.Value, plotBottom, plotTop)
		d.dashed(i, x0, y, x1, y, r.color())
		ly := y - 2
		for _, p := range used {
			if math.Abs(p.y-ly) < 3.4 {
				if ly < p.y {
					ly = p.y - 3.4
				} else {
					ly = p.y + 3.4
				}
			}
		}
		used = append(used, placed{ly})
		d.setText(r.color())
		d.cell(x1+1.5, ly, refW+1, 4, d.fitLine(r.Label, refW+0.5), AlignLeft)
	}

	y := plotBottom + catH
	if legend {
		d.seriesLegend(c, asLines, y)
		y += legendH
	}
	d.setY(y)
	d.space(3)
}

func (d *Document) drawColumns(c SeriesChart, sc scale, x0, groupW, zero, plotTop, plotBottom float64, valueLabels bool) {
	pdf := d.pdf
	k := float64(len(c.Series))
	colW := math.Min(groupW*0.7/k, 18)
	d.setFont(styleRegular, chartSmallSize)
	for si, s := range c.Series {
		for i := range c.Categories {
			x := x0 + float64(i)*groupW + (groupW-colW*k)/2 + float64(si)*colW
			if i >= len(s.Values) || !finite(s.Values[i]) {
				if valueLabels {
					d.setText(colorMuted)
					d.cell(x, zero-4.5, colW, 4, "–", AlignCenter)
				}
				continue
			}
			v := s.Values[i]
			top := sc.pos(v, plotBottom, plotTop)
			d.setFill(c.seriesColor(si))
			pdf.Rect(x+0.3, math.Min(top, zero), colW-0.6, math.Abs(zero-top), "F")
			if valueLabels {
				ly := math.Min(top, zero) - 4
				if v < 0 {
					ly = math.Max(top, zero) + 0.3
				}
				d.valueLabel(x+colW/2, ly, FormatNumber(v, c.Decimals))
			}
		}
	}
}

// valueLabel writes a small value centred on x, on a white background so
// that it stays readable over grid and reference lines.
func (d *Document) valueLabel(x, y float64, text string) {
	d.setFont(styleRegular, chartSmallSize)
	text = sanitizeLine(text)
	w := d.pdf.GetStringWidth(text) + 1.2
	d.setFill(colorWhite)
	d.pdf.Rect(x-w/2, y+0.6, w, 2.8, "F")
	d.setText(colorText)
	d.cell(x-w/2, y, w, 4, text, AlignCenter)
}

// marker draws series i's marker shape at (x, y).
func (d *Document) marker(i int, x, y float64) {
	const r = 1.1
	pdf := d.pdf
	switch i % 4 {
	case 0:
		pdf.Circle(x, y, r, "F")
	case 1:
		pdf.Rect(x-r, y-r, 2*r, 2*r, "F")
	case 2:
		pdf.Polygon([]gofpdf.PointType{{X: x, Y: y - r*1.2}, {X: x + r*1.15, Y: y + r*0.8}, {X: x - r*1.15, Y: y + r*0.8}}, "F")
	default:
		pdf.Polygon([]gofpdf.PointType{{X: x, Y: y - r*1.3}, {X: x + r*1.3, Y: y}, {X: x, Y: y + r*1.3}, {X: x - r*1.3, Y: y}}, "F")
	}
}

func (d *Document) drawLines(c SeriesChart, sc scale, x0, groupW, plotTop, plotBottom float64, valueLabels bool) {
	pdf := d.pdf
	for si, s := range c.Series {
		col := c.seriesColor(si)
		d.setDraw(col)
		d.setFill(col)
		pdf.SetLineWidth(0.6)
		prevOK := false
		var px, py float64
		for i := range c.Categories {
			if i >= len(s.Values) || !finite(s.Values[i]) {
				prevOK = false
				continue
			}
			x := x0 + (float64(i)+0.5)*groupW
			y := sc.pos(s.Values[i], plotBottom, plotTop)
			if prevOK {
				pdf.Line(px, py, x, y)
			}
			px, py, prevOK = x, y, true
		}
		for i := range c.Categories {
			if i >= len(s.Values) || !finite(s.Values[i]) {
				continue
			}
			x := x0 + (float64(i)+0.5)*groupW
			y := sc.pos(s.Values[i], plotBottom, plotTop)
			d.setFill(col)
			d.marker(si, x, y)
			if valueLabels {
				// With two series the higher point is labelled above and
				// the lower below, so the labels stay clear of each other.
				above := true
				if len(c.Series) == 2 {
					o := c.Series[1-si].Values
					if i < len(o) && finite(o[i]) {
						above = s.Values[i] > o[i] || (s.Values[i] == o[i] && si == 0)
					}
				}
				ly := y - 5.3
				if !above {
					ly = y + 1.3
				}
				d.valueLabel(x, ly, FormatNumber(s.Values[i], c.Decimals))
			}
		}
	}
}

func (d *Document) seriesLegend(c SeriesChart, asLines bool, y float64) {
	pdf := d.pdf
	x := d.left
	d.setFont(styleRegular, chartSize)
	for i, s := range c.Series {
		if s.Name == "" {
			continue
		}
		col := c.seriesColor(i)
		d.setFill(col)
		d.setDraw(col)
		if asLines {
			pdf.SetLineWidth(0.6)
			pdf.Line(x, y+2, x+7, y+2)
			d.marker(i, x+3.5, y+2)
			x += 9
		} else {
			pdf.Rect(x, y+0.5, 3.5, 3.5, "F")
			x += 5
		}
		name := d.fitLine(s.Name, d.right-x)
		d.setText(colorText)
		d.cell(x, y, pdf.GetStringWidth(name)+1, 4, name, AlignLeft)
		x += pdf.GetStringWidth(name) + 7
		if x > d.right-20 {
			break
		}
	}
}

// --- Heatmap -------------------------------------------------------------

// Heatmap draws a risk matrix. It is kept on one page.
func (d *Document) Heatmap(h Heatmap) {
	if !d.begin() {
		return
	}
	defer d.recover()
	m := h.Matrix
	if m == (model.RiskMatrix{}) {
		m = model.DefaultRiskMatrix()
	} else if m.Validate() != nil {
		m = model.DefaultRiskMatrixFor(m.Size)
	}
	n := m.Size
	rowTitle, colTitle := h.RowTitle, h.ColTitle
	if rowTitle == "" {
		rowTitle = "Sannsynlighet"
	}
	if colTitle == "" {
		colTitle = "Konsekvens"
	}
	pdf := d.pdf
	const (
		axisW   = 16.0 // rotated title and row labels
		legendW = 42.0
	)
	cell := math.Min(20, (d.width()-axisW-legendW-6)/float64(n))
	titleH := 0.0
	if h.Title != "" {
		titleH = lineHeight(chartTitleSize) + 2
	}
	gridH := cell * float64(n)
	d.space(2)
	d.ensure(titleH + gridH + 14)
	y0 := d.y()
	y0 += d.chartTitle(h.Title, y0)
	gx, gy := d.left+axisW, y0+1

	tick := func(labels []string, i int) string {
		if i < len(labels) && labels[i] != "" {
			return labels[i]
		}
		return strconv.Itoa(i + 1)
	}
	pdf.SetLineWidth(0.5)
	d.setDraw(colorWhite)
	for r := range n {
		p := n - r // top row is the highest probability
		for c := range n {
			x, y := gx+float64(c)*cell, gy+float64(r)*cell
			lv := m.Level(p, c+1)
			d.setFill(RiskColor(lv))
			pdf.Rect(x, y, cell, cell, "FD")
			count := 0
			if p-1 < len(h.Counts) && c < len(h.Counts[p-1]) {
				count = h.Counts[p-1][c]
			}
			d.setFont(styleBold, math.Min(13, cell*0.65))
			if count == 0 {
				d.setText(colorMuted)
			} else {
				d.setText(colorText)
			}
			d.cell(x, y+cell*0.14, cell, cell*0.5, strconv.Itoa(count), AlignCenter)
			d.setFont(styleRegular, math.Min(chartSmallSize, cell*0.36))
			d.setText(colorText)
			d.cell(x, y+cell*0.64, cell, cell*0.26, lv.Label(), AlignCenter)
		}
	}

	// Tick labels and axis titles.
	d.setFont(styleRegular, chartSize)
	d.setText(colorText)
	for r := range n {
		d.cell(gx-8, gy+float64(r)*cell, 7, cell, d.fitLine(tick(h.RowLabels, n-r-1), 7), AlignRight)
	}
	for c := range n {
		d.cell(gx+float64(c)*cell, gy+gridH+0.5, cell, 4.5, d.fitLine(tick(h.ColLabels, c), cell), AlignCenter)
	}
	d.setFont(styleBold, chartSize)
	d.cell(gx, gy+gridH+5, gridH, 4.5, d.fitLine(colTitle, gridH), AlignCenter)
	// Rotated with Text, not a cell: the unrotated cell would start left
	// of the page, and gofpdf reads a negative x as "from the right edge".
	cx, cy := d.left+3, gy+gridH/2
	rt := d.fitLine(rowTitle, gridH)
	// Nothing may change font, colour or line width inside: the Q would
	// undo it behind the back of setFont and the others.
	pdf.TransformBegin()
	pdf.TransformRotate(90, cx, cy)
	pdf.Text(cx-pdf.GetStringWidth(rt)/2, cy+chartSize*0.3528*0.35, rt)
	pdf.TransformEnd()

	// Legend: colour, letter, word and score range.
	lx, ly := gx+gridH+8, gy
	d.setFont(styleBold, chartSize)
	d.cell(lx, ly, legendW, 4.5, "Risikonivå", AlignLeft)
	ly += 6
	levels := model.RiskLevels()
	for i := len(levels) - 1; i >= 0; i-- {
		lv := levels[i]
		lo, hi := m.Range(lv)
		d.setFill(RiskColor(lv))
		pdf.SetLineWidth(0.2)
		d.setDraw(colorRule)
		pdf.Rect(lx, ly, 6, 6, "FD")
		d.setFont(styleBold, chartSmallSize)
		d.setText(colorText)
		d.cell(lx, ly, 6, 6, lv.Letter(), AlignCenter)
		d.setFont(styleRegular, chartSize)
		d.cell(lx+8, ly, legendW-8, 6, fmt.Sprintf("%s (%d–%d)", lv.Label(), lo, hi), AlignLeft)
		ly += 8
	}
	d.setFont(styleItalic, chartSmallSize)
	d.setText(colorMuted)
	d.cell(lx, ly+1, legendW, 4, "Risiko = sannsynlighet × konsekvens.", AlignLeft)
	d.cell(lx, ly+5, legendW, 4, "Tallet i ruten er antall.", AlignLeft)
	d.setY(gy + gridH + 11)
	d.space(3)
}
