package moter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/figures"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/widgets"
)

// View is the meeting view for the shared screen: it takes over the
// window, shows one agenda item at a time with its live figures, and lets
// the committee type notes and decisions. The arrow keys, Page Up/Down
// and space step through the agenda when no field has the keyboard;
// Escape leaves a field, and leaves the view when no field has it. It
// switches Møtemodus on (and back off on leaving, if it was off).
type View struct {
	env  *appctx.Env
	sess *session
	idx  int

	Heading  *widget.Label // the meeting: "Møte 24.11.2026 · 14:00 · Møterom"
	Counter  *widget.Label // "Sak 3 av 9"
	Title    *widget.Label // the item's title, large
	Closed   *widget.Label // shown for a closed item
	Prev     *widget.Button
	Next     *widget.Button
	Full     *widget.Button
	Close    *widget.Button
	Err      *widgets.ErrorText
	Panel    *ItemPanel
	Figure   fyne.CanvasObject // the item's figure, nil when none
	figure   *fyne.Container
	panelBox *fyne.Container
	content  fyne.CanvasObject
	header   *fyne.Container
	left     *fyne.Container
	body     *responsive

	prevContent  fyne.CanvasObject
	prevKey      func(*fyne.KeyEvent)
	wasMeeting   bool
	setFull      bool
	onLeave      func(idx int)
	closed       bool
	previousSize fyne.Size
}

// OpenView shows the meeting view of sess's meeting at item start in the
// window. onLeave gets the index of the item shown when it closes.
func OpenView(env *appctx.Env, sess *session, start int, onLeave func(idx int)) *View {
	v := &View{env: env, sess: sess, onLeave: onLeave, Err: widgets.NewErrorText()}
	v.Heading = widget.NewLabel("")
	v.Heading.Truncation = fyne.TextTruncateEllipsis
	v.Counter = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Title.Wrapping = fyne.TextWrapWord
	v.Title.SizeName = theme.SizeNameHeadingText
	v.Closed = wrapped(lang.L("Lukket sak: notatene er skjult på felles skjerm."))
	v.Closed.Importance = widget.WarningImportance
	v.Prev = widget.NewButtonWithIcon(lang.L("Forrige"), theme.NavigateBackIcon(), func() { v.Step(-1) })
	v.Next = widget.NewButtonWithIcon(lang.L("Neste"), theme.NavigateNextIcon(), func() { v.Step(1) })
	v.Next.Importance = widget.HighImportance
	v.Full = widget.NewButtonWithIcon(lang.L("Fullskjerm"), theme.ViewFullScreenIcon(), v.toggleFull)
	v.Close = widget.NewButtonWithIcon(lang.L("Avslutt visning"), theme.CancelIcon(), v.Leave)
	v.figure = container.NewVBox()
	v.panelBox = container.NewVBox()

	hint := widget.NewLabel(lang.L("Piltastene eller mellomrom: bla · Esc: ut av feltet, så avslutt"))
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	v.header = container.NewBorder(nil, nil, v.Counter, nil, v.Heading)
	top := container.NewVBox(v.header, v.Title)
	buttons := container.NewGridWithColumns(4, v.Prev, v.Next, v.Full, v.Close)
	bottom := container.NewVBox(v.Err.Label, buttons, hint)
	v.left = container.NewVBox(v.Closed, v.figure)
	v.body = newResponsive(v.left, v.panelBox)
	body := v.body
	v.content = container.NewBorder(top, bottom, nil, nil, body)

	w := env.Window
	v.prevContent = w.Content()
	v.previousSize = w.Canvas().Size()
	c := w.Canvas()
	v.prevKey = c.OnTypedKey()
	v.wasMeeting = env.MeetingMode()
	// The view takes the window first, so switching Møtemodus re-lays out
	// the view and leaves the page below it as it is.
	w.SetContent(v.content)
	if !v.wasMeeting {
		env.SetMeetingMode(true)
	}
	c.SetOnTypedKey(v.TypedKey)
	v.show(min(max(start, 0), max(len(sess.m.Agenda)-1, 0)))
	return v
}

// Content is the view's root object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Index is the position of the item shown.
func (v *View) Index() int { return v.idx }

// Meeting is the working copy of the meeting.
func (v *View) Meeting() model.Meeting { return v.sess.m }

// TypedKey steps with the arrow keys, Page Up/Down and space, and leaves
// on Escape. The window gets keys here only when no field has focus.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		v.Step(1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp:
		v.Step(-1)
	case fyne.KeyEscape:
		v.Leave()
	case fyne.KeyF11:
		v.toggleFull()
	default:
		if v.prevKey != nil { // the window's own keys, such as F1
			v.prevKey(ev)
		}
	}
}

// Step saves what was typed on the current item and moves delta items. A
// refused save keeps the item and the text and shows why. It reports
// whether it moved.
func (v *View) Step(delta int) bool {
	if v.closed {
		return false
	}
	to := v.idx + delta
	if to < 0 || to >= len(v.sess.m.Agenda) {
		return false
	}
	if !v.Save() {
		return false
	}
	v.show(to)
	return true
}

func (v *View) show(i int) {
	v.idx = i
	m := v.sess.m
	v.Heading.SetText(meetingLine(m))
	if len(m.Agenda) == 0 {
		v.Counter.SetText(lang.L("Ingen saker"))
		v.Title.SetText("")
		return
	}
	it := m.Agenda[i]
	v.Counter.SetText(fmt.Sprintf(lang.L("Sak %d av %d"), i+1, len(m.Agenda)))
	v.Title.SetText(it.Title)
	v.header.Refresh() // the counter's width changes with its text
	if i == 0 {
		v.Prev.Disable()
	} else {
		v.Prev.Enable()
	}
	if i == len(m.Agenda)-1 {
		v.Next.Disable()
	} else {
		v.Next.Enable()
	}
	v.Figure = figures.Build(v.env, it.Kind)
	v.figure.RemoveAll()
	if v.Figure != nil {
		v.figure.Add(v.Figure)
	}
	v.Panel = newItemPanel(v.sess, it.ID)
	var panel fyne.CanvasObject = v.Panel.Content()
	if it.Closed {
		v.Closed.Show()
		panel = widgets.Sensitive(v.env, panel)
	} else {
		v.Closed.Hide()
	}
	v.panelBox.Objects = []fyne.CanvasObject{panel}
	v.panelBox.Refresh()
	v.left.Refresh()
	// Without a figure or a closed-item notice, the notes get the width.
	v.body.SetSingle(v.Figure == nil && !it.Closed)
	if c := v.env.Window.Canvas(); c != nil {
		c.Unfocus()
	}
}

func (v *View) toggleFull() {
	w := v.env.Window
	full := !w.FullScreen()
	w.SetFullScreen(full)
	v.setFull = full
	if full {
		v.Full.SetText(lang.L("Vindu"))
		v.Full.SetIcon(theme.ViewRestoreIcon())
	} else {
		v.Full.SetText(lang.L("Fullskjerm"))
		v.Full.SetIcon(theme.ViewFullScreenIcon())
	}
}

// Leave saves what was typed and gives the window back to the app. A
// refused save keeps the view open with the message.
func (v *View) Leave() {
	if v.closed || !v.Save() {
		return
	}
	v.close()
}

// close gives the window back to the app, without saving.
func (v *View) close() {
	v.closed = true
	if v.env.Guard != nil {
		v.env.Guard.Unnest(v)
	}
	w := v.env.Window
	if v.setFull {
		w.SetFullScreen(false)
	}
	w.Canvas().SetOnTypedKey(v.prevKey)
	if !v.wasMeeting {
		// Before the page comes back: it keeps the meeting and item open.
		v.env.SetMeetingMode(false)
	}
	if !v.wasMeeting {
		v.remeasure(v.prevContent)
	}
	w.SetContent(v.prevContent)
	if v.onLeave != nil {
		v.onLeave(v.idx)
	}
}

// remeasure lays page out again at the text size now, before it is back
// in the window. Off screen while the view had Møtemodus on, the page
// missed both scale changes, yet its lists were refreshed as the view
// saved, and measured their rows at Møtemodus' larger text: put back as
// it was, the window grew to those sizes (1087 px on a 1024 screen) and
// stayed so. The page is themed again inside a holder that asks for no
// size, so the window does not grow to the old sizes meanwhile.
func (v *View) remeasure(page fyne.CanvasObject) {
	w := v.env.Window
	w.SetContent(container.New(unmeasured{}, page))
	v.env.ApplyTheme()
}

// unmeasured gives its one object the whole place and asks for none.
type unmeasured struct{}

func (unmeasured) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

func (unmeasured) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// meetingLine is "Møte 24.11.2026 · 14:00 · Møterom 2".
func meetingLine(m model.Meeting) string {
	s := i18n.T(m.Title())
	if t := m.TimeText(); t != "" {
		s += " · " + t
	}
	if m.Place != "" {
		s += " · " + m.Place
	}
	return s
}

// responsive puts the figures and the notes side by side on a wide screen
// (1920×1080 in Møtemodus) and one above the other, in one scroll, on a
// narrow one (1024×768).
type responsive struct {
	widget.BaseWidget
	left, right fyne.CanvasObject
	stack       *fyne.Container
	wide        bool
	single      bool // only right is shown
	built       bool
}

// wideFrom is the width from which the two parts go side by side.
const wideFrom = 900

func newResponsive(left, right fyne.CanvasObject) *responsive {
	r := &responsive{left: left, right: right, stack: container.NewStack()}
	r.ExtendBaseWidget(r)
	r.arrange(false)
	return r
}

// SetSingle shows only the right part (at full width) or both.
func (r *responsive) SetSingle(single bool) {
	if r.single == single {
		return
	}
	r.single = single
	r.built = false
	r.arrange(r.wide)
	r.stack.Resize(r.Size())
}

func (r *responsive) arrange(wide bool) {
	if r.built && wide == r.wide {
		return
	}
	r.built, r.wide = true, wide
	switch {
	case r.single:
		r.stack.Objects = []fyne.CanvasObject{container.NewVScroll(r.right)}
	case wide:
		split := container.NewHSplit(container.NewVScroll(r.left), container.NewVScroll(r.right))
		split.Offset = 0.55
		r.stack.Objects = []fyne.CanvasObject{split}
	default:
		r.stack.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewVBox(r.left, widget.NewSeparator(), r.right))}
	}
	r.stack.Refresh()
}

// Resize picks the arrangement for the new width.
func (r *responsive) Resize(s fyne.Size) {
	r.arrange(s.Width >= wideFrom)
	r.BaseWidget.Resize(s)
}

// Wide reports whether the parts are side by side.
func (r *responsive) Wide() bool { return r.wide }

func (r *responsive) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.stack) }
