package tifaktor

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// Card is the 10-FAKTOR summary on the dashboard: the latest round's
// chosen factors with their measures' status, and reminders when the
// round has had no follow-up three months after the results or the
// quarterly evaluation is due.
func Card(env *appctx.Env) fyne.CanvasObject {
	title := lang.L("10-FAKTOR")
	rs, err := env.Store.SurveyRounds()
	var ms []model.Measure
	if err == nil {
		ms, err = env.Store.Measures()
	}
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(title, "", l)
	}
	box := container.NewVBox()
	r := model.LatestSurveyRound(rs)
	if r == nil {
		box.Add(wrapped(lang.L("Ingen runder registrert. Registrer resultatene når enheten har fått dem.")))
		return widget.NewCard(title, "", box)
	}
	today := env.Today()
	id := r.ID
	open := widget.NewButton(lang.L("Åpne"), func() { env.Open(PageID, appctx.Focus{ParentID: id, Filter: tabFollowUp}) })
	status := fmt.Sprintf(lang.L("%s: oppfølging %s"), r.Label(), lang.L(r.FollowUpStatus(ms).Label()))
	if !r.HasReport() {
		status = fmt.Sprintf(lang.L("%s: ingen rapport for enheten (færre enn 3 svar)"), r.Label())
	}
	box.Add(container.NewBorder(nil, nil, nil, open, wrapped(status)))
	if r.FollowUpOverdue(ms, today) {
		l := wrapped(fmt.Sprintf(lang.L("! Ikke fulgt opp: resultatene kom %s, og ingen områder er valgt etter 3 måneder."), r.ResultsOn))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	if due, overdue, ok := r.EvaluationDue(ms, today); ok && overdue {
		l := wrapped(fmt.Sprintf(lang.L("! Evaluering av tiltakene forfalt %s (KS anbefaler hvert kvartal)."), due))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	for _, a := range r.Focus {
		linked := r.LinkedMeasures(a.Factor, ms)
		p := model.FocusProgressOf(linked)
		text := fmt.Sprintf(lang.L("%s: %s (%s) – %d tiltak, %d åpne, %d evaluert"),
			lang.L(a.Kind.Label()), lang.L(a.Factor.Label()), r.Score(a.Factor).Unit, p.Linked, p.Open, p.Evaluated)
		// Wrapped, not cut: the factor names are what the committee reads.
		box.Add(wrapped(text))
		for _, m := range linked {
			if m.Overdue(today) {
				w := wrapped(fmt.Sprintf(lang.L("! Forfalt: %s (frist %s)"), m.Title, m.Deadline))
				w.Importance = widget.DangerImportance
				box.Add(w)
			}
		}
	}
	return widget.NewCard(title, "", box)
}
