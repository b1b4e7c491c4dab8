// Package moter is the committee's meetings: the list of meetings, the
// editor (time, place, attendance, agenda with notes and decisions), the
// meeting view for the shared screen, the invitation and minutes as PDF,
// and the annual wheel (årshjul) of the year's HMS duties.
package moter

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
	"hmsutvalg/ui/appctx"
	"hmsutvalg/ui/i18n"
	"hmsutvalg/ui/registerio"
	"hmsutvalg/ui/vedlegg"
	"hmsutvalg/ui/widgets"
)

// PageID is the meetings page's ID for navigation.
const PageID = "moter"

func init() {
	// A measure made from a decision opens its meeting here.
	appctx.SourcePages[string(model.SourceMeetingDecision)] = PageID
}

// Page returns the sidebar entry. A focus request opens meeting ParentID
// (a measure's source) or ID; with both, at the agenda item ID names (an
// item, or a decision: a measure's source, a search hit in the agenda).
func Page() appctx.Page {
	return appctx.Page{ID: PageID, Title: lang.L("Møter"), Icon: theme.AccountIcon(), Build: func(env *appctx.Env) fyne.CanvasObject {
		s := New(env)
		env.Resume = func() (appctx.Focus, bool) {
			if s.Editor == nil || s.Editor.Meeting().ID == 0 {
				return appctx.Focus{}, false
			}
			return appctx.Focus{ID: s.Editor.Meeting().ID}, true
		}
		if f, ok := env.TakeFocus(PageID); ok {
			id := f.ParentID
			if id == 0 {
				id = f.ID
			}
			switch f.Filter {
			case FilterNew:
				s.NewMeeting()
			case FilterView:
				s.OpenView(id)
			default:
				s.Open(id)
				if f.ParentID != 0 && f.ID != 0 {
					s.ShowItem(f.ID)
				}
			}
		}
		return s.Content()
	}}
}

// FilterView as a focus filter opens a meeting (the next one when no ID is
// given) straight in the meeting view, for starting the shared screen.
const FilterView = "motevisning"

// OpenView opens a meeting in the meeting view; id 0 means the next
// meeting (today or later), else the latest one. It reports whether a
// meeting was found.
func (s *Screen) OpenView(id uint64) bool {
	if id == 0 {
		if m, ok := model.NextMeeting(s.meetings, s.env.Today()); ok {
			id = m.ID
		} else if len(s.meetings) > 0 {
			id = s.meetings[0].ID // newest first
		}
	}
	s.Open(id)
	if s.Editor == nil || s.Editor.Meeting().ID != id || id == 0 {
		return false
	}
	s.Editor.startView()
	return true
}

// FilterNew as a focus filter starts a new meeting.
const FilterNew = "nytt"

// Screen lists the meetings and edits the selected one.
type Screen struct {
	env       *appctx.Env
	meetings  []model.Meeting
	shown     []model.Meeting // meetings the search finds
	query     model.SearchQuery
	Search    *widgets.SearchEntry
	List      *widgets.List
	NewButton *widget.Button
	CalBtn    *widget.Button // «Legg i kalenderen» (calendar.go)
	Editor    *Editor
	detail    *fyne.Container
	loadErr   *widgets.ErrorText
	// attached counts each meeting's attachments (metadata only).
	attached map[uint64]int
	// Thumbs are the list's thumbnails, read for the rows on screen.
	Thumbs *vedlegg.ListThumbs
}

// New loads the meetings.
func New(env *appctx.Env) *Screen {
	s := &Screen{env: env, detail: container.NewStack(), loadErr: widgets.NewErrorText()}
	s.List = widgets.NewTwoLineList(
		func() int { return len(s.shown) },
		func(i widget.ListItemID) (string, string, widget.Importance) {
			return widgets.Lines(s.listText(s.shown[i]))
		},
	)
	s.Thumbs = vedlegg.NewListThumbs(env, model.OwnerMeeting)
	s.List.SetLeading(func(i widget.ListItemID) bool { return i < len(s.shown) && s.Thumbs.Has(s.shown[i].ID) },
		func(i widget.ListItemID, img *canvas.Image) { s.Thumbs.Fill(s.shown[i].ID, img) })
	s.List.OnSelected = s.selected
	s.NewButton = widget.NewButtonWithIcon(lang.L("Nytt møte"), theme.ContentAddIcon(), s.NewMeeting)
	s.NewButton.Importance = widget.HighImportance
	s.CalBtn = NewCalendarButton(env)
	s.Search = widgets.NewSearchEntry(widgets.HiddenTextPlaceholder(s.env, lang.L("Søk i møtene …")))
	s.Search.OnChanged = func(t string) { s.query = model.NewSearchQuery(t); s.apply() }
	s.Reload()
	s.Search.List = s.List // Escape in an empty search
	env.Guard.Set(s)
	env.SetPageActions(appctx.PageActions{New: appctx.Press(s.NewButton), Search: func() { env.Window.Canvas().Focus(s.Search) }})
	return s
}

// selected opens meeting i of the list once the open one is saved, or the
// user answered the question; until then the list marks the open one.
func (s *Screen) selected(i widget.ListItemID) {
	if i >= len(s.shown) {
		return
	}
	m := s.shown[i]
	if s.Editor != nil && s.Editor.Meeting().ID == m.ID && m.ID != 0 {
		return // already open (marked again after a save)
	}
	s.selectEditor()
	s.env.Leave(func() {
		s.edit(m)
		s.selectEditor()
	}, nil)
}

// selectEditor marks the open meeting in the list (none for a new one).
func (s *Screen) selectEditor() {
	s.List.UnselectAll()
	if s.Editor == nil {
		return
	}
	for i, m := range s.shown {
		if m.ID == s.Editor.Meeting().ID && m.ID != 0 {
			s.List.Select(i)
		}
	}
}

// Dirty reports whether the open meeting holds unsaved changes.
func (s *Screen) Dirty() bool { return s.Editor != nil && s.Editor.Dirty() }

// Save stores the open meeting; false leaves it open with the message.
func (s *Screen) Save() bool { return s.Editor == nil || s.Editor.SaveAll() }

// Discard puts the open meeting back as stored; a new one not saved is
// dropped.
func (s *Screen) Discard() {
	if s.Editor == nil {
		return
	}
	id := s.Editor.Meeting().ID
	s.Reload()
	for _, m := range s.meetings {
		if m.ID == id && id != 0 {
			s.edit(m)
			s.selectEditor()
			return
		}
	}
	s.Editor = nil
	s.List.UnselectAll()
	s.detail.Objects = []fyne.CanvasObject{hint()}
	s.detail.Refresh()
}

func (s *Screen) listText(m model.Meeting) (string, widget.Importance) {
	parts := []string{m.TimeText()}
	if m.Place != "" {
		parts = append(parts, m.Place)
	}
	parts = append(parts, fmt.Sprintf(lang.L("%d saker"), len(m.Agenda)))
	if n := s.attached[m.ID]; n > 0 {
		parts = append(parts, vedlegg.CountText(n))
	}
	imp := widget.MediumImportance
	if !m.Held(s.env.Today()) {
		parts = append([]string{lang.L("Planlagt")}, parts...)
		imp = widget.HighImportance
	}
	return i18n.T(m.Title()) + "\n" + strings.Join(parts, " · "), imp
}

// Reload reads the meetings again, newest first.
func (s *Screen) Reload() {
	ms, err := s.env.Store.Meetings()
	if err != nil {
		s.loadErr.Show(err)
		return
	}
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	s.meetings = ms
	s.attached, _ = s.env.Store.AttachmentCounts(model.OwnerMeeting)
	if s.Thumbs != nil {
		s.Thumbs.Reload()
	}
	s.apply()
}

// apply lists the meetings the search finds (all when it is blank) and
// closes the open one when it is no longer listed (the Guard asks first
// when it has changes; a new meeting stays).
func (s *Screen) apply() {
	s.shown = s.meetings
	if !s.query.Empty() {
		s.shown = nil
		for _, m := range s.meetings {
			if _, ok := s.query.MatchMeeting(m, s.env.MeetingMode()); ok {
				s.shown = append(s.shown, m)
			}
		}
	}
	s.List.Refresh()
	if s.Editor == nil || s.Editor.Meeting().ID == 0 || s.listed(s.Editor.Meeting().ID) {
		return
	}
	s.env.Leave(func() {
		if s.Editor != nil && !s.listed(s.Editor.Meeting().ID) {
			s.Editor = nil
			s.List.UnselectAll()
			s.detail.Objects = []fyne.CanvasObject{hint()}
			s.detail.Refresh()
		}
	}, nil)
}

func (s *Screen) listed(id uint64) bool {
	for _, m := range s.shown {
		if m.ID == id {
			return true
		}
	}
	return false
}

// Meetings are the listed meetings, newest first.
func (s *Screen) Meetings() []model.Meeting { return s.shown }

// Open shows a meeting.
func (s *Screen) Open(id uint64) {
	if !s.listed(id) {
		s.Search.SetText("")
	}
	for i, m := range s.shown {
		if m.ID == id {
			s.List.Select(i)
			return
		}
	}
}

// ShowItem shows the open meeting's agenda item that id names (the item,
// or the item holding decision id) on the «Sakliste» tab, where its notes
// and decisions are.
func (s *Screen) ShowItem(id uint64) {
	if s.Editor == nil {
		return
	}
	if it, ok := s.Editor.Meeting().ItemWith(id); ok {
		s.Editor.ShowItem(it.ID)
		s.env.FocusField(s.Editor.ItemTitle)
	}
}

// NewMeeting starts a meeting a week from today (the usual notice), with
// the committee invited and the agenda the unit's data calls for.
// The open meeting is saved or the user is asked first.
func (s *Screen) NewMeeting() {
	s.env.Leave(func() {
		s.List.UnselectAll()
		today := s.env.Today()
		date := today.AddDays(7)
		members, _ := s.env.Store.Members()
		m := model.NewMeeting(date, members, model.ProposeAgenda(Facts(s.env, date)), today)
		s.edit(m)
	}, nil)
}

func (s *Screen) edit(m model.Meeting) {
	isNew := m.ID == 0
	s.Editor = NewEditor(s.env, m, func(saved model.Meeting) {
		defer s.env.DataChanged() // the «Angre» bar names the save
		// A new meeting: ready for the next.
		if isNew {
			isNew = false
			s.env.FocusField(s.NewButton)
		}
		s.Reload()
		for i, x := range s.shown {
			if x.ID == saved.ID {
				// Mark it in the list without rebuilding the editor.
				s.List.OnSelected = nil
				s.List.Select(i)
				s.List.OnSelected = s.selected
			}
		}
	}, func() {
		s.Editor = nil
		s.Reload()
		s.List.UnselectAll()
		s.detail.Objects = []fyne.CanvasObject{hint()}
		s.detail.Refresh()
		s.env.DataChanged()
	})
	s.Editor.Attach.OnChanged = func() {
		s.attached, _ = s.env.Store.AttachmentCounts(model.OwnerMeeting)
		if s.Thumbs != nil {
			s.Thumbs.Reload()
		}
		s.List.Refresh()
	}
	s.detail.Objects = []fyne.CanvasObject{s.Editor.Content()}
	s.detail.Refresh()
	s.env.FocusField(s.Editor.Date)
}

func hint() fyne.CanvasObject {
	return wrapped(lang.L("Velg et møte i listen, eller lag et nytt. Saklisten foreslås ut fra enhetens data."))
}

// Content lays the screen out: the list on the left, the editor on the
// right.
func (s *Screen) Content() fyne.CanvasObject {
	if len(s.detail.Objects) == 0 {
		s.detail.Objects = []fyne.CanvasObject{hint()}
	}
	left := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, registerio.ExportButton(s.env, registerio.Meetings), s.NewButton),
		s.CalBtn, s.Search, s.loadErr.Label), nil, nil, nil, s.List)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.3
	return split
}

// Facts gathers what decides the proposed agenda for a meeting on date:
// counted since the last meeting before it. Modules not built yet count
// as nothing to take up.
func Facts(env *appctx.Env, date model.Date) model.AgendaFacts {
	var f model.AgendaFacts
	since := model.Date{}
	if ms, err := env.Store.Meetings(); err == nil {
		if last, ok := model.LastMeetingBefore(ms, date); ok {
			since = last.Date
		}
	}
	today := env.Today()
	if ms, err := env.Store.Measures(); err == nil {
		sum := model.PlanSummary(ms, today)
		f.OpenMeasures, f.OverdueMeasures = sum.Open, sum.Overdue
	}
	if as, err := env.Store.Assessments(); err == nil {
		for _, a := range as {
			if a.ReviewDue(today) {
				f.RiskReviewsDue++
			}
			if a.Current() && (since.IsZero() || a.Date.After(since)) && !a.Date.After(date) {
				f.RiskChangedSinceLast++
			}
		}
	}
	moduleFacts(env, since, date, &f)
	return f
}
