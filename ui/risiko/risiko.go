// Package risiko is the risk assessment screen: assessments, their hazards
// rated on the unit's matrix, the heat map before and after measures, and
// measures that go to the action plan.
package risiko

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "risiko"

func init() {
	// A measure made from a risk item opens the item here.
	appctx.SourcePages[string(model.SourceRiskAssessment)] = PageID
}

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Risikovurdering"), Icon: theme.WarningIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		env.Resume = s.resume
		if f, ok := env.TakeFocus(PageID); ok {
			s.Open(f.ParentID, f.ID)
		}
		return s.Content()
	}}
}

// Screen lists the assessments and shows the selected one.
type Screen struct {
	env         *appctx.Env
	assessments []model.RiskAssessment // listed
	all         []model.RiskAssessment
	items       []model.RiskItem
	query       model.SearchQuery
	Search      *widgets.SearchEntry
	List        *widgets.List
	NewButton   *widget.Button
	detail      *fyne.Container
	Detail      *Detail
	loadErr     *widgets.ErrorText
}

// New loads the assessments.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, detail: container.NewStack(), loadErr: widgets.NewErrorText()}
	s.List = widgets.NewTwoLineList(
		func() int { return len(s.assessments) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			return widgets.Lines(s.listText(s.assessments[i]))
		},
	)
	s.List.OnSelected = func(i widget.ListItemID) {
		a := s.assessments[i]
		if s.Detail != nil && s.Detail.a.ID == a.ID && a.ID != 0 {
			return // already open (reselected after a save)
		}
		env.Leave(func() { s.show(a, 0) }, s.selectDetail)
	}
	s.NewButton = widget.NewButtonWithIcon(lang.L("Ny risikovurdering"), theme.ContentAddIcon(), s.NewAssessment)
	s.NewButton.Importance = widget.HighImportance
	s.Search = widgets.NewSearchEntry(lang.L("Søk i risikovurderingene …"))
	s.Search.OnChanged = func(t string) { s.query = model.NewSearchQuery(t); s.apply() }
	s.Reload()
	s.Search.List = s.List // Escape in an empty search
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: appctx.Press(s.NewButton), Search: func() { env.Window.Canvas().Focus(s.Search) }})
	return s
}

// listText is one assessment's line in the list; a passed review date is
// said in words, not only by colour.
func (s *Screen) listText(a model.RiskAssessment) (string, widget.Importance) {
	text := fmt.Sprintf("%s\n%s · %s · %s", a.Title, a.Date, lang.L(a.Status.Label()), lang.L(a.Kind.Label()))
	if a.ReviewDue(s.env.Today()) {
		return fmt.Sprintf("%s\n%s · %s", a.Title, fmt.Sprintf(lang.L("! Revisjon forfalt %s"), a.NextReview), lang.L(a.Kind.Label())), widget.DangerImportance
	}
	if !a.Current() {
		return text + " · " + lang.L("erstattet"), widget.LowImportance
	}
	return text, widget.MediumImportance
}

// Reload reads the assessments again.
func (s *Screen) Reload() {
	as, err := s.env.Store.Assessments()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	// Newest first: the committee works on the latest.
	for i, j := 0, len(as)-1; i < j; i, j = i+1, j-1 {
		as[i], as[j] = as[j], as[i]
	}
	s.all = as
	if s.items, err = s.env.Store.AllRiskItems(); err != nil {
		s.loadErr.Show(err)
	}
	s.apply()
}

// apply lists the assessments the search finds (all when it is blank),
// and closes the open one when it is no longer listed.
func (s *Screen) apply() {
	s.assessments = s.all
	if !s.query.Empty() {
		s.assessments = nil
		for _, a := range s.all {
			if s.query.MatchAssessment(a, s.items) {
				s.assessments = append(s.assessments, a)
			}
		}
	}
	s.List.Refresh()
	if s.Detail == nil || s.Detail.a.ID == 0 || s.listed(s.Detail.a.ID) {
		s.selectDetail()
		return
	}
	s.List.UnselectAll()
	s.env.Leave(func() {
		if s.Detail != nil && !s.listed(s.Detail.a.ID) {
			s.Detail = nil
			s.detail.Objects = []fyne.CanvasObject{hint()}
			s.detail.Refresh()
		}
	}, s.selectDetail)
}

func (s *Screen) listed(id uint64) bool {
	for _, a := range s.assessments {
		if a.ID == id {
			return true
		}
	}
	return false
}

func hint() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("Velg en risikovurdering i listen, eller lag en ny."))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Assessments are the listed assessments, newest first.
func (s *Screen) Assessments() []model.RiskAssessment { return s.assessments }

// Open shows an assessment and, if itemID is set, that item.
func (s *Screen) Open(assessmentID, itemID uint64) {
	if !s.listed(assessmentID) {
		s.Search.SetText("")
	}
	for i, a := range s.assessments {
		if a.ID == assessmentID {
			s.List.Select(i)
			s.show(a, itemID)
			return
		}
	}
}

// NewAssessment starts a blank assessment dated today.
func (s *Screen) NewAssessment() {
	s.env.Leave(func() {
		s.List.UnselectAll()
		today := s.env.Today()
		s.show(model.RiskAssessment{Kind: model.KindOrdinary, Status: model.AssessmentDraft, Date: today}, 0)
	}, nil)
}

func (s *Screen) show(a model.RiskAssessment, itemID uint64) {
	s.Detail = NewDetail(s.env, a, func(saved model.RiskAssessment) {
		s.Reload()
		for i, x := range s.assessments {
			if x.ID == saved.ID {
				s.List.Select(i)
			}
		}
		s.env.DataChanged()
	})
	if itemID != 0 {
		s.Detail.SelectItem(itemID)
	}
	s.detail.Objects = []fyne.CanvasObject{s.Detail.Content()}
	s.detail.Refresh()
	switch {
	case a.ID == 0: // a new assessment opens on «Vurdering»: its title
		s.env.FocusField(s.Detail.Title)
	case itemID == 0:
		// A stored one opens on «Matrise» (Detail.Content); the title sits
		// on the hidden «Vurdering» tab, where the focus would not go and
		// would stay on the page before. «Nytt risikoforhold» is shown.
		s.env.FocusField(s.Detail.NewItem)
	}
}

// resume names the assessment and item open, so the page can be rebuilt
// with them (after an undo, or when Møtemodus changes the scale).
func (s *Screen) resume() (appctx.Focus, bool) {
	if s.Detail == nil || s.Detail.a.ID == 0 {
		return appctx.Focus{}, false
	}
	f := appctx.Focus{ParentID: s.Detail.a.ID}
	if s.Detail.Item != nil {
		f.ID = s.Detail.Item.item.ID
	}
	return f, true
}

// Content lays the screen out.
func (s *Screen) Content() fyne.CanvasObject {
	if len(s.detail.Objects) == 0 {
		s.detail.Objects = []fyne.CanvasObject{hint()}
	}
	left := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, registerio.ExportButton(s.env, registerio.RiskItems), s.NewButton),
		s.Search, s.loadErr.Label), nil, nil, nil, s.List)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.33
	return split
}
