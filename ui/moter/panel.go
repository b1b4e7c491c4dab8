package moter

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/handlingsplan"
	"hmsutvalg/ui/widgets"
)

// session is the meeting being worked on, shared by the editor and the
// meeting view: both edit m and save it through save.
type session struct {
	env *appctx.Env
	m   model.Meeting
	// stored is a deep copy of the meeting as loaded or last saved: the
	// form is dirty when m (with the fields typed) differs from it.
	stored model.Meeting
	// measures are the action plan's measures, for showing what a
	// decision became.
	measures map[uint64]model.Measure
	onSaved  func(model.Meeting)
}

func newSession(env *appctx.Env, m model.Meeting, onSaved func(model.Meeting)) *session {
	// The form's own copy: ticks and typed text change nothing the screen's
	// list or the store's reads share until it is saved.
	s := &session{env: env, m: storage.Clone(m), stored: storage.Clone(m), onSaved: onSaved}
	s.loadMeasures()
	return s
}

func (s *session) loadMeasures() {
	s.measures = map[uint64]model.Measure{}
	if ms, err := s.env.Store.Measures(); err == nil {
		for _, m := range ms {
			s.measures[m.ID] = m
		}
	}
}

// save stores the meeting; on success the stored form replaces the
// working copy. A refused save leaves the working copy (what was typed).
func (s *session) save() error {
	saved, err := s.env.Store.SaveMeeting(s.m, s.env.Today())
	if err != nil {
		return err
	}
	s.m, s.stored = storage.Clone(saved), storage.Clone(saved)
	if s.onSaved != nil {
		s.onSaved(saved)
	}
	return nil
}

// item returns a pointer to the working copy of item id, or nil.
func (s *session) item(id uint64) *model.AgendaItem {
	if i := s.m.ItemIndex(id); i >= 0 {
		return &s.m.Agenda[i]
	}
	return nil
}

// escEntry is a multi-line entry that lets go of the keyboard on Escape,
// so the arrow keys step through the agenda again in the meeting view.
type escEntry struct {
	widgets.Entry
	canvas func() fyne.Canvas
}

func newEscEntry(multi bool, canvas func() fyne.Canvas) *escEntry {
	e := &escEntry{canvas: canvas}
	e.MultiLine = multi
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey unfocuses on Escape and otherwise types as usual.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		if c := e.canvas(); c != nil {
			c.Unfocus()
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// ItemPanel edits one agenda item's notes and decisions; a decision can
// become a measure in the action plan. The editor and the meeting view
// both use it.
type ItemPanel struct {
	sess   *session
	itemID uint64

	Notes       *escEntry
	NewDecision *escEntry
	AddDecision *widget.Button
	Decisions   *fyne.Container
	// Measure is the open "Lag tiltak" form, nil when none is open.
	Measure *MeasureForm
	Err     *widgets.ErrorText
	box     *fyne.Container
}

func newItemPanel(sess *session, itemID uint64) *ItemPanel {
	p := &ItemPanel{sess: sess, itemID: itemID, Err: widgets.NewErrorText()}
	canvas := func() fyne.Canvas { return sess.env.Window.Canvas() }
	p.Notes = newEscEntry(true, canvas)
	p.Notes.SetMinRowsVisible(4)
	p.Notes.SetPlaceHolder(lang.L("Hva ble sagt – uten navn på ansatte, brukere eller pasienter"))
	if it := sess.item(itemID); it != nil {
		p.Notes.SetText(it.Notes)
	}
	p.Notes.OnChanged = func(s string) {
		if it := sess.item(p.itemID); it != nil {
			it.Notes = s
		}
	}
	p.NewDecision = newEscEntry(true, canvas)
	p.NewDecision.SetMinRowsVisible(2)
	p.NewDecision.SetPlaceHolder(lang.L("Skriv vedtaket"))
	p.AddDecision = widget.NewButtonWithIcon(lang.L("Legg til vedtak"), theme.ContentAddIcon(), p.addDecision)
	p.Decisions = container.NewVBox()
	p.refreshDecisions()
	p.box = container.NewVBox(
		heading(lang.L(model.FieldItemNotes)), p.Notes,
		heading(lang.L("Vedtak")), p.Decisions,
		p.NewDecision, p.AddDecision, p.Err.Label,
	)
	return p
}

// Content is the panel.
func (p *ItemPanel) Content() fyne.CanvasObject { return p.box }

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (p *ItemPanel) addDecision() {
	text := strings.TrimSpace(p.NewDecision.Text)
	if text == "" {
		p.Err.Show(fmt.Errorf("%s %s", lang.L(model.FieldDecision), lang.L("må fylles ut")))
		return
	}
	m, id := p.sess.m.AddDecision(p.itemID, text)
	if id == 0 {
		return
	}
	p.sess.m = m
	p.Err.Show(nil)
	p.NewDecision.SetText("")
	p.refreshDecisions()
}

// refreshDecisions lists the item's decisions, each with what it became
// in the action plan or a button to make a measure of it.
func (p *ItemPanel) refreshDecisions() {
	p.Decisions.RemoveAll()
	it := p.sess.item(p.itemID)
	if it == nil {
		return
	}
	if len(it.Decisions) == 0 {
		l := wrapped(lang.L("Ingen vedtak ennå."))
		l.Importance = widget.LowImportance
		p.Decisions.Add(l)
	}
	for i, d := range it.Decisions {
		d := d
		text := wrapped(fmt.Sprintf("%d. %s", i+1, d.Text))
		row := container.NewVBox(text)
		switch ms, ok := p.sess.measures[d.MeasureID]; {
		case d.MeasureID != 0 && ok:
			open := widget.NewButton(fmt.Sprintf(lang.L("Tiltak: %s"), ms.Title), func() {
				p.sess.env.Open(handlingsplan.PageID, appctx.Focus{ID: ms.ID})
			})
			open.Alignment = widget.ButtonAlignLeading
			row.Add(open)
		case d.MeasureID != 0:
			l := wrapped(lang.L("Tiltaket er slettet fra handlingsplanen."))
			l.Importance = widget.LowImportance
			row.Add(l)
		default:
			var btn *widget.Button
			btn = widget.NewButtonWithIcon(lang.L("Lag tiltak i handlingsplanen"), theme.ContentAddIcon(), func() {
				p.openMeasureForm(d, row, btn)
			})
			row.Add(btn)
		}
		p.Decisions.Add(row)
	}
	p.Decisions.Refresh()
}

// openMeasureForm shows the measure form under the decision.
func (p *ItemPanel) openMeasureForm(d model.Decision, row *fyne.Container, btn *widget.Button) {
	if p.Measure != nil {
		return
	}
	btn.Hide()
	p.Measure = newMeasureForm(p.sess, d, func(saved bool) {
		p.Measure = nil
		if saved {
			p.sess.loadMeasures()
		}
		p.refreshDecisions()
	})
	row.Add(p.Measure.Content())
	row.Refresh()
}

// MeasureForm makes an action-plan measure from a decision.
type MeasureForm struct {
	sess        *session
	decisionID  uint64
	Title       *widgets.Entry
	Responsible *widgets.Entry
	Deadline    *widgets.DateEntry
	Area        *widget.Select
	Save        *widget.Button
	Cancel      *widget.Button
	Err         *widgets.ErrorText
	done        func(saved bool)
	box         *fyne.Container
}

func newMeasureForm(sess *session, d model.Decision, done func(saved bool)) *MeasureForm {
	f := &MeasureForm{sess: sess, decisionID: d.ID, done: done, Err: widgets.NewErrorText()}
	f.Title = widgets.NewEntry()
	f.Title.SetText(d.Text)
	f.Responsible = widgets.NewEntry()
	f.Responsible.SetPlaceHolder(lang.L("Rolle eller navn på utvalgsmedlem"))
	f.Deadline = widgets.NewDateEntry(model.FieldDeadline, false)
	f.Deadline.SetDate(sess.env.Today().AddMonths(3))
	f.Area = widgets.NewSelect(widgets.EnumOptions(model.PriorityAreaLabels()), nil)
	widgets.SetEnum(f.Area, model.DefaultPriorityArea(model.SourceMeetingDecision).Label())
	f.Save = widget.NewButtonWithIcon(lang.L("Lagre tiltak"), theme.DocumentSaveIcon(), f.save)
	f.Save.Importance = widget.HighImportance
	f.Cancel = widget.NewButton(lang.L("Avbryt"), func() { done(false) })
	f.box = container.NewVBox(
		widget.NewSeparator(),
		heading(lang.L("Nytt tiltak fra vedtaket")),
		wrapped(lang.L(model.FieldTitle)), f.Err.Bind(model.FieldTitle, f.Title),
		wrapped(lang.L(model.FieldResponsible)), f.Err.Bind(model.FieldResponsible, f.Responsible),
		wrapped(lang.L(model.FieldDeadline)), f.Err.Bind(model.FieldDeadline, f.Deadline),
		wrapped(lang.L(model.FieldPriorityArea)), f.Err.Bind(model.FieldPriorityArea, f.Area),
		f.Err.Label,
		container.NewGridWithColumns(2, f.Save, f.Cancel),
		widget.NewSeparator(),
	)
	return f
}

// Content is the form.
func (f *MeasureForm) Content() fyne.CanvasObject { return f.box }

// save stores the meeting (so the decision exists), then the measure and
// its link in one transaction. A refused measure keeps the form as typed.
func (f *MeasureForm) save() {
	deadline, err := f.Deadline.Date()
	if err != nil {
		f.Err.Show(err)
		return
	}
	area, _ := model.PriorityAreaFromLabel(widgets.EnumLabel(f.Area.Selected, model.PriorityAreaLabels()))
	if err := f.sess.save(); err != nil {
		f.Err.Show(err)
		return
	}
	m := model.Measure{Title: f.Title.Text, Responsible: f.Responsible.Text, Deadline: deadline, PriorityArea: area}
	_, mtg, err := f.sess.env.Store.AddMeasureForDecision(f.sess.m.ID, f.decisionID, m, f.sess.env.Today())
	if err != nil {
		f.Err.Show(err)
		return
	}
	f.sess.m, f.sess.stored = storage.Clone(mtg), storage.Clone(mtg)
	if f.sess.onSaved != nil {
		f.sess.onSaved(mtg)
	}
	f.Err.Show(nil)
	f.done(true)
}
