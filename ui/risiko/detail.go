package risiko

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// Detail is one assessment: its form, the heat maps, the items and the
// editor of one item.
type Detail struct {
	env     *appctx.Env
	a       model.RiskAssessment
	items   []model.RiskItem
	shown   []model.RiskItem
	onSaved func(model.RiskAssessment)

	Title, Area         *widgets.Entry
	Kind, Status        *widget.Select
	Date, NextReview    *widgets.DateEntry
	Participants, Notes *widgets.Entry
	AddCommittee, Save  *widget.Button
	Err                 *widgets.ErrorText
	Before, After       *widgets.RiskMatrix
	// AfterTitle says how many hazards the «Etter tiltak» map holds, and
	// NotAfter names those left out (no rating after measures), as the
	// PDF does: the two maps added up differently with no word.
	AfterTitle, NotAfter *widget.Label
	cellP, cellC         int
	cellResidual         bool
	FilterLabel          *widget.Label
	Items                *widgets.List
	NewItem              *widget.Button
	Item                 *ItemEditor
	itemBox              *fyne.Container
	matrixBox            *fyne.Container
	Tabs                 *container.AppTabs
	PDFButton            *widget.Button
	loaded               string         // the assessment's fields as loaded or saved
	attached             map[uint64]int // attachments per item (metadata only)
	// Thumbs are the item list's thumbnails, read for the rows on screen.
	Thumbs *vedlegg.ListThumbs
}

// NewDetail builds the view for an assessment (ID 0 = new).
func NewDetail(env *appctx.Env, a model.RiskAssessment, onSaved func(model.RiskAssessment)) *Detail {
	d := &Detail{env: env, a: a, onSaved: onSaved}
	d.Title = widgets.NewEntry()
	d.Title.SetText(a.Title)
	d.Area = widgets.NewEntry()
	d.Area.SetText(a.Area)
	d.Area.SetPlaceHolder(lang.L("for eksempel Forflytning av beboere, avdeling 2"))
	d.Kind = widgets.NewSelect(widgets.EnumOptions(model.AssessmentKindLabels()), nil)
	widgets.SetEnum(d.Kind, a.Kind.Label())
	d.Status = widgets.NewSelect(widgets.EnumOptions(model.AssessmentStatusLabels()), nil)
	widgets.SetEnum(d.Status, a.Status.Label())
	d.Date = widgets.NewDateEntry(model.FieldAssessmentDate, false)
	d.Date.SetDate(a.Date)
	d.NextReview = widgets.NewDateEntry(model.FieldNextReview, true)
	d.NextReview.SetDate(a.NextReview)
	d.Participants = widgets.NewMultiLineEntry()
	d.Participants.SetMinRowsVisible(3)
	d.Participants.SetPlaceHolder(lang.L("én deltaker per linje: navn og rolle"))
	d.Participants.SetText(strings.Join(a.Participants, "\n"))
	d.Notes = widgets.NewMultiLineEntry()
	d.Notes.Wrapping = fyne.TextWrapWord
	d.Notes.SetText(a.Notes)
	d.AddCommittee = widget.NewButtonWithIcon(lang.L("Legg til utvalget"), theme.AccountIcon(), d.addCommittee)
	d.Save = widget.NewButtonWithIcon(lang.L("Lagre risikovurderingen"), theme.DocumentSaveIcon(), d.SaveAssessment)
	d.Save.Importance = widget.HighImportance
	d.PDFButton = widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), d.SavePDF)
	d.Err = widgets.NewErrorText()

	m := d.matrix()
	d.Before = widgets.NewRiskMatrix(m, nil, func(p, c int) { d.Filter(p, c, false) })
	d.After = widgets.NewRiskMatrix(m, nil, func(p, c int) { d.Filter(p, c, true) })
	d.AfterTitle = widget.NewLabelWithStyle(lang.L("Etter tiltak"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	d.NotAfter = widget.NewLabel("")
	d.NotAfter.Wrapping = fyne.TextWrapWord
	d.NotAfter.Hide()
	d.FilterLabel = widget.NewLabel("")
	d.FilterLabel.Wrapping = fyne.TextWrapWord
	d.Items = widgets.NewTwoLineList(
		func() int { return len(d.shown) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			return widgets.Lines(d.ItemText(d.shown[i]), widget.MediumImportance)
		},
	)
	d.Thumbs = vedlegg.NewListThumbs(env, model.OwnerRiskItem)
	d.Items.SetLeading(func(i widget.ListItemID) bool { return i < len(d.shown) && d.Thumbs.Has(d.shown[i].ID) },
		func(i widget.ListItemID, img *canvas.Image) { d.Thumbs.Fill(d.shown[i].ID, img) })
	d.Items.OnSelected = func(i widget.ListItemID) {
		it := d.shown[i]
		if d.Item != nil && d.Item.item.ID == it.ID && it.ID != 0 {
			return // already open (reselected after a save)
		}
		d.env.Leave(func() { d.editItem(it) }, d.selectOpenItem)
	}
	d.NewItem = widget.NewButtonWithIcon(lang.L("Nytt risikoforhold"), theme.ContentAddIcon(), func() {
		d.env.Leave(func() {
			d.Items.UnselectAll()
			d.editItem(model.RiskItem{AssessmentID: d.a.ID, Category: model.HMSCategory("")})
		}, nil)
	})
	d.itemBox = container.NewVBox()
	d.matrixBox = container.NewVBox()
	d.loadItems()
	d.loaded = d.state()
	return d
}

// selectOpenItem marks the open item in the list again.
func (d *Detail) selectOpenItem() {
	d.Items.UnselectAll()
	if d.Item != nil && d.Item.item.ID != 0 {
		d.SelectItem(d.Item.item.ID)
	}
}

// matrix is the assessment's own matrix (the unit's when new).
func (d *Detail) matrix() model.RiskMatrix {
	if d.a.Matrix.Size != 0 {
		return d.a.Matrix
	}
	if m, err := d.env.Store.RiskMatrix(); err == nil {
		return m
	}
	return model.DefaultRiskMatrix()
}

func (d *Detail) loadItems() {
	if d.a.ID == 0 {
		d.items = nil
		d.NewItem.Disable()
	} else {
		items, err := d.env.Store.RiskItems(d.a.ID)
		if err != nil {
			d.Err.Show(err)
		}
		d.items = items
		d.NewItem.Enable()
	}
	d.attached, _ = d.env.Store.AttachmentCounts(model.OwnerRiskItem)
	if d.Thumbs != nil {
		d.Thumbs.Reload()
	}
	m := d.matrix()
	d.Before.SetCounts(model.MatrixCounts(d.items, m, false))
	d.After.SetCounts(model.MatrixCounts(d.items, m, true))
	d.refreshAfterTitle(m)
	d.applyFilter()
}

// refreshAfterTitle counts the hazards in the «Etter tiltak» map by the
// model's rule (the PDF's title) and names those not in it.
func (d *Detail) refreshAfterTitle(m model.RiskMatrix) {
	missing := model.NotAssessedAfter(d.items, m)
	n := len(d.items)
	d.AfterTitle.SetText(fmt.Sprintf(lang.L("Etter tiltak (%d av %d vurdert)"), n-len(missing), n))
	if len(missing) == 0 {
		d.NotAfter.SetText("")
		d.NotAfter.Hide()
		return
	}
	names := make([]string, len(missing))
	for i, it := range missing {
		names[i] = "«" + it.Hazard + "»"
	}
	d.NotAfter.SetText(fmt.Sprintf(lang.L("Ikke vurdert etter tiltak: %s."), strings.Join(names, ", ")))
	d.NotAfter.Show()
}

// Filter shows only the items in one cell (p = 0 clears the filter).
func (d *Detail) Filter(p, c int, residual bool) {
	d.cellP, d.cellC, d.cellResidual = p, c, residual
	// Only one cell selected at a time across both maps.
	other := d.After
	if residual {
		other = d.Before
	}
	if sp, sc := other.Selected(); sp != 0 {
		other.TapCell(sp, sc)
		d.cellP, d.cellC, d.cellResidual = p, c, residual
	}
	d.applyFilter()
}

func (d *Detail) applyFilter() {
	if d.cellP == 0 {
		d.shown = d.items
		d.FilterLabel.SetText(fmt.Sprintf(lang.L("%d risikoforhold. Trykk på en rute i matrisen for å vise bare de som ligger der."), len(d.items)))
	} else {
		d.shown = model.ItemsInCell(d.items, d.cellP, d.cellC, d.cellResidual)
		when := lang.L("før tiltak")
		if d.cellResidual {
			when = lang.L("etter tiltak")
		}
		d.FilterLabel.SetText(fmt.Sprintf(lang.L("Viser %d av %d: sannsynlighet %d, konsekvens %d (%s). Trykk på ruten igjen for å vise alle."),
			len(d.shown), len(d.items), d.cellP, d.cellC, when))
	}
	d.Items.Refresh()
}

// Shown are the items listed (after the matrix filter).
func (d *Detail) Shown() []model.RiskItem { return d.shown }

// ItemText is one item's line: the hazard, and the risk with its level in words.
func (d *Detail) ItemText(i model.RiskItem) string {
	m := d.matrix()
	text := fmt.Sprintf("%s\n%s: %d×%d = %d %s", i.Hazard, lang.L("Risiko"), i.Probability, i.Consequence, i.Score(m), lang.L(i.Level(m).Label()))
	if l, ok := i.ResidualLevel(m); ok {
		text += fmt.Sprintf("; %s %d %s", lang.L("etter tiltak"), m.Score(i.ResidualProbability, i.ResidualConsequence), lang.L(l.Label()))
	}
	if n := len(i.MeasureIDs); n > 0 {
		text += fmt.Sprintf(" · %d %s", n, lang.L("tiltak"))
	}
	if n := d.attached[i.ID]; n > 0 {
		text += " · " + vedlegg.CountText(n)
	}
	return text
}

// SelectItem opens an item by ID.
func (d *Detail) SelectItem(id uint64) {
	for i, it := range d.shown {
		if it.ID == id {
			d.Items.Select(i)
			return
		}
	}
}

func (d *Detail) editItem(i model.RiskItem) {
	isNew := i.ID == 0
	d.Item = NewItemEditor(d.env, d.a, d.matrix(), i, func(saved model.RiskItem) {
		d.loadItems()
		d.SelectItem(saved.ID)
		if isNew { // a new hazard saved the first time: ready for the next
			isNew = false
			// «Nytt risikoforhold» under the form: the one above the
			// matrix is on the «Matrise» tab, hidden behind this one.
			d.env.FocusField(d.Item.Next)
		}
		d.env.DataChanged()
	})
	d.Item.OnDeleted = d.itemDeleted
	d.Item.OnNext = d.NewItem.OnTapped
	d.Item.Attach.OnChanged = func() {
		d.attached, _ = d.env.Store.AttachmentCounts(model.OwnerRiskItem)
		if d.Thumbs != nil {
			d.Thumbs.Reload()
		}
		d.Items.Refresh()
	}
	d.itemBox.Objects = []fyne.CanvasObject{d.Item.Content()}
	d.itemBox.Refresh()
	if d.Tabs != nil {
		d.Tabs.SelectIndex(2)
	}
	d.env.FocusField(d.Item.Hazard)
}

// itemDeleted closes the editor of the item just deleted and lists the
// items as stored; the undo bar offers «Angre».
func (d *Detail) itemDeleted() {
	d.Item = nil
	d.itemBox.Objects = []fyne.CanvasObject{itemHint()}
	d.itemBox.Refresh()
	d.Items.UnselectAll()
	d.loadItems()
	if d.Tabs != nil {
		d.Tabs.SelectIndex(1)
	}
	d.env.FocusField(d.NewItem)
	d.env.DataChanged()
}

func itemHint() fyne.CanvasObject {
	hint := widget.NewLabel(lang.L("Velg et risikoforhold under Matrise, eller lag et nytt."))
	hint.Wrapping = fyne.TextWrapWord
	return hint
}

func (d *Detail) addCommittee() {
	ms, err := d.env.Store.Members()
	if err != nil {
		d.Err.Show(err)
		return
	}
	have := map[string]bool{}
	for _, l := range strings.Split(d.Participants.Text, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	lines := strings.TrimRight(d.Participants.Text, "\n")
	for _, m := range model.ActiveMembers(ms, d.env.Today()) {
		p := fmt.Sprintf("%s (%s)", m.Name, lang.L(m.Role.Short()))
		if !have[p] {
			if lines != "" {
				lines += "\n"
			}
			lines += p
		}
	}
	d.Participants.SetText(lines)
}

// SaveAssessment validates and stores the form; refused input stays typed.
func (d *Detail) SaveAssessment() { d.save() }

func (d *Detail) save() bool {
	a := d.a
	a.Title = strings.TrimSpace(d.Title.Text)
	a.Area = strings.TrimSpace(d.Area.Text)
	if k, ok := model.AssessmentKindFromLabel(widgets.EnumLabel(d.Kind.Selected, model.AssessmentKindLabels())); ok {
		a.Kind = k
	}
	if st, ok := model.AssessmentStatusFromLabel(widgets.EnumLabel(d.Status.Selected, model.AssessmentStatusLabels())); ok {
		a.Status = st
	}
	var verr model.ValidationError
	var err error
	if a.Date, err = d.Date.Date(); err != nil {
		verr.Add(model.FieldAssessmentDate, err.Error())
	}
	if a.NextReview, err = d.NextReview.Date(); err != nil {
		verr.Add(model.FieldNextReview, err.Error())
	}
	if len(verr) > 0 {
		d.Err.Show(verr)
		return false
	}
	a.Participants = nil
	for _, l := range strings.Split(d.Participants.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			a.Participants = append(a.Participants, l)
		}
	}
	a.Notes = d.Notes.Text
	saved, item, err := d.store(a)
	if err != nil {
		d.showRefusal(err)
		return false
	}
	d.a = saved
	d.loaded = d.state()
	d.Err.Show(nil)
	d.loadItems()
	d.onSaved(saved)
	if item != nil {
		d.Item.stored(*item)
		if strings.TrimSpace(d.Item.MeasureTitle.Text) != "" {
			return d.Item.addMeasure()
		}
	}
	return true
}

// store saves the assessment and, when the open item holds changes, the
// item with it in one transaction: marking the assessment «Ferdig» stores
// the text typed in it, or (refused) nothing at all. item is nil when
// only the assessment was saved.
func (d *Detail) store(a model.RiskAssessment) (saved model.RiskAssessment, item *model.RiskItem, err error) {
	if a.ID == 0 || d.Item == nil || !d.Item.Dirty() {
		saved, err = d.env.Store.SaveAssessment(a, d.env.Today())
		return saved, nil, err
	}
	var it model.RiskItem
	err = d.env.Store.Batch(func(b *storage.Batch) error {
		var err error
		if saved, err = b.SaveAssessment(a, d.env.Today()); err != nil {
			return err
		}
		it, err = b.SaveRiskItem(d.Item.read())
		return err
	})
	return saved, &it, err
}

// showRefusal shows why a save was refused: next to the item's field
// when it was the open item's, with a line under the assessment's Lagre
// saying where to look (the item is on its own tab).
func (d *Detail) showRefusal(err error) {
	if d.Item == nil || !d.Item.Err.Names(err) {
		d.Err.Show(err)
		return
	}
	d.Item.Err.Show(err)
	d.Err.Show(errors.New(lang.L("Det åpne risikoforholdet kan ikke lagres, og ingenting er lagret. Se fanen Risikoforhold.")))
}

// Assessment is the assessment as last loaded or saved.
func (d *Detail) Assessment() model.RiskAssessment { return d.a }

// Content lays out the detail view.
func (d *Detail) Content() fyne.CanvasObject {
	form := widget.NewForm(
		d.Err.FormItem(model.FieldTitle, d.Title),
		d.Err.FormItem(model.FieldArea, d.Area),
		d.Err.FormItem(model.FieldAssessmentKind, d.Kind),
		d.Err.FormItem(model.FieldAssessmentDate, d.Date),
		d.Err.FormItem(model.FieldStatus, d.Status),
		d.Err.FormItem(model.FieldNextReview, d.NextReview),
		d.Err.FormItem(model.FieldParticipants, container.NewBorder(nil, container.NewHBox(d.AddCommittee), nil, nil, d.Participants)),
		d.Err.FormItem(model.FieldNotes, d.Notes),
	)
	m := d.matrix()
	legend := widget.NewLabel(fmt.Sprintf(lang.L("Risiko = sannsynlighet × konsekvens. %s. Bokstaven i ruten er nivået: L lav, M middels, H høy."), i18n.T(m.Describe())))
	legend.Wrapping = fyne.TextWrapWord
	before := container.NewBorder(widget.NewLabelWithStyle(lang.L("Før tiltak"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), nil, nil, nil, d.Before)
	after := container.NewBorder(d.AfterTitle, nil, nil, nil, d.After)
	var maps fyne.CanvasObject = container.NewGridWithColumns(2, before, after)
	if d.env.MeetingMode() {
		// On the projector one map at a time, larger: two side by side
		// would not fit 1024 px at Møtemodus's scale.
		stack := container.NewStack(before, after)
		after.Hide()
		choice := widget.NewRadioGroup([]string{lang.L("Før tiltak"), lang.L("Etter tiltak")}, func(v string) {
			if v == lang.L("Etter tiltak") {
				before.Hide()
				after.Show()
			} else {
				after.Hide()
				before.Show()
			}
		})
		choice.Horizontal = true
		choice.SetSelected(lang.L("Før tiltak"))
		maps = container.NewVBox(choice, stack)
	}
	d.matrixBox.Objects = []fyne.CanvasObject{maps, d.NotAfter, legend}
	// Three tabs rather than panes side by side: the heat maps and the
	// forms each get the full width of a 1024×768 projector in Møtemodus.
	if d.a.ID == 0 {
		d.PDFButton.Disable()
	}
	assessment := container.NewVScroll(container.NewVBox(form, d.Err.Label, container.NewHBox(d.Save, d.PDFButton)))
	top := container.NewVBox(d.matrixBox, d.FilterLabel, container.NewHBox(d.NewItem))
	var matrixAndItems fyne.CanvasObject = container.NewBorder(top, nil, nil, nil, d.Items)
	if d.env.MeetingMode() {
		// At Møtemodus's scale the map, its legend and the list need more
		// than 768 px: the map scrolls above the list, so the page never
		// asks the window to grow past a 1024×768 projector.
		split := container.NewVSplit(container.NewVScroll(top), d.Items)
		split.Offset = 0.8
		matrixAndItems = split
	}
	if len(d.itemBox.Objects) == 0 {
		d.itemBox.Objects = []fyne.CanvasObject{itemHint()}
	}
	d.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Vurdering"), assessment),
		container.NewTabItem(lang.L("Matrise"), matrixAndItems),
		container.NewTabItem(lang.L("Risikoforhold"), container.NewVScroll(d.itemBox)),
	)
	switch {
	case d.Item != nil: // an item asked for (a link, an undo): its form
		d.Tabs.SelectIndex(2)
	case d.a.ID != 0:
		d.Tabs.SelectIndex(1)
	}
	return d.Tabs
}

// PDFInput is the assessment report's data, read now on the UI goroutine.
func (d *Detail) PDFInput() (reports.RiskInput, error) {
	u, err := d.env.Store.Unit()
	if err != nil {
		return reports.RiskInput{}, err
	}
	ms, err := d.env.Store.Measures()
	if err != nil {
		return reports.RiskInput{}, err
	}
	return reports.RiskInput{Unit: u, Assessment: d.a, Items: d.items, Measures: ms, Today: d.env.Today()}, nil
}

// SavePDF saves the assessment report.
func (d *Detail) SavePDF() {
	in, err := d.PDFInput()
	if err != nil {
		d.Err.Show(err)
		return
	}
	pdfexport.Save(d.env, pdfexport.FileName(lang.L("Risikovurdering"), d.a.Title), func() *reports.Document {
		return reports.RiskAssessmentReport(in, reports.Options{})
	})
}
