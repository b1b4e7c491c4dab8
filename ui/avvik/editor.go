package avvik

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// HarmHintText asks what happened to the person when a serious deviation
// does not say (model.Deviation.HarmUnrecorded).
const HarmHintText = "Døde noen, eller ble noen alvorlig skadet? Velg skade på person: ved dødsfall og alvorlig personskade skal Arbeidstilsynet og politiet varsles straks (arbeidsmiljøloven § 5-2), uansett kategori."

// PrivacyNote is shown next to the description fields.
const PrivacyNote = "Skriv aldri navn eller andre opplysninger som identifiserer personer."

// Editor registers or edits one deviation, moves it through its statuses
// and makes measures for it in the action plan.
type Editor struct {
	env       *appctx.Env
	dev       model.Deviation
	onSaved   func(model.Deviation)
	onDeleted func()

	Heading                              *widget.Label
	Date                                 *widgets.DateEntry
	Place                                *widgets.SelectEntry
	Category, Type, Severity             *widget.Select
	PersonHarm                           *widget.Select
	HarmHint                             *widget.Label
	Privacy                              *widget.Label
	WhatHappened, ImmediateAction, Cause *widgets.Entry
	ViolenceType                         *widget.Select
	FollowUp                             *widget.CheckGroup
	ViolenceBox                          *fyne.Container
	NoticeBox                            *fyne.Container
	Notified                             *widget.Check
	NotifiedOn                           *widgets.DateEntry
	Reported                             *widget.Check
	MunicipalRef                         *widgets.Entry
	Save, Delete                         *widget.Button
	Err                                  *widgets.ErrorText

	StatusLabel                 *widget.Label
	ToInProgress, Close, Reopen *widget.Button
	ClosedBy                    *widgets.Entry
	ClosedOn                    *widgets.DateEntry
	ConfirmClose                *widget.Button
	CloseBox                    *fyne.Container
	TransErr                    *widgets.ErrorText

	MeasureTitle, MeasureResp *widgets.Entry
	MeasureDeadline           *widgets.DateEntry
	AddMeasure                *widget.Button
	MeasureErr                *widgets.ErrorText
	Attach                    *vedlegg.Panel // photos and PDFs
	measures                  *fyne.Container
	statusBox, measureBox     *fyne.Container
	root                      *fyne.Container // set by Content
	loaded                    formState       // the form as last loaded or saved
}

// formState is what the form shows, to tell whether it was changed.
type formState struct {
	date, place, category, typ, severity, harm string
	what, action, cause, violence, followUp    string
	notified, reported                         bool
	notifiedOn, ref, measureTitle              string
}

func (e *Editor) state() formState {
	return formState{
		date: e.Date.Text, place: e.Place.Text, category: e.Category.Selected, typ: e.Type.Selected,
		severity: e.Severity.Selected, harm: e.PersonHarm.Selected,
		what: e.WhatHappened.Text, action: e.ImmediateAction.Text, cause: e.Cause.Text,
		violence: e.ViolenceType.Selected, followUp: strings.Join(e.FollowUp.Selected, "\n"),
		notified: e.Notified.Checked, reported: e.Reported.Checked,
		notifiedOn: e.NotifiedOn.Text, ref: e.MunicipalRef.Text,
		measureTitle: strings.TrimSpace(e.MeasureTitle.Text),
	}
}

// Dirty reports whether the form holds changes not saved, including a
// measure typed but not yet put in the action plan.
func (e *Editor) Dirty() bool { return e.state() != e.loaded }

// SaveAll stores the deviation and a measure typed but not yet added. On
// false the form keeps everything and says what to fix.
func (e *Editor) SaveAll() bool {
	if !e.save() {
		return false
	}
	if strings.TrimSpace(e.MeasureTitle.Text) != "" && e.dev.ID != 0 {
		return e.addMeasure()
	}
	return true
}

// Discard puts the deviation back as last loaded or saved.
func (e *Editor) Discard() {
	e.MeasureTitle.SetText("")
	e.load(e.dev)
}

// NewEditor builds the form for dev (ID 0 = a new deviation). places are
// offered in the place field (the unit's departments); any other place
// can be typed.
func NewEditor(env *appctx.Env, dev model.Deviation, places []string, onSaved func(model.Deviation), onDeleted func()) *Editor {
	e := &Editor{env: env, dev: dev, onSaved: onSaved, onDeleted: onDeleted}
	e.Err, e.TransErr, e.MeasureErr = widgets.NewErrorText(), widgets.NewErrorText(), widgets.NewErrorText()
	e.Attach = vedlegg.New(env, model.OwnerDeviation, dev.ID, 0)
	e.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Heading.Wrapping = fyne.TextWrapWord
	e.Date = widgets.NewDateEntry(model.FieldDevDate, false)
	e.Place = widgets.NewSelectEntry(places)
	e.Place.SetPlaceHolder(lang.L("avdeling eller område"))
	e.Category = widgets.NewSelect(widgets.EnumOptions(model.DeviationCategoryLabels()), func(string) { e.refreshConditional() })
	e.Type = widgets.NewSelect(widgets.EnumOptionsIn(i18n.DeviationTypes, model.DeviationTypeLabels()), func(string) { e.refreshConditional() })
	e.Severity = widgets.NewSelect(widgets.EnumOptions(model.SeverityLabels()), func(string) { e.refreshConditional() })
	e.PersonHarm = widgets.NewSelect(widgets.EnumOptions(model.PersonHarmLabels()), func(string) { e.refreshConditional() })
	e.HarmHint = widget.NewLabel(lang.L(HarmHintText))
	e.HarmHint.Wrapping = fyne.TextWrapWord
	e.HarmHint.Importance = widget.WarningImportance

	e.Privacy = widget.NewLabelWithStyle(lang.L(PrivacyNote), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.Privacy.Wrapping = fyne.TextWrapWord
	e.Privacy.Importance = widget.WarningImportance
	text := func(ph string, rows int) *widgets.Entry {
		w := widgets.NewMultiLineEntry()
		w.Wrapping = fyne.TextWrapWord
		w.SetMinRowsVisible(rows)
		w.SetPlaceHolder(ph)
		return w
	}
	e.WhatHappened = text(lang.L("Hva skjedde? Bruk roller og grupper, for eksempel «en beboer», «ansatt på natt»."), 3)
	e.ImmediateAction = text(lang.L("Hva ble gjort med en gang?"), 2)
	e.Cause = text(lang.L("Hvorfor skjedde det? Registrer årsaken, ikke bare følgen."), 2)

	e.ViolenceType = widgets.NewSelect(widgets.EnumOptions(model.ViolenceTypeLabels()), nil)
	e.FollowUp = widget.NewCheckGroup(widgets.EnumOptions(model.FollowUpOfferLabels()), nil)
	// Labels above the fields, so the form fits a projector in Møtemodus.
	e.ViolenceBox = container.NewVBox(
		heading(lang.L("Vold og trusler")),
		widget.NewLabel(lang.L(model.FieldDevViolenceType)), e.Err.Bind(model.FieldDevViolenceType, e.ViolenceType),
		widget.NewLabel(lang.L(model.FieldDevFollowUp)), e.Err.Bind(model.FieldDevFollowUp, e.FollowUp),
	)

	e.Notified = widget.NewCheck(lang.L("Meldt til Arbeidstilsynet og politiet"), func(on bool) {
		if on {
			if e.NotifiedOn.Text == "" {
				e.NotifiedOn.SetDate(e.env.Today())
			}
			e.NotifiedOn.Enable()
		} else {
			e.NotifiedOn.Disable()
		}
		e.refreshConditional()
	})
	e.NotifiedOn = widgets.NewDateEntry(model.FieldDevNotifiedOn, true)
	e.NoticeBox = noticeBox(e.Notified, e.Err.Bind(model.FieldDevNotifiedOn, e.NotifiedOn))

	e.Reported = widget.NewCheck(lang.L("Meldt i kommunens avvikssystem"), func(on bool) {
		if on {
			e.MunicipalRef.Enable()
		} else {
			e.MunicipalRef.Disable()
		}
	})
	e.MunicipalRef = widgets.NewEntry()
	e.MunicipalRef.SetPlaceHolder(lang.L("referansen i kommunens system"))

	e.Save = widget.NewButtonWithIcon(lang.L("Lagre avviket"), theme.DocumentSaveIcon(), e.SaveDeviation)
	e.Save.Importance = widget.HighImportance
	e.Delete = widget.NewButtonWithIcon(lang.L("Slett"), theme.DeleteIcon(), e.confirmDelete)
	e.Delete.Importance = widget.DangerImportance // asks first

	e.StatusLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.StatusLabel.Wrapping = fyne.TextWrapWord
	e.ToInProgress = widget.NewButton(lang.L("Til behandling"), func() { e.transition(model.DevInProgress) })
	e.Reopen = widget.NewButton(lang.L("Gjenåpne"), func() { e.transition(model.DevInProgress) })
	e.Close = widget.NewButtonWithIcon(lang.L("Lukk"), theme.ConfirmIcon(), e.StartClose)
	e.ClosedBy = widgets.NewEntry()
	e.ClosedBy.SetPlaceHolder(lang.L("person eller rolle"))
	e.ClosedOn = widgets.NewDateEntry(model.FieldDevClosedOn, false)
	e.ConfirmClose = widget.NewButtonWithIcon(lang.L("Lukk avviket"), theme.ConfirmIcon(), e.ConfirmClosing)
	e.ConfirmClose.Importance = widget.HighImportance
	e.CloseBox = container.NewVBox(
		widget.NewForm(
			e.TransErr.FormItem(model.FieldDevClosedBy, e.ClosedBy),
			e.TransErr.FormItem(model.FieldDevClosedOn, e.ClosedOn),
		),
		container.NewHBox(e.ConfirmClose, widget.NewButton(lang.L("Avbryt"), e.cancelClose)),
	)
	e.CloseBox.Hide()
	e.statusBox = container.NewVBox()

	e.MeasureTitle = widgets.NewEntry()
	e.MeasureTitle.SetPlaceHolder(lang.L("hva skal gjøres?"))
	e.MeasureResp = widgets.NewEntry()
	e.MeasureResp.SetPlaceHolder(lang.L("person eller rolle"))
	e.MeasureDeadline = widgets.NewDateEntry(model.FieldDeadline, false)
	e.MeasureDeadline.SetDate(env.Today().AddMonths(3))
	e.AddMeasure = widget.NewButtonWithIcon(lang.L("Nytt tiltak i handlingsplanen"), theme.ContentAddIcon(), e.CreateMeasure)
	e.measures = container.NewVBox()
	e.measureBox = container.NewVBox()

	e.load(dev)
	return e
}

// noticeBox is the § 5-2 reminder: a framed warning with the duty, and
// where to record that it was done.
func noticeBox(check *widget.Check, on fyne.CanvasObject) *fyne.Container {
	warn := theme.Color(theme.ColorNameWarning)
	r, g, b, _ := warn.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0x33})
	bg.StrokeColor = warn
	bg.StrokeWidth = 2
	bg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	title := widget.NewLabelWithStyle(lang.L("Varsle Arbeidstilsynet og politiet straks"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	duty := widget.NewLabel(lang.L("Ved dødsfall eller alvorlig personskade skal arbeidsgiver straks varsle Arbeidstilsynet og nærmeste politi, og deretter sende skriftlig melding. Verneombudet skal ha kopi (arbeidsmiljøloven § 5-2). Arbeidstilsynet: 73 19 97 00, tast 3."))
	duty.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, title),
		duty,
		check,
		widget.NewForm(widget.NewFormItem(lang.L("Dato meldt"), on)),
	)
	return container.NewStack(bg, container.NewPadded(content))
}

// heading is a bold label.
func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Deviation is the deviation as last loaded or saved.
func (e *Editor) Deviation() model.Deviation { return e.dev }

// load puts dev into the form.
func (e *Editor) load(d model.Deviation) {
	e.dev = d
	if d.ID == 0 {
		e.Heading.SetText(lang.L("Nytt avvik"))
	} else {
		e.Heading.SetText(fmt.Sprintf(lang.L("Avvik %d: %s"), d.ID, LabelText(d)))
	}
	e.Date.SetDate(d.Date)
	e.Place.SetText(d.Place)
	setEnum(e.Category, d.Category.Label())
	setEnumIn(e.Type, i18n.DeviationTypes, d.Type.Label())
	setEnum(e.Severity, d.Severity.Label())
	setEnum(e.PersonHarm, d.PersonHarm.Label())
	e.WhatHappened.SetText(d.WhatHappened)
	e.ImmediateAction.SetText(d.ImmediateAction)
	e.Cause.SetText(d.Cause)
	setEnum(e.ViolenceType, d.ViolenceType.Label())
	var offers []string
	for _, f := range d.FollowUpOffered {
		offers = append(offers, lang.L(f.Label()))
	}
	e.FollowUp.SetSelected(offers)
	e.NotifiedOn.SetDate(d.AuthoritiesNotifiedOn)
	e.Notified.SetChecked(d.AuthoritiesNotified)
	if !d.AuthoritiesNotified {
		e.NotifiedOn.Disable()
	}
	e.MunicipalRef.SetText(d.MunicipalRef)
	e.Reported.SetChecked(d.ReportedToMunicipal)
	if !d.ReportedToMunicipal {
		e.MunicipalRef.Disable()
	}
	if d.ID == 0 {
		e.Delete.Hide()
	} else {
		e.Delete.Show()
	}
	e.refreshConditional()
	e.refreshStatus()
	e.refreshMeasures()
	e.loaded = e.state()
}

// setEnum selects the option showing label, or none for an empty label.
func setEnum(s *widget.Select, label string) { setEnumIn(s, "", label) }

// setEnumIn is setEnum for labels of namespace ns (i18n.TIn).
func setEnumIn(s *widget.Select, ns, label string) {
	if label == "" {
		s.ClearSelected()
		return
	}
	widgets.SetEnumIn(s, ns, label)
}

// current is the category, type, severity and harm as chosen in the form.
func (e *Editor) current() model.Deviation {
	d := model.Deviation{}
	d.Category, _ = model.DeviationCategoryFromLabel(widgets.EnumLabel(e.Category.Selected, model.DeviationCategoryLabels()))
	d.Type, _ = model.DeviationTypeFromLabel(widgets.EnumLabelIn(e.Type.Selected, i18n.DeviationTypes, model.DeviationTypeLabels()))
	d.Severity, _ = model.SeverityFromLabel(widgets.EnumLabel(e.Severity.Selected, model.SeverityLabels()))
	d.PersonHarm, _ = model.PersonHarmFromLabel(widgets.EnumLabel(e.PersonHarm.Selected, model.PersonHarmLabels()))
	return d
}

// refreshConditional shows the violence fields for vold og trusler, the
// question about harm when a serious deviation does not answer it, and
// the § 5-2 reminder for a death or a serious injury (or once a notice is
// recorded).
func (e *Editor) refreshConditional() {
	if e.Notified == nil { // still building
		return
	}
	cur := e.current()
	if cur.Category == model.DevViolence {
		e.ViolenceBox.Show()
	} else {
		e.ViolenceBox.Hide()
	}
	if cur.HarmUnrecorded() {
		e.HarmHint.Show()
	} else {
		e.HarmHint.Hide()
	}
	if cur.NeedsAuthorityNotice() || e.Notified.Checked {
		e.NoticeBox.Show()
	} else {
		e.NoticeBox.Hide()
	}
	e.relayout()
}

// relayout lays the form out again after a part was shown or hidden (a
// container does not notice that of its children by itself).
func (e *Editor) relayout() {
	if e.root != nil {
		e.root.Refresh()
	}
}

// read returns the form as a deviation, with the messages for fields that
// could not be read (dates).
func (e *Editor) read() (model.Deviation, model.ValidationError) {
	d := e.dev
	var bad model.ValidationError
	var err error
	if d.Date, err = e.Date.Date(); err != nil {
		bad.Add(model.FieldDevDate, err.Error())
	}
	cur := e.current()
	d.Place = e.Place.Text
	d.Category, d.Type, d.Severity, d.PersonHarm = cur.Category, cur.Type, cur.Severity, cur.PersonHarm
	d.WhatHappened = e.WhatHappened.Text
	d.ImmediateAction = e.ImmediateAction.Text
	d.Cause = e.Cause.Text
	d.ViolenceType, d.FollowUpOffered = "", nil
	if d.Category == model.DevViolence {
		d.ViolenceType, _ = model.ViolenceTypeFromLabel(widgets.EnumLabel(e.ViolenceType.Selected, model.ViolenceTypeLabels()))
		for _, l := range e.FollowUp.Selected {
			if f, ok := model.FollowUpOfferFromLabel(widgets.EnumLabel(l, model.FollowUpOfferLabels())); ok {
				d.FollowUpOffered = append(d.FollowUpOffered, f)
			}
		}
	}
	d.AuthoritiesNotified, d.AuthoritiesNotifiedOn = e.Notified.Checked, model.Date{}
	if d.AuthoritiesNotified {
		if d.AuthoritiesNotifiedOn, err = e.NotifiedOn.Date(); err != nil {
			bad.Add(model.FieldDevNotifiedOn, err.Error())
		}
	}
	d.ReportedToMunicipal, d.MunicipalRef = e.Reported.Checked, ""
	if d.ReportedToMunicipal {
		d.MunicipalRef = e.MunicipalRef.Text
	}
	return d, bad
}

// SaveDeviation validates and stores the form. Refused input stays typed
// and the file is not touched; every problem is listed at once.
func (e *Editor) SaveDeviation() { e.save() }

func (e *Editor) save() bool {
	d, bad := e.read()
	today := e.env.Today()
	if len(bad) > 0 {
		// Add what the model says about the rest of the form.
		if verr, ok := d.Normalized().Validate(today).(model.ValidationError); ok {
			for _, fe := range verr {
				if bad.For(fe.Field) == "" {
					bad.Add(fe.Field, fe.Message)
				}
			}
		}
		e.Err.Show(bad)
		return false
	}
	saved, err := e.env.Store.SaveDeviation(d, today)
	if err != nil {
		e.Err.Show(err)
		return false
	}
	e.Err.Show(nil)
	e.load(saved)
	if e.Attach != nil {
		e.Attach.SetOwner(saved.ID, 0)
	}
	e.onSaved(saved)
	return true
}

// refreshStatus shows the status in words and the changes the model
// allows from it.
func (e *Editor) refreshStatus() {
	e.hideClose()
	e.TransErr.Show(nil)
	d := e.dev
	e.statusBox.RemoveAll()
	if d.ID == 0 {
		e.StatusLabel.SetText(fmt.Sprintf(lang.L("Status: %s (når avviket er lagret)"), lang.L(model.DevRegistered.Label())))
		e.statusBox.Add(e.StatusLabel)
		return
	}
	e.StatusLabel.SetText(StatusText(d))
	e.StatusLabel.Importance = widget.MediumImportance
	if d.Open() {
		e.StatusLabel.Importance = widget.HighImportance
	}
	buttons := container.NewHBox()
	for _, to := range d.Status.Transitions() {
		switch {
		case to == model.DevClosed:
			buttons.Add(e.Close)
		case d.Status == model.DevClosed:
			buttons.Add(e.Reopen)
		default:
			buttons.Add(e.ToInProgress)
		}
	}
	if e.ClosedBy.Text == "" {
		e.ClosedBy.SetText(e.env.User())
	}
	e.statusBox.Objects = []fyne.CanvasObject{e.StatusLabel, buttons, e.CloseBox, e.TransErr.Label}
	e.statusBox.Refresh()
	e.relayout()
}

// LabelText is the deviation's short label (model.Deviation.Label: date,
// category, place) in the chosen language.
func LabelText(d model.Deviation) string {
	cat := d.Category.Label()
	if cat == "" {
		return d.Label()
	}
	return strings.Replace(d.Label(), cat, lang.L(cat), 1)
}

// StatusText is the status in words: open ones say so.
func StatusText(d model.Deviation) string {
	switch d.Status {
	case model.DevClosed:
		return fmt.Sprintf(lang.L("Status: Lukket %s av %s"), d.ClosedOn, d.ClosedBy)
	case model.DevRegistered, model.DevInProgress:
		return fmt.Sprintf(lang.L("Status: %s – åpen"), lang.L(d.Status.Label()))
	}
	return fmt.Sprintf(lang.L("Status: %s"), lang.L(d.Status.Label()))
}

// StartClose asks who closed the deviation and when.
func (e *Editor) StartClose() {
	if e.ClosedOn.Text == "" {
		e.ClosedOn.SetDate(e.env.Today())
	}
	e.TransErr.Show(nil)
	e.CloseBox.Show()
	e.env.Guard.Nest(closing{e})
	e.statusBox.Refresh()
	e.relayout()
}

// ConfirmClosing closes the deviation; the model checks who and when.
func (e *Editor) ConfirmClosing() { e.confirmClosing() }

func (e *Editor) confirmClosing() bool {
	on, err := e.ClosedOn.Date()
	if err != nil {
		var v model.ValidationError
		v.Add(model.FieldDevClosedOn, err.Error())
		e.TransErr.Show(v)
		return false
	}
	return e.apply(model.DevClosed, e.ClosedBy.Text, on)
}

func (e *Editor) transition(to model.DeviationStatus) { e.apply(to, "", model.Date{}) }

func (e *Editor) apply(to model.DeviationStatus, by string, on model.Date) bool {
	if e.dev.ID == 0 {
		return false
	}
	n, err := e.env.Store.TransitionDeviation(e.dev.ID, to, by, on, e.env.Today())
	if err != nil {
		e.TransErr.Show(err)
		return false
	}
	e.dev = n // the form keeps any edits not yet saved
	e.refreshStatus()
	e.onSaved(n)
	return true
}

// CreateMeasure puts a measure for this deviation in the action plan,
// linked back.
func (e *Editor) CreateMeasure() { e.addMeasure() }

func (e *Editor) addMeasure() bool {
	if e.dev.ID == 0 {
		return false
	}
	d, err := e.MeasureDeadline.Date()
	if err != nil {
		e.MeasureErr.Show(err)
		return false
	}
	today := e.env.Today()
	m := model.NewMeasureFromDeviation(e.dev, e.MeasureTitle.Text, e.MeasureResp.Text, d, today)
	_, dev, err := e.env.Store.AddMeasureForDeviation(e.dev.ID, m, today)
	if err != nil {
		e.MeasureErr.Show(err)
		return false
	}
	e.dev.MeasureIDs = dev.MeasureIDs
	e.MeasureErr.Show(nil)
	e.MeasureTitle.SetText("")
	e.loaded.measureTitle = ""
	e.refreshMeasures()
	e.onSaved(dev)
	return true
}

// refreshMeasures lists the deviation's measures with a link to the plan.
func (e *Editor) refreshMeasures() {
	e.measureBox.RemoveAll()
	if e.dev.ID == 0 {
		return
	}
	e.measures.RemoveAll()
	for _, id := range e.dev.MeasureIDs {
		m, err := e.env.Store.Measure(id)
		if err != nil {
			continue
		}
		e.measures.Add(widgets.MeasureRow(e.env, m, m.Responsible))
	}
	if len(e.measures.Objects) == 0 {
		e.measures.Add(widget.NewLabel(lang.L("Ingen tiltak ennå.")))
	}
	e.measureBox.Objects = []fyne.CanvasObject{
		widget.NewSeparator(),
		heading(lang.L("Tiltak i handlingsplanen")),
		e.measures,
		widget.NewForm(
			e.MeasureErr.FormItem(model.FieldTitle, e.MeasureTitle),
			e.MeasureErr.FormItem(model.FieldResponsible, e.MeasureResp),
			e.MeasureErr.FormItem(model.FieldDeadline, e.MeasureDeadline),
		),
		e.MeasureErr.Label,
		container.NewHBox(e.AddMeasure),
	}
	e.measureBox.Refresh()
	e.relayout()
}

func (e *Editor) confirmDelete() {
	if e.dev.ID == 0 {
		return
	}
	msg := fmt.Sprintf(lang.L("Slette avviket %s?"), LabelText(e.dev))
	if len(e.dev.MeasureIDs) > 0 {
		// Only then is there something the leader may expect to go too.
		msg = fmt.Sprintf(lang.L("Slette avviket %s? Tiltakene i handlingsplanen blir stående."), LabelText(e.dev))
	}
	if n := e.env.Store.AttachmentCount(model.OwnerDeviation, e.dev.ID); n > 0 {
		msg += " " + fmt.Sprintf(lang.L("Vedleggene (%d) slettes sammen med avviket."), n)
	}
	widgets.ConfirmDanger(e.env.Window, lang.L("Slett avvik"), msg, lang.L("Slett"), e.DeleteDeviation)
}

// DeleteDeviation removes the deviation (after the confirmation).
func (e *Editor) DeleteDeviation() {
	if err := e.env.Store.DeleteDeviation(e.dev.ID); err != nil {
		e.Err.Show(err)
		return
	}
	e.onDeleted()
}

// Content lays out the editor.
func (e *Editor) Content() fyne.CanvasObject {
	basics := widget.NewForm(
		e.Err.FormItem(model.FieldDevDate, e.Date),
		e.Err.FormItem(model.FieldDevPlace, e.Place),
		e.Err.FormItem(model.FieldCategory, e.Category),
		e.Err.FormItem(model.FieldDevType, e.Type),
		e.Err.FormItem(model.FieldDevSeverity, e.Severity),
		e.Err.FormItem(model.FieldDevPersonHarm, e.PersonHarm),
	)
	if e.env.MeetingMode() {
		// At Møtemodus's scale beside the register the fields are too
		// narrow for «Personskade, ikke alvorlig»: a choice cannot wrap,
		// and cut to «Personskade, ikke …» it says the opposite. Labels
		// above the fields give the choices the full width.
		basics.Orientation = widget.Vertical
	}
	// The descriptions are sensitive: hidden in Møtemodus. Their labels
	// go above them, so the text gets the full width.
	texts := container.NewVBox(
		heading(lang.L(model.FieldDevWhatHappened)), widgets.Sensitive(e.env, e.Err.Bind(model.FieldDevWhatHappened, e.WhatHappened)),
		heading(lang.L(model.FieldDevImmediateAction)), widgets.Sensitive(e.env, e.Err.Bind(model.FieldDevImmediateAction, e.ImmediateAction)),
		heading(lang.L(model.FieldDevCause)), widgets.Sensitive(e.env, e.Err.Bind(model.FieldDevCause, e.Cause)),
	)
	municipal := widget.NewForm(widget.NewFormItem(lang.L("Referanse"), e.Err.Bind(model.FieldDevMunicipalRef, e.MunicipalRef)))
	privacy := container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, e.Privacy)
	// The § 5-2 reminder comes right under the fields that call for it.
	e.root = container.NewVBox(
		e.Heading, basics, e.HarmHint, e.NoticeBox, privacy, texts, e.Attach.Content(), e.ViolenceBox,
		e.Reported, municipal,
		e.Err.Label, container.NewHBox(e.Save, e.Delete),
		widget.NewSeparator(), e.statusBox,
		e.measureBox,
	)
	e.Attach.Activate()
	return container.NewVScroll(e.root)
}
