package vernerunde

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
)

// AnswerPicker is one checklist item's answer: three large options, and
// the keyboard. It takes focus as one widget (its options are not tab
// stops), so Tab goes from the answer to the comment and on to the next
// question. Keys: 1/O OK, 2/M Må forbedres, 3/I Ikke relevant, ←/→ the
// option beside, Delete clears, Enter or ↓ next question, ↑ previous.
type AnswerPicker struct {
	widget.BaseWidget
	Number   int
	answer   model.Answer
	focused  bool
	disabled bool

	// OnChanged is called after the user picks an answer (not by SetAnswer).
	OnChanged func(model.Answer)
	// OnNext and OnPrev move to the next or previous question.
	OnNext, OnPrev func()
	// OnFocus is called when the picker gains focus (to scroll it into view).
	OnFocus func()

	options []*answerOption
	frame   *canvas.Rectangle
}

var (
	_ fyne.Focusable   = (*AnswerPicker)(nil)
	_ fyne.Disableable = (*AnswerPicker)(nil) // a locked round's pickers are skipped by Tab
)

// NewAnswerPicker creates the picker for question number n.
func NewAnswerPicker(n int, a model.Answer) *AnswerPicker {
	p := &AnswerPicker{Number: n, answer: a}
	p.ExtendBaseWidget(p)
	for i, ans := range model.Answers() {
		p.options = append(p.options, newAnswerOption(p, ans, i+1))
	}
	p.frame = canvas.NewRectangle(nil)
	p.frame.StrokeWidth = 2
	p.refreshOptions()
	return p
}

// Answer is the chosen answer, "" if none.
func (p *AnswerPicker) Answer() model.Answer { return p.answer }

// SetAnswer shows an answer without calling OnChanged.
func (p *AnswerPicker) SetAnswer(a model.Answer) {
	p.answer = a
	p.refreshOptions()
}

// Pick chooses an answer as the user would (calls OnChanged).
func (p *AnswerPicker) Pick(a model.Answer) {
	if p.disabled {
		return
	}
	p.answer = a
	p.refreshOptions()
	if p.OnChanged != nil {
		p.OnChanged(a)
	}
}

// Disable makes the picker read-only (a locked round).
func (p *AnswerPicker) Disable() { p.disabled = true; p.refreshOptions() }

// Enable makes the picker editable again.
func (p *AnswerPicker) Enable() { p.disabled = false; p.refreshOptions() }

// Disabled reports whether the picker is read-only.
func (p *AnswerPicker) Disabled() bool { return p.disabled }

// FocusGained shows the focus frame.
func (p *AnswerPicker) FocusGained() {
	p.focused = true
	p.refreshOptions()
	if p.OnFocus != nil {
		p.OnFocus()
	}
}

// FocusLost hides the focus frame.
func (p *AnswerPicker) FocusLost() {
	p.focused = false
	p.refreshOptions()
}

// TypedRune handles the answer shortcuts.
func (p *AnswerPicker) TypedRune(r rune) {
	if a, ok := model.AnswerForKey(r); ok {
		p.Pick(a)
	}
}

// TypedKey handles moving between questions and options.
func (p *AnswerPicker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		if p.OnNext != nil {
			p.OnNext()
		}
	case fyne.KeyUp:
		if p.OnPrev != nil {
			p.OnPrev()
		}
	case fyne.KeyLeft, fyne.KeyRight:
		all := model.Answers()
		i := -1
		for j, a := range all {
			if a == p.answer {
				i = j
			}
		}
		if ev.Name == fyne.KeyRight {
			i = (i + 1) % len(all)
		} else if i <= 0 {
			i = len(all) - 1
		} else {
			i--
		}
		p.Pick(all[i])
	case fyne.KeyDelete, fyne.KeyBackspace:
		if p.answer != "" {
			p.Pick("")
		}
	}
}

// Tapped takes focus, so the keyboard continues from a tapped question.
func (p *AnswerPicker) Tapped(*fyne.PointEvent) { p.requestFocus() }

func (p *AnswerPicker) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil && !p.disabled {
		c.Focus(p)
	}
}

func (p *AnswerPicker) refreshOptions() {
	for _, o := range p.options {
		o.update()
	}
	if p.frame != nil {
		if p.focused {
			p.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
		} else {
			p.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
		}
		p.frame.Refresh()
	}
}

// CreateRenderer lays the three options side by side inside the frame.
func (p *AnswerPicker) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, len(p.options))
	for i, o := range p.options {
		objs[i] = o
	}
	grid := container.NewGridWithColumns(len(objs), objs...)
	return widget.NewSimpleRenderer(container.NewStack(p.frame, container.NewPadded(grid)))
}

// answerOption is one large, tappable option. It is not focusable: the
// picker holds the focus.
type answerOption struct {
	widget.BaseWidget
	p      *AnswerPicker
	answer model.Answer
	key    int
	bg     *canvas.Rectangle
	label  *canvas.Text
}

// Fills of a chosen answer, light enough for dark text in both themes; the
// chosen option also gets a tick and bold text, so colour is never the
// only signal.
var (
	fillOK          = color.NRGBA{0xb7, 0xe4, 0xa8, 0xff}
	fillImprove     = color.NRGBA{0xf9, 0xc8, 0x6b, 0xff}
	fillNotRelevant = color.NRGBA{0xd4, 0xd4, 0xd4, 0xff}
	chosenText      = color.NRGBA{0x1a, 0x1a, 0x1a, 0xff}
)

func newAnswerOption(p *AnswerPicker, a model.Answer, key int) *answerOption {
	o := &answerOption{p: p, answer: a, key: key}
	o.ExtendBaseWidget(o)
	o.bg = canvas.NewRectangle(nil)
	// no corner radius: the software painter fails on tiny rounded rectangles
	o.label = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	o.label.Alignment = fyne.TextAlignCenter
	return o
}

// Tapped picks the option and gives the picker focus.
func (o *answerOption) Tapped(*fyne.PointEvent) {
	o.p.Pick(o.answer)
	o.p.requestFocus()
}

func (o *answerOption) update() {
	chosen := o.p.answer == o.answer
	text := string(rune('0'+o.key)) + "  " + lang.L(o.answer.Label())
	if chosen {
		text = "✓ " + text
	}
	o.label.Text = text
	o.label.TextStyle.Bold = chosen
	o.label.TextSize = theme.Size(theme.SizeNameText)
	o.label.Color = theme.Color(theme.ColorNameForeground)
	switch {
	case chosen:
		o.label.Color = chosenText
		o.bg.FillColor = map[model.Answer]color.Color{model.AnswerOK: fillOK, model.AnswerImprove: fillImprove, model.AnswerNotRelevant: fillNotRelevant}[o.answer]
	case o.p.disabled:
		o.label.Color = theme.Color(theme.ColorNameDisabled)
		o.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	default:
		o.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	}
	o.bg.Refresh()
	o.label.Refresh()
}

// MinSize keeps the options big enough to hit on a laptop touch pad.
func (o *answerOption) MinSize() fyne.Size {
	min := o.BaseWidget.MinSize()
	h := theme.Size(theme.SizeNameText) * 3
	if min.Height < h {
		min.Height = h
	}
	return min
}

func (o *answerOption) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(o.bg, container.NewCenter(o.label)))
}
