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

// build lays out every line and text for size.
func (r *chartRenderer) build(size fyne.Size) {
	r.size = size
	r.box.Objects = nil
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	grid := th.Color(theme.ColorNameSeparator, v)
	ts := r.textSize()
	text := func(s string, c color.Color, bold bool) *canvas.Text {
		t := canvas.NewText(s, c)
		t.TextSize = ts
		t.TextStyle.Bold = bold
		r.box.Add(t)
		return t
	}
	measure := func(s string, bold bool) fyne.Size {
		return fyne.MeasureText(s, ts, fyne.TextStyle{Bold: bold})
	}
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	qs, set := r.c.qs, r.c.set.OrDefault()
	if len(qs) == 0 {
		t := text(lang.L("Ingen tall å vise ennå."), muted, false)
		t.Move(fyne.NewPos(0, 0))
		return
	}
	lines := []refLine{
		{set.Target.Float(), lang.L(set.TargetTitle()) + " " + pctText(set.Target), th.Color(theme.ColorNameSuccess, v), [2]float32{}},
		{set.TwoQuarterThreshold.Float(), fmt.Sprintf(lang.L("Grense %s"), pctText(set.TwoQuarterThreshold)), th.Color(theme.ColorNameWarning, v), [2]float32{8, 5}},
		{set.OneQuarterThreshold.Float(), fmt.Sprintf(lang.L("BHT %s"), pctText(set.OneQuarterThreshold)), th.Color(theme.ColorNameError, v), [2]float32{3, 4}},
	}
	hi := 0.0
	for _, q := range qs {
		hi = math.Max(hi, q.Total.Float())
	}
	for _, l := range lines {
		hi = math.Max(hi, l.value)
	}
	step := 2.0
	if hi > 20 {
		step = 5
	}
	if hi > 50 {
		step = 20
	}
	top := math.Ceil((hi+0.5)/step) * step

	// Margins: axis labels left, line labels right, quarter and year below.
	axisW := measure(fmt.Sprintf("%.0f %%", top), false).Width + 6
	refW := float32(0)
	for _, l := range lines {
		refW = max(refW, measure(l.label, true).Width)
	}
	lineH := measure("K1", false).Height
	x0, x1 := axisW, size.Width-refW-8
	y0, y1 := lineH/2, size.Height-2*lineH-6
	if x1-x0 < 40 || y1-y0 < 40 {
		return
	}
	ypos := func(val float64) float32 { return y1 - float32(val/top)*(y1-y0) }

	for t := 0.0; t <= top+1e-9; t += step {
		y := ypos(t)
		g := canvas.NewLine(grid)
		g.StrokeWidth = 1
		g.Position1, g.Position2 = fyne.NewPos(x0, y), fyne.NewPos(x1, y)
		r.box.Add(g)
		l := text(fmt.Sprintf("%s %%", model.FormatInt(int(t))), muted, false)
		l.Move(fyne.NewPos(x0-6-measure(l.Text, false).Width, y-lineH/2))
	}

	// Quarters from the first to the last, gaps included.
	first, last := qs[0].Quarter, qs[len(qs)-1].Quarter
	var all []model.Quarter
	for q := first; !last.Before(q); q = q.Next() {
		all = append(all, q)
	}
	byQ := map[model.Quarter]model.Percent{}
	for _, q := range qs {
		byQ[q.Quarter] = q.Total
	}
	groupW := (x1 - x0) / float32(len(all))
	xpos := func(i int) float32 { return x0 + groupW*(float32(i)+0.5) }
	showQ := measure(fmt.Sprintf(lang.L("K%d"), 4), false).Width+4 <= groupW
	for i, q := range all {
		if showQ {
			l := text(fmt.Sprintf(lang.L("K%d"), q.Q), muted, false)
			l.Move(fyne.NewPos(xpos(i)-measure(l.Text, false).Width/2, y1+3))
		}
		if q.Q == 1 || i == 0 {
			l := text(fmt.Sprint(q.Year), fg, true)
			w := measure(l.Text, true).Width
			l.Move(fyne.NewPos(min(max(xpos(i)-w/2, x0), size.Width-w), y1+3+lineH))
		}
	}

	// Reference lines with their labels at the right, pushed apart when
	// they would overlap.
	var used []float32
	for _, l := range lines {
		y := ypos(l.value)
		r.dashed(x0, x1, y, l.color, l.dash)
		ly := y - lineH/2
		for _, u := range used {
			if d := ly - u; d > -lineH && d < lineH {
				if ly < u {
					ly = u - lineH
				} else {
					ly = u + lineH
				}
			}
		}
		used = append(used, ly)
		t := text(l.label, l.color, true)
		t.Move(fyne.NewPos(x1+6, ly))
	}

	// The series: segments between quarters that follow each other,
	// a dot per quarter, and the value above it when there is room.
	series := th.Color(theme.ColorNamePrimary, v)
	showValues := measure("10,4", false).Width+2 <= groupW
	prev := -1
	for i, q := range all {
		p, ok := byQ[q]
		if !ok {
			prev = -1
			continue
		}
		x, y := xpos(i), ypos(p.Float())
		if prev >= 0 {
			seg := canvas.NewLine(series)
			seg.StrokeWidth = 2.5
			seg.Position1 = fyne.NewPos(xpos(prev), ypos(byQ[all[prev]].Float()))
			seg.Position2 = fyne.NewPos(x, y)
			r.box.Add(seg)
		}
		prev = i
		dot := canvas.NewCircle(series)
		if p > set.TwoQuarterThreshold {
			dot.FillColor = th.Color(theme.ColorNameError, v)
		}
		const rad = 4
		dot.Resize(fyne.NewSize(2*rad, 2*rad))
		dot.Move(fyne.NewPos(x-rad, y-rad))
		r.box.Add(dot)
		if showValues {
			l := text(p.Number(1), fg, false)
			l.Move(fyne.NewPos(x-measure(l.Text, false).Width/2, y-lineH-3))
		}
	}
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
