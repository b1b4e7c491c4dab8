package moter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/figures"
	"hmsutvalg/ui/widgets"
)

// The figures this module provides for the meeting view: the action plan
// (overdue and due soon) and the risk matrix of the current assessments.
// Sick leave, deviations, violence and 10-FAKTOR register their own in
// their packages.
func init() {
	figures.Register(model.AgendaActionPlan, ActionPlanFigure)
	figures.Register(model.AgendaRisk, RiskFigure)
}

// maxListed is how many measures a figure lists before "og n til".
const maxListed = 8

func errorFigure(err error) fyne.CanvasObject {
	l := wrapped(err.Error())
	l.Importance = widget.DangerImportance
	return l
}

// ActionPlanFigure shows the plan's counts and the overdue and due-soon
// measures, each with its deadline and who is responsible.
func ActionPlanFigure(env *appctx.Env) fyne.CanvasObject {
	ms, err := env.Store.Measures()
	if err != nil {
		return errorFigure(err)
	}
	today := env.Today()
	sum := model.PlanSummary(ms, today)
	box := container.NewVBox(heading(fmt.Sprintf(lang.L("%d åpne tiltak · %d forfalt · %d forfaller innen 30 dager"),
		sum.Open, sum.Overdue, sum.DueSoon)))
	list := func(title string, f model.MeasureFilter, imp widget.Importance) {
		shown := model.FilterMeasures(ms, f, today)
		model.SortMeasures(shown, model.SortByDeadline, false)
		if len(shown) == 0 {
			return
		}
		box.Add(heading(title))
		for i, m := range shown {
			if i == maxListed {
				box.Add(wrapped(fmt.Sprintf(lang.L("… og %d til"), len(shown)-maxListed)))
				break
			}
			l := wrapped(fmt.Sprintf("%s · %s · %s", m.Deadline, m.Title, m.Responsible))
			l.Importance = imp
			box.Add(l)
		}
	}
	list(lang.L("! Forfalt"), model.MeasureFilter{Overdue: true}, widget.DangerImportance)
	list(lang.L("Forfaller innen 30 dager"), model.MeasureFilter{DueSoon: true}, widget.WarningImportance)
	if sum.Overdue == 0 && sum.DueSoon == 0 {
		box.Add(wrapped(lang.L("Ingen tiltak er forfalt eller forfaller de neste 30 dagene.")))
	}
	return box
}

// RiskFigure shows the risk matrix of the current assessments (on the
// unit's matrix; assessments scored on another size are counted in a
// line below), and the assessments past their review date.
func RiskFigure(env *appctx.Env) fyne.CanvasObject {
	as, err := env.Store.Assessments()
	if err != nil {
		return errorFigure(err)
	}
	items, err := env.Store.AllRiskItems()
	if err != nil {
		return errorFigure(err)
	}
	unit, err := env.Store.RiskMatrix()
	if err != nil || unit.Size == 0 {
		unit = model.DefaultRiskMatrix()
	}
	today := env.Today()
	current := map[uint64]bool{}
	other := 0
	box := container.NewVBox()
	var due []model.RiskAssessment
	for _, a := range as {
		if !a.Current() {
			continue
		}
		m := a.Matrix
		if m.Size == 0 {
			m = model.DefaultRiskMatrix()
		}
		if m.Size == unit.Size {
			current[a.ID] = true
		} else {
			other++
		}
		if a.ReviewDue(today) {
			due = append(due, a)
		}
	}
	var shown []model.RiskItem
	for _, it := range items {
		if current[it.AssessmentID] {
			shown = append(shown, it)
		}
	}
	box.Add(heading(fmt.Sprintf(lang.L("%d risikoforhold i %d gjeldende risikovurderinger"), len(shown), len(current))))
	box.Add(container.NewCenter(widgets.NewRiskMatrix(unit, model.MatrixCounts(shown, unit, false), nil)))
	if other > 0 {
		box.Add(wrapped(fmt.Sprintf(lang.L("%d vurderinger med en annen matrisestørrelse er ikke med i matrisen."), other)))
	}
	for _, a := range due {
		l := wrapped(fmt.Sprintf(lang.L("! Revisjon forfalt: %s (%s)"), a.Title, a.NextReview))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	if len(due) == 0 {
		box.Add(wrapped(lang.L("Ingen revisjoner forfalt.")))
	}
	return box
}
