package moter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
)

// Card is the meetings' summary on the dashboard: the next meeting (a
// link to it) or a button to plan one, and the last one held.
func Card(env *appctx.Env) fyne.CanvasObject {
	ms, err := env.Store.Meetings()
	if err != nil {
		return widget.NewCard(lang.L("Møter"), "", errorFigure(err))
	}
	today := env.Today()
	box := container.NewVBox()
	if next, ok := model.NextMeeting(ms, today); ok {
		id := next.ID
		box.Add(wrapped(fmt.Sprintf(lang.L("Neste møte: %s"), meetingLine(next))))
		box.Add(widget.NewButton(lang.L("Åpne møtet"), func() { env.Open(PageID, appctx.Focus{ID: id}) }))
	} else {
		box.Add(wrapped(lang.L("Ingen møter planlagt.")))
		b := widget.NewButton(lang.L("Nytt møte"), func() { env.Open(PageID, appctx.Focus{Filter: FilterNew}) })
		b.Importance = widget.HighImportance
		box.Add(b)
	}
	if last, ok := model.LastMeetingBefore(ms, today); ok {
		box.Add(wrapped(fmt.Sprintf(lang.L("Forrige møte: %s"), last.Date)))
	}
	held := 0
	for _, m := range ms {
		if m.Date.Year() == today.Year() && m.Held(today) {
			held++
		}
	}
	box.Add(wrapped(fmt.Sprintf(lang.L("%d møter holdt i %d"), held, today.Year())))
	return widget.NewCard(lang.L("Møter"), "", box)
}

// WheelCard is the annual wheel's summary on the dashboard: what is due
// this month and what is late (also from last year), each with a link to
// the module where it is done.
func WheelCard(env *appctx.Env) fyne.CanvasObject {
	today := env.Today()
	year := model.HMSYear(today.Year())
	var due, late []model.WheelEntry
	for _, y := range []model.HMSYear{year - 1, year} {
		es, err := env.Store.AnnualWheel(y, tenFactorYear(env, y))
		if err != nil {
			return widget.NewCard(lang.L("Årshjul"), "", errorFigure(err))
		}
		d, l := model.WheelAttention(es, today)
		due = append(due, d...)
		late = append(late, l...)
	}
	box := container.NewVBox()
	row := func(e model.WheelEntry, text string, imp widget.Importance) {
		l := wrapped(text)
		l.Importance = imp
		page, ok := modulePages[e.Kind]
		if !ok {
			page = WheelPageID
		}
		open := widget.NewButton(lang.L("Åpne"), func() { env.Navigate(page) })
		box.Add(container.NewBorder(nil, nil, nil, open, l))
	}
	if len(late) == 0 {
		box.Add(wrapped(lang.L("Ingenting i årshjulet er forfalt.")))
	}
	for _, e := range late {
		row(e, fmt.Sprintf(lang.L("! Forfalt: %s (frist %s)"), i18n.T(e.Title), e.Due), widget.DangerImportance)
	}
	if len(due) == 0 {
		box.Add(wrapped(lang.L("Ingenting i årshjulet har frist denne måneden.")))
	}
	for _, e := range due {
		row(e, fmt.Sprintf(lang.L("Denne måneden: %s (frist %s)"), i18n.T(e.Title), e.Due), widget.WarningImportance)
	}
	box.Add(widget.NewButton(lang.L("Åpne årshjulet"), func() { env.Navigate(WheelPageID) }))
	return widget.NewCard(lang.L("Årshjul"), "", box)
}
