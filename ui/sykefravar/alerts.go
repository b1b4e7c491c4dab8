package sykefravar

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
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/widgets"
)

// The alerts: each rule that fired, in words, with "Opprett tiltak" to put
// the measures the IA plan asks for into the action plan. Alerts from the
// last year come first and open; older ones are folded away.

// defaultResponsible is a role, never a person's name.
const defaultResponsible = "Leder"

// refreshAlerts rebuilds the alert list.
func (s *Screen) refreshAlerts() {
	s.Alerts.Objects = nil
	if len(s.quarters) == 0 {
		s.Alerts.Refresh()
		return
	}
	heading := widget.NewLabelWithStyle(lang.L("Oppfølging etter IA-planen"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Alerts.Add(heading)
	today := s.env.Today()
	var older []fyne.CanvasObject
	recent := 0
	for i, a := range s.alerts {
		box := s.alertBox(i, a)
		if a.Recent(today) {
			s.Alerts.Add(box)
			recent++
		} else {
			older = append(older, box)
		}
	}
	if recent == 0 {
		ok := wrapped(fmt.Sprintf(lang.L("Ingen regel for oppfølging er utløst det siste året. Grensene er over %s to kvartaler på rad og over %s i ett kvartal."),
			pctText(s.settings.TwoQuarterThreshold), pctText(s.settings.OneQuarterThreshold)))
		ok.Importance = widget.SuccessImportance
		s.Alerts.Add(ok)
	}
	if len(older) > 0 {
		acc := widget.NewAccordion(widget.NewAccordionItem(
			fmt.Sprintf(lang.L("Tidligere utløste regler (%d)"), len(older)), container.NewVBox(older...)))
		s.Alerts.Add(acc)
	}
	s.Alerts.Refresh()
}

// alertBox shows one alert: the rule's message, and either the button
// that creates its measures or a note that they exist.
func (s *Screen) alertBox(i int, a model.FollowUpAlert) fyne.CanvasObject {
	msg := wrapped("! " + i18n.T(a.Message))
	msg.Importance = widget.DangerImportance
	if a.Rule == model.RuleTwoQuarters {
		msg.Importance = widget.WarningImportance
	}
	rule := widget.NewLabelWithStyle(lang.L(a.Rule.Label()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rule.Wrapping = fyne.TextWrapWord
	var action fyne.CanvasObject
	if a.HasMeasures(s.measures) {
		done := wrapped(lang.L("Tiltak er lagt inn i handlingsplanen."))
		done.Importance = widget.SuccessImportance
		open := widget.NewButtonWithIcon(lang.L("Vis handlingsplanen"), theme.ListIcon(), func() { s.env.Navigate(actionPlanPage) })
		action = container.NewVBox(done, container.NewHBox(open))
	} else {
		create := widget.NewButtonWithIcon(lang.L("Opprett tiltak"), theme.ContentAddIcon(), func() { s.ShowMeasureDialog(i) })
		create.Importance = widget.HighImportance
		action = container.NewHBox(create)
	}
	return widget.NewCard("", "", container.NewVBox(rule, msg, action))
}

// MeasureDialog picks which of an alert's suggested measures go into the
// action plan, with the responsible role and the deadline.
type MeasureDialog struct {
	s           *Screen
	alert       model.FollowUpAlert
	titles      []string
	Checks      []*widget.Check // one per suggested measure, in order
	Responsible *widgets.Entry
	Deadline    *widgets.DateEntry
	Create      *widgets.KeyButton // the default: Enter in a field presses it
	Cancel      *widgets.KeyButton // Escape
	Err         *widgets.ErrorText
	dialog      *widgets.KeyDialog
}

// ShowMeasureDialog opens the measure dialog for alert i (newest first)
// and returns it.
func (s *Screen) ShowMeasureDialog(i int) *MeasureDialog {
	if i < 0 || i >= len(s.alerts) {
		return nil
	}
	a := s.alerts[i]
	d := &MeasureDialog{s: s, alert: a, Err: widgets.NewErrorText()}
	list := container.NewVBox()
	for _, t := range a.SuggestedMeasures {
		// The title beside the box wraps; a check's own text would not,
		// and the longest would not fit a projector in Møtemodus.
		c := widget.NewCheck("", nil)
		c.SetChecked(true)
		d.Checks = append(d.Checks, c)
		d.titles = append(d.titles, t)
		list.Add(container.NewBorder(nil, nil, c, nil, wrapped(t)))
	}
	d.Responsible = widgets.NewEntry()
	d.Responsible.SetText(lang.L(defaultResponsible))
	d.Responsible.SetPlaceHolder(lang.L("rolle, for eksempel leder"))
	d.Deadline = widgets.NewDateEntry(model.FieldDeadline, false)
	d.Deadline.SetDate(s.env.Today().AddMonths(2))
	msg := wrapped(i18n.T(a.Message))
	content := container.NewVBox(msg,
		widget.NewLabelWithStyle(lang.L("Tiltak"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), list,
		container.NewGridWithColumns(2, labelled(lang.L("Ansvarlig"), d.Responsible), labelled(lang.L("Frist"), d.Deadline)),
		d.Err.Label)
	d.dialog = widgets.NewKeyDialog(s.env.Window, lang.L("Opprett tiltak"), container.NewVScroll(content))
	d.Cancel = d.dialog.SetCancel(lang.L("Avbryt"), nil)
	d.Create = d.dialog.AddSubmit(lang.L("Legg i handlingsplanen"), theme.ConfirmIcon(), widget.HighImportance, d.CreateMeasures)
	d.dialog.Default = d.Create
	if len(d.Checks) > 0 {
		d.dialog.First = d.Checks[0]
	}
	size := s.env.Window.Canvas().Size()
	d.dialog.Resize(fyne.NewSize(min(size.Width*0.9, 900), min(size.Height*0.9, 640)))
	d.dialog.Show()
	return d
}

// CreateMeasures puts the checked measures into the action plan in one
// transaction, with the alert as their source; false keeps the dialog
// open with what to fix.
func (d *MeasureDialog) CreateMeasures() bool {
	deadline, err := d.Deadline.Date()
	if err != nil {
		d.Err.Show(err)
		return false
	}
	var titles []string
	for i, c := range d.Checks {
		if c.Checked {
			titles = append(titles, d.titles[i])
		}
	}
	if len(titles) == 0 {
		d.Err.Show(fmt.Errorf("%s", lang.L("Velg minst ett tiltak.")))
		return false
	}
	today := d.s.env.Today()
	ms := model.NewMeasuresForAlert(d.alert, titles, d.s.recordID(d.alert.Last()), strings.TrimSpace(d.Responsible.Text), deadline, today)
	for _, m := range ms {
		if err := m.Validate(today); err != nil {
			d.Err.Show(err)
			return false
		}
	}
	err = d.s.env.Store.Batch(func(b *storage.Batch) error {
		for _, m := range ms {
			if _, err := b.SaveMeasure(m, today); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		d.Err.Show(err)
		return false
	}
	d.s.changed()
	return true
}
