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
	return container.NewVBox(a, b, w)
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
