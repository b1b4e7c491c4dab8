package sykefravar

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
)

// TrendChart draws the sick leave per quarter across years as a line, with
// the unit's target and the two follow-up limits as labelled lines across.
// The lines differ by label and dash pattern, not only by colour; a quarter
// without figures is a gap in the line.
type TrendChart struct {
	widget.BaseWidget
	qs  []model.SickLeaveQuarter // oldest first
	set model.SickLeaveSettings
}

// NewTrendChart returns an empty chart; Set gives it data.
func NewTrendChart() *TrendChart {
	c := &TrendChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Set replaces the data (in any order) and redraws.
func (c *TrendChart) Set(qs []model.SickLeaveQuarter, set model.SickLeaveSettings) {
	c.qs = model.SortSickLeave(qs)
	c.set = set.OrDefault()
	c.Refresh()
}

// Labels are the chart's texts (axis, lines, quarters, values), for tests.
func (c *TrendChart) Labels() []string {
	r := &chartRenderer{c: c, box: container.NewWithoutLayout()}
	r.build(fyne.NewSize(800, 400))
	var out []string
	for _, o := range r.box.Objects {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

// CreateRenderer implements fyne.Widget.
func (c *TrendChart) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{c: c, box: container.NewWithoutLayout()}
}

type chartRenderer struct {
	c    *TrendChart
	box  *fyne.Container
	size fyne.Size
}

func (r *chartRenderer) textSize() float32 {
	return r.c.Theme().Size(theme.SizeNameText) * 0.85
}

func (r *chartRenderer) MinSize() fyne.Size {
	ts := r.textSize()
	return fyne.NewSize(ts*18, ts*19)
}

func (r *chartRenderer) Layout(size fyne.Size) {
	if size != r.size {
		r.build(size)
	}
}

func (r *chartRenderer) Refresh() {
	r.build(r.c.Size())
	r.box.Refresh()
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *chartRenderer) Destroy()                     {}

// refLine is one labelled line across the chart.
type refLine struct {
	value float64
	label string
	color color.Color
	dash  [2]float32 // on, off; zero = solid
}

// chartFrame is one layout of the chart: the theme's colours, the text
// size, the plot area and the scales. build makes it and draws the parts
// in named steps.
type chartFrame struct {
	r              *chartRenderer
	th             fyne.Theme
	v              fyne.ThemeVariant
	ts             float32
	set            model.SickLeaveSettings
	x0, x1, y0, y1 float32
	top, step      float64
	lineH, groupW  float32
	all            []model.Quarter // first to last, gaps included
	byQ            map[model.Quarter]model.Percent
}

func (f *chartFrame) color(n fyne.ThemeColorName) color.Color { return f.th.Color(n, f.v) }

func (f *chartFrame) text(s string, c color.Color, bold bool) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = f.ts
	t.TextStyle.Bold = bold
	f.r.box.Add(t)
	return t
}

func (f *chartFrame) measure(s string, bold bool) fyne.Size {
	return fyne.MeasureText(s, f.ts, fyne.TextStyle{Bold: bold})
}

func (f *chartFrame) ypos(val float64) float32 { return f.y1 - float32(val/f.top)*(f.y1-f.y0) }
func (f *chartFrame) xpos(i int) float32       { return f.x0 + f.groupW*(float32(i)+0.5) }

// build lays out every line and text for size.
func (r *chartRenderer) build(size fyne.Size) {
	r.size = size
	r.box.Objects = nil
	f := &chartFrame{r: r, th: r.c.Theme(), v: fyne.CurrentApp().Settings().ThemeVariant(), ts: r.textSize(), set: r.c.set.OrDefault()}
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	if len(r.c.qs) == 0 {
		f.text(lang.L("Ingen tall å vise ennå."), f.color(theme.ColorNamePlaceHolder), false).Move(fyne.NewPos(0, 0))
		return
	}
	lines := f.refLines()
	if !f.place(size, lines) {
		return
	}
	f.axis()
	f.quarterLabels(size)
	f.drawRefLines(lines)
	f.series()
}

// refLines are the target and the two follow-up limits.
func (f *chartFrame) refLines() []refLine {
	set := f.set
	return []refLine{
		{set.Target.Float(), lang.L(set.TargetTitle()) + " " + pctText(set.Target), f.color(theme.ColorNameSuccess), [2]float32{}},
		{set.TwoQuarterThreshold.Float(), fmt.Sprintf(lang.L("Grense %s"), pctText(set.TwoQuarterThreshold)), f.color(theme.ColorNameWarning), [2]float32{8, 5}},
		{set.OneQuarterThreshold.Float(), fmt.Sprintf(lang.L("BHT %s"), pctText(set.OneQuarterThreshold)), f.color(theme.ColorNameError), [2]float32{3, 4}},
	}
}

// place sets the scale (a round top above the highest value or line),
// the margins (axis labels left, line labels right, quarter and year
// below) and the quarters; false when the plot would be too small.
func (f *chartFrame) place(size fyne.Size, lines []refLine) bool {
	qs := f.r.c.qs
	hi := 0.0
	for _, q := range qs {
		hi = math.Max(hi, q.Total.Float())
	}
	for _, l := range lines {
		hi = math.Max(hi, l.value)
	}
	f.step = 2.0
	if hi > 20 {
		f.step = 5
	}
	if hi > 50 {
		f.step = 20
	}
	f.top = math.Ceil((hi+0.5)/f.step) * f.step
	axisW := f.measure(fmt.Sprintf("%.0f %%", f.top), false).Width + 6
	refW := float32(0)
	for _, l := range lines {
		refW = max(refW, f.measure(l.label, true).Width)
	}
	f.lineH = f.measure("K1", false).Height
	f.x0, f.x1 = axisW, size.Width-refW-8
	f.y0, f.y1 = f.lineH/2, size.Height-2*f.lineH-6
	if f.x1-f.x0 < 40 || f.y1-f.y0 < 40 {
		return false
	}
	first, last := qs[0].Quarter, qs[len(qs)-1].Quarter
	for q := first; !last.Before(q); q = q.Next() {
		f.all = append(f.all, q)
	}
	f.byQ = map[model.Quarter]model.Percent{}
	for _, q := range qs {
		f.byQ[q.Quarter] = q.Total
	}
	f.groupW = (f.x1 - f.x0) / float32(len(f.all))
	return true
}

// axis draws the grid lines with their percentages.
func (f *chartFrame) axis() {
	muted, grid := f.color(theme.ColorNamePlaceHolder), f.color(theme.ColorNameSeparator)
	for t := 0.0; t <= f.top+1e-9; t += f.step {
		y := f.ypos(t)
		g := canvas.NewLine(grid)
		g.StrokeWidth = 1
		g.Position1, g.Position2 = fyne.NewPos(f.x0, y), fyne.NewPos(f.x1, y)
		f.r.box.Add(g)
		l := f.text(fmt.Sprintf("%s %%", model.FormatInt(int(t))), muted, false)
		l.Move(fyne.NewPos(f.x0-6-f.measure(l.Text, false).Width, y-f.lineH/2))
	}
}

// quarterLabels writes K1…K4 under each quarter when they fit, and the
// year under its first quarter.
func (f *chartFrame) quarterLabels(size fyne.Size) {
	muted, fg := f.color(theme.ColorNamePlaceHolder), f.color(theme.ColorNameForeground)
	showQ := f.measure(fmt.Sprintf(lang.L("K%d"), 4), false).Width+4 <= f.groupW
	for i, q := range f.all {
		if showQ {
			l := f.text(fmt.Sprintf(lang.L("K%d"), q.Q), muted, false)
			l.Move(fyne.NewPos(f.xpos(i)-f.measure(l.Text, false).Width/2, f.y1+3))
		}
		if q.Q == 1 || i == 0 {
			l := f.text(fmt.Sprint(q.Year), fg, true)
			w := f.measure(l.Text, true).Width
			l.Move(fyne.NewPos(min(max(f.xpos(i)-w/2, f.x0), size.Width-w), f.y1+3+f.lineH))
		}
	}
}

// drawRefLines draws the reference lines with their labels at the right,
// pushed apart when they would overlap.
func (f *chartFrame) drawRefLines(lines []refLine) {
	var used []float32
	for _, l := range lines {
		y := f.ypos(l.value)
		f.r.dashed(f.x0, f.x1, y, l.color, l.dash)
		ly := y - f.lineH/2
		for _, u := range used {
			if d := ly - u; d > -f.lineH && d < f.lineH {
				if ly < u {
					ly = u - f.lineH
				} else {
					ly = u + f.lineH
				}
			}
		}
		used = append(used, ly)
		f.text(l.label, l.color, true).Move(fyne.NewPos(f.x1+6, ly))
	}
}

// series draws segments between quarters that follow each other, a dot
// per quarter (red above the two-quarter limit), and then, over every
// line, the value above each dot when there is room.
func (f *chartFrame) series() {
	line, fg := f.color(theme.ColorNamePrimary), f.color(theme.ColorNameForeground)
	type value struct {
		text string
		x, y float32
	}
	var values []value
	prev := -1
	for i, q := range f.all {
		p, ok := f.byQ[q]
		if !ok {
			prev = -1
			continue
		}
		x, y := f.xpos(i), f.ypos(p.Float())
		if prev >= 0 {
			seg := canvas.NewLine(line)
			seg.StrokeWidth = 2.5
			seg.Position1 = fyne.NewPos(f.xpos(prev), f.ypos(f.byQ[f.all[prev]].Float()))
			seg.Position2 = fyne.NewPos(x, y)
			f.r.box.Add(seg)
		}
		prev = i
		f.dot(x, y, p, line)
		values = append(values, value{p.Number(1), x, y - f.lineH - 3})
	}
	if f.measure("10,4", false).Width+2 > f.groupW {
		return
	}
	for _, v := range values {
		f.valueLabel(v.text, v.x, v.y, fg)
	}
}

func (f *chartFrame) dot(x, y float32, p model.Percent, c color.Color) {
	dot := canvas.NewCircle(c)
	if p > f.set.TwoQuarterThreshold {
		dot.FillColor = f.color(theme.ColorNameError)
	}
	const rad = 4
	dot.Resize(fyne.NewSize(2*rad, 2*rad))
	dot.Move(fyne.NewPos(x-rad, y-rad))
	f.r.box.Add(dot)
}

// dashed draws a horizontal line, solid when dash is zero.
func (r *chartRenderer) dashed(x0, x1, y float32, c color.Color, dash [2]float32) {
	add := func(a, b float32) {
		l := canvas.NewLine(c)
		l.StrokeWidth = 2
		l.Position1, l.Position2 = fyne.NewPos(a, y), fyne.NewPos(b, y)
		r.box.Add(l)
	}
	if dash[0] <= 0 {
		add(x0, x1)
		return
	}
	for x := x0; x < x1; x += dash[0] + dash[1] {
		add(x, min(x+dash[0], x1))
	}
}

// valueLabel writes a quarter's value centred on x, on a patch of the
// background so a reference line behind it does not cross the digits.
func (f *chartFrame) valueLabel(s string, x, y float32, c color.Color) {
	sz := f.measure(s, false)
	bg := canvas.NewRectangle(f.color(theme.ColorNameBackground))
	bg.Resize(fyne.NewSize(sz.Width+4, sz.Height))
	bg.Move(fyne.NewPos(x-sz.Width/2-2, y))
	f.r.box.Add(bg)
	f.text(s, c, false).Move(fyne.NewPos(x-sz.Width/2, y))
}
