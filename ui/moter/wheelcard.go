package moter

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
)

// maxDoneOnCard is how many done duties the dashboard lists (the latest);
// the annual wheel has them all.
const maxDoneOnCard = 4

// WheelCard is the annual wheel's summary on the dashboard: the counts,
// what is late (also from last year) and due this month, each with a link
// to the module where it is done, and the latest duties done with the
// record that did each, one click away.
func WheelCard(env *appctx.Env) fyne.CanvasObject {
	today := env.Today()
	year := model.HMSYear(today.Year())
	all, err := env.Store.ProvenWheels([]model.HMSYear{year - 1, year}, today)
	if err != nil {
		return widget.NewCard(lang.L("Årshjul"), "", errorFigure(err))
	}
	late, due, done, thisYear := sortDuties(all, year, today)
	c := model.CountWheel(thisYear, today)
	box := container.NewVBox(WheelCounts(c, len(late)))
	if len(thisYear) == 0 && len(late) == 0 {
		box.Add(wrapped(lang.L("Årshjulet har ingen plikter før enhetens startdato.")))
	}
	for _, e := range late {
		box.Add(dutyRow(env, e, fmt.Sprintf(lang.L("! Forfalt: %s (frist %s)"), i18n.T(e.Title), e.Due), widget.DangerImportance))
	}
	for _, e := range due {
		box.Add(dutyRow(env, e, fmt.Sprintf(lang.L("Denne måneden: %s (frist %s)"), i18n.T(e.Title), e.Due), widget.WarningImportance))
	}
	if len(late) == 0 && len(due) == 0 {
		box.Add(wrapped(lang.L("Ingenting i årshjulet er forfalt eller har frist denne måneden.")))
	}
	if len(done) > maxDoneOnCard {
		done = done[len(done)-maxDoneOnCard:]
	}
	for _, e := range done {
		box.Add(doneRow(env, e))
	}
	box.Add(widget.NewButton(lang.L("Åpne årshjulet"), func() { env.Navigate(WheelPageID) }))
	return widget.NewCard(lang.L("Årshjul"), "", box)
}

// sortDuties splits the duties of last year and this year by state: late
// and due soon from both, done and all from this year.
func sortDuties(all []model.WheelEntry, year model.HMSYear, today model.Date) (late, due, done, thisYear []model.WheelEntry) {
	for _, e := range all {
		if e.Year == year {
			thisYear = append(thisYear, e)
		}
		switch e.State(today) {
		case model.WheelLate:
			late = append(late, e)
		case model.WheelDueNow:
			due = append(due, e)
		case model.WheelDone:
			if e.Year == year {
				done = append(done, e)
			}
		}
	}
	return late, due, done, thisYear
}

// WheelCounts is the line of counts at the top of the card: done, due
// soon and late, in words so colour is not the only signal.
func WheelCounts(c model.WheelCounts, late int) *widget.Label {
	l := widget.NewLabelWithStyle(fmt.Sprintf(lang.L("%d forfalt · %d denne måneden · %d utført · %d kommer"), late, c.DueNow, c.Done, c.Upcoming),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	if late > 0 {
		l.Importance = widget.DangerImportance
	}
	return l
}

// dutyRow is a duty not done: its text and a button to the module where
// it is done, with what the module must show.
func dutyRow(env *appctx.Env, e model.WheelEntry, text string, imp widget.Importance) fyne.CanvasObject {
	l := wrapped(text)
	l.Importance = imp
	open := widget.NewButton(lang.L("Åpne"), func() { openDuty(env, e) })
	hint := wrapped(i18n.T(model.WheelProofHint(e)))
	hint.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(open), container.NewVBox(l, hint))
}

// openDuty opens where duty e is done: the safety round in progress that
// fulfils it once completed (model.RoundToFinish), else the duty's module,
// or the year's annual wheel for a duty ticked by hand.
func openDuty(env *appctx.Env, e model.WheelEntry) {
	page, ok := modulePages[e.Kind]
	if !ok {
		env.Open(WheelPageID, appctx.Focus{ID: uint64(e.Year)})
		return
	}
	if e.Kind == model.WheelSafetyRound {
		if rs, err := env.Store.SafetyRounds(); err == nil {
			if r, ok := model.RoundToFinish(e, rs, env.Today()); ok {
				env.Open(page, appctx.Focus{ParentID: r.ID})
				return
			}
		}
	}
	env.Navigate(page)
}

// doneRow is a duty done: by the record that did it, with a button that
// opens that record, or ticked by hand.
func doneRow(env *appctx.Env, e model.WheelEntry) fyne.CanvasObject {
	if !e.Proof.Proven() {
		l := wrapped(fmt.Sprintf(lang.L("Utført: %s (merket for hånd %s)"), i18n.T(e.Title), e.Done))
		l.Importance = widget.SuccessImportance
		return l
	}
	l := wrapped(fmt.Sprintf(lang.L("Utført: %s – %s"), i18n.T(e.Title), i18n.T(e.Proof.Text)))
	l.Importance = widget.SuccessImportance
	page, f := ProofTarget(e.Proof, e.Year)
	show := widget.NewButtonWithIcon(lang.L("Vis"), theme.VisibilityIcon(), func() { env.Open(page, f) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(show), l)
}
