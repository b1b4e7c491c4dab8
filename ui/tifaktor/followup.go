package tifaktor

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/widgets"
)

// FocusEditor is one chosen factor: notes and its measures.
type FocusEditor struct {
	Factor                    model.TenFactor
	WhatWorks, ToImprove      *widgets.Entry
	SaveNotes, Remove         *widget.Button
	MeasureTitle, MeasureResp *widgets.Entry
	MeasureDeadline           *widgets.DateEntry
	AddMeasure                *widget.Button
	Err                       *widgets.ErrorText
	Measures                  []model.Measure
}

// FollowUp is the follow-up tab: status and reminders, suggested factors,
// the chosen focus areas with their measures, and the meeting log.
type FollowUp struct {
	e   *Editor
	box *fyne.Container

	Status       *widget.Label
	Reminders    *fyne.Container
	Suggestions  []model.SurveySuggestion
	ChooseFactor *widget.Select
	ChooseKind   *widget.Select
	Choose       *widget.Button
	ChooseErr    *widgets.ErrorText
	Focus        map[model.TenFactor]*FocusEditor
	MeetingDate  *widgets.DateEntry
	MeetingKind  *widget.Select
	MeetingNotes *widgets.Entry
	AddMeeting   *widget.Button
	MeetingErr   *widgets.ErrorText
	measures     []model.Measure
}

func newFollowUp(e *Editor) *FollowUp {
	f := &FollowUp{e: e, box: container.NewVBox(), Focus: map[model.TenFactor]*FocusEditor{}}
	f.Status = bold("")
	f.Reminders = container.NewVBox()
	f.ChooseFactor = widgets.NewSelect(factorOptions(), nil)
	f.ChooseKind = widgets.NewSelect(translated(model.SurveyFocusKindLabels()), nil)
	f.Choose = widget.NewButtonWithIcon(lang.L("Velg som fokusområde"), theme.ConfirmIcon(), f.ChooseFocus)
	f.ChooseErr = widgets.NewErrorText()
	f.MeetingDate = widgets.NewDateEntry(model.FieldSurveyMeetingDate, false)
	f.MeetingDate.SetDate(e.env.Today())
	f.MeetingKind = widgets.NewSelect(translated(model.SurveyMeetingKindLabels()), nil)
	f.MeetingNotes = widgets.NewMultiLineEntry()
	f.MeetingNotes.Wrapping = fyne.TextWrapWord
	f.MeetingNotes.SetMinRowsVisible(2)
	f.MeetingNotes.SetPlaceHolder(lang.L("kort om hva dere gjorde og ble enige om – ingen navn på ansatte"))
	f.AddMeeting = widget.NewButtonWithIcon(lang.L("Logg møtet"), theme.ContentAddIcon(), f.LogMeeting)
	f.MeetingErr = widgets.NewErrorText()
	f.rebuild()
	if e.env.Guard != nil {
		e.env.Guard.Nest(f)
	}
	return f
}

// factorOptions are the factors as "1. Indre motivasjon".
func factorOptions() []string {
	var out []string
	for i, f := range model.TenFactors() {
		out = append(out, fmt.Sprintf("%d. %s", i+1, lang.L(f.Label())))
	}
	return out
}

func translated(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = lang.L(s)
	}
	return out
}

// Content is the tab's content.
func (f *FollowUp) Content() fyne.CanvasObject { return f.box }

// SelectFactor picks a factor and kind in the choice row, as a tap would.
func (f *FollowUp) SelectFactor(factor model.TenFactor, kind model.SurveyFocusKind) {
	f.ChooseFactor.SetSelectedIndex(factor.Number() - 1)
	for i, k := range model.SurveyFocusKinds() {
		if k == kind {
			f.ChooseKind.SetSelectedIndex(i)
		}
	}
}

// ChooseFocus adds the selected factor as a focus area and saves the round.
func (f *FollowUp) ChooseFocus() {
	i, k := f.ChooseFactor.SelectedIndex(), f.ChooseKind.SelectedIndex()
	if i < 0 || k < 0 {
		f.ChooseErr.Show(fmt.Errorf("%s", lang.L("Velg faktor og om den skal være bevaringsområde eller innsatsområde.")))
		return
	}
	factor := model.TenFactors()[i]
	kind := model.SurveyFocusKinds()[k]
	a, _ := f.e.round.FocusFor(factor)
	a.Kind = kind
	f.save(f.e.round.SetFocus(a), f.ChooseErr)
}

// save stores r and refreshes; errors go to where.
func (f *FollowUp) save(r model.SurveyRound, where *widgets.ErrorText) bool {
	saved, err := f.e.env.Store.SaveSurveyRound(r, f.e.env.Today())
	if err != nil {
		where.Show(err)
		return false
	}
	where.Show(nil)
	f.e.round = saved
	f.e.replaceRound(saved)
	f.rebuild()
	f.e.onSavedKeepTab(saved)
	return true
}

// rebuild lays the tab out from the stored round, keeping what was typed
// in the focus areas' fields.
func (f *FollowUp) rebuild() {
	typed := f.typed()
	f.layout()
	f.restore(typed)
}

// layout lays the tab out from the stored round, every field as stored.
func (f *FollowUp) layout() {
	e := f.e
	r := e.round
	f.box.RemoveAll()
	if r.ID == 0 {
		f.box.Add(wrapped(lang.L("Lagre runden først. Deretter kan dere velge fokusområder og lage tiltak.")))
		return
	}
	if !r.HasReport() {
		f.box.Add(wrapped(fmt.Sprintf(lang.L("Enheten fikk %d svar. 10-FAKTOR gir ingen rapport for en enhet med færre enn 3 svar, for at ingen skal kunne kjennes igjen. Enhetens skår kan derfor ikke registreres for denne runden."), r.Respondents)))
		return
	}
	if !r.HasScores() {
		f.box.Add(wrapped(lang.L("Registrer enhetens skår for alle ti faktorene under «Resultater» før dere velger fokusområder.")))
		return
	}
	ms, _ := e.env.Store.Measures()
	f.measures = ms
	today := e.env.Today()

	// Status and reminders.
	f.Status.SetText(fmt.Sprintf(lang.L("Oppfølging: %s"), lang.L(r.FollowUpStatus(ms).Label())))
	f.box.Add(f.Status)
	f.Reminders.RemoveAll()
	if r.FollowUpOverdue(ms, today) {
		l := wrapped(fmt.Sprintf(lang.L("! Resultatene kom %s, og det er gått mer enn 3 måneder uten at dere har valgt fokusområder."), r.ResultsOn))
		l.Importance = widget.DangerImportance
		f.Reminders.Add(l)
	}
	if due, overdue, ok := r.EvaluationDue(ms, today); ok {
		l := wrapped(fmt.Sprintf(lang.L("KS anbefaler å evaluere effekten av tiltakene hvert kvartal. Neste evaluering: %s."), due))
		if overdue {
			l.SetText(fmt.Sprintf(lang.L("! Evaluering av tiltakene forfalt %s. KS anbefaler å evaluere effekten hvert kvartal – logg et evalueringsmøte."), due))
			l.Importance = widget.DangerImportance
		}
		f.Reminders.Add(l)
	}
	f.box.Add(f.Reminders)

	// Step 1: go through the scores and choose.
	f.box.Add(widget.NewSeparator())
	f.box.Add(bold(lang.L("Møte 1: gå gjennom skårene og velg områder")))
	f.box.Add(wrapped(lang.L("KS anbefaler å velge ett område dere er fornøyd med og vil ta vare på (bevaringsområde) og minst ett dere vil forbedre (innsatsområde).")))
	prev := model.PreviousSurveyRound(e.rounds, r)
	f.Suggestions = model.SuggestSurveyFocus(r, prev)
	if len(f.Suggestions) > 0 {
		note := wrapped(lang.L(model.SurveySuggestionNote))
		note.TextStyle = fyne.TextStyle{Italic: true}
		f.box.Add(note)
		for _, s := range f.Suggestions {
			f.box.Add(wrapped(fmt.Sprintf("%s? %s – %s", lang.L(s.Kind.Label()), lang.L(s.Factor.Label()), suggestionText(s))))
		}
	}
	f.box.Add(container.NewGridWithColumns(2,
		labelled(lang.L("Faktor"), f.ChooseErr.Bind(model.FieldSurveyFocus, f.ChooseFactor)),
		labelled(lang.L(model.FieldSurveyFocusKind), f.ChooseErr.Bind(model.FieldSurveyFocusKind, f.ChooseKind))))
	f.box.Add(f.ChooseErr.Label)
	f.box.Add(container.NewHBox(f.Choose))
	if len(r.Focus) > 0 && !r.FocusComplete() {
		l := wrapped(lang.L("Tips: KS anbefaler ett bevaringsområde og minst ett innsatsområde."))
		l.Importance = widget.WarningImportance
		f.box.Add(l)
	}

	// Step 2: each focus area with notes and measures.
	f.Focus = map[model.TenFactor]*FocusEditor{}
	if len(r.Focus) > 0 {
		f.box.Add(widget.NewSeparator())
		f.box.Add(bold(lang.L("Møte 2: tiltak for de valgte områdene")))
	}
	for _, a := range r.Focus {
		f.box.Add(f.focusBlock(a, today))
	}

	// Meeting log.
	f.box.Add(widget.NewSeparator())
	f.box.Add(bold(lang.L("Oppfølgingsmøter")))
	if len(r.Meetings) == 0 {
		f.box.Add(wrapped(lang.L("Ingen møter logget ennå.")))
	}
	for _, m := range r.Meetings {
		text := fmt.Sprintf("%s – %s", m.Date, lang.L(m.Kind.Label()))
		if m.Notes != "" {
			text += ": " + m.Notes
		}
		f.box.Add(wrapped(text))
	}
	f.box.Add(container.NewGridWithColumns(2,
		labelled(lang.L(model.FieldSurveyMeetingDate), f.MeetingErr.Bind(model.FieldSurveyMeetingDate, f.MeetingDate)),
		labelled(lang.L(model.FieldSurveyMeetingKind), f.MeetingErr.Bind(model.FieldSurveyMeetingKind, f.MeetingKind))))
	f.box.Add(labelled(lang.L(model.FieldSurveyMeetingNotes), f.MeetingErr.Bind(model.FieldSurveyMeetingNotes, f.MeetingNotes)))
	f.box.Add(f.MeetingErr.Label)
	f.box.Add(container.NewHBox(f.AddMeeting))
	f.box.Refresh()
}

// suggestionText translates a suggestion's reasons.
func suggestionText(s model.SurveySuggestion) string {
	var parts []string
	for _, r := range s.Reasons {
		switch r {
		case model.SurveyReasonLowest:
			parts = append(parts, lang.L("lavest skår"))
		case model.SurveyReasonHighest:
			parts = append(parts, lang.L("høyest skår"))
		case model.SurveyReasonFellMost:
			parts = append(parts, fmt.Sprintf(lang.L("falt mest siden forrige runde (%s)"), model.FormatSurveyScoreChange(s.Change)))
		case model.SurveyReasonBelowTarget:
			parts = append(parts, lang.L("under målet på 4"))
		}
	}
	return s.Score.String() + ": " + strings.Join(parts, ", ")
}

// focusBlock is one chosen factor with its notes and measures.
func (f *FollowUp) focusBlock(a model.SurveyFocusArea, today model.Date) fyne.CanvasObject {
	e := f.e
	r := e.round
	fe := &FocusEditor{Factor: a.Factor, Err: widgets.NewErrorText()}
	f.Focus[a.Factor] = fe
	multi := func(text, ph string) *widgets.Entry {
		w := widgets.NewMultiLineEntry()
		w.Wrapping = fyne.TextWrapWord
		w.SetMinRowsVisible(2)
		w.SetText(text)
		w.SetPlaceHolder(ph)
		return w
	}
	fe.WhatWorks = multi(a.WhatWorks, lang.L("hva fungerer godt i dag?"))
	fe.ToImprove = multi(a.ToImprove, lang.L("hva vil dere gjøre bedre?"))
	factor := a.Factor
	fe.SaveNotes = widget.NewButtonWithIcon(lang.L("Lagre notatene"), theme.DocumentSaveIcon(), func() {
		cur, _ := f.e.round.FocusFor(factor)
		cur.WhatWorks, cur.ToImprove = fe.WhatWorks.Text, fe.ToImprove.Text
		f.save(f.e.round.SetFocus(cur), fe.Err)
	})
	fe.Remove = widget.NewButtonWithIcon(lang.L("Fjern"), theme.ContentRemoveIcon(), func() {
		f.save(f.e.round.RemoveFocus(factor), fe.Err)
	})
	fe.MeasureTitle = widgets.NewEntry()
	fe.MeasureTitle.SetPlaceHolder(lang.L("hva skal gjøres?"))
	fe.MeasureResp = widgets.NewEntry()
	fe.MeasureResp.SetPlaceHolder(lang.L("person eller rolle"))
	fe.MeasureDeadline = widgets.NewDateEntry(model.FieldDeadline, false)
	fe.MeasureDeadline.SetDate(today.AddMonths(3))
	fe.AddMeasure = widget.NewButtonWithIcon(lang.L("Legg tiltaket i handlingsplanen"), theme.ContentAddIcon(), func() { f.CreateMeasure(factor) })

	score := r.Score(a.Factor).Unit
	head := bold(fmt.Sprintf("%s: %s (%s)", lang.L(a.Kind.Label()), lang.L(a.Factor.Label()), score))
	expl := wrapped(lang.L(a.Factor.Explanation()))
	expl.TextStyle = fyne.TextStyle{Italic: true}
	box := container.NewVBox(widget.NewSeparator(), head, expl,
		labelled(lang.L(model.FieldSurveyWhatWorks), fe.Err.Bind(model.FieldSurveyWhatWorks, fe.WhatWorks)),
		labelled(lang.L(model.FieldSurveyToImprove), fe.Err.Bind(model.FieldSurveyToImprove, fe.ToImprove)),
		container.NewHBox(fe.SaveNotes, fe.Remove))
	fe.Measures = r.LinkedMeasures(a.Factor, f.measures)
	if len(fe.Measures) == 0 {
		box.Add(wrapped(lang.L("Ingen tiltak ennå.")))
	}
	for _, m := range fe.Measures {
		box.Add(widgets.MeasureRow(e.env, m, m.Responsible))
	}
	box.Add(container.NewGridWithColumns(2,
		labelled(lang.L(model.FieldTitle), fe.Err.Bind(model.FieldTitle, fe.MeasureTitle)),
		labelled(lang.L(model.FieldResponsible), fe.Err.Bind(model.FieldResponsible, fe.MeasureResp))))
	box.Add(labelled(lang.L(model.FieldDeadline), fe.Err.Bind(model.FieldDeadline, fe.MeasureDeadline)))
	box.Add(fe.Err.Label)
	box.Add(container.NewHBox(fe.AddMeasure))
	return box
}

// CreateMeasure puts a measure for a focus factor in the action plan,
// linked to the round and factor.
func (f *FollowUp) CreateMeasure(factor model.TenFactor) { f.createMeasure(factor) }

func (f *FollowUp) createMeasure(factor model.TenFactor) bool {
	fe := f.Focus[factor]
	if fe == nil {
		return false
	}
	d, err := fe.MeasureDeadline.Date()
	if err != nil {
		fe.Err.Show(err)
		return false
	}
	today := f.e.env.Today()
	m := model.NewMeasureFromFocus(f.e.round, factor, fe.MeasureTitle.Text, fe.MeasureResp.Text, d, today)
	_, r, err := f.e.env.Store.AddMeasureForFocus(f.e.round.ID, factor, m, today)
	if err != nil {
		fe.Err.Show(err)
		return false
	}
	// Added: the rebuild gives this factor an empty measure form.
	fe.MeasureTitle.SetText("")
	fe.MeasureResp.SetText("")
	fe.MeasureDeadline.SetText("")
	f.e.round = r
	f.e.replaceRound(r)
	f.rebuild()
	f.e.onSavedKeepTab(r)
	return true
}

// LogMeeting adds a follow-up meeting to the round.
func (f *FollowUp) LogMeeting() { f.logMeeting() }

func (f *FollowUp) logMeeting() bool {
	d, err := f.MeetingDate.Date()
	if err != nil {
		f.MeetingErr.Show(err)
		return false
	}
	k := f.MeetingKind.SelectedIndex()
	if k < 0 {
		f.MeetingErr.Show(fmt.Errorf("%s", lang.L("Velg type møte.")))
		return false
	}
	r := f.e.round
	r.Meetings = append(append([]model.SurveyMeeting(nil), r.Meetings...),
		model.SurveyMeeting{Date: d, Kind: model.SurveyMeetingKinds()[k], Notes: f.MeetingNotes.Text})
	notes := f.MeetingNotes.Text
	f.MeetingNotes.SetText("") // before the save redraws the page, which asks about typed text
	if !f.save(r, f.MeetingErr) {
		f.MeetingNotes.SetText(notes)
		return false
	}
	return true
}
