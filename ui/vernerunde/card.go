package vernerunde

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// Card is the safety rounds' summary on the dashboard: the last completed
// round, a round in progress (with a link), and open measures from rounds.
func Card(env *appctx.Env) fyne.CanvasObject {
	rs, err := env.Store.SafetyRounds()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(lang.L("Vernerunde"), "", l)
	}
	box := container.NewVBox()
	year := env.Today().Year()
	thisYear := 0
	for i := range rs {
		r := &rs[i]
		if r.Date.Year() == year {
			thisYear++
		}
		if !r.Locked() {
			id := r.ID
			l := wrapped(fmt.Sprintf(lang.L("Pågår: %s, %s"), r.Title, r.ProgressText()))
			open := widget.NewButton(lang.L("Åpne"), func() { env.Open(PageID, appctx.Focus{ParentID: id}) })
			box.Add(container.NewBorder(nil, nil, nil, open, l))
		}
	}
	summary := fmt.Sprintf(lang.L("%d vernerunder i %d."), thisYear, year)
	if last, ok := model.LatestCompletedRound(rs); ok {
		// With the inspection's date when it differs, as the list row
		// says it: the pre-meeting of the next round names the round by it.
		done := last.CompletedDate().String()
		if !last.Date.IsZero() && last.Date != last.CompletedDate() {
			done += " (" + fmt.Sprintf(lang.L("befaring %s"), last.Date) + ")"
		}
		summary += " " + fmt.Sprintf(lang.L("Siste fullførte: %s med %d funn."), done, len(last.Findings()))
	} else {
		summary += " " + lang.L("Ingen fullførte vernerunder ennå.")
	}
	if ms, err := env.Store.Measures(); err == nil {
		open, overdue := 0, 0
		for _, m := range ms {
			if m.Source.Kind == model.SourceSafetyRound && m.Open() {
				open++
				if m.Overdue(env.Today()) {
					overdue++
				}
			}
		}
		summary += " " + fmt.Sprintf(lang.L("%d åpne tiltak fra vernerunder, %d forfalt."), open, overdue)
	}
	box.Objects = append([]fyne.CanvasObject{wrapped(summary)}, box.Objects...)
	return widget.NewCard(lang.L("Vernerunde"), "", box)
}
