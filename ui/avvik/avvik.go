// Package avvik is the deviation register (avviksregisteret): deviations,
// unwanted events, near misses and improvement suggestions with their
// handling from registrert to lukket, the § 5-2 reminder for serious
// injuries, measures that go to the action plan, and statistics per
// quarter and category. Violence and threats are registered here too; the
// violence module counts them from this register.
package avvik

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/model"
	"hmsutvalg/reports/registers"
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// PageID is the page's ID for navigation.
const PageID = "avvik"

// Named filters the dashboard can open the register with.
const (
	FilterOpen = "apne"
	// FilterOpenSerious is the dashboard's «Åpne alvorlige avvik».
	FilterOpenSerious = "apne-alvorlige"
	FilterNotice      = "melding"
)

func init() {
	// A measure made from a deviation opens the deviation here.
	appctx.SourcePages[string(model.SourceDeviation)] = PageID
}

// Page returns the sidebar entry.
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Avvik"), Icon: theme.ErrorIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		env.Resume = func() (appctx.Focus, bool) {
			if s.Editor == nil || s.Editor.Deviation().ID == 0 {
				return appctx.Focus{}, false
			}
			return appctx.Focus{ID: s.Editor.Deviation().ID}, true
		}
		if f, ok := env.TakeFocus(PageID); ok {
			s.ApplyFocus(f)
		}
		return s.Content()
	}}
}

// Status filter choices beyond the statuses themselves.
const (
	allLabel     = "Alle"
	openLabel    = "Åpne"
	seriousLabel = "Åpne alvorlige"
	noticeLabel  = "! Mangler melding (§ 5-2)"
)

// Screen is the register: filters, the list and the editor of one
// deviation, and the statistics.
type Screen struct {
	env    *appctx.Env
	all    []model.Deviation
	shown  []model.Deviation
	filter model.DeviationFilter
	places []string

	Search                          *widgets.SearchEntry
	query                           model.SearchQuery
	StatusSel, CategorySel, YearSel *widget.Select
	NewButton                       *widget.Button
	Count                           *widget.Label
	List                            *widgets.List
	Editor                          *Editor
	Stats                           *Stats
	Tabs                            *container.AppTabs
	detail                          *fyne.Container
	loadErr                         *widgets.ErrorText
	building                        bool // New is setting the filters: apply once at its end
	openedNew                       bool // the editor holds a deviation not saved before

	// attached counts each deviation's attachments (metadata only).
	attached map[uint64]int
	// Thumbs are the list's thumbnails, read for the rows on screen.
	Thumbs *vedlegg.ListThumbs
}

// New loads the register.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, detail: container.NewStack(), loadErr: widgets.NewErrorText()}
	if u, err := env.Store.Unit(); err == nil {
		s.places = u.Departments
	}
	s.Count = widget.NewLabel("")
	s.Count.Wrapping = fyne.TextWrapWord
	s.Search = widgets.NewSearchEntry(widgets.HiddenTextPlaceholder(s.env, lang.L("Søk i avvikene …")))
	s.Search.OnChanged = func(t string) { s.query = model.NewSearchQuery(t); s.apply() }
	s.newFilterSelects()
	s.NewButton = widget.NewButtonWithIcon(lang.L("Nytt avvik"), theme.ContentAddIcon(), s.NewDeviation)
	s.NewButton.Importance = widget.HighImportance
	s.newList()
	s.Stats = NewStats(env)
	// The selects call apply when set; filter the register once, at the end.
	s.building = true
	s.StatusSel.SetSelected(lang.L(allLabel))
	s.CategorySel.SetSelected(lang.L(allLabel))
	s.Reload()
	s.YearSel.SetSelected(lang.L(allLabel))
	s.building = false
	s.apply()
	s.Search.List = s.List // Escape in an empty search
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: appctx.Press(s.NewButton), Search: s.focusSearch})
	return s
}

// newFilterSelects makes the status, category and year filters.
func (s *Screen) newFilterSelects() {
	statuses := []string{lang.L(allLabel), lang.L(openLabel), lang.L(seriousLabel)}
	statuses = append(statuses, widgets.EnumOptions(model.DeviationStatusLabels())...)
	statuses = append(statuses, lang.L(noticeLabel))
	s.StatusSel = widgets.NewSelect(statuses, func(v string) {
		s.filter.Status, s.filter.OpenOnly, s.filter.OpenSeriousOnly, s.filter.NoticeOutstanding = "", false, false, false
		switch v {
		case lang.L(openLabel):
			s.filter.OpenOnly = true
		case lang.L(seriousLabel):
			s.filter.OpenSeriousOnly = true
		case lang.L(noticeLabel):
			s.filter.NoticeOutstanding = true
		default:
			if st, ok := model.DeviationStatusFromLabel(widgets.EnumLabel(v, model.DeviationStatusLabels())); ok {
				s.filter.Status = st
			}
		}
		s.apply()
	})
	cats := []string{lang.L(allLabel)}
	for _, c := range model.DeviationCategories() {
		cats = append(cats, lang.L(c.Short()))
	}
	s.CategorySel = widgets.NewSelect(cats, func(v string) {
		s.filter.Category = ""
		for _, c := range model.DeviationCategories() {
			if lang.L(c.Short()) == v {
				s.filter.Category = c
			}
		}
		s.apply()
	})
	s.YearSel = widgets.NewSelect(nil, func(v string) {
		s.filter.Year = 0
		if y, err := model.ParseHMSYear(v); err == nil {
			s.filter.Year = y
		}
		s.apply()
	})
}

// newList makes the register's list: two lines a deviation, a picture
// where it has one, and choosing a row opens it (once the open one is
// saved or the user has answered).
func (s *Screen) newList() {
	env := s.env
	s.List = widgets.NewTwoLineList(
		func() int { return len(s.shown) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			first, second, imp := RowText(s.shown[i], s.env.Today())
			if n := s.attached[s.shown[i].ID]; n > 0 {
				second += " · " + vedlegg.CountText(n)
			}
			return first, second, imp
		},
	)
	s.Thumbs = vedlegg.NewListThumbs(env, model.OwnerDeviation)
	s.List.SetLeading(func(i widget.ListItemID) bool { return i < len(s.shown) && s.Thumbs.Has(s.shown[i].ID) },
		func(i widget.ListItemID, img *canvas.Image) { s.Thumbs.Fill(s.shown[i].ID, img) })
	s.List.OnSelected = func(i widget.ListItemID) {
		if i >= len(s.shown) {
			return
		}
		d := s.shown[i]
		if s.Editor != nil && s.Editor.Deviation().ID == d.ID && d.ID != 0 {
			return // already open (reselected after a save)
		}
		// The open deviation is saved or the user asked first; the list
		// marks the open one until the question is answered.
		s.selectEditor()
		env.Leave(func() {
			s.show(d)
			s.selectEditor()
		}, nil)
	}
}

// Dirty reports whether the open deviation holds unsaved changes.
func (s *Screen) Dirty() bool { return s.Editor != nil && s.Editor.Dirty() }

// Save stores the open deviation; false leaves it open with the message.
func (s *Screen) Save() bool { return s.Editor == nil || s.Editor.SaveAll() }

// Discard puts the open deviation back as stored.
func (s *Screen) Discard() {
	if s.Editor != nil {
		s.Editor.Discard()
	}
}

// selectEditor marks the open deviation in the list (none for a new one).
func (s *Screen) selectEditor() {
	s.List.UnselectAll()
	if s.Editor == nil {
		return
	}
	for i, d := range s.shown {
		if d.ID == s.Editor.Deviation().ID && d.ID != 0 {
			s.List.Select(i)
		}
	}
}

// RowText is a deviation's row in the list: date, category and severity;
// then place and the status in words. A missing § 5-2 notice comes first
// and in red.
func RowText(d model.Deviation, today model.Date) (first, second string, imp widget.Importance) {
	cat := d.Category.Short()
	if cat == "" {
		cat = string(d.Category)
	}
	first = fmt.Sprintf("%s · %s · %s", d.Date, i18n.L(cat), i18n.L(d.Severity.Label()))
	status := fmt.Sprintf(i18n.L("Lukket %s"), d.ClosedOn)
	imp = widget.LowImportance
	if d.Open() {
		status = fmt.Sprintf(i18n.L("Åpen: %s"), strings.ToLower(i18n.L(d.Status.Label())))
		imp = widget.HighImportance
	}
	second = d.Place + " · " + status
	if d.NoticeOutstanding() {
		second = i18n.L("! Mangler melding (§ 5-2)") + " · " + second
		imp = widget.DangerImportance
	}
	return first, second, imp
}

// NewImporter is the «Importer …» dialog; the register lists the
// imported deviations as soon as they are stored.
func (s *Screen) NewImporter() *registerio.Importer {
	im := registerio.NewImporter(s.env, registers.RegDeviations)
	im.OnImported = s.Reload
	return im
}

// Reload reads the register again and reapplies the filter.
func (s *Screen) Reload() {
	all, err := s.env.Store.Deviations()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	s.loadErr.Show(nil)
	s.all = all
	s.countAttached()
	years := []string{lang.L(allLabel)}
	for _, y := range model.DeviationYears(all) {
		years = append(years, y.String())
	}
	s.YearSel.SetOptions(years)
	s.Stats.SetDeviations(all)
	s.apply()
}

// countAttached counts each deviation's attachments from their metadata
// (the photos are never read for the list).
func (s *Screen) countAttached() {
	s.attached, _ = s.env.Store.AttachmentCounts(model.OwnerDeviation)
	if s.Thumbs != nil {
		s.Thumbs.Reload()
	}
}

// attachedChanged shows the open deviation's new attachment count in the
// list.
func (s *Screen) attachedChanged() {
	s.countAttached()
	s.List.Refresh()
}

// apply filters and sorts the list (newest first).
func (s *Screen) apply() {
	if s.building {
		return
	}
	s.shown = model.FilterDeviations(s.all, s.filter)
	if !s.query.Empty() {
		kept := s.shown[:0]
		for _, d := range s.shown {
			if s.query.MatchDeviation(d, s.env.MeetingMode()) {
				kept = append(kept, d)
			}
		}
		s.shown = kept
	}
	open := 0
	for _, d := range s.shown {
		if d.Open() {
			open++
		}
	}
	s.Count.SetText(fmt.Sprintf(lang.L("Viser %d av %d avvik, %d åpne."), len(s.shown), len(s.all), open))
	s.List.UnselectAll()
	s.List.Refresh()
	if s.Editor != nil {
		for i, d := range s.shown {
			if d.ID == s.Editor.Deviation().ID && d.ID != 0 {
				s.List.Select(i)
			}
		}
	}
	s.dropHidden()
}

// dropHidden closes the open deviation when the filter no longer lists it
// (the Guard asks first when it has changes); a new one stays.
func (s *Screen) dropHidden() {
	hidden := func() bool {
		if s.Editor == nil || s.Editor.Deviation().ID == 0 {
			return false
		}
		for _, d := range s.shown {
			if d.ID == s.Editor.Deviation().ID {
				return false
			}
		}
		return true
	}
	if !hidden() {
		return
	}
	s.env.Leave(func() {
		if hidden() {
			s.Editor = nil
			s.detail.Objects = []fyne.CanvasObject{hint()}
			s.detail.Refresh()
		}
	}, nil)
}

// focusSearch puts the keyboard in the search field (Ctrl+F).
func (s *Screen) focusSearch() {
	if s.Tabs != nil {
		s.Tabs.SelectIndex(0)
	}
	s.env.Window.Canvas().Focus(s.Search)
}

// Shown are the listed deviations, newest first.
func (s *Screen) Shown() []model.Deviation { return s.shown }

// ApplyFocus opens a deviation or a named filter asked for by another page.
func (s *Screen) ApplyFocus(f appctx.Focus) {
	switch f.Filter {
	case FilterOpen:
		s.StatusSel.SetSelected(lang.L(openLabel))
	case FilterOpenSerious:
		s.StatusSel.SetSelected(lang.L(seriousLabel))
	case FilterNotice:
		s.StatusSel.SetSelected(lang.L(noticeLabel))
	}
	if f.ID != 0 {
		s.Open(f.ID)
	} else if f.Filter == FilterNew {
		s.show(model.NewDeviation(s.env.Today()))
	}
}

// Open shows one deviation, clearing filters that hide it.
func (s *Screen) Open(id uint64) {
	for _, d := range s.all {
		if d.ID != id {
			continue
		}
		if !s.filter.Match(d) || !s.query.MatchDeviation(d, s.env.MeetingMode()) {
			s.ResetFilter()
		}
		s.show(d)
		s.apply()
		return
	}
}

// ResetFilter shows the whole register.
func (s *Screen) ResetFilter() {
	s.Search.SetText("")
	s.StatusSel.SetSelected(lang.L(allLabel))
	s.CategorySel.SetSelected(lang.L(allLabel))
	s.YearSel.SetSelected(lang.L(allLabel))
}

// NewDeviation starts a blank deviation dated today.
func (s *Screen) NewDeviation() {
	s.env.Leave(func() {
		s.List.UnselectAll()
		s.show(model.NewDeviation(s.env.Today()))
	}, nil)
}

func (s *Screen) show(d model.Deviation) {
	s.Editor = NewEditor(s.env, d, s.places, s.saved, s.deleted)
	s.Editor.Attach.OnChanged = s.attachedChanged
	s.detail.Objects = []fyne.CanvasObject{s.Editor.Content()}
	s.detail.Refresh()
	if s.Tabs != nil {
		s.Tabs.SelectIndex(0)
	}
	s.openedNew = d.ID == 0
	s.env.FocusField(s.Editor.Date)
}

// saved is called by the editor after a save, a status change or a new
// measure.
func (s *Screen) saved(d model.Deviation) {
	if s.openedNew { // a new deviation: ready for the next
		s.openedNew = false
		s.env.FocusField(s.NewButton)
	}
	s.Reload()
	// The shell rebuilds the page on DataChanged; the new page opens this
	// deviation again.
	s.env.SetFocus(PageID, appctx.Focus{ID: d.ID})
	s.env.DataChanged()
}

func (s *Screen) deleted() {
	s.Editor = nil
	s.detail.Objects = nil
	s.Reload()
	s.detail.Objects = []fyne.CanvasObject{hint()}
	s.detail.Refresh()
	s.env.DataChanged()
}

func hint() fyne.CanvasObject {
	l := widget.NewLabel(lang.L("Velg et avvik i listen, eller registrer et nytt."))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Content lays the screen out: the register and the statistics as tabs.
func (s *Screen) Content() fyne.CanvasObject {
	if len(s.detail.Objects) == 0 {
		s.detail.Objects = []fyne.CanvasObject{hint()}
	}
	filters := widget.NewForm(
		widget.NewFormItem(lang.L("Status"), s.StatusSel),
		widget.NewFormItem(lang.L("Kategori"), s.CategorySel),
		widget.NewFormItem(lang.L("År"), s.YearSel),
	)
	count := fyne.CanvasObject(s.Count)
	if s.env.MeetingMode() {
		// On a projector the filters wait behind a button beside the
		// count, so the list keeps the height.
		count = filterToggle(filters, s.Count, s.StatusSel, s.CategorySel, s.YearSel)
	}
	left := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(registerio.ExportButton(s.env, registerio.Deviations),
		registerio.ImportButton(s.NewImporter)), s.NewButton), s.Search, filters, count, s.loadErr.Label), nil, nil, nil, s.List)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.36
	s.Tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Register"), split),
		container.NewTabItem(lang.L("Statistikk"), s.Stats.Content()),
	)
	return s.Tabs
}

// filterToggle is a button that shows or hides filters, beside the count;
// the filters start shown when one of the selects is set.
func filterToggle(filters fyne.CanvasObject, count *widget.Label, sels ...*widget.Select) fyne.CanvasObject {
	btn := widget.NewButtonWithIcon(lang.L("Filter"), theme.MenuExpandIcon(), nil)
	btn.Importance = widget.LowImportance
	show := func(on bool) {
		filters.Hide()
		btn.SetIcon(theme.MenuExpandIcon())
		if on {
			filters.Show()
			btn.SetIcon(theme.MenuDropDownIcon())
		}
	}
	btn.OnTapped = func() { show(!filters.Visible()) }
	set := false
	for _, sel := range sels {
		set = set || (len(sel.Options) > 0 && sel.Selected != sel.Options[0])
	}
	show(set)
	return container.NewBorder(nil, nil, container.NewVBox(btn), nil, count)
}
