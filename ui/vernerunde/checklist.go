package vernerunde

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// Checklist is the inspection tab: every question with its answer picker
// and comment, grouped by section, and the progress at the top. Each
// answer and comment is saved at once, so nothing is lost if the laptop
// is closed halfway through the round.
type Checklist struct {
	v         *RoundView
	Progress  *widget.Label
	Bar       *widget.ProgressBar
	Hint      *widget.Label
	Questions []*QuestionRow
	scroll    *container.Scroll
	body      *fyne.Container
	root      fyne.CanvasObject
	// reveal is the question to bring into view when the checklist is
	// laid out (RevealQuestion): the round is opened while its page is
	// built, before anything has a place on the window. revealedAt is the
	// offset it was scrolled to; one the user scrolls away from drops it.
	reveal     *QuestionRow
	revealedAt float32
}

// QuestionRow is one question: text, answer, comment and its own message.
type QuestionRow struct {
	Number  int
	Text    *widget.Label
	Picker  *AnswerPicker
	Comment *CommentEntry
	Err     *widgets.ErrorText
	// Attach holds the finding's photos; shown for «Må forbedres» or
	// when the question already has some.
	Attach    *vedlegg.Panel
	attachBox fyne.CanvasObject
	box       *fyne.Container
	saved     string // the comment as last stored
}

func newChecklist(v *RoundView) *Checklist {
	c := &Checklist{v: v}
	c.Progress = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.Bar = widget.NewProgressBar()
	c.Bar.TextFormatter = func() string { return c.Progress.Text }
	c.Hint = wrapped(lang.L("Tastatur: 1 eller O = OK, 2 eller M = Må forbedres, 3 eller I = Ikke relevant. Enter eller pil ned går til neste spørsmål, pil opp til forrige, Tab til kommentaren, pil venstre og høyre bytter svar."))
	c.body = container.NewVBox()
	r := v.r
	for _, sec := range r.Sections {
		h := widget.NewLabelWithStyle(sec.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.Wrapping = fyne.TextWrapWord
		h.SizeName = theme.SizeNameSubHeadingText
		c.body.Add(h)
		for range sec.Questions {
			n := len(c.Questions) + 1
			q, _ := r.Question(n)
			c.body.Add(c.newRow(q, r.AnswerFor(n)).box)
		}
	}
	c.scroll = container.NewVScroll(c.body)
	if r.Locked() {
		c.lock()
	}
	c.refreshProgress()
	return c
}

func (c *Checklist) newRow(q model.QuestionRef, a model.RoundAnswer) *QuestionRow {
	row := &QuestionRow{Number: q.Number, Err: widgets.NewErrorText(), saved: a.Comment}
	row.Text = wrapped(fmt.Sprintf("%d. %s", q.Number, q.Text))
	row.Picker = NewAnswerPicker(q.Number, a.Answer)
	row.Comment = newCommentEntry()
	row.Comment.SetText(a.Comment)
	row.Comment.SetPlaceHolder(lang.L("kommentar – beskriv funnet ved Må forbedres"))
	i := len(c.Questions)
	row.Picker.OnChanged = func(ans model.Answer) { c.save(row, ans) }
	row.Picker.OnNext = func() { c.focusIndex(i + 1) }
	row.Picker.OnPrev = func() { c.focusIndex(i - 1) }
	row.Picker.OnFocus = func() {
		c.scrollTo(row)
		row.Attach.Activate()
	}
	row.Attach = vedlegg.New(c.v.env, model.OwnerFinding, c.v.r.ID, q.Number)
	row.Comment.onFocus = row.Attach.Activate
	row.attachBox = row.Attach.Content()
	row.showAttach(a.Answer)
	row.Comment.onLeave = func() {
		if row.Comment.Text != row.saved {
			c.save(row, row.Picker.Answer())
		}
	}
	row.Comment.OnSubmitted = func(string) {
		row.Comment.onLeave()
		if !row.Err.Label.Visible() {
			c.focusIndex(i + 1)
		}
	}
	row.box = container.NewVBox(row.Text, row.Picker, row.Comment, row.Err.Label, row.attachBox)
	c.Questions = append(c.Questions, row)
	return row
}

// save stores one answer and comment. A refused comment stays typed with
// the message under it; the picker goes back to the stored answer.
func (c *Checklist) save(row *QuestionRow, ans model.Answer) {
	r, err := c.v.env.Store.AnswerSafetyRound(c.v.r.ID, row.Number, ans, row.Comment.Text, c.v.env.Today())
	if err != nil {
		row.Err.Show(err)
		row.Picker.SetAnswer(c.v.r.AnswerFor(row.Number).Answer)
		return
	}
	row.Err.Show(nil)
	row.saved = r.AnswerFor(row.Number).Comment
	row.showAttach(ans)
	c.v.setRound(r)
	c.refreshProgress()
}

// showAttach shows the photos part for a finding, or where there are
// photos already; a question answered OK has no use for it.
func (row *QuestionRow) showAttach(ans model.Answer) {
	if ans == model.AnswerImprove || len(row.Attach.Items()) > 0 {
		row.attachBox.Show()
	} else {
		row.attachBox.Hide()
	}
}

func (c *Checklist) refreshProgress() {
	a, t := c.v.r.Progress()
	text := fmt.Sprintf(lang.L("%d av %d besvart"), a, t)
	if f := len(c.v.r.Findings()); f > 0 {
		text += " · " + fmt.Sprintf(lang.L("%d funn"), f)
	}
	c.Progress.SetText(text)
	if t > 0 {
		c.Bar.SetValue(float64(a) / float64(t))
	}
}

// FocusQuestion gives question n's picker the keyboard focus.
func (c *Checklist) FocusQuestion(n int) { c.focusIndex(n - 1) }

// RevealQuestion focuses question n and keeps it in view as the page
// around the checklist is laid out, until the user scrolls.
func (c *Checklist) RevealQuestion(n int) {
	if n < 1 || n > len(c.Questions) {
		return
	}
	c.reveal = c.Questions[n-1]
	c.revealedAt = c.scroll.Offset.Y
	c.focusIndex(n - 1)
	c.revealedAt = c.scroll.Offset.Y
}

// revealLayout lays the checklist's scroll out, then brings the question
// RevealQuestion asked for into view.
type revealLayout struct{ c *Checklist }

func (l revealLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	c := l.c
	if c.reveal == nil {
		return
	}
	if c.scroll.Offset.Y != c.revealedAt {
		c.reveal = nil // the user scrolled
		return
	}
	c.scrollTo(c.reveal)
	c.revealedAt = c.scroll.Offset.Y
}

func (l revealLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (c *Checklist) focusIndex(i int) {
	if i < 0 || i >= len(c.Questions) {
		return
	}
	row := c.Questions[i]
	if cv := fyne.CurrentApp().Driver().CanvasForObject(row.Picker); cv != nil && !row.Picker.Disabled() {
		cv.Focus(row.Picker)
	}
	c.scrollTo(row)
}

// scrollTo brings a question into view if it is outside.
func (c *Checklist) scrollTo(row *QuestionRow) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(row.box) == nil || d.CanvasForObject(c.body) == nil {
		return
	}
	top := d.AbsolutePositionForObject(row.box).Y
	y := top - d.AbsolutePositionForObject(c.body).Y
	// The question, its answers and its comment: not the photos part
	// under them, which opens on «Må forbedres» and would otherwise
	// scroll the page under the pointer of the one who just answered.
	h := d.AbsolutePositionForObject(row.Comment).Y + row.Comment.Size().Height - top
	view := c.scroll.Size().Height
	off := c.scroll.Offset.Y
	switch {
	case y < off:
		c.scroll.ScrollToOffset(fyne.NewPos(0, y))
	case y+h > off+view:
		c.scroll.ScrollToOffset(fyne.NewPos(0, y+h-view))
	}
}

// Scroll is the checklist's scroll container.
func (c *Checklist) Scroll() *container.Scroll { return c.scroll }

func (c *Checklist) lock() {
	for _, row := range c.Questions {
		row.Picker.Disable()
		row.Comment.Disable()
	}
}

// Content is the tab's layout: progress on top, questions below.
func (c *Checklist) Content() fyne.CanvasObject {
	if c.root == nil {
		top := container.NewVBox(c.Bar, c.Hint, widget.NewSeparator())
		c.root = container.NewBorder(top, nil, nil, nil, container.New(revealLayout{c}, c.scroll))
	}
	return c.root
}

// CommentEntry is a one-line entry that saves when the user leaves it
// (Tab, a click elsewhere) or presses Enter.
type CommentEntry struct {
	widgets.Entry
	onLeave func()
	onFocus func()
}

// FocusGained makes the question the drop target for photos.
func (e *CommentEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

func newCommentEntry() *CommentEntry {
	e := &CommentEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost saves the comment.
func (e *CommentEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil {
		e.onLeave()
	}
}
