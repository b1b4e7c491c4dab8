// Package handlingsplan is the HMS action plan screen: the unit's single
// register of measures (tiltak), fed by every module.
package handlingsplan

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports"
	"hmsutvalg/reports/registers"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/pdfexport"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "handlingsplan"

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Handlingsplan"), Icon: theme.ListIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		env.Resume = func() (appctx.Focus, bool) { return appctx.Focus{ID: s.selectedID}, s.selectedID != 0 }
		if f, ok := env.TakeFocus(PageID); ok {
			switch f.Filter {
			case FilterOverdue:
				s.Overdue.SetChecked(true)
			case FilterDueSoon:
				s.DueSoon.SetChecked(true)
			}
			if f.ID != 0 {
				s.Select(f.ID)
			}
		}
		return s.Content()
	}}
}

const allLabel = "Alle"

// Screen is the plan's table with filters and the editor of one measure.
type Screen struct {
	env   *appctx.Env
	all   []model.Measure
	shown []model.Measure
	// naturals are the columns' natural widths for all at a text size
	// (natural), kept until the plan is read again.
	naturals map[naturalKey]float32
	filter   model.MeasureFilter
	sortBy   model.MeasureSortKey
	sortDesc bool

	Search                        *widgets.SearchEntry
	StatusSel, SourceSel, RespSel *widget.Select
	AreaSel, SortSel              *widget.Select
	DueSoon, Overdue, Desc        *widget.Check
	Reset, NewButton              *widget.Button
	PDFButton                     *widget.Button
	Summary                       *widget.Label
	FilterPanel                   fyne.CanvasObject
	Table                         *widgets.Table
	Editor                        *Editor
	loadErr                       *widgets.ErrorText
	selectedID                    uint64

	// FilterButton shows or hides the filters (FilterPanel).
	FilterButton *widget.Button
	// The columns shown and their widths, fitted to the table's width
	// (rows.go); body holds the table, or the table and the editor.
	ncols  int
	widths []float32
	body   *fyne.Container
	split  *container.Split
}

// New loads the plan.
func New(env *appctx.Env) *Screen {
	// Open measures first (the status order puts them first), nearest deadline first.
	s := &Screen{env: env, sortBy: model.SortByStatus, loadErr: widgets.NewErrorText()}
	s.Summary = widget.NewLabel("")
	s.Summary.Wrapping = fyne.TextWrapWord
	s.Search = widgets.NewSearchEntry(lang.L("Søk i tittel, beskrivelse, ansvarlig, kilde …"))
	s.Search.OnChanged = func(t string) { s.filter.Text = t; s.apply() }

	s.StatusSel = widgets.NewSelect(append([]string{lang.L(allLabel)}, widgets.EnumOptions(model.StatusLabels())...), func(v string) {
		s.filter.Statuses = nil
		if st, ok := model.StatusFromLabel(widgets.EnumLabel(v, model.StatusLabels())); ok {
			s.filter.Statuses = []model.Status{st}
		}
		s.apply()
	})
	s.SourceSel = widgets.NewSelect(append([]string{lang.L(allLabel)}, widgets.EnumOptions(model.SourceKindLabels())...), func(v string) {
		s.filter.Sources = nil
		if k, ok := model.SourceKindFromLabel(widgets.EnumLabel(v, model.SourceKindLabels())); ok {
			s.filter.Sources = []model.SourceKind{k}
		}
		s.apply()
	})
	s.AreaSel = widgets.NewSelect(append([]string{lang.L(allLabel)}, widgets.EnumOptions(model.PriorityAreaLabels())...), func(v string) {
		s.filter.PriorityAreas = nil
		if a, ok := model.PriorityAreaFromLabel(widgets.EnumLabel(v, model.PriorityAreaLabels())); ok {
			s.filter.PriorityAreas = []model.PriorityArea{a}
		}
		s.apply()
	})
	s.RespSel = widgets.NewSelect(nil, func(v string) {
		s.filter.Responsible = ""
		if v != lang.L(allLabel) {
			s.filter.Responsible = v
		}
		s.apply()
	})
	s.DueSoon = widget.NewCheck(lang.L("Forfaller innen 30 dager"), func(b bool) { s.filter.DueSoon = b; s.apply() })
	s.Overdue = widget.NewCheck(lang.L("Forfalt"), func(b bool) { s.filter.Overdue = b; s.apply() })
	s.SortSel = widgets.NewSelect(widgets.EnumOptions(model.MeasureSortKeyLabels()), func(v string) {
		if k, ok := model.MeasureSortKeyFromLabel(widgets.EnumLabel(v, model.MeasureSortKeyLabels())); ok {
			s.sortBy = k
			s.apply()
		}
	})
	s.Desc = widget.NewCheck(lang.L("Synkende"), func(b bool) { s.sortDesc = b; s.apply() })
	s.Reset = widget.NewButtonWithIcon(lang.L("Nullstill filter"), theme.ContentClearIcon(), s.ResetFilter)
	s.NewButton = widget.NewButtonWithIcon(lang.L("Nytt tiltak"), theme.ContentAddIcon(), func() {
		env.Leave(func() { s.edit(model.NewMeasure(env.Today())) }, nil)
	})
	s.NewButton.Importance = widget.HighImportance
	s.PDFButton = widget.NewButtonWithIcon(lang.L("PDF"), theme.DocumentPrintIcon(), s.SavePDF)

	s.Editor = NewEditor(env, s.saved)
	s.Table = s.newTable()
	for _, sel := range []*widget.Select{s.StatusSel, s.SourceSel, s.AreaSel} {
		sel.SetSelected(lang.L(allLabel))
	}
	widgets.SetEnum(s.SortSel, model.SortByStatus.Label())
	s.Reload()
	s.Search.List = s.Table // Escape in an empty search
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: appctx.Press(s.NewButton), Search: func() { env.Window.Canvas().Focus(s.Search) }})
	return s
}

// Dirty reports whether the open measure holds unsaved changes.
func (s *Screen) Dirty() bool { return s.Editor.Dirty() }

// Save stores the open measure; false keeps it with the message.
func (s *Screen) Save() bool { return s.Editor.SaveAll() }

// Discard puts the open measure back as stored.
func (s *Screen) Discard() { s.Editor.Discard() }

// Reload reads the plan from the file and reapplies filter and sort.
func (s *Screen) Reload() {
	ms, err := s.env.Store.Measures()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	s.all, s.naturals = ms, nil
	resp := append([]string{lang.L(allLabel)}, model.Responsibles(ms)...)
	s.RespSel.SetOptions(resp)
	if s.RespSel.Selected == "" {
		s.RespSel.SetSelected(lang.L(allLabel))
	}
	s.apply()
}

// NewImporter is the «Importer …» dialog; the plan lists the imported
// measures as soon as they are stored.
func (s *Screen) NewImporter() *registerio.Importer {
	im := registerio.NewImporter(s.env, registers.RegMeasures)
	im.OnImported = s.Reload
	return im
}

// ResetFilter clears every filter.
func (s *Screen) ResetFilter() {
	s.Search.SetText("")
	for _, sel := range []*widget.Select{s.StatusSel, s.SourceSel, s.AreaSel, s.RespSel} {
		sel.SetSelected(lang.L(allLabel))
	}
	s.DueSoon.SetChecked(false)
	s.Overdue.SetChecked(false)
	s.filter = model.MeasureFilter{}
	s.apply()
}

// Filter sets a filter directly (the dashboard links to "forfalt").
func (s *Screen) Filter(f model.MeasureFilter) { s.filter = f; s.apply() }

// Shown are the measures currently listed, in table order.
func (s *Screen) Shown() []model.Measure { return s.shown }

func (s *Screen) apply() {
	if s.Table == nil {
		return
	}
	today := s.env.Today()
	s.shown = model.FilterMeasures(s.all, s.filter, today)
	// Deadline first, then the chosen key (the sort is stable): within a
	// status or an area the nearest deadline comes first.
	model.SortMeasures(s.shown, model.SortByDeadline, false)
	if s.sortBy != model.SortByDeadline || s.sortDesc {
		model.SortMeasures(s.shown, s.sortBy, s.sortDesc)
	}
	sum := model.PlanSummary(s.all, today)
	text := fmt.Sprintf(lang.L("Viser %d av %d tiltak · %d åpne · %d forfalt · %d forfaller innen 30 dager"),
		len(s.shown), sum.Total, sum.Open, sum.Overdue, sum.DueSoon)
	s.Summary.SetText(text)
	if s.filter.IsZero() {
		s.Reset.Disable()
	} else {
		s.Reset.Enable()
	}
	if s.widths != nil {
		// Before the table's first layout its rows are fitted there
		// (fitColumns), to the columns' real widths: fitting them here
		// as well measured the whole plan twice more while the page
		// was built.
		s.fitRows()
	}
	s.Table.Refresh()
	s.markSelected()
	s.dropHidden()
}

// dropHidden takes the open measure out of the editor when the filter no
// longer lists it; changes typed into it are saved or discarded first
// (the Guard asks), and a user who stays keeps it open.
func (s *Screen) dropHidden() {
	if s.selectedID == 0 || s.isShown(s.selectedID) {
		return
	}
	s.env.Leave(func() {
		if s.selectedID == 0 || s.isShown(s.selectedID) {
			return
		}
		s.selectedID = 0
		s.Table.UnselectAll()
		s.Editor.Edit(model.NewMeasure(s.env.Today()))
	}, nil)
}

func (s *Screen) isShown(id uint64) bool {
	for i := range s.shown {
		if s.shown[i].ID == id {
			return true
		}
	}
	return false
}

// Select opens a measure in the editor and shows its row in the table,
// clearing filters that hide it.
func (s *Screen) Select(id uint64) {
	for _, m := range s.all {
		if m.ID == id {
			if !s.isShown(id) {
				s.ResetFilter()
			}
			s.edit(m)
			s.markSelected()
			return
		}
	}
}

// markSelected marks the open measure's row and scrolls it into view.
func (s *Screen) markSelected() {
	for i := range s.shown {
		if s.selectedID != 0 && s.shown[i].ID == s.selectedID {
			s.Table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
	s.Table.UnselectAll()
}

func (s *Screen) edit(m model.Measure) {
	s.showEditor()
	s.selectedID = m.ID
	s.Editor.Edit(m)
	s.env.FocusField(s.Editor.Title)
}

// saved is called by the editor after a successful save.
func (s *Screen) saved(m model.Measure) {
	if s.selectedID == 0 { // a new measure: ready for the next
		s.env.FocusField(s.NewButton)
	}
	s.selectedID = m.ID
	s.Reload()
	s.env.DataChanged()
}

// columns of the table.
var columns = []struct {
	title string
	width float32 // in units of the theme's text size
	kind  int     // what sets the width on screen (rows.go)
}{
	{"Forfall", 7, colFixed}, {"Frist", 6.5, colFixed}, {"Tiltak", 20, colTitle}, {"Ansvarlig", 7, colWrap},
	{"Status", 6, colFixed}, {"Kilde", 9, colWrap}, {"Prioritert område", 10, colWrap},
}

// dueMark is the overdue/due-soon marker: a word, so colour is not the only signal.
func dueMark(m model.Measure, today model.Date) (string, widget.Importance) {
	switch {
	case m.Overdue(today):
		return i18n.L("! Forfalt"), widget.DangerImportance
	case m.DueSoon(today):
		return i18n.L("Snart"), widget.WarningImportance
	case m.Status == model.StatusUtfort || m.Status == model.StatusEvaluert:
		return i18n.L("✓ Utført"), widget.SuccessImportance
	}
	return "", widget.MediumImportance
}

// CellText is the text and importance of one cell (also used by tests).
func (s *Screen) CellText(row, col int) (string, widget.Importance) {
	return s.cellOf(s.shown[row], col)
}

// cellOf is the text and importance of a measure's cell in a column.
func (s *Screen) cellOf(m model.Measure, col int) (string, widget.Importance) {
	today := s.env.Today()
	mark, imp := dueMark(m, today)
	if imp == widget.SuccessImportance {
		imp = widget.MediumImportance
	}
	switch col {
	case 0:
		mark, imp2 := dueMark(m, today)
		return mark, imp2
	case 1:
		return m.Deadline.String(), imp
	case 2:
		return m.Title, imp
	case 3:
		return m.Responsible, imp
	case 4:
		return i18n.L(m.Status.Label()), imp
	case 5:
		return SourceText(m.Source), imp
	case 6:
		return i18n.L(m.PriorityArea.Label()), imp
	}
	_ = mark
	return "", imp
}

func (s *Screen) newTable() *widgets.Table {
	t := widgets.NewTableWithHeaders(
		func() (int, int) { return len(s.shown), s.columnCount() },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(s.shown) {
				l.SetText("")
				return
			}
			text, imp := s.CellText(id.Row, id.Col)
			l.Importance = imp
			l.TextStyle.Bold = id.Col == 0 && imp == widget.DangerImportance
			l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
			if columns[id.Col].kind != colFixed {
				// Fyne cannot both wrap and cut; shownText cuts.
				l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
				text = s.shownText(text, id.Col)
			}
			l.SetText(text)
		},
	)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(columns) {
			o.(*widget.Label).SetText(lang.L(columns[id.Col].title))
		}
	}
	for i := range columns {
		t.SetColumnWidth(i, s.colWidth(i))
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(s.shown) {
			return
		}
		m := s.shown[id.Row]
		if m.ID == s.Editor.Measure().ID && m.ID != 0 {
			return // already open
		}
		// The open measure is saved or the user asked first.
		s.env.Leave(func() { s.edit(m) }, nil)
	}
	return t
}

// scale follows the theme, so Møtemodus widens the columns with the text.
func (s *Screen) scale() float32 {
	return s.env.App.Settings().Theme().Size(theme.SizeNameText) / theme.TextSize()
}

// Content lays the screen out. Filters sit in two columns with their labels
// above, so the screen fits a 1024×768 projector in Møtemodus.
func (s *Screen) Content() fyne.CanvasObject {
	grid := container.NewGridWithColumns(2,
		labelled(lang.L("Status"), s.StatusSel), labelled(lang.L("Kilde"), s.SourceSel),
		labelled(lang.L("Ansvarlig"), s.RespSel), labelled(lang.L("Prioritert område"), s.AreaSel),
		s.DueSoon, s.Overdue,
		labelled(lang.L("Sorter etter"), s.SortSel), container.NewVBox(layout.NewSpacer(), s.Desc))
	// Hidden by default so the table keeps the height on a projector;
	// shown when a filter is set from elsewhere (the dashboard's links).
	// The summary sits beside the button, a line less above the table.
	s.FilterPanel = grid
	s.FilterButton = widget.NewButtonWithIcon(lang.L("Filtrer og sorter"), theme.MenuExpandIcon(), s.toggleFilters)
	s.FilterButton.Importance = widget.LowImportance
	s.FilterButton.Alignment = widget.ButtonAlignLeading
	s.showFilters(!s.filter.IsZero())
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(s.Reset, s.PDFButton, s.NewButton), s.Search),
		container.NewBorder(nil, nil, s.FilterButton, container.NewHBox(registerio.ExportButton(s.env, registerio.Measures),
			registerio.ImportButton(s.NewImporter)), s.Summary), s.FilterPanel, s.loadErr.Label,
	)
	table := container.New(&tableFit{s: s}, s.Table)
	split := container.NewVSplit(table, container.NewVScroll(s.Editor.Content()))
	split.Offset = 0.5
	if s.wide() {
		// A wide screen (1920×1080) has room for the editor beside the
		// whole table.
		split = container.NewHSplit(table, container.NewVScroll(s.Editor.Content()))
		split.Offset = 0.62
	}
	s.split = split
	s.body = container.NewStack(split)
	if !s.wide() && s.env.MeetingMode() && s.selectedID == 0 {
		// On a projector the room first sees the list; the editor opens
		// below it when a measure is chosen or a new one begun.
		s.body.Objects = []fyne.CanvasObject{table}
	}
	return container.NewBorder(top, nil, nil, nil, s.body)
}

// showEditor brings the editor on screen beside or below the table.
func (s *Screen) showEditor() {
	if s.body == nil || s.body.Objects[0] == s.split {
		return
	}
	s.split.Leading.Show() // the table was in the body alone
	s.body.Objects = []fyne.CanvasObject{s.split}
	s.body.Refresh()
}

// toggleFilters shows or hides the filters.
func (s *Screen) toggleFilters() { s.showFilters(!s.FilterPanel.Visible()) }

func (s *Screen) showFilters(show bool) {
	if show {
		s.FilterPanel.Show()
		s.FilterButton.SetIcon(theme.MenuDropDownIcon())
	} else {
		s.FilterPanel.Hide()
		s.FilterButton.SetIcon(theme.MenuExpandIcon())
	}
}

// labelled puts the label above the control: beside it, two columns of
// them would not fit a projector in Møtemodus.
func labelled(text string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), o)
}

// PDFInput is what the printout shows: the measures listed now, and the
// filter in words when one is set.
func (s *Screen) PDFInput() reports.ActionPlanInput {
	u, _ := s.env.Store.Unit()
	in := reports.ActionPlanInput{Unit: u, Measures: append([]model.Measure(nil), s.shown...), Today: s.env.Today()}
	if !s.filter.IsZero() {
		in.Filter = s.FilterText()
	}
	return in
}

// FilterText describes the active filter, e.g. "Filter: status Pågår, forfalt".
func (s *Screen) FilterText() string {
	var parts []string
	for _, st := range s.filter.Statuses {
		parts = append(parts, lang.L("status")+" "+st.Label())
	}
	for _, k := range s.filter.Sources {
		parts = append(parts, lang.L("kilde")+" "+k.Label())
	}
	if s.filter.Responsible != "" {
		parts = append(parts, lang.L("ansvarlig")+" "+s.filter.Responsible)
	}
	for _, a := range s.filter.PriorityAreas {
		parts = append(parts, a.Label())
	}
	if s.filter.Overdue {
		parts = append(parts, lang.L("forfalt"))
	}
	if s.filter.DueSoon {
		parts = append(parts, lang.L("forfaller innen 30 dager"))
	}
	if t := strings.TrimSpace(s.filter.Text); t != "" {
		parts = append(parts, fmt.Sprintf(lang.L("søk «%s»"), t))
	}
	return lang.L("Filter:") + " " + strings.Join(parts, ", ")
}

// SavePDF saves the plan as shown as a landscape PDF.
func (s *Screen) SavePDF() {
	in := s.PDFInput()
	pdfexport.Save(s.env, pdfexport.FileName(lang.L("HMS-handlingsplan"), in.Unit.Name), func() *reports.Document {
		return reports.ActionPlanReport(in, reports.Options{})
	})
}

// SourceText is a measure's source as the screen shows it. A deviation's
// label is stored in bokmål when the measure is made; it is said again
// from its parts (date, category, place), so English reads «Deviation
// 21.12.2023 Violence and threats, Avdeling 2». Other labels go through
// i18n.T.
func SourceText(s model.Source) string {
	date, cat, place, ok := s.DeviationRef()
	if !ok {
		return i18n.T(s.Label())
	}
	t := fmt.Sprintf(i18n.L("Avvik %s %s"), date, i18n.L(cat.Label()))
	if place != "" {
		t += ", " + place
	}
	return t
}
