// Package vernerunde is the safety-round screen: the list of rounds, one
// round in three steps (formøte, befaring with the checklist, avslutning
// with measures), and the checklist templates the unit can copy and edit.
package vernerunde

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/assets"
	"hmsutvalg/model"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "vernerunde"

func init() {
	// A measure made from a finding opens the round here.
	appctx.SourcePages[string(model.SourceSafetyRound)] = PageID
}

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Vernerunde"), Icon: theme.VisibilityIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		env.Resume = func() (appctx.Focus, bool) {
			if s.Round == nil {
				return appctx.Focus{}, false
			}
			return appctx.Focus{ParentID: s.Round.r.ID}, true
		}
		if f, ok := env.TakeFocus(PageID); ok {
			if f.Filter == FilterTemplates { // a checklist's draft (drafts.go)
				s.ShowTemplates()
				s.Templates.selectID(f.ID)
			} else {
				s.Open(f.ParentID, int(f.ID))
			}
		}
		return s.Content()
	}}
}

// Screen shows either the list of rounds, one round, or the templates.
// One view at a time gives the checklist the full width of a laptop or a
// 1024×768 projector in Møtemodus.
type Screen struct {
	env       *appctx.Env
	rounds    []model.SafetyRound
	shown     []model.SafetyRound // rounds the search finds
	query     model.SearchQuery
	templates []model.ChecklistTemplate

	Search *widgets.SearchEntry

	List         *widgets.List
	TemplatePick *widget.Select
	NewButton    *widget.Button
	TemplatesBtn *widget.Button
	Err          *widgets.ErrorText
	Round        *RoundView
	Templates    *TemplatesView
	// Ask is the last «a round is in progress» question asked.
	Ask           *widgets.KeyDialog
	root          *fyne.Container
	listView      fyne.CanvasObject
	templateNames []string
	// attached counts each round's finding attachments (metadata only).
	attached map[uint64]int
	// Thumbs are the list's thumbnails, read for the rows on screen.
	Thumbs *vedlegg.ListThumbs
}

// New loads the rounds and templates.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, root: container.NewStack(), Err: widgets.NewErrorText()}
	s.List = widgets.NewTwoLineList(
		func() int { return len(s.shown) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			return widgets.Lines(s.listText(s.shown[i]))
		},
	)
	s.Thumbs = vedlegg.NewListThumbs(env, model.OwnerFinding)
	s.List.SetLeading(func(i widget.ListItemID) bool { return i < len(s.shown) && s.Thumbs.Has(s.shown[i].ID) },
		func(i widget.ListItemID, img *canvas.Image) { s.Thumbs.Fill(s.shown[i].ID, img) })
	s.List.OnSelected = func(i widget.ListItemID) {
		id := s.shown[i].ID
		s.List.UnselectAll()
		s.Open(id, 0)
	}
	s.TemplatePick = widgets.NewSelect(nil, nil)
	s.NewButton = widget.NewButtonWithIcon(lang.L("Start ny vernerunde"), theme.ContentAddIcon(), s.NewRound)
	s.NewButton.Importance = widget.HighImportance
	s.TemplatesBtn = widget.NewButtonWithIcon(lang.L("Sjekklister"), theme.ListIcon(), s.ShowTemplates)
	s.Search = widgets.NewSearchEntry(lang.L("Søk i vernerundene og funnene …"))
	s.Search.OnChanged = func(t string) { s.query = model.NewSearchQuery(t); s.apply() }
	s.Reload()
	s.listView = s.buildList()
	s.root.Objects = []fyne.CanvasObject{s.listView}
	s.Search.List = s.List // Escape in an empty search
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: s.newFromKeyboard, Search: s.focusSearch})
	return s
}

// Reload reads rounds and templates again.
func (s *Screen) Reload() {
	rs, err := s.env.Store.SafetyRounds()
	if err != nil {
		s.Err.Show(err)
		return
	}
	// Newest first.
	slices.SortStableFunc(rs, func(a, b model.SafetyRound) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return int(b.ID) - int(a.ID)
	})
	s.rounds = rs
	s.attached, _ = s.env.Store.AttachmentCounts(model.OwnerFinding)
	if s.Thumbs != nil {
		s.Thumbs.Reload()
	}
	s.templates = allTemplates(s.env)
	s.templateNames = nil
	for _, t := range s.templates {
		s.templateNames = append(s.templateNames, templateLabel(t))
	}
	prev := s.TemplatePick.Selected
	s.TemplatePick.Options = s.templateNames
	if prev == "" || !slices.Contains(s.templateNames, prev) {
		// Default: the template for the unit's sector.
		if u, err := s.env.Store.Unit(); err == nil {
			for _, t := range s.templates {
				if t.Key == assets.ChecklistTemplateFor(u.Sector).Key {
					prev = templateLabel(t)
					break
				}
			}
		}
	}
	s.TemplatePick.SetSelected(prev)
	s.apply()
}

// apply lists the rounds the search finds (all when it is blank).
func (s *Screen) apply() {
	s.shown = s.rounds
	if !s.query.Empty() {
		s.shown = nil
		for _, r := range s.rounds {
			if s.query.MatchRound(r) {
				s.shown = append(s.shown, r)
			}
		}
	}
	s.List.Refresh()
}

// focusSearch puts the keyboard in the search field (Ctrl+F); from a
// round or the checklists it goes back to the list first (saving what was
// typed, or asking).
func (s *Screen) focusSearch() {
	if s.Round == nil && s.Templates == nil {
		s.env.Window.Canvas().Focus(s.Search)
		return
	}
	s.env.Leave(func() {
		s.ShowList()
		s.env.FocusField(s.Search)
	}, nil)
}

// allTemplates is the shipped templates followed by the unit's own.
func allTemplates(env *appctx.Env) []model.ChecklistTemplate {
	ts, _ := assets.ChecklistTemplates()
	own, _ := env.Store.ChecklistTemplates()
	return append(ts, own...)
}

// templateLabel names a template in selects: own ones are marked.
func templateLabel(t model.ChecklistTemplate) string {
	if t.Builtin() {
		return fmt.Sprintf(lang.L("%s (%d spørsmål)"), t.Name, t.QuestionCount())
	}
	return fmt.Sprintf(lang.L("%s – egen (%d spørsmål)"), t.Name, t.QuestionCount())
}

// Rounds are the listed rounds, newest first.
func (s *Screen) Rounds() []model.SafetyRound { return s.shown }

func (s *Screen) listText(r model.SafetyRound) (string, widget.Importance) {
	att := ""
	if n := s.attached[r.ID]; n > 0 {
		att = " · " + vedlegg.CountText(n)
	}
	// The inspection's date is the one measures and deviations from the
	// round name it by («Vernerunde 17.03.2026, nr. 7»); it is said too
	// when the round was completed another day.
	inspected := ""
	if !r.Date.IsZero() && r.Date != r.CompletedDate() {
		inspected = " · " + fmt.Sprintf(lang.L("befaring %s"), r.Date)
	}
	if r.Locked() {
		return fmt.Sprintf("%s\n%s %s%s · %d %s%s · %s", r.Title, lang.L("Fullført"), r.CompletedDate(), inspected, len(r.Findings()), lang.L("funn"), att, r.TemplateName), widget.MediumImportance
	}
	a, t := r.Progress()
	return fmt.Sprintf("%s\n%s%s · %s%s · %s", r.Title, lang.L("Pågår"), inspected, fmt.Sprintf(lang.L("%d av %d besvart"), a, t), att, r.TemplateName), widget.HighImportance
}

func (s *Screen) buildList() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("En vernerunde har tre steg: formøte (status på tiltak fra forrige runde), befaring med sjekkliste, og avslutningsmøte der funnene blir tiltak med ansvarlig og frist. En fullført runde låses."))
	intro.Wrapping = fyne.TextWrapWord
	pickLabel := widget.NewLabelWithStyle(lang.L("Sjekkliste for ny vernerunde"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(intro, pickLabel, s.TemplatePick,
		container.NewHBox(s.NewButton, s.TemplatesBtn, registerio.ExportButton(s.env, registerio.Findings)), s.Err.Label, widget.NewSeparator(), s.Search)
	return container.NewBorder(top, nil, nil, nil, s.List)
}

// ShowList returns to the list of rounds.
func (s *Screen) ShowList() {
	s.Round = nil
	s.Templates = nil
	s.Reload()
	s.show(s.listView)
}

func (s *Screen) show(o fyne.CanvasObject) {
	s.root.Objects = []fyne.CanvasObject{o}
	s.root.Refresh()
}

// NewRound starts a round on the chosen checklist, dated today, and opens
// its pre-meeting.
func (s *Screen) NewRound() {
	i := slices.Index(s.templateNames, s.TemplatePick.Selected)
	if i < 0 {
		var v model.ValidationError
		v.Add(model.FieldTemplateName, lang.L("Velg en sjekkliste for vernerunden"))
		s.Err.Show(v)
		return
	}
	if r, ok := model.UnfinishedRound(s.rounds); ok {
		s.askNewRound(r, s.templates[i])
		return
	}
	s.startRound(s.templates[i])
}

// askNewRound asks before a round is started while r is in progress:
// open r (the default), start a new one anyway, or neither.
func (s *Screen) askNewRound(r model.SafetyRound, tmpl model.ChecklistTemplate) {
	a, n := r.Progress()
	d := widgets.NewKeyDialog(s.env.Window, lang.L("En vernerunde pågår"), widgets.Message(
		fmt.Sprintf(lang.L("%s pågår fortsatt (%d av %d besvart). Åpne den og fullfør den, eller start en ny likevel?"), r.Title, a, n)))
	d.SetCancel(lang.L("Avbryt"), nil)
	d.Default = d.AddButton(lang.L("Åpne den"), theme.FolderOpenIcon(), widget.HighImportance, func() { s.Open(r.ID, 0) })
	d.AddButton(lang.L("Start en ny likevel"), theme.ContentAddIcon(), widget.MediumImportance, func() { s.startRound(tmpl) })
	d.Show()
	s.Ask = d
}

// startRound creates a round on tmpl, dated today, and opens it.
func (s *Screen) startRound(tmpl model.ChecklistTemplate) {
	r := model.NewSafetyRound(tmpl, s.env.Today())
	r.Title = fmt.Sprintf(lang.L("Vernerunde %s"), r.Date)
	saved, err := s.env.Store.SaveSafetyRound(r, s.env.Today())
	if err != nil {
		s.Err.Show(err)
		return
	}
	s.Err.Show(nil)
	s.env.DataChanged()
	s.Reload()
	s.Open(saved.ID, 0)
}

// Open shows round id; question n (if > 0) is selected in the checklist.
func (s *Screen) Open(id uint64, n int) {
	r, err := s.env.Store.SafetyRound(id)
	if err != nil {
		s.Err.Show(err)
		return
	}
	// «Alle vernerunder» saves what was typed in the round first.
	s.Round = NewRoundView(s.env, r, s.rounds, func() { s.env.Leave(s.ShowList, nil) })
	s.show(s.Round.Content())
	if n > 0 {
		s.Round.ShowQuestion(n)
	} else if !r.Locked() {
		s.env.FocusField(s.Round.Pre.Title)
	}
}

// ShowTemplates opens the checklist templates.
func (s *Screen) ShowTemplates() {
	s.Templates = NewTemplatesView(s.env, func() { s.env.Leave(s.ShowList, nil) })
	s.show(s.Templates.Content())
}

// Content is the screen's layout.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// labelled puts a bold, wrapping label above a control (labels above
// controls fit a narrow window in Møtemodus better than a form's column).
func labelled(label string, control fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, control)
}

// wrapped is a word-wrapping label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// newFromKeyboard is Ctrl+N: a new round on the chosen checklist, from the
// list of rounds (not from inside a round or the checklists).
func (s *Screen) newFromKeyboard() {
	if s.Round == nil && s.Templates == nil {
		appctx.Press(s.NewButton)()
	}
}
