// Package tifaktor is the 10-FAKTOR screen: the survey rounds with the
// unit's score per factor, charts against KS's target and the comparison
// values, and the follow-up between rounds – focus areas, measures in the
// action plan, meetings and reminders.
package tifaktor

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "tifaktor"

func init() {
	// A measure made for a focus factor opens the round here.
	appctx.SourcePages[string(model.SourceTenFactor)] = PageID
}

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("10-FAKTOR"), Icon: theme.ListIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		if f, ok := env.TakeFocus(PageID); ok {
			// ParentID is the round, ID the factor number (see
			// model.NewMeasureFromFocus); a dashboard link gives only the round.
			factor, _ := model.TenFactorByNumber(int(f.ID))
			s.Open(f.ParentID, factor)
			if s.Editor != nil && f.Filter != "" {
				s.Editor.SelectTab(f.Filter)
			}
		}
		return s.Content()
	}}
}

// Screen lists the rounds and shows the selected one.
type Screen struct {
	env       *appctx.Env
	rounds    []model.SurveyRound // newest first
	shown     []model.SurveyRound // rounds the search finds
	query     model.SearchQuery
	measures  []model.Measure
	Search    *widgets.SearchEntry
	List      *widgets.List
	NewButton *widget.Button
	detail    *fyne.Container
	Editor    *Editor
	loadErr   *widgets.ErrorText
	openedNew bool // the open round is a new one, not saved yet
}

// New loads the rounds.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, detail: container.NewStack(), loadErr: widgets.NewErrorText()}
	s.List = widgets.NewTwoLineList(
		func() int { return len(s.shown) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			return widgets.Lines(s.listText(s.shown[i]))
		},
	)
	s.List.OnSelected = s.selected
	s.NewButton = widget.NewButtonWithIcon(lang.L("Ny runde"), theme.ContentAddIcon(), s.NewRound)
	s.NewButton.Importance = widget.HighImportance
	s.Search = widgets.NewSearchEntry(lang.L("Søk i 10-FAKTOR-rundene …"))
	s.Search.List = s.List // Escape in an empty search
	s.Search.OnChanged = func(t string) { s.query = model.NewSearchQuery(t); s.apply() }
	s.Reload()
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: appctx.Press(s.NewButton), Search: func() { env.Window.Canvas().Focus(s.Search) }})
	return s
}

// apply lists the rounds the search finds (all when it is blank); the
// open round leaves the detail pane when they no longer include it (the
// Guard asks first when it has changes; a new round stays).
func (s *Screen) apply() {
	s.shown = s.rounds
	if !s.query.Empty() {
		s.shown = nil
		for _, r := range s.rounds {
			if s.query.MatchSurveyRound(r) {
				s.shown = append(s.shown, r)
			}
		}
	}
	s.List.Refresh()
	hidden := func() bool { return s.Editor != nil && s.Editor.Round().ID != 0 && !s.listed(s.Editor.Round().ID) }
	if !hidden() {
		s.selectEditor()
		return
	}
	s.List.UnselectAll()
	s.env.Leave(func() {
		if hidden() {
			s.closeEditor()
		}
	}, s.selectEditor)
}

func (s *Screen) listed(id uint64) bool {
	for _, r := range s.shown {
		if r.ID == id {
			return true
		}
	}
	return false
}

// selectEditor marks the open round in the list (none for a new one).
func (s *Screen) selectEditor() {
	if s.Editor == nil || s.Editor.Round().ID == 0 {
		s.List.UnselectAll()
		return
	}
	for i, r := range s.shown {
		if r.ID == s.Editor.Round().ID {
			s.List.Select(i)
		}
	}
}

// closeEditor empties the detail pane.
func (s *Screen) closeEditor() {
	if s.Editor != nil && s.env.Guard != nil {
		s.env.Guard.Unnest(s.Editor.FollowUp)
	}
	s.Editor = nil
	s.detail.Objects = []fyne.CanvasObject{hintLabel()}
	s.detail.Refresh()
}

// selected opens the round chosen in the list, once the open round's
// results are saved or the user chose to discard them.
func (s *Screen) selected(i widget.ListItemID) {
	if i >= len(s.shown) {
		return
	}
	r := s.shown[i]
	if s.Editor != nil && s.Editor.Round().ID == r.ID && r.ID != 0 {
		return // already open
	}
	s.env.Leave(func() { s.show(r, "") }, nil)
}

// Dirty reports whether the open round's results hold unsaved changes.
func (s *Screen) Dirty() bool { return s.Editor != nil && s.Editor.Dirty() }

// Save stores the open round's results; false keeps them with the message.
func (s *Screen) Save() bool {
	if s.Editor == nil {
		return true
	}
	s.Editor.SaveRound()
	return !s.Editor.Dirty()
}

// Discard shows the open round again as stored.
func (s *Screen) Discard() {
	if s.Editor != nil {
		s.show(s.Editor.Round(), "")
	}
}

// listText is a round's line: year, response rate and follow-up status;
// a missing follow-up is said in words.
func (s *Screen) listText(r model.SurveyRound) (string, widget.Importance) {
	today := s.env.Today()
	rate := "–"
	if p, ok := r.ResponseRate(); ok {
		rate = p.String()
	}
	second := fmt.Sprintf(lang.L("Svar %s · %s"), rate, lang.L(r.FollowUpStatus(s.measures).Label()))
	if !r.HasReport() {
		second = fmt.Sprintf(lang.L("Svar %s · ingen rapport (færre enn 3 svar)"), rate)
	}
	if r.FollowUpOverdue(s.measures, today) {
		return r.Label() + "\n" + lang.L("! Ikke fulgt opp etter 3 måneder"), widget.DangerImportance
	}
	if _, overdue, ok := r.EvaluationDue(s.measures, today); ok && overdue {
		return r.Label() + "\n" + lang.L("! Evaluering av tiltak forfalt"), widget.WarningImportance
	}
	return r.Label() + "\n" + second, widget.MediumImportance
}

// Reload reads rounds and measures again.
func (s *Screen) Reload() {
	rs, err := s.env.Store.SurveyRounds()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	ms, err := s.env.Store.Measures()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	s.rounds, s.measures = rs, ms
	s.apply()
}

// Rounds are the listed rounds, newest first.
func (s *Screen) Rounds() []model.SurveyRound { return s.shown }

// Open shows a round and, if factor is set, its follow-up with that factor.
func (s *Screen) Open(roundID uint64, factor model.TenFactor) {
	if !s.listed(roundID) {
		s.Search.SetText("")
	}
	for i, r := range s.shown {
		if r.ID == roundID {
			s.List.Select(i)
			s.show(r, factor)
			return
		}
	}
}

// NewRound starts a blank round for this year with results today.
func (s *Screen) NewRound() {
	s.env.Leave(func() {
		s.List.UnselectAll()
		today := s.env.Today()
		s.show(model.NewSurveyRound(model.HMSYear(today.Year()), today), "")
	}, nil)
}

func (s *Screen) show(r model.SurveyRound, factor model.TenFactor) {
	if s.Editor != nil && s.env.Guard != nil {
		s.env.Guard.Unnest(s.Editor.FollowUp)
	}
	var ed *Editor
	ed = NewEditor(s.env, r, s.rounds, func(saved model.SurveyRound) { s.saved(ed, saved) })
	s.Editor = ed
	s.openedNew = r.ID == 0
	s.detail.Objects = []fyne.CanvasObject{ed.Content()}
	if factor != "" {
		ed.ShowFollowUp()
	}
	s.detail.Refresh()
	if factor == "" {
		s.env.FocusField(ed.Year)
	}
}

// saved updates the list after the editor stored or deleted a round (ID
// 0), keeping the editor. The shell rebuilds pages from scratch after a
// change, so the page is then reopened on the same round and tab instead
// of with env.DataChanged, which would lose the selection.
func (s *Screen) saved(ed *Editor, r model.SurveyRound) {
	s.Reload()
	s.List.OnSelected = nil // keep the editor that made the change
	s.List.UnselectAll()
	for i, x := range s.shown {
		if x.ID == r.ID {
			s.List.Select(i)
		}
	}
	s.List.OnSelected = s.selected
	if r.ID == 0 {
		s.closeEditor()
	}
	s.env.DataChanged() // the «Angre» bar names the save
	wasNew := s.openedNew && r.ID != 0
	s.openedNew = false
	s.env.Open(PageID, appctx.Focus{ParentID: r.ID, Filter: ed.CurrentTab()})
	if next, ok := s.env.Guard.Form().(*Screen); ok && wasNew { // a new round: ready for the next
		s.env.FocusField(next.NewButton)
	}
}

// Content lays the screen out.
func (s *Screen) Content() fyne.CanvasObject {
	if len(s.detail.Objects) == 0 {
		s.detail.Objects = []fyne.CanvasObject{hintLabel()}
	}
	left := container.NewBorder(container.NewVBox(s.NewButton, s.Search, s.loadErr.Label), nil, nil, nil, s.List)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.25
	return split
}

// hintLabel is shown when no round is open.
func hintLabel() fyne.CanvasObject {
	return wrapped(lang.L("Velg en 10-FAKTOR-runde i listen, eller registrer en ny når enheten har fått resultatene."))
}

// wrapped is a word-wrapping label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// bold is a bold, word-wrapping label.
func bold(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// labelled puts a label above a control, so long labels wrap instead of
// widening the form.
func labelled(label string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(wrapped(label), o)
}
