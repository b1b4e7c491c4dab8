package moter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
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
