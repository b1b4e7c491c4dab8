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

// twoLineRow is a TwoLineList's row: a bold first line and a second line,
// both wrapped at word boundaries. The list gives a row whose lines do not
// fit its width the height they need (List.fitRows), so a long title is
// read whole instead of cut with «…», where two risk assessments for the
// same department looked alike.
func twoLineRow() fyne.CanvasObject {
	a := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.Wrapping = fyne.TextWrapWord
	b := widget.NewLabel("")
	b.Wrapping = fyne.TextWrapWord
	// A least width, so a row wraps between words, never inside one, and
	// one long line does not make the page too wide for a projector in
	// Møtemodus (the text size includes its scale).
	w := canvas.NewRectangle(color.Transparent)
	w.SetMinSize(fyne.NewSize(rowMinWidth*theme.TextSize(), 0))
	return container.New(twoLines{}, a, b, w)
}

// twoLines stacks a row's lines with one label's padding between them,
// not two (a VBox's): a projector shows a row more.
type twoLines struct{}

func (twoLines) overlap() float32 { return theme.Size(theme.SizeNameInnerPadding) }

func (l twoLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, b, w := objs[0], objs[1], objs[2]
	// The width first: a wrapped line's height follows from it.
	a.Resize(fyne.NewSize(size.Width, a.Size().Height))
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

// rowMinWidth is a row's least width, in units of the text size.
const rowMinWidth = 17

// setTwoLines fills a row; imp colours the second line (an overdue mark,
// say), which also says it in words.
func setTwoLines(o fyne.CanvasObject, first, second string, imp widget.Importance) {
	c := o.(*fyne.Container)
	a, b := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	a.SetText(first)
	b.Importance = imp
	b.SetText(second)
	// A recycled row keeps its size; its title may now take another
	// number of lines, so the second line moves.
	if !c.Size().IsZero() {
		c.Layout.Layout(c.Objects, c.Size())
	}
}

// Lines splits "first\nsecond" into a row's two lines, for a
// TwoLineList's row function.
func Lines(text string, imp widget.Importance) (first, second string, _ widget.Importance) {
	first, second, _ = strings.Cut(text, "\n")
	return first, second, imp
}
