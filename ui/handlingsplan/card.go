package handlingsplan

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// Named filters the dashboard can open the plan with.
const (
	FilterOverdue = "forfalt"
	FilterDueSoon = "snart"
)

// Card is the action plan's summary on the dashboard: overdue and due-soon
// counts, each a link to the filtered plan.
func Card(env *appctx.Env) fyne.CanvasObject {
	ms, err := env.Store.Measures()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(lang.L("Handlingsplan"), "", l)
	}
	sum := model.PlanSummary(ms, env.Today())
	box := container.NewVBox()
	box.Add(wrapped(fmt.Sprintf(lang.L("%d tiltak, %d åpne"), sum.Total, sum.Open)))
	overdue := widget.NewButton(fmt.Sprintf(lang.L("! %d forfalt"), sum.Overdue), func() {
		env.Open(PageID, appctx.Focus{Filter: FilterOverdue})
	})
	if sum.Overdue > 0 {
		overdue.Importance = widget.DangerImportance
	} else {
		overdue.SetText(lang.L("Ingen forfalte tiltak"))
	}
	soon := widget.NewButton(fmt.Sprintf(lang.L("%d forfaller innen 30 dager"), sum.DueSoon), func() {
		env.Open(PageID, appctx.Focus{Filter: FilterDueSoon})
	})
	if sum.DueSoon > 0 {
		soon.Importance = widget.WarningImportance
	}
	box.Add(container.NewGridWithColumns(1, overdue, soon))
	return widget.NewCard(lang.L("Handlingsplan"), "", box)
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
