package widgets

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/i18n"
)

// fieldBox is a form field with its own error line directly under it: an
// error icon (so the message does not rest on colour alone) and the message
// in the theme's error colour.
type fieldBox struct {
	field string
	also  []string // more fields whose messages go here
	w     fyne.CanvasObject
	box   *fyne.Container
	row   *fyne.Container
	Label *widget.Label
	// syncing is set while a date field is told the message, which it
	// reports back through its validation callback.
	syncing bool
	// cleared (set by ErrorText) runs after the mark went.
	cleared func()
}

// Bind puts w, the input for the model's field (the name model's
// validation uses, model.Field…), in a box with an error line under it and
// returns the box for the form's layout. Show then puts field's messages
// there. Binding the same widget again (a form laid out anew) returns the
// same box. The messages of the fields named in also go there too (a
// list whose rows have no input of their own).
func (e *ErrorText) Bind(field string, w fyne.CanvasObject, also ...string) fyne.CanvasObject {
	for i, b := range e.fields {
		if b.field != field {
			continue
		}
		if b.w == w {
			return b.box
		}
		e.fields[i] = newFieldBox(field, w, also)
		e.fields[i].cleared = e.fieldCleared
		return e.fields[i].box
	}
	b := newFieldBox(field, w, also)
	b.cleared = e.fieldCleared
	e.fields = append(e.fields, b)
	return b.box
}

// FormItem is a form row labelled with the field's name whose input is
// bound to field (see Bind).
func (e *ErrorText) FormItem(field string, w fyne.CanvasObject) *widget.FormItem {
	return widget.NewFormItem(lang.L(field), e.Bind(field, w))
}

// Bound lists the field names bound to e, in the order they were bound.
func (e *ErrorText) Bound() []string {
	var names []string
	for _, b := range e.fields {
		names = append(append(names, b.field), b.also...)
	}
	return names
}

// FieldLabel is the error line of field (nil when field is not bound).
func (e *ErrorText) FieldLabel(field string) *widget.Label {
	if b := e.bound(field); b != nil {
		return b.Label
	}
	return nil
}

// Messages is every message shown: the bound fields' and the summary's.
func (e *ErrorText) Messages() string {
	var parts []string
	for _, b := range e.fields {
		if b.row.Visible() {
			parts = append(parts, b.Label.Text)
		}
	}
	if e.Label.Visible() {
		parts = append(parts, e.Label.Text)
	}
	return strings.Join(parts, "\n")
}

// Names reports whether err has a message for a field bound to e.
func (e *ErrorText) Names(err error) bool {
	list, _ := fieldErrors(err)
	for _, fe := range list {
		if fe.Field != "" && e.bound(fe.Field) != nil {
			return true
		}
	}
	return false
}

func (e *ErrorText) bound(field string) *fieldBox {
	for _, b := range e.fields {
		if b.field == field || slices.Contains(b.also, field) {
			return b
		}
	}
	return nil
}

func newFieldBox(field string, w fyne.CanvasObject, also []string) *fieldBox {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon()))
	row := container.NewBorder(nil, nil, icon, nil, l)
	row.Hide()
	b := &fieldBox{field: field, also: also, w: w, row: row, Label: l}
	// A border rather than a box: w keeps all the height it is given.
	b.box = container.NewBorder(nil, row, nil, nil, w)
	if v, ok := w.(fyne.Validatable); ok {
		// The input's own check (a date field's) speaks on the same line.
		v.SetOnValidationChanged(func(err error) {
			if b.syncing {
				return
			}
			if err == nil {
				b.clear()
				return
			}
			b.show(i18n.T(err.Error()))
		})
	}
	return b
}

func (b *fieldBox) show(msg string) {
	if d, ok := b.w.(*DateEntry); ok && !b.syncing {
		// Its own mark too: a date that reads but is refused (in the
		// future) showed a tick beside the message.
		b.syncing = true
		d.SetValidationError(errors.New(msg))
		b.syncing = false
	}
	b.Label.SetText(msg)
	b.Label.Show()
	b.row.Show()
	b.box.Refresh()
	relayout(b.box)
	watchChanges(b.w, b.clear)
}

func (b *fieldBox) clear() {
	if !b.row.Visible() {
		return
	}
	b.Label.SetText("")
	b.Label.Hide()
	b.row.Hide()
	b.box.Refresh()
	relayout(b.box)
	if b.cleared != nil {
		b.cleared()
	}
}

// fieldCleared drops «Ikke lagret. Rett det som er merket …» from the
// summary once the user has changed every marked field: it pointed at
// marks no longer there and stayed after the error was put right. The
// messages of fields not bound stay.
func (e *ErrorText) fieldCleared() {
	if e.clearing || !e.Label.Visible() {
		return
	}
	for _, b := range e.fields {
		if b.row.Visible() {
			return
		}
	}
	e.Label.SetText(e.rest)
	e.Label.Hidden = e.rest == ""
	e.Label.Refresh()
	relayout(e.Label)
}

// focus gives the field the keyboard and scrolls it into view.
func (b *fieldBox) focus() {
	Reveal(b.box)
	if f := firstFocusable(b.w); f != nil {
		if app := fyne.CurrentApp(); app != nil {
			FocusLater(app.Driver().CanvasForObject(b.w), f)
		}
	}
}

func (e *ErrorText) clearFields() {
	e.clearing = true
	defer func() { e.clearing = false }()
	for _, b := range e.fields {
		b.clear()
	}
}

// placeFields shows the messages of bound, visible fields next to them. It
// returns the rest as one text, the field to go to first (nil when none
// was placed) and how many fields got a message.
func (e *ErrorText) placeFields(err error) (string, *fieldBox, int) {
	list, ok := fieldErrors(err)
	if !ok {
		return i18n.T(err.Error()), nil, 0
	}
	msgs := map[*fieldBox][]string{}
	var rest []string
	for _, fe := range list {
		msg := i18n.T(fe.Message)
		if b := e.bound(fe.Field); b != nil && fe.Field != "" && shown(b.box) {
			msgs[b] = appendNew(msgs[b], msg)
			continue
		}
		rest = appendNew(rest, msg)
	}
	var placed []*fieldBox
	for _, b := range e.fields {
		if m := msgs[b]; m != nil {
			b.show(strings.Join(m, "\n"))
			placed = append(placed, b)
		}
	}
	var first *fieldBox
	if len(placed) > 0 {
		first = topmost(placed)
	}
	return strings.Join(rest, "\n"), first, len(placed)
}

// fieldErrors is err as model validation messages, ok false when it is
// some other error (a full disk).
func fieldErrors(err error) ([]model.FieldError, bool) {
	var v model.ValidationError
	if errors.As(err, &v) {
		return v, true
	}
	var p *model.FieldError
	if errors.As(err, &p) {
		return []model.FieldError{*p}, true
	}
	var f model.FieldError
	if errors.As(err, &f) {
		return []model.FieldError{f}, true
	}
	return nil, false
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func joinLines(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n" + b
}

// topmost is the box highest on the screen (leftmost of a row); the first
// bound when the positions are not known.
func topmost(boxes []*fieldBox) *fieldBox {
	app := fyne.CurrentApp()
	if app == nil {
		return boxes[0]
	}
	d := app.Driver()
	for _, b := range boxes {
		if d.CanvasForObject(b.box) == nil {
			return boxes[0]
		}
	}
	sorted := append([]*fieldBox(nil), boxes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		pi, pj := d.AbsolutePositionForObject(sorted[i].box), d.AbsolutePositionForObject(sorted[j].box)
		if pi.Y != pj.Y {
			return pi.Y < pj.Y
		}
		return pi.X < pj.X
	})
	return sorted[0]
}

// shown reports whether o can be seen: it and every container above it
// are visible, and it is on the open tab. Where o's place is not known
// (a form not in a window yet, or inside a widget this cannot look into)
// it counts as shown.
func shown(o fyne.CanvasObject) bool {
	if !o.Visible() {
		return false
	}
	app := fyne.CurrentApp()
	if app == nil {
		return true
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil {
		return true
	}
	roots := []fyne.CanvasObject{c.Content()}
	if ov := c.Overlays(); ov != nil {
		roots = append(roots, ov.List()...)
	}
	for _, r := range roots {
		if found, vis := visibleIn(r, o); found {
			return vis
		}
	}
	return true
}

// visibleIn looks for o under root through containers, forms and tabs.
func visibleIn(root, o fyne.CanvasObject) (found, visible bool) {
	if root == o {
		return true, o.Visible()
	}
	var kids []fyne.CanvasObject
	selected := fyne.CanvasObject(nil)
	switch x := root.(type) {
	case *container.AppTabs:
		for _, it := range x.Items {
			kids = append(kids, it.Content)
		}
		if it := x.Selected(); it != nil {
			selected = it.Content
		}
	case *widget.Form:
		for _, it := range x.Items {
			kids = append(kids, it.Widget)
		}
	case *widget.Accordion:
		for _, it := range x.Items {
			if found, vis := visibleIn(it.Detail, o); found {
				return true, vis && it.Open && x.Visible()
			}
		}
		return false, false
	default:
		kids = formChildren(root)
	}
	for _, k := range kids {
		if found, vis := visibleIn(k, o); found {
			onTab := selected == nil || k == selected
			return true, vis && root.Visible() && onTab
		}
	}
	return false, false
}

// firstFocusable is o itself when it takes the keyboard, or the first
// input inside it.
func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	if f, ok := o.(fyne.Focusable); ok {
		if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
			return f
		}
	}
	for _, k := range formChildren(o) {
		if !k.Visible() {
			continue
		}
		if f := firstFocusable(k); f != nil {
			return f
		}
	}
	return nil
}

// watchChanges makes the inputs in o call clear when the user changes
// them, in front of whatever they already do on a change.
func watchChanges(o fyne.CanvasObject, clear func()) {
	switch w := o.(type) {
	case *widget.Entry:
		hookString(&w.OnChanged, clear)
	case *Entry:
		hookString(&w.OnChanged, clear)
	case *DateEntry:
		hookString(&w.OnChanged, clear)
	case *widget.SelectEntry:
		hookString(&w.OnChanged, clear)
	case *widget.Select:
		hookString(&w.OnChanged, clear)
	case *widget.RadioGroup:
		hookString(&w.OnChanged, clear)
	case *widget.Check:
		hookBool(&w.OnChanged, clear)
	case *widget.CheckGroup:
		hookStrings(&w.OnChanged, clear)
	case ChangeWatcher:
		w.WatchChanges(clear)
	}
	for _, k := range formChildren(o) {
		watchChanges(k, clear)
	}
}

// ChangeWatcher is an input of the app's own that tells Bind's error line
// when the user changes it.
type ChangeWatcher interface {
	WatchChanges(changed func())
}

// The hooks wrap a widget's OnChanged once: a second failed save finds its
// own hook in place (same function literal) and leaves it.
var (
	stringHookPC  = reflect.ValueOf(stringHook(nil, nil)).Pointer()
	boolHookPC    = reflect.ValueOf(boolHook(nil, nil)).Pointer()
	stringsHookPC = reflect.ValueOf(stringsHook(nil, nil)).Pointer()
)

func stringHook(prev func(string), clear func()) func(string) {
	return func(s string) {
		clear()
		if prev != nil {
			prev(s)
		}
	}
}

func boolHook(prev func(bool), clear func()) func(bool) {
	return func(b bool) {
		clear()
		if prev != nil {
			prev(b)
		}
	}
}

func stringsHook(prev func([]string), clear func()) func([]string) {
	return func(s []string) {
		clear()
		if prev != nil {
			prev(s)
		}
	}
}

func hookString(p *func(string), clear func()) {
	if *p == nil || reflect.ValueOf(*p).Pointer() != stringHookPC {
		*p = stringHook(*p, clear)
	}
}

func hookBool(p *func(bool), clear func()) {
	if *p == nil || reflect.ValueOf(*p).Pointer() != boolHookPC {
		*p = boolHook(*p, clear)
	}
}

func hookStrings(p *func([]string), clear func()) {
	if *p == nil || reflect.ValueOf(*p).Pointer() != stringsHookPC {
		*p = stringsHook(*p, clear)
	}
}
