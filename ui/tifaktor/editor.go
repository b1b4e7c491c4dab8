package tifaktor

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// ScoreEntries are the entry fields of one factor: the unit's mean and
// the three comparison values.
type ScoreEntries struct {
	Unit         *widgets.Entry
	Municipality *widgets.Entry
	National     *widgets.Entry
	UnitType     *widgets.Entry
}

func (se ScoreEntries) comparison(c model.SurveyComparison) *widgets.Entry {
	switch c {
	case model.SurveyCompareMunicipality:
		return se.Municipality
	case model.SurveyCompareNational:
		return se.National
	}
	return se.UnitType
}

// Editor shows one round in three tabs: the results as entered, the
// charts, and the follow-up.
type Editor struct {
	env     *appctx.Env
	round   model.SurveyRound
	rounds  []model.SurveyRound // all stored rounds, for trend and suggestions
	onSaved func(model.SurveyRound)

	Year                                *widgets.Entry
	OpensOn, ClosesOn, ResultsOn        *widgets.DateEntry
	Invited, Respondents                *widgets.Entry
	Rate, NoReport                      *widget.Label
	Scores                              map[model.TenFactor]ScoreEntries
	Notes                               *widgets.Entry
	Save, Delete, PDF                   *widget.Button
	Err                                 *widgets.ErrorText
	Tabs                                *container.AppTabs
	chartBox                            *fyne.Container
	FollowUp                            *FollowUp
	followTab, resultsTab, chartTabItem *container.TabItem
	loaded                              string // the results as loaded or saved (see state)
}

// NewEditor builds the editor for a round (ID 0 = new).
func NewEditor(env *appctx.Env, r model.SurveyRound, rounds []model.SurveyRound, onSaved func(model.SurveyRound)) *Editor {
	e := &Editor{env: env, round: r.Normalized(), rounds: rounds, onSaved: onSaved, Scores: map[model.TenFactor]ScoreEntries{}}
	entry := func(text, ph string) *widgets.Entry {
		w := widgets.NewEntry()
		w.SetText(text)
		w.SetPlaceHolder(ph)
		return w
	}
	e.Year = entry(r.Year.String(), lang.L("åååå"))
	if r.Year == 0 {
		e.Year.SetText("")
	}
	e.OpensOn = widgets.NewDateEntry(model.FieldSurveyOpensOn, true)
	e.OpensOn.SetDate(r.OpensOn)
	e.ClosesOn = widgets.NewDateEntry(model.FieldSurveyClosesOn, true)
	e.ClosesOn.SetDate(r.ClosesOn)
	e.ResultsOn = widgets.NewDateEntry(model.FieldSurveyResultsOn, false)
	e.ResultsOn.SetDate(r.ResultsOn)
	count := func(n int) string {
		if n == 0 && r.ID == 0 {
			return ""
		}
		return model.FormatInt(n)
	}
	e.Invited = entry(count(r.Invited), lang.L("antall"))
	e.Respondents = entry(count(r.Respondents), lang.L("antall"))
	e.Rate = widget.NewLabel("")
	e.NoReport = wrapped("")
	e.NoReport.Importance = widget.WarningImportance
	e.Invited.OnChanged = func(string) { e.refreshRate() }
	e.Respondents.OnChanged = func(string) { e.refreshRate() }
	for _, f := range model.TenFactors() {
		fs := r.Score(f)
		e.Scores[f] = ScoreEntries{
			Unit:         entry(fs.Unit.String(), lang.L("1,00–5,00")),
			Municipality: entry(fs.Municipality.String(), lang.L("valgfritt")),
			National:     entry(fs.National.String(), lang.L("valgfritt")),
			UnitType:     entry(fs.UnitType.String(), lang.L("valgfritt")),
		}
	}
	e.Notes = widgets.NewMultiLineEntry()
	e.Notes.Wrapping = fyne.TextWrapWord
	e.Notes.SetMinRowsVisible(2)
	e.Notes.SetText(r.Notes)
	e.Save = widget.NewButtonWithIcon(lang.L("Lagre runden"), theme.DocumentSaveIcon(), e.SaveRound)
	e.Save.Importance = widget.HighImportance
	e.Delete = widget.NewButtonWithIcon(lang.L("Slett runden"), theme.DeleteIcon(), e.confirmDeleteRound)
	e.Delete.Importance = widget.DangerImportance // asks first
	e.PDF = widget.NewButtonWithIcon(lang.L("PDF: oppfølgingsrapport"), theme.DocumentPrintIcon(), e.ExportPDF)
	if r.ID == 0 {
		e.Delete.Hide()
		e.PDF.Hide()
	}
	e.Err = widgets.NewErrorText()
	e.chartBox = container.NewVBox()
	e.FollowUp = newFollowUp(e)
	e.refreshRate()
	e.refreshCharts()
	e.loaded = e.state()
	return e
}

// state is the results as typed, in one string, to tell whether they were
// changed since they were loaded or saved.
func (e *Editor) state() string {
	fields := []*widget.Entry{&e.Year.Entry, &e.OpensOn.Entry, &e.ClosesOn.Entry, &e.ResultsOn.Entry, &e.Invited.Entry, &e.Respondents.Entry, &e.Notes.Entry}
	for _, f := range model.TenFactors() {
		se := e.Scores[f]
		fields = append(fields, &se.Unit.Entry, &se.Municipality.Entry, &se.National.Entry, &se.UnitType.Entry)
	}
	var b strings.Builder
	for _, x := range fields {
		b.WriteString(x.Text)
		b.WriteByte(0)
	}
	return b.String()
}

// Dirty reports whether the results hold changes not saved.
func (e *Editor) Dirty() bool { return e.state() != e.loaded }

// Round is the round as last loaded or saved.
func (e *Editor) Round() model.SurveyRound { return e.round }

// refreshRate shows the response rate and, with fewer than 3 answers, why
// the unit gets no scores.
func (e *Editor) refreshRate() {
	inv, err1 := model.ParseSurveyInvited(e.Invited.Text)
	resp, err2 := model.ParseSurveyRespondents(e.Respondents.Text)
	if err1 != nil || err2 != nil {
		e.Rate.SetText(lang.L("Svarprosent: fyll ut inviterte og antall svar"))
		e.NoReport.Hide()
		return
	}
	if p, ok := model.SurveyResponseRate(inv, resp); ok && resp <= inv {
		e.Rate.SetText(fmt.Sprintf(lang.L("Svarprosent: %s"), p))
	} else {
		e.Rate.SetText(lang.L("Svarprosent: –"))
	}
	if resp < model.SurveyMinRespondents {
		e.NoReport.SetText(fmt.Sprintf(lang.L("Enheten fikk %d svar. 10-FAKTOR gir ingen rapport for en enhet med færre enn 3 svar, for at ingen skal kunne kjennes igjen. Enhetens skår kan derfor ikke registreres for denne runden."), resp))
		e.NoReport.Show()
	} else {
		e.NoReport.Hide()
	}
}

// read turns the form into a round. Every field that does not parse gets
// its message; the round is only usable when err is nil.
func (e *Editor) read() (model.SurveyRound, error) {
	r := e.round
	var v model.ValidationError
	add := func(field string, err error) {
		var fe *model.FieldError
		if errors.As(err, &fe) {
			v.Add(fe.Field, fe.Message)
		} else if err != nil {
			v.Add(field, err.Error())
		}
	}
	var err error
	if r.Year, err = model.ParseSurveyYear(e.Year.Text); err != nil {
		add(model.FieldSurveyYear, err)
	}
	if r.OpensOn, err = e.OpensOn.Date(); err != nil {
		add(model.FieldSurveyOpensOn, err)
	}
	if r.ClosesOn, err = e.ClosesOn.Date(); err != nil {
		add(model.FieldSurveyClosesOn, err)
	}
	if r.ResultsOn, err = e.ResultsOn.Date(); err != nil {
		add(model.FieldSurveyResultsOn, err)
	}
	if r.Invited, err = model.ParseSurveyInvited(e.Invited.Text); err != nil {
		add(model.FieldSurveyInvited, err)
	}
	if r.Respondents, err = model.ParseSurveyRespondents(e.Respondents.Text); err != nil {
		add(model.FieldSurveyRespondents, err)
	}
	for _, f := range model.TenFactors() {
		se := e.Scores[f]
		fs := model.SurveyFactorScore{Factor: f}
		if fs.Unit, err = model.ParseOptionalSurveyScoreField(model.SurveyScoreField(f), se.Unit.Text); err != nil {
			add(model.SurveyScoreField(f), err)
		}
		for _, c := range model.SurveyComparisons() {
			x, err := model.ParseOptionalSurveyScoreField(model.SurveyComparisonField(f, c), se.comparison(c).Text)
			if err != nil {
				add(model.SurveyComparisonField(f, c), err)
			}
			switch c {
			case model.SurveyCompareMunicipality:
				fs.Municipality = x
			case model.SurveyCompareNational:
				fs.National = x
			default:
				fs.UnitType = x
			}
		}
		r = r.SetScore(fs)
	}
	r.Notes = strings.TrimSpace(e.Notes.Text)
	return r, v.Err()
}

// SaveRound validates and stores the round; refused input stays typed.
func (e *Editor) SaveRound() {
	r, err := e.read()
	if err != nil {
		e.Err.Show(err)
		return
	}
	saved, err := e.env.Store.SaveSurveyRound(r, e.env.Today())
	if err != nil {
		e.Err.Show(err)
		return
	}
	e.Err.Show(nil)
	e.round = saved
	e.loaded = e.state()
	e.replaceRound(saved)
	e.refreshCharts()
	e.FollowUp.rebuild()
	e.Delete.Show()
	e.PDF.Show()
	e.onSaved(saved)
}

// replaceRound puts r into the editor's list of rounds (for trend and
// suggestions).
func (e *Editor) replaceRound(r model.SurveyRound) {
	rs := make([]model.SurveyRound, 0, len(e.rounds)+1)
	found := false
	for _, x := range e.rounds {
		if x.ID == r.ID {
			x, found = r, true
		}
		rs = append(rs, x)
	}
	if !found {
		rs = append(rs, r)
	}
	e.rounds = rs
}

// onSavedKeepTab tells the screen after a change made in the follow-up.
func (e *Editor) onSavedKeepTab(r model.SurveyRound) {
	e.refreshCharts()
	e.onSaved(r)
}

// Tab names, used in focus requests so a rebuilt page opens the same tab.
const (
	tabResults  = "resultater"
	tabChart    = "diagram"
	tabFollowUp = "oppfolging"
)

// CurrentTab is the name of the selected tab.
func (e *Editor) CurrentTab() string {
	if e.Tabs == nil {
		return tabResults
	}
	switch e.Tabs.Selected() {
	case e.chartTabItem:
		return tabChart
	case e.followTab:
		return tabFollowUp
	}
	return tabResults
}

// SelectTab selects a tab by name.
func (e *Editor) SelectTab(name string) {
	if e.Tabs == nil {
		return
	}
	switch name {
	case tabChart:
		e.Tabs.Select(e.chartTabItem)
	case tabFollowUp:
		e.Tabs.Select(e.followTab)
	default:
		e.Tabs.Select(e.resultsTab)
	}
}

// confirmDeleteRound asks before deleting (Avbryt is the default, as for
// every destructive question).
func (e *Editor) confirmDeleteRound() {
	if e.round.ID == 0 {
		return
	}
	widgets.ConfirmDanger(e.env.Window, lang.L("Slett runden"),
		fmt.Sprintf(lang.L("Slette «%s»? Tiltakene blir stående i handlingsplanen."), e.round.Label()),
		lang.L("Slett"), e.DeleteRound)
}

// DeleteRound deletes the round (after the question). Measures stay in
// the action plan.
func (e *Editor) DeleteRound() {
	if err := e.env.Store.DeleteSurveyRound(e.round.ID); err != nil {
		e.Err.Show(err)
		return
	}
	e.onSaved(model.SurveyRound{})
}

// ExportPDF saves the round's follow-up report.
func (e *Editor) ExportPDF() {
	in := e.ReportInput()
	pdfexport.Save(e.env, pdfexport.FileName("10-FAKTOR", e.round.Year.String(), in.Unit.Name), func() *reports.Document {
		return reports.TenFactorReport(in, reports.Options{})
	})
}

// ReportInput is what the PDF of this round gets.
func (e *Editor) ReportInput() reports.TenFactorInput {
	u, _ := e.env.Store.Unit()
	ms, _ := e.env.Store.Measures()
	return reports.TenFactorInput{Unit: u, Round: e.round, Rounds: e.rounds, Measures: ms, Today: e.env.Today()}
}

// ShowFollowUp selects the follow-up tab.
func (e *Editor) ShowFollowUp() { e.SelectTab(tabFollowUp) }

// refreshCharts redraws the charts from the stored round.
func (e *Editor) refreshCharts() {
	e.chartBox.RemoveAll()
	r := e.round
	if r.ID == 0 || !r.HasReport() || !r.HasScores() {
		e.chartBox.Add(wrapped(lang.L("Diagrammene vises når runden er lagret med skår for alle ti faktorene.")))
		return
	}
	e.chartBox.Add(bold(fmt.Sprintf(lang.L("Enhetens skår %s"), r.Year)))
	e.chartBox.Add(NewScoreChart(roundRows(r), true))
	e.chartBox.Add(chartLegend(true))
	trend := trendRows(e.rounds, r)
	e.chartBox.Add(widget.NewSeparator())
	e.chartBox.Add(bold(lang.L("Utvikling per faktor")))
	if trend == nil {
		e.chartBox.Add(wrapped(lang.L("Utviklingen vises når enheten har mer enn én runde med skår.")))
		return
	}
	e.chartBox.Add(NewScoreChart(trend, false))
	e.chartBox.Add(trendLegend(trendYears(e.rounds, r)))
}

// resultsContent is the first tab: the round's data and the scores.
func (e *Editor) resultsContent() fyne.CanvasObject {
	box := container.NewVBox(
		container.NewGridWithColumns(2,
			labelled(lang.L(model.FieldSurveyYear), e.Err.Bind(model.FieldSurveyYear, e.Year)),
			labelled(lang.L(model.FieldSurveyResultsOn), e.Err.Bind(model.FieldSurveyResultsOn, e.ResultsOn)),
			labelled(lang.L(model.FieldSurveyOpensOn), e.Err.Bind(model.FieldSurveyOpensOn, e.OpensOn)),
			labelled(lang.L(model.FieldSurveyClosesOn), e.Err.Bind(model.FieldSurveyClosesOn, e.ClosesOn)),
			labelled(lang.L(model.FieldSurveyInvited), e.Err.Bind(model.FieldSurveyInvited, e.Invited)),
			labelled(lang.L(model.FieldSurveyRespondents), e.Err.Bind(model.FieldSurveyRespondents, e.Respondents)),
		),
		e.Rate, e.NoReport,
		e.Err.Bind(model.FieldSurveyScores, wrapped(lang.L("Skriv enhetens gjennomsnitt per faktor slik det står i 10-FAKTOR-rapporten, med to desimaler (for eksempel 3,85). Sammenligningstallene er valgfrie. Resultatene gjelder bare per faktor, aldri enkeltspørsmål eller enkeltpersoner."))),
	)
	for i, f := range model.TenFactors() {
		se := e.Scores[f]
		box.Add(widget.NewSeparator())
		box.Add(bold(fmt.Sprintf("%d. %s", i+1, lang.L(f.FullLabel()))))
		expl := wrapped(lang.L(f.Explanation()))
		expl.TextStyle = fyne.TextStyle{Italic: true}
		box.Add(expl)
		box.Add(container.NewGridWithColumns(2,
			labelled(lang.L("Enheten"), e.Err.Bind(model.SurveyScoreField(f), se.Unit)),
			labelled(lang.L(model.SurveyCompareMunicipality.Label()), e.Err.Bind(model.SurveyComparisonField(f, model.SurveyCompareMunicipality), se.Municipality)),
			labelled(lang.L(model.SurveyCompareNational.Label()), e.Err.Bind(model.SurveyComparisonField(f, model.SurveyCompareNational), se.National)),
			labelled(lang.L(model.SurveyCompareUnitType.Label()), e.Err.Bind(model.SurveyComparisonField(f, model.SurveyCompareUnitType), se.UnitType)),
		))
	}
	box.Add(widget.NewSeparator())
	box.Add(labelled(lang.L(model.FieldSurveyNotes), e.Err.Bind(model.FieldSurveyNotes, e.Notes)))
	box.Add(e.Err.Label)
	box.Add(container.NewHBox(e.Save, e.Delete))
	return container.NewVScroll(box)
}

// Content lays out the editor as tabs.
func (e *Editor) Content() fyne.CanvasObject {
	heading := lang.L("Ny 10-FAKTOR-runde")
	if e.round.ID != 0 {
		heading = e.round.Label()
	}
	e.resultsTab = container.NewTabItem(lang.L("Resultater"), e.resultsContent())
	e.chartTabItem = container.NewTabItem(lang.L("Diagram"), container.NewVScroll(e.chartBox))
	e.followTab = container.NewTabItem(lang.L("Oppfølging"), container.NewVScroll(e.FollowUp.Content()))
	e.Tabs = container.NewAppTabs(e.resultsTab, e.chartTabItem, e.followTab)
	top := container.NewBorder(nil, nil, nil, e.PDF, bold(heading))
	return container.NewBorder(top, nil, nil, nil, e.Tabs)
}
