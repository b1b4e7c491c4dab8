package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"hmsutvalg/model"
)

// TestSqueezedHeatMapPaints: a heat map laid out for a moment smaller than
// its cells (a chart card before the window has its size) is painted
// without a panic in Fyne's software rasterizer.
func TestSqueezedHeatMapPaints(t *testing.T) {
	test.NewTempApp(t)
	m := NewRiskMatrix(model.DefaultRiskMatrix(), [][]int{{1, 2, 3, 4, 5}}, nil)
	w := test.NewWindow(container.NewWithoutLayout(m))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	for _, s := range []fyne.Size{{Width: 3, Height: 3}, {Width: 40, Height: 0}, {Width: 0, Height: 40}, {Width: 300, Height: 200}} {
		m.Resize(s)
		w.Canvas().Capture()
	}
	if m.cells[0][0].bg.Hidden {
		t.Error("the background stays hidden at full size")
	}
}
