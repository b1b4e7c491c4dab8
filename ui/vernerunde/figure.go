package vernerunde

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/figures"
)

// The meeting view's agenda item «Vernerunde» shows the latest round and
// the open measures from its findings.
func init() {
	figures.Register(model.AgendaSafetyRound, Figure)
}

// maxFigureMeasures is how many measures the figure lists before "og n til".
const maxFigureMeasures = 8

// Figure is the latest safety round: title, date, status (and progress
// while it runs), its findings, and its open measures with deadline and
// who is responsible, "! Forfalt" in words and colour when overdue. The
// findings' comments are not shown: the meeting view is a shared screen.
func Figure(env *appctx.Env) fyne.CanvasObject {
	rs, err := env.Store.SafetyRounds()
	if err != nil {
		return figureLabel(err.Error(), widget.DangerImportance)
	}
	r, ok := model.LatestSafetyRound(rs)
	if !ok {
		return figureLabel(lang.L("Ingen vernerunder er registrert."), widget.MediumImportance)
	}
	box := container.NewVBox(figureHeading(fmt.Sprintf(lang.L("Siste vernerunde: %s · %s"), r.Title, r.Date)))
	status := lang.L(r.Status.Label())
	if r.Locked() {
		status = fmt.Sprintf(lang.L("Fullført og låst %s"), r.CompletedDate())
	} else {
		a, t := r.Progress()
		status += " · " + fmt.Sprintf(lang.L("%d av %d besvart"), a, t)
	}
	box.Add(figureLabel(status, widget.MediumImportance))
	findings := r.Findings()
	box.Add(figureLabel(fmt.Sprintf(lang.L("%d funn · %d uten tiltak eller avvik"), len(findings), len(r.FindingsWithoutFollowUp())), widget.MediumImportance))
	ms, err := env.Store.Measures()
	if err != nil {
		box.Add(figureLabel(err.Error(), widget.DangerImportance))
		return box
	}
	addOpenMeasures(box, env, lang.L("Åpne tiltak fra runden"), model.OpenRoundMeasures(r, ms))
	if r.Locked() {
		return box
	}
	// A round still running has few measures yet: the last completed
	// round's open ones are what the committee follows up.
	var done []model.SafetyRound
	for _, x := range rs {
		if x.Locked() {
			done = append(done, x)
		}
	}
	if prev, ok := model.LatestSafetyRound(done); ok {
		title := fmt.Sprintf(lang.L("Åpne tiltak fra forrige fullførte runde, %s"), prev.Date)
		addOpenMeasures(box, env, title, model.OpenRoundMeasures(prev, ms))
	}
	return box
}

// addOpenMeasures lists open measures under heading with their count:
// deadline, title, responsible and status, "! Forfalt" in words
// and colour when overdue.
func addOpenMeasures(box *fyne.Container, env *appctx.Env, heading string, open []model.Measure) {
	if len(open) == 0 {
		box.Add(figureLabel(heading+": "+lang.L("ingen"), widget.MediumImportance))
		return
	}
	box.Add(figureHeading(fmt.Sprintf("%s (%d)", heading, len(open))))
	today := env.Today()
	for i, m := range open {
		if i == maxFigureMeasures {
			box.Add(figureLabel(fmt.Sprintf(lang.L("… og %d til"), len(open)-maxFigureMeasures), widget.MediumImportance))
			break
		}
		text := fmt.Sprintf("%s · %s · %s · %s", m.Deadline, m.Title, m.Responsible, lang.L(m.Status.Label()))
		imp := widget.MediumImportance
		if m.Overdue(today) {
			text = lang.L("! Forfalt:") + " " + text
			imp = widget.DangerImportance
		}
		box.Add(figureLabel(text, imp))
	}
}

func figureHeading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func figureLabel(s string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}
