package avvik

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/figures"
	"hmsutvalg/ui/i18n"
)

func init() {
	// The meeting view's agenda item "Avvik siden sist" shows the open
	// deviations per category as a chart.
	figures.Register(model.AgendaDeviations, Figure)
}

// CardFigures are the dashboard's numbers.
type CardFigures struct {
	Open, ThisQuarter, NoticeOutstanding int
	Quarter                              model.Quarter
}

// Summarize counts the open deviations, those registered this quarter and
// the § 5-2 notices not yet recorded.
func Summarize(devs []model.Deviation, today model.Date) CardFigures {
	f := CardFigures{Quarter: model.QuarterOf(today)}
	for _, d := range devs {
		if d.Open() {
			f.Open++
		}
		if model.QuarterOf(d.Date) == f.Quarter {
			f.ThisQuarter++
		}
		if d.NoticeOutstanding() {
			f.NoticeOutstanding++
		}
	}
	return f
}

// Card is the register's summary on the dashboard: open deviations,
// registered this quarter, and the § 5-2 notices not yet recorded, each a
// link to the filtered register.
func Card(env *appctx.Env) fyne.CanvasObject {
	devs, err := env.Store.Deviations()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(lang.L("Avvik"), "", l)
	}
	f := Summarize(devs, env.Today())
	open := widget.NewButton(fmt.Sprintf(lang.L("%d åpne avvik"), f.Open), func() {
		env.Open(PageID, appctx.Focus{Filter: FilterOpen})
	})
	if f.Open == 0 {
		open.SetText(lang.L("Ingen åpne avvik"))
	}
	quarter := widget.NewLabel(fmt.Sprintf(lang.L("%d registrert i %s"), f.ThisQuarter, i18n.T(f.Quarter.Long())))
	quarter.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(quarter, container.NewGridWithColumns(1, open))
	if f.NoticeOutstanding > 0 {
		// A wrapped line and a short button: the whole sentence as a
		// button's text ran out of a narrow card.
		notice := widget.NewLabel(fmt.Sprintf(lang.L("! %d mangler melding til Arbeidstilsynet og politiet (§ 5-2)"), f.NoticeOutstanding))
		notice.Wrapping = fyne.TextWrapWord
		notice.Importance = widget.DangerImportance
		show := widget.NewButton(lang.L("Åpne"), func() {
			env.Open(PageID, appctx.Focus{Filter: FilterNotice})
		})
		show.Importance = widget.DangerImportance
		box.Add(container.NewBorder(nil, nil, nil, show, notice))
	} else {
		l := widget.NewLabel(lang.L("Ingen alvorlige skader venter på melding etter § 5-2."))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return widget.NewCard(lang.L("Avvik"), "", box)
}

// Figure is the deviations' figure in the meeting view: counts and a chart
// of the open deviations per category, never a description.
func Figure(env *appctx.Env) fyne.CanvasObject {
	devs, err := env.Store.Deviations()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return l
	}
	f := Summarize(devs, env.Today())
	counts := map[model.DeviationCategory]int{}
	for _, d := range devs {
		if d.Open() {
			counts[d.Category]++
		}
	}
	var rows []BarRow
	for _, c := range model.DeviationCategories() {
		if n := counts[c]; n > 0 {
			rows = append(rows, BarRow{Label: lang.L(c.Short()), Parts: []BarPart{{Value: n, Color: colorOpen()}}, Text: fmt.Sprintf(lang.L("%d åpne"), n)})
		}
	}
	text := fmt.Sprintf(lang.L("%d åpne avvik; %d registrert i %s."), f.Open, f.ThisQuarter, i18n.T(f.Quarter.Long()))
	if f.NoticeOutstanding > 0 {
		text += " " + fmt.Sprintf(lang.L("! %d mangler melding til Arbeidstilsynet og politiet (§ 5-2)"), f.NoticeOutstanding)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(l)
	if len(rows) > 0 {
		box.Add(NewBarChart("", rows))
	}
	note := widget.NewLabel(lang.L("Beskrivelsene vises ikke på felles skjerm. Åpne avviksregisteret for detaljer."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	box.Add(note)
	return box
}
