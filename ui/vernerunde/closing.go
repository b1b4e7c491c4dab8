package vernerunde

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// Closing is the closing-meeting tab: each finding with its measures and
// a form for a new measure (responsible and deadline), the summary, and
// completing the round.
type Closing struct {
	v        *RoundView
	Summary  *widget.Label
	Findings []*FindingRow
	list     *fyne.Container
	Notes    *widgets.Entry
	SaveNote *widget.Button
	Err      *widgets.ErrorText
	root     fyne.CanvasObject
}

// FindingRow is one finding with its measures and the new-measure form.
type FindingRow struct {
	Number      int
	AddMeasure  *widget.Button
	Title       *widgets.Entry
	Responsible *widgets.Entry
	Deadline    *widgets.DateEntry
	Save        *widget.Button
	Err         *widgets.ErrorText
	form        *fyne.Container

	// Registering the finding as a deviation in the deviation register.
	AddDeviation *widget.Button
	Place        *widgets.Entry
	Category     *widget.Select
	Severity     *widget.Select
	What         *widgets.Entry
	SaveDev      *widget.Button
	DevErr       *widgets.ErrorText
	devForm      *fyne.Container
}

func newClosing(v *RoundView) *Closing {
	c := &Closing{v: v, Err: widgets.NewErrorText(), list: container.NewVBox()}
	c.Summary = wrapped("")
	c.Notes = widgets.NewMultiLineEntry()
	c.Notes.Wrapping = fyne.TextWrapWord
	c.Notes.SetMinRowsVisible(3)
	c.Notes.SetText(v.r.ClosingNotes)
	c.SaveNote = widget.NewButtonWithIcon(lang.L("Lagre oppsummeringen"), theme.DocumentSaveIcon(), c.SaveNotes)
	c.Refresh()
	return c
}

// Refresh rebuilds the findings from the current round and plan. A
// measure or deviation form open under a finding stays open with what was
// typed in it.
func (c *Closing) Refresh() {
	typed := c.typed()
	c.rebuild()
	for n, t := range typed {
		if row := c.Finding(n); row != nil {
			row.restore(t)
		}
	}
	c.nestDeviations()
}

// rebuild builds the findings afresh, every form under them closed.
func (c *Closing) rebuild() {
	r := c.v.r
	ms, err := c.v.env.Store.Measures()
	if err != nil {
		c.Err.Show(err)
	}
	byID := map[uint64]model.Measure{}
	for _, m := range ms {
		byID[m.ID] = m
	}
	fs := r.Findings()
	var attached map[int]int
	if atts, err := c.v.env.Store.AllAttachments(); err == nil {
		attached = model.FindingAttachmentCounts(atts, r.ID)
	}
	// A round has a finding per question at most: their thumbnails are
	// read as the list is built (a few kB each).
	thumbs := vedlegg.NewListThumbs(c.v.env, model.OwnerFinding)
	thumbs.ForRound(r.ID)
	without := 0
	c.list.RemoveAll()
	c.Findings = nil
	today := c.v.env.Today()
	for _, f := range fs {
		head := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", f.Question.Number, f.Question.Section), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		found := lang.L("Funn:") + " " + orNone(f.Answer.Comment)
		if n := attached[f.Question.Number]; n > 0 {
			found += " · " + vedlegg.CountText(n)
		}
		var foundRow fyne.CanvasObject = wrapped(found)
		if img := thumbs.Finding(f.Question.Number); img != nil {
			foundRow = container.NewBorder(nil, nil, img, nil, foundRow)
		}
		box := container.NewVBox(widget.NewSeparator(), head, wrapped(f.Question.Text), foundRow)
		if len(f.Answer.MeasureIDs) == 0 && len(f.Answer.DeviationIDs) == 0 {
			without++
		}
		for _, id := range f.Answer.MeasureIDs {
			m, ok := byID[id]
			text := fmt.Sprintf(lang.L("Tiltak %d er slettet fra handlingsplanen"), id)
			if ok {
				text = lang.L("Tiltak:") + " " + measureLine(m, today)
			}
			l := wrapped(text)
			if ok && m.Overdue(today) {
				l.Importance = widget.DangerImportance
			}
			box.Add(l)
		}
		for _, id := range f.Answer.DeviationIDs {
			id := id
			open := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
				c.v.env.Open(deviationPage, appctx.Focus{ID: id})
			})
			box.Add(container.NewBorder(nil, nil, nil, open, wrapped(fmt.Sprintf(lang.L("Registrert som avvik nr. %d"), id))))
		}
		if !r.Locked() {
			row := c.newFindingRow(f)
			box.Add(container.NewHBox(row.AddMeasure, row.AddDeviation))
			box.Add(row.form)
			box.Add(row.devForm)
		}
		c.list.Add(box)
	}
	switch {
	case len(fs) == 0:
		c.Summary.SetText(lang.L("Ingen spørsmål er besvart «Må forbedres». Funn fra befaringen vises her, og hvert funn kan bli et tiltak i handlingsplanen."))
	case without > 0:
		c.Summary.SetText(fmt.Sprintf(lang.L("%d funn, %d av dem uten tiltak. Avtal tiltak med ansvarlig og frist i avslutningsmøtet."), len(fs), without))
	default:
		c.Summary.SetText(fmt.Sprintf(lang.L("%d funn, alle med tiltak."), len(fs)))
	}
	if r.Locked() {
		c.Notes.Disable()
		c.SaveNote.Disable()
	}
	c.list.Refresh()
}

func (c *Closing) newFindingRow(f model.Finding) *FindingRow {
	row := &FindingRow{Number: f.Question.Number, Err: widgets.NewErrorText()}
	row.Title = widgets.NewEntry()
	row.Title.SetText(model.NewMeasureFromFinding(c.v.r, f.Question.Number, "", "", model.Date{}, c.v.env.Today()).Title)
	row.Responsible = widgets.NewEntry()
	row.Responsible.SetPlaceHolder(lang.L("person eller rolle, for eksempel Leder"))
	row.Deadline = widgets.NewDateEntry(model.FieldDeadline, false)
	row.Deadline.SetDate(c.v.env.Today().AddMonths(1))
	row.Save = widget.NewButtonWithIcon(lang.L("Legg tiltaket i handlingsplanen"), theme.ConfirmIcon(), func() { c.AddMeasure(row) })
	row.Save.Importance = widget.HighImportance
	row.form = container.NewVBox(
		labelled(lang.L(model.FieldTitle), row.Err.Bind(model.FieldTitle, row.Title)),
		container.NewGridWithColumns(2,
			labelled(lang.L(model.FieldResponsible), row.Err.Bind(model.FieldResponsible, row.Responsible)),
			labelled(lang.L(model.FieldDeadline), row.Err.Bind(model.FieldDeadline, row.Deadline))),
		row.Err.Label, container.NewHBox(row.Save))
	row.form.Hide()
	row.AddMeasure = widget.NewButtonWithIcon(lang.L("Nytt tiltak"), theme.ContentAddIcon(), func() {
		row.form.Show()
		if cv := fyne.CurrentApp().Driver().CanvasForObject(row.Title); cv != nil {
			widgets.FocusLater(cv, row.Title) // not at once: the space that pressed the button would be typed
		}
	})
	c.newDeviationForm(row, f)
	c.Findings = append(c.Findings, row)
	return row
}

// deviationPage is the deviation register's page ID.
const deviationPage = "avvik"

// newDeviationForm adds the form that registers a finding as a deviation.
func (c *Closing) newDeviationForm(row *FindingRow, f model.Finding) {
	row.DevErr = widgets.NewErrorText()
	row.Place = widgets.NewEntry()
	if len(c.v.r.Areas) > 0 {
		row.Place.SetText(c.v.r.Areas[0])
	}
	row.Category = widgets.NewSelect(widgets.EnumOptions(model.DeviationCategoryLabels()), nil)
	widgets.SetEnum(row.Category, model.DevNonCompliance.Label())
	row.Severity = widgets.NewSelect(widgets.EnumOptions(model.SeverityLabels()), nil)
	widgets.SetEnum(row.Severity, model.SeverityMinor.Label())
	row.What = widgets.NewMultiLineEntry()
	row.What.Wrapping = fyne.TextWrapWord
	row.What.SetMinRowsVisible(2)
	what := fmt.Sprintf("%s %s, nr. %d: %s", lang.L("Funn på vernerunde"), c.v.r.Date, f.Question.Number, f.Question.Text)
	if f.Answer.Comment != "" {
		what += " " + f.Answer.Comment
	}
	row.What.SetText(what)
	row.SaveDev = widget.NewButtonWithIcon(lang.L("Registrer avviket"), theme.ConfirmIcon(), func() { c.AddDeviation(row) })
	row.SaveDev.Importance = widget.HighImportance
	row.devForm = container.NewVBox(
		container.NewGridWithColumns(2,
			labelled(lang.L("Sted eller avdeling"), row.DevErr.Bind(model.FieldDevPlace, row.Place)),
			labelled(lang.L("Alvorlighetsgrad"), row.DevErr.Bind(model.FieldDevSeverity, row.Severity))),
		labelled(lang.L("Kategori"), row.DevErr.Bind(model.FieldCategory, row.Category)),
		labelled(lang.L("Hva ble funnet"), row.DevErr.Bind(model.FieldDevWhatHappened, row.What)),
		row.DevErr.Label, container.NewHBox(row.SaveDev))
	row.devForm.Hide()
	row.AddDeviation = widget.NewButtonWithIcon(lang.L("Registrer som avvik"), theme.WarningIcon(), func() {
		row.devForm.Show()
		c.nestDeviations()
		if cv := fyne.CurrentApp().Driver().CanvasForObject(row.Place); cv != nil {
			widgets.FocusLater(cv, row.Place)
		}
	})
}

// AddDeviation registers a finding in the deviation register, linked both
// ways. Refused input stays typed with the model's message.
func (c *Closing) AddDeviation(row *FindingRow) { c.addDeviation(row) }

func (c *Closing) addDeviation(row *FindingRow) bool {
	d := model.NewDeviation(c.v.r.Date)
	d.Place = row.Place.Text
	d.Category, _ = model.DeviationCategoryFromLabel(widgets.EnumLabel(row.Category.Selected, model.DeviationCategoryLabels()))
	d.Severity, _ = model.SeverityFromLabel(widgets.EnumLabel(row.Severity.Selected, model.SeverityLabels()))
	d.Type = model.TypeDeviation
	d.WhatHappened = row.What.Text
	_, r, err := c.v.env.Store.AddDeviationForFinding(c.v.r.ID, row.Number, d, c.v.env.Today())
	if err != nil {
		row.DevErr.Show(err)
		return false
	}
	row.devForm.Hide() // registered: the rebuild does not keep it open
	c.v.setRound(r)
	c.Refresh()
	return true
}

// Finding returns the row of finding n, or nil.
func (c *Closing) Finding(n int) *FindingRow {
	i := slices.IndexFunc(c.Findings, func(f *FindingRow) bool { return f.Number == n })
	if i < 0 {
		return nil
	}
	return c.Findings[i]
}

// AddMeasure stores a measure for a finding, linked both ways. Refused
// input stays typed with the model's message.
func (c *Closing) AddMeasure(row *FindingRow) { c.addMeasure(row) }

func (c *Closing) addMeasure(row *FindingRow) bool {
	d, err := row.Deadline.Date()
	if err != nil {
		var v model.ValidationError
		v.Add(model.FieldDeadline, err.Error())
		row.Err.Show(v)
		return false
	}
	m := model.Measure{Title: row.Title.Text, Responsible: row.Responsible.Text, Deadline: d}
	_, r, err := c.v.env.Store.AddMeasureForFinding(c.v.r.ID, row.Number, m, c.v.env.Today())
	if err != nil {
		row.Err.Show(err)
		return false
	}
	row.form.Hide() // added: the rebuild does not keep it open
	c.v.setRound(r)
	c.Refresh()
	return true
}

// pendingMeasures are the findings whose new-measure form is open with a
// responsible typed, but not yet put in the action plan.
func (c *Closing) pendingMeasures() []int {
	var ns []int
	for _, row := range c.Findings {
		if row.form.Visible() && strings.TrimSpace(row.Responsible.Text) != "" {
			ns = append(ns, row.Number)
		}
	}
	return ns
}

// addPending puts every pending measure in the action plan; false (with
// the message under the finding) at the first that is refused.
func (c *Closing) addPending() bool {
	for _, n := range c.pendingMeasures() {
		// Each added measure rebuilds the rows: find the row again.
		if row := c.Finding(n); row == nil || !c.addMeasure(row) {
			return false
		}
	}
	return true
}

// SaveNotes stores the closing meeting's summary.
func (c *Closing) SaveNotes() {
	r := c.v.r
	r.ClosingNotes = c.Notes.Text
	saved, err := c.v.env.Store.SaveSafetyRound(r, c.v.env.Today())
	if err != nil {
		c.Err.Show(err)
		return
	}
	c.Err.Show(nil)
	c.v.setRound(saved)
}

// Content is the tab's layout.
func (c *Closing) Content() fyne.CanvasObject {
	if c.root == nil {
		body := container.NewVBox(c.Summary, c.list, widget.NewSeparator(),
			labelled(lang.L(model.FieldClosingNotes), c.Err.Bind(model.FieldClosingNotes, c.Notes)), container.NewHBox(c.SaveNote),
			c.Err.Label, container.NewHBox(c.v.Complete, c.v.PDF))
		c.root = container.NewVScroll(body)
	}
	return c.root
}

// orNone shows a missing comment in words.
func orNone(s string) string {
	if s == "" {
		return lang.L("(ikke beskrevet ennå – skriv funnet i kommentaren under Befaring)")
	}
	return s
}
