package tifaktor

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/apptheme"
)

// Charts on the 1–5 scale: one row per factor with one or more horizontal
// bars (the unit's score, or its score in each round), comparison markers
// in distinct shapes, and KS's target (4) and ideal (4,5) as vertical
// lines. Colour is never the only signal: markers differ in shape, lines
// are labelled, and each bar carries its value as text.

// ChartBar is one bar in a row.
type ChartBar struct {
	Value model.SurveyScore
	Text  string // printed after the bar
	Color color.Color
}

// ChartMarker is a comparison value drawn on a row.
type ChartMarker struct {
	Value model.SurveyScore
	Kind  model.SurveyComparison
}

// ChartRow is one factor.
type ChartRow struct {
	Label   string
	Bars    []ChartBar
	Markers []ChartMarker
}

// Bar and marker colours from the app's chart palette, which keeps 3:1
// against the page in both themes; bars for earlier rounds are fainter.
func colorUnit() color.Color   { return apptheme.ChartColor(apptheme.ChartSeries) }
func colorTarget() color.Color { return apptheme.ChartColor(apptheme.ChartTarget) }
func colorIdeal() color.Color  { return apptheme.ChartColor(apptheme.ChartIdeal) }

func colorOld() []color.Color {
	return []color.Color{apptheme.ChartColor(apptheme.ChartOlder), apptheme.ChartColor(apptheme.ChartOld)}
}

var markerColors = map[model.SurveyComparison]fyne.ThemeColorName{
	model.SurveyCompareMunicipality: apptheme.ChartSeries2,
	model.SurveyCompareNational:     apptheme.ChartNeutral,
	model.SurveyCompareUnitType:     apptheme.ChartAccent,
}

// ScoreChart draws rows of bars on the 1–5 scale.
type ScoreChart struct {
	widget.BaseWidget
	Rows  []ChartRow
	lines bool
}

// NewScoreChart returns a chart; lines draws KS's target and ideal.
func NewScoreChart(rows []ChartRow, lines bool) *ScoreChart {
	c := &ScoreChart{Rows: rows, lines: lines}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer implements fyne.Widget.
func (c *ScoreChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build()
	return r
}

type rowObjects struct {
	label   *canvas.Text
	bars    []*canvas.Rectangle
	texts   []*canvas.Text
	markers []fyne.CanvasObject
}

type chartRenderer struct {
	c       *ScoreChart
	rows    []rowObjects
	grid    []*canvas.Line
	ticks   []*canvas.Text
	target  *canvas.Line
	ideal   *canvas.Line
	tLabel  *canvas.Text
	iLabel  *canvas.Text
	objects []fyne.CanvasObject
}

func (r *chartRenderer) text(s string, size float32) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize = size
	return t
}

func (r *chartRenderer) build() {
	size := theme.TextSize()
	small := size * 0.85
	r.objects = nil
	r.rows = nil
	r.grid, r.ticks = nil, nil
	for v := 1; v <= 5; v++ {
		l := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		l.StrokeWidth = 1
		t := r.text(fmt.Sprintf("%d", v), small)
		t.Alignment = fyne.TextAlignCenter
		r.grid = append(r.grid, l)
		r.ticks = append(r.ticks, t)
		r.objects = append(r.objects, l, t)
	}
	for _, row := range r.c.Rows {
		ro := rowObjects{label: r.text(row.Label, small)}
		ro.label.Alignment = fyne.TextAlignTrailing
		r.objects = append(r.objects, ro.label)
		for _, b := range row.Bars {
			rect := canvas.NewRectangle(b.Color)
			t := r.text(b.Text, small)
			ro.bars = append(ro.bars, rect)
			ro.texts = append(ro.texts, t)
			r.objects = append(r.objects, rect, t)
		}
		for _, m := range row.Markers {
			o := markerObject(m.Kind)
			ro.markers = append(ro.markers, o)
			r.objects = append(r.objects, o)
		}
		r.rows = append(r.rows, ro)
	}
	if r.c.lines {
		r.target = canvas.NewLine(colorTarget())
		r.target.StrokeWidth = 2
		r.ideal = canvas.NewLine(colorIdeal())
		r.ideal.StrokeWidth = 1
		r.tLabel = canvas.NewText(lang.L("Mål 4"), colorTarget())
		r.tLabel.TextSize = small
		r.tLabel.TextStyle.Bold = true
		r.iLabel = canvas.NewText(lang.L("4,5"), colorIdeal())
		r.iLabel.TextSize = small
		r.objects = append(r.objects, r.target, r.ideal, r.tLabel, r.iLabel)
	}
}

// markerObject is a comparison marker: a circle for the municipality, a
// square for all municipalities, a vertical bar for the unit type.
func markerObject(k model.SurveyComparison) fyne.CanvasObject {
	col := apptheme.ChartColor(markerColors[k])
	switch k {
	case model.SurveyCompareMunicipality:
		c := canvas.NewCircle(col)
		c.StrokeColor = color.White
		c.StrokeWidth = 1
		return c
	case model.SurveyCompareNational:
		r := canvas.NewRectangle(col)
		r.StrokeColor = color.White
		r.StrokeWidth = 1
		return r
	}
	l := canvas.NewRectangle(col)
	return l
}

// geometry.
func (r *chartRenderer) metrics() (labelW, rowH, barH, top float32) {
	size := theme.TextSize()
	nb := 1
	for _, row := range r.c.Rows {
		nb = max(nb, len(row.Bars))
	}
	barH = size * 0.9
	rowH = float32(nb)*barH + size*0.6
	top = size * 1.4
	return 0, rowH, barH, top
}

func (r *chartRenderer) Layout(s fyne.Size) {
	_, rowH, barH, top := r.metrics()
	size := theme.TextSize()
	small := size * 0.85
	labelW := r.labelWidth(s.Width, small)
	textW := fyne.MeasureText("4,44 (under 4)", small, fyne.TextStyle{}).Width + 8
	x0 := labelW + 6
	x1 := s.Width - textW
	if x1 < x0+40 {
		x1 = x0 + 40
	}
	pos := func(v float64) float32 {
		f := (v - 1) / 4
		f = max(0, min(1, f))
		return x0 + float32(f)*(x1-x0)
	}
	bottom := top + float32(len(r.c.Rows))*rowH
	for i := range r.grid {
		x := pos(float64(i + 1))
		r.grid[i].Position1 = fyne.NewPos(x, top)
		r.grid[i].Position2 = fyne.NewPos(x, bottom)
		r.ticks[i].Move(fyne.NewPos(x-10, bottom+2))
		r.ticks[i].Resize(fyne.NewSize(20, small*1.3))
	}
	for i, ro := range r.rows {
		y := top + float32(i)*rowH + size*0.3
		ro.label.Text = fitText(r.c.Rows[i].Label, labelW, small)
		ro.label.Move(fyne.NewPos(0, y))
		ro.label.Resize(fyne.NewSize(labelW, barH))
		for j, b := range ro.bars {
			v := r.c.Rows[i].Bars[j].Value.Float()
			by := y + float32(j)*barH
			b.Move(fyne.NewPos(x0, by+1))
			b.Resize(fyne.NewSize(max(1, pos(v)-x0), barH-2))
			// Values in a column right of the scale, clear of the markers.
			ro.texts[j].Move(fyne.NewPos(x1+6, by))
			ro.texts[j].Resize(fyne.NewSize(textW, barH))
		}
		h := float32(len(ro.bars)) * barH
		for k, m := range ro.markers {
			x := pos(r.c.Rows[i].Markers[k].Value.Float())
			d := barH * 0.7
			switch r.c.Rows[i].Markers[k].Kind {
			case model.SurveyCompareUnitType:
				m.Move(fyne.NewPos(x-1.5, y-2))
				m.Resize(fyne.NewSize(3, h+4))
			default:
				m.Move(fyne.NewPos(x-d/2, y+h/2-d/2))
				m.Resize(fyne.NewSize(d, d))
			}
		}
	}
	if r.target != nil {
		xt, xi := pos(4), pos(4.5)
		r.target.Position1, r.target.Position2 = fyne.NewPos(xt, top-2), fyne.NewPos(xt, bottom)
		r.ideal.Position1, r.ideal.Position2 = fyne.NewPos(xi, top-2), fyne.NewPos(xi, bottom)
		tw := fyne.MeasureText(r.tLabel.Text, small, r.tLabel.TextStyle).Width
		r.tLabel.Move(fyne.NewPos(xt-tw-2, 0))
		r.iLabel.Move(fyne.NewPos(xi+2, 0))
	}
}

// fitText shortens s with "…" to fit w.
func fitText(s string, w, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= w {
			return t
		}
	}
	return "…"
}

// labelWidth is the width of the factor names: the widest name, so none
// is cut, but at most half the chart (then names are cut with "…") and
// at least a third.
func (r *chartRenderer) labelWidth(width, size float32) float32 {
	w := float32(0)
	for _, row := range r.c.Rows {
		w = max(w, fyne.MeasureText(row.Label, size, fyne.TextStyle{}).Width+8)
	}
	return max(min(w, width*0.5), width*0.33)
}

func (r *chartRenderer) MinSize() fyne.Size {
	_, rowH, _, top := r.metrics()
	h := top + float32(len(r.c.Rows))*rowH + theme.TextSize()*1.6
	return fyne.NewSize(260, h)
}

func (r *chartRenderer) Refresh() {
	r.build()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}

// roundRows are the rows of a round's chart: the unit's bar with its
// score, and the comparison values as markers.
func roundRows(r model.SurveyRound) []ChartRow {
	var rows []ChartRow
	for _, f := range model.TenFactors() {
		fs := r.Score(f)
		text := fs.Unit.String()
		col := colorUnit()
		if fs.Unit < model.SurveyScoreTarget {
			text += " " + lang.L("(under 4)")
		}
		row := ChartRow{Label: lang.L(f.Label()), Bars: []ChartBar{{Value: fs.Unit, Text: text, Color: col}}}
		for _, c := range model.SurveyComparisons() {
			if v := fs.Value(c); v.Given() {
				row.Markers = append(row.Markers, ChartMarker{Value: v, Kind: c})
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// trendRounds are the rounds with scores up to and including r, at most
// the three latest, oldest first.
func trendRounds(rounds []model.SurveyRound, r model.SurveyRound) []model.SurveyRound {
	var rs []model.SurveyRound
	for _, x := range rounds {
		if x.Year <= r.Year && x.HasReport() && x.HasScores() {
			rs = append(rs, x)
		}
	}
	model.SortSurveyRounds(rs)
	if len(rs) > 3 {
		rs = rs[len(rs)-3:]
	}
	return rs
}

func trendYears(rounds []model.SurveyRound, r model.SurveyRound) []model.HMSYear {
	var ys []model.HMSYear
	for _, x := range trendRounds(rounds, r) {
		ys = append(ys, x.Year)
	}
	return ys
}

// trendColor is the bar colour of round i of n; the latest is darkest.
func trendColor(i, n int) color.Color {
	k := n - 1 - i // rounds before the latest
	if k <= 0 {
		return colorUnit()
	}
	old := colorOld()
	return old[max(0, len(old)-k)]
}

// trendRows are one row per factor with a bar per round; nil with fewer
// than two rounds.
func trendRows(rounds []model.SurveyRound, r model.SurveyRound) []ChartRow {
	rs := trendRounds(rounds, r)
	if len(rs) < 2 {
		return nil
	}
	var rows []ChartRow
	for _, f := range model.TenFactors() {
		row := ChartRow{Label: lang.L(f.Label())}
		for i, x := range rs {
			v := x.Score(f).Unit
			row.Bars = append(row.Bars, ChartBar{Value: v, Text: fmt.Sprintf("%s (%s)", v, x.Year), Color: trendColor(i, len(rs))})
		}
		rows = append(rows, row)
	}
	return rows
}

// legendItem is a small swatch with a text.
func legendItem(o fyne.CanvasObject, size fyne.Size, text string) fyne.CanvasObject {
	holder := container.NewGridWrap(size, o)
	return container.NewBorder(nil, nil, container.NewCenter(holder), nil, wrapped(text))
}

// chartLegend explains bars, markers and lines of a round's chart.
func chartLegend(withLines bool) fyne.CanvasObject {
	s := theme.TextSize() * 0.8
	sq := fyne.NewSize(s, s)
	items := []fyne.CanvasObject{legendItem(canvas.NewRectangle(colorUnit()), sq, lang.L("Enheten"))}
	for _, c := range model.SurveyComparisons() {
		sz := sq
		if c == model.SurveyCompareUnitType {
			sz = fyne.NewSize(3, s*1.4)
		}
		items = append(items, legendItem(markerObject(c), sz, lang.L(c.Label())))
	}
	if withLines {
		l := canvas.NewRectangle(colorTarget())
		items = append(items, legendItem(l, fyne.NewSize(2, s*1.4), lang.L("Mål: over 4 på hver faktor (helst rundt 4,5)")))
	}
	return container.NewGridWithColumns(2, items...)
}

// trendLegend names the years' colours.
func trendLegend(years []model.HMSYear) fyne.CanvasObject {
	s := theme.TextSize() * 0.8
	var items []fyne.CanvasObject
	for i, y := range years {
		items = append(items, legendItem(canvas.NewRectangle(trendColor(i, len(years))), fyne.NewSize(s, s), y.String()))
	}
	return container.NewHBox(items...)
}
