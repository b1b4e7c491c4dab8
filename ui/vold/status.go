package vold

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
)

// StatusView shows, for each duty, whether it is documented, when it was
// last done and what is missing or overdue.
type StatusView struct {
	s    *Screen
	rows *fyne.Container
	// Statuses are the duties as last computed, § 3A-1 first
	// (model.ViolenceStatusTable).
	Statuses []model.ViolenceDutyStatus
}

func newStatusView(s *Screen) *StatusView {
	v := &StatusView{s: s, rows: container.NewVBox()}
	v.refresh()
	return v
}

// stateImportance colours a state; the word is always shown too.
func stateImportance(st model.DutyState) widget.Importance {
	switch st {
	case model.DutyOK:
		return widget.SuccessImportance
	case model.DutyOverdue:
		return widget.DangerImportance
	}
	return widget.WarningImportance
}

// StatusLine is a duty's one-line state: "Forfalt · sist 12.03.2025".
func StatusLine(st model.ViolenceDutyStatus) string {
	last := lang.L("aldri")
	if !st.LastDone.IsZero() {
		last = st.LastDone.String()
	}
	doc := lang.L("dokumentert")
	if !st.Documented {
		doc = lang.L("ikke dokumentert")
	}
	return fmt.Sprintf("%s · %s · %s %s", lang.L(st.StateLabel()), doc, lang.L("sist gjort"), last)
}

func (v *StatusView) refresh() {
	v.Statuses = model.ViolenceStatusTable(v.s.data.StatusInput(), v.s.env.Today())
	v.rows.RemoveAll()
	for _, st := range v.Statuses {
		v.rows.Add(heading(fmt.Sprintf("%s – %s", lang.L(st.Duty.Label()), i18n.T(st.Duty.Paragraphs()))))
		state := wrapped(StatusLine(st))
		if st.Duty == model.DutyGeneral {
			// § 3A-1 has no record or date of its own.
			state = wrapped(lang.L(st.StateLabel()) + " · " + lang.L(model.GeneralDutyBasis()))
		}
		state.Importance = stateImportance(st.State)
		v.rows.Add(state)
		for _, n := range st.Notes {
			v.rows.Add(wrapped("• " + i18n.T(n)))
		}
		v.rows.Add(widget.NewSeparator())
	}
}

// Content lays the tab out.
func (v *StatusView) Content() fyne.CanvasObject {
	intro := wrapped(fmt.Sprintf(lang.L("Arbeidsgiveren skal så langt det er mulig verne de ansatte mot vold og trusler (%s). Reglene står fra 1. januar 2026 i %s; de ble flyttet uten nye plikter."),
		model.DutyGeneral.Citation(), model.ViolenceChapter))
	return container.NewVScroll(container.NewVBox(intro, v.rows, container.NewHBox(v.s.PDFButton)))
}

// Card is the module's summary on the dashboard: the duties that are not
// in order, and overdue repetitions of training, each a link.
func Card(env *appctx.Env) fyne.CanvasObject {
	d, err := env.Store.ViolenceData()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return widget.NewCard(lang.L("Vold og trusler"), "", l)
	}
	today := env.Today()
	box := container.NewVBox()
	ok := 0
	over := model.OverdueTrainings(d.Trainings, today)
	for _, st := range model.ViolenceStatus(d.StatusInput(), today) {
		if st.State == model.DutyOK {
			ok++
			continue
		}
		text := fmt.Sprintf("%s: %s", lang.L(st.Duty.Label()), lang.L(st.State.Label()))
		notes := st.Notes
		if st.Duty == model.DutyTraining {
			// The training duty's notes end with its overdue repetitions,
			// which the card lists one by one below: naming the first here
			// too listed it twice.
			notes = notes[:len(notes)-min(len(over), len(notes))]
		}
		if len(notes) > 0 {
			text += " – " + i18n.T(notes[0])
		}
		if st.State == model.DutyOverdue {
			text = "! " + text
		}
		l := wrapped(text)
		l.Importance = stateImportance(st.State)
		filter := ""
		if st.Duty == model.DutyTraining {
			filter = "opplaering"
		}
		open := widget.NewButton(lang.L("Åpne"), func() { env.Open(PageID, appctx.Focus{Filter: filter}) })
		box.Add(container.NewBorder(nil, nil, nil, open, l))
	}
	for _, t := range over {
		l := wrapped(fmt.Sprintf(lang.L("! Gjentakelse forfalt: %s (frist %s)"), t.Topic, t.DueDate()))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	summary := wrapped(fmt.Sprintf(lang.L("%d av %d plikter i orden (%s)."), ok, len(model.StatusDuties()), model.ViolenceChapter))
	box.Objects = append([]fyne.CanvasObject{summary}, box.Objects...)
	return widget.NewCard(lang.L("Vold og trusler"), "", box)
}
