package oversikt

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columns lays cards out in as many columns as fit (at least
// minColumnWidth text sizes wide each), so the dashboard works at 1024×768
// in Møtemodus and on a wide screen alike: Møtemodus, whose text is
// larger, gets fewer and wider columns (three at 1920×1080), so cards stay
// readable and charts are not squeezed.
type columns struct{ width float32 }

func newColumns() fyne.Layout { return &columns{} }

// minColumnWidth is a column's least width in units of the text size.
const minColumnWidth = 24

func (*columns) count(width float32) int {
	n := int(width / (minColumnWidth * theme.TextSize()))
	if n < 1 {
		n = 1
	}
	return n
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	c.width = size.Width
	n := c.count(size.Width)
	pad := float32(8)
	w := (size.Width - pad*float32(n-1)) / float32(n)
	heights := make([]float32, n)
	for i, o := range objs {
		col := i % n
		// Place each card in the shortest column to keep the columns even.
		for j := range heights {
			if heights[j] < heights[col] {
				col = j
			}
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(float32(col)*(w+pad), heights[col]))
		o.Resize(fyne.NewSize(w, h))
		heights[col] += h + pad
	}
}

// MinSize is the height of the tallest column at the last laid-out width.
func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	n := c.count(c.width)
	heights := make([]float32, n)
	var minW float32
	for _, o := range objs {
		ms := o.MinSize()
		col := 0
		for j := range heights {
			if heights[j] < heights[col] {
				col = j
			}
		}
		heights[col] += ms.Height + 8
		if ms.Width > minW {
			minW = ms.Width
		}
	}
	var h float32
	for _, x := range heights {
		if x > h {
			h = x
		}
	}
	return fyne.NewSize(minW, h)
}
