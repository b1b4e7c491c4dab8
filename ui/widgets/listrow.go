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
	// The leading picture (List.SetLeading), hidden in lists without.
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	img.Hide()
	return container.New(twoLines{}, a, b, w, img)
}

// leadSide is the side of a row's leading picture: it follows the text
// size, so Møtemodus shows it larger, and stays within two lines' height.
func leadSide() float32 { return 3.2 * theme.TextSize() }

// leadIndent is how far a row's lines start from its left edge when the
// list shows leading pictures.
func leadIndent() float32 { return leadInset() + leadSide() + theme.Padding() }

// leadInset is the picture's distance from the row's left edge: half the
// room a label leaves before its text, so it does not touch the edge of
// the selected row's highlight.
func leadInset() float32 { return theme.InnerPadding() / 2 }

// twoLines stacks a row's lines with one label's padding between them,
// not two (a VBox's): a projector shows a row more.
type twoLines struct{}

func (twoLines) overlap() float32 { return theme.Size(theme.SizeNameInnerPadding) }

func (l twoLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, b, w := objs[0], objs[1], objs[2]
	x := l.indent(objs)
	if x > 0 {
		side := leadSide()
		objs[3].Move(fyne.NewPos(leadInset(), max(0, (size.Height-side)/2)))
		objs[3].Resize(fyne.NewSize(side, side))
	}
	width := size.Width - x
	// The width first: a wrapped line's height follows from it.
	a.Resize(fyne.NewSize(width, a.Size().Height))
	ha := a.MinSize().Height
	a.Move(fyne.NewPos(x, 0))
	a.Resize(fyne.NewSize(width, ha))
	b.Move(fyne.NewPos(x, ha-l.overlap()))
	b.Resize(fyne.NewSize(width, size.Height-ha+l.overlap()))
	w.Resize(fyne.NewSize(width, 0))
}

// indent is where the lines start: after the leading picture when the
// row shows one.
func (twoLines) indent(objs []fyne.CanvasObject) float32 {
	if len(objs) > 3 && objs[3].Visible() {
		return leadIndent()
	}
	return 0
}

func (l twoLines) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b, w := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	h := a.Height + b.Height - l.overlap()
	if x := l.indent(objs); x > 0 {
		h = max(h, leadSide())
		return fyne.NewSize(x+max(a.Width, b.Width, w.Width), h)
	}
	return fyne.NewSize(max(a.Width, b.Width, w.Width), h)
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

// setLead shows row o's leading picture, filled by fill, or hides it
// (fill nil) so the lines take the whole row.
func setLead(o fyne.CanvasObject, fill func(*canvas.Image)) {
	c := o.(*fyne.Container)
	img := c.Objects[3].(*canvas.Image)
	img.Image, img.Resource = nil, nil
	if fill == nil {
		img.Hide()
	} else {
		side := leadSide()
		img.SetMinSize(fyne.NewSize(side, side))
		img.Show()
		fill(img)
		img.Refresh()
	}
	// setTwoLines, which follows, lays the row out again.
}

// Lines splits "first\nsecond" into a row's two lines, for a
// TwoLineList's row function.
func Lines(text string, imp widget.Importance) (first, second string, _ widget.Importance) {
	first, second, _ = strings.Cut(text, "\n")
	return first, second, imp
}
