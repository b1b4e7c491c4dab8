package handlingsplan

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

const noTopic = "(ikke valgt)"

// Editor edits one measure. A refused save or status change keeps what was
// typed and shows the model's message.
type Editor struct {
	env     *appctx.Env
	onSaved func(model.Measure)
	m       model.Measure

	Heading     *widget.Label
	Title       *widgets.Entry
	Description *widgets.Entry
	Area, Topic *widget.Select
	Responsible *widgets.Entry
	Deadline    *widgets.DateEntry
	Info        *widget.Label
	SourceLink  *widget.Button
	// SourceText names the source in full, wrapped: a button cannot wrap,
	// and a long finding as its text widened the window past the screen.
	SourceText *widget.Label
	Save       *widget.Button
	Err        *widgets.ErrorText

	// Status change: one button per allowed target, then the inputs it needs.
	StatusLabel   *widget.Label
	Transitions   *fyne.Container
	transitionBox *fyne.Container
	target        model.Status
	NewDeadline   *widgets.DateEntry
	CompletedOn   *widgets.DateEntry
	Note          *widgets.Entry
	Reason        *widgets.Entry
	Confirm       *widget.Button
	TransErr      *widgets.ErrorText
	root          *fyne.Container
	loaded        string // the fields as loaded or saved (see state)
}

// NewEditor creates an empty editor.
func NewEditor(env *appctx.Env, onSaved func(model.Measure)) *Editor {
	e := &Editor{env: env, onSaved: onSaved}
	e.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Heading.Wrapping = fyne.TextWrapWord
	e.Title = widgets.NewEntry()
	e.Description = widgets.NewMultiLineEntry()
	e.Description.SetMinRowsVisible(3)
	e.Description.Wrapping = fyne.TextWrapWord
	e.Area = widgets.NewSelect(widgets.EnumOptions(model.PriorityAreaLabels()), nil)
	e.Topic = widgets.NewSelect(append([]string{lang.L(noTopic)}, widgets.EnumOptions(model.HMSCategoryLabels())...), nil)
	e.Responsible = widgets.NewEntry()
	e.Responsible.SetPlaceHolder(lang.L("person eller rolle, for eksempel Leder"))
	e.Deadline = widgets.NewDateEntry(model.FieldDeadline, false)
	e.Info = widget.NewLabel("")
	e.Info.Wrapping = fyne.TextWrapWord
	e.SourceLink = widget.NewButtonWithIcon(lang.L("Åpne kilden"), theme.NavigateNextIcon(), e.openSource)
	e.SourceText = widget.NewLabel("")
	e.SourceText.Wrapping = fyne.TextWrapWord
	e.Save = widget.NewButtonWithIcon(lang.L("Lagre tiltaket"), theme.DocumentSaveIcon(), e.SaveMeasure)
	e.Save.Importance = widget.HighImportance
	e.Err = widgets.NewErrorText()

	e.StatusLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.StatusLabel.Wrapping = fyne.TextWrapWord
	e.Transitions = container.NewHBox()
	e.NewDeadline = widgets.NewDateEntry(model.FieldNewDeadline, false)
	e.CompletedOn = widgets.NewDateEntry(model.FieldCompletedOn, false)
	e.Note = widgets.NewMultiLineEntry()
	e.Note.SetMinRowsVisible(2)
	e.Note.Wrapping = fyne.TextWrapWord
	e.Reason = widgets.NewEntry()
	e.Confirm = widget.NewButtonWithIcon("", theme.ConfirmIcon(), e.ConfirmTransition)
	e.Confirm.Importance = widget.HighImportance
	e.TransErr = widgets.NewErrorText()
	e.transitionBox = container.NewVBox()
	e.root = container.NewVBox()
	e.Edit(model.NewMeasure(env.Today()))
	return e
}

// Measure is the measure being edited, as last loaded or saved.
func (e *Editor) Measure() model.Measure { return e.m }

// Edit loads a measure into the form.
func (e *Editor) Edit(m model.Measure) {
	e.m = m
	if m.ID == 0 {
		e.Heading.SetText(lang.L("Nytt tiltak"))
	} else {
		e.Heading.SetText(fmt.Sprintf(lang.L("Tiltak: %s"), m.Title))
	}
	e.Title.SetText(m.Title)
	e.Description.SetText(m.Description)
	if a := areaFor(m); a.Valid() {
		widgets.SetEnum(e.Area, a.Label())
	} else {
		e.Area.ClearSelected()
	}
	if m.Topic.Valid() {
		widgets.SetEnum(e.Topic, m.Topic.Label())
	} else {
		e.Topic.SetSelected(lang.L(noTopic))
	}
	e.Responsible.SetText(m.Responsible)
	e.Deadline.SetDate(m.Deadline)
	e.Err.Show(nil)
	e.refreshInfo()
	e.refreshTransitions()
	e.closeTransition()
	e.layout()
	e.loaded = e.state()
}

// areaFor is the area the editor shows: the measure's own, or, where it
// has none (a measure from a module or an import saved without one), the
// one its source starts with (model.DefaultPriorityArea); a manual measure
// waits for the user's choice.
func areaFor(m model.Measure) model.PriorityArea {
	if m.PriorityArea.Valid() {
		return m.PriorityArea
	}
	return model.DefaultPriorityArea(m.Source.Kind)
}

// state is the measure's fields in one string, to tell whether they were
// changed since they were loaded or saved.
func (e *Editor) state() string {
	var parts []string
	for _, f := range e.fields() {
		parts = append(parts, f.get())
	}
	return strings.Join(parts, "\x00")
}

// formField reads and sets one field of the form as text.
type formField struct {
	get func() string
	set func(string)
}

// fields are the form's fields in the order state() joins them.
func (e *Editor) fields() []formField {
	return []formField{
		{get: func() string { return e.Title.Text }, set: e.Title.SetText},
		{get: func() string { return e.Description.Text }, set: e.Description.SetText},
		{get: func() string { return e.Area.Selected }, set: e.Area.SetSelected},
		{get: func() string { return e.Topic.Selected }, set: e.Topic.SetSelected},
		{get: func() string { return e.Responsible.Text }, set: e.Responsible.SetText},
		{get: func() string { return e.Deadline.Text }, set: e.Deadline.SetText},
	}
}

// Dirty reports whether the form holds changes not saved.
func (e *Editor) Dirty() bool { return e.state() != e.loaded }

// Discard puts the measure back as stored.
func (e *Editor) Discard() { e.Edit(e.m) }

func (e *Editor) refreshInfo() {
	m := e.m
	var parts []string
	if !m.Created.IsZero() && m.ID != 0 {
		parts = append(parts, fmt.Sprintf(lang.L("Opprettet %s"), m.Created))
	}
	if !m.Updated.IsZero() && m.Updated != m.Created {
		parts = append(parts, fmt.Sprintf(lang.L("endret %s"), m.Updated))
	}
	if !m.OriginalDeadline.IsZero() {
		parts = append(parts, fmt.Sprintf(lang.L("opprinnelig frist %s"), m.OriginalDeadline))
	}
	if !m.CompletedOn.IsZero() {
		parts = append(parts, fmt.Sprintf(lang.L("utført %s"), m.CompletedOn))
	}
	text := strings.Join(parts, " · ")
	if m.EvaluationNote != "" {
		text += "\n" + lang.L("Effekt:") + " " + m.EvaluationNote
	}
	if m.PostponeReason != "" && m.Status == model.StatusUtsatt {
		text += "\n" + lang.L("Utsatt fordi:") + " " + m.PostponeReason
	}
	if m.RejectReason != "" && m.Status == model.StatusAvvist {
		text += "\n" + lang.L("Avvist fordi:") + " " + m.RejectReason
	}
	e.Info.SetText(text)
	e.Info.Hidden = text == ""

	e.SourceLink.Hide()
	e.SourceText.Hide()
	if m.Source.Kind != "" && m.Source.Kind != model.SourceManual {
		e.SourceText.SetText(fmt.Sprintf(lang.L("Kilde: %s"), SourceText(m.Source)))
		e.SourceText.Show()
		e.SourceLink.Show()
		if _, ok := appctx.SourcePages[string(m.Source.Kind)]; !ok || m.Source.RefID == 0 {
			e.SourceLink.Disable()
		} else {
			e.SourceLink.Enable()
		}
	}
}

// refreshTransitions shows one button per status the model allows from here.
func (e *Editor) refreshTransitions() {
	e.Transitions.RemoveAll()
	if e.m.ID == 0 {
		e.StatusLabel.SetText(fmt.Sprintf(lang.L("Status: %s (settes når tiltaket er lagret)"), lang.L(model.StatusPlanlagt.Label())))
		return
	}
	e.StatusLabel.SetText(fmt.Sprintf(lang.L("Status: %s"), lang.L(e.m.Status.Label())))
	for _, to := range model.AllowedTransitions(e.m.Status) {
		to := to
		// An icon, not «→ »: Fyne 2.8.1 draws a replacement glyph after an
		// arrow followed by a space.
		b := widget.NewButtonWithIcon(lang.L(to.Label()), theme.NavigateNextIcon(), func() { e.StartTransition(to) })
		e.Transitions.Add(b)
	}
	if len(model.AllowedTransitions(e.m.Status)) == 0 {
		e.Transitions.Add(widget.NewLabel(lang.L("Tiltaket er evaluert og avsluttet.")))
	}
}

// StartTransition shows the inputs the target status needs.
func (e *Editor) StartTransition(to model.Status) {
	e.target = to
	e.TransErr.Show(nil)
	e.Confirm.SetText(fmt.Sprintf(lang.L("Sett status til %s"), lang.L(to.Label())))
	var form *widget.Form
	switch to {
	case model.StatusUtsatt:
		if e.NewDeadline.Text == "" {
			e.NewDeadline.SetDate(e.m.Deadline.AddMonths(1))
		}
		form = widget.NewForm(e.TransErr.FormItem(model.FieldNewDeadline, e.NewDeadline),
			widget.NewFormItem(lang.L("Begrunnelse (valgfri)"), e.TransErr.Bind(model.FieldPostponeReason, e.Reason)))
	case model.StatusUtfort:
		if e.CompletedOn.Text == "" {
			e.CompletedOn.SetDate(e.env.Today())
		}
		form = widget.NewForm(e.TransErr.FormItem(model.FieldCompletedOn, e.CompletedOn))
	case model.StatusEvaluert:
		e.Note.SetPlaceHolder(lang.L("Hvilken effekt hadde tiltaket?"))
		form = widget.NewForm(e.TransErr.FormItem(model.FieldEvaluationNote, e.Note))
	case model.StatusAvvist:
		form = widget.NewForm(e.TransErr.FormItem(model.FieldRejectReason, e.Reason))
	}
	cancel := widget.NewButton(lang.L("Avbryt"), e.closeTransition)
	e.transitionBox.RemoveAll()
	if form != nil {
		e.transitionBox.Add(form)
	}
	e.transitionBox.Add(e.TransErr.Label)
	e.transitionBox.Add(container.NewHBox(e.Confirm, cancel))
	e.transitionBox.Show()
	e.showTransition()
}

// showTransition scrolls the row just opened into view and gives its
// first field (or «Sett status til …») the keyboard. It opens below the
// status buttons, under the visible part of a short detail pane, and the
// button seemed to do nothing.
func (e *Editor) showTransition() {
	e.root.Refresh()
	widgets.Reveal(e.transitionBox)
	if e.env.Window == nil {
		return
	}
	if f := widgets.FirstFocusable(e.transitionBox); f != nil {
		widgets.FocusLater(e.env.Window.Canvas(), f)
	}
}

func (e *Editor) closeTransition() {
	e.target = ""
	e.transitionBox.RemoveAll()
	e.transitionBox.Hide()
}

// ConfirmTransition asks the store to change status; the model decides.
func (e *Editor) ConfirmTransition() {
	if e.target == "" || e.m.ID == 0 {
		return
	}
	var in model.TransitionInput
	var verr model.ValidationError
	switch e.target {
	case model.StatusUtsatt:
		d, err := e.NewDeadline.Date()
		if err != nil {
			verr.Add(model.FieldNewDeadline, err.Error())
		}
		in.Deadline, in.Reason = d, strings.TrimSpace(e.Reason.Text)
	case model.StatusUtfort:
		d, err := e.CompletedOn.Date()
		if err != nil {
			verr.Add(model.FieldCompletedOn, err.Error())
		}
		in.CompletedOn = d
	case model.StatusEvaluert:
		in.Note = strings.TrimSpace(e.Note.Text)
	case model.StatusAvvist:
		in.Reason = strings.TrimSpace(e.Reason.Text)
	}
	if len(verr) > 0 {
		e.TransErr.Show(verr)
		return
	}
	m, err := e.env.Store.TransitionMeasure(e.m.ID, e.target, in, e.env.Today())
	if err != nil {
		e.TransErr.Show(err)
		return
	}
	e.NewDeadline.SetText("")
	e.CompletedOn.SetText("")
	e.Note.SetText("")
	e.Reason.SetText("")
	typed := e.typedFields()
	e.Edit(m)
	e.restoreTyped(typed)
	e.onSaved(m)
}

// typedField is one form field changed since it was loaded: what the
// user typed or chose, to put back after a status change reloads the form.
type typedField struct {
	idx           int // in state()
	loaded, typed string
}

// typedFields are the fields whose text differs from the measure as loaded.
func (e *Editor) typedFields() []typedField {
	was := strings.Split(e.loaded, "\x00")
	var out []typedField
	for i, f := range e.fields() {
		if now := f.get(); i < len(was) && was[i] != now {
			out = append(out, typedField{idx: i, loaded: was[i], typed: now})
		}
	}
	return out
}

// restoreTyped puts back what was typed but not saved: a status change
// stores only the status (and its inputs), so the title or responsible
// being edited stays on screen, still unsaved, instead of vanishing. A
// field the change itself rewrote (the deadline of a postponement) shows
// the stored value.
func (e *Editor) restoreTyped(typed []typedField) {
	fields := e.fields()
	for _, f := range typed {
		if fields[f.idx].get() == f.loaded {
			fields[f.idx].set(f.typed)
		}
	}
}

// SaveMeasure validates and stores the form.
func (e *Editor) SaveMeasure() { e.SaveAll() }

// SaveAll is SaveMeasure saying whether it was stored; on false the form
// keeps everything with the message.
func (e *Editor) SaveAll() bool {
	m := e.m
	m.Title = e.Title.Text
	m.Description = e.Description.Text
	m.PriorityArea = ""
	if a, ok := model.PriorityAreaFromLabel(widgets.EnumLabel(e.Area.Selected, model.PriorityAreaLabels())); ok {
		m.PriorityArea = a
	}
	m.Topic = ""
	if t, ok := model.HMSCategoryFromLabel(widgets.EnumLabel(e.Topic.Selected, model.HMSCategoryLabels())); ok {
		m.Topic = t
	}
	m.Responsible = e.Responsible.Text
	d, err := e.Deadline.Date()
	if err != nil {
		e.Err.Show(err)
		return false
	}
	m.Deadline = d
	if m.Source.Kind == "" {
		m.Source.Kind = model.SourceManual
	}
	saved, err := e.env.Store.SaveMeasure(m, e.env.Today())
	if err != nil {
		e.Err.Show(err)
		return false
	}
	e.Edit(saved)
	e.onSaved(saved)
	return true
}

func (e *Editor) openSource() {
	page, ok := appctx.SourcePages[string(e.m.Source.Kind)]
	if !ok {
		return
	}
	e.env.Open(page, appctx.Focus{ParentID: e.m.Source.ParentID, ID: e.m.Source.RefID})
}

func (e *Editor) layout() {
	form := widget.NewForm(
		e.Err.FormItem(model.FieldTitle, e.Title),
		e.Err.FormItem(model.FieldDescription, e.Description),
		e.Err.FormItem(model.FieldPriorityArea, e.Area),
		e.Err.FormItem(model.FieldTopic, e.Topic),
		e.Err.FormItem(model.FieldResponsible, e.Responsible),
		e.Err.FormItem(model.FieldDeadline, e.Deadline),
	)
	e.root.Objects = []fyne.CanvasObject{
		e.Heading, container.NewBorder(nil, nil, nil, e.SourceLink, e.SourceText), form, e.Err.Label, container.NewHBox(e.Save), e.Info,
		widget.NewSeparator(), e.StatusLabel, e.Transitions, e.transitionBox,
	}
	e.root.Refresh()
}

// Content is the editor's layout.
func (e *Editor) Content() fyne.CanvasObject { return e.root }
