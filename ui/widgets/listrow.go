package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TwoLineRow is a list row: a bold first line and a second line, both
// truncated with an ellipsis. Wrapped text would overlap in a widget.List,
// whose rows all have the template's height, and one long line would make
// the page too wide for a projector in Møtemodus.
func TwoLineRow() fyne.CanvasObject {
	a := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.Truncation = fyne.TextTruncateEllipsis
	b := widget.NewLabel("")
	b.Truncation = fyne.TextTruncateEllipsis
	// Wide enough that rows starting alike («10-FAKTOR 2026», «Planlagt ·
	// 13:00–14:30 · Møterom 2») still differ where they are cut; the list
	// beside its detail keeps at least this width (in Møtemodus too, as
	// the text size includes its scale).
	w := canvas.NewRectangle(color.Transparent)
	w.SetMinSize(fyne.NewSize(rowMinWidth*theme.TextSize(), 0))
	return container.New(twoLines{}, a, b, w)
}

// twoLines stacks a TwoLineRow's lines with one label's padding between
// them, not two (a VBox's): a projector shows a row more.
type twoLines struct{}

func (twoLines) overlap() float32 { return theme.Size(theme.SizeNameInnerPadding) }

func (l twoLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, b, w := objs[0], objs[1], objs[2]
	ha := a.MinSize().Height
	a.Move(fyne.NewPos(0, 0))
	a.Resize(fyne.NewSize(size.Width, ha))
	b.Move(fyne.NewPos(0, ha-l.overlap()))
	b.Resize(fyne.NewSize(size.Width, size.Height-ha+l.overlap()))
	w.Resize(fyne.NewSize(size.Width, 0))
}

func (l twoLines) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b, w := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	return fyne.NewSize(max(a.Width, b.Width, w.Width), a.Height+b.Height-l.overlap())
}

// rowMinWidth is a TwoLineRow's least width, in units of the text size.
const rowMinWidth = 17

// SetTwoLines fills a TwoLineRow; imp colours the second line (an overdue
// mark, say), which also says it in words.
func SetTwoLines(o fyne.CanvasObject, first, second string, imp widget.Importance) {
	c := o.(*fyne.Container)
	a, b := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	a.SetText(first)
	b.Importance = imp
	b.SetText(second)
}

// SetTwoLineText fills a TwoLineRow from "first\nsecond".
func SetTwoLineText(o fyne.CanvasObject, text string, imp widget.Importance) {
	first, second, _ := strings.Cut(text, "\n")
	SetTwoLines(o, first, second, imp)
}
