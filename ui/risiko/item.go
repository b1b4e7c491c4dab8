package risiko

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
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

const notAssessed = "(ikke vurdert)"

// ItemEditor edits one hazard and creates its measures.
type ItemEditor struct {
	env     *appctx.Env
	a       model.RiskAssessment
	m       model.RiskMatrix
	item    model.RiskItem
	onSaved func(model.RiskItem)

	Hazard, Event, Exposed, Existing *widgets.Entry
	Category                         *widget.Select
	P, C, RP, RC                     *widget.Select
	Risk                             *widget.Label
	// Heading says «Nytt risikoforhold» until the item is saved, then
	// names it.
	Heading *widget.Label
	Save    *widget.Button
	// Delete removes the item after asking (not for one never saved).
	Delete *widget.Button
	Err    *widgets.ErrorText
	// OnDeleted (set by the assessment) runs after the item was deleted.
	OnDeleted func()
	// Next starts another item («Nytt risikoforhold» under the form, so
	// the keyboard is ready for the next after a new one is saved); it
	// runs OnNext, set by the assessment. Hidden until the item is saved.
	Next   *widget.Button
	OnNext func()

	MeasureTitle, MeasureResp *widgets.Entry
	MeasureDeadline           *widgets.DateEntry
	AddMeasure                *widget.Button
	MeasureErr                *widgets.ErrorText
	measures                  *fyne.Container
	loaded                    string         // the fields as loaded or saved (see state)
	Attach                    *vedlegg.Panel // photos and PDFs
}

func scaleOptions(size int, describe func(size, n int) string, optional bool) []string {
	var out []string
	if optional {
		out = append(out, lang.L(notAssessed))
	}
	for n := 1; n <= size; n++ {
		out = append(out, fmt.Sprintf("%d – %s", n, i18n.T(describe(size, n))))
	}
	return out
}

// selectedLevel reads 1..size from a scale select (0 = none/not assessed).
func selectedLevel(s *widget.Select, optional bool) int {
	i := s.SelectedIndex()
	if i < 0 {
		return 0
	}
	if optional {
		return i
	}
	return i + 1
}

func setLevel(s *widget.Select, n int, optional bool) {
	switch {
	case optional:
		s.SetSelectedIndex(n)
	case n >= 1:
		s.SetSelectedIndex(n - 1)
	default:
		s.ClearSelected()
	}
}

// NewItemEditor builds the editor for an item (ID 0 = new).
func NewItemEditor(env *appctx.Env, a model.RiskAssessment, m model.RiskMatrix, it model.RiskItem, onSaved func(model.RiskItem)) *ItemEditor {
	e := &ItemEditor{env: env, a: a, m: m, item: it, onSaved: onSaved}
	e.Attach = vedlegg.New(env, model.OwnerRiskItem, it.ID, 0)
	entry := func(text, ph string, multi bool) *widgets.Entry {
		w := widgets.NewEntry()
		if multi {
			w = widgets.NewMultiLineEntry()
			w.Wrapping = fyne.TextWrapWord
			w.SetMinRowsVisible(2)
		}
		w.SetText(text)
		w.SetPlaceHolder(ph)
		return w
	}
	e.Hazard = entry(it.Hazard, lang.L("for eksempel Forflytning av tunge beboere"), false)
	e.Event = entry(it.Event, lang.L("hva kan gå galt?"), true)
	e.Exposed = entry(it.Exposed, lang.L("en gruppe, for eksempel nattevakter – aldri navn"), false)
	e.Existing = entry(it.ExistingMeasures, lang.L("tiltak som allerede finnes"), true)
	e.Category = widgets.NewSelect(widgets.EnumOptions(model.HMSCategoryLabels()), nil)
	if it.Category.Valid() {
		widgets.SetEnum(e.Category, it.Category.Label())
	}
	e.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Heading.Wrapping = fyne.TextWrapWord
	e.refreshHeading()
	e.Risk = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Risk.Wrapping = fyne.TextWrapWord
	e.P = widgets.NewSelect(scaleOptions(m.Size, model.ProbabilityDescription, false), func(string) { e.refreshRisk() })
	e.C = widgets.NewSelect(scaleOptions(m.Size, model.ConsequenceDescription, false), func(string) { e.refreshRisk() })
	e.RP = widgets.NewSelect(scaleOptions(m.Size, model.ProbabilityDescription, true), func(string) { e.refreshRisk() })
	e.RC = widgets.NewSelect(scaleOptions(m.Size, model.ConsequenceDescription, true), func(string) { e.refreshRisk() })
	setLevel(e.P, it.Probability, false)
	setLevel(e.C, it.Consequence, false)
	setLevel(e.RP, it.ResidualProbability, true)
	setLevel(e.RC, it.ResidualConsequence, true)
	e.Save = widget.NewButtonWithIcon(lang.L("Lagre risikoforholdet"), theme.DocumentSaveIcon(), e.SaveItem)
	e.Save.Importance = widget.HighImportance
	e.Delete = widget.NewButtonWithIcon(lang.L("Slett"), theme.DeleteIcon(), e.confirmDelete)
	e.Delete.Importance = widget.DangerImportance
	e.Next = widget.NewButtonWithIcon(lang.L("Nytt risikoforhold"), theme.ContentAddIcon(), func() {
		if e.OnNext != nil {
			e.OnNext()
		}
	})
	if it.ID == 0 {
		e.Delete.Hide()
		e.Next.Hide()
	}
	e.Err = widgets.NewErrorText()

	e.MeasureTitle = widgets.NewEntry()
	e.MeasureTitle.SetPlaceHolder(lang.L("hva skal gjøres?"))
	e.MeasureResp = widgets.NewEntry()
	e.MeasureResp.SetPlaceHolder(lang.L("person eller rolle"))
	e.MeasureDeadline = widgets.NewDateEntry(model.FieldDeadline, false)
	e.MeasureDeadline.SetDate(env.Today().AddMonths(3))
	e.AddMeasure = widget.NewButtonWithIcon(lang.L("Legg tiltaket i handlingsplanen"), theme.ContentAddIcon(), e.CreateMeasure)
	e.MeasureErr = widgets.NewErrorText()
	e.measures = container.NewVBox()
	e.refreshRisk()
	e.refreshMeasures()
	e.loaded = e.state()
	return e
}

// Item is the item as last loaded or saved.
func (e *ItemEditor) Item() model.RiskItem { return e.item }

// refreshRisk shows P × C, the level in words and its guidance.
func (e *ItemEditor) refreshRisk() {
	p, c := selectedLevel(e.P, false), selectedLevel(e.C, false)
	if p == 0 || c == 0 {
		e.Risk.SetText(lang.L("Velg sannsynlighet og konsekvens for å se risikoen."))
		return
	}
	l := e.m.Level(p, c)
	text := fmt.Sprintf(lang.L("Risiko: %d × %d = %d – %s. %s"), p, c, e.m.Score(p, c), lang.L(l.Label()), lang.L(l.Guidance()))
	rp, rc := selectedLevel(e.RP, true), selectedLevel(e.RC, true)
	if rp != 0 && rc != 0 {
		text += "\n" + fmt.Sprintf(lang.L("Etter tiltak: %d × %d = %d – %s."), rp, rc, e.m.Score(rp, rc), lang.L(e.m.Level(rp, rc).Label()))
	}
	e.Risk.SetText(text)
}

func (e *ItemEditor) read() model.RiskItem {
	it := e.item
	it.AssessmentID = e.a.ID
	it.Hazard = strings.TrimSpace(e.Hazard.Text)
	it.Event = strings.TrimSpace(e.Event.Text)
	it.Exposed = strings.TrimSpace(e.Exposed.Text)
	it.ExistingMeasures = strings.TrimSpace(e.Existing.Text)
	it.Category = ""
	if c, ok := model.HMSCategoryFromLabel(widgets.EnumLabel(e.Category.Selected, model.HMSCategoryLabels())); ok {
		it.Category = c
	}
	it.Probability = selectedLevel(e.P, false)
	it.Consequence = selectedLevel(e.C, false)
	it.ResidualProbability = selectedLevel(e.RP, true)
	it.ResidualConsequence = selectedLevel(e.RC, true)
	return it
}

// SaveItem validates and stores the item; refused input stays typed.
func (e *ItemEditor) SaveItem() { e.saveItem() }

func (e *ItemEditor) saveItem() bool {
	saved, err := e.env.Store.SaveRiskItem(e.read())
	if err != nil {
		e.Err.Show(err)
		return false
	}
	e.stored(saved)
	return true
}

// stored shows the item as saved (by its own Lagre, or with the
// assessment in one transaction, see Detail.store).
func (e *ItemEditor) stored(saved model.RiskItem) {
	e.item = saved
	e.loaded = e.state()
	e.Err.Show(nil)
	e.Attach.SetOwner(saved.ID, 0)
	e.Delete.Show()
	e.Next.Show()
	e.refreshHeading()
	e.refreshMeasures()
	e.onSaved(saved)
}

// confirmDelete asks before deleting the item, naming what goes with it
// (its attachments) and what stays (its measures in the action plan);
// «Avbryt» is the default.
func (e *ItemEditor) confirmDelete() {
	if e.item.ID == 0 {
		return
	}
	msg := fmt.Sprintf(lang.L("Slette risikoforholdet «%s»?"), e.item.Hazard)
	if len(e.item.MeasureIDs) > 0 {
		msg += " " + lang.L("Tiltakene i handlingsplanen blir stående.")
	}
	if n := e.env.Store.AttachmentCount(model.OwnerRiskItem, e.item.ID); n > 0 {
		msg += " " + fmt.Sprintf(lang.L("Vedleggene (%d) slettes sammen med risikoforholdet."), n)
	}
	widgets.ConfirmDanger(e.env.Window, lang.L("Slett risikoforhold"), msg, lang.L("Slett"), e.DeleteItem)
}

// DeleteItem removes the item and its attachments (after the
// confirmation); «Angre» puts both back.
func (e *ItemEditor) DeleteItem() {
	if err := e.env.Store.DeleteRiskItem(e.item.ID); err != nil {
		e.Err.Show(err)
		return
	}
	e.loaded = e.state() // what was typed went with the item, as asked
	if e.OnDeleted != nil {
		e.OnDeleted()
	}
}

// save stores the item and a measure typed but not yet added.
func (e *ItemEditor) save() bool {
	if !e.saveItem() {
		return false
	}
	if strings.TrimSpace(e.MeasureTitle.Text) == "" {
		return true
	}
	return e.addMeasure()
}

// CreateMeasure puts a measure for this item in the action plan, linked back.
func (e *ItemEditor) CreateMeasure() { e.addMeasure() }

func (e *ItemEditor) addMeasure() bool {
	if e.item.ID == 0 {
		e.MeasureErr.Show(fmt.Errorf("%s", lang.L("Lagre risikoforholdet før du legger til tiltak.")))
		return false
	}
	d, err := e.MeasureDeadline.Date()
	if err != nil {
		e.MeasureErr.Show(err)
		return false
	}
	today := e.env.Today()
	m := model.NewMeasureFromRiskItem(e.a, e.item, strings.TrimSpace(e.MeasureTitle.Text), strings.TrimSpace(e.MeasureResp.Text), d, today)
	_, item, err := e.env.Store.AddMeasureForRiskItem(e.item.ID, m, today)
	if err != nil {
		e.MeasureErr.Show(err)
		return false
	}
	e.item = item
	e.MeasureErr.Show(nil)
	e.MeasureTitle.SetText("")
	e.loaded = withoutMeasure(e.loaded) // the item's own fields stay as typed, saved or not
	e.refreshMeasures()
	e.onSaved(item)
	return true
}

// refreshMeasures lists the item's measures with status and a link to the plan.
func (e *ItemEditor) refreshMeasures() {
	e.measures.RemoveAll()
	for _, id := range e.item.MeasureIDs {
		m, err := e.env.Store.Measure(id)
		if err != nil {
			continue
		}
		e.measures.Add(widgets.MeasureRow(e.env, m, m.Responsible))
	}
	if len(e.item.MeasureIDs) == 0 {
		e.measures.Add(widget.NewLabel(lang.L("Ingen tiltak ennå.")))
	}
}

// refreshHeading names the item as stored.
func (e *ItemEditor) refreshHeading() {
	heading := lang.L("Nytt risikoforhold")
	if e.item.ID != 0 {
		heading = fmt.Sprintf(lang.L("Risikoforhold: %s"), e.item.Hazard)
	}
	e.Heading.SetText(heading)
}

// Content lays out the editor.
func (e *ItemEditor) Content() fyne.CanvasObject {
	form := widget.NewForm(
		e.Err.FormItem(model.FieldHazard, e.Hazard),
		e.Err.FormItem(model.FieldEvent, e.Event),
		e.Err.FormItem(model.FieldCategory, e.Category),
		e.Err.FormItem(model.FieldExposed, e.Exposed),
		e.Err.FormItem(model.FieldExistingMeasures, e.Existing),
		e.Err.FormItem(model.FieldProbability, e.P),
		e.Err.FormItem(model.FieldConsequence, e.C),
		e.Err.FormItem(model.FieldResidualProbability, e.RP),
		e.Err.FormItem(model.FieldResidualConsequence, e.RC),
	)
	newMeasure := widget.NewForm(
		e.MeasureErr.FormItem(model.FieldTitle, e.MeasureTitle),
		e.MeasureErr.FormItem(model.FieldResponsible, e.MeasureResp),
		e.MeasureErr.FormItem(model.FieldDeadline, e.MeasureDeadline),
	)
	e.Attach.Activate()
	return container.NewVBox(e.Heading, form, e.Risk, e.Err.Label, container.NewHBox(e.Save, e.Delete),
		container.NewHBox(e.Next), widget.NewSeparator(), e.Attach.Content(), widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Tiltak i handlingsplanen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.measures, newMeasure, e.MeasureErr.Label, container.NewHBox(e.AddMeasure))
}
