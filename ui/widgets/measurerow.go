package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// MeasureRow is one measure linked from a module's record: title, status,
// deadline and detail (the responsible person, or what the module tags it
// with), "! Forfalt" in words and colour when overdue, and a button that
// opens it in the action plan.
func MeasureRow(env *appctx.Env, m model.Measure, detail string) fyne.CanvasObject {
	text := fmt.Sprintf("%s – %s, %s %s, %s", m.Title, lang.L(m.Status.Label()), lang.L("frist"), m.Deadline, detail)
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if m.Overdue(env.Today()) {
		l.SetText(lang.L("! Forfalt:") + " " + text)
		l.Importance = widget.DangerImportance
	}
	id := m.ID
	open := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() {
		env.Open(appctx.ActionPlanPageID, appctx.Focus{ID: id})
	})
	return container.NewBorder(nil, nil, nil, open, l)
}
