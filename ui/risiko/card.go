package risiko

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// Card is the risk assessments' summary on the dashboard: assessments past
// their review date (each a link), and high risks in current assessments.
func Card(env *appctx.Env) fyne.CanvasObject {
	as, err := env.Store.Assessments()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(lang.L("Risikovurdering"), "", l)
	}
	today := env.Today()
	box := container.NewVBox()
	current := map[uint64]model.RiskAssessment{}
	due := 0
	for _, a := range as {
		if a.Current() {
			current[a.ID] = a
		}
		if a.ReviewDue(today) {
			due++
			id := a.ID
			l := widget.NewLabel(fmt.Sprintf(lang.L("! Revisjon forfalt: %s (%s)"), a.Title, a.NextReview))
			l.Importance = widget.DangerImportance
			l.Wrapping = fyne.TextWrapWord
			open := widget.NewButton(lang.L("Åpne"), func() { env.Open(PageID, appctx.Focus{ParentID: id}) })
			box.Add(container.NewBorder(nil, nil, nil, open, l))
		}
	}
	high, items := 0, 0
	if all, err := env.Store.AllRiskItems(); err == nil {
		for _, it := range all {
			a, ok := current[it.AssessmentID]
			if !ok {
				continue
			}
			items++
			m := a.Matrix
			if m.Size == 0 {
				m = model.DefaultRiskMatrix()
			}
			lvl := it.Level(m)
			if rl, ok := it.ResidualLevel(m); ok {
				lvl = rl
			}
			if lvl == model.RiskHigh {
				high++
			}
		}
	}
	summary := fmt.Sprintf(lang.L("%d gjeldende risikovurderinger med %d risikoforhold; %d med høy risiko etter planlagte tiltak."), len(current), items, high)
	l := widget.NewLabel(summary)
	l.Wrapping = fyne.TextWrapWord
	box.Objects = append([]fyne.CanvasObject{l}, box.Objects...)
	if due == 0 {
		box.Add(widget.NewLabel(lang.L("Ingen revisjoner forfalt.")))
	}
	return widget.NewCard(lang.L("Risikovurdering"), "", box)
}
