package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
)

// RiskColor is the fill of a risk level. The cell also carries the level's
// letter, so colour is never the only signal; dark text keeps it readable
// in both light and dark theme.
func RiskColor(l model.RiskLevel) color.Color {
	switch l {
	case model.RiskLow:
		return color.NRGBA{0x9c, 0xd3, 0x8f, 0xff}
	case model.RiskMedium:
		return color.NRGBA{0xf6, 0xd8, 0x6b, 0xff}
	case model.RiskHigh:
		return color.NRGBA{0xee, 0x8a, 0x80, 0xff}
	}
	return color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}
}

var cellText = color.NRGBA{0x1a, 0x1a, 0x1a, 0xff}

// RiskMatrix is the heat map: probability up, consequence across, the count
// of items in each cell. Tapping a cell selects it (tap again to clear).
type RiskMatrix struct {
	widget.BaseWidget
	Matrix   model.RiskMatrix
	counts   [][]int
	selP     int
	selC     int
	OnTapped func(p, c int) // p, c = 0 when the selection was cleared
	cells    [][]*riskCell
	grid     *fyne.Container
}

// NewRiskMatrix creates a heat map for a matrix and counts [p-1][c-1].
func NewRiskMatrix(m model.RiskMatrix, counts [][]int, onTapped func(p, c int)) *RiskMatrix {
	r := &RiskMatrix{Matrix: m, counts: counts, OnTapped: onTapped}
	r.ExtendBaseWidget(r)
	r.build()
	return r
}

// Count is the number shown in a cell.
func (r *RiskMatrix) Count(p, c int) int {
	if p-1 < len(r.counts) && c-1 < len(r.counts[p-1]) {
		return r.counts[p-1][c-1]
	}
	return 0
}

// Selected returns the selected cell, or 0, 0.
func (r *RiskMatrix) Selected() (p, c int) { return r.selP, r.selC }

// SetCounts updates the numbers.
func (r *RiskMatrix) SetCounts(counts [][]int) {
	r.counts = counts
	r.refreshCells()
}

// TapCell selects a cell as a tap would (also used by keyboard users' tests).
func (r *RiskMatrix) TapCell(p, c int) {
	if r.selP == p && r.selC == c {
		r.selP, r.selC = 0, 0
	} else {
		r.selP, r.selC = p, c
	}
	r.refreshCells()
	if r.OnTapped != nil {
		r.OnTapped(r.selP, r.selC)
	}
}

func (r *RiskMatrix) build() {
	n := r.Matrix.Size
	if n == 0 {
		n = 5
	}
	objs := []fyne.CanvasObject{}
	r.cells = make([][]*riskCell, n)
	for p := n; p >= 1; p-- {
		objs = append(objs, axisLabel(fmt.Sprint(p)))
		r.cells[p-1] = make([]*riskCell, n)
		for c := 1; c <= n; c++ {
			cell := newRiskCell(r, p, c)
			r.cells[p-1][c-1] = cell
			objs = append(objs, cell)
		}
	}
	objs = append(objs, layout.NewSpacer())
	for c := 1; c <= n; c++ {
		objs = append(objs, axisLabel(fmt.Sprint(c)))
	}
	r.grid = container.NewGridWithColumns(n+1, objs...)
	r.refreshCells()
}

func axisLabel(s string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(s, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
}

func (r *RiskMatrix) refreshCells() {
	for p := range r.cells {
		for c := range r.cells[p] {
			r.cells[p][c].update()
		}
	}
}

// CreateRenderer lays out the grid with the axis titles.
func (r *RiskMatrix) CreateRenderer() fyne.WidgetRenderer {
	up := widget.NewLabelWithStyle(lang.L("Sannsynlighet ↑"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	across := widget.NewLabelWithStyle(lang.L("Konsekvens →"), fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	return widget.NewSimpleRenderer(container.NewBorder(up, across, nil, nil, r.grid))
}

// CellLabel is a cell's text: count and level letter (e.g. "3 H").
func (r *RiskMatrix) CellLabel(p, c int) string {
	return fmt.Sprintf("%d %s", r.Count(p, c), r.Matrix.Level(p, c).Letter())
}

type riskCell struct {
	widget.BaseWidget
	m    *RiskMatrix
	p, c int
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newRiskCell(m *RiskMatrix, p, c int) *riskCell {
	cell := &riskCell{m: m, p: p, c: c}
	cell.bg = canvas.NewRectangle(RiskColor(m.Matrix.Level(p, c)))
	cell.bg.CornerRadius = 3
	cell.text = canvas.NewText("", cellText)
	cell.text.Alignment = fyne.TextAlignCenter
	cell.text.TextStyle = fyne.TextStyle{Bold: true}
	cell.ExtendBaseWidget(cell)
	return cell
}

func (c *riskCell) update() {
	c.text.Text = c.m.CellLabel(c.p, c.c)
	sel := c.m.selP == c.p && c.m.selC == c.c
	if sel {
		c.bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		c.bg.StrokeWidth = 4
		c.text.Text = "[" + c.text.Text + "]"
	} else {
		c.bg.StrokeWidth = 0
	}
	c.bg.Refresh()
	c.text.Refresh()
}

func (c *riskCell) Tapped(*fyne.PointEvent) { c.m.TapCell(c.p, c.c) }

func (c *riskCell) MinSize() fyne.Size {
	s := theme.Size(theme.SizeNameText)
	return fyne.NewSize(s*2.6, s*2)
}

func (c *riskCell) CreateRenderer() fyne.WidgetRenderer {
	c.text.TextSize = theme.Size(theme.SizeNameText)
	r := &cellRenderer{c: c, center: container.NewCenter(c.text)}
	r.Layout(c.Size()) // a renderer made again is painted before it is laid out
	return r
}

// cellRenderer draws a cell's rounded background, hidden while the cell
// is smaller than a pixel: the software rasterizer (tests, screenshots)
// panics on a rounded rectangle with no pixels, as a heat map squeezed
// for a moment by a layout has.
type cellRenderer struct {
	c      *riskCell
	center *fyne.Container
}

func (r *cellRenderer) Layout(size fyne.Size) {
	r.c.bg.Move(fyne.NewPos(0, 0))
	r.c.bg.Resize(size)
	r.c.bg.Hidden = size.Width < 1 || size.Height < 1
	r.center.Move(fyne.NewPos(0, 0))
	r.center.Resize(size)
}

func (r *cellRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *cellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.center}
}

func (r *cellRenderer) Refresh() {
	// A theme change (Møtemodus) refreshes every widget: the text follows.
	r.c.text.TextSize = theme.Size(theme.SizeNameText)
	r.c.bg.Refresh()
	r.c.text.Refresh()
}

func (r *cellRenderer) Destroy() {}
