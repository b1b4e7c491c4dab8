// Package oversikt is the dashboard: the unit, its committee and each
// module's summary.
package oversikt

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
)

// PageID is the dashboard's page ID.
const PageID = "oversikt"

// Card is one module's summary on the dashboard. Modules append theirs to
// Cards when they are built.
type Card func(env *appctx.Env) fyne.CanvasObject

// Cards are the module summaries shown below the unit and the committee.
var Cards []Card

// Page returns the dashboard page.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Oversikt"), Icon: theme.HomeIcon(), Build: build}
}

func build(env *appctx.Env) fyne.CanvasObject {
	// What is due comes first; the unit and the committee change rarely.
	_, top := NewTop(env)
	objs := []fyne.CanvasObject{top}
	if env.Settings.User() == "" {
		objs = append(objs, nameCard(env))
	}
	for _, c := range Cards {
		objs = append(objs, c(env))
	}
	objs = append(objs, chartCards(env)...)
	objs = append(objs, unitCard(env), committeeCard(env))
	return container.NewVScroll(container.New(newColumns(), objs...))
}

func errorLabel(err error) fyne.CanvasObject {
	l := widget.NewLabel(err.Error())
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

func unitCard(env *appctx.Env) fyne.CanvasObject {
	u, err := env.Store.Unit()
	if err != nil {
		return widget.NewCard(lang.L("Enheten"), "", errorLabel(err))
	}
	deps := lang.L("ingen registrert")
	if len(u.Departments) > 0 {
		deps = strings.Join(u.Departments, ", ")
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Kommune"), wrap(u.Municipality)),
		widget.NewFormItem(lang.L("Sektor"), wrap(lang.L(u.Sector.Label()))),
		widget.NewFormItem(lang.L("Ansatte"), wrap(model.FormatInt(u.Employees))),
		widget.NewFormItem(lang.L("Avdelinger"), wrap(deps)),
	)
	// The name goes in a wrapping label: a card title would be cut off on a
	// projector in Møtemodus.
	name := widget.NewLabelWithStyle(u.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	name.SizeName = theme.SizeNameSubHeadingText
	return widget.NewCard("", "", container.NewVBox(widget.NewLabel(lang.L("Enheten")), name, form))
}

func committeeCard(env *appctx.Env) fyne.CanvasObject {
	members, err := env.Store.Members()
	if err != nil {
		return widget.NewCard(lang.L("HMS-utvalget"), "", errorLabel(err))
	}
	today := env.Today()
	active := model.ActiveMembers(members, today)
	box := container.NewVBox()
	for _, m := range active {
		box.Add(wrap(fmt.Sprintf("%s: %s", lang.L(m.Role.Short()), m.Name)))
	}
	if len(active) == 0 {
		box.Add(wrap(lang.L("Ingen aktive medlemmer. Legg dem til under Enhet og utvalg.")))
	}
	for _, r := range model.MissingRoles(members, today) {
		warn := wrap(fmt.Sprintf(lang.L("Utvalget mangler %s"), strings.ToLower(lang.L(r.Short()))))
		warn.Importance = widget.WarningImportance
		box.Add(warn)
	}
	open := widget.NewButton(lang.L("Endre utvalget"), func() { env.Navigate("enhet") })
	box.Add(container.NewHBox(open))
	return widget.NewCard(lang.L("HMS-utvalget"), fmt.Sprintf(lang.L("per %s"), today.String()), box)
}

func wrap(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
