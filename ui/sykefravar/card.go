package sykefravar

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
)

// Card is the sick leave's summary on the dashboard: the latest quarter
// against the target, and the alerts of the last year, each with a link to
// the page.
func Card(env *appctx.Env) fyne.CanvasObject {
	qs, err := env.Store.SickLeaveQuarters()
	var set model.SickLeaveSettings
	if err == nil {
		set, err = env.Store.SickLeaveSettings()
	}
	if err != nil {
		l := wrapped(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(lang.L("Sykefravær"), "", l)
	}
	open := widget.NewButton(lang.L("Åpne sykefravær"), func() { env.Navigate(PageID) })
	if len(qs) == 0 {
		return widget.NewCard(lang.L("Sykefravær"), "", container.NewVBox(
			wrapped(lang.L("Ingen sykefraværstall registrert.")), container.NewHBox(open)))
	}
	box := container.NewVBox(wrapped(latestText(qs[len(qs)-1], set)))
	today := env.Today()
	active := 0
	alerts := model.FollowUpAlerts(qs, set)
	for i := len(alerts) - 1; i >= 0; i-- {
		a := alerts[i]
		if !a.Recent(today) {
			continue
		}
		active++
		l := wrapped("! " + i18n.T(a.Message))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	if active == 0 {
		box.Add(wrapped(lang.L("Ingen regel for oppfølging er utløst det siste året.")))
	}
	box.Add(container.NewHBox(open))
	return widget.NewCard(lang.L("Sykefravær"), "", box)
}
