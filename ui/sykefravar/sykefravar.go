// Package sykefravar is the sick-leave screen: the unit's sick leave per
// quarter (aggregates only, never a person), the trend against the target
// and the IA plan's follow-up limits, the alerts those limits raise with
// measures for the action plan, CSV import of the HR report's figures,
// and the unit's target and limits.
package sykefravar

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "sykefravar"

// actionPlanPage is the action plan's page ID (ui/handlingsplan), opened
// from an alert whose measures exist; a constant, not an import, so the
// modules stay independent.
const actionPlanPage = "handlingsplan"

func init() {
	// A measure made from an alert opens the quarter it names here.
	appctx.SourcePages[string(model.SourceSickLeave)] = PageID
}

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Sykefravær"), Icon: theme.InfoIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		c := s.Content()
		if f, ok := env.TakeFocus(PageID); ok && f.ID != 0 {
			s.Open(f.ID)
		}
		return c
	}}
}

// Tab indexes.
const (
	TabOverview = iota
	TabQuarters
	TabImport
	TabSettings
)

// Screen is the sick-leave page: four tabs, so each part gets the full
// width of a 1024×768 projector in Møtemodus.
type Screen struct {
	env      *appctx.Env
	quarters []model.SickLeaveQuarter // newest first
	rows     []model.SickLeaveQuarter // the table's rows: the quarters the search finds
	query    model.SearchQuery
	settings model.SickLeaveSettings
	alerts   []model.FollowUpAlert // newest first
	measures []model.Measure

	Search    *widgets.SearchEntry
	Tabs      *container.AppTabs
	Table     *widgets.Table
	Form      *QuarterForm
	Chart     *TrendChart
	Summary   *widget.Label // latest quarter against the target, and nærvær
	Presence  *widget.Label // nærvær of the last quarters, beside the chart
	Alerts    *fyne.Container
	Import    *Importer
	Limits    *SettingsForm
	PDFButton *widget.Button
	loadErr   *widgets.ErrorText
	selected  int // table row, -1 for none
}

// New loads the quarters, settings and alerts.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, loadErr: widgets.NewErrorText(), selected: -1}
	s.Summary = wrapped("")
	s.Presence = widget.NewLabel("") // short lines; beside the chart it must keep its width
	s.Alerts = container.NewVBox()
	s.Chart = NewTrendChart()
	s.Form = newQuarterForm(s)
	s.Import = newImporter(s)
	s.Limits = newSettingsForm(s)
	s.Table = s.newTable()
	s.Search = widgets.NewSearchEntry(lang.L("Søk etter kvartal eller år …"))
	s.Search.List = s.Table // Escape in an empty search
	s.Search.OnChanged = func(t string) { s.query = model.NewSearchQuery(t); s.apply() }
	s.PDFButton = widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), s.SavePDF)
	s.Reload()
	s.Form.NewQuarter() // the form was built before the quarters were read
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: s.newFromKeyboard, Search: s.focusSearch})
	return s
}

// Reload reads everything again and refreshes every part.
func (s *Screen) Reload() {
	qs, err := s.env.Store.SickLeaveQuarters()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	set, err := s.env.Store.SickLeaveSettings()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	ms, err := s.env.Store.Measures()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	s.loadErr.Show(nil)
	s.settings, s.measures = set, ms
	s.quarters = make([]model.SickLeaveQuarter, len(qs))
	for i, q := range qs {
		s.quarters[len(qs)-1-i] = q
	}
	all := model.FollowUpAlerts(qs, set)
	s.alerts = make([]model.FollowUpAlert, len(all))
	for i, a := range all {
		s.alerts[len(all)-1-i] = a
	}
	s.Chart.Set(qs, set)
	s.Summary.SetText(s.summaryText())
	s.Presence.SetText(s.presenceText())
	s.refreshAlerts()
	s.apply()
}

// apply lists the quarters the search finds (all when it is blank). The
// quarter in the form leaves it when they no longer include it: a blank
// new quarter takes its place (the Guard asks first when it has changes).
func (s *Screen) apply() {
	s.rows = s.quarters
	if !s.query.Empty() {
		s.rows = nil
		for _, q := range s.quarters {
			if s.query.MatchSickLeave(q) {
				s.rows = append(s.rows, q)
			}
		}
	}
	s.Table.Refresh()
	hidden := func() bool { return s.Form.editing.ID != 0 && s.row(s.Form.editing.ID) < 0 }
	if !hidden() {
		return
	}
	s.Table.UnselectAll()
	s.env.Leave(func() {
		if hidden() {
			s.Form.NewQuarter()
		}
	}, nil)
}

// row is the table row of the quarter with record ID id, -1 when the
// search leaves it out.
func (s *Screen) row(id uint64) int {
	for i, q := range s.rows {
		if q.ID == id {
			return i
		}
	}
	return -1
}

// focusSearch is Ctrl+F: the search above the quarters' table.
func (s *Screen) focusSearch() {
	if s.Tabs != nil {
		s.Tabs.SelectIndex(TabQuarters)
	}
	s.env.Window.Canvas().Focus(s.Search)
}

// Quarters are the registered quarters, newest first.
func (s *Screen) Quarters() []model.SickLeaveQuarter { return s.quarters }

// Rows are the quarters the table lists, newest first.
func (s *Screen) Rows() []model.SickLeaveQuarter { return s.rows }

// FollowUpAlerts are the alerts the unit's rules raise, newest first.
func (s *Screen) FollowUpAlerts() []model.FollowUpAlert { return s.alerts }

// Settings are the unit's target and limits as loaded.
func (s *Screen) Settings() model.SickLeaveSettings { return s.settings }

// changed is called after every save: reload and tell the other screens.
func (s *Screen) changed() {
	s.Reload()
	s.env.DataChanged()
}

// summaryText is the latest quarter against the target.
func (s *Screen) summaryText() string {
	if len(s.quarters) == 0 {
		return lang.L("Ingen sykefraværstall registrert ennå. Legg inn kvartaler under «Kvartaler», eller importer dem fra en CSV-fil.")
	}
	return latestText(s.quarters[0], s.settings)
}

// latestText says "Siste kvartal 2026-K3: 6,1 % (enhetens mål 5,2 %, 0,9 prosentpoeng over målet). Nærvær 93,9 %."
func latestText(q model.SickLeaveQuarter, set model.SickLeaveSettings) string {
	diff := q.Total - set.Target
	var vs string
	switch {
	case diff > 0:
		vs = fmt.Sprintf(lang.L("%s prosentpoeng over målet"), points(diff))
	case diff < 0:
		vs = fmt.Sprintf(lang.L("%s prosentpoeng under målet"), points(-diff))
	default:
		vs = lang.L("som målet")
	}
	return fmt.Sprintf(lang.L("Siste kvartal %s: %s (%s %s, %s). Nærvær %s."), QuarterText(q.Quarter), pctText(q.Total),
		lang.L(set.TargetName()), pctText(set.Target), vs, pctText(q.Presence()))
}

// presenceText lists nærvær for the last four quarters, newest first.
func (s *Screen) presenceText() string {
	if len(s.quarters) == 0 {
		return ""
	}
	text := lang.L("Nærvær (100 % − sykefravær):")
	for i, q := range s.quarters {
		if i == 4 {
			break
		}
		text += fmt.Sprintf("\n%s: %s", QuarterText(q.Quarter), pctText(q.Presence()))
	}
	return text
}

// Open shows the quarter with record ID id in the table and the form.
// Call it after Content.
func (s *Screen) Open(id uint64) {
	if s.Tabs == nil {
		s.Content()
	}
	if s.row(id) < 0 {
		s.Search.SetText("")
	}
	if i := s.row(id); i >= 0 {
		q := s.rows[i]
		s.Tabs.SelectIndex(TabQuarters)
		s.Table.Select(widget.TableCellID{Row: i, Col: 0})
		s.Form.Edit(q)
	}
}

// recordID returns the ID of the record for quarter q, or 0.
func (s *Screen) recordID(q model.Quarter) uint64 {
	for _, r := range s.quarters {
		if r.Quarter == q {
			return r.ID
		}
	}
	return 0
}

// Content lays the screen out in tabs.
func (s *Screen) Content() fyne.CanvasObject {
	if s.Tabs != nil {
		return s.Tabs
	}
	help := wrapped(lang.L("Tallene gjelder hele enheten samlet, slik HR-rapporten gir dem. Ingen opplysninger om enkeltpersoner registreres."))
	help.Importance = widget.LowImportance
	overview := container.NewVScroll(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(registerio.ExportButton(s.env, registerio.SickLeave), s.PDFButton), s.Summary),
		s.loadErr.Label,
		s.Alerts,
		s.chartBlock(),
		help,
	))
	quarters := container.NewVSplit(
		container.NewBorder(container.NewBorder(nil, nil, s.Form.New, nil, s.Search), nil, nil, nil, s.Table),
		container.NewVScroll(s.Form.Content()))
	quarters.Offset = 0.45
	s.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Oversikt"), overview),
		container.NewTabItem(lang.L("Kvartaler"), quarters),
		container.NewTabItem(lang.L("Import"), s.Import.Content()),
		container.NewTabItem(lang.L("Mål og grenser"), s.Limits.Content()),
	)
	return s.Tabs
}

// chartBlock is the trend chart with nærvær beside it; in Møtemodus the
// nærvær goes below, so the chart keeps the projector's width.
func (s *Screen) chartBlock() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Sykefravær per kvartal"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if s.env.MeetingMode() {
		return container.NewVBox(title, s.Chart, s.Presence)
	}
	return container.NewVBox(title, container.NewBorder(nil, nil, nil, s.Presence, s.Chart))
}

// PDFInput is the report's data, read now on the UI goroutine.
func (s *Screen) PDFInput() (reports.SickLeaveInput, error) {
	u, err := s.env.Store.Unit()
	if err != nil {
		return reports.SickLeaveInput{}, err
	}
	qs, err := s.env.Store.SickLeaveQuarters()
	if err != nil {
		return reports.SickLeaveInput{}, err
	}
	return reports.SickLeaveInput{Unit: u, Quarters: qs, Settings: s.settings, Measures: s.measures, Today: s.env.Today()}, nil
}

// SavePDF saves the sick-leave report.
func (s *Screen) SavePDF() {
	in, err := s.PDFInput()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	pdfexport.Save(s.env, pdfexport.FileName(lang.L("Sykefravær"), in.Unit.Name), func() *reports.Document {
		return reports.SickLeaveReport(in, reports.Options{})
	})
}

// scale follows the theme, so Møtemodus widens the table's columns with
// the text.
func (s *Screen) scale() float32 {
	return s.env.App.Settings().Theme().Size(theme.SizeNameText) / theme.TextSize()
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// labelled puts the label above the control, wrapping, so two columns of
// fields fit a projector in Møtemodus.
func labelled(text string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, o)
}

// pctText is a percentage with one decimal, or two when the second is not
// zero.
func pctText(p model.Percent) string {
	if p%10 != 0 {
		return p.Format(2)
	}
	return p.String()
}

// points is a difference in percentage points without the sign: "0,9".
func points(p model.Percent) string {
	if p%10 != 0 {
		return p.Number(2)
	}
	return p.Number(1)
}

// newFromKeyboard is Ctrl+N: a new quarter, on the quarters tab.
func (s *Screen) newFromKeyboard() {
	if s.Tabs != nil {
		s.Tabs.SelectIndex(TabQuarters)
	}
	appctx.Press(s.Form.New)()
}
