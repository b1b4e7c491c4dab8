package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// The sidebar folds away on a small shared screen: in Møtemodus on a
// window narrower than sidebarFoldBelow it is hidden, so the page gets the
// width a 1024×768 projector has; the Meny button (Ctrl+B) shows or hides
// it whatever the size. Switching Møtemodus returns it to the automatic
// choice.
const sidebarFoldBelow = 1400

// Sidebar states: automatic, or the user's choice.
const (
	sidebarAuto = iota
	sidebarShown
	sidebarHidden
)

// sidebarShortcut shows or hides the sidebar (Ctrl+B).
var sidebarShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}

// sideLayout places the sidebar left of the page. Brought out by Meny
// where it folds (Møtemodus on a small screen) it lies over the page's
// left side, as a drawer, instead of beside it: beside it, the sidebar's
// width and the page's least width together were more than a 1024 screen
// (1135 px with a meeting open) and the window grew past the screen.
// The layout finds the sidebar and the page by identity: it draws the
// drawer last, so over the page.
type sideLayout struct {
	s     *shell
	width float32 // the last width laid out, for the automatic choice
}

// hidden reports whether the sidebar is folded away at width w.
func (l *sideLayout) hidden(w float32) bool {
	switch l.s.sidebar {
	case sidebarShown:
		return false
	case sidebarHidden:
		return true
	}
	return l.folds(w)
}

// folds reports whether the automatic choice folds the sidebar at width w.
func (l *sideLayout) folds(w float32) bool {
	return l.s.env.MeetingMode() && w > 0 && w < sidebarFoldBelow
}

// over reports whether the sidebar lies over the page at width w: shown
// by Meny where it would fold.
func (l *sideLayout) over(w float32) bool {
	return l.s.sidebar == sidebarShown && l.folds(w)
}

func (l *sideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	nav, page := l.s.navBox, l.s.content
	page.Move(fyne.NewPos(0, 0))
	if l.hidden(size.Width) {
		nav.Hide()
		l.s.nav.Hide()
		page.Resize(size)
		return
	}
	l.s.nav.Show()
	nav.Show()
	w := nav.MinSize().Width
	nav.Move(fyne.NewPos(0, 0))
	nav.Resize(fyne.NewSize(w, size.Height))
	over := l.over(size.Width)
	l.drawOrder(objs, over)
	if over {
		page.Resize(size)
		return
	}
	page.Move(fyne.NewPos(w, 0))
	page.Resize(fyne.NewSize(size.Width-w, size.Height))
}

// drawOrder puts the sidebar after the page (drawn over it) as a drawer,
// before it (first in the tab order, as it is on screen) beside it. The
// drawer has the window's background, so the page does not show through.
func (l *sideLayout) drawOrder(objs []fyne.CanvasObject, over bool) {
	bg := l.s.navBg
	if over {
		objs[0], objs[1] = l.s.content, l.s.navBox
		bg.FillColor = theme.Color(theme.ColorNameBackground)
		l.s.navEdge.Show()
	} else {
		objs[0], objs[1] = l.s.navBox, l.s.content
		bg.FillColor = color.Transparent
		l.s.navEdge.Hide()
	}
	bg.Refresh()
}

func (l *sideLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	page := l.s.content.MinSize()
	if l.hidden(l.width) {
		return page
	}
	nav := l.s.navBox.MinSize()
	if l.over(l.width) {
		return fyne.NewSize(max(nav.Width, page.Width), max(nav.Height, page.Height))
	}
	return fyne.NewSize(nav.Width+page.Width, max(nav.Height, page.Height))
}

// toggleSidebar shows a hidden sidebar or hides a shown one.
func (s *shell) toggleSidebar() {
	if s.side.hidden(s.side.width) {
		s.sidebar = sidebarShown
	} else {
		s.sidebar = sidebarHidden
	}
	s.body.Refresh()
}
