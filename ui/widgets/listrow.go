package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	return container.NewVBox(a, b)
}

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
