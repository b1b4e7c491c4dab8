// Package vold is the violence-and-threats screen: the status per duty,
// the mapping of the eight factors with a combined assessment and
// measures to the action plan, routines and information, the training
// log, and incident figures from the deviation register. It cites
// forskrift om utførelse av arbeid kap. 3A (tidligere kap. 23A) from the
// paragraph table in model.
package vold

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/storage"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "vold"

func init() {
	// A measure from the mapping opens its factor here.
	appctx.SourcePages[string(model.SourceViolenceThreats)] = PageID
}

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Vold og trusler"), Icon: theme.ErrorIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		if f, ok := env.TakeFocus(PageID); ok {
			s.Focus(f)
		}
		return s.Content()
	}}
}

// Screen is the module's page: one tab per part.
type Screen struct {
	env  *appctx.Env
	data storage.ViolenceData

	Tabs                                                      *container.AppTabs
	StatusTab, MappingTab, RoutinesTab, TrainingTab, EventTab *container.TabItem
	Status                                                    *StatusView
	Mapping                                                   *MappingView
	Routines                                                  *RoutinesView
	Training                                                  *TrainingView
	Incidents                                                 *IncidentsView
	PDFButton                                                 *widget.Button
	LoadErr                                                   *widgets.ErrorText
}

// New loads the module's data and builds the tabs.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, LoadErr: widgets.NewErrorText()}
	s.load()
	s.Status = newStatusView(s)
	s.Mapping = newMappingView(s)
	s.Routines = newRoutinesView(s)
	s.Training = newTrainingView(s)
	s.Incidents = newIncidentsView(s)
	s.PDFButton = widget.NewButtonWithIcon(lang.L("Rapport som PDF"), theme.DocumentPrintIcon(), s.SavePDF)
	// A tab's content joins the page when the tab is first shown: Fyne
	// refreshes the content of every tab whenever the tabs are drawn or
	// themed, and laying out all five made the page slow to open on a
	// large unit.
	lazy := map[*container.TabItem]fyne.CanvasObject{}
	tab := func(title string, content fyne.CanvasObject) *container.TabItem {
		t := container.NewTabItem(title, container.NewStack())
		lazy[t] = content
		return t
	}
	s.StatusTab = tab(lang.L("Status"), s.Status.Content())
	s.MappingTab = tab(lang.L("Kartlegging"), s.Mapping.Content())
	s.RoutinesTab = tab(lang.L("Rutiner"), s.Routines.Content())
	s.TrainingTab = tab(lang.L("Opplæring"), s.Training.Content())
	s.EventTab = tab(lang.L("Hendelser"), s.Incidents.Content())
	show := func(t *container.TabItem) {
		if c, ok := lazy[t]; ok {
			delete(lazy, t)
			stack := t.Content.(*fyne.Container)
			stack.Objects = []fyne.CanvasObject{c}
			stack.Refresh()
		}
	}
	show(s.StatusTab)
	s.Tabs = container.NewAppTabs(s.StatusTab, s.MappingTab, s.RoutinesTab, s.TrainingTab, s.EventTab)
	s.Tabs.OnSelected = show
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: s.newFromKeyboard, Search: s.focusSearch})
	return s
}

// load reads the data; an error is shown above the tabs.
func (s *Screen) load() {
	d, err := s.env.Store.ViolenceData()
	s.LoadErr.Show(err)
	if err == nil {
		s.data = d
	}
}

// Data is the module's data as last loaded.
func (s *Screen) Data() storage.ViolenceData { return s.data }

// changed reloads after a save and refreshes the views that show derived
// figures (the status and the dashboard).
func (s *Screen) changed() {
	s.load()
	s.Status.refresh()
	s.env.DataChanged()
}

// Focus opens what a focus request names: a mapping factor (ParentID set;
// ID the factor, 0 = the combined assessment), or a filter "opplaering".
func (s *Screen) Focus(f appctx.Focus) {
	switch {
	case f.Filter == "opplaering":
		s.Tabs.Select(s.TrainingTab)
	case f.Filter == filterMapping: // a draft (drafts.go)
		s.Tabs.Select(s.MappingTab)
	case f.Filter == filterRoutines:
		s.Tabs.Select(s.RoutinesTab)
	case f.ParentID != 0:
		s.Tabs.Select(s.MappingTab)
		step := int(f.ID) - 1
		if f.ID == 0 {
			step = len(model.ViolenceFactors())
		}
		s.Mapping.GoTo(step)
	}
}

// Content lays the screen out.
func (s *Screen) Content() fyne.CanvasObject {
	return container.NewBorder(s.LoadErr.Label, nil, nil, nil, s.Tabs)
}

// ReportInput is what the standalone PDF needs, read now.
func (s *Screen) ReportInput() (reports.ViolenceInput, error) {
	u, err := s.env.Store.Unit()
	if err != nil {
		return reports.ViolenceInput{}, err
	}
	d := s.data
	in := reports.ViolenceInput{Unit: u, Routines: d.Routines, Trainings: d.Trainings, Measures: d.Measures,
		Incidents: d.Incidents, Matrix: d.Matrix, Today: s.env.Today()}
	if d.HasMapping {
		m := d.Mapping
		in.Mapping = &m
	}
	return in, nil
}

// SavePDF asks where to save the module's report.
func (s *Screen) SavePDF() {
	in, err := s.ReportInput()
	if err != nil {
		s.LoadErr.Show(err)
		return
	}
	pdfexport.Save(s.env, pdfexport.FileName(lang.L("Vold og trusler"), in.Unit.Name), func() *reports.Document {
		return reports.ViolenceReport(in, reports.Options{})
	})
}

// --- small layout helpers ---------------------------------------------

// labeled puts a wrapped label above a control, so forms fit narrow
// windows and Møtemodus.
func labeled(label string, obj fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, obj)
}

// heading is a bold wrapped label.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapped is a wrapped label.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// scaleOptions are "n – description" for a probability or consequence
// select, with "(ikke vurdert)" first.
func scaleOptions(size int, describe func(size, n int) string) []string {
	out := []string{lang.L("(ikke vurdert)")}
	for n := 1; n <= size; n++ {
		out = append(out, fmt.Sprintf("%d – %s", n, i18n.T(describe(size, n))))
	}
	return out
}

// riskText is "Risiko: 3 × 4 = 12 – Høy (H). <guidance>", the level in
// words and letter so colour is never the only signal.
func riskText(m model.RiskMatrix, p, c int) (string, widget.Importance) {
	l := m.Level(p, c)
	if l == "" {
		return lang.L("Ikke vurdert ennå: velg sannsynlighet og konsekvens."), widget.MediumImportance
	}
	imp := widget.SuccessImportance
	switch l {
	case model.RiskMedium:
		imp = widget.WarningImportance
	case model.RiskHigh:
		imp = widget.DangerImportance
	}
	return fmt.Sprintf(lang.L("Risiko: %d × %d = %d – %s (%s). %s"), p, c, m.Score(p, c), lang.L(l.Label()), l.Letter(), lang.L(l.Guidance())), imp
}

// focusSearch is Ctrl+F: the incidents' search on their tab, else the
// training log's, on its tab (which also offers the incidents it finds).
func (s *Screen) focusSearch() {
	if s.Tabs.Selected() == s.EventTab {
		s.Incidents.ScrollToHits()
		s.env.Window.Canvas().Focus(s.Incidents.Search)
		return
	}
	s.Tabs.Select(s.TrainingTab)
	s.env.Window.Canvas().Focus(s.Training.Search)
}

// showIncidents opens the incidents tab searching for text, scrolled to
// the hits, with the keyboard in its search.
func (s *Screen) showIncidents(text string) {
	s.Tabs.Select(s.EventTab)
	s.Incidents.SearchFor(text)
	s.env.Window.Canvas().Focus(s.Incidents.Search)
}

// newFromKeyboard is Ctrl+N: a new training or drill, on its tab.
func (s *Screen) newFromKeyboard() {
	if s.Tabs != nil {
		s.Tabs.Select(s.TrainingTab)
	}
	appctx.Press(s.Training.NewButton)()
}
