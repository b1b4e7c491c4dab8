package avvik

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/apptheme"
)

// Colours of the bars. The text after each bar gives the numbers in words,
// so colour is never the only signal.
func colorClosed() color.Color { return apptheme.ChartColor(apptheme.ChartSeries) }  // blue
func colorOpen() color.Color   { return apptheme.ChartColor(apptheme.ChartSeries2) } // orange

// BarPart is one segment of a bar.
type BarPart struct {
	Value int
	Color color.Color
}

// BarRow is one labelled bar, stacked from its parts, with the numbers in
// words after it.
type BarRow struct {
	Label string
	Parts []BarPart
	Text  string
}

// Total is the length of the bar.
func (r BarRow) Total() int {
	n := 0
	for _, p := range r.Parts {
		n += p.Value
	}
	return n
}

// BarChart is a horizontal bar chart drawn with canvas rectangles: the
// label, the bar scaled to the largest row, and the text.
type BarChart struct {
	widget.BaseWidget
	Title string
	Rows  []BarRow
}

// NewBarChart creates a chart.
func NewBarChart(title string, rows []BarRow) *BarChart {
	c := &BarChart{Title: title, Rows: rows}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer builds the rows.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	maxTotal := 1
	for _, r := range c.Rows {
		maxTotal = max(maxTotal, r.Total())
	}
	box := container.NewVBox()
	if c.Title != "" {
		box.Add(widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	rows := &rowLayout{}
	for _, r := range c.Rows {
		label := widget.NewLabel(r.Label)
		label.Truncation = fyne.TextTruncateEllipsis
		label.Alignment = fyne.TextAlignTrailing
		text := widget.NewLabel(r.Text)
		text.Wrapping = fyne.TextWrapWord
		rows.labels = append(rows.labels, label)
		rows.texts = append(rows.texts, text)
		box.Add(container.New(rows, label, newBar(r.Parts, maxTotal), text))
	}
	return widget.NewSimpleRenderer(box)
}

// newBar is a bar of stacked rectangles; its length is total/maxTotal of
// the room it gets.
func newBar(parts []BarPart, maxTotal int) fyne.CanvasObject {
	l := &barLayout{maxTotal: maxTotal}
	objs := make([]fyne.CanvasObject, 0, len(parts))
	for _, p := range parts {
		rect := canvas.NewRectangle(p.Color)
		l.values = append(l.values, p.Value)
		objs = append(objs, rect)
	}
	return container.New(l, objs...)
}

// barLayout places the segments side by side, each as wide as its share.
type barLayout struct {
	values   []int
	maxTotal int
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := size.Height * 0.6
	y := (size.Height - h) / 2
	x := float32(0)
	for i, o := range objs {
		w := size.Width * float32(l.values[i]) / float32(l.maxTotal)
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
		x += w
	}
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	s := theme.Size(theme.SizeNameText)
	return fyne.NewSize(s*4, s)
}

// rowLayout is shared by a chart's rows: the label gets a third of the
// width, the text as much as the widest text needs (at most 40 %, wrapped
// beyond), and the bar the rest, so every bar starts and is scaled the
// same. When a label does not fit its third (a narrow card, the large text
// of Møtemodus), every label goes above its bar, whole.
type rowLayout struct {
	labels, texts []*widget.Label
	width         float32 // the last width laid out
}

// natural is the width a label's text needs on one line.
func natural(l *widget.Label) float32 {
	return fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
}

// longestWord is the width a label's longest word needs.
func longestWord(l *widget.Label) float32 {
	w := float32(0)
	for _, word := range strings.Fields(l.Text) {
		w = max(w, fyne.MeasureText(word, theme.TextSize(), l.TextStyle).Width)
	}
	return w + 2*theme.InnerPadding()
}

func (l *rowLayout) textWidth(width float32) float32 {
	w, word := float32(0), float32(0)
	for _, t := range l.texts {
		w, word = max(w, natural(t)), max(word, longestWord(t))
	}
	return max(min(w, width*0.4), word)
}

// stacked reports whether the labels go above the bars at a width.
func (l *rowLayout) stacked(width float32) bool {
	for _, lb := range l.labels {
		if width > 0 && natural(lb) > width/3 {
			return true
		}
	}
	return false
}

func (l *rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	label, bar, text := objs[0].(*widget.Label), objs[1], objs[2]
	pad := theme.Padding()
	lw, y := size.Width/3, float32(0)
	align := fyne.TextAlignTrailing
	if l.stacked(size.Width) {
		lw, y, align = 0, label.MinSize().Height, fyne.TextAlignLeading
		label.Resize(fyne.NewSize(size.Width, y))
	} else {
		label.Resize(fyne.NewSize(lw, size.Height))
	}
	if label.Alignment != align {
		label.Alignment = align
		label.Refresh()
	}
	label.Move(fyne.NewPos(0, 0))
	tw := l.textWidth(size.Width)
	bw := max(0, size.Width-lw-tw-2*pad)
	bar.Move(fyne.NewPos(lw+pad, y))
	bar.Resize(fyne.NewSize(bw, size.Height-y))
	text.Move(fyne.NewPos(lw+bw+2*pad, y))
	text.Resize(fyne.NewSize(tw, size.Height-y))
}

func (l *rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs[1:] {
		h = max(h, o.MinSize().Height)
	}
	if l.stacked(l.width) {
		h += objs[0].MinSize().Height
	} else {
		h = max(h, objs[0].MinSize().Height)
	}
	// The label goes above when it does not fit; the text wraps at words.
	return fyne.NewSize(objs[1].MinSize().Width+l.textWidth(0)+2*theme.Padding(), h)
}
