package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hmsutvalg/ui/appctx"
)

// shell is the main window's layout: a sidebar of pages and the content.
type shell struct {
	env     *appctx.Env
	pages   []appctx.Page
	current int
	content *fyne.Container
	nav     *widget.List
	meeting *widget.Button
	title   *widget.Label
	// The sidebar's fold (sidebar.go) and the page area it sits beside.
	root fyne.CanvasObject
	// frame is what the window shows while the shell has it: root, or
	// root inside the window's frame (the undo bar below it).
	frame fyne.CanvasObject
	body  *fyne.Container
	side  *sideLayout
	// navBox is the sidebar with its background (navBg), filled while
	// it lies over the page as a drawer.
	navBox  *fyne.Container
	navBg   *canvas.Rectangle
	navEdge *widget.Separator // the drawer's right edge
	sidebar int
	menu    *widget.Button
	// searchBtn opens the search across all registers.
	searchBtn *widget.Button
	// around are the focusable widgets of the window's frame below the
	// page (the undo bar's buttons), which focusPage must not pick.
	around []fyne.Focusable
}

// meetingShortcut toggles Møtemodus (Ctrl+M, Cmd+M on macOS).
var meetingShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault}

// quitShortcut closes the app cleanly (Ctrl+Q).
var quitShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}

func newShell(env *appctx.Env, pages []appctx.Page) *shell {
	s := &shell{env: env, pages: pages, content: container.NewStack()}
	env.Navigate = s.show
	// A save only refreshes the title: rebuilding the page would close the
	// record and tab the user is working in. Pages read the stored data
	// each time they are shown.
	env.OnDataChanged(s.refreshTitle)
	return s
}

// build returns the window content.
func (s *shell) build() fyne.CanvasObject {
	s.nav = widget.NewList(
		func() int { return len(s.pages) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Innstillinger og mer"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(s.pages[id].Icon)
			row.Objects[1].(*widget.Label).SetText(s.pages[id].Title)
		},
	)
	s.nav.OnSelected = func(id widget.ListItemID) {
		if id == s.current {
			return
		}
		// Leaving the page's form saves it or asks first. The sidebar
		// marks the page on screen until the question is answered.
		s.nav.Select(s.current)
		s.env.Leave(func() {
			s.current = id
			if s.side.over(s.side.width) {
				// A drawer closes once a page is chosen in it.
				s.sidebar = sidebarAuto
				s.body.Refresh()
			}
			s.nav.Select(id)
			s.rebuild()
		}, nil)
	}
	s.meeting = widget.NewButtonWithIcon("", theme.ComputerIcon(), s.toggleMeeting)
	s.env.OnMeetingMode(func(bool) { s.refreshMeetingButton(); s.relayout() })
	s.env.SealShell()
	s.refreshMeetingButton()

	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Wrapped, never cut: the unit's name is read from the back of the room.
	s.title.Wrapping = fyne.TextWrapWord
	s.refreshTitle()
	s.menu = widget.NewButtonWithIcon(lang.L("Meny"), theme.MenuIcon(), s.toggleSidebar)
	s.searchBtn = widget.NewButtonWithIcon(lang.L("Søk i alt"), theme.SearchIcon(), s.searchAll)
	top := container.NewBorder(nil, nil, s.menu, container.NewHBox(s.searchBtn, s.meeting), s.title)

	s.nav.Select(0)
	s.rebuild()
	s.side = &sideLayout{s: s}
	s.navBg = canvas.NewRectangle(color.Transparent)
	s.navEdge = widget.NewSeparator()
	s.navEdge.Hide()
	s.navBox = container.NewBorder(nil, nil, nil, s.navEdge, container.NewStack(s.navBg, s.nav))
	s.body = container.New(s.side, s.navBox, s.content)
	s.root = container.NewBorder(top, nil, nil, nil, s.body)
	return s.root
}

// relayout fits the window to a new Møtemodus scale at once: the page in
// view is rebuilt (reopening the record it showed, see Env.Resume) and
// the sidebar returns to its automatic fold. A view that has taken over
// the window (the meeting view) is only refreshed: it owns what it shows.
func (s *shell) relayout() {
	w := s.env.Window
	frame := s.frame
	if frame == nil {
		frame = s.root
	}
	if s.root == nil || w.Content() != frame {
		if c := w.Content(); c != nil {
			c.Refresh()
		}
		return
	}
	s.sidebar = sidebarAuto
	s.env.Leave(func() {
		if s.env.Resume != nil {
			if f, ok := s.env.Resume(); ok {
				s.env.SetFocus(s.pages[s.current].ID, f)
			}
		}
		s.rebuild()
		s.root.Refresh()
	}, nil)
}

// toggleMeeting switches Møtemodus once the form on screen is saved (or
// its changes discarded): the room sees the screen next.
func (s *shell) toggleMeeting() {
	s.env.Leave(func() { s.env.SetMeetingMode(!s.env.MeetingMode()) }, nil)
}

func (s *shell) refreshMeetingButton() {
	if s.env.MeetingMode() {
		s.meeting.SetText(lang.L("Avslutt møtemodus"))
		s.meeting.Importance = widget.HighImportance
	} else {
		s.meeting.SetText(lang.L("Møtemodus"))
		s.meeting.Importance = widget.MediumImportance
	}
	s.meeting.Refresh()
}

// refreshTitle shows the unit's name in the window title and header.
func (s *shell) refreshTitle() {
	name := ""
	if u, err := s.env.Store.Unit(); err == nil {
		name = u.Name
	}
	title := "HMS-utvalg"
	if name != "" {
		title = fmt.Sprintf("HMS-utvalg – %s", name)
	}
	s.env.Window.SetTitle(title)
	if s.title != nil {
		// The window's title names the app; the header only the unit,
		// so it fits beside the buttons on a projector.
		if name == "" {
			name = title
		}
		s.title.SetText(name)
	}
}

// show opens a page by ID.
func (s *shell) show(id string) {
	for i, p := range s.pages {
		if p.ID == id {
			if i == s.current {
				// Already here: rebuild so a focus request is seen.
				s.env.Leave(s.rebuild, nil)
				return
			}
			s.nav.Select(i)
			return
		}
	}
}

// rebuild redraws the current page from the stored data.
func (s *shell) rebuild() {
	if s.current < 0 || s.current >= len(s.pages) {
		return
	}
	p := s.pages[s.current]
	s.env.BeginPage()
	s.content.Objects = []fyne.CanvasObject{p.Build(s.env)}
	s.content.Refresh()
	if !s.env.EndPage() {
		s.focusPage()
	}
}

// focusPage puts the keyboard in the first field or button of the page
// just built. The focus must not stay on a widget of the page it replaced
// (gone from the window: the keyboard user's place is lost, and Fyne
// logs «Failed to focus» on the next move). Tab order is the order on
// screen, so the first after the sidebar (or, while it is folded, after
// the top bar's last button) is the page's first.
func (s *shell) focusPage() {
	w := s.env.Window
	frame := s.frame
	if frame == nil {
		frame = s.root
	}
	if s.root == nil || w.Content() != frame {
		return // still being built (the window's content is set after)
	}
	c := w.Canvas()
	c.Unfocus()
	anchor := fyne.Focusable(s.meeting)
	if s.nav.Visible() {
		anchor = s.nav
	}
	c.Focus(anchor)
	c.FocusNext()
	// A page with nothing to focus (or whose first field is hidden) would
	// hand the keyboard to whatever comes next: the undo bar's «Angre»,
	// where one stray Space undid the meeting's minutes, or round to the
	// top bar. Only the page's own widgets may take it.
	if f := c.Focused(); f != nil && s.outsidePage(f) {
		c.Unfocus()
	}
}

// outsidePage reports whether f is one of the window's own widgets around
// the page: the top bar, the sidebar or the undo bar.
func (s *shell) outsidePage(f fyne.Focusable) bool {
	around := append([]fyne.Focusable{s.nav, s.meeting, s.menu, s.searchBtn}, s.around...)
	for _, o := range around {
		if o != nil && o == f {
			return true
		}
	}
	return false
}

// reopen rebuilds the page from the stored data with the record it
// showed open again (env.Resume), so after an undo the open form, its
// attachments included, shows what is stored now.
func (s *shell) reopen() {
	if s.env.Resume != nil && s.current >= 0 && s.current < len(s.pages) {
		if f, ok := s.env.Resume(); ok {
			s.env.SetFocus(s.pages[s.current].ID, f)
		}
	}
	s.rebuild()
}

// addShortcuts binds the window's keyboard shortcuts. Ctrl+Q goes through
// quit, which saves or asks about the form on screen first.
func (s *shell) addShortcuts(c fyne.Canvas, quit func()) {
	c.AddShortcut(meetingShortcut, func(fyne.Shortcut) { s.toggleMeeting() })
	c.AddShortcut(quitShortcut, func(fyne.Shortcut) { quit() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF11 {
			s.env.Window.SetFullScreen(!s.env.Window.FullScreen())
		}
	})
}
